"""Adding one article from its saved page, against trafilatura's own extraction of that page.

    python bench/bench_add.py [--pages 181] [--corpus ../shared/corpus]

Issue 5's target: add one article (clean + analyse + store), excluding the network, costs
at most 1.3x `trafilatura.extract` on the page. For each of the extraction benchmark's real
HTML pages, saved to a file, this times `ingest.pipeline.add_file` into a fresh store
(read, decode, trafilatura and the metadata kept, quotes and figures, one durable store write)
and, right before it, `trafilatura.extract(html)` with its defaults on the same page
(interleaved, so a change in the machine's load hits both). One warm-up page first.
Prints the ratio of the totals and the median of the per-page ratios, and the parts
of newsroom's time (cleaning, analysis, store). The cleaning part is trafilatura run with
newsroom's options (fallback extractors off) plus `ingest.page_metadata` (trafilatura's
metadata helpers, less categories, tags and licence), so newsroom's total over it is
the ratio against that other baseline. The store write (`Store.add_article`) is also given
alone: wall and CPU time per article and the fsyncs it made, counted by wrapping os.fsync.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"


def pages(corpus: Path, limit: int) -> list[Path]:
    """The benchmark's HTML pages that trafilatura finds an article in."""
    html = corpus / "extraction-benchmark" / "html"
    truth = json.loads((corpus / "extraction-benchmark" / "ground-truth.json").read_text())
    found = [html / f"{key}.html.gz" for key in sorted(truth)]
    return [path for path in found if path.exists()][:limit]


def save(page: Path, folder: Path) -> Path:
    """The page unzipped to `folder`, as a user's saved page would be."""
    saved = folder / page.name.removesuffix(".gz")
    saved.write_bytes(gzip.decompress(page.read_bytes()))
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=181)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()

    import trafilatura

    from ingest import analyse as analyse_module
    from ingest import clean as clean_module
    from ingest.pipeline import add_file
    from storage.store import Store

    parts = {"clean": 0.0, "analyse": 0.0}
    write = {"wall": 0.0, "cpu": 0.0, "fsyncs": 0, "fsync_wall": 0.0}
    real_fsync = os.fsync

    def counted_fsync(fd: int) -> None:
        t0 = time.perf_counter()
        try:
            real_fsync(fd)
        finally:
            write["fsyncs"] += 1
            write["fsync_wall"] += time.perf_counter() - t0

    def timed_write(fn):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            w0, c0 = time.perf_counter(), time.process_time()
            try:
                return fn(*a, **k)
            finally:
                write["wall"] += time.perf_counter() - w0
                write["cpu"] += time.process_time() - c0

        return wrapper

    def timed(name: str, fn):  # type: ignore[no-untyped-def]
        def wrapper(*a, **k):  # type: ignore[no-untyped-def]
            t0 = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                parts[name] += time.perf_counter() - t0

        return wrapper

    clean_module.clean_html = timed("clean", clean_module.clean_html)  # type: ignore[assignment]
    import ingest.pipeline as pipeline

    pipeline.clean_html = clean_module.clean_html  # type: ignore[assignment]
    analyse_module.analyse = timed("analyse", analyse_module.analyse)  # type: ignore[assignment]
    Store.add_article = timed_write(Store.add_article)  # type: ignore[method-assign]
    os.fsync = counted_fsync

    tmp = Path(tempfile.mkdtemp())
    try:
        store = Store.open(tmp / "store", auto_backup=False)
        files = pages(args.corpus, args.pages)
        (tmp / "warm").mkdir()
        warm = save(files[0], tmp / "warm")
        trafilatura.extract(warm.read_text(errors="replace"))
        add_file(Store.open(tmp / "warm-store", auto_backup=False), warm)
        parts.update(clean=0.0, analyse=0.0)
        write.update(wall=0.0, cpu=0.0, fsyncs=0, fsync_wall=0.0)
        base, ours, ratios, skipped = 0.0, 0.0, [], 0
        for page in files:
            saved = save(page, tmp)
            html = saved.read_text(errors="replace")
            t0 = time.perf_counter()
            trafilatura.extract(html)
            t1 = time.perf_counter()
            try:
                add_file(store, saved)
            except ValueError:  # no article text on the page: nothing stored
                skipped += 1
                continue
            t2 = time.perf_counter()
            base, ours = base + (t1 - t0), ours + (t2 - t1)
            ratios.append((t2 - t1) / (t1 - t0))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    store_part = ours - parts["clean"] - parts["analyse"]
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    print(f"pages added: {len(ratios)} (no article text: {skipped})")
    print("| measure | value |")
    print("| --- | ---: |")
    print(f"| trafilatura.extract, total | {base:.2f} s |")
    print(f"| newsroom add_file, total | {ours:.2f} s |")
    print(f"| of which cleaning (trafilatura and the metadata kept) | {parts['clean']:.2f} s |")
    print(f"| of which quotes and figures | {parts['analyse']:.2f} s |")
    print(f"| of which reading the file and storing | {store_part:.2f} s |")
    n = max(len(ratios), 1)
    print(
        f"| the store write alone, per article: wall, CPU, fsyncs (their wall) | "
        f"{write['wall'] / n * 1e3:.2f} ms, {write['cpu'] / n * 1e3:.2f} ms, "
        f"{write['fsyncs'] / n:.1f} ({write['fsync_wall'] / n * 1e3:.2f} ms) |"
    )
    print(f"| **ratio of totals (target <= 1.3)** | **{ours / base:.2f}** |")
    print(f"| ratio to trafilatura run with newsroom's own options | {ours / parts['clean']:.2f} |")
    print(f"| median per-page ratio | {statistics.median(ratios):.2f} |")


if __name__ == "__main__":
    main()
