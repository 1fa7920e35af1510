"""Articles made up for storage tests: varied, distinct, reproducible, and cheap to make.

Also imported by the child-process scripts, so it depends on nothing but the store models.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

from storage.models import ArticleBody, ArticleMeta, Figure, ItemRef, Quote, Tag
from storage.store import Store

WORDS = (  # noqa: SIM905 - a sentence reads better than 30 quoted words
    "council budget river school election minister hospital union vote tariff harbour "
    "court rail energy housing police festival market storm museum refinery drought "
    "reservoir treaty senator contract strike airport vaccine bridge"
).split()


def article(n: int, paragraphs: int = 3, prefix: str = "a") -> tuple[ArticleMeta, ArticleBody]:
    """Article number `n`: its own URL, title and text; one quote and one figure."""
    rng = random.Random(f"{prefix}:{n}")  # ":" - c2,60 is not c26,0
    words = rng.choices(WORDS, k=paragraphs * 48)
    sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
    said = f'"We will fix the {rng.choice(WORDS)} by {n % 12 + 2030}," the mayor said.'
    text = f"{said}\n\n" + "\n\n".join(
        " ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)
    )
    quote_text = said[1 : said.index(",")]
    year = str(n % 12 + 2030)
    quotes = [Quote(quote_text, "the mayor", 1, 1 + len(quote_text), said)]
    figures = [Figure(year, "other", float(year), None, said.index(year), said.index(year) + 4)]
    meta = ArticleMeta(id="", title=f"{prefix} story {n}: {sentences[0][:40]}")
    meta.url = f"https://news.example/{prefix}/{n}"
    meta.published = f"2025-{n % 12 + 1:02d}-{n % 28 + 1:02d}"
    return meta, ArticleBody(text=text, quotes=quotes, figures=figures)


def fill(store: Store, count: int, paragraphs: int = 3, prefix: str = "a") -> list[str]:
    """Add `count` articles in one bulk write; returns their ids."""
    results = store.add_articles(article(n, paragraphs, prefix) for n in range(count))
    return [meta.id for meta, _ in results]


def copy_store(src: Path, dst: Path) -> Path:
    """A private copy of a prepared store, much faster than building one per test."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns("store.lock"))
    return dst


def snapshot(store: Store) -> dict[str, object]:
    """Everything a user can see in the store, to compare before and after a write."""
    metas = {m.id: m.to_doc() for m in store.articles()}
    return {
        "articles": metas,
        "bodies": {i: store.body(i).to_doc() for i in metas},
        "tags": sorted((str(t.ref), t.tag, t.label) for t in store.tags()),
        "notes": sorted((str(r), text) for r, text in store.notes().items()),
    }


def store_older_tags(store: Store, ref: ItemRef, names: tuple[str, ...]) -> None:
    """Write tag names as an older version stored them (`Bad!Tag`, `Court Case`, `Verify`),
    past today's normalising, as a restored backup may hold them."""
    with store._writing(), store._tags_db() as db:
        for name in names:
            db.table("tags").insert(Tag(ref, name, "", "2024-01-01T00:00:00+00:00").to_doc())
    assert {t.tag for t in store.tags()} >= set(names)
