"""Search across the store: words and "phrases" plus filters, answered with articles and items.

Query syntax (terms combine with AND):
    word  "a phrase"  tag:verify  speaker:Huet  site:sifted.eu  kind:money
    unread  read  partial  after:2024-10-01  before:2025-01-01
Words and phrases are matched by the full-text index over titles, bodies, quotes, speakers
and the user's notes; the other filters on the small metadata every article keeps in memory.
A quote or figure is listed under its article when the words are in it, or in its note;
the note of one no longer in the article's text (dropped by a refetch) is listed alone.
`site:` is the outlet's name or a domain of the article's URL (`cityam.com`, `www.cityam.com`).
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from storage.models import (
    FIGURE_KINDS,
    ArticleMeta,
    Figure,
    Quote,
    article_day,
    figure_keys,
    quote_keys,
)
from storage.search_index import Progress, SearchIndex
from storage.store import Store

MAX_RESULTS = 200
_FILTERS = ("tag", "speaker", "site", "kind", "after", "before")
_FLAGS = ("unread", "read", "partial")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@dataclass(slots=True)
class Query:
    """A parsed search: free text for the index, and filters on metadata and items."""

    words: list[str] = field(default_factory=list)
    filters: dict[str, list[str]] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)

    def fts(self) -> str:
        """The FTS5 expression: each word or phrase quoted (so no user text is FTS syntax)."""
        parts = ['"' + w.replace('"', '""') + '"' for w in self.words]
        parts += [f'speakers : "{s.replace(chr(34), "")}"' for s in self.filters.get("speaker", [])]
        return " AND ".join(parts)


@dataclass(slots=True)
class Hit:
    """One matching article, with the quotes and figures that match (1-based numbers)."""

    meta: ArticleMeta
    quotes: list[tuple[int, Quote]] = field(default_factory=list)
    figures: list[tuple[int, Figure]] = field(default_factory=list)
    # matching notes by item key ("": its own); a key of no quote or figure listed is an
    # item no longer in the article's text (its note is all that is left of it)
    notes: dict[str, str] = field(default_factory=dict)


def parse(text: str) -> Query:
    """Split the user's query; a lone `"` is forgiven rather than an error."""
    try:
        tokens = shlex.split(text)
    except ValueError:
        tokens = shlex.split(text.replace('"', " "))
    query = Query()
    for token in tokens:
        name, sep, value = token.partition(":")
        if sep and name.lower() in _FILTERS and value:
            query.filters.setdefault(name.lower(), []).append(value)
        elif token.lower() in _FLAGS:
            query.flags.add(token.lower())
        else:
            query.words.append(token)
    for key in ("after", "before"):
        for value in query.filters.get(key, []):
            if not _DATE.match(value):
                raise ValueError(f"{key}: wants a date like 2024-10-01, not {value!r}")
    for kind in query.filters.get("kind", []):
        if kind not in FIGURE_KINDS:
            raise ValueError(f"kind: is one of {', '.join(FIGURE_KINDS)}, not {kind!r}")
    return query


def _meta_ok(meta: ArticleMeta, query: Query, tagged: set[str] | None) -> bool:
    if tagged is not None and meta.id not in tagged:
        return False
    if ("unread" in query.flags and meta.read) or ("read" in query.flags and not meta.read):
        return False
    if "partial" in query.flags and meta.status != "partial":
        return False
    sites = query.filters.get("site", [])
    if sites and not any(_site_ok(meta, s) for s in sites):
        return False
    when = day_of(meta)
    if any(when < d for d in query.filters.get("after", [])):
        return False
    return not any(when > d for d in query.filters.get("before", []))


def _host(url: str | None) -> str:
    """A URL's host without `www.`: what `site:` compares a domain with."""
    try:
        host = urlsplit(url or "").hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _site_ok(meta: ArticleMeta, site: str) -> bool:
    """`site:` names the outlet as the list shows it ("CityAM"), or a domain of its URL
    ("cityam.com", "www.cityam.com"): the name alone missed every domain but the few
    outlets whose name is their domain, README's own `site:sifted.eu` example among them."""
    wanted = site.lower()
    if wanted in (meta.site or "").lower():
        return True
    domain = wanted.removeprefix("www.")
    hosts = {_host(u) for u in (meta.url, meta.fetched_url)} - {""}
    return any(h == domain or h.endswith("." + domain) for h in hosts)


def day_of(meta: ArticleMeta) -> str:
    """The article's date for `after:` and `before:`, the day the app shows (`article_day`)."""
    return article_day(meta.published, meta.added)


def _tagged(store: Store, query: Query) -> set[str] | None:
    tags = query.filters.get("tag")
    if not tags:
        return None
    sets = [{t.ref.article for t in store.tags() if t.tag == name} for name in tags]
    return set.intersection(*sets)


_INDEXES: dict[Path, SearchIndex] = {}


def index_for(store: Store) -> SearchIndex:
    """One index object per store, so what it learnt in the last sync is kept."""
    path = store.root / "search.sqlite"
    if path not in _INDEXES:
        _INDEXES[path] = SearchIndex(path)
    return _INDEXES[path]


def notes_by_article(store: Store) -> dict[str, dict[str, str]]:
    """Every note's text, by article id, then item key ("" for the article's own note)."""
    found: dict[str, dict[str, str]] = {}
    for ref, text in store.notes().items():
        found.setdefault(ref.article, {})[ref.item] = text
    return found


def article_notes(store: Store) -> dict[str, str]:
    """Each article's notes as one text, in item-key order: what the index holds of them."""
    return {
        article: "\n".join(notes[key] for key in sorted(notes))
        for article, notes in notes_by_article(store).items()
    }


def sync_index(
    store: Store,
    index: SearchIndex,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    metas: list[ArticleMeta] | None = None,
    version: tuple[object, ...] | None = None,
) -> int:
    """Bring the index up to date with the store's articles and notes. The version is read
    before the articles (or passed by the caller who read them): stamped after, it could
    cover an article another process added between the two reads, which the index would
    then never take in."""
    version = store.version() if version is None else version
    metas = store.articles() if metas is None else metas
    return index.sync(
        metas, store.body, progress, cancelled, version=version, notes=article_notes(store)
    )


def matching(
    store: Store, query: Query, index: SearchIndex | None = None, limit: int = 5000
) -> list[ArticleMeta]:
    """Articles that pass the query's words and metadata filters, best first."""
    tagged = _tagged(store, query)
    version = store.version()
    metas = store.articles()
    if query.fts():
        index = index or index_for(store)
        sync_index(store, index, metas=metas, version=version)
        by_id = {m.id: m for m in metas}
        metas = [by_id[i] for i in index.match(query.fts(), limit=limit) if i in by_id]
    metas = [m for m in metas if _meta_ok(m, query, tagged)]
    if "kind" in query.filters:
        metas = [m for m in metas if m.n_figures]
    return metas


def search(store: Store, text: str, index: SearchIndex | None = None) -> list[Hit]:
    """Articles matching `text`, best first (newest first when there are no words)."""
    query = parse(text)
    notes = notes_by_article(store) if query.words else {}
    metas = matching(store, query, index)[:MAX_RESULTS]
    hits = [item_hit(store, m, query, notes.get(m.id)) for m in metas]
    return [h for h in hits if h is not None]


def _has_all(words: list[str], text: str) -> bool:
    return bool(words) and all(w in text.lower() for w in words)


def item_hit(
    store: Store, meta: ArticleMeta, query: Query, notes: Mapping[str, str] | None = None
) -> Hit | None:
    """Load the article's items and keep those the query is about; `notes` (the article's,
    by item key) add the items whose note holds the words. Words narrow a speaker's quotes
    and a kind's figures too: `speaker:Huet competition` is Huet's quotes on competition."""
    wants_items = query.words or "speaker" in query.filters or "kind" in query.filters
    if not wants_items:
        return Hit(meta)
    body = store.body(meta.id)
    words = [w.lower() for w in query.words]
    speakers = [s.lower() for s in query.filters.get("speaker", [])]
    kinds = query.filters.get("kind", [])
    noted = {key: text for key, text in (notes or {}).items() if _has_all(words, text)}
    hit = Hit(meta, notes=noted)
    qkeys = quote_keys(body.quotes) if noted else []
    for n, q in enumerate(body.quotes, 1):
        said = (q.speaker or "").lower()
        if speakers and not any(s in said for s in speakers):
            continue
        if (
            (speakers and not words)
            or _has_all(words, q.text + " " + said)
            or (qkeys and qkeys[n - 1] in noted)
        ):
            hit.quotes.append((n, q))
    fkeys = figure_keys(body.figures) if noted else []
    for n, f in enumerate(body.figures, 1):
        if kinds and f.kind not in kinds:
            continue
        if (
            (kinds and not words)
            or _has_all(words, f.sentence)
            or (fkeys and fkeys[n - 1] in noted)
        ):
            hit.figures.append((n, f))
    if (kinds and not hit.figures) or (speakers and not hit.quotes):
        return None
    if noted:
        hit.notes = _listed_notes(hit, noted, qkeys, fkeys, orphans=not (speakers or kinds))
    return hit


def _listed_notes(
    hit: Hit, noted: dict[str, str], qkeys: list[str], fkeys: list[str], orphans: bool
) -> dict[str, str]:
    """The notes of what is listed: the article's own, its listed items', and, with
    `orphans` (no speaker or kind asked for: a gone item has neither), those of items a
    refetch dropped from the text, where the note is the only reason the article matched."""
    listed = {"", *(qkeys[n - 1] for n, _ in hit.quotes), *(fkeys[n - 1] for n, _ in hit.figures)}
    present = {*qkeys, *fkeys}
    return {
        key: text
        for key, text in noted.items()
        if key in listed or (orphans and key not in present)
    }
