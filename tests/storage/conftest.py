"""Storage fixtures: every store lives under tmp_path; the large ones are built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.store import Store
from tests.storage.helpers import copy_store, fill

BIG_STORE_MB = 20


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "store", auto_backup=False)


@pytest.fixture(scope="session")
def small_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight articles, two tags, a note: enough for fault and corruption tests."""
    root = tmp_path_factory.mktemp("small") / "store"
    store = Store.open(root, auto_backup=False)
    ids = fill(store, 8)
    from storage.models import ItemRef

    store.tag(ItemRef(ids[0]), "follow-up")
    store.tag(ItemRef(ids[1]), "verify")
    store.note(ItemRef(ids[0]), "call the mayor")
    return root


@pytest.fixture
def small_store(small_template: Path, tmp_path: Path) -> Store:
    return Store.open(copy_store(small_template, tmp_path / "store"), auto_backup=False)


@pytest.fixture(scope="session")
def big_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of at least 20 MB (bodies and metadata), built once per test session."""
    root = tmp_path_factory.mktemp("big") / "store"
    store = Store.open(root, auto_backup=False)
    fill(store, 3200, paragraphs=17)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    assert size >= BIG_STORE_MB * 1024 * 1024, size
    return root
