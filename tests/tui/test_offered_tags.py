"""The tag dialog offers only tags it would add as they are: older stored names an earlier
version let in (`Bad!Tag`, `a/b`, `Court Case`) are not offered or suggested, though a
removal may still name them; its refusal line says "it" for one bad word, "them" for more."""

from __future__ import annotations

from textual.widgets import Input, Static

from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import store_older_tags
from tests.tui.conftest import settle
from tui.app import make_app
from tui.screens import TagDialog
from tui.screens.tag_dialog import addable, refused_text

SIZE = (160, 50)
OLD = ("Bad!Tag", "a/b", "Court Case")


def test_only_names_valid_tag_keeps_are_addable() -> None:
    assert [t for t in (*OLD, "ok", "été", "x_1") if addable(t)] == ["ok", "été", "x_1"]


def test_refused_line_says_it_for_one_and_them_for_more() -> None:
    one = refused_text([("a/b", "why")]).plain
    two = refused_text([("a/b", "why"), ("c!", "why")]).plain
    assert one.endswith("\nFix or delete it and press enter again; escape cancels.")
    assert two.endswith("\nFix or delete them and press enter again; escape cancels.")


async def test_older_tags_are_not_offered_nor_suggested(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    store_older_tags(seeded_store, ItemRef(meta.id, "q1"), OLD)
    assert seeded_store.tag(ItemRef(meta.id, "q1"), "keep")
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagDialog)
        hint = str(app.screen.query_one("#tag-hint", Static).content)
        offered = hint.partition("offered: ")[2].split()
        assert offered == ["follow-up", "verify", "used", "keep"]
        await pilot.press("C", "o")
        await settle(pilot)
        assert app.screen.query_one(Input)._suggestion == ""
        await pilot.press("backspace", "backspace", "a")
        await settle(pilot)
        assert app.screen.query_one(Input)._suggestion == ""
