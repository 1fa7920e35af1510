"""Changing a scroll view's content size without a layout pass of the whole screen.

Textual's `virtual_size` is a layout reactive: setting it reflows the screen, and a
reflow re-renders the scrollbar of every scroll view on it (the article list's too, 47
lines drawn again). The reader and the item panes always show their vertical scrollbar
and never scroll sideways, so their content size never changes the layout: opening an
article only needs their own lines and scrollbars redrawn.

That takes ScrollView's private `_scroll_update`, what Textual itself calls after a resize
(8.2). Should a Textual release drop it, the public, slower reactive is used instead, and
tests/tui/test_scrolling.py says so.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget

SCROLL_UPDATE = getattr(ScrollView, "_scroll_update", None)


def set_content_size(view: ScrollView, size: Size) -> None:
    """Give `view` a new virtual size, updating its scrollbars and scroll limits, and
    redraw it, without reflowing the screen."""
    if size == view.virtual_size:
        view.refresh()
        return
    if SCROLL_UPDATE is None:
        view.virtual_size = size  # correct, but reflows the screen
        return
    view.set_reactive(Widget.virtual_size, size)
    SCROLL_UPDATE(view, size)
    view.refresh()
