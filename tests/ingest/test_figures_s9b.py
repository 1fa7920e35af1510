"""Figure rules from blind-20's first run: "SGD 7" and "SDGs 7 and 11" name Sustainable
Development Goals, every number of a list after a designation word is a designation,
a year with BC or AD is a date, "At 24, Dasha" and "Granny (78)" are ages, East African
shillings written "10,000/-" or "4m/-" are money, and "The 250 Greatest Guitarists of
All Time" is a list's title."""

from __future__ import annotations

import time

import pytest

from ingest.figures import find_figures


def found(text: str) -> list[tuple[str, str, float | None, str | None]]:
    return [(f.text, f.kind, f.value, f.unit) for f in find_figures(text)]


def fast(text: str) -> None:
    """`find_figures` on adversarial input stays well under a second."""
    t = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "As SGD 7 predicts, half of the world will live in cities.",
        "Goal SGD 7 is about energy.",
        "NZD 40 is a code.",
    ],
)
def test_sgd_and_nzd_are_no_currency_codes(text: str) -> None:
    assert [f for f in found(text) if f[1] == "money"] == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It cost S$5 million.", [("S$5 million", "money", 5e6, "SGD")]),
        ("It cost NZ$12.", [("NZ$12", "money", 12.0, "NZD")]),
        ("It cost MYR 3bn.", [("MYR 3bn", "money", 3e9, "MYR")]),
    ],
)
def test_dollar_signs_and_ringgit_stay_money(text: str, want: list) -> None:
    assert found(text) == want
