"""Find the quotes in an article's text and who said them.

`find_quotes` is a pure function from text to `Quote` spans, built from three steps:
pair the quotation marks of each paragraph (`quote_marks`), drop spans that are not
quotes (`quote_filter`: single words, titles, slogans, names used as terms), then give
each quote its speaker (`speakers`, using the patterns of `attribution`). It uses only
`re`, and every step is linear in the text with bounded windows, so it is safe on any
input the user pastes or fetches.
"""

from __future__ import annotations

import re
from itertools import islice

from ingest.names import NameBook
from ingest.quote_filter import (
    MAX_CUED_WORDS,
    MAX_TERM_WORDS,
    cued_after,
    cued_label,
    modifier_term,
    norm,
    shape_ok,
    unsourced_label,
    unsourced_term,
    words_upto,
)
from ingest.quote_marks import ANY_MARK, quoted_spans
from ingest.sentences import Segmenter
from ingest.speakers import Cand, assign
from storage.models import Quote

# No article has this many quotes; the cap bounds the cost of one call on pasted junk.
MAX_QUOTES = 300
MAX_SPANS = 4_000
MAX_CHARS = 5_000  # longer "quotes" are stray marks, not a paragraph of speech
_SPACE = re.compile(r"\s")
_CHAIN = re.compile(r"^(?:\s|,|and\b|or\b|to\b|&)*$")


def find_quotes(text: str, seg: Segmenter | None = None) -> list[Quote]:
    """All quotes in `text`, sorted by start, with speaker and role where the text says.
    `seg` may be shared with the figure finder, so each paragraph is split once."""
    seg = seg or Segmenter(text)
    cands = _candidates(text, seg)
    if not cands:
        return []
    book = NameBook(text, sorted((c.span.open_mark, c.close_end) for c in cands))
    assign(text, seg, cands, book)
    cands = [c for c in cands if c.speaker is not None or not _term(text, c)]
    return [
        Quote(
            text=text[c.start : c.end],
            speaker=c.speaker,
            start=c.start,
            end=c.end,
            sentence=seg.sentence(c.span.open_mark, c.close_end),
            role=c.role,
        )
        for c in cands
    ]


def _term(text: str, c: Cand) -> bool:
    """True if an unattributed span is a term, title or label (`unsourced_term`,
    `unsourced_label`)."""
    before = text[max(0, c.span.open_mark - 120) : c.span.open_mark]
    body = text[c.start : c.end]
    close = c.span.close_mark
    after = text[close + 1 : close + 41] if close is not None else ""
    return unsourced_term(body, before) or unsourced_label(body, before, after)


def _candidates(text: str, seg: Segmenter) -> list[Cand]:
    """Quoted spans of every paragraph, trimmed of spaces, that look like real quotes.

    A span the context marks as a label also rejects the short spans chained to it
    (chanted "X," and "Y") and every other span with the same words (a slogan repeated
    in a headline)."""
    kept: list[Cand] = []
    rejected: set[str] = set()
    label_end = -1
    seen = 0
    for idx in _mark_lines(text, seg):
        lo, hi = seg.para(idx)
        for span in quoted_spans(text, lo, hi, MAX_SPANS):
            seen += 1
            s, e = _trim(text, span.start, span.end)
            if seen > MAX_SPANS or len(kept) >= MAX_QUOTES:
                return _without(text, kept, rejected)
            if e - s > MAX_CHARS or not _SPACE.search(text, s, e):
                continue  # one word at most, or a stray mark
            body, before = text[s:e], text[max(lo, span.open_mark - 80) : span.open_mark]
            close = span.close_mark
            after = text[close + 1 : close + 41] if close is not None else ""
            chained = label_end >= lo and _CHAIN.match(text[label_end : span.open_mark])
            short = chained and words_upto(body, MAX_CUED_WORDS) is not None
            lead = text[max(lo, span.open_mark - 200) : span.open_mark]
            if cued_label(body, before) or cued_after(body, after, lead) or short:
                rejected.add(norm(body))
                label_end = span.close_mark + 1 if span.close_mark is not None else e
            elif shape_ok(body, before, after) and not modifier_term(body, before, after):
                kept.append(Cand(span, s, e, idx))
    return _without(text, kept, rejected)


def _mark_lines(text: str, seg: Segmenter) -> list[int]:
    """Sorted indexes of the lines that hold any of the text's first 4 * MAX_SPANS quote
    marks. A text shorter than that holds fewer marks, so each line is searched only up
    to its first mark (apostrophes make most marks); longer ones count them one by one."""
    if len(text) > 4 * MAX_SPANS:
        marks = islice(ANY_MARK.finditer(text), 4 * MAX_SPANS)
        return seg.lines_with(m.start() for m in marks)
    lines: list[int] = []
    search, starts = ANY_MARK.search, seg.starts
    m = search(text)
    while m is not None:
        idx = seg.para_index(m.start())
        lines.append(idx)
        if idx + 1 == len(starts):
            break
        m = search(text, starts[idx + 1])
    return lines


def _without(text: str, kept: list[Cand], rejected: set[str]) -> list[Cand]:
    """The kept spans whose words were not also used as a label elsewhere, nor are short
    terms of the same family as a label: after "HP is called "feather duvet lung"", the
    spans "Humidifier lung" and "hot tub lung," name more kinds of the same thing."""
    if not rejected:
        return kept
    heads = {k.rsplit(" ", 1)[-1] for k in rejected if 2 <= k.count(" ") + 1 <= MAX_TERM_WORDS}
    return [c for c in kept if not _labelled(norm(text[c.start : c.end]), rejected, heads)]


def _labelled(key: str, rejected: set[str], heads: set[str]) -> bool:
    """True if a span's words are a rejected label, or a short term ending in a label's
    last word."""
    if key in rejected:
        return True
    n = key.count(" ") + 1
    return 2 <= n <= MAX_TERM_WORDS and key.rsplit(" ", 1)[-1] in heads


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Offsets of a span without its leading and trailing whitespace."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
