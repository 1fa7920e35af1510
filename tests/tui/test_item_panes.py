"""The quotes and figures panes as a user drives them: keys and clicks move the highlight,
and what is drawn on screen follows (the panes redraw only the lines that change)."""

from __future__ import annotations

from storage.store import Store
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.widgets import FiguresPane, QuotesPane, Reader

SIZE = (160, 50)


def highlighted_lines(pane: QuotesPane | FiguresPane) -> list[int]:
    """Screen lines of the pane (from its top) drawn in the highlight style."""
    highlight = pane._line_styles()[1]
    return [
        y
        for y in range(pane.scrollable_content_region.height)
        if any(seg.style and seg.style.bgcolor == highlight.bgcolor for seg in pane.render_line(y))
    ]


async def test_keys_move_the_highlight_and_the_screen_follows(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(QuotesPane)
        pane.focus()
        await pilot.pause()
        assert pane.highlighted == 0 and pane.option_count >= 5
        first = highlighted_lines(pane)
        assert first and first[0] == 0
        await pilot.press("j", "j")
        await pilot.pause()
        assert pane.highlighted == 2
        now = highlighted_lines(pane)
        assert now and not set(now) & set(first)
        assert pane.prompt_texts()[2][:20] in screen_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert pane.highlighted == pane.option_count - 1
        assert pane.scroll_y > 0  # the last quote was scrolled into view
        assert pane.prompt_texts()[-1].split()[-1] in screen_text(app)  # its last word
        await pilot.press("g")
        await pilot.pause()
        assert pane.highlighted == 0 and pane.scroll_y == 0


async def test_a_click_chooses_the_item_and_moves_the_reader_mark(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(FiguresPane)
        reader = app.screen.query_one(Reader)
        await pilot.click(FiguresPane, offset=(3, 1))
        await pilot.pause()
        assert pane.highlighted == 0
        first = app.screen.body.figure_spans[0]
        assert reader.current == first
        pane.focus()
        await pilot.press("j", "enter")
        await pilot.pause()
        second = app.screen.body.figure_spans[1]
        assert reader.current == second

        def marked(span: tuple[int, int]) -> bool:
            line = reader.line_of(span[0]) - round(reader.scroll_y)
            return line >= 0 and any(s.style and s.style.reverse for s in reader.render_line(line))

        assert marked(second)
        if reader.line_of(first[0]) != reader.line_of(second[0]):
            assert not marked(first)  # the old mark was redrawn away
