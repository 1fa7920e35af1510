"""The main screen: article list, reader, quotes pane and figures pane.

Reads happen in thread workers that post `tui.messages`; the handlers here update the
widgets and are the only code that writes to the store (tags, read state), on the main
thread, one small write at a time. A timer polls `Store.version()` (also in a worker) so
writes by another process show up within a second.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker

from storage.errors import StoreError
from storage.models import Article, ItemRef
from storage.store import FOLLOW_UP, Store, normalise_tag
from tui.highlight import Highlighted, highlight
from tui.messages import ArticleLoaded, ArticlesLoaded, LoadFailed
from tui.safe_text import clean_line
from tui.widgets import (
    ArticleList,
    FiguresPane,
    ItemPane,
    QuotesPane,
    Reader,
    ReaderHeader,
    marks_for,
)

T = TypeVar("T")
POLL_SECONDS = 1.0
READ_ERRORS = (StoreError, OSError, ValueError)
TagIndex = dict[str, dict[str, set[str]]]


@dataclass(frozen=True)
class Target:
    """What `t` and `f` act on: an article, or one quote or figure of the open article."""

    ref: ItemRef
    label: str
    kind: str
    tags: set[str] = field(default_factory=set)


def index_tags(store: Store) -> TagIndex:
    """Every tag, by article then item key ("" for the article itself)."""
    index: TagIndex = {}
    for tag in store.tags():
        index.setdefault(tag.ref.article, {}).setdefault(tag.ref.item, set()).add(tag.tag)
    return index


class MainScreen(Screen[None]):
    """The reading screen; tab and shift+tab move between its four panes."""

    HELP_NAME = "All panes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "tag", "Tag", id="tag"),
        Binding("f", "follow_up", "Follow-up", id="follow-up"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="reload"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._version: tuple[object, ...] | None = None
        self._poller: Worker[None] | None = None
        self._tag_index: TagIndex = {}
        self._tag_names: list[str] = []
        self._opening: str | None = None
        self.article: Article | None = None
        self.body: Highlighted | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            with Vertical(id="right"):
                yield ReaderHeader(id="reader-header")
                yield Reader(id="reader")
                with Horizontal(id="items"):
                    yield QuotesPane(id="quotes")
                    yield FiguresPane(id="figures")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(ArticleList).focus()
        self.query_one(ReaderHeader).show(None, set())
        self.query_one(Reader).border_title = "Reader"
        self.action_reload()
        self.set_interval(POLL_SECONDS, self._poll)

    # ------------------------------------------------------------------ loading the list

    def _poll(self) -> None:
        """Start a version check unless one is still running (a 50k reload takes a while)."""
        if self._poller is None or self._poller.is_finished:
            self._poller = self._load_articles(force=False)

    def action_reload(self) -> None:
        """Re-read the article list and tags now."""
        self._poller = self._load_articles(force=True)

    @work(thread=True, exclusive=True, exit_on_error=False, group="list")
    def _load_articles(self, force: bool) -> None:
        try:
            version = self.store.version()
            if not force and version == self._version:
                return
            metas, tags, names = (
                self.store.articles(),
                index_tags(self.store),
                self.store.tag_names(),
            )
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(ArticlesLoaded(metas, tags, names, version))

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        self._version = message.version
        self._tag_index, self._tag_names = message.tags, message.tag_names
        marks = {aid: marks_for(items) for aid, items in message.tags.items()}
        self.query_one(ArticleList).set_articles(message.metas, marks)
        if self.article is not None:
            self._sync_open_article()

    def _sync_open_article(self) -> None:
        """After a reload: close the open article if deleted, reopen it if refetched."""
        assert self.article is not None
        fresh = self.query_one(ArticleList).meta(self.article.id)
        if fresh is None:
            self._close_article()
        elif fresh.content_hash != self.article.meta.content_hash:
            self.open_article(fresh.id)
        else:
            self._show_tags(self.article.id)

    def _close_article(self) -> None:
        self.article = self.body = self._opening = None
        self.query_one(Reader).show(None)
        self.query_one(ReaderHeader).show(None, set())
        self.query_one(QuotesPane).show([], {}, {})
        self.query_one(FiguresPane).show([], {})

    @on(LoadFailed)
    def _load_failed(self, message: LoadFailed) -> None:
        self.notify(message.error, severity="error", markup=False)

    # ------------------------------------------------------------------ opening an article

    @on(ArticleList.Selected)
    def _article_selected(self, message: ArticleList.Selected) -> None:
        self.open_article(message.article_id)

    def open_article(self, article_id: str) -> None:
        """Load the article's body in a worker; `ArticleLoaded` shows it."""
        self._opening = article_id
        self._load_article(article_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _load_article(self, article_id: str) -> None:
        try:
            article = self.store.get(article_id)
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(ArticleLoaded(article, highlight(article.body)))

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.article.id != self._opening:
            return  # the user has since opened another one
        self.article, self.body = message.article, message.body
        self.query_one(Reader).show(message.body)
        self._show_tags(message.article.id)
        if not message.article.meta.read:
            self._mark_read(message.article.id)

    def _mark_read(self, article_id: str) -> None:
        ok, _ = self._write(lambda: self.store.set_read(article_id))
        if ok:
            self.query_one(ArticleList).update_article(article_id, read=True)

    @on(ItemPane.Chosen)
    def _item_chosen(self, message: ItemPane.Chosen) -> None:
        """Scroll the reader to the chosen quote or figure and mark it current."""
        if self.body is None:
            return
        spans = self.body.quote_spans if message.kind == "quote" else self.body.figure_spans
        if 0 <= message.index < len(spans):
            self.query_one(Reader).jump_to(spans[message.index])

    # ------------------------------------------------------------------ showing tags

    def _show_tags(self, article_id: str) -> None:
        """Redraw every place that shows the article's tags: list row, header, panes."""
        tags = self._tag_index.get(article_id, {})
        self.query_one(ArticleList).update_article(article_id, marks=marks_for(tags))
        if self.article is None or self.article.id != article_id or self.body is None:
            return
        self.query_one(ReaderHeader).show(self.article.meta, tags.get("", set()))
        self.query_one(QuotesPane).show(self.article.body.quotes, tags, self.body.speaker_styles)
        self.query_one(FiguresPane).show(self.article.body.figures, tags)

    def _set_local_tag(self, ref: ItemRef, name: str, present: bool) -> None:
        items = self._tag_index.setdefault(ref.article, {})
        names = items.setdefault(ref.item, set())
        (names.add if present else names.discard)(name)
        if not names:
            del items[ref.item]
        if present and name not in self._tag_names:
            self._tag_names.append(name)
        self._show_tags(ref.article)

    # ------------------------------------------------------------------ tagging

    def focused_target(self) -> Target | None:
        """The item `t` and `f` act on, from whichever pane has focus."""
        focused = self.focused
        if isinstance(focused, ItemPane):
            return self._item_target(focused)
        if isinstance(focused, ArticleList) and focused.current is not None:
            return self._article_target(focused.current.id, focused.current.title)
        if self.article is not None:
            return self._article_target(self.article.id, self.article.meta.title)
        return None

    def _article_target(self, article_id: str, title: str) -> Target:
        tags = self._tag_index.get(article_id, {}).get("", set())
        return Target(ItemRef(article_id), title, "article", set(tags))

    def _item_target(self, pane: ItemPane) -> Target | None:
        index = pane.current_index
        if self.article is None or index is None:
            return None
        body = self.article.body
        item = body.quotes[index] if pane.kind == "quote" else body.figures[index]
        key = pane.keys[index]
        tags = self._tag_index.get(self.article.id, {}).get(key, set())
        return Target(ItemRef(self.article.id, key), item.text, pane.kind, set(tags))

    def action_tag(self) -> None:
        """Ask for a tag name for the focused item, then add (or with `-name` remove) it."""
        from tui.screens.tag_dialog import TagDialog

        target = self.focused_target()
        if target is None:
            self.notify("Nothing to tag here: open an article first", severity="warning")
            return
        dialog = TagDialog(target.kind, target.label, list(self._tag_names), target.tags)
        self.app.push_screen(dialog, lambda name: self._apply_tag(target, name))

    def _apply_tag(self, target: Target, name: str | None) -> None:
        if not name:
            return
        remove = name.startswith("-")
        try:
            tag = normalise_tag(name[1:] if remove else name)
        except ValueError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        if remove:
            ok, _ = self._write(lambda: self.store.untag(target.ref, tag))
        else:
            ok, _ = self._write(lambda: self.store.tag(target.ref, tag, clean_line(target.label)))
        if ok:
            self._set_local_tag(target.ref, tag, not remove)
            verb = "Removed" if remove else "Tagged"
            self.notify(f"{verb} {target.kind} #{tag}", markup=False)

    def action_follow_up(self) -> None:
        """Flip the follow-up tag on the focused item."""
        target = self.focused_target()
        if target is None:
            self.notify("Nothing to mark here: open an article first", severity="warning")
            return
        label = clean_line(target.label)
        ok, now = self._write(lambda: self.store.toggle_tag(target.ref, FOLLOW_UP, label))
        if ok:
            self._set_local_tag(target.ref, FOLLOW_UP, bool(now))
            verb = "Marked" if now else "Unmarked"
            self.notify(f"{verb} {target.kind} #{FOLLOW_UP}", markup=False)

    def _write(self, call: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one store write: (True, result), or (False, None) after notifying the error."""
        try:
            return True, call()
        except (StoreError, OSError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False, None

    # ------------------------------------------------------------------ focus

    def action_focus_pane(self, pane_id: str) -> None:
        """Focus one of the panes by id: articles, reader, quotes, figures."""
        self.query_one(f"#{pane_id}").focus()

    def action_jump(self) -> None:
        """Jump the reader to the quote or figure highlighted in the focused pane."""
        focused = self.focused
        pane = focused if isinstance(focused, ItemPane) else self.query_one(QuotesPane)
        if pane.current_index is not None:
            pane.post_message(ItemPane.Chosen(pane, pane.kind, pane.current_index))

    def action_open(self) -> None:
        """Open the article under the list cursor."""
        self.query_one(ArticleList).action_select()
