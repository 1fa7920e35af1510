"""A one-line prompt: a modal with an Input, used to name a saved view."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.screens.dialog import Dialog


class PromptDialog(Dialog[str | None]):
    """Ask for one line of text; dismisses with it, or None on escape."""

    HELP_NAME = "Prompt"
    DEFAULT_CSS = """
    PromptDialog {
        & > Vertical {
            width: 60;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, title: str, placeholder: str = "") -> None:
        super().__init__()
        self._title = title
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._title, "bold"))
            yield Input(placeholder=self._placeholder, id="prompt-input")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
