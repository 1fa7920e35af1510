"""A full JSON backup of a store, and its exact restore: articles, items, tags and notes.

Ids are derived from each article's URL or text, so restoring into an empty store gives
every article its old id back; if one differs (a collision), its tags and notes follow it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from storage.models import ArticleBody, ArticleMeta, ItemRef, Tag
from storage.store import Store

FORMAT = "newsroom-backup"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class RestoreCounts:
    """What a restore did, for the user's summary line."""

    added: int
    unchanged: int
    tags: int
    notes: int


def backup(store: Store) -> dict[str, Any]:
    """Everything in the store as one JSON-ready document."""
    articles = []
    for meta in store.articles():
        body = store.body(meta.id)
        articles.append({"meta": meta.to_doc(), "body": body.to_doc()})
    note_docs = [{**ref.to_doc(), "text": text} for ref, text in store.notes().items()]
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "articles": articles,
        "tags": [t.to_doc() for t in store.tags()],
        "notes": note_docs,
    }


def check_backup(data: Any) -> None:
    """Refuse anything that is not a backup this newsroom can read, before writing anything."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError(
            "not a newsroom backup (expected a JSON object with format newsroom-backup)"
        )
    if not isinstance(data.get("version"), int) or data["version"] > FORMAT_VERSION:
        raise ValueError(f"unsupported backup version {data.get('version')!r}")
    for key in ("articles", "tags", "notes"):
        if not isinstance(data.get(key, []), list):
            raise ValueError(f"backup field {key!r} is not a list")


def restore(store: Store, data: Any) -> RestoreCounts:
    """Add the backup's articles, tags and notes to `store`; existing ones are kept."""
    check_backup(data)
    try:  # parse everything first, so a bad document stops the restore before any write
        records = [
            (ArticleMeta.from_doc(d["meta"]), ArticleBody.from_doc(d["body"]))
            for d in data["articles"]
        ]
        tag_list = [Tag.from_doc(d) for d in data.get("tags", [])]
        note_list = [(ItemRef.from_doc(d), str(d["text"])) for d in data.get("notes", [])]
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"backup has a malformed record: {exc!r}") from exc
    ids: dict[str, str] = {}
    added = 0
    for meta, body in records:
        old_id, meta.id = meta.id, ""
        stored, created = store.add_article(meta, body)
        ids[old_id] = stored.id
        added += created
    tags = 0
    for tag in tag_list:
        ref = ItemRef(ids.get(tag.ref.article, tag.ref.article), tag.ref.item)
        tags += store.tag(ref, tag.tag, tag.label)
    notes = 0
    for ref, text in note_list:
        store.note(ItemRef(ids.get(ref.article, ref.article), ref.item), text)
        notes += 1
    return RestoreCounts(added, len(data["articles"]) - added, tags, notes)
