"""Measure the store at 1,000 / 10,000 / 50,000 articles and print a Markdown table.

    python bench/make_store.py                      # once: builds bench/stores/store-N
    python bench/bench_store.py [--sizes 1000 10000 50000]
    python bench/bench_store.py --concurrency 10    # 2 and 4 processes x (500 adds + 500
                                                    # tag changes), 10 runs each

Every figure is a median over repeated calls on this machine (files in the OS cache, as
for an app that was used before). "cold" means a new Store object, which parses what it
needs; "warm" reuses one whose caches are filled, as the running app does.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from make_store import DEFAULT_OUT, load_bases, make_article  # noqa: E402

from storage.annotations import TAGS  # noqa: E402
from storage.files import open_table_db  # noqa: E402
from storage.models import ItemRef, Tag  # noqa: E402
from storage.store import Store  # noqa: E402

USER_TAGS = 2000  # a busy user's tags and notes, so tags.json is not trivially small
APP_START = """
import resource, sys, time
t = time.perf_counter()
from storage.store import Store
store = Store.open(sys.argv[1], auto_backup=False)
metas = store.articles()
listed = time.perf_counter() - t
for meta in metas[:20]:
    store.get(meta.id)
print(listed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def ensure_user_tags(store: Store, ids: list[str]) -> None:
    """Give the store USER_TAGS tags in one write, once."""
    missing = USER_TAGS - len(store.tags())
    if missing <= 0:
        return
    docs = [Tag(ItemRef(ids[i % len(ids)]), f"topic-{i % 40}", "").to_doc() for i in range(missing)]
    with store._lock.held(), open_table_db(store.layout.tags_file, store.layout.tmp_dir) as db:
        db.table(TAGS).insert_multiple(docs)


def bench_size(root: Path, bases: list, search: bool) -> dict[str, float]:
    rng = random.Random(1)
    store = Store.open(root, auto_backup=False)
    ids = [m.id for m in store.articles()]
    ensure_user_tags(store, ids)
    sample = rng.sample(ids, 100)
    row: dict[str, float] = {"articles": len(ids)}
    row["open store"] = median_ms(lambda: Store.open(root, auto_backup=False), 5)
    row["articles() cold"] = median_ms(lambda: Store(root).articles(), 5)
    row["articles() warm"] = median_ms(store.articles, 5)
    row["version()"] = median_ms(store.version, 50)
    row["get article warm"] = median_ms(lambda: store.get(rng.choice(sample)), 100)
    row["get article cold"] = median_ms(lambda: Store(root).get(rng.choice(sample)), 50)
    ref = ItemRef(sample[0])
    row["tag toggle (durable)"] = median_ms(lambda: store.toggle_tag(ref, "bench"), 100)
    added: list[str] = []
    base_k = 10**7 + rng.randrange(10**9)

    def add_one() -> None:
        added.append(store.add_article(*make_article(bases, base_k + len(added)))[0].id)

    row["add one article"] = median_ms(add_one, 30)
    row["delete one article"] = median_ms(lambda: store.delete_article(added.pop()), 30)
    if search:
        row.update(bench_search(store))
    row.update(app_start(root))
    return row


def bench_search(store: Store) -> dict[str, float]:
    """The search index (desk/search.py over storage/search_index.py), if it is there."""
    try:
        from desk.search import search
    except ImportError:
        return {}
    started = time.perf_counter()
    search(store, "minister")
    build = (time.perf_counter() - started) * 1000
    words = iter(["election", "percent", "court", "vaccine", "market", "police", "energy"] * 3)
    return {
        "search index sync (1st query)": build,
        "search": median_ms(lambda: search(store, next(words)), 7),
    }


def app_start(root: Path) -> dict[str, float]:
    """A fresh interpreter: import, open, list every article; then open 20; peak RSS."""
    out = subprocess.run(
        [sys.executable, "-c", APP_START, str(root)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.split()
    return {"new process: import+open+list": float(out[0]) * 1000, "peak RSS MB": float(out[1])}


def fsync_baseline(folder: Path) -> float:
    """One atomic durable write of 100 KB (what a shard write costs in I/O alone)."""
    from storage.jsonfile import write_bytes_atomic

    target, payload = folder / "fsync-probe.json", b"x" * 100_000
    ms = median_ms(lambda: write_bytes_atomic(target, payload, folder / "tmp"), 30)
    target.unlink()
    return ms


def print_table(rows: list[dict[str, float]]) -> None:
    names = list(rows[0])
    print("| measure | " + " | ".join(f"{int(r['articles']):,}" for r in rows) + " |")
    print("| --- |" + " ---: |" * len(rows))
    for name in names[1:]:
        unit = "" if "MB" in name else " ms"
        cells = [f"{r[name]:.1f}{unit}" if name in r else "-" for r in rows]
        print(f"| {name} | " + " | ".join(cells) + " |")


def concurrency(runs: int, adds: int, tmp: Path) -> None:
    """2 and 4 processes each making `adds` adds and `adds` tag changes, `runs` times."""
    from tests.storage.helpers import fill
    from tests.storage.test_concurrency import expected_tags, run_workers

    for processes in (2, 4):
        for run in range(runs):
            root = tmp / f"conc-{processes}-{run}"
            store = Store.open(root, auto_backup=False)
            [shared] = fill(store, 1)
            started = time.perf_counter()
            reports = run_workers(root, processes, adds, adds, shared)
            seconds = time.perf_counter() - started
            errors = sum(len(r["errors"]) for r in reports)
            fresh = Store.open(root, auto_backup=False)
            lost_adds = processes * adds + 1 - fresh.count()
            lost_tags = len(expected_tags(processes, adds) ^ {t.tag for t in fresh.tags()})
            print(
                f"{processes} processes, run {run + 1}: {seconds:.1f} s, {errors} errors, "
                f"{lost_adds} adds lost, {lost_tags} tags wrong"
            )
            assert errors == lost_adds == lost_tags == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--stores", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--concurrency", type=int, metavar="RUNS")
    parser.add_argument("--adds", type=int, default=500)
    parser.add_argument(
        "--search", action="store_true", help="also time desk.search (builds its index first)"
    )
    args = parser.parse_args()
    if args.concurrency:
        concurrency(args.concurrency, args.adds, args.stores / "concurrency")
        return
    bases = load_bases()
    rows = []
    for size in args.sizes:
        root = args.stores / f"store-{size}"
        if not root.exists():
            raise SystemExit(f"{root} is missing: run bench/make_store.py first")
        rows.append(bench_size(root, bases, args.search))
        print(json.dumps(rows[-1]), file=sys.stderr)
    print_table(rows)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"\nload average {load} on {os.cpu_count()} cores; one durable 100 KB atomic write "
        f"(write, fsync, replace, fsync dir): {fsync_baseline(args.stores):.1f} ms"
    )


if __name__ == "__main__":
    main()
