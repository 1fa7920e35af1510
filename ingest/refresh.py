"""Batches of network work: add URLs, refetch an article, refresh every feed.

Pages are fetched in a bounded thread pool (several hosts at once; the fetcher keeps each
host to `per_host` requests) and cleaned and analysed in a process pool for big batches
(`ingest.stages`). Results come back to the calling thread, which alone writes to the store,
so one batch is one writer. The caller passes a progress callback and a cancel check; a
cancelled batch stops submitting work, cancels what is queued, lets what is running finish
(timeouts bound it), and stores what was done. Every failure is an `Outcome` with a
one-line reason: a batch never raises because one page was bad.

When every feed is unchanged (the common refresh) nothing is cooked, so what cooking needs
(`ingest.pages`, and through it trafilatura's caller and the analysers) is imported only
when there is a page to cook or a failure to name.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from concurrent.futures.thread import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from ingest.feeds import fetch_feed
from ingest.fetch import Fetcher
from ingest.stages import CookPool, run_pool, run_stages
from ingest.urlpolicy import UrlRefused, normalise_url
from storage.feeds import Feed, FeedBook, FeedStatus
from storage.models import ArticleBody, ArticleMeta
from storage.store import Store

if TYPE_CHECKING:
    from ingest.pages import EntryItem, Records

__all__ = ["Outcome", "Progress", "Summary", "add_urls", "fetch_feed", "refetch", "refresh"]
T = TypeVar("T")
STORE_BATCH = 25  # articles per store write: fewer fsyncs, and progress still moves
STATUSES = ("added", "updated", "unchanged", "partial", "failed")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one URL: added, updated, unchanged, partial or failed (with why)."""

    url: str
    status: str
    article_id: str | None = None
    title: str = ""
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """One step of a batch: `done` of `total` in `phase` ("feeds", "articles", "retry")."""

    phase: str
    done: int
    total: int
    outcome: Outcome | None = None
    label: str = ""


@dataclass(slots=True)
class Summary:
    """The result of a batch, for the CLI's last lines and the app's notification."""

    outcomes: list[Outcome] = field(default_factory=list)
    feeds_checked: int = 0
    feeds_unchanged: int = 0
    feed_errors: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def headline(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in STATUSES if s != "updated" or self.count(s)]
        text = ", ".join(parts)
        if self.feeds_checked:
            text = f"{self.feeds_checked} feeds ({self.feeds_unchanged} unchanged, "
            text += f"{len(self.feed_errors)} failed); " + ", ".join(parts)
        return text + (" (cancelled)" if self.cancelled else "")

    def problems(self) -> list[str]:
        """One line per failed feed, failed URL and partial article."""
        lines = [f"feed {url}: {why}" for url, why in self.feed_errors]
        lines += [f"{o.status} {o.url}: {o.reason}" for o in self.outcomes if o.reason]
        return lines

    @property
    def ok(self) -> bool:
        return not self.feed_errors and not self.count("failed")


ProgressFn = Callable[[Progress], None]
CancelFn = Callable[[], bool]


def _never() -> bool:
    return False


def _ignore(_: Progress) -> None:
    return None


def _reason(error: BaseException) -> str:
    """The one line shown for a failure; unexpected errors (library bugs) are named."""
    from ingest.pages import EXPECTED

    if isinstance(error, EXPECTED):
        return str(error)
    return f"unexpected {type(error).__name__}: {error}"[:300]


# ------------------------------------------------------------------ outcomes


def _stored_urls(store: Store) -> dict[str, str]:
    return {m.url: m.id for m in store.articles() if m.url}


def _store_new(store: Store, url: str, records: Records) -> Outcome:
    return _outcome(url, *store.add_article(*records))


def _outcome(url: str, meta: ArticleMeta, created: bool) -> Outcome:
    status = ("partial" if meta.status == "partial" else "added") if created else "unchanged"
    reason = meta.error if status == "partial" else None
    return Outcome(url, status, meta.id, meta.title, reason)


# ------------------------------------------------------------------ add and refetch


def add_urls(
    store: Store,
    fetcher: Fetcher,
    urls: Iterable[str],
    progress: ProgressFn = _ignore,
    cancelled: CancelFn = _never,
) -> Summary:
    """Fetch, clean and store each URL; one already stored under that URL is not fetched."""
    from ingest.pages import cook_url

    summary = Summary()
    todo = _urls_to_fetch(store, urls, summary)
    total = len(summary.outcomes) + len(todo)

    def handle(url: str, result: Any) -> None:
        if isinstance(result, BaseException):
            outcome = Outcome(url, "failed", reason=_reason(result))
        else:
            outcome = _store_new(store, url, result)
        summary.outcomes.append(outcome)
        progress(Progress("articles", len(summary.outcomes), total, outcome, url))

    with CookPool() as pool:
        run = _Run(store, fetcher, summary, progress, cancelled, pool)
        run.stages(todo, fetcher.get, cook_url, handle)
    return summary


def _urls_to_fetch(store: Store, urls: Iterable[str], summary: Summary) -> list[str]:
    """The normalised URLs not stored yet; refused and stored ones become outcomes now."""
    stored = _stored_urls(store)
    todo: list[str] = []
    for raw in dict.fromkeys(urls):
        try:
            url = normalise_url(raw)
        except UrlRefused as exc:
            summary.outcomes.append(Outcome(raw, "failed", reason=str(exc)))
            continue
        if url in stored:
            summary.outcomes.append(
                Outcome(url, "unchanged", stored[url], store.meta(stored[url]).title)
            )
        else:
            todo.append(url)
    return todo


def refetch(store: Store, fetcher: Fetcher, article_id: str) -> Outcome:
    """Fetch an article's URL again and replace its text and metadata, keeping its id, read
    state and tags (item tags follow their text's stable key). On failure nothing changes."""
    from ingest.pages import page_records

    old = store.meta(article_id)
    if not old.url:
        return Outcome("", "failed", old.id, old.title, "the article has no URL to fetch")
    try:
        meta, body = page_records(fetcher, old.url, source=old.source, feed=old.feed)
    except Exception as exc:  # one line for the user; the stored article is left untouched
        return Outcome(old.url, "failed", old.id, old.title, _reason(exc))
    return _replace(store, old, meta, body)


def _replace(store: Store, old: ArticleMeta, meta: ArticleMeta, body: ArticleBody) -> Outcome:
    meta.id, meta.added, meta.read = old.id, old.added, old.read
    if meta.source == "seed":
        meta.source = "url"
    same = meta.to_doc() | {"n_quotes": 0, "n_figures": 0} == old.to_doc() | {
        "n_quotes": 0, "n_figures": 0, "source": meta.source,
    }  # fmt: skip
    if same:
        return Outcome(old.url or "", "unchanged", old.id, old.title)
    store.replace_article(meta, body)
    return Outcome(old.url or "", "updated", meta.id, meta.title)


# ------------------------------------------------------------------ feeds


@dataclass(slots=True)
class _Run:
    """What every stage of one batch shares: one fetcher, one process pool, one summary."""

    store: Store
    fetcher: Fetcher
    summary: Summary
    progress: ProgressFn
    cancelled: CancelFn
    pool: CookPool

    def stages(
        self,
        items: Sequence[T],
        fetch: Callable[[T], Any],
        cook: Callable[[T, Any], Any],
        handle: Callable[[T, Any], None],
    ) -> None:
        """Fetch in threads, cook in processes if the stage is big; note a cancel."""
        done = run_stages(
            items, fetch, cook, handle, threads=self.fetcher.settings.total,
            cpu=self.pool.executor(len(items)), cancelled=self.cancelled,
        )  # fmt: skip
        self.summary.cancelled = self.summary.cancelled or not done


def refresh(
    store: Store,
    book: FeedBook,
    fetcher: Fetcher,
    progress: ProgressFn = _ignore,
    cancelled: CancelFn = _never,
) -> Summary:
    """Fetch every feed, store its new entries' pages (partial from the feed's text when a
    page fails), then retry the articles earlier refreshes left partial. Every feed's status
    is written at the end, in one write."""
    run = _Run(store, fetcher, Summary(), progress, cancelled, CookPool())
    statuses: dict[str, FeedStatus] = {}
    # the partial articles are found (every metadata shard read) while the feeds download:
    # the thread waits on the network meanwhile, and with nothing new it is half the work
    with ThreadPoolExecutor(1, thread_name_prefix="partial") as scan:
        partial = scan.submit(_partial_articles, store, book)
        try:
            found = _refresh_feeds(run, book, statuses)
            if not run.summary.cancelled:
                _refresh_articles(run, book, found, statuses, partial)
        finally:
            run.pool.close()
            book.record(statuses.values(), _scan_done(partial))
    return run.summary


Scan = tuple[list[ArticleMeta], tuple[str, list[str]]]


def _partial_articles(store: Store, book: FeedBook) -> Scan:
    """Articles left partial (their page failed, the feed's text was stored) to retry, and
    (store version, their ids) for the next refresh: if no shard changed until then, it
    reads only theirs instead of every article's metadata (most of a refresh that finds
    nothing new, in a big store). The version is taken before reading: a write meanwhile
    changes it, so the next refresh looks again."""
    version = hashlib.blake2b(repr(store.version()).encode(), digest_size=16).hexdigest()
    ids = book.partial_ids(version)
    if ids is None:
        metas = [m for m in store.articles() if m.status == "partial" and m.url]
    else:
        metas = [m for m in map(store.meta, ids) if m.status == "partial" and m.url]
    return metas, (version, [m.id for m in metas])


def _scan_done(partial: Future[Scan]) -> tuple[str, list[str]] | None:
    if not partial.done() or partial.cancelled() or partial.exception() is not None:
        return None
    return partial.result()[1]


def _refresh_feeds(run: _Run, book: FeedBook, statuses: dict[str, FeedStatus]) -> list[EntryItem]:
    """Fetch each feed, note its status in `statuses`; return the entries the feeds list."""
    feeds = book.all()
    entries: list[EntryItem] = []
    summary = run.summary

    def handle(feed: Feed, result: Any) -> None:
        summary.feeds_checked += 1
        if isinstance(result, BaseException):
            summary.feed_errors.append((feed.url, _reason(result)))
            statuses[feed.url] = FeedStatus(feed.url, error=_reason(result))
        else:
            title = result.parsed.title if result.parsed else None
            statuses[feed.url] = FeedStatus(
                feed.url, None, title, result.etag, result.last_modified, result.digest
            )
            if result.parsed is None:
                summary.feeds_unchanged += 1
            else:
                entries.extend((feed.url, e) for e in result.parsed.entries)
        run.progress(Progress("feeds", summary.feeds_checked, len(feeds), label=feed.url))

    done = run_pool(
        feeds, lambda feed: fetch_feed(run.fetcher, feed), handle,
        workers=run.fetcher.settings.total, cancelled=run.cancelled,
    )  # fmt: skip
    summary.cancelled = not done
    return entries


def _refresh_articles(
    run: _Run,
    book: FeedBook,
    found: list[EntryItem],
    statuses: dict[str, FeedStatus],
    partial: Future[Scan],
) -> None:
    """Store the new entries, then retry partial articles. If storing entries stops early
    (a cancel, a store error), the feeds that listed them keep their old validators, so
    the next refresh parses them again instead of taking a 304 as "nothing new"."""
    retry = partial.result()[0]  # found before any entry of this refresh is stored
    todo = _new_entries(run.store, book, found)
    try:
        _store_entries(run, book, todo)
    except BaseException:
        _keep_validators(statuses, todo)
        raise
    if run.summary.cancelled:
        _keep_validators(statuses, todo)
    else:
        _retry_partial(run, retry)


def _keep_validators(statuses: dict[str, FeedStatus], todo: list[EntryItem]) -> None:
    for feed_url in {feed_url for feed_url, _ in todo}:
        statuses[feed_url] = replace(statuses[feed_url], keep_validators=True)


def _new_entries(store: Store, book: FeedBook, found: list[EntryItem]) -> list[EntryItem]:
    """Entries whose link was never stored, once each, in feed order."""
    if not found:
        return []  # every feed unchanged: no need to read the seen links or the store
    known = book.seen() | set(_stored_urls(store))
    fresh: dict[str, EntryItem] = {}
    for feed_url, entry in found:
        if entry.url not in known and entry.url not in fresh:
            fresh[entry.url] = (feed_url, entry)
    return list(fresh.values())


def _store_entries(run: _Run, book: FeedBook, todo: list[EntryItem]) -> None:
    """Fetch new entries' pages, cook them, store them in batches (one lock, one sync)."""
    if not todo:
        return
    from ingest.pages import cook_entry, fetch_or_reason

    batch: list[tuple[EntryItem, Records]] = []
    book_items: list[tuple[str, str, str]] = []
    before = len(run.summary.outcomes)

    def report(outcome: Outcome, label: str) -> None:
        run.summary.outcomes.append(outcome)
        done = len(run.summary.outcomes) - before
        run.progress(Progress("articles", done, len(todo), outcome, label))

    def flush() -> None:
        stored = run.store.add_articles([records for _, records in batch])
        for ((feed_url, entry), _), (meta, created) in zip(batch, stored, strict=True):
            book_items.append((feed_url, entry.url, meta.id))
            report(_outcome(entry.url, meta, created), entry.title or entry.url)
        batch.clear()

    def handle(item: EntryItem, result: Any) -> None:
        entry = item[1]
        if isinstance(result, BaseException):
            failed = Outcome(entry.url, "failed", title=entry.title, reason=_reason(result))
            report(failed, entry.title or entry.url)
            return
        batch.append((item, result))
        if len(batch) >= STORE_BATCH:
            flush()

    try:
        run.stages(todo, lambda item: fetch_or_reason(run.fetcher, item), cook_entry, handle)
    finally:
        if batch:
            flush()
        book.mark_seen(book_items)


def _retry_partial(run: _Run, partial: list[ArticleMeta]) -> None:
    """Fetch partial articles again; a success replaces the feed text, a failure keeps it."""
    if not partial:
        return
    from ingest.pages import cook_retry

    done = 0

    def handle(old: ArticleMeta, result: Any) -> None:
        nonlocal done
        done += 1
        if isinstance(result, BaseException):
            outcome = Outcome(old.url or "", "partial", old.id, old.title, _reason(result))
        else:
            outcome = _replace(run.store, old, *result)
        run.summary.outcomes.append(outcome)
        run.progress(Progress("retry", done, len(partial), outcome, old.title))

    run.stages(partial, lambda old: run.fetcher.get(old.url or ""), cook_retry, handle)
