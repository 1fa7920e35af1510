"""The CSV export as a spreadsheet reads it: a cell that would run as a formula is text
(OWASP's CSV injection advice: a leading `'`), the `item` column holds the numbers the user
types back (`q3`, `f2`, as `newsroom search` and `show` give them), not store keys, and a
value is the plain number (6600000000, not 6600000000.0)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from storage.models import ArticleBody, ArticleMeta, Figure, ItemRef, Quote, figure_keys, quote_keys
from storage.store import Store
from tests.seed import import_first_seed
from tui.cli import main

TEXT = (
    '"-2+3 is the sum," said Ann Lee. "=1+1 too," she said. "+44 20 is the code," Ann said. '
    '"@here all," Ann said. "\tTabbed," Ann said. "\rCarriage," Ann said. '
    "The loss was -5 points."
)
HOSTILE = [
    "-2+3 is the sum,",
    "=1+1 too,",
    "+44 20 is the code,",
    "@here all,",
    "\tTabbed,",
    "\rCarriage,",
]


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "store")


def _rows(store: Store, capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["export", "--format", "csv", "--db", str(store.root)]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def _hostile_article(store: Store) -> ArticleMeta:
    quotes = [Quote(q, "Ann Lee", TEXT.index(q), TEXT.index(q) + len(q), q) for q in HOSTILE]
    start = TEXT.index("-5")
    loss = Figure(
        "-5 points", "quantity", -5.0, "points", start, start + 9, "The loss was -5 points."
    )
    meta, _ = store.add_article(
        ArticleMeta(id="", title="=cmd|' /C calc'!A0", site="@evil", url="https://example.org/a"),
        ArticleBody(TEXT, quotes, [loss]),
    )
    return meta


def test_cells_a_spreadsheet_would_run_are_text(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = _hostile_article(store)
    body = store.body(meta.id)
    for key in quote_keys(body.quotes):
        store.tag(ItemRef(meta.id, key), "verify")
    figure = ItemRef(meta.id, figure_keys(body.figures)[0])
    store.tag(figure, "verify")
    store.note(figure, '=HYPERLINK("http://evil.example","click")')
    rows = _rows(store, capsys)
    quotes = [r for r in rows if r["kind"] == "quote"]
    (loss,) = [r for r in rows if r["kind"] == "figure"]
    assert len(rows) == 7 and sorted(r["text"] for r in quotes) == sorted("'" + q for q in HOSTILE)
    assert {r["article_title"] for r in rows} == {"'=cmd|' /C calc'!A0"}
    assert {r["site"] for r in rows} == {"'@evil"}
    assert loss["note"] == '\'=HYPERLINK("http://evil.example","click")'
    assert loss["text"] == "'-5 points" and loss["value"] == "-5"
    assert loss["sentence"] == "The loss was -5 points." and loss["speaker"] == ""


def test_the_item_column_holds_the_numbers_the_user_types_back(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    article_id = import_first_seed(store).id
    for args in (["--quote", "9"], ["--figure", "2"], []):
        assert main(["tag", article_id, "verify", *args, "--db", str(store.root)]) == 0
    capsys.readouterr()
    rows = _rows(store, capsys)
    assert [(r["kind"], r["item"], r["text"]) for r in rows] == [
        (
            "article",
            "",
            "Last month, to the excitement of many French VCs and founders, US tech giant OpenAI…",
        ),
        ("figure", "f2", "$6.6bn"),
        ("quote", "q9", "I don’t see [Mistral] as competition,"),
    ]


def test_a_value_is_the_plain_number(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    article_id = import_first_seed(store).id
    for n in ("2", "3", "4"):
        assert main(["tag", article_id, "verify", "--figure", n, "--db", str(store.root)]) == 0
    capsys.readouterr()
    rows = _rows(store, capsys)
    assert sorted((r["item"], r["text"], r["value"], r["unit"]) for r in rows) == [
        ("f2", "$6.6bn", "6600000000", "USD"),
        ("f3", "$157bn", "157000000000", "USD"),
        ("f4", "1,800", "1800", "employees"),
    ]
