"""Tag names: one normalising rule for the store, the tag prompt and `newsroom tag`; what the
CLI prints is what the store holds; older `#name` records can still be removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.annotations import TAGS
from storage.models import ItemRef
from storage.store import Store, normalise_tag
from tests.storage.helpers import fill
from tui.cli import main
from tui.item_names import title_name


def test_a_leading_hash_is_dropped() -> None:
    assert normalise_tag("#Verify") == "verify"
    assert normalise_tag("##verify") == "verify"
    assert normalise_tag("# two  words") == "two-words"
    assert normalise_tag("-old") == "old"


@pytest.mark.parametrize("bad", ["", "   ", "#", "---", "- # -"])
def test_nothing_but_hash_and_dash_is_not_a_tag(bad: str) -> None:
    with pytest.raises(ValueError, match="a tag"):
        normalise_tag(bad)


def test_store_keeps_the_tag_without_its_hash(store: Store) -> None:
    (article,) = fill(store, 1)
    assert store.tag(ItemRef(article), "#Verify")
    assert [t.tag for t in store.tags()] == ["verify"]
    assert not store.tag(ItemRef(article), "VERIFY")


def test_untag_removes_a_tag_stored_with_its_hash_by_an_older_version(store: Store) -> None:
    (article,) = fill(store, 1)
    store.tag(ItemRef(article), "verify")
    raw = json.loads(store.layout.tags_file.read_text())
    (doc,) = raw[TAGS].values()
    doc["tag"] = "#verify"  # as stored before leading '#' was dropped
    store.layout.tags_file.write_text(json.dumps(raw))
    assert [t.tag for t in store.tags()] == ["#verify"]
    assert store.untag(ItemRef(article), "#verify")
    assert store.tags() == []


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("y" * 300, "y" * 64), ("two words", "two-words"), ("#Verify", "verify")],
)
def test_cli_prints_the_tag_it_stored(
    typed: str, stored: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store")
    cli(capsys, "list", "--db", db)
    first = Store.open(Path(db)).articles()[0]
    article, title = first.id, title_name(first.title)
    code, out, _ = cli(capsys, "tag", article, typed, "--db", db)
    assert code == 0 and out.strip() == f"tagged article “{title}” #{stored}"
    assert [t.tag for t in Store.open(Path(db)).tags()] == [stored]
    code, out, _ = cli(capsys, "tag", article, typed, "--remove", "--db", db)
    assert code == 0 and out.strip() == f"removed #{stored} from article “{title}”"
    assert Store.open(Path(db)).tags() == []


def test_cli_refuses_a_tag_of_only_hashes_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "store")
    cli(capsys, "list", "--db", db)
    article = Store.open(Path(db)).articles()[0].id
    code, out, err = cli(capsys, "tag", article, "##", "--db", db)
    assert code == 1 and out == ""
    assert err.strip() == "newsroom: error: a tag needs more than '#' and '-'"
