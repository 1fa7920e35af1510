"""The export dialog in the real app on a real store: a file already there is kept until the
user confirms, the default name moves on to a free one, enter exports from the format choice,
new files get the umask's mode, the JSON format says what it holds, and a missing folder is
named, looked for off the event loop."""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet, Static

from storage.store import Store
from tests.tui.conftest import notices, screen_text, settle
from tui.app import make_app
from tui.screens import ExportDialog, MainScreen

SIZE = (160, 50)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, where the default export name (~/newsroom-export-DATE.md) goes."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    return folder


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def default_name(fmt: str, n: int = 1) -> str:
    return f"newsroom-export-{dt.date.today().isoformat()}{'' if n == 1 else f'-{n}'}.{fmt}"


async def open_dialog(pilot) -> ExportDialog:
    await settle(pilot)
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ExportDialog)
    return pilot.app.screen


def path_input(pilot) -> Input:
    return pilot.app.screen.query_one("#export-path", Input)


async def test_existing_file_is_kept_until_the_user_confirms(
    seeded_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "existing.csv"
    target.write_text("my notes\n")
    target.chmod(0o640)
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        await pilot.press("down")  # csv
        app.screen.query_one("#export-tag", Input).value = "verify"
        path_input(pilot).value = str(target)
        path_input(pilot).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text() == "my notes\n"
        assert not any(n.startswith("Exported") for n in notices(app))
        assert isinstance(app.screen, ExportDialog)  # asked again, with the same request
        warning = app.screen.query_one("#export-warning", Static)
        assert str(warning.content) == (
            f"{target} already exists. Export again to replace it, or change the path to keep it."
        )
        assert warning.display and "already exists. Export again" in screen_text(app)
        assert path_input(pilot).value == str(target)
        assert app.screen.query_one("#export-tag", Input).value == "verify"
        assert app.screen.query_one(RadioSet).pressed_button.id == "format-csv"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert f"Exported to {target}" in notices(app)
    assert target.read_text().startswith("tags,article_id,")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the replaced file's mode


async def test_escape_or_another_path_keeps_the_existing_file(
    seeded_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "existing.md"
    target.write_text("my notes\n")
    other = tmp_path / "other.md"
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        path_input(pilot).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "already exists" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await open_dialog(pilot)
        path_input(pilot).value = str(target)
        await pilot.press("ctrl+s")
        await settle(pilot)
        path_input(pilot).value = str(other)  # the user keeps the file: the warning goes
        await pilot.pause()
        assert "already exists" not in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert f"Exported to {other}" in notices(app)
    assert target.read_text() == "my notes\n"
    assert other.read_text().startswith("# Follow-up memo")


@pytest.mark.usefixtures("umask_022")
async def test_default_name_moves_on_to_a_free_one(seeded_store: Store, home: Path) -> None:
    (home / default_name("md")).write_text("yesterday's memo\n")
    (home / default_name("json")).write_text("{}\n")
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        assert path_input(pilot).value == f"~/{default_name('md', 2)}"
        await pilot.press("down")  # csv: its default name is free
        await settle(pilot)
        assert path_input(pilot).value == f"~/{default_name('csv')}"
        await pilot.press("up")  # md again: the free name is proposed again
        await settle(pilot)
        assert path_input(pilot).value == f"~/{default_name('md', 2)}"
        (home / default_name("md", 2)).write_text("taken meanwhile\n")
        await pilot.press("enter")  # from the format choice
        await settle(pilot)
        written = home / default_name("md", 3)
        assert f"Exported to {written}" in notices(app)
        assert isinstance(app.screen, MainScreen)
    assert (home / default_name("md")).read_text() == "yesterday's memo\n"
    assert (home / default_name("md", 2)).read_text() == "taken meanwhile\n"
    assert written.read_text().startswith("# Follow-up memo")
    assert stat.S_IMODE(written.stat().st_mode) == 0o644


async def test_enter_on_the_format_choice_exports_the_chosen_format(
    seeded_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "rows.csv"
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        assert isinstance(app.focused, RadioSet)  # focus starts on the format choice
        path_input(pilot).value = str(target)
        await pilot.press("down")  # the arrows choose: csv, no space needed
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.fmt == "csv"
        assert isinstance(app.screen, MainScreen)
        assert f"Exported to {target}" in notices(app)
    assert target.read_text().startswith("tags,article_id,")


async def test_json_format_says_what_it_holds(seeded_store: Store, tmp_path: Path) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        shown = screen_text(app)
        assert "everything" not in shown and "backup" not in shown.lower()
        assert "JSON: all articles, tags and notes (no feeds, no saved views)" in shown


async def test_a_missing_folder_is_named_and_looked_for_off_the_event_loop(
    seeded_store: Store, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere" / "memo.md"
    stats_on_loop: list[str] = []

    def watch(_frame: object, event: str, arg: object) -> None:
        """Record every stat the event loop's thread makes (the profiler is per thread)."""
        if event == "c_call" and arg in (os.stat, os.lstat):
            stats_on_loop.append(getattr(arg, "__name__", ""))

    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        path_input(pilot).value = str(missing)
        path_input(pilot).focus()
        sys.setprofile(watch)
        try:
            await pilot.press("enter")
            await settle(pilot)
        finally:
            sys.setprofile(None)
        assert stats_on_loop == []
        assert f"No such folder: {missing.parent}" in notices(app)
        assert isinstance(app.screen, ExportDialog)  # kept open, to correct the path
        assert path_input(pilot).value == str(missing)
        missing.parent.mkdir()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert f"Exported to {missing}" in notices(app)
    assert missing.read_text().startswith("# Follow-up memo")


async def test_help_opened_while_the_folder_is_looked_for_stays_open(
    seeded_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "memo.md"
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(pilot)
        path_input(pilot).value = str(target)
        dialog.action_export()  # the folder check starts in a thread...
        app.action_help()  # ...and the help opens over the dialog before it answers
        await settle(pilot)
        await settle(pilot)
        assert app.screen_stack[-2:] == [dialog, app.screen] and app.screen is not dialog
        assert not any(n.startswith("Exported") for n in notices(app))
        await pilot.press("escape")  # the help closes on the dialog as it was
        await settle(pilot)
        assert app.screen is dialog and path_input(pilot).value == str(target)
    assert not target.exists()


async def test_a_folder_given_as_the_file_keeps_the_dialog_open_with_the_reason(
    seeded_store: Store, tmp_path: Path
) -> None:
    """The tester got "Export failed: [Errno 21] Is a directory: '…/.exports.e8c730b1.tmp'"
    and a closed dialog, the path to type again."""
    folder = tmp_path / "exports"
    folder.mkdir()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(pilot)
        path_input(pilot).value = str(folder)
        path_input(pilot).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert notices(app) == [f"{folder} is a folder: give a file name"]
        assert isinstance(app.screen, ExportDialog) and path_input(pilot).value == str(folder)
        await pilot.press("end", *"/memo.md", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert (folder / "memo.md").read_text().startswith("# Follow-up memo")
    assert sorted(p.name for p in folder.iterdir()) == ["memo.md"]
