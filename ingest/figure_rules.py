"""The not-a-figure rule: whether a bare number's context shows it states no amount.

A number with no currency, magnitude or percent sign is a figure unless the words around
it make it a year, date, time, age, designation, label or emergency number, or letters
glued to it are no unit. One predicate runs the tests of the modules that know each case,
in a fixed order, so the cheap ones decide most numbers before the costly ones run.
"""

from __future__ import annotations

import re

from ingest.figure_ages import is_age
from ingest.figure_calendar import is_date, is_time, is_year
from ingest.figure_designations import is_designation
from ingest.figure_labels import (
    is_acronym_number,
    is_address,
    is_bore,
    is_citation,
    is_class_number,
    is_jack_size,
    is_journal_reference,
    is_line_score,
    is_list_number,
    is_metre,
    is_model_size,
    is_number_noun,
    is_po_box,
    is_school_class,
    is_sound_format,
)
from ingest.figure_names import is_phone_number
from ingest.figure_nouns import attached_unit, cased_unit, counts_something, stat_item, table_row
from ingest.figure_units import DURATIONS, UNITS

_COUNT_WORD = re.compile(r"-(?:Piece|Pack|Count|Pc)s?\b")


def not_a_figure(num: str, value: float, before: str, after: str, signed: bool = False) -> bool:
    """Bare numbers that are years, dates, times, ages, designations or glued to letters.
    A decimal with a plus sign (`signed`) is a change, never part of a name: "Nasdaq
    +40.75", "Silver +0.35" ("ITV +1" stays a channel's name)."""
    attached = attached_unit(after)
    if attached is None:
        if after[:1].isalpha():
            return True
    elif attached.group(1).lower() not in UNITS and not cased_unit(attached, num, before):
        return True
    if after[:1] == "." and after[1:2].isdigit():
        return True  # the head of a decimal glued to letters: "2.6GHz", "802.11ac"
    if after[:1] == "," and after[1:4].isdigit() and after[4:5].isalpha():
        return True  # ... or of a thousands number glued to letters: "1,440p", "1,080i"
    return (
        (is_year(num, before, after) and not table_row(before, after))
        or is_date(before, after)
        or is_time(before, after)
        or is_age(before, after, value)
        or (
            not signed
            and is_designation(before, after, num)
            and not _glued_after_space(before, after)
            and not stat_item(before, after)
            and not table_row(before, after)
            and not _unit_after_name(before, after)
        )
        or is_class_number(before, after)
        or is_model_size(after)
        or ("/" in num and is_metre(num, after))
        or (is_address(before, after) and not counts_something(after))
        or is_phone_number(num, before, after)
        or is_list_number(before, after)
        or is_citation(num, before, after)
        or is_po_box(before)
        or is_sound_format(num, after)
        or is_jack_size(after)
        or is_bore(after)
        or is_acronym_number(num, after)
        or is_school_class(num, after)
        or is_line_score(num, before, after)
        or is_journal_reference(before, after)
        or is_number_noun(after)
        or (before.endswith(("/",)) or after.startswith("/"))
        or _slide_counter(value, before, after)
    )


# A duration or a unit after a name's number makes it an amount: "the U.N. General
# Assembly 18 months ago", "Route 9 miles away" (a name is followed by no unit: "Boeing
# 787 jets" counts jets, "Section 230 protections" names a law). One-letter units ("m",
# "g") are too often letters. After a possessive the words are a period's name: "his
# Formula 1 years".
_UNIT_WORD = re.compile(r"^[ \u00a0]([a-z][a-z/]+)\b")
_NAME_UNITS = (DURATIONS | UNITS) - {"ms", "kps"}
_POSSESSED_NAME = re.compile(
    r"(?:\b(?:his|her|their|its|my|our|your)|['’]s?)[ \u00a0]+(?:[A-Z][\w.&\-]*[ \u00a0]+)+$"
)


def _unit_after_name(before: str, after: str) -> bool:
    """True for a number that follows a name word and comes before a unit (see above)."""
    if not (before[-1:] in (" ", "\u00a0") and before[-2:-1].isalpha()):
        return False
    m = _UNIT_WORD.match(after)
    if m is None or m.group(1) not in _NAME_UNITS:
        return False
    return _POSSESSED_NAME.search(before) is None


def _glued_after_space(before: str, after: str) -> bool:
    """A number with a unit glued to it after a space is an amount even after a product
    name: "MacBook 256GB", "iPad Pro 12.9-inch 64GB" (a model number has no unit); so is
    a shop title's count joined by a hyphen: "Cloud City 2,812-Piece Set", "Cola 12-Pack"."""
    if before[-1:] not in (" ", "\u00a0"):
        return False
    return after[:1].isalpha() or (after[:1] == "-" and bool(_COUNT_WORD.match(after)))


# A slideshow's counter, a paragraph that is only "N / M" or "N of M" ("1 / 5" above a
# photo caption): a position, not an amount. `before` is read back 40 characters.
_SP = "[ \t\u00a0]*"
_COUNTER_AFTER = re.compile(rf"^{_SP}(?:/|of){_SP}(\d{{1,3}}){_SP}(?:\n|$)")
_COUNTER_BEFORE = re.compile(rf"(?:^|\n){_SP}(\d{{1,3}}){_SP}(?:/|of){_SP}$")
_LINE_END = re.compile(rf"^{_SP}(?:\n|$)")


def _slide_counter(value: float, before: str, after: str) -> bool:
    """True for either number of a paragraph that holds only "N / M" or "N of M", N <= M."""
    if "/" in after[:3] or after[:4].lstrip(" \t\u00a0").startswith("of"):
        if before.rstrip(" \t\u00a0")[-1:] not in {"", "\n"}:
            return False
        m = _COUNTER_AFTER.match(after)
        return m is not None and value <= int(m.group(1))
    if not ("/" in before[-3:] or "of" in before[-4:]) or not _LINE_END.match(after):
        return False
    m = _COUNTER_BEFORE.search(before)
    if m is None or (m.start() == 0 and len(before) >= 40 and before[0] != "\n"):
        return False  # the window may start mid-line
    return int(m.group(1)) <= value
