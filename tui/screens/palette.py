"""The command palette (ctrl+p): Textual's, with the help key and a footer of its own.

Textual's palette is a modal screen, so the app's F1 binding never reached it (F1 did
nothing there), and the main screen's footer showed through beneath it, listing keys
(`/ Search`, `e Export`) the palette does not take. Here F1 opens the help over the palette,
listing the palette's keys as it does for a dialog (escape returns to the palette, text
typed included), and the palette's own footer covers the main screen's.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.widgets import Footer


class Palette(CommandPalette):
    """The command palette, with F1 for its keys and a footer listing them."""

    HELP_NAME = "Command palette"
    # The app's help binding, id included, so a remapped help key works here too; `?`
    # types into the palette's field, as in any text field. The moves are Textual's own,
    # made priority only so that the help lists them: the field's scroll keys, which
    # pass them on, hid them there ("↑ Scroll Up").
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "app.help", "Help", id="help"),
        Binding("down", "cursor_down", "Next command", show=False, priority=True),
        Binding("up", "command_list('cursor_up')", "Previous command", show=False, priority=True),
        Binding("pagedown", "command_list('page_down')", "Next page", show=False, priority=True),
        Binding("pageup", "command_list('page_up')", "Previous page", show=False, priority=True),
    ]

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield Footer(show_command_palette=False)
