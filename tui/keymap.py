"""Checks of the user's `[keys]` remaps, made once at start.

Textual applies a keymap without a word: an id it does not know is ignored, and a remap to
a key another binding of the same widget or screen has takes that key away from it (and a
key moved off drops every binding that shared it). In a widget nested in a screen, the one
nearer the focus wins. So `follow-up = "t"` left Tag with no key, silently. `keymap_warnings`
finds these by applying the keymap, as Textual does, to the bindings of every screen and of
the widgets on it, and says in words which action loses which key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

Keymap = dict[str, str]
Ident = tuple[str | None, str]  # (binding id, action): the same binding on every key


@dataclass(frozen=True)
class Scope:
    """Bindings active together: a screen, the widgets on it (each nearer the focus than
    the screen, never two at once) and, unless the screen is modal, the app's."""

    name: str
    screen: type[Screen[object]]
    widgets: tuple[type[DOMNode], ...] = ()


def scopes() -> list[Scope]:
    """Every screen the app shows, with the widgets on it that have keys of their own."""
    from textual.widgets import SelectionList

    from tui import screens as s
    from tui.screens.export_dialog import FormatChoice
    from tui.screens.views_dialog import ViewList
    from tui.widgets import ArticleList, DeskList, FiguresPane, QuotesPane, Reader

    return [
        Scope("the reading screen", s.MainScreen, (ArticleList, Reader, QuotesPane, FiguresPane)),
        Scope("the follow-up desk", s.FollowUpScreen, (DeskList,)),
        Scope("search", s.SearchScreen, (DeskList,)),
        Scope("the export dialog", s.ExportDialog, (FormatChoice,)),
        Scope("the views dialog", s.ViewsDialog, (ViewList,)),
        Scope("the feed discovery dialog", s.DiscoverScreen, (SelectionList,)),
        Scope("the tag dialog", s.TagDialog),
        Scope("the note editor", s.NoteDialog),
        Scope("the add-URL dialog", s.AddUrlDialog),
        Scope("the prompt dialog", s.PromptDialog),
        Scope("the delete question", s.ConfirmDialog),
        Scope("help", s.HelpScreen),
        Scope("the command palette", s.Palette),
    ]


def _bindings(cls: type[DOMNode]) -> BindingsMap:
    merged = cls._merged_bindings  # the class's BINDINGS with its bases', as a node gets them
    return merged.copy() if merged is not None else BindingsMap()


def _keys(bindings: BindingsMap) -> dict[Ident, tuple[Binding, set[str]]]:
    found: dict[Ident, tuple[Binding, set[str]]] = {}
    for key, listed in bindings.key_to_bindings.items():
        for binding in listed:
            found.setdefault((binding.id, binding.action), (binding, set()))[1].add(key)
    return found


def known_ids(app_class: type[App[object]]) -> set[str]:
    """Every binding id a keymap can name: the app's, its screens' and their widgets'."""
    classes: list[type[DOMNode]] = [app_class]
    for scope in scopes():
        classes += [scope.screen, *scope.widgets]
    return {b.id for cls in classes for b, _ in _keys(_bindings(cls)).values() if b.id}


def _same_action(one: Binding, other: Binding) -> bool:
    return one.action.rpartition(".")[2] == other.action.rpartition(".")[2]


def _name(binding: Binding) -> str:
    what = binding.description or binding.action
    return f"{what} ({binding.id})" if binding.id else what


@dataclass
class _Node:
    """One class in a scope: its bindings before and after the keymap, and its depth
    (0 the app, 1 the screen, 2 a widget on it)."""

    cls: type[DOMNode]
    depth: int
    before: dict[Ident, tuple[Binding, set[str]]]
    after: dict[Ident, tuple[Binding, set[str]]]


def _nodes(scope: Scope, app_class: type[App[object]], keymap: Keymap) -> list[_Node]:
    classes = [(scope.screen, 1)] + [(w, 2) for w in scope.widgets]
    if not issubclass(scope.screen, ModalScreen):
        classes.insert(0, (app_class, 0))
    nodes = []
    for cls, depth in classes:
        bindings = _bindings(cls)
        before = _keys(bindings)
        bindings.apply_keymap(keymap)
        nodes.append(_Node(cls, depth, before, _keys(bindings)))
    return nodes


def _within(node: _Node, keymap: Keymap, where: str) -> Iterable[str]:
    """Keys that bindings of one node lose to a remap on the same node."""
    for ident, (binding, keys) in node.before.items():
        if binding.id in keymap:
            continue
        left = node.after.get(ident, (binding, set()))[1]
        for key in sorted(keys - left):
            takers = [b for b, ks in node.after.values() if key in ks and b.id in keymap]
            if any(_same_action(b, binding) for b in takers):
                continue  # e.g. quit = "ctrl+q": Textual's own ctrl+q quits too
            movers = [b for b, ks in node.before.values() if key in ks and b.id in keymap]
            cause = (takers or movers)[0]
            head = f'[keys] {cause.id} = "{keymap[cause.id]}"'
            rest = "; it has no key now" if not left else ""
            if takers:
                yield f"{head} takes {key} from {_name(binding)} {where}{rest}"
            else:  # Textual drops every binding of a key it moves one binding off
                yield f"{head} also removes {key} from {_name(binding)} {where}{rest}"
    yield from _shared(node, keymap, where)


def _shared(node: _Node, keymap: Keymap, where: str) -> Iterable[str]:
    """Two remaps on one node to the same key: only one of them can work."""
    owners: dict[str, list[Binding]] = {}
    for binding, keys in node.after.values():
        if binding.id in keymap:
            for key in keys:
                owners.setdefault(key, []).append(binding)
    for key, bindings in owners.items():
        if len({b.id for b in bindings}) > 1:
            names = " and ".join(_name(b) for b in bindings)
            both = "both" if len(bindings) == 2 else "all"
            yield f"[keys] {names} are {both} given {key} {where}: only one of them works"


def _across(nodes: list[_Node], keymap: Keymap, where: str) -> Iterable[str]:
    """Keys a remap gives to a binding that another node in the same chain also binds."""
    for node in nodes:
        for ident, (moved, keys) in node.after.items():
            if moved.id not in keymap:
                continue
            new = keys - node.before.get(ident, (moved, set()))[1]
            for other in nodes:
                if other is node or other.depth == node.depth:
                    continue
                for binding, okeys in other.after.values():
                    for key in sorted(new & okeys):
                        if binding.id == moved.id or _same_action(binding, moved):
                            continue
                        head = f'[keys] {moved.id} = "{keymap[moved.id or ""]}"'
                        yield _clash(head, (moved, node), (binding, other), key, where)


def _clash(
    head: str, mine: tuple[Binding, _Node], theirs: tuple[Binding, _Node], key: str, where: str
) -> str:
    """Which of two bindings of `key` loses: a priority binding wins, else the one nearer
    the focus (the deeper node)."""
    (moved, node), (binding, other) = mine, theirs
    moved_wins = (moved.priority, node.depth) > (binding.priority, other.depth)
    winner = node if moved_wins else other
    when = f"when the {_help_name(winner.cls)} pane has focus" if winner.depth == 2 else where
    if moved_wins:
        return f"{head} takes {key} from {_name(binding)} {when}"
    return f"{head}: {key} stays {_name(binding)} {when}, so {_name(moved)} does not get it"


def _help_name(cls: type[DOMNode]) -> str:
    return getattr(cls, "HELP_NAME", "") or cls.__name__


def keymap_warnings(app_class: type[App[object]], keymap: Keymap) -> list[str]:
    """One line per problem with `keymap` (ids to comma-separated keys, already normalised
    as `App.set_keymap` does): unknown ids, and keys a remap takes from another action."""
    known = known_ids(app_class)
    lines = [
        f"[keys] {key_id}: no such binding id (help, ? or F1, shows each key's id)"
        for key_id in keymap
        if key_id not in known
    ]
    for scope in scopes():
        nodes = _nodes(scope, app_class, keymap)
        where = f"on {scope.name}"
        for node in nodes:
            lines += _within(node, keymap, where)
        lines += _across(nodes, keymap, where)
    return list(dict.fromkeys(lines))  # a widget on two screens says it once
