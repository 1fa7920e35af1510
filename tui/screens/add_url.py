"""The add-URL prompt (`a`): a small modal with an Input that dismisses with the URL.

It checks the URL's form (http/https, length, host) before closing, so a typo is shown in the
dialog rather than as a failed fetch; the fetch itself runs in `tui.fetch_workers.add_urls`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from ingest.urlpolicy import UrlRefused, normalise_url
from tui.screens.dialog import Dialog


class AddUrlDialog(Dialog[str | None]):
    """Ask for a URL; dismisses with it (normalised), or None on escape."""

    HELP_NAME = "Add URL"

    DEFAULT_CSS = """
    AddUrlDialog {
        & #add-url-error { color: $error; height: auto; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, title: str = "Add an article from its URL", value: str = "") -> None:
        super().__init__()
        self._title = title
        self._value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self._title, "bold"))
            yield Input(value=self._value, placeholder="https://…", id="add-url-input")
            yield Static("", id="add-url-error")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        try:
            url = normalise_url(event.value)
        except UrlRefused as exc:
            self.query_one("#add-url-error", Static).update(Text(str(exc)))
            return
        self.dismiss(url)

    def action_cancel(self) -> None:
        self.dismiss(None)
