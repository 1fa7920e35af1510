"""The main screen's article list: its first page at once, then all of it, and reloads.

A mixin of `MainScreen`, kept apart so each file stays short. Before the app's event loop
starts, `first_page` reads the store's listing head (the newest rows of a long list and
its length, in milliseconds), so the first frame already shows them; a worker then reads
the whole list and the tags once that frame is drawn. A timer on the screen polls
`Store.version()` through the same worker, so writes by another process show up within a
second. (Named handlers, not `@on`: a mixin's decorated handlers are not collected.)

Escape in the list leaves a saved view for all articles. `MainScreen.BINDINGS` lists it
(a mixin's `BINDINGS` are not collected) ahead of the escape that cancels a fetch, which it
leaves the key to while a fetch runs.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.binding import Binding

from desk.views import view_ids
from storage.listing_head import ListingHead
from storage.models import ArticleMeta
from storage.store import Store
from tui import fetch_workers
from tui.annotation_index import AnnotationIndex
from tui.messages import ArticlesLoaded, LoadFailed
from tui.safe_text import clean_line
from tui.screens.main_desk import READ_ERRORS
from tui.widgets import ArticleList, Marks, marks_for

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    from storage.models import Article

    Base = Screen[None]
else:
    Base = object

FIRST_FRAME_WAIT_S = 1.0  # the full listing starts anyway if the first frame takes longer
LEAVE_VIEW = Binding("escape", "leave_view", "All articles", show=False, id="list.leave-view")


@dataclass(frozen=True)
class FirstPage:
    """The store's listing head with the tags its rows are marked with."""

    head: ListingHead
    annotations: AnnotationIndex


def first_page(store: Store) -> FirstPage | None:
    """Read before the event loop starts (a few ms even at 50,000 articles), so that the
    first frame draws the newest rows instead of an empty list."""
    try:
        head = store.listing_head()
        return None if head is None else FirstPage(head, AnnotationIndex.read(store))
    except READ_ERRORS:
        return None  # the worker's full load reports the problem


class ListLoading(Base):
    """Loading and reloading the article list (see the module docstring)."""

    store: Store
    view: tuple[str, str] | None
    index: AnnotationIndex
    article: Article | None
    _version: tuple[object, ...] | None
    _poller: Worker[None] | None
    _select_after_load: str | None
    _frozen_once: bool
    _load_seq: int  # the latest load started
    _wanted_seq: int  # lists of loads older than this are out of date, see _start_load
    _first_frame: threading.Event  # set once the screen's first frame is drawn
    _read_marks: dict[str, tuple[int, bool]]  # see remember_read
    _deleted: dict[str, int]  # see drop_article

    if TYPE_CHECKING:  # MainScreen's, used here

        def _cursor_moved(self, _row: int) -> None: ...
        def open_article(self, article_id: str) -> None: ...
        def _show_tags(self, article_id: str) -> None: ...
        def _close_article(self) -> None: ...

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape leaves a view only in the article list, and not while a fetch runs (then
        it cancels the fetch)."""
        if action == "leave_view":
            return (
                self.view is not None
                and isinstance(self.focused, ArticleList)
                and not fetch_workers.is_fetching(self)
            )
        return super().check_action(action, parameters)

    def action_leave_view(self) -> None:
        """Show all articles again instead of the saved view."""
        if self.view is not None:
            name, self.view = self.view[0], None
            current = self.query_one(ArticleList).current
            self._select_after_load = current.id if current else None  # the cursor stays
            self.action_reload()
            self.notify(f"All articles (left the view {clean_line(name, 64)!r})", markup=False)

    def _poll(self) -> None:
        """Start a version check unless one is still running (a 50k reload takes a while)."""
        if self._poller is None or self._poller.is_finished:
            self._start_load(force=False)

    def action_reload(self) -> None:
        """Re-read the article list and tags now."""
        self._start_load(force=True)

    def _start_load(self, force: bool) -> None:
        """A thread worker goes on after `exclusive` cancels it: its list, read before a
        view was chosen, say, must not replace a newer one. So each load is numbered, a
        forced load (a view, a reload, a fetch) makes every older one out of date, and a
        list older than the one shown is dropped."""
        self._load_seq += 1
        if force:
            self._wanted_seq = self._load_seq
        self._poller = self._load_articles(force, self._load_seq)

    def show_first_page(self, page: FirstPage | None) -> None:
        """Show the rows read before the loop started, and hold the full listing (0.3-0.8
        s of CPU at 50,000) until the first frame is drawn."""
        self.call_after_refresh(self._first_frame.set)
        if page is None:
            return
        self.index = page.annotations
        self.query_one(ArticleList).set_articles(
            page.head.metas, self._list_marks(), total=page.head.total
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="list")
    def _load_articles(self, force: bool, seq: int) -> None:
        view = self.view
        try:
            version = self.store.version()
            if not force and version == self._version:
                return
            self._first_frame.wait(FIRST_FRAME_WAIT_S)
            index = AnnotationIndex.read(self.store)
            metas = self.store.articles()
            only = view_ids(self.store, view[1]) if view else None
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(str(exc)))
            return
        self.post_message(ArticlesLoaded(metas, index, version, only, seq))

    def _list_marks(self) -> dict[str, Marks]:
        """What the list shows of each article's tags, from the index."""
        return {aid: marks_for(items) for aid, items in self.index.tags.items()}

    def remember_read(self, article_id: str, read: bool) -> None:
        """A read mark written while a load is under way: that load may have read the
        shard before the write, so its list gets the mark put back on."""
        self._read_marks[article_id] = (self._load_seq, read)

    def drop_article(self, article_id: str) -> None:
        """Take an article the app deleted off the list, without reading the store again.

        The list itself moves its cursor off the row (see `ArticleList.remove_article`).
        A load under way may have read the list before the delete: its list is shown
        without the article (see `_without_deleted`), as `remember_read` does for marks.
        """
        self._deleted[article_id] = self._load_seq
        self.index.tags.pop(article_id, None)
        self.index.notes.pop(article_id, None)
        article_list = self.query_one(ArticleList)
        if article_list.remove_article(article_id):
            self._title_view(article_list.row_count)

    def _without_deleted(self, message: ArticlesLoaded) -> list[ArticleMeta]:
        """The message's articles without those deleted since its load started."""
        gone = {aid for aid, seq in self._deleted.items() if seq >= message.seq}
        self._deleted = {aid: self._deleted[aid] for aid in gone}
        return [m for m in message.metas if m.id not in gone] if gone else message.metas

    def _title_view(self, count: int) -> None:
        """Name the saved view shown, if any, in the list's title, with its length."""
        if self.view:
            title = Text("View: ")
            title.append(clean_line(self.view[0], 64))
            title.append(f" ({count})")
            self.query_one(ArticleList).border_title = title

    def on_articles_loaded(self, message: ArticlesLoaded) -> None:
        if message.seq < self._wanted_seq:
            return  # out of date: read before a view was chosen or a reload asked for
        self._wanted_seq = message.seq
        self._version = message.version
        self.index = message.annotations
        metas = self._without_deleted(message)
        if message.only is not None:
            metas = [m for m in metas if m.id in message.only]
        article_list = self.query_one(ArticleList)
        keep = self._select_after_load  # an article just added: put the cursor on it
        article_list.set_articles(metas, self._list_marks(), keep_id=keep)
        for article_id, (seq, read) in list(self._read_marks.items()):
            if seq >= message.seq:  # marked after this load started: it may not have it
                article_list.update_article(article_id, read=read)
            else:
                del self._read_marks[article_id]
        if keep and article_list.meta(keep) is not None:
            self._select_after_load = None
        self._title_view(len(metas))
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

    def on_load_failed(self, message: LoadFailed) -> None:
        self.notify(message.error, severity="error", markup=False)
