"""Reading and atomically writing the store's files (TinyDB's storage is storage/tables.py).

Every replacing write goes to a temporary file in the store's `tmp/` folder (same
filesystem), is written with `os.write`, fsynced, then `os.replace`d over the target and the
directory fsynced: a reader or a crash sees the old file or the new one, never a mix. Files
of independent lines (the key logs) are appended to instead: see `append_lines`.

Any OS failure on the way (ENOSPC, EIO, ...) removes the temporary file and becomes a
`StoreWriteError`, so callers deal with one domain error and the target is left as it was.
"""

from __future__ import annotations

import errno
import itertools
import json
import math
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storage.errors import StoreCorrupt, StoreWriteError

Validator = Callable[[Any], str | None]
TMP_SUFFIX = ".tmp"
# Files at least this big are parsed by orjson (2x faster than json on a 100 KB shard);
# smaller ones by json (a fraction of a millisecond more): orjson's import (it imports uuid,
# and uuid platform: ~8 ms) is then paid only by commands that read a big file, not by a
# refresh that finds nothing new (store.json, a backup manifest, feeds.json).
ORJSON_FROM = 32 * 1024
# fsync on a directory is unsupported on some filesystems; that is no reason to fail a write.
_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.ENOTSUP, errno.EBADF, errno.EACCES}
_tmp_numbers = itertools.count()


def read_json(path: Path, validate: Validator | None = None) -> Any | None:
    """The parsed file, None if it does not exist; StoreCorrupt if it cannot be what we wrote."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreCorrupt(path, exc.strerror or str(exc)) from exc
    return parse_json(path, raw, validate)


def parse_json(path: Path, raw: bytes, validate: Validator | None = None) -> Any:
    """Parse bytes read from `path`, naming the file in the error when they are not ours."""
    if not raw.strip():
        raise StoreCorrupt(path, "empty file")
    try:
        data = _loads(raw)
    except (UnicodeDecodeError, ValueError) as exc:
        raise StoreCorrupt(path, f"not valid JSON: {exc}") from exc
    problem = validate(data) if validate else None
    if problem:
        raise StoreCorrupt(path, problem)
    return data


def _loads(raw: bytes) -> Any:
    """json's reading of `raw`, by orjson for a big file (most of reading 50,000 records).
    What json reads and orjson refuses (NaN, huge integers, UTF-16) goes to json."""
    if len(raw) < ORJSON_FROM:
        return json.loads(raw, parse_int=_int_as_orjson_reads_it)
    import orjson

    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return json.loads(raw)


def _int_as_orjson_reads_it(text: str) -> int | float:
    """A JSON integer as orjson reads it, so a file reads the same whatever its size: one
    past 64 bits is a float (orjson refuses one too big for a float: json keeps the int)."""
    value = int(text)
    if -(2**63) <= value < 2**64:
        return value
    as_float = float(text)
    return value if math.isinf(as_float) else as_float


def fsync_dir(path: Path) -> None:
    """Make a rename durable: the directory entry itself must reach the disk."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, payload: bytes) -> None:
    """os.write may write less than asked (signals, full disks); loop until all is out."""
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _write_file(path: Path, payload: bytes, durable: bool) -> None:
    """Create or truncate `path` and write `payload`, fsynced if `durable`."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        _write_all(fd, payload)
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(path: Path, payload: bytes, tmp_dir: Path, durable: bool = True) -> None:
    """Replace `path` with `payload` so that a crash leaves the old or the new file.

    `durable=False` skips the fsyncs: only for bulk loads that sync once at the end.
    Folders are made only when missing: two `mkdir` calls on every write cost more than
    the retry does on the rare first write into a folder.
    """
    tmp = tmp_dir / f".{path.name}.{os.getpid()}.{next(_tmp_numbers)}{TMP_SUFFIX}"
    try:
        try:
            _write_file(tmp, payload, durable)
        except FileNotFoundError:
            tmp_dir.mkdir(parents=True, exist_ok=True)
            _write_file(tmp, payload, durable)
        try:
            os.replace(tmp, path)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, path)
        if durable:
            fsync_dir(path.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreWriteError(path, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_new_file(path: Path, payload: bytes, durable: bool) -> None:
    """Write a file no committed record points at yet, in place, making its folder if
    missing (a `mkdir` on every call cost more than the retry).

    Only for the bodies of new articles, whose metadata is not written yet. Until the
    metadata (the commit point) names them, a torn file is unreachable, and the caller makes
    them durable (fsync here, and their folder; or one sync for all) before committing.
    Saves a temp file and a rename per article.
    """
    try:
        try:
            _write_file(path, payload, durable)
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_file(path, payload, durable)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise StoreWriteError(path, exc) from exc


def append_lines(path: Path, payload: bytes, durable: bool = True) -> None:
    """Append whole lines (`payload` ends with a newline) to `path`, made if missing.

    For files of independent lines read by `complete_lines` (the key logs): no temporary
    file, rename or directory fsync, only one fsync, unless the file is new. A last line
    without its newline was cut by a kill or a power cut and is cut off first, so it never
    joins the line appended after it. A failed append is cut off again.
    """
    try:
        fd, created = _open_for_append(path)
    except OSError as exc:
        raise StoreWriteError(path, exc) from exc
    try:
        size = _cut_partial_line(fd)
        try:
            _write_all(fd, payload)
            if durable:
                os.fsync(fd)
        except BaseException:
            os.ftruncate(fd, size)
            raise
        if created and durable:
            fsync_dir(path.parent)
    except OSError as exc:
        raise StoreWriteError(path, exc) from exc
    finally:
        os.close(fd)


def _open_for_append(path: Path) -> tuple[int, bool]:
    flags = os.O_RDWR | os.O_APPEND
    try:
        return os.open(path, flags), False
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, flags | os.O_CREAT, 0o644), True


def _cut_partial_line(fd: int, chunk: int = 4096) -> int:
    """Truncate the file after its last newline; returns the size it is left with."""
    end = os.fstat(fd).st_size
    if end == 0 or os.pread(fd, 1, end - 1) == b"\n":
        return end
    while end > 0:
        start = max(0, end - chunk)
        found = os.pread(fd, end - start, start).rfind(b"\n")
        if found >= 0:
            end = start + found + 1
            break
        end = start
    os.ftruncate(fd, end)
    return end


def complete_lines(raw: bytes) -> list[bytes]:
    """The lines `append_lines` finished writing: a last line without its newline is one
    being appended right now, or cut by a crash (the next append cuts it off)."""
    return raw.split(b"\n")[:-1]


def dump_json(data: Any) -> bytes:
    """The compact UTF-8 encoding every store file uses, by orjson: 10x faster than json
    (a 100 KB shard: 0.13 ms against 1.8 ms), the same bytes for strings, integers, lists
    and objects. What orjson refuses (integers past 64 bits, non-string keys) goes to json.
    orjson writes NaN and Infinity as null: data that may hold them uses `dump_json_exact`.
    """
    import orjson  # see ORJSON_FROM

    try:
        return orjson.dumps(data)
    except TypeError:
        return dump_json_exact(data)


def dump_json_exact(data: Any) -> bytes:
    """Python's json, which keeps NaN and Infinity (as JavaScript literals orjson reads back
    through our json fallback): for bodies whose figure values are not all finite, and
    for small files of strings, integers and nulls (feeds.json), where it is as fast and
    writes the same bytes as orjson, without orjson's import."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def write_json_atomic(
    path: Path,
    data: Any,
    tmp_dir: Path,
    durable: bool = True,
    *,
    dump: Callable[[Any], bytes] = dump_json,
) -> None:
    """Replace `path` with `data` as JSON so that a crash leaves the old or the new file."""
    write_bytes_atomic(path, dump(data), tmp_dir, durable)


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
