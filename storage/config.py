"""The user's config.toml, read in one place: `[ui]` theme, `[keys]` remaps, `[fetch]` policy.

A missing file means defaults; an unreadable one is an error naming the file, never ignored,
so a typo in a key binding does not silently do nothing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from storage.paths import config_file


def read_config(path: Path | None = None) -> dict[str, Any]:
    """The parsed config file, or {} if there is none."""
    path = path or config_file()
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(f"cannot read config {path}: {exc}") from exc


def ui_settings(config: dict[str, Any], where: str = "config") -> dict[str, Any]:
    """What the app takes from the config: {"theme": str, "keymap": {binding id: keys}}."""
    ui = config.get("ui", {})
    keys = config.get("keys", {})
    if not isinstance(ui, dict) or not isinstance(keys, dict):
        raise ValueError(f"{where}: [ui] and [keys] must be tables")
    bad = [k for k, v in keys.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f'{where}: [keys] {bad[0]} must be a string such as "ctrl+q"')
    settings: dict[str, Any] = {"keymap": dict(keys)}
    if isinstance(ui.get("theme"), str):
        settings["theme"] = ui["theme"]
    return settings
