"""Remaps in config.toml that cannot work are warned about once, at start: unknown binding
ids, and a key taken from another action on the same screen. The app is built from a real
config.toml (`NEWSROOM_CONFIG`), as the `newsroom` command builds it."""

from __future__ import annotations

from pathlib import Path

from textual.widget import Widget

from storage.config import read_config, ui_settings
from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui import screens
from tui.app import NewsroomApp, make_app
from tui.keymap import known_ids, scopes
from tui.screens import FollowUpScreen, MainScreen

SIZE = (160, 50)
TITLE = "Key remaps in config.toml"


def app_with_config(store: Store, tmp_path: Path, monkeypatch, keys: str) -> NewsroomApp:
    config = tmp_path / "config.toml"
    config.write_text(f"[keys]\n{keys}\n", encoding="utf-8")
    monkeypatch.setenv("NEWSROOM_CONFIG", str(config))
    return make_app(store, settings=ui_settings(read_config()))


def warnings(app: NewsroomApp) -> list[str]:
    return [n.message for n in app._notifications if n.title == TITLE and n.severity == "warning"]


async def test_a_remap_onto_the_tag_key_says_tag_loses_it(
    seeded_store: Store, tmp_path: Path, monkeypatch
) -> None:
    app = app_with_config(seeded_store, tmp_path, monkeypatch, 'follow-up = "t"')
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert warnings(app) == [
            '[keys] follow-up = "t" takes t from Tag (tag) on the reading screen; it has no key now'
        ]
        assert "t Follow-up" in screen_text(app)  # the footer shows the remap
        await pilot.press("F")  # to the desk and back: still the one warning
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and len(warnings(app)) == 1


async def test_unknown_ids_and_keys_shadowed_by_a_pane_are_named(
    seeded_store: Store, tmp_path: Path, monkeypatch
) -> None:
    keys = 'folow-up = "x"\n"list.toggle-read" = "t"\nsearch = "up"\nquit = "ctrl+q"'
    app = app_with_config(seeded_store, tmp_path, monkeypatch, keys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        [warning] = warnings(app)
        lines = warning.splitlines()
        assert (
            lines[0] == "[keys] folow-up: no such binding id (help, ? or F1, shows each key's id)"
        )
        assert (
            '[keys] list.toggle-read = "t" takes t from Tag (tag) '
            "when the Article list pane has focus"
        ) in lines
        assert (
            '[keys] search = "up": up stays Up when the Article list pane has focus, '
            "so Search (search) does not get it"
        ) in lines
        assert not any("quit" in line for line in lines)  # ctrl+q is Textual's own quit too


async def test_remaps_that_work_give_no_warning(
    seeded_store: Store, tmp_path: Path, monkeypatch
) -> None:
    keys = 'search = "ctrl+f"\ndesk = "ctrl+o"\n"list.toggle-read" = "x"\ntag = "t"'
    app = app_with_config(seeded_store, tmp_path, monkeypatch, keys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert warnings(app) == []


def test_the_delete_questions_keys_are_known() -> None:
    assert {"confirm.yes", "confirm.no"} <= known_ids(NewsroomApp)


def test_every_screen_is_checked() -> None:
    checked = {scope.screen for scope in scopes()}
    shown = {getattr(screens, name) for name in screens.__all__} - {screens.DiscoverChoice}
    assert shown == checked


async def test_the_reading_screen_widgets_with_keys_are_all_checked(seeded_store: Store) -> None:
    [main] = [scope for scope in scopes() if scope.screen is MainScreen]
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        with_ids = {
            type(w)
            for w in app.screen.query(Widget)
            if any(b.id for bs in w._bindings.key_to_bindings.values() for b in bs)
        }
        assert with_ids and with_ids <= set(main.widgets)


async def test_a_key_moved_off_drops_the_binding_that_shared_it(
    seeded_store: Store, tmp_path: Path, monkeypatch
) -> None:
    keys = '"fetch.cancel" = "z"'  # a free key; dotted ids may be quoted in TOML
    app = app_with_config(seeded_store, tmp_path, monkeypatch, keys)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert warnings(app) == [
            '[keys] fetch.cancel = "z" also removes escape from All articles (list.leave-view) '
            "on the reading screen; it has no key now"
        ]
