"""F1 (and `?` outside a text field) opens the help in every dialog, listing its own keys;
escape closes the help and leaves the dialog as it was, text typed included."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from storage.store import Store
from storage.views import SavedViews
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.screens import (
    ExportDialog,
    HelpScreen,
    MainScreen,
    NoteDialog,
    SearchScreen,
    TagDialog,
    ViewsDialog,
)
from tui.screens.add_url import AddUrlDialog
from tui.screens.discover import DiscoverScreen
from tui.screens.prompt import PromptDialog

SIZE = (160, 50)


def help_titles(app) -> list[str]:
    assert isinstance(app.screen, HelpScreen)
    return [title for title, _ in app.screen.sections]


async def test_f1_in_the_tag_dialog_keeps_the_typed_text(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t", *"verify?")  # `?` types itself in the field
        assert isinstance(app.screen, TagDialog)
        assert app.screen.query_one(Input).value == "verify?"
        await pilot.press("f1")
        assert help_titles(app) == ["Tag dialog", "Editing text"]  # its own keys first
        text = screen_text(app)
        assert "Tag dialog" in text and "Cancel  (dialog.cancel)" in text
        await pilot.press("escape")
        assert isinstance(app.screen, TagDialog)
        assert app.screen.query_one(Input).value == "verify?"
        await pilot.press(*" used")
        assert app.screen.query_one(Input).value == "verify? used"  # the field has focus again


async def test_f1_in_the_note_editor(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Why?")
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("f1")
        assert "Note editor" in help_titles(app)
        assert "Save note  (note.save)" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one(TextArea).text == "Why?"


async def test_question_mark_in_the_views_dialog_lists_delete(seeded_store: Store) -> None:
    SavedViews(seeded_store).save("big money", "kind:money")
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "down")
        assert isinstance(app.screen, ViewsDialog)
        await pilot.press("question_mark")
        assert help_titles(app)[:2] == ["Views", "Saved views"]
        text = screen_text(app)
        assert "d, del       Delete view (press twice)" in text and "↓, j         Down" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ViewsDialog)
        await pilot.press("enter")  # the highlight was kept: the view is shown
        await settle(pilot)
        assert "View: big money (1)" in screen_text(app)


async def test_f1_in_the_add_url_export_and_discover_dialogs(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"https://example.org/?q", "f1")
        assert "Add URL" in help_titles(app)
        await pilot.press("escape")
        assert isinstance(app.screen, AddUrlDialog)
        assert app.screen.query_one(Input).value == "https://example.org/?q"
        await pilot.press("escape", "e", "f1")
        assert "Export" in help_titles(app) and "Export  (export.go)" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape")
        app.push_screen(DiscoverScreen("http://127.0.0.1:9/"))
        await settle(pilot)
        await pilot.press("f1")
        assert "Discover feeds" in help_titles(app)
        assert "Subscribe/add selected" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, DiscoverScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_f1_in_the_search_box_and_its_save_prompt(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"who?")
        assert isinstance(app.screen, SearchScreen)
        assert "f1 Help" in screen_text(app) and "? Help" not in screen_text(app)
        await pilot.press("f1")
        assert help_titles(app) == ["Search", "Everywhere", "Editing text"]
        await pilot.press("escape")
        assert app.screen.query_one(Input).value == "who?"
        await pilot.press("ctrl+s", *"mine", "f1")
        assert "Prompt" in help_titles(app)
        await pilot.press("escape")
        assert isinstance(app.screen, PromptDialog)
        assert app.screen.query_one(Input).value == "mine"
