"""From raw input to a stored article: the one path the CLI and the app both call.

Extraction happens here, once, and its results are stored with the article, so opening an
article later does no analysis.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ingest.clean import clean_html
from ingest.plaintext import parse_plain
from storage.models import ArticleBody, ArticleMeta
from storage.seeds import seed_paths
from storage.store import Store, content_hash

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class AddResult:
    """The outcome of adding one input: the stored article and whether it was new."""

    meta: ArticleMeta
    created: bool


def article_from_text(
    text: str,
    *,
    title: str,
    url: str | None = None,
    site: str | None = None,
    source: str = "file",
    **extra: str | None,
) -> tuple[ArticleMeta, ArticleBody]:
    """Analyse `text` and build the records to store; the id is given by the store."""
    from ingest.analyse import analyse  # deferred: compiling the extractor's rules costs 0.2 s

    quotes, figures = analyse(text)
    meta = ArticleMeta(
        id="", title=title, url=url, site=site, source=source, content_hash=content_hash(text)
    )
    for name, value in extra.items():
        setattr(meta, name, value)
    return meta, ArticleBody(text=text, quotes=quotes, figures=figures)


def looks_like_html(raw: str, path: Path | None = None) -> bool:
    if path is not None and path.suffix.lower() in HTML_SUFFIXES:
        return True
    head = raw.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


def records_from_file(path: Path, source: str = "file") -> tuple[ArticleMeta, ArticleBody]:
    """Read a saved page or text file: HTML is cleaned with trafilatura, text used as is."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValueError(f"{path}: larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    raw = path.read_bytes().decode("utf-8", errors="replace")
    article = clean_html(raw) if looks_like_html(raw, path) else parse_plain(raw)
    if not article.text:
        raise ValueError(f"{path}: the file holds no text")
    return article_from_text(
        article.text,
        title=article.title,
        url=article.url,
        site=article.site,
        source=source,
        author=article.author,
        published=article.published,
        language=article.language,
    )


def add_file(store: Store, path: Path) -> AddResult:
    meta, body = records_from_file(path)
    stored, created = store.add_article(meta, body)
    return AddResult(stored, created)


def import_seeds(store: Store) -> list[ArticleMeta]:
    """Import the bundled samples into a store that has never been seeded; idempotent."""
    if store.seeded() or not store.is_empty():
        return []
    added = []
    for path in seed_paths():
        meta, body = records_from_file(path, source="seed")
        stored, created = store.add_article(meta, body)
        if created:
            added.append(stored)
    store.mark_seeded()
    return added


@dataclass(frozen=True, slots=True)
class Reanalysed:
    """What re-analysing one article changed, for the user's summary."""

    article_id: str
    quotes: tuple[int, int]  # before, after
    figures: tuple[int, int]


def reanalyse(store: Store, article_id: str) -> Reanalysed:
    """Run the current extractor over a stored article's text again.

    Tags and notes are keyed by a hash of each item's text, so they stay on every quote and
    figure the new extractor still finds; the metadata (read state, source) is kept.
    """
    from ingest.analyse import analyse

    meta = store.meta(article_id)
    body = store.body(article_id)
    quotes, figures = analyse(body.text)
    before = (len(body.quotes), len(body.figures))
    if quotes != body.quotes or figures != body.figures:
        store.replace_article(meta, ArticleBody(text=body.text, quotes=quotes, figures=figures))
    return Reanalysed(article_id, (before[0], len(quotes)), (before[1], len(figures)))
