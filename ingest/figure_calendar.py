"""Years, dates and times: digit strings that place an event in time, not amounts.

A year ("fiscal 2019"), a day next to a month ("Aug. 9") or a clock reading ("4:30 a.m.")
is told apart by the words right around the number; cheap literal tests run before each
regular expression, since these checks run for most numbers in an article.
"""

from __future__ import annotations

import re

_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|"
    r"April|June|July|August|September|October|November|December"
)
_MONTH_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS}))\s+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
_DAY_SPAN = re.compile(r"[-–]\d{1,2}(?!\d)")
_TIME_AFTER = re.compile(
    r"^\s?(?:a\.m\.|p\.m\.|[AP]\.M\.|am\b|pm\b|[AP]M\b|GMT\b|BST\b|ET\b|EST\b|PT\b)"
)
# Game clocks: "with 55 seconds left" reads the clock like "1:24 left" does.
_CLOCK_AFTER = re.compile(
    r"^\s(?:seconds?|secs?|minutes?|mins?)\s+(?:left|remaining|to play|to go)\b"
)
_YEAR_CTX = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|to|fiscal|year|before|after|early|late|mid|"
    r"during|between|and|summer|spring|winter|autumn|fall|season|class|cohort)\s+)$",
    re.I,
)

# A benchmark score, a data rate or a pixel count is no year: "scores increased from 1061
# to 1128", "a total score of 2072", "scored 5425", "2890 megabytes per second", "2182
# points", "1080 pixels by 1920 pixels".
_SCORE_BEFORE = re.compile(
    r"\bscor(?:e|es|ed|ing)\b(?:[ \u00a0]+(?!(?:in|since|until|during|before|after|"
    r"early|late|mid|fiscal|season)\b)[\w,]+){0,7}[ \u00a0]+$",
    re.I,
)
_SCORE_RIGHT_BEFORE = re.compile(r"\bscor(?:e|ed)(?:[ \u00a0]+of)?[ \u00a0]+$", re.I)
_SCORE_OR_RATE_AFTER = re.compile(
    r"^[ \u00a0]+(?:points?|(?:kilo|mega|giga|tera)(?:bytes|bits)|[KMGT]B/s|[KMGT]bps)\b"
    # a screen's size in pixels, the other side of "by" or "x" shown: "1920 pixels by"
    r"|^[ \u00a0]+pixels[ \u00a0]+(?:by|x|×|wide|tall|high|across)\b"
)


# A year cut to two digits: an apostrophe, then the digits ("when he ran afoul of Bush in
# ’91."). The typographic apostrophe (’) opens no quote in English, so it is always a
# year; a straight one may open a quote ('91 people died,' he said) and needs a year's
# context before it ("in '91", "Class of '91") or the clause's end after it ("'91.").
_APOSTROPHES = frozenset("’'")
_SHORT_YEAR_END = re.compile(r"^(?:[.,;:!?)\]”\"’]|[ \u00a0]*(?:\n|$)|[-–][’'\d])")


def _short_year(digits: str, before: str, after: str) -> bool:
    """True for "’91" or "in '91": two digits after an apostrophe that no letter or
    digit comes before (a word's closing mark, "rock 'n' roll", is no year's)."""
    if not digits.isdigit() or before[-2:-1].isalnum():
        return False
    if before[-1] == "’":
        return True
    return bool(_YEAR_CTX.search(before[:-1]) or _SHORT_YEAR_END.match(after))


def is_date(before: str, after: str) -> bool:
    """Day numbers next to a month name: "Aug. 9", "9 August", "March 21st", "18-24
    November"."""
    tail = before[-12:]
    # a month name has a capital: a lower-case tail (most numbers) needs no search
    if not tail.islower() and _MONTH_BEFORE.search(tail):
        return True
    if after[:1] in {"-", "–"}:  # the first day of a span: "18-24 November"
        m = _DAY_SPAN.match(after)
        return m is not None and bool(_MONTH_AFTER.match(after[m.end() :]))
    return _month_may_follow(after) and bool(_MONTH_AFTER.match(after))


def _month_may_follow(after: str) -> bool:
    """False where `_MONTH_AFTER` cannot match: after an optional ordinal suffix and a
    space, a month (a capital) or "of" must come."""
    rest = after[2:] if after[:2] in {"st", "nd", "rd", "th"} else after
    if not rest[:1].isspace():
        return False
    head = rest.lstrip()[:1]
    return head != "" and head in "JFMASONDo"


def is_time(before: str, after: str) -> bool:
    """Times of day ("4:30 a.m.", "8 p.m.") and clock readings ("7:14", "17:46", "with
    55 seconds left")."""
    # both patterns need one of these letters first, after at most one space
    first = after[1:2] if after[:1].isspace() else after[:1]
    if (
        first != ""
        and first in "apAPGBEsm"
        and (_TIME_AFTER.match(after) or _CLOCK_AFTER.match(after))
    ):
        return True
    return (after[:1] == ":" and after[1:2].isdigit()) or (
        before.endswith(":") and before[-2:-1].isdigit()
    )


# A year of an era: "as early as 500 BC", "79 AD", "AD 79", "3000-2000 BCE", "2,500
# B.C." (the first side of a span takes the era written after the second).
_ERA = r"(?:BCE?|CE|AD|B\.C\.(?:E\.)?|A\.D\.|C\.E\.)(?!\w|\.\w)"
_ERA_AFTER = re.compile(
    r"^(?:(?:[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]+(?:to|and|or)[ \u00a0]+)\d{1,4}(?:,\d{3})?)?"
    rf"[ \u00a0]{_ERA}"
)
_ERA_BEFORE = re.compile(r"(?<![\w.])(?:AD|A\.D\.)[ \u00a0]$")
# ... unless something counted follows the letters, as when they open a name or an
# abbreviation: "4,000 B.C. residents", "2,500 BC Hydro customers", "The 40 BC wildfires",
# "400 AD patients", "30 CE credits" (a capitalised word or a plural noun; "500 BC and",
# "500 BC, the", "79 AD was" keep the date).
_ERA_COUNTED = re.compile(
    r"[ \u00a0]+(?:[A-Z]|(?!(?:was|has|does|is|as|its|his|this|thus|us|plus|versus|whereas|"
    r"unless|across|always|perhaps|sometimes|marks|means|remains|sees|becomes)\b)[a-z]+s\b)"
)


def _era_year(digits: str, before: str, after: str) -> bool:
    """True for a year of an era: "500 BC", "AD 79" (see above)."""
    if len(digits) > 5 or not digits.replace(",", "").isdigit():
        return False
    if before[-2:-1] in ("D", ".") and _ERA_BEFORE.search(before[-6:]):
        return True
    head = after[:16]  # every era has a "C" or an "A": most numbers skip the search
    if not ("C" in head or "A" in head):
        return False
    m = _ERA_AFTER.match(after)
    return m is not None and _ERA_COUNTED.match(after, m.end()) is None


def is_year(digits: str, before: str, after: str) -> bool:
    """Four-digit years (2019, fiscal 2019), decades (the 2020s, '90s), years cut to
    two digits ("in ’91", "Class of '91") and years of an era ("500 BC", "AD 79")."""
    if after[:1] == "s" and not after[1:2].isalpha():
        return True
    if (before[-2:-1] in ("D", ".") or "C" in after[:16] or "A" in after[:16]) and _era_year(
        digits, before, after
    ):
        return True  # (every era has a "C" or an "A", or "AD" before: most numbers skip it)
    if before[-1:] in _APOSTROPHES and len(digits) == 2:
        return _short_year(digits, before, after)
    if len(digits) != 4 or not digits.isdigit():
        return False
    if after[:1] in (" ", "\u00a0") and _SCORE_OR_RATE_AFTER.match(after):
        return False
    if before.endswith(("pixels by ", "pixels x ", "pixels × ")):
        return False  # "1080 pixels by 1920 pixels"
    scored = (
        "cor" in before or "COR" in before
    )  # the literal test skips the searches for most numbers
    if 1800 <= int(digits) <= 2100:  # a year's number needs the score named right before
        return not (scored and _SCORE_RIGHT_BEFORE.search(before))
    if not _YEAR_CTX.search(before):
        return False
    return not (scored and _SCORE_BEFORE.search(before))
