"""The number scan: every number written with digits, with its sign, currency, magnitude
and percent sign, read by one regular expression tried only where a digit run starts.

Trying the expression at the digit runs instead of at every character keeps the scan a
small fraction of the cost of cleaning a page; the caps bound the cost of junk input.
"""

from __future__ import annotations

import re

from ingest.figure_units import CURRENCY_WORDS
from ingest.figure_values import VULGAR_FRACTIONS

# No article has this many numbers; past it the input is a table dump or junk, and the
# cap keeps the cost of one call bounded (about 15 µs per number) whatever is pasted in.
MAX_NUMBERS = 3_000
# Units written glued to their number ("256GB", "2.6GHz", "226ppi", "100km", "12MP", "4ms",
# "256kbps"): the number ends there, and `figure_nouns.attached_unit` reads the unit.
_GLUED = (
    "km|cm|mm|kg|mg|ml|lbs?|ft|mph|kph|kwh|mwh|gwh|twh|mw|gw|kw|mbps|gbps|kbps|gb|tb|mb|kb|"
    "ghz|mhz|khz|hz|ppi|mp|mah|fps"
)
# ... and a few only in lower case, where capitals spell names ("4MS", "2Ms").
_GLUED_LOWER = "ms|kps"
_CUR_WORDS = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
_FIG_RE = re.compile(
    # the lookahead admits only a sign, symbol, digit or a short currency code's shape,
    # so a run of capitals costs one cheap test per character
    r"(?=[-+−$€£¥₹₦\d]|[A-Z][A-Za-z]{0,2}[.$]?[ \u00a0]?\d)(?<![\d.,])"
    r"(?P<sign>(?<![\w])[+\-−](?=[$€£¥₹]|\d))?"
    r"(?P<cur>US\$|HK\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|R\$|\$|€|£|¥|₹|₦|"
    # a code starts a word: "ARM64" and "ARM 64-bit" hold no ringgit, "Mrs 5" no rupees
    r"(?<![A-Za-z])(?:Rs\.?|INR|USD|EUR|GBP|JPY|CHF|CNY|HKD|AUD|CAD|RM|MYR)[ \u00a0]?|"
    # Nigerian papers write naira as a bare "N", but only an amount with a magnitude
    # ("N500m", "N2.5bn", "N1 billion") is read as one: "N95" or "N2" stay names
    # (and South African papers the rand as "R": "R4bn", "R50bn", "R1.2 billion")
    r"(?<![\w])[NR](?=\d[\d,]*(?:\.\d+)?(?:[mbk]|bn|mn|tn|[ \u00a0](?:million|billion|trillion))"
    r"(?![\w])))?"
    # a power, with a small offset: "10^5 * 300 lists", "a payload of 2^15 - 1"
    r"(?P<num>\d{1,3}\^\d{1,3}(?:[ \u00a0]?[-+−][ \u00a0]?\d{1,3}(?![\d^]|[.,]\d))?(?![\d^])|"
    # fractions first: bond prices move in 32nds ("rose 7/32"), "1-1/2 year"
    r"(?:\d{1,3}[- \u00a0])?\d{1,2}/(?:2|3|4|8|16|32|64)(?![\d/])|"
    # a whole number may take a vulgar fraction: "6 ½ minutes", "4½ years"
    rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+|[ \u00a0]?[{VULGAR_FRACTIONS}])?)"
    # "a 13.8-billion-year period", "a $2-billion deal": a hyphen may join a long magnitude
    # word to its number
    r"(?P<mag>-(?=[mbt]illion\b)(?:million|billion|trillion)|"
    r"[ \u00a0]?(?:thousand|million|billion|trillion|lakhs?|crores?|mln|mn|bn|tn)"
    rf"|[kKmbMB])?(?:(?![\w])|(?=(?i:{_GLUED})(?![\w]))|(?=(?:{_GLUED_LOWER})(?![\w]))"
    # "75C", "87W"; a single digit before "C" too ("below 0C"), which only the words
    # before it make a temperature (`figure_nouns.cased_unit`)
    r"|(?<=\d\d)(?=(?:Wh|W)(?![\w]))|(?<=\d)(?=C(?![\w]))|(?=x(?![\w])))"
    # East African shillings written after the amount: "10,000/-", "4m/-" (Uganda: "/=")
    r"(?P<shil>/[-=](?![\w\-=]))?"
    r"(?P<pct>[ \u00a0]?(?:%|percent(?!\w)|per[ \u00a0]?cent(?!\w)|percentage[ \u00a0]points?"
    r"(?!\w)|pct(?!\w)))?"
    rf"(?P<curw>[ \u00a0](?i:{_CUR_WORDS})(?!\w))?"
)
# The first digit of a run, and the next two when there are (a model number has three):
# a search that starts with a single-character class is several times cheaper per
# character than one for a whole run (`\d+`).
_RUN_START = re.compile(r"\d(?<!\d\d)(?:\d\d)?")
# Sign and currency before a number: at most a sign and a three-letter symbol ("-US$"),
# or a code and a space ("Rs. 5", "USD 5").
_MAX_PREFIX = 5
_PREFIX_CHARS = frozenset("+-−$€£¥₹₦ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Digit runs tried for a number: junk with more (a megabyte of "a1 a1 …") stops there.
MAX_RUNS = 10_000


def scan(text: str) -> tuple[list[re.Match[str]], list[int], int]:
    """The matches `_FIG_RE.finditer` would give (up to MAX_NUMBERS), the starts of the
    digit runs of three or more digits, and the end of the text read (20 characters past
    the last match), for `named_numbers`.

    Every match holds a number, whose first digit starts a digit run and is preceded by
    at most `_MAX_PREFIX` characters of sign and currency; so trying the regular
    expression only there, from the left, finds the same matches as a scan of every
    position, at a fraction of the cost (a C-level search for digits does the skipping).
    """
    matches: list[re.Match[str]] = []
    long_runs: list[int] = []
    pos = tried = 0
    end = len(text)
    match = _FIG_RE.match
    for run in _RUN_START.finditer(text):
        d, e = run.span()
        if d >= end:
            break
        if e - d == 3:
            long_runs.append(d)
        if d < pos:
            continue
        tried += 1
        m = None
        lo = max(pos, d - _MAX_PREFIX)
        if not _PREFIX_CHARS.isdisjoint(text[lo:d]):  # most numbers follow a space
            for s in range(lo, d):
                if text[s] in _PREFIX_CHARS and (m := match(text, s)) is not None:
                    break
        if m is not None or (m := match(text, d)) is not None:
            matches.append(m)
            pos = m.end()
        if len(matches) >= MAX_NUMBERS or tried >= MAX_RUNS:
            end, pos = matches[-1].end() + 20 if matches else 0, len(text)
    return matches, long_runs, matches[-1].end() + 20 if matches else 0


def is_plain(m: re.Match[str]) -> bool:
    """A bare number: no currency, magnitude, percent sign or shilling mark."""
    return not (
        m.group("cur") or m.group("curw") or m.group("mag") or m.group("pct") or m.group("shil")
    )
