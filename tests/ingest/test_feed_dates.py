"""Feed dates are stored as ISO dates: read by feedparser (UTC), never kept as raw text, used
when an entry's page has no date of its own, and outranked by the page's date when it has."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desk.search import search
from ingest.feeds import parse_feed
from ingest.fetch import Fetcher
from ingest.pipeline import article_from_text
from ingest.refresh import refresh
from storage.feeds import FeedBook
from storage.store import Store
from tests.httpserver import LoopbackServer, Reply, Request, serve

RSS = "application/rss+xml; charset=utf-8"
ITEM = (
    "<item><title>{title}</title><link>{base}{path}</link><pubDate>{date}</pubDate>"
    "<description>&lt;p&gt;{title}: the feed's own words about the story, enough of them "
    "to stand as an article when the page cannot be had.&lt;/p&gt;</description></item>"
)
ENTRIES = [  # (title, path, pubDate)
    ("Gone page", "/gone/lander.html", "Wed, 20 Nov 2019 11:00:00 GMT"),
    ("Undated page", "/pages/undated.html", "Tue, 19 Nov 2019 23:30:00 -0500"),
    ("Dated page", "/pages/dated.html", "Mon, 18 Nov 2019 10:00:00 GMT"),
    ("Unreadable date", "/gone/unreadable.html", "sometime next week"),
]
UP = {"late": False}  # /late/undated.html is a 404 until a test sets this


def _page(title: str, head: str = "") -> bytes:
    sentence = (
        f"<p>{title}: the council voted on the new budget for the harbour, and the mayor "
        "told reporters that the works would start in the spring after a long delay.</p>"
    )
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body><article>"
        f"<h1>{title}</h1>{sentence * 6}</article></body></html>"
    ).encode()


def _feed(base: str, entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(ITEM.format(title=t, base=base, path=p, date=d) for t, p, d in entries)
    return f'<rss version="2.0"><channel><title>Dates</title>{items}</channel></rss>'.encode()


def _late(request: Request) -> Reply:
    if not UP["late"]:
        return Reply(b"not yet", status=404, content_type="text/plain")
    return Reply(_page("Late page"))


@pytest.fixture(scope="module")
def dates_site() -> Iterator[LoopbackServer]:
    table: dict[str, object] = {}
    with serve(table) as server:  # type: ignore[arg-type]
        base = server.base
        late = [("Late page", "/late/undated.html", "Thu, 21 Nov 2019 08:00:00 GMT")]
        meta = '<meta property="article:published_time" content="2021-03-04T10:00:00Z">'
        table.update(
            {
                "/feed.xml": lambda q: Reply(_feed(base, ENTRIES), content_type=RSS),
                "/late-feed.xml": lambda q: Reply(_feed(base, late), content_type=RSS),
                "/pages/undated.html": lambda q: Reply(_page("Undated page")),
                "/pages/dated.html": lambda q: Reply(_page("Dated page", meta)),
                "/late/": _late,
                "/gone/": lambda q: Reply(b"gone", status=404, content_type="text/plain"),
            }
        )
        yield server


@pytest.fixture
def late() -> Iterator[dict[str, bool]]:
    UP["late"] = False
    yield UP
    UP["late"] = False


def _published(store: Store) -> dict[str, tuple[str | None, str]]:
    return {m.title: (m.published, m.status) for m in store.articles()}


def test_refresh_stores_feed_dates_as_iso_and_the_page_date_wins(
    dates_site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    book = FeedBook(store)
    book.add(dates_site.url("/feed.xml"))
    summary = refresh(store, book, fetcher)
    assert (summary.count("added"), summary.count("partial")) == (2, 2), summary.problems()
    assert _published(store) == {
        "Gone page": ("2019-11-20", "partial"),  # the feed's text and the feed's date
        "Undated page": ("2019-11-20", "ok"),  # 23:30 at -0500 is the 20th in UTC
        "Dated page": ("2021-03-04", "ok"),  # the page's own date, not the feed's
        "Unreadable date": (None, "partial"),  # never the raw text
    }


def test_legacy_dates_are_not_after_every_date_in_search(
    dates_site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    book = FeedBook(store)
    book.add(dates_site.url("/feed.xml"))
    refresh(store, book, fetcher)
    assert search(store, "after:2030-01-01") == []
    found = {h.meta.title for h in search(store, "after:2019-11-20 before:2019-11-20")}
    assert found == {"Gone page", "Undated page"}


def test_a_retried_partial_article_keeps_the_feed_date_if_its_page_has_none(
    dates_site: LoopbackServer, fetcher: Fetcher, store: Store, late: dict[str, bool]
) -> None:
    book = FeedBook(store)
    book.add(dates_site.url("/late-feed.xml"))
    assert refresh(store, book, fetcher).count("partial") == 1
    assert _published(store) == {"Late page": ("2019-11-21", "partial")}
    late["late"] = True
    assert refresh(store, book, fetcher).count("updated") == 1
    assert _published(store) == {"Late page": ("2019-11-21", "ok")}


def test_a_legacy_raw_date_is_made_iso_when_its_partial_article_is_retried(
    dates_site: LoopbackServer, fetcher: Fetcher, store: Store, late: dict[str, bool]
) -> None:
    """Stores written before feed dates were parsed hold the feed's raw pubDate."""
    meta, body = article_from_text(
        "Late page: the feed's own words about the story, stored by an older newsroom.",
        title="Late page", url=dates_site.url("/late/undated.html"), source="feed",
        published="Thu, 21 Nov 2019 08:00:00 GMT",
    )  # fmt: skip
    meta.status = "partial"
    store.add_article(meta, body)
    late["late"] = True
    assert refresh(store, FeedBook(store), fetcher).count("updated") == 1
    assert _published(store) == {"Late page": ("2019-11-21", "ok")}


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        ("<pubDate>Wed, 20 Nov 2019 11:00:00 GMT</pubDate>", "2019-11-20"),
        ("<pubDate>Wed, 20 Nov 2019 23:30:00 -0500</pubDate>", "2019-11-21"),
        ("<pubDate>2019-11-20T01:00:00+02:00</pubDate>", "2019-11-19"),
        ("<pubDate>not a date at all</pubDate>", None),
        ("<pubDate>\x1b]2;owned\x07\x1b[31mMon, 06 Sep 2021</pubDate>", None),
        ("<atom:updated>2020-02-03T04:05:06Z</atom:updated>", "2020-02-03"),
    ],
)
def test_parse_feed_gives_iso_dates_or_none(element: str, expected: str | None) -> None:
    rss = (
        "<?xml version='1.0'?><rss version='2.0' xmlns:atom='http://www.w3.org/2005/Atom'>"
        f"<channel><title>t</title><item><title>x</title><link>http://example.org/a</link>"
        f"{element}</item></channel></rss>"
    ).encode()
    [entry] = parse_feed(rss, "http://example.org/feed").entries
    assert entry.published == expected


def test_an_atom_entry_with_only_an_updated_date_keeps_it() -> None:
    atom = (
        b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
        b"<entry><title>x</title><link href='http://example.org/a'/>"
        b"<updated>2020-02-03T23:05:06-03:00</updated></entry></feed>"
    )
    [entry] = parse_feed(atom, "http://example.org/feed").entries
    assert entry.published == "2020-02-04"


def test_a_refetched_article_keeps_its_date_if_its_page_has_none(
    dates_site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    from ingest.add import refetch

    book = FeedBook(store)
    book.add(dates_site.url("/feed.xml"))
    refresh(store, book, fetcher)
    [undated] = [m for m in store.articles() if m.title == "Undated page"]
    assert refetch(store, fetcher, undated.id).status == "unchanged"  # not "updated" to None
    assert store.meta(undated.id).published == "2019-11-20"
