"""The app and the CLI update one search index: each keeps working after the other wrote it.

The app keeps one `SearchIndex` for the session (`desk.search.index_for`); a `newsroom`
command is another process with its own store object and a fresh index object. These tests
run both against one store directory, in the order a user did: search in the app, add and
search from the CLI, search in the app again.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desk.search import search
from ingest.pipeline import add_file
from storage.models import ItemRef
from storage.search_index import SearchIndex
from storage.store import Store
from tests.seed import import_first_seed


@pytest.fixture
def root(tmp_path: Path) -> Path:
    import_first_seed(Store.open(tmp_path / "store"))
    return tmp_path / "store"


def cli_add(root: Path, tmp_path: Path, text: str) -> str:
    """What `newsroom add` does: its own store object writes the article."""
    path = tmp_path / f"{abs(hash(text))}.txt"
    path.write_text(text)
    return add_file(Store.open(root), path).meta.id


def cli_search(root: Path, text: str) -> list[str]:
    """What `newsroom search` does: a new process, so a new index object."""
    return [h.meta.id for h in search(Store.open(root), text, SearchIndex(root / "search.sqlite"))]


def rows(root: Path) -> tuple[int, int, int]:
    """Rows of `indexed`, of the FTS table, and distinct ids in it (equal when consistent)."""
    with closing(sqlite3.connect(root / "search.sqlite")) as conn:
        (indexed,) = conn.execute("SELECT count(*) FROM indexed").fetchone()
        fts, ids = conn.execute("SELECT count(*), count(DISTINCT id) FROM fts").fetchone()
    return indexed, fts, ids


def test_the_app_searches_after_the_cli_added_and_indexed_an_article(
    root: Path, tmp_path: Path
) -> None:
    app_store, app_index = Store.open(root), SearchIndex(root / "search.sqlite")
    assert len(search(app_store, "Mistral", app_index)) == 1

    added = cli_add(root, tmp_path, "The council's budget for roads rose by $4m, said Jane Doe.\n")
    assert cli_search(root, "budget") == [added]

    # Was: "search index … is unavailable (UNIQUE constraint failed: indexed.id)", for
    # every query after, until the app restarted.
    assert [h.meta.id for h in search(app_store, "budget", app_index)] == [added]
    assert len(search(app_store, "Mistral", app_index)) == 1
    assert rows(root) == (2, 2, 2)

    again = cli_add(root, tmp_path, "A second budget: the school's, $2m, said Tom Reyes.\n")
    assert set(cli_search(root, "budget")) == {added, again}
    assert {h.meta.id for h in search(app_store, "budget", app_index)} == {added, again}
    assert rows(root) == (3, 3, 3)


def test_a_note_the_cli_wrote_and_removed_stops_matching_in_the_app(
    root: Path, tmp_path: Path
) -> None:
    """The app's remembered versions match the store again after the CLI indexed a note
    and then removed it: the index, not the app's memory of it, decides what to redo."""
    app_store, app_index = Store.open(root), SearchIndex(root / "search.sqlite")
    [seed] = app_store.articles()
    assert search(app_store, "zanzibar", app_index) == []

    Store.open(root).note(ItemRef(seed.id), "Zanzibar: call the press office")
    assert cli_search(root, "zanzibar") == [seed.id]
    Store.open(root).note(ItemRef(seed.id), "")

    assert search(app_store, "zanzibar", app_index) == []
    assert cli_search(root, "zanzibar") == []


def test_an_article_the_cli_deleted_and_added_again_is_found_once(
    root: Path, tmp_path: Path
) -> None:
    text = "The harbour budget was cut by $3m, said Ann Lee.\n"
    app_store, app_index = Store.open(root), SearchIndex(root / "search.sqlite")
    added = cli_add(root, tmp_path, text)
    assert [h.meta.id for h in search(app_store, "harbour", app_index)] == [added]

    Store.open(root).delete_article(added)
    assert cli_search(root, "harbour") == []
    assert cli_add(root, tmp_path, text) == added
    assert cli_search(root, "harbour") == [added]

    assert [h.meta.id for h in search(app_store, "harbour", app_index)] == [added]
    assert rows(root) == (2, 2, 2)


def test_an_index_written_without_a_writer_token_still_takes_upserts(
    root: Path, tmp_path: Path
) -> None:
    """A process of the version before (no token) may have written the index: the app's
    memory of it is then wrong, and re-indexing an article it already holds must still
    replace its rows rather than fail or leave a second copy."""
    app_store, app_index = Store.open(root), SearchIndex(root / "search.sqlite")
    assert len(search(app_store, "Mistral", app_index)) == 1
    added = cli_add(root, tmp_path, "The port's budget rose by $4m, said Jane Doe.\n")
    assert cli_search(root, "budget") == [added]
    with closing(sqlite3.connect(root / "search.sqlite")) as conn, conn:
        conn.execute("DELETE FROM writer")  # as if no process had signed its writes
    app_index._token = None  # so the app takes its memory, from before them, as current

    assert [h.meta.id for h in search(app_store, "budget", app_index)] == [added]
    assert rows(root) == (2, 2, 2)
