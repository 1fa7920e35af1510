"""Find the figures in an article's text: money, percentages, counts and quantities.

`find_figures` scans every number written with digits once, with one regular expression
that also takes its sign, currency, magnitude and percent sign, then decides from the
surrounding words whether it states an amount (`figure_rules` rejects years, dates, times,
ages, designations and scores), what kind of amount, and its value with the magnitude
applied. Adjacent figures joined by "to" or a dash become one range. Standard library only,
linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.figure_labels import is_model_size
from ingest.figure_names import named_numbers
from ingest.figure_nouns import counts_something, kind_unit, noun_follows
from ingest.figure_rules import not_a_figure
from ingest.figure_units import CURRENCY_PREFIX, CURRENCY_SCALE, CURRENCY_WORDS, MAGNITUDES
from ingest.sentences import Segmenter
from storage.models import Figure

# No article has this many numbers; past it the input is a table dump or junk, and the
# cap keeps the cost of one call bounded (about 15 µs per number) whatever is pasted in.
MAX_NUMBERS = 3_000
# Units written glued to their number ("256GB", "2.6GHz", "226ppi", "100km", "12MP"): the
# number ends there, and `figure_nouns.attached_unit` reads the unit.
_GLUED = (
    "km|cm|mm|kg|mg|ml|lbs?|ft|mph|kph|kwh|mwh|gwh|twh|mw|gw|kw|mbps|gbps|gb|tb|mb|kb|"
    "ghz|mhz|khz|hz|ppi|mp|mah|fps"
)
_CUR_WORDS = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))
_FIG_RE = re.compile(
    # the lookahead admits only a sign, symbol, digit or a short currency code's shape,
    # so a run of capitals costs one cheap test per character
    r"(?=[-+−$€£¥₹\d]|[A-Z][A-Za-z]{0,2}[.$]?[ \u00a0]?\d)(?<![\d.,])"
    r"(?P<sign>(?<![\w])[+\-−](?=[$€£¥₹]|\d))?"
    r"(?P<cur>US\$|HK\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|R\$|\$|€|£|¥|₹|"
    r"(?:Rs\.?|INR|USD|EUR|GBP|JPY|CHF|CNY|HKD|AUD|CAD)[ \u00a0]?)?"
    # fractions first: bond prices move in 32nds ("rose 7/32"), "1-1/2 year"
    r"(?P<num>(?:\d{1,3}[- \u00a0])?\d{1,2}/(?:2|3|4|8|16|32|64)(?![\d/])|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # "a 13.8-billion-year period", "a $2-billion deal": a hyphen may join a long magnitude
    # word to its number
    r"(?P<mag>-(?=[mbt]illion\b)(?:million|billion|trillion)|"
    r"[ \u00a0]?(?:thousand|million|billion|trillion|lakhs?|crores?|mln|mn|bn|tn)"
    rf"|[kKmb])?(?:(?![\w])|(?=(?i:{_GLUED})(?![\w]))|(?<=\d\d)(?=(?:Wh|W|C)(?![\w])))"
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
_PREFIX_CHARS = frozenset("+-−$€£¥₹ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Digit runs tried for a number: junk with more (a megabyte of "a1 a1 …") stops there.
MAX_RUNS = 10_000
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|rose|fell|grew|gained|lost|climbed|jumped|dropped|declined|increased|"
    r"decreased|slipped|slid|surged|soared|plunged|tumbled|rallied|sank|up|down)\b\D*$"
)
# "anywhere from $200 to $500", "somewhere from 10 to 20": a span of values, not a change.
_SPAN_FROM = re.compile(r"\b(?:anywhere|somewhere)[ \u00a0]+from[ \u00a0]*\D{0,3}$")
# A qualifier makes an amount of a number the article also uses as a name: "Fortune 100
# brands" ... "over 100 ad serving and media group clients" (a name takes no "over").
_QUALIFIED = re.compile(
    r"\b(?:over|more than|fewer than|less than|nearly|almost|about|around|some|roughly|"
    r"approximately|at least|up to)[ \u00a0]+$",
    re.I,
)
_FRACTION = re.compile(r"(?:(\d+)[- \u00a0])?(\d+)/(\d+)")
# A ticker table row: the last price is followed by its signed change and percent change
# ("THE HOME DEPOT INC. 225.86 -12.99 -5.44%"), so the name before it does not make it a
# designation.
_TABLE_PRICE = re.compile(r"^[ \t]+[-+−]\d[\d,]*\.\d+[ \t]+[-+−]\d[\d,]*\.?\d*%")
_RANGE_SEP = re.compile(r"^(?:[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]+(?:to|and)[ \u00a0]+)$")


@dataclass(slots=True)
class _Fig:
    """A figure being built: its span, parts, and whether it stands alone."""

    start: int
    end: int
    kind: str
    value: float | None
    unit: str | None
    plain: bool  # a bare number: no currency, percent or magnitude


def find_figures(text: str, seg: Segmenter | None = None) -> list[Figure]:
    """All figures in `text`, sorted by start, with kind, value (magnitude applied) and unit.
    `seg` may be the quote finder's segmenter of the same text, to share its sentences."""
    matches, runs, read = _scan(text)
    plain = [(m.group("num"), m.start(), m.end()) for m in matches if _is_plain(m)]
    named = named_numbers(text, plain, runs, read) if plain else frozenset()
    if plain and "-inch" in text:
        named = named | _model_sizes(text, plain)
    found = [(m.start(), m.end(), _classify(text, m, named)) for m in matches]
    figs = _merge_ranges(text, found)
    if figs and seg is None:
        seg = Segmenter(text)
    return [
        Figure(
            text=text[f.start : f.end],
            kind=f.kind,
            value=f.value,
            unit=f.unit,
            start=f.start,
            end=f.end,
            sentence=seg.sentence(f.start, f.end) if seg else "",
        )
        for f in figs
    ]


def _scan(text: str) -> tuple[list[re.Match[str]], list[int], int]:
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


def _is_plain(m: re.Match[str]) -> bool:
    """A bare number: no currency, magnitude or percent sign."""
    return not (m.group("cur") or m.group("curw") or m.group("mag") or m.group("pct"))


def _classify(text: str, m: re.Match[str], named: frozenset[str]) -> _Fig | None:
    """Decide whether one number match is a figure, and of what kind; None if it is not.
    `named` holds the numbers this article uses as names (model numbers)."""
    start, end = m.span()
    sign, cur_raw, num, mag_raw, pct_raw, curw = m.group("sign", "cur", "num", "mag", "pct", "curw")
    value = _number(num)
    if value is None:
        return None
    after = text[end : end + 60]
    if not (cur_raw or curw or mag_raw or pct_raw):
        return _classify_plain(text, start, end, num, value, sign, after, named)
    cur = _currency(m)
    mag = (mag_raw or "").strip().lstrip("-")
    pct = (pct_raw or "").strip()
    if mag and not cur and mag in {"m", "b", "k", "K"} and not noun_follows(after):
        end -= len(mag_raw)
        after = text[end : end + 60]
        mag = ""
        if not pct:
            return _classify_plain(text, start, end, num, value, sign, after, named)
    if mag:
        value *= MAGNITUDES[mag.lower()]
    value *= CURRENCY_SCALE.get((curw or "").strip().lower(), 1.0)
    if sign in {"-", "−"}:
        value = -value
    kind, unit = kind_unit(cur, pct, after)
    if kind == "count" and "/" in num:
        kind = "other"  # a fraction of a price or point counts nothing
    return _Fig(start, end, kind, value, unit, plain=False)


def _model_sizes(text: str, plain: list[tuple[str, int, int]]) -> frozenset[str]:
    """The screen sizes ("16-inch") this article writes right before a product's name
    ("16-inch MacBook Pro"): the same size names that model wherever else it stands
    ("the 16-inch base", "the 15-inch 2016 MacBook Pro", "than the 15-inch offered")."""
    return frozenset(f"{num}-inch" for num, _, e in plain if is_model_size(text[e : e + 40]))


def _classify_plain(
    text: str,
    start: int,
    end: int,
    num: str,
    value: float,
    sign: str | None,
    after: str,
    named: frozenset[str],
) -> _Fig | None:
    """`_classify` for a bare number (no currency, magnitude or percent sign), the most
    common case, which the context alone makes a figure or not."""
    if "." in num and _TABLE_PRICE.match(after):
        return _Fig(start, end, "money", value, None, plain=False)
    before = text[max(0, start - 40) : start]
    if not_a_figure(num, value, before, after):
        return None
    if num in named and not counts_something(after) and not _QUALIFIED.search(before):
        return None
    if after[:5] == "-inch" and not after[5:6].isalpha() and f"{num}-inch" in named:
        return None  # a size that names a model elsewhere in the article
    if sign in {"-", "−"}:
        value = -value
    kind, unit = kind_unit(None, "", after)
    if kind == "count" and "/" in num:
        kind = "other"  # a fraction of a price or point counts nothing
    return _Fig(start, end, kind, value, unit, plain=True)


def _number(num: str) -> float | None:
    """The value of a digit string, a fraction or a mixed number ("1-1/2" is 1.5); None
    for a slash pair that is no proper fraction ("12/8" is a date or a score)."""
    if "/" not in num:
        return float(num.replace(",", ""))
    m = _FRACTION.fullmatch(num)
    if m is None or int(m.group(2)) >= int(m.group(3)):
        return None
    return int(m.group(1) or 0) + int(m.group(2)) / int(m.group(3))


def _currency(m: re.Match[str]) -> str | None:
    """ISO code of the currency written before or after the number, if any."""
    if m.group("curw"):
        return CURRENCY_WORDS[m.group("curw").strip().lower()]
    if m.group("cur"):
        return CURRENCY_PREFIX.get(m.group("cur").strip().upper())
    return None


def _merge_ranges(text: str, found: list[tuple[int, int, _Fig | None]]) -> list[_Fig]:
    """Join "242 to 330" and "$40-50 billion" into one figure with no value; drop scores
    ("4-1") and the tail of designations ("787-9")."""
    out: list[_Fig] = []
    prev: _Fig | None = None
    dead_end = -2
    for start, end, f in found:
        if f is None or (start == dead_end + 1 and text[dead_end] in "-–"):
            prev, dead_end = None, end
            continue
        if f.plain and dead_end >= 0 and _tiebreak(text, dead_end, f):
            prev, dead_end = None, end
            continue
        if prev is not None and _RANGE_SEP.match(text[prev.end : f.start]):
            merged = _join(text, prev, f)
            if merged is None:
                out.pop()
                prev, dead_end = None, end
                continue
            if merged is not prev:
                out[-1] = merged
                prev = merged
                continue
        out.append(f)
        prev = f
    return out


def _join(text: str, a: _Fig, b: _Fig) -> _Fig | None:
    """The range a–b, `a` unchanged when they are not a range, or None for a score.

    "from A to B", "rose A to B" and "by A to B" state a change, not a range ("from A-B"
    with a dash, and "anywhere from A to B", are ranges), and so do sides of different
    kinds ("12% to €3bn"): those stay two figures."""
    sep = text[a.end : b.start]
    head = text[max(0, a.start - 16) : a.start].lower()
    dash = sep.strip() in {"-", "–", "—"}
    if a.plain and b.plain and dash and _score(a, b):
        return None  # a score ("lost 6-7") or a designation (787-9), even after a verb
    # a dash joins a range even after "from" or "rose": "ranging from 30-600 MW"
    change = _CHANGE_BEFORE.search(head) and not _SPAN_FROM.search(head)
    if (change and not dash) or ("and" in sep and "between" not in head):
        return a
    if not _compatible(a, b):
        return a
    return _range(a, b)


def _score(a: _Fig, b: _Fig) -> bool:
    """Two bare numbers joined by a dash with no counted noun after them, a falling
    pair (4-1, 787-9), a tie (1-1) or a year on the left: never a range."""
    if not _range_noun(b):
        return True
    return (a.value or 0) >= 1800 or (a.value or 0) >= (b.value or 0)


def _range(a: _Fig, b: _Fig) -> _Fig:
    """One figure spanning both sides, with no value and the unit of the money side."""
    kind = b.kind if b.kind != "count" or a.kind == "count" else a.kind
    money = a if a.kind == "money" else b if b.kind == "money" else None
    unit = money.unit if money else b.unit or a.unit
    return _Fig(a.start, b.end, kind, None, unit, plain=False)


def _tiebreak(text: str, score_end: int, f: _Fig) -> bool:
    """A bare number in brackets just after a score is its tiebreak: 7-6 (5)."""
    return text[score_end : f.start] in {"(", " (", "\u00a0("} and text[f.end : f.end + 1] == ")"


def _compatible(a: _Fig, b: _Fig) -> bool:
    """Sides of one range share a kind: both percentages, one currency, or bare numbers
    (a bare or magnitude-only side takes the other's currency: "$40-50 billion")."""
    if a.kind == "percent" or b.kind == "percent":
        return b.kind == "percent" and (a.kind == "percent" or a.plain)
    if a.kind == "money" and b.kind == "money":
        return a.unit == b.unit
    return True


def _range_noun(b: _Fig) -> bool:
    """A plain dash range needs a counted noun or unit after it ("10-15 years")."""
    return b.unit is not None or b.kind != "count"
