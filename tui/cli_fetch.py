"""CLI commands that reach the network: add URLs, refetch, feeds, refresh, discover.

The work itself is in `ingest` (fetch, refresh, discover); this module parses arguments,
shows a Rich progress bar on stderr while a batch runs, and prints one line per article and
a summary: how many were added, unchanged, partial and failed, and why each failed.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.safe_text import clean, clean_line
from tui.wording import plural

if TYPE_CHECKING:
    from ingest.batch import Progress, Summary
    from ingest.fetch import Fetcher
    from storage.feeds import FeedBook
    from storage.store import Store


COMMANDS = frozenset({"refetch", "refresh", "discover", "feeds"})  # what `register` adds


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    p = sub.add_parser("refetch", parents=[db], help="fetch an article's URL again")
    p.add_argument("id", help="article id (a unique prefix is enough)")
    p.set_defaults(handler=cmd_refetch)

    p = sub.add_parser("refresh", parents=[db], help="fetch every feed and store new articles")
    p.set_defaults(handler=cmd_refresh)

    p = sub.add_parser("discover", parents=[db], help="find the feeds of a page's site")
    p.add_argument("url")
    p.add_argument("--subscribe", metavar="N", help="subscribe to feeds N[,M...] (as listed)")
    p.add_argument("--add", metavar="N", help="add articles N[,M...] (as listed)")
    p.set_defaults(handler=cmd_discover)

    feeds = sub.add_parser("feeds", parents=[db], help="manage feed subscriptions")
    fsub = feeds.add_subparsers(dest="feeds_command", metavar="ACTION", required=True)
    p = fsub.add_parser("add", parents=[db], help="subscribe to a feed")
    p.add_argument("url")
    p.set_defaults(handler=cmd_feeds_add)
    p = fsub.add_parser("list", parents=[db], help="list feeds and their status")
    p.set_defaults(handler=cmd_feeds_list)
    p = fsub.add_parser("remove", parents=[db], help="unsubscribe (by URL or list number)")
    p.add_argument("feed", metavar="URL|N")
    p.set_defaults(handler=cmd_feeds_remove)
    p = fsub.add_parser("import", parents=[db], help="subscribe to the feeds of an OPML file")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_feeds_import)
    p = fsub.add_parser("export", parents=[db], help="write subscriptions as OPML")
    p.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    p.set_defaults(handler=cmd_feeds_export)


# ------------------------------------------------------------------ shared


def _store(args: argparse.Namespace) -> Store:
    from tui.cli import open_store

    return open_store(args)


def _fetcher() -> Fetcher:
    from ingest.fetch import Fetcher, FetchSettings

    return Fetcher(FetchSettings.from_config())


def _book(store: Store) -> FeedBook:
    from storage.feeds import FeedBook

    return FeedBook(store)


def _err(line: str) -> None:
    print(clean(line), file=sys.stderr)


def _no_progress(event: Progress) -> None:
    return None


def _stderr_is_plain() -> bool:
    """True when Rich would find stderr no terminal (so draw no bar): not a tty, and none
    of the variables with which Rich is told otherwise (TTY_COMPATIBLE, FORCE_COLOR)."""
    if "TTY_COMPATIBLE" in os.environ or "FORCE_COLOR" in os.environ:
        return False
    try:
        return not sys.stderr.isatty()
    except (AttributeError, ValueError):  # no stream, or a closed one
        return True


@contextmanager
def progress_bar() -> Iterator[Callable[[Progress], None]]:
    """A Rich progress bar on stderr, one task per phase; silent when stderr is no terminal.
    Silent costs nothing: Rich (~50 ms to import) is not imported then, which is most of
    `newsroom refresh` run from cron or a script when every feed is unchanged."""
    if _stderr_is_plain():
        yield _no_progress
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
    from rich.progress import Progress as Bar

    console = Console(stderr=True)
    columns = (TextColumn("{task.description:<9}"), BarColumn(), MofNCompleteColumn())
    with Bar(
        *columns, TimeElapsedColumn(), console=console, disable=not console.is_terminal
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(event: Progress) -> None:
            if event.phase not in tasks:
                tasks[event.phase] = bar.add_task(event.phase, total=event.total)
            bar.update(tasks[event.phase], completed=event.done, total=event.total)

        yield update


def _report(summary: Summary) -> int:
    """One line per article, the summary line, then why each failure happened."""
    for o in summary.outcomes:
        if o.status != "failed":
            print(f"{o.article_id}  {o.status}: {clean_line(o.title or o.url, 100)}")
    print(summary.headline())
    for line in summary.problems():
        _err(f"newsroom: {line}")
    return 0 if summary.ok else 1


# ------------------------------------------------------------------ articles


def add_urls(store: Store, urls: list[str]) -> int:
    """`newsroom add URL...`: fetch, clean, analyse and store each page."""
    from ingest.add import add_urls as run

    fetcher = _fetcher()
    with progress_bar() as progress:
        summary = run(store, fetcher, urls, progress)
    return _report(summary)


def cmd_refetch(args: argparse.Namespace) -> int:
    from ingest.add import refetch

    store = _store(args)
    outcome = refetch(store, _fetcher(), store.resolve(args.id))
    if outcome.status == "failed":
        _err(f"newsroom: error: {outcome.article_id}: {outcome.reason}")
        return 1
    print(f"{outcome.article_id}  {outcome.status}: {clean_line(outcome.title, 100)}")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    from ingest.refresh import refresh

    store = _store(args)
    book = _book(store)
    feeds = book.all()
    if not feeds:
        _err("newsroom: no feeds (add one with `newsroom feeds add URL` or `newsroom discover`)")
        return 0
    with progress_bar() as progress:
        summary = refresh(store, book, _fetcher(), progress, feeds=feeds)
    return _report(summary)


# ------------------------------------------------------------------ feeds


def cmd_feeds_add(args: argparse.Namespace) -> int:
    """Subscribe after checking the URL really serves a feed (and learning its title)."""
    from ingest.feeds import FeedError, fetch_feed
    from ingest.fetch import FetchError
    from storage.feeds import Feed

    book = _book(_store(args))
    try:
        result = fetch_feed(_fetcher(), Feed(url=args.url))
    except (FetchError, FeedError) as exc:
        _err(f"newsroom: error: not subscribed: {exc}")
        return 1
    title = result.parsed.title if result.parsed else ""
    feed, created = book.add(args.url, title)
    verb = "subscribed to" if created else "already subscribed to"
    print(f"{verb} {clean_line(feed.title or feed.url, 80)} ({clean(feed.url)})")
    return 0


def cmd_feeds_list(args: argparse.Namespace) -> int:
    feeds = _book(_store(args)).all()
    for n, f in enumerate(feeds, 1):
        status = f"ok {f.last_success[:16]}" if f.last_success else "never fetched"
        if f.last_error:
            status = f"failing ×{f.error_count}: {f.last_error}"
        print(f"{n:>3}. {clean_line(f.title or '-', 40)}  {clean(f.url)}\n     {clean(status)}")
    if not feeds:
        _err("no feeds")
    return 0


def cmd_feeds_remove(args: argparse.Namespace) -> int:
    from tui.cli import UserError

    book = _book(_store(args))
    feeds = book.all()
    url = args.feed
    if url.isdigit():
        if not 1 <= int(url) <= len(feeds):
            raise UserError(f"no feed number {url} (1-{len(feeds)})")
        url = feeds[int(url) - 1].url
    if not book.remove(url):
        raise UserError(f"not subscribed to {url}")
    print(f"unsubscribed from {clean(url)}")
    return 0


def cmd_feeds_import(args: argparse.Namespace) -> int:
    from ingest.opml import OpmlError, parse_opml
    from tui.cli import UserError

    try:
        outlines, skipped = parse_opml(args.file.read_bytes())
    except OpmlError as exc:
        raise UserError(f"{args.file}: {exc}") from exc
    book = _book(_store(args))
    added = sum(book.add(o.url, o.title)[1] for o in outlines)
    print(
        f"{plural(added, 'feed')} added, {len(outlines) - added} already subscribed, "
        f"{len(skipped)} skipped"
    )
    for line in skipped:
        _err(f"newsroom: skipped {line}")
    return 0


def cmd_feeds_export(args: argparse.Namespace) -> int:
    from ingest.opml import Outline, to_opml

    feeds = _book(_store(args)).all()
    text = to_opml([Outline(f.url, f.title) for f in feeds])
    if args.output:
        args.output.write_text(text, encoding="utf-8")
        print(f"{plural(len(feeds), 'feed')} written to {args.output}")
    else:
        sys.stdout.write(text)
    return 0


# ------------------------------------------------------------------ discover


def _numbers(spec: str | None, limit: int, what: str) -> list[int]:
    from tui.cli import UserError

    if not spec:
        return []
    try:
        numbers = [int(part) for part in spec.split(",") if part.strip()]
    except ValueError as exc:
        raise UserError(f"--{what} takes numbers like 1,3") from exc
    bad = [n for n in numbers if not 1 <= n <= limit]
    if bad:
        raise UserError(f"no {what} number {bad[0]} (1-{limit})")
    return numbers


def cmd_discover(args: argparse.Namespace) -> int:
    from ingest.discover import discover
    from ingest.fetch import FetchError
    from tui.cli import UserError

    store = _store(args)
    fetcher = _fetcher()
    try:
        found = discover(fetcher, args.url)
    except FetchError as exc:
        raise UserError(str(exc)) from exc
    _print_discovery(found)
    entries = found.entries()
    feeds = [found.feeds[n - 1] for n in _numbers(args.subscribe, len(found.feeds), "subscribe")]
    chosen = [entries[n - 1].url for n in _numbers(args.add, len(entries), "add")]
    for feed in feeds:
        created = _book(store).add(feed.url, feed.title)[1]
        print(f"{'subscribed to' if created else 'already subscribed to'} {clean(feed.url)}")
    return add_urls(store, chosen) if chosen else 0


def _print_discovery(found: Any) -> None:
    if not found.feeds:
        print(f"no feeds found for {clean(found.page_url)}")
        return
    number = 0
    for n, feed in enumerate(found.feeds, 1):
        print(f"[{n}] {clean_line(feed.title, 80)}  {clean(feed.url)}")
        if feed.error:
            print(f"      (unreadable: {clean(feed.error)})")
        for entry in feed.entries:
            number += 1
            print(f"    {number:>3}. {clean_line(entry.title or entry.url, 90)}")
