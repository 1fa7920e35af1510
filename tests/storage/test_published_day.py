"""Stored dates: ISO ones, and the raw feed dates older stores kept, read as one day."""

from __future__ import annotations

import pytest

from storage.documents import newest_first
from storage.models import ArticleMeta, article_day, published_day


@pytest.mark.parametrize(
    ("stored", "day"),
    [
        ("2019-11-20", "2019-11-20"),
        ("2019-11-20T23:30:00+00:00", "2019-11-20"),
        ("2019-11", "2019-11"),
        ("Wed, 20 Nov 2019 23:30:00 -0500", "2019-11-21"),
        ("Wed, 20 No", None),
        ("", None),
        (None, None),
    ],
)
def test_published_day(stored: str | None, day: str | None) -> None:
    assert published_day(stored) == day


def test_article_day_is_the_published_day_else_the_added_one() -> None:
    added = "2026-11-25T07:00:00+00:00"
    assert article_day("Wed, 20 Nov 2019 23:30:00 -0500", added) == "2019-11-21"
    assert article_day("2019-11", added) == "2019-11"
    assert article_day("sometime soon", added) == article_day(None, added) == "2026-11-25"
    assert article_day(None, None) == article_day("", "") == ""


def test_a_raw_feed_date_sorts_by_its_day_not_above_everything() -> None:
    def meta(i: str, published: str | None) -> ArticleMeta:
        return ArticleMeta(id=i, title=i, published=published, added="2026-11-25T07:00:00Z")

    metas = [
        meta("raw", "Wed, 20 Nov 2019 11:00:00 GMT"),
        meta("new", "2021-03-04"),
        meta("old", "2018-01-01"),
        meta("junk", "sometime soon"),
    ]
    order = [m.id for m in sorted(metas, key=newest_first, reverse=True)]
    assert order == ["junk", "new", "raw", "old"]  # junk: by when it was added, today
