"""The store's domain API: articles, their quotes and figures, tags, notes and read state.

Every write holds the store lock, re-reads the small files it changes, and replaces each
atomically, so two processes (the app and a CLI command) never lose each other's writes.
Reads go through a cache that re-parses a file only when it changed on disk, which is also
how a running app sees what another process wrote. See storage/README.md for the layout.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Container, Iterator
from contextlib import contextmanager
from pathlib import Path

from storage import backups as backup_ops
from storage import documents as doc
from storage import migrate
from storage.annotations import (
    FOLLOW_UP,
    AnnotationsMixin,
    known_tag,
    normalise_tag,
    now_iso,
    same_tag,
    valid_tag,
)
from storage.bulk import BulkMixin
from storage.documents import content_hash, item_ref
from storage.errors import ArticleNotFound, StoreCorrupt, StoreTooNew
from storage.files import (
    FileCache,
    Layout,
    StoreLock,
    gc_paused,
    insert_documents,
    open_table_db,
    parse_or_corrupt,
)
from storage.files import signature as file_signature
from storage.jsonfile import (
    is_table_file,
    read_json,
    write_bytes_atomic,
    write_json_atomic,
)
from storage.keys import ID_LENGTH, KeyIndex, id_digest, keys_of, same_story, text_key, url_key
from storage.listing_head import ListingHead, read_head, shard_keys, write_head
from storage.models import Article, ArticleBody, ArticleMeta

SCHEMA_VERSION = migrate.SCHEMA_VERSION
Batch = dict[str, tuple[ArticleMeta, ArticleBody]]  # articles of a bulk add, by key
BACKUP_CHECK_S = 3600.0  # a long-running app checks hourly whether the daily backup is due
signature = file_signature


class Store(BulkMixin, AnnotationsMixin):
    """A newsroom store in one directory; see storage/files.py for the layout."""

    def __init__(self, root: Path) -> None:
        """Names the store without touching it, so `backups()`/`restore()` work on a store
        that `open` refused as corrupt."""
        self.layout = Layout(Path(root))
        self.root = self.layout.root
        self._lock = StoreLock(self.layout.lock_file)
        self._cache = FileCache()
        self.keys = KeyIndex(self.layout, self._cache)
        self._listing: tuple[tuple[object, ...], list[ArticleMeta]] | None = None
        self._backup_check: float | None = None  # set by open(auto_backup=True)
        self._schema_seen: object = None  # store.json's signature when its schema was read

    @classmethod
    def open(cls, root: Path, *, auto_backup: bool = True) -> Store:
        """Open (creating if needed), check and migrate the schema, clear temp files of killed
        writers, finish an interrupted delete, and take the daily backup if it is due."""
        store = cls(root)
        store.root.mkdir(parents=True, exist_ok=True)
        with store._lock.held():
            store.layout.clear_tmp()
            backup_ops.clear_partial(store.layout)
            schema = read_json(store.layout.schema_file, migrate.is_schema)
            if schema is None:
                first = {"schema": SCHEMA_VERSION, "created": now_iso()}
                write_json_atomic(store.layout.schema_file, first, store.layout.tmp_dir)
            elif schema["schema"] > SCHEMA_VERSION:
                raise StoreTooNew(store.root, schema["schema"])
            elif schema["schema"] < SCHEMA_VERSION:
                migrate.migrate(store, schema)
            store._schema_seen = file_signature(store.layout.schema_file)
            store._finish_journal()
            if auto_backup:
                backup_ops.backup_if_due(store)
                store._backup_check = time.monotonic() + BACKUP_CHECK_S
        return store

    def _refuse_if_newer(self) -> None:
        """A newer newsroom may have migrated the store since this one opened it (an app
        left running over an upgrade): writing in the old layout then would go where the
        new one no longer looks. A stat per write; the file is read only if it changed."""
        seen = file_signature(self.layout.schema_file)
        if seen == self._schema_seen:
            return
        schema = read_json(self.layout.schema_file, migrate.is_schema)
        if schema is not None and schema["schema"] > SCHEMA_VERSION:
            raise StoreTooNew(self.root, schema["schema"])
        self._schema_seen = seen

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """The store lock, with any delete a killed process left half-done finished first."""
        with self._lock.held():
            self._refuse_if_newer()
            if self.layout.journal_file.exists():
                self._finish_journal()
            try:
                yield
            except BaseException:  # a failed write may have changed cached records in memory
                self._cache.clear()
                self._listing = None
                raise
            if self._backup_check is not None and time.monotonic() >= self._backup_check:
                self._backup_check = time.monotonic() + BACKUP_CHECK_S  # an app open for days
                backup_ops.backup_if_due(self)

    # ------------------------------------------------------------------ reading

    def _shard(self, path: Path) -> dict[str, ArticleMeta]:
        return self._cache.get(path, doc.parse_shard, is_table_file) or {}

    def _all_metas(self) -> list[ArticleMeta]:
        return [m for shard in self.layout.shards() for m in self._shard(shard).values()]

    def articles(self, tag: str | None = None) -> list[ArticleMeta]:
        """Every article's metadata, newest first; with `tag`, those with that tag anywhere.

        The records are shared with the store's cache: treat them as read-only (copy with
        dataclasses.replace before changing one to write it back).
        """
        metas = self._sorted_metas()
        if tag is not None:
            name = normalise_tag(tag)  # `--tag '#Verify'` means verify
            tagged = {t.ref.article for t in self.tags() if same_tag(t.tag, name)}
            return [m for m in metas if m.id in tagged]
        return list(metas)

    def _sorted_metas(self) -> list[ArticleMeta]:
        """Sorting 50,000 records takes 50 ms: done again only when a shard changed."""
        shards = self.layout.shards()
        keys = shard_keys(shards)
        key = tuple(map(tuple, keys.values())), tuple(keys)
        if self._listing is not None and self._listing[0] == key:
            return self._listing[1]
        with gc_paused():
            parsed = {shard.name: self._shard(shard) for shard in shards}
            metas = [m for records in parsed.values() for m in records.values()]
            self._listing = (key, sorted(metas, key=doc.newest_first, reverse=True))
        counts = {name: len(records) for name, records in parsed.items()}
        write_head(self.layout, keys, counts, self._listing[1])
        return self._listing[1]

    def listing_head(self) -> ListingHead | None:
        """The newest rows and the article count without reading every shard, from what the
        last full listing saved (see storage/listing_head.py); None when it cannot be had
        cheaply, and then `articles()` is the way."""
        return read_head(self.layout, self._shard, doc.newest_first)

    def count(self) -> int:
        return sum(len(self._shard(shard)) for shard in self.layout.shards())

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
        data = read_json(path, doc.is_body)
        if data is None:
            raise ArticleNotFound(article_id, "article body is missing")
        return parse_or_corrupt(path, ArticleBody.from_doc, data)

    def get(self, article_id: str) -> Article:
        return Article(self.meta(article_id), self.body(article_id))

    def find_duplicate(self, url: str | None, text_hash: str) -> ArticleMeta | None:
        """An article with the same canonical URL or the same text, if stored.

        By URL, first the article whose id would be made from it (the index leaves those
        out since schema 3), then the index: other ids (made from the text, or a URL a
        refetch changed) and every URL of a store migrated from schema 2."""
        found = self._by_url_id(url) if url else None
        if found is not None:
            return found
        keys = [url_key(url)] if url else []
        for key in [*keys, text_key(text_hash)]:
            article_id = self.keys.lookup(key)
            meta = self._lookup(article_id) if article_id else None
            if meta and ((url and meta.url == url) or meta.content_hash == text_hash):
                return meta
        return None

    def _lookup(self, article_id: str) -> ArticleMeta | None:
        return self._shard(self.layout.shard(article_id)).get(article_id)

    def _by_url_id(self, url: str) -> ArticleMeta | None:
        """The article with this URL among those whose id is made from it: any length, as
        a collision lengthens an id and a delete can free a shorter one later."""
        digest = id_digest(url_key(url))
        shard = self._shard(self.layout.shard(digest))
        for length in range(ID_LENGTH, len(digest)):
            meta = shard.get(digest[:length])
            if meta is not None and meta.url == url:
                return meta
        return None

    def version(self) -> tuple[object, ...]:
        """Changes whenever any metadata, tag or note file changes, in this process or another.

        An app polls this (about 1 ms at 256 shards) and reloads what it shows when it moves.
        """
        shards = tuple((p.name, signature(p)) for p in self.layout.shards())
        return (shards, signature(self.layout.tags_file))

    # ------------------------------------------------------------------ writing articles

    def _free_id(self, meta: ArticleMeta, taken: Container[str] = frozenset()) -> str:
        """A short id from a hash of the URL or text, lengthened only on a collision."""
        digest = id_digest(doc.article_key(meta.url, meta.content_hash))
        for length in range(ID_LENGTH, len(digest)):
            candidate = digest[:length]
            if candidate not in taken and self._lookup(candidate) is None:
                return candidate
        raise AssertionError("sha256 collision")

    def add_article(self, meta: ArticleMeta, body: ArticleBody) -> tuple[ArticleMeta, bool]:
        """Store a new article under a fresh id; returns the stored meta and whether it is new.

        An article with the same canonical URL or the same text is not added twice.
        """
        meta.content_hash = meta.content_hash or content_hash(body.text)
        with self._writing():
            duplicate = self._duplicate_of(meta, body)
            if duplicate is not None:
                return duplicate, False
            meta.id = self._free_id(meta)
            self._write_new_article(meta, body)
            return meta, True

    def _duplicate_of(
        self, meta: ArticleMeta, body: ArticleBody, batch: Batch | None = None
    ) -> ArticleMeta | None:
        """The stored article (or one earlier in `batch`) that `meta` is, else None.

        A canonical URL is the identity only while it names the same story. When it names
        an article of another title and text (a site's template that points every page at
        one, a hijacking link), the one that was not fetched at that URL moves aside to the
        URL it was fetched from: the new page, in `meta`, or the stored article when the
        new page is the one fetched there. Then `meta` is looked up again, as its text may
        still be stored. Two pages with no other URL (fetched there, saved files) are one."""
        found = self._first_duplicate(meta, batch)
        if found is None or not self._another_story(meta, body, found, batch):
            return found
        if meta.fetched_url is not None:
            meta.url, meta.fetched_url = meta.fetched_url, None
        elif found.fetched_url is not None:
            self._move_aside(found, batch)
        else:
            return found  # neither came from elsewhere: the URL is the article's (refetch)
        return self._first_duplicate(meta, batch)

    def _move_aside(self, found: ArticleMeta, batch: Batch | None) -> None:
        """Give an article the URL it was fetched from as its own (its id stays: ids are
        hints); one earlier in `batch` is not stored yet, only re-keyed there."""
        old_key = url_key(found.url or "")
        if batch and old_key in batch:
            entry = batch.pop(old_key)
            found.url, found.fetched_url = found.fetched_url, None
            batch[url_key(found.url or "")] = entry
            return
        moved = dataclasses.replace(found, url=found.fetched_url, fetched_url=None)
        self.keys.put([moved])
        self._upsert_meta(moved)

    def _first_duplicate(self, meta: ArticleMeta, batch: Batch | None) -> ArticleMeta | None:
        for key in keys_of(meta) if batch else ():
            if batch and key in batch:
                return batch[key][0]
        return self.find_duplicate(meta.url, meta.content_hash)

    def _another_story(
        self, meta: ArticleMeta, body: ArticleBody, found: ArticleMeta, batch: Batch | None
    ) -> bool:
        """Whether `found` only shares the canonical URL of `meta`, being another story."""
        if found.url != meta.url or found.content_hash == meta.content_hash:
            return False
        earlier = batch.get(url_key(meta.url)) if batch and meta.url else None
        return not same_story((meta.title, body.text), (found.title, self._text_of(found, earlier)))

    def _text_of(self, meta: ArticleMeta, earlier: tuple[ArticleMeta, ArticleBody] | None) -> str:
        """An article's text to compare with; "" if unreadable (its title decides)."""
        if earlier is not None:
            return earlier[1].text
        try:
            return self.body(meta.id).text
        except (ArticleNotFound, StoreCorrupt):
            return ""

    def replace_article(self, meta: ArticleMeta, body: ArticleBody) -> None:
        """Overwrite an article's metadata and body (refetch, re-analysis); tags are kept."""
        with self._writing():
            self.meta(meta.id)
            self._set_aside_if_corrupt(meta.id)
            self._rewrite_article(meta, body)
            backup_ops.forget_body(self.layout, meta.id)

    def _set_aside_if_corrupt(self, article_id: str) -> None:
        """A refetch replaces the body; an unreadable one is moved to quarantine/ first."""
        try:
            self.body(article_id)
        except StoreCorrupt as exc:
            backup_ops.quarantine(self.layout, exc.path)
        except ArticleNotFound:
            pass

    def _prepare(self, meta: ArticleMeta, body: ArticleBody) -> None:
        meta.n_quotes, meta.n_figures = len(body.quotes), len(body.figures)
        meta.added = meta.added or now_iso()

    def _write_new_article(self, meta: ArticleMeta, body: ArticleBody) -> None:
        """Body, key lines, then the metadata shard, the commit point: until the shard names
        the article, its body and key lines are unreachable (a killed add leaves orphans,
        harmless). The body is written in place, as a bulk add's are (no temporary file and
        rename: nothing reads it yet); the record is inserted, which writes the shard once
        where TinyDB's upsert wrote it twice (its update pass writes even when nothing
        matched)."""
        self._prepare(meta, body)
        folders: set[Path] = set()
        self._write_new_body(meta.id, body, folders, durable=True)
        self._sync_bodies(1, folders)
        self.keys.put([meta])
        shard = self.layout.shard(meta.id)
        insert_documents(shard, doc.ARTICLES, [doc.plain_doc(meta)], self.layout.tmp_dir)

    def _rewrite_article(self, meta: ArticleMeta, body: ArticleBody) -> None:
        """A stored article's new body (replaced atomically), keys, then its record."""
        self._prepare(meta, body)
        write_bytes_atomic(self.layout.body(meta.id), doc.body_bytes(body), self.layout.tmp_dir)
        self.keys.put([meta])
        self._upsert_meta(meta)

    def _upsert_meta(self, meta: ArticleMeta) -> None:
        path = self.layout.shard(meta.id)
        with open_table_db(path, self.layout.tmp_dir) as db:
            db.table(doc.ARTICLES).upsert(doc.plain_doc(meta), doc.with_id(meta.id))

    def set_read(self, article_id: str, read: bool = True) -> None:
        with self._writing():
            meta = self.meta(article_id)
            if meta.read != read:
                self._upsert_meta(dataclasses.replace(meta, read=read))

    def delete_article(self, article_id: str) -> None:
        """Remove an article with its body, tags and notes.

        Five files change, so the intent goes to `journal.json` first; removing the metadata is
        the commit point, and whoever takes the lock next finishes the rest if we are killed.
        """
        with self._writing():
            meta = self.meta(article_id)
            entry = {"op": "delete", "id": article_id, "meta": meta.to_doc()}
            try:
                write_json_atomic(self.layout.journal_file, entry, self.layout.tmp_dir)
                self._remove_meta(article_id)
            except BaseException:
                if self._lookup(article_id) is not None:  # not committed: no delete happened
                    self.layout.journal_file.unlink(missing_ok=True)
                raise
            self._finish_journal()

    def _remove_meta(self, article_id: str) -> None:
        with open_table_db(self.layout.shard(article_id), self.layout.tmp_dir) as db:
            if db.table(doc.ARTICLES).contains(doc.with_id(article_id)):
                db.table(doc.ARTICLES).remove(doc.with_id(article_id))

    def _deleting(self) -> str | None:
        """The article a delete left half-done, hidden from readers until it is finished."""
        if not self.layout.journal_file.exists():
            return None
        entry = read_json(self.layout.journal_file, doc.is_journal)
        return str(entry["id"]) if entry else None

    def _finish_journal(self) -> None:
        """Finish (idempotently) the delete recorded in the journal; the lock is held."""
        entry = read_json(self.layout.journal_file, doc.is_journal)
        if entry is None:
            return
        article_id = str(entry["id"])
        self._remove_meta(article_id)
        self._drop_annotations(article_id)
        if isinstance(entry.get("meta"), dict):
            meta = parse_or_corrupt(self.layout.journal_file, ArticleMeta.from_doc, entry["meta"])
            self.keys.drop(meta)
        self.layout.body(article_id).unlink(missing_ok=True)
        self.layout.journal_file.unlink()

    # ------------------------------------------------------------------ seeds

    def seeded(self) -> bool:
        """Whether seeds were ever imported, so deleting them all does not bring them back."""
        data = read_json(self.layout.schema_file, migrate.is_schema) or {}
        return bool(data.get("seeded"))

    def mark_seeded(self) -> None:
        with self._writing():
            data = read_json(self.layout.schema_file, migrate.is_schema)
            data = data or {"schema": SCHEMA_VERSION}
            data["seeded"] = now_iso()
            write_json_atomic(self.layout.schema_file, data, self.layout.tmp_dir)

    # ------------------------------------------------------------------ backups

    def backups(self) -> list[backup_ops.Backup]:
        """The automatic backups, newest first; works on a store `open` refused as corrupt."""
        return backup_ops.list_backups(self.layout)

    def backup_if_due(self) -> backup_ops.Backup | None:
        """Take the daily backup if it is due, then keep checking hourly on writes.

        For a store opened with `auto_backup=False` so that opening stays fast: the app
        calls this from a worker thread once its list is on screen.
        """
        with self._lock.held():
            self._backup_check = time.monotonic() + BACKUP_CHECK_S
            return backup_ops.backup_if_due(self)

    def backup(self) -> backup_ops.Backup | None:
        """Take a backup now (before a risky operation); None if a store file is unreadable."""
        with self._lock.held():
            return backup_ops.make_backup(self)

    def restore(self, backup: backup_ops.Backup, everything: bool = False) -> list[Path]:
        """Put back from `backup` every store file that is unreadable (all of them with
        `everything`); the replaced files are moved to quarantine/. Returns the restored paths."""
        with self._lock.held():
            return backup_ops.restore(self, backup, everything)


__all__ = [
    "FOLLOW_UP",
    "SCHEMA_VERSION",
    "Store",
    "StoreCorrupt",
    "content_hash",
    "item_ref",
    "known_tag",
    "normalise_tag",
    "same_tag",
    "valid_tag",
]
