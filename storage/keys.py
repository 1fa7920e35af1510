"""The duplicate index: canonical URL and text hash -> article id, sharded like the articles.

Without it, `add_article` would parse every metadata shard (half a second at 50,000 articles)
to learn whether an article is already stored. Each article has up to two keys, `url:<url>`
and `text:<hash>`; a key's sha256 digest picks its shard `keys/<xx>.log`. Entries are hints:
a lookup checks the article's metadata, so an entry left behind by a crash or a refetch that
changed the URL is harmless.

Schema 3 made an add's index write cheap (storage/README.md has the numbers):

* A shard is a log of lines `<digest> <id>` (or `<digest> -`: removed), the last line for a
  digest winning. An add appends one line and fsyncs the file, where replacing a JSON
  file costs a temporary file, a rename and two fsyncs. A line cut short by a crash is
  ignored by readers and cut off by the next append (`jsonfile.append_lines`); a log with
  more dead lines than live ones (plus a margin) is rewritten whole, atomically.
* The index leaves out a URL key when the article's id is made from it (the usual case:
  an id is the start of sha256(`url:<url>`)): the store computes that id and looks in the
  metadata shard it reads anyway to choose a new id. Text keys are always indexed.

A canonical URL is trusted as an identity only so far: `same_story` tells the store whether
a page that names a stored article's URL as its canonical is that article (edited, or
fetched through another address) or clearly another story (`Store.add_article`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from storage.files import FileCache, Layout
from storage.jsonfile import append_lines, complete_lines, write_bytes_atomic
from storage.models import ArticleMeta

DIGEST_LENGTH = 16
ID_LENGTH = 8  # the shortest article id; longer only on a collision
REMOVED = "-"
SLACK_LINES = 64  # dead lines a log may carry beyond its live ones before it is rewritten
SHINGLE = 3  # words per shingle when comparing two texts
SAME_TEXT = 0.5  # share of the shorter text's shingles the other must hold: one story
_WORD = re.compile(r"\w+")


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


def id_digest(key: str) -> str:
    """The full sha256 an id made from `key` is a prefix of (see `Store._free_id`)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def is_made_from(article_id: str, key: str) -> bool:
    """Whether `article_id` was made from `key`: ids are 8+ leading hex digits of its sha256."""
    return len(article_id) >= ID_LENGTH and id_digest(key).startswith(article_id)


def indexed_keys(meta: ArticleMeta) -> list[str]:
    """The keys the index holds for an article: all but a URL key its id is made from."""
    keys = keys_of(meta)
    if meta.url and is_made_from(meta.id, keys[0]):
        return keys[1:]
    return keys


def same_story(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Whether two (title, text) pairs are one story: the same title (one may carry the
    site's name), or texts that share most of the shorter one's runs of words, as
    an edited article or a feed's excerpt of it does. Two different stories of one site
    share a few phrases and its boilerplate, far from half of either text."""
    if _same_title(a[0], b[0]):
        return True
    sets = [_shingles(text) for text in (a[1], b[1])]
    shorter = min(len(shingles) for shingles in sets)
    return shorter > 0 and len(sets[0] & sets[1]) >= SAME_TEXT * shorter


def _same_title(a: str, b: str) -> bool:
    """Equal in words, or the one of 3 words or more opens or ends the other ("Mayor
    unveils budget" and "Mayor unveils budget | The Times")."""
    short, long = sorted((" ".join(_WORD.findall(t.casefold())) for t in (a, b)), key=len)
    if not short or short == long:
        return bool(short)
    return len(short.split()) >= 3 and (long.startswith(short + " ") or long.endswith(" " + short))


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    span = min(SHINGLE, len(words))
    return {tuple(words[i : i + span]) for i in range(len(words) - span + 1)} if words else set()


def parse_log(raw: bytes) -> tuple[dict[str, str], int]:
    """A key log's live entries and its number of lines. Lines that are not ours (a power
    cut can leave zeros) are skipped: the index only gives hints."""
    entries: dict[str, str] = {}
    lines = complete_lines(raw)
    for line in lines:
        d, _, article_id = line.decode("utf-8", "replace").partition(" ")
        if len(d) != DIGEST_LENGTH or not article_id:
            continue
        if article_id == REMOVED:
            entries.pop(d, None)
        else:
            entries[d] = article_id
    return entries, len(lines)


def log_lines(entries: dict[str, str | None]) -> bytes:
    return "".join(f"{d} {i or REMOVED}\n" for d, i in entries.items()).encode("utf-8")


class KeyIndex:
    """Reads and updates `keys/`; writers must hold the store lock."""

    def __init__(self, layout: Layout, cache: FileCache) -> None:
        self.layout = layout
        self.cache = cache

    def _read(self, path: Path) -> tuple[dict[str, str], int]:
        return self.cache.get_bytes(path, parse_log) or ({}, 0)

    def lookup(self, key: str) -> str | None:
        d = digest(key)
        return self._read(self.layout.key_shard(d))[0].get(d)

    def put(self, metas: Iterable[ArticleMeta], durable: bool = True) -> None:
        """Point the indexed keys of `metas` at their articles, one write per touched shard."""
        self._update({digest(k): m.id for m in metas for k in indexed_keys(m)}, durable)

    def drop(self, meta: ArticleMeta) -> None:
        """Remove the keys that point at this article (others' keys are left alone), URL
        keys included: a refetch may have indexed one its id is not made from."""
        entries = {digest(k): None for k in keys_of(meta) if self.lookup(k) == meta.id}
        self._update(entries, True)

    def _update(self, entries: dict[str, str | None], durable: bool) -> None:
        by_shard: dict[Path, dict[str, str | None]] = defaultdict(dict)
        for d, article_id in entries.items():
            by_shard[self.layout.key_shard(d)][d] = article_id
        for path, changes in by_shard.items():
            live, lines = self._read(path)
            after = {**live, **changes}
            kept = {d: i for d, i in after.items() if i is not None}
            if lines + len(changes) > 2 * len(kept) + SLACK_LINES:
                write_bytes_atomic(path, log_lines(kept), self.layout.tmp_dir, durable)
            else:
                append_lines(path, log_lines(changes), durable)

    def rebuild(self, metas: Iterable[ArticleMeta]) -> None:
        """Write the whole index from the metadata (migration, restore); each shard is
        replaced whole, so a crash half-way leaves entries that are at worst missing.
        Anything else in keys/ goes, schema 2's JSON shards included."""
        by_shard: dict[Path, dict[str, str | None]] = defaultdict(dict)
        for meta in metas:
            for key in indexed_keys(meta):
                by_shard[self.layout.key_shard(digest(key))][digest(key)] = meta.id
        for path, data in by_shard.items():
            write_bytes_atomic(path, log_lines(data), self.layout.tmp_dir)
        if self.layout.keys_dir.is_dir():
            for path in self.layout.keys_dir.iterdir():
                if path not in by_shard:
                    path.unlink()
