"""Cutting styled text into screen lines, for the Line API widgets (reader, item panes).

They wrap text themselves so they know which screen line each character lands on, and so
that drawing a line costs a slice, not a re-wrap. Rich's word-wrapping `divide_line` is
private API: this is the one module that imports it, so a Rich upgrade that moves it is a
one-line fix here (tests/tui cover both widgets' wrapping).
"""

from __future__ import annotations

from itertools import pairwise

from rich._wrap import divide_line
from rich.text import Span as StyleSpan
from rich.text import Text

Span = tuple[int, int]


def paragraph_lines(paragraph: str, width: int) -> list[Span]:
    """Screen lines of one paragraph (no newlines) at `width` cells, as offsets into it;
    an empty paragraph is one empty line."""
    cuts = [0, *divide_line(paragraph, max(width, 1), fold=True), len(paragraph)]
    return list(pairwise(cuts))


def line_of_text(text: Text, start: int, end: int) -> Text:
    """`text[start:end]` with its styles, without copying the whole text: Rich's own
    slicing divides all of it, which made drawing a screen of the reader cost ~40 copies
    of the body. The spans (an article's quotes and figures: tens) are still all looked at."""
    line = Text(text.plain[start:end], style=text.style, no_wrap=True, end="")
    line.spans = [
        StyleSpan(max(span.start, start) - start, min(span.end, end) - start, span.style)
        for span in text.spans
        if max(span.start, start) < min(span.end, end)
    ]
    return line
