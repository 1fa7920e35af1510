"""`a` with a URL typed without its scheme: the dialog stays open and says to add one."""

from __future__ import annotations

from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.screens.add_url import AddUrlDialog


async def test_add_url_without_a_scheme_says_to_add_one(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        await pilot.press("a", *"127.0.0.1:8001/b22.html", "enter")
        assert isinstance(app.screen, AddUrlDialog)
        text = screen_text(app)
        assert "no scheme: add http:// or https:// at the start" in text
        assert "only http and https" not in text
    assert store.articles() == []
