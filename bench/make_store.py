"""Build benchmark stores of 1,000 / 10,000 / 50,000 articles from real article texts.

    python bench/make_store.py [--sizes 1000 10000 50000] [--out bench/stores]

Texts are the `articleBody`s of shared/corpus/extraction-benchmark/ground-truth.json (181
real articles). Article k uses text k % 181, cut after a varying number of paragraphs and
followed by a line naming its desk and number, so every article is distinct (its own hash,
its own URL on its source's domain) while quotes and figures come from `ingest.analyse`,
run once per text and cut to match. Articles go in through `Store.add_articles` in batches:
one lock, one sync and one write per touched shard per batch, which is also how a feed
refresh adds articles.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from storage.models import ArticleBody, ArticleMeta, Figure, Quote  # noqa: E402
from storage.store import Store, content_hash  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "extraction-benchmark" / "ground-truth.json"
DEFAULT_OUT = REPO / "bench" / "stores"
BATCH = 10_000
DESKS = ("politics", "business", "science", "culture", "world", "sport", "tech")

Base = tuple[str, str, list[Quote], list[Figure], list[int]]


def corpus_path() -> Path:
    """The corpus beside the repo (a work tree or CI's fresh clone with shared/ beside it)."""
    for candidate in (CORPUS, Path("/work/shared/corpus/extraction-benchmark/ground-truth.json")):
        if candidate.exists():
            return candidate
    raise SystemExit(f"corpus not found: {CORPUS}")


def analyse_text(text: str) -> tuple[list[Quote], list[Figure]]:
    """Quotes and figures from the real extractor when it is there, else none."""
    try:
        from ingest.analyse import analyse
    except ImportError:
        return [], []
    return analyse(text)


def load_bases() -> list[Base]:
    """(text, domain, quotes, figures, paragraph ends) per corpus article, analysed once."""
    data = json.loads(corpus_path().read_text(encoding="utf-8"))
    bases = []
    for doc in data.values():
        text = (doc.get("articleBody") or "").strip()
        if len(text) < 200:
            continue
        domain = urlparse(doc.get("url") or "").netloc or "news.example"
        ends = [i for i in range(len(text)) if text.startswith("\n\n", i)] + [len(text)]
        bases.append((text, domain, *analyse_text(text), ends))
    return bases


def cut(base: Base, k: int) -> tuple[str, list[Quote], list[Figure]]:
    """The first 60-100 % of the text's paragraphs, with the spans that fall inside."""
    text, _, quotes, figures, ends = base
    keep = ends[max(0, (len(ends) * (6 + k % 5)) // 10 - 1)]
    return (
        text[:keep],
        [q for q in quotes if q.end <= keep],
        [f for f in figures if f.end <= keep],
    )


def title_of(text: str) -> str:
    first = text.split("\n", 1)[0]
    sentence = first.split(". ", 1)[0]
    return sentence[:110].rstrip() or "Untitled"


def make_article(bases: list[Base], k: int) -> tuple[ArticleMeta, ArticleBody]:
    base = bases[k % len(bases)]
    text, quotes, figures = cut(base, k // len(bases))
    desk = DESKS[k % len(DESKS)]
    text = f"{text}\n\nFiled by the {desk} desk, item {k}."
    meta = ArticleMeta(id="", title=title_of(text), url=f"https://{base[1]}/bench/{desk}/{k}")
    meta.site = base[1]
    meta.published = f"{2024 + k % 2}-{k % 12 + 1:02d}-{k % 28 + 1:02d}T{k % 24:02d}:00:00Z"
    meta.source = "feed"
    meta.content_hash = content_hash(text)
    return meta, ArticleBody(text=text, quotes=quotes, figures=figures)


def articles(bases: list[Base], start: int, stop: int) -> Iterator[tuple[ArticleMeta, ArticleBody]]:
    return (make_article(bases, k) for k in range(start, stop))


def build(root: Path, size: int, bases: list[Base]) -> float:
    """Fill a new store at `root` with `size` articles; returns the seconds it took."""
    started = time.perf_counter()
    store = Store.open(root, auto_backup=False)
    have = store.count()
    for start in range(have, size, BATCH):
        store.add_articles(articles(bases, start, min(size, start + BATCH)))
        print(f"  {min(size, start + BATCH):>6} articles", flush=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    bases = load_bases()
    print(f"{len(bases)} corpus texts analysed")
    for size in args.sizes:
        root = args.out / f"store-{size}"
        seconds = build(root, size, bases)
        mb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / 1e6
        print(f"{root}: {size} articles, {mb:.0f} MB, built in {seconds:.1f} s")


if __name__ == "__main__":
    main()
