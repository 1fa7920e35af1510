"""The duplicate index (schema 3): what an add writes, the append-only key logs, and finding
articles by URL without an index entry when the id is made from the URL."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from storage import documents as doc
from storage.errors import StoreWriteError
from storage.files import open_table_db
from storage.jsonfile import append_lines
from storage.keys import digest, id_digest, parse_log, text_key, url_key
from storage.models import ArticleBody, ArticleMeta
from storage.store import Store, content_hash
from tests.storage.helpers import article, fill


class Counted:
    """Wraps an os function and counts its calls."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.real, self.calls = real, 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        return self.real(*args)


def count_calls(
    monkeypatch: pytest.MonkeyPatch, store: Store, meta: ArticleMeta, body: ArticleBody
) -> tuple[int, int]:
    """(fsyncs, renames tried) of one add."""
    fsync, replace = Counted(os.fsync), Counted(os.replace)
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", fsync)
        patch.setattr(os, "replace", replace)
        assert store.add_article(meta, body)[1]
    return fsync.calls, replace.calls


def files_exist(store: Store, meta: ArticleMeta, body: ArticleBody) -> bool:
    """Whether the add of this article would find its shard, body folder and key log."""
    article_id = id_digest(url_key(meta.url or ""))[:8]
    key = digest(text_key(content_hash(body.text)))
    layout = store.layout
    paths = (layout.shard(article_id), layout.body(article_id).parent, layout.key_shard(key))
    return all(p.exists() for p in paths)


def test_an_add_makes_five_fsyncs_and_one_rename(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Body (file, folder), key log (file), shard (file, folder); schema 2 made ten."""
    fill(store, 300)
    n = next(n for n in range(1000, 3000) if files_exist(store, *article(n)))
    assert count_calls(monkeypatch, store, *article(n)) == (5, 1)


def test_the_first_add_also_syncs_the_folders_it_creates(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new key log's folder is synced; the shard's rename into a missing folder is
    tried once more after making it."""
    assert count_calls(monkeypatch, store, *article(1)) == (6, 2)


def test_url_key_left_out_when_the_id_is_made_from_the_url(store: Store) -> None:
    stored, _ = store.add_article(*article(1))
    assert stored.id == id_digest(url_key(stored.url or ""))[:8]
    lines = b"".join(p.read_bytes() for p in store.layout.keys_dir.iterdir())
    assert lines == f"{digest(text_key(stored.content_hash))} {stored.id}\n".encode()
    fresh = Store.open(store.root, auto_backup=False)
    assert fresh.find_duplicate(stored.url, "no-such-hash") == stored
    assert fresh.add_article(*article(1)) == (stored, False)


def insert_blocker(store: Store, article_id: str) -> None:
    """An article holding `article_id` (as if its own hash had begun the same way)."""
    meta = ArticleMeta(id=article_id, title="blocker", url="https://other.example/")
    meta.content_hash = content_hash("blocker")
    with open_table_db(store.layout.shard(article_id), store.layout.tmp_dir) as db:
        db.table(doc.ARTICLES).insert(meta.to_doc())


def test_a_lengthened_id_is_found_by_url_even_after_its_blocker_is_deleted(store: Store) -> None:
    meta, body = article(2)
    made = id_digest(url_key(meta.url or ""))
    insert_blocker(store, made[:8])
    stored, _ = store.add_article(meta, body)
    assert stored.id == made[:9]
    store.delete_article(made[:8])
    assert store.find_duplicate(meta.url, "no-such-hash") == stored
    assert store.add_article(*article(2)) == (stored, False)


def test_a_url_a_refetch_gave_an_article_without_one_is_indexed(store: Store) -> None:
    meta = ArticleMeta(id="", title="Pasted")
    stored, _ = store.add_article(meta, ArticleBody(text="Pasted text."))
    stored.url = "https://news.example/found-later"
    store.replace_article(stored, ArticleBody(text="Pasted text."))
    found = Store.open(store.root, auto_backup=False).find_duplicate(stored.url, "x")
    assert found is not None and found.id == stored.id


def test_a_cut_line_is_ignored_and_cut_off_by_the_next_append(tmp_path: Path) -> None:
    log = tmp_path / "ab.log"
    log.write_bytes(b"aaaaaaaaaaaaaaaa 11111111\nbbbbbbbbbbbbbbbb 2222")
    assert parse_log(log.read_bytes()) == ({"aaaaaaaaaaaaaaaa": "11111111"}, 1)
    append_lines(log, b"cccccccccccccccc 33333333\n")
    assert log.read_bytes() == b"aaaaaaaaaaaaaaaa 11111111\ncccccccccccccccc 33333333\n"


def test_zeros_a_power_cut_left_are_cut_off_too(tmp_path: Path) -> None:
    log = tmp_path / "ab.log"
    log.write_bytes(b"aaaaaaaaaaaaaaaa 11111111\n" + b"\0" * 9000)
    assert parse_log(log.read_bytes()) == ({"aaaaaaaaaaaaaaaa": "11111111"}, 1)
    append_lines(log, b"aaaaaaaaaaaaaaaa -\n")
    assert log.read_bytes() == b"aaaaaaaaaaaaaaaa 11111111\naaaaaaaaaaaaaaaa -\n"
    assert parse_log(log.read_bytes()) == ({}, 2)


def test_a_failed_append_leaves_the_log_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "ab.log"
    log.write_bytes(b"aaaaaaaaaaaaaaaa 11111111\n")

    def failing_fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(StoreWriteError) as caught:
        append_lines(log, b"cccccccccccccccc 33333333\n")
    assert caught.value.errno == errno.EIO and caught.value.path == log
    assert log.read_bytes() == b"aaaaaaaaaaaaaaaa 11111111\n"


def test_a_log_of_mostly_dead_lines_is_rewritten(store: Store) -> None:
    live = {f"ab{n:014x}": f"{n:08x}" for n in range(10)}
    store.keys._update(dict(live), durable=False)
    for n in range(100):  # re-point one key: 10 live entries, one more line each time
        store.keys._update({"ab00000000000000": f"{n:08x}"}, durable=False)
    # 74 appends reach 84 lines (2 x 10 live + 64); the next rewrites 10; 25 more follow
    raw = store.layout.key_shard("ab").read_bytes()
    assert raw.count(b"\n") == 35
    assert parse_log(raw)[0] == {**live, "ab00000000000000": f"{99:08x}"}
