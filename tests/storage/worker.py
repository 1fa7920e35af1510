"""A second newsroom process for the concurrency tests (and bench/bench_store.py).

    worker.py mixed ROOT W ADDS TAGS SHARED   ADDS adds and TAGS tag changes, interleaved
    worker.py retitle ROOT ID TITLE    change one article's title (a refetch)
    worker.py tag ROOT ID TAG          tag one article

`mixed` prints one JSON line {"added": [...], "errors": [...]} and exits 1 on any error.
Tag changes by worker W use tags "wW-i": for i % 4 == 3 it removes the tag of i - 1, so the
tags that must remain are exactly those with i % 4 in (0, 1).
"""

from __future__ import annotations

import json
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import article


def tag_change(store: Store, worker: int, i: int, targets: list[str]) -> None:
    """Tag (or, every fourth time, untag) an own article or the one all workers share."""
    target = ItemRef(targets[i % len(targets)])
    if i % 4 == 3:
        store.untag(target, f"w{worker}-{i - 1}")
    else:
        store.tag(target, f"w{worker}-{i}")


def mixed(root: Path, worker: int, adds: int, tags: int, shared: str) -> int:
    store = Store.open(root, auto_backup=False)
    added: list[str] = []
    errors: list[str] = []
    for i in range(max(adds, tags)):
        try:
            if i < adds:
                meta, created = store.add_article(*article(i, 1, f"w{worker}"))
                added.append(meta.id) if created else errors.append(f"duplicate {meta.id}")
            if i < tags:
                tag_change(store, worker, i, [shared, *added[-1:]] if i % 4 < 2 else [shared])
        except Exception:
            errors.append(traceback.format_exc())
    print(json.dumps({"added": added, "errors": errors}))
    return 1 if errors else 0


def main(argv: list[str]) -> int:
    command, root = argv[0], Path(argv[1])
    if command == "mixed":
        return mixed(root, int(argv[2]), int(argv[3]), int(argv[4]), argv[5])
    store = Store.open(root, auto_backup=False)
    if command == "retitle":
        meta = store.meta(argv[2])
        meta.title = argv[3]
        store.replace_article(meta, store.body(meta.id))
    elif command == "tag":
        store.tag(ItemRef(argv[2]), argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
