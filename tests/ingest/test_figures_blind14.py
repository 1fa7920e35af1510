"""Tests for the tune-14 round: numbers of the page around a story (numbered section
headings, linked titles in brackets, share counters, pagers), ages after an age, names in
capitals, and ranges written with "between … and", "or" and a spaced dash."""

from __future__ import annotations

import time

import pytest

from ingest.figures import find_figures


def texts(text: str) -> list[str]:
    return [f.text for f in find_figures(text)]


SECTIONS = (
    "1 The U.S. Aviation Control System\n\nThe system handles 2.94 billion passengers.\n\n"
    "2 The Dynamic Map\n\nWaze has 45 languages.\n\n"
    "3 The Undersea Information Highway\n\nThe cable carries 40 gigabits per second.\n\n"
    "4 Our Readers’ Wonders\n\nWe got 300 letters."
)


def test_numbered_section_headings_are_no_figures() -> None:
    assert texts(SECTIONS) == ["2.94 billion", "45", "40", "300"]


@pytest.mark.parametrize(
    "text",
    [
        "3 Dead After Storm Hits Coast\n\nThe storm hit at noon.",  # one headline
        "2 The Dynamic Map\n\n3 The Undersea Highway\n\nText.",  # no heading 1
        "1 The Map\n\nSome text.\n\n3 The Highway\n\nMore text.",  # 1 and 3, no 2
    ],
)
def test_a_headline_or_a_broken_run_keeps_its_count(text: str) -> None:
    assert texts(text)[:1] == [text.split(" ", 1)[0]]


def test_a_sentence_numbered_like_a_heading_keeps_its_count() -> None:
    text = "1 The Map\n\n2 The Highway\n\n3 people died in the crash on Monday."
    assert texts(text) == ["3"]


@pytest.mark.parametrize(
    "text",
    [
        "Expert said. [Trippy Tales: The History of 8 Hallucinogens]",
        "It took a sci-fi angle. [The 10 Weirdest Ways We Deal with the Dead]",
    ],
)
def test_a_linked_title_in_brackets_is_no_figure(text: str) -> None:
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("He said [the company] cut 10 jobs.", ["10"]),
        ("The report [said 10 people died] was wrong.", ["10"]),
        ("[Officials counted 12 injured people in the crash]", ["12"]),
    ],
)
def test_a_sentence_in_brackets_keeps_its_figures(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_a_share_counter_alone_on_its_line_is_no_figure() -> None:
    assert texts("Tweet\n\n4419111\n\nKwanzaa was invented in 1966.") == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Tweet\n\n4,419,111\n\nviews so far.", ["4,419,111"]),
        ("The town has 4419111 residents.", ["4419111"]),
        ("Visitors:\n\n1200\n\nlast year.", ["1200"]),
    ],
)
def test_a_written_amount_or_a_short_number_stays(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_page_numbers_after_a_pager_are_no_figures() -> None:
    assert texts("Next Page Continued on Next Page >> 1 2") == []
    assert texts("Pages: 1 2 3") == []


def test_numbers_after_a_double_arrow_in_prose_stay() -> None:
    assert texts("Shares rose 12 percent >> 3 analysts upgraded the stock.") == [
        "12 percent",
        "3",
    ]


def test_the_other_ends_of_an_age_are_no_figures() -> None:
    text = "He came to the U.S. sometime between 7 years old and 10 or 12 – in that window."
    assert texts(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("She was 7 years old and 10 pounds lighter.", ["10"]),
        ("The boy, 7 years old, ate 10 or 12 apples.", ["10", "12"]),
    ],
)
def test_numbers_with_units_after_an_age_stay(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_a_number_after_a_capitals_name_is_a_designation() -> None:
    assert texts("SEA-ME-WE 3 began amid the tech bubble.") == []
    assert texts("SEA-ME-WE 3 and its siblings may not be better.") == []


def test_a_number_after_an_ordinary_word_stays() -> None:
    assert texts("The US-EU deal cut 3 tariffs.") == ["3"]
    assert texts("Twenty-two 3 began") == ["3"]


def test_between_a_and_b_percent_after_a_verb_is_one_range() -> None:
    text = "Lease prices fell between 10 and 26 percent in 2013."
    assert texts(text) == ["10 and 26 percent"]


def test_a_change_from_a_to_b_stays_two_figures() -> None:
    assert texts("Prices fell from 10 to 26 percent.") == ["10", "26 percent"]
    assert texts("Prices fell 10 and 26 percent in two years.") == ["10", "26 percent"]


def test_a_or_b_percent_is_one_range() -> None:
    text = "Transaction fees can often amount to 2 or 3 percent of every transaction."
    assert texts(text) == ["2 or 3 percent"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("They made 10 or 12 trips.", ["10", "12"]),
        ("One or 2 players, 1 or 2 players.", ["2", "1", "2"]),
        ("Growth of 5 or 3 percent.", ["5", "3 percent"]),
    ],
)
def test_bare_or_falling_alternatives_stay_apart(text: str, kept: list[str]) -> None:
    assert texts(text) == kept


def test_a_price_and_a_difference_after_a_spaced_dash_are_two_figures() -> None:
    text = "A gallon was $2.554 — $1.15 less than in late June."
    assert texts(text) == ["$2.554", "$1.15"]


def test_a_spaced_dash_range_stays_a_range() -> None:
    assert texts("Tickets cost $20 — $40 each.") == ["$20 — $40"]
    assert texts("It costs $20-$40 more than last year.") == ["$20-$40"]


@pytest.mark.parametrize(
    "text",
    [
        ("[" + "The 10 Weirdest Ways " * 50_000) + "\n",
        "1 The Map\n\n" * 90_000,
        ">> 1" + " 2" * 400_000,
        "SEA-ME-WE 3 " * 80_000,
        "7 years old and 10 or 12 " * 40_000,
        "Tweet\n\n4419111\n\n" * 60_000,
    ],
    ids=["bracket", "headings", "pager", "caps-name", "age-tail", "counter"],
)
def test_the_page_checks_stay_fast_on_a_megabyte(text: str) -> None:
    t0 = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - t0 < 1.0


def test_a_qualified_band_before_a_temperature_word_is_degrees() -> None:
    text = "It's dead calm and in the mid-40s. Up north, it's already several degrees colder."
    assert [(f.text, f.unit) for f in find_figures(text)] == [("40s", "degrees")]


@pytest.mark.parametrize(
    "text",
    [
        "In the mid-90s, temperatures were not tracked by the company.",
        "She is in her mid-40s. Her degrees are from Yale.",
        "In the 90s, temperatures rose.",
        "Prices were in the mid-40s.\n\nIt was 10 degrees colder later.",
        "The 40s were warm.  It was 10 degrees colder later.",
    ],
)
def test_a_decade_without_a_qualified_band_before_temperature_stays_out(text: str) -> None:
    assert [f.text for f in find_figures(text) if f.text.endswith("0s")] == []


def test_an_editors_insertion_in_brackets_keeps_its_figure() -> None:
    assert texts("“We hired [50] more staff,” he said.") == ["50"]
    assert texts("“We hired [about 50 More] staff,” he said.") == ["50"]
