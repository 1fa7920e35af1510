"""The domain records newsroom stores, and their JSON document shapes.

Everything here is plain data: the store persists these with `to_doc`/`from_doc`,
the extractors in `ingest` produce `Quote` and `Figure`, and the TUI renders them.
Offsets (`start`, `end`) index into `ArticleBody.text`; a quote's span excludes its marks.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

FigureKind = Literal["money", "percent", "count", "quantity", "other"]
FIGURE_KINDS: tuple[str, ...] = ("money", "percent", "count", "quantity", "other")
ItemKind = Literal["article", "quote", "figure"]


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


_ISO_START = re.compile(r"(\d{4}(?:-\d{2}(?:-\d{2})?)?)(?:[T ]|$)")


def published_day(published: str | None) -> str | None:
    """The day a stored `published` names, in ISO form (YYYY-MM-DD, or YYYY-MM or YYYY when
    that is all the source gave): the start of an ISO date, the UTC day of a raw RFC 822
    date (stores before session 6 kept feed dates as they came), else None. Raw text
    compared as a string would sort "Wed, 20 Nov 2019" after every ISO date."""
    text = (published or "").strip()
    if match := _ISO_START.match(text):
        return match.group(1)
    import datetime
    import email.utils  # deferred: only legacy raw dates need it

    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is not None:
        when = when.astimezone(datetime.UTC)
    return when.date().isoformat() if when.year >= 1000 else None


def article_day(published: str | None, added: str | None) -> str:
    """The one day an article goes by: its published day (see `published_day`), else the
    day it was added. The app shows it (`tui.safe_text.date_of`, which cleans the web text
    first), search's `after:` and `before:` compare it, and exports write it; it lives here,
    below them all, so that desk/ and tui/ share it without desk/ importing tui/."""
    return published_day(published) or (added or "")[:10]


def labelled_day(published: str | None, added: str | None) -> str:
    """`article_day` as people read it: "2026-11-20" for a published day, "added 2026-11-25"
    for the day it was stored, which is not when it was written: a journalist citing the
    article must not take one for the other. The reader, `newsroom show` and the memo all
    write it this one way; "" when neither day is known."""
    day = article_day(published, added)
    return day if not day or published_day(published) else f"added {day}"


def _from_doc(cls: type, doc: dict[str, Any]) -> Any:
    """Build a dataclass from a document, ignoring keys a newer schema may have added.

    A document written by `to_doc` has every field in order: passed positionally, 3x
    faster, which counts when a 50,000-article store is listed or indexed."""
    names = _field_names(cls)
    keys = tuple(doc)
    if keys == names or keys == names[: len(keys)]:  # also a document from before a field
        return cls(*doc.values())  # was added at the end: the defaults fill the rest
    return cls(**{k: v for k, v in doc.items() if k in names})


def stable_key(prefix: str, text: str, seen: dict[str, int]) -> str:
    """A key that survives re-analysis: hash of the text, plus an occurrence number on repeats."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    base = f"{prefix}-{digest}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


@dataclass(frozen=True, slots=True)
class Quote:
    """Words a person or organisation said, found in an article's text."""

    text: str
    speaker: str | None
    start: int
    end: int
    sentence: str = ""
    role: str | None = None

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Quote:
        return _from_doc(cls, doc)


@dataclass(frozen=True, slots=True)
class Figure:
    """A number written with digits that states money, a rate, a count or a quantity."""

    text: str
    kind: str
    value: float | None
    unit: str | None
    start: int
    end: int
    sentence: str = ""

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Figure:
        return _from_doc(cls, doc)


def quote_keys(quotes: list[Quote]) -> list[str]:
    """Stable keys for an article's quotes, used to attach tags and notes to them."""
    seen: dict[str, int] = {}
    return [stable_key("q", q.text, seen) for q in quotes]


def figure_keys(figures: list[Figure]) -> list[str]:
    """Stable keys for an article's figures, used to attach tags and notes to them."""
    seen: dict[str, int] = {}
    return [stable_key("f", f.text + "\x00" + f.sentence, seen) for f in figures]


@dataclass(slots=True)
class ArticleMeta:
    """What the article list needs: small, loaded for every article at start-up."""

    id: str
    title: str
    url: str | None = None
    site: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as the source gives it
    added: str = ""  # ISO 8601 UTC timestamp
    language: str | None = None
    source: str = "file"  # seed | file | url | feed
    feed: str | None = None
    status: str = "ok"  # ok | partial (body from the feed only, to be retried)
    error: str | None = None
    content_hash: str = ""
    n_quotes: int = 0
    n_figures: int = 0
    read: bool = False
    # The URL the page was fetched from (after redirects) when its canonical `url` differs:
    # a mirror, or a page whose canonical link names another host. `url` stays the
    # article's identity; this is where it can be fetched again. None: the same, or unknown.
    fetched_url: str | None = None

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ArticleMeta:
        return _from_doc(cls, doc)

    def fetch_urls(self) -> list[str]:
        """Where to fetch the article again, in order: the URL it was fetched from, then
        its canonical URL (all an article stored before fetched URLs were kept has)."""
        return list(dict.fromkeys(u for u in (self.fetched_url, self.url) if u))


@dataclass(slots=True)
class ArticleBody:
    """The large, rarely changing part of an article: loaded only when it is opened."""

    text: str
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)

    def to_doc(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "quotes": [q.to_doc() for q in self.quotes],
            "figures": [f.to_doc() for f in self.figures],
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ArticleBody:
        return cls(
            text=doc["text"],
            quotes=[Quote.from_doc(q) for q in doc.get("quotes", [])],
            figures=[Figure.from_doc(f) for f in doc.get("figures", [])],
        )


@dataclass(slots=True)
class Article:
    """An article as a whole: its metadata and its body."""

    meta: ArticleMeta
    body: ArticleBody

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True, slots=True)
class ItemRef:
    """Names a taggable thing: an article (`item == ""`), or one of its quotes or figures."""

    article: str
    item: str = ""  # "" for the article itself, else a quote or figure key ("q-…", "f-…")

    @property
    def kind(self) -> ItemKind:
        if not self.item:
            return "article"
        return "quote" if self.item.startswith("q-") else "figure"

    def __str__(self) -> str:
        return f"{self.article}/{self.item}" if self.item else self.article

    def to_doc(self) -> dict[str, str]:
        """The two fields every tag and note document starts with."""
        return {"article": self.article, "item": self.item}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ItemRef:
        return cls(doc["article"], doc.get("item", ""))


@dataclass(frozen=True, slots=True)
class Tag:
    """One tag on one item; `label` keeps the item's text so views need not load the body."""

    ref: ItemRef
    tag: str
    label: str = ""
    added: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {**self.ref.to_doc(), "tag": self.tag, "label": self.label, "added": self.added}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Tag:
        ref = ItemRef.from_doc(doc)
        return cls(ref=ref, tag=doc["tag"], label=doc.get("label", ""), added=doc.get("added", ""))


@dataclass(frozen=True, slots=True)
class Note:
    """A free-text note on one item (article, quote or figure); one note per item."""

    ref: ItemRef
    text: str
    added: str = ""
    updated: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {
            **self.ref.to_doc(),
            "text": self.text,
            "added": self.added,
            "updated": self.updated,
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Note:
        ref = ItemRef.from_doc(doc)
        added = doc.get("added", "")
        return cls(ref=ref, text=doc["text"], added=added, updated=doc.get("updated", added))
