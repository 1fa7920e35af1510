"""Run every benchmark in turn and print their tables: `python bench/run_all.py [--quick]`.

The stores for 1,000 / 10,000 / 50,000 articles are built first if missing (about a minute).
`--quick` runs each benchmark at its smallest useful size, for a check that they all work.
Results belong in bench/README.md, with the machine and its load at the time.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

FULL = [
    ["make_store.py"],
    ["bench_store.py", "--search"],
    ["bench_app.py"],
    ["bench_add.py"],
    ["extraction_quality.py"],
    ["bench_refresh.py"],
    ["crash_soak.py", "--kills", "300"],
    ["bench_store.py", "--concurrency", "10"],
]
QUICK = [
    ["make_store.py", "--sizes", "1000"],
    ["bench_store.py", "--sizes", "1000"],
    ["bench_app.py", "--runs", "1", "--sizes", "0", "1000"],
    ["bench_add.py", "--pages", "10"],
    ["extraction_quality.py", "--no-timing"],
    ["bench_refresh.py", "--feeds", "10", "--entries", "5", "--repeat", "1"],
    ["crash_soak.py", "--kills", "20"],
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: check they all run")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}", flush=True)
    failed = []
    for script, *rest in QUICK if args.quick else FULL:
        print(f"\n## {script} {' '.join(rest)}", flush=True)
        started = time.perf_counter()
        code = subprocess.call([sys.executable, str(HERE / script), *rest], cwd=HERE.parent)
        print(f"({time.perf_counter() - started:.0f} s, exit {code})", flush=True)
        if code:
            failed.append(script)
    if failed:
        print(f"\nfailed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
