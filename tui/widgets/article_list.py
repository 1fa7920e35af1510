"""The article list: a Line API widget that draws only the rows on screen.

A DataTable or OptionList with 50,000 rows takes seconds to build and lay out; this widget
keeps the metadata in a plain list and renders a row only when `render_line` asks for it,
like Textual's own `Log`. It owns its cursor, keys, click handling and `Selected` message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storage.models import ArticleMeta, labelled_day
from storage.store import FOLLOW_UP
from tui.safe_text import clean_line

STAR = "★"
UNREAD = "●"
STATUS_MARKS = {"partial": ("◐", Style(color="#d7875f")), "error": ("!", Style(color="red"))}
# The row has no room to say what its marks mean: the help screen (F1) lists this.
LEGEND_TITLE = "List marks"
LEGEND: tuple[tuple[str, str], ...] = (
    (UNREAD, "unread"),
    (STATUS_MARKS["partial"][0], "partial: only the feed's summary; refetch for the page"),
    (STAR, "tagged follow-up (the article, a quote or a figure)"),
    ("2", "things tagged in it: the article, quotes, figures"),
    ("12q 4f", "quotes and figures found in it"),
)
SITE_WIDTH = 14
WITH_SITE = 90  # narrower rows drop the site column to keep room for the title
WITH_DATE = 50
DATE_WIDTH = len("added 2026-11-25")  # right-aligned: the days line up, labelled or not
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


def fit(text: str, width: int) -> str:
    """`text` cut (ending in an ellipsis) or padded to exactly `width` cells, as Rich's
    `Text.truncate(width, overflow="ellipsis", pad=True)` does."""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, width)
    return text + " " * (width - length)


UNREAD_STYLE = Style(bold=True, color="#5fafff")
STAR_STYLE = Style(bold=True, color="#ffd75f")
TAGGED_STYLE = Style(color="#d787d7")
PLAIN, BOLD, DIM = Style(), Style(bold=True), Style(dim=True)


def row_cells(meta: ArticleMeta, marks: Marks, width: int) -> list[tuple[str, Style]]:
    """One list row as styled pieces exactly `width` cells long: unread, status,
    follow-up, tag count, title, site, date, counts. Built as plain pieces rather than a
    Rich `Text`: a page down at 50,000 articles draws every row anew."""
    status, status_style = STATUS_MARKS.get(meta.status, (" ", PLAIN))
    cells = [
        (UNREAD if not meta.read else " ", UNREAD_STYLE),
        (status, status_style),
        (STAR if marks.follow_up else " ", STAR_STYLE),
        (f"{marks.tagged:>2} " if marks.tagged else "   ", TAGGED_STYLE),
    ]
    site_width = SITE_WIDTH + 1 if width >= WITH_SITE else 0
    date_width = DATE_WIDTH + 1 if width >= WITH_DATE else 0
    title_width = max(width - 6 - site_width - date_width - COUNTS_WIDTH, 8)
    cells.append((fit(clean_line(meta.title, 400), title_width), PLAIN if meta.read else BOLD))
    if site_width:
        cells.append((fit(" " + clean_line(meta.site, 60), site_width), DIM))
    if date_width:
        cells.append((" " + fit(day_cell(meta), DATE_WIDTH), DIM))
    cells.append((f" {meta.n_quotes:>3}q {meta.n_figures:>2}f"[:COUNTS_WIDTH], DIM))
    return _fit_row(cells, width)


def day_cell(meta: ArticleMeta) -> str:
    """The article's day as the reader labels it (`labelled_day`: "added 2026-11-25" for an
    article known only by the day it was stored), right-aligned in the date column."""
    day = labelled_day(clean_line(meta.published), clean_line(meta.added))
    return day.rjust(DATE_WIDTH)


def _fit_row(cells: list[tuple[str, Style]], width: int) -> list[tuple[str, Style]]:
    """Cut the row at `width` cells with an ellipsis (a narrow list), or pad it."""
    total = sum(cell_len(text) for text, _ in cells)
    if total < width:
        return [*cells, (" " * (width - total), PLAIN)]
    if total == width:
        return cells
    kept: list[tuple[str, Style]] = []
    room = width - 1
    for text, style in cells:
        length = cell_len(text)
        if length >= room:
            kept.append((set_cell_size(text, room) + "…", style))
            break
        kept.append((text, style))
        room -= length
    return kept


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
        self._total = 0
        self._cache: LRUCache[tuple[int, int, bool], Strip] = LRUCache(1024)
        self._styles: tuple[Style, Style] | None = None  # (base, cursor), see _row_styles
        # Piece style -> it combined with the base style (and the cursor's), per cursor.
        self._combined: tuple[dict[Style, Style], dict[Style, Style]] = ({}, {})

    # ------------------------------------------------------------------ data

    @property
    def row_count(self) -> int:
        """The rows read so far (see `set_articles`)."""
        return len(self._metas)

    @property
    def total(self) -> int:
        """The rows the list has, read or not."""
        return self._total

    @property
    def current(self) -> ArticleMeta | None:
        """The article under the cursor, if any."""
        return self._metas[self.cursor] if self._metas else None

    def set_articles(
        self,
        metas: list[ArticleMeta],
        marks: dict[str, Marks],
        keep_id: str | None = None,
        *,
        total: int | None = None,
    ) -> None:
        """Replace every row; the cursor stays on `keep_id` if it is still listed.

        `total` larger than `metas`: these are the first rows of a longer list still being
        read (the store's listing head). The list is sized and titled for all of them; the
        rows not read yet stay blank and the cursor stops at the last one read."""
        keep_id = keep_id or (self.current.id if self.current else None)
        self._metas, self._marks = metas, marks
        self._total = max(total or 0, len(metas))
        self._rows = {meta.id: row for row, meta in enumerate(metas)}
        self._cache.clear()
        self.virtual_size = Size(0, self._total)
        self.border_title = f"Articles ({self._total})"
        self.cursor = self.validate_cursor(self._rows.get(keep_id or "", self.cursor))
        self.refresh()

    def remove_article(self, article_id: str) -> bool:
        """Take one row out (an article deleted) without the caller handing every row again;
        False if it is not listed. The cursor stays on its article; if it was on the row
        taken out, it moves to the next row (the previous one at the end)."""
        row = self._rows.get(article_id)
        if row is None:
            return False
        rest = self._metas[:row] + self._metas[row + 1 :]
        keep = self.current.id if self.current else None
        if keep == article_id:
            keep = rest[min(row, len(rest) - 1)].id if rest else None
        self._marks.pop(article_id, None)
        self.set_articles(rest, self._marks, keep, total=self._total - 1)
        return True

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
        self._combined = ({}, {})

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
        cursor = row == self.cursor
        combined = self._combined[cursor]
        segments = [
            Segment(text, combined.get(style) or self._combine(style, cursor))
            for text, style in row_cells(meta, self._marks.get(meta.id, Marks()), width)
            if text
        ]
        return Strip(segments, width)

    def _combine(self, style: Style, cursor: bool) -> Style:
        """A piece's style on the widget's (and the cursor's) style, combined once."""
        base, cursor_style = self._row_styles()
        combined = base + style + cursor_style if cursor else base + style
        self._combined[cursor][style] = combined
        return combined
