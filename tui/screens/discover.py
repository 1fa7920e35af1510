"""The discover dialog (`d`): the feeds of a page's site and their latest entries, to pick from.

It runs `tui.fetch_workers.discover_site` itself and lists what comes back in a SelectionList:
feeds to subscribe to, entries to add. Enter (or `s`) dismisses with a `DiscoverChoice`: the
ticked rows, or with none ticked the highlighted one (the row the user is looking at when
they press enter; a dialog that closed doing nothing, or asked for a tick first, would only
add a step). The main screen subscribes and adds, so the dialog writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import SelectionList, Static

from ingest.discover import Discovery
from ingest.fetch import FetchSettings
from tui.fetch_messages import DiscoverDone, DiscoverFailed
from tui.safe_text import clean_line
from tui.screens.dialog import Dialog
from tui.wording import plural


@dataclass(frozen=True)
class DiscoverChoice:
    """Feeds to subscribe to, as (url, title), and article URLs to add."""

    feeds: list[tuple[str, str]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


class DiscoverScreen(Dialog[DiscoverChoice | None]):
    """Find and list the feeds of `url`'s site (of a fallback's if `url` cannot be
    fetched); space ticks, enter takes the ticked rows, else the highlighted one."""

    HELP_NAME = "Discover feeds"

    DEFAULT_CSS = """
    DiscoverScreen {
        & > Vertical {
            width: 90%;
            height: 80%;
        }
        & SelectionList { height: 1fr; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding(
            "enter,s", "confirm", "Subscribe/add selected", id="discover.confirm", priority=True
        ),
    ]

    def __init__(
        self, url: str, settings: FetchSettings | None = None, fallbacks: Sequence[str] = ()
    ) -> None:
        super().__init__()
        self.url = url
        self.fallbacks = list(fallbacks)
        self._settings = settings
        self._discovery: Discovery | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(f"Looking for feeds of {clean_line(self.url, 100)}…"), id="status")
            yield SelectionList[str](id="found")

    def on_mount(self) -> None:
        from tui.fetch_workers import discover_site

        discover_site(self, self.url, self._settings, self.fallbacks)

    @on(DiscoverDone)
    def _show(self, message: DiscoverDone) -> None:
        self._discovery = message.discovery
        found = self.query_one(SelectionList)
        for n, feed in enumerate(message.discovery.feeds):
            suffix = f"  (unreadable: {clean_line(feed.error, 160)})" if feed.error else ""
            found.add_option((Text(f"Feed: {clean_line(feed.title, 80)}{suffix}", "bold"), f"f{n}"))
            for entry in feed.entries:
                label = Text(f"    {clean_line(entry.title or entry.url, 100)}")
                found.add_option((label, f"e{entry.url}"))
        count = len(message.discovery.feeds)
        status = (
            f"{plural(count, 'feed')} found: enter subscribes to the highlighted feed or adds"
            " the highlighted article; space ticks several, then enter takes them all"
            if count
            else "No feeds found"
        )
        self.query_one("#status", Static).update(Text(status))
        found.focus()
        if found.option_count:
            found.highlighted = 0

    @on(DiscoverFailed)
    def _failed(self, message: DiscoverFailed) -> None:
        self.query_one("#status", Static).update(Text(clean_line(message.error, 300), "bold red"))

    def action_confirm(self) -> None:
        self.dismiss(self.choice())

    def choice(self) -> DiscoverChoice:
        """The ticked rows, else the highlighted one, as feeds and article URLs."""
        feeds = self._discovery.feeds if self._discovery else []
        found: SelectionList[str] = self.query_one(SelectionList)
        selected = list(found.selected)
        if not selected and found.highlighted is not None:
            selected = [found.get_option_at_index(found.highlighted).value]
        chosen = [feeds[int(v[1:])] for v in selected if v.startswith("f")]
        return DiscoverChoice(
            [(f.url, f.title) for f in chosen], [v[1:] for v in selected if v.startswith("e")]
        )

    def action_cancel(self) -> None:
        self.workers.cancel_group(self, "discover")
        self.dismiss(None)
