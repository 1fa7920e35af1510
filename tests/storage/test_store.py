"""The store's domain API: adding, deduplicating, ids, tags, notes, deletes, bulk adds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.errors import ArticleNotFound
from storage.models import ArticleBody, ArticleMeta, ItemRef
from storage.store import Store, content_hash, item_ref
from tests.storage.helpers import article


def test_add_then_get_round_trips(store: Store) -> None:
    meta, body = article(1)
    stored, created = store.add_article(meta, body)
    assert created and len(stored.id) == 8 and stored.n_quotes == 1 and stored.n_figures == 1
    again = Store.open(store.root, auto_backup=False).get(stored.id)
    assert again.meta == stored and again.body == body


def test_ids_are_stable_across_stores(tmp_path: Path) -> None:
    one = Store.open(tmp_path / "one", auto_backup=False).add_article(*article(5))[0]
    two = Store.open(tmp_path / "two", auto_backup=False).add_article(*article(5))[0]
    assert one.id == two.id == Store.open(tmp_path / "two").resolve(one.id[:4])


def test_same_url_or_same_text_is_not_added_twice(store: Store) -> None:
    first, _ = store.add_article(*article(1))
    meta, body = article(2)
    meta.url = first.url
    assert store.add_article(meta, body) == (first, False)
    other, same_text = article(3)[0], article(1)[1]
    same_text.text = "  " + same_text.text.replace(" ", "  ")  # whitespace does not count
    assert store.add_article(other, same_text) == (first, False)
    assert store.count() == 1


def test_duplicate_found_after_a_refetch_changed_the_url(store: Store) -> None:
    stored, _ = store.add_article(*article(1))
    stored.url = "https://canonical.example/1"
    store.replace_article(stored, article(1)[1])
    again = article(7)[0]
    again.url = "https://canonical.example/1"
    assert store.add_article(again, article(7)[1]) == (store.meta(stored.id), False)


def test_articles_listed_newest_first_and_by_tag(store: Store) -> None:
    ids = [store.add_article(*article(n))[0].id for n in range(5)]
    listed = store.articles()
    assert [m.published for m in listed] == sorted((m.published for m in listed), reverse=True)
    store.tag(ItemRef(ids[2], "q-1234abcd"), "verify")
    assert [m.id for m in store.articles(tag="verify")] == [ids[2]]


def test_resolve_needs_a_unique_prefix(store: Store) -> None:
    stored, _ = store.add_article(*article(1))
    assert store.resolve(stored.id[:3].upper()) == stored.id
    with pytest.raises(ArticleNotFound, match="at least 2"):
        store.resolve("a")
    with pytest.raises(ArticleNotFound, match="no such article"):
        store.resolve("zz")


def test_tag_untag_toggle(store: Store) -> None:
    ref = ItemRef(store.add_article(*article(1))[0].id)
    assert store.tag(ref, " needs  check ") is True
    assert store.tag(ref, "needs-check") is False
    assert store.tags_for(ref.article) == {"": {"needs-check"}}
    assert store.toggle_tag(ref, "needs-check") is False
    assert store.toggle_tag(ref, "needs-check") is True
    assert store.untag(ref, "needs-check") is True and store.untag(ref, "needs-check") is False
    assert store.tag_names()[:3] == ["follow-up", "used", "verify"]
    with pytest.raises(ArticleNotFound):
        store.tag(ItemRef("deadbeef"), "x")
    with pytest.raises(ValueError):
        store.tag(ref, " \t")


def test_notes_set_replace_remove(store: Store) -> None:
    stored = store.add_article(*article(1))[0]
    ref, quote = item_ref(store.get(stored.id), "quote", 1)
    first = store.note(ref, "  ask for the source  ")
    assert first is not None and first.text == "ask for the source"
    second = store.note(ref, "source confirmed")
    assert second is not None and second.added == first.added
    assert store.notes() == {ref: "source confirmed"}
    assert store.notes_for(stored.id)[ref.item].text == "source confirmed"
    data = json.loads(store.layout.tags_file.read_text())
    assert [d["text"] for d in data["notes"].values()] == ["source confirmed"]
    assert store.note(ref, "   ") is None and store.notes() == {}
    assert quote.startswith("We will fix the")


def test_delete_removes_article_body_tags_and_notes(store: Store) -> None:
    a, b = (store.add_article(*article(n))[0] for n in (1, 2))
    for meta in (a, b):
        store.tag(ItemRef(meta.id), "follow-up")
        store.note(ItemRef(meta.id), f"note {meta.id}")
    store.delete_article(a.id)
    assert [m.id for m in store.articles()] == [b.id]
    assert [t.ref.article for t in store.tags()] == [b.id]
    assert list(store.notes()) == [ItemRef(b.id)]
    assert not store.layout.body(a.id).exists() and not store.layout.journal_file.exists()
    assert store.add_article(*article(1))[1] is True  # may come back, without old tags
    assert store.tags_for(a.id) == {}


def test_a_half_done_delete_is_hidden_then_finished(store: Store) -> None:
    stored = store.add_article(*article(1))[0]
    store.tag(ItemRef(stored.id), "follow-up")
    entry = {"op": "delete", "id": stored.id, "meta": stored.to_doc()}
    store.layout.journal_file.write_text(json.dumps(entry))  # as if killed after the journal
    assert store.tags() == []
    Store.open(store.root, auto_backup=False)
    assert store.count() == 0 and not store.layout.journal_file.exists()


def test_bulk_add_skips_duplicates_inside_and_outside_the_batch(store: Store) -> None:
    existing = store.add_article(*article(0))[0]
    batch = [article(n) for n in range(4)] + [article(2)]
    results = store.add_articles(batch)
    assert [created for _, created in results] == [False, True, True, True, False]
    assert results[0][0] == existing and results[4][0].id == results[2][0].id
    assert store.count() == 4
    assert store.body(results[3][0].id).text == article(3)[1].text


def test_version_moves_on_every_visible_write(store: Store) -> None:
    seen = {store.version()}
    stored = store.add_article(*article(1))[0]
    seen.add(store.version())
    store.tag(ItemRef(stored.id), "x")
    seen.add(store.version())
    store.set_read(stored.id)
    seen.add(store.version())
    store.note(ItemRef(stored.id), "n")
    seen.add(store.version())
    assert len(seen) == 5


def test_set_read_and_seeded(store: Store) -> None:
    stored = store.add_article(*article(1))[0]
    store.set_read(stored.id)
    assert Store(store.root).meta(stored.id).read is True
    assert store.seeded() is False
    store.mark_seeded()
    assert store.seeded() is True


def test_article_without_url_gets_id_from_its_text(store: Store) -> None:
    meta = ArticleMeta(id="", title="Untitled")
    stored, _ = store.add_article(meta, ArticleBody(text="Some text."))
    assert stored.content_hash == content_hash("Some   text.")
    assert store.find_duplicate(None, content_hash("Some text.")) == stored


def test_fast_documents_equal_the_models_own(store: Store) -> None:
    from storage.documents import body_doc, plain_doc

    meta, body = article(3)
    stored, _ = store.add_article(meta, body)
    assert plain_doc(stored) == stored.to_doc()
    assert body_doc(body) == body.to_doc()
    assert json.loads(store.layout.body(stored.id).read_text()) == body.to_doc()


def test_values_only_pythons_json_writes_still_read(store: Store) -> None:
    """orjson reads the files fast but refuses NaN, Infinity and integers past 64 bits,
    which Python's json writes: a figure of "10^400 dollars" must not make a store corrupt."""
    from dataclasses import replace

    meta, body = article(4)
    body.figures = [
        replace(body.figures[0], value=float("inf")),
        replace(body.figures[0], value=float("nan")),
    ]
    stored, _ = store.add_article(meta, body)
    assert "Infinity" in store.layout.body(stored.id).read_text()
    again = Store.open(store.root, auto_backup=False).get(stored.id)
    assert again.body.figures[0].value == float("inf")
    assert again.body.figures[1].value != again.body.figures[1].value  # NaN


def test_metadata_documents_in_any_key_order_or_schema_read(store: Store) -> None:
    meta_of = ArticleMeta.from_doc
    meta, _ = article(6)
    doc = meta.to_doc()
    assert meta_of(doc) == meta  # the fast positional path
    assert meta_of(dict(reversed(list(doc.items())))) == meta  # keys in another order
    assert meta_of({**doc, "added_by_a_newer_schema": 1}) == meta  # unknown key ignored


def test_a_store_written_before_fetched_urls_were_kept_still_reads(store: Store) -> None:
    """`fetched_url` came after the store's first release: a shard without it reads (the
    default fills it), and refetch and discover fall back to the canonical URL."""
    stored, _ = store.add_article(*article(7))
    shard = store.layout.shard(stored.id)
    data = json.loads(shard.read_text())
    for doc in data["articles"].values():
        del doc["fetched_url"]
    shard.write_text(json.dumps(data))
    again = Store.open(store.root, auto_backup=False).meta(stored.id)
    assert again == stored and again.fetched_url is None
    assert again.fetch_urls() == [stored.url]
    old = {k: v for k, v in stored.to_doc().items() if k != "fetched_url"}
    assert ArticleMeta.from_doc(old) == stored == ArticleMeta.from_doc(dict(reversed(old.items())))


def test_an_integer_orjson_cannot_write_goes_to_json(store: Store) -> None:
    from dataclasses import replace

    from storage.jsonfile import dump_json

    meta, body = article(8)
    body.figures = [replace(body.figures[0], value=10**30)]  # type: ignore[arg-type]
    stored, _ = store.add_article(meta, body)
    assert '"value":1000000000000000000000000000000,' in store.layout.body(stored.id).read_text()
    again = Store.open(store.root, auto_backup=False).get(stored.id)
    assert again.body.figures[0].value == 1e30  # orjson reads it as a float
    assert dump_json({"n": 2**64, "k": 1}) == b'{"n":18446744073709551616,"k":1}'
    assert dump_json({"é": [1.5, None, True]}) == '{"é":[1.5,null,true]}'.encode()


def test_a_new_record_gets_the_id_tinydb_would_give(store: Store) -> None:
    from storage.files import insert_documents, open_table_db

    path = store.layout.shard("ab")
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"articles": {"1": {"id": "ab1"}, "5": {"id": "ab5"}}}))
    insert_documents(path, "articles", [{"id": "ab6"}, {"id": "ab7"}], store.layout.tmp_dir)
    assert list(json.loads(path.read_text())["articles"]) == ["1", "5", "6", "7"]
    with open_table_db(path, store.layout.tmp_dir) as db:
        assert db.table("articles").get(doc_id=7) == {"id": "ab7"}
        assert db.table("articles").insert({"id": "ab8"}) == 8


def test_an_add_never_writes_over_an_unreadable_shard(store: Store) -> None:
    from storage.errors import StoreCorrupt
    from storage.keys import id_digest, url_key

    meta, body = article(9)
    shard = store.layout.shard(id_digest(url_key(meta.url or ""))[:8])
    shard.parent.mkdir(parents=True)
    shard.write_bytes(b'{"articles": {')
    with pytest.raises(StoreCorrupt):
        store.add_article(meta, body)
    assert shard.read_bytes() == b'{"articles": {'
