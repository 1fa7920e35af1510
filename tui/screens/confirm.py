"""A yes/no question before something that cannot be undone, such as deleting an article.

Only `y` says yes: enter, space or a stray key do nothing, so a key pressed out of habit
never deletes. `n` and escape keep things as they are.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from tui.screens.dialog import Dialog


class ConfirmDialog(Dialog[bool]):
    """Ask `question` (plain text: it may quote a web page's title); dismisses with True
    on `y`, False on `n` or escape."""

    HELP_NAME = "Confirm"
    DEFAULT_CSS = """
    ConfirmDialog {
        & > Vertical {
            width: 70;
        }
        #confirm-question {
            margin: 1 0;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "confirm", "Yes", id="confirm.yes"),
        Binding("n", "cancel", "No", id="confirm.no"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, title: str, question: str, hint: str = "y: yes, n or escape: no") -> None:
        super().__init__()
        self._title = title
        self._question = question
        self._hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._title, "bold"))
            yield Static(Text(self._question), id="confirm-question")
            yield Static(Text(self._hint, "dim"), id="confirm-hint")

    def action_confirm(self) -> None:
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
