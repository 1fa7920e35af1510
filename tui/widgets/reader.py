"""The reader: an article's header line and its highlighted body.

The body is a Line API widget that wraps the `Text` itself, so it knows which screen line
each character lands on: jumping to a quote or figure scrolls to exactly that line, and
the "current" mark is applied while rendering, without rebuilding the text.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Static

from storage.bylines import byline
from storage.models import ArticleMeta, labelled_day
from tui.highlight import CURRENT_STYLE, Highlighted, Span
from tui.safe_text import clean_line
from tui.widgets.pane_content import note_text
from tui.widgets.scrolling import set_content_size
from tui.widgets.wrapping import line_of_text, paragraph_lines


def wrap_spans(text: str, width: int) -> list[Span]:
    """Screen lines of `text` at `width` cells, as (start, end) offsets; a blank line
    follows each paragraph so paragraphs read apart."""
    lines: list[Span] = []
    position = 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            lines.extend((position + a, position + b) for a, b in paragraph_lines(paragraph, width))
            lines.append((position + len(paragraph), position + len(paragraph)))
        position += len(paragraph) + 1
    return lines


def body_lines(body: Highlighted, width: int) -> list[Span]:
    """The body's screen lines at `width`, wrapped once per width (a worker may have done
    it already: see `Highlighted.wrapped`)."""
    lines = body.wrapped.get(width)
    if lines is None:
        lines = body.wrapped[width] = wrap_spans(body.text.plain, width)
    return lines


def byline_of(author: str | None, site: str | None) -> str:
    """The author as a reader writes it (`storage.bylines.byline`, as the exports write it
    too), from web text cleaned of control characters and escapes first."""
    return byline(clean_line(author, 80), clean_line(site))


def header_text(meta: ArticleMeta, tags: set[str], note: str = "") -> Text:
    """Title, then site, byline, date, URL, status and why (a partial article: R refetches
    it), the article's tags and its note, all sanitised."""
    text = Text(no_wrap=False)
    text.append(clean_line(meta.title, 300) or "(untitled)", "bold")
    name = byline_of(meta.author, meta.site)
    details = [
        clean_line(meta.site, 80),
        name and f"by {name}",
        _day_of(meta),
    ]
    text.append("\n" + "  ".join(d for d in details if d), "dim")
    if meta.url:
        text.append("  " + clean_line(meta.url, 200), "dim underline")
    if meta.status != "ok":
        text.append(f"\n{clean_line(meta.status, 20)}", "bold #d7875f")
        if meta.error:
            text.append(f": {clean_line(meta.error, 200)}", "#d7875f")
        text.append("  (R refetches)", "dim")
    text.append("\ntags: ", "dim")
    text.append(" ".join(f"#{clean_line(t, 64)}" for t in sorted(tags)) or "—", "#d787d7")
    if note:
        text.append("  ")
        text.append_text(note_text(note, 200))
    return text


def _day_of(meta: ArticleMeta) -> str:
    """`labelled_day` of the cleaned fields: `published` is web text."""
    return labelled_day(clean_line(meta.published), clean_line(meta.added))


class ReaderHeader(Static):
    """The open article's title, source and tags, one line each.

    Its height is fixed so that opening another article never changes the layout: the
    screen is then drawn in one pass instead of two (see bench/README.md)."""

    DEFAULT_CSS = """
    ReaderHeader {
        height: 4;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show(self, meta: ArticleMeta | None, tags: set[str], note: str = "") -> None:
        """Display `meta` (or a hint when no article is open)."""
        text = header_text(meta, tags, note) if meta else Text("No article open", "dim")
        self.update(text, layout=False)  # its height is fixed: no reflow of the screen


class Reader(ScrollView, can_focus=True):
    """The article body with quotes and figures highlighted; scrolls to a span on request."""

    HELP_NAME: ClassVar[str] = "Reader"
    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: scroll;
        padding: 0 1;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "scroll_up", "Scroll up", show=False),
        Binding("down,j", "scroll_down", "Scroll down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("home,g", "scroll_home", "Top", show=False),
        Binding("end,G", "scroll_end", "Bottom", show=False),
    ]

    current: reactive[Span | None] = reactive(None, init=False, repaint=False)
    """The span marked as current (the quote or figure last jumped to); a change redraws
    the lines of the old and new span only."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._body: Highlighted | None = None
        self._lines: list[Span] = []
        self._starts: list[int] = []
        self._width = 0
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(512)
        self._style: Style | None = None  # self.rich_style, which walks the DOM: once

    @property
    def body(self) -> Highlighted | None:
        return self._body

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def show(self, body: Highlighted | None) -> None:
        """Display a new body from the top, with no current mark."""
        self._body = body
        self.current = None
        self._width = 0
        self._rewrap()
        self.scroll_to(y=0, animate=False)

    def watch_current(self, old: Span | None, new: Span | None) -> None:
        """Redraw the lines of the old and new current span."""
        for span in (old, new):
            if span is not None and self._lines:
                first, last = self.line_of(span[0]), self.line_of(max(span[1] - 1, span[0]))
                for line in range(first, last + 1):
                    self._cache.discard((line, self._width))
                self.refresh_lines(first, last - first + 1)

    def jump_to(self, span: Span) -> None:
        """Mark `span` as current and scroll so it sits in the upper third."""
        self.current = span
        line = self.line_of(span[0])
        height = self.scrollable_content_region.height
        self.scroll_to(y=max(line - height // 3, 0), animate=False)

    def line_of(self, offset: int) -> int:
        """The screen line (of the wrapped body) where character `offset` is."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def visible_lines(self) -> range:
        """Indices of the wrapped lines currently on screen."""
        top = round(self.scroll_y)
        return range(top, min(top + self.scrollable_content_region.height, len(self._lines)))

    def line_text(self, line: int) -> str:
        """The plain text of one wrapped line (for tests and copying)."""
        if self._body is None or not 0 <= line < len(self._lines):
            return ""
        start, end = self._lines[line]
        return self._body.text.plain[start:end]

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width == self._width:
            return
        self._width = width
        self._lines = body_lines(self._body, width) if self._body and width > 0 else []
        self._starts = [start for start, _ in self._lines]
        self._cache.clear()
        set_content_size(self, Size(width, len(self._lines)))

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style = None
        self._cache.clear()

    def render_line(self, y: int) -> Strip:
        """Render wrapped line `scroll_y + y`, with the current span marked."""
        line = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        if self._body is None or line >= len(self._lines):
            return Strip.blank(width, self._base_style())
        strip = self._cache.get((line, width))
        if strip is None:
            strip = self._render(line, width)
            self._cache[(line, width)] = strip
        return strip

    def _render(self, line: int, width: int) -> Strip:
        assert self._body is not None
        start, end = self._lines[line]
        text = line_of_text(self._body.text, start, end)
        text.rstrip_end(width)
        if self.current is not None:
            mark_start, mark_end = self.current
            lo, hi = max(mark_start, start), min(mark_end, end)
            if lo < hi:
                text.stylize(CURRENT_STYLE, lo - start, hi - start)
        base = self._base_style()
        text.stylize_before(base)
        segments = list(text.render(self.app.console))
        return Strip(segments, text.cell_len).crop_extend(0, width, base)

    def _base_style(self) -> Style:
        if self._style is None:
            self._style = self.rich_style
        return self._style
