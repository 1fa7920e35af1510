"""Tables and context tests for the figure extractor: currencies, units, and non-figures.

A digit string is a figure only if it states an amount; years, dates, times, ages,
ordinals, designations (S&P 500, Boeing 787-9, COVID-19) and scores are not. Those are
told apart by the few characters and words around the number, which these predicates
inspect with short anchored regular expressions on bounded windows.
"""

from __future__ import annotations

import re
from math import gcd

from ingest.sentences import word_set

CURRENCY_PREFIX = {
    "US$": "USD",
    "HK$": "HKD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "RS": "INR",
    "RS.": "INR",
    "INR": "INR",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "CHF": "CHF",
    "CNY": "CNY",
    "HKD": "HKD",
    "AUD": "AUD",
    "CAD": "CAD",
}
CURRENCY_WORDS = {
    "hong kong dollars": "HKD",
    "hong kong dollar": "HKD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "singapore dollars": "SGD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "swiss francs": "CHF",
    "francs": "CHF",
    "roubles": "RUB",
    "rubles": "RUB",
    "pesos": "MXN",
    "cents": "USD",
    "pence": "GBP",
}
# Currency words that name a hundredth of the unit: "10 cents" is 0.1 USD.
CURRENCY_SCALE = {"cents": 0.01, "pence": 0.01}
MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
DURATIONS = word_set(
    "year years month months week weeks day days hour hours minute minutes second seconds "
    "decade decades century centuries"
)
UNITS = word_set(
    """km kilometres kilometers kilometre kilometer miles mile m metres meters metre meter
    cm mm millimeters millimetres inches inch feet foot ft yards yard kg kilograms kilogram
    g grams gram lb lbs pounds tonnes tonne tons ton mw gw kw kwh mwh gwh twh mph kph km/h
    litres liters litre liter gallons gallon barrels barrel acres acre hectares hectare
    degrees degree °c °f sq mbps gb tb mb bpd calories mg ml knots gbps kb ghz mhz khz hz
    ppi mp mah fps"""
)
# Watts, watt-hours and degrees Celsius glued to a number of two digits or more ("87W",
# "100Wh", "75C"), written as capitals: "5C" or "4w" is more often a model or a name.
GLUED_CASED = frozenset({"W", "Wh", "C"})
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?|January|February|March|"
    r"April|June|July|August|September|October|November|December"
)
_MONTH_BEFORE = re.compile(rf"(?:\b(?:{_MONTHS}))\s+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\b")
_TIME_AFTER = re.compile(
    r"^\s?(?:a\.m\.|p\.m\.|[AP]\.M\.|am\b|pm\b|[AP]M\b|GMT\b|BST\b|ET\b|EST\b|PT\b)"
)
_AGE_UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"
_AGE_AFTER = re.compile(rf"^(?:-|\s){_AGE_UNIT}(?:-|\s)old\b|^-?\s?(?:{_AGE_UNIT}-old|yo)\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+)?$", re.I)
# An age threshold with nothing counted after it, in a sentence about retirement or age:
# "waiting for Medicare to kick in at 65,", "retire at 62 and", "until they turn 18."
_THRESHOLD_BEFORE = re.compile(r"\b(?:at|until|till|before|after|turns?|turned|turning)\s$")
_THRESHOLD_CUE = re.compile(
    r"\b(?:retir\w*|[Mm]edicare|[Ss]ocial [Ss]ecurity|pension\w*|birthday|eligib\w*|age)\b"
)
_THRESHOLD_AFTER = re.compile(r"^(?:[,.;:)]|\s(?:and|or|when|if|but|because)\b|$)")
# The lower end of an age range: "12 to 17-years-old", "18-25 year olds".
_AGE_RANGE_HEAD = re.compile(r"^\s?(?:to|-|–|and)\s?\d{1,3}(?=\D)")
# "Noel, 31, is charged" and, in police blotters, "Ryan S. Hollman 31, of Hope".
_NAME_AGE = re.compile(r"([A-Z][\w’'.\-]+),?\s$")
# Or a dash opens the aside after the age: "Braun, 38 – who reps …" (after a comma only).
# "… diabetes. At 16, he went to …": a sentence opening with "At N," and a pronoun.
_OPENING_AGE = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n)At\s$")
_PRONOUN_AFTER = re.compile(r"^,\s+(?:he|she|I|they|we)\b")
_AGE_DASH_AFTER = re.compile(r"^[ \u00a0]?[–—]")
_NAME_COMMA_AGE = re.compile(r"([A-Z][\w’'.\-]+),\s$")
# A section letter in brackets makes the number a name: a 401(k), a 403(b) plan.
_SECTION_AFTER = re.compile(r"^\([a-z]\)")
# Game clocks: "with 55 seconds left" reads the clock like "1:24 left" does.
_CLOCK_AFTER = re.compile(
    r"^\s(?:seconds?|secs?|minutes?|mins?)\s+(?:left|remaining|to play|to go)\b"
)
# Things named by a number: a 3-pointer is a kind of shot, not three points; a 3-in-1
# charger is a kind of charger.
_NUMBER_NOUN = re.compile(
    r"^-in-\d|^-(?:pointer|footer|wheeler|seater|shooter|pounder|timer|hander|header|decker|liner)s?\b"
)
# A street number: "520 Third Street", "1600 Pennsylvania Avenue NW" (an address, no amount).
_STREET_AFTER = re.compile(
    r"^[ \u00a0](?:[A-Z][\w\-]*[ \u00a0]){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|"
    r"Boulevard|Blvd\.|Lane|Drive|Place|Square|Parkway|Plaza|Court)(?!\w)"
)
# A place or thing named by a number after a lower-case noun: "rebels in area 55",
# "along route 66", "from gate 12". Only when no counted noun follows ("area 55 miles").
_PLACE_WORDS = (
    "area|route|gate|zone|sector|terminal|platform|highway|interstate|exit|pier|ward|"
    "precinct|district|room|apartment|flight|building"
)
_NUMBERED_PLACE = re.compile(rf"(?<![\w\-])(?:{_PLACE_WORDS})[ \u00a0]$")
# A class or model named by a number after its lower-case noun: "type 2 immune responses",
# "group 2 innate lymphoid cells", "a Kanomax model 4431 audiometer". Only a unit or a
# duration after it makes it an amount again ("a class 30 minutes long"); a plural does
# not, since the class often names a plural thing ("type 2 diabetes", "phase 3 trials").
_CLASS_WORDS = (
    "type|group|phase|stage|level|tier|grade|category|class|model|version|season|episode|"
    "chapter|article|section"
)
_CLASS_BEFORE = re.compile(rf"(?<![\w\-])(?:{_CLASS_WORDS})[ \u00a0]$")
# What those two searches need at the window's end (a word, then one space): a
# C-level test of the ending skips the search for most numbers.
_SPACES = (" ", "\u00a0")
_PLACE_ENDS = tuple(w + s for w in _PLACE_WORDS.split("|") for s in _SPACES)
_CLASS_ENDS = tuple(w + s for w in _CLASS_WORDS.split("|") for s in _SPACES)
_UNIT_NEXT = re.compile(r"^[ \u00a0]?-?([a-z]+)\b")
# A musical metre is a name, not a fraction: "a 6/8 feel", "in 3/4 time".
_METRE_AFTER = re.compile(
    r"^[ \u00a0-](?:time|feel|meter|metre|signature|rhythm|groove|waltz|swing|beat)\b"
)
# The total in "20-of-24 passing" (20 completions of 24 passes): a count, not a name.
_OF_TOTAL = re.compile(r"\d-of-$")
# A reference marker after a clause: "binge eating (1).", "weight loss (10, 11)." (up to
# three digits each, and the bracket closes the clause).
_CITATION_BEFORE = re.compile(r"[a-z%][ \u00a0]\((?:\d{1,3},[ \u00a0])*$")
_CITATION_AFTER = re.compile(r"(?:,[ \u00a0]\d{1,3})*\)(?:[.,;:]|$)", re.M)
# A number that ends a heading or a sentence, or comes before a verb, right after a
# capitalised word is its name, even where the sentence starts: "Wi-Fi 6" (a heading),
# "Meal 3", "— Destiny 2.", "Thunderbolt 3 is staying", "Wi-Fi 6 is still launching".
_CLAUSE_END_AFTER = re.compile(
    r"[ \t]*$|[.!?:](?:\s|$)|[ \t]+(?:is|are|was|were|has|have|had|will|would|can|could)\b", re.M
)
# A word with a capital after its first lower-case letters is a brand: iPhone 8, iOS 12.
_CAMEL_BEFORE = re.compile(r"(?<![\w'’])[a-z]{1,3}[A-Z][\w\-]*[ \u00a0]$")
# A ranked table row: "\n4 Denny Hamlin 5027 6 3 19 24" (a name of two or more capitalised
# words, then another number on the line).
_RANK_ROW_AFTER = re.compile(r"[ \t](?:[A-Z][\w.'’\-]*[ \t]){2,4}[^\n]{0,30}?\d")
_LIST_AFTER = re.compile(r"^[.)](?:\s|$)")
_RANK_BEFORE = re.compile(r"(?:\bNo\.\s?|#|\bnumber\s|\bNumber\s|\bPage\s|\bpage\s)$")
_CAP_WORD_BEFORE = re.compile(r"(?<![\w'’])([A-Z][\w&.\-]*)\s$")
_YEAR_CTX = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|to|fiscal|year|before|after|early|late|mid|"
    r"during|between|and|summer|spring|winter|autumn|fall|season|class|cohort)\s+)$",
    re.I,
)
NOT_A_NAME = word_set(
    """About Nearly Some Around Almost Over Under More Less Roughly Approximately Just Only
    The Its Their His Her Our All Another Each Every Those These At In On By For From With
    To And But Of Up Down Then Than As Fewer Last First Top Total Also Additionally Only
    Up Within Below Above Between Among Reached Hit Some"""
) | frozenset(CURRENCY_PREFIX)


def is_date(before: str, after: str) -> bool:
    """Day numbers next to a month name: "Aug. 9", "9 August", "March 21st"."""
    tail = before[-12:]
    # a month name has a capital: a lower-case tail (most numbers) needs no search
    if not tail.islower() and _MONTH_BEFORE.search(tail):
        return True
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


def is_address(before: str, after: str) -> bool:
    """Numbers that name a place: a street number ("520 Third Street") or a numbered area
    after its lower-case noun ("area 55", "route 66"); the caller checks that no counted
    noun follows the latter."""
    street = after[:1] in _SPACES and "A" <= after[1:2] <= "Z"
    return bool(
        (street and _STREET_AFTER.match(after))
        or (_ends_with(before, _PLACE_ENDS) and _NUMBERED_PLACE.search(before[-14:]))
    )


# A screen size right before a product's name is part of the model's name: "12.9-inch iPad
# Pro", "16-inch MacBook Pro", "11-inch Smart Keyboard" (a size before a lower-case noun,
# "a 15.6-inch touchscreen", is an amount).
_MODEL_SIZE_AFTER = re.compile(r"^-inch[ \u00a0]+(?:[A-Z]|[a-z]+[A-Z])")


def is_model_size(after: str) -> bool:
    """A screen size in a product name ("12-inch MacBook"), which names a model."""
    return after[:5] == "-inch" and _MODEL_SIZE_AFTER.match(after) is not None


def is_class_number(before: str, after: str) -> bool:
    """A number naming a class, model or part after its lower-case noun ("type 2
    immune", "group 2 innate", "model 4431"), unless a unit, a duration or "times" follows."""
    if not (_ends_with(before, _CLASS_ENDS) and _CLASS_BEFORE.search(before[-10:])):
        return False
    m = _UNIT_NEXT.match(after)
    return not (m and (m.group(1) in UNITS or m.group(1) in DURATIONS or m.group(1) == "times"))


def _ends_with(before: str, endings: tuple[str, ...]) -> bool:
    """True if `before` ends with one of `endings`, or does but for a final line break
    (where a pattern's "$" matches too)."""
    return before.endswith(endings) or (before[-1:] == "\n" and before[:-1].endswith(endings))


def is_metre(num: str, after: str) -> bool:
    """A time signature ("a 6/8 feel", "3/4 time"), or an unreduced fraction of eighths
    or less ("6/8", "2/4"), which writers use for metres, not amounts."""
    top, _, bottom = num.rpartition(" ")[2].rpartition("-")[2].partition("/")
    if not bottom:
        return False
    if _METRE_AFTER.match(after):
        return True
    return int(bottom) <= 8 and gcd(int(top), int(bottom)) > 1


def is_list_number(before: str, after: str) -> bool:
    """A number that opens its paragraph with "2." or "3)" numbers a list item or
    subheading, and one before a name and more numbers ranks a table row ("4 Denny Hamlin
    5027 6 3"); it counts nothing."""
    if before and before[-1] != "\n":
        return False
    return bool(_LIST_AFTER.match(after) or _RANK_ROW_AFTER.match(after))


def is_number_noun(after: str) -> bool:
    """A number fused into a noun names a thing: a "3-pointer" is a shot, an "18-wheeler"
    a truck, a "3-in-1" charger a kind of charger."""
    return after[:1] == "-" and bool(_NUMBER_NOUN.match(after))


def is_age(before: str, after: str, value: float) -> bool:
    """Ages: "66-year-old", "9-Month-Old", "aged 26", "aged between 18", the low end of
    "12 to 17-years-old", "Noel, 31, is charged", "Braun, 38 – who" and "Hollman 31, of
    Hope" ("About 40,
    ..." is no name, so no age)."""
    tail = before[-20:]
    if "ag" in tail.lower() and _AGE_BEFORE.search(tail):
        return True
    # "old" or "yo" ends every age unit after the number (and after a range's low end):
    # without one, the two patterns after it cannot match
    soon = after[:24].lower()
    if "old" in soon or "yo" in soon:
        if _AGE_AFTER.match(after):
            return True
        head = _AGE_RANGE_HEAD.match(after)
        if head and _AGE_AFTER.match(after[head.end() :]):
            return True
    if value >= 120:
        return False
    if _is_threshold(before, after, value):
        return True
    if after[:1] == "," and before[-3:] == "At " and _OPENING_AGE.search(before):
        return _PRONOUN_AFTER.match(after) is not None
    if after[:1] not in {",", ")"}:
        if after[:2].isascii() or not _AGE_DASH_AFTER.match(after):
            return False
        m = _NAME_COMMA_AGE.search(before)
        return bool(m) and m.group(1) not in NOT_A_NAME
    m = _NAME_AGE.search(before)
    return bool(m) and m.group(1) not in NOT_A_NAME


def _is_threshold(before: str, after: str, value: float) -> bool:
    """An age threshold: "Medicare … kicks in at 65," ("at 65 mph" and "rose to 65 jobs"
    count something; a sentence with no word of age or retirement keeps the number)."""
    if value < 12 or value != int(value) or not _THRESHOLD_AFTER.match(after):
        return False
    return bool(_THRESHOLD_BEFORE.search(before) and _THRESHOLD_CUE.search(before))


def is_designation(before: str, after: str) -> bool:
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
    at = _cap_word_before(before, max(0, len(before) - 32))  # a word ends it
    if at is None:
        return _camel_word_before(before[-24:])
    word = before[at[0] : at[1]]
    if word in NOT_A_NAME:
        return False
    if _sentence_start(before, at[0]) and not _acronym(word):
        return bool(_CLAUSE_END_AFTER.match(after)) and not word.endswith(("’s", "'s"))
    return not word.endswith(("’s", "'s"))


def _camel_word_before(tail: str) -> bool:
    """`_CAMEL_BEFORE.search(tail)`, searched only when the last word mixes lower and
    upper case, as such a word must (most windows end in a lower-case word)."""
    last = tail.rstrip(" \u00a0\n").rsplit(None, 1)
    if not last or last[-1].islower() or last[-1].isupper():
        return False
    return bool(_CAMEL_BEFORE.search(tail))


def is_citation(num: str, before: str, after: str) -> bool:
    """A reference number in brackets closing a clause: "binge eating (1).", "(10, 11)."
    ("four (4) size options" and "grade (77.4)" stay amounts)."""
    if not (before[-1:] == "(" or before[-2:] == ", ") or after[:1] not in {",", ")"}:
        return False
    return (
        len(num) <= 3
        and num.isdigit()
        and bool(_CITATION_BEFORE.search(before[-24:]) and _CITATION_AFTER.match(after))
    )


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


def _acronym(word: str) -> bool:
    """A capitals-only word of three or more letters (NBC, ESPN): a name even where a
    sentence starts, so "NBC 5 has edited" names a channel. Two letters (US, UK) are too
    often a country before a real figure."""
    return len(word) >= 3 and word.isalpha() and word.isupper() and word.title() not in NOT_A_NAME


def _sentence_start(before: str, pos: int) -> bool:
    """True when `pos` starts a sentence, where a capital says nothing about a name. An
    opening bracket starts none ("(Destiny 2 is free)" names a game), nor does a quote
    mark closing a word mid-sentence."""
    head = before[:pos].rstrip()
    if head[-1:] in {'"', "”"} and head[-2:-1].isalpha():
        return False  # a mark closing a quoted word mid-sentence: “historic” Phase 1
    return not head or head[-1] in '.!?:;"“”—–\n'


# A benchmark score or a data rate is no year: "scores increased from 1061 to 1128", "a
# total score of 2072", "scored 5425", "2890 megabytes per second", "2182 points".
_SCORE_BEFORE = re.compile(
    r"\bscor(?:e|es|ed|ing)\b(?:[ \u00a0]+(?!(?:in|since|until|during|before|after|"
    r"early|late|mid|fiscal|season)\b)[\w,]+){0,7}[ \u00a0]+$",
    re.I,
)
_SCORE_RIGHT_BEFORE = re.compile(r"\bscor(?:e|ed)(?:[ \u00a0]+of)?[ \u00a0]+$", re.I)
_SCORE_OR_RATE_AFTER = re.compile(
    r"^[ \u00a0]+(?:points?|(?:kilo|mega|giga|tera)(?:bytes|bits)|[KMGT]B/s|[KMGT]bps)\b"
)


def is_year(digits: str, before: str, after: str) -> bool:
    """Four-digit years (2019, fiscal 2019) and decades (the 2020s, '90s)."""
    if after[:1] == "s" and not after[1:2].isalpha():
        return True
    if len(digits) != 4 or not digits.isdigit():
        return False
    if after[:1] in (" ", "\u00a0") and _SCORE_OR_RATE_AFTER.match(after):
        return False
    scored = (
        "cor" in before or "COR" in before
    )  # the literal test skips the searches for most numbers
    if 1800 <= int(digits) <= 2100:  # a year's number needs the score named right before
        return not (scored and _SCORE_RIGHT_BEFORE.search(before))
    if not _YEAR_CTX.search(before):
        return False
    return not (scored and _SCORE_BEFORE.search(before))
