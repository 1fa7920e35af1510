"""Numbers of the page around an article, not of its story (the tune-14 round).

- Numbered section headings: "1 The U.S. Aviation Control System" … "8 The Orbiting
  Communications Grid", each a paragraph of its own, a number and Title Case words with
  no closing stop, numbered 1, 2, 3 … through the article. One such line alone ("3 Dead
  After Storm") is a headline that counts.
- A linked article's title in square brackets: "[Trippy Tales: The History of 8
  Hallucinogens]", "[The 10 Weirdest Ways We Deal with the Dead]". Every word is
  capitalised but the small ones; a bracket with a sentence in it ("[the company said 10
  people died]") keeps its figures.
- A share counter or an id: a paragraph that is a bare run of five or more digits and
  nothing else ("4419111" under "Tweet"); a writer puts separators in a large amount.
- Page numbers after a pager: "Next Page >> 1 2".
- Ages after an age: "between 7 years old and 10 or 12".
- A number after an all-capitals hyphenated name is a designation: "SEA-ME-WE 3".

Only the figures already found are looked at; each test is anchored at a figure or
bounded by its line, so the cost stays linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

_SMALL = r"(?:of|the|an?|in|on|to|and|or|for|with|at|by|from|vs\.?|&)"
_TITLE_WORD = rf"(?:[A-Z0-9][\w’'.\-]*|{_SMALL}(?![\w’'\-]))"
# A heading paragraph: a number of one or two digits, then two to twelve title words.
_HEADING = re.compile(rf"(\d{{1,2}})[ \u00a0]+[A-Z][\w’'.\-]*(?:[ \u00a0]+{_TITLE_WORD}){{1,11}}")
# A bracketed title: up to 16 title words (a colon may follow one), nothing else.
_BRACKET_TITLE = re.compile(rf"\[(?:{_TITLE_WORD}:?[ \u00a0]+){{0,15}}{_TITLE_WORD}\]")
_COUNTER = re.compile(r"\d{5,}")
_PAGER = re.compile(r"(?:>>|»|\bPages?:?)[ \u00a0]+1(?:[ \u00a0]+\d{1,2})+[ \u00a0]*$")
_AGE_TAIL = re.compile(
    r"\b\d{1,2}[ \u00a0](?:years?|yrs?)[ \u00a0]old[ \u00a0]+(?:and|or|to)[ \u00a0]+"
    r"(?:\d{1,2}[ \u00a0]+(?:or|and|to)[ \u00a0]+)?$"
)
_REACH = 200
_CAPS_NAME = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]{2,})+[ \u00a0]$")


class _Span(Protocol):
    start: int
    end: int
    unit: str | None


def furniture_numbers(text: str, figs: Sequence[_Span]) -> set[int]:
    """Starts of the figures in `figs` that belong to the page, not the story."""
    out: set[int] = set()
    headings = _numbered_headings(text, figs)
    for f in figs:
        if _page_number(text, f, headings):
            out.add(f.start)
    return out


def _page_number(text: str, f: _Span, headings: set[int]) -> bool:
    """True when `f` is one of the page's numbers or a name's, not an amount."""
    if f.start in headings or _in_bracket_title(text, f) or _alone(text, f, _COUNTER):
        return True
    return _designated(text, f) or (f.unit is None and (_paged(text, f) or _age_tail(text, f)))


def _line(text: str, f: _Span) -> tuple[int, int]:
    """The bounds of the short line holding `f`, or (-1, -1) when the line runs past
    _REACH characters on either side (no heading, counter or pager is that long)."""
    lo = max(0, f.start - _REACH)
    left = text.rfind("\n", lo, f.start)
    if left < 0 and lo > 0:
        return -1, -1
    right = text.find("\n", f.end, f.end + _REACH)
    if right < 0 and f.end + _REACH < len(text):
        return -1, -1
    return left + 1, len(text) if right < 0 else right


def _numbered_headings(text: str, figs: Sequence[_Span]) -> set[int]:
    """Starts of the figures that number headings 1, 2, 3 …, two at least."""
    found: dict[int, int] = {}
    for f in figs:
        start, end = _line(text, f)
        m = _HEADING.fullmatch(text, start, end) if start == f.start < end - 3 else None
        if m is not None and end - start <= 120:
            found.setdefault(int(m.group(1)), f.start)
    run = 0
    while run + 1 in found:
        run += 1
    return {found[n] for n in range(1, run + 1)} if run >= 2 else set()


def _in_bracket_title(text: str, f: _Span) -> bool:
    """True when `f` stands in a bracketed title on its line."""
    left = text.rfind("[", max(0, f.start - 160), f.start)
    if left < 0 or "]" in text[left : f.start] or "\n" in text[left : f.start]:
        return False
    right = text.find("]", f.end, f.end + 160)
    if right >= 0 and "\n" in text[f.end : right]:
        return False
    if right < 0 or _BRACKET_TITLE.fullmatch(text, left, right + 1) is None:
        return False
    # a title has words: "[50]" or "[about] 300" is an editor's insertion in a quote
    words = text[left + 1 : right].split()
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 2


def _alone(text: str, f: _Span, shape: re.Pattern[str]) -> bool:
    """True when `f` is all of its line and has the given shape."""
    start, end = _line(text, f)
    return (
        start >= 0
        and text[start:end].strip() == text[f.start : f.end]
        and shape.fullmatch(text, f.start, f.end) is not None
    )


def _paged(text: str, f: _Span) -> bool:
    """True when `f` is one of the page numbers after a pager at a line's end."""
    start, end = _line(text, f)
    if start < 0 or end - f.end > 40:
        return False
    return _PAGER.search(text, max(start, f.start - 60), end) is not None and (
        text.rfind(">>", start, f.start) >= 0
        or text.rfind("»", start, f.start) >= 0
        or "Page" in text[max(start, f.start - 30) : f.start]
    )


def _age_tail(text: str, f: _Span) -> bool:
    """True when `f` is the other end of an age: "7 years old and 10 or 12"."""
    return _AGE_TAIL.search(text, max(0, f.start - 40), f.start) is not None


def _designated(text: str, f: _Span) -> bool:
    """True when an all-capitals hyphenated name stands before `f`: "SEA-ME-WE 3"."""
    return _CAPS_NAME.search(text, max(0, f.start - 40), f.start) is not None
