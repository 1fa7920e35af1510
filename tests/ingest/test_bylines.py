"""Bylines as trafilatura reads them from real pages of the benchmark, and as a reader wants
them: names only, with the dates, roles and credentials the markup stuck to them taken off."""

from __future__ import annotations

import pytest

from ingest.bylines import tidy_byline
from ingest.clean import clean_html

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
]


@pytest.mark.parametrize(("raw", "tidy"), REAL)
def test_real_bylines_lose_what_is_not_a_name(raw: str, tidy: str) -> None:
    assert tidy_byline(raw) == tidy


@pytest.mark.parametrize("raw", KEPT)
def test_names_and_outlets_are_kept_as_they_are(raw: str) -> None:
    assert tidy_byline(raw) == raw


@pytest.mark.parametrize("raw", [None, "", "  ", "; ;", "Monday; November"])
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
