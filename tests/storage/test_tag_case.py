"""Tags differing only in case are one tag: a new name is folded to lower case (`Verify` is
`verify`), `tag:` and `--tag` match in any case, and a mixed-case name an older version
stored still shows, matches and can be removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from desk.search import search
from storage.models import ItemRef
from storage.store import Store, known_tag, same_tag
from tests.storage.helpers import store_older_tags
from tui.annotation_index import AnnotationIndex
from tui.cli import main
from tui.item_names import title_name


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "store")
    cli(capsys, "list", "--db", path)  # imports the seeds
    return path


def test_a_new_tag_in_another_case_is_the_same_tag(db: str, capsys) -> None:
    first = Store.open(Path(db)).articles()[0]
    title = title_name(first.title)
    assert cli(capsys, "tag", first.id, "verify", "--db", db) == (
        0,
        f"tagged article “{title}” #verify\n",
    )
    assert cli(capsys, "tag", first.id, "Verify", "--db", db) == (
        0,
        f"already tagged article “{title}” #verify\n",
    )
    assert [t.tag for t in Store.open(Path(db)).tags()] == ["verify"]


def test_an_older_mixed_case_tag_shows_matches_and_is_removed(db: str, capsys) -> None:
    store = Store.open(Path(db))
    first = store.articles()[0]
    store_older_tags(store, ItemRef(first.id), ("Verify", "Réunion"))
    assert cli(capsys, "tag", first.id, "verify", "--db", db)[1].startswith("already tagged")
    for typed in ("réunion", "Réunion", "RÉUNION", "#Réunion"):
        assert [h.meta.id for h in search(store, f"tag:{typed}")] == [first.id], typed
        assert [m.id for m in store.articles(tag=typed)] == [first.id], typed
    code, out = cli(capsys, "list", "--tag", "réunion", "--json", "--db", db)
    assert code == 0 and first.id in out
    code, out = cli(capsys, "export", "--tag", "verify", "--db", db)
    assert code == 0 and "## Verify" in out  # as stored
    code, out = cli(capsys, "tag", first.id, "réunion", "--remove", "--db", db)
    assert (code, out.split(" from ")[0]) == (0, "removed #Réunion")
    assert [t.tag for t in Store.open(Path(db)).tags()] == ["Verify"]


def test_known_tag_finds_the_stored_spelling() -> None:
    assert known_tag("bad!tag", ["Bad!Tag"]) == "Bad!Tag"
    assert known_tag("#Verify", ["Verify", "verify"]) == "verify"
    assert known_tag("Court case", ["Court Case"]) == "Court Case"
    assert same_tag("Réunion", "réunion") and not same_tag("Réunion", "reunion")
    with pytest.raises(ValueError, match="not '/'"):
        known_tag("A/B", ["x/y"])


def test_the_app_index_treats_spellings_as_one_tag() -> None:
    index, ref = AnnotationIndex(), ItemRef("a1")
    index.tags = {"a1": {"": {"Verify"}}}
    index.set_tag(ref, "verify", True)  # the store said it already had it
    assert index.item_tags(ref) == {"Verify"}
    index.set_tag(ref, "verify", False)
    assert index.item_tags(ref) == set()
