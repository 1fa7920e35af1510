"""The process pool that cleans and analyses a big batch's pages (`ingest.stages`).

Workers are forked by multiprocessing's forkserver, a fresh single-threaded process that
first imports and warms up what cooking needs (`ingest.warm`; for a big batch also
dateparser, `ingest.warm_dates`): each worker inherits that warm state instead of paying it
itself (~1.5 s of CPU each, and ~2.5 s more for dateparser in a big batch). Never plain
fork: the app and the fetcher run threads, and a forked child inherits their locks mid-use.
Where there is no forkserver (Windows), or the working directory holds a module that would
stand in for one of ours in the server (see `_cwd_shadows`), workers are spawned and warm
up on their own.

The forkserver is stopped when the last pool using it closes: a warm server holds ~200 MB,
which an app open all day should not keep, and its CPU is then counted with our children's.
Starting processes costs a second or more, so a stage under `PROCESS_MIN` items cooks in
the fetch threads instead, and a feeds-only refresh or a one-page add starts none.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # multiprocessing is imported only when a pool starts (~15 ms otherwise)
    from concurrent.futures import Executor, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

PROCESS_MIN = 8  # fewer items cook in threads: starting processes costs more than it saves
# From this many pages, the chance that some page needs dateparser's every-locale pass
# (one in ~180 on the benchmark corpus) is over one half for each of two workers, so the
# forkserver pays it once up front (~2.5 s) instead of each worker meeting it.
WARM_DATES_MIN = 250
_servers = {"users": 0}  # pools using the forkserver now
_servers_lock = threading.Lock()


class CookPool:
    """The process pool of one batch, started on first need and shut down on exit."""

    def __init__(self, min_items: int | None = None, workers: int | None = None) -> None:
        self.min_items = PROCESS_MIN if min_items is None else min_items
        self.workers = workers or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._forkserver = False

    def executor(self, items: int) -> Executor | None:
        """The process pool for a stage of `items` items; None means cook in the threads."""
        if items < self.min_items:
            return None
        if self._pool is None:
            from concurrent.futures import ProcessPoolExecutor

            from ingest.pages import warm_up

            _start_resource_tracker()
            context, self._forkserver = _context(items)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=warm_up)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        if self._forkserver:
            self._forkserver = False
            _release_forkserver()

    def __enter__(self) -> CookPool:
        return self

    def __exit__(
        self, kind: type | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _context(items: int) -> tuple[BaseContext, bool]:
    """The forkserver context, preloading the warm-up if this pool starts the server; or
    spawn where there is no forkserver. True if the forkserver is used (to be released)."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods() or _cwd_shadows():
        return multiprocessing.get_context("spawn"), False
    context = multiprocessing.get_context("forkserver")
    with _servers_lock:
        if not _servers["users"]:
            warm = ["ingest.warm"] + (["ingest.warm_dates"] if items >= WARM_DATES_MIN else [])
            context.set_forkserver_preload(warm)
        _servers["users"] += 1
    return context, True


def _cwd_shadows() -> bool:
    """Whether the working directory holds a module this process would import from
    elsewhere. The forkserver runs `python -c`, so the working directory comes first on
    its sys.path, and on 3.11 it ignores this process's sys.path (CPython passes it and
    does not apply it): a `storage/` package or a `json.py` there would stand in for ours,
    or a library's, in every worker. Spawned workers take this process's sys.path."""
    import importlib.machinery

    suffixes = tuple(importlib.machinery.all_suffixes())
    try:
        with os.scandir(os.getcwd()) as entries:
            found = [(_module_name(e, suffixes), e.path) for e in entries]
    except OSError:
        return True
    return any(name and not _imported_from(name, path) for name, path in found)


def _module_name(entry: os.DirEntry[str], suffixes: tuple[str, ...]) -> str | None:
    """The name `entry` is importable as (a module file, or a package directory)."""
    try:
        if entry.is_dir():
            package = any(
                os.path.exists(os.path.join(entry.path, f"__init__{s}")) for s in suffixes
            )
            return entry.name if package else None
    except OSError:
        return None
    return next((entry.name[: -len(s)] for s in suffixes if entry.name.endswith(s)), None)


def _imported_from(name: str, path: str) -> bool:
    """True if this process imports `name` from `path` too, or cannot import it at all."""
    import importlib.util

    if not name.isidentifier():
        return True
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return True
    if spec is None:
        return True
    where = list(spec.submodule_search_locations or []) or [spec.origin or ""]
    return any(os.path.realpath(w) == os.path.realpath(path) for w in where)


def _release_forkserver() -> None:
    """Stop the forkserver once no pool uses it (its workers have all exited by then, so
    this does not wait). `_stop` is multiprocessing's own (3.8+), used by its tests; if it
    is gone, the server lives on until this process exits, as it would by default."""
    from multiprocessing import forkserver

    with _servers_lock:
        _servers["users"] -= 1
        if not _servers["users"]:
            stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)
            if stop is not None:
                stop()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with the real stderr. It hands the child
    `sys.stderr.fileno()`, and inside a Textual app sys.stderr is a capture whose fileno is
    -1, which makes every process start fail with "bad value(s) in fds_to_keep"."""
    from multiprocessing import resource_tracker

    with contextlib.redirect_stderr(sys.__stderr__):
        resource_tracker.ensure_running()
