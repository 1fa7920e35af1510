"""`o` with no browser to open: the notice gives the URL and says `c` copies it. It copied
the URL itself, overwriting whatever the user had on the clipboard without asking."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.store import Store
from tests.tui.conftest import notices, until
from tests.tui.test_article_actions import Browser, article_list, start, three  # noqa: F401
from tui.app import make_app
from tui.widgets import QuotesPane

SIZE = (160, 50)


def no_browser_notice(app) -> str:
    return next((n for n in notices(app) if "No browser could be opened" in n), "")


@pytest.mark.parametrize(
    ("pane", "hint"),
    [
        ("list", "c copies it with the title"),
        ("quotes", "c in the reader copies it with the title"),
    ],
)
async def test_no_browser_leaves_the_clipboard_and_c_copies_the_url(
    three: Store,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    pane: str,
    hint: str,
) -> None:
    broken = Browser(tmp_path, monkeypatch, status=1)
    app = make_app(three)
    async with app.run_test(size=SIZE) as pilot:
        first, _, _ = await start(pilot)
        url = f"https://example.org/{first.split()[0].lower()}"
        app.copy_to_clipboard("the user's own text")
        if pane == "quotes":
            app.screen.query_one(QuotesPane).focus()
        else:
            article_list(app).focus()
        await pilot.press("o")
        await until(pilot, lambda: no_browser_notice(app))
        assert broken.urls == [url]
        assert no_browser_notice(app).endswith(f"the URL is {url}\n{hint}")
        assert app.clipboard == "the user's own text"
        if pane == "quotes":
            app.screen.query_one("#reader").focus()
        await pilot.press("c")
        assert app.clipboard == f"{first}\n{url}"
