"""The `newsroom` command: with no subcommand it opens the app, otherwise it runs one command.

Commands that open no window never import textual, so they start fast. Every failure the
user can cause ends as one line on stderr and exit status 1, never a traceback; a usage
error is argparse's: the usage, then the error, and exit status 2, as README says.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from storage.errors import StoreCorrupt, StoreError
from storage.paths import resolve_store_dir
from storage.store import Store

Handler = Callable[[argparse.Namespace], int]
PROG = "newsroom"
RESTORE_HINT = "See `newsroom backups`; `newsroom restore` puts back the newest readable copy"


class UserError(ValueError):
    """A problem to report in one line, e.g. a bad argument combination.

    A ValueError, so `main` reports it even when run as `python -m tui.cli`, where the
    handlers' `tui.cli.UserError` is not `__main__.UserError`."""


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns`, without importing shutil (with bz2 and lzma,
    ~5 ms): argparse's formatter asks for it whenever an argument is added."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, as wide as the terminal, as argparse's own would be."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width=None
    ) -> None:
        width = _terminal_columns() - 2 if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser with `_Formatter`; its subcommands' parsers are `_Parser`s too."""

    def __init__(self, *args: Any, formatter_class: Any = _Formatter, **kwargs: Any) -> None:
        super().__init__(*args, formatter_class=formatter_class, **kwargs)


class _SubParser(_Parser):
    """A subcommand's parser, which refuses an unknown option itself: argparse hands what a
    subparser does not know back to the top parser, whose error showed the top-level usage
    (`newsroom list --bogus`), not the command's as README says."""

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def _db_parent() -> argparse.ArgumentParser:
    """`--db` is accepted before or after the subcommand."""
    parent = _Parser(add_help=False)
    parent.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="store directory (default: $NEWSROOM_DB, else the user data dir)",
    )
    return parent


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line. For a network command in `argv` (`newsroom refresh`, often run
    from cron) only the network commands are registered, which spares importing the other
    commands' modules; usage lines and errors read the same (they never list commands)."""
    from tui import cli_fetch

    db = _db_parent()
    parser = _Parser(
        prog=PROG,
        description="A terminal newsroom reader. With no command, opens the app.",
        parents=[db],
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=_VersionAction.HELP)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_SubParser)
    if _command_in(sys.argv[1:] if argv is None else argv) in cli_fetch.COMMANDS:
        cli_fetch.register(sub, db)
        return parser
    from tui import cli_articles, cli_backup, cli_delete, cli_desk

    for module in (cli_articles, cli_delete, cli_fetch, cli_desk, cli_backup):
        module.register(sub, db)
    return parser


def _command_in(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names, if only `--db` comes before it (else None: `-h` there
    lists every command, so the whole parser is needed)."""
    tokens = iter(argv)
    for token in tokens:
        if token == "--db":
            next(tokens, None)
        elif not token.startswith("--db="):
            return None if token.startswith("-") else token
    return None


class _VersionAction(argparse.Action):
    """argparse's "version" action, but the version is looked up only when asked for:
    importlib.metadata costs ~20 ms, and every command would pay it to build the parser."""

    HELP = "show program's version number and exit"

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(f"{PROG} {_version()}")
        parser.exit()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(PROG)
    except PackageNotFoundError:
        return "unknown"


def open_store(args: argparse.Namespace, *, seed: bool = True, auto_backup: bool = True) -> Store:
    """The store named by --db / NEWSROOM_DB / the default, seeded on first run.

    A restore passes `seed=False`: a backup brings its own articles, and the samples must not
    reappear in a store whose owner had deleted them.
    """
    store = Store.open(resolve_store_dir(getattr(args, "db", None)), auto_backup=auto_backup)
    if store.seeded() or not store.is_empty():
        return store  # checked here: importing the seed loader loads the analysers (~0.2 s)
    if seed:
        from ingest.pipeline import import_seeds

        import_seeds(store)
    else:
        store.mark_seeded()
    return store


def run_app(args: argparse.Namespace) -> int:
    from storage.config import read_config, read_ui_state, ui_settings
    from storage.paths import config_file

    settings = ui_settings(read_config(), str(config_file()), read_ui_state())
    settings["remember_theme"] = True
    store = open_store(args, auto_backup=False)  # the app takes the daily backup in a worker
    from tui.app import make_app

    make_app(store, settings=settings).run()
    return 0


def fail(message: str) -> int:
    from tui.safe_text import clean

    print(f"{PROG}: error: {clean(message)}", file=sys.stderr)
    return 1


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so flushing it at exit does not fail on the closed pipe
    again (the recipe of Python's own signal documentation)."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler: Handler = getattr(args, "handler", run_app)
    try:
        return handler(args)
    except BrokenPipeError:  # `newsroom list | head`: the reader has all it wanted
        _quiet_stdout()
        return 0
    except StoreCorrupt as exc:
        return fail(f"{exc}. {RESTORE_HINT}")
    except (StoreError, UserError, OSError, ValueError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
