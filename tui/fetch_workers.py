"""Thread workers for network work started from the app: add a URL, refetch, refresh, discover.

Each function takes the node that starts it (the main screen, or the discover dialog) as its
first argument, runs in `@work(thread=True, exclusive=True, exit_on_error=False, ...)`, and
reports through `tui.fetch_messages` with `post_message`, which is safe from a thread. The
batch checks `get_current_worker().is_cancelled` every 0.2 s, so `cancel_fetch(node)` (bound
to escape) cancels the queued pages and stops after the ones in flight. A big batch cleans
pages in worker processes (`ingest.stages`); results still come back to the worker thread,
which alone writes to the store, never the UI thread; the store's lock makes those writes
safe against the app's own.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import work
from textual.dom import DOMNode
from textual.worker import get_current_worker

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


def _cancelled() -> bool:
    return get_current_worker().is_cancelled


def _reporter(node: DOMNode) -> Callable[[Progress], None]:
    def report(event: Progress) -> None:
        node.post_message(FetchProgress(event.phase, event.done, event.total, event.label))

    return report


def _run(node: DOMNode, kind: str, settings: FetchSettings | None, batch: Callable) -> None:
    """Build the fetcher, run `batch(fetcher)`, post FetchDone or a one-line FetchFailed."""
    try:
        fetcher = Fetcher(settings or FetchSettings.from_config())
        try:
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

    _run(node, "refetch", settings, lambda f: Summary([refetch(store, f, article_id)]))


@work(thread=True, exclusive=True, exit_on_error=False, group=GROUP)
def refresh_feeds(node: DOMNode, store: Store, settings: FetchSettings | None = None) -> None:
    """Fetch every feed, store new articles, retry partial ones (`r`)."""
    from ingest.refresh import refresh
    from storage.feeds import FeedBook

    book = FeedBook(store)
    _run(node, "refresh", settings, lambda f: refresh(store, book, f, _reporter(node), _cancelled))


@work(thread=True, exclusive=True, exit_on_error=False, group=GROUP)
def subscribe_and_add(
    node: DOMNode,
    store: Store,
    feeds: list[tuple[str, str]],
    urls: list[str],
    settings: FetchSettings | None = None,
) -> None:
    """What the discover dialog returns: subscribe to (url, title) feeds, add article URLs."""
    from ingest.add import add_urls as batch
    from storage.feeds import FeedBook

    book = FeedBook(store)
    for url, title in feeds:
        book.add(url, title)
    _run(node, "add", settings, lambda f: batch(store, f, urls, _reporter(node), _cancelled))


@work(thread=True, exclusive=True, exit_on_error=False, group="discover")
def discover_site(node: DOMNode, url: str, settings: FetchSettings | None = None) -> None:
    """Find the feeds of `url`'s site; posts DiscoverDone or DiscoverFailed."""
    from ingest.discover import discover

    try:
        fetcher = Fetcher(settings or FetchSettings.from_config())
        found = discover(fetcher, url)
    except Exception as exc:  # FetchError, config errors: one line in the dialog
        node.post_message(DiscoverFailed(str(exc)[:300]))
        return
    if not get_current_worker().is_cancelled:
        node.post_message(DiscoverDone(found))


def cancel_fetch(node: DOMNode) -> None:
    """Cancel the running add/refetch/refresh started from `node` (escape)."""
    node.workers.cancel_group(node, GROUP)


def is_fetching(node: DOMNode) -> bool:
    """Whether an add/refetch/refresh started from `node` is still running."""
    return any(w.node is node and w.group == GROUP and not w.is_finished for w in node.workers)
