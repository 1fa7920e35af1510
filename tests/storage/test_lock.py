"""The store lock: flock on store.lock, re-entrant per thread, exclusive between threads,
processes and filelock (which older newsroom versions lock with), never kept alive by a
forked child; and importing the store loads neither filelock nor platformdirs."""

from __future__ import annotations

import errno
import fcntl
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from storage.errors import StoreLocked
from storage.files import StoreLock

REPO = Path(__file__).resolve().parents[2]


def try_in_thread(lock: StoreLock) -> str:
    """What another thread gets when it asks for `lock`."""
    outcome: list[str] = []

    def attempt() -> None:
        try:
            with lock.held():
                outcome.append("acquired")
        except StoreLocked:
            outcome.append("locked")

    thread = threading.Thread(target=attempt)
    thread.start()
    thread.join()
    return outcome[0]


def test_reentrant_in_a_thread_exclusive_between_threads(tmp_path: Path) -> None:
    lock = StoreLock(tmp_path / "store.lock", timeout=0.2)
    with lock.held():
        with lock.held():
            assert try_in_thread(lock) == "locked"
        assert try_in_thread(lock) == "locked"
    assert try_in_thread(lock) == "acquired"


def test_excludes_filelock_both_ways(tmp_path: Path) -> None:
    path = tmp_path / "store.lock"
    other = FileLock(str(path), timeout=0.1)
    with other:
        assert try_in_thread(StoreLock(path, timeout=0.2)) == "locked"
    with StoreLock(path).held(), pytest.raises(Timeout):
        FileLock(str(path), timeout=0.1).acquire()
    assert path.exists()  # the lock file stays, as filelock leaves it


def test_a_store_folder_not_made_yet_is_made(tmp_path: Path) -> None:
    with StoreLock(tmp_path / "new" / "store.lock").held():
        assert (tmp_path / "new" / "store.lock").exists()


def test_a_forked_child_does_not_keep_the_parents_lock(tmp_path: Path) -> None:
    lock = StoreLock(tmp_path / "store.lock", timeout=0.5)
    with lock.held():
        pid = os.fork()
        if pid == 0:  # the child outlives the parent's hold, doing nothing
            time.sleep(3)
            os._exit(0)
    try:
        started = time.monotonic()
        assert try_in_thread(lock) == "acquired"
        assert time.monotonic() - started < 0.5
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)


def test_falls_back_to_filelock_where_flock_is_unsupported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_flock(fd: int, operation: int) -> None:
        raise OSError(errno.ENOSYS, os.strerror(errno.ENOSYS))

    monkeypatch.setattr(fcntl, "flock", no_flock)
    path = tmp_path / "store.lock"
    lock = StoreLock(path, timeout=0.2)
    with pytest.warns(UserWarning, match="falling back to SoftFileLock"), lock.held():
        with lock.held():
            assert type(lock._fallback).__name__ == "SoftFileLock" and path.exists()
        assert try_in_thread(lock) == "locked"
    assert not path.exists()  # a soft lock is the file's existence
    assert try_in_thread(lock) == "acquired"


def test_importing_the_store_loads_no_lock_or_dirs_library() -> None:
    probe = "import storage.store, storage.paths, sys; print(sorted(sys.modules))"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
    )
    loaded = set(eval(out.stdout))  # a printed list of module names
    assert {"filelock", "platformdirs", "logging", "tinydb", "shutil"} & loaded == set()
