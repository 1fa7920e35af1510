"""Paragraph and sentence boundaries for the quote and figure extractors.

Both extractors report the sentence around each span, and attribution looks only inside a
sentence or paragraph, so they share these helpers. Boundaries are found with linear scans
and simple, non-nested regular expressions, so they cost O(n) on any input.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate


def word_set(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of a string: keeps word lists terse."""
    return frozenset(words.split())


# A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets) and
# whitespace, unless the word before the full stop is a known abbreviation or an initial.
# (Written "[.!?…][.!?…]*", not "[.!?…]+": a search whose pattern starts with a plain
# character class skips non-matching text several times faster than one starting with a
# repeat, and the matches are the same.)
_END_RE = re.compile(r"[.!?…][.!?…]*[\"'”’»)\]]*(?=\s)")
_ABBREV = word_set(
    """mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp co ltd no vs
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc mt ft
    rev hon pres supt det insp cmdr adm maj cpl pvt messrs mme mlle"""
)
_LONGEST = max(map(len, _ABBREV))
MAX_SENTENCE = 600


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or initial, not a sentence."""
    if text[dot] != ".":
        return False
    if dot > _LONGEST and text[dot - _LONGEST - 1 : dot].isalpha():
        return False  # a word longer than any abbreviation (the common case)
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "James P. Kennedy"
    return word in _ABBREV


def sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just past each sentence end inside text[start:end] (the last is `end`)."""
    ends: list[int] = []
    for m in _END_RE.finditer(text, start, end):
        if _is_abbreviation(text, m.start()):
            continue
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end and text[nxt].islower():
            continue  # "U.S. attorney" or "... said. and": not a real sentence end
        ends.append(m.end())
    if not ends or ends[-1] != end:
        ends.append(end)
    return ends


class Segmenter:
    """Finds the paragraph and sentence around any offset of one text.

    A paragraph is one line (a newline always ends one). Line starts are found with
    C-level string operations, and each paragraph's trimmed span and sentence ends are
    computed only when first asked for, so a megabyte of short lines stays cheap.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        lengths = map((1).__add__, map(len, text.split("\n")))
        self.starts = list(accumulate(lengths, initial=0))[:-1]
        self._spans: dict[int, tuple[int, int]] = {}
        self._sent_bounds: dict[int, list[int]] = {}

    def para_index(self, pos: int) -> int:
        """Index of the line containing `pos`."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def para(self, idx: int) -> tuple[int, int]:
        """Span of line `idx` without its surrounding whitespace (empty if blank)."""
        span = self._spans.get(idx)
        if span is None:
            lo = self.starts[idx]
            hi = self.starts[idx + 1] - 1 if idx + 1 < len(self.starts) else len(self.text)
            while lo < hi and self.text[lo].isspace():
                lo += 1
            while hi > lo and self.text[hi - 1].isspace():
                hi -= 1
            span = self._spans[idx] = (lo, hi)
        return span

    def prev_para(self, idx: int, max_blank: int = 20) -> int | None:
        """Index of the nearest non-blank line before line `idx`, if one is close."""
        for j in range(idx - 1, max(-1, idx - 2 - max_blank), -1):
            lo, hi = self.para(j)
            if hi > lo:
                return j
        return None

    def lines_with(self, positions: Iterable[int]) -> list[int]:
        """Sorted indexes of the lines that contain any of `positions`."""
        return sorted({self.para_index(p) for p in positions})

    def _bounds(self, idx: int) -> list[int]:
        """Sentence boundaries of paragraph `idx`, computed once and cached."""
        if idx not in self._sent_bounds:
            s, e = self.para(idx)
            self._sent_bounds[idx] = [s, *sentence_ends(self.text, s, e)]
        return self._sent_bounds[idx]

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """Span of the sentence(s) covering text[start:end], within its paragraph.
        (Written out flat: every figure and quote asks for its sentence.)"""
        idx = bisect_right(self.starts, start) - 1
        if idx < 0:
            idx = 0
        bounds = self._sent_bounds.get(idx) or self._bounds(idx)
        p_end = self._spans[idx][1]  # read by _bounds
        i = bisect_right(bounds, start) - 1
        j = bisect_right(bounds, end - 1 if end - 1 > start else start)
        s = bounds[i if i > 0 else 0]
        e = bounds[j if j < len(bounds) else len(bounds) - 1]
        if min(end, p_end) > e:
            e = min(end, p_end)
        text = self.text
        while s < e and text[s].isspace():
            s += 1
        return (s, e if e > s else s)

    def sentence(self, start: int, end: int) -> str:
        """The sentence around a span, cut to MAX_SENTENCE characters around the span."""
        s, e = self.sentence_span(start, end)
        if e - s > MAX_SENTENCE:
            s = max(s, start - MAX_SENTENCE // 3)
            e = min(e, max(end, s + MAX_SENTENCE))
        return self.text[s:e].strip()
