"""The main screen's network actions: add a URL, refetch, refresh feeds, discover, cancel.

A mixin of `MainScreen`, kept apart so each file stays short. The work itself runs in the
thread workers of `tui.fetch_workers` (another module's job); this file starts them, drives
the progress line from their `FetchProgress` messages and turns `FetchDone`/`FetchFailed`
into notifications. The workers write the store; the list poll then shows the new articles.

Only one batch runs at a time: the workers are `exclusive`, so starting a second would
silently cancel the first. The screen counts a batch as running until its `FetchDone` or
`FetchFailed` comes, which after a cancel is at once: the requests in flight are aborted
and their results dropped (see `tui.fetch_workers`), so nothing of them reaches the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.binding import Binding
from textual.worker import Worker, WorkerState

from storage.models import ArticleMeta, ItemRef
from tui import fetch_workers
from tui.fetch_messages import FetchDone, FetchFailed, FetchProgress
from tui.safe_text import clean_line
from tui.widgets import ArticleList, FetchProgressBar

if TYPE_CHECKING:
    from textual.screen import Screen

    from ingest.fetch import FetchSettings
    from ingest.refresh import Summary
    from storage.models import Article
    from storage.store import Store
    from tui.screens.discover import DiscoverChoice

    Base = Screen[None]
else:
    Base = object

FETCH_BINDINGS = [
    Binding("a", "add_url", "Add URL", id="fetch.add"),
    Binding("R", "refetch", "Refetch", id="fetch.refetch"),
    Binding("r", "refresh", "Refresh feeds", id="fetch.refresh"),
    Binding("d", "discover", "Discover feeds", id="fetch.discover"),
    # Not in the footer: the progress line says "esc cancels" while a fetch runs.
    Binding("escape", "cancel_fetch", "Cancel fetch", show=False, id="fetch.cancel"),
]
T = TypeVar("T")
KIND_NAMES = {"add": "Add", "refetch": "Refetch", "refresh": "Refresh"}
STARTING = {"add": "Adding", "refetch": "Refetching", "refresh": "Refreshing feeds"}
MAX_PROBLEMS = 5


def done_notice(kind: str, summary: Summary) -> tuple[str, str]:
    """The notification for a finished batch: (text, severity), every line cleaned.

    The headline says how many were added; the problems (failed URLs, feeds, partial
    articles) follow, at most `MAX_PROBLEMS` of them.
    """
    lines = [f"{KIND_NAMES.get(kind, 'Fetch')}: {clean_line(summary.headline(), 200)}"]
    problems = summary.problems()
    lines += [clean_line(p, 160) for p in problems[:MAX_PROBLEMS]]
    if len(problems) > MAX_PROBLEMS:
        lines.append(f"… and {len(problems) - MAX_PROBLEMS} more")
    outcomes = summary.outcomes
    all_failed = bool(outcomes) and summary.count("failed") == len(outcomes)
    if all_failed and not summary.feeds_checked:
        return "\n".join(lines), "error"
    return "\n".join(lines), "information" if summary.ok else "warning"


def subscribe(store: Store, feeds: list[tuple[str, str]]) -> list[tuple[str, bool]]:
    """Subscribe to each (url, title): [(the name to show, whether it is new)]."""
    from storage.feeds import FeedBook

    book = FeedBook(store)
    return [(title or url, book.add(url, title)[1]) for url, title in feeds]


def subscribed_notice(added: list[tuple[str, bool]]) -> str:
    """`Subscribed to A and B`, and `Already subscribed to C` on its own line."""
    new = [clean_line(name, 80) for name, is_new in added if is_new]
    old = [clean_line(name, 80) for name, is_new in added if not is_new]
    lines = [f"Subscribed to {listed(new)}"] if new else []
    return "\n".join(lines + ([f"Already subscribed to {listed(old)}"] if old else []))


def listed(names: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


class FetchActions(Base):
    """Add URL, refetch, refresh feeds, discover feeds and cancel, for `MainScreen`."""

    store: Store
    article: Article | None
    fetch_settings: FetchSettings | None
    _fetch_kind: str | None  # the batch running (or still stopping), if any
    _cancel_asked: bool  # escape was pressed during the running batch

    def open_article(self, article_id: str) -> None:
        raise NotImplementedError

    if TYPE_CHECKING:  # DeskActions' writer, shared by the whole screen

        async def _write(self, call: Callable[[], T]) -> tuple[bool, T | None]: ...

    def show_item(self, ref: ItemRef | None) -> None:
        raise NotImplementedError

    def action_reload(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ what to act on

    def fetch_target(self) -> ArticleMeta | None:
        """The article `R` and `d` act on: the list's cursor row when the list has focus,
        else the open article, else the cursor row."""
        article_list = self.query_one(ArticleList)
        if self.focused is article_list or self.article is None:
            return article_list.current
        return self.article.meta

    def _busy(self) -> bool:
        """Whether a batch holds the fetch slot; if so, say so (escape cancels it)."""
        if self._fetch_kind is not None:
            self.notify("A fetch is still running: escape cancels it", severity="warning")
        return self._fetch_kind is not None

    def _start(self, kind: str) -> bool:
        """Claim the fetch slot for `kind` and show the progress line; False if busy."""
        if self._busy():
            return False
        self._fetch_kind, self._cancel_asked = kind, False
        self.query_one(FetchProgressBar).start(STARTING[kind])
        self.refresh_bindings()
        return True

    def _finish(self) -> None:
        self._fetch_kind = None
        self.query_one(FetchProgressBar).running = False
        self.refresh_bindings()

    # ------------------------------------------------------------------ actions

    def action_add_url(self) -> None:
        """Ask for a URL, then fetch, clean and store its article; while a fetch runs, only
        say so: asking first would throw away what the user typed."""
        from tui.screens.add_url import AddUrlDialog

        if not self._busy():
            self.app.push_screen(AddUrlDialog(), self._add_url)

    def _add_url(self, url: str | None) -> None:
        if url and self._start("add"):
            fetch_workers.add_urls(self, self.store, [url], self.fetch_settings)

    def action_refetch(self) -> None:
        """Fetch the current article's URL again (keeps its id and tags): fixes partials."""
        meta = self.fetch_target()
        if meta is None:
            self.notify("No article to refetch", severity="warning")
        elif not meta.fetch_urls():
            self.notify("This article has no URL to fetch", severity="warning")
        elif self._start("refetch"):
            fetch_workers.refetch_article(self, self.store, meta.id, self.fetch_settings)

    def action_refresh(self) -> None:
        """Fetch every subscribed feed, store new articles, retry partial ones."""
        if self._start("refresh"):
            fetch_workers.refresh_feeds(self, self.store, self.fetch_settings)

    def action_discover(self) -> None:
        """Find the feeds of the current article's site (or of a URL you type); the URL
        the article was fetched from is tried first, then its canonical URL."""
        from tui.screens.add_url import AddUrlDialog

        meta = self.fetch_target()
        urls = meta.fetch_urls() if meta is not None else []
        if urls:
            self._discover(urls[0], urls[1:])
        else:
            self.app.push_screen(AddUrlDialog("Discover feeds of…"), self._discover)

    def _discover(self, url: str | None, fallbacks: list[str] | None = None) -> None:
        from tui.screens.discover import DiscoverScreen

        if url:
            screen = DiscoverScreen(url, self.fetch_settings, fallbacks or [])
            self.app.push_screen(screen, self._subscribe)

    async def _subscribe(self, choice: DiscoverChoice | None) -> None:
        """Subscribe to the chosen feeds (on the writer thread) and say which; then add the
        chosen articles, a batch like `a`'s with its own notice."""
        if choice is None:
            return
        if choice.feeds:
            ok, added = await self._write(lambda: subscribe(self.store, choice.feeds))
            if ok and added is not None:
                self.notify(subscribed_notice(added), markup=False, timeout=8)
        if choice.urls and self._start("add"):
            fetch_workers.add_urls(self, self.store, choice.urls, self.fetch_settings)

    def action_cancel_fetch(self) -> None:
        """Stop the running fetch now, dropping the pages in flight."""
        if fetch_workers.is_fetching(self):
            fetch_workers.cancel_fetch(self)
            self._cancel_asked = True
            self.query_one(FetchProgressBar).cancelled = True
            self.notify("Cancelling the fetch…", markup=False)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape cancels only while a fetch runs; otherwise the key is left to others
        (None: disabled, but still listed in help)."""
        if action == "cancel_fetch":
            return True if fetch_workers.is_fetching(self) else None
        return True

    # ------------------------------------------------------------------ worker messages
    # (Named handlers, not `@on`: a mixin's decorated handlers are not collected.)

    def on_fetch_progress(self, message: FetchProgress) -> None:
        """Move the progress line while the batch holds the fetch slot, cancelled too: a
        cancelled thread worker counts as finished at once, but what the batch finished
        before it saw the cancel still comes, and the line counts it."""
        if self._fetch_kind is not None:
            bar = self.query_one(FetchProgressBar)
            bar.advance(message.phase, message.done, message.total, message.label)

    def on_fetch_done(self, message: FetchDone) -> None:
        """Say what the batch did; open a single added article; reload the list now."""
        self._finish()
        text, severity = done_notice(message.kind, message.summary)
        if self._cancel_asked and not message.summary.cancelled:
            text += "\n(cancelled too late: the fetch had already finished)"
        self.notify(text, severity=severity, markup=False, timeout=8)  # type: ignore[arg-type]
        self.action_reload()
        opened = [o.article_id for o in message.summary.outcomes if o.article_id]
        if message.kind == "add" and len(opened) == 1 and opened[0]:
            self._select_after_load = opened[0]
            self.open_article(opened[0])

    def on_fetch_failed(self, message: FetchFailed) -> None:
        """The batch could not run (e.g. a bad config.toml): one line."""
        self._finish()
        severity = "warning" if message.severity == "warning" else "error"
        self.notify(clean_line(message.error, 300), severity=severity, markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Free the fetch slot if the worker died without reporting; update the footer."""
        if event.worker.group != fetch_workers.GROUP:
            return
        if event.state == WorkerState.ERROR and self._fetch_kind is not None:
            self._finish()
            self.notify(clean_line(str(event.worker.error), 300), severity="error", markup=False)
        self.refresh_bindings()


__all__ = ["FETCH_BINDINGS", "FetchActions", "done_notice", "subscribed_notice"]
