"""Search across the store: words and "phrases" plus filters, answered with articles and items.

Query syntax (terms combine with AND):
    word  "a phrase"  tag:verify  speaker:Huet  site:sifted.eu  kind:money
    unread  read  partial  after:2024-10-01  before:2025-01-01
Words and phrases are matched by the full-text index over titles, bodies, quotes, speakers
and the user's notes; the other filters on the small metadata every article keeps in memory.
A quote or figure is listed under its article when it passes every filter that bears on it:
the words are in it or in its note, it is by the `speaker:`, of the `kind:`, and carries the
`tag:` itself; the note of one no longer in the article's text (dropped by a refetch) is
listed alone. `site:` is the outlet's name or a domain of the article's URL.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from storage.annotations import normalise_tag
from storage.models import (
    FIGURE_KINDS,
    ArticleMeta,
    Figure,
    ItemRef,
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
            if not _real_date(value):
                raise ValueError(
                    f"{key}: wants a date like 2024-10-01, not {value!r}: there is no such day"
                )
    for kind in query.filters.get("kind", []):
        if kind not in FIGURE_KINDS:
            raise ValueError(f"kind: is one of {', '.join(FIGURE_KINDS)}, not {kind!r}")
    return query


def _real_date(value: str) -> bool:
    """Whether `2024`, `2024-10` or `2024-10-01` names a real month or day: compared as
    text, `2019-13-45` would pass silently and match nothing (or everything)."""
    year, _, rest = value.partition("-")
    month, _, day = rest.partition("-")
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _meta_ok(meta: ArticleMeta, query: Query, tagged: Container[str] | None) -> bool:
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


def _tag_name(tag: str) -> str:
    """A tag as the store keeps it (`#verify` typed as shown is `verify`)."""
    try:
        return normalise_tag(tag)
    except ValueError:
        return tag


def tagged_keys(store: Store, query: Query) -> dict[str, set[str]] | None:
    """The keys ("" for the article itself) of what carries every tag the query names, by
    article id; None when it names none. `tag:` matches a thing that carries the tag, not
    an article with the tag somewhere: `tag:verify kind:count` is a count figure tagged
    verify, not every count figure of an article with one verify tag."""
    names = {_tag_name(t) for t in query.filters.get("tag", [])}
    if not names:
        return None
    carried: dict[ItemRef, set[str]] = {}
    for t in store.tags():
        carried.setdefault(t.ref, set()).add(_tag_name(t.tag))
    found: dict[str, set[str]] = {}
    for ref, tags in carried.items():
        if names <= tags:
            found.setdefault(ref.article, set()).add(ref.item)
    return found


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
    tagged = tagged_keys(store, query)
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
    tagged = tagged_keys(store, query)
    metas = matching(store, query, index)[:MAX_RESULTS]
    hits = [
        item_hit(
            store, m, query, notes.get(m.id), None if tagged is None else tagged.get(m.id, set())
        )
        for m in metas
    ]
    return [h for h in hits if h is not None]


def _has_all(words: list[str], text: str) -> bool:
    return bool(words) and all(w in text.lower() for w in words)


@dataclass(slots=True)
class _ItemFilter:
    """What a quote or figure must pass: every filter the query gives that bears on it.
    `speaker:` asks for quotes and `kind:` for figures (both: for both); words must be in
    the item or its note, and `tag:` on the item itself."""

    words: list[str]
    speakers: list[str]
    kinds: list[str]
    tagged: set[str] | None
    noted: dict[str, str]

    def quote_ok(self, key: str, quote: Quote) -> bool:
        said = (quote.speaker or "").lower()
        if self.kinds and not self.speakers:
            return False
        if self.speakers and not any(s in said for s in self.speakers):
            return False
        return self._common_ok(key, quote.text + " " + said)

    def figure_ok(self, key: str, figure: Figure) -> bool:
        if self.speakers and not self.kinds:
            return False
        if self.kinds and figure.kind not in self.kinds:
            return False
        return self._common_ok(key, figure.sentence)

    def _common_ok(self, key: str, text: str) -> bool:
        if self.tagged is not None and key not in self.tagged:
            return False
        return not self.words or _has_all(self.words, text) or key in self.noted


def item_hit(
    store: Store,
    meta: ArticleMeta,
    query: Query,
    notes: Mapping[str, str] | None = None,
    tagged: set[str] | None = None,
) -> Hit | None:
    """Load the article's items and keep those the query is about; `notes` (the article's,
    by item key) add the items whose note holds the words; `tagged` (the keys of what in
    the article carries the query's tags, from `tagged_keys`) keeps only those."""
    if tagged is None and "tag" in query.filters:
        tagged = (tagged_keys(store, query) or {}).get(meta.id, set())
    speakers = [s.lower() for s in query.filters.get("speaker", [])]
    kinds = query.filters.get("kind", [])
    if not (query.words or speakers or kinds or tagged is not None):
        return Hit(meta)
    words = [w.lower() for w in query.words]
    noted = {
        key: text
        for key, text in (notes or {}).items()
        if _has_all(words, text) and (tagged is None or key in tagged)
    }
    wanted = _ItemFilter(words, speakers, kinds, tagged, noted)
    body = store.body(meta.id)
    hit = Hit(meta)
    qkeys, fkeys = quote_keys(body.quotes), figure_keys(body.figures)
    hit.quotes = [
        (n, q)
        for n, (k, q) in enumerate(zip(qkeys, body.quotes, strict=True), 1)
        if wanted.quote_ok(k, q)
    ]
    hit.figures = [
        (n, f)
        for n, (k, f) in enumerate(zip(fkeys, body.figures, strict=True), 1)
        if wanted.figure_ok(k, f)
    ]
    if (kinds and not hit.figures) or (speakers and not hit.quotes):
        return None
    hit.notes = _listed_notes(hit, noted, qkeys, fkeys, orphans=not (speakers or kinds))
    itself = not (speakers or kinds) and (tagged is None or "" in tagged)
    if not (itself or hit.quotes or hit.figures or hit.notes):
        return None  # what carries the tag is not what holds the words
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
