"""The app at scale, measured on the real app (headless): start-up, opening, scrolling, memory.

    python bench/make_store.py          # builds bench/stores/store-{1000,10000,50000}
    python bench/bench_app.py [--runs 5] [--sizes 0 1000 10000 50000]

Each run is a new process: start-up is measured from before the process is spawned to the
moment the article list has drawn its rows (the child says so on stdout), so interpreter
start, imports, opening the store and reading 50,000 metadata records all count. In the
same child: opening an article (press enter until reader, quotes and figures panes are
in one frame), scrolling the list (page down x 50, then end), and the peak RSS with the list
shown. Keys are sent as the terminal driver sends them and timed to the frame they cause.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
STORES = HERE / "stores"


async def _until(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + timeout
    while not predicate():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.002)


async def child(store_dir: Path, expected: int) -> None:
    """Runs in the measured process: start the app, report each milestone as JSON lines.

    The list counts as drawn at the first frame handed to the driver with the list sized
    and titled for all `expected` articles: its first page may come from the store's
    listing head while the rest is still being read. The opens and scrolls wait for every
    row."""
    from storage.store import Store
    from tui.app import make_app
    from tui.widgets import ArticleList

    store = Store.open(store_dir)
    app = make_app(store)
    listed: list[float] = []
    display = app._display

    def _display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        display(screen, renderable)
        if renderable is not None and not listed:
            found = screen.query(ArticleList)
            if found and found.first().total == expected:
                listed.append(time.time())

    app._display = _display
    async with app.run_test(size=(160, 50)) as pilot:
        articles = app.screen.query_one(ArticleList)
        await _until(lambda: bool(listed))
        print(json.dumps({"listed": listed[0]}), flush=True)
        await _until(lambda: articles.row_count == expected)
        await pilot.pause()
        result: dict[str, float] = {"all_rows": time.time(), "rss_listed_mb": _rss_mb()}
        if expected:
            result.update(await _open_and_scroll(app, pilot, articles, expected))
        result["rss_peak_mb"] = _rss_mb()
        print(json.dumps(result), flush=True)
    store.articles()  # as `NewsroomApp.run` does when the app quits: the next start's head


async def _open_and_scroll(app, pilot, articles, expected: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Open articles and scroll the list as a user would, timed to the frames drawn.

    `open_ms` runs from the key to the first frame drawn after the article reached the
    widgets (reader, header and both panes are updated together, so that frame has them
    all), enter pressed right after a page down (nothing read ahead, and the page down's
    frame still to draw); `open_idle_cold_ms` enter after a page down has been drawn, with
    everything read ahead dropped (the open itself, its store read included);
    `open_next_ms` enter right after moving to the next row (read ahead as the open
    article's neighbour); `open_rested_ms` enter after the cursor rested 0.4 s on a row;
    `open_settled_ms` to the last frame within 300 ms after it (the read mark on the list
    row, and any second layout pass). Medians over five articles each."""
    frames = _record_frames(app)
    screen = app.screen
    shown = _record_shown(screen)
    opens: dict[str, list[float]] = {"next": [], "far": [], "rested": [], "cold": []}
    settled = []
    articles.focus()
    await pilot.pause()
    for run in range(20):
        kind = ("next", "far", "rested", "cold")[run % 4]
        _key(app, "pagedown" if kind in ("far", "cold") else "down")
        await asyncio.sleep(0.4 if kind in ("rested", "cold") else 0)
        if kind == "cold":
            screen._ahead.clear()
        count = len(shown)
        t0 = time.perf_counter()
        _key(app, "enter")
        await _until(lambda c=count: len(shown) > c)
        loaded = shown[-1]  # the widgets hold the article from here on
        await _until(lambda t=loaded: bool(frames) and frames[-1] > t)
        opens[kind].append((frames[-1] - t0) * 1000)
        await asyncio.sleep(0.3)
        settled.append((frames[-1] - t0) * 1000)
        articles.focus()
        await pilot.pause()
    articles.focus()
    await pilot.pause()
    keys = ["pagedown"] * 50 + ["end"]
    t0, pressed = time.perf_counter(), 0
    for key in keys:
        if articles.cursor == expected - 1:
            break  # a small store ends before fifty pages
        sent, cursor = time.perf_counter(), articles.cursor
        _key(app, key)
        pressed += 1
        await _until(lambda c=cursor, t=sent: articles.cursor != c and frames[-1] > t)
    scroll_key_ms = (time.perf_counter() - t0) * 1000 / max(pressed, 1)
    await pilot.pause()
    return {
        "open_ms": statistics.median(opens["far"]),
        "open_next_ms": statistics.median(opens["next"]),
        "open_rested_ms": statistics.median(opens["rested"]),
        "open_idle_cold_ms": statistics.median(opens["cold"]),
        "open_settled_ms": statistics.median(settled),
        "scroll_key_ms": scroll_key_ms,
        "cursor_at_end": float(articles.cursor == expected - 1),
    }


def _record_frames(app) -> list[float]:  # type: ignore[no-untyped-def]
    """Times at which the app handed a screen update to its driver (headless drivers
    drop the bytes, but everything up to writing them has been done)."""
    frames: list[float] = []
    display = app._display

    def _display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if renderable is not None:
            frames.append(time.perf_counter())
        display(screen, renderable)

    app._display = _display
    return frames


def _record_shown(screen) -> list[float]:  # type: ignore[no-untyped-def]
    """Times at which an opened article had been put into the widgets. Taken there, not
    by polling: the frame that draws it can come before a poll notices the change, and an
    article already read causes no later frame (its list row does not change)."""
    shown: list[float] = []
    show = screen._show_article

    def _show(message) -> None:  # type: ignore[no-untyped-def]
        show(message)
        shown.append(time.perf_counter())

    screen._show_article = _show
    return shown


def _key(app, key: str) -> None:  # type: ignore[no-untyped-def]
    """Send a key as the terminal driver would; Pilot's press also waits for the whole
    process to go idle (worker threads included), which is not what a user waits for."""
    from textual import events

    event = events.Key(key, None)
    event.set_sender(app)
    app._driver.send_message(event)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_once(store_dir: Path, size: int) -> dict[str, float]:
    """One fresh process on a copy-free store; returns its milestones."""
    started = time.time()
    proc = subprocess.run(
        [sys.executable, __file__, "--child", str(store_dir), "--expected", str(size)],
        capture_output=True, text=True, check=True, timeout=600,
    )  # fmt: skip
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    result = {"start_s": lines[0]["listed"] - started}
    result.update(lines[1])
    result["all_rows_s"] = result.pop("all_rows") - started
    return result


def _store_for(size: int, tmp: Path) -> Path:
    if size == 0:
        return tmp / "empty"
    path = STORES / f"store-{size}"
    if not path.is_dir():
        raise SystemExit(f"{path} is missing: run bench/make_store.py first")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000, 50000])
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--expected", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        asyncio.run(child(args.child, args.expected))
        return
    tmp = Path(tempfile.mkdtemp())
    try:
        stores = {size: _store_for(size, tmp) for size in args.sizes}
        _list_once(stores.values())
        table = _median_runs(stores, args.runs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _print_table(table)


def _list_once(store_dirs: Iterable[Path]) -> None:
    """List each store as a session's end does (`NewsroomApp.run`, and each run's child
    after its opens), so that the first run finds a current listing head too."""
    from storage.store import Store

    for store_dir in store_dirs:
        if store_dir.is_dir():
            Store.open(store_dir).articles()


def _median_runs(stores: dict[int, Path], runs: int) -> dict[int, dict[str, float]]:
    """Medians per size; the sizes take turns run by run, so a machine that slows down or
    speeds up during the benchmark moves every size alike (the start-up ratio stays fair)."""
    results: dict[int, list[dict[str, float]]] = {size: [] for size in stores}
    for _ in range(runs):
        for size, store_dir in stores.items():
            results[size].append(run_once(store_dir, size))
    return {
        size: {key: statistics.median(r[key] for r in rs) for key in rs[0]}
        for size, rs in results.items()
    }


def _print_table(table: dict[int, dict[str, float]]) -> None:
    rows = [
        ("start to list drawn (s)", "start_s", "{:.2f}"),
        ("start to every row read, app idle (s)", "all_rows_s", "{:.2f}"),
        ("open an article, first frame, cold: page down + enter (ms)", "open_ms", "{:.0f}"),
        (
            "open cold after the page down was drawn, nothing read ahead (ms)",
            "open_idle_cold_ms",
            "{:.0f}",
        ),
        ("open the next article: down + enter (ms)", "open_next_ms", "{:.0f}"),
        ("open after the cursor rested on the row (ms)", "open_rested_ms", "{:.0f}"),
        ("open an article, settled (ms)", "open_settled_ms", "{:.0f}"),
        ("one scroll key, 50 pages + end (ms)", "scroll_key_ms", "{:.1f}"),
        ("RSS with the list shown (MB)", "rss_listed_mb", "{:.0f}"),
        ("peak RSS (MB)", "rss_peak_mb", "{:.0f}"),
    ]
    sizes = list(table)
    print("| measure | " + " | ".join(f"{s:,} articles" for s in sizes) + " |")
    print("| --- |" + " ---: |" * len(sizes))
    for label, key, fmt in rows:
        cells = [fmt.format(table[s][key]) if key in table[s] else "-" for s in sizes]
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
