"""`r` with no feeds says so and how to add one, as `newsroom refresh` does, where it once
reported "Refresh: 0 added, 0 unchanged, 0 partial, 0 failed"."""

from __future__ import annotations

from storage.feeds import FeedBook
from storage.store import Store
from tests.tui.conftest import settle, until
from tui.app import make_app
from tui.widgets import FetchProgressBar

SIZE = (160, 50)
NO_FEEDS = (
    "No feeds to refresh: add one with d (discover a site's feeds) or `newsroom feeds add URL`"
)


async def test_refresh_with_no_feeds_says_how_to_add_one(seeded_store: Store) -> None:
    assert FeedBook(seeded_store).all() == []
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await until(pilot, lambda: app._notifications)
        [notice] = list(app._notifications)
        assert (notice.message, notice.severity) == (NO_FEEDS, "warning")
        assert not any("Refresh:" in n.message for n in app._notifications)
        assert not app.screen.query_one(FetchProgressBar).running
