"""Figure rules from blind-19's first run: the Malaysian ringgit's "RM" (and the codes
MYR; and Singapore's "S$") before an amount is money, and a child's age "as young as 14" or "about
10 or 11 at the time" counts nothing."""

from __future__ import annotations

import pytest

from tests.ingest.figure_helpers import found


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("savings of nearly RM900,000 compared", [("RM900,000", "money", 900000.0, "MYR")]),
        ("The cost is RM6.162 million.", [("RM6.162 million", "money", 6162000.0, "MYR")]),
        ("It cost S$5 million.", [("S$5 million", "money", 5000000.0, "SGD")]),
        ("It cost MYR 3bn.", [("MYR 3bn", "money", 3e9, "MYR")]),
    ],
)
def test_ringgit_and_other_codes_are_money(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Some of the girls were as young as 14 at the time.",
        "Students as young as 14 can apply.",
        "Her sister, who he knew was about 10 or 11 at the time, was there.",
    ],
)
def test_a_young_person_s_age_is_no_figure(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("as young as 14 students were hurt", [("14", "count", 14.0, "students")]),
        ("The death toll was 11 at the time.", [("11", "count", 11.0, None)]),
        ("a rock as old as 300 million years", [("300 million", "quantity", 3e8, "years")]),
    ],
)
def test_counts_and_spans_near_those_words_stay(text: str, want: list) -> None:
    assert found(text) == want
