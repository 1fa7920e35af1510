"""Articles whose canonical URL cannot be reached: a mirror, a page whose canonical link names
another host. The canonical URL stays the article's identity; the URL it was fetched from is
kept beside it, and refetch and discover go there first."""

from __future__ import annotations

import pytest

from ingest.add import add_urls, refetch
from ingest.discover import discover
from ingest.fetch import Fetcher, FetchError, fetch_first
from storage.store import Store
from tests.httpserver import LoopbackServer
from tests.ingest.conftest import UNREACHABLE


def test_add_keeps_the_fetched_url_and_refetch_uses_it(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    mirror = site.url("/mirror/ap.html?t=refetch")
    [added] = add_urls(store, fetcher, [mirror]).outcomes
    assert added.status == "added"
    meta = store.meta(added.article_id or "")
    assert meta.url == UNREACHABLE + "/news/ap.html"  # still the article's identity
    assert meta.fetched_url == mirror
    assert meta.fetch_urls() == [mirror, meta.url]

    again = refetch(store, fetcher, meta.id)
    assert (again.status, again.reason) == ("unchanged", None)
    assert len(site.hits("/mirror/ap.html?t=refetch")) == 2

    [readded] = add_urls(store, fetcher, [mirror]).outcomes  # known by either URL: not fetched
    assert (readded.status, readded.article_id) == ("unchanged", meta.id)
    assert len(site.hits("/mirror/ap.html?t=refetch")) == 2
    assert store.count() == 1


def test_a_page_fetched_at_its_canonical_url_keeps_no_second_url(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    [added] = add_urls(store, fetcher, [site.url("/news/ap.html")]).outcomes
    meta = store.meta(added.article_id or "")
    assert meta.fetched_url is None and meta.fetch_urls() == [site.url("/news/ap.html")]


def test_discover_falls_back_to_the_next_url(site: LoopbackServer, fetcher: Fetcher) -> None:
    mirror = site.url("/mirror/ap.html")
    found = discover(fetcher, UNREACHABLE + "/news/ap.html", fallbacks=[mirror])
    assert found.page_url == mirror
    assert [f.url for f in found.feeds] == [site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")]


def test_fetch_first_tries_each_url_and_reports_the_first_failure(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    ap = site.url("/news/ap.html")
    assert fetch_first(fetcher, [site.url("/gone/a"), ap]).url == ap
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_first(fetcher, [site.url("/gone/a"), site.url("/error")])
