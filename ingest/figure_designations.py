"""Designations: numbers inside names ("S&P 500", "Boeing 787", "COVID-19", "No. 1").

A number glued to letters, after a capitalised name word, or after a rank mark names
something rather than counting it; `NOT_A_NAME` lists the capitalised words (sentence
openers, quantifiers, currency codes) that come before real amounts.
"""

from __future__ import annotations

import re

from ingest.figure_nouns import is_plural
from ingest.figure_units import CURRENCY_PREFIX, DURATIONS, UNITS
from ingest.sentences import word_set

# A section letter in brackets makes the number a name: a 401(k), a 403(b) plan.
_SECTION_AFTER = re.compile(r"^\([a-z]\)")
# The total in "20-of-24 passing" (20 completions of 24 passes): a count, not a name.
_OF_TOTAL = re.compile(r"\d-of-$")
# A number that ends a heading or a sentence, or comes before a verb, right after a
# capitalised word is its name, even where the sentence starts: "Wi-Fi 6" (a heading),
# "Meal 3", "— Destiny 2.", "Thunderbolt 3 is staying", "Wi-Fi 6 is still launching",
# and a heading's name before a spaced dash and its title: "Zone 1 — Corn Belt".
_CLAUSE_END_AFTER = re.compile(
    r"[ \t]*$|[.!?:](?:\s|$)|[ \t]+(?:is|are|was|were|has|have|had|will|would|can|could)\b"
    r"|[ \t\u00a0][—–][ \t\u00a0]+[A-Z]",
    re.M,
)
# A word with a capital after its first lower-case letters is a brand: iPhone 8, iOS 12.
_CAMEL_BEFORE = re.compile(r"(?<![\w'’])[a-z]{1,3}[A-Z][\w\-]*[ \u00a0]$")
_RANK_BEFORE = re.compile(r"(?:\bNo\.\s?|#|\bnumber\s|\bNumber\s|\bPage\s|\bpage\s)$")
# The top of a scale whose step is a name: "a Level 3 out of 5 risk", "Category 4 of 5".
_SCALE_TOP_BEFORE = re.compile(r"(?<![\d.,])(\d{1,2})[ \u00a0]+(?:out[ \u00a0]+)?of[ \u00a0]+$")
# The later numbers of a list after a designation word name sections or goals as its
# first does: "Sections 21, 24, and 26 of the bill", "SDGs 7 and 11", "Sustainable
# Development Goals 7, 11", "Articles 3 to 5"; a plural noun or a unit after the last
# number counts ("invoked Article 5 and 300 troops were sent").
_LIST_WORD_BEFORE = re.compile(
    r"(?<![\w'’])(?:Sections?|Articles?|Clauses?|Chapters?|Goals?|SDGs?|Rules?)[ \u00a0]+"
    r"(?:\d{1,4}[a-z]?(?:,[ \u00a0]*(?:(?:and|or|to)[ \u00a0]+)?|[ \u00a0]+(?:and|or|to|through|&)"
    r"[ \u00a0]+)){1,8}$"
)
_LIST_WORDS = word_set(
    "Section Sections Article Articles Clause Clauses Chapter Chapters Goal Goals SDG SDGs "
    "Rule Rules"
)
# ... and at a sentence's start the first number too, when the list goes on after it.
_LIST_GOES_ON = re.compile(r"^(?:,[ \u00a0]*|[ \u00a0]+(?:and|or|to|through|&)[ \u00a0]+)\d")
# A comma after one designation of a singular word ends a phrase, and the number after it
# counts, unless a list goes on from it: "Under Article 7, 27 member states must agree",
# "Under Section 8, 12 of the officers" ("Section 21, 24 and 26 of the bill" lists).
_ONE_DESIGNATION_BEFORE = re.compile(
    r"(?<![\w'’])(?:Section|Article|Clause|Chapter|Goal|SDG|Rule)[ \u00a0]+\d{1,4}[a-z]?,"
    r"[ \u00a0]+$"
)
_LIST_SEPS = (", ", "and ", "or ", "to ", "through ", "& ", ",\u00a0", "and\u00a0", "or\u00a0")
_WORD_AFTER = re.compile(r"^[ \u00a0]+([a-z][a-z\-]*)")
_CAP_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w&.\-]*)\s$")
# Capitalised words that come before amounts, not names: sentence openers, quantifiers,
# prepositions and currency codes ("About 40", "Over 100", "USD 5").
NOT_A_NAME = word_set(
    """About Nearly Some Around Almost Over Under More Less Roughly Approximately Just Only
    The Its Their His Her Our All Another Each Every Those These At In On By For From With
    To And But Of Up Down Then Than As Fewer Last First Top Total Also Additionally Only
    Up Within Below Above Between Among Reached Hit Some"""
) | (frozenset(CURRENCY_PREFIX) - {"N", "R"})  # naira's "N" and rand's "R" are glued
# ("N500m", "R4bn"); "N 7" and "R 61" are roads


def is_designation(before: str, after: str, num: str = "") -> bool:
    """Numbers inside names: glued to letters (o1, COVID-19, A350, 5G) or after a name
    word (S&P 500, Boeing 787, Section 230), with a section letter (401(k)), and rank or
    list numbers (No. 1, #3)."""
    if after[:1] == "(" and _SECTION_AFTER.match(after):
        return True
    if before[-1:].isalpha() or (before[-1:] == "-" and before[-2:-1].isalpha()):
        return not _OF_TOTAL.search(before[-6:])  # "20-of-24 passing" counts both
    tail = before[-8:]
    if ("#" in tail or "No." in tail or "umber" in tail or "age" in tail) and _RANK_BEFORE.search(
        tail
    ):
        return True  # the literal tests skip a costly search at every position
    if before[-1:] not in (" ", "\t", "\u00a0"):  # a line break ends any name before it
        return False
    if before.endswith(_LIST_SEPS) and _listed_designation(before, after):
        return True
    if before[-3:-1] == "of" and _scale_top(before):
        return True
    at = _cap_word_before(before, max(0, len(before) - 32))  # a word ends it
    if at is None:
        return _camel_word_before(before[-24:])
    word = before[at[0] : at[1]]
    if word in NOT_A_NAME:
        return False
    joined = "&" in word  # S&P, M&S, AT&T: names wherever they stand, as acronyms are
    brand = joined or _brand_case(word)
    if brand and _brand_count(num, after, before[: at[0]]):
        brand = False  # "AstraZeneca 300 jobs", "GlaxoSmithKline 2,000": a company's count
        if joined or not _sentence_start(before, at[0]):
            return False  # "M&S 300 stores will close", "P&O 800 workers were sacked"
    if _sentence_start(before, at[0]) and not _acronym(word) and not brand:
        if word in _LIST_WORDS and _LIST_GOES_ON.match(after):
            return True  # "Articles 3 and 4 apply"
        return bool(_CLAUSE_END_AFTER.match(after)) and not word.endswith(("’s", "'s"))
    return not word.endswith(("’s", "'s"))


def _listed_designation(before: str, after: str) -> bool:
    """A later number of a list after a designation word ("Sections 21, 24, and 26")."""
    if _LIST_WORD_BEFORE.search(before[-72:]) is None:
        return False
    if _ONE_DESIGNATION_BEFORE.search(before[-24:]) and not _LIST_GOES_ON.match(after):
        return False
    m = _WORD_AFTER.match(after)
    if m is None:
        return True
    word = m.group(1)
    plural = is_plural(word) and not word.endswith(("us", "is"))  # "focus", "basis"
    return not (plural or word in UNITS or word in DURATIONS)


def _scale_top(before: str) -> bool:
    """The 5 of "a Level 3 out of 5 risk": the top of a scale whose step, just before,
    names a level ("Level 3", "Category 4"), is part of that name. "3 out of 5 voters"
    and "In 3 of 5 cases" count both numbers, as their first has no name before it."""
    m = _SCALE_TOP_BEFORE.search(before[-16:])
    if m is None:
        return False
    head = before[: max(0, len(before) - 16) + m.start(1)]
    return is_designation(head, before[len(head) + len(m.group(1)) :], m.group(1))


def _camel_word_before(tail: str) -> bool:
    """`_CAMEL_BEFORE.search(tail)`, searched only when the last word mixes lower and
    upper case, as such a word must (most windows end in a lower-case word)."""
    last = tail.rstrip(" \u00a0\n").rsplit(None, 1)
    if not last or last[-1].islower() or last[-1].isupper():
        return False
    return bool(_CAMEL_BEFORE.search(tail))


def _cap_word_before(before: str, lo: int) -> tuple[int, int] | None:
    """The span that `_CAP_WORD_BEFORE.search(before, lo)` gives its word, found by
    reading back from the end instead of trying a regular expression at every one of
    the window's positions (the figure scan's costliest test, run for most numbers)."""
    n = len(before)
    if not n or not before[-1].isspace():
        return None
    q = n - 2 if before[-1] == "\n" and n >= 2 and before[-2].isspace() else n - 1
    k = q
    if before[lo:q].islower():
        return None  # no capital in the last word (the common case): no name
    while k > lo and (before[k - 1].isalnum() or before[k - 1] in "_&.-"):
        k -= 1
    for p in range(k, q):
        if "A" <= before[p] <= "Z" and (
            p == 0 or not (before[p - 1].isalnum() or before[p - 1] in "_'’")
        ):
            return p, q
    return None


# A capital inside a word after three or more lower-case letters marks a brand ("AirPods",
# "PlayStation", "SoundLink"); family names with such a capital open on a short prefix
# ("McCarthy", "DeBose", "MacLeod", "VanDyke") and stay names of people.
_BRAND_CASE = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]")
_NAME_PREFIXES = ("Mac", "Van", "Von", "Del", "Des", "Fitz", "Della")


# After a brand, a number counts people or places ("AstraZeneca 300 jobs to go"), or has a
# thousands separator ("GlaxoSmithKline 2,000"), or follows such a count in a list
# ("GlaxoSmithKline 2,000, AstraZeneca 300."); "PlayStation 4 sales" and "AirPods 2"
# stay names.
_BRAND_COUNTED = re.compile(
    r"[ \u00a0]+(?:jobs|roles|posts|positions|workers|staff|employees|people|redundancies|"
    r"layoffs|patients|stores|shops|branches|sites|plants|offices|homes)\b"
)
_COUNT_ITEM_BEFORE = re.compile(r"\d,\d{3}[ \u00a0]*[,;][ \u00a0]+$")


def _brand_count(num: str, after: str, before: str) -> bool:
    """True when the number after a brand-cased word is a count (see above)."""
    if "," in num or _BRAND_COUNTED.match(after):
        return True
    return bool(_COUNT_ITEM_BEFORE.search(before[-12:]))


def _brand_case(word: str) -> bool:
    """A brand written with a capital inside it, even where a sentence starts."""
    return bool(_BRAND_CASE.match(word)) and not word.startswith(_NAME_PREFIXES)


def _acronym(word: str) -> bool:
    """A capitals-only word of three or more letters (NBC, ESPN), or capitals joined by
    "&" (S&P, AT&T): a name even where a sentence starts, so "NBC 5 has edited" names a
    channel and "S&P 500 futures rose" an index. Two letters alone (US, UK) are too often
    a country before a real figure."""
    if "&" in word:
        letters = word.replace("&", "")
        return len(letters) >= 2 and letters.isalpha() and letters.isupper()
    return len(word) >= 3 and word.isalpha() and word.isupper() and word.title() not in NOT_A_NAME


def _sentence_start(before: str, pos: int) -> bool:
    """True when `pos` starts a sentence, where a capital says nothing about a name. An
    opening bracket starts none ("(Destiny 2 is free)" names a game), nor does a quote
    mark closing a word mid-sentence."""
    head = before[:pos].rstrip()
    if head[-1:] in {'"', "”"} and head[-2:-1].isalpha():
        return False  # a mark closing a quoted word mid-sentence: “historic” Phase 1
    return not head or head[-1] in '.!?:;"“”—–\n'
