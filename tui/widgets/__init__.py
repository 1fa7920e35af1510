"""The newsroom widgets: the article list, the reader, and the quotes and figures panes."""

from tui.widgets.article_list import ArticleList, Marks, marks_for
from tui.widgets.item_panes import FiguresPane, ItemPane, QuotesPane
from tui.widgets.reader import Reader, ReaderHeader

__all__ = [
    "ArticleList",
    "FiguresPane",
    "ItemPane",
    "Marks",
    "QuotesPane",
    "Reader",
    "ReaderHeader",
    "marks_for",
]
