"""Bylines as trafilatura reads them from real pages of the benchmark, and as a reader wants
them: names only, with the dates, roles and credentials the markup stuck to them taken off."""

from __future__ import annotations

import pytest

from ingest.clean import clean_html
from storage.bylines import tidy_byline

REAL = [
    ("Jeff Foust Monday; November", "Jeff Foust"),
    ("Mike Wuerthele; Malcolm Owen Monday; November", "Mike Wuerthele, Malcolm Owen"),
    ("Analysis by Chris Cillizza; CNN Editor-at-large", "Chris Cillizza"),
    ("Paul Takahashi; Staff writer", "Paul Takahashi"),
    ("Phil Helsel is a reporter", "Phil Helsel"),
    ("Tom Gillespie News reporter", "Tom Gillespie"),
    ("STEVE PEOPLES; AP National Political Writer", "Steve Peoples"),
    ("DANICA KIRKA; JILL LAWLESS Associated Press", "Danica Kirka, Jill Lawless"),
    ("Troy Smith; Troy L Smith; Cleveland com", "Troy Smith, Cleveland com"),
    ("Ilana Muhlstein; MS; RDN", "Ilana Muhlstein"),
    ("David Jeans; Kevin Rebong; Kevin-R", "David Jeans, Kevin Rebong"),
    ("JERUSALEM POST STAFF NOVEMBER", "Jerusalem Post"),
    ("Detroit News wire services Published", "Detroit News wire services"),
]

# What the tester saw in the reader's header, raw (a feed, a text file, an older store) and as
# trafilatura gives it.
FOUND = [
    ("By Jane Doe, Mon November 18, 2019", "Jane Doe"),
    ("Jane Doe; Mon November", "Jane Doe"),
    ("By Jane Doe | Updated 5:03 PM ET, Mon November 18, 2019", "Jane Doe"),
    ("Jane Doe; Updated ; Mon November", "Jane Doe"),
    ("Jane Doe, Mon. Nov. 18, 2019", "Jane Doe"),
    ("JANE DOE and JOHN ROE, Staff Writers", "Jane Doe, John Roe"),
    ("JANE DOE; JOHN ROE; Staff Writers", "Jane Doe, John Roe"),
    ("Finian Cunningham. Sputnik International", "Finian Cunningham, Sputnik International"),
    ("Jane Doe. The Times", "Jane Doe, The Times"),
    ("June Thomas and Mark Writer", "June Thomas, Mark Writer"),
    ("Lisa Kaczke and Trevor J. Mitchell", "Lisa Kaczke, Trevor J. Mitchell"),
    ("By Paul Takahashi; Staff writer", "Paul Takahashi"),
]

KEPT = [
    "Natasha Turak",
    "Reuters",
    "PTI",
    "The Associated Press",
    "Telegraph Sport",
    "Abigail Van Buren",
    "Sarah E Needleman",
    "Doe, Jane",
    "James P. Kennedy, Jr.",
    "Sarah E. Needleman",
    "James P. Kennedy Jr.",
    "Dr. Jane Doe",
    "Graham Staff",
    "Rail Reporter",
    "HNN Staff",
    "Baltimore Sun",
]


@pytest.mark.parametrize(("raw", "tidy"), REAL)
def test_real_bylines_lose_what_is_not_a_name(raw: str, tidy: str) -> None:
    assert tidy_byline(raw) == tidy


@pytest.mark.parametrize(("raw", "tidy"), FOUND)
def test_dates_plural_roles_outlets_and_co_authors_found_by_the_tester(raw: str, tidy: str) -> None:
    assert tidy_byline(raw) == tidy


@pytest.mark.parametrize("raw", [raw for raw, _ in REAL + FOUND] + KEPT)
def test_a_tidy_byline_stays_as_it_is(raw: str) -> None:
    """The reader tidies what ingest already tidied (and older stores' raw bylines)."""
    once = tidy_byline(raw)
    assert tidy_byline(once) == once


@pytest.mark.parametrize("raw", KEPT)
def test_names_and_outlets_are_kept_as_they_are(raw: str) -> None:
    assert tidy_byline(raw) == raw


@pytest.mark.parametrize(
    "raw",
    [None, "", "  ", "; ;", "Monday; November", "Staff writer", "Updated 5:03 PM ET", "Staff"],
)
def test_nothing_left_is_none(raw: str | None) -> None:
    assert tidy_byline(raw) is None


def test_a_cleaned_page_stores_the_tidy_byline() -> None:
    words = " ".join(["The council met on Tuesday and voted on the budget."] * 20)
    html = (
        "<html><head><title>Council votes</title>"
        '<meta name="author" content="Jeff Foust Monday; November"></head>'
        f"<body><article><h1>Council votes</h1><p>{words}</p></article></body></html>"
    )
    assert clean_html(html, "https://example.com/council").author == "Jeff Foust"


def test_a_surname_that_is_a_month_is_kept() -> None:
    assert tidy_byline("Theresa May") == "Theresa May"
    assert tidy_byline("Brian May; Staff writer") == "Brian May"


@pytest.mark.parametrize(
    ("author", "stored"),
    [
        ("Sarah E. Needleman", "Sarah E. Needleman"),
        ("Finian Cunningham. Sputnik International", "Finian Cunningham, Sputnik International"),
        ("By Jane Doe, Mon November 18, 2019", "Jane Doe"),
        ("JANE DOE and JOHN ROE, Staff Writers", "Jane Doe, John Roe"),
        ("Troy Smith; Troy L. Smith; Cleveland.com", "Troy Smith, Cleveland com"),
    ],
)
def test_a_cleaned_page_keeps_the_periods_trafilatura_turns_into_spaces(
    author: str, stored: str
) -> None:
    """trafilatura reads "Sarah E. Needleman" as "Sarah E Needleman": the page still says
    where the periods were."""
    words = " ".join(["The council met on Tuesday and voted on the budget."] * 20)
    html = (
        "<html><head><title>Council votes</title>"
        f'<meta name="author" content="{author}"></head>'
        f"<body><article><h1>Council votes</h1><p>{words}</p></article></body></html>"
    )
    assert clean_html(html, "https://example.com/council").author == stored
