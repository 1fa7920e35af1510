"""Issue 6.2: the N-th os.write / os.fsync / os.replace of a store write fails with ENOSPC or
EIO, for every N the write makes. The caller gets a StoreError naming the file, the store is
unchanged or wholly updated (both as this process sees it and after a reopen), no temporary
file is left, and the same write then succeeds.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from storage.errors import StoreError, StoreWriteError
from storage.models import ItemRef
from storage.store import Store
from tests.storage.helpers import article, copy_store, snapshot

Op = Callable[[Store, list[str]], Any]

OPS: dict[str, Op] = {
    "add": lambda s, ids: s.add_article(*article(100)),
    "bulk-add": lambda s, ids: s.add_articles([article(200 + i) for i in range(2)]),
    "tag": lambda s, ids: s.tag(ItemRef(ids[2]), "fresh"),
    "untag": lambda s, ids: s.untag(ItemRef(ids[0]), "follow-up"),
    "note": lambda s, ids: s.note(ItemRef(ids[3]), "a new note"),
    "delete": lambda s, ids: s.delete_article(ids[0]),
    "set-read": lambda s, ids: s.set_read(ids[4]),
    "replace": lambda s, ids: s.replace_article(s.meta(ids[5]), article(300)[1]),
}
CALLS = ("write", "fsync", "replace")


class Injected:
    """Counts calls of one os function and makes the `fail_at`-th raise `error`."""

    def __init__(self, name: str, error: int, fail_at: int | None) -> None:
        self.name, self.error, self.fail_at = name, error, fail_at
        self.real = getattr(os, name)
        self.calls = 0

    def __call__(self, *args: Any) -> Any:
        self.calls += 1
        if self.calls == self.fail_at:
            raise OSError(self.error, os.strerror(self.error))
        return self.real(*args)


@contextmanager
def injected(
    monkeypatch: pytest.MonkeyPatch, name: str, error: int, fail_at: int | None
) -> Iterator[Injected]:
    fault = Injected(name, error, fail_at)
    with monkeypatch.context() as patch:
        patch.setattr(os, name, fault)
        yield fault


def visible(store: Store) -> dict[str, Any]:
    """The snapshot without timestamps, which differ between two runs of the same write."""
    snap = snapshot(store)
    for doc in snap["articles"].values():  # type: ignore[union-attr]
        doc.pop("added")
    return snap


def fresh(template: Path, where: Path) -> tuple[Store, list[str]]:
    store = Store.open(copy_store(template, where), auto_backup=False)
    return store, [m.id for m in sorted(store.articles(), key=lambda m: m.url or "")]


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("op_name", list(OPS))
def test_every_failing_os_call_leaves_store_whole_and_usable(
    op_name: str, call: str, small_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    op = OPS[op_name]
    store, ids = fresh(small_template, tmp_path / "dry")
    before = visible(store)
    with injected(monkeypatch, call, errno.EIO, None) as counter:
        op(store, ids)
    after = visible(store)
    assert after != before and counter.calls >= 1
    for n in range(1, counter.calls + 1):
        error = (errno.ENOSPC, errno.EIO)[n % 2]  # both errors, without doubling the time
        where = tmp_path / f"{n}-{error}"
        _fail_once(op, call, error, n, small_template, where, monkeypatch, (before, after))
        _reopen_and_retry(where, op, before, after)


def _fail_once(
    op: Op,
    call: str,
    error: int,
    n: int,
    template: Path,
    where: Path,
    mp: pytest.MonkeyPatch,
    outcomes: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    """The failing write: a StoreWriteError with the OS reason, and a whole store."""
    store, ids = fresh(template, where)
    with injected(mp, call, error, n), pytest.raises(StoreError) as caught:
        op(store, ids)
    assert isinstance(caught.value, StoreWriteError)
    assert caught.value.errno == error
    assert os.strerror(error) in str(caught.value) and str(where) in str(caught.value)
    assert not list((where / "tmp").glob("*.tmp")), "a failed write left its temp file"
    assert whole(visible(store), *outcomes)  # as the process that failed sees it
    assert whole(visible(Store(where)), *outcomes)  # as another process sees it


def whole(current: dict[str, Any], before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Unchanged or updated; a bulk add may also stop between two articles, each whole."""
    if current in (before, after):
        return True
    arts, old, new = current["articles"], before["articles"], after["articles"]
    extra = set(arts) - set(old)
    return (
        set(old) <= set(arts) <= set(new)
        and all(arts[i] == new[i] and current["bodies"][i] == after["bodies"][i] for i in extra)
        and all(arts[i] == old[i] for i in old)
        and (current["tags"], current["notes"]) == (before["tags"], before["notes"])
    )


def _reopen_and_retry(where: Path, op: Op, before: dict[str, Any], after: dict[str, Any]) -> None:
    """After a reopen (which finishes a journalled delete) the write can be made again."""
    reopened = Store.open(where, auto_backup=False)
    assert whole(visible(reopened), before, after)
    if visible(reopened) != after:
        op(reopened, [m.id for m in sorted(reopened.articles(), key=lambda m: m.url or "")])
    assert visible(reopened) == after


def test_a_write_that_fails_is_reported_with_its_path(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = small_store.articles()[0].id  # listing saves its head: a replace of its own
    with injected(monkeypatch, "replace", errno.ENOSPC, 1), pytest.raises(StoreWriteError) as e:
        small_store.tag(ItemRef(first), "x")
    assert str(e.value).startswith(f"could not save {small_store.layout.tags_file}:")
    assert "No space left on device" in str(e.value)
