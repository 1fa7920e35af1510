"""The quotes pane and the figures pane: an article's items, each navigable and taggable.

What they show is built in tui/widgets/pane_content.py. Choosing an item (enter or click)
posts `ItemPane.Chosen`, and the screen jumps the reader to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from storage.models import Figure, Quote
from tui.widgets.pane_content import (
    PaneContent,
    Wrapped,
    figures_content,
    quotes_content,
    wrap_prompts,
)
from tui.widgets.scrolling import set_content_size
from tui.widgets.wrapping import line_of_text


class ItemPane(ScrollView, can_focus=True):
    """Base of the two panes: a highlighted item moved by keys or mouse, and a `Chosen`
    message carrying its index.

    A Line API widget rather than an `OptionList`: the list wrapped and measured every
    option as `Content` on each open and drew through it again, about half the time an
    open took (bench/README.md). Here an item's prompt is cut into screen lines once per
    width and a line is drawn by slicing it."""

    kind: ClassVar[str] = "item"
    COMPONENT_CLASSES: ClassVar[set[str]] = {"item-pane--highlighted"}
    DEFAULT_CSS = """
    ItemPane {
        overflow-x: hidden;
        padding: 0 1;
        background: $surface;
        & > .item-pane--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .item-pane--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select", "Jump to", id="items.jump"),
    ]

    highlighted: reactive[int | None] = reactive(None, init=False, repaint=False)
    """The index of the highlighted item, None when there are none (a move redraws the
    lines of the two items, not the whole pane)."""

    @dataclass
    class Chosen(Message):
        """The user chose item `index` of `kind` ("quote" or "figure")."""

        pane: ItemPane
        kind: str
        index: int

        @property
        def control(self) -> ItemPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.keys: list[str] = []
        self._prompts: list[Text] = []
        self._lines: list[tuple[int, int, int]] = []  # (item, start, end) per screen line
        self._tops: list[int] = []  # each item's first screen line
        self._width = 0
        self._cache: LRUCache[tuple[int, bool], Strip] = LRUCache(256)
        self._styles: tuple[Style, Style] | None = None  # base, highlighted: walks the DOM

    @property
    def option_count(self) -> int:
        """How many items the pane lists."""
        return len(self._prompts)

    @property
    def current_index(self) -> int | None:
        """The highlighted item, if any."""
        return self.highlighted if self._prompts else None

    def prompt_texts(self) -> list[str]:
        """Every item's prompt as plain text (for tests and copying)."""
        return [prompt.plain for prompt in self._prompts]

    def show_content(self, content: PaneContent) -> None:
        """Replace the items; the highlight stays put if they are the same items (a tag
        was added) and goes back to the first one for another article. Lines wrapped for
        this pane's width are used as they are."""
        same = content.keys == self.keys
        highlighted = self.highlighted if same else 0
        self.keys, self._prompts = content.keys, content.prompts
        self._width = 0
        self._rewrap(content.wrapped if content.width == self.content_width else None)
        prompts = content.prompts
        index = min(highlighted or 0, len(prompts) - 1) if prompts else None
        self.set_reactive(ItemPane.highlighted, index)  # drawn by the rewrap's refresh
        if not same:
            self.scroll_to(y=0, animate=False)
        self.border_title = f"{content.title} ({len(prompts)})"

    @property
    def content_width(self) -> int:
        """The width prompts are wrapped to (a worker may wrap them for it)."""
        return self.scrollable_content_region.width

    def _rewrap(self, wrapped: Wrapped | None = None) -> None:
        width = self.content_width
        if width == self._width:
            return
        self._width = width
        self._lines, self._tops = wrapped or wrap_prompts(self._prompts, width)
        self._cache.clear()
        set_content_size(self, Size(width, len(self._lines)))

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()
        self._scroll_to_highlighted()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles = None
        self._cache.clear()

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for item in (old, new):
            if item is not None and item < len(self._tops):
                top, bottom = self._item_lines(item)
                self.refresh_lines(top, bottom - top)
        self._scroll_to_highlighted()

    def _item_lines(self, item: int) -> tuple[int, int]:
        """The first screen line of `item` and the line after its last."""
        top = self._tops[item]
        return top, self._tops[item + 1] if item + 1 < len(self._tops) else len(self._lines)

    def _scroll_to_highlighted(self) -> None:
        item = self.highlighted
        if item is None or not self._tops or item >= len(self._tops):
            return
        top, bottom = self._item_lines(item)
        self.scroll_to_region(Region(0, top, 1, bottom - top), animate=False, immediate=True)

    def render_line(self, y: int) -> Strip:
        """Render screen line `scroll_y + y`, in the highlight style if its item is."""
        line = round(self.scroll_y) + y
        if line >= len(self._lines):
            return Strip.blank(self.scrollable_content_region.width, self._line_styles()[0])
        item = self._lines[line][0]
        key = (line, item == self.highlighted)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._cache[key] = self._render(line, key[1])
        return strip

    def _render(self, line: int, highlighted: bool) -> Strip:
        item, start, end = self._lines[line]
        style = self._line_styles()[highlighted]
        text = line_of_text(self._prompts[item], start, end)
        text.stylize_before(style)
        segments = list(text.render(self.app.console))
        return Strip(segments, text.cell_len).crop_extend(0, self._width, style)

    def _line_styles(self) -> tuple[Style, Style]:
        if self._styles is None:
            base = self.rich_style
            self._styles = (base, base + self.get_component_rich_style("item-pane--highlighted"))
        return self._styles

    def _on_focus(self, event: events.Focus) -> None:
        self.notify_style_update()  # the highlight looks different with focus
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self.notify_style_update()
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        """A click highlights the item under the pointer and chooses it, as enter does."""
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + round(self.scroll_y)
        if 0 <= line < len(self._lines):
            self.highlighted = self._lines[line][0]
            self.action_select()

    def _move_to(self, item: int) -> None:
        if self._prompts:
            self.highlighted = max(0, min(item, len(self._prompts) - 1))

    def action_cursor_up(self) -> None:
        self._move_to((self.highlighted or 0) - 1)

    def action_cursor_down(self) -> None:
        self._move_to(-1 if self.highlighted is None else self.highlighted + 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self._prompts) - 1)

    def action_page_up(self) -> None:
        self._move_by_lines(-self.scrollable_content_region.height)

    def action_page_down(self) -> None:
        self._move_by_lines(self.scrollable_content_region.height)

    def _move_by_lines(self, lines: int) -> None:
        """Move the highlight about a screen of lines, to the item on that line."""
        if not self._lines or self.highlighted is None:
            return
        line = max(0, min(self._tops[self.highlighted] + lines, len(self._lines) - 1))
        self._move_to(self._lines[line][0])

    def action_select(self) -> None:
        if self.current_index is not None:
            self.post_message(self.Chosen(self, self.kind, self.current_index))


class QuotesPane(ItemPane):
    """Each quote as `speaker — words`, with its tags."""

    kind: ClassVar[str] = "quote"
    HELP_NAME: ClassVar[str] = "Quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "screen.search_speaker", "Speaker's quotes", id="quotes.by-speaker"),
    ]

    def show(
        self,
        quotes: list[Quote],
        tags: dict[str, set[str]],
        styles: dict[str, Style],
        notes: dict[str, str] | None = None,
    ) -> None:
        """Show `quotes`; `tags` and `notes` are keyed by quote key."""
        self.show_content(quotes_content(quotes, tags, styles, notes or {}))


class FiguresPane(ItemPane):
    """Each figure with its parsed value and the sentence it is in."""

    kind: ClassVar[str] = "figure"
    HELP_NAME: ClassVar[str] = "Figures"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "screen.search_kind", "Figures of this kind", id="figures.of-kind"),
    ]

    def show(
        self,
        figures: list[Figure],
        tags: dict[str, set[str]],
        notes: dict[str, str] | None = None,
    ) -> None:
        """Show `figures`; `tags` and `notes` are keyed by figure key."""
        self.show_content(figures_content(figures, tags, notes or {}))
