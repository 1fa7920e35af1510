"""The article list's marks (● unread, ★ follow-up, the tag count, ◐ partial) have no room
to explain themselves: F1 on the main screen says what each means, under the list's keys,
without scrolling."""

from __future__ import annotations

import pytest

from storage.models import ItemRef
from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.screens import HelpScreen
from tui.widgets import ArticleList

LEGEND_LINES = [
    "List marks",
    "● unread",
    "◐ partial: only the feed's summary; refetch for the page",
    "★ tagged follow-up (the article, a quote or a figure)",
    "2 things tagged in it: the article, quotes, figures",
    "12q 4f quotes and figures found in it",
]


def help_lines(app) -> list[str]:
    """The lines inside the help panel's frame (█ … █), runs of spaces made one."""
    rows = [line.split("█") for line in screen_text(app).splitlines()]
    return [" ".join(row[1].split()) for row in rows if len(row) == 3]


@pytest.mark.parametrize("key", ["f1", "question_mark"])
async def test_help_on_the_main_screen_explains_the_list_marks(
    seeded_store: Store, key: str
) -> None:
    [meta] = seeded_store.articles()
    seeded_store.tag(ItemRef(meta.id), "follow-up")
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        row = screen_text(app).splitlines()[1]
        assert "│● ★ 1 " in row  # the marks the legend explains, as the list draws them
        assert isinstance(app.focused, ArticleList)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        lines = help_lines(app)
        first = lines.index("List marks")
        assert lines[first : first + 6] == LEGEND_LINES
        assert lines.index("Article list") < first < lines.index("All panes")


async def test_help_on_the_desk_has_no_list_legend(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert "List marks" not in screen_text(app)
