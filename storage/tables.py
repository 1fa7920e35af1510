"""TinyDB over the store's files: a storage that validates what it reads and writes atomically.

TinyDB's own JSONStorage truncates and rewrites its file in place, so a kill mid-write leaves
a broken file; this one goes through `jsonfile.write_json_atomic`. A module of its own so
that TinyDB (and the json module it imports) is loaded by the first write, not by every
command that only reads: `files.open_table_db` imports it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage

from storage.jsonfile import is_table_file, read_json, write_json_atomic


class AtomicJSONStorage(Storage):
    """TinyDB storage that validates on read and writes atomically; never writes a file it
    could not read, because TinyDB always reads before it writes and a bad read raises.

    One instance lives for one locked read-modify-write, so it may keep what it last read or
    wrote: TinyDB reads the whole file before every operation, and parsing it once per
    session instead of once per query halves the cost of a tag toggle. The memo is dropped
    before each write, so a failed write never leaves a copy the disk does not have.
    """

    def __init__(self, path: Path, tmp_dir: Path) -> None:
        self.path = path
        self.tmp_dir = tmp_dir
        self._memo: dict[str, dict[str, Any]] | None = None

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._memo is None:
            self._memo = read_json(self.path, is_table_file)
        return self._memo

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        self._memo = None
        write_json_atomic(self.path, data, self.tmp_dir)
        self._memo = data

    def close(self) -> None:
        self._memo = None


def open_table_db(path: Path, tmp_dir: Path) -> TinyDB:
    """A TinyDB over one store file, writing atomically."""
    return TinyDB(path, storage=AtomicJSONStorage, tmp_dir=tmp_dir)
