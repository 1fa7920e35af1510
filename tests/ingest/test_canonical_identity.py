"""A page's canonical URL is its identity only while it can be trusted. A site's home page
named as every article's canonical (a common template mistake) is ignored, and a canonical
link naming a stored article that is clearly another story (another title, another text)
does not swallow the page: it is stored under the URL it was fetched from. The same article
through two URLs, or the same text, is still stored once."""

from __future__ import annotations

import gzip
from collections.abc import Iterator

import pytest

from ingest.add import add_urls
from ingest.fetch import Fetcher
from ingest.refresh import refresh
from storage.feeds import FeedBook
from storage.keys import same_story
from storage.models import ItemRef
from storage.store import Store
from tests.httpserver import LoopbackServer, Reply, Request, mark_paragraphs, page_html, serve
from tests.ingest.conftest import PAGES, RSS

AP_TITLE = b"UK Tories under fire for Twitter name switch during debate"
CLAIMS = ["/claim/aljazeera.html", "/claim/spacereview.html"]
NEW_TITLE = b"Tories defend Twitter rename as fact-check row grows"


def _name(request: Request) -> str:
    return request.path.split("?")[0].rsplit("/", 1)[-1].removesuffix(".html")


def _edited(base: str) -> bytes:
    """ap.html later: a new headline, two paragraphs changed, the same canonical URL."""
    raw = page_html(PAGES / "ap.html.gz", base + "/news/ap.html").replace(AP_TITLE, NEW_TITLE)
    return mark_paragraphs(raw, {3: "Updated. ", 6: "Correction: "})


def _feed(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return f'<rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def _routes(base: str) -> dict[str, object]:
    def page(canonical: str) -> object:
        return lambda q: Reply(page_html(PAGES / f"{_name(q)}.html.gz", canonical))

    def own(q: Request) -> Reply:
        return Reply(page_html(PAGES / f"{_name(q)}.html.gz", base + q.path.split("?")[0]))

    return {
        "/": lambda q: Reply(b"<html><body><p>Home.</p></body></html>"),
        "/news/": own,  # canonical: itself
        "/copy/": own,  # the same text under another canonical URL
        "/home/": page(base + "/"),  # canonical: the home page
        "/home-index/": page(base + "/index.html"),
        "/hijack/": page(base + "/news/ap.html"),  # canonical: another stored article
        "/amp/": lambda q: Reply(
            page_html(PAGES / f"{_name(q)}.html.gz", base + f"/news/{_name(q)}.html")
        ),  # the same article through another URL
        "/edited/ap.html": lambda q: Reply(_edited(base)),
        "/feed-home.xml": lambda q: Reply(
            _feed(base, ["/home/polygraph.html", "/home/spacereview.html"]), content_type=RSS
        ),
        "/feed-hijack.xml": lambda q: Reply(
            _feed(base, ["/hijack/aljazeera.html", "/amp/ap.html?f=1"]), content_type=RSS
        ),
        "/claim/": page(base + "/news/polygraph.html"),
        "/feed-claim.xml": lambda q: Reply(_feed(base, CLAIMS), content_type=RSS),
    }


@pytest.fixture(scope="module")
def web() -> Iterator[LoopbackServer]:
    table: dict[str, object] = {}
    with serve(table) as server:  # type: ignore[arg-type]
        table.update(_routes(server.base))
        yield server


def _add(store: Store, fetcher: Fetcher, *urls: str) -> list[tuple[str, str]]:
    return [(o.status, o.title) for o in add_urls(store, fetcher, urls).outcomes]


def test_home_page_canonical_is_ignored(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    polygraph, spacereview = web.url("/home/polygraph.html"), web.url("/home/spacereview.html")
    summary = add_urls(store, fetcher, [polygraph, spacereview, web.url("/home-index/ap.html")])
    assert [o.status for o in summary.outcomes] == ["added"] * 3, summary.problems()
    assert not summary.problems()  # ignoring a home page needs no note
    urls = {m.url: m for m in store.articles()}
    assert set(urls) == {polygraph, spacereview, web.url("/home-index/ap.html")}
    assert urls[polygraph].title.startswith("Russia and Syria")
    assert all(m.fetched_url is None for m in urls.values())
    again = _add(store, fetcher, polygraph, spacereview)
    assert [status for status, _ in again] == ["unchanged", "unchanged"]
    assert store.count() == 3


def test_a_canonical_naming_another_stored_article_does_not_swallow_the_page(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    ap = web.url("/news/ap.html")
    hijack = web.url("/hijack/polygraph.html")
    assert _add(store, fetcher, ap)[0][0] == "added"
    [added] = add_urls(store, fetcher, [hijack]).outcomes
    assert (added.status, added.title[:16]) == ("added", "Russia and Syria")
    assert added.reason and f"names another stored article ({ap})" in added.reason
    meta = store.meta(added.article_id or "")
    assert (meta.url, meta.fetched_url) == (hijack, None)
    assert "Tories" in store.meta(store.resolve(_ids(store)[ap])).title  # left as it was
    assert [s for s, _ in _add(store, fetcher, hijack, ap)] == ["unchanged", "unchanged"]
    assert store.count() == 2


def test_the_page_at_a_canonical_url_takes_it_from_one_that_only_named_it(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    """The other order: the hijacking page first, under the URL it names. The page at that
    URL is fetched (not taken as stored), stored there, and the first moves aside to the URL
    it was fetched from, keeping its id and tags."""
    ap, hijack = web.url("/news/ap.html"), web.url("/hijack/polygraph.html")
    [first] = add_urls(store, fetcher, [hijack]).outcomes
    assert first.status == "added" and store.meta(first.article_id or "").url == ap
    store.tag(ItemRef(first.article_id or ""), "verify")
    hits = len(web.hits("/news/ap.html"))
    [second] = add_urls(store, fetcher, [ap]).outcomes
    assert (second.status, second.title[:11]) == ("added", "UK Tories u")
    assert len(web.hits("/news/ap.html")) == hits + 1
    moved = store.meta(first.article_id or "")
    assert (moved.url, moved.fetched_url) == (hijack, None) and moved.title.startswith("Russia")
    assert store.meta(second.article_id or "").url == ap
    assert store.tags_for(moved.id) == {"": {"verify"}}
    again = add_urls(store, fetcher, [hijack, ap]).outcomes
    assert [(o.status, o.article_id) for o in again] == [
        ("unchanged", moved.id),
        ("unchanged", second.article_id),
    ]
    assert len(web.hits("/news/ap.html")) == hits + 1 and store.count() == 2


def test_the_same_article_through_two_urls_is_stored_once(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    amp = web.url("/amp/aljazeera.html")
    [first] = add_urls(store, fetcher, [amp]).outcomes
    meta = store.meta(first.article_id or "")
    assert (meta.url, meta.fetched_url) == (web.url("/news/aljazeera.html"), amp)
    assert (
        _add(store, fetcher, web.url("/news/aljazeera.html"), web.url("/amp/aljazeera.html?x"))[1][
            0
        ]
        == "unchanged"
    )
    assert store.count() == 1


def test_an_edited_article_under_its_canonical_url_is_not_stored_twice(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    """A new headline and changed paragraphs: still the story its canonical URL names."""
    assert _add(store, fetcher, web.url("/news/ap.html"))[0][0] == "added"
    [(status, title)] = _add(store, fetcher, web.url("/edited/ap.html"))
    assert (status, title) == ("unchanged", AP_TITLE.decode())
    assert store.count() == 1


def test_the_same_text_under_another_url_is_stored_once(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    statuses = _add(
        store, fetcher, web.url("/news/polygraph.html"), web.url("/copy/polygraph.html")
    )
    assert [s for s, _ in statuses] == ["added", "unchanged"] and store.count() == 1


def test_refresh_follows_the_same_rule(web: LoopbackServer, fetcher: Fetcher, store: Store) -> None:
    """Home-page canonicals, a canonical naming a stored article of another story, and an
    entry that is a stored article through another URL (still stored once)."""
    assert _add(store, fetcher, web.url("/news/ap.html"))[0][0] == "added"
    book = FeedBook(store)
    book.add(web.url("/feed-home.xml"))
    book.add(web.url("/feed-hijack.xml"))
    summary = refresh(store, book, fetcher)
    statuses = sorted(o.status for o in summary.outcomes)
    assert statuses == ["added"] * 3 + ["unchanged"], summary.problems()
    urls = {m.url for m in store.articles()}
    paths = ["/home/polygraph.html", "/home/spacereview.html", "/news/ap.html"]
    assert urls == {web.url(p) for p in [*paths, "/hijack/aljazeera.html"]}
    [note] = summary.problems()
    assert note.startswith(f"added {web.url('/hijack/aljazeera.html')}: its canonical link")


def test_two_new_entries_naming_one_canonical_url_are_both_stored(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    """Within one batch of a refresh: the first takes the canonical URL, the other is
    compared with it before it is stored, and kept under its own URL."""
    book = FeedBook(store)
    book.add(web.url("/feed-claim.xml"))
    summary = refresh(store, book, fetcher)
    assert [o.status for o in summary.outcomes] == ["added", "added"], summary.problems()
    urls = {m.url for m in store.articles()}
    claim = web.url("/news/polygraph.html")
    assert claim in urls and len(urls & {web.url(p) for p in CLAIMS}) == 1


def test_same_story() -> None:
    ap = gzip.decompress((PAGES / "ap.html.gz").read_bytes()).decode()
    budget = "The mayor on Tuesday unveiled a $1.2bn budget for the coming year."
    trains = "Rail operators said on Friday that 3,000 services would be cancelled next month."
    assert not same_story(("Mayor unveils budget", budget), ("Trains cancelled", trains))
    assert same_story(("Mayor unveils budget", budget), ("Mayor unveils budget | Times", trains))
    assert same_story(("Budget", budget), ("Other", budget.replace("$1.2bn", "$1.3bn")))
    assert not same_story(("News", budget), ("News | Times", trains))  # too short to tell
    assert same_story(("A", ap), ("B", ap[: len(ap) // 2]))  # an excerpt


def _ids(store: Store) -> dict[str | None, str]:
    return {m.url: m.id for m in store.articles()}


def test_one_batch_in_either_order_keeps_both_stories(
    web: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    """A refresh's batch holding the page that only names a URL and the page at it: both
    stored whatever their order, the page at the URL under it."""
    from ingest.pages import cook_url

    ap, hijack = web.url("/news/ap.html"), web.url("/hijack/polygraph.html")
    for order in ([hijack, ap], [ap, hijack]):
        for meta in store.articles():
            store.delete_article(meta.id)
        records = [cook_url(url, fetcher.get(url)) for url in order]
        stored = store.add_articles(records)
        assert [created for _, created in stored] == [True, True]
        assert {m.url: m.title[:6] for m in store.articles()} == {ap: "UK Tor", hijack: "Russia"}
        assert all(m.fetched_url is None for m in store.articles())
