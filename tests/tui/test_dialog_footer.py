"""Under a dialog the footer lists the dialog's keys: it listed the main screen's (`/ Search`,
`e Export`, `^p palette`) under the delete question, the tag field and every other dialog,
keys the dialog does not take."""

from __future__ import annotations

import pytest
from textual.widgets import Footer

from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.screens import MainScreen
from tui.screens.confirm import ConfirmDialog
from tui.screens.note_dialog import NoteDialog
from tui.screens.tag_dialog import TagDialog

SIZE = (120, 30)
MAIN_KEYS = ("Search", "Export", "Desk", "Add URL", "palette")


def footer_line(app) -> str:
    """The bottom line as drawn: the footer the user sees."""
    return " ".join(screen_text(app).splitlines()[-1].split())


@pytest.mark.parametrize(
    ("key", "dialog", "shown"),
    [
        ("D", ConfirmDialog, "f1 Help y Yes n No"),
        ("t", TagDialog, "f1 Help esc Cancel"),
        ("n", NoteDialog, "f1 Help ^s Save note esc Cancel"),
    ],
)
async def test_a_dialog_footer_lists_its_own_keys(
    seeded_store: Store, key: str, dialog: type, shown: str
) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert all(k in footer_line(app) for k in MAIN_KEYS)
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, dialog)
        line = footer_line(app)
        assert line.startswith(shown)
        assert not any(k in line for k in MAIN_KEYS), line
        assert app.screen.query_one(Footer).screen is app.screen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert all(k in footer_line(app) for k in MAIN_KEYS)
