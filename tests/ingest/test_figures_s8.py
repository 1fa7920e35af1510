"""Figure rules from blind-17's first run: shares written "3 in 10" are one percentage,
"10 or 15 minutes" is one range, and a phone number written without a country code
("1800 333 000") counts nothing, while numbers grouped by thousands still do."""

from __future__ import annotations

import pytest

from ingest.figures import find_figures


def found(text: str) -> list[tuple[str, str, float | None]]:
    return [(f.text, f.kind, f.value) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("About 3 in 10 independents say so.", [("3 in 10", "percent", 30.0)]),
        ("while about 2 in 10 say it", [("2 in 10", "percent", 20.0)]),
        ("Nearly 1 in 5 adults smoke.", [("1 in 5", "percent", 20.0)]),
    ],
)
def test_a_share_written_n_in_m_is_one_percentage(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("the first crewed flight, Artemis 2 in 2022, then", []),
        ("He won 12 in 1976 when the rules changed.", [("12", "count", 12.0)]),
        ("They scored 3 in 10 minutes.", [("3", "count", 3.0), ("10", "quantity", 10.0)]),
        ("It rose from 7 in 13 states.", [("7", "count", 7.0), ("13", "count", 13.0)]),
    ],
)
def test_numbers_joined_by_in_that_are_no_share_stay_apart(text: str, want: list) -> None:
    assert found(text) == want


def test_a_bare_number_or_a_larger_one_with_a_unit_is_one_range() -> None:
    assert found("I knocked for approximately 10 or 15 minutes.") == [
        ("10 or 15", "quantity", None)
    ]
    assert found("Bring 1 or 2 players.") == [("1", "count", 1.0), ("2", "count", 2.0)]


@pytest.mark.parametrize(
    "text",
    [
        "contact Crime Stoppers on 1800 333 000 or online.",
        "Call 020 7946 0958 for tickets.",
        "Call (555) 123-4567 today.",
    ],
)
def test_a_phone_number_without_a_country_code_counts_nothing(text: str) -> None:
    assert found(text) == []


def test_short_or_thousands_grouped_numbers_beside_each_other_still_count() -> None:
    assert found("In 2019 2,000 people came.") == [("2,000", "count", 2000.0)]
    assert found("Teams of 5 10 players") == [("5", "count", 5.0), ("10", "count", 10.0)]


@pytest.mark.parametrize("unit", ["12 ", "(12) 34 ", "3 in 10 ", "5 or 15 minutes "])
def test_a_megabyte_of_digit_groups_is_read_in_bounded_time(unit: str) -> None:
    import time

    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    start = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("debt collectors to claw back up to R50bn per year", ("R50bn", 5e10)),
        ("The budget gives SARS R4bn more.", ("R4bn", 4e9)),
        ("R1.2 billion was lost", ("R1.2 billion", 1.2e9)),
    ],
)
def test_an_amount_in_rand_is_money(text: str, want: tuple[str, float]) -> None:
    (fig,) = find_figures(text)
    assert (fig.text, fig.kind, fig.value, fig.unit) == (*want[:1], "money", want[1], "ZAR")


def test_an_r_before_a_number_without_a_magnitude_is_a_name() -> None:
    assert found("R2-D2 and the R5 droids took Route R40 with 5 lanes.") == [("5", "count", 5.0)]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Haaland has scored 7 in 10 games", [("7", "count", 7.0), ("10", "count", 10.0)]),
        ("Arsenal have won 4 in 5 under Arteta", [("4", "count", 4.0), ("5", "count", 5.0)]),
        ("Police made 2 in 3 arrests", [("2", "count", 2.0), ("3", "count", 3.0)]),
    ],
)
def test_a_tally_of_events_is_no_share(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Each essay should be 1000-1500 words.", [("1000-1500", "count", None)]),
        (
            "He ran 1500 3000 and 5000 metres.",
            [("1500", "count", 1500.0), ("3000", "count", 3000.0)],
        ),
    ],
)
def test_ranges_and_rows_of_numbers_are_no_phone_number(text: str, want: list) -> None:
    assert found(text)[: len(want)] == want


def test_a_numerator_in_words_before_a_base_in_digits_is_a_share() -> None:
    assert found("and eight in 10 men reported having a sponsor") == [
        ("eight in 10", "percent", 80.0)
    ]
    assert found("one in 2024 said so") == []  # a year is no base
    assert found("Someone in 10 cities") == [("10", "count", 10.0)]


def test_a_participle_after_a_number_is_no_counted_noun_and_min_is_a_duration() -> None:
    (fig,) = find_figures("about 660,000 based on estimates")
    assert (fig.kind, fig.unit) == ("count", None)
    (fig,) = find_figures("Going upstairs was a 30 min activity.")
    assert (fig.kind, fig.unit) == ("quantity", "min")
    (fig,) = find_figures("a 7 speed gearbox")
    assert fig.unit == "speed"
