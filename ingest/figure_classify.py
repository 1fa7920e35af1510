"""Whether one number the scan found is a figure, of what kind, and its value.

A number with a currency, magnitude or percent sign is an amount; a bare one is one
unless `figure_rules.not_a_figure` or the article's own names (`figure_names`) say
otherwise. The result is a draft that `figure_ranges` may still join into a range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.figure_ages import is_age
from ingest.figure_calendar import is_date
from ingest.figure_labels import SCREEN_NOUNS, inch_mark
from ingest.figure_names import is_intl_phone, is_local_phone, model_key
from ingest.figure_nouns import counts_something, kind_unit, noun_follows
from ingest.figure_rules import not_a_figure
from ingest.figure_units import CURRENCY_SCALE, MAGNITUDES
from ingest.figure_values import currency_code, parse_number, scaled

# A qualifier makes an amount of a number the article also uses as a name: "Fortune 100
# brands" ... "over 100 ad serving and media group clients" (a name takes no "over").
_QUALIFIED = re.compile(
    r"\b(?:over|more than|fewer than|less than|nearly|almost|about|around|some|roughly|"
    r"approximately|at least|up to)[ \u00a0]+$",
    re.I,
)
# A multiplier glued to its number ("~9x as cost-effective", "10x faster", "1-2x."): an
# "x" before a comparison (a closed list: "777x later", "777x over" and "777x sooner"
# name a model), the other side of a range ("~3x and ~12x") or the clause's end; "777x
# jets" and "A12X" stay names.
_COMPARATIVE = (
    r"as|than|more|less|fewer|faster|slower|higher|lower|larger|bigger|smaller|greater|"
    r"better|worse|cheaper|stronger|weaker|longer|shorter|richer|quicker"
)
_MULTIPLIER = re.compile(
    rf"^x(?:[ \u00a0]+(?P<cmp>{_COMPARATIVE})\b|(?P<end>[,.;:!?)]|$)|"
    r"[ \u00a0]+(?:and|or|to)[ \u00a0]+~?\d[\d.,]*x\b)",
    re.M,
)
# ... but "makes the 777x." names a model: after a determiner only "as", "than", "more"
# or "less" follows a multiplier ("a 10x more" reads as one, "the 3x faster" need not).
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|our|his|her|this|that)[ \u00a0]$", re.I)
# At the clause's end a multiplier needs a qualifier or a change before it ("about 4x.",
# "~7x,", "grew 3.5x."); "Section 4x." names a section. The other side of a range stands
# before it ("1-2x.", "~3x to ~5x.") is skipped when looking.
_END_CONTEXT = re.compile(
    r"(?:~|\b(?:about|around|roughly|approximately|nearly|almost|some|at|by|up|down|"
    r"grew|grow|grows|rose|rise|rises|jumped|climbed|increased|surged|soared|fell|"
    r"dropped|multiplied|returned)[ \u00a0]+~?)$"
)
_RANGE_HEAD = re.compile(
    r"~?\d[\d.,]*(?:[ \u00a0]?[-–][ \u00a0]?|x?[ \u00a0]+(?:and|or|to)[ \u00a0]+)~?$"
)
# The second side of a multiplier range is taken when its first side is: "between ~3x
# and ~12x revenue" takes 12x, though "x revenue" alone would not make it a multiplier.
_AFTER_MULTIPLIER = re.compile(r"(?<![\w.,])(\d[\d.,]*)x[ \u00a0]+(?:and|or|to)[ \u00a0]+~?$")
# A ticker table row: the last price is followed by its signed change and percent change
# ("THE HOME DEPOT INC. 225.86 -12.99 -5.44%"), so the name before it does not make it a
# designation.
_TABLE_PRICE = re.compile(r"^[ \t]+[-+−]\d[\d,]*\.\d+[ \t]+[-+−]\d[\d,]*\.?\d*%")


@dataclass(slots=True)
class FigureDraft:
    """A figure being built: its span, parts, and whether it stands alone."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    plain: bool  # a bare number: no currency, percent or magnitude


def classify(
    text: str, m: re.Match[str], named: frozenset[str], shilling: str = "TZS"
) -> FigureDraft | None:
    """Decide whether one number match is a figure, and of what kind; None if it is not.
    `named` holds the numbers this article uses as names (model numbers), `shilling` the
    code of an amount written "10,000/-" (`figure_values.shilling_code`)."""
    start, end = m.span()
    sign, cur_raw, num, mag_raw, pct_raw, curw = m.group("sign", "cur", "num", "mag", "pct", "curw")
    value = parse_number(num)
    if value is None:
        return None
    after = text[end : end + 60]
    shil = m.group("shil")
    if not (cur_raw or curw or mag_raw or pct_raw or shil):
        return _classify_plain(text, start, end, num, value, sign, after, named)
    if after[:1] == "x":
        return None  # "$1x", "5mx": only a bare number takes a multiplier's "x"
    cur = shilling if shil and not (cur_raw or curw) else currency_code(m)
    mag = (mag_raw or "").strip().lstrip("-")
    pct = (pct_raw or "").strip()
    if mag in {"M", "B"} and not cur:
        return None  # "5300M", "Block 1B", "2B Mindset": a capital magnitude needs money
    if mag == "K" and not cur and len(num) == 1 and SCREEN_NOUNS.match(after):
        return None  # "4K TVs", "8K displays": a resolution
    if mag and not cur and mag in {"m", "b", "k", "K"} and not noun_follows(after):
        end -= len(mag_raw)
        after = text[end : end + 60]
        mag = ""
        if not pct:
            return _classify_plain(text, start, end, num, value, sign, after, named)
    factor = MAGNITUDES[mag.lower()] if mag else 1.0
    value = scaled(num, value, factor * CURRENCY_SCALE.get((curw or "").strip().lower(), 1.0))
    if sign in {"-", "−"}:
        value = -value
    kind, unit = kind_unit(cur, pct, after)
    if kind == "count" and "/" in num:
        kind = "other"  # a fraction of a price or point counts nothing
    return FigureDraft(start, end, kind, value, unit, plain=False)


def _classify_plain(
    text: str,
    start: int,
    end: int,
    num: str,
    value: float,
    sign: str | None,
    after: str,
    named: frozenset[str],
) -> FigureDraft | None:
    """`_classify` for a bare number (no currency, magnitude or percent sign), the most
    common case, which the context alone makes a figure or not."""
    if "." in num and _TABLE_PRICE.match(after):
        return FigureDraft(start, end, "money", value, None, plain=False)
    before = text[max(0, start - 40) : start]
    if after[:1] in '"″' and value < 1000 and inch_mark(text, end):
        # a date or an age in quote marks is no size: '"March 15" deadline', '"I am 40"'
        if is_date(before, after) or is_age(before, after, value):
            return None
        return FigureDraft(start, end + 1, "quantity", value, "inches", plain=False)  # '34"'
    if after[:1] == "x":
        if not _multiplier(num, before, after, named):
            return None
        return FigureDraft(start, end + 1, "other", value, "times", plain=True)
    if not_a_figure(num, value, before, after, sign == "+" and "." in num):
        return None
    if (sign == "+" or "+" in before[-20:]) and is_intl_phone(text, start, end):
        return None
    grouped = _GROUP_NEXT.match(after) or _GROUP_BEFORE.search(before)
    if grouped and is_local_phone(text, start, end):
        return None
    if num in named and not counts_something(after) and not _QUALIFIED.search(before):
        return None
    if after[1:2].isupper() and model_key(num, after) in named:
        return None  # "the 11 Pro Max is" after "iPhone 11 Pro Max" (`figure_names`)
    if after[:5] == "-inch" and not after[5:6].isalpha() and f"{num}-inch" in named:
        return None  # a size that names a model elsewhere in the article
    if sign in {"-", "−"}:
        value = -value
    kind, unit = kind_unit(None, "", after)
    if kind == "count" and "/" in num:
        kind = "other"  # a fraction of a price or point counts nothing
    return FigureDraft(start, end, kind, value, unit, plain=True)


# Another group of digits beside a bare number: the cheap test before `is_local_phone`.
_GROUP_NEXT = re.compile(r"\)?[ \u00a0\-]\d")
_GROUP_BEFORE = re.compile(r"(?:\d[ \u00a0\-]|\d\)[ \u00a0]?)$")


def _multiplier(num: str, before: str, after: str, named: frozenset[str]) -> bool:
    """Whether the "x" glued after the bare number `num` makes it a multiplier."""
    if before[-1:].isalpha() or num in named:
        return False  # "A12x"; "777x" where the article names the 777x
    first = _AFTER_MULTIPLIER.search(before)
    if first:  # "between ~3x and ~12x revenue": the second side goes with the first
        head, sep = before[: first.start(1)], before[first.end(1) :]
        return _multiplier(first.group(1), head, sep + num + "x", named)
    m = _MULTIPLIER.match(after)
    if m is None:
        return False
    cmp = m.group("cmp")
    if cmp not in {"as", "than", "more", "less"} and _DETERMINER.search(before):
        return False
    if m.group("end") is not None:
        head = _RANGE_HEAD.search(before)
        return bool(_END_CONTEXT.search(before[: head.start()] if head else before))
    return True
