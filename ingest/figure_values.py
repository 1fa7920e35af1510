"""A figure's value and currency as written: digits, fractions and currency marks.

Kept apart from the context rules because it is plain arithmetic on the matched parts:
"1,250.5", "7/32", "1-1/2" or "6 ½", and "US$" or "euros" mapped to an ISO code.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ingest.figure_units import CURRENCY_PREFIX, CURRENCY_WORDS

# Vulgar fraction characters, written after a whole number with or without a space ("6 ½
# minutes", "4½ years"): the figure is the mixed number.
VULGAR_FRACTIONS = "½¼¾⅓⅔⅛⅜⅝⅞⅕⅖⅗⅘⅙⅚⅐⅑⅒"
_FRACTION = re.compile(r"(?:(\d+)[- \u00a0])?(\d+)/(\d+)")


def parse_number(num: str) -> float | None:
    """The value of a digit string, a fraction or a mixed number ("1-1/2" is 1.5); None
    for a slash pair that is no proper fraction ("12/8" is a date or a score)."""
    if "^" in num:
        return _power(num)
    if num[-1:] in VULGAR_FRACTIONS:
        return float(num[:-1].rstrip(" \u00a0").replace(",", "")) + unicodedata.numeric(num[-1])
    if "/" not in num:
        return float(num.replace(",", ""))
    m = _FRACTION.fullmatch(num)
    if m is None or int(m.group(2)) >= int(m.group(3)):
        return None
    return int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))


_DECIMAL = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")


def scaled(num: str, value: float, factor: float) -> float:
    """`value` times a magnitude or currency scale, exact for a decimal as written: "16.6
    million" is 16600000, not the binary product 16600000.000000002 (the decimal digits
    times the factor's shortest decimal form, rounded once to the nearest float)."""
    if factor == 1.0:
        return value
    if _DECIMAL.fullmatch(num) is None:
        return value * factor  # a fraction, a power or a mixed number: no decimal digits
    try:
        return float(Decimal(num.replace(",", "")) * Decimal(repr(factor)))
    except InvalidOperation:  # pragma: no cover - the expression admits only digits
        return value * factor


_POWER = re.compile(r"(\d+)\^(\d+)(?:[ \u00a0]?([-+−])[ \u00a0]?(\d+))?")


def _power(num: str) -> float | None:
    """The value of "10^5" or "2^15 - 1"; None past a float's range."""
    m = _POWER.fullmatch(num)
    if m is None:
        return None
    base, exp = int(m.group(1)), int(m.group(2))
    if base > 1 and exp * len(m.group(1)) > 300:
        return None
    value = float(base**exp)
    if m.group(4):
        value += -int(m.group(4)) if m.group(3) in "-−" else int(m.group(4))
    return value


def currency_code(m: re.Match[str]) -> str | None:
    """ISO code of the currency written before or after the number, if any."""
    if m.group("curw"):
        return CURRENCY_WORDS[m.group("curw").strip().lower()]
    if m.group("cur"):
        return CURRENCY_PREFIX.get(m.group("cur").strip().upper())
    return None


# The shilling of an amount written "10,000/-": Tanzania's, Kenya's or Uganda's, as the
# article's first mention of a country or its shilling says, else Tanzania's. South Asian
# papers write rupees and taka so too ("Rs 500/-", "Tk 500/-"): a first mention of India
# or Bangladesh or their money makes the amount INR or BDT ("The Indian firm charged
# 500/- per test"). One search of the text, made only for an article with such an amount.
_SHILLING_COUNTRY = re.compile(
    r"\b(?:(Tanzanian?|TSh|Tsh)|(Kenyan?|KSh|Ksh)|(Ugandan?|USh|Ush)|(India|Indian|Rs|INR)"
    r"|(Bangladeshi?|Tk|Taka|BDT))\b|(₹)"
)
_SHILLING_CODES = ("TZS", "KES", "UGX", "INR", "BDT", "INR")


def shilling_code(text: str) -> str:
    """The ISO code of the shilling that "/-" after an amount in `text` means."""
    m = _SHILLING_COUNTRY.search(text)
    if m is None:
        return "TZS"
    return _SHILLING_CODES[m.lastindex - 1 if m.lastindex else 0]
