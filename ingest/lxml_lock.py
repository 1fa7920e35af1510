"""One lock for every use of lxml (and of trafilatura, built on it) in threads.

lxml's C code is not safe to run from two threads at once: concurrent
`trafilatura.extract` calls crash the process now and then with a segmentation fault
(trafilatura issues #840 and #925, still open on 2.2.0; seen here in the test suite when
three fetch threads cleaned pages at once). A small batch cooks its pages in the fetch
threads (`ingest.stages`), and the app's workers parse feeds' HTML and OPML files, so each
such use takes this lock. It costs no parallelism: cleaning holds the GIL anyway, and a
big batch cooks in a process pool, one thread per process. Re-entrant, so that a locked
function may call another.
"""

from __future__ import annotations

import threading

LXML = threading.RLock()
