"""The worker that reads an article also builds and wraps its panes; the screen uses
them only if the tags and notes they were built with are still the ones there are."""

from __future__ import annotations

from textual.pilot import Pilot

from storage.models import ItemRef
from storage.store import Store
from tests.tui.conftest import settle
from tui.app import make_app
from tui.screens.main import MainScreen
from tui.widgets import FiguresPane, QuotesPane
from tui.widgets.pane_content import figures_content, quotes_content

SIZE = (160, 50)


async def open_seed(pilot: Pilot[None]) -> MainScreen:
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen) and screen.article is not None
    return screen


async def test_panes_built_in_the_worker_are_shown_as_wrapped(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_seed(pilot)
        quotes_pane = screen.query_one(QuotesPane)
        body = screen.article.body
        tags = {k: set(v) for k, v in screen.index.tags_of(screen.article.id).items()}
        width = quotes_pane.content_width
        prepared = (
            quotes_content(body.quotes, tags, screen.body.speaker_styles, {}, width),
            figures_content(body.figures, tags, {}, screen.query_one(FiguresPane).content_width),
        )
        screen._show_tags(screen.article.id, prepared)
        assert prepared[0].wrapped is not None
        assert quotes_pane._lines is prepared[0].wrapped[0]  # used, not wrapped again
        assert quotes_pane.prompt_texts() == [p.plain for p in prepared[0].prompts]


async def test_panes_built_before_a_tag_was_set_are_built_again(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_seed(pilot)
        article_id, body = screen.article.id, screen.article.body
        stale = (
            quotes_content(body.quotes, {}, screen.body.speaker_styles, {}, 40),
            figures_content(body.figures, {}, {}, 40),
        )
        first_quote = screen.query_one(QuotesPane).keys[0]
        screen.index.set_tag(ItemRef(article_id, first_quote), "verify", True)
        screen._show_tags(article_id, stale)
        await pilot.pause()
        shown = screen.query_one(QuotesPane).prompt_texts()
        assert shown[0].endswith("#verify")
        assert all("#verify" not in p for p in stale[0].prompts)
