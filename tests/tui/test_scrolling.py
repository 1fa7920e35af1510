"""Setting a scroll view's content size without a reflow, and the public fallback."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView

from tui.widgets import scrolling
from tui.widgets.scrolling import set_content_size


class _Lines(ScrollView):
    DEFAULT_CSS = "_Lines { height: 10; }"


class _Host(App[None]):
    def compose(self) -> ComposeResult:
        yield _Lines()


def test_the_installed_textual_still_has_the_fast_path() -> None:
    """If this fails, Textual dropped `_scroll_update`: every open now reflows the screen."""
    assert callable(scrolling.SCROLL_UPDATE)


@pytest.mark.parametrize("fast", [True, False], ids=["private fast path", "public fallback"])
async def test_both_paths_give_the_scroll_limits_of_the_new_size(
    fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not fast:
        monkeypatch.setattr(scrolling, "SCROLL_UPDATE", None)
    app = _Host()
    async with app.run_test(size=(40, 24)) as pilot:
        view = app.query_one(_Lines)
        set_content_size(view, Size(30, 100))
        await pilot.pause()
        assert view.virtual_size == Size(30, 100)
        assert view.max_scroll_y == 90
        view.scroll_to(y=95, animate=False)
        await pilot.pause()
        assert view.scroll_y == 90
        set_content_size(view, Size(30, 40))
        await pilot.pause()
        assert view.max_scroll_y == 30
        assert view.scroll_y == 30  # clamped to the new limit
