"""The README's key table says where each key works, and the app agrees: a key listed for
the main screen, the follow-up desk or the search screen is bound there, and only there
(the table once said `t`, `n`, `f`, `/`… worked "anywhere", and in the desk they did nothing)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from textual.app import App

from storage.models import ArticleMeta
from storage.store import Store
from tests.tui.conftest import settle
from tui.app import make_app
from tui.screens import FollowUpScreen, MainScreen, SearchScreen
from tui.widgets import DeskList

README = Path(__file__).resolve().parents[2] / "README.md"
PLACES = {"main screen": "main", "desk": "desk", "search": "search", "search results": "search"}
NAMES = {"/": "slash", "?": "question_mark", "F1": "f1"}
SIMPLE = re.compile(r"^(?:[A-Za-z/?]|ctrl\+[a-z]|F1|delete)$")


def claims() -> dict[str, set[str]]:
    """{key: the places the README's table says it works}, for the keys whose places are all
    screens (a key listed for one pane, `u` in the list, is left out)."""
    where: dict[str, set[str]] = {}
    skip: set[str] = set()
    for line in README.read_text("utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if not line.startswith("| ") or len(cells) != 3 or cells[0] in ("key", "---"):
            continue
        places = [p.split("(")[0].strip() for p in cells[1].split(";")[0].split(",")]
        for key in re.split(r", | / ", cells[0]):
            if not SIMPLE.match(key):
                continue
            name = NAMES.get(key, key)
            if places == ["anywhere"]:
                where.setdefault(name, set()).update(("main", "desk", "search"))
            elif all(p in PLACES for p in places):
                where.setdefault(name, set()).update(PLACES[p] for p in places)
            else:
                skip.add(name)
    return {k: v for k, v in where.items() if k not in skip}


def bound(app: App[None]) -> set[str]:
    return {key for key, active in app.screen.active_bindings.items() if active.enabled}


async def test_every_key_works_where_the_readme_says_and_nowhere_else(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    """Checked with the main screen's list, the desk's list and the search results focused."""
    add_article("Bridge vote", "The council will build the bridge.")
    readme = claims()
    assert {"t", "n", "f", "slash", "ctrl+t", "ctrl+s", "q"} <= readme.keys(), readme
    app = make_app(store)
    keys: dict[str, set[str]] = {}
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        keys["main"] = bound(app)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        keys["desk"] = bound(app)
        await pilot.press("escape", "slash", *"bridge", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and isinstance(app.focused, DeskList)
        keys["search"] = bound(app)
    wrong = {
        (key, place)
        for key, places in readme.items()
        for place in ("main", "desk", "search")
        if (place in places) != (key in keys[place])
    }
    assert not wrong, wrong
