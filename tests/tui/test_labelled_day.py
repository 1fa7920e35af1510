"""One wording for an article's day everywhere: "2019-11-20" when published, else
"added 2026-11-25" (the reader said "added DATE", `newsroom show` "DATE (added)", and the
memo and CSV gave a bare date that could be either)."""

from __future__ import annotations

import csv
import io

import pytest

from desk.export import render
from storage.models import ArticleBody, ArticleMeta, ItemRef, labelled_day
from storage.store import Store
from tests.tui.conftest import settle
from tui.app import make_app
from tui.cli import main
from tui.widgets import ReaderHeader

ADDED = "2026-11-25T07:00:00+00:00"


@pytest.mark.parametrize(
    ("published", "label"),
    [
        ("2019-11-20T10:00:00Z", "2019-11-20"),
        ("Wed, 20 Nov 2019 23:30:00 -0500", "2019-11-21"),
        ("2019-11", "2019-11"),
        (None, "added 2026-11-25"),
        ("sometime next week", "added 2026-11-25"),
    ],
)
def test_labelled_day(published: str | None, label: str) -> None:
    assert labelled_day(published, ADDED) == label


def test_no_day_at_all_is_empty() -> None:
    assert labelled_day(None, None) == ""


def _add(store: Store, title: str, published: str | None) -> ArticleMeta:
    meta = ArticleMeta(id="", title=title, site="coast.example", published=published)
    stored, _ = store.add_article(meta, ArticleBody(f"{title}: the council voted."))
    store.tag(ItemRef(stored.id), "verify", title)
    return stored


async def _header_day(store: Store, title: str) -> str:
    app = make_app(store)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        lines = str(app.screen.query_one(ReaderHeader).render()).split("\n")
    assert lines[0] == title
    return lines[1].removeprefix("coast.example  ")


async def test_reader_show_and_memo_write_the_added_day_alike(store: Store, capsys) -> None:
    stored = _add(store, "Undated note", None)
    day = stored.added[:10]
    assert await _header_day(store, "Undated note") == f"added {day}"
    assert main(["show", stored.id, "--db", str(store.root)]) == 0
    assert f"id {stored.id} · coast.example · added {day}\n" in capsys.readouterr().out
    memo = render(store, "md")
    assert f"- **Article:** Undated note\n  - source: coast.example, added {day}\n" in memo


async def test_a_published_day_is_bare_everywhere(store: Store, capsys) -> None:
    stored = _add(store, "Dated story", "2019-11-20T10:00:00Z")
    assert await _header_day(store, "Dated story") == "2019-11-20"
    assert main(["show", stored.id, "--db", str(store.root)]) == 0
    assert f"id {stored.id} · coast.example · 2019-11-20\n" in capsys.readouterr().out
    assert "  - source: coast.example, 2019-11-20\n" in render(store, "md")


def test_the_csv_keeps_a_sortable_date_and_says_which_kind(store: Store) -> None:
    undated = _add(store, "Undated note", None)
    _add(store, "Dated story", "2019-11-20T10:00:00Z")
    text = render(store, "csv")
    assert text.splitlines()[0].endswith(",author,date,date_kind")
    rows = {r["article_title"]: r for r in csv.DictReader(io.StringIO(text))}
    assert (rows["Dated story"]["date"], rows["Dated story"]["date_kind"]) == (
        "2019-11-20",
        "published",
    )
    assert (rows["Undated note"]["date"], rows["Undated note"]["date_kind"]) == (
        undated.added[:10],
        "added",
    )
