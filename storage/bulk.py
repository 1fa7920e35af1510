"""Adding many articles at once (feed refresh, import, benchmark stores) under one lock.

Per article, `add_article` makes four durable writes (body, two key shards, metadata
shard). A batch writes each touched shard once, and writes bodies in place: they are
unreachable until the metadata names them, so they need no temporary file, only to be
durable before the shards are written.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Container, Iterable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from storage import documents as doc
from storage.documents import content_hash
from storage.errors import StoreWriteError
from storage.files import Layout, insert_documents
from storage.jsonfile import fsync_dir, write_new_file
from storage.keys import KeyIndex, keys_of
from storage.models import ArticleBody, ArticleMeta

SYNC_EACH = 64  # bulk adds fsync this many bodies one by one, then sync once


class BulkMixin:
    """`Store.add_articles`; relies on the attributes and helpers `Store` sets up."""

    layout: Layout
    keys: KeyIndex

    def _writing(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _free_id(self, meta: ArticleMeta, taken: Container[str] = frozenset()) -> str:
        raise NotImplementedError

    def _prepare(self, meta: ArticleMeta, body: ArticleBody) -> None:
        raise NotImplementedError

    def _duplicate_of(
        self,
        meta: ArticleMeta,
        body: ArticleBody,
        batch: dict[str, tuple[ArticleMeta, ArticleBody]] | None = None,
    ) -> ArticleMeta | None:
        raise NotImplementedError

    def add_articles(
        self, items: Iterable[tuple[ArticleMeta, ArticleBody]]
    ) -> list[tuple[ArticleMeta, bool]]:
        """Add many articles under one lock (feed refresh, import): one write per touched shard
        instead of four per article. The first SYNC_EACH bodies are fsynced one by one; past
        that one `os.sync` for all is cheaper (it flushes the whole machine, which can take
        long on a busy one: fine for an import, not for a refresh of 30 articles)."""
        results: list[tuple[ArticleMeta, bool]] = []
        fresh: dict[str, ArticleMeta] = {}
        seen: dict[str, tuple[ArticleMeta, ArticleBody]] = {}
        folders: set[Path] = set()
        with self._writing():
            for meta, body in items:
                meta.content_hash = meta.content_hash or content_hash(body.text)
                duplicate = self._duplicate_of(meta, body, seen)
                if duplicate is not None:
                    results.append((duplicate, False))
                    continue
                meta.id = self._free_id(meta, fresh)
                self._prepare(meta, body)
                self._write_new_body(meta.id, body, folders, len(fresh) < SYNC_EACH)
                fresh[meta.id] = meta
                seen.update({key: (meta, body) for key in keys_of(meta)})
                results.append((meta, True))
            self._sync_bodies(len(fresh), folders)
            self._commit_batch(list(fresh.values()))
        return results

    def _sync_bodies(self, count: int, folders: set[Path]) -> None:
        """Make the batch's bodies durable before the shards name them."""
        if count > SYNC_EACH:
            os.sync()
        else:
            for folder in folders:
                try:
                    fsync_dir(folder)
                except OSError as exc:
                    raise StoreWriteError(folder, exc) from exc

    def _commit_batch(self, metas: list[ArticleMeta]) -> None:
        """Bodies to disk first, then the index, then the shards: the shards are the commit."""
        if not metas:
            return
        self.keys.put(metas)
        by_shard: dict[Path, list[dict[str, Any]]] = defaultdict(list)
        for meta in metas:
            by_shard[self.layout.shard(meta.id)].append(doc.plain_doc(meta))
        for path, docs in by_shard.items():
            insert_documents(path, doc.ARTICLES, docs, self.layout.tmp_dir)

    def _write_new_body(
        self, article_id: str, body: ArticleBody, folders: set[Path], durable: bool
    ) -> None:
        """A new article's body: its article is not committed yet (see write_new_file).
        `folders` collects the folders to fsync before the commit."""
        path = self.layout.body(article_id)
        folders.add(path.parent)
        write_new_file(path, doc.body_bytes(body), durable)
