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


def units(text: str) -> list[tuple[str, str, str | None]]:
    return [(f.text, f.kind, f.unit) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a verb or an auxiliary after the number: no unit
        (
            "Of its 1,000 staff, 650 of those are researchers.",
            [("1,000", "count", "staff"), ("650", "count", None)],
        ),
        (
            "A cell meant for 35 held 155 adult males.",
            [("35", "count", None), ("155", "count", "males")],
        ),
        # a modifier before the counted noun: the plural noun
        (
            "Shutoffs hit 18 Northern and central California counties.",
            [("18", "count", "counties")],
        ),
        ("Dealers sold 30,154 new cars.", [("30,154", "count", "cars")]),
        ("Dealers sold 208,560 new vehicles.", [("208,560", "count", "vehicles")]),
        ("Sales reached 17.3 million new vehicles.", [("17.3 million", "count", "vehicles")]),
        ("It laid off 1,000 maintenance workers.", [("1,000", "count", "workers")]),
        ("About 50 other people were wounded.", [("50", "count", "people")]),
        ("She served 2 soft-boiled eggs.", [("2", "count", "eggs")]),
        ("It ordered 400 737 Max jets.", [("400", "count", "jets"), ("737", "count", "jets")]),
        ("It seats 242 to 330 passengers.", [("242 to 330", "count", "passengers")]),
        ("It took on 1,000 maintenance and cleaning workers.", [("1,000", "count", "workers")]),
        ("He made 13,000 false or misleading claims.", [("13,000", "count", "claims")]),
        ("The top 10 wealthy men left.", [("10", "count", "men")]),
        ("A poll of 1,500 US eligible voters.", [("1,500", "count", "voters")]),
        ("It has 1.000 LED lights.", [("1.000", "count", "lights")]),
        ("He had 1 sack, 2 QH.", [("1", "count", "sack"), ("2", "count", "qh")]),
        ("It led to 46 of their close contacts being tested.", [("46", "count", "contacts")]),
        ("Some 2.5 million of these deaths.", [("2.5 million", "count", "deaths")]),
        ("He said 20 of them were fine.", [("20", "count", None)]),
        ("Each list has 10 of their own.", [("10", "count", None)]),
        # a modifier that no plural follows: no unit
        (
            "Boeing will deliver 60 of the embattled 737 Max jet.",
            [("60", "count", None), ("737", "count", "max")],
        ),
        # a measure or a possessive keeps its word
        ("Add 1 cup blueberries.", [("1", "count", "cup")]),
        ("The 330 resort’s rooms were full.", [("330", "count", "resort")]),
        # a past tense after the number is no modifier
        ("Explorer 1 detected cosmic rays.", [("1", "count", None)]),
        # square, cubic and metric before a unit: an area, a volume, a weight
        ("The fire burned 2.3 square miles.", [("2.3", "quantity", "square miles")]),
        ("It holds 100 cubic feet of water.", [("100", "quantity", "cubic feet")]),
        ("It emitted 2.5 metric tons of carbon.", [("2.5", "quantity", "metric tons")]),
        (
            "Ships searched 10,000 square nautical miles.",
            [("10,000", "quantity", "square nautical miles")],
        ),
        ("A 12,500-square-foot house.", [("12,500", "quantity", "square-foot")]),
    ],
)
def test_count_units_name_the_counted_noun(text: str, want: list) -> None:
    assert units(text) == want
