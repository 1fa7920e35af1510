"""The main screen's desk actions: tags, notes, read state, and the desk's other screens.

A mixin of `MainScreen`, kept apart so each file stays short. Every store write here is
one small record (a tag, a note, a read flag), run on the screen's `StoreWriter` thread
through `_write`, so the event loop never waits on a disk; `_write` also remembers the
store version the write produced: the list poll then sees no change and does not reload
50,000 rows for the app's own write.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from textual import work

from desk.export import render, write_export
from storage.errors import StoreError
from storage.models import Article, ItemRef
from storage.store import FOLLOW_UP, Store
from tui.annotation_index import AnnotationIndex
from tui.messages import ExportDone, LoadFailed
from tui.safe_text import clean_line
from tui.store_writer import StoreWriter
from tui.widgets import ArticleList, FiguresPane, ItemPane, QuotesPane

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.screens.export_dialog import ExportExists, ExportRequest

    Base = Screen[None]
else:
    Base = object

T = TypeVar("T")
READ_ERRORS = (StoreError, OSError, ValueError)


@dataclass(frozen=True)
class Target:
    """What `t`, `f` and `n` act on: an article, or one quote or figure of the open article."""

    ref: ItemRef
    label: str
    kind: str
    tags: set[str] = field(default_factory=set)


class DeskActions(Base):
    """Tagging, notes, read state, search, views and export for `MainScreen`."""

    store: Store
    writer: StoreWriter
    index: AnnotationIndex
    article: Article | None
    view: tuple[str, str] | None
    _version: tuple[object, ...] | None

    def _show_tags(self, article_id: str) -> None:
        raise NotImplementedError

    def show_item(self, ref: ItemRef | None) -> None:
        raise NotImplementedError

    def action_reload(self) -> None:
        raise NotImplementedError

    def remember_read(self, article_id: str, read: bool) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ writing

    async def _write(self, call: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one store write on the writer thread: (True, result), or (False, None) after
        notifying the error.

        The versions before and after are read under the store lock, so no other process
        can write in between: if the list was current before, it is current after. The
        list's version moves there too, before the lock is let go, so the poll never sees
        the app's own write as someone else's and reloads 50,000 rows for it.
        """

        def versioned() -> T:
            with self.store._writing():
                before, result = self.store.version(), call()
                if self._version is not None and before == self._version:
                    self._version = self.store.version()
                return result

        try:
            result = await self.writer.run(versioned)
        except (StoreError, OSError) as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False, None
        return True, result

    # ------------------------------------------------------------------ targets

    def focused_target(self) -> Target | None:
        """The item `t`, `f` and `n` act on, from whichever pane has focus."""
        focused = self.focused
        if isinstance(focused, ItemPane):
            return self._item_target(focused)
        if isinstance(focused, ArticleList) and focused.current is not None:
            return self._article_target(focused.current.id, focused.current.title)
        if self.article is not None:
            return self._article_target(self.article.id, self.article.meta.title)
        return None

    def _article_target(self, article_id: str, title: str) -> Target:
        ref = ItemRef(article_id)
        return Target(ref, title, "article", self.index.item_tags(ref))

    def _item_target(self, pane: ItemPane) -> Target | None:
        index = pane.current_index
        if self.article is None or index is None:
            return None
        body = self.article.body
        item = body.quotes[index] if pane.kind == "quote" else body.figures[index]
        ref = ItemRef(self.article.id, pane.keys[index])
        return Target(ref, item.text, pane.kind, self.index.item_tags(ref))

    def _target_or_warn(self) -> Target | None:
        target = self.focused_target()
        if target is None:
            self.notify("Nothing here: open an article first", severity="warning")
        return target

    # ------------------------------------------------------------------ tags

    def action_tag(self) -> None:
        """Ask for tags for the focused item: `a b` adds both, `-a` removes one."""
        from tui.screens.tag_dialog import TagDialog

        target = self._target_or_warn()
        if target is not None:
            dialog = TagDialog(target.kind, target.label, list(self.index.names), target.tags)
            self.app.push_screen(dialog, lambda text: self._apply_tags(target, text))

    async def _apply_tags(self, target: Target, text: str | None) -> None:
        """Write each edit on the writer thread, then say in one line what changed."""
        from tui.screens.tag_dialog import describe_changes, tag_calls

        changes: list[tuple[str, bool, bool]] = []
        for tag, add, call in tag_calls(self.store, target.ref, clean_line(target.label), text):
            ok, changed = await self._write(call)
            if not ok:
                break
            self.index.set_tag(target.ref, tag, add)
            changes.append((tag, add, bool(changed)))
        if changes:
            self.notify(describe_changes(changes), markup=False)
        self._show_tags(target.ref.article)

    async def action_follow_up(self) -> None:
        """Flip the follow-up tag on the focused item."""
        target = self._target_or_warn()
        if target is None:
            return
        label = clean_line(target.label)
        ok, now = await self._write(lambda: self.store.toggle_tag(target.ref, FOLLOW_UP, label))
        if ok:
            self.index.set_tag(target.ref, FOLLOW_UP, bool(now))
            self._show_tags(target.ref.article)
            verb = "Marked" if now else "Unmarked"
            self.notify(f"{verb} {target.kind} #{FOLLOW_UP}", markup=False)

    # ------------------------------------------------------------------ notes and read state

    def action_note(self) -> None:
        """Write or edit the note on the focused item (an empty note removes it)."""
        from tui.screens.note_dialog import NoteDialog

        target = self._target_or_warn()
        if target is not None:
            dialog = NoteDialog(target.kind, target.label, self.index.note(target.ref))
            self.app.push_screen(dialog, lambda text: self._apply_note(target, text))

    async def _apply_note(self, target: Target, text: str | None) -> None:
        if text is None:
            return
        ok, note = await self._write(lambda: self.store.note(target.ref, text))
        if ok:
            self.index.set_note(target.ref, note.text if note else "")
            self._show_tags(target.ref.article)
            self.notify(f"Note {'saved' if note else 'removed'} on {target.kind}", markup=False)

    async def set_read(self, article_id: str, read: bool) -> None:
        """Mark an article read or unread, in the store and on its list row."""
        ok, _ = await self._write(lambda: self.store.set_read(article_id, read))
        if ok:
            self.query_one(ArticleList).update_article(article_id, read=read)
            self.remember_read(article_id, read)

    async def action_toggle_read(self) -> None:
        """Flip read/unread on the article under the list cursor."""
        current = self.query_one(ArticleList).current
        if current is not None:
            await self.set_read(current.id, not current.read)

    # ------------------------------------------------------------------ other screens

    def action_follow_up_view(self) -> None:
        """Show every tagged item across the store, grouped by tag."""
        from tui.screens.followup import FollowUpScreen

        self.app.push_screen(
            FollowUpScreen(self.store, self.index.names, self.writer), self.show_item
        )

    def action_search(self, query: str = "") -> None:
        """Search articles, quotes and figures; enter opens the result."""
        from tui.screens.search import SearchScreen

        self.app.push_screen(SearchScreen(self.store, query), self.show_item)

    def action_search_speaker(self) -> None:
        """Every quote by the speaker of the highlighted quote, across the store."""
        pane, article = self.query_one(QuotesPane), self.article
        if article is None or pane.current_index is None:
            return
        speaker = clean_line(article.body.quotes[pane.current_index].speaker).replace('"', "")
        if not speaker:
            self.notify("This quote has no speaker", severity="warning")
            return
        self.action_search(f'speaker:"{speaker}"')

    def action_search_kind(self) -> None:
        """Every figure of the highlighted figure's kind, across the store."""
        pane, article = self.query_one(FiguresPane), self.article
        if article is not None and pane.current_index is not None:
            self.action_search(f"kind:{article.body.figures[pane.current_index].kind}")

    def action_views(self) -> None:
        """Pick a saved view to narrow the article list to (or all articles)."""
        from tui.screens.views_dialog import ViewsDialog

        self.app.push_screen(ViewsDialog(self.store), self._apply_view)

    def _apply_view(self, choice: tuple[str, str] | bool | None) -> None:
        if choice is False:
            return  # cancelled
        self.view = choice if isinstance(choice, tuple) else None
        self.action_reload()

    # ------------------------------------------------------------------ export

    def action_export(self) -> None:
        """Export tagged items (md, csv) or all articles, tags and notes (json) to a file."""
        self._open_export(None)

    def _open_export(self, existing: ExportRequest | None) -> None:
        from tui.screens.export_dialog import ExportDialog

        dialog = ExportDialog(list(self.index.names), existing)
        self.app.push_screen(dialog, self._start_export)

    def _start_export(self, request: ExportRequest | None) -> None:
        if request is not None:
            self._export(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(self, request: ExportRequest) -> None:
        """Render and write in a thread; a file already there is kept and the user asked."""
        from tui.screens.export_dialog import ExportExists

        asking = not (request.replace or request.next_free)
        try:
            if asking and os.path.lexists(request.path):  # before rendering it all for nothing
                raise FileExistsError(request.path)
            text = render(self.store, request.fmt, request.tag)
            path = write_export(
                request.path, text, replace=request.replace, next_free=request.next_free
            )
        except FileExistsError:
            self.post_message(ExportExists(request))
            return
        except READ_ERRORS as exc:
            self.post_message(LoadFailed(f"Export failed: {exc}"))
            return
        self.post_message(ExportDone(path))

    def on_export_exists(self, message: ExportExists) -> None:
        """Nothing was written: ask again, with the same request and a warning."""
        self._open_export(message.request)

    def on_export_done(self, message: ExportDone) -> None:
        """(Named, not `@on`: a mixin's decorated handlers are not collected.)"""
        self.notify(f"Exported to {message.path}", markup=False)


__all__ = ["DeskActions", "Target"]
