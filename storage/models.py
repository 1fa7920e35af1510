"""The domain records newsroom stores, and their JSON document shapes.

Everything here is plain data: the store persists these with `to_doc`/`from_doc`,
the extractors in `ingest` produce `Quote` and `Figure`, and the TUI renders them.
Offsets (`start`, `end`) index into `ArticleBody.text`; a quote's span excludes its marks.
"""

from __future__ import annotations

import _thread
import functools
import hashlib
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # made on first use, by `_make_items` below
    from storage.models import Figure, Quote

FigureKind = Literal["money", "percent", "count", "quantity", "other"]
FIGURE_KINDS: tuple[str, ...] = ("money", "percent", "count", "quantity", "other")
ItemKind = Literal["article", "quote", "figure"]


class Record:
    """A plain record class, for records on the start-up path of `newsroom refresh` that no
    caller copies with `dataclasses.replace` or reads with `dataclasses.fields`: creating a
    dataclass costs 1.5-3.5 ms at import on Python 3.11 (it compiles `__init__`, `__eq__`,
    `__repr__`... for each class), which a dozen of them made a tenth of the command's time.

    A subclass names its fields in `_fields` (its `__slots__` too) and writes its `__init__`,
    which takes them in that order; equality (same class, same field values) and repr are
    those of a dataclass."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  # as a dataclass's, unless frozen

    def __repr__(self) -> str:
        fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self._fields)
        return f"{type(self).__qualname__}({fields})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (to a cooking process) and copied as a call with the field values."""
        return (self.__class__, self._values())


class FrozenRecord(Record):
    """A `Record` whose fields cannot be assigned once made (as a frozen dataclass's), and
    so hashable; its `__init__` sets them with `object.__setattr__`."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash(self._values())


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _from_doc(cls: type, doc: dict[str, Any]) -> Any:
    """Build a dataclass from a document, ignoring keys a newer schema may have added.

    A document written by `to_doc` has every field in order: passed positionally, 3x
    faster, which counts when a 50,000-article store is listed or indexed."""
    names = _field_names(cls)
    if tuple(doc) == names:
        return cls(*doc.values())
    return cls(**{k: v for k, v in doc.items() if k in names})


def stable_key(prefix: str, text: str, seen: dict[str, int]) -> str:
    """A key that survives re-analysis: hash of the text, plus an occurrence number on repeats."""
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    base = f"{prefix}-{digest}"
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}-{seen[base]}"


_made = _thread.allocate_lock()


def __getattr__(name: str) -> Any:
    """`Quote` and `Figure` are made when first asked for (PEP 562): creating a dataclass
    costs 1.5-3.5 ms, and storage's start-up (every command, a refresh that finds nothing
    new) never uses them; extracting, the app's reader and exports do."""
    if name not in ("Quote", "Figure"):
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _made:  # two threads asking at once get the same classes
        if "Quote" not in globals():
            globals().update(_make_items())
    return globals()[name]


def _items() -> tuple[type[Quote], type[Figure]]:
    """The classes, made if needed, for this module's own code (which `__getattr__`
    does not serve)."""
    return __getattr__("Quote"), __getattr__("Figure")


def _make_items() -> dict[str, type]:
    """Quote and Figure, as dataclasses (their callers replace them and read their fields),
    named as if defined at module level so that pickle finds them."""

    @dataclass(frozen=True, slots=True)
    class Quote:
        """Words a person or organisation said, found in an article's text."""

        __qualname__ = "Quote"

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

        __qualname__ = "Figure"

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

    return {"Quote": Quote, "Figure": Figure}


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

    def to_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ArticleMeta:
        return _from_doc(cls, doc)


class ArticleBody(Record):
    """The large, rarely changing part of an article: loaded only when it is opened."""

    _fields = ("text", "quotes", "figures")
    __slots__ = _fields

    def __init__(
        self, text: str, quotes: list[Quote] | None = None, figures: list[Figure] | None = None
    ) -> None:
        self.text = text
        self.quotes: list[Quote] = [] if quotes is None else quotes
        self.figures: list[Figure] = [] if figures is None else figures

    def to_doc(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "quotes": [q.to_doc() for q in self.quotes],
            "figures": [f.to_doc() for f in self.figures],
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> ArticleBody:
        quote, figure = _items()
        return cls(
            text=doc["text"],
            quotes=[quote.from_doc(q) for q in doc.get("quotes", [])],
            figures=[figure.from_doc(f) for f in doc.get("figures", [])],
        )


@dataclass(slots=True)
class Article:
    """An article as a whole: its metadata and its body."""

    meta: ArticleMeta
    body: ArticleBody

    @property
    def id(self) -> str:
        return self.meta.id


class ItemRef(FrozenRecord):
    """Names a taggable thing: an article (`item == ""`), or one of its quotes or figures."""

    _fields = ("article", "item")
    __slots__ = _fields
    article: str
    item: str  # "" for the article itself, else a quote or figure key ("q-…", "f-…")

    def __init__(self, article: str, item: str = "") -> None:
        object.__setattr__(self, "article", article)
        object.__setattr__(self, "item", item)

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


class Tag(FrozenRecord):
    """One tag on one item; `label` keeps the item's text so views need not load the body."""

    _fields = ("ref", "tag", "label", "added")
    __slots__ = _fields
    ref: ItemRef
    tag: str
    label: str
    added: str

    def __init__(self, ref: ItemRef, tag: str, label: str = "", added: str = "") -> None:
        setattr_ = object.__setattr__
        setattr_(self, "ref", ref)
        setattr_(self, "tag", tag)
        setattr_(self, "label", label)
        setattr_(self, "added", added)

    def to_doc(self) -> dict[str, Any]:
        return {**self.ref.to_doc(), "tag": self.tag, "label": self.label, "added": self.added}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Tag:
        ref = ItemRef.from_doc(doc)
        return cls(ref=ref, tag=doc["tag"], label=doc.get("label", ""), added=doc.get("added", ""))


class Note(FrozenRecord):
    """A free-text note on one item (article, quote or figure); one note per item."""

    _fields = ("ref", "text", "added", "updated")
    __slots__ = _fields
    ref: ItemRef
    text: str
    added: str
    updated: str

    def __init__(self, ref: ItemRef, text: str, added: str = "", updated: str = "") -> None:
        setattr_ = object.__setattr__
        setattr_(self, "ref", ref)
        setattr_(self, "text", text)
        setattr_(self, "added", added)
        setattr_(self, "updated", updated)

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
