"""At start-up the first page comes from the store's listing head, before the whole list."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from storage.listing_head import HEAD_ROWS
from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tests.storage.helpers import fill
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.widgets import ArticleList

COUNT = HEAD_ROWS + 100


class GatedStore(Store):
    """A real store whose full listing waits for the test: the moment between the first
    page drawn and the whole list read, held open."""

    gate = threading.Event()

    def articles(self, tag: str | None = None) -> list[ArticleMeta]:
        assert self.gate.wait(10), "the test never opened the gate"
        return super().articles(tag)


async def until(predicate, timeout: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():
        assert loop.time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_the_first_page_is_drawn_before_the_whole_list_is_read(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = Store.open(root, auto_backup=False)
    fill(store, COUNT)
    listing = store.articles()  # a full listing saves the head
    GatedStore.gate.clear()
    app = make_app(GatedStore.open(root, auto_backup=False))
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        assert articles.total == COUNT  # read before the loop: there from the first frame
        await pilot.pause()
        assert articles.row_count == HEAD_ROWS
        shown = screen_text(app)
        assert f"Articles ({COUNT})" in shown
        assert listing[0].title[:14] in shown
        await pilot.press("end")  # the cursor stops at the last row read so far
        assert articles.current is not None and articles.current.id == listing[HEAD_ROWS - 1].id
        await pilot.press("up")
        GatedStore.gate.set()
        await until(lambda: articles.row_count == COUNT)
        await settle(pilot)
        assert articles.current is not None and articles.current.id == listing[HEAD_ROWS - 2].id
        await pilot.press("end")
        assert articles.current is not None and articles.current.id == listing[-1].id
        assert f"Articles ({COUNT})" in screen_text(app)


async def test_without_a_head_the_list_is_read_whole(tmp_path: Path) -> None:
    root = tmp_path / "store"
    fill(Store.open(root, auto_backup=False), COUNT)  # never listed: no head yet
    GatedStore.gate.clear()
    app = make_app(GatedStore.open(root, auto_backup=False))
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await pilot.pause(0.3)
        assert articles.total == articles.row_count == 0
        GatedStore.gate.set()
        await until(lambda: articles.row_count == COUNT)
        assert articles.total == COUNT


class HeldAfterListing(Store):
    """The first full listing is read, then held before the worker posts it: a slow
    listing that a view or a read mark overtakes."""

    gate = threading.Event()
    calls = 0

    def articles(self, tag: str | None = None) -> list[ArticleMeta]:
        type(self).calls += 1
        first = type(self).calls == 1
        metas = super().articles(tag)
        if first:
            assert self.gate.wait(10), "the test never opened the gate"
        return metas


def listed_store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    store = Store.open(root, auto_backup=False)
    fill(store, COUNT)
    store.articles()
    HeldAfterListing.gate.clear()
    HeldAfterListing.calls = 0
    return root


async def test_a_view_chosen_meanwhile_is_not_replaced_by_the_first_listing(
    tmp_path: Path,
) -> None:
    app = make_app(HeldAfterListing.open(listed_store(tmp_path), auto_backup=False))
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await until(lambda: articles.total == COUNT and articles.row_count == HEAD_ROWS)
        await until(lambda: HeldAfterListing.calls == 1)  # the first listing is held
        app.screen._apply_view(("story 7", "story 7"))
        await until(lambda: app.screen._version is not None)
        in_view = articles.row_count
        assert 0 < in_view < COUNT
        HeldAfterListing.gate.set()
        await settle(pilot)
        await pilot.pause(1.2)  # the cancelled first load has posted; a poll has run
        assert articles.row_count == in_view
        assert f"({in_view})" in str(articles.border_title)


async def test_an_article_read_on_the_first_page_stays_read(tmp_path: Path) -> None:
    app = make_app(HeldAfterListing.open(listed_store(tmp_path), auto_backup=False))
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await until(lambda: articles.total == COUNT and articles.row_count == HEAD_ROWS)
        first = articles.current
        assert first is not None and not first.read
        await pilot.press("enter")
        await until(lambda: articles.meta(first.id).read)
        HeldAfterListing.gate.set()
        await until(lambda: articles.row_count == COUNT)
        for _ in range(10):  # the full list, then polls: never shown unread again
            await pilot.pause(0.1)
            assert articles.meta(first.id).read


def test_quitting_the_app_saves_a_current_listing_head(tmp_path: Path) -> None:
    """A session's read marks in many shards would leave the next start without a head."""
    root = tmp_path / "store"
    store = Store.open(root, auto_backup=False)
    fill(store, COUNT)
    one_per_shard = {m.id[:2]: m.id for m in store.articles()}
    for article_id in list(one_per_shard.values())[:40]:
        store.set_read(article_id, True)
    assert Store.open(root, auto_backup=False).listing_head() is None

    async def quit_at_once(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("q")

    make_app(Store.open(root, auto_backup=False)).run(headless=True, auto_pilot=quit_at_once)
    head = Store.open(root, auto_backup=False).listing_head()
    assert head is not None and head.total == COUNT
    assert [m.id for m in head.metas] == [m.id for m in store.articles()[:HEAD_ROWS]]


async def test_an_item_shown_from_beyond_the_first_page_gets_the_cursor(
    tmp_path: Path,
) -> None:
    """A search result or desk item opened while only the first page is read: once the
    whole list is, the cursor is on its article."""
    app = make_app(HeldAfterListing.open(listed_store(tmp_path), auto_backup=False))
    async with app.run_test(size=(120, 40)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await until(lambda: HeldAfterListing.calls == 1)
        last = Store.open(app.screen.store.root, auto_backup=False).articles()[-1]
        app.screen.show_item(ItemRef(last.id))
        HeldAfterListing.gate.set()
        await until(lambda: articles.row_count == COUNT)
        await settle(pilot)
        assert articles.current is not None and articles.current.id == last.id
