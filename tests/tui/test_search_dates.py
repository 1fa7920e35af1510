"""`after:` and `before:` refuse a day that does not exist (month 13, 30 February) as they
refuse `tomorrow`, in the CLI and in the app's search, where they once matched silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.search import parse
from storage.store import Store
from tests.tui.conftest import settle
from tui.app import make_app
from tui.cli import main
from tui.screens import SearchScreen
from tui.widgets import DeskList

SIZE = (160, 50)
SHAPE = "wants a date like 2024-10-01, not"


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ("after:2019-13-45", f"after: {SHAPE} '2019-13-45': there is no such day"),
        ("before:2024-02-30", f"before: {SHAPE} '2024-02-30': there is no such day"),
        ("after:2023-02-29", f"after: {SHAPE} '2023-02-29': there is no such day"),
        ("after:2024-00", f"after: {SHAPE} '2024-00': there is no such day"),
        ("after:tomorrow", f"after: {SHAPE} 'tomorrow'"),
    ],
)
def test_an_impossible_date_is_refused(query: str, error: str) -> None:
    with pytest.raises(ValueError) as refused:
        parse(query)
    assert str(refused.value) == error


def test_real_dates_still_parse() -> None:
    query = parse("after:2024-02-29 before:2025-12")
    assert query.filters == {"after": ["2024-02-29"], "before": ["2025-12"]}


def test_the_cli_refuses_an_impossible_date_in_one_line(tmp_path: Path, capsys) -> None:
    code = main(["search", "after:2019-13-45", "--db", str(tmp_path / "store")])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err == f"newsroom: error: after: {SHAPE} '2019-13-45': there is no such day\n"


async def test_the_app_search_says_the_day_does_not_exist(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"after:2019-13-45", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        status = str(app.screen.query_one("#search-status").render())
        assert status == (
            f"Cannot search for after:2019-13-45: after: {SHAPE} '2019-13-45': there is no such day"
        )
        assert app.screen.query_one(DeskList).texts() == []
