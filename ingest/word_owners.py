"""Whose words a quote is when no speech verb tags it, but a noun or a scene does.

A quote can be led into by the words' owner without "said": a body's released report
("X released two reports that depicted "…""), a claim or denial ("his claim … that"),
a directive ("orders from X to"), a poll's wording ("A new ABC News poll shows …
Fifty-one percent say that "…""). Words a crowd would say in an imagined scene are
nobody's. `speakers` tries these readers among its steps; like `attribution`'s, each
reads a short window before the quote, with a literal pre-test before its search.
"""

from __future__ import annotations

import re

from ingest.attribution import THE_ANY, Attribution, classify
from ingest.name_patterns import NAME, ORG_NAME
from ingest.names import NameBook

# "NASA's Office of the Inspector General released two reports that depicted "..."": the
# body that issued the documents speaks their words.
_POSSESSOR = re.compile(r"^\S+['’]s\s+")
_ISSUED_TAIL = re.compile(r"\b(?:that|which)\s+[a-z]+\s+$")
_ISSUED_BY = re.compile(
    rf"(?P<who>{ORG_NAME})\s+(?:released|published|issued)\s+(?:[\w\-]+\s+){{0,4}}?"
    r"(?:reports?|stud(?:y|ies)|audits?|reviews?|statements?|letters?|papers?)\s+"
    r"(?:that|which)\s+[a-z]+\s+$"
)


def issued_by(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The named body whose released report leads into the quote ("X released two reports
    that depicted "...""); None unless the window ends with "that <verb>"."""
    tail = before[-200:]
    if not _ISSUED_TAIL.search(tail, max(0, len(tail) - 30)):
        return None
    m = _ISSUED_BY.search(tail)
    if not m:
        return None
    # an issuer is a body, so its name is kept whole ("Inspector General" is no title
    # here), without the owner before it ("NASA's") or an article
    who = _POSSESSOR.sub("", THE_ANY.sub("", m.group("who")))
    return Attribution("org", who) if " " in who or book.is_known(who) else None


# "contradicts his claim in the same interview that the pair were "...": the owner of a
# noun of speech whose clause runs into the quote speaks it, as in "he claimed that".
_CLAIM_WORDS = (
    r"claims?|assertions?|insistence|contention|remarks?|comments?|admission|denials?|"
    r"descriptions?|promises?|pledges?|warnings?|boasts?|words"
)
_CLAIM_HINT = re.compile(rf"\b(?:{_CLAIM_WORDS})\b")
_CLAIM_NOUN = re.compile(
    rf"(?:(?P<pron>\b[Hh]is|\b[Hh]er)|(?P<who>{NAME})['’]s)\s+(?:[a-z]+\s+)?"
    rf"(?:{_CLAIM_WORDS})"
    r"(?:\s+(?:in|on|at|to|during)\s+[^\"“”.;:]{1,60}?)?"
    r"\s+(?:that|of|as)\s+[^\"“”.;:]{0,100}$"
)


def claim_noun(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The owner of "his claim ... that" / "Andrew's denial of" leading into the quote: a
    pronoun (resolved by the caller as for "he said") or a name."""
    tail = before[-220:]
    m = _CLAIM_NOUN.search(tail) if _CLAIM_HINT.search(tail) else None
    if not m:
        return None
    if m.group("pron"):
        return Attribution("pronoun", None, None, "m" if m.group("pron").lower() == "his" else "f")
    att = classify(m.group("who"), None, context, book, pos)
    return att if att.kind == "named" and att.speaker else None


# "directives from Xi to "show absolutely no mercy"": the words of a command, order or
# instruction are its giver's, as a claim's are its owner's.
_DIRECTIVE_WORDS = r"directives?|orders?|instructions?|commands?|edicts?|exhortations?"
_DIRECTIVE_HINT = re.compile(rf"\b(?:{_DIRECTIVE_WORDS})\b")
_DIRECTIVE = re.compile(
    rf"\b(?:{_DIRECTIVE_WORDS})\s+(?:from|by)\s+(?P<who>{NAME})\s+(?:to|that)\s+"
    r"[^\"“”.;:]{0,100}$"
)


def directive_giver(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The named giver of "directives from X to" / "orders by X that" leading into the
    quote."""
    tail = before[-200:]
    m = _DIRECTIVE.search(tail) if _DIRECTIVE_HINT.search(tail) else None
    if not m:
        return None
    att = classify(m.group("who"), None, context, book, pos)
    return att if att.kind == "named" and att.speaker else None


# "the collective public will fall into a fetal position, cover its ears, and scream,
# "…"": what a crowd would say in an imagined scene is nobody's, not the nearest name's.
_CROWD_WILL_SAY = re.compile(
    r"\b(?:the|a|its|our|their)\s+(?:[a-z]+\s+)?(?:public|crowds?|audiences?|people|voters|"
    r"masses|nation|country|electorate)\s+(?:will|would|might|could|may)\b[^.;:!?\"“”]{0,160}?"
    r"\b(?:scream|shout|yell|cry|chant|say|cheer|roar|demand|beg|plead)\w*\s*,?\s*$"
)

_CROWD_VERBS = (
    "scream",
    "shout",
    "yell",
    "cry",
    "chant",
    "say",
    "cheer",
    "roar",
    "demand",
    "beg",
    "plead",
)


def crowd_speech(before: str) -> Attribution | None:
    """No one, for words a crowd will or would say ("the public will … scream, "…"")."""
    end = before[-24:].rstrip().rstrip(",").rstrip()
    if not end[end.rfind(" ") + 1 :].lower().startswith(_CROWD_VERBS):
        return None  # most windows end in no verb of crying out: skip the search
    tail = before[-220:]
    return Attribution("unnamed", None) if _CROWD_WILL_SAY.search(tail) else None


# "A new ABC News poll shows … Fifty-one percent say that "…"": the wording a poll put to
# its respondents is the pollster's, like a study's words are its author's. The poll is
# the subject of the quote's sentence or of the sentence before, whose respondents "say".
_POLL = re.compile(
    r"^(?:[A-Z][a-z]+,?\s+)?(?:[Aa]n?|[Tt]he)\s+(?:[a-z][\w\-]*\s+){0,3}?"
    r"(?P<who>(?:[A-Z][\w&/.\-]*\s+){1,4})(?:poll|survey)\b"
)
_RESPONDENTS_SAY = re.compile(
    r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d+(?:\.\d+)?)\s*(?:percent|per cent|%)\s+"
    r"(?:of\s+[^,.;:\"“”]{1,40}?\s+)?say\b"
)


def poll_wording(sentence: str, prev: str) -> Attribution | None:
    """The pollster, when the quote's sentence is about its poll (`sentence` is the text
    of the sentence before the quote) or reports what a share of the poll's respondents
    say (`prev` is the sentence before, naming the poll)."""
    if "poll" not in sentence and "survey" not in sentence:
        if not _RESPONDENTS_SAY.match(sentence) or ("poll" not in prev and "survey" not in prev):
            return None
        sentence = prev
    m = _POLL.match(sentence)
    return Attribution("org", m.group("who").strip()) if m else None
