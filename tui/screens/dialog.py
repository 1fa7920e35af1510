"""The frame every newsroom dialog shares: centred, bordered, on the theme's surface.

A modal screen hides the app's bindings, so the help keys are bound here again: F1 (and `?`
outside a text field, where it types itself) opens the help for the dialog, listing its own
keys. Closing the help returns to the dialog as it was, text typed included.

Each dialog has its own footer: Textual's `Footer` lists the bindings of the screen it is
mounted on, so the main screen's footer, seen through the modal, listed keys the dialog
does not take (`D Delete` under the delete question).
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer

ResultType = TypeVar("ResultType")


class Dialog(ModalScreen[ResultType]):
    """A modal screen whose top container is drawn as a centred panel; subclasses add only
    what differs (a width, a height, their own widgets' spacing)."""

    DEFAULT_CSS = """
    Dialog {
        align: center middle;
        & > Vertical, & > VerticalScroll {
            width: 80;
            height: auto;
            border: thick $primary;
            background: $surface;
            padding: 1 2;
        }
    }
    """
    # The app's own help binding, id included, so a remapped help key works here too.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1,question_mark", "app.help", "Help", id="help"),
    ]

    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        """Add the dialog's own footer after what the subclass composed: it covers the
        main screen's, and lists this dialog's keys."""
        await super().mount_composed_widgets([*widgets, Footer()])
