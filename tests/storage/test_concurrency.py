"""Issue 2 and 6.3: processes writing one store at once lose nothing; readers see others'
writes at once and never write back a stale copy.

CI runs 2 and 4 processes, twice each, with 80 and 40 adds and tag changes per process;
bench/bench_store.py --concurrency runs the full 500 + 500, ten times.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import fill

WORKER = Path(__file__).with_name("worker.py")
REPO = Path(__file__).resolve().parents[2]


def run_workers(root: Path, processes: int, adds: int, tags: int, shared: str) -> list[dict]:
    """Start every worker before waiting for any, so their writes interleave."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, str(WORKER), "mixed", str(root)]
    children = [
        subprocess.Popen(
            [*argv, str(w), str(adds), str(tags), shared], env=env, stdout=subprocess.PIPE
        )
        for w in range(processes)
    ]
    reports = []
    for child in children:
        out, _ = child.communicate(timeout=240)
        reports.append(json.loads(out.decode().strip().splitlines()[-1]))
        assert child.returncode == 0, reports[-1]["errors"][:2]
    return reports


def expected_tags(processes: int, tags: int) -> set[str]:
    return {f"w{w}-{i}" for w in range(processes) for i in range(tags) if i % 4 in (0, 1)}


@pytest.mark.slow
@pytest.mark.parametrize("run", [1, 2])
@pytest.mark.parametrize(("processes", "count"), [(2, 80), (4, 40)])
def test_processes_adding_and_tagging_lose_nothing(
    processes: int, count: int, run: int, tmp_path: Path
) -> None:
    store = Store.open(tmp_path / "store", auto_backup=False)
    [shared] = fill(store, 1)
    reports = run_workers(store.root, processes, count, count, shared)
    assert [r["errors"] for r in reports] == [[]] * processes
    reopened = Store.open(store.root, auto_backup=False)
    ids = {m.id for m in reopened.articles()}
    added = {i for r in reports for i in r["added"]}
    assert len(added) == processes * count and added <= ids and len(ids) == len(added) + 1
    names = {t.tag for t in reopened.tags()}
    assert names == expected_tags(processes, count)
    on_shared = reopened.tags_for(shared)[""]
    assert {n for n in names if int(n.split("-")[1]) % 4 == 0} <= on_shared
    assert all(reopened.body(i).text for i in list(added)[:20])


def other_process(*args: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, str(WORKER), *args], env=env, check=True, timeout=60)


def test_a_reader_sees_another_process_write_within_a_second(small_store: Store) -> None:
    target = small_store.articles()[-1].id
    before = small_store.version()
    assert "from-elsewhere" not in small_store.tags_for(target).get("", set())
    other_process("tag", str(small_store.root), target, "from-elsewhere")
    started = time.monotonic()
    while small_store.version() == before:
        assert time.monotonic() - started < 1.0, "the change was not seen within a second"
        time.sleep(0.01)
    assert "from-elsewhere" in small_store.tags_for(target)[""]


def test_a_reader_never_writes_back_a_stale_copy(small_store: Store) -> None:
    target = small_store.articles()[0].id
    assert small_store.meta(target).read is False  # cached in this process from here on
    other_process("retitle", str(small_store.root), target, "A title set elsewhere")
    other_process("tag", str(small_store.root), target, "elsewhere")
    small_store.set_read(target)
    small_store.tag(ItemRef(target), "here")
    fresh = Store.open(small_store.root, auto_backup=False)
    assert fresh.meta(target).title == "A title set elsewhere"
    assert fresh.meta(target).read is True
    assert {"elsewhere", "here"} <= fresh.tags_for(target)[""]
