"""The memo and CSV cite each tagged item's source in full: outlet, byline, date, URL, title."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from desk.export import CSV_COLUMNS, render
from storage.models import ArticleBody, ArticleMeta, Figure, ItemRef, Quote, figure_keys, quote_keys
from storage.store import Store
from tui.cli import main

LONG_TITLE = (
    "Harbour council approves a €4.5m sea wall after a decade of floods, petitions and "
    "three rejected plans, while fishermen warn that the new quay leaves no room for "
    "their boats and the port authority says it will review the berths next spring"
)
TEXT = 'The council spent €4.5m on the wall. "We waited ten years," said Anna Berg.'


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    quote = Quote("We waited ten years,", "Anna Berg", 47, 67, sentence=TEXT.split(". ")[1])
    figure = Figure("€4.5m", "money", 4.5e6, "EUR", 17, 22, sentence=TEXT.split(". ")[0] + ".")
    meta = ArticleMeta(
        id="",
        title=LONG_TITLE,
        url="https://coastnews.example/harbour-wall",
        site="coastnews.example",
        author="Mia Holm",
        published="2024-05-02T09:30:00+02:00",
    )
    stored, _ = store.add_article(meta, ArticleBody(TEXT, [quote], [figure]))
    article = store.get(stored.id)
    store.tag(ItemRef(stored.id, quote_keys(article.body.quotes)[0]), "verify", quote.text)
    store.tag(ItemRef(stored.id, figure_keys(article.body.figures)[0]), "verify", figure.text)
    return store


def test_memo_gives_outlet_byline_date_url_and_the_whole_title(store: Store) -> None:
    memo = render(store, "md")
    source = f"  - source: {LONG_TITLE} — coastnews.example, by Mia Holm, 2024-05-02"
    assert memo.count(source) == 2  # the quote and the figure
    assert memo.count("  - <https://coastnews.example/harbour-wall>") == 2
    assert "…" not in memo and "  - in: " not in memo


def test_csv_adds_author_and_date_at_the_end(store: Store) -> None:
    text = render(store, "csv")
    header = text.splitlines()[0].split(",")
    assert header[:14] == [
        "tags", "article_id", "article_title", "url", "site", "kind", "item", "text",
        "speaker", "value", "unit", "figure_kind", "sentence", "note",
    ]  # fmt: skip
    assert header[14:] == ["author", "date", "date_kind"] and tuple(header) == CSV_COLUMNS
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["kind"], r["text"]) for r in rows] == [
        ("figure", "€4.5m"),
        ("quote", "We waited ten years,"),
    ]
    for row in rows:
        assert row["article_title"] == LONG_TITLE and row["site"] == "coastnews.example"
        assert row["author"] == "Mia Holm" and row["date"] == "2024-05-02"
        assert row["date_kind"] == "published"
        assert row["url"] == "https://coastnews.example/harbour-wall"


def test_an_article_without_byline_or_published_date_shows_the_day_added(
    tmp_path: Path, capsys
) -> None:
    store = Store.open(tmp_path / "plain")
    meta, _ = store.add_article(
        ArticleMeta(id="", title="Short note", site="notes.example"), ArticleBody("Just text.")
    )
    store.tag(ItemRef(meta.id), "used", meta.title)
    out = tmp_path / "memo.md"
    assert main(["export", "-o", str(out), "--db", str(store.root)]) == 0
    day = store.meta(meta.id).added[:10]
    assert f"- **Article:** Short note\n  - source: notes.example, added {day}\n" in out.read_text()
