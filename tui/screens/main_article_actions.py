"""The main screen's article actions: delete an article, copy what is focused, open a URL.

A mixin of `MainScreen`, kept apart so each file stays short. A delete asks first (only
`y` deletes) and runs on the screen's `StoreWriter` thread through `_write`, like every
other store write; the list then drops the row in place instead of re-reading the store.
Copying goes through the terminal (OSC 52, `App.copy_to_clipboard`), so it works over ssh
too, though not in every terminal. A URL is web text: only an http(s) address, free of
spaces and control characters, is handed to the browser, and that in a thread, since
Python's `webbrowser` may run a program or two before it returns; when none takes it, the
notice says so, gives the URL and says that `c` copies it: the clipboard is the user's, and
is not overwritten unasked.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import urlsplit

from textual import work

from storage.models import ArticleMeta
from tui.safe_text import clean, clean_line
from tui.widgets import ArticleList, FiguresPane, ItemPane
from tui.wording import annotations_phrase

if TYPE_CHECKING:
    from textual.screen import Screen

    from storage.models import Article
    from storage.store import Store
    from tui.annotation_index import AnnotationIndex
    from tui.messages import ArticleLoaded

    Base = Screen[None]
else:
    Base = object

T = TypeVar("T")
WEB_SCHEMES = frozenset({"http", "https"})
DELETE_HINT = "y deletes it, n or escape keeps it"


def web_url(url: str | None) -> str | None:
    """`url` if it is an http(s) address with a host, and nothing a terminal or a shell
    could read differently (spaces, control characters, escapes); else None."""
    if not url or clean(url) != url or any(ch.isspace() for ch in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and host else None


def delete_question(title: str, tags: int, notes: int) -> str:
    """What the confirmation asks, naming the article and the user's own work on it."""
    carried = annotations_phrase(tags, notes)
    carries = f" It carries {carried}, deleted with it." if carried else ""
    return f"Delete '{clean_line(title, 80)}'?{carries}"


class ArticleActions(Base):
    """Delete, copy and open-in-browser for `MainScreen`."""

    store: Store
    index: AnnotationIndex
    article: Article | None
    _opening: str | None
    _select_after_load: str | None
    _ahead: dict[str, ArticleLoaded]

    if TYPE_CHECKING:  # MainScreen's and its other mixins', used here

        async def _write(self, call: Callable[[], T]) -> tuple[bool, T | None]: ...
        def drop_article(self, article_id: str) -> None: ...
        def open_article(self, article_id: str) -> None: ...
        def _close_article(self) -> None: ...

    def focused_article(self) -> ArticleMeta | None:
        """The article under the list cursor when the list has focus, else the open one."""
        focused = self.focused
        if isinstance(focused, ArticleList):
            return focused.current
        return self.article.meta if self.article is not None else None

    # ------------------------------------------------------------------ delete

    def action_delete_article(self) -> None:
        """Delete the focused article, with its tags and notes, once the user says y."""
        from tui.screens.confirm import ConfirmDialog

        meta = self.focused_article()
        if meta is None:
            self.notify("No article to delete", severity="warning")
            return
        tags = sum(len(names) for names in self.index.tags_of(meta.id).values())
        notes = len(self.index.notes_of(meta.id))
        question = delete_question(meta.title, tags, notes)
        dialog = ConfirmDialog("Delete article", question, DELETE_HINT)
        carried = annotations_phrase(tags, notes)

        async def answered(yes: bool | None) -> None:
            if yes:
                await self._delete(meta, carried)

        self.app.push_screen(dialog, answered)

    async def _delete(self, meta: ArticleMeta, carried: str) -> None:
        # Asked before the write: a reload while it runs closes the deleted article itself.
        was_open = meta.id in (self._opening, self.article.id if self.article else None)
        ok, _ = await self._write(lambda: self.store.delete_article(meta.id))
        if not ok:
            return
        if self._select_after_load == meta.id:
            self._select_after_load = None
        self._ahead.pop(meta.id, None)
        self.drop_article(meta.id)
        if was_open:  # closed first: a reload meanwhile must not close the next one
            self._close_article()
            current = self.query_one(ArticleList).current
            if current is not None:
                self.open_article(current.id)
        with_what = f" with its {carried}" if carried else ""
        self.notify(f"Deleted '{clean_line(meta.title, 80)}'{with_what}", markup=False)

    # ------------------------------------------------------------------ copy

    def action_copy_item(self) -> None:
        """Copy the highlighted quote or figure, or the article's title and URL."""
        focused = self.focused
        if isinstance(focused, ItemPane):
            copied = self._item_text(focused)
        else:
            meta = self.focused_article()
            copied = None if meta is None else ("title and URL", article_text(meta))
        if copied is None:
            self.notify("Nothing to copy here", severity="warning")
            return
        what, text = copied
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {what}: {clean_line(text, 100)}", markup=False)

    def _item_text(self, pane: ItemPane) -> tuple[str, str] | None:
        index = pane.current_index
        if self.article is None or index is None:
            return None
        body = self.article.body
        if isinstance(pane, FiguresPane):
            figure = body.figures[index]
            return "figure", joined(clean_line(figure.text), clean_line(figure.sentence))
        quote = body.quotes[index]
        return "quote", joined(f"“{clean_line(quote.text)}”", clean_line(quote.speaker))

    # ------------------------------------------------------------------ open in a browser

    def action_open_in_browser(self) -> None:
        """Open the focused article's original web page in the browser."""
        meta = self.focused_article()
        if meta is None:
            self.notify("No article to open", severity="warning")
            return
        url = web_url(meta.url)
        if url is None:
            why = "has no web address" if not meta.url else "has no http(s) address"
            self.notify(f"This article {why} to open", severity="warning", markup=False)
            return
        self._open_url(url)

    @work(thread=True, exit_on_error=False, group="browser")
    def _open_url(self, url: str) -> None:
        """Hand `url` to the browser off the event loop (a console browser blocks until it
        exits), then say what came of it."""
        try:
            opened, error = self._hand_to_browser(url), ""
        except (webbrowser.Error, OSError) as exc:
            opened, error = False, clean_line(str(exc), 200)
        self.app.call_from_thread(self._browser_result, url, opened, error)

    def _hand_to_browser(self, url: str) -> bool:
        """Whether a browser took `url`. Served over the web (textual-serve), the user's own
        browser opens it; else Python's `webbrowser`, which returns False when none can."""
        if self.app.is_web:
            self.app.open_url(url)
            return True
        return webbrowser.open(url)

    def _browser_result(self, url: str, opened: bool, error: str) -> None:
        if opened:
            self.notify(f"Opened {clean_line(url, 100)} in your browser", markup=False)
            return
        why = f" ({error})" if error else ""
        self.notify(
            f"No browser could be opened{why}; the URL is {clean_line(url, 300)}\n"
            f"{self._copy_hint()}",
            severity="warning",
            markup=False,
            timeout=12,
        )

    def _copy_hint(self) -> str:
        """Where `c` copies the article `o` acted on: here, unless a quote or figure has
        focus (`c` copies that), then from the reader, which shows the same article."""
        where = " in the reader" if isinstance(self.focused, ItemPane) else ""
        return f"c{where} copies it with the title"


def joined(first: str, second: str) -> str:
    """`first — second`, or `first` alone when there is no second."""
    return f"{first} — {second}" if second else first


def article_text(meta: ArticleMeta) -> str:
    """The title, and the URL on the next line if there is one (both cleaned)."""
    url = clean_line(meta.url)
    return f"{clean_line(meta.title)}\n{url}" if url else clean_line(meta.title)


__all__ = ["ArticleActions", "delete_question", "web_url"]
