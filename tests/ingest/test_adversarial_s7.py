"""Inputs of up to 1 MB built to make this session's new patterns backtrack or rescan: each
must finish in well under a second (a review timed 8-35 s for 80 KB bylines, and 2.4 s for
1 MB of temperature bands, before the caps)."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from ingest.clean import as_written
from ingest.figures import find_figures
from storage.bylines import byline, tidy_byline

MB = 1_000_000


def _timed(call: Callable[[], object]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "author",
    ["a@" * (MB // 2), "a" + "," * MB, " " * MB + "x", "Ab. " * (MB // 4), "Jane Doe; " * 100_000],
)
def test_hostile_bylines_are_read_in_bounded_time(author: str) -> None:
    assert _timed(lambda: tidy_byline(author)) < 1.0
    assert _timed(lambda: byline(author, "Site")) < 1.0


def test_a_megabyte_of_temperature_bands_is_fast() -> None:
    text = ("the mid-40s degrees " * (MB // 20))[:MB]
    assert _timed(lambda: find_figures(text)) < 1.0


def test_many_author_parts_on_a_large_page_are_fast() -> None:
    """Each byline part is looked up in the page as written: a bounded number of scans."""
    author = "; ".join(f"Jane Q Doe{i}" for i in range(100))
    page = "<p>filler text about the council and its budget</p>" * 20_000
    assert _timed(lambda: as_written(author, page)) < 1.0
