"""A full-text index of titles, bodies, quotes, speakers and notes, kept in SQLite FTS5.

The index is derived data, never the source of truth: it lives beside the TinyDB files as
`search.sqlite`, is brought up to date from the store before each search (only articles
added, changed or removed since are touched), and is rebuilt from scratch if it is missing
or unreadable. Scanning 50,000 bodies per query would take seconds; an inverted index kept
in TinyDB would have to rewrite megabytes on every add. FTS5 ships with Python's sqlite3.

Notes (the user's, on an article or its quotes and figures) live in tags.json, not in the
article, so the caller passes each article's notes as one text; a checksum of it is part of
the version an article is indexed at, so writing a note re-indexes that one article.

The app and the CLI may update one index at the same time. What an index object remembers
of the `indexed` table (to compare 50,000 versions without reading them each search) is
only trusted while the index carries the token of its own last write: every write takes
SQLite's write lock (BEGIN IMMEDIATE), re-reads the table if another process has written
since, and signs the index with a new token. A row is always deleted before it is inserted,
so even an index written by a process that does not sign it is never a UNIQUE error.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Mapping
from contextlib import closing
from functools import partial
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
CREATE TABLE IF NOT EXISTS writer(token INTEGER NOT NULL);
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
        self._known: dict[str, str] | None = None  # the `indexed` table as last read or written
        self._token: int | None = None  # the index's writer token when `_known` was right
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
        with closing(self._connect()) as conn:
            return self._stale(conn, metas, notes or {})

    def _stale(
        self, conn: sqlite3.Connection, metas: Iterable[ArticleMeta], notes: Notes
    ) -> tuple[list[ArticleMeta], list[str]]:
        known = self._current(conn)
        current = {m.id: m for m in metas}
        todo = [m for m in current.values() if known.get(m.id) != _version(m, notes.get(m.id))]
        gone = [i for i in known if i not in current]
        return todo, gone

    def _current(self, conn: sqlite3.Connection) -> dict[str, str]:
        """What the index holds: the remembered table, unless another process (or a reset)
        has written the index since this object last read or wrote it."""
        row = conn.execute("SELECT token FROM writer").fetchone()
        token = row[0] if row else None
        if self._known is None or token != self._token:
            self._known = dict(conn.execute("SELECT id, hash FROM indexed"))
            self._token = token
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
            todo, gone = self._stale(conn, metas, notes)
            if gone:
                self._write(conn, partial(self._drop, conn, ids=gone))
            done = 0
            for start in range(0, len(todo), BATCH):
                if cancelled():
                    break
                batch = todo[start : start + BATCH]
                self._write(
                    conn, partial(self._index, conn, metas=batch, load=load_body, notes=notes)
                )
                done += len(batch)
                if progress:
                    progress(min(start + BATCH, len(todo)), len(todo))
        return done

    def _write(self, conn: sqlite3.Connection, change: Callable[[dict[str, str]], object]) -> None:
        """One transaction under SQLite's write lock, on the table as it is now (another
        process may have written since `_stale` read it), signed with a new token."""
        token = secrets.randbits(63)
        try:
            with conn:
                conn.execute("BEGIN IMMEDIATE")
                change(self._current(conn))
                conn.execute("DELETE FROM writer")
                conn.execute("INSERT INTO writer VALUES (?)", (token,))
        except BaseException:
            self._known = None  # `change` may have updated it for rows rolled back
            raise
        self._token = token

    def _drop(self, conn: sqlite3.Connection, known: dict[str, str], ids: list[str]) -> None:
        self._delete(conn, ids)
        for article_id in ids:
            known.pop(article_id, None)

    def _delete(self, conn: sqlite3.Connection, ids: list[str]) -> None:
        """Delete by FTS rowid: `WHERE id = ?` on an UNINDEXED column scans the whole index."""
        pairs = [(i,) for i in ids]
        conn.executemany(
            "DELETE FROM fts WHERE rowid = (SELECT doc FROM indexed WHERE id = ?)", pairs
        )
        conn.executemany("DELETE FROM indexed WHERE id = ?", pairs)

    def _index(
        self,
        conn: sqlite3.Connection,
        known: dict[str, str],
        metas: list[ArticleMeta],
        load: Callable[[str], ArticleBody | None],
        notes: Notes,
    ) -> None:
        """(Re)index `metas`, but for those another process has just indexed as wanted."""
        wanted = {m.id: _version(m, notes.get(m.id)) for m in metas}
        metas = [m for m in metas if known.get(m.id) != wanted[m.id]]
        self._delete(conn, [m.id for m in metas])  # all of them: a cheap lookup when absent
        for meta in metas:
            body, noted = load(meta.id), notes.get(meta.id)
            doc = None
            if body is not None:
                cur = conn.execute(
                    "INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    _row(meta, body, noted or ""),
                )
                doc = cur.lastrowid
            conn.execute("INSERT INTO indexed VALUES (?, ?, ?)", (meta.id, wanted[meta.id], doc))
            known[meta.id] = wanted[meta.id]

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
