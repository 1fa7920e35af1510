"""Assigning a speaker to every quote of an article, in reading order.

`attribution` matches the constructions around one quote; this module decides which
match wins and fills the gaps as a reader would: a pronoun means the person the text was
last talking about, a quote with no attribution continues the quote before it in the
same paragraph, and a quote paragraph with no attribution continues the quote paragraph
just before it. Whom the prose between quotes talks about is read by `gap`, and a pronoun
that cannot mean that person (other gender, named in the quote) is resolved by
`referents`. All windows are bounded, so the cost stays linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ingest.attribution import (
    CLOSING_TAG,
    GERUND_TAIL,
    NAME_GERUND,
    SPEECH_IN,
    SUBJECT,
    THE_ANY,
    Attribution,
    after_quote,
    before_colon,
    classify,
    late_tag,
    search_clause,
)
from ingest.gap import PREV_SUBJECT, LastReferent, para_subject
from ingest.name_patterns import NAME, NAME_RE
from ingest.names import TITLES, NameBook, clean_name, is_peoples_adjective, with_of_tail
from ingest.quote_marks import Span
from ingest.referents import Genders, referent
from ingest.sentences import Segmenter, word_set
from ingest.signatures import signed
from ingest.tag_subjects import APPOSED_WHO, OFFICE_REF, WHO_VERB, place_before
from ingest.word_owners import (
    claim_noun,
    crowd_speech,
    directive_giver,
    issued_by,
    poll_wording,
)

WINDOW = 400
# A question or exclamation ends its sentence at the closing mark, yet the speech tag
# after it belongs to it ("...?" Schiff asked.): read the next sentence, at least this far
# past such a mark (the tag may carry a long role: "?" He Jianxiong, the former ..., said).
TAG_WINDOW = 60
MAX_RUN_ON = 6  # lines between an open quote paragraph and the one continuing it
_WORD = re.compile(r"\w+")
# "A VOA reporter Nisan Ahmado's source ... said": the name only modifies the subject,
# whose head (a source, a lawyer) is unnamed.
_POSSESSED = re.compile(r"\s+(?:[a-z]+\s+){1,2}(?:[A-Z][\w\-]*\s+){0,3}[A-Z][\w\-]*['’]s\s+[a-z]")
# "Kejriwal turned to Twitter to describe his city as a "...", "allowed Mosseri to claim
# that ...": the subject of an infinitive of speech speaks.
_TO_SAY = re.compile(
    r"\bto\s+(?:say|describe|claim|call|declare|insist|argue|warn|announce|tell)\b"
)
_PREP_END = re.compile(r"\b(?:on|in|at|of|for|from|to|with|by|about)\s+$")
_VERB_AT_END = re.compile(r"\b(?:said|says|say|told|tells|added|adds|wrote|writes|stated)\W*$")


@dataclass(slots=True)
class Cand:
    """A quoted span being analysed: its marks, paragraph and attribution so far."""

    span: Span
    start: int
    end: int
    para: int
    att: Attribution | None = None
    speaker: str | None = None
    role: str | None = None
    leads: bool = False  # nothing but attribution-free text before it in its sentence
    sent: int = -1  # start of its sentence

    @property
    def close_end(self) -> int:
        """Offset just past the closing mark (or the span, if it was never closed)."""
        return (self.span.close_mark if self.span.close_mark is not None else self.end) + 1


def assign(text: str, seg: Segmenter, cands: list[Cand], book: NameBook) -> None:
    """Set `speaker` and `role` on every candidate."""
    _attribute(text, seg, cands, book)
    _propagate(text, seg, cands, book)
    _headline_lines(text, seg, cands)


def _attribute(text: str, seg: Segmenter, cands: list[Cand], book: NameBook) -> None:
    """Give each quote its explicit attribution, resolving pronouns to the last subject."""
    last = LastReferent()
    last_org: str | None = None
    last_doc: str | None = None
    genders: Genders | None = None
    said: list[str] = []
    unnamed_before = False  # the last quote's tag named no one ("said one legal expert")
    prev_close = 0
    for i, c in enumerate(cands):
        open_at = c.span.open_mark
        gap_from = max(prev_close, open_at - 2 * WINDOW)
        last.gap(text, gap_from, open_at, book, seg.para(c.para)[0])
        nxt = cands[i + 1].span.open_mark if i + 1 < len(cands) else len(text)
        att, c.leads = _explicit(text, seg, c, prev_close, nxt, book)
        if att is not None and att.kind == "pronoun" and att.gender is None and unnamed_before:
            att = Attribution("unnamed", None)  # "said one legal expert" … "the expert warned"
        if att is not None and att.kind in {"pronoun", "subject"}:
            who = prev = last.get()
            if att.gender in {"m", "f"}:
                genders = genders or Genders(text, book)
                quote = _para_quotes(text, cands, i)
                span = (gap_from, seg.para(c.para)[0], open_at)
                subj = att.kind == "subject"
                who = referent(genders, att.gender, prev, said, span, quote, subj)
                if who:
                    genders.tagged(who, att.gender)
            if att.gender == "p" and who:
                # "they said in a statement": a body speaking, which a later "it says"
                # or "the statement said" means
                last_org = who
            if not who and att.gender is None and att.kind == "pronoun" and said:
                who = said[-1]  # "the expert explains", the expert unnamed since: the last quoted
            att = Attribution("named", who) if who else None
        if att is not None and att.kind == "it":  # "..., it added": never a person
            att = Attribution("org", last_org) if last_org else Attribution("unnamed", None)
        if att is not None and att.kind == "document":
            # "the statement said": whose statement; if the text did not say, the owner
            # of the statement quoted last, then the organisation quoted last.
            owner = att.speaker or last_doc or last_org
            last_doc = owner or last_doc
            att = Attribution("org", owner) if owner else Attribution("unnamed", None)
        c.att = att
        unnamed_before = att is not None and att.kind == "unnamed"
        if att is not None:
            c.speaker, c.role = att.speaker, att.role
            if att.speaker:
                last.named(att.speaker)
            if att.kind == "named" and att.speaker:
                said.append(att.speaker)
            last_org = att.speaker if att.kind == "org" and att.speaker else last_org
        prev_close = c.close_end


def _para_quotes(text: str, cands: list[Cand], i: int) -> str:
    """The words of every quote in quote `i`'s paragraph: a speaker does not name
    themselves in the third person anywhere in their quoted paragraph."""
    lo = hi = i
    while lo > 0 and cands[lo - 1].para == cands[i].para:
        lo -= 1
    while hi + 1 < len(cands) and cands[hi + 1].para == cands[i].para:
        hi += 1
    return " ".join(text[o.start : o.end] for o in cands[lo : hi + 1])


def _explicit(
    text: str, seg: Segmenter, c: Cand, prev_close: int, nxt: int, book: NameBook
) -> tuple[Attribution | None, bool]:
    """The attribution written around one quote, and whether the quote leads its sentence."""
    open_at, close = c.span.open_mark, c.span.close_mark
    s_start, s_end = seg.sentence_span(open_at, c.end + 1)
    p_start, p_end = seg.para(c.para)
    b_start = max(s_start, prev_close, open_at - WINDOW)
    before = _party_tags_blank(text[b_start:open_at])
    leads = not before.strip(" \t—–-:([")
    context = text[max(p_start, s_start - WINDOW) : min(s_end, open_at + WINDOW)]
    after = ""
    if close is not None:
        a_end = min(nxt, max(s_end, close + 1), close + 1 + WINDOW, p_end)
        after = text[close + 1 : a_end]
        # a quote ending in "?", "!" or "…" ends its sentence, and its tag comes after
        if not after.strip() and text[c.span.end - 1 : c.span.end] in {"?", "!", "…"}:
            tag_end = max(close + 1 + TAG_WINDOW, seg.sentence_span(close + 1, close + 2)[1])
            after = text[close + 1 : min(nxt, p_end, tag_end, close + 1 + WINDOW)]
    sent_before = _party_tags_blank(text[max(s_start, open_at - WINDOW) : open_at])
    para_before = _party_tags_blank(text[max(p_start, open_at - WINDOW) : open_at])
    c.sent = s_start
    steps = [
        lambda: signed(text, open_at, close),
        lambda: (
            search_clause(before, book, context, open_at) if _VERB_AT_END.search(before) else None
        ),
        lambda: _gerund(before[-160:], book, context, open_at),
        lambda: _phrase_owner(before, book, context, open_at),
        lambda: issued_by(before, book, context, open_at),
        lambda: after_quote(after, book, context, open_at, named_only=True),
        lambda: before_colon(before, book, context, open_at, opens=b_start == s_start),
        lambda: search_clause(before, book, context, open_at),
        lambda: search_clause(after, book, context, open_at),
        lambda: late_tag(after, book, context, open_at),
        lambda: _subject(sent_before, book, context, open_at),
        lambda: _viewpoint(sent_before, book, context, open_at),
        lambda: claim_noun(before, book, context, open_at),
        lambda: directive_giver(before, book, context, open_at),
        lambda: _poll(text, seg, s_start, sent_before),
        lambda: after_quote(after, book, context, open_at, named_only=False),
        lambda: search_clause(para_before, book, context, open_at) if leads else None,
    ]
    crowd = crowd_speech(before)
    if crowd is not None:
        return crowd, leads
    prev = seg.prev_para(c.para)
    if open_at == p_start and prev is not None:
        steps.append(lambda: _colon_paragraph(text, seg, prev, book, open_at))
    return _first_named(steps), leads


# A US lawmaker's party and state after the name: "State Sen. Michael Doherty (R-Warren)
# said", "Sen. Dawn Addiego (R-Burlington), for example, said".
_PARTY_TAG = re.compile(
    r"[ \u00a0]\((?:[RDI]|Rep|Dem|Ind)\.?[-–][A-Z][\w.]*(?:[ \u00a0][A-Z][\w.]*)?\)"
)


def _party_tags_blank(window: str) -> str:
    """`window` with each party tag turned into spaces, so that the name meets its verb
    and every offset stays where it was."""
    if "(" not in window:
        return window
    return _PARTY_TAG.sub(lambda m: " " * len(m.group()), window)


def _first_named(steps: list) -> Attribution | None:
    """The first attribution that names someone; else the first that found a construction."""
    fallback: Attribution | None = None
    for step in steps:
        att = step()
        if att is None:
            continue
        if att.kind not in {"unnamed", "it"}:
            return att
        # "it" names no one until resolved: a later step may name the subject outright
        if fallback is None or (fallback.kind == "unnamed" and att.kind == "it"):
            fallback = att
    return fallback


# "The Indian army in a statement said": the office speaks; "The Russian foreign
# ministry's spokeswoman, Maria Zakharova, said" is hers.
_OFFICE_SUBJECT = re.compile(rf"\s*{OFFICE_REF}(?![’']s)")


def _subject(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """For a partial quote in a sentence that reports speech ("Boudreau gave a talk,
    telling them to "..."), the person the sentence is about."""
    if not (SPEECH_IN.search(before) or _TO_SAY.search(before)):
        return None
    office = _OFFICE_SUBJECT.match(before)
    if office:  # "The Indian army in a statement said …": the office speaks
        return Attribution("org", THE_ANY.sub("", office.group(0).lstrip()))
    m = SUBJECT.match(before)
    if not m or _POSSESSED.match(before, m.end("who")):
        return None
    if _PREP_END.search(before, max(0, m.start("who") - 8), m.start("who")):
        return None  # "one user on Weibo, which …, posted": a preposition's object
    who = with_of_tail(m.group("who"), before, m.end("who"))
    att = classify(who, None, context, book, pos)
    if att.kind == "pronoun":
        return att  # "She didn't give a date, but said SpaceX would fly it "a lot""
    if who != m.group("who") and att.speaker:
        return Attribution("org", att.speaker)  # "The Royal College of GPs highlighted"
    if att.kind != "named" or not att.speaker or not book.is_person_like(att.speaker, pos):
        return None
    return att


# "For Stylist Shauna Flavin, shape wear shouldn't be about ‘hiding our bodies’": the
# sentence gives her view, in her words.
_VIEWPOINT = re.compile(rf"\s*For\s+(?:[A-Za-z]+\s+){{0,2}}?(?P<who>(?>{NAME})),\s")


def _viewpoint(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The person whose view a sentence opening "For X," gives, for a partial quote in it."""
    m = _VIEWPOINT.match(before)
    if not m:
        return None
    att = classify(m.group("who"), None, context, book, pos)
    if att.kind != "named" or not att.speaker or not book.is_person_like(att.speaker, pos):
        return None
    return att


def _poll(text: str, seg: Segmenter, s_start: int, sent_before: str) -> Attribution | None:
    """A poll's wording: its maker speaks (see `poll_wording`)."""
    prev = ""
    if s_start > 0 and ("percent" in sent_before or "%" in sent_before):
        lo, hi = seg.sentence_span(s_start - 2, s_start - 1)
        prev = text[lo:hi]
    return poll_wording(sent_before.lstrip(), prev)


def _gerund(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """A named person or organisation whose gerund ("X warning of") runs into the quote."""
    m = NAME_GERUND.search(before) if GERUND_TAIL.search(before, max(0, len(before) - 30)) else None
    if not m:
        return None
    att = classify(m.group("who"), None, context, book, pos)
    return att if att.kind in {"named", "org"} and att.speaker else None


# Words the text borrows from someone: (in economist Tyler Cowen's phrase) "markets in
# everything", to borrow Lincoln's words, "...".
_PHRASE_OWNER = re.compile(
    rf"\b(?:[Ii]n|[Tt]o borrow|[Aa]s|[Bb]orrowing)\s+(?:[a-z][\w\-]*\s+){{0,3}}"
    rf"(?P<who>{NAME})['’]s?\s+"
    r"(?:phrase|words|term|coinage|expression|formulation|memorable\s+phrase)\)?\s*[,:]?\s*$"
)


# A message that reads, whose sender is named: The tweet from Vulture magazine reads, "...".
_MESSAGE_FROM = re.compile(
    r"\b(?:tweet|post|statement|letter|message|e-?mail|note|memo|notice|text)\s+(?:from|by)\s+"
    rf"(?:the\s+)?(?P<who>{NAME})(?:\s+(?:magazine|newspaper|account|agency))?\s+"
    r"(?:reads?|read|said|says|stated|states)\s*[,:]?\s*$"
)


def _phrase_owner(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The person whose phrase the text borrows, or whose message it reads out, named
    just before it."""
    m = _PHRASE_OWNER.search(before[-160:]) or _MESSAGE_FROM.search(before[-160:])
    if not m:
        return None
    att = classify(m.group("who"), None, context, book, pos)
    return att if att.kind in {"named", "org"} and att.speaker else None


def _colon_paragraph(
    text: str, seg: Segmenter, para: int, book: NameBook, pos: int
) -> Attribution | None:
    """A paragraph ending "X said:" introduces the quote paragraph after it."""
    lo, hi = seg.para(para)
    if not text[lo:hi].rstrip().endswith(":"):
        return None
    tail = text[max(lo, hi - WINDOW) : hi]
    return before_colon(tail, book, tail, pos) or search_clause(tail, book, tail, pos)


def _propagate(text: str, seg: Segmenter, cands: list[Cand], book: NameBook) -> None:
    """Quotes with no attribution of their own take the speaker of the quote they continue;
    a quote still without one that repeats words quoted elsewhere (a subheading such as
    "We write with urgency") takes the speaker of those words. A quoted subheading never
    continues the quote above it: it takes the speaker of the section below it, or the
    owner named after its colon (`_heading`)."""
    headings = [i for i, c in enumerate(cands) if c.att is None and _heading(text, seg, c)]
    is_heading = set(headings)
    for i, c in enumerate(cands):
        if c.att is not None or i in is_heading:
            continue
        src = _source(seg, cands, i) if c.leads else _same_sentence(cands, i)
        if src is None and not c.leads:
            src = _earlier_in_paragraph(text, cands, i)
        if src is not None:
            c.speaker, c.role = src.speaker, src.role
        elif not c.leads:
            c.speaker = _paragraph_tag(text, seg, cands, i, book) or _colon_continues(
                text, seg, cands, i
            )
        elif c.leads and c.span.open_mark == seg.para(c.para)[0]:
            c.speaker = (
                _reporter(text, seg, cands, i, book)
                or _closing_reporter(text, seg, cands, i, book)
                or _sole_person(seg, cands, i, book)
                or _runs_after_subject(text, seg, cands, i, book)
            )
        elif c.leads and (i == 0 or cands[i - 1].para != c.para):
            # "Aderholt returned to the issue later in the hearing. "What …?"": the
            # person the paragraph opens with goes on to speak
            c.speaker = para_subject(text, seg.para(c.para)[0], book, PREV_SUBJECT)
    # A quote run over paragraphs whose tag comes at its end ("“English ivy is easy to
    # grow …¶“This plant …,” explains Radek Babicek"): its open paragraphs are his too.
    for i in range(len(cands) - 2, -1, -1):
        c, nxt = cands[i], cands[i + 1]
        if c.speaker is None and c.att is None and nxt.speaker and _runs_on(c, nxt):
            c.speaker, c.role = nxt.speaker, nxt.role
    spoken: list[tuple[str, Cand]] | None = None  # read on first need (most never need it)
    for c in cands:
        if c.speaker is None and (c.att is None or c.att.kind == "unnamed"):
            key = _folded(text, c)
            if len(key) < 12:
                continue
            if spoken is None:
                spoken = [(_folded(text, o), o) for o in cands if o.speaker]
            src = next((o for k, o in spoken if o is not c and key in k), None)
            if src is not None:
                c.speaker, c.role = src.speaker, src.role
    for i in headings:
        if cands[i].speaker is None:
            src = _section_speaker(text, seg, cands, i, headings)
            if src is not None:
                cands[i].speaker, cands[i].role = src.speaker, src.role
            else:
                cands[i].speaker = _heading_owner(text, seg, cands[i], book)


def _headline_lines(text: str, seg: Segmenter, cands: list[Cand]) -> None:
    """A quote inside a subheading line ("Plymouth MP warns protesters they will face
    'full force of the law'") is the words of whoever the section below quotes saying
    them, when the line itself names no one: a role ("Plymouth MP"), a people
    ("Indian") or nothing. A line that names a person keeps them."""
    lines = [i for i, c in enumerate(cands) if _headline_line(text, seg, c)]
    for i in lines:
        c = cands[i]
        line = text[slice(*seg.para(c.para))]
        if c.speaker and _names_someone(c.speaker, line):
            continue
        src = _section_speaker(text, seg, cands, i, lines, whole=True)
        if src is not None and _names_person(src.speaker or ""):
            c.speaker, c.role = src.speaker, src.role


def _headline_line(text: str, seg: Segmenter, c: Cand) -> bool:
    """True when `c` sits inside a short paragraph, after words of its own, that ends in
    no sentence: a subheading, not a sentence of the story."""
    p_start, p_end = seg.para(c.para)
    if c.span.open_mark == p_start or p_end - p_start > MAX_HEADING:
        return False
    line = text[p_start:p_end].rstrip()
    tail = line.rstrip("\"'’”")
    return bool(tail) and tail[-1] not in _LINE_END and seg.para(c.para) != seg.para(0)


_LINE_END = frozenset(".!?:;,…")


def _names_person(name: str) -> bool:
    """True for a name of two words or more with no title among them ("Luke Pollard",
    not "Plymouth MP")."""
    words = name.split()
    return len(words) >= 2 and not any(_is_title(w) for w in words)


def _names_someone(name: str, line: str) -> bool:
    """True when a subheading line names the speaker it was given: a name, even a surname
    alone ("Biden says Putin 'must be held accountable'"), not a role or a people."""
    words = name.split()
    return (
        words[-1] in line
        and not any(_is_title(w) for w in words)
        and not (len(words) == 1 and is_peoples_adjective(words[0]))
    )


def _is_title(word: str) -> bool:
    """A title word, or a member of a parliament's letters ("MP", "MEP", "MSP", "MLA")."""
    low = word.lower().strip(".")
    return low in TITLES or low in _MEMBER_TITLES


_MEMBER_TITLES = frozenset({"mp", "mps", "mep", "msp", "mla"})


# A subheading that quotes someone: the quote is its whole paragraph, perhaps followed by
# whose words they are ("‘Ends recession debate’: CPA Canada"), and ends in no sentence.
_HEADING_TAIL = re.compile(r"[ \t]*(?::[ \t]*(?P<owner>[^\n.!?\"“”‘’]{1,60}))?[ \t]*$")
MAX_HEADING = 160  # characters
SECTION = 1500  # characters after a subheading in which its section's speaker is looked for
_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}")
_FUNCTION_WORDS = word_set(
    """from with that this than them they their there have been will would could should
    what when where which while into onto over just also very more most some such"""
)


def _heading(text: str, seg: Segmenter, c: Cand) -> bool:
    """True when quote `c` is a subheading: the words of whoever the section below it
    quotes, not of the speaker above it."""
    p_start, p_end = seg.para(c.para)
    if c.span.open_mark != p_start or c.span.close_mark is None or p_end - p_start > MAX_HEADING:
        return False
    if text[c.end - 1 : c.end] in _SENTENCE_END or text[c.end - 1 : c.end] in ",—–-":
        return False  # a sentence, or speech cut off ("And then we just stopped —")
    return bool(_HEADING_TAIL.match(text, c.span.close_mark + 1, p_end))


def _heading_owner(text: str, seg: Segmenter, c: Cand, book: NameBook) -> str | None:
    """Whose words a subheading says they are, after its colon ("…": Smith), when the
    section below quotes no one who says them."""
    m = _HEADING_TAIL.match(text, c.span.close_mark + 1, seg.para(c.para)[1])
    if not m or not m.group("owner"):
        return None
    att = classify(m.group("owner"), None, "", book, m.start("owner"))
    return att.speaker if att.kind in {"named", "org"} else None


def _section_speaker(
    text: str, seg: Segmenter, cands: list[Cand], i: int, headings: list[int], whole: bool = False
) -> Cand | None:
    """The first quote with a speaker in the section under subheading `i`, when the
    section says what the subheading quotes ("‘Ends recession debate’" over "… ends the
    recession debate, said …"): a subheading over a claim that the section disputes
    names no one in it."""
    start = seg.para(cands[i].para)[1]
    end = min(len(text), start + SECTION)
    nxt = next((cands[j].span.open_mark for j in headings if j > i), end)
    section = text[start : min(end, nxt)].lower()
    quoted = text[cands[i].start : cands[i].end].lower()
    words = set(_CONTENT_WORD.findall(quoted)) - _FUNCTION_WORDS
    if not (whole and quoted.strip() in section) and (
        not words or 2 * sum(w in section for w in words) <= len(words)
    ):
        return None
    later = (o for o in cands[i + 1 :] if o.span.open_mark < min(end, nxt))
    return next((o for o in later if o.speaker), None)


def _paragraph_tag(
    text: str, seg: Segmenter, cands: list[Cand], i: int, book: NameBook
) -> str | None:
    """A partial quote with no tag, in a sentence next to one that closes by reporting
    someone's speech without quotes ("..., Howitt says. Just because ..., "that doesn't
    mean ..."", or "privacy, which Apple views as "a ...". Another is ..., Cook said."),
    is that person's: the paragraph relays what they said."""
    c = cands[i]
    p_start, p_end = seg.para(c.para)
    s_start, s_end = seg.sentence_span(c.span.open_mark, c.close_end)
    near = []
    if s_start - 2 > p_start:
        near.append(seg.sentence_span(s_start - 2, s_start - 1))
    if s_end + 1 < p_end:
        near.append(seg.sentence_span(s_end + 1, s_end + 2))
    for lo, hi in near:
        m = CLOSING_TAG.search(text, lo, hi)
        if m and not any(lo <= o.span.open_mark < hi for o in cands[max(0, i - 2) : i + 3]):
            att = classify(m.group("who"), None, text[p_start:p_end], book, m.start("who"))
            if att.kind == "named" and att.speaker:
                return att.speaker
    return None


def _colon_continues(text: str, seg: Segmenter, cands: list[Cand], i: int) -> str | None:
    """A quote introduced by a colon after words that name no one ("That process led to
    a realization: "...""), just after a quote in its paragraph or the one before, goes
    on with that quote's speaker."""
    c, prev = cands[i], cands[i - 1] if i > 0 else None
    if prev is None or not prev.speaker or prev.para not in {c.para, seg.prev_para(c.para)}:
        return None
    head = text[max(c.sent, prev.close_end) : c.span.open_mark]
    if not head.rstrip().endswith(":") or SPEECH_IN.search(head):
        return None
    if any(clean_name(m.group(0)) for m in NAME_RE.finditer(head)):
        return None  # "Buckley had a similar experience:" names someone, if only by surname
    if _DATED_HEAD.search(head):
        return None  # "Sept. 8, 1963: “…” Plaque displayed 1965.": a timeline's entry
    return prev.speaker


_DATED_HEAD = re.compile(r"\b(?:1[5-9]|20)\d\d\s*:\s*$")


def _reporter(text: str, seg: Segmenter, cands: list[Cand], i: int, book: NameBook) -> str | None:
    """A quote paragraph with no tag, after a paragraph without quotes whose last or
    first sentence opens by reporting someone's speech ("Erekat said it was only the
    latest move ...", "… a massage. Lacerda added during the massage Epstein exposed
    himself.", "Another villager, Lipolelo Potobere, said …"), goes on with that
    person's words; a pronoun's report ("She added that …") goes on with the quote just
    before. Someone else named after the reporter, or a last sentence reporting someone
    else ("But the municipality says …"), leaves the quote to no one."""
    prev = seg.prev_para(cands[i].para)
    if prev is None or (i > 0 and cands[i - 1].para == prev):
        return None
    lo, hi = seg.para(prev)
    last = seg.sentence_span(max(lo, hi - 2), hi)[0]
    for at in (last, lo) if last > lo else (lo,):
        m = WHO_VERB.match(text, at, min(hi, at + WINDOW))
        if m and m.start("who") == at:
            att = classify(m.group("who"), None, text[lo:hi], book, at)
            if att.kind == "named" and att.speaker:
                after = seg.sentence_span(at, at + 1)[1]  # later sentences, not its own
                return None if _other_named(book, after, hi, att.speaker) else att.speaker
            if att.kind == "pronoun" and att.gender in {"m", "f"}:
                before = cands[i - 1] if i > 0 else None
                if (
                    before is not None
                    and before.speaker
                    and before.para >= _para_back(seg, prev, 2)
                    and not _other_named(book, before.close_end, at, before.speaker)
                ):
                    return before.speaker
            return None  # the paragraph ends reporting someone the text does not name
        if at == last and at > lo and SPEECH_IN.search(text, at, hi):
            return None  # "… But the municipality says the pipes are being laid."
        if (
            at == lo
            and (m := _APPOSED_OPEN.match(text, lo, min(hi, lo + WINDOW)))
            and not place_before(text, m.end())
        ):
            att = classify(m.group("who"), None, text[lo:hi], book, lo)
            if att.kind == "named" and att.speaker:
                after = seg.sentence_span(lo, lo + 1)[1]
                return None if _other_named(book, after, hi, att.speaker) else att.speaker
    return None


def _other_named(book: NameBook, lo: int, hi: int, speaker: str) -> bool:
    """True when text[lo:hi] names a person other than `speaker` ("The team's captain,
    Sarah Lee, scored twice. She added …"): the story has moved on to them."""
    surname = speaker.split()[-1]
    k = bisect_left(book.mentions, (lo,))
    while k < len(book.mentions) and book.mentions[k][0] < hi:
        pos, raw = book.mentions[k]
        k += 1
        who = book.person(raw, pos)
        if who and who.split()[-1] != surname:
            return True
    return False


# A paragraph that opens with a role, then the name in apposition, then its verb.
_APPOSED_OPEN = re.compile(rf"[A-Z][^,\"“”\n]{{0,60}}(?={APPOSED_WHO.pattern})")


def _para_back(seg: Segmenter, para: int, n: int) -> int:
    """The paragraph `n` before `para` (or the first)."""
    for _ in range(n):
        back = seg.prev_para(para)
        if back is None:
            break
        para = back
    return para


def _closing_reporter(
    text: str, seg: Segmenter, cands: list[Cand], i: int, book: NameBook
) -> str | None:
    """A quote paragraph with no tag, after a paragraph without quotes that closes by
    reporting someone ("… missing from many textbooks, Kapral said."), goes on with them."""
    prev = seg.prev_para(cands[i].para)
    if prev is None or (i > 0 and cands[i - 1].para == prev):
        return None
    lo, hi = seg.para(prev)
    m = CLOSING_TAG.search(text, max(lo, hi - 120), hi)
    if not m:
        return None
    att = classify(m.group("who"), None, text[lo:hi], book, m.start("who"))
    return att.speaker if att.kind == "named" else None


def _runs_after_subject(
    text: str, seg: Segmenter, cands: list[Cand], i: int, book: NameBook
) -> str | None:
    """A quote run over paragraphs with no tag at all, right after a paragraph without
    quotes whose subject is a person ("Draper meanwhile wrapped up his win …" then four
    paragraphs of his words), is that person's."""
    c = cands[i]
    if c.span.closed or i + 1 >= len(cands) or not _runs_on(c, cands[i + 1]):
        return None
    prev = seg.prev_para(c.para)
    if prev is None or (i > 0 and cands[i - 1].para == prev):
        return None
    return para_subject(text, seg.para(prev)[0], book, PREV_SUBJECT)


def _sole_person(seg: Segmenter, cands: list[Cand], i: int, book: NameBook) -> str | None:
    """A quote paragraph with no tag, after a paragraph without quotes whose only person
    is someone quoted before ("But for Parata and his family the slow, painful deaths
    ... are personal." then ""It's very emotional. ..."") goes on with that person."""
    prev = seg.prev_para(cands[i].para)
    if prev is None or (i > 0 and cands[i - 1].para == prev):
        return None
    c = cands[i]
    if seg.text[c.end - 1 : c.end] not in _SENTENCE_END:
        return None  # a subheading ("We write with urgency"): see the repeated words
    quoted = {o.speaker for o in cands[:i] if o.speaker and o.att and o.att.kind == "named"}
    if not quoted:
        return None
    lo, hi = seg.para(prev)
    mentions = book.mentions
    people = set()
    for at, raw in mentions[bisect_left(mentions, (lo,)) : bisect_left(mentions, (hi,))]:
        name = clean_name(raw)
        if not name:
            continue
        # a surname the text gives two people: the one quoted so far
        same = [q for q in quoted if q.split()[-1] == name.split()[-1]]
        who = same[0] if len(same) == 1 else book.resolve(name, at)
        if who in quoted or book.is_person_like(who, at):
            people.add(who)
    return next(iter(people)) if len(people) == 1 and people <= quoted else None


def _folded(text: str, c: Cand) -> str:
    """A quote's words, lower-case and space-separated, for finding it inside another."""
    return " " + " ".join(_WORD.findall(text[c.start : c.end].lower())) + " "


def _same_sentence(cands: list[Cand], i: int) -> Cand | None:
    """A partial quote takes the speaker named for a later quote of the same sentence."""
    for later in cands[i + 1 : i + 4]:
        if later.sent != cands[i].sent:
            return None
        if later.att is not None and later.att.kind == "named":
            return later
    return None


def _earlier_in_paragraph(text: str, cands: list[Cand], i: int) -> Cand | None:
    """A partial quote with no tag, in a paragraph that already quoted someone, echoes
    that speaker ("..." says Ken Doctor. That's produced a strategy of "..."), unless
    its own sentence reports someone's speech or introduces it with a colon (an unnamed
    "father told Starner that "..."", "Buckley had a similar experience: "...")."""
    c, prev = cands[i], cands[i - 1] if i > 0 else None
    if prev is None or prev.para != c.para or not prev.speaker:
        return None
    head = text[max(c.sent, prev.close_end) : c.span.open_mark]
    return None if SPEECH_IN.search(head) or head.rstrip().endswith(":") else prev


def _source(seg: Segmenter, cands: list[Cand], i: int) -> Cand | None:
    """The quote whose speaker continues into quote `i`, if any."""
    c = cands[i]
    if i > 0 and cands[i - 1].para == c.para:
        return cands[i - 1]
    for later in cands[i + 1 :]:
        if later.para != c.para:
            break
        if later.att is not None:
            return later
    starts_para = c.span.open_mark == seg.para(c.para)[0]
    if starts_para and i > 0 and cands[i - 1].para == _prev_text_para(seg, c.para):
        return cands[i - 1]
    if starts_para and i > 0 and _runs_on(cands[i - 1], c):
        return cands[i - 1]
    return None


MAX_CAPTION = 200  # characters
_SENTENCE_END = frozenset(".!?:;\"”’'…)")


def _prev_text_para(seg: Segmenter, idx: int) -> int | None:
    """The paragraph before `idx`, passing over up to two photo captions set between
    paragraphs of one speaker's words: short lines that end in no punctuation ("Hori
    Parata at his Pātaua farm, the place where he was born and grew up")."""
    prev = seg.prev_para(idx)
    for _ in range(2):
        if prev is None:
            return None
        lo, hi = seg.para(prev)
        line = seg.text[lo:hi]
        if hi - lo > MAX_CAPTION or line[-1] in _SENTENCE_END or not line[-1].isalpha():
            return prev
        if not line[0].isupper() or len(line.split()) < 4:
            return prev  # a subheading rather than a caption
        prev = seg.prev_para(prev)
    return prev


def _runs_on(prev: Cand, c: Cand) -> bool:
    """A quote paragraph left open continues in the next quote paragraph, even across a
    few lines of embedded matter (a tweet's caption and credit line)."""
    return not prev.span.closed and prev.leads and 0 < c.para - prev.para <= MAX_RUN_ON
