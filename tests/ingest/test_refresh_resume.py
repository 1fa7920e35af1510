"""A refresh that stops before every new entry of a feed is handled (a cancel while feeds
download or while pages do, an entry that failed with nothing stored) leaves that feed's
validators and digest as they were: the next refresh parses it in full and stores what is
missing, instead of taking a 304 or the same bytes as "nothing new" for ever."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest

from ingest.fetch import Fetcher, FetchSettings
from ingest.refresh import Progress, refresh
from storage.feeds import FeedBook
from storage.store import Store
from tests.httpserver import LoopbackServer, Reply, Request, page_html
from tests.ingest import conftest

RSS = "application/rss+xml; charset=utf-8"


@pytest.fixture
def routes(site: LoopbackServer) -> Iterator[Callable[[str, Callable[[Request], Reply]], str]]:
    """Add routes to the shared loopback site for one test; returns the route's URL."""
    added: list[str] = []

    def add(path: str, route: Callable[[Request], Reply]) -> str:
        site.routes[path] = route
        added.append(path)
        return site.url(path)

    yield add
    for path in added:
        site.routes.pop(path, None)


@pytest.fixture
def one_at_a_time(settings: FetchSettings) -> Iterator[Fetcher]:
    """One fetch thread: feeds and pages are taken in order, so a cancel lands where meant."""
    fetcher = Fetcher(replace(settings, total=1))
    yield fetcher
    fetcher.close()


def _rss(items: list[tuple[str, str]]) -> bytes:
    """An RSS feed of (title, link) items; an empty title gives an item with no text."""
    body = "".join(
        f"<item><title>{title}</title><link>{link}</link></item>" if title else
        f"<item><link>{link}</link></item>"
        for title, link in items
    )  # fmt: skip
    return f'<rss version="2.0"><channel><title>Resume</title>{body}</channel></rss>'.encode()


def test_a_refresh_cancelled_while_feeds_download_stores_their_entries_next_time(
    site: LoopbackServer, routes, one_at_a_time: Fetcher, store: Store
) -> None:
    """The tester's case: cancelled at 9 of 11 feeds, the changed feeds' validators were
    saved with none of their entries stored, and every later refresh said 0 added."""
    book = FeedBook(store)
    changed = site.url("/feeds/atom.xml?t=resume-feeds")  # answers 304 to its ETag
    book.add(changed)
    late = _rss([("Late", site.url("/news/aljazeera.html"))])
    book.add(routes("/resume/slow-feed.xml", lambda q: Reply(late, content_type=RSS, delay=0.3)))
    events: list[Progress] = []
    first = refresh(store, book, one_at_a_time, events.append, cancelled=lambda: bool(events))
    assert first.cancelled and first.feeds_checked == 1 and not first.outcomes
    feed = book.get(changed)
    assert feed is not None and feed.etag is None and feed.digest is None
    assert not feed.last_success

    second = refresh(store, book, one_at_a_time)
    assert not second.cancelled and second.feeds_unchanged == 0
    assert second.count("added") == 3, second.problems()
    assert {m.url for m in store.articles()} == {
        site.url("/news/polygraph.html"), site.url("/news/ap.html"),
        site.url("/news/aljazeera.html"),
    }  # fmt: skip
    assert book.get(changed).etag == conftest.ETAG  # type: ignore[union-attr]
    assert refresh(store, book, one_at_a_time).feeds_unchanged == 2


def test_an_entry_that_failed_with_nothing_stored_is_fetched_again_next_refresh(
    site: LoopbackServer, routes, fetcher: Fetcher, store: Store
) -> None:
    """An entry whose page fails and whose feed gives no text for it is not stored (no
    partial article to retry): its feed stays unfinished until the page can be had."""
    up = {"page": False}
    page = page_html(conftest.PAGES / "spacereview.html.gz", site.url("/resume/later.html"))
    later = routes(
        "/resume/later.html",
        lambda q: Reply(page) if up["page"] else Reply(b"", status=503),
    )
    feed = _rss([("", later)])  # the same bytes each time, and no ETag: one digest
    url = routes("/resume/untitled.xml", lambda q: Reply(feed, content_type=RSS))
    book = FeedBook(store)
    book.add(url)
    first = refresh(store, book, fetcher)
    assert first.count("failed") == 1 and not store.articles()
    assert "no text" in first.problems()[0]
    assert book.get(url).digest is None  # type: ignore[union-attr]

    up["page"] = True
    second = refresh(store, book, fetcher)
    assert second.count("added") == 1 and second.feeds_unchanged == 0
    assert [m.url for m in store.articles()] == [later]
    assert refresh(store, book, fetcher).feeds_unchanged == 1
