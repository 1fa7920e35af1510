"""The prose between two quotes: whom it talks about, for resolving a pronoun tag.

A reader resolves "he said" to the person the text was last talking about. This module
reads the stretch of text since the previous quote (bounded by the caller) for the
speakers of reported speech, the subject that opens it, the person who opens the quote's
paragraph or the paragraph before, and the subject of the sentence just before the quote.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

from ingest.attribution import (
    ACCORDING,
    LAST_SUBJECT,
    PARA_SUBJECT,
    SPEECH_IN,
    SUBJECT,
    classify,
    member_before,
    prepositional,
)
from ingest.name_patterns import NAME, UP
from ingest.names import TITLES, NameBook, clean_name
from ingest.sentences import sentence_ends
from ingest.tag_subjects import APPOSED_WHO, DESC, SAID_WHO, place_before, who_verb

LAST_WINDOW = 300  # how far back the sentence just before a quote is looked for
_MET_HINT = re.compile(r"spok|talk|interv")  # a literal pre-test, far cheaper than the scan
_MET_UNNAMED = re.compile(
    r"\b(?:(?:spoke|talked|speaking|talking)\s+(?:to|with)|interview(?:ed|s))\s+"
    r"(?:one|a|an|another)\s+[a-z]"
)
# A capitalised word, a title and a name: "Health minister Sarah Jones", "Labour leader
# Keir Starmer" (the first word only qualifies the title).
_TITLED_NAME = re.compile(rf"\s+([a-z][\w\-]*)\s+((?>{NAME}))")
_AND_BEFORE = re.compile(r"\b(?:and|or|&)\s+$")


class LastReferent:
    """Whom the text was last talking about, before each quote in turn: the last person
    or organisation the prose between two quotes talks about (speakers of reported speech
    and the named subjects of its sentences), or, if it names none, the one before, unless
    a quote's speaker was named since. A gap is read only when a pronoun tag asks (most
    quotes name their speaker, and reading a gap costs several scans), and then the gaps
    are read from the latest back, as only the latest one that names someone counts."""

    def __init__(self) -> None:
        self._known: str | None = None
        self._gaps: list[tuple[str, int, int, NameBook, int]] = []  # read since, in order

    def gap(self, text: str, lo: int, hi: int, book: NameBook, para_start: int) -> None:
        """The prose text[lo:hi] comes next, before a quote whose paragraph starts at
        `para_start`."""
        self._gaps.append((text, lo, hi, book, para_start))

    def named(self, who: str) -> None:
        """A quote's speaker was named: the text now talks about them."""
        self._known, self._gaps = who, []

    def get(self) -> str | None:
        """The referent before the next quote."""
        last = self._known
        for gap in reversed(self._gaps):
            found = _latest(*gap)
            if found is not _NO_ONE:
                last = found
                break
        self._known, self._gaps = last, []
        return last


_NO_ONE = ""  # `_latest` found no hit naming anyone (None is a hit: an unnamed person)


def _latest(text: str, lo: int, hi: int, book: NameBook, para_start: int) -> str | None:
    """The person or organisation of the latest hit in text[lo:hi] that names one, None
    for an unnamed person, or _NO_ONE. Only the latest hit that names someone counts, so
    the hits are read from the last one back, and each is checked (and its subject
    classified) only when reached: most gaps are settled by their last hit."""
    gap = text[lo:hi]
    for at, who in reversed(_hits(text, lo, hi, gap, book, para_start)):
        if callable(who):
            who = who()
            if who == "":
                continue  # a candidate that turned out to name no one
        if who is None:
            return None  # an unnamed person the paragraph talks to
        att = classify(who, None, gap, book, lo + at)
        if att.kind in {"named", "org"} and att.speaker:
            return att.speaker
    return _NO_ONE


Hit = tuple[int, str | Callable[[], str] | None]


_FULL_NAME = re.compile(NAME)


def _hits(text: str, lo: int, hi: int, gap: str, book: NameBook, para_start: int) -> list[Hit]:
    """Who the gap text[lo:hi] talks about, by offset in the gap, sorted (stably): a name,
    None for an unnamed person, or a function giving a name ("" for none) for the hits
    that cost a check."""
    speech = SPEECH_IN.search(gap)
    hits: list[Hit] = []
    if speech:
        hits.extend((m.start(), _subject_check(gap, m)) for m in who_verb(gap))
        if "," in gap:
            hits.extend(
                (m.start("who"), m.group("who"))
                for m in APPOSED_WHO.finditer(gap)
                if not place_before(gap, m.start())
            )
    if "according to" in gap:
        hits.extend((m.start("who"), m.group("who")) for m in ACCORDING.finditer(gap))
    # "said Mary E. Lovely, a ... economist.": in the quote's own paragraph a tag before
    # the name names a speaker too (read there only: the scan is not free).
    # When the quote opens its paragraph, the paragraph before may end with the tag:
    # "..., said Ahmad Ijaz, an economist at the University of Alabama." then ""…," he said."
    prev = _prev_para(text, lo, min(para_start, hi))
    if speech and (para_start < hi or prev is not None):
        opens = not text[para_start:hi].strip()
        start = prev if opens and prev is not None else para_start
        p_lo = max(start - lo, speech.start())
        hits.extend((m.start(), m.group("who")) for m in SAID_WHO.finditer(gap, p_lo))
    # Only the subject that opens the gap counts: subjects of later sentences there are
    # too often not the speaker ("Building a ...", a person described in passing), and
    # scanning every sentence start cost a regex per sentence.
    m = SUBJECT.match(gap) if gap[:1].isupper() else None
    if m:
        titled = _TITLED_NAME.match(gap, m.end("who"))
        opening = (m.group("opening") or "").strip().rstrip(",").strip()
        if titled and titled.group(1) in TITLES:  # "Health minister Sarah Jones defended"
            hits.append((titled.start(2), titled.group(2)))
        elif (
            " " in opening
            and _FULL_NAME.fullmatch(opening)
            and clean_name(opening) == opening
            and book.person(opening, lo)
        ):
            # "Nick Kaufman, a British-Israeli lawyer who …, said": the "opening phrase"
            # is the subject's own full name, and what follows its comma describes him
            hits.append((m.start(), opening))
        else:
            hits.append((m.start("who"), m.group("who")))
    if lo < para_start < hi:
        hits.append((para_start - lo, _para_check(text, para_start, book, PREV_SUBJECT)))
    # The person who opens the paragraph just before the quote's (one without quotes,
    # whole inside the gap): "Leif Dahleen, the blogger …, retired … He says …" then
    # ""…," he told Business Insider."
    if prev is not None:
        hits.append((prev - lo, _para_check(text, prev, book, PREV_SUBJECT)))
    last_start = _last_sentence(text, lo, hi)
    if last_start is not None:
        hits.append((last_start - lo, _para_check(text, last_start, book, LAST_SUBJECT)))
    # "WIRED spoke to one mother, who ...": in the quote's paragraph, an unnamed person
    # interviewed is whom a later "she said" means, so no named referent remains.
    p_from = max(0, para_start - lo)
    met = _MET_UNNAMED.search(gap, p_from) if _MET_HINT.search(gap, p_from) else None
    if met:
        hits.append((met.start(), None))
    hits.sort(key=itemgetter(0))
    return hits


def _subject_check(gap: str, m: re.Match[str]) -> Callable[[], str]:
    """The subject of a "X said" match, unless it is a preposition's object or the last
    of several joined subjects ("")."""

    def who() -> str:
        name = m.group("who")
        member = member_before(gap, m.start("who"))
        if member:
            return member  # "Chief James Hall with the New York Police Department said"
        if prepositional(gap, m.start("who"), name) or _joined(gap, m.start()):
            return ""
        return name

    return who


def _para_check(text: str, start: int, book: NameBook, rx: re.Pattern[str]) -> Callable[[], str]:
    """The person who opens the sentence at `start` (`para_subject`), or ""."""
    return lambda: para_subject(text, start, book, rx) or ""


# That paragraph's subject may follow an opening phrase or a role ("Opposition leader Tom
# Baker disagreed.") and carry a party-state tag:
# "At a hearing last month, Rep. Robert Aderholt (R-AL), ranking member …, pushed for".
# A clause with its own verb is no opening phrase: "Moustafa Ayad is the director for
# Africa, Middle East and Asia at …" opens with its subject.
PREV_SUBJECT = re.compile(
    r"(?:(?![^,\"“”\n]*\s(?:is|was|are|were|has|had|have|said|says)\s)"
    rf"[A-Z][^,\"“”\n]{{1,100}},\s+)?(?:(?:[{UP}][\w\-]*\s+)?{DESC})?"
    rf"(?P<who>{NAME})(?<![’']s)(?:\s+\([A-Z]-[A-Z]{{2}}\))?"
    r"(?:,[^,\"“”\n]{1,220},)?\s+[a-z]"
)


# A link to another story set between paragraphs ("READ MORE: Man arrested after fatal
# Perth house fire"): the prose goes on around it.
_LINK_LINE = re.compile(r"(?:READ MORE|Read [Mm]ore|RELATED|Related|MORE|SEE ALSO|WATCH)\s*:")


def _prev_para(text: str, lo: int, para_start: int) -> int | None:
    """Start of the paragraph before the one at `para_start`, if it lies whole in
    text[lo:para_start], passing over one link to another story."""
    for _ in range(2):
        end = para_start
        while end > lo and text[end - 1].isspace():
            end -= 1
        if end <= lo:
            return None
        start = text.rfind("\n", lo, end) + 1
        if start <= lo:
            return None
        if not _LINK_LINE.match(text, start):
            return start
        para_start = start
    return None


def _joined(gap: str, at: int) -> bool:
    """True when the subject at `at` is the last of several ("NBC News and Bloomberg have
    reported"): a plural subject is no referent for a later "he" or "she"."""
    return bool(_AND_BEFORE.search(gap, max(0, at - 5), at))


def _last_sentence(text: str, lo: int, hi: int) -> int | None:
    """Start of the last whole sentence in text[lo:hi] (not the first one, which the
    caller reads already), skipping the blank lines before a quote paragraph."""
    ends = sentence_ends(text, max(lo, hi - LAST_WINDOW), hi)
    for k in (-2, -3):
        if len(ends) < -k:
            return None
        at = ends[k]
        while at < hi and text[at].isspace():
            at += 1
        if at < hi:
            return at
    return None


def para_subject(
    text: str, start: int, book: NameBook, rx: re.Pattern[str] = PARA_SUBJECT
) -> str | None:
    """A person named at the very start of the quote's paragraph, as the subject of its
    first sentence ("Buser, however, is counting on ... "This is ...," he says"): the
    referent of a pronoun tag there, even when the last speaker was someone else. Only a
    person counts: "Border agents say" or "WIRED spoke to" open with a capital too."""
    m = rx.match(text, start, start + 400) if text[start].isupper() else None
    name = book.resolve(clean_name(m.group("who")) or "", start) if m else ""
    if " " not in name and not book.is_titled(name):
        return None  # a full name, a surname the text gave in full, or "Prince Andrew"
    att = classify(m.group("who"), None, "", book, start)
    return att.speaker if att.kind == "named" else None
