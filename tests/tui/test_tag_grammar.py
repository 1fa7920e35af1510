"""The tag grammar in the tag dialog: a new tag is letters (any script), digits, '-' and
'_'; `Bad!Tag` and `a/b` are named with the reason and the dialog stays open with the text
as typed; a tag an older version stored with other characters still shows and can be
removed."""

from __future__ import annotations

from textual.widgets import Input, Static

from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import store_older_tags
from tests.tui.conftest import notices, open_tag_dialog, screen_text, settle
from tui.app import make_app
from tui.screens import MainScreen, TagDialog
from tui.widgets import ReaderHeader

SIZE = (160, 50)
RULE = "a tag is letters, digits, '-' and '_'"


async def test_a_tag_with_other_characters_is_named_and_the_dialog_stays(
    seeded_store: Store,
) -> None:
    [meta] = seeded_store.articles()
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_tag_dialog(pilot)
        await pilot.press(*"Bad!Tag a/b ok", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TagDialog), "the dialog closed on a bad tag"
        assert app.screen.query_one(Input).value == "Bad!Tag a/b ok"
        refused = app.screen.query_one("#tag-refused", Static)
        assert refused.has_class("-shown") and refused.region.height >= 2
        assert str(refused.content).splitlines()[0] == (
            f"Not a tag: 'Bad!Tag' ({RULE}, not '!'); 'a/b' ({RULE}, not '/')"
        )
        assert "Not a tag: 'Bad!Tag'" in screen_text(app)
        assert seeded_store.tags() == []

        app.screen.query_one(Input).value = "ok été x_1"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        stored = {t.tag for t in seeded_store.tags() if t.ref == ItemRef(meta.id)}
        assert stored == {"ok", "été", "x_1"}


async def test_an_older_tag_that_breaks_the_rule_shows_and_can_be_removed(
    seeded_store: Store,
) -> None:
    [meta] = seeded_store.articles()
    store_older_tags(seeded_store, ItemRef(meta.id), ("Bad!Tag",))
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_tag_dialog(pilot)
        assert "now: #Bad!Tag" in screen_text(app)
        await pilot.press(*"-Bad!Tag", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen), screen_text(app)
        assert seeded_store.tags() == []
        assert "Removed #Bad!Tag" in notices(app)
        assert "#Bad!Tag" not in str(app.screen.query_one(ReaderHeader).render())
