"""Search in the app keeps working after `newsroom add` and `newsroom search` in another
process updated the same store and its search index (it failed until the app restarted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storage.store import Store
from tests.tui.conftest import notices, settle
from tui.app import make_app
from tui.screens import SearchScreen
from tui.widgets import DeskList

SIZE = (160, 50)
CLI = [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def newsroom(*args: str) -> str:
    done = subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def status(app) -> str:
    return str(app.screen.query_one("#search-status").render())


async def search_in_app(pilot, words: str) -> list[str]:
    await pilot.press("slash", *words, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SearchScreen)
    rows = pilot.app.screen.query_one(DeskList).texts()
    await pilot.press("escape")
    await settle(pilot)
    return rows


async def test_the_app_searches_after_a_cli_add_and_search(
    seeded_store: Store, tmp_path: Path
) -> None:
    page = tmp_path / "budget.txt"
    page.write_text('The council\'s budget rose by $4m. "Roads first," said Jane Doe.\n')
    db = str(seeded_store.root)
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert (await search_in_app(pilot, "Mistral"))[0].startswith("Last month")

        newsroom("add", str(page), "--db", db)
        assert "The council's budget" in newsroom("search", "budget", "--db", db)

        await pilot.press("slash", *"budget", "enter")
        await settle(pilot)
        assert "Cannot search" not in status(app), status(app)
        assert status(app).endswith(" for budget")
        assert app.screen.query_one(DeskList).texts()[0].startswith("The council's budget")
        assert not [n for n in notices(app) if "unavailable" in n]
        await pilot.press("escape")
        await settle(pilot)
        assert (await search_in_app(pilot, "Mistral"))[0].startswith("Last month")
