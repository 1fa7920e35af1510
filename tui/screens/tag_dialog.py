"""The tag prompt: a small modal with an Input that suggests the tags already in use.

It only collects a name; the main screen writes it to the store, so all store writes stay
in one place on the main thread.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from tui.safe_text import clean_line


class TagDialog(ModalScreen[str | None]):
    """Ask for a tag for `label`; dismisses with the name typed, or None on escape."""

    DEFAULT_CSS = """
    TagDialog {
        align: center middle;
        & > Vertical {
            width: 70;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
        & Static { margin-bottom: 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, what: str, label: str, existing: list[str], current: set[str]) -> None:
        super().__init__()
        self._what = what
        self._label = label
        self._existing = existing
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title(), id="tag-title")
            yield Input(
                placeholder="tag name (→ accepts the suggestion; -name removes a tag)",
                suggester=SuggestFromList(self._existing, case_sensitive=False),
                id="tag-input",
            )
            yield Static(self._hint(), id="tag-hint")

    def _title(self) -> Text:
        text = Text(f"Tag {self._what}: ", "bold")
        text.append(clean_line(self._label, 120))
        return text

    def _hint(self) -> Text:
        text = Text("now: ", "dim")
        text.append(" ".join(f"#{clean_line(t, 64)}" for t in sorted(self._current)) or "—")
        text.append("\nin use: ", "dim")
        text.append(" ".join(clean_line(t, 64) for t in self._existing[:20]))
        return text

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
