"""Numbers that label a thing rather than count it: addresses, classes and list items.

A street number, "route 66", "type 2", a "12-inch MacBook", a "6/8" metre, a list item's
"2.", a "3-pointer" and a citation "(1)." all look like amounts; each test reads the few
characters around the number, behind a cheap literal gate before its regular expression.
"""

from __future__ import annotations

import re
from math import gcd

from ingest.figure_units import DURATIONS, UNITS

# Things named by a number: a 3-pointer is a kind of shot, not three points; a 3-in-1
# charger is a kind of charger.
_NUMBER_NOUN = re.compile(
    r"^-in-\d|^-(?:pointer|footer|wheeler|seater|shooter|pounder|timer|hander|header|decker|liner)s?\b"
)
# A street number: "520 Third Street", "1600 Pennsylvania Avenue NW" (an address, no amount).
_STREET_AFTER = re.compile(
    # a compass point may come first, abbreviated: "1225 N. Rampart St.", "40 SW. Main St."
    r"^[ \u00a0](?:[NSEW]{1,2}\.[ \u00a0])?(?:[A-Z][\w\-]*[ \u00a0]){1,3}"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Place|Square|Parkway|Plaza|Court)(?!\w)"
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
# A reference marker after a clause: "binge eating (1).", "weight loss (10, 11)." (up to
# three digits each, and the bracket closes the clause).
_CITATION_BEFORE = re.compile(r"[a-z%][ \u00a0]\((?:\d{1,3},[ \u00a0])*$")
_CITATION_AFTER = re.compile(r"(?:,[ \u00a0]\d{1,3})*\)(?:[.,;:]|$)", re.M)
# A ranked table row: "\n4 Denny Hamlin 5027 6 3 19 24" (a name of two or more capitalised
# words, then another number on the line).
_RANK_ROW_AFTER = re.compile(r"[ \t](?:[A-Z][\w.'’\-]*[ \t]){2,4}[^\n]{0,30}?\d")
# After a reference marker's "]": a clause's end, another marker or a new sentence.
_BRACKET_END = re.compile(r"\](?:[.,;:!?)\[\"”’]|[ \u00a0]*(?:\n|$)|[ \u00a0][A-Z])")
_LIST_AFTER = re.compile(r"^[.)](?:\s|$)")
# A post-office box: "P.O. Box 4410", "PO Box 12", "Post Office Box 9".
_PO_BOX_BEFORE = re.compile(
    r"\b(?:P\.?[ \u00a0]?O\.?|Post[ \u00a0]Office)[ \u00a0]+Box[ \u00a0]$", re.I
)
# A journal reference in a bibliography, "Curr Opin Anaesthesiol. 2015; 28: 685-690." or
# "2019;12(3):45": the volume after the year and ";", the issue in brackets, the pages
# after ":". The volume needs its colon and pages: "In 2019; 45 (30%) were" counts.
_VOLUME_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d[ \u00a0]?;[ \u00a0]?$")
_VOLUME_AFTER = re.compile(r"^(?:[ \u00a0]?\(\d{1,4}\))?[ \u00a0]?:[ \u00a0]?\d")
_PAGES_BEFORE = re.compile(
    r"\b(?:1[89]|20)\d\d[ \u00a0]?;[ \u00a0]?\d{1,4}(?:[ \u00a0]?\(\d{1,4}\))?"
    r"(?:[ \u00a0]?\(\d{1,4}\)|[ \u00a0]?:[ \u00a0]?)$"
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


def is_po_box(before: str) -> bool:
    """The number of a post-office box ("P.O. Box 4410"), part of an address."""
    if before[-4:-1] not in {"Box", "BOX", "box"}:
        return False
    return _PO_BOX_BEFORE.search(before[-24:]) is not None


def is_journal_reference(before: str, after: str) -> bool:
    """A volume, issue or page number of a journal reference ("2015; 28: 685-690",
    "2019;12(3):45"), which counts nothing."""
    if ";" not in before[-16:]:
        return False
    if _VOLUME_BEFORE.search(before[-8:]):
        return _VOLUME_AFTER.match(after) is not None
    return _PAGES_BEFORE.search(before[-24:]) is not None


def is_citation(num: str, before: str, after: str) -> bool:
    """A reference number in brackets closing a clause: "binge eating (1).", "(10, 11)."
    ("four (4) size options" and "grade (77.4)" stay amounts); and any number of up to
    three digits in square brackets that end a clause or open a line, "per shift [1]," or
    a footnote's "[2] Smith J." ("hired [50] more" is an editor's insertion: an amount)."""
    if before[-1:] == "[" and after[:1] == "]":
        marker = before[-2:-1] in {"", "\n"} or _BRACKET_END.match(after)
        return bool(marker) and len(num) <= 3 and num.isdigit()
    if not (before[-1:] == "(" or before[-2:] == ", ") or after[:1] not in {",", ")"}:
        return False
    return (
        len(num) <= 3
        and num.isdigit()
        and bool(_CITATION_BEFORE.search(before[-24:]) and _CITATION_AFTER.match(after))
    )


# A line score: a team's points by period, then a dash and its total, one line to a team
# ("Rockledge 14 11 6 15 — 44"). LABELLING.md leaves game scores out, and these are its
# parts.
_LINE_SCORE = re.compile(r"[A-Z][^\d\n]{0,40}?(?:[ \t]+\d{1,3}){2,}[ \t]+[—–-][ \t]+\d{1,3}[ \t]*")


def _has_dash(s: str) -> bool:
    return "—" in s or "–" in s or " - " in s


def is_line_score(num: str, before: str, after: str) -> bool:
    """True for a number of a line that holds only a team and its line score."""
    if not (_has_dash(after) or _has_dash(before)):
        return False  # no dash near: the common case, decided without building the line
    line_end = after.find("\n")
    cut = before.rfind("\n")
    line = before[cut + 1 :] + num + (after if line_end < 0 else after[:line_end])
    if not _has_dash(line):
        return False  # the literal test skips the expression for almost every number
    if cut < 0 and len(before) >= 40:
        return False  # the line starts out of sight
    return bool(_LINE_SCORE.fullmatch(line))


# Sound formats name a speaker layout, not an amount: "5.1 surround sound", "7.1-channel".
_LAYOUTS = frozenset({"2.1", "5.1", "7.1", "7.2", "9.1", "9.2"})
_CHANNELS_AFTER = re.compile(r"^[ \u00a0\-](?:surround|channels?|ch|audio|speakers?)\b", re.I)
# Screen resolutions named by a "K": "4K TVs", "8K displays" (no 4,000 TVs). Video,
# cameras and streams only in the singular ("4K video", "a 4K stream"): "9K streams" and
# "5K videos" count thousands. Textures, discs and footage come in a resolution too ("4K
# textures", "4K Blu-rays").
SCREEN_NOUNS = re.compile(
    r"^[ \u00a0\-](?:TVs?|televisions?|displays?|monitors?|screens?|projectors?|video|"
    r"camera|stream|streaming|resolution|HDR|UHD|OLED|LED|textures?|Blu-?rays?|footage)\b",
    re.I,
)


# A connector named by its size: "a 3.5mm headphone jack", "2.5mm audio port".
_JACK_AFTER = re.compile(
    r"^mm[ \u00a0\-]+(?:headphone|headset|audio|stereo|aux|mic|microphone|jack|plug|socket)",
    re.I,
)


def is_jack_size(after: str) -> bool:
    """True for the size of a headphone or audio connector, a type, not an amount."""
    return after[:2] in ("mm", "MM") and _JACK_AFTER.match(after) is not None


# A gun's bore names its type, as ".45-caliber" does (LABELLING): "0.50 calibre rounds",
# "120 mm rounds", "155mm shells", "a 9mm pistol"; "40mm of rain" stays a quantity.
_BORE_AFTER = re.compile(
    r"^[ \u00a0]?(?:-?calib(?:re|er)s?\b|(?:mm|millimet(?:re|er))[ \u00a0\-]+(?:rounds?|"
    r"shells?|ammunition|ammo|bullets?|cartridges?|guns?|cannons?|mortars?|howitzers?|"
    r"artillery|rifles?|pistols?|handguns?|machine[ \u00a0\-]guns?|tank[ \u00a0]guns?)\b)",
    re.I,
)


def is_bore(after: str) -> bool:
    """True for a gun's calibre or bore (see above), a type, not an amount."""
    head = after[:3].lower()
    return ("c" in head or "m" in head) and _BORE_AFTER.match(after) is not None


def is_sound_format(num: str, after: str) -> bool:
    """True for "5.1" or "7.1" before surround, channel or audio: a speaker layout."""
    return num in _LAYOUTS and bool(_CHANNELS_AFTER.match(after))


# A name spelled out before its acronym, whose number it shares: "glucagon-like peptide 1
# (GLP-1)", "type 2 diabetes (T2D)" has no number after its letters and stays a class.
_ACRONYM_AFTER = re.compile(r"^[ \u00a0]\([A-Z][A-Za-z]{0,6}-?(\d{1,3})\)")


def is_acronym_number(num: str, after: str) -> bool:
    """True for a number the acronym in brackets after it repeats: "peptide 1 (GLP-1)"."""
    if after[:2] not in (" (", "\u00a0("):
        return False
    m = _ACRONYM_AFTER.match(after)
    return m is not None and m.group(1) == num


# A school sports class joined by a dash, the larger number first: "5-1A", "3-2AA" (its
# tail, "1A", is a name too); "3-5A" rises, a range of amperes.
_CLASS_TAIL = re.compile(r"^-(\d{1,2})A{1,4}\b")


def is_school_class(num: str, after: str) -> bool:
    """True for the head of a class such as "5-1A" (the tail must be the smaller)."""
    if after[:1] != "-":
        return False
    m = _CLASS_TAIL.match(after)
    return m is not None and num.isdigit() and int(num) > int(m.group(1))


# An inch mark: a straight or prime double mark glued to a size, then a unit-like context:
# a screen or wheel noun ('34" Curved Monitor', '70"+ TV', '13" and 15" laptops'), or a
# dimension word ('measures 22" deep', '24" x 36"'). A mark before anything else ('"April 1"
# deadline', '"Ocean's 12" before', '"I am 40" at') closes a quote.
_INCH_MARKS = frozenset('"″')
_INCH_NOUN = (
    r"(?i:monitors?|TVs?|televisions?|screens?|displays?|panels?|wheels?|rims?|alloys|"
    r"tyres?|tires?|tablets?|laptops?|notebooks?|chromebooks?|macbooks?|imacs?|ipads?|"
    r"subwoofers?|woofers?|(?:UHD|HD)TVs?|class)\b"
)
_INCH_DIM = r"(?:deep|wide|tall|high|long|thick|diagonal|across|x|×)(?![\w\-])"
# what may stand between the mark and the noun: more sizes of a list ('13", 15" and 17"'),
# and up to eight words of a listing that describe the screen ('34" 3440x1440 1900R Curved
# 4ms 120Hz GSYNC IPS Panel', '65" LG 65UM7300 4K Smart HDTV', 'curved', 'gaming')
_INCH_MOD = (
    r"(?:[A-Z0-9][\w\-]*|(?i:curved|ultra-?wide|gaming|smart|flat(?:-screen)?|widescreen|"
    r"touchscreen|portable|computer|alloy|inch)(?![\w\-]))"
)
_INCH_CONTEXT = re.compile(
    r'["″]\+?'
    r'(?:(?:,|[ \u00a0]+(?:and|or|to)|[ \u00a0]*[-–/])[ \u00a0]*\d{1,3}(?:\.\d{1,2})?["″]\+?){0,4}'
    rf"(?:[ \u00a0]+{_INCH_MOD}){{0,8}}"
    rf"(?:[ \u00a0\-]+{_INCH_NOUN}|[ \u00a0]+{_INCH_DIM})"
)
# How far back (on the same line) to look for a quote the mark may close: a fixed window
# keeps the test's cost per number constant (counting the marks from the paragraph's start
# took 32-38 s on a megabyte of '34" monitor' or '"we need 30"').
_LOOK_BACK = 80


def inch_mark(text: str, end: int) -> bool:
    """True if the mark after the number ending at `end` is an inch mark: a prime mark
    (″), or a straight one before a unit-like context that closes no quote opened
    just before it (on the same line, in the last `_LOOK_BACK` characters). The look
    both ways is bounded, so the cost per number is constant."""
    mark = text[end : end + 1]
    if mark not in _INCH_MARKS:
        return False
    if mark == "″":
        return True
    if _INCH_CONTEXT.match(text, end, end + 120) is None:
        return False
    lo = max(0, end - _LOOK_BACK)
    line = text.rfind("\n", lo, end)
    q = text.rfind('"', max(lo, line + 1), end)
    if q < 0:
        return True
    # the last mark before the number opens a quote (after a space, a bracket or the line
    # start, before a non-space): the mark after the number closes it
    opens = (q == 0 or text[q - 1] in " \u00a0\n\t([{—–") and not text[q + 1 : q + 2].isspace()
    return not opens
