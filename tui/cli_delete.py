"""`newsroom delete`: remove articles with their tags and notes, refusing annotated ones
unless asked, since a tag or a note is the user's own work and the web can't give it back."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tui.safe_text import clean_line
from tui.wording import annotations_phrase


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    p = sub.add_parser("delete", parents=[db], help="delete articles with their tags and notes")
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids (a unique prefix is enough)")
    p.add_argument(
        "--yes", action="store_true", help="also delete articles that carry tags or notes"
    )
    p.set_defaults(handler=cmd_delete)


def cmd_delete(args: argparse.Namespace) -> int:
    from storage.errors import ArticleNotFound
    from tui.cli import open_store

    store = open_store(args)
    try:  # every id is found before any article goes
        ids = list(dict.fromkeys(store.resolve(i) for i in args.ids))
    except ArticleNotFound as exc:
        print(f"newsroom: error: {exc}; nothing deleted", file=sys.stderr)
        return 1
    kept = 0
    for article_id in ids:
        meta = store.meta(article_id)
        tags = sum(len(names) for names in store.tags_for(article_id).values())
        notes = len(store.notes_for(article_id))
        title = clean_line(meta.title, 70)
        carried = annotations_phrase(tags, notes)
        if carried and not args.yes:
            them = "it" if tags + notes == 1 else "them"
            print(f"{article_id}  kept: {carried} (--yes deletes {them}): {title}")
            kept += 1
            continue
        store.delete_article(article_id)
        extra = f" with {carried}" if carried else ""
        print(f"{article_id}  deleted{extra}: {title}")
    print(f"{len(ids) - kept} deleted, {kept} kept")
    return 1 if kept else 0
