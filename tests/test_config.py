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


def test_a_dotted_id_needs_no_quotes(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nlist.toggle-read = "x"\n"fetch.refresh" = "ctrl+r"\n')
    keymap = ui_settings(read_config(path))["keymap"]
    assert keymap == {"list.toggle-read": "x", "fetch.refresh": "ctrl+r"}


def test_broken_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\nquit = ")
    with pytest.raises(ValueError, match=str(path)):
        read_config(path)
    with pytest.raises(ValueError, match=r"\[keys\] quit must be a string"):
        ui_settings({"keys": {"quit": 3}})


def test_theme_picked_in_the_app_is_remembered_unless_config_sets_one(tmp_path: Path) -> None:
    from storage.config import read_ui_state, save_ui_state

    state = tmp_path / "state.json"
    assert read_ui_state(state) == {}
    save_ui_state({"theme": "dracula"}, state)
    assert ui_settings({}, state=read_ui_state(state))["theme"] == "dracula"
    assert ui_settings({"ui": {"theme": "nord"}}, state=read_ui_state(state))["theme"] == "nord"
    state.write_text("{broken")
    assert read_ui_state(state) == {}
