"""Tests for the tune-15 round: the top of a named scale ("a Level 3 out of 5 risk") and
a gun's calibre or bore ("0.50 calibre rounds", "120 mm rounds") are parts of names, as
LABELLING's ".45-caliber" is; ordinary "3 out of 5 voters" and "40mm of rain" keep theirs."""

from __future__ import annotations

import pytest

from ingest.figures import find_figures


def texts(text: str) -> list[str]:
    return [f.text for f in find_figures(text)]


@pytest.mark.parametrize(
    "text",
    [
        "All three cities are in a Level 3 out of 5 risk of severe weather.",
        "Parts of Ohio are under a Level 2 of 5 slight risk.",
        "The storm became a Category 4 of 5 on Tuesday.",
    ],
)
def test_the_top_of_a_named_scale_is_no_figure(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The survey found 3 out of 5 voters back the plan.", ["3", "5"]),
        ("In 3 of 5 cases it failed.", ["3", "5"]),
        ("Over 3 out of 5 voters agree.", ["3", "5"]),
        ("He completed 20 of 24 passes.", ["20", "24"]),
    ],
)
def test_a_share_out_of_a_total_keeps_both_numbers(text: str, want: list[str]) -> None:
    assert texts(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "They came under fire from 0.50 calibre rounds.",
        "He fired 120 mm rounds at the tower.",
        "The army moved 155mm shells and a 9mm pistol.",
        "A .22-caliber rifle was found.",
    ],
)
def test_a_guns_bore_is_no_figure(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The storm dropped 40mm of rain and 120 mm of snow.", ["40", "120"]),
        ("They bought 12 mm bolts for 5 machines.", ["12", "5"]),
        ("The army fired 300 rounds.", ["300"]),
    ],
)
def test_ordinary_millimetres_and_rounds_stay_figures(text: str, want: list[str]) -> None:
    assert texts(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "It raises the limit from the current $154,000 to $220,000 a year.",
            ["$154,000", "$220,000"],
        ),
        ("The rate went from its previous 5% to 7%.", ["5%", "7%"]),
    ],
)
def test_a_change_from_a_stated_level_is_two_figures(text: str, want: list[str]) -> None:
    assert texts(text) == want


@pytest.mark.parametrize(
    "text",
    ["Tickets, sent from Paris, cost $10 to $20.", "The current $10 to $20 fee stays."],
)
def test_a_range_after_distant_from_or_current_stays_one(text: str) -> None:
    assert texts(text) == ["$10 to $20"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Winter temperatures stay below 0C and can reach -30C.", ["0", "-30"]),
        ("Temperatures will fall to 3C tonight.", ["3"]),
        ("Highs of 8C are expected.", ["8"]),
    ],
)
def test_a_single_digit_temperature_after_a_word_of_weather(text: str, want: list[str]) -> None:
    assert texts(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He bought the iPhone 5C.", []),
        ("Room 4C is free for 3 days.", ["3"]),
        ("The 5C model sold 3 units.", ["3"]),
    ],
)
def test_a_single_digit_before_c_is_a_name_elsewhere(text: str, want: list[str]) -> None:
    assert texts(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "The shell wounded photographer Christina Assi, 28.",
        "Gee was 17 when he arrived in the country.",
        "Maria was 9 when she left.",
    ],
)
def test_a_named_persons_age_is_no_figure(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Turnout was 60 when polls closed.", ["60"]),
        ("Cases rose fastest in London, 28.", ["28"]),
        ("The Smith Group, 28 stores and 400 staff, was sold.", ["28", "400"]),
    ],
)
def test_counts_near_names_stay_figures(text: str, want: list[str]) -> None:
    assert texts(text) == want


def test_a_heading_name_before_a_dash_and_title_is_no_figure() -> None:
    text = "Zone 1 — Corn Belt and Missouri Valley\n\nStorms form.\n\nZone 2 — South of Dallas"
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Sales fell. Some 5 — Apple among them — closed.", ["5"]),
        ("About 40 — Smith among them — were hurt.", ["40"]),
        ("Shops 12 – the count on Monday.", ["12"]),
    ],
)
def test_a_count_before_a_dash_stays_a_figure(text: str, want: list[str]) -> None:
    assert texts(text) == want
