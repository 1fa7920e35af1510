"""The duplicate index: canonical URL and text hash -> article id, sharded like the articles.

Without it, `add_article` would parse every metadata shard (half a second at 50,000 articles)
to learn whether an article is already stored. Each article has up to two keys, `url:<url>`
and `text:<hash>`; a key's sha256 digest picks its shard `keys/<xx>.json`, a plain JSON
object {digest: id}. Entries are hints: a lookup checks the article's metadata, so an entry
left behind by a crash or a refetch that changed the URL is harmless.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storage.files import FileCache, Layout
from storage.jsonfile import write_json_atomic
from storage.models import ArticleMeta

DIGEST_LENGTH = 16


def url_key(url: str) -> str:
    return f"url:{url}"


def text_key(text_hash: str) -> str:
    return f"text:{text_hash}"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def keys_of(meta: ArticleMeta) -> list[str]:
    """The keys an article is found by: its canonical URL if any, and its text hash."""
    keys = [url_key(meta.url)] if meta.url else []
    return [*keys, text_key(meta.content_hash)]


def is_key_file(data: Any) -> str | None:
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return "expected an object mapping key digests to article ids"
    return None


def _parse(data: dict[str, str]) -> dict[str, str]:
    return data


class KeyIndex:
    """Reads and updates `keys/`; writers must hold the store lock."""

    def __init__(self, layout: Layout, cache: FileCache) -> None:
        self.layout = layout
        self.cache = cache

    def lookup(self, key: str) -> str | None:
        d = digest(key)
        shard = self.cache.get(self.layout.key_shard(d), _parse, is_key_file) or {}
        return shard.get(d)

    def put(self, metas: Iterable[ArticleMeta], durable: bool = True) -> None:
        """Point every key of `metas` at its article, one write per touched shard."""
        self._update({digest(k): m.id for m in metas for k in keys_of(m)}, durable)

    def drop(self, meta: ArticleMeta) -> None:
        """Remove the keys that point at this article (others' keys are left alone)."""
        entries = {digest(k): None for k in keys_of(meta) if self.lookup(k) == meta.id}
        self._update(entries, True)

    def _update(self, entries: dict[str, str | None], durable: bool) -> None:
        by_shard: dict[Path, dict[str, str | None]] = defaultdict(dict)
        for d, article_id in entries.items():
            by_shard[self.layout.key_shard(d)][d] = article_id
        for path, changes in by_shard.items():
            current = dict(self.cache.get(path, _parse, is_key_file) or {})
            for d, article_id in changes.items():
                if article_id is None:
                    current.pop(d, None)
                else:
                    current[d] = article_id
            write_json_atomic(path, current, self.layout.tmp_dir, durable)

    def rebuild(self, metas: Iterable[ArticleMeta]) -> None:
        """Write the whole index from the metadata (migration, restore); each shard is
        replaced whole, so a crash half-way leaves entries that are at worst missing."""
        by_shard: dict[Path, dict[str, str]] = defaultdict(dict)
        for meta in metas:
            for key in keys_of(meta):
                by_shard[self.layout.key_shard(digest(key))][digest(key)] = meta.id
        for path, data in by_shard.items():
            write_json_atomic(path, data, self.layout.tmp_dir)
        if self.layout.keys_dir.is_dir():
            for path in self.layout.keys_dir.glob("*.json"):
                if path not in by_shard:
                    path.unlink()
