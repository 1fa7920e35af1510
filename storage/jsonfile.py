"""Reading and atomically writing the store's JSON files, and TinyDB's storage over them.

TinyDB's own JSONStorage truncates and rewrites its file in place, so a kill mid-write leaves
a broken file. Here every write goes to a temporary file in the store's `tmp/` folder (same
filesystem), is flushed and fsynced, then `os.replace`d over the target: a reader or a crash
sees the old file or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from storage.errors import StoreCorrupt

Validator = Callable[[Any], str | None]


def read_json(path: Path, validate: Validator | None = None) -> Any | None:
    """The parsed file, None if it does not exist; StoreCorrupt if it cannot be what we wrote."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreCorrupt(path, exc.strerror or str(exc)) from exc
    if not raw.strip():
        raise StoreCorrupt(path, "empty file")
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise StoreCorrupt(path, f"not valid JSON: {exc}") from exc
    problem = validate(data) if validate else None
    if problem:
        raise StoreCorrupt(path, problem)
    return data


def fsync_dir(path: Path) -> None:
    """Make a rename durable: the directory entry itself must reach the disk."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_json_atomic(path: Path, data: Any, tmp_dir: Path) -> None:
    """Replace `path` with `data` as JSON so that a crash leaves the old or the new file."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=tmp_dir)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(payload)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def is_table_file(data: Any) -> str | None:
    """A TinyDB file is {table: {doc_id: document}}; anything else was not written by us."""
    if not isinstance(data, dict):
        return f"expected a JSON object of tables, found {type(data).__name__}"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"table {name!r} is not an object"
        if not all(isinstance(doc, dict) for doc in table.values()):
            return f"table {name!r} holds a document that is not an object"
    return None


class AtomicJSONStorage(Storage):
    """TinyDB storage that validates on read and writes atomically; never writes a file it
    could not read, because TinyDB always reads before it writes and a bad read raises."""

    def __init__(self, path: Path, tmp_dir: Path) -> None:
        self.path = path
        self.tmp_dir = tmp_dir

    def read(self) -> dict[str, dict[str, Any]] | None:
        return read_json(self.path, is_table_file)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_json_atomic(self.path, data, self.tmp_dir)

    def close(self) -> None:
        pass
