"""The store's directory layout, the cross-process lock, and a stat-checked read cache.

Layout (see storage/README.md for why):

    <root>/store.json             {"schema": N}: written once, checked on open
    <root>/articles/<xx>.json     TinyDB, table "articles": metadata of ids starting with xx
    <root>/bodies/<xx>/<id>.json  one article's text, quotes and figures, read on open only
    <root>/tags.json              TinyDB, tables "tags" and "notes": small, changes often
    <root>/keys/<xx>.log          lines "digest id": finds duplicates by URL or text (schema 3)
    <root>/journal.json           a delete in progress, finished by the next writer
    <root>/feeds.json             TinyDB, subscriptions and their statuses (storage/feeds.py)
    <root>/seen.log               lines "link TAB feed TAB id": feed entries already stored
    <root>/backups/               automatic backups (storage/backups.py)
    <root>/quarantine/            bad files a restore moved aside, byte for byte
    <root>/tmp/                   temporary files of atomic writes; cleared on open
    <root>/store.lock             the lock every read-modify-write holds
"""

from __future__ import annotations

import errno
import fcntl
import gc
import os
import time
import warnings
from _thread import get_ident
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from storage.errors import StoreCorrupt, StoreLocked
from storage.jsonfile import TMP_SUFFIX, Validator, is_table_file, read_json, write_json_atomic

if TYPE_CHECKING:
    from tinydb import TinyDB

T = TypeVar("T")
Signature = tuple[int, int, int] | None
LOCK_TIMEOUT_S = 30.0
LOCK_POLL_S = 0.05
_FLOCK_BUSY = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES}
_FLOCK_UNSUPPORTED = {errno.ENOSYS, errno.EOPNOTSUPP}


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
        return self.keys_dir / f"{digest[:2]}.log"

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
    """One lock for every read-modify-write, across threads and processes: flock(2) on
    store.lock, re-entrant within a thread, one descriptor per thread (flock locks on two
    descriptors conflict, so two threads of one process exclude each other as two processes
    do). A forked child inherits no hold: its copies of held descriptors are closed, so
    it cannot keep the parent's lock alive, and its first acquire takes its own.

    This was filelock's FileLock, which locks the same way (the two exclude each other),
    but its import (logging, platform, decimal, secrets...) cost ~20 ms of every command's
    start. Where flock is unsupported (ENOSYS: some network and FUSE file systems) this
    falls back to filelock's SoftFileLock, imported then.
    """

    def __init__(self, path: Path, timeout: float = LOCK_TIMEOUT_S) -> None:
        self._path = path
        self._timeout = timeout
        self._holds: dict[tuple[int, int], list[int]] = {}  # (pid, thread) -> [fd, depth]
        self._fallback: Any = None

    @contextmanager
    def held(self) -> Iterator[None]:
        key = (os.getpid(), get_ident())
        hold = self._holds.get(key)
        if hold is None and self._fallback is None:
            fd = self._lock_fd()
            if fd is not None:
                hold = self._holds[key] = [fd, 0]
                _HELD_FDS.add(fd)
        if hold is None:  # flock is unsupported here
            with self._fallback_held():
                yield
            return
        hold[1] += 1
        try:
            yield
        finally:
            hold[1] -= 1
            if hold[1] == 0 and key[0] == os.getpid():  # a forked child never releases
                del self._holds[key]
                _HELD_FDS.discard(hold[0])
                os.close(hold[0])  # the only descriptor: closing it releases the flock

    def _lock_fd(self) -> int | None:
        """A descriptor of store.lock holding the flock; None if flock is unsupported."""
        deadline = time.monotonic() + self._timeout
        while True:
            fd, created = self._open()
            try:
                if _try_flock(fd) and os.fstat(fd).st_nlink > 0:  # not a removed file
                    return fd
            except _FlockUnsupported:
                os.close(fd)
                if created:  # filelock's soft lock takes an existing file for a held lock
                    self._path.unlink(missing_ok=True)
                return None
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
            if time.monotonic() >= deadline:
                raise StoreLocked(self._path.parent, self._timeout)
            time.sleep(LOCK_POLL_S)

    def _open(self) -> tuple[int, bool]:
        """store.lock opened, and whether this call created it (it exists but once)."""
        try:
            return os.open(self._path, os.O_RDWR), False
        except FileNotFoundError:
            pass
        try:
            return os.open(self._path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644), True
        except FileExistsError:  # made meanwhile by another process
            return self._open()
        except FileNotFoundError:  # a store not made yet: filelock made the folder too
            self._path.parent.mkdir(parents=True, exist_ok=True)
            return self._open()

    @contextmanager
    def _fallback_held(self) -> Iterator[None]:
        from filelock import SoftFileLock, Timeout

        if self._fallback is None:
            # flock failed with ENOSYS, so filelock's FileLock could only fail the same way
            # (filelock < 4.3 fell back to SoftFileLock itself; 4.3 no longer does)
            warnings.warn(
                f"flock is not supported on {self._path.parent}: falling back to "
                "SoftFileLock (the lock file's existence is the lock)",
                UserWarning,
                stacklevel=4,
            )
            self._fallback = SoftFileLock(str(self._path), timeout=self._timeout)
        try:
            self._fallback.acquire()
        except Timeout as exc:
            raise StoreLocked(self._path.parent, self._timeout) from exc
        try:
            yield
        finally:
            self._fallback.release()


class _FlockUnsupported(Exception):
    pass


def _try_flock(fd: int) -> bool:
    """Take the flock if free: False if another descriptor holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _FLOCK_BUSY:
            return False
        if exc.errno in _FLOCK_UNSUPPORTED:
            raise _FlockUnsupported from exc
        raise
    return True


def _close_inherited_holds() -> None:
    """In a forked child: the parent's held descriptors would keep its flock alive."""
    for fd in _HELD_FDS:
        with suppress(OSError):
            os.close(fd)
    _HELD_FDS.clear()


_HELD_FDS: set[int] = set()
os.register_at_fork(after_in_child=_close_inherited_holds)


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

    def get_bytes(self, path: Path, parse: Callable[[bytes], T]) -> T | None:
        """Like `get`, for a file that is not JSON (the key logs): `parse` takes its bytes."""
        sig = signature(path)
        cached = self._entries.get((path, parse))
        if cached and cached[0] == sig:
            return cached[1]
        value = parse(read_bytes(path)) if sig else None
        self._entries[(path, parse)] = (sig, value)
        return value

    def clear(self) -> None:
        self._entries.clear()


def read_bytes(path: Path) -> bytes:
    """A file's bytes (empty if it vanished since its stat); StoreCorrupt if unreadable."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""
    except OSError as exc:
        raise StoreCorrupt(path, exc.strerror or str(exc)) from exc


def parse_or_corrupt(path: Path, parse: Callable[[Any], T], data: Any) -> T:
    """Documents of the wrong shape are a corrupt file too, named by its path."""
    try:
        return parse(data)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreCorrupt(path, f"a document has the wrong shape ({exc!r})") from exc


def insert_documents(path: Path, table: str, docs: list[dict[str, Any]], tmp_dir: Path) -> None:
    """Append documents to a table of a TinyDB file as TinyDB's insert does (ids go on from
    the largest; the same bytes), without TinyDB: adds write shards this way, 0.1 ms less
    CPU a 100 KB shard, and `newsroom add` does not import TinyDB (~5 ms). A file that does
    not read as a TinyDB file raises StoreCorrupt and is not written."""
    data = read_json(path, is_table_file) or {}
    rows = data.setdefault(table, {})
    next_id = max(map(int, rows), default=0) + 1
    for n, doc in enumerate(docs, start=next_id):
        rows[str(n)] = doc
    write_json_atomic(path, data, tmp_dir)


def open_table_db(path: Path, tmp_dir: Path) -> TinyDB:
    """A TinyDB over one store file, writing atomically (TinyDB is imported by the first)."""
    from storage.tables import open_table_db as open_db

    return open_db(path, tmp_dir)
