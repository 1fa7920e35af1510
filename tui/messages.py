"""App-wide messages that thread workers post back to the main screen.

Workers read the store off the event loop and report with these; the `@on` handlers on the
main thread update widgets (and are the only ones that write to the store).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from storage.models import Article, ArticleMeta
from tui.highlight import Highlighted


@dataclass
class ArticlesLoaded(Message):
    """The article list and every tag, read by a worker; `version` is the store's at read.

    `tags` maps article id -> item key ("" for the article itself) -> tag names.
    """

    metas: list[ArticleMeta]
    tags: dict[str, dict[str, set[str]]]
    tag_names: list[str]
    version: tuple[object, ...]


@dataclass
class ArticleLoaded(Message):
    """One article, and its body already highlighted (done in the worker, off the loop)."""

    article: Article
    body: Highlighted


@dataclass
class LoadFailed(Message):
    """A worker could not read the store; shown as an error notification."""

    error: str
