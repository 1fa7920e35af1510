"""Dates stores already hold as newsroom used to keep them (a feed's raw RFC 822 pubDate, or
any text) are shown as YYYY-MM-DD or else as the added date, and searched and exported as such."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.export import to_csv
from desk.items import DeskItem
from desk.search import day_of, search
from ingest.pipeline import article_from_text
from storage.models import ArticleMeta, ItemRef
from storage.store import Store
from tui.safe_text import date_of

ADDED = "2026-11-25T07:44:42+00:00"


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        ("Wed, 20 Nov 2019 11:00:00 GMT", "2019-11-20"),
        ("Wed, 20 Nov 2019 23:30:00 -0500", "2019-11-21"),  # in UTC, as feed dates are now
        ("Tue, 19 Nov 2019 08:00:00 +0100", "2019-11-19"),
        ("Wed, 20 Nov 2019 11:00 EST", "2019-11-20"),
        ("\x1b[31mWed, 20 Nov 2019 11:00:00 GMT", "2019-11-20"),
        ("sometime next week", "2026-11-25"),
        ("Mittwoch, 20. November", "2026-11-25"),
        ("20191120T110000", "2026-11-25"),
    ],
)
def test_a_legacy_date_is_shown_as_a_day_or_the_added_date(published: str, shown: str) -> None:
    assert date_of(published, ADDED) == shown


def test_every_stored_shape_shows_as_a_day() -> None:
    """ISO dates and missing ones show as they did; legacy raw dates among them no longer
    show as their first ten characters."""
    shown = {
        "2019-11-20": "2019-11-20",
        "2019-11-20T10:00:00Z": "2019-11-20",
        "\x1b]2;X\x07\x1b[2J2021-09-06": "2021-09-06",
        "": "2026-11-25",
        "Mon, 18 Nov 2019 10:00:00 GMT": "2019-11-18",
    }
    assert {value: date_of(value, ADDED) for value in shown} == shown
    assert date_of(None, ADDED) == "2026-11-25"


def _add(store: Store, title: str, published: str | None, added: str) -> None:
    meta, body = article_from_text(
        f"{title}: the council voted on the harbour budget, the mayor said on the day.",
        title=title,
        url=f"https://example.org/{title.replace(' ', '-')}",
        published=published,
    )
    meta.added = added
    store.add_article(meta, body)


def _titles(store: Store, query: str) -> set[str]:
    return {hit.meta.title for hit in search(store, query)}


def test_after_and_before_read_legacy_dates(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "store")
    _add(store, "Raw feed date", "Wed, 20 Nov 2019 11:00:00 GMT", "2026-11-25T07:00:00+00:00")
    _add(store, "ISO date", "2024-05-01", "2026-11-25T07:00:00+00:00")
    _add(store, "Unreadable date", "sometime next week", "2026-11-24T07:00:00+00:00")
    assert _titles(store, "after:2030-01-01") == set()
    assert _titles(store, "after:2019-11-20 before:2019-11-20") == {"Raw feed date"}
    assert _titles(store, "before:2024-12-31") == {"Raw feed date", "ISO date"}
    assert _titles(store, "after:2026-11-24") == {"Unreadable date"}  # its added date


@pytest.mark.parametrize("published", ["Wed, 20 Nov 2019 23:30:00 -0500", "2024-05", "soon", None])
def test_the_app_search_and_exports_agree_on_the_day(published: str | None) -> None:
    meta = ArticleMeta(id="a1", title="T", published=published, added=ADDED)
    shown = date_of(published, ADDED)
    assert day_of(meta) == shown
    item = DeskItem(ItemRef("a1"), ("x",), "T", None, "example.org", "article", "T")
    kind = "published" if published in ("Wed, 20 Nov 2019 23:30:00 -0500", "2024-05") else "added"
    assert to_csv([item], {"a1": meta}).splitlines()[1].endswith(f",{shown},{kind}")
