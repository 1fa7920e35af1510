"""Tests for the tune-15 round: the top of a named scale ("a Level 3 out of 5 risk") is
part of the name; an ordinary "3 out of 5 voters" keeps both numbers."""

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
