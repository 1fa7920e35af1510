"""Kill a writing child at a random moment, then check the store against what it logged.

Shared by tests/storage/test_crash.py (100 kills in CI) and bench/crash_soak.py (300+).
The model holds every fact a logged write established: which articles exist, which tags and
notes they carry. A write logged as returned must be there; the one in flight (logged as
begun only) must be wholly there or wholly absent.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from storage.errors import ArticleNotFound
from storage.models import ItemRef
from storage.store import Store, content_hash
from tests.storage.crash_child import write_loop

CHILD = Path(__file__).with_name("crash_child.py")
REPO = Path(__file__).resolve().parents[2]


@dataclass
class Model:
    """What the store must hold, from the writes that returned."""

    count: int
    articles: dict[str, bool] = field(default_factory=dict)
    tags: dict[tuple[str, str], bool] = field(default_factory=dict)
    notes: dict[str, str | None] = field(default_factory=dict)

    def apply(self, op: dict) -> None:
        kind, target = op["op"], op.get("id", "")
        if kind == "add":
            self.articles[target] = True
            self.count += 1
        elif kind in ("tag", "untag"):
            self.tags[(target, op["tag"])] = kind == "tag"
        elif kind == "note":
            self.notes[target] = op["text"]
        else:
            self.articles[target] = False
            self.count -= 1
            self.notes[target] = None
            for key in [k for k in self.tags if k[0] == target]:
                self.tags[key] = False


def read_log(path: Path) -> tuple[list[dict], dict | None]:
    """The writes that returned, and the one begun but not returned (if any)."""
    done: list[dict] = []
    begun: dict | None = None
    for line in path.read_text().splitlines():
        mark, _, payload = line.partition(" ")
        assert mark != "ERROR", f"the writer failed: {payload}"
        if mark not in ("A", "B"):
            continue
        try:
            op = json.loads(payload)
        except ValueError:  # a line cut by the kill: the write it announces never began
            continue
        if mark == "B":
            begun = op
        else:
            done.append(op)
            begun = None
    return done, begun


def _spawn(root: Path, log: Path, seed: int, live: list[str] | None) -> int:
    """A forked child (fast) when `live` ids are given, else a fresh interpreter."""
    if live is None:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        argv = [sys.executable, str(CHILD), str(root), str(log), str(seed)]
        return subprocess.Popen(argv, env=env).pid
    pid = os.fork()
    if pid == 0:  # the child: write until killed, never return into the test runner
        try:
            write_loop(root, log, seed, live)
        finally:
            os._exit(1)
    return pid


def run_child(root: Path, log: Path, seed: int, max_delay: float, live: list[str] | None) -> None:
    """Start the writer, wait until it is writing, SIGKILL it after a random delay."""
    log.write_text("")
    pid = _spawn(root, log, seed, live)
    deadline = time.monotonic() + 30
    while b"READY" not in log.read_bytes():
        finished, status = os.waitpid(pid, os.WNOHANG)
        if finished or time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL) if not finished else None
            raise AssertionError(f"crash child exited early (status {status})")
        time.sleep(0.002)
    time.sleep(random.Random(seed).uniform(0.0, max_delay))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def check(root: Path, model: Model, done: list[dict], begun: dict | None) -> list[str]:
    """Open the killed store and hold it to the model; then fold the in-flight write in."""
    store = Store.open(root, auto_backup=False)
    assert not [p.name for p in store.layout.tmp_dir.glob("*.tmp")], "temp files left"
    assert not store.layout.journal_file.exists()
    for op in done:
        model.apply(op)
    if begun is not None:
        _settle_in_flight(store, model, begun)
    ids = {m.id for m in store.articles()}
    tags = {(t.ref.article, t.tag) for t in store.tags()}
    notes = {ref.article: text for ref, text in store.notes().items()}
    assert len(ids) == model.count, (len(ids), model.count)
    for article_id, present in model.articles.items():
        assert (article_id in ids) == present, (article_id, present)
    added = {op["id"] for op in done if op["op"] == "add"}
    for article_id in added & {i for i, present in model.articles.items() if present}:
        body = store.body(article_id)
        assert content_hash(body.text) == store.meta(article_id).content_hash
    for key, present in model.tags.items():
        assert (key in tags) == present, (key, present)
    for article_id, text in model.notes.items():
        assert notes.get(article_id) == text, (article_id, text, notes.get(article_id))
    return sorted(ids)


def _settle_in_flight(store: Store, model: Model, op: dict) -> None:
    """The write in flight: either outcome is allowed, but only a whole one."""
    kind, target = op["op"], op.get("id", "")
    if kind == "add":
        found = store.find_duplicate(op["url"], "-")
        if found is not None:
            body = store.body(found.id)
            assert content_hash(body.text) == found.content_hash and found.n_quotes == 1
            model.apply({**op, "id": found.id})
    elif kind in ("tag", "untag"):
        model.tags[(target, op["tag"])] = op["tag"] in store.tags_for(target).get("", set())
    elif kind == "note":
        text = store.notes().get(ItemRef(target))
        assert text in (model.notes.get(target), op["text"]), text
        model.notes[target] = text
    else:
        _settle_delete(store, model, op)


def _settle_delete(store: Store, model: Model, op: dict) -> None:
    target = op["id"]
    try:
        store.meta(target)
    except ArticleNotFound:
        assert not store.layout.body(target).exists(), "deleted article left its body"
        assert target not in {t.ref.article for t in store.tags()}, "deleted article kept tags"
        assert ItemRef(target) not in store.notes(), "deleted article kept its note"
        model.apply(op)
        return
    store.body(target)  # still there: wholly, body included


def crash_loop(
    root: Path, work: Path, kills: int, max_delay: float = 0.2, fork: bool = True
) -> int:
    """Run `kills` kill-and-check rounds on one store; returns how many writes returned."""
    store = Store.open(root, auto_backup=False)
    model = Model(count=store.count())
    live = sorted(m.id for m in store.articles())
    log = work / "writes.log"
    writes = 0
    timings: dict[str, float] = {"child": 0.0, "check": 0.0}
    for seed in range(kills):
        started = time.perf_counter()
        run_child(root, log, seed, max_delay, live if fork else None)
        done, begun = read_log(log)
        checked = time.perf_counter()
        live = check(root, model, done, begun)
        timings["child"] += checked - started
        timings["check"] += time.perf_counter() - checked
        writes += len(done)
    print(f"crash loop: {kills} kills, {writes} writes returned, {timings}")
    return writes
