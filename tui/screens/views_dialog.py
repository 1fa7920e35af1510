"""The saved-views picker: narrow the article list to a saved search, or show all articles.

Views are saved from the search screen (ctrl+s). Dismisses with (name, query), None for
all articles, or False when cancelled; `d` twice forgets the highlighted view (the first
asks, so a stray key loses nothing).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from storage.store import Store
from storage.views import SavedView, SavedViews
from tui.safe_text import clean_line
from tui.screens.dialog import Dialog
from tui.screens.main_desk import READ_ERRORS

Choice = tuple[str, str] | None | bool
HINT = "enter shows · d twice deletes · escape cancels · save a view with ctrl+s in search (/)"


class ViewList(OptionList):
    """The list of views, moved with j/k as well, like every other list in newsroom."""

    HELP_NAME = "Views"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
    ]


def view_prompt(view: SavedView) -> Text:
    text = Text(clean_line(view.name, 64), "bold")
    text.append("  " + clean_line(view.query, 200), "dim")
    return text


BUILT_IN = "The built-in view cannot be deleted"


class ViewsDialog(Dialog[Choice]):
    """Pick a saved view; enter shows it, d then d again deletes it, escape cancels."""

    HELP_NAME = "Saved views"
    DEFAULT_CSS = """
    ViewsDialog {
        & > Vertical {
            max-height: 80%;
        }
        & OptionList { height: auto; max-height: 20; }
        & #views-hint.-confirm { color: $warning; text-style: bold; }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
        Binding("d,delete", "delete", "Delete view (press twice)", id="views.delete"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.views = SavedViews(store)
        self._shown: list[SavedView] = []
        self._to_delete: str | None = None  # the view a first `d` asked about

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Show in the article list", "bold"))
            yield ViewList(id="views-list")
            yield Static(Text(HINT, "dim"), id="views-hint")

    def on_mount(self) -> None:
        self._refresh()
        self.query_one(OptionList).focus()

    def _refresh(self) -> None:
        try:
            self._shown = self.views.all()
        except READ_ERRORS as exc:
            self.notify(str(exc), severity="error", markup=False)
            self._shown = []
        options = [Option(Text("All articles", "bold"), id="all")]
        options += [Option(view_prompt(v), id=f"v{n}") for n, v in enumerate(self._shown)]
        option_list = self.query_one(OptionList)
        option_list.set_options(options)
        option_list.highlighted = 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        index = event.option_index
        self.dismiss(None if index == 0 else self._as_choice(self._shown[index - 1]))

    @staticmethod
    def _as_choice(view: SavedView) -> tuple[str, str]:
        return (view.name, view.query)

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self._ask(None)

    def _ask(self, name: str | None) -> None:
        """Ask to confirm deleting view `name`, or (None) drop the question."""
        self._to_delete = name
        hint = self.query_one("#views-hint", Static)
        hint.set_class(name is not None, "-confirm")
        if name is None:
            hint.update(Text(HINT, "dim"))
        else:
            hint.update(Text(f"Delete view {clean_line(name, 64)!r}? d again deletes it"))

    def action_delete(self) -> None:
        """The first `d` asks, a second on the same view deletes it."""
        index = self.query_one(OptionList).highlighted
        if index is None:
            return
        if index == 0:  # the footer offers `d` there too: say why it does nothing
            self.notify(BUILT_IN, severity="warning", markup=False)
            return
        view = self._shown[index - 1]
        if self._to_delete != view.name:
            self._ask(view.name)
            return
        self._ask(None)
        try:
            self.views.remove(view.name)
        except READ_ERRORS as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(f"Deleted view {view.name!r}", markup=False)
        self._refresh()

    def action_cancel(self) -> None:
        self.dismiss(False)
