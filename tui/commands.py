"""Command palette entries for every newsroom action (ctrl+p).

Each command names an action on the main screen or the app, so the palette, the keys and
the help screen all run the same code.
"""

from __future__ import annotations

from functools import partial
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider


class Command(NamedTuple):
    """A palette entry: its title, help text, and the action it runs (on `where`)."""

    title: str
    help: str
    action: str
    where: str = "screen"


COMMANDS: tuple[Command, ...] = (
    Command("Open article", "Open the article under the list cursor", "open"),
    Command("Jump to item", "Scroll the reader to the highlighted quote or figure", "jump"),
    Command("Tag focused item", "Add a tag to the focused article, quote or figure", "tag"),
    Command("Toggle follow-up", "Flip the follow-up tag on the focused item", "follow_up"),
    Command("Reload articles", "Re-read the article list from the store", "reload"),
    Command("Focus article list", "Move focus to the article list", "focus_pane('articles')"),
    Command("Focus reader", "Move focus to the reader", "focus_pane('reader')"),
    Command("Focus quotes", "Move focus to the quotes pane", "focus_pane('quotes')"),
    Command("Focus figures", "Move focus to the figures pane", "focus_pane('figures')"),
    Command("Help: keys", "Show the keys of the focused pane", "help", "app"),
    Command("Quit newsroom", "Leave the app", "quit", "app"),
)


class NewsroomCommands(Provider):
    """Offers `COMMANDS`; actions run on the screen the palette was opened from."""

    def _runner(self, command: Command) -> partial[object]:
        node = self.app if command.where == "app" else self.screen
        return partial(node.run_action, command.action)

    async def discover(self) -> Hits:
        for command in COMMANDS:
            yield DiscoveryHit(command.title, self._runner(command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in COMMANDS:
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    self._runner(command),
                    text=command.title,
                    help=command.help,
                )
