"""Fixes from a tester's session, on the real app, store and loopback site: `a` while a
fetch runs says so before asking for a URL; the discover dialog acts on the highlighted
row when nothing is ticked and says which feeds it subscribed to."""

from __future__ import annotations

from collections.abc import Callable

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
