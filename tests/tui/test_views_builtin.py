"""In the views picker, `d` on "All articles" (which the footer offers it on) says the
built-in view cannot be deleted, where `d d` once did nothing at all; saved views stay."""

from __future__ import annotations

from storage.store import Store
from storage.views import SavedViews
from tests.tui.conftest import notices, settle
from tui.app import make_app
from tui.screens import ViewsDialog

SIZE = (160, 50)


async def test_d_on_all_articles_says_why_it_is_not_deleted(seeded_store: Store) -> None:
    SavedViews(seeded_store).save("to check", "tag:verify")
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, ViewsDialog)
        await pilot.press("d", "d")
        await settle(pilot)
        assert notices(app) == ["The built-in view cannot be deleted"] * 2
        assert isinstance(app.screen, ViewsDialog)
        assert [v.name for v in SavedViews(seeded_store).all()] == ["to check"]
