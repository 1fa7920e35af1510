"""The follow-up desk's `t` on a real store: tags on a quote that a new version of its
article no longer has can be removed there, mixed edits are reported in one line, and the
writes go through the main screen's writer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from storage.models import ArticleMeta, ItemRef, quote_keys
from storage.store import Store
from tests.tui.conftest import notices, screen_text, settle
from tui.app import make_app
from tui.screens import FollowUpScreen, MainScreen, TagDialog
from tui.widgets import DeskList

SIZE = (160, 50)
TEXT = (
    "The council voted on Tuesday. “We will rebuild the bridge by spring,” said Mayor Ann Lee. "
    "“The budget is not there,” said Tom Reyes."
)
GONE = "We will rebuild the bridge by spring"
KEPT = "The budget is not there"


def council(add_article: Callable[..., ArticleMeta]) -> ArticleMeta:
    return add_article(
        "Council votes on the bridge", TEXT, [(GONE, "Mayor Ann Lee"), (KEPT, "Tom Reyes")]
    )


def refs(store: Store, meta: ArticleMeta) -> tuple[ItemRef, ItemRef]:
    gone, kept = quote_keys(store.body(meta.id).quotes)
    return ItemRef(meta.id, gone), ItemRef(meta.id, kept)


def drop_first_quote(store: Store, meta: ArticleMeta) -> None:
    """What a refetch or re-analysis does when the quote is no longer found in the text."""
    body = store.body(meta.id)
    store.replace_article(store.meta(meta.id), replace(body, quotes=body.quotes[1:]))


async def open_desk(pilot) -> FollowUpScreen:
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FollowUpScreen)
    return pilot.app.screen


async def tag_in_desk(pilot, ref: ItemRef, typed: str) -> None:
    """Cursor on `ref`'s row, t, type, enter; wait for the desk to show the store again."""
    desk = pilot.app.screen.query_one(DeskList)
    desk.highlighted = desk.refs.index(ref)
    await pilot.press("t")
    assert isinstance(pilot.app.screen, TagDialog)
    await pilot.press(*typed, "enter")
    await settle(pilot)
    assert isinstance(pilot.app.screen, FollowUpScreen)


async def test_tags_on_a_quote_gone_from_its_article_can_be_removed_in_the_desk(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    meta = council(add_article)
    gone, _ = refs(store, meta)
    store.tag(gone, "verify", GONE)
    store.tag(gone, "old", GONE)
    drop_first_quote(store, meta)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        desk = await open_desk(pilot)
        text = screen_text(app)
        assert "(no longer in the article) — “We will rebuild the bridge by spring”" in text
        assert "  (t removes its tags)" in text and "speaker not recorded" not in text
        assert desk._writer is app.screen_stack[1].writer

        await tag_in_desk(pilot, gone, "-verify -old keep")
        assert {t.tag for t in store.tags() if t.ref == gone} == {"keep"}
        assert "Removed #verify #old; tagged #keep" in notices(app)
        rows = desk.query_one(DeskList).texts()
        assert rows[0] == "#keep (1)" and rows[1].startswith(
            "(no longer in the article) — “We will"
        )

        await tag_in_desk(pilot, gone, "-keep")
        assert store.tags() == []
        assert "Removed #keep" in notices(app)
        assert desk.query_one(DeskList).texts() == []
        assert "Nothing tagged yet" in screen_text(app)


async def test_a_mixed_edit_is_reported_in_one_notification(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    meta = council(add_article)
    _, kept = refs(store, meta)
    store.tag(kept, "old", KEPT)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_desk(pilot)
        assert "Tom Reyes — “The budget is not there”" in screen_text(app)
        await tag_in_desk(pilot, kept, "#verify -old")
        assert {t.tag for t in store.tags()} == {"verify"}
        assert notices(app) == ["Tagged #verify; removed #old"]
        desk = app.screen.query_one(DeskList)
        assert desk.texts()[0] == "#verify (1)"
        assert desk.refs[desk.highlighted] == kept

        await pilot.press("escape")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.pause(1.5)  # the list poll notices the desk's write
        await settle(pilot)
        assert main.index.item_tags(kept) == {"verify"}


async def test_the_main_screen_reports_a_mixed_edit_in_one_notification(
    store: Store, add_article: Callable[..., ArticleMeta]
) -> None:
    meta = council(add_article)
    store.tag(ItemRef(meta.id), "old", meta.title)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TagDialog)
        await pilot.press(*"#verify -old", "enter")
        await settle(pilot)
        assert {t.tag for t in store.tags()} == {"verify"}
        assert notices(app) == ["Tagged #verify; removed #old"]
