"""The newsroom widgets: article list, reader, quotes and figures panes, desk result list,
and the fetch progress line."""

from tui.widgets.article_list import ArticleList, Marks, marks_for
from tui.widgets.desk_list import DeskList
from tui.widgets.fetch_progress import FetchProgressBar
from tui.widgets.item_panes import FiguresPane, ItemPane, QuotesPane
from tui.widgets.reader import Reader, ReaderHeader

__all__ = [
    "ArticleList",
    "DeskList",
    "FetchProgressBar",
    "FiguresPane",
    "ItemPane",
    "Marks",
    "QuotesPane",
    "Reader",
    "ReaderHeader",
    "marks_for",
]
