"""The export dialog: format (md memo, csv rows, json backup), an optional tag, a file path.

It only collects the request; the main screen writes the file in a thread worker with
`desk.export.render` and `write_atomically`, and notifies the path written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, RadioButton, RadioSet, Static

from desk.export import FORMATS
from tui.screens.dialog import Dialog
from tui.screens.tag_dialog import LastWordSuggester

LABELS = {"md": "Markdown memo", "csv": "CSV rows", "json": "JSON backup (everything)"}


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where."""

    fmt: str
    tag: str | None
    path: Path


def default_path(fmt: str, today: dt.date | None = None) -> str:
    """~/newsroom-export-2024-10-01.md (csv, json)."""
    day = (today or dt.date.today()).isoformat()
    return f"~/newsroom-export-{day}.{fmt}"


class ExportDialog(Dialog[ExportRequest | None]):
    """Choose format, tag and path; enter in a field or ctrl+s exports, escape cancels."""

    HELP_NAME = "Export"
    DEFAULT_CSS = """
    ExportDialog {
        & RadioSet { margin-bottom: 1; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export.go"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, tag_names: list[str]) -> None:
        super().__init__()
        self._tag_names = tag_names
        self.fmt = "md"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Export tagged items", "bold"))
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(LABELS[fmt], value=fmt == "md", id=f"format-{fmt}")
            yield Input(
                placeholder="only this tag (empty: every tagged item)",
                suggester=LastWordSuggester(self._tag_names),
                id="export-tag",
            )
            yield Input(value=default_path("md"), id="export-path")
            yield Static(Text("enter or ctrl+s exports · escape cancels", "dim"))

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Switch format; the path follows it unless the user typed their own."""
        old, self.fmt = self.fmt, FORMATS[event.index]
        path = self.query_one("#export-path", Input)
        if path.value == default_path(old):
            path.value = default_path(self.fmt)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to write", severity="warning")
            return
        path = Path(raw).expanduser()
        if not path.parent.is_dir():
            self.notify(f"No such folder: {path.parent}", severity="error", markup=False)
            return
        tag = self.query_one("#export-tag", Input).value.strip().lstrip("#") or None
        self.dismiss(ExportRequest(self.fmt, tag if self.fmt != "json" else None, path))

    def action_cancel(self) -> None:
        self.dismiss(None)
