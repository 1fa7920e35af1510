"""At start-up the first page comes from the store's listing head, before the whole list."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from storage.listing_head import HEAD_ROWS
from storage.models import ArticleMeta
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
        await until(lambda: articles.total == COUNT)
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
