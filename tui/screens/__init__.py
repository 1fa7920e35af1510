"""The newsroom screens: the main reading screen, the help screen and the tag dialog."""

from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.tag_dialog import TagDialog

__all__ = ["HelpScreen", "MainScreen", "TagDialog"]
