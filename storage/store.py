"""The store's domain API: articles, their quotes and figures, tags and read state.

Every write holds the store lock, re-reads the one small file it changes, and replaces it
atomically, so two processes (the app and a CLI command) never lose each other's writes.
Reads go through a cache that re-parses a file only when it changed on disk, which is also
how a running app sees what another process wrote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tinydb import Query

from storage.errors import ArticleNotFound, ItemNotFound, StoreCorrupt, StoreTooNew
from storage.files import FileCache, Layout, StoreLock, open_table_db, signature
from storage.jsonfile import is_table_file, read_json, write_json_atomic
from storage.models import (
    Article,
    ArticleBody,
    ArticleMeta,
    ItemRef,
    Tag,
    figure_keys,
    quote_keys,
)

SCHEMA_VERSION = 1
ARTICLES = "articles"
TAGS = "tags"
FOLLOW_UP = "follow-up"
ID_LENGTH = 8


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def article_key(url: str | None, text_hash: str) -> str:
    """What an id is derived from: the canonical URL if known, else the text's hash."""
    return f"url:{url}" if url else f"text:{text_hash}"


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def _is_schema(data: Any) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("schema"), int):
        return "expected an object with an integer 'schema'"
    return None


def _is_body(data: Any) -> str | None:
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return "expected an article body object with a 'text' string"
    return None


def _parse_shard(data: dict[str, dict[str, Any]]) -> dict[str, ArticleMeta]:
    metas = (ArticleMeta.from_doc(doc) for doc in data.get(ARTICLES, {}).values())
    return {m.id: m for m in metas}


def _parse_tags(data: dict[str, dict[str, Any]]) -> list[Tag]:
    return [Tag.from_doc(doc) for doc in data.get(TAGS, {}).values()]


class Store:
    """A newsroom store in one directory; see storage/files.py for the layout."""

    def __init__(self, root: Path) -> None:
        self.layout = Layout(Path(root))
        self.root = self.layout.root
        self._lock = StoreLock(self.layout.lock_file)
        self._cache = FileCache()

    @classmethod
    def open(cls, root: Path) -> Store:
        """Open (creating if needed) and check the schema; clears temp files of killed writers."""
        store = cls(root)
        store.root.mkdir(parents=True, exist_ok=True)
        with store._lock.held():
            store.layout.clear_tmp()
            schema = read_json(store.layout.schema_file, _is_schema)
            if schema is None:
                doc = {"schema": SCHEMA_VERSION, "created": now_iso()}
                write_json_atomic(store.layout.schema_file, doc, store.layout.tmp_dir)
            elif schema["schema"] > SCHEMA_VERSION:
                raise StoreTooNew(store.root, schema["schema"])
        return store

    # ------------------------------------------------------------------ reading

    def _shard(self, path: Path) -> dict[str, ArticleMeta]:
        return self._cache.get(path, _parse_shard, is_table_file) or {}

    def _all_metas(self) -> list[ArticleMeta]:
        return [m for shard in self.layout.shards() for m in self._shard(shard).values()]

    def articles(self, tag: str | None = None) -> list[ArticleMeta]:
        """Every article's metadata, newest first; with `tag`, those with that tag anywhere."""
        metas = self._all_metas()
        if tag is not None:
            tagged = {t.ref.article for t in self.tags() if t.tag == tag}
            metas = [m for m in metas if m.id in tagged]
        return sorted(metas, key=lambda m: (m.published or m.added, m.added, m.id), reverse=True)

    def is_empty(self) -> bool:
        return not any(self._shard(shard) for shard in self.layout.shards())

    def meta(self, article_id: str) -> ArticleMeta:
        meta = self._shard(self.layout.shard(article_id)).get(article_id)
        if meta is None:
            raise ArticleNotFound(article_id)
        return meta

    def resolve(self, prefix: str) -> str:
        """The full id of the one article whose id starts with `prefix`."""
        prefix = prefix.strip().lower()
        if len(prefix) < 2:
            raise ArticleNotFound(prefix, "an article id needs at least 2 characters")
        shard = self._shard(self.layout.shard(prefix))
        matches = [i for i in shard if i.startswith(prefix)]
        if len(matches) != 1:
            raise ArticleNotFound(prefix, "ambiguous article id" if matches else "no such article")
        return matches[0]

    def body(self, article_id: str) -> ArticleBody:
        path = self.layout.body(article_id)
        data = read_json(path, _is_body)
        if data is None:
            raise ArticleNotFound(article_id, "article body is missing")
        return ArticleBody.from_doc(data)

    def get(self, article_id: str) -> Article:
        return Article(self.meta(article_id), self.body(article_id))

    def find_duplicate(self, url: str | None, text_hash: str) -> ArticleMeta | None:
        """An article with the same canonical URL or the same text, if stored."""
        for meta in self._all_metas():
            if (url and meta.url == url) or meta.content_hash == text_hash:
                return meta
        return None

    def version(self) -> tuple[object, ...]:
        """Changes whenever any metadata or tag file changes, in this process or another."""
        shards = tuple((p.name, signature(p)) for p in self.layout.shards())
        return (shards, signature(self.layout.tags_file))

    # ------------------------------------------------------------------ writing articles

    def _free_id(self, meta: ArticleMeta) -> str:
        """A short id from a hash of the URL or text, lengthened only on a collision."""
        digest = hashlib.sha256(article_key(meta.url, meta.content_hash).encode()).hexdigest()
        for length in range(ID_LENGTH, len(digest)):
            if digest[:length] not in self._shard(self.layout.shard(digest[:length])):
                return digest[:length]
        raise AssertionError("sha256 collision")

    def add_article(self, meta: ArticleMeta, body: ArticleBody) -> tuple[ArticleMeta, bool]:
        """Store a new article under a fresh id; returns the stored meta and whether it is new.

        An article with the same canonical URL or the same text is not added twice.
        """
        meta.content_hash = meta.content_hash or content_hash(body.text)
        with self._lock.held():
            duplicate = self.find_duplicate(meta.url, meta.content_hash)
            if duplicate is not None:
                return duplicate, False
            meta.id = self._free_id(meta)
            self._write_article(meta, body)
            return meta, True

    def replace_article(self, meta: ArticleMeta, body: ArticleBody) -> None:
        """Overwrite an article's metadata and body (refetch, re-analysis); tags are kept."""
        with self._lock.held():
            self.meta(meta.id)
            self._write_article(meta, body)

    def _write_article(self, meta: ArticleMeta, body: ArticleBody) -> None:
        # The body goes first: the metadata is the commit point, and an orphan body is harmless.
        meta.n_quotes, meta.n_figures = len(body.quotes), len(body.figures)
        meta.added = meta.added or now_iso()
        write_json_atomic(self.layout.body(meta.id), body.to_doc(), self.layout.tmp_dir)
        self._upsert_meta(meta)

    def _upsert_meta(self, meta: ArticleMeta) -> None:
        path = self.layout.shard(meta.id)
        with open_table_db(path, self.layout.tmp_dir) as db:
            db.table(ARTICLES).upsert(meta.to_doc(), Query().id == meta.id)

    def set_read(self, article_id: str, read: bool = True) -> None:
        with self._lock.held():
            meta = self.meta(article_id)
            if meta.read != read:
                meta.read = read
                self._upsert_meta(meta)

    def delete_article(self, article_id: str) -> None:
        with self._lock.held():
            self.meta(article_id)
            path = self.layout.shard(article_id)
            with open_table_db(path, self.layout.tmp_dir) as db:
                db.table(ARTICLES).remove(Query().id == article_id)
            with open_table_db(self.layout.tags_file, self.layout.tmp_dir) as db:
                db.table(TAGS).remove(Query().article == article_id)
            self.layout.body(article_id).unlink(missing_ok=True)

    # ------------------------------------------------------------------ tags

    def tags(self) -> list[Tag]:
        return self._cache.get(self.layout.tags_file, _parse_tags, is_table_file) or []

    def tags_for(self, article_id: str) -> dict[str, set[str]]:
        """Tags on an article and its items, keyed by item key ("" for the article itself)."""
        found: dict[str, set[str]] = {}
        for t in self.tags():
            if t.ref.article == article_id:
                found.setdefault(t.ref.item, set()).add(t.tag)
        return found

    def tag_names(self) -> list[str]:
        """Every tag in use, most used first, with the built-in workflow tags always offered."""
        counts: dict[str, int] = {FOLLOW_UP: 0, "verify": 0, "used": 0}
        for t in self.tags():
            counts[t.tag] = counts.get(t.tag, 0) + 1
        return sorted(counts, key=lambda name: (-counts[name], name))

    def tag(self, ref: ItemRef, tag: str, label: str = "") -> bool:
        """Add `tag` to the item; False if it already had it."""
        tag = normalise_tag(tag)
        with self._lock.held():
            self.meta(ref.article)
            with open_table_db(self.layout.tags_file, self.layout.tmp_dir) as db:
                table = db.table(TAGS)
                if table.contains(_tag_query(ref, tag)):
                    return False
                table.insert(Tag(ref, tag, label, now_iso()).to_doc())
                return True

    def untag(self, ref: ItemRef, tag: str) -> bool:
        """Remove `tag` from the item; False if it did not have it."""
        tag = normalise_tag(tag)
        with self._lock.held(), open_table_db(self.layout.tags_file, self.layout.tmp_dir) as db:
            return bool(db.table(TAGS).remove(_tag_query(ref, tag)))

    def toggle_tag(self, ref: ItemRef, tag: str, label: str = "") -> bool:
        """Flip `tag` on the item; returns whether it is now tagged."""
        with self._lock.held():
            if self.untag(ref, tag):
                return False
            return self.tag(ref, tag, label)

    def seeded(self) -> bool:
        """Whether seeds were ever imported, so deleting them all does not bring them back."""
        data = read_json(self.layout.schema_file, _is_schema) or {}
        return bool(data.get("seeded"))

    def mark_seeded(self) -> None:
        with self._lock.held():
            data = read_json(self.layout.schema_file, _is_schema) or {"schema": SCHEMA_VERSION}
            data["seeded"] = now_iso()
            write_json_atomic(self.layout.schema_file, data, self.layout.tmp_dir)


def normalise_tag(tag: str) -> str:
    """Tags are single tokens: trimmed, inner whitespace as '-', control characters dropped."""
    cleaned = "".join(ch for ch in tag if ch.isprintable())
    cleaned = "-".join(cleaned.split())
    if not cleaned:
        raise ValueError("a tag cannot be empty")
    return cleaned[:64]


def _tag_query(ref: ItemRef, tag: str) -> Any:
    q = Query()
    return (q.article == ref.article) & (q.item == ref.item) & (q.tag == tag)


def item_ref(article: Article, kind: str, number: int) -> tuple[ItemRef, str]:
    """The ref and label of the article's `number`-th (1-based) quote or figure."""
    items: Iterable[Any]
    items, keys = (
        (article.body.quotes, quote_keys(article.body.quotes))
        if kind == "quote"
        else (article.body.figures, figure_keys(article.body.figures))
    )
    items = list(items)
    if not 1 <= number <= len(items):
        raise ItemNotFound(f"article {article.id} has no {kind} number {number} (1-{len(items)})")
    return ItemRef(article.id, keys[number - 1]), items[number - 1].text


__all__ = ["FOLLOW_UP", "SCHEMA_VERSION", "Store", "StoreCorrupt", "item_ref", "normalise_tag"]
