"""Lists label an article's day as the reader does (`labelled_day`): "added 2026-11-25"
for an article known only by the day it was stored, a bare day for a published one, with
the days right-aligned so the column still lines up. The app's list, its search results
and `newsroom list` showed a bare added date, which reads as a publication date."""

from __future__ import annotations

import pytest

from storage.models import ArticleBody, ArticleMeta
from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.cli import main
from tui.screens import SearchScreen
from tui.widgets import ArticleList, DeskList


def _add(store: Store, title: str, published: str | None, site: str) -> ArticleMeta:
    meta = ArticleMeta(id="", title=title, site=site, published=published)
    stored, _ = store.add_article(meta, ArticleBody(f"{title}: the council voted."))
    return stored


@pytest.fixture
def two(store: Store) -> tuple[ArticleMeta, ArticleMeta]:
    undated = _add(store, "Undated note", None, "coast.example")
    dated = _add(store, "Dated story", "2019-11-20T10:00:00Z", "bay.example")
    return undated, dated


def test_newsroom_list_labels_an_added_day_and_keeps_the_columns(
    store: Store, two: tuple[ArticleMeta, ArticleMeta], capsys: pytest.CaptureFixture[str]
) -> None:
    undated, dated = two
    day = undated.added[:10]
    assert main(["list", "--db", str(store.root)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"{undated.id}  • added {day}  coast.example       Undated note  [0q 0f]",
        f"{dated.id}  •       2019-11-20  bay.example         Dated story  [0q 0f]",
    ]


async def test_the_app_list_and_search_results_label_an_added_day(
    store: Store, two: tuple[ArticleMeta, ArticleMeta]
) -> None:
    undated, _ = two
    day = undated.added[:10]
    app = make_app(store)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        rows = [article_list.render_line(y).text for y in range(2)]
        assert f" added {day}  " in rows[0] and "Undated note" in rows[0]
        assert "       2019-11-20  " in rows[1] and "Dated story" in rows[1]
        assert rows[0].index(day) == rows[1].index("2019-11-20")
        await pilot.press("slash", *"council", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        heads = sorted(app.screen.query_one(DeskList).texts())
        assert heads == [
            "Dated story  bay.example  2019-11-20",
            f"Undated note  coast.example  added {day}",
        ], screen_text(app)
