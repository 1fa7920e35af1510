"""The tag prompt: a small modal with an Input that suggests the tags already in use.

Several tags at once (`verify used`), `-name` removes one; the built-in workflow tags
(follow-up, verify, used) are offered first. It only collects the text; the main screen
writes to the store, so all store writes stay in one place on the main thread.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from tui.safe_text import clean_line
from tui.screens.dialog import Dialog


class LastWordSuggester(Suggester):
    """Completes the last word of the input (after an optional `-`) from known tags."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._names = names

    async def get_suggestion(self, value: str) -> str | None:
        word = value.rpartition(" ")[2]
        stem = word.lstrip("-").lower()
        if not stem:
            return None
        for name in self._names:
            if name.lower().startswith(stem) and name.lower() != stem:
                return value + name[len(stem) :]
        return None


class TagDialog(Dialog[str | None]):
    """Ask for tags for `label`; dismisses with the text typed, or None on escape."""

    DEFAULT_CSS = """
    TagDialog {
        & > Vertical {
            width: 70;
        }
        & Static { margin-bottom: 1; }
    }
    """
    HELP_NAME = "Tag dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

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
                placeholder="tags, e.g. verify used (→ accepts the suggestion; -name removes)",
                suggester=LastWordSuggester(self._existing),
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
        text.append("\noffered: ", "dim")
        text.append(" ".join(clean_line(t, 64) for t in self._existing[:20]))
        return text

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(value or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
