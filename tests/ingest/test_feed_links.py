"""A feed entry without a link is skipped, and the refresh says so: feedparser takes an
entry's id for its link, resolved against the feed's URL, so an Atom entry with only
<id>b2</id> was fetched as http://host/b2 and stored as a junk partial article. An id that
is itself an absolute http(s) URL is still the entry's address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ingest.feeds import parse_feed
from ingest.fetch import Fetcher
from ingest.refresh import refresh
from storage.feeds import FeedBook
from storage.store import Store
from tests.httpserver import LoopbackServer, Reply

ATOM = "application/atom+xml; charset=utf-8"


def _atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Links</title>
  <entry><title>Linked</title><link href="{base}/news/polygraph.html?t=links"/>
    <id>urn:uuid:1</id><summary>Polygraph looks at a claim.</summary></entry>
  <entry><title>Only an id</title><id>b2</id>
    <summary>An entry with an id and no link: nothing to fetch.</summary></entry>
  <entry><title>Id is the address</title><id>{base}/news/spacereview.html?t=links</id>
    <summary>Its id is a web address written in full.</summary></entry>
</feed>""".encode()


@pytest.fixture
def links_feed(site: LoopbackServer) -> Iterator[str]:
    path = "/links/feed.xml"
    site.routes[path] = lambda q: Reply(_atom(site.base), content_type=ATOM)
    yield site.url(path)
    site.routes.pop(path, None)


def test_an_entry_with_only_a_relative_id_is_skipped_and_counted(
    site: LoopbackServer, links_feed: str, fetcher: Fetcher, store: Store
) -> None:
    book = FeedBook(store)
    book.add(links_feed)
    summary = refresh(store, book, fetcher)
    assert summary.count("added") == 2 and not summary.count("partial"), summary.problems()
    assert summary.entries_skipped == 1
    assert "; 1 entry without a web link skipped" in summary.headline()
    assert not [r for r in site.requests if r.path.startswith("/links/b2")]
    stored = {m.url for m in store.articles()}
    assert stored == {site.url("/news/polygraph.html"), site.url("/news/spacereview.html")}


def test_parsing_tells_an_id_written_in_full_from_one_resolved_against_the_feed() -> None:
    feed_url = "http://127.0.0.1:8765/feed.xml"
    doc = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><title>a</title><guid>b2</guid></item>"
        b"<item><title>b</title><guid>http://127.0.0.1:8765/b3?x=1&amp;y=2</guid></item>"
        b"<item><title>c</title><guid><![CDATA[https://example.org/c]]></guid></item>"
        b"<item><title>d</title><guid>tag:example.org,2019:d</guid></item>"
        b"</channel></rss>"
    )
    parsed = parse_feed(doc, feed_url)
    assert [e.url for e in parsed.entries] == [
        "http://127.0.0.1:8765/b3?x=1&y=2",
        "https://example.org/c",
    ]
    assert parsed.skipped == 2
