"""CLI commands for the store's automatic backups: list them, and restore from one.

These work on a store that `Store.open` refuses as corrupt: that is when they are needed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from storage.paths import resolve_store_dir
from storage.store import Store
from tui.wording import plural


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    p = sub.add_parser("backups", parents=[db], help="list the store's automatic backups")
    p.set_defaults(handler=cmd_backups)
    p = sub.add_parser("restore", parents=[db], help="restore unreadable store files from a backup")
    p.add_argument("number", nargs="?", type=int, default=1, help="backup number (1 = newest)")
    p.add_argument(
        "--everything", action="store_true", help="restore every file, not only unreadable ones"
    )
    p.set_defaults(handler=cmd_restore)


def _unopened(args: argparse.Namespace) -> Store:
    return Store(resolve_store_dir(getattr(args, "db", None)))


def cmd_backups(args: argparse.Namespace) -> int:
    backups = _unopened(args).backups()
    for n, backup in enumerate(backups, 1):
        print(f"{n:>3}. {backup}")
    if not backups:
        print("no backups yet (one is taken each day the store is opened)", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from tui.cli import UserError

    store = _unopened(args)
    backups = store.backups()
    if not 1 <= args.number <= len(backups):
        raise UserError(f"no backup number {args.number} (there are {len(backups)})")
    backup = backups[args.number - 1]
    restored = store.restore(backup, everything=args.everything)
    if not restored:
        print(f"nothing to restore: every store file is readable (backup {backup})")
        return 0
    print(
        f"restored {plural(len(restored), 'file')} from backup {backup}; the replaced files are in "
        f"{store.root / 'quarantine'}"
    )
    return 0
