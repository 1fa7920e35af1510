"""Batches against the loopback site: add URLs, refetch, refresh feeds, retry, cancel,
with cooking in the fetch threads and (forced) in the process pool."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

import pytest

from ingest import cookpool, stages
from ingest.add import add_urls, refetch
from ingest.fetch import Fetcher, FetchSettings
from ingest.pipeline import article_from_text
from ingest.refresh import Progress, refresh
from storage import feeds as feeds_module
from storage.feeds import FeedBook
from storage.models import ItemRef, quote_keys
from storage.store import Store
from tests.httpserver import LoopbackServer
from tests.ingest import conftest


@pytest.fixture
def flaky() -> Iterator[dict[str, bool]]:
    conftest.FLAKY["up"] = False
    yield conftest.FLAKY
    conftest.FLAKY["up"] = False


def test_add_urls_stores_clean_articles_once(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    events: list[Progress] = []
    urls = [site.url("/news/aljazeera.html"), site.url("/news/ap.html"), site.url("/gone/x")]
    summary = add_urls(store, fetcher, urls, events.append)
    assert (summary.count("added"), summary.count("failed")) == (2, 1)
    assert "HTTP 404" in summary.problems()[0]
    assert [e.done for e in events] == [1, 2, 3] and events[-1].total == 3
    meta = store.meta(next(o.article_id for o in summary.outcomes if o.url == urls[0]))
    assert meta.url == urls[0] and meta.source == "url" and meta.site
    assert meta.author and meta.published and meta.n_quotes > 0
    again = add_urls(store, fetcher, [urls[0], site.url("/alias/aljazeera")])
    assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
    assert len(store.articles()) == 2


def test_refused_urls_fail_without_io(fetcher: Fetcher, store: Store) -> None:
    summary = add_urls(
        store, fetcher, ["file:///etc/passwd", "javascript:x", "http://" + "a" * 3000]
    )
    assert summary.count("failed") == 3 and not store.articles()


def test_refetch_turns_a_text_seed_into_the_full_article_keeping_tags(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    url = site.url("/news/ap.html")
    added = add_urls(store, fetcher, [url]).outcomes[0]
    real = store.get(added.article_id)
    store.delete_article(real.id)
    first_paragraphs = "\n".join(real.body.text.split("\n")[:4])
    seed_meta, seed_body = article_from_text(first_paragraphs, title="seed", url=url, source="seed")
    seed, _ = store.add_article(seed_meta, seed_body)
    assert seed_body.quotes, "the seed must hold a quote to tag"
    key = quote_keys(seed_body.quotes)[0]
    store.tag(ItemRef(seed.id, key), "follow-up")
    store.tag(ItemRef(seed.id), "read-later")

    outcome = refetch(store, fetcher, seed.id)
    assert outcome.status == "updated" and outcome.article_id == seed.id
    after = store.get(seed.id)
    assert after.body.text == real.body.text and len(after.body.quotes) > len(seed_body.quotes)
    assert after.meta.author and after.meta.title.startswith("UK Tories")
    assert key in quote_keys(after.body.quotes)
    tags = store.tags_for(seed.id)
    assert tags[key] == {"follow-up"} and tags[""] == {"read-later"}
    assert refetch(store, fetcher, seed.id).status == "unchanged"


def test_refetch_failure_changes_nothing(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    meta, body = article_from_text(
        "A text about a page that is gone now.", title="t", url=site.url("/gone/y")
    )
    stored, _ = store.add_article(meta, body)
    before = store.get(stored.id)
    outcome = refetch(store, fetcher, stored.id)
    assert outcome.status == "failed" and "HTTP 404" in (outcome.reason or "")
    assert store.get(stored.id) == before


def test_refresh_stores_entries_partial_on_failure_then_304(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    book = FeedBook(store)
    book.add(site.url("/feeds/rss.xml?t=refresh"))
    book.add(site.url("/feeds/atom.xml?t=refresh"))
    book.add(site.url("/gone/feed.xml"))
    phases: set[str] = set()
    summary = refresh(store, book, fetcher, lambda p: phases.add(p.phase))
    assert (summary.count("added"), summary.count("partial"), summary.feeds_checked) == (4, 1, 3), (
        summary.problems()
    )
    assert summary.feed_errors[0][0].endswith("/gone/feed.xml")
    assert phases == {"feeds", "articles"}
    partial = next(m for m in store.articles() if m.status == "partial")
    assert partial.url == site.url("/gone/lunar-lander.html") and "HTTP 404" in (
        partial.error or ""
    )
    assert "$2.6bn" in store.body(partial.id).text and partial.n_figures >= 1
    feeds = {f.url: f for f in book.all()}
    assert feeds[site.url("/gone/feed.xml")].error_count == 1
    assert feeds[site.url("/feeds/rss.xml?t=refresh")].title == "Loopback Space News"

    again = refresh(store, book, fetcher)
    assert again.feeds_unchanged == 2 and again.count("added") == 0
    assert again.count("partial") == 1  # retried, still 404, kept as it was
    assert store.meta(partial.id).status == "partial" and len(store.articles()) == 5
    assert len(site.hits("/feeds/rss.xml?t=refresh")) == 2
    assert book.get(site.url("/gone/feed.xml")).error_count == 2  # type: ignore[union-attr]


def test_refresh_retries_partial_articles(
    site: LoopbackServer, fetcher: Fetcher, store: Store, flaky: dict[str, bool]
) -> None:
    book = FeedBook(store)
    book.add(site.url("/flaky-feed.xml"))
    first = refresh(store, book, fetcher)
    assert first.count("partial") == 2
    ids = sorted(o.article_id or "" for o in first.outcomes)
    flaky["up"] = True
    second = refresh(store, book, fetcher)
    assert second.count("updated") == 2 and second.count("added") == 0
    for article_id in ids:
        meta = store.meta(article_id)
        assert meta.status == "ok" and meta.error is None and meta.source == "feed"
        assert len(store.body(article_id).text) > 1000


def test_refresh_can_be_cancelled(site: LoopbackServer, fetcher: Fetcher, store: Store) -> None:
    book = FeedBook(store)
    book.add(site.url("/feeds/rss.xml?t=cancel"))
    book.add(site.url("/feeds/atom.xml?t=cancel"))
    summary = refresh(store, book, fetcher, cancelled=lambda: True)
    assert summary.cancelled and not summary.outcomes and not store.articles()
    assert "cancelled" in summary.headline()


@pytest.fixture
def processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cook every batch in the process pool, however small (tests have few pages)."""
    monkeypatch.setattr(cookpool, "PROCESS_MIN", 1)


@pytest.mark.usefixtures("processes")
def test_refresh_in_processes_stores_partial_then_retries(
    site: LoopbackServer, fetcher: Fetcher, store: Store, flaky: dict[str, bool]
) -> None:
    book = FeedBook(store)
    book.add(site.url("/feeds/rss.xml?t=procs"))
    book.add(site.url("/flaky-feed.xml?t=procs"))
    events: list[Progress] = []
    first = refresh(store, book, fetcher, events.append)
    assert (first.count("added"), first.count("partial")) == (2, 3), first.problems()
    articles = [e for e in events if e.phase == "articles"]
    assert [e.done for e in articles] == [1, 2, 3, 4, 5] and articles[-1].total == 5
    flaky["up"] = True
    second = refresh(store, book, fetcher)
    assert second.count("updated") == 2 and second.count("partial") == 1
    added = [o for o in first.outcomes if o.status == "added"]
    assert all(len(store.body(o.article_id or "").text) > 1000 for o in added)


@pytest.mark.usefixtures("processes")
def test_a_cancel_stops_a_batch_cooking_in_processes(
    site: LoopbackServer, fetcher: Fetcher, store: Store
) -> None:
    urls = [site.url(f"/pause?t=pcancel{i}") for i in range(20)]
    events: list[Progress] = []
    summary = add_urls(store, fetcher, urls, events.append, cancelled=lambda: len(events) >= 1)
    assert summary.cancelled and 1 <= len(summary.outcomes) < 20


def test_feed_statuses_are_written_once_per_refresh(
    site: LoopbackServer, fetcher: Fetcher, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = FeedBook(store)
    for n in range(5):
        book.add(site.url(f"/feeds/atom.xml?t=once{n}"))
    book.add(site.url("/gone/feed.xml?t=once"))
    writes: list[object] = []
    real = feeds_module.write_json_atomic
    monkeypatch.setattr(
        feeds_module, "write_json_atomic", lambda *a, **k: writes.append(a) or real(*a, **k)
    )
    refresh(store, book, fetcher)
    refresh(store, book, fetcher)
    assert len(writes) == 2
    feeds = book.all()
    assert sum(f.error_count for f in feeds) == 2 and all(f.etag for f in feeds[:5])


def test_a_refresh_cancelled_while_storing_parses_its_feeds_again(
    site: LoopbackServer, settings: FetchSettings, store: Store
) -> None:
    book = FeedBook(store)
    url = site.url("/feeds/rss.xml?t=midcancel")
    book.add(url)
    one_at_a_time = Fetcher(replace(settings, total=1))
    before = len(site.requests)  # cancel once the feed and the first page were requested
    first = refresh(store, book, one_at_a_time, cancelled=lambda: len(site.requests) > before + 1)
    assert first.cancelled and len(first.outcomes) < 3
    feed = book.get(url)
    assert feed is not None and feed.etag is None and feed.digest is None
    assert not feed.last_success  # a success is a refresh that stored every new entry
    second = refresh(store, book, one_at_a_time)
    assert second.feeds_unchanged == 0 and len(first.outcomes) + len(second.outcomes) == 3
    assert len(store.articles()) == 3 and book.get(url).etag  # type: ignore[union-attr]


def test_a_refresh_after_which_nothing_changed_finds_partial_articles_without_a_full_read(
    site: LoopbackServer, fetcher: Fetcher, store: Store, flaky: dict[str, bool], monkeypatch
) -> None:
    """The partial articles a refresh found are kept with the store's version: the next
    refresh reads only theirs if no shard changed, and every shard again if one did."""
    book = FeedBook(store)
    book.add(site.url("/flaky-feed.xml?t=scan"))
    full_reads: list[int] = []
    real = Store.articles
    monkeypatch.setattr(Store, "articles", lambda s, *a: full_reads.append(1) or real(s, *a))
    refresh(store, book, fetcher)  # two partial articles stored: the store changed
    reads = len(full_reads)
    second = refresh(store, book, fetcher)  # retried, still failing: nothing written
    assert second.count("partial") == 2 and len(full_reads) == reads + 1
    third = refresh(store, book, fetcher)
    assert third.count("partial") == 2 and len(full_reads) == reads + 1  # from the kept ids
    assert {o.article_id for o in third.outcomes} == {o.article_id for o in second.outcomes}
    store.set_read(third.outcomes[0].article_id or "")  # another write: its shard changed
    flaky["up"] = True
    fourth = refresh(store, book, fetcher)
    assert fourth.count("updated") == 2 and len(full_reads) == reads + 2


def test_pages_queued_for_the_process_pool_are_bounded_in_bytes(monkeypatch) -> None:
    """The cook queue is long (the pool keeps cooking while a batch is stored), but the
    bodies held for it are bounded: fetching pauses once they pass COOK_AHEAD_BYTES."""
    monkeypatch.setattr(stages, "COOK_AHEAD_BYTES", 3000)
    release, fetched = threading.Event(), []

    class Page:
        body = b"x" * 1000

    def fetch(n: int) -> Page:
        fetched.append(n)
        return Page()

    def cook(n: int, page: Page) -> int:
        release.wait(5)
        return n

    def let_go() -> None:
        waited.append(len(fetched))
        release.set()

    handled: list[int] = []
    waited: list[int] = []
    with ThreadPoolExecutor(1) as cpu:
        threading.Timer(0.5, let_go).start()
        done = stages.run_stages(range(100), fetch, cook, lambda n, r: handled.append(r),
                                 threads=1, cpu=cpu)  # fmt: skip
    assert done and sorted(handled) == list(range(100))
    assert 3 <= waited[0] <= 5  # 3 KB queued, at most 2 fetches in flight: then it waited


@pytest.mark.parametrize("with_processes_stage", [False, True])
def test_a_cancel_drops_the_work_in_flight_without_waiting_for_it(
    with_processes_stage: bool,
) -> None:
    """Item 0 finishes and is handled; items 1 and 2 are still running at the cancel: the
    batch returns at once, cancelled, and never hands them over, even once they finish."""
    import time

    release, cancel = threading.Event(), threading.Event()
    handled: list[int] = []

    def fetch(n: int) -> int:
        if n:
            release.wait(10)
        return n

    def handle(n: int, result: object) -> None:
        handled.append(n)
        cancel.set()  # the user cancels once the first item is in

    started = time.monotonic()
    with ThreadPoolExecutor(1) as cpu:
        if with_processes_stage:
            done = stages.run_stages([0, 1, 2], fetch, lambda n, r: r, handle, threads=3,
                                     cpu=cpu, cancelled=cancel.is_set)  # fmt: skip
        else:
            done = stages.run_pool([0, 1, 2], fetch, handle, workers=3, cancelled=cancel.is_set)
        assert time.monotonic() - started < 5 and not done and handled == [0]
        release.set()
        time.sleep(0.3)  # they finish now: still not handled
    assert handled == [0]
