"""A feed's impossible or future date is not an article's published date: feedparser rolls
"2026-13-45T99:99:99Z" over to 2027-01-01, which sorted the entry above every real story.
Such an entry goes by its page's own date, else by none (shown as the day it was added)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from ingest.fetch import Fetcher
from ingest.refresh import refresh
from storage.feeds import FeedBook
from storage.models import labelled_day
from storage.store import Store
from tests.httpserver import LoopbackServer, Reply, Request, serve

ATOM = "application/atom+xml; charset=utf-8"
DATED = '<meta property="article:published_time" content="2021-03-04T10:00:00Z">'


def _iso(days: float) -> str:
    """An Atom date `days` from now (negative: in the past)."""
    when = dt.datetime.now(dt.UTC) + dt.timedelta(days=days)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _entries() -> list[tuple[str, str, str]]:
    """(title, path, the entry's date elements)."""
    return [
        ("Impossible date", "/undated/impossible",
         "<updated>2026-13-45T99:99:99Z</updated><published>yesterday-ish</published>"),
        ("Five days ahead", "/undated/ahead", f"<published>{_iso(5)}</published>"),
        ("One day ahead", "/undated/tomorrow", f"<published>{_iso(1)}</published>"),
        ("Ahead on a dated page", "/dated/later", f"<published>{_iso(5)}</published>"),
        ("Rolled-over published", "/undated/rolled",
         "<published>2019-02-30T10:00:00Z</published><updated>2019-11-19T12:00:00Z</updated>"),
    ]  # fmt: skip


def _feed(base: str) -> bytes:
    entry = "<entry><title>{0}</title><link href='{base}{1}'/><id>{base}{1}</id>{2}</entry>"
    items = "".join(entry.format(*e, base=base) for e in _entries())
    return (
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Dates</title>{items}</feed>'
    ).encode()


def _page(request: Request) -> Reply:
    """A page of its own words for each path; under /dated/ it gives its own date."""
    name = request.path.rsplit("/", 1)[-1]
    head = DATED if request.path.startswith("/dated/") else ""
    sentence = (
        f"<p>The {name} story: the council voted on the new budget for the harbour, and the "
        "mayor told reporters that the works would start in the spring after a delay.</p>"
    )
    return Reply(
        f"<!doctype html><html><head><title>The {name} story</title>{head}</head><body>"
        f"<article><h1>The {name} story</h1>{sentence * 6}</article></body></html>".encode()
    )


@pytest.fixture(scope="module")
def dates_site() -> Iterator[LoopbackServer]:
    table: dict[str, object] = {}
    with serve(table) as server:  # type: ignore[arg-type]
        base = server.base
        table.update(
            {
                "/feed.xml": lambda q: Reply(_feed(base), content_type=ATOM),
                "/undated/": _page,
                "/dated/": _page,
            }
        )
        yield server


def test_an_impossible_or_future_feed_date_is_not_the_published_date(
    dates_site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    book = FeedBook(store)
    book.add(dates_site.url("/feed.xml"))
    summary = refresh(store, book, fetcher)
    assert summary.count("added") == 5, summary.problems()
    base = dates_site.base
    published = {(m.url or "").removeprefix(base): m.published for m in store.articles()}
    assert (
        published
        == {
            "/undated/impossible": None,  # not 2027-01-01
            "/undated/ahead": None,
            "/undated/tomorrow": _iso(1)[:10],  # within two days of the fetch: zones, clocks
            "/dated/later": "2021-03-04",  # the page's own date, as for an undated entry
            "/undated/rolled": "2019-11-19",  # the entry's other date, a real one
        }
    )
    impossible = store.meta(next(o.article_id or "" for o in summary.outcomes
                                 if o.url.endswith("/impossible")))  # fmt: skip
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert labelled_day(impossible.published, impossible.added) == f"added {today}"
