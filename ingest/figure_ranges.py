"""Ranges: adjacent figures joined by "to" or a dash become one figure with no value.

"242 to 330" and "$40-50 billion" are ranges; "rose from 5 to 7" is a change (two
figures), and "4-1" or "787-9" is a score or a designation (no figure at all). "fell
between 10 and 26 percent" is a range whatever verb comes before it, and so is "2 or 3
percent"; "$2.554 — $1.15 less than in June" is a price and a difference.
"""

from __future__ import annotations

import re

from ingest.figure_classify import FigureDraft

# A word of change before the first side: "rose 5 to 7", "from 10 to 12" are two figures.
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|rose|fell|grew|gained|lost|climbed|jumped|dropped|declined|increased|"
    r"decreased|slipped|slid|surged|soared|plunged|tumbled|rallied|sank|up|down)\b\D*$"
)
# A change from a stated level, longer than the window above: "raising the limit from the
# current $154,000 to $220,000", "from its previous 5% to 7%".
_FROM_LEVEL = re.compile(
    r"\bfrom[ \u00a0]+(?:(?:the|its|their|his|her|our|a|an)[ \u00a0]+)?"
    r"(?:current|present|existing|previous|prior|old|original|initial)[ \u00a0]+\D{0,3}$"
)
# "anywhere from $200 to $500", "somewhere from 10 to 20", "the lineup ranges from $150
# to $200", "lengths from $6 to $12", "priced from": a span of values, not a change
# ("re-priced from $50 to $40" is one).
_SPAN_FROM = re.compile(
    r"(?<![\w\-])(?:anywhere|somewhere|ranges?|ranging|var(?:y|ies|ying)|priced|sizes|lengths)"
    r"[ \u00a0]+from[ \u00a0]*\D{0,3}$"
)
# What may stand between the sides of a range: a dash, "to" or "and", and a "~" before
# the second side ("between ~3x and ~12x").
_RANGE_SEP = re.compile(r"^(?:[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]+(?:to|and|or)[ \u00a0]+)~?$")
# A comparison after a spaced dash: "$2.554 — $1.15 less than in June" is a price and a
# difference, not a range.
_COMPARED_AFTER = re.compile(r"[ \u00a0]+(?:less|more|lower|higher|cheaper|dearer)\b")


def merge_ranges(text: str, found: list[tuple[int, int, FigureDraft | None]]) -> list[FigureDraft]:
    """Join "242 to 330" and "$40-50 billion" into one figure with no value; drop scores
    ("4-1") and the tail of designations ("787-9")."""
    out: list[FigureDraft] = []
    prev: FigureDraft | None = None
    dead_end = -2
    for start, end, f in found:
        if f is None or (start == dead_end + 1 and text[dead_end] in "-–"):
            prev, dead_end = None, end
            continue
        if f.plain and dead_end >= 0 and _tiebreak(text, dead_end, f):
            prev, dead_end = None, end
            continue
        if prev is not None and _RANGE_SEP.match(text[prev.end : f.start]):
            merged = _join(text, prev, f)
            if merged is None:
                out.pop()
                prev, dead_end = None, end
                continue
            if merged is not prev:
                out[-1] = merged
                prev = merged
                continue
        out.append(f)
        prev = f
    return out


def _join(text: str, a: FigureDraft, b: FigureDraft) -> FigureDraft | None:
    """The range a–b, `a` unchanged when they are not a range, or None for a score.

    "from A to B", "rose A to B" and "by A to B" state a change, not a range ("from A-B"
    with a dash, and "anywhere from A to B", are ranges), and so do sides of different
    kinds ("12% to €3bn"): those stay two figures."""
    sep = text[a.end : b.start]
    head = text[max(0, a.start - 16) : a.start].lower()
    dash = sep.strip() in {"-", "–", "—"}
    if a.plain and b.plain and dash and _score(a, b):
        return None  # a score ("lost 6-7") or a designation (787-9), even after a verb
    # a dash joins a range even after "from" or "rose": "ranging from 30-600 MW"
    between = "between" in head
    change = _CHANGE_BEFORE.search(head) and not _SPAN_FROM.search(head) and not between
    change = change or _FROM_LEVEL.search(text, max(0, a.start - 32), a.start)
    if (change and not dash) or ("and" in sep and not between):
        return a
    if " or " in sep and not _alternative_range(a, b):
        return a
    if dash and sep != sep.strip() and _COMPARED_AFTER.match(text, b.end):
        return a
    if not _compatible(a, b):
        return a
    return _range(a, b)


def _alternative_range(a: FigureDraft, b: FigureDraft) -> bool:
    """ "2 or 3 percent" and "10 or 15 minutes" are ranges: a bare number, then a larger
    one with a percent sign, currency or unit. Bare alternatives ("10 or 12", "1 or 2
    players") stay apart."""
    if not a.plain or b.kind == "count" or (b.plain and b.unit is None):
        return False  # a bare or counted second side ("10 or 12", "1 or 2 players")
    return a.value is not None and b.value is not None and a.value < b.value


def _score(a: FigureDraft, b: FigureDraft) -> bool:
    """Two bare numbers joined by a dash with no counted noun after them, a falling
    pair (4-1, 787-9), a tie (1-1) or a year on the left: never a range."""
    if not _range_noun(b):
        return True
    return (a.value or 0) >= 1800 or (a.value or 0) >= (b.value or 0)


def _range(a: FigureDraft, b: FigureDraft) -> FigureDraft:
    """One figure spanning both sides, with no value and the unit of the money side."""
    kind = b.kind if b.kind != "count" or a.kind == "count" else a.kind
    money = a if a.kind == "money" else b if b.kind == "money" else None
    unit = money.unit if money else b.unit or a.unit
    return FigureDraft(a.start, b.end, kind, None, unit, plain=False)


def _tiebreak(text: str, score_end: int, f: FigureDraft) -> bool:
    """A bare number in brackets just after a score is its tiebreak: 7-6 (5)."""
    return text[score_end : f.start] in {"(", " (", "\u00a0("} and text[f.end : f.end + 1] == ")"


def _compatible(a: FigureDraft, b: FigureDraft) -> bool:
    """Sides of one range share a kind: both percentages, one currency, or bare numbers
    (a bare or magnitude-only side takes the other's currency: "$40-50 billion")."""
    if a.kind == "percent" or b.kind == "percent":
        return b.kind == "percent" and (a.kind == "percent" or a.plain)
    if a.kind == "money" and b.kind == "money":
        return a.unit == b.unit
    return True


def _range_noun(b: FigureDraft) -> bool:
    """A plain dash range needs a counted noun or unit after it ("10-15 years")."""
    return b.unit is not None or b.kind != "count"
