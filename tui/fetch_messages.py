"""Messages the fetch workers (`tui.fetch_workers`) post back to the screen that started them.

Workers run in threads; these carry their progress and results to `@on` handlers on the
main thread, which update the progress bar and notify. The store was already written by the
worker (the store is thread-safe through its lock); the screen's version poll then reloads.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ingest.discover import Discovery
from ingest.refresh import Summary


@dataclass
class FetchProgress(Message):
    """`done` of `total` in `phase` ("feeds", "articles", "retry"); `label` is the item."""

    phase: str
    done: int
    total: int
    label: str = ""


@dataclass
class FetchDone(Message):
    """A batch finished (or was cancelled: `summary.cancelled`); `kind` is add/refetch/refresh."""

    kind: str
    summary: Summary


@dataclass
class FetchFailed(Message):
    """The batch could not start or crashed (e.g. an unreadable config.toml): one line;
    `severity` "warning" when it is nothing broken (no feeds to refresh)."""

    kind: str
    error: str
    severity: str = "error"


@dataclass
class DiscoverDone(Message):
    """Feeds found for a page, with their latest entries."""

    discovery: Discovery


@dataclass
class DiscoverFailed(Message):
    """The page could not be fetched: one line."""

    error: str
