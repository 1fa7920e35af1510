"""Numbers that open the title of a work or a list: "10 Things in Tech", "top 10 Health
Technology Hazards", "The 7 Habits of Highly Effective People", "40 Under 40".

A title in quote marks that opens with a number and a title noun ("“7 Habits of Good
Teams”") names a work, and the same number and first word elsewhere in the article
("read 7 Habits each week") name it too; quoted speech ("“12 Americans were hurt,”",
"“12 Officers Were Hurt”") is no title. A "top N" followed by capitalised words that end
on a title noun and the phrase is a ranked list's title ("ECRI's top 10 Health
Technology Hazards."), and so is "The" and a superlative in title case ("The 250 Greatest
Guitarists of All Time"); other words after it ("the top 10 Premier League Clubs", "the
top 10 Premier League clubs") leave a count. Only the figures already found are looked
at, each by a match anchored at it, so the cost is a few microseconds per figure
whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from ingest.sentences import word_set

# The nouns a numbered title is made of: "10 Things", "7 Habits", "top 10 ... Hazards".
# Other capitalised words after a number are speech or a name ("“12 Officers Were Hurt”",
# "top 10 Premier League Clubs"), which count.
_TITLE_NOUN = (
    r"(?:Things|Ways|Reasons|Tips|Habits|Lessons|Rules|Steps|Secrets|Myths|Mistakes|"
    r"Questions|Stories|Songs|Albums|Films|Movies|Books|Shows|Games|Apps|Tracks|Hits|Picks|"
    r"Lists?|Moments|Places|Destinations|Trends|Predictions|Hazards?|Risks?|Threats?)"
)
# A title-case word's lower-case words: articles, prepositions and the like.
_STOP = r"(?:of|the|an?|in|on|to|and|for|with|your?|at|by|from|is)"
# A quoted span that opens with a number and a title noun, then words in title case (only
# stop-words in lower case), one more of them capitalised; no comma closes it (a comma
# before the closing mark ends a quote of speech, not a title).
_QUOTED_TITLE = re.compile(
    rf"[“\"](\d{{1,3}})[ \u00a0]({_TITLE_NOUN})"
    rf"((?:[ \u00a0](?:[A-Z][\w’'\-]*|{_STOP}(?![\w’'\-])|\d+)){{1,10}})[.?!]?[”\"]"
)
_CAPITAL_WORD = re.compile(r"[ \u00a0][A-Z]")
# "top 10" and a run of capitalised words, ending on a title noun, that ends the phrase.
_TOP_TITLE = re.compile(
    rf"[Tt]op[ \u00a0](\d{{1,3}})(?:[ \u00a0][A-Z][\w\-]*){{1,4}}[ \u00a0]{_TITLE_NOUN}"
    r"[ \u00a0]*(?=[.,;:!?|)\n]|$)"
)
_TOPS = ("top ", "Top ", "top\u00a0", "Top\u00a0")
# An unquoted title that a capital "The" opens mid-sentence: "Covey's The 7 Habits of
# Highly Effective People" (at a sentence's start "The 3 Ways ..." may be a headline).
_THE_TITLE = re.compile(
    rf"The[ \u00a0](\d{{1,3}})[ \u00a0]({_TITLE_NOUN})"
    rf"((?:[ \u00a0](?:[A-Z][\w’'\-]*|{_STOP}(?![\w’'\-]))){{1,10}})"
)
# A list's title that a superlative in title case opens, anywhere: "Editor’s picks The 250
# Greatest Guitarists of All Time The 500 Greatest Albums", "The 50 Worst Decisions in
# Movie History". A capitalised noun must follow it ("The 12 Apostles" and "The 300
# employees" count; so does "The 10 best teams").
_SUPERLATIVE_TITLE = re.compile(
    r"The[ \u00a0]\d{1,3}[ \u00a0](?:Greatest|Best|Worst|Top|Most|Least|Biggest|Largest|"
    r"Smallest|Richest|Essential|Funniest|Scariest|Weirdest|Strangest|Coolest|Hottest|"
    r"Fastest|Deadliest|Unforgettable|Underrated|Overrated|Iconic|Influential|Powerful)"
    r"(?:[ \u00a0][A-Z][\w’'\-]*){1,3}"
)
# ... unless a verb follows the title-case phrase, whose number then counts its subject:
# "The 100 Largest Companies in Britain employ 5 million people", "The 3 Most Senior
# Officials Resigned on Friday" (a capitalised past tense after a plural). A singular verb
# has the list's title for its subject ("The 250 Greatest Guitarists of All Time includes
# Jimi Hendrix"), and "now" or "list" are no verbs.
_TITLE_RUN = re.compile(
    rf"((?:[ \u00a0](?:[A-Z][\w’'\-]*|{_STOP}(?![\w’'\-])|\d+)){{0,12}}+)"
    r"(?:[ \u00a0]+([a-z][a-z’'\-]*))?"
)
_PLURAL_VERB = re.compile(
    r"(?<![\w’'])(?!(?:Has|Is|Was|Does|This|Its|His|Us)\b)[A-Za-z][a-z]*[a-z]s[ \u00a0]+"
    r"[A-Z][a-z]+ed\b"
)
_NOT_VERBS = word_set(
    """of the a an in on to and for with you your at by from is as or but now today here
    there again also too ever then so list lists ranking rankings index poll series chart
    charts edition issue feature roundup countdown gallery quiz survey report study piece
    article story video podcast award awards"""
)
_MID_SENTENCE = re.compile(r"(?:[a-z,]|['’]s)[ \u00a0]$")
# An award list named by an age limit: "40 Under 40", "Forbes 30 Under 30". It has a
# title's shape: a capitalised word after it ("40 Under 40 Award"), a list word ("the 30
# Under 30 list"), or its end after a name or an article ("Forbes' 30 Under 30.", "named
# a 40 Under 40?"). "14 Under 20 players" and "5 Under 21 internationals" count players
# of an age group.
_UNDER = re.compile(r"[ \u00a0]Under[ \u00a0]\d{1,3}\b")
_UNDER_BEFORE = re.compile(r"\b\d{1,3}[ \u00a0]Under[ \u00a0]$")
_LIST_AFTER = re.compile(
    r"[ \u00a0]+(?:[A-Z]|(?:lists?|awards?|honou?rees?|class|ranking|cohort)\b)"
)
_LIST_END = re.compile(r"[ \u00a0]*(?:[.,;:!?)”\"]|$)")
_LIST_OWNER = re.compile(r"(?:\b(?:the|a|an)|[A-Z][\w&]*['’]?s?|[’'])[ \u00a0]$")
# A text quoting more numbered titles than this is a list; the cap bounds the work.
_MAX_TITLES = 8


class _Span(Protocol):
    start: int
    end: int


def title_numbers(text: str, figs: Sequence[_Span]) -> set[int]:
    """Starts of the figures in `figs` that open a title (quoted) or a later mention of
    it, or a "top N" list title."""
    starts: set[int] = set()
    names: set[str] = set()
    for f in figs:
        s = f.start
        if s >= 1 and text[s - 1] in '“"':
            m = _QUOTED_TITLE.match(text, s - 1)
            if m and _CAPITAL_WORD.search(m.group(3)):
                starts.add(s)
                names.add(f"{m.group(1)} {m.group(2)}")
        elif _top_title(text, s) or _award_list(text, s, f.end):
            starts.add(s)
        elif text[max(0, s - 4) : s] == "The ":
            m = _the_title(text, s)
            if m is not None:
                starts.add(s)
                names.add(f"{m.group(1)} {m.group(2)}")
            else:
                m = _SUPERLATIVE_TITLE.match(text, s - 4)
                if m is not None and not _verb_after_title(text, m):
                    starts.add(s)
    if names and len(names) <= _MAX_TITLES:
        starts.update(f.start for f in figs if _mentions(text, f.start, names))
    return starts


def _verb_after_title(text: str, title: re.Match[str]) -> bool:
    """True when a verb follows the superlative title that `title` opens (see above)."""
    run = _TITLE_RUN.match(text, title.end())
    if run is None:
        return False
    if _PLURAL_VERB.search(title.group(0) + run.group(1)[:24]):  # the title's next words
        return True
    word = run.group(2)
    return bool(word) and not word.endswith("s") and word not in _NOT_VERBS


def _top_title(text: str, s: int) -> bool:
    """The number at `s` follows a whole word "top" and opens a list's title."""
    if text[max(0, s - 4) : s] not in _TOPS or (s >= 5 and text[s - 5].isalnum()):
        return False
    return _TOP_TITLE.match(text, s - 4) is not None


def _the_title(text: str, s: int) -> re.Match[str] | None:
    """The unquoted title that "The" opens mid-sentence at the number at `s`, if any."""
    if not _MID_SENTENCE.search(text[max(0, s - 8) : s - 4]):
        return None
    m = _THE_TITLE.match(text, s - 4)
    return m if m and _CAPITAL_WORD.search(m.group(3)) else None


def _award_list(text: str, s: int, e: int) -> bool:
    """The number at `s` (ending at `e`) is either side of an "N Under N" award list."""
    if "Under" not in text[max(0, s - 12) : e + 8]:
        return False  # the literal test skips both expressions for almost every figure
    m = _UNDER.match(text, e, e + 12)
    if m is not None:
        head, end = s, m.end()
    elif _UNDER_BEFORE.search(text[max(0, s - 12) : s]):
        head, end = text.rindex("Under", max(0, s - 12), s), e
        head = text.rfind(" ", max(0, head - 5), head - 1) + 1
    else:
        return False
    if _LIST_AFTER.match(text, end, end + 24):
        return True
    return bool(
        _LIST_END.match(text, end, end + 4) and _LIST_OWNER.search(text[max(0, head - 16) : head])
    )


def _mentions(text: str, s: int, names: set[str]) -> bool:
    """The number at `s` starts one of the titles `names` ("10 Things"), as a whole word."""
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in ".,"):
        return False
    head = text[s : s + 40].replace("\u00a0", " ")
    return any(head.startswith(n) and not head[len(n) : len(n) + 1].isalnum() for n in names)
