"""The store's documents: how records become JSON and back, how each file is checked, and
the ids and hashes articles are known by. Pure functions, shared by the store's modules.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
from collections.abc import Callable, Mapping
from typing import Any

from storage.errors import ItemNotFound
from storage.jsonfile import dump_json, dump_json_exact
from storage.keys import text_key, url_key
from storage.models import (
    Article,
    ArticleBody,
    ArticleMeta,
    ItemRef,
    figure_keys,
    published_day,
    quote_keys,
)

ARTICLES = "articles"


def article_key(url: str | None, text_hash: str) -> str:
    """What an id is derived from: the canonical URL if known, else the text's hash."""
    return url_key(url) if url else text_key(text_hash)


def content_hash(text: str) -> str:
    """Whitespace does not make two texts different articles."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def plain_doc(record: Any) -> dict[str, Any]:
    """`to_doc` for a dataclass of plain values, without `asdict`'s deep copy (5x faster)."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def body_doc(body: ArticleBody) -> dict[str, Any]:
    """The same document as `body.to_doc()`, made faster: bodies are written in bulk."""
    return {
        "text": body.text,
        "quotes": [plain_doc(q) for q in body.quotes],
        "figures": [plain_doc(f) for f in body.figures],
    }


def body_bytes(body: ArticleBody) -> bytes:
    """A body file's bytes; by json if a figure's value is a NaN or infinite float (a
    400-digit number is), which orjson would write as null. (An integer orjson cannot
    write, as a body of an older version may hold, sends `dump_json` to json itself.)"""
    data = body_doc(body)
    if all(not isinstance(f.value, float) or math.isfinite(f.value) for f in body.figures):
        return dump_json(data)
    return dump_json_exact(data)


def is_body(data: Any) -> str | None:
    """Validator for bodies/<xx>/<id>.json."""
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        return "expected an article body object with a 'text' string"
    return None


def is_journal(data: Any) -> str | None:
    """Validator for journal.json."""
    if not isinstance(data, dict) or data.get("op") != "delete" or "id" not in data:
        return "expected a journal entry {'op': 'delete', 'id': ...}"
    return None


def parse_shard(data: dict[str, dict[str, Any]]) -> dict[str, ArticleMeta]:
    """An articles/<xx>.json file as {id: ArticleMeta}."""
    metas = (ArticleMeta.from_doc(doc) for doc in data.get(ARTICLES, {}).values())
    return {m.id: m for m in metas}


def with_id(article_id: str) -> Callable[[Mapping[str, Any]], bool]:
    """A TinyDB condition, as a plain function: faster than a tinydb.Query tree."""
    return lambda doc: doc.get("id") == article_id


def newest_first(meta: ArticleMeta) -> str:
    """One string compares faster than a tuple; NUL sorts before any character, so the
    order is that of the tuple (published or added, added, id). A published value that
    does not start with an ISO year (a raw feed date an older store kept) sorts by the day
    it names, or by when it was added."""
    published = meta.published
    if published and not (published[:4].isdigit() and published[4:5] in ("", "-", "T", " ")):
        published = published_day(published)
    return f"{published or meta.added}\0{meta.added}\0{meta.id}"


def item_ref(article: Article, kind: str, number: int) -> tuple[ItemRef, str]:
    """The ref and label of the article's `number`-th (1-based) quote or figure."""
    items: list[Any]
    if kind == "quote":
        items, keys = list(article.body.quotes), quote_keys(article.body.quotes)
    else:
        items, keys = list(article.body.figures), figure_keys(article.body.figures)
    if not 1 <= number <= len(items):
        raise ItemNotFound(f"article {article.id} has no {kind} number {number} (1-{len(items)})")
    return ItemRef(article.id, keys[number - 1]), items[number - 1].text
