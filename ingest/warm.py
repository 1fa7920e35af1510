"""Preloaded by the forkserver that forks the cooking workers (`ingest.cookpool`).

A forkserver can only import modules before it forks, so importing this module is the
warm-up: trafilatura, the analysers and one small extraction, paid once by the server and
inherited by every worker (copy-on-write), instead of ~1.5 s of CPU in each worker. The
objects made so far are then frozen out of the garbage collector: a worker's collections
would otherwise walk (and so copy) every inherited object again and again.
"""

import gc

from ingest.pages import warm_up

warm_up()
gc.freeze()
