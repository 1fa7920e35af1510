"""Changing a scroll view's content size without a layout pass of the whole screen.

Textual's `virtual_size` is a layout reactive: setting it reflows the screen, and a
reflow re-renders the scrollbar of every scroll view on it (the article list's too, 47
lines drawn again). The reader and the item panes always show their vertical scrollbar
and never scroll sideways, so their content size never changes the layout: opening an
article only needs their own lines and scrollbars redrawn.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.widget import Widget


def set_content_size(view: ScrollView, size: Size) -> None:
    """Give `view` a new virtual size, updating its scrollbars and scroll limits, and
    redraw it, without reflowing the screen."""
    if size == view.virtual_size:
        view.refresh()
        return
    view.set_reactive(Widget.virtual_size, size)
    view._scroll_update(size)  # what Textual's own ScrollView does after a resize
    view.refresh()
