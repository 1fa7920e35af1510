"""An article body as styled Rich `Text`: every quote and figure highlighted, pure and testable.

The extractors give offsets into the raw body. Sanitising can shorten the text (escape
sequences and control characters go), so the body is cleaned one segment at a time between
span boundaries and the offsets are mapped as we go: spans land on the same words after
cleaning. Styles are applied with `Text.stylize`, never by building markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from rich.style import Style
from rich.text import Text

from storage.models import ArticleBody, Figure, Quote
from tui.safe_text import clean, clean_line

Span = tuple[int, int]

SPEAKER_COLOURS: tuple[str, ...] = (
    "#5fafff",
    "#ff875f",
    "#87d75f",
    "#d787d7",
    "#ffd75f",
    "#5fd7d7",
    "#ff5f87",
    "#afaf5f",
)
UNATTRIBUTED_STYLE = Style(color="#a8a8a8", italic=True)
FIGURE_STYLES: dict[str, Style] = {
    "money": Style(color="black", bgcolor="#d7af5f", bold=True),
    "percent": Style(color="black", bgcolor="#af87d7", bold=True),
    "count": Style(color="black", bgcolor="#5fafaf", bold=True),
    "quantity": Style(color="black", bgcolor="#87af5f", bold=True),
    "other": Style(color="black", bgcolor="#a8a8a8"),
}
CURRENT_STYLE = Style(reverse=True, bold=True, underline=True)
TAB = "    "


@dataclass(frozen=True)
class Highlighted:
    """The styled body, and where each quote and figure ended up in it."""

    text: Text
    quote_spans: list[Span] = field(default_factory=list)
    figure_spans: list[Span] = field(default_factory=list)
    speaker_styles: dict[str, Style] = field(default_factory=dict)
    wrapped: dict[int, list[Span]] = field(default_factory=dict)
    """Its screen lines by width, as the reader cuts them: filled by the worker that read
    the article, for the reader's width, so that an open does not wrap on the event loop."""


def speaker_name(quote: Quote) -> str:
    """The speaker as shown to the user: cleaned, or empty when unattributed."""
    return clean_line(quote.speaker, 80)


def speaker_styles(quotes: Iterable[Quote]) -> dict[str, Style]:
    """A colour per speaker, in order of first appearance, so names stay recognisable."""
    styles: dict[str, Style] = {}
    for quote in sorted(quotes, key=lambda q: q.start):
        name = speaker_name(quote)
        if name and name not in styles:
            colour = SPEAKER_COLOURS[len(styles) % len(SPEAKER_COLOURS)]
            styles[name] = Style(color=colour)
    return styles


def quote_style(quote: Quote, styles: dict[str, Style]) -> Style:
    """The speaker's colour, or the unattributed style."""
    return styles.get(speaker_name(quote), UNATTRIBUTED_STYLE)


def figure_style(kind: str) -> Style:
    """A style per figure kind; unknown kinds look like "other"."""
    return FIGURE_STYLES.get(kind, FIGURE_STYLES["other"])


def clean_body(segment: str) -> str:
    """A piece of body text made safe to show: controls gone, tabs as spaces."""
    return clean(segment, multiline=True).replace("\t", TAB)


def _clamp(span: Span, length: int) -> Span:
    start = min(max(span[0], 0), length)
    return start, min(max(span[1], start), length)


def clean_with_offsets(raw: str, spans: Sequence[Span]) -> tuple[str, list[Span]]:
    """Clean `raw` segment by segment between span boundaries; return the spans mapped."""
    clamped = [_clamp(span, len(raw)) for span in spans]
    points = sorted({0, len(raw), *(p for span in clamped for p in span)})
    parts: list[str] = []
    mapped: dict[int, int] = {0: 0}
    position = 0
    for start, end in pairwise(points):
        part = clean_body(raw[start:end])
        parts.append(part)
        position += len(part)
        mapped[end] = position
    return "".join(parts), [(mapped[s], mapped[e]) for s, e in clamped]


def highlight(body: ArticleBody) -> Highlighted:
    """The body as `Text` with quotes coloured per speaker and figures styled per kind."""
    spans = [(q.start, q.end) for q in body.quotes] + [(f.start, f.end) for f in body.figures]
    plain, mapped = clean_with_offsets(body.text, spans)
    quote_spans, figure_spans = mapped[: len(body.quotes)], mapped[len(body.quotes) :]
    styles = speaker_styles(body.quotes)
    text = Text(plain)
    for quote, (start, end) in zip(body.quotes, quote_spans, strict=True):
        text.stylize(quote_style(quote, styles), start, end)
    for figure, (start, end) in zip(body.figures, figure_spans, strict=True):
        text.stylize(figure_style(figure.kind), start, end)
    return Highlighted(text, quote_spans, figure_spans, styles)


def format_value(figure: Figure) -> str:
    """A figure's parsed value, short and unambiguous: 6.6e9 USD, 32 %, 1800."""
    if figure.value is None:
        return ""
    number = f"{figure.value:.6g}"
    if "e" in number:
        mantissa, exponent = number.split("e")
        number = f"{mantissa}e{int(exponent)}"
    unit = clean_line(figure.unit, 12)
    return f"{number} {unit}" if unit else number
