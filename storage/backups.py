"""Automatic backups of the files a user cannot get back elsewhere, and restoring them.

A backup is `backups/<UTC stamp>/` holding copies of store.json, tags.json (tags, notes),
feeds.json, seen.log and every articles/<xx>.json shard, with a `backup.json` manifest. A
file unchanged since the previous backup is hard-linked to that backup's copy (backup copies
are never written again), so a daily backup of a 50,000-article store costs a few
milliseconds plus the shards that changed. Bodies, written once per article, are copied
once into a shared pool `backups/bodies/`. Every file is checked before it is copied, so a
backup never holds a corrupt file; the last KEEP backups are kept. Restoring moves bad
files to quarantine/ (byte for byte) and copies the backup's in.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storage.errors import StoreCorrupt, StoreError
from storage.files import Layout, read_bytes
from storage.jsonfile import dump_json, is_table_file, read_json, write_bytes_atomic

if TYPE_CHECKING:
    from storage.store import Store

KEEP = 5
DAILY_POOL_LIMIT = 5000  # new bodies copied per daily backup: ~2 s at most on open
BACKUP_EVERY = dt.timedelta(days=1)
MANIFEST = "backup.json"
FEEDS = "feeds.json"  # subscriptions (storage/feeds.py): small, and the user's own work
SEEN = "seen.log"  # the feeds' entries already stored (storage/feeds.py)
PARTIAL = ".partial-"
STAMP = "%Y%m%dT%H%M%S%fZ"
# What STAMP writes: a folder a user copied beside ("<stamp>.bak") is no backup of ours.
_STAMP_NAME = re.compile(r"\d{8}T\d{12}Z")


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup, as `Store.backups()` lists it for the CLI's `newsroom restore`."""

    name: str
    path: Path
    created: str
    reason: str
    files: int

    def __str__(self) -> str:
        return f"{self.created} ({self.reason}, {self.files} files)"


def _rmtree(path: Path) -> None:
    """shutil is imported only by a backup, not by every `Store.open` (bz2, lzma: ~3 ms)."""
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _copyfile(src: Path, dst: Path) -> None:
    import shutil

    shutil.copyfile(src, dst)


def _pool(layout: Layout) -> Path:
    return layout.backups_dir / "bodies"


def pool_body(layout: Layout, article_id: str) -> Path:
    return _pool(layout) / article_id[:2] / f"{article_id}.json"


def forget_body(layout: Layout, article_id: str) -> None:
    """A replaced body must be copied again by the next backup."""
    pool_body(layout, article_id).unlink(missing_ok=True)


def _manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = read_json(path / MANIFEST)
    except StoreCorrupt:
        return None
    return data if isinstance(data, dict) and isinstance(data.get("files"), dict) else None


def list_backups(layout: Layout) -> list[Backup]:
    """Complete backups, newest first (a backup is complete once its folder is renamed)."""
    return list(_backups(layout))


def _backups(layout: Layout) -> Iterator[Backup]:
    """`list_backups`, one at a time: the daily check reads only the newest's manifest."""
    if not layout.backups_dir.is_dir():
        return
    for entry in sorted(layout.backups_dir.iterdir(), reverse=True):
        manifest = _manifest(entry) if _is_stamp(entry.name) else None
        if manifest is not None:
            reason = str(manifest.get("reason", ""))
            created = str(manifest.get("created", entry.name))
            yield Backup(entry.name, entry, created, reason, len(manifest["files"]))


def clear_partial(layout: Layout) -> None:
    """Remove a backup a killed process did not finish; the lock is held."""
    if layout.backups_dir.is_dir():
        for entry in layout.backups_dir.glob(PARTIAL + "*"):
            _rmtree(entry)


def metadata_files(layout: Layout) -> list[Path]:
    """The files a backup holds, relative to the store root."""
    files = [layout.schema_file, layout.tags_file, layout.root / FEEDS, layout.root / SEEN]
    files += layout.shards()
    return [p.relative_to(layout.root) for p in files if p.exists()]


def check_file(store: Store, rel: Path) -> None:
    """Raise StoreCorrupt unless the store file `rel` reads as what it should be."""
    from storage import migrate

    path = store.root / rel
    if path == store.layout.schema_file:
        read_json(path, migrate.is_schema)
    elif path == store.layout.tags_file:
        store.tags()
        store.note_records()
    elif path.name == FEEDS:
        read_json(path, is_table_file)
    elif path.name == SEEN:
        read_bytes(path)  # lines, each a hint: a cut last line is ignored, never wrong
    else:
        store._shard(path)


def backup_if_due(store: Store) -> Backup | None:
    """The daily backup, taken by `Store.open`; nothing to do for a store with no data yet."""
    if not store.layout.tags_file.exists() and not store.layout.shards():
        return None
    now = dt.datetime.now(dt.UTC)
    for backup in _backups(store.layout):  # newest first, those from the future skipped:
        age = now - _stamp_time(backup.name)  # a clock that was ahead must not stop them
        if age >= dt.timedelta(0):
            if age < BACKUP_EVERY:
                return None
            break
    return make_backup(store, reason="daily", pool_limit=DAILY_POOL_LIMIT)


def _is_stamp(name: str) -> bool:
    """Whether a folder's name is a time STAMP wrote."""
    if not _STAMP_NAME.fullmatch(name):
        return False
    try:
        _stamp_time(name)
    except ValueError:
        return False
    return True


def _stamp_time(name: str) -> dt.datetime:
    """The UTC time a backup's folder name (`STAMP`) gives. Read as ISO 8601 (with a dot
    before the microseconds) by fromisoformat: strptime imports `_strptime` and compiles
    its pattern, ~2 ms of every command that opens the store; strptime decides otherwise."""
    try:
        created = dt.datetime.fromisoformat(f"{name[:15]}.{name[15:-1]}")
    except ValueError:
        created = None
    if created is None or created.tzinfo is not None or not name.endswith("Z"):
        created = dt.datetime.strptime(name, STAMP)
    return created.replace(tzinfo=dt.UTC)


def make_backup(
    store: Store, reason: str = "manual", strict: bool = False, pool_limit: int | None = None
) -> Backup | None:
    """Copy the metadata files into a new backup (the lock is held). A file that does not
    read back is not copied: the backup is dropped and None returned (StoreCorrupt if strict).
    `pool_limit` bounds how many new bodies this backup copies (the daily one on open)."""
    layout = store.layout
    now = dt.datetime.now(dt.UTC)
    name = now.strftime(STAMP)
    partial = layout.backups_dir / f"{PARTIAL}{name}"
    try:
        files = _copy_files(store, partial)
        _sync_pool(store, pool_limit)
        doc = {"created": now.isoformat(timespec="seconds"), "reason": reason, "files": files}
        (partial / MANIFEST).write_bytes(dump_json(doc))
        os.sync()
        os.replace(partial, layout.backups_dir / name)
    except (StoreError, OSError):
        _rmtree(partial)
        if strict:
            raise
        return None
    _prune(layout)
    return list_backups(layout)[0]


def _copy_files(store: Store, partial: Path) -> dict[str, list[int]]:
    """Copy (or link, when unchanged since the previous backup) each metadata file."""
    previous = list_backups(store.layout)[:1]
    before = (_manifest(previous[0].path) or {}).get("files", {}) if previous else {}
    files: dict[str, list[int]] = {}
    for rel in metadata_files(store.layout):
        src, dst = store.root / rel, partial / rel
        st = src.stat()
        files[str(rel)] = [st.st_size, st.st_mtime_ns]
        dst.parent.mkdir(parents=True, exist_ok=True)
        if previous and before.get(str(rel)) == files[str(rel)]:
            os.link(previous[0].path / rel, dst)
        else:
            check_file(store, rel)
            _copyfile(src, dst)
    return files


def _sync_pool(store: Store, limit: int | None) -> int:
    """Copy into the pool up to `limit` bodies it lacks; drop pooled bodies of deleted
    articles. Returns how many were copied. Bodies are checked only for the obvious damage
    (empty, cut, not an object) here: a restore parses a pooled body before using it."""
    layout = store.layout
    if not layout.bodies_dir.is_dir():
        return 0
    live: dict[str, set[str]] = defaultdict(set)
    for meta in store._all_metas():
        live[meta.id[:2]].add(f"{meta.id}.json")
    copied = 0
    for folder in os.scandir(layout.bodies_dir):
        pool = _pool(layout) / folder.name
        pooled = set(os.listdir(pool)) if pool.is_dir() else set()
        for name in (live[folder.name] - pooled) & set(os.listdir(folder.path)):
            if limit is not None and copied >= limit:
                return copied
            raw = (Path(folder.path) / name).read_bytes()
            if raw[:1] == b"{" and raw.rstrip()[-1:] == b"}":
                pool.mkdir(parents=True, exist_ok=True)
                (pool / name).write_bytes(raw)
                copied += 1
        for name in pooled - live[folder.name]:
            (pool / name).unlink(missing_ok=True)
    return copied


def _prune(layout: Layout) -> None:
    for old in list_backups(layout)[KEEP:]:
        _rmtree(old.path)


def restore(store: Store, backup: Backup, everything: bool) -> list[Path]:
    """Put back unreadable files (or all) from `backup`; see `Store.restore`."""
    manifest = _manifest(backup.path)
    if manifest is None:
        raise StoreError(f"backup {backup.path} is incomplete or unreadable")
    folder = store.layout.quarantine_dir / dt.datetime.now(dt.UTC).strftime(STAMP)
    restored = []
    for rel in map(Path, manifest["files"]):
        if everything or not _readable(store, rel):
            _check_copy(backup.path, rel)
            _put_back(store, backup.path / rel, rel, folder)
            restored.append(store.root / rel)
    seen_log = store.root / SEEN
    if everything and SEEN not in manifest["files"] and seen_log.exists():
        # A backup from before seen.log (or with no feed entries stored yet): the live log
        # would say the entries of the articles rolled back are stored, and no refresh
        # would fetch them again. Moved aside, not deleted.
        quarantine(store.layout, seen_log, folder)
    restored += _restore_bodies(store, folder)
    store._cache.clear()
    if any(p.parent == store.layout.articles_dir for p in restored):
        store.keys.rebuild(store._all_metas())
    return restored


def _check_copy(backup_root: Path, rel: Path) -> None:
    """A backup copy must read back before it replaces anything (StoreCorrupt names it)."""
    from storage.store import Store as StoreClass

    check_file(StoreClass(backup_root), rel)


def _readable(store: Store, rel: Path) -> bool:
    try:
        check_file(store, rel)
    except StoreCorrupt:
        return False
    return (store.root / rel).exists()


def quarantine(layout: Layout, path: Path, folder: Path | None = None) -> Path:
    """Move an unreadable store file aside, byte for byte, before anything replaces it."""
    folder = folder or layout.quarantine_dir / dt.datetime.now(dt.UTC).strftime(STAMP)
    target = folder / path.relative_to(layout.root)
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(path, target)
    return target


def _put_back(store: Store, src: Path, rel: Path, folder: Path) -> None:
    """Move the current file aside untouched, then copy the backup's over it atomically."""
    current = store.root / rel
    if current.exists():
        quarantine(store.layout, current, folder)
    write_bytes_atomic(current, src.read_bytes(), store.layout.tmp_dir)


def _restore_bodies(store: Store, folder: Path) -> list[Path]:
    """Bodies of listed articles that are missing or unreadable come back from the pool."""
    restored = []
    for meta in store._all_metas():
        path = store.layout.body(meta.id)
        try:
            store.body(meta.id)
            continue
        except StoreError:
            pass
        pooled = pool_body(store.layout, meta.id)
        if pooled.exists() and _body_readable(pooled):
            _put_back(store, pooled, path.relative_to(store.root), folder)
            restored.append(path)
    return restored


def _body_readable(path: Path) -> bool:
    from storage.documents import is_body

    try:
        return read_json(path, is_body) is not None
    except StoreCorrupt:
        return False
