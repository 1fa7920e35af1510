"""Exports of tagged items and the JSON backup round trip, on a real store with real articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desk.backup import backup, restore
from desk.export import to_csv, to_markdown
from desk.items import desk_items
from ingest.pipeline import add_file
from storage.models import ItemRef, figure_keys, quote_keys
from storage.store import Store
from tests.seed import import_first_seed
from tui.cli import main


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    import_first_seed(store)
    note = tmp_path / "council.txt"
    note.write_text('The council spent $4.5m on roads. "We are proud of it," said Jane Doe.\n')
    add_file(store, note)
    return store


def _seed(store: Store):
    meta = next(m for m in store.articles() if m.source == "seed")
    return store.get(meta.id)


def test_memo_and_csv_show_tagged_quote_and_figure(store: Store) -> None:
    seed = _seed(store)
    quote = next(q for q in seed.body.quotes if q.speaker == "Romain Huet")
    qkey = quote_keys(seed.body.quotes)[seed.body.quotes.index(quote)]
    fig = next(f for f in seed.body.figures if f.text == "$6.6bn")
    fkey = figure_keys(seed.body.figures)[seed.body.figures.index(fig)]
    store.tag(ItemRef(seed.id, qkey), "verify", quote.text)
    store.tag(ItemRef(seed.id, fkey), "follow-up", fig.text)
    store.note(ItemRef(seed.id, fkey), "Check against the filing")

    items = desk_items(store)
    assert [(i.kind, i.tags) for i in items] == [("figure", ("follow-up",)), ("quote", ("verify",))]
    memo = to_markdown(items)
    assert "## follow-up" in memo and "## verify" in memo
    assert "**$6.6bn** (6,600,000,000 USD)" in memo
    assert f"“{quote.text}”** — Romain Huet" in memo
    assert "<https://sifted.eu/articles/openai-paris-office-interview/>" in memo
    assert "  - note: Check against the filing" in memo

    rows = list(csv.DictReader(io.StringIO(to_csv(desk_items(store, "follow-up")))))
    assert len(rows) == 1
    assert rows[0]["text"] == "$6.6bn" and float(rows[0]["value"]) == 6.6e9
    assert rows[0]["unit"] == "USD" and rows[0]["article_id"] == seed.id


def test_backup_restores_exactly_into_an_empty_store(store: Store, tmp_path: Path) -> None:
    seed = _seed(store)
    qkey = quote_keys(seed.body.quotes)[0]
    store.tag(ItemRef(seed.id, qkey), "follow-up", "x")
    store.tag(ItemRef(seed.id), "used", seed.meta.title)
    store.set_read(seed.id)
    store.note(ItemRef(seed.id, qkey), "Ask for the full interview")
    data = json.loads(json.dumps(backup(store)))

    fresh = Store.open(tmp_path / "fresh")
    counts = restore(fresh, data)
    assert (counts.added, counts.unchanged, counts.tags, counts.notes) == (2, 0, 2, 1)
    assert fresh.notes() == {ItemRef(seed.id, qkey): "Ask for the full interview"}
    assert [m.to_doc() for m in fresh.articles()] == [m.to_doc() for m in store.articles()]
    for meta in store.articles():
        assert fresh.body(meta.id) == store.body(meta.id)
    assert fresh.tags_for(seed.id) == {qkey: {"follow-up"}, "": {"used"}}


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    fresh = Store.open(tmp_path / "fresh")
    with pytest.raises(ValueError, match="not a newsroom backup"):
        restore(fresh, {"articles": []})
    with pytest.raises(ValueError, match="malformed record"):
        restore(fresh, {"format": "newsroom-backup", "version": 1, "articles": [{"meta": {}}]})
    assert fresh.articles() == []


def test_cli_export_and_import_round_trip(store: Store, tmp_path: Path, capsys) -> None:
    seed = _seed(store)
    store.tag(ItemRef(seed.id), "follow-up", seed.meta.title)
    out_md = tmp_path / "memo.md"
    assert main(["export", "--tag", "follow-up", "-o", str(out_md), "--db", str(store.root)]) == 0
    assert "**Article:** " + seed.meta.title in out_md.read_text()
    out_json = tmp_path / "all.json"
    assert main(["export", "--format", "json", "-o", str(out_json), "--db", str(store.root)]) == 0
    capsys.readouterr()
    target = tmp_path / "restored"
    assert main(["import-json", str(out_json), "--db", str(target)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("restored 2 articles (0 already there), 1 tag, 0 notes")
    assert main(["import-json", str(out_md), "--db", str(target)]) == 1
    assert "not valid JSON" in capsys.readouterr().err
