"""Tagged items resolved to what a journalist needs: article, text, speaker or value, sentence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from storage.errors import StoreError
from storage.models import Article, ItemRef, Tag, figure_keys, quote_keys
from storage.store import Store, same_tag


@dataclass(frozen=True, slots=True)
class DeskItem:
    """One tagged article, quote or figure, with everything an export row shows."""

    ref: ItemRef
    tags: tuple[str, ...]
    article_title: str
    url: str | None
    site: str | None
    kind: str  # article | quote | figure
    text: str
    speaker: str | None = None
    value: float | None = None
    unit: str | None = None
    figure_kind: str | None = None
    sentence: str = ""
    note: str = ""
    missing: bool = False  # the item's text is gone from its article (re-analysed since)
    number: int | None = None  # a quote's or figure's 1-based number, as `newsroom show` lists it

    @property
    def shown_as(self) -> str:
        """The item as `newsroom search` and `show` number it and `tag --quote N` takes it
        ("q3", "f2"); "" for an article, or an item no longer in its article's text."""
        return f"{self.kind[0]}{self.number}" if self.number is not None else ""


def _item_fields(article: Article, item_key: str) -> dict[str, object]:
    body = article.body
    if item_key.startswith("q-"):
        for n, (key, q) in enumerate(zip(quote_keys(body.quotes), body.quotes, strict=True), 1):
            if key == item_key:
                return {"text": q.text, "speaker": q.speaker, "sentence": q.sentence, "number": n}
    else:
        for n, (key, f) in enumerate(zip(figure_keys(body.figures), body.figures, strict=True), 1):
            if key == item_key:
                return {
                    "text": f.text,
                    "value": f.value,
                    "unit": f.unit,
                    "figure_kind": f.kind,
                    "sentence": f.sentence,
                    "number": n,
                }
    return {"missing": True}


def desk_items(store: Store, tag: str | None = None, *, noted: bool = False) -> list[DeskItem]:
    """Every tagged item (or those with `tag`), grouped by article in list order.

    With `noted` (the follow-up desk), also the items that carry a note and no tag: a note
    is work to come back to, and without a tag no screen listed it. Exports leave them out:
    they are of tagged items."""
    by_ref: dict[ItemRef, list[Tag]] = {}
    for t in store.tags():
        by_ref.setdefault(t.ref, []).append(t)
    if tag is not None:
        by_ref = {ref: ts for ref, ts in by_ref.items() if any(same_tag(t.tag, tag) for t in ts)}
    notes = store.notes()
    if noted and tag is None:
        for ref in notes:
            by_ref.setdefault(ref, [])
    order = {m.id: i for i, m in enumerate(store.articles())}
    refs = sorted(by_ref, key=lambda r: (order.get(r.article, len(order)), r.item))
    return list(_resolve(store, refs, by_ref, notes))


def _resolve(
    store: Store, refs: list[ItemRef], by_ref: dict[ItemRef, list[Tag]], notes: dict[ItemRef, str]
) -> Iterable[DeskItem]:
    loaded: dict[str, Article | None] = {}
    for ref in refs:
        if ref.article not in loaded:
            try:
                loaded[ref.article] = store.get(ref.article)
            except StoreError:
                loaded[ref.article] = None
        article = loaded[ref.article]
        tags = tuple(sorted(t.tag for t in by_ref[ref]))
        label = by_ref[ref][0].label if by_ref[ref] else ""
        if article is None:
            yield DeskItem(ref, tags, label, None, None, ref.kind, label, missing=True)
            continue
        fields = {"text": article.meta.title} if not ref.item else _item_fields(article, ref.item)
        fields.setdefault("text", label)
        meta = article.meta
        yield DeskItem(
            ref,
            tags,
            meta.title,
            meta.url,
            meta.site,
            ref.kind,
            note=notes.get(ref, ""),
            **fields,  # type: ignore[arg-type]
        )
