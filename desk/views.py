"""Which articles a saved view shows: a search query's matches, all of them.

`desk.search.search` answers a person reading results, so it stops at 200 articles and
loads each one's items; a view narrows the article list, so it needs every matching id
and loads bodies only for the filters that look inside them (speaker:, kind:).
"""

from __future__ import annotations

from desk.search import _items, _meta_ok, _tagged, index_for, parse
from storage.store import Store


def view_ids(store: Store, text: str) -> set[str]:
    """Ids of every article the query `text` matches; raises ValueError on a bad filter."""
    query = parse(text)
    tagged = _tagged(store, query)
    metas = store.articles()
    if query.fts():
        index = index_for(store)
        index.sync(metas, store.body)
        found = set(index.match(query.fts(), limit=max(len(metas), 1)))
        metas = [m for m in metas if m.id in found]
    metas = [m for m in metas if _meta_ok(m, query, tagged)]
    if "kind" in query.filters:
        metas = [m for m in metas if m.n_figures]
    if "kind" in query.filters or "speaker" in query.filters:
        metas = [m for m in metas if _items(store, m, query) is not None]
    return {m.id for m in metas}
