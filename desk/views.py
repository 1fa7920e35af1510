"""Which articles a saved view shows: a search query's matches, all of them.

`desk.search.search` answers a person reading results, so it stops at 200 articles and
loads each one's items; a view narrows the article list, so it needs every matching id
and loads bodies only for the filters that look inside them (speaker:, kind:, and tag: with
words, which must be in what carries the tag).
"""

from __future__ import annotations

from desk.search import Hit, Query, item_hit, matching, notes_by_article, parse, tagged_keys
from storage.models import ArticleMeta
from storage.store import Store


def view_ids(store: Store, text: str) -> set[str]:
    """Ids of every article the query `text` matches; raises ValueError on a bad filter."""
    query = parse(text)
    metas = matching(store, query, limit=max(store.count(), 1))
    if (
        "kind" in query.filters
        or "speaker" in query.filters
        or ("tag" in query.filters and query.words)
    ):
        tagged = tagged_keys(store, query) or {}
        notes = notes_by_article(store) if query.words else {}
        metas = [m for m in metas if _hit(store, m, query, notes, tagged) is not None]
    return {m.id for m in metas}


def _hit(
    store: Store,
    meta: ArticleMeta,
    query: Query,
    notes: dict[str, dict[str, str]],
    tagged: dict[str, set[str]],
) -> Hit | None:
    keys = tagged.get(meta.id, set()) if "tag" in query.filters else None
    return item_hit(store, meta, query, notes.get(meta.id), keys)
