"""Escape never loses work by surprise: the note editor asks before discarding typed text,
a view's delete asks first, and escape in the article list leaves a saved view."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storage.models import ItemRef
from storage.store import Store
from storage.views import SavedViews
from tests.tui.conftest import notices, screen_text, settle
from tui.app import make_app
from tui.screens import MainScreen, NoteDialog, ViewsDialog
from tui.widgets import ArticleList

SIZE = (160, 50)
UNSAVED = "unsaved note: escape again discards, ctrl+s saves"


@pytest.fixture
def two_with_view(seeded_store: Store, add_article: Callable[..., object]) -> Store:
    """The seed (money figures) and a piece without any, and a view of the money one."""
    add_article("Harbour reopens", "The harbour reopened on Monday after the storm.")
    SavedViews(seeded_store).save("big money", "kind:money")
    return seeded_store


def article_note(store: Store) -> str | None:
    [meta] = [m for m in store.articles() if m.title != "Harbour reopens"]
    note = store.note_of(ItemRef(meta.id))
    return note.text if note else None


async def open_note_on_seed(pilot) -> None:
    await settle(pilot)
    articles = pilot.app.screen.query_one(ArticleList)
    articles.select_id(next(m.id for m in articles._metas if m.title != "Harbour reopens"))
    await pilot.press("n")
    assert isinstance(pilot.app.screen, NoteDialog)


async def test_escape_with_unsaved_note_warns_then_discards(two_with_view: Store) -> None:
    app = make_app(two_with_view)
    async with app.run_test(size=SIZE) as pilot:
        await open_note_on_seed(pilot)
        await pilot.press(*"Call the press office", "escape")
        assert isinstance(app.screen, NoteDialog)
        assert UNSAVED in screen_text(app)
        await pilot.press(*" today", "escape")  # typing again: the next escape warns again
        assert isinstance(app.screen, NoteDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert article_note(two_with_view) == "Call the press office today"
        await pilot.press("n", *"!", "escape", "escape")
        assert isinstance(app.screen, MainScreen)
        assert article_note(two_with_view) == "Call the press office today"


async def test_escape_without_changes_closes_the_note_at_once(two_with_view: Store) -> None:
    app = make_app(two_with_view)
    async with app.run_test(size=SIZE) as pilot:
        await open_note_on_seed(pilot)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        await pilot.press("n", *"x", "backspace", "escape")  # changed back: nothing to lose
        assert isinstance(app.screen, MainScreen)
        assert article_note(two_with_view) is None


async def test_escape_in_the_list_leaves_the_view(two_with_view: Store) -> None:
    app = make_app(two_with_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # no view: nothing happens
        assert isinstance(app.screen, MainScreen) and "Articles (2)" in screen_text(app)
        await pilot.press("v", "down", "enter")
        await settle(pilot)
        assert "View: big money (1)" in screen_text(app)
        app.screen.query_one(ArticleList).focus()
        await pilot.press("f1")
        assert "All articles  (list.leave-view)" in screen_text(app)
        await pilot.press("escape", "escape")
        await settle(pilot)
        text = screen_text(app)
        assert "Articles (2)" in text and "View: big money" not in text
        assert "All articles (left the view 'big money')" in notices(app)
        assert app.screen.query_one(ArticleList).current.title != "Harbour reopens"


async def test_delete_in_the_views_dialog_asks_first(two_with_view: Store) -> None:
    SavedViews(two_with_view).save("harbour", "harbour")
    app = make_app(two_with_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "j", "j", "k")
        assert isinstance(app.screen, ViewsDialog)
        assert app.screen.query_one("#views-list").highlighted == 1
        await pilot.press("d")
        assert "Delete view 'big money'? d again deletes it" in screen_text(app)
        assert [v.name for v in SavedViews(two_with_view).all()] == ["big money", "harbour"]
        await pilot.press("j", "d")  # moving on drops the question: this asks anew
        assert "Delete view 'harbour'? d again deletes it" in screen_text(app)
        assert len(SavedViews(two_with_view).all()) == 2
        await pilot.press("d")
        assert [v.name for v in SavedViews(two_with_view).all()] == ["big money"]
        assert "d twice deletes" in screen_text(app)


def test_each_main_screen_has_escape_bound_once_to_leave_a_view(store: Store) -> None:
    """The binding is added per screen, without touching the map the class shares."""
    for _ in range(3):
        escape = MainScreen(store)._bindings.key_to_bindings["escape"]
        assert [b.action for b in escape] == ["leave_view", "cancel_fetch"]
