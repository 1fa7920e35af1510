"""Where the store lives: `--db` beats NEWSROOM_DB beats the platform's per-user data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage import paths


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(paths.ENV_DB, raising=False)
    monkeypatch.delenv(paths.ENV_CONFIG, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


def test_default_is_the_platform_data_dir(tmp_path: Path) -> None:
    assert paths.default_store_dir() == tmp_path / "data" / "newsroom" / "store"
    assert paths.resolve_store_dir() == tmp_path / "data" / "newsroom" / "store"


def test_environment_overrides_the_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.ENV_DB, str(tmp_path / "env-store"))
    assert paths.resolve_store_dir() == tmp_path / "env-store"
    assert paths.resolve_store_dir("") == tmp_path / "env-store"


def test_command_line_overrides_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(paths.ENV_DB, str(tmp_path / "env-store"))
    assert paths.resolve_store_dir(tmp_path / "cli-store") == tmp_path / "cli-store"


def test_tilde_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(paths.ENV_DB, "~/news")
    assert paths.resolve_store_dir() == tmp_path / "home" / "news"
    assert paths.resolve_store_dir("~/other") == tmp_path / "home" / "other"


def test_config_file_default_and_override(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert paths.config_file() == tmp_path / "config" / "newsroom" / "config.toml"
    monkeypatch.setenv(paths.ENV_CONFIG, str(tmp_path / "my.toml"))
    assert paths.config_file() == tmp_path / "my.toml"
