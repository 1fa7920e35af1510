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


def test_notes_are_searched_and_their_items_listed(store: Store, capsys) -> None:
    from desk.views import view_ids
    from storage.models import quote_keys
    from tui.item_names import first_words

    council = next(m for m in store.articles() if m.source == "file")
    seed = next(m for m in store.articles() if m.source == "seed")
    assert search(store, "potholes") == [] and search(store, "zanzibar") == []
    store.note(ItemRef(council.id), "Ask the mayor's office about the potholes")
    quotes = store.body(seed.id).quotes
    huet = next(i for i, q in enumerate(quotes) if q.speaker == "Romain Huet")
    quote_ref = ItemRef(seed.id, quote_keys(quotes)[huet])
    store.note(quote_ref, "Zanzibar: call him back")

    (hit,) = search(store, "potholes")
    assert hit.meta.id == council.id
    assert hit.notes == {"": "Ask the mayor's office about the potholes"}
    assert _ids(search(store, "Leeds potholes")) == ["The council "]  # body and note together
    (hit,) = search(store, "zanzibar")
    assert hit.meta.id == seed.id and [n for n, _ in hit.quotes] == [huet + 1]
    assert hit.notes == {quote_ref.item: "Zanzibar: call him back"}
    assert view_ids(store, "potholes") == {council.id}  # a saved view filters the list by it

    assert main(["search", "zanzibar", "--db", str(store.root)]) == 0
    out = capsys.readouterr().out
    assert (
        f"note on quote by Romain Huet, “{first_words(quotes[huet].text)}” [q{huet + 1}]: " in out
    )
    assert quote_ref.item not in out
    assert f"    q{huet + 1}  Romain Huet: “" in out

    store.note(quote_ref, "Timbuktu instead")  # a note written since is found, the old not
    assert search(store, "zanzibar") == [] and _ids(search(store, "timbuktu")) == ["Last month, "]
    store.note(ItemRef(council.id), "")
    assert search(store, "potholes") == []
