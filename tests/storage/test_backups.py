"""Automatic backups: taken on open once a day, incremental, pruned, never of a bad file;
restore puts back what is unreadable (or everything); schema 1 stores migrate after one."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from storage import backups
from storage.keys import digest, keys_of
from storage.models import ItemRef
from storage.store import SCHEMA_VERSION, Store
from tests.storage.helpers import fill, snapshot


def age_backups(store: Store, days: int) -> None:
    """Pretend every backup was taken `days` ago (names are their UTC timestamps)."""
    for backup in store.backups():
        when = dt.datetime.strptime(backup.name, backups.STAMP) - dt.timedelta(days=days)
        backup.path.rename(backup.path.with_name(when.strftime(backups.STAMP)))


def test_open_takes_a_backup_once_a_day(small_store: Store) -> None:
    assert small_store.backups() == []
    Store.open(small_store.root)
    Store.open(small_store.root)
    assert len(small_store.backups()) == 1
    age_backups(small_store, 2)
    Store.open(small_store.root)
    assert len(small_store.backups()) == 2
    assert small_store.backups()[0].reason == "daily"


@pytest.mark.parametrize(
    "name", ["20261125T024238123456Z", "20260101T000000000000Z", "20241231T235959999999Z"]
)
def test_a_backup_name_reads_as_strptime_reads_it(name: str) -> None:
    expected = dt.datetime.strptime(name, backups.STAMP).replace(tzinfo=dt.UTC)
    assert backups._stamp_time(name) == expected


def test_a_backup_name_strptime_refuses_is_refused() -> None:
    with pytest.raises(ValueError):
        backups._stamp_time("20261125T024238123456")  # no Z
    with pytest.raises(ValueError):
        backups._stamp_time("20261325T024238123456Z")  # month 13


def test_a_folder_copied_beside_the_backups_is_no_backup(small_store: Store) -> None:
    """A user's "<stamp>.bak" copy, or a name that is not a real time, breaks no command."""
    Store.open(small_store.root)
    [backup] = small_store.backups()
    shutil.copytree(backup.path, backup.path.with_name(backup.name + ".bak"))
    shutil.copytree(backup.path, backup.path.with_name("99999999T999999999999Z"))
    Store.open(small_store.root)  # the daily check reads the newest real backup
    assert [b.name for b in small_store.backups()] == [backup.name]


def test_a_backup_from_the_future_does_not_stop_daily_backups(small_store: Store) -> None:
    Store.open(small_store.root)
    age_backups(small_store, -3)  # the clock was three days ahead when it was taken
    Store.open(small_store.root)
    Store.open(small_store.root)  # and one a day, not one per open
    assert len(small_store.backups()) == 2


def test_an_empty_new_store_takes_no_backup(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "new")
    assert store.backups() == []


def test_backup_holds_metadata_and_links_unchanged_files(small_store: Store) -> None:
    first = small_store.backup()
    assert first is not None
    small_store.tag(ItemRef(small_store.articles()[0].id), "changed")
    second = small_store.backup()
    assert second is not None and second.files == first.files == 2 + 8
    shard = next((second.path / "articles").iterdir())
    assert shard.stat().st_ino == (first.path / "articles" / shard.name).stat().st_ino
    assert (second.path / "tags.json").stat().st_ino != (first.path / "tags.json").stat().st_ino
    assert b'"changed"' in (second.path / "tags.json").read_bytes()
    pool = small_store.root / "backups" / "bodies"
    assert len(list(pool.rglob("*.json"))) == 8


def test_only_the_last_backups_are_kept(small_store: Store) -> None:
    made = [small_store.backup() for _ in range(backups.KEEP + 2)]
    kept = small_store.backups()
    assert [b.name for b in kept] == [b.name for b in reversed(made) if b][: backups.KEEP]
    assert len(list((small_store.root / "backups").iterdir())) == backups.KEEP + 1  # + pool


def test_a_corrupt_file_is_never_backed_up(small_store: Store) -> None:
    small_store.layout.tags_file.write_bytes(b"{")
    assert small_store.backup() is None
    assert small_store.backups() == []
    assert not list((small_store.root / "backups").glob(".partial-*"))


def test_restore_everything_rolls_back_to_the_backup(small_store: Store) -> None:
    good = snapshot(small_store)
    backup = small_store.backup()
    assert backup is not None
    target = small_store.articles()[0].id
    small_store.tag(ItemRef(target), "after-backup")
    small_store.note(ItemRef(target), "after-backup")
    restored = small_store.restore(backup, everything=True)
    assert small_store.layout.tags_file in restored
    assert snapshot(Store.open(small_store.root, auto_backup=False)) == good


def test_restore_leaves_readable_files_alone(small_store: Store) -> None:
    backup = small_store.backup()
    assert backup is not None
    small_store.tag(ItemRef(small_store.articles()[0].id), "kept")
    assert small_store.restore(backup) == []
    assert "kept" in {t.tag for t in small_store.tags()}


def make_schema_one(root: Path, template: Path) -> None:
    """A schema 1 store: what the first release wrote (no keys/ index)."""
    shutil.copytree(template, root, ignore=shutil.ignore_patterns("keys", "backups", "*.lock"))
    (root / "store.json").write_text(json.dumps({"schema": 1, "created": "2026-01-01"}))


def test_schema_one_store_is_migrated_after_a_backup(small_template: Path, tmp_path: Path) -> None:
    root = tmp_path / "old"
    make_schema_one(root, small_template)
    before = snapshot(Store(root))
    store = Store.open(root, auto_backup=False)
    assert json.loads((root / "store.json").read_text())["schema"] == SCHEMA_VERSION == 4
    [backup] = store.backups()
    assert backup.reason == "before migrating from schema 1"
    assert json.loads((backup.path / "store.json").read_text())["schema"] == 1
    assert snapshot(store) == before
    meta = store.articles()[3]
    assert len(os.listdir(root / "keys")) > 0
    assert store.find_duplicate(meta.url, "no-such-hash") == meta
    assert store.find_duplicate(None, meta.content_hash) == meta


def make_schema_two(root: Path, template: Path) -> None:
    """A schema 2 store: keys/<xx>.json, JSON objects holding every URL and text key."""
    shutil.copytree(template, root, ignore=shutil.ignore_patterns("keys", "backups", "*.lock"))
    index: dict[str, dict[str, str]] = {}
    for meta in Store(root).articles():
        for key in keys_of(meta):
            index.setdefault(digest(key)[:2], {})[digest(key)] = meta.id
    (root / "keys").mkdir()
    for name, entries in index.items():
        (root / "keys" / f"{name}.json").write_text(json.dumps(entries))
    (root / "store.json").write_text(json.dumps({"schema": 2, "created": "2026-06-01"}))


def test_schema_two_store_is_migrated_to_key_logs_after_a_backup(
    small_template: Path, tmp_path: Path
) -> None:
    root = tmp_path / "old"
    make_schema_two(root, small_template)
    before = snapshot(Store(root))
    assert len(list((root / "keys").glob("*.json"))) == 16  # 8 URL + 8 text keys, no clash
    store = Store.open(root, auto_backup=False)
    assert json.loads((root / "store.json").read_text())["migrated_from"] == 2
    [backup] = store.backups()
    assert backup.reason == "before migrating from schema 2"
    assert snapshot(store) == before
    assert {p.suffix for p in (root / "keys").iterdir()} == {".log"}
    lines = b"".join(p.read_bytes() for p in (root / "keys").iterdir()).splitlines()
    assert len(lines) == 8  # text keys only: every id here is made from its URL
    for meta in store.articles():
        assert store.find_duplicate(meta.url, "no-such-hash") == meta
        assert store.find_duplicate(None, meta.content_hash) == meta


def test_a_migration_refuses_a_corrupt_store_and_leaves_it(
    small_template: Path, tmp_path: Path
) -> None:
    root = tmp_path / "old"
    make_schema_one(root, small_template)
    (root / "tags.json").write_bytes(b"null")
    with pytest.raises(backups.StoreCorrupt):
        Store.open(root)
    assert json.loads((root / "store.json").read_text())["schema"] == 1
    assert (root / "tags.json").read_bytes() == b"null"


def test_bulk_filled_store_backs_up_every_body(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s", auto_backup=False)
    ids = fill(store, 30)
    store.delete_article(ids[0])
    assert store.backup() is not None
    pooled = {p.stem for p in (store.root / "backups" / "bodies").rglob("*.json")}
    assert pooled == set(ids[1:])


def test_a_damaged_backup_copy_is_refused_not_restored(small_store: Store) -> None:
    backup = small_store.backup()
    assert backup is not None
    (backup.path / "tags.json").unlink()
    (backup.path / "tags.json").write_bytes(b"")  # its own inode: the store's file is intact
    small_store.layout.tags_file.write_bytes(b"null")
    with pytest.raises(backups.StoreCorrupt) as caught:
        small_store.restore(backup)
    assert caught.value.path == backup.path / "tags.json"
    assert small_store.layout.tags_file.read_bytes() == b"null"


def test_daily_backup_copies_a_bounded_number_of_bodies(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "DAILY_POOL_LIMIT", 3)
    Store.open(small_store.root)
    pool = small_store.root / "backups" / "bodies"
    assert len(list(pool.rglob("*.json"))) == 3
    small_store.backup()  # a manual backup copies the rest
    assert len(list(pool.rglob("*.json"))) == 8


def test_a_long_running_app_still_backs_up_daily(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = Store.open(small_store.root)
    assert len(app.backups()) == 1
    age_backups(app, 2)
    app.tag(ItemRef(app.articles()[0].id), "x")
    assert len(app.backups()) == 1  # not checked again within the hour
    monkeypatch.setattr(app, "_backup_check", 0.0)
    app.tag(ItemRef(app.articles()[0].id), "y")
    assert len(app.backups()) == 2
