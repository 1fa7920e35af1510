"""Numbers that are names in one article: model numbers, screen sizes and phone numbers.

A designation such as "737 Max" or "the 777 program" looks like a count when read alone,
but an article that uses a number as a name usually shows it somewhere: glued to a
letter ("777x"), with a model suffix ("787-9"), after a brand ("Boeing 787") or twice
before the same capitalised word ("737 Max ... 737 Max"). Such numbers are names in the
whole article, except where a plural noun or unit shows they count something. Only
numbers of three or more digits are treated this way, so "COVID-19" never hides "19
people". A screen size written before a product's name ("16-inch MacBook Pro") names
that model wherever it stands. Emergency phone numbers ("911 calls", "dial 999") are
names by their context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import islice

from ingest.figure_designations import NOT_A_NAME, is_designation
from ingest.figure_labels import is_model_size
from ingest.figure_nouns import is_plural, table_row
from ingest.figure_units import GLUED_CASED, MAGNITUDES, UNITS

MAX_GLUED = 3_000
_GLUED = re.compile(r"(?=\d)(?<![\w.,])(\d{3,}+)(?:([A-Za-z]+)\b|-(\d{1,3})\b)")
_CAP_NEXT = re.compile(r"[ \u00a0]([A-Z][A-Za-z\d]*)\b")
_NOT_MODEL = frozenset({"s", "st", "nd", "rd", "th"}) | frozenset(UNITS) | frozenset(MAGNITUDES)
_PHONE = frozenset({"911", "999", "112", "311", "000"})
_PHONE_AFTER = re.compile(
    r"[ \u00a0-]?(?:calls?|callers?|dispatch\w*|operators?|cent(?:er|re)s?|lines?|emergenc\w*|"
    r"services?)\b",
    re.I,
)
_PHONE_BEFORE = re.compile(r"\b(?:call(?:ed|ing|s)?|dial(?:l?ed|l?ing|s)?|phon(?:ed|ing|es?))\s+$")


def named_numbers(
    text: str, plain: Iterable[tuple[str, int, int]], runs: Iterable[int], end: int
) -> frozenset[str]:
    """Digit strings used as a name in text[:end] (the part the figure scan read); `plain`
    holds the bare numbers (digits, start, end) that the scan found, and `runs` the starts
    of its digit runs of three or more digits (only there can a glued model number start)."""
    named: set[str] = set()
    for m in islice(_glued(text, runs, end), MAX_GLUED):
        if _model_suffix(m.group(1), m.group(2), m.group(3)):
            named.add(m.group(1))
    pairs: Counter[tuple[str, str]] = Counter()
    for num, s, e in plain:
        if not num.isdigit():
            continue
        if len(num) < 3:
            if text[e + 1 : e + 2].isupper():  # most short numbers: no capital after
                named.update(_short_model(text, num, s, e))
            continue
        m = _CAP_NEXT.match(text, e)
        if m and m.group(1) not in NOT_A_NAME and not is_plural(m.group(1)):
            pairs[(num, m.group(1))] += 1
        # "MacBook 256GB": a number with a glued unit is an amount, no model number
        glued = text[e : e + 1].isalpha()
        before, after = text[max(0, s - 40) : s], text[e : e + 60]
        if not glued and is_designation(before, after[:20], num) and not table_row(before, after):
            named.add(num)
    named.update(num for (num, _), k in pairs.items() if k >= 2)
    return frozenset(named)


# Words that finish a model's name after its number: "iPhone 11 Pro Max", "Note 10 Plus".
_MODEL_WORDS = frozenset({"Pro", "Max", "Plus", "Mini", "Lite", "Ultra", "Air", "Edge"})


def _short_model(text: str, num: str, s: int, e: int) -> tuple[str, ...]:
    """A short number written after a brand and before model words ("iPhone 11 Pro Max")
    names "11 Pro Max" for the whole article ("the 11 Pro Max is"), but not "11" alone:
    a short number is too often a count elsewhere."""
    key = model_key(num, text[e : e + 40])
    if key is None or not is_designation(text[max(0, s - 40) : s], text[e : e + 20], num):
        return ()
    return (key,)


_WORDS_AFTER = re.compile(r"^(?:[ \u00a0][A-Z][A-Za-z]*)+")


def model_key(num: str, after: str) -> str | None:
    """ "11 Pro Max" for the number "11" before " Pro Max is": the number and the model
    words after it, when all its capitalised words after it are model words ("11 Pro
    Bowls" has none)."""
    if after[:1] not in (" ", "\u00a0") or not after[1:2].isupper():
        return None
    m = _WORDS_AFTER.match(after)
    words = m.group(0).split() if m else []
    if not words or not all(w in _MODEL_WORDS for w in words):
        return None
    return f"{num} {' '.join(words)}"


def _glued(text: str, runs: Iterable[int], end: int) -> Iterator[re.Match[str]]:
    """The matches `_GLUED.finditer(text, 0, end)` gives, tried only at the given run
    starts (a match takes a whole run, so it can start nowhere else)."""
    last = 0
    match = _GLUED.match
    for d in runs:
        if d >= end:
            break
        if d >= last and (m := match(text, d, end)) is not None:
            last = m.end()
            yield m


def _model_suffix(head: str, letters: str | None, tail: str | None) -> bool:
    """ "777x" and "787-9" are models; "100km", "300MW", "100Wh", "1990s" and "100-200"
    are not."""
    if letters is not None:
        return letters.lower() not in _NOT_MODEL and letters not in GLUED_CASED
    return tail is not None and int(tail) < int(head)


def model_sizes(text: str, plain: list[tuple[str, int, int]]) -> frozenset[str]:
    """The screen sizes ("16-inch") this article writes right before a product's name
    ("16-inch MacBook Pro"): the same size names that model wherever else it stands
    ("the 16-inch base", "the 15-inch 2016 MacBook Pro", "than the 15-inch offered")."""
    return frozenset(f"{num}-inch" for num, _, e in plain if is_model_size(text[e : e + 40]))


def is_phone_number(num: str, before: str, after: str) -> bool:
    """Emergency numbers: "911 calls", "a 999 operator", "dialled 112"."""
    return num in _PHONE and bool(_PHONE_AFTER.match(after) or _PHONE_BEFORE.search(before))


# An international phone number: a "+" and country code, an optional "(0)", then groups
# of digits ("+49 (0)40 890 85-433", "+1 212 555 0100"). Its parts count nothing.
# A dot is a decimal point, never a group's separator: "+12.25 4512.50" and "+125.50
# 34500.25" are a market's change and level.
_INTL_PHONE = re.compile(
    r"\+\d{1,3}(?:[ \u00a0]?\(0\))?(?:[ \u00a0\-]?\d{2,4}){2,5}(?![\d.,]\d|\d)"
)
MIN_PHONE_DIGITS = 9


def is_intl_phone(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of an international phone number."""
    plus = text.rfind("+", max(0, start - 20), start + 1)
    if plus < 0:
        return False  # the literal test skips the expression for almost every number
    m = _INTL_PHONE.match(text, plus)
    if m is None or m.end() < end:
        return False
    return sum(ch.isdigit() for ch in m.group(0)) - m.group(0).count("(0)") >= MIN_PHONE_DIGITS


# A national phone number: an area code (perhaps in brackets), then groups of digits
# separated by single spaces or hyphens ("1800 333 000", "020 7946 0958", "(555) 123-4567").
_LOCAL_PHONE = re.compile(
    r"(?<![\d.,])(?:\(\d{2,5}\)[ \u00a0]?|\d{2,5}[ \u00a0\-])\d{2,4}(?:[ \u00a0\-]\d{2,4}){0,3}"
    r"(?![\d.,]\d|\d)"
)
# What introduces a phone number: "call", "on", "tel", "contact Crime Stoppers on".
_PHONE_CUE = re.compile(
    r"\b(?:call|calls|calling|phone|tel|telephone|hotline|helpline|dial|ring|text|contact|"
    r"on|number|line|whatsapp|fax)\b[^.\n\d]{0,30}$",
    re.I,
)
MIN_LOCAL_PHONE_DIGITS = 8


def is_local_phone(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of a phone number written without a country code:
    groups of digits with an area code in brackets, or a leading 0, or after a word that
    introduces a number ("call", "on"). A range ("1000-1500 words") and a row of numbers
    ("Revenue 1234 1456 1678") are no phone number, nor are groups that read as thousands
    ("10 000 000")."""
    lo = max(0, start - 20)
    for m in _LOCAL_PHONE.finditer(text, lo, end + 20):
        if not (m.start() <= start and end <= m.end()):
            continue
        number = m.group(0)
        groups = re.findall(r"\d+", number)
        if sum(map(len, groups)) < MIN_LOCAL_PHONE_DIGITS:
            return False
        if len(groups) == 2 and "-" in number and "(" not in number:
            return False  # "1000-1500": a range
        if "(" in number or groups[0].startswith("0"):
            return True
        thousands = len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
        return not thousands and bool(_PHONE_CUE.search(text, max(0, m.start() - 40), m.start()))
    return False


# A version written with three parts ("the 2.8.x series", "4.1.1", "4.2.7") makes its
# first two a version's name in the whole article: "2.8 has been labeled a long-term
# release", "QGIS 2.8 and", "4.1 in April 2014". Only decimals can be heads, and a unit
# or plural after one still counts ("2.8 miles", `counts_something`).
_VERSION = re.compile(r"(?<![\w.])(\d{1,3}\.\d{1,3})\.(?:\d{1,4}|x)(?![\w])")
MAX_VERSIONS = 1_000


def version_heads(text: str) -> frozenset[str]:
    """The decimals ("2.8") that head a three-part version ("2.8.x", "2.8.1") in `text`."""
    found = islice(_VERSION.finditer(text), MAX_VERSIONS)
    return frozenset(m.group(1) for m in found)
