"""Pairing quotation marks into quoted spans, one paragraph at a time.

News text mixes straight, curly, German („ “) and guillemet (« ») marks, often inside one
quote ("...” is common), and uses the same characters as apostrophes. The scanner therefore
pairs *any* double opener with the next double closer, and accepts single marks only as
the primary marks, outside double-quoted spans, with word-boundary checks that tell them
from apostrophes (it’s, companies’). Each paragraph is scanned once, left to right, so the
cost is linear in the text; an unclosed quote ends at its paragraph end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import islice

DOUBLE_MARKS = frozenset('"“”„‟«»')
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
_OPEN_ONLY = frozenset("„‟«‘‚‛‹")
_CLOSE_ONLY = frozenset("»’›")
# Two right single marks (or two apostrophes) close a double quote in some wire copy:
# “It was an attempt to mislead voters,’’ Will Moy said.
_DOUBLE_RE = re.compile('["“”„‟«»]')
_DOUBLE_OR_PAIR_RE = re.compile("’’|''|[\"“”„‟«»]")
_SINGLE_RE = re.compile("['‘’‚‛‹›]")
ANY_MARK = re.compile("[\"“”„‟«»'‘’‚‛‹›]")
_BEFORE_OPEN = frozenset(" \t([{—–-/:;,")
# A single mark that may open a quote, after the paragraph's first character: not a
# closing-only mark, after a space or one of _BEFORE_OPEN, before a letter or digit.
_SINGLE_OPENERS = frozenset("'‘‚‛‹")
_SINGLE_OPENER = re.compile(r"['‘‚‛‹](?<=[\s(\[{—–\-/:;,]['‘‚‛‹])(?=[^\W_])")


@dataclass(frozen=True, slots=True)
class Span:
    """A quoted span: `start`/`end` exclude the marks; `closed` is False if it ran to the
    paragraph end without a closing mark."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None

    @property
    def closed(self) -> bool:
        return self.close_mark is not None


def _looks_like_opener(text: str, i: int, lo: int, hi: int) -> bool:
    """A mark opens a quote when it follows a space or start and precedes a non-space."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if after.isspace():
        return False
    return before.isspace() or before in _BEFORE_OPEN or before in DOUBLE_MARKS or i == lo


def _spaced_opener(text: str, i: int, lo: int, hi: int) -> bool:
    """A left curly or straight mark that starts a sentence, then one space and a letter,
    still opens: the typos “ I love what I’m doing.” and ," he told Cook. " You guys
    have done …" keep their space inside the quote. Mid-sentence ("eliminated from “
    Dancing with the Stars.”") it too often wraps a title."""
    if text[i] not in '“"' or i + 2 >= hi or text[i + 1] != " " or not text[i + 2].isalpha():
        return False
    return i == lo or (text[i - 1].isspace() and (i - 1 == lo or text[i - 2] in ".!?:\n"))


def _double_spans(text: str, lo: int, hi: int, limit: int) -> list[Span]:
    """Pair double marks in text[lo:hi]; an unclosed opener runs to `hi`."""
    spans: list[Span] = []
    open_at: int | None = None
    # the pair of single marks is rare: look for it only in paragraphs that have one
    pairs = text.find("’’", lo, hi) >= 0 or text.find("''", lo, hi) >= 0
    marks = (_DOUBLE_OR_PAIR_RE if pairs else _DOUBLE_RE).finditer(text, lo, hi)
    for m in islice(marks, 2 * limit):
        i, c = m.start(), m.group()
        if len(c) == 2:
            if open_at is not None:  # the pair closes: the span ends before its first mark
                spans.append(Span(open_at + 1, i, open_at, i + 1))
                open_at = None
            continue
        if open_at is None:
            opens = c not in "»" and _looks_like_opener(text, i, lo, hi)
            if c in _OPEN_ONLY or opens or _spaced_opener(text, i, lo, hi):
                open_at = i
            elif c == "»" and _looks_like_opener(text, i, lo, hi):
                open_at = i  # German »...« style
            continue
        if (c in _OPEN_ONLY or c == "“") and _looks_like_opener(text, i, lo, hi):
            spans.append(Span(open_at + 1, i, open_at, None))  # a new opener: drop the old
            open_at = i
            continue
        spans.append(Span(open_at + 1, i, open_at, i))
        open_at = None
    if open_at is not None:
        spans.append(Span(open_at + 1, hi, open_at, None))
    return spans


def _is_single_opener(text: str, i: int, lo: int, hi: int) -> bool:
    """A single mark opens only after a boundary and before a letter or digit."""
    if text[i] in _CLOSE_ONLY:
        return False
    after = text[i + 1] if i + 1 < hi else " "
    before = text[i - 1] if i > lo else " "
    if not after.isalnum():
        return False
    return before.isspace() or before in _BEFORE_OPEN or i == lo


def _is_single_closer(text: str, i: int, lo: int, hi: int) -> bool:
    """A single mark closes when it follows a non-space and is not inside a word. A left
    curly mark with a space before it and none of a word after it opens nothing, so it
    closes the open span: the typo ‘Jewels after Jewels ‘ and …"""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    if text[i] in _OPEN_ONLY:
        return text[i] == "‘" and before.isspace() and not after.isalnum()
    return not before.isspace() and not after.isalnum()


def _single_spans(text: str, lo: int, hi: int, blocked: list[Span], limit: int) -> list[Span]:
    """Pair single marks in text[lo:hi] that lie outside the `blocked` double spans."""
    spans: list[Span] = []
    inside = _blocked_mask(lo, hi, blocked)
    starts = [b.open_mark for b in blocked]
    open_at: int | None = None
    for m in islice(_SINGLE_RE.finditer(text, lo, hi), 2 * limit):
        i = m.start()
        if inside[i - lo]:
            continue
        if open_at is not None and _block_between(starts, open_at, i):
            open_at = None  # a single quote never spans into a double one
        if open_at is not None and _is_single_closer(text, i, lo, hi):
            spans.append(Span(open_at + 1, i, open_at, i))
            open_at = None
        elif open_at is None and _is_single_opener(text, i, lo, hi):
            open_at = i
    return spans


def _block_between(starts: list[int], a: int, b: int) -> bool:
    """True if a double-quoted span starts between offsets a and b (`starts` is sorted)."""
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def _blocked_mask(lo: int, hi: int, blocked: list[Span]) -> bytearray:
    """A byte per character of text[lo:hi]: 1 where a double-quoted span (with marks) is."""
    mask = bytearray(hi - lo)
    for s in blocked:
        a = s.open_mark - lo
        b = (s.close_mark + 1 if s.close_mark is not None else s.end) - lo
        mask[a:b] = b"\x01" * (b - a)
    return mask


def _may_open(text: str, lo: int, hi: int) -> bool:
    """False when no single mark in text[lo:hi] can open a quote (`_is_single_opener`),
    as in most paragraphs, whose single marks are apostrophes: then they pair into no
    span, and reading them one by one is skipped."""
    if text[lo : lo + 1] in _SINGLE_OPENERS and lo + 1 < hi and text[lo + 1].isalnum():
        return True
    return _SINGLE_OPENER.search(text, lo + 1, hi) is not None


def quoted_spans(text: str, lo: int, hi: int, limit: int = 10_000) -> list[Span]:
    """All primary quoted spans of one paragraph text[lo:hi], sorted by start; only the
    first `2 * limit` marks of each kind are read, to bound the work on junk.

    Single-quoted spans nested inside double-quoted ones are part of the outer quote
    and not returned.
    """
    doubles = _double_spans(text, lo, hi, limit)
    singles = _single_spans(text, lo, hi, doubles, limit) if _may_open(text, lo, hi) else []
    return sorted(doubles + singles, key=lambda s: s.start)
