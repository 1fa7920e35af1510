"""The command palette (ctrl+p): F1 there opens the help for the palette's own keys (it did
nothing), escape returns to the palette with the text typed; the footer under the palette
lists its keys, not the main screen's (`/ Search`, `e Export`), which it does not take."""

from __future__ import annotations

from textual.command import CommandInput, CommandList
from textual.widgets import Footer

from storage.store import Store
from tests.tui.conftest import screen_text, settle, until
from tests.tui.test_dialog_footer import MAIN_KEYS, footer_line
from tests.tui.test_help_legend import help_lines
from tui.app import make_app
from tui.screens import HelpScreen, MainScreen
from tui.screens.followup import FollowUpScreen
from tui.screens.palette import Palette

SIZE = (120, 40)
PALETTE_KEYS = [
    "Command palette",
    "↑ Previous command",
    "↓ Next command",
    "pgup Previous page",
    "pgdn Next page",
]


async def test_f1_in_the_palette_lists_its_keys_and_escape_returns(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"desk?")  # `?` types itself in the palette's field
        await settle(pilot)
        assert isinstance(app.screen, Palette)
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert [title for title, _ in app.screen.sections] == ["Command palette", "Editing text"]
        lines = help_lines(app)
        first = lines.index("Command palette")
        assert lines[first : first + len(PALETTE_KEYS)] == PALETTE_KEYS
        assert "esc Exit the command palette" in lines and "f1 Help (help)" in lines
        assert "↑ Scroll Up" not in lines  # the field's key that hid the palette's
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, Palette)
        assert app.screen.query_one(CommandInput).value == "desk?"


async def test_the_footer_under_the_palette_is_the_palettes(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, Palette)
        assert footer_line(app) == "esc Exit the command palette f1 Help"
        assert app.screen.query_one(Footer).screen is app.screen
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert all(k in footer_line(app) for k in MAIN_KEYS)


async def test_the_palette_still_moves_and_runs_a_command(seeded_store: Store) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"tag")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count >= 2)
        assert commands.highlighted == 0
        await pilot.press("down")
        assert commands.highlighted == 1
        await pilot.press("up")
        assert commands.highlighted == 0
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p", *"follow-up desk")
        await until(pilot, lambda: app.screen.query_one(CommandList).option_count == 1)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen), screen_text(app)


async def test_the_palette_offers_newsroom_help_not_textuals_keys_panel(
    seeded_store: Store,
) -> None:
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Keys" not in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("ctrl+p", *"help: keys")
        await until(pilot, lambda: app.screen.query_one(CommandList).option_count == 1)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert [title for title, _ in app.screen.sections][:2] == ["Article list", "List marks"]
