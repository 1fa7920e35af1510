"""Benchmark: a full feed refresh against loopback servers, versus trafilatura alone.

Setup: `--sites` HTTP servers on 127.0.0.1 (a separate process, so serving does not compete
with the refresh for our GIL) serve `--feeds` RSS feeds of `--entries` items each, linking to
real pages of the extraction benchmark, each copy given a distinct URL and an "Edition N"
sentence opening a paragraph trafilatura keeps (probed per page), so every entry is a
distinct article. We measure:

1. full refresh: `ingest.refresh.refresh` into an empty store (fetch, clean, quotes and
   figures, storing), wall and CPU time (this process and its worker processes), pages/s;
2. baseline: `trafilatura.bare_extraction` (the options `ingest.clean` uses) over the same
   page bytes, one after another in a fresh process after one warm-up call: what
   extraction alone costs. Also in this process, which the probe has already run over every
   corpus page (as earlier versions of this bench did): a baseline with nothing left to
   warm up, while the refresh's workers start cold;
3. feeds only, `--repeat` times each, median: every feed answers 304; every feed answers
   200 with the bytes of last time (validators dropped); every feed downloaded and parsed
   (validators and digests dropped);
4. `newsroom refresh` run as a command (all 304) and `newsboat -x reload` (all 304), taking
   turns `--command-runs` times, so both meet the same load: median and minimum of wall and
   CPU time. The command runs with its bytecode cached, as an installed newsroom has it
   (this machine's environment sets PYTHONDONTWRITEBYTECODE, which made every run compile
   our modules); also without, as earlier versions of this bench measured it.
   newsboat with a fresh cache, `--repeat` times. With `--floors`, `refresh_floor.py` (the
   transport alone, on http.client, and on libcurl if pycurl is installed) takes turns too.

Usage: python bench/bench_refresh.py [--feeds 100] [--entries 20] [--sites 4] [--repeat 5]
       python bench/bench_refresh.py --command-only [--command-runs 25] [--floors]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CORPUS = Path("/work/shared/corpus/extraction-benchmark/html")


def corpus_pages() -> list[Path]:
    return sorted(CORPUS.glob("*.html.gz"))


def page_bytes(
    pages: list[Path], paragraphs: list[int], feed: int, entry: int, entries: int, base: str
) -> bytes:
    """The page of (feed, entry): deterministic, so the server and the baseline agree."""
    from tests.httpserver import page_html

    n = (feed * entries + entry) % len(pages)
    url = f"{base}/p/{feed}/{entry}.html"
    return page_html(pages[n], url, edition=f"{feed}-{entry}", paragraph=max(paragraphs[n], 0))


def probe_paragraphs(pages: list[Path]) -> list[int]:
    """For each page, the first text paragraph whose words trafilatura keeps (-1: none): one
    extraction of the page with a numbered probe opening each of its first 300 elements of
    text.
    An edition put elsewhere (a teaser, a caption) may be dropped, and two copies of the
    page would then be one article to the store."""
    import trafilatura

    from tests.httpserver import mark_paragraphs

    found: list[int] = []
    for path in pages:
        raw = mark_paragraphs(gzip.decompress(path.read_bytes()), _probes(300))
        doc = trafilatura.bare_extraction(raw, **EXTRACT)
        text = (doc.text or "") if doc is not None else ""
        found.append(next((i for i in range(300) if f"Probe {i}x. " in text), -1))
    return found


def _probes(n: int) -> dict[int, str]:
    return {i: f"Probe {i}x. " for i in range(n)}


# the options of ingest.clean.clean_html (fast=True since fd09d49: no fallback extractors)
EXTRACT = {"with_metadata": True, "include_comments": False, "include_tables": False,
           "deduplicate": False, "fast": True}  # fmt: skip


def feed_bytes(feed: int, entries: int, base: str) -> tuple[bytes, str]:
    items = "".join(
        f"<item><title>Feed {feed} entry {e}</title><link>{base}/p/{feed}/{e}.html</link>"
        f"<description>Entry {e} of feed {feed}.</description></item>"
        for e in range(entries)
    )
    etag = hashlib.sha1(items.encode()).hexdigest()[:12]
    head = f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {feed}</title>'
    return (head + items + "</channel></rss>").encode(), f'"{etag}"'


# ------------------------------------------------------------------ server process


def serve(sites: int, feeds: int, entries: int, paragraphs: list[int]) -> None:
    """Run `sites` loopback servers; print their bases as JSON; serve until stdin closes."""
    from contextlib import ExitStack

    from tests.httpserver import Reply
    from tests.httpserver import serve as run

    pages = (corpus_pages(), paragraphs)
    with ExitStack() as stack:
        tables = [{} for _ in range(sites)]
        servers = [stack.enter_context(run(t)) for t in tables]  # type: ignore[arg-type]
        for site, server in enumerate(servers):
            tables[site].update(_routes(server.base, site, sites, pages, feeds, entries, Reply))
        print(json.dumps([s.base for s in servers]), flush=True)
        sys.stdin.read()


def _routes(base: str, site: int, sites: int, pages: tuple, feeds: int, entries: int, reply):
    cache: dict[str, bytes] = {}

    def page(q):  # /p/<feed>/<entry>.html
        _, _, feed, name = q.path.split("/")
        key = q.path
        if key not in cache:
            cache[key] = page_bytes(*pages, int(feed), int(name[:-5]), entries, base)
        return reply(cache[key])

    def feed(q):  # /f/<feed>.xml, with ETag
        n = int(q.path.rsplit("/", 1)[-1][:-4])
        body, etag = feed_bytes(n, entries, base)
        if q.headers.get("if-none-match") == etag:
            return reply(status=304, content_type=None, headers={"ETag": etag})
        return reply(body, content_type="application/rss+xml", headers={"ETag": etag})

    return {"/p/": page, "/f/": feed}


# ------------------------------------------------------------------ measuring


def start_servers(args: argparse.Namespace, paragraphs: Path) -> tuple[subprocess.Popen, list]:
    cmd = [sys.executable, __file__, "--serve", "--sites", str(args.sites)]
    cmd += ["--feeds", str(args.feeds), "--entries", str(args.entries)]
    cmd += ["--paragraphs", str(paragraphs)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, json.loads(proc.stdout.readline())


def cpu_now() -> float:
    """CPU seconds of this process and of its children that ended (the refresh's worker
    processes are shut down, and so counted, before it returns)."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def timed(fn):
    wall, cpu = time.perf_counter(), cpu_now()
    result = fn()
    return result, time.perf_counter() - wall, cpu_now() - cpu


def median_wall(fn, repeat: int, before=lambda: None) -> float:
    walls = []
    for _ in range(repeat):
        before()
        walls.append(timed(fn)[1])
    return statistics.median(walls)


def baseline(bases: list[str], paragraphs: list[int], args) -> tuple[float, float, int]:
    """trafilatura's extraction over the same bytes, sequentially, in this process."""
    import trafilatura

    pages = corpus_pages()
    bodies = [
        page_bytes(pages, paragraphs, f, e, args.entries, bases[f % len(bases)])
        for f in range(args.feeds)
        for e in range(args.entries)
    ]

    def run() -> int:
        ok = 0
        for body in bodies:
            doc = trafilatura.bare_extraction(body, **EXTRACT)
            ok += bool(doc is not None and doc.text)
        return ok

    ok, wall, cpu = timed(run)
    return wall, cpu, ok


def fresh_baseline(bases: list[str], paragraphs: Path, args) -> dict[str, float]:
    """`baseline` in a new process, after one warm-up call only (`--baseline` below)."""
    cmd = [sys.executable, __file__, "--baseline", "--feeds", str(args.feeds)]
    cmd += ["--entries", str(args.entries), "--paragraphs", str(paragraphs)]
    cmd += ["--bases", json.dumps(bases)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    wall, cpu, ok = json.loads(out.splitlines()[-1])
    return {"baseline_wall_s": wall, "baseline_cpu_s": cpu, "baseline_ok": ok}


def warm_up() -> None:
    """One extraction before timing anything: trafilatura's first call loads stoplists and
    modules (about 1 s), which must not be charged to whichever side runs first."""
    import trafilatura

    trafilatura.bare_extraction(gzip.decompress(corpus_pages()[0].read_bytes()), **EXTRACT)


def feeds_only(store, book, fetcher, args) -> dict[str, float]:
    """Refreshes that find no new entry: all 304; all 200 with last time's bytes; all 200
    and parsed (as if every feed had changed, though no entry is new)."""
    from ingest.refresh import refresh

    def drop(digest: bool) -> None:
        for feed in book.all():
            kept = None if digest else feed.digest
            book.record_success(feed.url, title=None, etag=None, last_modified=None, digest=kept)

    run = lambda: refresh(store, book, fetcher)  # noqa: E731
    return {
        "feeds_304_s": median_wall(run, args.repeat),
        "feeds_200_same_bytes_s": median_wall(run, args.repeat, lambda: drop(False)),
        "feeds_200_parsed_s": median_wall(run, args.repeat, lambda: drop(True)),
    }


def child_cpu() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def run_child(cmd: list[str], **kwargs: object) -> tuple[float, float]:
    """Wall and CPU seconds of one command run to its end."""
    wall, cpu = time.perf_counter(), child_cpu()
    subprocess.run(cmd, check=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - wall, child_cpu() - cpu


def newsroom_commands(store_dir: Path, tmp: Path) -> dict[str, tuple[list[str], dict]]:
    """`newsroom refresh` (all 304), with its bytecode cached (in a directory of its own),
    as an installed newsroom has it; and without writing any (PYTHONDONTWRITEBYTECODE), as
    earlier versions of this bench ran it, so our modules were compiled on every run."""
    config = tmp / "config.toml"
    config.write_text("[fetch]\nallow_private = true\n")
    cmd = [sys.executable, "-c", "from tui.cli import main; main()"]
    cmd += ["refresh", "--db", str(store_dir)]
    plain = {k: v for k, v in os.environ.items() if k != "PYTHONPYCACHEPREFIX"}
    plain["NEWSROOM_CONFIG"] = str(config)
    uncached = plain | {"PYTHONDONTWRITEBYTECODE": "1"}
    env = {k: v for k, v in plain.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return {
        "cli": (cmd, {"env": env, "cwd": ROOT}),
        "cli_nopyc": (cmd, {"env": uncached, "cwd": ROOT}),
    }


def newsboat_command(bases: list[str], args, tmp: Path) -> tuple[list[str], Path] | None:
    """`newsboat -x reload` over the same feeds, 8 threads; None if it is not installed."""
    exe = shutil.which("newsboat")
    if exe is None:
        return None
    urls = tmp / "urls"
    urls.write_text("".join(f"{bases[f % len(bases)]}/f/{f}.xml\n" for f in range(args.feeds)))
    config = tmp / "config"
    config.write_text("reload-threads 8\n")
    cache = tmp / "cache.db"
    return [exe, "-u", str(urls), "-c", str(cache), "-C", str(config), "-x", "reload"], cache


def floor_commands(store_dir: Path, python: str) -> dict[str, tuple[list[str], dict]]:
    """The all-304 refresh on the bare transport (`refresh_floor.py`) run by `python`:
    http.client, and libcurl when that Python has pycurl (no dependency of newsroom). A
    Python whose venv holds an editable install starts ~15 ms slower (its import finder
    loads pathlib and importlib.util), so `--floor-python` can name a plain one."""
    cmd = [python, str(Path(__file__).with_name("refresh_floor.py")), str(store_dir)]
    runs = {"floor_stdlib": (cmd, {})}
    probe = subprocess.run([python, "-c", "import pycurl"], capture_output=True, check=False)
    if probe.returncode == 0:
        runs["floor_curl"] = ([*cmd, "--curl"], {})
    return runs


def commands(store_dir: Path, bases: list[str], args, tmp: Path) -> dict[str, float]:
    """The refresh command and newsboat's reload, all 304, taking turns `--command-runs`
    times (so both meet the same load): median and minimum wall and CPU of each; then
    newsboat with a fresh cache (every feed downloaded, parsed and stored)."""
    runs = newsroom_commands(store_dir, tmp)
    boat = newsboat_command(bases, args, tmp)
    if boat is not None:
        runs["newsboat"] = (boat[0], {})
    if args.floors:
        runs |= floor_commands(store_dir, args.floor_python)
    for cmd, kwargs in runs.values():
        run_child(cmd, **kwargs)  # untimed: seeds the store, writes bytecode, fills caches
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(args.command_runs):
        for name, (cmd, kwargs) in runs.items():
            times[name].append(run_child(cmd, **kwargs))
    report: dict[str, float] = {}
    for name, pairs in times.items():
        for kind, values in (("wall", [w for w, _ in pairs]), ("cpu", [c for _, c in pairs])):
            report[f"{name}_304_{kind}_s"] = statistics.median(values)
            report[f"{name}_304_{kind}_min_s"] = min(values)
    if boat is not None:
        cmd, cache = boat
        first = []
        for _ in range(args.repeat):
            cache.unlink()
            first.append(run_child(cmd)[0])
        report["newsboat_first_s"] = statistics.median(first)
    return report


def full_refresh(store, book, fetcher) -> dict[str, object]:
    from ingest.refresh import refresh

    main_cpu = time.process_time()
    full, wall, cpu = timed(lambda: refresh(store, book, fetcher))
    main_cpu = time.process_time() - main_cpu
    counts = {s: full.count(s) for s in ("added", "unchanged", "partial", "failed")}
    split = {"refresh_cpu_main_s": main_cpu, "refresh_cpu_workers_s": cpu - main_cpu}
    return {"pages": len(full.outcomes), **counts, "refresh_wall_s": wall, "refresh_cpu_s": cpu,
            **split, "load_after_refresh": os.getloadavg()[0]}  # fmt: skip


def measure(bases: list[str], paragraphs: list[int], probe: Path, args) -> dict[str, object]:
    from ingest.fetch import Fetcher, FetchSettings
    from storage.feeds import FeedBook
    from storage.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store", auto_backup=False)
        book = FeedBook(store)
        for f in range(args.feeds):
            book.add(f"{bases[f % len(bases)]}/f/{f}.xml")
        fetcher = Fetcher(FetchSettings(allow_private_addresses=True, total=args.threads))
        report = full_refresh(store, book, fetcher)
        if not args.command_only:
            report |= feeds_only(store, book, fetcher, args)
        report |= commands(Path(tmp) / "store", bases, args, Path(tmp))
    report["load_after_commands"] = os.getloadavg()[0]
    if args.command_only:
        return report
    report |= fresh_baseline(bases, probe, args)
    report["load_after_baseline"] = os.getloadavg()[0]
    bwall, bcpu, _ = baseline(bases, paragraphs, args)
    report |= {"baseline_prewarmed_wall_s": bwall, "baseline_prewarmed_cpu_s": bcpu}
    return report | {"pages_with_no_kept_paragraph": sum(p < 0 for p in paragraphs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8, help="FetchSettings.total")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each feeds-only case")
    parser.add_argument("--command-runs", type=int, default=15, help="turns of each command")
    parser.add_argument("--command-only", action="store_true", help="the commands alone")
    parser.add_argument("--floors", action="store_true", help="also time refresh_floor.py")
    parser.add_argument("--floor-python", default=sys.executable, help="the Python that runs it")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--paragraphs", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--bases", type=json.loads, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.sites, args.feeds, args.entries, json.loads(args.paragraphs.read_text()))
        return
    if args.baseline:
        warm_up()
        print(json.dumps(baseline(args.bases, json.loads(args.paragraphs.read_text()), args)))
        return
    paragraphs = probe_paragraphs(corpus_pages())
    with tempfile.NamedTemporaryFile("w", suffix=".json") as probe:
        probe.write(json.dumps(paragraphs))
        probe.flush()
        proc, bases = start_servers(args, Path(probe.name))
        warm_up()
        load = os.getloadavg()[0]
        try:
            report = {"load_at_start": load} | measure(bases, paragraphs, Path(probe.name), args)
        finally:
            assert proc.stdin is not None
            proc.stdin.close()
            proc.wait(10)
    report["pages_per_s"] = report["pages"] / report["refresh_wall_s"]
    if not args.command_only:
        report["ratio_wall"] = report["refresh_wall_s"] / report["baseline_wall_s"]
        report["ratio_cpu"] = report["refresh_cpu_s"] / report["baseline_cpu_s"]
        report["ratio_cpu_prewarmed"] = report["refresh_cpu_s"] / report["baseline_prewarmed_cpu_s"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
