"""CLI commands of the follow-up desk: export tagged items, back up and restore a store."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk.export import FORMATS, ExportError, render, target_problem, write_export
from storage.store import known_tag
from tui.wording import plural

if TYPE_CHECKING:
    from desk.search import Hit
    from storage.store import Store


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export",
        parents=[db],
        help="export tagged items (md, csv) or all articles, tags and notes (json)",
    )
    p.add_argument("--tag", help="only items with this tag (md and csv)")
    p.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        help="md memo, csv rows, or json: all articles, tags and notes (no feeds, no saved views)",
    )
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "search", parents=[db], help="search titles, bodies, quotes, speakers and notes"
    )
    p.add_argument("query", nargs="+", help='words, "phrases", tag:T speaker:S site:S kind:K ...')
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("import-json", parents=[db], help="restore a JSON backup into the store")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_import_json)


def cmd_export(args: argparse.Namespace) -> int:
    from tui.cli import open_store
    from tui.safe_text import clean

    if args.output is not None and (problem := target_problem(args.output)):
        raise ExportError(problem)  # before rendering it all for nothing
    if args.output is not None and not args.force and os.path.lexists(args.output):
        raise FileExistsError(f"{args.output} exists; use --force to replace it")
    store = open_store(args)
    tag = None if args.tag is None else known_tag(args.tag, store.tag_names())
    text = render(store, args.format, tag)
    if args.output is None:
        sys.stdout.write(text if not sys.stdout.isatty() else clean(text, multiline=True))
        return 0
    try:
        write_export(args.output, text, replace=args.force)
    except FileExistsError:  # it appeared while the export was rendered
        raise FileExistsError(f"{args.output} exists; use --force to replace it") from None
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from desk.backup import restore
    from tui.cli import open_store

    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ValueError(f"{args.file}: not valid JSON ({exc})") from exc
    counts = restore(open_store(args, seed=False), data)
    print(
        f"restored {plural(counts.added, 'article')} ({counts.unchanged} already there), "
        f"{plural(counts.tags, 'tag')}, {plural(counts.notes, 'note')}"
    )
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from desk.search import search
    from tui.cli import open_store
    from tui.safe_text import clean

    store = open_store(args)
    hits = search(store, " ".join(args.query))
    if args.json:
        docs = [
            {
                "id": h.meta.id,
                "title": h.meta.title,
                "quotes": [{"n": n, **q.to_doc()} for n, q in h.quotes],
                "figures": [{"n": n, **f.to_doc()} for n, f in h.figures],
                "notes": h.notes,
            }
            for h in hits
        ]
        json.dump(docs, sys.stdout, ensure_ascii=sys.stdout.isatty(), indent=2)
        sys.stdout.write("\n")
        return 0
    for h in hits:
        print(clean(f"{h.meta.id}  {h.meta.title}"))
        _print_notes(store, h)
        for n, q in h.quotes:
            print(clean(f"    q{n}  {q.speaker or '(unattributed)'}: “{q.text}”"))
        for n, f in h.figures:
            print(clean(f"    f{n}  {f.text}  ({f.kind})  {f.sentence}"))
    if not hits:
        print("no matches", file=sys.stderr)
    return 0


def _print_notes(store: Store, hit: Hit) -> None:
    """The hit's notes, one on an item named "quote by X, “First words…” [q3]": the quote as
    the user knows it and the number the listing and `tag --quote` use, not its store key."""
    from storage.models import ItemRef
    from tui.item_names import item_name
    from tui.safe_text import clean

    article = store.get(hit.meta.id) if any(hit.notes) else None
    for key, note in hit.notes.items():
        ref = ItemRef(hit.meta.id, key)
        on = f" on {item_name(article, ref, numbered=True)}" if key and article else ""
        print(clean(f"    note{on}: {note}"))
