"""What the tester found in exports: the stored byline where the reader shows a tidy one,
`--tag` memos that repeated items under tags nobody asked for, and a bad output path that came
back as raw errno text naming an internal temp file. Real store in a temp dir, through the
`newsroom` commands."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from desk.export import ExportError, write_export
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


def test_an_existing_folder_as_the_file_is_named_plainly(
    store: Store, tmp_path: Path, capsys
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    for args in (["-o", str(folder)], ["-o", str(folder), "--force"]):
        assert export(store, *args) == 1
        err = capsys.readouterr().err
        assert err == f"newsroom: error: {folder} is a folder: give a file name\n"
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "exports",
        "store",
    ]


def test_a_missing_folder_is_named_not_the_temp_file(store: Store, tmp_path: Path, capsys) -> None:
    target = tmp_path / "missing" / "x.md"
    assert export(store, "-o", str(target)) == 1
    err = capsys.readouterr().err
    assert err == f"newsroom: error: No such folder: {target.parent}\n"
    assert ".tmp" not in err and "Errno" not in err


def test_write_export_explains_what_it_meets(tmp_path: Path) -> None:
    """The same one-line reasons from the function the app's worker calls."""
    with pytest.raises(ExportError, match=r"^No such folder: .*/missing$"):
        write_export(tmp_path / "missing" / "x.md", "text")
    with pytest.raises(ExportError, match=r" is a folder: give a file name$"):
        write_export(tmp_path, "text", replace=True)
    (tmp_path / "file").write_text("")
    with pytest.raises(ExportError, match=r"^Not a folder: .*/file$"):
        write_export(tmp_path / "file" / "x.md", "text")


def test_memo_csv_and_listings_give_the_byline_the_reader_shows(store: Store, capsys) -> None:
    """The tester's memo said "by Paul Takahashi; Staff writer" where the header said
    "by Paul Takahashi"."""
    assert export(store) == 0
    memo = capsys.readouterr().out
    assert "coastnews.example, by Paul Takahashi, 2024-05-02" in memo
    assert "Staff writer" not in memo and "By " not in memo
    assert export(store, "--format", "csv") == 0
    [row] = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert row["author"] == "Paul Takahashi"
    assert main(["list", "--json", "--db", str(store.root)]) == 0
    [doc] = json.loads(capsys.readouterr().out)
    assert doc["author"] == "By Paul Takahashi; Staff writer"  # as stored: what a backup holds
    assert doc["byline"] == "Paul Takahashi"
    assert main(["show", doc["id"], "--db", str(store.root)]) == 0
    assert f"id {doc['id']} · coastnews.example · by Paul Takahashi · 2024-05-02\n" in (
        capsys.readouterr().out
    )
