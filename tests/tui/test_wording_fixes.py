"""Wording a tester found wrong: the palette and `newsroom --help` say that search and the
desk cover notes too; a search's count names only the kinds it found."""

from __future__ import annotations

import pytest

from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.cli import main
from tui.wording import items_phrase

SIZE = (160, 50)


def test_items_phrase_names_only_the_kinds_found() -> None:
    assert items_phrase(2, 0) == "2 quotes"
    assert items_phrase(0, 1) == "1 figure"
    assert items_phrase(2, 1) == "2 quotes and 1 figure"
    assert items_phrase(1, 3) == "1 quote and 3 figures"
    assert items_phrase(0, 0) == ""


def test_help_says_search_covers_notes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    [line] = [ln for ln in capsys.readouterr().out.splitlines() if ln.strip().startswith("search")]
    assert "quotes, speakers and notes" in line


async def test_palette_says_search_and_desk_cover_notes(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"search")
        await pilot.pause(0.3)
        assert "Search articles, quotes, figures and notes" in screen_text(app)
        await pilot.press("ctrl+a", "ctrl+k", *"follow-up desk")  # clear the query first
        await pilot.pause(0.3)
        assert "by tag, then items with a note" in screen_text(app)
