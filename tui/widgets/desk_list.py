"""A list of desk rows (tagged items, search results) that remembers which item each row is.

An `OptionList` whose options carry an `ItemRef`; group headings are disabled options so
the cursor skips them. Enter or click posts `DeskList.Picked` with the ref.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storage.models import ItemRef

Row = tuple[ItemRef | None, Text]  # None: a group heading


class DeskList(OptionList):
    """Rows of items under headings; j/k move, enter opens the item in its article."""

    HELP_NAME: ClassVar[str] = "Items"
    DEFAULT_CSS = """
    DeskList { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("enter", "select", "Open in article", id="desk.open"),
    ]

    @dataclass
    class Picked(Message):
        """The user chose the row of `ref`."""

        desk_list: DeskList
        ref: ItemRef

        @property
        def control(self) -> DeskList:
            return self.desk_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.refs: list[ItemRef | None] = []

    def show_rows(self, rows: list[Row]) -> None:
        """Replace the rows, with the cursor on the first item that is not a heading."""
        self.refs = [ref for ref, _ in rows]
        self.set_options(
            Option(text, disabled=ref is None, id=str(n)) for n, (ref, text) in enumerate(rows)
        )
        first = next((n for n, ref in enumerate(self.refs) if ref is not None), None)
        self.highlighted = first

    def texts(self) -> list[str]:
        """Each row's plain text (for tests and copying)."""
        return [str(self.get_option_at_index(i).prompt) for i in range(self.option_count)]

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ref = self.refs[event.option_index]
        if ref is not None:
            self.post_message(self.Picked(self, ref))
