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
    Command("Write a note", "Write or edit the note on the focused item", "note"),
    Command("Toggle read/unread", "Flip read state of the article under the cursor", "toggle_read"),
    Command("Copy focused item", "Copy the quote, figure or article title and URL", "copy_item"),
    Command("Open in browser", "Open the article's web page in your browser", "open_in_browser"),
    Command("Delete article", "Delete the focused article, its tags and notes", "delete_article"),
    Command(
        "Follow-up desk",
        "Every tagged item across the store, by tag, then items with a note",
        "follow_up_view",
    ),
    Command(
        "Search", "Search articles, quotes, figures and notes (tag: speaker: kind: ...)", "search"
    ),
    Command(
        "Quotes by this speaker", "Search every quote by the highlighted speaker", "search_speaker"
    ),
    Command("Figures of this kind", "Search every figure of the highlighted kind", "search_kind"),
    Command("Saved views", "Narrow the article list to a saved search", "views"),
    Command("Export tagged items", "Write a Markdown memo, CSV or JSON backup", "export"),
    Command("Save search as view", "Keep the current search as a named view", "save_view"),
    Command("Filter desk by tag", "Narrow the follow-up desk to one tag", "focus_filter"),
    Command("Reload articles", "Re-read the article list from the store", "reload"),
    Command("Add article from URL", "Fetch, clean and store the article at a URL", "add_url"),
    Command(
        "Refetch article", "Fetch the current article again (completes a partial one)", "refetch"
    ),
    Command("Refresh feeds", "Fetch every subscribed feed and store new articles", "refresh"),
    Command("Discover feeds", "Find the feeds of the current article's site", "discover"),
    Command("Cancel fetch", "Stop the running fetch now, pages in flight too", "cancel_fetch"),
    Command("Focus article list", "Move focus to the article list", "focus_pane('articles')"),
    Command("Focus reader", "Move focus to the reader", "focus_pane('reader')"),
    Command("Focus quotes", "Move focus to the quotes pane", "focus_pane('quotes')"),
    Command("Focus figures", "Move focus to the figures pane", "focus_pane('figures')"),
    Command("Help: keys", "Show the keys of the focused pane", "help", "app"),
    Command("Quit newsroom", "Leave the app", "quit", "app"),
)


class NewsroomCommands(Provider):
    """Offers the `COMMANDS` the current screen (or the app) can run."""

    def _available(self) -> list[Command]:
        def runs(command: Command) -> bool:
            node = self.app if command.where == "app" else self.screen
            return hasattr(node, "action_" + command.action.partition("(")[0])

        return [command for command in COMMANDS if runs(command)]

    def _runner(self, command: Command) -> partial[object]:
        node = self.app if command.where == "app" else self.screen
        return partial(node.run_action, command.action)

    async def discover(self) -> Hits:
        for command in self._available():
            yield DiscoveryHit(command.title, self._runner(command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._available():
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    self._runner(command),
                    text=command.title,
                    help=command.help,
                )
