"""The fetch progress line: a bar and the item in hand, shown at the bottom while a fetch runs.

Like toolong's scan progress bar, it is hidden until a batch starts and hidden again when it
ends; the main screen feeds it `FetchProgress` messages. The label comes from the web (a feed
title, a URL), so it is cleaned and shown as `Text`, never as markup.

A progress message names the item just finished. After a cancel, those still on their way
would name a finished feed as if it were being checked: the line then says it was
cancelled and counts what finished instead ("Cancelled: 2 of 5 feeds checked").
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import ProgressBar, Static

from tui.safe_text import clean_line

PHASES = {"feeds": "Checking feeds", "articles": "Fetching articles", "retry": "Retrying partial"}
FINISHED = {"feeds": "feeds checked", "articles": "articles fetched", "retry": "partials retried"}


CANCELLED_LINGER_S = 3.0  # how long a cancelled batch's line stays after it stops


def progress_label(phase: str, label: str) -> Text:
    """`Fetching articles: <url>`, cleaned of escapes and cut to one short line."""
    text = Text(PHASES.get(phase, clean_line(phase, 20) or "Fetching"), "bold")
    if label:
        text.append(": ")
        text.append(clean_line(label, 100))
    return text


def cancelled_label(counts: dict[str, tuple[int, int]]) -> Text:
    """`Cancelled: 5 of 5 feeds checked, 2 of 9 articles fetched` (done, total by phase)."""
    done = [f"{n} of {total} {FINISHED.get(phase, 'done')}" for phase, (n, total) in counts.items()]
    return Text(
        "Cancelled: " + ", ".join(done) if done else "Cancelled before anything finished", "bold"
    )


class FetchProgressBar(Horizontal):
    """A progress bar with the phase and current item; `running` shows or hides it."""

    DEFAULT_CSS = """
    FetchProgressBar {
        height: 1;
        display: none;
        &.-running { display: block; }
        & > ProgressBar { width: auto; padding: 0 1; }
        & > #fetch-label { width: 1fr; }
        & > #fetch-hint { width: auto; color: $text-muted; padding: 0 1; }
    }
    """

    running: reactive[bool] = reactive(False, init=False)
    """Whether a fetch runs, so the line is shown."""
    cancelled: reactive[bool] = reactive(False, init=False)
    """Whether the running fetch was cancelled (it may still be stopping)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._counts: dict[str, tuple[int, int]] = {}  # phase -> (done, total) this batch

    def compose(self) -> ComposeResult:
        yield ProgressBar(show_eta=False, id="fetch-bar")
        yield Static("", id="fetch-label")
        yield Static("esc cancels", id="fetch-hint")

    def watch_running(self, running: bool) -> None:
        """Show the line while a fetch runs; a new run starts from an empty bar. A cancelled
        run's line stays a moment after the batch stops, long enough to read what it
        finished (the notice that follows says it again)."""
        if running:
            self.set_class(True, "-running")
            self.query_one(ProgressBar).update(total=None, progress=0)
            self.query_one("#fetch-label", Static).update(Text("Starting…", "dim"))
        elif self.cancelled:
            self.query_one("#fetch-hint", Static).update("cancelled")
            self.set_timer(CANCELLED_LINGER_S, self._hide_unless_running)
        else:
            self.set_class(False, "-running")

    def _hide_unless_running(self) -> None:
        """Hide the line, unless a new batch started meanwhile."""
        self.set_class(self.running, "-running")

    def watch_cancelled(self, cancelled: bool) -> None:
        """Say the batch was cancelled and what it finished; escape does nothing more."""
        if cancelled:
            self.query_one("#fetch-label", Static).update(cancelled_label(self._counts))
        self.query_one("#fetch-hint", Static).update("stopping…" if cancelled else "esc cancels")

    def start(self, what: str) -> None:
        """Show the line for a new batch (`what`: "Adding", "Refreshing feeds"…)."""
        self._counts = {}
        self.running, self.cancelled = True, False
        self.query_one("#fetch-label", Static).update(Text(f"{what}…", "bold"))

    def advance(self, phase: str, done: int, total: int, label: str = "") -> None:
        """Move the bar to `done` of `total` and show what was just fetched (after a
        cancel, only how many)."""
        self.running = True
        self._counts[phase] = (done, total)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        text = cancelled_label(self._counts) if self.cancelled else progress_label(phase, label)
        self.query_one("#fetch-label", Static).update(text)

    @property
    def label_text(self) -> str:
        """The label as plain text (for tests)."""
        return str(self.query_one("#fetch-label", Static).render())


__all__ = ["FetchProgressBar", "cancelled_label", "progress_label"]
