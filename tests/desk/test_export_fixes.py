"""What the tester found in exports: `--tag` memos repeated items under tags nobody asked
for, and a bad output path came back as raw errno text naming an internal temp file. Real
store in a temp dir, through `newsroom export`."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.models import ArticleBody, ArticleMeta, ItemRef
from storage.store import Store
from tui.cli import main


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.open(tmp_path / "store")
    meta = ArticleMeta(
        id="",
        title="Harbour wall approved",
        url="https://coastnews.example/wall",
        site="coastnews.example",
        author="By Paul Takahashi; Staff writer",
        published="2024-05-02",
    )
    stored, _ = store.add_article(meta, ArticleBody("The council approved the wall."))
    store.tag(ItemRef(stored.id), "alpha", stored.title)
    store.tag(ItemRef(stored.id), "beta", stored.title)
    return store


def export(store: Store, *args: str) -> int:
    return main(["export", *args, "--db", str(store.root)])


def test_a_memo_of_one_tag_has_that_tags_section_only(store: Store, capsys) -> None:
    assert export(store, "--tag", "alpha") == 0
    memo = capsys.readouterr().out
    assert "## alpha" in memo and "## beta" not in memo
    assert memo.count("Harbour wall approved") == 1
    assert export(store) == 0  # without --tag: every tag's section, the item in each
    memo = capsys.readouterr().out
    assert "## alpha" in memo and "## beta" in memo
