"""Saved views: a named search (`tag:verify unread`) the article list can be narrowed to.

They live in `<store root>/views.json` (TinyDB, table "views"), apart from tags and
articles: a handful of records that change when the user saves one. Writes hold the store
lock like every other write; reads go through the store's stat-checked cache, so a view
saved by another process shows up too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import Query

from storage.annotations import now_iso
from storage.files import open_table_db
from storage.jsonfile import is_table_file
from storage.store import Store

VIEWS = "views"
NAME_MAX = 64
QUERY_MAX = 1000


@dataclass(frozen=True, slots=True)
class SavedView:
    """A named search query, e.g. ("to check", "tag:verify unread")."""

    name: str
    query: str
    added: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {"name": self.name, "query": self.query, "added": self.added}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> SavedView:
        return cls(str(doc["name"]), str(doc["query"]), str(doc.get("added", "")))


def _parse_views(data: dict[str, dict[str, Any]]) -> list[SavedView]:
    return [SavedView.from_doc(doc) for doc in data.get(VIEWS, {}).values()]


def normalise_name(name: str) -> str:
    """A view's name: printable, one line, trimmed; never empty."""
    cleaned = " ".join("".join(ch for ch in name if ch.isprintable()).split())
    if not cleaned:
        raise ValueError("a view needs a name")
    return cleaned[:NAME_MAX]


class SavedViews:
    """The saved views of one store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def path(self) -> Path:
        return self.store.root / "views.json"

    def all(self) -> list[SavedView]:
        """Every saved view, by name."""
        views = self.store._cache.get(self.path, _parse_views, is_table_file) or []
        return sorted(views, key=lambda v: v.name.lower())

    def get(self, name: str) -> SavedView | None:
        return next((v for v in self.all() if v.name == name), None)

    def save(self, name: str, query: str) -> SavedView:
        """Save (or replace) the view `name`."""
        query = " ".join(query.split())
        if not query:
            raise ValueError("a view needs a search query")
        view = SavedView(normalise_name(name), query[:QUERY_MAX], now_iso())
        with self.store._writing(), self._db() as db:
            db.table(VIEWS).upsert(view.to_doc(), Query().name == view.name)
        return view

    def remove(self, name: str) -> bool:
        """Forget the view `name`; False if there was none."""
        with self.store._writing(), self._db() as db:
            return bool(db.table(VIEWS).remove(Query().name == name))

    def _db(self) -> Any:
        return open_table_db(self.path, self.store.layout.tmp_dir)
