"""CLI commands that reach the network: add URLs, refetch, feeds, refresh, discover."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, db: argparse.ArgumentParser) -> None:
    """No network commands yet."""


def add_urls(store: Any, urls: list[str]) -> int:
    from tui.cli import UserError

    raise UserError("adding from a URL is not available yet: save the page and add the file")
