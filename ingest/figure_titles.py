"""Numbers that open the title of a work or a list: "10 Things in Tech", "top 10 Health
Technology Hazards".

A title in quote marks that opens with a number ("“7 Habits of Good Teams”") names a
work, and the same number and first word elsewhere in the article ("read 7 Habits each
week") name it too. A "top N" followed by capitalised words that end the phrase is a
ranked list's title ("ECRI's top 10 Health Technology Hazards."); with a lower-case
noun after it ("the top 10 Premier League clubs") it still counts. Only the figures
already found are looked at, each by a match anchored at it, so the cost is a few
microseconds per figure whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# A quoted span that opens with a number and a capitalised word, and holds no lower-case
# word longer than four letters (its words are in title case).
_QUOTED_TITLE = re.compile(
    r"[“\"](\d{1,3})[ \u00a0]([A-Z][a-z]+)((?:[ \u00a0](?:[A-Z][\w’'\-]*|[a-z]{1,4}|\d+))"
    r"{1,10})[.?!,]?[”\"]"
)
# "top 10" and a run of capitalised words that ends the phrase.
_TOP_TITLE = re.compile(
    r"[Tt]op[ \u00a0](\d{1,3})(?:[ \u00a0][A-Z][\w\-]*){2,5}[ \u00a0]*(?=[.,;:!?|)\n]|$)"
)
_TOPS = ("top ", "Top ", "top\u00a0", "Top\u00a0")
# A text quoting more numbered titles than this is a list; the cap bounds the work.
_MAX_TITLES = 8


class _Span(Protocol):
    start: int
    end: int


def title_numbers(text: str, figs: Sequence[_Span]) -> set[int]:
    """Starts of the figures in `figs` that open a title (quoted) or a later mention of
    it, or a "top N" list title."""
    starts: set[int] = set()
    names: set[str] = set()
    for f in figs:
        s = f.start
        if s >= 1 and text[s - 1] in '“"':
            m = _QUOTED_TITLE.match(text, s - 1)
            if m:
                starts.add(s)
                names.add(f"{m.group(1)} {m.group(2)}")
        elif _top_title(text, s):
            starts.add(s)
    if names and len(names) <= _MAX_TITLES:
        starts.update(f.start for f in figs if _mentions(text, f.start, names))
    return starts


def _top_title(text: str, s: int) -> bool:
    """The number at `s` follows a whole word "top" and opens a list's title."""
    if text[max(0, s - 4) : s] not in _TOPS or (s >= 5 and text[s - 5].isalnum()):
        return False
    return _TOP_TITLE.match(text, s - 4) is not None


def _mentions(text: str, s: int, names: set[str]) -> bool:
    """The number at `s` starts one of the titles `names` ("10 Things"), as a whole word."""
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".,"):
        return False
    head = text[s : s + 40].replace("\u00a0", " ")
    return any(head.startswith(n) and not head[len(n) : len(n) + 1].isalnum() for n in names)
