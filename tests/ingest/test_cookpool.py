"""The batch's process pool: workers forked warm from a forkserver that stops with the pool."""

from __future__ import annotations

import sys
import time
from multiprocessing import forkserver
from pathlib import Path

import pytest

from ingest import cookpool
from ingest.cookpool import CookPool


def _worker_state() -> tuple[bool, float]:
    loaded = {"trafilatura", "ingest.analyse", "ingest.pages"} <= set(sys.modules)
    return loaded, time.process_time()


def test_small_stages_cook_in_threads() -> None:
    with CookPool() as pool:
        assert pool.executor(cookpool.PROCESS_MIN - 1) is None
    assert forkserver._forkserver._forkserver_pid is None


def test_workers_are_forked_warm_and_the_forkserver_stops_with_the_pool() -> None:
    with CookPool(workers=2) as pool:
        executor = pool.executor(cookpool.PROCESS_MIN)
        assert executor is not None
        states = [executor.submit(_worker_state).result() for _ in range(4)]
        assert forkserver._forkserver._forkserver_pid is not None
    assert all(loaded for loaded, _ in states)
    # importing trafilatura and the analysers and warming up costs a worker ~1 s of CPU;
    # forked from the warm server, it has spent next to none
    assert max(cpu for _, cpu in states) < 0.3
    assert forkserver._forkserver._forkserver_pid is None  # stopped: no warm server idles


def test_two_pools_share_one_forkserver_until_both_close() -> None:
    with CookPool(workers=1) as first:
        assert first.executor(cookpool.PROCESS_MIN).submit(_worker_state).result()[0]
        with CookPool(workers=1) as second:
            assert second.executor(cookpool.PROCESS_MIN).submit(_worker_state).result()[0]
        assert forkserver._forkserver._forkserver_pid is not None
        assert first.executor(cookpool.PROCESS_MIN).submit(_worker_state).result()[0]
    assert forkserver._forkserver._forkserver_pid is None


def test_a_module_in_the_working_directory_that_would_shadow_ours_means_spawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forkserver puts the working directory first on its sys.path (and on 3.11 never
    takes ours): there, a `storage/` package would stand in for newsroom's in every worker."""
    (tmp_path / "storage").mkdir()
    (tmp_path / "storage" / "__init__.py").write_text("raise ImportError('not ours')\n")
    monkeypatch.chdir(tmp_path)
    with CookPool(workers=1) as pool:
        executor = pool.executor(cookpool.PROCESS_MIN)
        assert executor is not None and not pool._forkserver
        assert executor.submit(_worker_state).result()[0]  # spawned with our sys.path
    assert forkserver._forkserver._forkserver_pid is None
