"""Tests for figures in flattened tables and code-ish text (the tune-13 round):
"Name N P%" rows run into one paragraph, powers ("10^5"), and version numbers."""

from __future__ import annotations

import time

import pytest

from ingest.analyse import analyse
from ingest.figures import find_figures


def texts(text: str) -> list[str]:
    return [f.text for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Most active developers By changesets Herbert Dürr 63 16.6% Jürgen Schmidt 56 "
            "14.7% Armin Le Grand 56 14.7% Tal Daniel 2 0.5%",
            ["63", "16.6%", "56", "14.7%", "56", "14.7%", "2", "0.5%"],
        ),
        (
            "By changed lines Jürgen Schmidt 455499 88.1% Andre Fischer 26148 3.8% "
            "Tsutomu Uchino 1991 0.3% Steve Yin 1010 0.1%",
            ["455499", "88.1%", "26148", "3.8%", "1991", "0.3%", "1010", "0.1%"],
        ),
        (
            "Companies (by changesets) Red Hat 8417 38.0% Collabora Multimedia 6531 29.5% "
            "Igalia S.L. 80 0.4% SUSE 7 0.0%",
            ["8417", "38.0%", "6531", "29.5%", "80", "0.4%", "7", "0.0%"],
        ),
    ],
)
def test_rows_of_a_flattened_table_keep_their_counts(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # one "Name N P%" alone is a name and a share, not a table row
        ("The Acme Phone 11 20% off sale ends today.", ["20%"]),
        ("Sales of the Boeing 787 14% higher than last year were reported.", ["14%"]),
        # a year before a share in running text stays a year
        ("In 1991 12% of homes had a computer, and Smith said 40% do now.", ["12%", "40%"]),
        # names and numbers in prose are unchanged
        ("He said the Airbus A350 flew 30 routes, up 5%.", ["30", "5%"]),
    ],
)
def test_a_name_number_share_outside_a_table_is_unchanged(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_a_long_flattened_table_analyses_fast() -> None:
    row = "Herbert Dürr 63 16.6% "
    text = row * (1_000_000 // len(row) + 1)
    t0 = time.process_time()
    figs = find_figures(text[:200_000])
    analyse(text)
    assert time.process_time() - t0 < 1.0
    assert [f.text for f in figs[:4]] == ["63", "16.6%", "63", "16.6%"]


@pytest.mark.parametrize(
    "text",
    [
        "QGIS 2.8 is out. 2.8 has been labeled a long-term release; the 2.8.x series is frozen.",
        "The project made two releases: 4.1 in April 2014 and 4.1.1 in May.",
        "The 2.8 release, like 2.8.1 after it, fixed many bugs.",
    ],
)
def test_the_head_of_a_three_part_version_is_a_name(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Version 2.8.1 shipped. He ran 2.8 miles in 2.8 hours.", ["2.8", "2.8"]),
        ("Growth was 2.8 in 2019 and the index rose 4.1 points.", ["2.8", "4.1"]),
        ("It shipped 4.2.7, and growth was 2.8 last year.", ["2.8"]),
    ],
)
def test_decimals_that_head_no_version_still_count(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_many_versions_analyse_fast() -> None:
    text = "1.2.3 and 1.2 of 4.5.x " * (1_000_000 // 23 + 1)
    t0 = time.process_time()
    analyse(text)
    assert time.process_time() - t0 < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The new center at 1225 N. Rampart St. is named for him.",
        "Offices at 40 SW. Main Street opened.",
        "Typically, I play at 1,440p on my PC.",
        "It added a 3.5mm headphone jack and a 2.5mm audio port.",
        "Those 4K textures look great, and 4K Blu-rays loaded up quickly.",
    ],
)
def test_addresses_formats_and_connectors_are_no_figures(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("They sold 300 N. American cars and 40 West Coast homes.", ["300", "40"]),
        ("It sold 1,440 units and 2,560 by 1,440 pixels.", ["1,440", "2,560", "1,440"]),
        ("The lens is 3.5mm wide and the film 35mm; a 3.5 mm gap.", ["3.5", "35", "3.5"]),
        ("It sold 4K copies and drew 9K streams.", ["4K", "9K"]),
    ],
)
def test_near_misses_of_addresses_formats_and_connectors_count(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("That's a total of 10^5 * 300 = 30,000,000 lists.", ("10^5", 1e5)),
        ("It cut our maximum payload size to 2^15 - 1. Then", ("2^15 - 1", 32767.0)),
        ("a varint capable of storing integers up to 2^28, our", ("2^28", 2.0**28)),
        ("Some 10^3 people came.", ("10^3", 1e3)),
    ],
)
def test_a_power_is_one_figure_with_its_value(text: str, expected: tuple) -> None:
    figs = find_figures(text)
    assert (figs[0].text, figs[0].value) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("A 999^999 bomb is no number we can hold.", []),
        ("It rose 2^3 times, to 1.5 and 10.", ["2^3", "1.5", "10"]),
    ],
)
def test_powers_out_of_range_or_without_digits_are_not_read(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_many_powers_analyse_fast() -> None:
    text = "payload 2^15 - 1 and 10^5 * 3 " * (1_000_000 // 30 + 1)
    t0 = time.process_time()
    analyse(text)
    assert time.process_time() - t0 < 1.0


@pytest.mark.parametrize(
    "text",
    [
        "Single-digit temperatures in the city quickly ballooned into the 50s. The thaw came.",
        "Highs will be in the low 90s on Monday.",
        "The mercury climbed into the upper 80s by noon.",
    ],
)
def test_a_decade_after_a_temperature_word_is_a_band_of_degrees(text: str) -> None:
    figs = find_figures(text)
    assert [(f.kind, f.value, f.unit) for f in figs] == [("quantity", None, "degrees")]
    assert figs[0].text.endswith("0s")


@pytest.mark.parametrize(
    "text",
    [
        "Women in their mid-50s found few roles.",
        "In the 60s people sang; temperatures rose later.",
        "Temperatures fell. In the 70s and the 1980s, music changed.",
        "Temperature data from the '90s is sparse.",
    ],
)
def test_decades_without_a_temperature_before_them_are_no_figures(text: str) -> None:
    assert texts(text) == []


def test_many_temperature_bands_analyse_fast() -> None:
    text = "temperatures rose into the 50s and 1990s " * (1_000_000 // 41 + 1)
    t0 = time.process_time()
    analyse(text)
    assert time.process_time() - t0 < 1.0
