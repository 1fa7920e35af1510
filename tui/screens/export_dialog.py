"""The export dialog: format (md memo, csv rows, json of articles, tags and notes), an optional
tag, a file path.

It only collects the request; the main screen writes the file in a thread worker with
`desk.export.render` and `write_export`, and notifies the path written. A file already at the
path is never replaced silently: the worker posts `ExportExists` and the main screen opens this
dialog again with the same request and a warning, where exporting again replaces the file. The
proposed default name moves on to `-2`, `-3`, ... when taken, so it never asks. Whether the
path can be written (not a folder, in a folder that exists and may be written in) is asked in
a thread too, before the dialog closes, so a wrong path is corrected, not retyped: a network
share or a sleeping disk may take seconds to answer, and the UI does no I/O on its event loop.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, RadioButton, RadioSet, Static

from desk.export import FORMATS, first_free, target_problem
from storage.store import known_tag
from tui.safe_text import clean_line
from tui.screens.dialog import Dialog
from tui.screens.tag_dialog import LastWordSuggester

LABELS = {
    "md": "Markdown memo",
    "csv": "CSV rows",
    "json": "JSON: all articles, tags and notes (no feeds, no saved views)",
}


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where; `replace`: the user agreed to replace a file at `path`;
    `next_free`: `path` is the proposed default, so a taken name moves on to `-2`, `-3`."""

    fmt: str
    tag: str | None
    path: Path
    replace: bool = False
    next_free: bool = False


@dataclass
class ExportExists(Message):
    """The export's file exists and the user has not agreed to replace it: nothing written."""

    request: ExportRequest


def default_path(fmt: str, today: dt.date | None = None) -> str:
    """~/newsroom-export-2024-10-01.md (csv, json)."""
    day = (today or dt.date.today()).isoformat()
    return f"~/newsroom-export-{day}.{fmt}"


class FormatChoice(RadioSet):
    """The format radio set, where the arrows choose (not only highlight) and enter exports,
    as in the dialog's other fields."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,right", "choose(1)", "Next format", show=False),
        Binding("up,left", "choose(-1)", "Previous format", show=False),
        Binding("enter", "screen.export", "Export", show=False),
    ]

    def action_choose(self, step: int) -> None:
        """Press the next (or previous) format's button."""
        buttons = list(self.query(RadioButton))
        buttons[(self.pressed_index + step) % len(buttons)].value = True


class ExportDialog(Dialog[ExportRequest | None]):
    """Choose format, tag and path; enter or ctrl+s exports, escape cancels. Given `existing`
    (a request whose file exists), it opens with that request and asks before replacing."""

    HELP_NAME = "Export"
    DEFAULT_CSS = """
    ExportDialog {
        & RadioSet { margin-bottom: 1; }
        & #export-warning { color: $warning; text-style: bold; }
        & #export-refused { color: $error; display: none; }
        & #export-refused.-shown { display: block; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export", id="export.go"),
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    @dataclass
    class Proposed(Message):
        """A free default file name for `fmt`, found off the event loop."""

        fmt: str
        path: str

    @dataclass
    class FolderChecked(Message):
        """Why `request` cannot be written (a folder given as the file, no such folder, no
        permission), or None; found off the event loop."""

        request: ExportRequest
        problem: str | None

    def __init__(self, tag_names: list[str], existing: ExportRequest | None = None) -> None:
        super().__init__()
        self._tag_names = tag_names
        self._existing = existing
        self._asked: ExportRequest | None = None  # the request whose folder is being checked
        self.fmt = existing.fmt if existing else "md"
        self._proposal = "" if existing else default_path(self.fmt)

    def compose(self) -> ComposeResult:
        old = self._existing
        with Vertical():
            yield Static(Text("Export tagged items", "bold"))
            with FormatChoice(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(LABELS[fmt], value=fmt == self.fmt, id=f"format-{fmt}")
            yield Input(
                value=(old.tag or "") if old else "",
                placeholder="only this tag (empty: every tagged item)",
                suggester=LastWordSuggester(self._tag_names),
                id="export-tag",
            )
            yield Static(id="export-refused")
            yield Input(value=str(old.path) if old else self._proposal, id="export-path")
            yield Static(self._warning(), id="export-warning")
            yield Static(Text("enter or ctrl+s exports · escape cancels", "dim"))

    def _warning(self) -> Text:
        if self._existing is None:
            return Text()
        return Text(
            f"{self._existing.path} already exists. Export again to replace it, "
            "or change the path to keep it."
        )

    def on_mount(self) -> None:
        if self._existing is None:
            self._propose(self.fmt)
        else:
            self.query_one("#export-path", Input).focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-name")
    def _propose(self, fmt: str) -> None:
        """Look for a free default name in a thread: the home folder may be slow to list."""
        self.post_message(self.Proposed(fmt, str(first_free(Path(default_path(fmt))))))

    @on(Proposed)
    def _proposed(self, message: Proposed) -> None:
        path = self.query_one("#export-path", Input)
        if message.fmt == self.fmt and path.value == self._proposal:
            path.value = self._proposal = message.path

    @on(RadioSet.Changed)
    def _format_changed(self, event: RadioSet.Changed) -> None:
        """Switch format; the path follows it unless the user typed their own."""
        self.fmt = FORMATS[event.index]
        path = self.query_one("#export-path", Input)
        if path.value == self._proposal:
            path.value = self._proposal = default_path(self.fmt)
            self._propose(self.fmt)

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        """The warning is about one file: it goes once the path names another."""
        self.query_one("#export-warning", Static).display = self._replacing(event.value)

    def _replacing(self, raw: str) -> bool:
        old = self._existing
        return old is not None and Path(raw.strip()).expanduser() == old.path

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        """Build the request from the fields; it goes once a thread has found its folder."""
        raw = self.query_one("#export-path", Input).value.strip()
        if not raw:
            self.notify("Give a file to write", severity="warning")
            return
        path = Path(raw).expanduser()
        tag = self._tag() if self.fmt != "json" else None
        if tag is False:
            return
        replace = self._replacing(raw)
        auto = raw == self._proposal and not replace
        if auto:  # the base name, or the first free after it: the export finds a free one
            path = Path(default_path(self.fmt)).expanduser()
        self._asked = ExportRequest(self.fmt, tag, path, replace=replace, next_free=auto)
        self._check_folder(self._asked)

    def _tag(self) -> str | bool | None:
        """The tag field as the store names it, None when empty, or False when no tag can
        have that name (the CLI's rule: a stored tag as it is, else `valid_tag`): it stays
        open and says why under the field, where a wrong name once wrote an empty memo."""
        field = self.query_one("#export-tag", Input)
        line = self.query_one("#export-refused", Static)
        raw = field.value.strip()
        try:
            tag = known_tag(raw, self._tag_names) if raw else None
        except ValueError as exc:
            line.update(Text(f"Not a tag: {clean_line(raw, 40)!r} ({exc})"))
            line.add_class("-shown")
            field.focus()
            return False
        line.remove_class("-shown")
        return tag

    @work(thread=True, exclusive=True, exit_on_error=False, group="export-folder")
    def _check_folder(self, request: ExportRequest) -> None:
        """Look at the request's path and folder in a thread: a problem found now keeps the
        dialog open with the path to correct, where after it closed it had to be retyped."""
        self.post_message(self.FolderChecked(request, target_problem(request.path)))

    @on(FolderChecked)
    def _folder_checked(self, message: FolderChecked) -> None:
        if message.request is not self._asked:
            return  # asked again since (that answer is still to come), or cancelled
        self._asked = None
        if not self.is_active:
            return  # the help was opened over the dialog meanwhile: enter asks again
        if message.problem:
            self.notify(message.problem, severity="error", markup=False)
            return
        self.dismiss(message.request)

    def action_cancel(self) -> None:
        self._asked = None  # a folder check still running must not dismiss again
        self.dismiss(None)
