"""Refreshing every feed: fetch the feeds, store their new entries' pages, retry the
articles earlier refreshes left partial, and write every feed's status in one write.

The batch machinery is `ingest.batch` (outcomes, progress, the shared run) and
`ingest.stages` (threads and processes); adding by URL and refetching are `ingest.add`,
re-exported here for the callers that import them from this module.

When every feed is unchanged (the common refresh) nothing is cooked, so what cooking needs
(`ingest.pages`, and through it trafilatura's caller and the analysers) is imported only
when there is a page to cook or a failure to name.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from ingest.batch import (
    CancelFn,
    Outcome,
    Progress,
    ProgressFn,
    Run,
    Summary,
    ignore,
    never,
    outcome,
    reason,
    replace_article,
    stored_urls,
)
from ingest.cookpool import CookPool
from ingest.feeds import fetch_feed
from ingest.fetch import Fetcher
from ingest.stages import run_pool
from storage.feeds import Feed, FeedBook, FeedStatus
from storage.models import ArticleMeta
from storage.store import Store

if TYPE_CHECKING:
    from ingest.pages import EntryItem, Records

__all__ = ["Outcome", "Progress", "Summary", "fetch_feed", "refresh"]
STORE_BATCH = 25  # articles per store write: fewer fsyncs, and progress still moves


def refresh(
    store: Store,
    book: FeedBook,
    fetcher: Fetcher,
    progress: ProgressFn = ignore,
    cancelled: CancelFn = never,
    feeds: Sequence[Feed] | None = None,
) -> Summary:
    """Fetch every feed, store its new entries' pages (partial from the feed's text when a
    page fails), then retry the articles earlier refreshes left partial. Every feed's status
    is written at the end, in one write. `feeds` are the book's feeds if the caller has just
    read them (the command does, to say when there are none): not read twice.

    A feed's new validators and digest are written only if every new entry it listed was
    stored (a partial one included: it is retried): after a cancel, a crash or an entry that
    failed outright, the feed keeps its old ones and the next refresh parses it in full."""
    run = Run(store, fetcher, Summary(), progress, cancelled, CookPool())
    statuses: dict[str, FeedStatus] = {}
    pending: Pending = {}
    partial = _PartialScan(store, book)
    try:
        found = _refresh_feeds(run, book.all() if feeds is None else feeds, statuses, pending)
        if not run.summary.cancelled:
            _refresh_articles(run, book, found, pending, partial)
    finally:
        run.pool.close()
        book.record(_final(statuses, pending), partial.ids_if_done())
        partial.thread.join()  # no thread of ours reads the store after refresh returns
    return run.summary


Pending = dict[str, set[str]]  # feed url -> links of its entries not handled yet


def _final(statuses: dict[str, FeedStatus], pending: Pending) -> list[FeedStatus]:
    """The statuses to write: a feed with entries still pending is unfinished."""
    return [replace(s, unfinished=True) if pending.get(s.url) else s for s in statuses.values()]


Scan = tuple[list[ArticleMeta], tuple[str, list[str]]]


class _PartialScan:
    """The partial articles are looked for (every metadata shard read, in a big store)
    while the feeds download, in a thread of its own: that thread waits on the network
    meanwhile, and when nothing is new the scan is half the work."""

    def __init__(self, store: Store, book: FeedBook) -> None:
        self.result: Scan | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(store, book), name="partial")
        self.thread.start()

    def _run(self, store: Store, book: FeedBook) -> None:
        try:
            self.result = _partial_articles(store, book)
        except BaseException as exc:  # raised again in the calling thread by `articles`
            self.error = exc

    def articles(self) -> list[ArticleMeta]:
        """The partial articles to retry (waits for the scan; raises what it raised)."""
        self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.result is not None
        return self.result[0]

    def ids_if_done(self) -> tuple[str, list[str]] | None:
        """(store version, partial ids) for `FeedBook.record`, if the scan has finished."""
        if self.thread.is_alive() or self.result is None:
            return None
        return self.result[1]


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


def _refresh_feeds(
    run: Run, feeds: Sequence[Feed], statuses: dict[str, FeedStatus], pending: Pending
) -> list[EntryItem]:
    """Fetch each feed, note its status in `statuses` and the entries of a changed one in
    `pending` (all of them, until the seen ones are known); return the entries found."""
    entries: list[EntryItem] = []
    summary = run.summary

    def handle(feed: Feed, result: Any) -> None:
        summary.feeds_checked += 1
        if isinstance(result, BaseException):
            summary.feed_errors.append((feed.url, reason(result)))
            statuses[feed.url] = FeedStatus(feed.url, error=reason(result))
        else:
            title = result.parsed.title if result.parsed else None
            statuses[feed.url] = FeedStatus(
                feed.url, None, title, result.etag, result.last_modified, result.digest
            )
            if result.parsed is None:
                summary.feeds_unchanged += 1
            else:
                entries.extend((feed.url, e) for e in result.parsed.entries)
                summary.entries_skipped += result.parsed.skipped
                pending[feed.url] = {e.url for e in result.parsed.entries}
        run.progress(Progress("feeds", summary.feeds_checked, len(feeds), label=feed.url))

    done = run_pool(
        feeds, lambda feed: fetch_feed(run.fetcher, feed), handle,
        workers=run.fetcher.settings.total, cancelled=run.cancelled,
    )  # fmt: skip
    summary.cancelled = not done
    return entries


def _refresh_articles(
    run: Run, book: FeedBook, found: list[EntryItem], pending: Pending, partial: _PartialScan
) -> None:
    """Store the new entries, then retry partial articles (not after a cancel)."""
    retry = partial.articles()  # found before any entry of this refresh is stored
    todo = _new_entries(run.store, book, found)
    fresh: Pending = {}
    for feed_url, entry in todo:
        fresh.setdefault(feed_url, set()).add(entry.url)
    for feed_url in pending:  # an entry seen or stored before, or listed by an earlier
        pending[feed_url] = fresh.get(feed_url, set())  # feed, is not this one's to do
    _store_entries(run, book, todo, pending)
    if not run.summary.cancelled:
        _retry_partial(run, retry)


def _new_entries(store: Store, book: FeedBook, found: list[EntryItem]) -> list[EntryItem]:
    """Entries whose link was never stored, once each, in feed order."""
    if not found:
        return []  # every feed unchanged: no need to read the seen links or the store
    known = book.seen() | set(stored_urls(store))
    fresh: dict[str, EntryItem] = {}
    for feed_url, entry in found:
        if entry.url not in known and entry.url not in fresh:
            fresh[entry.url] = (feed_url, entry)
    return list(fresh.values())


def _store_entries(run: Run, book: FeedBook, todo: list[EntryItem], pending: Pending) -> None:
    """Fetch new entries' pages, cook them, store them in batches (one lock, one sync);
    each entry stored is no longer `pending`. One that failed (no page, no feed text) is
    left pending: nothing stored says to retry it, so its feed is parsed again next time."""
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
        canonical = [meta.url for _, (meta, _) in batch]  # before the store may re-key one
        stored = run.store.add_articles([records for _, records in batch])
        for ((feed_url, entry), _), (meta, created), url in zip(
            batch, stored, canonical, strict=True
        ):
            book_items.append((feed_url, entry.url, meta.id))
            pending[feed_url].discard(entry.url)
            report(outcome(entry.url, meta, created, url), entry.title or entry.url)
        batch.clear()

    def handle(item: EntryItem, result: Any) -> None:
        entry = item[1]
        if isinstance(result, BaseException):
            failed = Outcome(entry.url, "failed", title=entry.title, reason=reason(result))
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


def _retry_partial(run: Run, partial: list[ArticleMeta]) -> None:
    """Fetch partial articles again; a success replaces the feed text, a failure keeps it."""
    if not partial:
        return
    from ingest.pages import cook_retry

    done = 0

    def handle(old: ArticleMeta, result: Any) -> None:
        nonlocal done
        done += 1
        if isinstance(result, BaseException):
            outcome = Outcome(old.url or "", "partial", old.id, old.title, reason(result))
        else:
            outcome = replace_article(run.store, old, *result)
        run.summary.outcomes.append(outcome)
        run.progress(Progress("retry", done, len(partial), outcome, old.title))

    run.stages(partial, lambda old: run.fetcher.get(old.url or ""), cook_retry, handle)
