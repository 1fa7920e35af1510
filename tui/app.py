"""The newsroom Textual app: app-wide keys, the command palette, theme and keymap.

Kept thin on purpose: the panes and their logic live in `tui/screens/main.py` and
`tui/widgets/`. `make_app` is the one way to build the app, used by the CLI and the tests.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from contextlib import suppress
from functools import partial
from typing import Any, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen

from storage.config import save_ui_state
from storage.errors import StoreError
from storage.store import Store
from tui.commands import NewsroomCommands
from tui.keymap import keymap_warnings
from tui.screens.help import HelpScreen, help_sections
from tui.screens.main import MainScreen
from tui.screens.main_list import FirstPage, first_page
from tui.screens.palette import Palette

# Textual allocates many small objects per frame: with CPython's default young-generation
# threshold (700) the collector ran ~100 times per article opened, and its full passes over
# a 50,000-article list cost 50-100 ms pauses (bench/README.md). 20,000 keeps it rare.
GC_YOUNG_THRESHOLD = 20_000


class NewsroomApp(App[None]):
    """Read articles, jump between their quotes and figures, tag what to follow up."""

    TITLE = "newsroom"
    HELP_NAME = "Everywhere"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {NewsroomCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="quit"),
        # No key_display: where `?` types into a text field the footer shows f1 instead.
        Binding("question_mark,f1", "help", "Help", id="help"),
    ]

    def __init__(
        self,
        store: Store,
        settings: dict[str, Any] | None = None,
        first_page: FirstPage | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self._first_page = first_page
        self.settings: dict[str, Any] = settings or {}
        self._remember_theme = False  # not while the settings' own theme is applied

    def on_mount(self) -> None:
        self._gc_thresholds = gc.get_threshold()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *self._gc_thresholds[1:])
        self._apply_settings()
        self.push_screen(MainScreen(self.store, first_page=self._first_page))
        self._first_page = None
        self.run_worker(self._daily_backup, thread=True, exit_on_error=False, group="backup")
        self._remember_theme = bool(self.settings.get("remember_theme"))

    def on_unmount(self) -> None:
        """Give the process its collector back (tests run many apps in one process)."""
        gc.unfreeze()
        gc.set_threshold(*self._gc_thresholds)

    def run(self, *args: Any, **kwargs: Any) -> Any:
        """Run the app; once its screen is gone, list the store again so the next start
        finds a current listing head (storage/listing_head.py). The session's own read
        marks and tags change shards without a new listing: after 33 or more, the next
        start would read the whole list before drawing it."""
        try:
            return super().run(*args, **kwargs)
        finally:
            with suppress(StoreError, OSError):
                self.store.articles()

    def _daily_backup(self) -> None:
        """The store's daily backup, off the event loop: at 50,000 articles it takes a while."""
        try:
            self.store.backup_if_due()
        except StoreError as exc:
            self.call_from_thread(
                self.notify, f"Backup failed: {exc}", severity="warning", markup=False
            )

    def _apply_settings(self) -> None:
        """Theme and remapped keys from the user's settings, if given."""
        theme = self.settings.get("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(
                f"Unknown theme {theme!r}; using the default", severity="warning", markup=False
            )
        keymap = self.settings.get("keymap")
        if isinstance(keymap, dict) and keymap:
            self.set_keymap({str(k): str(v) for k, v in keymap.items()})
            self._warn_keymap()

    def _warn_keymap(self) -> None:
        """Say once, at start, which remaps in [keys] do nothing or take another action's
        key: Textual applies them silently."""
        problems = keymap_warnings(type(self), self._keymap)  # the keymap as Textual holds it
        if problems:
            self.notify(
                "\n".join(problems),
                title="Key remaps in config.toml",
                severity="warning",
                timeout=20,
                markup=False,
            )

    def watch_theme(self, theme: str) -> None:
        """Remember the theme the user picks (palette: "Change theme") for the next start."""
        if self._remember_theme and theme != self.settings.get("theme"):
            self.settings["theme"] = theme
            self.run_worker(
                partial(save_ui_state, {"theme": theme}),
                thread=True,
                exit_on_error=False,
                group="state",
            )

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's, less its "Keys" panel: the palette's "Help: keys" opens newsroom's help,
        which lists the focused pane's keys with the ids to remap them by."""
        return (c for c in super().get_system_commands(screen) if c.title != "Keys")

    def action_command_palette(self) -> None:
        """Textual's palette with F1 and a footer of its own (`tui/screens/palette.py`)."""
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette(id="--command-palette"))

    def action_help(self) -> None:
        """Show the keys of the focused pane, then those that work everywhere."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(help_sections(self)))


def make_app(store: Store, *, settings: dict[str, Any] | None = None) -> NewsroomApp:
    """Build the app on an open store; `settings` may hold "theme" and "keymap". The list's
    first page is read here, before the event loop runs (see `first_page`)."""
    return NewsroomApp(store, settings, first_page=first_page(store))
