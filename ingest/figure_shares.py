"""Shares written as "3 in 10": one figure, the percentage it states.

Poll reports give shares as "about 3 in 10 independents" or "1 in 5 adults". Read number
by number, that is a count of 3 and a count of 10 independents; it is one share, 30%.
Only a smaller whole number before a whole base that is a common denominator (2 … 10,
12, 20, 25, 50, 100, 1,000) counts, so "Artemis 2 in 2022", "12 in 1976" or "won 3 in
10 minutes" stay as they were. A tally of a player's or a team's events is no share
("scored 7 in 10 games", "won 4 in 5"), and neither is a base that runs on into a number
grouped by spaces ("1 in 10 000"). A numerator in words before a base in digits ("eight in
10") is a share too, written from the word.
"""

from __future__ import annotations

import re

from ingest.figure_classify import FigureDraft
from ingest.sentences import word_set

_BASES = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 20, 25, 50, 100, 1000})
_SEP = frozenset({" in ", "\u00a0in\u00a0", " in\u00a0", "\u00a0in "})
_TALLY_VERB = re.compile(
    r"\b(?:scor(?:ed|es|ing)|won|wins|winning|hit|hits|made|makes|took|takes|played|lost|"
    r"drew|kicked|sank|converted|saved|netted|missed|blocked|grabbed|completed|landed)\b"
    r"[\w ]{0,20}$"
)
_EVENT_NOUNS = word_set(
    """games matches starts attempts shots tries appearances outings races fights seasons
    innings throws goals arrests cups tournaments rounds contests bouts"""
)
_GROUPED_ON = re.compile(r"[ \u00a0]\d{3}\b")
# "eight in 10 men": the numerator written as a word, the base in digits.
_NUMERATORS = {
    w: i
    for i, w in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), 1
    )
}
_WORD_NUMERATOR = re.compile(
    r"(?<![\w\-])((?i:one|two|three|four|five|six|seven|eight|nine))[ \u00a0]in[ \u00a0]$"
)


def merge_shares(text: str, figs: list[FigureDraft]) -> list[FigureDraft]:
    """`figs` with each "A in B" pair of bare counts joined into one percentage, and each
    base after a numerator in words ("eight in 10") made one."""
    if " in" not in text and "\u00a0in" not in text:
        return figs
    out: list[FigureDraft] = []
    for f in figs:
        prev = out[-1] if out else None
        if prev is not None and text[prev.end : f.start] in _SEP and _share(text, prev, f):
            share = 100 * (prev.value or 0) / (f.value or 1)
            out[-1] = FigureDraft(prev.start, f.end, "percent", share, "%", plain=False)
            continue
        word = _WORD_NUMERATOR.search(text, max(0, f.start - 12), f.start)
        if word and _share_base(text, f) and _NUMERATORS[word.group(1).lower()] < (f.value or 0):
            share = 100 * _NUMERATORS[word.group(1).lower()] / (f.value or 1)
            out.append(FigureDraft(word.start(1), f.end, "percent", share, "%", plain=False))
            continue
        out.append(f)
    return out


def _share(text: str, a: FigureDraft, b: FigureDraft) -> bool:
    """True for "3 in 10": two bare whole counts, the first smaller, the second a base,
    not a tally of events."""
    if not (a.plain and a.kind == "count" and a.unit is None and a.value is not None):
        return False
    if not (a.value.is_integer() and a.value >= 1 and _share_base(text, b)):
        return False
    return a.value < (b.value or 0) and not _TALLY_VERB.search(text, max(0, a.start - 40), a.start)


def _share_base(text: str, b: FigureDraft) -> bool:
    """True for a bare count that can be a share's base: a common denominator, counting no
    events and not running on into a number grouped by spaces."""
    if not (b.plain and b.kind == "count" and b.value is not None and b.value in _BASES):
        return False
    return b.unit not in _EVENT_NOUNS and not _GROUPED_ON.match(text, b.end)
