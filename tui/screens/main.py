"""The main screen: article list, reader, quotes pane and figures pane.

Reads happen in thread workers that post `tui.messages`; the handlers here update the
widgets. Loading the list, and reloading it when another process wrote, is in
`ListLoading` (tui/screens/main_list.py). Store writes (tags, notes, read state) are small
and run on the writer thread, one at a time, in `DeskActions` (tui/screens/main_desk.py).
Fetching (add a URL, refetch, refresh feeds, discover) is in `FetchActions`
(tui/screens/main_fetch.py); deleting an article, copying and opening its web page in
`ArticleActions` (tui/screens/main_article_actions.py).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker

from storage.models import Article, ItemRef
from storage.store import Store
from tui.annotation_index import AnnotationIndex
from tui.highlight import Highlighted, highlight
from tui.messages import ArticleLoaded, LoadFailed
from tui.screens.main_article_actions import ArticleActions
from tui.screens.main_desk import READ_ERRORS, DeskActions
from tui.screens.main_fetch import FETCH_BINDINGS, FetchActions
from tui.screens.main_list import LEAVE_VIEW, FirstPage, ListLoading
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
from tui.widgets.article_list import LEGEND, LEGEND_TITLE
from tui.widgets.pane_content import PaneContent, figures_content, quotes_content
from tui.widgets.reader import body_lines

if TYPE_CHECKING:
    from ingest.fetch import FetchSettings

POLL_SECONDS = 1.0
Widths = tuple[int, int, int]  # reader, quotes pane, figures pane
# The cursor rests this long on a row before its article and the rows next to it are
# read ahead, so that enter (or j, enter) shows one at once; moving through the list
# reads nothing. A few are kept: each is one article's text and items.
READ_AHEAD_SECONDS = 0.15
READ_AHEAD_KEPT = 6


class MainScreen(ListLoading, DeskActions, ArticleActions, FetchActions, Screen[None]):
    """The reading screen; tab and shift+tab move between its four panes."""

    HELP_NAME = "All panes"
    HELP_LEGEND = (LEGEND_TITLE, list(LEGEND))
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "tag", "Tag", id="tag"),
        Binding("f", "follow_up", "Follow-up", id="follow-up"),
        Binding("n", "note", "Note", id="note"),
        Binding("F", "follow_up_view", "Desk", id="desk"),
        Binding("slash", "search", "Search", key_display="/", id="search"),
        Binding("v", "views", "Views", id="views"),
        Binding("e", "export", "Export", id="export"),
        Binding("c", "copy_item", "Copy", id="copy"),
        Binding("o", "open_in_browser", "Open in browser", show=False, id="open-url"),
        Binding("D,delete", "delete_article", "Delete article", show=False, id="delete"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="reload"),
        LEAVE_VIEW,  # before the fetch's escape: tried first, passed on when disabled
        *FETCH_BINDINGS,
    ]

    def __init__(
        self,
        store: Store,
        fetch_settings: FetchSettings | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
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
        self._load_seq = self._wanted_seq = 0
        self._first_frame = threading.Event()
        self._first_page = first_page
        self._read_marks: dict[str, tuple[int, bool]] = {}
        self._deleted: dict[str, int] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            with Vertical(id="list-column"):  # its own clip region: see app.tcss
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
        self.show_first_page(self._first_page)
        self._first_page = None
        self.action_reload()
        self.set_interval(POLL_SECONDS, self._poll)

    # ------------------------------------------------------------------ closing an article

    def _close_article(self) -> None:
        self.article = self.body = self._opening = None
        self.query_one(Reader).show(None)
        self.query_one(ReaderHeader).show(None, set())
        self.query_one(QuotesPane).show([], {}, {})
        self.query_one(FiguresPane).show([], {})

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
        article_list = self.query_one(ArticleList)
        if article_list.meta(ref.article) is None:  # not among the rows read so far
            self._select_after_load = ref.article
        article_list.select_id(ref.article)
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
