"""A full-text index of titles, bodies, quotes and speakers, kept in SQLite FTS5.

The index is derived data, never the source of truth: it lives beside the TinyDB files as
`search.sqlite`, is brought up to date from the store before each search (only articles
added, changed or removed since are touched), and is rebuilt from scratch if it is missing
or unreadable. Scanning 50,000 bodies per query would take seconds; an inverted index kept
in TinyDB would have to rewrite megabytes on every add. FTS5 ships with Python's sqlite3.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing
from pathlib import Path

from storage.models import ArticleBody, ArticleMeta

Progress = Callable[[int, int], None]
BATCH = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS indexed(id TEXT PRIMARY KEY, hash TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
    id UNINDEXED, title, body, quotes, speakers, kinds, site,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""


def _row(meta: ArticleMeta, body: ArticleBody) -> tuple[str, ...]:
    return (
        meta.id,
        meta.title,
        body.text,
        "\n".join(q.text for q in body.quotes),
        "\n".join(sorted({q.speaker for q in body.quotes if q.speaker})),
        " ".join(sorted({f.kind for f in body.figures})),
        meta.site or "",
    )


class SearchIndex:
    """The FTS5 index of one store; `sync` it, then `match` queries in FTS5 syntax."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._known: dict[str, str] | None = None

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            conn.close()
            self._reset()
            conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
            conn.executescript(_SCHEMA)
        return conn

    def _reset(self) -> None:
        """An unreadable index is only a cache: drop it and rebuild."""
        for suffix in ("", "-journal", "-wal", "-shm"):
            Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        self._known = None

    def stale(self, metas: Iterable[ArticleMeta]) -> tuple[list[ArticleMeta], list[str]]:
        """Articles to (re)index and ids to drop, comparing content hashes."""
        known = self._load_known()
        current = {m.id: m for m in metas}
        todo = [m for m in current.values() if known.get(m.id) != _version(m)]
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
    ) -> int:
        """Index what changed since the last sync; returns how many articles were indexed."""
        todo, gone = self.stale(metas)
        if not todo and not gone:
            return 0
        known = self._load_known()
        done = 0
        with closing(self._connect()) as conn:
            self._drop(conn, gone)
            for start in range(0, len(todo), BATCH):
                if cancelled():
                    break
                done += self._index_batch(conn, todo[start : start + BATCH], load_body)
                if progress:
                    progress(min(start + BATCH, len(todo)), len(todo))
        for meta in todo[:done]:
            known[meta.id] = _version(meta)
        for article_id in gone:
            known.pop(article_id, None)
        return done

    def _drop(self, conn: sqlite3.Connection, ids: list[str]) -> None:
        with conn:
            conn.executemany("DELETE FROM fts WHERE id = ?", [(i,) for i in ids])
            conn.executemany("DELETE FROM indexed WHERE id = ?", [(i,) for i in ids])

    def _index_batch(
        self,
        conn: sqlite3.Connection,
        metas: list[ArticleMeta],
        load_body: Callable[[str], ArticleBody | None],
    ) -> int:
        rows, versions = [], []
        for meta in metas:
            body = load_body(meta.id)
            if body is not None:
                rows.append(_row(meta, body))
            versions.append((meta.id, _version(meta)))
        with conn:
            conn.executemany("DELETE FROM fts WHERE id = ?", [(m.id,) for m in metas])
            conn.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            conn.executemany("INSERT OR REPLACE INTO indexed VALUES (?, ?)", versions)
        return len(metas)

    def match(self, fts_query: str, limit: int = 500) -> list[str]:
        """Ids of articles matching an FTS5 query, best first."""
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT id FROM fts WHERE fts MATCH ? ORDER BY bm25(fts, 0, 10, 1, 3, 5, 0, 2) "
                "LIMIT ?",
                (fts_query, limit),
            ).fetchall()
        return [r[0] for r in rows]


def _version(meta: ArticleMeta) -> str:
    """Re-analysis changes the counts, a refetch the hash; either means re-index."""
    return f"{meta.content_hash}:{meta.n_quotes}:{meta.n_figures}:{meta.title}"
