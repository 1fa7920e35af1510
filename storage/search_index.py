"""A full-text index of titles, bodies, quotes, speakers and notes, kept in SQLite FTS5.

The index is derived data, never the source of truth: it lives beside the TinyDB files as
`search.sqlite`, is brought up to date from the store before each search (only articles
added, changed or removed since are touched), and is rebuilt from scratch if it is missing
or unreadable. Scanning 50,000 bodies per query would take seconds; an inverted index kept
in TinyDB would have to rewrite megabytes on every add. FTS5 ships with Python's sqlite3.

Notes (the user's, on an article or its quotes and figures) live in tags.json, not in the
article, so the caller passes each article's notes as one text; a checksum of it is part of
the version an article is indexed at, so writing a note re-indexes that one article.
"""

from __future__ import annotations

import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from pathlib import Path

from storage.errors import SearchUnavailable
from storage.files import signature
from storage.models import ArticleBody, ArticleMeta

Progress = Callable[[int, int], None]
BATCH = 500

INDEX_VERSION = 3  # PRAGMA user_version: an index of another version is rebuilt
_SCHEMA = """
CREATE TABLE IF NOT EXISTS indexed(id TEXT PRIMARY KEY, hash TEXT NOT NULL, doc INTEGER);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    id UNINDEXED, title, body, quotes, speakers, kinds, site, notes,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""
Notes = Mapping[str, str]  # article id -> the text of its notes (its own and its items')


def _row(meta: ArticleMeta, body: ArticleBody, notes: str) -> tuple[str, ...]:
    return (
        meta.id,
        meta.title,
        body.text,
        "\n".join(q.text for q in body.quotes),
        "\n".join(sorted({q.speaker for q in body.quotes if q.speaker})),
        " ".join(sorted({f.kind for f in body.figures})),
        meta.site or "",
        notes,
    )


class SearchIndex:
    """The FTS5 index of one store; `sync` it, then `match` queries in FTS5 syntax."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, str] | None = None
        self._synced: object = None  # (store version, index file) when last caught up
        self._lock = threading.Lock()  # the app syncs from worker threads

    def _connect(self) -> sqlite3.Connection:
        try:
            return self._open()
        except sqlite3.DatabaseError:
            self._reset()
            return self._open()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version != INDEX_VERSION:
                conn.executescript("DROP TABLE IF EXISTS indexed; DROP TABLE IF EXISTS fts;")
                conn.execute(f"PRAGMA user_version = {INDEX_VERSION}")
                self._known = None
            conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _reset(self) -> None:
        """An unreadable index is only a cache: drop it and rebuild."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self._known = None

    def stale(
        self, metas: Iterable[ArticleMeta], notes: Notes | None = None
    ) -> tuple[list[ArticleMeta], list[str]]:
        """Articles to (re)index and ids to drop, comparing content hashes (and notes)."""
        known = self._load_known()
        current = {m.id: m for m in metas}
        notes = notes or {}
        todo = [m for m in current.values() if known.get(m.id) != _version(m, notes.get(m.id))]
        gone = [i for i in known if i not in current]
        return todo, gone

    def _load_known(self) -> dict[str, str]:
        if self._known is None:
            with closing(self._connect()) as conn:
                self._known = dict(conn.execute("SELECT id, hash FROM indexed"))
        return self._known

    def sync(
        self,
        metas: Iterable[ArticleMeta],
        load_body: Callable[[str], ArticleBody | None],
        progress: Progress | None = None,
        cancelled: Callable[[], bool] = lambda: False,
        version: object = None,
        notes: Notes | None = None,
    ) -> int:
        """Index what changed since the last sync; returns how many articles were indexed.

        With the store's `version()`, a sync of an unchanged store costs nothing: comparing
        50,000 content hashes takes longer than the search itself. `notes` are each
        article's notes as one text (`desk.search.article_notes`); none are indexed without.
        """
        try:
            return self._sync_changed(metas, load_body, progress, cancelled, version, notes or {})
        except sqlite3.Error as exc:  # locked for too long, disk full: the user is told
            raise SearchUnavailable(self.path, str(exc)) from exc

    def _sync_changed(
        self,
        metas: Iterable[ArticleMeta],
        load_body: Callable[[str], ArticleBody | None],
        progress: Progress | None,
        cancelled: Callable[[], bool],
        version: object,
        notes: Notes,
    ) -> int:
        if version is not None and (version, signature(self.path)) == self._synced:
            return 0
        with self._lock:
            done = self._sync(metas, load_body, progress, cancelled, notes)
            if not cancelled():
                self._synced = (version, signature(self.path))
            return done

    def _sync(
        self,
        metas: Iterable[ArticleMeta],
        load_body: Callable[[str], ArticleBody | None],
        progress: Progress | None,
        cancelled: Callable[[], bool],
        notes: Notes,
    ) -> int:
        with closing(self._connect()) as conn:  # first: an unreadable index is reset here
            todo, gone = self.stale(metas, notes)
            if not todo and not gone:
                return 0
            known = self._load_known()
            done = 0
            self._drop(conn, gone)
            for start in range(0, len(todo), BATCH):
                if cancelled():
                    break
                done += self._index_batch(conn, todo[start : start + BATCH], load_body, notes)
                if progress:
                    progress(min(start + BATCH, len(todo)), len(todo))
        for meta in todo[:done]:
            known[meta.id] = _version(meta, notes.get(meta.id))
        for article_id in gone:
            known.pop(article_id, None)
        return done

    def _drop(self, conn: sqlite3.Connection, ids: list[str]) -> None:
        with conn:
            self._delete(conn, ids)

    def _delete(self, conn: sqlite3.Connection, ids: list[str]) -> None:
        """Delete by FTS rowid: `WHERE id = ?` on an UNINDEXED column scans the whole index."""
        pairs = [(i,) for i in ids]
        conn.executemany(
            "DELETE FROM fts WHERE rowid = (SELECT doc FROM indexed WHERE id = ?)", pairs
        )
        conn.executemany("DELETE FROM indexed WHERE id = ?", pairs)

    def _index_batch(
        self,
        conn: sqlite3.Connection,
        metas: list[ArticleMeta],
        load_body: Callable[[str], ArticleBody | None],
        notes: Notes,
    ) -> int:
        known = self._load_known()
        with conn:
            self._delete(conn, [m.id for m in metas if m.id in known])
            for meta in metas:
                body, noted = load_body(meta.id), notes.get(meta.id)
                doc = None
                if body is not None:
                    cur = conn.execute(
                        "INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        _row(meta, body, noted or ""),
                    )
                    doc = cur.lastrowid
                version = _version(meta, noted)
                conn.execute("INSERT INTO indexed VALUES (?, ?, ?)", (meta.id, version, doc))
        return len(metas)

    def match(self, fts_query: str, limit: int = 500) -> list[str]:
        """Ids of articles matching an FTS5 query, best first."""
        try:
            return self._match(fts_query, limit)
        except sqlite3.Error as exc:
            raise SearchUnavailable(self.path, str(exc)) from exc

    def _match(self, fts_query: str, limit: int) -> list[str]:
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0, 10, 1, 3, 5, 0, 2, 5) "
                "LIMIT ?",
                (fts_query, limit),
            ).fetchall()
        return [r[0] for r in rows]


def _version(meta: ArticleMeta, notes: str | None = None) -> str:
    """Re-analysis changes the counts, a refetch the hash, a note the notes' checksum;
    any of them means re-index."""
    version = f"{meta.content_hash}:{meta.n_quotes}:{meta.n_figures}:{meta.title}"
    return f"{version}:{zlib.crc32(notes.encode()):08x}" if notes else version
