"""The tag prompt on the real app and a real store: tokens that are not tags are named and
keep the prompt open with the text as typed, `#name` is `name`, and the hint fits in 80
columns."""

from __future__ import annotations

from textual.widgets import Input

from storage.models import ItemRef
from storage.store import Store
from tests.tui.conftest import notices, open_tag_dialog, screen_text, settle
from tui.app import make_app
from tui.screens import TagDialog
from tui.screens.tag_dialog import HELP, PLACEHOLDER, describe_changes, parse_tag_input
from tui.widgets import ReaderHeader

SIZE = (160, 50)
TYPED = "#Verify été a,b  ---  -"


def test_parse_names_each_refused_token_and_keeps_the_rest() -> None:
    read = parse_tag_input(TYPED)
    assert read.edits == [("verify", True), ("été", True), ("a", True), ("b", True)]
    assert read.refused == [
        ("---", "a tag needs more than '#' and '-'"),
        ("-", "a tag cannot be empty"),
    ]
    assert parse_tag_input("verify -#old").edits == [("verify", True), ("old", False)]


def test_describe_changes_reports_every_change_in_one_line() -> None:
    assert describe_changes([("verify", True, True), ("old", False, True)]) == (
        "Tagged #verify; removed #old"
    )
    assert describe_changes(
        [("a", True, True), ("b", True, True), ("c", True, False), ("d", False, False)]
    ) == ("Tagged #a #b; already had #c; did not have #d")


async def test_bad_tokens_are_named_and_the_prompt_keeps_the_text(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_tag_dialog(pilot)
        await pilot.press(*TYPED, "enter")
        await settle(pilot)
        assert isinstance(app.screen, TagDialog), "the prompt closed on a bad token"
        assert app.screen.query_one(Input).value == TYPED
        text = screen_text(app)
        assert "Not a tag: '---' (a tag needs more than '#' and '-'); '-' (a tag" in text
        assert "Fix or delete them and press enter again" in text
        assert seeded_store.tags() == []

        app.screen.query_one(Input).value = "#Verify été a,b"
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TagDialog)
        stored = {t.tag for t in seeded_store.tags() if t.ref == ItemRef(meta.id)}
        assert stored == {"verify", "été", "a", "b"}
        header = str(app.screen.query_one(ReaderHeader).render())
        assert "#verify" in header and "##" not in header
        assert not any("##" in n or "empty" in n for n in notices(app))


async def test_hash_typed_before_a_tag_is_not_kept(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_tag_dialog(pilot)
        await pilot.press(*"##Verify", "enter")
        await settle(pilot)
        assert [t.tag for t in seeded_store.tags()] == ["verify"]
        assert "#verify" in screen_text(app) and "##verify" not in screen_text(app)


async def test_placeholder_and_help_fit_in_80_columns(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tag_dialog(pilot)
        lines = screen_text(app).splitlines()
        assert any(PLACEHOLDER in line for line in lines)
        assert any(HELP in line for line in lines), "the help line is cut or wrapped"
        assert "-name removes a tag" in HELP and "→" in HELP
