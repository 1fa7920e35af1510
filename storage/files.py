"""The store's directory layout, the cross-process lock, and a stat-checked read cache.

Layout (see storage/README.md for why):

    <root>/store.json             {"schema": N}: written once, checked on open
    <root>/articles/<xx>.json     TinyDB, table "articles": metadata of ids starting with xx
    <root>/bodies/<xx>/<id>.json  one article's text, quotes and figures, read on open only
    <root>/tags.json              TinyDB, tables "tags" and "notes": small, changes often
    <root>/keys/<xx>.json         {key digest: id}: finds duplicates by URL or text (schema 2)
    <root>/journal.json           a delete in progress, finished by the next writer
    <root>/backups/               automatic backups (storage/backups.py)
    <root>/quarantine/            bad files a restore moved aside, byte for byte
    <root>/tmp/                   temporary files of atomic writes; cleared on open
    <root>/store.lock             the lock every read-modify-write holds
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from filelock import FileLock, Timeout
from tinydb import TinyDB

from storage.errors import StoreCorrupt, StoreLocked
from storage.jsonfile import TMP_SUFFIX, AtomicJSONStorage, Validator, read_json

T = TypeVar("T")
Signature = tuple[int, int, int] | None
LOCK_TIMEOUT_S = 30.0


def signature(path: Path) -> Signature:
    """Changes whenever the file is replaced: atomic writes give it a new inode."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class Layout:
    """Names every file of a store rooted at `root`."""

    root: Path

    @property
    def schema_file(self) -> Path:
        return self.root / "store.json"

    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"

    @property
    def tags_file(self) -> Path:
        return self.root / "tags.json"

    @property
    def tmp_dir(self) -> Path:
        return self.root / "tmp"

    @property
    def lock_file(self) -> Path:
        return self.root / "store.lock"

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    @property
    def bodies_dir(self) -> Path:
        return self.root / "bodies"

    @property
    def journal_file(self) -> Path:
        return self.root / "journal.json"

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def quarantine_dir(self) -> Path:
        return self.root / "quarantine"

    def key_shard(self, digest: str) -> Path:
        return self.keys_dir / f"{digest[:2]}.json"

    def shard(self, article_id: str) -> Path:
        return self.articles_dir / f"{article_id[:2]}.json"

    def body(self, article_id: str) -> Path:
        return self.bodies_dir / article_id[:2] / f"{article_id}.json"

    def shards(self) -> list[Path]:
        """Every articles/<xx>.json, sorted; scandir is 10x faster than Path.glob here."""
        try:
            names = [e.name for e in os.scandir(self.articles_dir)]
        except FileNotFoundError:
            return []
        folder = self.articles_dir
        return [folder / n for n in sorted(names) if len(n) == 7 and n.endswith(".json")]

    def clear_tmp(self) -> None:
        """Remove what killed writers left behind; only call while holding the lock."""
        if not self.tmp_dir.is_dir():
            return
        for entry in os.scandir(self.tmp_dir):
            if entry.name.endswith(TMP_SUFFIX):
                Path(entry.path).unlink(missing_ok=True)


class StoreLock:
    """One lock for every read-modify-write, across threads and processes.

    filelock keeps one descriptor per thread, and flock locks conflict between descriptors,
    so two threads of one process exclude each other as two processes do.
    """

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT_S) -> None:
        self._lock = FileLock(str(path), timeout=timeout)
        self._path = path
        self._timeout = timeout

    @contextmanager
    def held(self) -> Iterator[None]:
        try:
            self._lock.acquire()
        except Timeout as exc:
            raise StoreLocked(self._path.parent, self._timeout) from exc
        try:
            yield
        finally:
            self._lock.release()


@contextmanager
def gc_paused() -> Iterator[None]:
    """Parsing a shard makes thousands of dicts and objects, none of them cyclic; letting
    the cyclic GC scan them over and over doubled the time to list 50,000 articles."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class FileCache:
    """Parsed files kept until they change on disk, so unchanged shards are parsed once.

    Entries are keyed by file and parser: tags.json is read both as tags and as notes.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, Callable[[Any], Any]], tuple[Signature, Any]] = {}

    def get(self, path: Path, parse: Callable[[Any], T], validate: Validator) -> T | None:
        sig = signature(path)
        cached = self._entries.get((path, parse))
        if cached and cached[0] == sig:
            return cached[1]
        with gc_paused():
            data = read_json(path, validate) if sig else None
            value = parse_or_corrupt(path, parse, data) if data is not None else None
        self._entries[(path, parse)] = (sig, value)
        return value

    def clear(self) -> None:
        self._entries.clear()


def parse_or_corrupt(path: Path, parse: Callable[[Any], T], data: Any) -> T:
    """Documents of the wrong shape are a corrupt file too, named by its path."""
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreCorrupt(path, f"a document has the wrong shape ({exc!r})") from exc


def open_table_db(path: Path, tmp_dir: Path) -> TinyDB:
    """A TinyDB over one store file, writing atomically."""
    return TinyDB(path, storage=AtomicJSONStorage, tmp_dir=tmp_dir)
