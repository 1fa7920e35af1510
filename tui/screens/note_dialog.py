"""The note editor: a modal with a TextArea for a free-text note on an article or item.

It only collects the text; the main screen writes it. Saving an empty note removes it.
Escape with unsaved changes only warns; a second escape in a row discards them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.safe_text import clean, clean_line
from tui.screens.dialog import Dialog

HINT = "ctrl+s saves · escape cancels · empty removes"
UNSAVED = "unsaved note: escape again discards, ctrl+s saves"


class NoteDialog(Dialog[str | None]):
    """Edit the note of `label`; ctrl+s saves (dismisses with the text), escape cancels
    (twice if the text was changed)."""

    HELP_NAME = "Note editor"
    DEFAULT_CSS = """
    NoteDialog {
        & TextArea { height: 8; margin: 1 0; }
        & #note-hint.-warning { color: $warning; text-style: bold; }
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
        self._saved = clean(note, multiline=True)
        self._warned = False  # escape was pressed once on unsaved changes

    def compose(self) -> ComposeResult:
        with Vertical():
            title = Text(f"Note on {self._what}: ", "bold")
            title.append(clean_line(self._label, 120))
            yield Static(title, id="note-title")
            yield TextArea(self._saved, id="note-text", soft_wrap=True)
            yield Static(Text(HINT, "dim"), id="note-hint")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        self._saved = area.text  # the text as the editor shows it, line endings included

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        """Close at once if nothing changed; else warn first, and discard on a second escape."""
        if self._warned or self.query_one(TextArea).text == self._saved:
            self.dismiss(None)
            return
        self._warned = True
        hint = self.query_one("#note-hint", Static)
        hint.add_class("-warning")
        hint.update(Text(UNSAVED))

    @on(TextArea.Changed)
    def _edited(self) -> None:
        """Typing after the warning takes it back: the next escape warns again."""
        if self._warned:
            self._warned = False
            hint = self.query_one("#note-hint", Static)
            hint.remove_class("-warning")
            hint.update(Text(HINT, "dim"))
