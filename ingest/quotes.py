"""Find the quotes in an article's text and who said them.

`find_quotes` is a pure function from text to `Quote` spans, built from three steps:
pair the quotation marks of each paragraph (`quote_marks`), drop spans that are not
quotes (single words, titles, names used as terms), then attribute each quote
(`attribution`), falling back, as an editor would, on the previous quote of the same
paragraph and on the quote paragraph just before. It uses only `re` and runs in time
linear in the text, so it is safe on any input the user pastes or fetches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.attribution import (
    ACCORDING,
    WHO_VERB,
    Attribution,
    after_quote,
    before_colon,
    classify,
    search_clause,
)
from ingest.names import NameBook
from ingest.quote_marks import Span, quoted_spans
from ingest.sentences import Segmenter, word_set
from storage.models import Quote

_WINDOW = 400
_SMALL = word_set("a an and the of in on at to for with by or vs from as de la le")
_WORD_RE = re.compile(r"[\w’'\-]+")


@dataclass(slots=True)
class _Cand:
    """A quoted span being analysed: its marks, paragraph and attribution so far."""

    span: Span
    start: int
    end: int
    para: int
    att: Attribution | None = None
    speaker: str | None = None
    role: str | None = None
    leads: bool = False  # nothing but attribution-free text before it in its sentence


def find_quotes(text: str) -> list[Quote]:
    """All quotes in `text`, sorted by start, with speaker and role where the text says."""
    seg = Segmenter(text)
    cands = _candidates(text, seg)
    if not cands:
        return []
    skip = sorted((c.span.open_mark, c.end + 1) for c in cands)
    book = NameBook(text, skip)
    _attribute(text, seg, cands, book)
    _propagate(text, seg, cands)
    return [
        Quote(
            text=text[c.start : c.end],
            speaker=c.speaker,
            start=c.start,
            end=c.end,
            sentence=seg.sentence(c.span.open_mark, c.end + 1),
            role=c.role,
        )
        for c in cands
    ]


def _candidates(text: str, seg: Segmenter) -> list[_Cand]:
    """Quoted spans of every paragraph, trimmed of spaces, that look like real quotes."""
    out: list[_Cand] = []
    for idx, (lo, hi) in enumerate(seg.paras):
        for span in quoted_spans(text, lo, hi):
            s, e = span.start, span.end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if is_quote(text[s:e]):
                out.append(_Cand(span, s, e, idx))
    return out


def is_quote(body: str) -> bool:
    """False for single words, and for short title-case spans (titles, names, labels)."""
    words = _WORD_RE.findall(body)
    if len(words) < 2:
        return False
    if len(words) <= 6 and not re.search(r"[.,!?;:…]\s*$", body):
        big = [w for w in words if w.lower() not in _SMALL]
        if big and all(w[0].isupper() or w[0].isdigit() for w in big):
            return False
    return True


def _attribute(text: str, seg: Segmenter, cands: list[_Cand], book: NameBook) -> None:
    """Give each quote its explicit attribution, resolving pronouns to the last speaker."""
    last: str | None = None
    prev_close = 0
    for i, c in enumerate(cands):
        open_at = c.span.open_mark
        last = _events(text[max(prev_close, open_at - 3 * _WINDOW) : open_at], book, last)
        nxt = cands[i + 1].span.open_mark if i + 1 < len(cands) else len(text)
        att, leads = _explicit(text, seg, c, prev_close, nxt, book)
        c.leads = leads
        if att is not None and att.kind == "pronoun":
            att = Attribution("named" if last else "unnamed", last)
        c.att = att
        if att is not None:
            c.speaker, c.role = att.speaker, att.role
            if att.speaker:
                last = att.speaker
        prev_close = (c.span.close_mark if c.span.close_mark is not None else c.end) + 1


def _explicit(
    text: str, seg: Segmenter, c: _Cand, prev_close: int, nxt: int, book: NameBook
) -> tuple[Attribution | None, bool]:
    """The attribution written around one quote, and whether the quote leads its sentence."""
    open_at, close = c.span.open_mark, c.span.close_mark
    s_start, s_end = seg.sentence_span(open_at, c.end + 1)
    p_start, p_end = seg.paras[c.para]
    b_from = max(s_start, prev_close, open_at - _WINDOW)
    before = text[b_from:open_at]
    leads = not before.strip(" \t—–-:([")
    context = text[max(p_start, s_start - _WINDOW) : min(s_end, open_at + _WINDOW)]
    after = ""
    if close is not None:
        a_end = min(nxt, max(s_end, close + 1), close + 1 + _WINDOW, p_end)
        after = text[close + 1 : a_end]
    att = after_quote(after, book, context, open_at) if after else None
    att = att or before_colon(before, book, context, open_at)
    att = att or search_clause(before, book, context, open_at)
    att = att or (search_clause(after, book, context, open_at) if after else None)
    if att is None and open_at == p_start and c.para > 0:
        att = _colon_paragraph(text, seg, c.para - 1, book, open_at)
    return att, leads


def _colon_paragraph(
    text: str, seg: Segmenter, para: int, book: NameBook, pos: int
) -> Attribution | None:
    """A paragraph ending "X said:" introduces the quote paragraph after it."""
    lo, hi = seg.paras[para]
    if not text[lo:hi].rstrip().endswith(":"):
        return None
    tail = text[max(lo, hi - _WINDOW) : hi]
    return before_colon(tail, book, tail, pos) or search_clause(tail, book, tail, pos)


def _events(gap: str, book: NameBook, last: str | None) -> str | None:
    """The last person or organisation shown speaking in prose between two quotes."""
    hits = [m for rx in (WHO_VERB, ACCORDING) for m in rx.finditer(gap)]
    for m in sorted(hits, key=lambda m: m.start()):
        att = classify(m.group("who"), None, gap, book, 0)
        if att.kind in {"named", "org"} and att.speaker:
            last = att.speaker
    return last


def _propagate(text: str, seg: Segmenter, cands: list[_Cand]) -> None:
    """Quotes with no attribution of their own take the speaker of the quote they continue."""
    for i, c in enumerate(cands):
        if c.att is not None or not c.leads:
            continue
        src = _source(seg, cands, i)
        if src is not None:
            c.speaker, c.role = src.speaker, src.role


def _source(seg: Segmenter, cands: list[_Cand], i: int) -> _Cand | None:
    """The quote whose speaker continues into quote `i`, if any."""
    c = cands[i]
    if i > 0 and cands[i - 1].para == c.para:
        return cands[i - 1]
    for later in cands[i + 1 :]:
        if later.para != c.para:
            break
        if later.att is not None:
            return later
    starts_para = c.span.open_mark == seg.paras[c.para][0]
    if starts_para and i > 0 and cands[i - 1].para == c.para - 1:
        return cands[i - 1]
    return None
