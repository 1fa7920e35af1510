"""The newsroom screens: reading, the follow-up desk, search, fetching, their dialogs, and
the command palette."""

from tui.screens.add_url import AddUrlDialog
from tui.screens.confirm import ConfirmDialog
from tui.screens.discover import DiscoverChoice, DiscoverScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.followup import FollowUpScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.note_dialog import NoteDialog
from tui.screens.palette import Palette
from tui.screens.prompt import PromptDialog
from tui.screens.search import SearchScreen
from tui.screens.tag_dialog import TagDialog
from tui.screens.views_dialog import ViewsDialog

__all__ = [
    "AddUrlDialog",
    "ConfirmDialog",
    "DiscoverChoice",
    "DiscoverScreen",
    "ExportDialog",
    "FollowUpScreen",
    "HelpScreen",
    "MainScreen",
    "NoteDialog",
    "Palette",
    "PromptDialog",
    "SearchScreen",
    "TagDialog",
    "ViewsDialog",
]
