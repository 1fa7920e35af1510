"""config.toml: remapped keys and theme reach the app; a broken file is an error naming it."""

from pathlib import Path

import pytest

from storage.config import read_config, ui_settings


def test_missing_config_means_defaults(tmp_path: Path) -> None:
    assert read_config(tmp_path / "none.toml") == {}
    assert ui_settings({}) == {"keymap": {}}


def test_keys_and_theme_are_read(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[ui]\ntheme = "nord"\n[keys]\nquit = "ctrl+q"\n')
    assert ui_settings(read_config(path)) == {"theme": "nord", "keymap": {"quit": "ctrl+q"}}


def test_broken_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\nquit = ")
    with pytest.raises(ValueError, match=str(path)):
        read_config(path)
    with pytest.raises(ValueError, match=r"\[keys\] quit must be a string"):
        ui_settings({"keys": {"quit": 3}})
