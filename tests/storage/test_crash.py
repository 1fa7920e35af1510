"""Issue 2 and 6.1: SIGKILL a writer at random moments, 100 times, on a 20 MB store.

After every kill the store opens, every write the child logged as returned is there, the
write in flight is wholly there or absent, and no temporary file is left behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage.store import Store
from tests.storage.crashcheck import crash_loop
from tests.storage.helpers import copy_store

KILLS = int(os.environ.get("NEWSROOM_CRASH_KILLS", "100"))


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_sigkill_during_mixed_writes_loses_nothing(big_template: Path, tmp_path: Path) -> None:
    root = copy_store(big_template, tmp_path / "store")
    writes = crash_loop(root, tmp_path, KILLS)
    assert writes >= KILLS  # the children really were writing when killed
    store = Store.open(root, auto_backup=False)
    assert store.count() > 3000


def test_temp_files_of_a_killed_writer_are_removed_on_open(store: Store) -> None:
    leftover = store.layout.tmp_dir / ".tags.json.123.0.tmp"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b'{"tags": {')
    reopened = Store.open(store.root, auto_backup=False)
    assert not leftover.exists()
    assert reopened.tags() == []
