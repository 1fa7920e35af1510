"""The UI boundary: storage and ingest never load textual, so CLI commands start fast."""

import subprocess
import sys


def _loaded_modules(code: str) -> set[str]:
    probe = code + "\nimport sys; print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_storage_and_ingest_do_not_import_textual() -> None:
    modules = _loaded_modules(
        "import storage.store, storage.models, ingest.pipeline, ingest.analyse, ingest.plaintext"
    )
    assert "storage.store" in modules and "ingest.pipeline" in modules
    assert not any(m == "textual" or m.startswith("textual.") for m in modules)


def test_storage_imports_nothing_else_of_ours() -> None:
    modules = _loaded_modules("import storage.store, storage.seeds, storage.paths")
    assert not any(m.split(".")[0] in {"ingest", "tui"} for m in modules)


def test_cli_commands_that_open_no_window_do_not_import_textual(tmp_path) -> None:
    modules = _loaded_modules(
        f"from tui.cli import main; main(['list', '--db', {str(tmp_path / 's')!r}])"
    )
    assert "tui.cli_articles" in modules
    assert "textual" not in modules
