"""Search on a real store: words, phrases and filters find articles and their items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desk.search import parse, search
from ingest.pipeline import add_file
from storage.models import ItemRef
from storage.store import Store
from tests.seed import import_first_seed
from tui.cli import main


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    import_first_seed(store)
    council = tmp_path / "council.txt"
    council.write_text(
        'The council spent $4.5m on roads in Leeds. "We are proud of the roads," said Jane Doe.\n'
    )
    add_file(store, council)
    return store


def _ids(hits) -> list[str]:
    return [h.meta.title[:12] for h in hits]


def test_word_and_phrase_find_the_right_article(store: Store) -> None:
    assert _ids(search(store, "Mistral")) == ["Last month, "]
    assert _ids(search(store, '"proud of the roads"')) == ["The council "]
    assert search(store, '"roads proud"') == []


def test_speaker_filter_lists_only_that_speakers_quotes(store: Store) -> None:
    (hit,) = search(store, "speaker:Huet")
    assert hit.quotes and {q.speaker for _, q in hit.quotes} == {"Romain Huet"}
    assert search(store, "speaker:Nobody") == []


def test_kind_filter_lists_figures_of_that_kind(store: Store) -> None:
    hits = search(store, "kind:money")
    texts = {f.text for h in hits for _, f in h.figures}
    assert {"$6.6bn", "$4.5m"} <= texts
    assert all(f.kind == "money" for h in hits for _, f in h.figures)


def test_tag_site_and_read_filters_combine(store: Store) -> None:
    seed = next(m for m in store.articles() if m.source == "seed")
    store.tag(ItemRef(seed.id), "verify", seed.title)
    assert _ids(search(store, "tag:verify")) == ["Last month, "]
    assert _ids(search(store, "tag:verify site:sifted.eu unread")) == ["Last month, "]
    store.set_read(seed.id)
    assert search(store, "tag:verify unread") == []
    assert search(store, "site:example.org") == []


def test_index_follows_deletes_and_bad_filters_are_errors(store: Store) -> None:
    council = next(m for m in store.articles() if m.source == "file")
    assert search(store, "Leeds")
    store.delete_article(council.id)
    assert search(store, "Leeds") == []
    with pytest.raises(ValueError, match="kind: is one of"):
        parse("kind:cash")
    with pytest.raises(ValueError, match="after: wants a date"):
        parse("after:yesterday")


def test_fts_syntax_in_user_text_is_just_text(store: Store) -> None:
    assert search(store, "NEAR( OR AND *") == []
    assert search(store, 'unbalanced "quote') == []


def test_cli_search_json(store: Store, capsys) -> None:
    assert main(["search", "speaker:Fournier", "--json", "--db", str(store.root)]) == 0
    (doc,) = json.loads(capsys.readouterr().out)
    assert {q["speaker"] for q in doc["quotes"]} == {"Arnaud Fournier"}
    assert main(["search", "kind:cash", "--db", str(store.root)]) == 1


def test_an_unreadable_index_is_rebuilt_from_the_store(store: Store) -> None:
    assert _ids(search(store, "Mistral")) == ["Last month, "]
    (store.root / "search.sqlite").write_bytes(b"not a database at all" * 100)
    assert _ids(search(store, "Mistral")) == ["Last month, "]


def test_a_reanalysed_article_is_reindexed(store: Store) -> None:
    council = next(m for m in store.articles() if m.source == "file")
    assert search(store, "speaker:Doe")
    body = store.body(council.id)
    store.replace_article(council, type(body)(text=body.text, quotes=[], figures=body.figures))
    assert search(store, "speaker:Doe") == []
