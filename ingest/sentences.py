"""Paragraph and sentence boundaries for the quote and figure extractors.

Both extractors report the sentence around each span, and attribution looks only inside a
sentence or paragraph, so they share these helpers. Boundaries are found with linear scans
and simple, non-nested regular expressions, so they cost O(n) on any input.
"""

from __future__ import annotations

import re
from bisect import bisect_right


def word_set(words: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of a string: keeps word lists terse."""
    return frozenset(words.split())


# A sentence ends at . ! ? or … (optionally followed by closing quotes or brackets) and
# whitespace, unless the word before the full stop is a known abbreviation or an initial.
_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_ABBREV = word_set(
    """mr mrs ms dr prof sen rep gov gen lt col capt sgt st jr sr inc corp co ltd no vs
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e etc mt ft
    rev hon pres supt det insp cmdr adm maj cpl pvt messrs mme mlle"""
)
MAX_SENTENCE = 600


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans of the non-blank lines of `text`: a newline always ends a paragraph."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            spans.append((pos + lead, pos + lead + len(stripped)))
        pos = end + 1
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the full stop at `dot` ends an abbreviation or initial, not a sentence."""
    if text[dot] != ".":
        return False
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
    """Finds the paragraph and sentence around any offset of one text, after one O(n) pass."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.paras = paragraphs(text)
        self._para_starts = [s for s, _ in self.paras]
        self._sent_bounds: dict[int, list[int]] = {}

    def para_index(self, pos: int) -> int:
        """Index of the paragraph containing `pos` (or the one before it, if between)."""
        return max(0, bisect_right(self._para_starts, pos) - 1)

    def para_span(self, pos: int) -> tuple[int, int]:
        """Span of the paragraph containing `pos`."""
        if not self.paras:
            return (0, len(self.text))
        return self.paras[self.para_index(pos)]

    def _bounds(self, idx: int) -> list[int]:
        """Sentence boundaries of paragraph `idx`, computed once and cached."""
        if idx not in self._sent_bounds:
            s, e = self.paras[idx]
            self._sent_bounds[idx] = [s, *sentence_ends(self.text, s, e)]
        return self._sent_bounds[idx]

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """Span of the sentence(s) covering text[start:end], within its paragraph."""
        if not self.paras:
            return (0, len(self.text))
        idx = self.para_index(start)
        bounds = self._bounds(idx)
        i = max(0, bisect_right(bounds, start) - 1)
        j = bisect_right(bounds, max(start, end - 1))
        s = bounds[i]
        e = bounds[min(j, len(bounds) - 1)]
        if e < end:
            e = min(end, self.paras[idx][1]) if end <= self.paras[idx][1] else end
        while s < e and self.text[s].isspace():
            s += 1
        return (s, max(s, e))

    def sentence(self, start: int, end: int) -> str:
        """The sentence around a span, cut to MAX_SENTENCE characters around the span."""
        s, e = self.sentence_span(start, end)
        if e - s > MAX_SENTENCE:
            s = max(s, start - MAX_SENTENCE // 3)
            e = min(e, max(end, s + MAX_SENTENCE))
        return self.text[s:e].strip()
