"""Batches of network work: add URLs, refetch an article, refresh every feed.

Fetching, cleaning and analysing run in a bounded thread pool (several hosts at once; the
fetcher keeps each host to `per_host` requests). Results come back to the calling thread,
which alone writes to the store, so one batch is one writer. The caller passes a progress
callback and a cancel check; a cancelled batch stops submitting work, lets what is running
finish (timeouts bound it), and stores what was done. Every failure is an `Outcome` with a
one-line reason: a batch never raises because one page was bad.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ingest.clean import CleanError, clean_page
from ingest.feeds import FeedEntry, FeedError, fetch_feed
from ingest.fetch import Fetcher, FetchError
from ingest.pipeline import article_from_text
from ingest.plaintext import site_of, title_from
from ingest.urlpolicy import UrlRefused, normalise_url
from storage.feeds import Feed, FeedBook
from storage.models import ArticleBody, ArticleMeta
from storage.store import Store

T = TypeVar("T")
EXPECTED = (FetchError, CleanError, FeedError, UrlRefused)
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


def run_pool(
    items: Sequence[T],
    work: Callable[[T], Any],
    handle: Callable[[T, Any], None],
    *,
    workers: int,
    cancelled: CancelFn = _never,
) -> bool:
    """Run `work` on every item in a pool and `handle(item, result or exception)` here, on
    the calling thread. Only 2 x workers are queued at a time, so a cancel takes effect
    quickly. Returns False if cancelled before every item was submitted."""
    pending = iter(items)
    running: dict[Future[Any], T] = {}
    exhausted = False
    with ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="fetch") as pool:
        while True:
            while not exhausted and len(running) < 2 * workers and not cancelled():
                item = next(pending, _END)
                if item is _END:
                    exhausted = True
                    break
                running[pool.submit(work, item)] = item
            if not running:
                break
            done, _ = wait(running, timeout=0.2, return_when=FIRST_COMPLETED)
            for future in done:
                item = running.pop(future)
                error = future.exception()
                handle(item, error if error is not None else future.result())
    return exhausted


_END: Any = object()


def _reason(error: BaseException) -> str:
    """The one line shown for a failure; unexpected errors (library bugs) are named."""
    if isinstance(error, EXPECTED):
        return str(error)
    return f"unexpected {type(error).__name__}: {error}"[:300]


# ------------------------------------------------------------------ pages to records


def page_records(
    fetcher: Fetcher, url: str, *, source: str = "url", feed: str | None = None
) -> tuple[ArticleMeta, ArticleBody]:
    """Fetch, clean and analyse one page: the records to store (runs in a pool thread)."""
    page = clean_page(fetcher.get(url))
    return article_from_text(
        page.text, title=page.title, url=page.url, site=page.site, source=source,
        feed=feed, author=page.author, published=page.published, language=page.language,
    )  # fmt: skip


def partial_records(
    entry: FeedEntry, feed_url: str, reason: str
) -> tuple[ArticleMeta, ArticleBody]:
    """An article from the feed's own text, marked partial so a later refresh retries it."""
    text = entry.text or entry.title
    if not text:
        raise FetchError(f"{reason}; and the feed gives no text for it")
    meta, body = article_from_text(
        text, title=entry.title or title_from(text), url=entry.url, site=site_of(entry.url),
        source="feed", feed=feed_url, author=entry.author, published=entry.published,
    )  # fmt: skip
    meta.status, meta.error = "partial", reason
    return meta, body


def _stored_urls(store: Store) -> dict[str, str]:
    return {m.url: m.id for m in store.articles() if m.url}


def _store_new(store: Store, url: str, records: tuple[ArticleMeta, ArticleBody]) -> Outcome:
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
    summary = Summary()
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

    def handle(url: str, result: Any) -> None:
        if isinstance(result, BaseException):
            outcome = Outcome(url, "failed", reason=_reason(result))
        else:
            outcome = _store_new(store, url, result)
        summary.outcomes.append(outcome)
        progress(Progress("articles", len(summary.outcomes), total, outcome, url))

    total = len(summary.outcomes) + len(todo)
    work = lambda url: page_records(fetcher, url)  # noqa: E731
    summary.cancelled = not run_pool(
        todo, work, handle, workers=fetcher.settings.total, cancelled=cancelled
    )
    return summary


def refetch(store: Store, fetcher: Fetcher, article_id: str) -> Outcome:
    """Fetch an article's URL again and replace its text and metadata, keeping its id, read
    state and tags (item tags follow their text's stable key). On failure nothing changes."""
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


def refresh(
    store: Store,
    book: FeedBook,
    fetcher: Fetcher,
    progress: ProgressFn = _ignore,
    cancelled: CancelFn = _never,
) -> Summary:
    """Fetch every feed, store its new entries' pages (partial from the feed's text when a
    page fails), then retry the articles earlier refreshes left partial."""
    summary = Summary()
    found = _refresh_feeds(book, fetcher, summary, progress, cancelled)
    if not summary.cancelled:
        retry = [m for m in store.articles() if m.status == "partial" and m.url]
        _store_entries(store, book, fetcher, found, summary, progress, cancelled)
        if not summary.cancelled:
            _retry_partial(store, fetcher, retry, summary, progress, cancelled)
    return summary


def _refresh_feeds(
    book: FeedBook, fetcher: Fetcher, summary: Summary, progress: ProgressFn, cancelled: CancelFn
) -> list[tuple[str, FeedEntry]]:
    """Fetch each feed; record its status; return the (feed url, entry) pairs it lists."""
    feeds = book.all()
    entries: list[tuple[str, FeedEntry]] = []

    def handle(feed: Feed, result: Any) -> None:
        summary.feeds_checked += 1
        if isinstance(result, BaseException):
            summary.feed_errors.append((feed.url, _reason(result)))
            book.record_failure(feed.url, _reason(result))
        else:
            title = result.parsed.title if result.parsed else None
            book.record_success(
                feed.url, title=title, etag=result.etag, last_modified=result.last_modified
            )
            if result.parsed is None:
                summary.feeds_unchanged += 1
            else:
                entries.extend((feed.url, e) for e in result.parsed.entries)
        progress(Progress("feeds", summary.feeds_checked, len(feeds), label=feed.url))

    work = lambda feed: fetch_feed(fetcher, feed)  # noqa: E731
    summary.cancelled = not run_pool(
        feeds, work, handle, workers=fetcher.settings.total, cancelled=cancelled
    )
    return entries


def _new_entries(
    store: Store, book: FeedBook, found: list[tuple[str, FeedEntry]]
) -> list[tuple[str, FeedEntry]]:
    """Entries whose link was never stored, once each, in feed order."""
    known = book.seen() | set(_stored_urls(store))
    fresh: dict[str, tuple[str, FeedEntry]] = {}
    for feed_url, entry in found:
        if entry.url not in known and entry.url not in fresh:
            fresh[entry.url] = (feed_url, entry)
    return list(fresh.values())


def _store_entries(
    store: Store,
    book: FeedBook,
    fetcher: Fetcher,
    found: list[tuple[str, FeedEntry]],
    summary: Summary,
    progress: ProgressFn,
    cancelled: CancelFn,
) -> None:
    """Fetch new entries' pages in the pool; store them in batches (one lock, one sync)."""
    todo = _new_entries(store, book, found)
    batch: list[tuple[str, FeedEntry, tuple[ArticleMeta, ArticleBody]]] = []

    def flush() -> None:
        stored = store.add_articles([records for _, _, records in batch])
        for (feed_url, entry, _), (meta, created) in zip(batch, stored, strict=True):
            outcome = _outcome(entry.url, meta, created)
            book_items.append((feed_url, entry.url, meta.id))
            _report(outcome, entry.title or entry.url)
        batch.clear()

    def _report(outcome: Outcome, label: str) -> None:
        summary.outcomes.append(outcome)
        progress(Progress("articles", len(summary.outcomes) - before, len(todo), outcome, label))

    def handle(item: tuple[str, FeedEntry], result: Any) -> None:
        feed_url, entry = item
        if isinstance(result, BaseException):
            failed = Outcome(entry.url, "failed", title=entry.title, reason=_reason(result))
            _report(failed, entry.title or entry.url)
            return
        batch.append((feed_url, entry, result))
        if len(batch) >= STORE_BATCH:
            flush()

    def work(item: tuple[str, FeedEntry]) -> tuple[ArticleMeta, ArticleBody]:
        feed_url, entry = item
        try:
            return page_records(fetcher, entry.url, source="feed", feed=feed_url)
        except EXPECTED as exc:
            return partial_records(entry, feed_url, str(exc))

    before = len(summary.outcomes)
    book_items: list[tuple[str, str, str]] = []
    try:
        summary.cancelled = not run_pool(
            todo, work, handle, workers=fetcher.settings.total, cancelled=cancelled
        )
    finally:
        if batch:
            flush()
        book.mark_seen(book_items)


def _retry_partial(
    store: Store,
    fetcher: Fetcher,
    partial: list[ArticleMeta],
    summary: Summary,
    progress: ProgressFn,
    cancelled: CancelFn,
) -> None:
    """Fetch partial articles again; a success replaces the feed text, a failure keeps it."""
    done = 0

    def handle(old: ArticleMeta, result: Any) -> None:
        nonlocal done
        done += 1
        if isinstance(result, BaseException):
            outcome = Outcome(old.url or "", "partial", old.id, old.title, _reason(result))
        else:
            outcome = _replace(store, old, *result)
        summary.outcomes.append(outcome)
        progress(Progress("retry", done, len(partial), outcome, old.title))

    def work(old: ArticleMeta) -> tuple[ArticleMeta, ArticleBody]:
        return page_records(fetcher, old.url or "", source=old.source, feed=old.feed)

    summary.cancelled = not run_pool(
        partial, work, handle, workers=fetcher.settings.total, cancelled=cancelled
    )
