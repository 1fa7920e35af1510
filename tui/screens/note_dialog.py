"""The note editor: a modal with a TextArea for a free-text note on an article or item.

It only collects the text; the main screen writes it. Saving an empty note removes it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.safe_text import clean, clean_line
from tui.screens.dialog import Dialog


class NoteDialog(Dialog[str | None]):
    """Edit the note of `label`; ctrl+s saves (dismisses with the text), escape cancels."""

    HELP_NAME = "Note editor"
    DEFAULT_CSS = """
    NoteDialog {
        & TextArea { height: 8; margin: 1 0; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, what: str, label: str, note: str) -> None:
        super().__init__()
        self._what = what
        self._label = label
        self._note = note

    def compose(self) -> ComposeResult:
        with Vertical():
            title = Text(f"Note on {self._what}: ", "bold")
            title.append(clean_line(self._label, 120))
            yield Static(title, id="note-title")
            yield TextArea(clean(self._note, multiline=True), id="note-text", soft_wrap=True)
            yield Static(Text("ctrl+s saves · escape cancels · empty removes", "dim"))

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)
