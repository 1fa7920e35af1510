"""Figure rules from blind-20's first run: "SGD 7" and "SDGs 7 and 11" name Sustainable
Development Goals, every number of a list after a designation word is a designation,
a year with BC or AD is a date, "At 24, Dasha" and "Granny (78)" are ages, East African
shillings written "10,000/-" or "4m/-" are money, and "The 250 Greatest Guitarists of
All Time" is a list's title."""

from __future__ import annotations

import pytest

from tests.ingest.figure_helpers import fast, found


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


@pytest.mark.parametrize(
    "text",
    [
        "The amendments to Sections 21, 24, and 26 of the bill were passed.",
        "These are SDGs 7 and 11 which focus on energy and cities.",
        "Sustainable Development Goals 7, 11\n\nIn light of that",
        "Goals 7, 11 and 13 focus on cities.",
        "It breaches Articles 3 to 5 of the charter.",
        "Articles 3 and 4 apply here.",
        "under Chapters 7, 11 or 13 of the code",
        "Rules 3, 4 & 5 were changed.",
    ],
)
def test_every_number_of_a_list_after_a_designation_word_is_a_name(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("According to SDG 11, half of humanity lives in cities.", []),
        ("In AD 79, Vesuvius erupted.", []),
        (
            "They invoked Article 5 and 300 troops were sent.",
            [("300", "count", 300.0, "troops")],
        ),
        ("Under Section 3, 40 years passed.", [("40", "quantity", 40.0, "years")]),
        ("Chapter 11 and 200 jobs went.", [("200", "count", 200.0, "jobs")]),
        (
            "The team lost 21, 24 and 26 players.",
            [
                ("21", "count", 21.0, None),
                ("24", "count", 24.0, None),
                ("26", "count", 26.0, "players"),
            ],
        ),
    ],
)
def test_counts_after_a_designation_s_list_stay(text: str, want: list) -> None:
    assert found(text) == want


def test_a_long_designation_list_is_fast() -> None:
    fast("Sections " + "7, " * 200_000)
    fast("Sections 1 and " * 60_000)


@pytest.mark.parametrize(
    "text",
    [
        "streetlights were used as early as 500 BC saying the ancient",
        "It was built in 79 AD by the Romans.",
        "The tablets were made 800 to 500 BCE in Sumer.",
        "The city fell around 300 A.D. after the siege.",
        "People farmed here around 2,500 B.C. already.",
        "He ruled until 300 CE.",
        "It fell between 500 and 300 BC at the latest.",
    ],
)
def test_a_year_of_an_era_is_a_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("about 40 CEOs came", [("40", "count", 40.0, "ceos")]),
        ("300 ADHD patients joined", [("300", "count", 300.0, "patients")]),
        ("500 BCA members voted", [("500", "count", 500.0, "members")]),
    ],
)
def test_capitals_that_only_begin_an_era_leave_counts(text: str, want: list) -> None:
    assert found(text) == want


def test_many_eras_are_fast() -> None:
    fast("1 BC " * 200_000)
    fast("AD 1 " * 200_000)


@pytest.mark.parametrize(
    "text",
    [
        "At 24, Dasha is basking in fame.",
        "Fame came early. At 24, Dasha Smith was a star.",
        "Work began young.\nAt 16, Thabo left school.",
    ],
)
def test_at_n_before_a_name_opening_a_sentence_is_an_age(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("At 50, the index fell.", [("50", "count", 50.0, None)]),
        ("At 50, The index fell.", [("50", "count", 50.0, None)]),
        ("At 500, Apple had more.", [("500", "count", 500.0, None)]),
        ("He said that at 24, Dasha was there.", [("24", "count", 24.0, None)]),
    ],
)
def test_at_n_without_a_name_or_mid_sentence_stays(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "Granny (78) suffers in silence.",
        "Thabo Mokoena (45) said he was tired.",
        "A woman (34) was hurt in the crash.",
        "The boy (7) was found safe.",
        "Her kids Thabo (12), Lerato (9) and Neo (3) came.",
        "Mark Jones (45) said so.",
    ],
)
def test_a_bare_number_in_brackets_after_a_person_is_an_age(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Some 78 (78 people) were hurt.",
            [("78", "count", 78.0, None), ("78", "count", 78.0, "people")],
        ),
        ("It falls under Section (78) of the act.", [("78", "count", 78.0, None)]),
        ("the Senate (53) voted no", [("53", "count", 53.0, None)]),
        ("the ANC (45) won", [("45", "count", 45.0, None)]),
        (
            "Seats went to Gauteng (45) and Limpopo (30) in all.",
            [("45", "count", 45.0, None), ("30", "count", 30.0, None)],
        ),
        ("Thabo Mokoena (145) said", [("145", "count", 145.0, None)]),
        ("A woman (34.5) was hurt.", [("34.5", "count", 34.5, None)]),
    ],
)
def test_bracketed_counts_and_names_stay(text: str, want: list) -> None:
    assert found(text) == want


def test_many_brackets_are_fast() -> None:
    fast("(7" * 300_000)
    fast("Granny (7) " * 80_000)
    fast("Thabo (7), " * 80_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "she can create a profit of 10,000/- to 15,000/- per day.",
            [("10,000/- to 15,000/-", "money", None, "TZS")],
        ),
        ("At the end of the month, the bill was 4m/- entailing", [("4m/-", "money", 4e6, "TZS")]),
        (
            "the project cost 620m/- and the lamps 1m/-.",
            [("620m/-", "money", 6.2e8, "TZS"), ("1m/-", "money", 1e6, "TZS")],
        ),
        ("In Tanzania a meal costs 5,000/- now.", [("5,000/-", "money", 5000.0, "TZS")]),
        ("Kenyan traders pay 5,000/- a day.", [("5,000/-", "money", 5000.0, "KES")]),
        ("A KSh note: 50/- buys bread.", [("50/-", "money", 50.0, "KES")]),
        ("In Uganda traders paid 20,000/= each.", [("20,000/=", "money", 20000.0, "UGX")]),
    ],
)
def test_shillings_written_with_a_slash_and_dash_are_money(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("open 24/7 all year", []),
        ("ratio 5/-2 here", []),
        ("about 3/4 of the lamps", [("3/4", "other", 0.75, "lamps")]),
        ("It cost $10 to $15 a day.", [("$10 to $15", "money", None, "USD")]),
    ],
)
def test_other_slashes_stay_as_they_were(text: str, want: list) -> None:
    assert found(text) == want


def test_many_shilling_marks_are_fast() -> None:
    fast("/-" * 100_000)
    fast("1/- " * 250_000)
    fast("Kenya " * 100_000 + "5/-")
    fast("1m/- to " * 120_000)


@pytest.mark.parametrize(
    "text",
    [
        "Editor’s picks The 250 Greatest Guitarists of All Time The 500 Greatest Albums of "
        "All Time The 50 Worst Decisions in Movie History",
        "Read The 100 Most Influential People now.",
        "The 10 Best Places to Live, ranked.",
    ],
)
def test_the_and_a_superlative_in_title_case_open_a_list_s_title(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The 12 Apostles stand on the coast.", [("12", "count", 12.0, "apostles")]),
        ("The 300 employees were told.", [("300", "count", 300.0, "employees")]),
        ("The 10 best teams met.", [("10", "count", 10.0, "teams")]),
        ("The 3 Biggest banks fell.", [("3", "count", 3.0, "banks")]),
    ],
)
def test_the_and_a_count_stay_counts(text: str, want: list) -> None:
    assert found(text) == want


def test_many_superlative_titles_are_fast() -> None:
    fast("The 1 Greatest " * 70_000)
    fast("The 1 Best Albums " * 60_000)
