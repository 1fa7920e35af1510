"""A search that fails names the query just typed and leaves no results of an earlier one."""

from __future__ import annotations

from pathlib import Path

from ingest.pipeline import add_file
from storage.store import Store
from tests.tui.conftest import notices, settle
from tui.app import make_app
from tui.screens import SearchScreen
from tui.widgets import DeskList

SIZE = (160, 50)
ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def status(app) -> str:
    return str(app.screen.query_one("#search-status").render())


async def test_a_bad_filter_clears_the_previous_results(seeded_store: Store) -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        assert add_file(seeded_store, path).created
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"harbour", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert status(app).endswith(" for harbour") and app.screen.query_one(DeskList).texts()

        await pilot.press("ctrl+l", "end", *" kind:cash", "enter")
        await settle(pilot)
        shown = status(app)
        assert shown.startswith("Cannot search for harbour kind:cash: kind: is one of money")
        assert "'cash'" in shown and "article" not in shown
        assert app.screen.query_one(DeskList).texts() == []
        assert any("'cash'" in n for n in notices(app))

        await pilot.press("ctrl+l", *["backspace"] * len(" kind:cash"), "enter")
        await settle(pilot)
        assert status(app).endswith(" for harbour") and app.screen.query_one(DeskList).texts()
