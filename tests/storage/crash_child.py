"""Child process for the crash tests: an endless loop of mixed writes, each one logged.

Usage: crash_child.py STORE LOG SEED, or `write_loop` in a forked child (much faster to start
than a new interpreter, which lets CI afford 100 kills). Before a write it logs `B <op>`, after
the write returns `A <op>`; both go straight to the log file with os.write, so a SIGKILL loses
nothing that was logged. The parent kills us at a random moment and checks the store.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import article

TAGS = ("follow-up", "verify", "used", "crash")


def log(fd: int, mark: str, op: dict[str, object]) -> None:
    os.write(fd, f"{mark} {json.dumps(op)}\n".encode())


def next_op(store: Store, rng: random.Random, ids: list[str], seed: int, n: int) -> dict:
    kind = rng.choices(["add", "tag", "untag", "note", "delete"], [3, 4, 2, 2, 1])[0]
    if kind == "add" or not ids:
        return {"op": "add", "n": n, "prefix": f"c{seed}"}
    target = rng.choice(ids)
    if kind in ("tag", "untag"):
        return {"op": kind, "id": target, "tag": rng.choice(TAGS)}
    if kind == "note":
        return {"op": "note", "id": target, "text": f"note {seed}-{n}"}
    return {"op": "delete", "id": target}


def apply(store: Store, op: dict, ids: list[str]) -> None:
    kind = op["op"]
    if kind == "add":
        meta, created = store.add_article(*article(op["n"], 3, op["prefix"]))
        assert created, f"test bug: article {op} duplicates {meta.url}"
        op["id"] = meta.id
        ids.append(meta.id)
    elif kind == "tag":
        store.tag(ItemRef(op["id"]), op["tag"])
    elif kind == "untag":
        store.untag(ItemRef(op["id"]), op["tag"])
    elif kind == "note":
        store.note(ItemRef(op["id"]), op["text"])
    else:
        store.delete_article(op["id"])
        ids.remove(op["id"])


def write_loop(root: Path, log_path: Path, seed: int, live: list[str] | None = None) -> None:
    """Write forever; `live` (ids known to exist) saves listing the store first."""
    store = Store.open(root, auto_backup=False)
    rng = random.Random(seed)
    ids = rng.sample(live or [m.id for m in store.articles()], 40)
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.write(fd, b"READY\n")
    for n in range(10**6):
        op = next_op(store, rng, ids, seed, n)
        if op["op"] == "add":  # the id is known only after the add; log what defines it
            meta, _ = article(op["n"], 3, op["prefix"])
            op["url"] = meta.url
        log(fd, "B", op)
        try:
            apply(store, op, ids)
        except Exception as exc:  # the parent fails the test on this line
            log(fd, "ERROR", {"op": op, "error": repr(exc)})
            raise
        log(fd, "A", op)


def main() -> None:
    write_loop(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))


if __name__ == "__main__":
    main()
