"""Fixes from a tester's session, on the real app, store and loopback site: `a` while a
fetch runs says so before asking for a URL; the discover dialog acts on the highlighted
row when nothing is ticked and says which feeds it subscribed to."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import SelectionList

from storage.feeds import FeedBook
from storage.models import ArticleMeta
from storage.store import Store
from tests.httpserver import LoopbackServer
from tests.ingest.conftest import _loopback_only, site  # noqa: F401  (fixtures)
from tests.tui.conftest import notices, screen_text, settle, until
from tests.tui.test_fetch_app import loopback_config  # noqa: F401  (fixture)
from tui import fetch_workers
from tui.app import make_app
from tui.screens import MainScreen
from tui.screens.discover import DiscoverScreen
from tui.screens.main_fetch import subscribed_notice

SIZE = (160, 50)


def _notice_with(app: object, text: str) -> Callable[[], bool]:
    return lambda: any(text in n for n in notices(app))  # type: ignore[arg-type]


async def test_a_while_a_fetch_runs_says_so_without_opening_the_dialog(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,  # noqa: F811
) -> None:
    FeedBook(store).add(site.url("/slow?t=busy-add"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await until(pilot, lambda: site.hits("/slow?t=busy-add"))
        await pilot.press("a")
        assert isinstance(app.screen, MainScreen)  # no dialog to type a URL into, then lose
        assert _notice_with(app, "A fetch is still running: escape cancels it")()
        assert fetch_workers.is_fetching(app.screen)
        await until(pilot, _notice_with(app, "Refresh:"))
        await pilot.press("a")  # once the fetch is over, `a` asks again
        assert not isinstance(app.screen, MainScreen)


async def _discover(pilot: Pilot[None], store: Store) -> SelectionList[str]:
    """Open the discover dialog on the one article and wait for its rows."""
    await settle(pilot)
    await pilot.press("d")
    assert isinstance(pilot.app.screen, DiscoverScreen)
    found: SelectionList[str] = pilot.app.screen.query_one(SelectionList)
    await until(pilot, lambda: found.option_count == 7)
    return found


async def test_discover_enter_with_nothing_ticked_subscribes_to_the_highlighted_feed(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    add_article: Callable[..., ArticleMeta],
    loopback_config: None,  # noqa: F811
) -> None:
    add_article("A page of the loopback site", "Some words.", url=site.url("/news/ap.html"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await _discover(pilot, store)
        text = screen_text(app)
        assert "enter subscribes to the highlighted feed" in text and "space ticks" in text
        await pilot.press("enter")  # the feed row is highlighted, nothing is ticked
        await until(pilot, _notice_with(app, "Subscribed to Loopback Space News"))
        assert isinstance(app.screen, MainScreen)
        assert [f.url for f in FeedBook(store).all()] == [site.url("/feeds/rss.xml")]
        await settle(pilot)
        assert not _notice_with(app, "Add:")()  # no article chosen: no empty batch to report
        assert len(store.articles()) == 1
        await _discover(pilot, store)
        await pilot.press("s")
        await until(pilot, _notice_with(app, "Already subscribed to Loopback Space News"))
    assert len(FeedBook(store).all()) == 1


async def test_discover_enter_on_an_entry_adds_that_article(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    add_article: Callable[..., ArticleMeta],
    loopback_config: None,  # noqa: F811
) -> None:
    add_article("A page of the loopback site", "Some words.", url=site.url("/news/ap.html"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await _discover(pilot, store)
        await pilot.press("down", "enter")
        await until(pilot, _notice_with(app, "Add: 1 added"))
        assert not _notice_with(app, "Subscribed")()
    assert FeedBook(store).all() == [] and len(store.articles()) == 2


async def test_discover_ticked_rows_subscribe_and_add_and_say_both(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    add_article: Callable[..., ArticleMeta],
    loopback_config: None,  # noqa: F811
) -> None:
    add_article("A page of the loopback site", "Some words.", url=site.url("/news/ap.html"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        found = await _discover(pilot, store)
        await pilot.press("space", "down", "down", "space")
        assert len(found.selected) == 2
        await pilot.press("enter")
        await until(pilot, _notice_with(app, "Add: 1 added"))
        assert _notice_with(app, "Subscribed to Loopback Space News")()
    assert len(FeedBook(store).all()) == 1 and len(store.articles()) == 2


def test_subscribed_notice_names_new_and_known_feeds() -> None:
    assert subscribed_notice([("A", True)]) == "Subscribed to A"
    assert subscribed_notice([("A", True), ("B", True), ("C", True)]) == (
        "Subscribed to A, B and C"
    )
    assert subscribed_notice([("A", False), ("B\x1b[31m", True)]) == (
        "Subscribed to B\nAlready subscribed to A"
    )
