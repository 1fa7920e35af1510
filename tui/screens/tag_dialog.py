"""The tag prompt: a small modal with an Input that suggests the tags already in use.

Several tags at once (`verify used`), `-name` removes one; the built-in workflow tags
(follow-up, verify, used) are offered first. It only collects the text, and only once every
token in it is a tag (`valid_tag`: letters, digits, '-', '_'; a removal may also name a
stored tag an older version let in): otherwise it stays open and names each token it
refuses and why, so nothing typed is dropped unseen. The screen that opened it writes to
the store.

`parse_tag_input` and `describe_changes` are the one reading of the text and the one summary
of what it changed, for every screen that applies it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.suggester import Suggester
from textual.widgets import Input, Static

from storage.models import ItemRef
from storage.store import Store, known_tag, valid_tag
from tui.safe_text import clean_line
from tui.screens.dialog import Dialog

PLACEHOLDER = "tags, e.g. verify used"
HELP = "→ takes the suggestion · -name removes a tag · escape cancels"
REFUSED_SHOWN = 5


@dataclass(frozen=True)
class TagInput:
    """The tag prompt's text read: (tag, add) edits in the order typed, and the tokens that
    are not tags with the reason for each."""

    edits: list[tuple[str, bool]] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)


def parse_tag_input(text: str, known: Collection[str] = ()) -> TagInput:
    """`#verify used, -old -` -> edits [(verify, add), (used, add), (old, remove)], refused
    [("-", why)]: commas and spaces separate, a leading '-' removes, names as the store
    normalises them. A removal may name a tag in `known` that breaks today's rule."""
    read = TagInput()
    for token in text.replace(",", " ").split():
        remove = token.startswith("-")
        try:
            name = known_tag(token[1:], known) if remove else valid_tag(token)
            read.edits.append((name, not remove))
        except ValueError as exc:
            read.refused.append((token, str(exc)))
    return read


def tag_calls(
    store: Store, ref: ItemRef, label: str, text: str | None
) -> list[tuple[str, bool, Callable[[], bool]]]:
    """The edits the prompt's text asks for on `ref`, each as (tag, add, the store call that
    makes it), for the caller to run on its writer thread."""
    return [
        (tag, add, partial(store.tag, ref, tag, label) if add else partial(store.untag, ref, tag))
        for tag, add in parse_tag_input(text or "", store.tag_names()).edits
    ]


def refused_text(refused: list[tuple[str, str]]) -> Text:
    """`Not a tag: '-' (why); '---' (why)`, the first few, for the line under the input."""
    text = Text("Not a tag: ", "bold")
    shown = [f"{clean_line(token, 40)!r} ({why})" for token, why in refused[:REFUSED_SHOWN]]
    more = len(refused) - REFUSED_SHOWN
    text.append("; ".join(shown) + (f"; and {more} more" if more > 0 else ""))
    them = "them" if len(refused) > 1 else "it"
    text.append(f"\nFix or delete {them} and press enter again; escape cancels.", "dim")
    return text


def addable(name: str) -> bool:
    """Whether a stored tag can be added as it is: an older version let in names
    (`a/b`, `Court Case`) that `valid_tag` now refuses or rewrites, so they are not offered."""
    try:
        return valid_tag(name) == name
    except ValueError:
        return False


def describe_changes(changes: list[tuple[str, bool, bool]]) -> str:
    """One line for a batch of (tag, added, changed) results, in the order first met:
    `Tagged #verify #used; removed #old; already had #x`."""
    verbs = {
        (True, True): "tagged",
        (False, True): "removed",
        (True, False): "already had",
        (False, False): "did not have",
    }
    groups: dict[str, list[str]] = {}
    for tag, add, changed in changes:
        groups.setdefault(verbs[add, changed], []).append(f"#{clean_line(tag, 64)}")
    line = "; ".join(f"{verb} {' '.join(tags)}" for verb, tags in groups.items())
    return line[:1].upper() + line[1:]


class LastWordSuggester(Suggester):
    """Completes the last word of the input (after an optional `-`) from known tags."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self._names = names

    async def get_suggestion(self, value: str) -> str | None:
        word = value.rpartition(" ")[2]
        stem = word.lstrip("-").lower()
        if not stem:
            return None
        for name in self._names:
            if name.lower().startswith(stem) and name.lower() != stem:
                return value + name[len(stem) :]
        return None


class TagDialog(Dialog[str | None]):
    """Ask for tags for `label`; dismisses with the text typed, or None on escape."""

    DEFAULT_CSS = """
    TagDialog {
        & > Vertical {
            width: 70;
        }
        & Static { margin-bottom: 1; }
        & #tag-help { margin-bottom: 0; color: $text-muted; }
        & #tag-refused { color: $error; display: none; }
        & #tag-refused.-shown { display: block; }
    }
    """
    HELP_NAME = "Tag dialog"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    def __init__(self, what: str, label: str, existing: list[str], current: set[str]) -> None:
        super().__init__()
        self._what = what
        self._label = label
        self._existing = existing  # every stored tag: a removal may name any of them
        self._offered = [t for t in existing if addable(t)]
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._title(), id="tag-title")
            yield Input(
                placeholder=PLACEHOLDER,
                suggester=LastWordSuggester(self._offered),
                id="tag-input",
            )
            yield Static(Text(HELP), id="tag-help")
            yield Static(id="tag-refused")
            yield Static(self._hint(), id="tag-hint")

    def _title(self) -> Text:
        text = Text(f"Tag {self._what}: ", "bold")
        text.append(clean_line(self._label, 120))
        return text

    def _hint(self) -> Text:
        text = Text("now: ", "dim")
        text.append(" ".join(f"#{clean_line(t, 64)}" for t in sorted(self._current)) or "—")
        text.append("\noffered: ", "dim")
        text.append(" ".join(clean_line(t, 64) for t in self._offered[:20]))
        return text

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        """Dismiss with the text only when every token is a tag; else say which are not."""
        refused = parse_tag_input(event.value, {*self._existing, *self._current}).refused
        line = self.query_one("#tag-refused", Static)
        line.set_class(bool(refused), "-shown")
        if refused:
            line.update(refused_text(refused))
            return
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
