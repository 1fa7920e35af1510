"""The quotes pane and the figures pane: an article's items, each navigable and taggable.

An article has tens of quotes and figures, not thousands, so an `OptionList` is right here.
Every prompt is a `rich.text.Text` built from sanitised strings (never markup). Choosing an
item (enter or click) posts `ItemPane.Chosen`, and the screen jumps the reader to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from storage.models import Figure, Quote, figure_keys, quote_keys
from tui.highlight import UNATTRIBUTED_STYLE, figure_style, format_value, speaker_name
from tui.safe_text import clean_line

TAG_STYLE = Style(color="#d787d7")
NOTE_STYLE = Style(color="#87d7af", italic=True)
NOTE_MARK = "✎ "


def tags_text(tags: set[str]) -> Text:
    """Tags as `#a #b`, sanitised, for the end of a prompt."""
    return Text(" ".join(f"#{clean_line(t, 64)}" for t in sorted(tags)), TAG_STYLE)


def note_text(note: str, limit: int = 300) -> Text:
    """A note as `✎ text` on one line, sanitised (notes may quote web text)."""
    return Text(NOTE_MARK + clean_line(note, limit), NOTE_STYLE)


def quote_prompt(quote: Quote, tags: set[str], styles: dict[str, Style], note: str = "") -> Text:
    """`Speaker — quote  #tags`, the speaker in their reader colour; the note below it."""
    name = speaker_name(quote)
    prompt = Text()
    prompt.append(name or "(unattributed)", styles.get(name, UNATTRIBUTED_STYLE) + Style(bold=True))
    prompt.append(" — ")
    prompt.append(clean_line(quote.text, 400))
    if tags:
        prompt.append("  ")
        prompt.append_text(tags_text(tags))
    if note:
        prompt.append("\n")
        prompt.append_text(note_text(note))
    return prompt


def figure_prompt(figure: Figure, tags: set[str], note: str = "") -> Text:
    """`$6.6bn  6.6e9 USD  money  #tags`, the sentence it appears in, dimmed, and the note."""
    prompt = Text()
    prompt.append(clean_line(figure.text, 60), figure_style(figure.kind))
    value = format_value(figure)
    if value:
        prompt.append(f"  {value}", "bold")
    prompt.append(f"  {clean_line(figure.kind, 12)}", "dim")
    if tags:
        prompt.append("  ")
        prompt.append_text(tags_text(tags))
    sentence = clean_line(figure.sentence, 300)
    if sentence:
        prompt.append("\n" + sentence, "dim")
    if note:
        prompt.append("\n")
        prompt.append_text(note_text(note))
    return prompt


class ItemPane(OptionList):
    """Base of the two panes: j/k navigation and a `Chosen` message carrying the index."""

    kind: ClassVar[str] = "item"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "cursor_up", "Up", show=False),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        Binding("enter", "select", "Jump to", id="items.jump"),
    ]

    @dataclass
    class Chosen(Message):
        """The user chose item `index` of `kind` ("quote" or "figure")."""

        pane: ItemPane
        kind: str
        index: int

        @property
        def control(self) -> ItemPane:
            return self.pane

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.keys: list[str] = []

    @property
    def current_index(self) -> int | None:
        """The highlighted item, if any."""
        return self.highlighted if self.option_count else None

    def _set_prompts(self, keys: list[str], prompts: list[Text], title: str) -> None:
        """Replace the items; the highlight stays put if they are the same items (a tag
        was added) and goes back to the first one for another article."""
        highlighted = self.highlighted if keys == self.keys else 0
        self.keys = keys
        self.set_options(Option(p, id=k) for p, k in zip(prompts, keys, strict=True))
        if prompts:
            self.highlighted = min(highlighted or 0, len(prompts) - 1)
        self.border_title = f"{title} ({len(prompts)})"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self, self.kind, event.option_index))


class QuotesPane(ItemPane):
    """Each quote as `speaker — words`, with its tags."""

    kind: ClassVar[str] = "quote"
    HELP_NAME: ClassVar[str] = "Quotes"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "screen.search_speaker", "Speaker's quotes", id="quotes.by-speaker"),
    ]

    def show(
        self,
        quotes: list[Quote],
        tags: dict[str, set[str]],
        styles: dict[str, Style],
        notes: dict[str, str] | None = None,
    ) -> None:
        """Show `quotes`; `tags` and `notes` are keyed by quote key."""
        keys, notes = quote_keys(quotes), notes or {}
        prompts = [
            quote_prompt(q, tags.get(k, set()), styles, notes.get(k, ""))
            for q, k in zip(quotes, keys, strict=True)
        ]
        self._set_prompts(keys, prompts, "Quotes")


class FiguresPane(ItemPane):
    """Each figure with its parsed value and the sentence it is in."""

    kind: ClassVar[str] = "figure"
    HELP_NAME: ClassVar[str] = "Figures"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "screen.search_kind", "Figures of this kind", id="figures.of-kind"),
    ]

    def show(
        self,
        figures: list[Figure],
        tags: dict[str, set[str]],
        notes: dict[str, str] | None = None,
    ) -> None:
        """Show `figures`; `tags` and `notes` are keyed by figure key."""
        keys, notes = figure_keys(figures), notes or {}
        prompts = [
            figure_prompt(f, tags.get(k, set()), notes.get(k, ""))
            for f, k in zip(figures, keys, strict=True)
        ]
        self._set_prompts(keys, prompts, "Figures")
