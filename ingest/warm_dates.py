"""Preloaded by the forkserver for a big batch (`ingest.cookpool.WARM_DATES_MIN` pages), after
`ingest.warm`: dateparser's every-locale compilation (`ingest.pages.warm_dates`), paid once
by the server rather than once by each worker that meets an unreadable date; its patterns
are frozen out of the garbage collector too (see `ingest.warm`).
"""

import gc

from ingest.pages import warm_dates

warm_dates()
gc.freeze()
