"""The fast forms of the scan patterns, and the cheap tests before them, change no result.

The hottest scans are written to start by reading a character class (so the engine can
skip in C to where a match may start) instead of with the assertions their plain forms
start with. The two forms must never drift apart: these tests compare every match, its
span and its groups, on the seed article's windows and on seeded random strings made of
the words and marks the patterns care about. Likewise a cheap test that skips a search
must pass every window the search would find something in.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from ingest import name_patterns, tag_subjects
from ingest.sentences import word_set

SEED = Path(__file__).resolve().parents[2] / "seeds" / "openai-paris-office.txt"
PAIRS = {
    "NAME_RE": (name_patterns.NAME_AT_WORD, name_patterns.NAME_RE),
    **{k: (v, getattr(tag_subjects, k)) for k, v in tag_subjects.PLAIN_FORMS.items()},
}
PIECES = [
    *sorted(
        word_set(
            "the The a A an An he He she She they They it It said says told rejected added stated "
            "spokesman representative rep rep. company report from by for of ministry embassies "
            "Russia's Russia’s Smith John Mc Mac O' D’ Dr. Mrs. Jr. Sr J. de van II president "
            "5-year-old physicians and also quickly has then , . ' ’ - “ \" x Ł É é "
            "s h i t Tt thes McDonald O’Neil MacKay Ab statement group"
        )
    ),
    *[" ", " ", " ", "  ", "\n", "\t", "\u00a0", ", ", "said in a statement"],
    # a role's commas and clauses: empty ones, line breaks, the 160-character limit
    *[", ,", ",\n", ", \n ", ", \u00a0", "x" * 158, "x" * 161],
]


def _matches(rx: re.Pattern[str], text: str, pos: int, end: int) -> list:
    return [(m.span(), m.groups()) for m in rx.finditer(text, pos, end)]


def _random_texts(n: int) -> list[str]:
    rnd = random.Random(7)
    seps = ["", " ", " ", ", "]
    return [
        "".join(rnd.choice(PIECES) + rnd.choice(seps) for _ in range(rnd.randint(1, 16)))
        for _ in range(n)
    ]


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_fast_form_matches_plain_form(name: str) -> None:
    plain, fast = re.compile(PAIRS[name][0]), PAIRS[name][1]
    seed = SEED.read_text(encoding="utf-8")
    rnd = random.Random(3)
    windows = [(seed, 0, len(seed))]
    for _ in range(200):
        lo = rnd.randrange(len(seed))
        windows.append((seed[lo : lo + rnd.randint(0, 600)], 0, None))
        windows.append((seed, lo, min(len(seed), lo + rnd.randint(0, 600))))
    for text in _random_texts(4_000):
        lo = rnd.randint(0, len(text))
        windows += [(text, 0, None), (text, lo, rnd.randint(lo, len(text)))]
    found = 0
    for text, lo, hi in windows:
        hi = len(text) if hi is None else hi
        want = _matches(plain, text, lo, hi)
        assert _matches(fast, text, lo, hi) == want, (name, text[lo:hi])
        found += len(want)
    assert found > 100  # the strings do exercise the pattern


def test_cue_gate_passes_every_window_a_cue_ends() -> None:
    from ingest.quote_filter import _CUE, _CUE_LAST, _cue_may_end

    rnd = random.Random(5)
    seed = SEED.read_text(encoding="utf-8")
    cues = [*_CUE_LAST, "chants of", "a type of", "known as", "the term for it is", "ſong"]
    windows = [seed[max(0, e - 80) : e] for e in range(0, len(seed), 7)]
    for _ in range(20_000):
        w = rnd.choice(["", "he said ", "the "]) + rnd.choice(cues)
        w += rnd.choice(["", " ", ",", ", ", ":", "?", " ?", "\n", ",,", "s"])
        windows.append(w.upper() if rnd.random() < 0.3 else w)
    found = [w for w in windows if _CUE.search(w)]
    assert len(found) > 1_000
    assert all(_cue_may_end(w) for w in found)


def test_lower_words_looked_up_alone_agree_with_the_whole_set() -> None:
    from ingest.names import _LOWER_WORD, _whole_lower_word

    rnd = random.Random(9)
    for _ in range(20_000):
        text = "".join(rnd.choice("ab '’_-1é\nA") for _ in range(rnd.randint(0, 20)))
        words = set(_LOWER_WORD.findall(text))
        for w in ("a", "b", "ab", "ba", "aa", "é", "Ab"):
            assert _whole_lower_word(text, w, tries=10**9) == (w in words), (text, w)


def test_statement_windows_from_one_scan_match_a_scan_of_each_window() -> None:
    from ingest.groups import _STATEMENT, GroupBook

    rnd = random.Random(3)
    pieces = [
        "The company", "said in a statement", "issued a statement", "a", "an", "statement",
        "statements", "letter", "post", "posted", "U.S. Army", "Dr.", "J.", "Smith", ".",
        "the group", "wrote", "in", "new", "email", "released a new letter", "put out an email",
    ]  # fmt: skip
    found = 0
    for _ in range(1_500):
        text = "".join(rnd.choice(pieces) + rnd.choice([" ", " ", ". ", "\n"]) for _ in range(40))
        book = GroupBook(text)
        for _ in range(8):
            hi = rnd.randint(0, len(text))
            lo = max(0, hi - rnd.choice([30, 300, 3_000]))
            want = [(m.span(), m.groups()) for m in _STATEMENT.finditer(text, lo, hi)]
            assert [(m.span(), m.groups()) for m in book._statements_in(lo, hi)] == want
            found += len(want)
    assert found > 1_000


def test_who_verb_cut_at_the_last_verb_finds_the_same_matches() -> None:
    from ingest.tag_subjects import WHO_VERB, who_verb

    rnd = random.Random(4)
    pieces = [
        "Smith", "said", "says", "saidx", "sayst", "said in a statement", "put it", "rejected",
        "he", "She", "the company", ",", ", a doctor,", "also", "-", "'", "é", "Ésaid", "_",
        "1", "told", "tells", "denies", "pointed out", "\n",
    ]  # fmt: skip
    found = 0
    for _ in range(10_000):
        seps = ["", " ", " ", "\n"]
        window = "".join(rnd.choice(pieces) + rnd.choice(seps) for _ in range(rnd.randint(0, 12)))
        want = [(m.span(), m.groups()) for m in WHO_VERB.finditer(window)]
        assert [(m.span(), m.groups()) for m in who_verb(window)] == want, window
        found += len(want)
    assert found > 1_000


def test_figure_gates_pass_every_context_a_pattern_matches() -> None:
    from ingest import figure_calendar as cal
    from ingest import figure_designations as des
    from ingest import figure_labels as lab
    from ingest.figure_nouns import _ATTACHED_UNIT, _UNIT_START

    rnd = random.Random(8)
    pieces = [
        "st", "nd", " ", "  ", "\u00a0", "\n", "of", "March", "Jan.", "am", "a.m.", "PM", "GMT",
        "seconds left", "Third Street", "route", "area", "type", "class", "-pointer", "-in-2",
        "(k)", "(", "-", "km", "°C", "/", "x", ",", "Boeing", ":", "5",
    ]  # fmt: skip
    hits = 0
    for _ in range(30_000):
        s = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 5)))
        if cal._MONTH_AFTER.match(s):
            assert cal._month_may_follow(s), s
        if cal._TIME_AFTER.match(s) or cal._CLOCK_AFTER.match(s):
            assert (s[1:2] if s[:1].isspace() else s[:1]) in set("apAPGBEsm"), s
        if lab._STREET_AFTER.match(s):
            assert s[:1] in lab._SPACES and "A" <= s[1:2] <= "Z", s
        if lab._NUMBERED_PLACE.search(s[-14:]):
            assert lab._ends_with(s, lab._PLACE_ENDS), s
        if lab._CLASS_BEFORE.search(s[-10:]):
            assert lab._ends_with(s, lab._CLASS_ENDS), s
        if lab._NUMBER_NOUN.match(s):
            assert s[:1] == "-", s
        if des._SECTION_AFTER.match(s):
            assert s[:1] == "(", s
        if _ATTACHED_UNIT.match(s):
            assert s[:1] in _UNIT_START, s
            hits += 1
    assert hits > 1_000


def test_single_opener_gate_agrees_with_reading_every_mark() -> None:
    from ingest.quote_marks import SINGLE_MARKS, _is_single_opener, _may_open

    rnd = random.Random(6)
    chars = ["'", "‘", "’", "‚", "‛", "‹", "›", "a", "1", "_", " ", "(", "—", "/", ",", "é", '"']
    opens = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(chars) for _ in range(rnd.randint(0, 10)))
        lo = rnd.randint(0, len(text))
        hi = rnd.randint(lo, len(text))
        want = any(
            text[i] in SINGLE_MARKS and _is_single_opener(text, i, lo, hi) for i in range(lo, hi)
        )
        assert _may_open(text, lo, hi) == want, (text, lo, hi)
        opens += want
    assert opens > 300
