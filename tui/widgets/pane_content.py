"""What the quotes and figures panes show of an article: prompts, wrapped into lines.

Pure functions of the article, its tags and notes, and a width, so a worker can build
them off the event loop while it reads the article (`PaneContent`). Every prompt is a
`rich.text.Text` built from sanitised strings (never markup).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from storage.models import Figure, Quote, figure_keys, quote_keys
from tui.highlight import UNATTRIBUTED_STYLE, figure_style, format_value, speaker_name
from tui.safe_text import clean_line
from tui.widgets.wrapping import paragraph_lines

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


Wrapped = tuple[list[tuple[int, int, int]], list[int]]  # screen lines, each item's first


def wrap_prompts(prompts: list[Text], width: int) -> Wrapped:
    """Cut every prompt into screen lines of `width` cells: (item, start, end) per line,
    and the first line of each item."""
    lines: list[tuple[int, int, int]] = []
    tops: list[int] = []
    if width > 0:
        for item, prompt in enumerate(prompts):
            tops.append(len(lines))
            position = 0
            for paragraph in prompt.plain.split("\n"):
                for start, end in paragraph_lines(paragraph, width):
                    lines.append((item, position + start, position + end))
                position += len(paragraph) + 1
    return lines, tops


@dataclass(frozen=True)
class PaneContent:
    """What a pane shows of one article, built and wrapped off the event loop (the worker
    that reads the article) or on it; `tags` and `notes` are what it was built from."""

    keys: list[str]
    prompts: list[Text]
    title: str
    tags: dict[str, set[str]]
    notes: dict[str, str]
    width: int = 0
    wrapped: Wrapped | None = None


def quotes_content(
    quotes: list[Quote],
    tags: dict[str, set[str]],
    styles: dict[str, Style],
    notes: dict[str, str],
    width: int = 0,
) -> PaneContent:
    """The quotes pane's prompts (wrapped when `width` is known); tags, notes by key."""
    keys = quote_keys(quotes)
    prompts = [
        quote_prompt(q, tags.get(k, set()), styles, notes.get(k, ""))
        for q, k in zip(quotes, keys, strict=True)
    ]
    return _content(keys, prompts, "Quotes", tags, notes, width)


def figures_content(
    figures: list[Figure], tags: dict[str, set[str]], notes: dict[str, str], width: int = 0
) -> PaneContent:
    """The figures pane's prompts (wrapped when `width` is known); tags, notes by key."""
    keys = figure_keys(figures)
    prompts = [
        figure_prompt(f, tags.get(k, set()), notes.get(k, ""))
        for f, k in zip(figures, keys, strict=True)
    ]
    return _content(keys, prompts, "Figures", tags, notes, width)


def _content(
    keys: list[str],
    prompts: list[Text],
    title: str,
    tags: dict[str, set[str]],
    notes: dict[str, str],
    width: int,
) -> PaneContent:
    wrapped = wrap_prompts(prompts, width) if width > 0 else None
    return PaneContent(keys, prompts, title, tags, notes, width, wrapped)
