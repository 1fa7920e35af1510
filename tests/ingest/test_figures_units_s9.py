"""Tests for the s9 units round: exact values for decimals with a magnitude, and the
counted noun of a count rather than the word that happens to follow its number."""

from __future__ import annotations

import pytest

from ingest.figures import find_figures


def one(text: str) -> tuple[str, str, float | None, str | None]:
    figs = find_figures(text)
    assert len(figs) == 1, figs
    f = figs[0]
    return f.text, f.kind, f.value, f.unit


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("Sales reached 16.6 million vehicles last year.", "16.6 million", 16_600_000),
        ("The firm raised $1.1bn from investors.", "$1.1bn", 1_100_000_000),
        ("Prices rose 0.3% in May.", "0.3%", 0.3),
        ("The economy is worth $2.675 trillion now.", "$2.675 trillion", 2_675_000_000_000),
        ("The state has 6.162 million residents.", "6.162 million", 6_162_000),
        ("A stamp costs 10.5 cents more.", "10.5 cents", 0.105),
    ],
)
def test_decimal_with_magnitude_is_exact(text: str, surface: str, value: float) -> None:
    got = one(text)
    assert got[0] == surface
    assert got[2] == value  # exact: no 16600000.000000002
    assert repr(got[2]) == repr(float(value))
