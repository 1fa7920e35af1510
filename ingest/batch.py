"""What every batch of network work shares: its report (outcomes, progress, summary) and
the run that ties one fetcher, one process pool and one summary together.

A batch (`ingest.add`: URLs and refetch; `ingest.refresh`: feeds) fetches in a bounded
thread pool and cooks big stages in a process pool (`ingest.stages`); results come back to
the calling thread, which alone writes to the store. The caller passes a progress callback
and a cancel check; a cancelled batch stops submitting work, cancels what is queued, lets
what is running finish (timeouts bound it), and stores what was done. Every failure is an
`Outcome` with a one-line reason: a batch never raises because one page was bad.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ingest.cookpool import CookPool
from ingest.fetch import Fetcher
from ingest.stages import run_stages
from storage.models import ArticleBody, ArticleMeta
from storage.store import Store

T = TypeVar("T")
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
    entries_skipped: int = 0  # feed entries without a link (or with one no web address)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def headline(self) -> str:
        parts = [f"{self.count(s)} {s}" for s in STATUSES if s != "updated" or self.count(s)]
        text = ", ".join(parts)
        if self.feeds_checked:
            failed = len(self.feed_errors)
            changed = self.feeds_checked - self.feeds_unchanged - failed
            feeds = "feed" if self.feeds_checked == 1 else "feeds"
            text = f"{self.feeds_checked} {feeds} ({changed} changed, "
            text += f"{self.feeds_unchanged} unchanged, {failed} failed); " + ", ".join(parts)
        if self.entries_skipped:
            entries = "entry" if self.entries_skipped == 1 else "entries"
            text += f"; {self.entries_skipped} {entries} without a web link skipped"
        return text + (" (cancelled)" if self.cancelled else "")

    def problems(self) -> list[str]:
        """One line per failed feed, failed URL and partial article, and per article with
        a note (one whose canonical link named another article)."""
        lines = [f"feed {url}: {why}" for url, why in self.feed_errors]
        lines += [f"{o.status} {o.url}: {o.reason}" for o in self.outcomes if o.reason]
        return lines

    @property
    def ok(self) -> bool:
        return not self.feed_errors and not self.count("failed")


ProgressFn = Callable[[Progress], None]
CancelFn = Callable[[], bool]


def never() -> bool:
    return False


def ignore(_: Progress) -> None:
    return None


def reason(error: BaseException) -> str:
    """The one line shown for a failure; unexpected errors (library bugs) are named."""
    from ingest.pages import EXPECTED  # deferred: cooking's imports, for a failure only

    if isinstance(error, EXPECTED):
        return str(error)
    return f"unexpected {type(error).__name__}: {error}"[:300]


def stored_urls(store: Store) -> dict[str, str]:
    """Article ids by the URL they were fetched from, and by their canonical URL where the
    article was fetched there (or is not known to have been fetched elsewhere): a page
    added again by such a URL is stored already. A canonical URL only named by a page
    fetched elsewhere proves nothing of the page at that URL, which may be another story:
    it is fetched, and the store decides (`Store.add_article`)."""
    metas = store.articles()
    urls = {m.fetched_url: m.id for m in metas if m.fetched_url}
    urls.update((m.url, m.id) for m in metas if m.url and not m.fetched_url)
    return urls


def outcome(url: str, meta: ArticleMeta, created: bool, canonical: str | None = None) -> Outcome:
    """The outcome of storing a new article: added, partial, or unchanged (a duplicate).
    `canonical` is the URL the page named as its own: if the store kept the article under
    another, as that one is another article's (`Store.add_article`), the outcome says so."""
    status = ("partial" if meta.status == "partial" else "added") if created else "unchanged"
    why = meta.error if status == "partial" else None
    if created and canonical and meta.url != canonical:
        why = f"its canonical link names another stored article ({canonical}); "
        why += "stored under the URL it was fetched from"
    return Outcome(url, status, meta.id, meta.title, why)


def replace_article(
    store: Store, old: ArticleMeta, meta: ArticleMeta, body: ArticleBody
) -> Outcome:
    """Put a fetched-again article in the place of `old`, keeping its id, read state and
    tags (item tags follow their text's stable key); "unchanged" if nothing differs."""
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


@dataclass(slots=True)
class Run:
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
