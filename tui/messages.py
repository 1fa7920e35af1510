"""App-wide messages that thread workers post back to the screens.

Workers read the store off the event loop and report with these; the `@on` handlers on the
main thread update widgets (and are the only ones that write to the store).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.message import Message

from desk.items import DeskItem
from storage.models import Article, ArticleMeta, ItemRef
from tui.annotation_index import AnnotationIndex
from tui.highlight import Highlighted
from tui.widgets.pane_content import PaneContent


@dataclass
class ArticlesLoaded(Message):
    """The article list with every tag and note, read by a worker at store `version`.

    `only` holds the ids the active saved view shows (None: no view, show all).
    """

    metas: list[ArticleMeta]
    annotations: AnnotationIndex
    version: tuple[object, ...]
    only: set[str] | None = None
    seq: int = 0  # which load read it (see ListLoading._start_load)


@dataclass
class ArticleLoaded(Message):
    """One article, and its body already highlighted (done in the worker, off the loop).

    `ahead`: read because the list cursor rested on it, not because it was opened;
    `panes`: the quotes and figures panes' content, built in the worker too."""

    article: Article
    body: Highlighted
    ahead: bool = False
    panes: tuple[PaneContent, PaneContent] | None = None


@dataclass
class LoadFailed(Message):
    """A worker could not read the store; shown as an error notification."""

    error: str


@dataclass
class DeskLoaded(Message):
    """Every tagged item, resolved (article, speaker or value, sentence, note)."""

    items: list[DeskItem]


@dataclass
class SearchProgress(Message):
    """The full-text index is being brought up to date: `done` of `total` articles."""

    done: int
    total: int


@dataclass
class SearchDone(Message):
    """Results of `query`: one row per article and per matching quote or figure."""

    query: str
    rows: list[tuple[ItemRef, Text]]
    articles: int


@dataclass
class ExportDone(Message):
    """An export was written to `path`."""

    path: Path
