"""Running a batch in two stages: fetch in threads, clean and analyse in processes.

Fetching waits on the network, so threads suffice. Cleaning (trafilatura) and analysis are
pure Python holding the GIL: in threads they use one core whatever the pool size, so a big
batch sends them to a process pool (`ingest.cookpool`); a small one (`newsroom add URL`, a
few new entries) cooks in the fetch threads instead.

Results come back to the calling thread, which alone calls `handle` (and so alone writes to
the store). A cancel stops taking items and cancels every queued future; what was handled
before it stays stored, and work still running is not waited for: its results are dropped,
never handled (a cancelled app's fetcher aborts the requests in flight, `Fetcher.abort`, so
their threads end at once too, storing nothing).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:  # concurrent.futures (and its logging) only with a process pool
    from concurrent.futures import Executor, Future, ThreadPoolExecutor

T = TypeVar("T")
# Pages queued for the process pool: enough that the workers keep cooking while the calling
# thread stores a batch (a second or more of fsyncs on a busy disk), bounded in bytes too.
COOK_AHEAD = 64
COOK_AHEAD_BYTES = 48 * 1024 * 1024
POLL_S = 0.2  # how often a wait wakes up to check for a cancel
Handle = Callable[[T, Any], None]
CancelFn = Callable[[], bool]


def _never() -> bool:
    return False


def run_stages(
    items: Sequence[T],
    fetch: Callable[[T], Any],
    cook: Callable[[T, Any], Any],
    handle: Handle[T],
    *,
    threads: int,
    cpu: Executor | None = None,
    cancelled: CancelFn = _never,
) -> bool:
    """`handle(item, cook(item, fetch(item)))` for every item, or `handle(item, exception)`
    when a stage raised; `fetch` runs in `threads` threads, `cook` in `cpu` (picklable
    then) or right after the fetch in the same thread. False if cancelled before the end."""
    if cpu is None:
        return run_pool(
            items, lambda item: cook(item, fetch(item)), handle, workers=threads,
            cancelled=cancelled,
        )  # fmt: skip
    return _Stages(items, fetch, (cook, cpu), handle, threads).run(cancelled)


def run_pool(
    items: Sequence[T],
    work: Callable[[T], Any],
    handle: Handle[T],
    *,
    workers: int,
    cancelled: CancelFn = _never,
) -> bool:
    """One stage only: `handle(item, work(item) or its exception)` with `work` in threads.

    Each thread takes the next item itself and hands back (item, result) on a queue: no
    future per item, and no `wait` that walks every pending future at each completion
    (that bookkeeping was a third of the CPU of fetching 100 feeds that answer 304)."""
    return _Threads(items, work, workers).run(handle, cancelled)


class _Threads(Generic[T]):
    """The threads of `run_pool`; a cancel (or a failing handler) stops them taking items.
    After a cancel, what they are running is neither waited for nor handled: they are
    daemon threads, and finish it on their own."""

    def __init__(self, items: Sequence[T], work: Callable[[T], Any], workers: int) -> None:
        self.pending = iter(items)
        self.work = work
        self.count = max(1, min(workers, len(items)))
        self.results: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self.lock = threading.Lock()
        self.stopped = self.skipped = False

    def run(self, handle: Handle[T], cancelled: CancelFn) -> bool:
        if cancelled():
            self._stop()  # cancelled before it began: no thread takes anything
        threads = [
            threading.Thread(target=self._take, name=f"fetch_{n}", daemon=True)
            for n in range(0 if self.stopped else self.count)
        ]
        for thread in threads:
            thread.start()
        left = False
        try:
            left = self._hand_back(handle, cancelled, len(threads))
        finally:
            self._stop()
            for thread in threads if not left else ():
                thread.join()
        return not (self.skipped or left)

    def _hand_back(self, handle: Handle[T], cancelled: CancelFn, running: int) -> bool:
        """Handle results until every thread has ended; True if a cancel left work behind.
        A cancel is looked at again before each result: one woken by it is not handled."""
        while running:
            if cancelled():
                self._stop()
                return self._drop(running)
            try:
                got = self.results.get(timeout=POLL_S)
            except queue.Empty:
                continue
            if got is _END:
                running -= 1
            elif cancelled():
                self._stop()
                return True
            else:
                handle(*got)
        return False

    def _drop(self, running: int) -> bool:
        """After a cancel: drop the results waiting; True if any, or if a thread still runs."""
        dropped = False
        while True:
            try:
                got = self.results.get_nowait()
            except queue.Empty:
                return dropped or running > 0
            if got is _END:
                running -= 1
            else:
                dropped = True

    def _next(self) -> Any:
        with self.lock:
            return _END if self.stopped else next(self.pending, _END)

    def _take(self) -> None:
        while (item := self._next()) is not _END:
            try:
                result = self.work(item)
            except BaseException as exc:  # handed to `handle`, as a future would
                result = exc
            self.results.put((item, result))
        self.results.put(_END)

    def _stop(self) -> None:
        """No more items are taken; `skipped` says whether any were left."""
        with self.lock:
            if not self.stopped:
                self.stopped = True
                self.skipped = next(self.pending, _END) is not _END


class _Stages(Generic[T]):
    """The loop of `run_stages` with a process pool: keeps a bounded number of items in
    flight in each stage. Each future puts itself on `finished` when it is done, so the
    loop handles one completion at a time without walking every pending future."""

    def __init__(
        self,
        items: Sequence[T],
        fetch: Callable[[T], Any],
        cook: tuple[Callable[[T, Any], Any], Executor],
        handle: Handle[T],
        threads: int,
    ) -> None:
        self.pending = iter(items)
        self.fetch, self.cook, self.handle = fetch, cook, handle
        self.threads = max(1, threads)
        self.fetching: dict[Future[Any], T] = {}
        self.cooking: dict[Future[Any], tuple[T, int]] = {}  # item, bytes of its page
        self.cooking_bytes = 0
        self.finished: queue.SimpleQueue[Future[Any]] = queue.SimpleQueue()
        self.exhausted = self.stopped = False

    def run(self, cancelled: CancelFn) -> bool:
        """Keep both stages fed until every item is handled, or a cancel: then what is
        queued is cancelled and what is running is left to finish unhandled, unwaited."""
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(self.threads, thread_name_prefix="fetch")
        left = False
        try:
            while not (left := cancelled()):
                self._submit(pool)
                if not self.fetching and not self.cooking:
                    break
                try:
                    done = self.finished.get(timeout=POLL_S)
                except queue.Empty:
                    continue
                if not cancelled():  # one woken by the cancel is not handled
                    self._done(done)
        except BaseException:
            left = True  # a failing handler must not leave queued work behind
            raise
        finally:
            if left:
                self._stop()
                self.stopped = self.stopped or bool(self.fetching or self.cooking)
            pool.shutdown(wait=not left, cancel_futures=True)
        return not self.stopped

    def _submit(self, pool: ThreadPoolExecutor) -> None:
        """Top up the fetch stage; hold back while the cook queue is full (memory bound)."""
        limit = 2 * self.threads
        while not self.exhausted and len(self.fetching) < limit and self._room_to_cook(limit):
            item = next(self.pending, _END)
            if item is _END:
                self.exhausted = True
                return
            future = pool.submit(self.fetch, item)
            self.fetching[future] = item
            future.add_done_callback(self.finished.put)

    def _room_to_cook(self, limit: int) -> bool:
        """The process pool gets a long queue (COOK_AHEAD pages, COOK_AHEAD_BYTES of
        bodies) so it never waits on a store."""
        room = len(self.cooking) < max(limit, COOK_AHEAD)
        return room and self.cooking_bytes < COOK_AHEAD_BYTES

    def _stop(self) -> None:
        """Cancel what has not started; what is running is left to finish, unhandled."""
        self.stopped = self.stopped or not self.exhausted
        self.exhausted = True
        for future in [f for f in self.fetching if f.cancel()]:
            del self.fetching[future]
            self.stopped = True
        for future in [f for f in self.cooking if f.cancel()]:
            self.cooking_bytes -= self.cooking.pop(future)[1]
            self.stopped = True

    def _done(self, future: Future[Any]) -> None:
        if future in self.cooking:
            item, size = self.cooking.pop(future)
            self.cooking_bytes -= size
        elif future in self.fetching:
            item = self.fetching.pop(future)
            if future.exception() is None:
                self._to_cook(item, future.result())
                return
        else:
            return  # not one of ours (none is handled after `_stop`)
        error = future.exception()
        self.handle(item, error if error is not None else future.result())

    def _to_cook(self, item: T, fetched: Any) -> None:
        cook, cpu = self.cook
        try:
            future = cpu.submit(cook, item, fetched)
        except RuntimeError as exc:  # BrokenProcessPool: a worker died; one line per item
            self.handle(item, exc)
            return
        size = len(getattr(fetched, "body", b""))
        self.cooking[future] = (item, size)
        self.cooking_bytes += size
        future.add_done_callback(self.finished.put)


_END: Any = object()
