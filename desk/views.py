"""Which articles a saved view shows: a search query's matches, all of them.

`desk.search.search` answers a person reading results, so it stops at 200 articles and
loads each one's items; a view narrows the article list, so it needs every matching id
and loads bodies only for the filters that look inside them (speaker:, kind:).
"""

from __future__ import annotations

from desk.search import item_hit, matching, parse
from storage.store import Store


def view_ids(store: Store, text: str) -> set[str]:
    """Ids of every article the query `text` matches; raises ValueError on a bad filter."""
    query = parse(text)
    metas = matching(store, query, limit=max(store.count(), 1))
    if "kind" in query.filters or "speaker" in query.filters:
        metas = [m for m in metas if item_hit(store, m, query) is not None]
    return {m.id for m in metas}
