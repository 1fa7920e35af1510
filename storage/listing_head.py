"""The newest rows of the last full listing, kept so the app can draw its first page at once.

Listing 50,000 articles means parsing 256 shards and sorting: 0.3-0.8 s, most of a start
at that size. `listing-head.json` keeps the first `HEAD_ROWS` rows of the last full listing
and, per shard, the signature and article count it was built from. On the next start only
the shards that changed since are read again and merged in, so the head stays right after
the last session's writes (an article marked read, one added or deleted).

It is a cache, derived from the shards and never the only copy of anything: written
without fsync, ignored when unreadable or too far out of date, and not backed up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.files import Layout, signature
from storage.jsonfile import dump_json, parse_json, write_bytes_atomic
from storage.models import ArticleMeta

FILE_NAME = "listing-head.json"
FORMAT = 1
HEAD_ROWS = 300  # a page is ~50 rows; the rest absorbs deletions since the head was written
MAX_CHANGED = 32  # past this many changed shards, reading them all is nearly a full listing


@dataclass(frozen=True, slots=True)
class ListingHead:
    """The newest rows, newest first, and how many articles the whole list has."""

    metas: list[ArticleMeta]
    total: int


def shard_keys(shards: list[Path]) -> dict[str, list[object]]:
    """Each shard's signature, taken before its records are read: a shard that changes
    during the read then fails the next comparison instead of passing with old rows."""
    keys = {}
    for shard in shards:
        sig = signature(shard)
        if sig is not None:
            keys[shard.name] = list(sig)
    return keys


def write_head(
    layout: Layout,
    keys: dict[str, list[object]],
    counts: dict[str, int],
    metas: list[ArticleMeta],
) -> None:
    """Save the head of a full listing; a failure only costs the next start its speed."""
    head = {
        "format": FORMAT,
        "shards": {name: [*sig, counts.get(name, 0)] for name, sig in keys.items()},
        "rows": [meta.to_doc() for meta in metas[:HEAD_ROWS]],
    }
    try:
        write_bytes_atomic(layout.root / FILE_NAME, dump_json(head), layout.tmp_dir, durable=False)
    except Exception:  # a read-only store, a full disk: the cache is optional
        return


def read_head(
    layout: Layout,
    read_shard: Callable[[Path], dict[str, ArticleMeta]],
    newest_first: Callable[[ArticleMeta], str],
) -> ListingHead | None:
    """The head brought up to date with the shards that changed, or None when there is no
    usable head. Rows from unchanged shards are right down to the old head's last row;
    below it, rows of theirs that the old head left out could belong, so the merged head
    is cut there."""
    path = layout.root / FILE_NAME
    try:
        data = parse_json(path, path.read_bytes())
        saved: dict[str, list[Any]] = data["shards"]
        if data["format"] != FORMAT or not data["rows"] or not _valid_shards(saved):
            return None
        rows = [ArticleMeta.from_doc(doc) for doc in data["rows"]]
    except Exception:  # missing, torn or foreign: list the slow way
        return None
    shards = layout.shards()
    current = shard_keys(shards)
    changed = [name for name, sig in current.items() if saved.get(name, [])[:-1] != sig]
    gone = [name for name in saved if name not in current]
    if len(changed) + len(gone) > MAX_CHANGED:
        return None
    stale = set(changed) | set(gone)
    complete = len(rows) == sum(entry[-1] for entry in saved.values())
    total = sum(entry[-1] for name, entry in saved.items() if name not in stale)
    kept = [meta for meta in rows if layout.shard(meta.id).name not in stale]
    by_name = {shard.name: shard for shard in shards}
    for name in changed:
        fresh = read_shard(by_name[name])
        total += len(fresh)
        kept.extend(fresh.values())
    kept.sort(key=newest_first, reverse=True)
    if not complete:  # rows below the old head's last one are not in it: stop above them
        cutoff = newest_first(rows[-1])
        kept = [meta for meta in kept if newest_first(meta) >= cutoff]
    if total and not kept:
        return None
    return ListingHead(kept[:HEAD_ROWS], total)


def _valid_shards(saved: object) -> bool:
    """{name: [inode, mtime_ns, size, count]}, as `write_head` writes it."""
    return isinstance(saved, dict) and all(
        isinstance(entry, list) and len(entry) == 4 and all(type(n) is int for n in entry)
        for entry in saved.values()
    )
