"""The main screen: article list, reader, quotes pane and figures pane.

Reads happen in thread workers that post `tui.messages`; the handlers here update the
widgets. Store writes (tags, notes, read state) are small and run on the writer thread, one
at a time, in `DeskActions` (tui/screens/main_desk.py). A timer polls `Store.version()`
(also in a worker) so writes by another process show up within a second. Fetching (add a
URL, refetch, refresh feeds, discover) is in `FetchActions` (tui/screens/main_fetch.py).
"""

from __future__ import annotations

import gc
import threading
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker

from desk.views import view_ids
from storage.models import Article, ArticleMeta, ItemRef
from storage.store import Store
from tui.annotation_index import AnnotationIndex
from tui.highlight import Highlighted, highlight
from tui.messages import ArticleLoaded, ArticlesLoaded, ListHeadLoaded, LoadFailed
from tui.safe_text import clean_line
from tui.screens.main_desk import READ_ERRORS, DeskActions
from tui.screens.main_fetch import FETCH_BINDINGS, FetchActions
from tui.store_writer import StoreWriter
from tui.widgets import (
    ArticleList,
    FetchProgressBar,
    FiguresPane,
    ItemPane,
    QuotesPane,
    Reader,
    ReaderHeader,
    marks_for,
)
from tui.widgets.pane_content import PaneContent, figures_content, quotes_content
from tui.widgets.reader import body_lines

if TYPE_CHECKING:
    from ingest.fetch import FetchSettings

POLL_SECONDS = 1.0
Widths = tuple[int, int, int]  # reader, quotes pane, figures pane
HEAD_DRAW_WAIT_S = 1.0  # the full listing starts anyway if the first frame takes longer
# The cursor rests this long on a row before its article and the rows next to it are
# read ahead, so that enter (or j, enter) shows one at once; moving through the list
# reads nothing. A few are kept: each is one article's text and items.
READ_AHEAD_SECONDS = 0.15
READ_AHEAD_KEPT = 6


class MainScreen(DeskActions, FetchActions, Screen[None]):
    """The reading screen; tab and shift+tab move between its four panes."""

    HELP_NAME = "All panes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "tag", "Tag", id="tag"),
        Binding("f", "follow_up", "Follow-up", id="follow-up"),
        Binding("n", "note", "Note", id="note"),
        Binding("F", "follow_up_view", "Desk", id="desk"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("v", "views", "Views", id="views"),
        Binding("e", "export", "Export", id="export"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="reload"),
        *FETCH_BINDINGS,
    ]

    def __init__(self, store: Store, fetch_settings: FetchSettings | None = None) -> None:
        super().__init__()
        self.store = store
        self.fetch_settings = fetch_settings  # None: read config.toml at each fetch
        self._fetch_kind: str | None = None
        self._cancel_asked = False
        self._select_after_load: str | None = None
        self._version: tuple[object, ...] | None = None
        self._poller: Worker[None] | None = None
        self.index = AnnotationIndex()
        self.writer = StoreWriter()
        self._opening: str | None = None
        self._pending_item: str | None = None
        self.view: tuple[str, str] | None = None  # (name, query) of the saved view shown
        self.article: Article | None = None
        self.body: Highlighted | None = None
        self._ahead: dict[str, ArticleLoaded] = {}
        self._ahead_timer: Timer | None = None
        self._frozen_once = False

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            with Vertical(id="right"):
                yield ReaderHeader(id="reader-header")
                yield Reader(id="reader")
                with Horizontal(id="items"):
                    yield QuotesPane(id="quotes")
                    yield FiguresPane(id="figures")
        yield FetchProgressBar(id="fetch-progress")
        yield Footer()

    def on_unmount(self) -> None:
        """Let the writes the user asked for finish before the app goes away."""
        self.writer.close()

    def on_mount(self) -> None:
        self.watch(self.query_one(ArticleList), "cursor", self._cursor_moved, init=False)
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
        view = self.view
        try:
            version = self.store.version()
            if not force and version == self._version:
                return
            index = AnnotationIndex.read(self.store)
            if self._version is None and view is None:
                self._post_head(index)
            metas = self.store.articles()
            only = view_ids(self.store, view[1]) if view else None
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(ArticlesLoaded(metas, index, version, only))

    def _post_head(self, index: AnnotationIndex) -> None:
        """At start-up, the first page from the store's listing head; reading all 50,000
        records (0.3-0.8 s) then waits until that page is drawn, not the other way round."""
        head = self.store.listing_head()
        if head is None or len(head.metas) == head.total:
            return
        drawn = threading.Event()
        self.post_message(ListHeadLoaded(head.metas, head.total, index, drawn))
        drawn.wait(HEAD_DRAW_WAIT_S)

    @on(ListHeadLoaded)
    def _head_loaded(self, message: ListHeadLoaded) -> None:
        if self._version is not None:  # the whole list is already shown
            message.drawn.set()
            return
        self.index = message.annotations
        marks = {aid: marks_for(items) for aid, items in self.index.tags.items()}
        article_list = self.query_one(ArticleList)
        article_list.set_articles(message.metas, marks, total=message.total)
        self._cursor_moved(article_list.cursor)  # read the first article ahead
        self.call_after_refresh(message.drawn.set)

    @on(ArticlesLoaded)
    def _articles_loaded(self, message: ArticlesLoaded) -> None:
        self._version = message.version
        self.index = message.annotations
        metas = message.metas
        if message.only is not None:
            metas = [m for m in metas if m.id in message.only]
        marks = {aid: marks_for(items) for aid, items in self.index.tags.items()}
        article_list = self.query_one(ArticleList)
        keep = self._select_after_load  # an article just added: put the cursor on it
        article_list.set_articles(metas, marks, keep_id=keep)
        if keep and article_list.meta(keep) is not None:
            self._select_after_load = None
        if self.view:
            title = Text("View: ")
            title.append(clean_line(self.view[0], 64))
            title.append(f" ({len(metas)})")
            article_list.border_title = title
        if self.article is not None:
            self._sync_open_article({m.id: m for m in message.metas})
        else:
            self._cursor_moved(article_list.cursor)  # read the first article ahead too
        self._freeze_list()

    def _freeze_list(self) -> None:
        """Leave the loaded records out of the cyclic collector's full passes.

        50,000 records are objects that live as long as the list: scanning them cost 50-100
        ms in the middle of opening an article or scrolling. On a reload (another process
        wrote, a view changed), everything frozen last time goes back to the collector and
        one full collection frees what died since (closed dialogs, finished workers), so a
        freeze keeps cyclic garbage only until the next reload, never for good.
        """
        if self._frozen_once:
            gc.unfreeze()
            gc.collect()
        gc.freeze()
        self._frozen_once = True

    def _sync_open_article(self, metas: dict[str, ArticleMeta]) -> None:
        """After a reload: close the open article if deleted, reopen it if refetched."""
        assert self.article is not None
        fresh = metas.get(self.article.id)
        if fresh is None:
            self._close_article()
        elif fresh.content_hash != self.article.meta.content_hash:
            self.open_article(self.article.id)
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
        """Show the article read ahead if it is this one and unchanged since, else load it
        in a worker; `ArticleLoaded` shows it."""
        self._opening = article_id
        # Shown once: a later open of it reads the store again.
        ahead = self._ahead.pop(article_id, None)
        listed = self.query_one(ArticleList).meta(article_id)
        if (
            ahead is not None
            and listed is not None
            and listed.content_hash == ahead.article.meta.content_hash
        ):
            self._show_article(ahead)
        else:
            self._load_article(article_id, self._widths())

    def _cursor_moved(self, _row: int) -> None:
        if self._ahead_timer is not None:
            self._ahead_timer.stop()
        self._ahead_timer = self.set_timer(READ_AHEAD_SECONDS, self._read_ahead)

    def _read_ahead(self) -> None:
        """Read the articles under and next to the resting cursor, but not the open one
        or those read already."""
        open_id = self.article.id if self.article is not None else None
        wanted = [
            article_id
            for article_id in self.query_one(ArticleList).ids_around()
            if article_id != open_id and article_id not in self._ahead
        ]
        if wanted:
            self._load_ahead(wanted, self._widths())

    def show_item(self, ref: ItemRef | None) -> None:
        """Open `ref`'s article (if not open) and jump to its quote or figure, if it is one."""
        if ref is None:
            return
        self.query_one(ArticleList).select_id(ref.article)
        self._pending_item = ref.item or None
        if self.article is not None and self.article.id == ref.article:
            self._jump_to_pending()
        else:
            self.open_article(ref.article)

    def _widths(self) -> Widths:
        """The widths the reader and the two panes wrap to, for a worker to wrap for."""
        return (
            self.query_one(Reader).scrollable_content_region.width,
            self.query_one(QuotesPane).content_width,
            self.query_one(FiguresPane).content_width,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="open")
    def _load_article(self, article_id: str, widths: Widths) -> None:
        self._read(article_id, widths, ahead=False)

    @work(thread=True, exclusive=True, exit_on_error=False, group="ahead")
    def _load_ahead(self, article_ids: list[str], widths: Widths) -> None:
        for article_id in article_ids:
            self._read(article_id, widths, ahead=True)

    def _read(self, article_id: str, widths: Widths, *, ahead: bool) -> None:
        """Read, highlight and wrap one article, and build its panes (in a worker); an
        error is told only on an open: opening an article read ahead in vain says what
        is wrong."""
        try:
            article = self.store.get(article_id)
        except READ_ERRORS as exc:
            if not ahead:
                self.post_message(LoadFailed(str(exc)))
            return
        body = highlight(article.body)
        if widths[0] > 0:
            body_lines(body, widths[0])
        panes = self._pane_contents(article, body, widths)
        self.post_message(ArticleLoaded(article, body, ahead=ahead, panes=panes))

    def _pane_contents(
        self, article: Article, body: Highlighted, widths: Widths
    ) -> tuple[PaneContent, PaneContent] | None:
        """Both panes' prompts, wrapped, with the tags and notes known now: on the event
        loop this was most of an open's own time. None if the user's tagging changed the
        index while it was being read (then the panes are built when shown)."""
        try:
            tags = {key: set(names) for key, names in self.index.tags_of(article.id).items()}
            notes = dict(self.index.notes_of(article.id))
        except RuntimeError:  # changed size during iteration: a tag was set meanwhile
            return None
        quotes = quotes_content(article.body.quotes, tags, body.speaker_styles, notes, widths[1])
        figures = figures_content(article.body.figures, tags, notes, widths[2])
        return quotes, figures

    @on(ArticleLoaded)
    def _article_loaded(self, message: ArticleLoaded) -> None:
        if message.ahead:
            self._ahead[message.article.id] = message
            while len(self._ahead) > READ_AHEAD_KEPT:
                del self._ahead[next(iter(self._ahead))]
        elif message.article.id == self._opening:  # else the user has since opened another
            self._show_article(message)

    def _show_article(self, message: ArticleLoaded) -> None:
        self.article, self.body = message.article, message.body
        with self.app.batch_update():  # one repaint for reader, header and both panes
            self.query_one(Reader).show(message.body)
            self._show_tags(message.article.id, message.panes)
        if not message.article.meta.read:
            self.run_worker(
                self.set_read(message.article.id, True), group="read", exit_on_error=False
            )
        self._cursor_moved(self.query_one(ArticleList).cursor)  # read its neighbours ahead
        self._jump_to_pending()

    def _jump_to_pending(self) -> None:
        """Highlight and jump to the item `show_item` asked for, once its article is open."""
        key, self._pending_item = self._pending_item, None
        if key is None:
            return
        pane: ItemPane = self.query_one(QuotesPane if key.startswith("q-") else FiguresPane)
        if key not in pane.keys:
            self.notify("That item is no longer in the article's text", severity="warning")
            return
        index = pane.keys.index(key)
        pane.highlighted = index
        pane.focus()
        self._jump(pane.kind, index)

    @on(ItemPane.Chosen)
    def _item_chosen(self, message: ItemPane.Chosen) -> None:
        """Scroll the reader to the chosen quote or figure and mark it current."""
        self._jump(message.kind, message.index)

    def _jump(self, kind: str, index: int) -> None:
        if self.body is None:
            return
        spans = self.body.quote_spans if kind == "quote" else self.body.figure_spans
        if 0 <= index < len(spans):
            self.query_one(Reader).jump_to(spans[index])

    # ------------------------------------------------------------------ showing tags

    def _show_tags(
        self, article_id: str, panes: tuple[PaneContent, PaneContent] | None = None
    ) -> None:
        """Redraw every place that shows the article's tags and notes: row, header, panes
        (from `panes` if they were built with the tags and notes there are now)."""
        tags = self.index.tags_of(article_id)
        self.query_one(ArticleList).update_article(article_id, marks=marks_for(tags))
        if self.article is None or self.article.id != article_id or self.body is None:
            return
        notes = self.index.notes_of(article_id)
        header = self.query_one(ReaderHeader)
        header.show(self.article.meta, tags.get("", set()), notes.get("", ""))
        if panes is None or panes[0].tags != tags or panes[0].notes != notes:
            body = self.article.body
            panes = (
                quotes_content(body.quotes, tags, self.body.speaker_styles, notes),
                figures_content(body.figures, tags, notes),
            )
        self.query_one(QuotesPane).show_content(panes[0])
        self.query_one(FiguresPane).show_content(panes[1])

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
