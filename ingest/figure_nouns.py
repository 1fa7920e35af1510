"""What a figure counts: the unit or noun after its number, which also sets its kind.

"256GB" and "5 km" are quantities, "10 years" a duration, "5 times" a ratio and "737
jets" counts jets; the same reading tells a number used as a name ("737 Max") from one
that still counts something.
"""

from __future__ import annotations

import re

from ingest.figure_units import DURATIONS, GLUED_CASED, UNITS
from ingest.sentences import word_set

_ATTACHED_UNIT = re.compile(r"^([a-zA-Z°/]{1,5})(?![\w])")
_UNIT_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ°/")  # its first
_NEXT_WORD = re.compile(r"^[ \u00a0]*(?:-[ ]?)?([a-zA-Z][a-zA-Z\-]*)")
_OF_NOUN = re.compile(
    r"^[ \u00a0]+of[ \u00a0]+(?:(?:the|those|these|its|their|our|his|her)\b)?[ \u00a0]*"
    r"(?:[\d,.]+[ \u00a0]+)?([a-z][a-z\-]*)"
)
# A name between a number and its noun: "27 Ligue 1 goals", "40 Fortune 500 companies",
# "4,000 B.C. residents".
_NAMED_NOUN = re.compile(
    r"^[ \u00a0]+((?:(?:[A-Z][\w&\-]*(?:\.[A-Z]?)*|\d+)[ \u00a0]+){1,3})([a-z][a-z\-]*)\b"
)
_ED_NOUNS = word_set("speed speeds breed creed steed seabed hundred")
_SKIP_NOUN = word_set(
    "of to and or in on at by for from with the a an as than more less is are was were "
    "be been has have had will would who which that this these those it its per after "
    "before since while when during until into over under about through against among "
    "without within if but so because then"
)


def attached_unit(after: str) -> re.Match[str] | None:
    """The letters glued to the number ("GB" of "256GB"), if any; the test of the first
    character skips the regular expression for most numbers, which a space follows."""
    return _ATTACHED_UNIT.match(after) if after[:1] in _UNIT_START else None


# Words that make a single digit before "C" a temperature: "below 0C", "highs of 8C".
_TEMPERATURE_BEFORE = re.compile(
    r"\b(?:temperatures?|below|above|minus|highs?|lows?|freezing|degrees)\b[^.!?\n\d]{0,24}$",
    re.I,
)


def cased_unit(attached: re.Match[str], num: str, before: str = "") -> bool:
    """True for "87W", "100Wh" or "75C" (two digits or more before the unit), and for a
    single digit before "C" after a word of temperature ("below 0C"); "the 5C" (a phone),
    "grade 3C" stay names."""
    unit = attached.group(1)
    if unit not in GLUED_CASED:
        return False
    if len(num) >= 2:
        return True
    return unit == "C" and _TEMPERATURE_BEFORE.search(before[-40:]) is not None


def noun_follows(after: str) -> bool:
    """True if a plural-looking word follows: "5m people" means millions, "100m" metres."""
    m = _NEXT_WORD.match(after)
    return bool(m and m.group(1).endswith("s") and m.group(1).lower() not in UNITS)


# Units written only in lower case: "MS patients" (multiple sclerosis) and "KPS" spell
# names, not milliseconds.
_LOWER_ONLY = frozenset({"ms", "kps"})


def kind_unit(cur: str | None, pct: str, after: str) -> tuple[str, str | None]:
    """Kind and unit: currency code, %, a unit or duration, or the counted noun."""
    if cur:
        return "money", cur
    if pct:
        return "percent", "percentage points" if pct.startswith("percentage") else "%"
    attached = attached_unit(after)
    if attached and (attached.group(1).lower() in UNITS or attached.group(1) in GLUED_CASED):
        return "quantity", attached.group(1)
    m = _NEXT_WORD.match(after)
    word = m.group(1).lower().rstrip("-") if m else ""  # "20-of-24": "of", not "of-"
    if word in DURATIONS:
        return "quantity", word
    if word in UNITS and not (word in _LOWER_ONLY and m and m.group(1) != word):
        return "quantity", m.group(1) if m else word
    if word in {"times", "fold", "x"}:
        return "other", "times"
    if word.startswith(("square-", "cubic-")) and word.split("-", 1)[1] in UNITS:
        return "quantity", word  # "a 12,500-square-foot house"
    if word in _MEASURE_WORDS:
        measured = _MEASURED.match(after)
        if measured and measured.group(3).lower() in UNITS:
            return "quantity", f"{measured.group(1)} {measured.group(2)}".lower()
    if word == "of":
        m = _OF_NOUN.match(after)
        return "count", counted_noun(after, m.start(1) - 1) if m else None
    if m and m.group(1)[0].isupper() and not _name_plural(m.group(1)):
        unit = named_noun(after)
        if unit:
            return "count", unit
    if m is None:  # "400 737 Max jets": a name's number before the noun
        return "count", counted_noun(after, 0) if _NUMBERED_NAME.match(after) else None
    if after[:1] in " \u00a0":
        return "count", counted_noun(after, 0)
    if word.endswith("ed") and len(word) > 4 and word not in _ED_NOUNS:
        return "count", None  # "660,000-based": a participle counts nothing
    return "count", word if word not in _SKIP_NOUN else None


# "2.3 square miles", "20.7 cubic feet", "2.5 metric tons": an area, a volume or a weight.
_MEASURE_WORDS = frozenset({"square", "cubic", "metric"})
_MEASURED = re.compile(
    r"^[ \u00a0]+(square|cubic|metric)[ \u00a0]+((?:nautical[ \u00a0]+)?([a-zA-Z]+))\b"
)
# A verb or an auxiliary right after the number ("650 of those are researchers", "a cell
# meant for 35 held 155"): the number counts nothing written.
_VERBS = word_set(
    """is are was were be been being am have has had having will would shall should can
    could may might must do does did held hold holds said say says told tell tells went
    go goes took take takes made make makes got get gets gave give gives came come comes
    saw see sees won win wins lost lose loses left fell rose grew ran sold buy bought paid
    pay pays spent kept met sat stood felt found brought remain remains became become
    becomes need needs want wants"""
)
# Adjectives and other modifiers before the counted noun: "30,154 new cars", "18
# Northern and central California counties", "155 adult males", "60 of the embattled 737
# Max jet" (no plural, so no unit). A word a plural noun follows within two words is a
# modifier too ("1,000 maintenance workers" counts workers).
_MODIFIERS = word_set(
    """new old northern southern eastern western central north south east west
    north-east north-west south-east south-west northeastern northwestern southeastern
    southwestern embattled adult young younger older elderly more other additional former
    local extra fewer further separate different individual total active current
    registered confirmed suspected unconfirmed licensed armed full-time part-time
    permanent temporary small large big major minor top best worst key rural urban
    international foreign domestic national regional federal private public"""
)
# "20 of them", "10 of their own": a pronoun names no noun.
_PRONOUNS = word_set("them us you whom own ours theirs yours mine")
_NUMBERED_NAME = re.compile(r"^[ \u00a0]+\d[\d,]*[ \u00a0]+[A-Z]")
_SCAN_WORD = re.compile(r"[ \u00a0]+([A-Za-z0-9][\w\-]*)([’']s?)?")
# Plurals with no s, and measures that a plural follows ("1 cup blueberries", "1/2 tsp
# cloves"): the word itself is the noun.
_IRREGULAR_PLURALS = word_set(
    "people men women children police staff personnel cattle sheep aircraft crew geese mice"
)
_MEASURES = word_set(
    """cup cups tsp tbsp teaspoon teaspoons tablespoon tablespoons oz slice slices scoop
    scoops piece pieces pinch clove can cans bunch handful stick package pack bag box jar
    bottle glass serving servings dozen pair set"""
)
_MAX_MODIFIERS = 4  # "18 Northern and central California counties"
_CONNECTORS = frozenset({"and", "or", "&"})


def counted_noun(after: str, pos: int) -> str | None:
    """The counted noun from the word after the space at `pos` of `after`: that word if it
    is plural; after a modifier ("new cars", "18 Northern and central California counties")
    or a number ("400 737 Max jets") the first plural within four words, or None when none
    comes ("the embattled 737 Max jet"); else the plural right after the word ("1,000
    maintenance workers" counts workers, but not "1 cup blueberries"), or the word itself."""
    w = _SCAN_WORD.match(after, pos)
    if w is None:
        return None
    first, head = w.group(1), w.group(1).lower()
    if head in _SKIP_NOUN or (first.islower() and (head in _PRONOUNS or head in _VERBS)):
        return None
    if head in _MEASURES or head in _IRREGULAR_PLURALS or _plural(first):
        return head
    # the words after it are read only for the numbers that need them (most do not)
    words = [first]
    end = w.end()
    while not w.group(2) and len(words) <= _MAX_MODIFIERS:  # a possessive ends the phrase
        w = _SCAN_WORD.match(after, end)
        if w is None:
            break
        words.append(w.group(1))
        end = w.end()
    abbreviation = first.isupper() and len(first) <= 4  # "1,500 US voters", "LED lights"
    if head in _MODIFIERS or head.isdigit() or _hyphened(head) or abbreviation:
        for w in words[1:]:
            low = w.lower()
            if _plural(w) or low in _IRREGULAR_PLURALS:
                return low
            if (low in _SKIP_NOUN and low not in _CONNECTORS) or low in _VERBS:
                break
        return head if abbreviation else None  # "1 TFL, 2 QH": the abbreviation is the noun
    if head.endswith("ed") and len(head) > 4 and head not in _ED_NOUNS:
        return None  # "660,000 based on estimates": a participle counts nothing
    if first[0].islower():
        if len(words) > 1 and (_plural(words[1]) or words[1] in _IRREGULAR_PLURALS):
            return words[1].lower()  # "1,000 maintenance workers", "10 wealthy men"
        joined = len(words) > 3 and words[1] in _CONNECTORS
        if joined and words[2].isalpha() and words[2].islower() and _plural(words[3]):
            return words[3].lower()  # "1,000 maintenance and cleaning workers"
    return head


def _hyphened(word: str) -> bool:
    """A compound adjective ending in a participle: "soft-boiled", "red-and-white-painted"."""
    return "-" in word and word.endswith("ed")


def _plural(word: str) -> bool:
    """A plural noun for `counted_noun`: not "news", "bonus" or "previous", and a
    capitalised one not a name that ends in s ("Airbus")."""
    low = word.lower()
    if not is_plural(word) or low.endswith(("us", "is")) or low in _VERBS or low == "news":
        return False
    return word[0].islower() or _name_plural(word)


def named_noun(after: str) -> str | None:
    """The plural noun after a name that follows the number: "27 Ligue 1 goals" counts
    goals, "3 Grand Slams this year" slams; None when no plural ends the name. (A plural
    first word is itself the noun: "40 Afghans this week".)"""
    named = _NAMED_NOUN.match(after)
    if named is None:
        return None
    last = named.group(1).split()[-1]
    if _name_plural(last):
        return last.lower()
    noun = named.group(2)
    return noun if is_plural(noun) and noun not in _SKIP_NOUN else None


def _name_plural(word: str) -> bool:
    """A capitalised plural ("Afghans", "Democrats", "Slams"), not a name that merely ends
    in s after a vowel ("Airbus", "Texas", "Paris")."""
    return is_plural(word) and word[-2] not in "aiouAIOU"


def is_plural(word: str) -> bool:
    """A plural-looking word, lower or capitalised ("jets", "Indians", "Democrats")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith("ss")


def counts_something(after: str) -> bool:
    """True when a plural noun, unit or "of" follows: "737 jets" still counts jets."""
    m = _NEXT_WORD.match(after)
    if not m:
        return False
    word = m.group(1)
    if is_plural(word):
        return True
    return word[0].islower() and (word in UNITS or word in DURATIONS or word == "of")


# A player's statistics in a box score ("Armani Sheffield 19 points and 3 steals.", "Osas
# Osaro 3 goals, 1 assist."): after a name the number would read as part of it (Boeing
# 787), but a statistic's noun ends its item, and LABELLING.md counts statistics.
_STATS = word_set(
    """point points pts goal goals assist assists save saves steal steals rebound rebounds
    block blocks tackle tackles sack sacks touchdown touchdowns interception interceptions
    strikeout strikeouts reception receptions carry carries catch catches birdie birdies
    ace aces kill kills dig digs wicket wickets try tries"""
)
_STAT_ITEM = re.compile(r"^[ \u00a0]+([a-z]+)(?:[.,;)]|[ \u00a0]+and\b|[ \u00a0]*(?:\n|$))")
# The capitalised words before the number are a thing's name when a determiner or a
# possessive comes before them ("the Formula 1 points", "Verstappen's Formula 1 points"),
# or when the word names a competition, a round or a period rather than a player ("27
# Ligue 1 goals", "8 Game 7 points", "9 Week 1 sacks").
_DETERMINED = re.compile(
    r"(?:\b(?:the|a|an|his|her|its|their|our|this|that)|['’]s?)[ \u00a0]+"
    r"(?:[A-Z][\w\-]*[ \u00a0]+)+$"
)
_NAME_WORDS = re.compile(
    r"\b(?:Formula|Ligue|Liga|Serie|Bundesliga|League|Division|Game|Week|Round|Stage|"
    r"Series|Season|Group|Grade|Championship|Premier)[ \u00a0]+$"
)


def stat_item(before: str, after: str) -> bool:
    """True for a statistic after a player's name: the noun ends the item, and no
    determiner makes the capitalised words a thing's name ("the Formula 1 points.")."""
    m = _STAT_ITEM.match(after)
    if m is None or m.group(1) not in _STATS:
        return False
    tail = before[-60:]
    return not (_DETERMINED.search(tail) or _NAME_WORDS.search(tail))


# A row of a table flattened into a paragraph: a name, then a count and its share
# ("Herbert Dürr 63 16.6% Jürgen Schmidt 56 14.7%"). After a name the count would read as
# part of it (Boeing 787), but a share right after it, with the row before or after of
# the same shape, makes it a statistic; one "Name N P%" alone ("iPhone 11 20% off") is
# not a table.
_ROW_SHARE = re.compile(r"^[ \u00a0]+(\d{1,3}(?:\.\d{1,2})?)[ \u00a0]?%")
_NEXT_ROW = re.compile(
    r"[ \u00a0]+[^\d\n%]{2,48}?[ \u00a0]\d[\d,]*[ \u00a0]+\d{1,3}(?:\.\d{1,2})?[ \u00a0]?%"
)
_PREV_ROW = re.compile(r"\d[ \u00a0]?%[ \u00a0]+[^\d\n%]{2,48}$")


def table_row(before: str, after: str) -> bool:
    """True for the count of a "Name N P%" row next to another such row (see above)."""
    if not after[1:2].isdigit() or after[:1] not in (" ", "\u00a0"):
        return False  # the literal test skips the expressions for almost every number
    share = _ROW_SHARE.match(after)
    if share is None:
        return False
    return bool(_PREV_ROW.search(before) or _NEXT_ROW.match(after, share.end()))
