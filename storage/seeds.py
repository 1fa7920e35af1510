"""Where the bundled sample articles are: the `seeds` package, installed with newsroom."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

SEED_SUFFIXES = (".txt", ".html")


def seed_paths() -> list[Path]:
    """The sample article files, in a stable order."""
    folder = resources.files("seeds")
    found = [
        Path(str(entry))
        for entry in folder.iterdir()
        if entry.is_file() and entry.name.endswith(SEED_SUFFIXES)
    ]
    return sorted(found, key=lambda p: p.name)
