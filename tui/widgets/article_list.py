"""The article list: a Line API widget that draws only the rows on screen.

A DataTable or OptionList with 50,000 rows takes seconds to build and lay out; this widget
keeps the metadata in a plain list and renders a row only when `render_line` asks for it,
like Textual's own `Log`. It owns its cursor, keys, click handling and `Selected` message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storage.models import ArticleMeta
from storage.store import FOLLOW_UP
from tui.safe_text import clean_line

STAR = "★"
UNREAD = "●"
STATUS_MARKS = {"partial": ("◐", Style(color="#d7875f")), "error": ("!", Style(color="red"))}
SITE_WIDTH = 14
WITH_SITE = 90  # narrower rows drop the site column to keep room for the title
WITH_DATE = 50
DATE_WIDTH = 10
COUNTS_WIDTH = 9


@dataclass(frozen=True, slots=True)
class Marks:
    """What the list shows of an article's tags: follow-up anywhere, and how many items."""

    follow_up: bool = False
    tagged: int = 0


def marks_for(tags: dict[str, set[str]]) -> Marks:
    """`Marks` from one article's tags keyed by item (as `Store.tags_for` returns them)."""
    tagged = [item for item, names in tags.items() if names]
    follow = any(FOLLOW_UP in names for names in tags.values())
    return Marks(follow, len(tagged))


def _cell(text: str, width: int, style: Style | str = "") -> Text:
    """`text` cut or padded to exactly `width` cells."""
    cell = Text(text, style=style, no_wrap=True)
    cell.truncate(width, overflow="ellipsis", pad=True)
    return cell


def row_text(meta: ArticleMeta, marks: Marks, width: int) -> Text:
    """One list row: unread, status, follow-up, tag count, title, site, date, counts."""
    row = Text(no_wrap=True, end="")
    row.append(UNREAD if not meta.read else " ", "bold #5fafff")
    status, status_style = STATUS_MARKS.get(meta.status, (" ", Style()))
    row.append(status, status_style)
    row.append(STAR if marks.follow_up else " ", "bold #ffd75f")
    row.append(f"{marks.tagged:>2} " if marks.tagged else "   ", "#d787d7")
    site_width = SITE_WIDTH + 1 if width >= WITH_SITE else 0
    date_width = DATE_WIDTH + 1 if width >= WITH_DATE else 0
    title_width = max(width - len(row) - site_width - date_width - COUNTS_WIDTH, 8)
    row.append_text(_cell(clean_line(meta.title, 400), title_width, "" if meta.read else "bold"))
    if site_width:
        row.append_text(_cell(" " + clean_line(meta.site, 60), site_width, "dim"))
    if date_width:
        row.append_text(_cell(" " + (meta.published or meta.added)[:10], date_width, "dim"))
    row.append(f" {meta.n_quotes:>3}q {meta.n_figures:>2}f"[:COUNTS_WIDTH], "dim")
    row.truncate(width, overflow="ellipsis", pad=True)
    return row


class ArticleList(ScrollView, can_focus=True):
    """Every article's metadata, one row each, rendered lazily; enter or click opens one."""

    HELP_NAME: ClassVar[str] = "Article list"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"article-list--cursor"}
    DEFAULT_CSS = """
    ArticleList {
        overflow-x: hidden;
        overflow-y: auto;
        & > .article-list--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .article-list--cursor {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,g", "first", "First article", show=False),
        Binding("end,G", "last", "Last article", show=False),
        Binding("enter", "select", "Open", id="list.open"),
        Binding("u", "screen.toggle_read", "Read/unread", id="list.toggle-read"),
    ]

    cursor: reactive[int] = reactive(0, init=False, repaint=False)
    """The row under the cursor (a move redraws its two rows, not the whole list)."""

    @dataclass
    class Selected(Message):
        """The user chose an article (enter or click)."""

        article_list: ArticleList
        article_id: str

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._metas: list[ArticleMeta] = []
        self._marks: dict[str, Marks] = {}
        self._rows: dict[str, int] = {}
        self._cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)
        self._styles: tuple[Style, Style] | None = None  # (base, cursor), see _row_styles

    # ------------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        return len(self._metas)

    @property
    def current(self) -> ArticleMeta | None:
        """The article under the cursor, if any."""
        return self._metas[self.cursor] if self._metas else None

    def set_articles(
        self, metas: list[ArticleMeta], marks: dict[str, Marks], keep_id: str | None = None
    ) -> None:
        """Replace every row; the cursor stays on `keep_id` if it is still listed."""
        keep_id = keep_id or (self.current.id if self.current else None)
        self._metas, self._marks = metas, marks
        self._rows = {meta.id: row for row, meta in enumerate(metas)}
        self._cache.clear()
        self.virtual_size = Size(0, len(metas))
        self.border_title = f"Articles ({len(metas)})"
        self.cursor = self.validate_cursor(self._rows.get(keep_id or "", self.cursor))
        self.refresh()

    def ids_around(self) -> list[str]:
        """The article under the cursor, then the next and the previous one."""
        rows = [self.cursor, self.cursor + 1, self.cursor - 1]
        return [self._metas[row].id for row in rows if 0 <= row < len(self._metas)]

    def meta(self, article_id: str) -> ArticleMeta | None:
        row = self._rows.get(article_id)
        return None if row is None else self._metas[row]

    def marks(self, article_id: str) -> Marks:
        return self._marks.get(article_id, Marks())

    def update_article(
        self, article_id: str, *, read: bool | None = None, marks: Marks | None = None
    ) -> None:
        """Change one row in place (read state, tag marks) without reloading the list.

        Nothing is redrawn when nothing changed: opening an article sets its marks again,
        and a redrawn row widens the screen area the next frame repaints (the list and its
        scrollbar as well as the reader)."""
        row = self._rows.get(article_id)
        if row is None:
            return
        meta = self._metas[row]
        same_read = read is None or meta.read == read
        if same_read and (marks is None or self._marks.get(article_id, Marks()) == marks):
            return
        if read is not None:
            meta.read = read
        if marks is not None:
            self._marks[article_id] = marks
        for cursor in (False, True):
            self._cache.discard((row, self.scrollable_content_region.width, cursor))
        self.refresh_line(row)

    def select_id(self, article_id: str) -> None:
        """Move the cursor to an article, if listed."""
        if article_id in self._rows:
            self.cursor = self._rows[article_id]

    # ------------------------------------------------------------------ cursor

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._metas) - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        """Redraw the two rows that changed and keep the cursor on screen."""
        self.refresh_line(old)
        self.refresh_line(new)
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif height and self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(self.scrollable_content_region.height - 1, 1)

    def action_page_down(self) -> None:
        self.cursor += max(self.scrollable_content_region.height - 1, 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._metas) - 1

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current.id))

    def on_click(self, event: events.Click) -> None:
        """Clicking a row moves the cursor there and opens it."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = round(self.scroll_y) + offset.y
        if 0 <= row < len(self._metas):
            self.cursor = row
            self.action_select()

    # ------------------------------------------------------------------ rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_rendering()

    def _on_focus(self, event: events.Focus) -> None:
        self._forget_rendering()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._forget_rendering()
        self.refresh()

    def _forget_rendering(self) -> None:
        self._cache.clear()
        self._styles = None

    def _row_styles(self) -> tuple[Style, Style]:
        """The widget's style and the cursor's, computed once per style change: Textual
        derives them by walking the DOM, which cost more than drawing the row itself."""
        if self._styles is None:
            cursor = self.get_component_rich_style("article-list--cursor")
            self._styles = (self.rich_style, cursor)
        return self._styles

    def render_line(self, y: int) -> Strip:
        """Render the row at screen line `y`, from the cache when possible."""
        row = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if row >= len(self._metas):
            return Strip.blank(width, self._row_styles()[0])
        key = (row, width, row == self.cursor)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(row, width)
            self._cache[key] = strip
        return strip

    def _render_row(self, row: int, width: int) -> Strip:
        meta = self._metas[row]
        text = row_text(meta, self._marks.get(meta.id, Marks()), width)
        base, cursor = self._row_styles()
        if row == self.cursor:
            text.stylize(cursor)
        text.stylize_before(base)
        segments = list(text.render(self.app.console))
        return Strip(segments, text.cell_len).crop_extend(0, width, base)
