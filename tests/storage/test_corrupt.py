"""Issue 2 and 6.4: every bad file of tests/data/bad-stores/ in place of store.json, an
articles shard, tags.json or a body. The store raises StoreCorrupt naming the file (never a
bare traceback), never writes over it, and a restore from the newest backup brings the data
back while the bad file is kept, byte for byte, in quarantine/.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from storage.errors import StoreCorrupt
from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import article, snapshot

BAD = Path(__file__).parents[1] / "data" / "bad-stores"
BAD_FILES = sorted(p.name for p in BAD.iterdir() if p.suffix in (".json", ".bin"))
TARGETS = ("store.json", "shard", "tags.json", "body")


def target_path(store: Store, target: str, article_id: str) -> Path:
    return {
        "store.json": store.layout.schema_file,
        "shard": store.layout.shard(article_id),
        "tags.json": store.layout.tags_file,
        "body": store.layout.body(article_id),
    }[target]


def first_read(target: str, root: Path, article_id: str) -> None:
    """The read that meets the bad file first, from a fresh process's point of view."""
    if target == "store.json":
        Store.open(root, auto_backup=False)
    store = Store(root)
    if target == "shard":
        store.articles()
    elif target == "tags.json":
        store.tags()
    elif target == "body":
        store.get(article_id)


def writes_touching(target: str, article_id: str) -> list[Callable[[Store], object]]:
    """Writes that would have to rewrite the bad file: each must refuse."""
    ref = ItemRef(article_id)
    return {
        "store.json": [lambda s: s.mark_seeded()],
        "shard": [lambda s: s.set_read(article_id), lambda s: s.tag(ref, "x")],
        "tags.json": [lambda s: s.tag(ref, "x"), lambda s: s.note(ref, "n")],
        "body": [],
    }[target]


@pytest.mark.parametrize("bad", BAD_FILES)
@pytest.mark.parametrize("target", TARGETS)
def test_bad_file_is_reported_kept_and_restorable(
    target: str, bad: str, small_store: Store
) -> None:
    article_id = next(t.ref.article for t in small_store.tags() if t.tag == "follow-up")
    good = snapshot(small_store)
    assert small_store.backup() is not None
    path = target_path(small_store, target, article_id)
    junk = (BAD / bad).read_bytes()
    path.write_bytes(junk)

    with pytest.raises(StoreCorrupt) as caught:
        first_read(target, small_store.root, article_id)
    assert caught.value.path == path
    assert str(caught.value).startswith(f"store file {path} is unreadable (")
    for write in writes_touching(target, article_id):
        with pytest.raises(StoreCorrupt):
            write(Store(small_store.root))
    assert path.read_bytes() == junk

    offered = Store(small_store.root).backups()
    assert len(offered) == 1
    restored = Store(small_store.root).restore(offered[0])
    assert restored == [path]
    [kept] = (small_store.root / "quarantine").rglob(path.name)
    assert kept.read_bytes() == junk
    assert snapshot(Store.open(small_store.root, auto_backup=False)) == good


def test_refetch_moves_a_corrupt_body_aside_before_replacing_it(small_store: Store) -> None:
    meta = small_store.articles()[0]
    path = small_store.layout.body(meta.id)
    path.write_bytes(b"\x00junk")
    small_store.replace_article(meta, article(999)[1])
    assert small_store.body(meta.id).text == article(999)[1].text
    [kept] = (small_store.root / "quarantine").rglob(path.name)
    assert kept.read_bytes() == b"\x00junk"


def test_a_store_newer_than_this_code_is_refused(small_store: Store) -> None:
    small_store.layout.schema_file.write_text('{"schema": 99}')
    from storage.errors import StoreTooNew

    with pytest.raises(StoreTooNew, match="schema version 99"):
        Store.open(small_store.root)
    assert small_store.layout.schema_file.read_text() == '{"schema": 99}'


def test_open_with_a_corrupt_shard_opens_and_takes_no_backup(small_store: Store) -> None:
    shard = small_store.layout.shards()[0]
    shard.write_bytes(b"")
    store = Store.open(small_store.root)  # the daily backup is due, but must not copy junk
    assert store.backups() == []
    with pytest.raises(StoreCorrupt, match="empty file"):
        store.articles()
    assert shard.read_bytes() == b""


def test_a_store_migrated_by_a_newer_newsroom_while_open_refuses_writes(
    small_store: Store,
) -> None:
    """An app left running over an upgrade: once the newer code has migrated the store, the
    old one's writes would go where the new layout no longer looks, so they are refused."""
    from storage.errors import StoreTooNew
    from storage.models import ItemRef

    [first, *_] = small_store.articles()
    assert small_store.tag(ItemRef(first.id), "before")  # the open store writes as usual
    small_store.layout.schema_file.write_text('{"schema": 99}')  # a newer newsroom migrated
    with pytest.raises(StoreTooNew, match="schema version 99"):
        small_store.tag(ItemRef(first.id), "after")
    with pytest.raises(StoreTooNew):
        small_store.set_read(first.id, not first.read)
    assert small_store.tags_for(first.id) == {"": {"before"}}
