"""The long crash run: SIGKILL a writer 300 times (or --kills N) on a store of 20 MB or more.

    python bench/crash_soak.py [--kills 300] [--exec] [--articles 3200] [--keep DIR]

The same loop as tests/storage/test_crash.py (100 kills in CI): a child makes mixed writes
(add, tag, untag, note, delete), logging each one after it returns; it is killed at a random
moment; the store must open, hold every logged write, and hold the write in flight wholly
or not at all. `--exec` starts each child as a new interpreter instead of a fork, which is
slower but shares nothing with this process.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from storage.store import Store  # noqa: E402
from tests.storage.crashcheck import crash_loop  # noqa: E402
from tests.storage.helpers import fill  # noqa: E402


def store_mb(root: Path) -> float:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--articles", type=int, default=3200)
    parser.add_argument("--exec", action="store_true", help="new interpreter per child")
    parser.add_argument("--keep", type=Path, help="work here and keep the store afterwards")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="crash-soak-"))
    root = work / "store"
    if not root.exists():
        fill(Store.open(root, auto_backup=False), args.articles, paragraphs=17)
    print(f"store {root}: {store_mb(root):.1f} MB, {args.kills} kills", flush=True)
    started = time.perf_counter()
    writes = crash_loop(root, work, args.kills, fork=not args.exec)
    seconds = time.perf_counter() - started
    print(f"OK: {args.kills} kills, {writes} logged writes all present, {seconds:.0f} s")


if __name__ == "__main__":
    main()
