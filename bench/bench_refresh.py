"""Benchmark: a full feed refresh against loopback servers, versus trafilatura alone.

Setup: `--sites` HTTP servers on 127.0.0.1 (a separate process, so serving does not compete
with the refresh for our GIL) serve `--feeds` RSS feeds of `--entries` items each, linking to
real pages of the extraction benchmark, each copy given a distinct URL and an "Edition N"
sentence so every entry is a distinct article. We measure:

1. full refresh: `ingest.refresh.refresh` into an empty store (fetch, clean, quotes and
   figures, storing), wall and CPU time, pages/second;
2. baseline: `trafilatura.bare_extraction` (the options `ingest.clean` uses) over the same
   page bytes, one after another in this process: what extraction alone costs;
3. feeds only: a second refresh (every feed answers 304) and a third with the validators
   dropped (every feed downloaded and parsed, no new entries).

Usage: python bench/bench_refresh.py [--feeds 100] [--entries 20] [--sites 4]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
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


def page_bytes(pages: list[Path], feed: int, entry: int, entries: int, base: str) -> bytes:
    """The page of (feed, entry): deterministic, so the server and the baseline agree."""
    from tests.httpserver import page_html

    source = pages[(feed * entries + entry) % len(pages)]
    return page_html(source, f"{base}/p/{feed}/{entry}.html", edition=f"{feed}-{entry}")


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


def serve(sites: int, feeds: int, entries: int) -> None:
    """Run `sites` loopback servers; print their bases as JSON; serve until stdin closes."""
    from contextlib import ExitStack

    from tests.httpserver import Reply
    from tests.httpserver import serve as run

    pages = corpus_pages()
    with ExitStack() as stack:
        tables = [{} for _ in range(sites)]
        servers = [stack.enter_context(run(t)) for t in tables]  # type: ignore[arg-type]
        for site, server in enumerate(servers):
            tables[site].update(_routes(server.base, site, sites, pages, feeds, entries, Reply))
        print(json.dumps([s.base for s in servers]), flush=True)
        sys.stdin.read()


def _routes(base: str, site: int, sites: int, pages: list, feeds: int, entries: int, reply):
    cache: dict[str, bytes] = {}

    def page(q):  # /p/<feed>/<entry>.html
        _, _, feed, name = q.path.split("/")
        key = q.path
        if key not in cache:
            cache[key] = page_bytes(pages, int(feed), int(name[:-5]), entries, base)
        return reply(cache[key])

    def feed(q):  # /f/<feed>.xml, with ETag
        n = int(q.path.rsplit("/", 1)[-1][:-4])
        body, etag = feed_bytes(n, entries, base)
        if q.headers.get("if-none-match") == etag:
            return reply(status=304, content_type=None, headers={"ETag": etag})
        return reply(body, content_type="application/rss+xml", headers={"ETag": etag})

    return {"/p/": page, "/f/": feed}


# ------------------------------------------------------------------ measuring


def start_servers(args: argparse.Namespace) -> tuple[subprocess.Popen, list[str]]:
    cmd = [sys.executable, __file__, "--serve", "--sites", str(args.sites)]
    cmd += ["--feeds", str(args.feeds), "--entries", str(args.entries)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, json.loads(proc.stdout.readline())


def timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def baseline(bases: list[str], args: argparse.Namespace) -> tuple[float, float, int]:
    """trafilatura's extraction over the same bytes, sequentially, in this process."""
    import trafilatura

    pages = corpus_pages()
    bodies = [
        page_bytes(pages, f, e, args.entries, bases[f % len(bases)])
        for f in range(args.feeds)
        for e in range(args.entries)
    ]

    def run() -> int:
        ok = 0
        for body in bodies:
            doc = trafilatura.bare_extraction(
                body, with_metadata=True, include_comments=False, include_tables=False,
                deduplicate=False,
            )  # fmt: skip
            ok += bool(doc is not None and doc.text)
        return ok

    ok, wall, cpu = timed(run)
    return wall, cpu, ok


def warm_up() -> None:
    """One extraction before timing anything: trafilatura's first call loads stoplists and
    modules (about 1 s), which must not be charged to whichever side runs first."""
    import trafilatura

    trafilatura.bare_extraction(gzip.decompress(corpus_pages()[0].read_bytes()), with_metadata=True)


def newsboat(bases: list[str], args: argparse.Namespace, tmp: Path) -> dict[str, float]:
    """`newsboat -x reload` over the same feeds: first run downloads, second is conditional."""
    exe = shutil.which("newsboat")
    if exe is None:
        return {}
    urls = tmp / "urls"
    urls.write_text("".join(f"{bases[f % len(bases)]}/f/{f}.xml\n" for f in range(args.feeds)))
    config = tmp / "config"
    config.write_text("reload-threads 8\n")
    cmd = [exe, "-u", str(urls), "-c", str(tmp / "cache.db"), "-C", str(config), "-x", "reload"]
    out: dict[str, float] = {}
    for name in ("newsboat_first_s", "newsboat_again_s"):
        _, out[name], _ = timed(lambda: subprocess.run(cmd, check=True, capture_output=True))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8, help="FetchSettings.total")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.sites, args.feeds, args.entries)
        return
    from ingest.fetch import Fetcher, FetchSettings
    from ingest.refresh import refresh
    from storage.feeds import FeedBook
    from storage.store import Store

    proc, bases = start_servers(args)
    warm_up()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp) / "store", auto_backup=False)
            book = FeedBook(store)
            for f in range(args.feeds):
                book.add(f"{bases[f % len(bases)]}/f/{f}.xml")
            fetcher = Fetcher(FetchSettings(allow_private_addresses=True, total=args.threads))
            full, wall, cpu = timed(lambda: refresh(store, book, fetcher))
            report = {"pages": len(full.outcomes), "headline": full.headline()}
            report |= {"refresh_wall_s": wall, "refresh_cpu_s": cpu}
            _, w304, _ = timed(lambda: refresh(store, book, fetcher))
            for feed in book.all():
                book.record_success(feed.url, title=None, etag=None, last_modified=None)
            _, wparse, _ = timed(lambda: refresh(store, book, fetcher))
            report |= {"feeds_304_s": w304, "feeds_parsed_s": wparse}
            report |= newsboat(bases, args, Path(tmp))
        bwall, bcpu, ok = baseline(bases, args)
        report |= {"baseline_wall_s": bwall, "baseline_cpu_s": bcpu, "baseline_ok": ok}
    finally:
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait(10)
    report["pages_per_s"] = report["pages"] / report["refresh_wall_s"]
    report["ratio_wall"] = report["refresh_wall_s"] / report["baseline_wall_s"]
    report["ratio_cpu"] = report["refresh_cpu_s"] / report["baseline_cpu_s"]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
