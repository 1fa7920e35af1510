"""The listing head: the first page of a big list without reading every shard.

Each test compares the head with the full listing read the slow way, on a real store.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from storage import listing_head
from storage.listing_head import FILE_NAME, HEAD_ROWS, MAX_CHANGED
from storage.models import ArticleMeta
from storage.store import Store
from tests.storage.helpers import article, copy_store, fill

COUNT = 700  # > HEAD_ROWS, spread over all 256 shards


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("head") / "store"
    fill(Store.open(root, auto_backup=False), COUNT)
    return root


@pytest.fixture
def root(template: Path, tmp_path: Path) -> Path:
    """A copy of the store, listed once so that its head file is written."""
    root = copy_store(template, tmp_path / "store")
    fresh(root).articles()
    return root


def fresh(root: Path) -> Store:
    """A new Store object, as a newly started app has: nothing cached in memory."""
    return Store.open(root, auto_backup=False)


def rows(metas: list[ArticleMeta]) -> list[tuple[str, bool, str]]:
    return [(m.id, m.read, m.title) for m in metas]


def assert_prefix_of_full(root: Path, minimum: int) -> None:
    head = fresh(root).listing_head()
    assert head is not None
    full = fresh(root).articles()
    assert head.total == len(full)
    assert len(head.metas) >= minimum
    assert rows(head.metas) == rows(full[: len(head.metas)])


def test_no_head_before_a_full_listing(tmp_path: Path) -> None:
    store = fresh(tmp_path / "store")
    fill(store, 10)
    assert fresh(tmp_path / "store").listing_head() is None


def test_the_head_is_the_first_rows_of_the_full_listing(root: Path) -> None:
    head = fresh(root).listing_head()
    assert head is not None
    assert head.total == COUNT
    assert rows(head.metas) == rows(fresh(root).articles()[:HEAD_ROWS])


def test_a_read_mark_since_is_in_the_head(root: Path) -> None:
    store = fresh(root)
    third = store.articles()[2]
    store.set_read(third.id, True)
    head = fresh(root).listing_head()
    assert head is not None and head.metas[2].id == third.id and head.metas[2].read
    assert_prefix_of_full(root, HEAD_ROWS)


def test_articles_added_and_deleted_since_are_in_the_head(root: Path) -> None:
    store = fresh(root)
    first, tenth = store.articles()[0], store.articles()[9]
    newest, _ = article(9999, prefix="new")
    newest = dataclasses.replace(newest, published="2099-01-01")
    store.add_articles([(newest, article(9999, prefix="new")[1])])
    store.delete_article(first.id)
    store.delete_article(tenth.id)
    head = fresh(root).listing_head()
    assert head is not None
    assert head.metas[0].title == newest.title
    assert first.id not in {m.id for m in head.metas}
    assert head.total == COUNT - 1
    assert_prefix_of_full(root, HEAD_ROWS - 2)


def test_head_rows_deleted_leave_a_shorter_but_right_head(root: Path) -> None:
    """Rows below the old head's last one may belong now; the head stops above them."""
    store = fresh(root)
    listing = store.articles()
    shard = listing[0].id[:2]
    gone = [m.id for m in listing[:HEAD_ROWS] if m.id[:2] == shard]
    for article_id in gone:
        store.delete_article(article_id)
    assert_prefix_of_full(root, HEAD_ROWS - len(gone))


def test_too_many_changed_shards_mean_no_head(root: Path) -> None:
    store = fresh(root)
    fill(store, 200, prefix="more")  # lands in far more than MAX_CHANGED shards
    assert len({p.name for p in store.layout.shards()}) > MAX_CHANGED
    assert fresh(root).listing_head() is None
    fresh(root).articles()  # the full listing writes a new head
    assert_prefix_of_full(root, HEAD_ROWS)


@pytest.mark.parametrize(
    "payload",
    [
        b"",
        b"{",
        b"\x00\xff garbage",
        b"[]",
        b'{"format": 1, "shards": {}, "rows": []}',
        b'{"format": 99, "shards": {}, "rows": [{"id": "x"}]}',
        b'{"format": 1, "shards": {"00.json": ["a", 1, 2, 3]}, "rows": [{"id": "x"}]}',
        b'{"format": 1, "shards": {}, "rows": [{"no": "fields"}]}',
    ],
    ids=["empty", "torn", "binary", "list", "no-rows", "format", "bad-key", "bad-row"],
)
def test_a_damaged_head_is_ignored_and_rewritten(root: Path, payload: bytes) -> None:
    (root / FILE_NAME).write_bytes(payload)
    assert fresh(root).listing_head() is None
    assert len(fresh(root).articles()) == COUNT
    assert_prefix_of_full(root, HEAD_ROWS)


def test_a_copied_store_is_listed_the_slow_way_once(root: Path, tmp_path: Path) -> None:
    """Copies have new inodes: every shard looks changed, so the copy's head is not used."""
    copy = copy_store(root, tmp_path / "copy")
    assert (copy / FILE_NAME).exists()
    assert fresh(copy).listing_head() is None
    fresh(copy).articles()
    assert_prefix_of_full(copy, HEAD_ROWS)


def test_the_head_is_not_in_backups(root: Path) -> None:
    backup = fresh(root).backup()
    assert not (backup.path / FILE_NAME).exists()
    assert (root / FILE_NAME).exists()


def test_a_head_of_fewer_rows_than_now_kept_is_still_cut_right(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the old head was the whole list comes from its counts, not from HEAD_ROWS."""
    monkeypatch.setattr(listing_head, "HEAD_ROWS", HEAD_ROWS + 200)
    fill(fresh(root), 1, prefix="late")
    assert_prefix_of_full(root, HEAD_ROWS)
