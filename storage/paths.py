"""Where the store lives: one place decides, so tests can point everything at a temp dir."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "newsroom"
ENV_DB = "NEWSROOM_DB"
ENV_CONFIG = "NEWSROOM_CONFIG"


def default_store_dir() -> Path:
    """The per-user data dir, e.g. ~/.local/share/newsroom/store on Linux."""
    from platformdirs import user_data_dir  # imported only when no --db or NEWSROOM_DB: ~5 ms

    return Path(user_data_dir(APP_NAME, appauthor=False)) / "store"


def resolve_store_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db` wins over `NEWSROOM_DB`, which wins over the platform default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get(ENV_DB)
    if env:
        return Path(env).expanduser()
    return default_store_dir()


def config_file() -> Path:
    """The user's config.toml (keys, URL policy); `NEWSROOM_CONFIG` overrides it."""
    env = os.environ.get(ENV_CONFIG)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"
