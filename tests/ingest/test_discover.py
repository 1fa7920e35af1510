"""Feed discovery on pages the loopback site serves."""

from __future__ import annotations

from ingest.discover import discover, feed_links
from ingest.fetch import Fetcher
from tests.httpserver import LoopbackServer


def test_feed_links_are_absolute_and_skip_comment_feeds() -> None:
    html = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" href="/comments/feed">'
        "</head><body></body></html>"
    )
    assert feed_links(html, "https://Bücher.example/a/b.html") == [
        "https://xn--bcher-kva.example/rss.xml"
    ]


def test_a_page_without_feed_links_falls_back_to_the_home_page(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    found = discover(fetcher, site.url("/news/ap.html"))
    assert [f.url for f in found.feeds] == [site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")]
    assert found.entries()[0].url == site.url("/news/spacereview.html")
    assert len(found.entries()) == 5


def test_unreadable_feeds_are_listed_with_their_reason(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    found = discover(fetcher, site.url("/news/polygraph.html"))  # declares /api/ as its feed
    assert found.feeds[0].url == site.url("/api/") and "HTTP 404" in (found.feeds[0].error or "")
