"""Exports never replace a file unasked, and get the mode of any new file: `write_export` and
`newsroom export -o FILE [--force]` on a real store in a temp dir."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desk.export import first_free, write_export
from storage.store import Store
from tests.seed import import_first_seed
from tui.cli import main


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    import_first_seed(store)
    return store


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def export(store: Store, *args: str) -> int:
    return main(["export", *args, "--db", str(store.root)])


def test_cli_export_refuses_to_replace_an_existing_file(
    store: Store, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "existing.md"
    target.write_text("my notes\n")
    assert export(store, "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert err == f"newsroom: error: {target} exists; use --force to replace it\n"
    assert target.read_text() == "my notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.md", "store"]


def test_cli_export_force_replaces_and_keeps_the_mode(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "existing.md"
    target.write_text("my notes\n")
    target.chmod(0o640)
    assert export(store, "-o", str(target), "--force") == 0
    assert target.read_text().startswith("# Follow-up memo")
    assert mode(target) == 0o640


def test_cli_export_refuses_a_symlink_even_dangling(store: Store, tmp_path: Path) -> None:
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    assert export(store, "-o", str(link)) == 1
    assert link.is_symlink() and not (tmp_path / "nowhere.md").exists()


@pytest.mark.usefixtures("umask_022")
def test_cli_export_new_file_gets_the_umask_mode(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    assert export(store, "-o", str(target)) == 0
    assert mode(target) == 0o644
    os.umask(0o002)
    other = tmp_path / "rows.csv"
    assert export(store, "--format", "csv", "-o", str(other)) == 0
    assert mode(other) == 0o664


def test_write_export_keeps_a_file_that_appeared(tmp_path: Path) -> None:
    target = tmp_path / "memo.md"
    target.write_text("someone else's\n")
    with pytest.raises(FileExistsError):
        write_export(target, "new\n")
    assert target.read_text() == "someone else's\n"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]  # no temp file left


def test_write_export_next_free_takes_the_next_number(tmp_path: Path) -> None:
    base = tmp_path / "newsroom-export-2026-01-02.md"
    base.write_text("first\n")
    (tmp_path / "newsroom-export-2026-01-02-2.md").write_text("second\n")
    assert first_free(base) == tmp_path / "newsroom-export-2026-01-02-3.md"
    written = write_export(base, "third\n", next_free=True)
    assert written == tmp_path / "newsroom-export-2026-01-02-3.md"
    assert written.read_text() == "third\n" and base.read_text() == "first\n"


def test_write_export_without_hard_links_still_creates_exclusively(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_022: None
) -> None:
    def no_links(*_: object) -> None:
        raise PermissionError(1, "Operation not permitted")  # as on FAT or some shares

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "memo.md"
    assert write_export(target, "new\n") == target
    assert target.read_text() == "new\n" and mode(target) == 0o644
    with pytest.raises(FileExistsError):
        write_export(target, "again\n")
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["memo.md"]


def test_cli_help_does_not_call_the_json_a_full_backup(capsys) -> None:
    for argv in (["--help"], ["export", "--help"]):
        with pytest.raises(SystemExit):
            main(argv)
        help_text = " ".join(capsys.readouterr().out.split())
        assert "full backup" not in help_text
        assert "all articles, tags and notes" in help_text
    assert "(no feeds, no saved views)" in help_text
