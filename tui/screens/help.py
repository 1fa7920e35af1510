"""The help screen: the keys of the focused pane first, then the keys that work everywhere.

The sections are read from the live bindings (`Screen.active_bindings`) when help is asked
for, so remapped keys show as they really are. A text field's editing keys (a score of
them) come last, so that a dialog's or the search screen's own keys show without scrolling.
A screen whose panes draw marks with no room to explain them (the article list's ● and ★)
names them in a `HELP_LEGEND` section, shown after the focused pane's keys.
"""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Input, Static, TextArea

from tui.screens.dialog import Dialog

Section = tuple[str, list[tuple[str, str]]]
# Bindings inherited from Textual's scrolling widgets that do nothing useful in our panes.
HIDDEN_ACTIONS = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})
TEXT_FIELDS = (Input, TextArea)


def is_text_field(node: DOMNode) -> bool:
    return isinstance(node, TEXT_FIELDS)


def node_title(node: DOMNode) -> str:
    """A readable name for where a binding lives."""
    default = "Editing text" if is_text_field(node) else type(node).__name__
    return getattr(node, "HELP_NAME", "") or default


def describe_bindings(app: App[object]) -> list[Section]:
    """Sections of (keys, description), the focused widget's first, app-wide keys last
    (a focused text field's editing keys after those).

    Keys bound to the same action on the same node are merged: `up, k  Up`. A binding with
    an id shows it, for remapping in config.toml: `t  Tag  (tag)`.
    """
    grouped: dict[int, tuple[DOMNode, dict[str, list[str]]]] = {}
    for key, active in app.active_bindings.items():
        node, binding = active.node, active.binding
        if binding.action in HIDDEN_ACTIONS:
            continue
        _, actions = grouped.setdefault(id(node), (node, {}))
        description = binding.description or binding.action
        if binding.id:  # the name to remap it by in config.toml's [keys]
            description = f"{description}  ({binding.id})"
        actions.setdefault(description, []).append(app.get_key_display(Binding(key, "")))
    nodes = sorted(grouped.values(), key=lambda pair: is_text_field(pair[0]))  # stable
    return [
        (node_title(node), [(", ".join(keys), desc) for desc, keys in actions.items()])
        for node, actions in nodes
    ]


def help_sections(app: App[object]) -> list[Section]:
    """`describe_bindings`, with the active screen's legend of marks after the first section."""
    sections = describe_bindings(app)
    legend: Section | None = getattr(app.screen, "HELP_LEGEND", None)
    if legend is not None:
        sections.insert(1, legend)
    return sections


def help_table(sections: list[Section]) -> Table:
    """A two-column table: key, what it does, under a heading per section."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold #ffd75f", no_wrap=True)
    table.add_column()
    for title, rows in sections:
        table.add_row(Text(title, "bold underline"), "")
        for key, description in rows:
            table.add_row(Text(key), Text(description))
        table.add_row("", "")
    return table


class HelpScreen(Dialog[None]):
    """Lists keys; escape, q, ? or F1 closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        & > VerticalScroll {
            max-height: 90%;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
    ]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(help_table(self.sections), id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
