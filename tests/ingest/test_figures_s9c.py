"""Figure rules from the review of session 9's rules on ordinary sentences: era words
before a counted noun ("4,000 B.C. residents"), a count after "Under Article 7,", a
bracketed number after a team, brand or place, "ARM64", "At 50, Tesla's", "at the time"
after no person, list titles with a verb, and shillings named by no East African
country."""

from __future__ import annotations

import pytest

from tests.ingest.figure_helpers import fast, found


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Apple's M3 chips replace older ARM64 designs, and the RM5 upgrade is cheap.",
            [("RM5", "money", 5.0, "MYR")],
        ),
        (
            "Windows on ARM 64-bit builds shipped to 30 testers.",
            [("30", "count", 30.0, "testers")],
        ),
        ("The fine was RM 500,000, the court said.", [("RM 500,000", "money", 500000.0, "MYR")]),
    ],
)
def test_ringgit_code_starts_a_word(text: str, want: list) -> None:
    assert found(text) == want


def test_ringgit_adversarial() -> None:
    fast("ARM" * 300_000)
    fast("xRM 5 " * 150_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "More than 4,000 B.C. residents were ordered to evacuate on Friday.",
            [("4,000", "count", 4000.0, "residents")],
        ),
        (
            "About 2,500 BC Hydro customers were without power after the storm.",
            [("2,500", "count", 2500.0, "customers")],
        ),
        ("The 40 BC wildfires are burning out of control.", [("40", "count", 40.0, "wildfires")]),
        (
            "Nurses must complete 30 CE credits every two years.",
            [("30", "count", 30.0, "credits")],
        ),
        (
            "The trial enrolled 400 AD patients across 12 sites.",
            [("400", "count", 400.0, "patients"), ("12", "count", 12.0, "sites")],
        ),
        ("There are 50 U.S. states.", [("50", "count", 50.0, "states")]),
        (
            "The city was founded around 500 BC and had 20,000 residents.",
            [("20,000", "count", 20000.0, "residents")],
        ),
        ("It dates from 3000-2000 BCE, the guide said.", []),
        ("In 79 AD was the eruption.", []),
        ("Rome in 500 BC.", []),
    ],
)
def test_era_letters_before_a_counted_noun_count(text: str, want: list) -> None:
    assert found(text) == want


def test_era_adversarial() -> None:
    fast("1 BC x" * 160_000)
    fast("1 B.C.D.E.F." * 80_000)
    fast("5 A.B.C.D." * 100_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Under Article 7, 27 member states must agree to suspend voting rights.",
            [("27", "count", 27.0, "states")],
        ),
        (
            "Under Article 5, 31 NATO allies pledged support.",
            [("31", "count", 31.0, "allies")],
        ),
        (
            "Under Article 7, 26 of the 27 member states agreed.",
            [("26", "count", 26.0, "states"), ("27", "count", 27.0, "states")],
        ),
        (
            "Under Section 8, 12 of the officers were suspended.",
            [("12", "count", 12.0, "officers")],
        ),
        ("Under Section 8, 12 officers were suspended.", [("12", "count", 12.0, "officers")]),
        ("Sections 21, 24, and 26 of the bill were struck down.", []),
        ("Section 21, 24 and 26 of the bill were struck down.", []),
        ("SDGs 7 and 11 focus on energy and cities.", []),
    ],
)
def test_a_count_after_one_designation_and_a_comma(text: str, want: list) -> None:
    assert found(text) == want


def test_designation_comma_adversarial() -> None:
    fast("Article 7, " * 90_000)
    fast("Under Section 8, 12 " * 50_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Samsung (78) topped the brand index, ahead of Apple.",
            [("78", "count", 78.0, None)],
        ),
        ("Manchester City (89) finished four points ahead.", [("89", "count", 89.0, None)]),
        ("Liverpool (72) finished third.", [("72", "count", 72.0, None)]),
        (
            "Gauteng (45) recorded the most cases, followed by the Western Cape.",
            [("45", "count", 45.0, None)],
        ),
        (
            "Delhi (112) recorded the highest number of dengue deaths this year.",
            [("112", "count", 112.0, None)],
        ),
        (
            "Labour won 412 seats, while Reform (5) and the Greens (4) also gained.",
            [
                ("412", "count", 412.0, "seats"),
                ("5", "count", 5.0, None),
                ("4", "count", 4.0, None),
            ],
        ),
        ("The Senate (53) passed the bill.", [("53", "count", 53.0, None)]),
        ("Samsung (78) said it would grow.", [("78", "count", 78.0, None)]),
        ("Granny (78) suffers from dementia.", []),
        ("Thabo Mokoena (45) said he was robbed.", []),
        ("A woman (34) and her son (12) were injured.", []),
        ("Her son Sipho (12) was hurt.", []),
        ("Dasha (24) said she was happy.", []),
    ],
)
def test_a_bracketed_number_after_a_team_brand_or_place_counts(text: str, want: list) -> None:
    assert found(text) == want


def test_bracket_names_adversarial() -> None:
    fast("Mark Jones (4) " * 65_000)
    fast("City (4) and " * 75_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "At 50, Tesla's price-to-earnings ratio looks stretched.",
            [("50", "count", 50.0, None)],
        ),
        (
            "At 31, Norway has more Winter Olympic gold medals than any other country.",
            [("31", "count", 31.0, None)],
        ),
        (
            "At 15, Britain has the highest rate of teenage pregnancy.",
            [("15", "count", 15.0, None)],
        ),
        ("At 60, Amazon's shares look cheap.", [("60", "count", 60.0, None)]),
        ("At 95, Samsung's score was the highest.", [("95", "count", 95.0, None)]),
        ("At 95, Samsung ranks first.", [("95", "count", 95.0, None)]),
        ("At 24, Dasha is basking in her success.", []),
        ("At 24, Dasha — full name Dasha Novotny — is basking in the glow.", []),
        ("At 80, Biden is the oldest president in history.", []),
    ],
)
def test_at_n_before_a_possessive_or_a_ranked_name_counts(text: str, want: list) -> None:
    assert found(text) == want


def test_at_n_name_adversarial() -> None:
    fast("At 5, Tesla has " * 60_000)
    fast(". At 5, Ab's" * 80_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The boy said the queue was about 50 or 60 at the time.",
            [("50", "count", 50.0, None), ("60", "count", 60.0, None)],
        ),
        ("Her daughter's class was 30 at the time.", [("30", "count", 30.0, None)]),
        (
            "Her son said the number of patients on the ward was about 40 at the time.",
            [("40", "count", 40.0, None)],
        ),
        ("Her sister, who he knew was about 10 or 11 at the time, was taken.", []),
        ("Her daughter was about 10 or 11 at the time of the attack.", []),
        ("The girl was 9 at the time.", []),
    ],
)
def test_at_the_time_needs_a_person_as_the_subject(text: str, want: list) -> None:
    assert found(text) == want


def test_at_the_time_adversarial() -> None:
    fast("who he knew was 10 at the time " * 32_000)
    fast("a " * 500_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the unit is the headline's next word: no lower-case noun follows the number
        ("The 3 Most Senior Officials Resigned on Friday", [("3", "count", 3.0, "most")]),
        (
            "The 100 Largest Companies in Britain employ 5 million people.",
            [("100", "count", 100.0, "companies"), ("5 million", "count", 5000000.0, "people")],
        ),
        ("The 250 Greatest Guitarists of All Time includes Jimi Hendrix.", []),
        (
            "The 20 Most Powerful Women list includes 8 newcomers.",
            [("8", "count", 8.0, "newcomers")],
        ),
        ("Read The 100 Most Influential People now.", []),
        ("The 10 Most Decorated Soldiers of the War", []),
        (
            "The 50 Worst Decisions in Movie History Every Awful Thing Trump Has Promised to Do",
            [],
        ),
    ],
)
def test_a_verb_after_a_superlative_title_keeps_its_count(text: str, want: list) -> None:
    assert found(text) == want


def test_title_verb_adversarial() -> None:
    fast("The 1 Greatest A B C D E F G H I J K L M N " * 20_000)
    fast("The 1 Most Officials Resigned " * 30_000)
    fast("The 1 Best Places employ " * 40_000)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Indian firm charged 500/- per test.", [("500/-", "money", 500.0, "INR")]),
        (
            "In Bangladesh, rickshaw pullers earn Tk 500/- a day.",
            [("500/-", "money", 500.0, "BDT")],
        ),
        (
            "A test costs ₹200 here, and 500/- there.",
            [("₹200", "money", 200.0, "INR"), ("500/-", "money", 500.0, "INR")],
        ),
        (
            "In Tanzania a meal costs 5,000/- now, more than in India.",
            [("5,000/-", "money", 5000.0, "TZS")],
        ),
        (
            "Kenyan farmers earn 500/- a day, while Tanzanian traders earn more.",
            [("500/-", "money", 500.0, "KES")],
        ),
        # no country named: the Tanzanian papers' default stays
        (
            "A ticket costs 10,000/- and the bus fare 2,000/-.",
            [("10,000/-", "money", 10000.0, "TZS"), ("2,000/-", "money", 2000.0, "TZS")],
        ),
    ],
)
def test_a_slash_dash_amount_in_india_or_bangladesh(text: str, want: list) -> None:
    assert found(text) == want


def test_slash_dash_country_adversarial() -> None:
    fast("Indiana " * 120_000 + "5/-")
    fast("Tk " * 300_000 + "5/-")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("President Ramaphosa (71) addressed the nation.", []),
        ("Her friend Sipho (12) came.", []),
        ("Mary Jones (45) and her husband were arrested.", []),
        ("Eskom (34) power stations were offline.", [("34", "count", 34.0, None)]),
        ("At 3, Manchester United were top of the league.", [("3", "count", 3.0, None)]),
        ("At 24, Dasha Smith was a star.", []),
    ],
)
def test_titles_and_friends_are_persons_and_teams_take_plural_verbs(text: str, want: list) -> None:
    assert found(text) == want
