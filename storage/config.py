"""The user's config.toml, read in one place: `[ui]` theme, `[keys]` remaps, `[fetch]` policy.

A missing file means defaults; an unreadable one is an error naming the file, never ignored,
so a typo in a key binding does not silently do nothing.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from storage.jsonfile import write_json_atomic
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


def state_file() -> Path:
    """Choices the app remembers by itself (the theme), beside config.toml, which it never
    rewrites: the user's comments and layout there stay theirs."""
    return config_file().with_name("state.json")


def read_ui_state(path: Path | None = None) -> dict[str, Any]:
    """The remembered choices; a missing or damaged file only means none are remembered."""
    try:
        data = json.loads((path or state_file()).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_ui_state(changes: dict[str, Any], path: Path | None = None) -> None:
    """Merge `changes` into the remembered choices, atomically."""
    path = path or state_file()
    write_json_atomic(path, {**read_ui_state(path), **changes}, path.parent)


def _dotted(table: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"list": {"toggle-read": "x"}} -> {"list.toggle-read": "x"}: binding ids hold dots,
    which TOML reads as nested tables unless the id is quoted."""
    flat: dict[str, Any] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_dotted(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def ui_settings(
    config: dict[str, Any], where: str = "config", state: dict[str, Any] | None = None
) -> dict[str, Any]:
    """What the app takes from the config: {"theme": str, "keymap": {binding id: keys}}.

    A theme set in config.toml wins; otherwise the one the user last picked in the app.
    """
    ui = config.get("ui", {})
    keys = config.get("keys", {})
    if not isinstance(ui, dict) or not isinstance(keys, dict):
        raise ValueError(f"{where}: [ui] and [keys] must be tables")
    keys = _dotted(keys)  # `list.toggle-read = "x"` unquoted is a table in TOML
    bad = [k for k, v in keys.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f'{where}: [keys] {bad[0]} must be a string such as "ctrl+q"')
    settings: dict[str, Any] = {"keymap": dict(keys)}
    theme = ui.get("theme", (state or {}).get("theme"))
    if isinstance(theme, str):
        settings["theme"] = theme
    return settings
