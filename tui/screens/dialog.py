"""The frame every newsroom dialog shares: centred, bordered, on the theme's surface."""

from __future__ import annotations

from typing import TypeVar

from textual.screen import ModalScreen

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
