"""Thread workers for network work started from the app: add a URL, refetch, refresh, discover.

Each function takes the node that starts it (the main screen, or the discover dialog) as its
first argument, runs in `@work(thread=True, exclusive=True, exit_on_error=False, ...)`, and
reports through `tui.fetch_messages` with `post_message`, which is safe from a thread.
`cancel_fetch(node)` (bound to escape) cancels the worker and aborts its fetcher, so the
requests in flight end at once instead of up to the read timeout later; the batch, which
checks `get_current_worker().is_cancelled`, then drops their results and those still
queued, keeps what it stored before, and reports "cancelled" straight away. A big batch cleans
pages in worker processes (`ingest.stages`); results still come back to the worker thread,
which alone writes to the store, never the UI thread; the store's lock makes those writes
safe against the app's own.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from textual import work
from textual.dom import DOMNode
from textual.worker import Worker, get_current_worker

from ingest.fetch import Fetcher, FetchSettings
from ingest.refresh import Progress, Summary
from storage.store import Store
from tui.fetch_messages import (
    DiscoverDone,
    DiscoverFailed,
    FetchDone,
    FetchFailed,
    FetchProgress,
)

GROUP = "fetch"
_fetchers: dict[Worker[None], Fetcher] = {}  # the fetch workers running, and their fetchers
_fetchers_lock = threading.Lock()


def _cancelled() -> bool:
    return get_current_worker().is_cancelled


def _reporter(node: DOMNode) -> Callable[[Progress], None]:
    def report(event: Progress) -> None:
        node.post_message(FetchProgress(event.phase, event.done, event.total, event.label))

    return report


@contextmanager
def _abortable(fetcher: Fetcher) -> Iterator[None]:
    """While the block runs, `cancel_fetch` aborts `fetcher`; a cancel that came before
    it was known aborts it at once."""
    worker = get_current_worker()
    with _fetchers_lock:
        _fetchers[worker] = fetcher
    try:
        if worker.is_cancelled:
            fetcher.abort()
        yield
    finally:
        with _fetchers_lock:
            del _fetchers[worker]


def _run(node: DOMNode, kind: str, settings: FetchSettings | None, batch: Callable) -> None:
    """Build the fetcher, run `batch(fetcher)`, post FetchDone or a one-line FetchFailed."""
    try:
        fetcher = Fetcher(settings or FetchSettings.from_config())
        try:
            with _abortable(fetcher):
                summary = batch(fetcher)
        finally:
            fetcher.close()
    except Exception as exc:  # reported as a notification, never a traceback in the UI
        node.post_message(FetchFailed(kind, f"{type(exc).__name__}: {exc}"[:300]))
        return
    node.post_message(FetchDone(kind, summary))


@work(thread=True, exclusive=True, exit_on_error=False, group=GROUP)
def add_urls(
    node: DOMNode, store: Store, urls: list[str], settings: FetchSettings | None = None
) -> None:
    """Fetch, clean and store `urls` (the `a` dialog's URL, or articles chosen in discover)."""
    from ingest.add import add_urls as batch

    _run(node, "add", settings, lambda f: batch(store, f, urls, _reporter(node), _cancelled))


@work(thread=True, exclusive=True, exit_on_error=False, group=GROUP)
def refetch_article(
    node: DOMNode, store: Store, article_id: str, settings: FetchSettings | None = None
) -> None:
    """Fetch the article's URL again, keeping its id and tags (`R`)."""
    from ingest.add import refetch

    def batch(fetcher: Fetcher) -> Summary:
        done = refetch(store, fetcher, article_id)
        if done.status == "failed" and fetcher.aborted:
            return Summary(cancelled=True)  # the cancel's doing: not the page's failure
        return Summary([done])

    _run(node, "refetch", settings, batch)


NO_FEEDS = (
    "No feeds to refresh: add one with d (discover a site's feeds) or `newsroom feeds add URL`"
)


@work(thread=True, exclusive=True, exit_on_error=False, group=GROUP)
def refresh_feeds(node: DOMNode, store: Store, settings: FetchSettings | None = None) -> None:
    """Fetch every feed, store new articles, retry partial ones (`r`)."""
    from ingest.refresh import refresh
    from storage.feeds import FeedBook

    book = FeedBook(store)
    try:
        empty = not book.all()
    except Exception:  # an unreadable feeds file: the refresh reports it as it does
        empty = False
    if empty:
        node.post_message(FetchFailed("refresh", NO_FEEDS, severity="warning"))
        return
    _run(node, "refresh", settings, lambda f: refresh(store, book, f, _reporter(node), _cancelled))


@work(thread=True, exclusive=True, exit_on_error=False, group="discover")
def discover_site(
    node: DOMNode,
    url: str,
    settings: FetchSettings | None = None,
    fallbacks: list[str] | None = None,
) -> None:
    """Find the feeds of `url`'s site (or of the first of `fallbacks` that can be fetched,
    if `url` cannot); posts DiscoverDone or DiscoverFailed."""
    from ingest.discover import discover

    fetcher = None
    try:
        fetcher = Fetcher(settings or FetchSettings.from_config())
        found = discover(fetcher, url, fallbacks=fallbacks or ())
    except Exception as exc:  # FetchError, config errors: one line in the dialog
        node.post_message(DiscoverFailed(str(exc)[:300]))
        return
    finally:
        if fetcher is not None:
            fetcher.close()  # its pooled connections
    if not get_current_worker().is_cancelled:
        node.post_message(DiscoverDone(found))


def cancel_fetch(node: DOMNode) -> None:
    """Cancel the running add/refetch/refresh started from `node` (escape), and abort its
    requests in flight (shutting sockets down does not block)."""
    cancelled = node.workers.cancel_group(node, GROUP)
    with _fetchers_lock:
        fetchers = [_fetchers[w] for w in cancelled if w in _fetchers]
    for fetcher in fetchers:
        fetcher.abort()


def is_fetching(node: DOMNode) -> bool:
    """Whether an add/refetch/refresh started from `node` is still running."""
    return any(w.node is node and w.group == GROUP and not w.is_finished for w in node.workers)
