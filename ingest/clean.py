"""Cleaning an HTML page into article text and metadata, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.plaintext import site_of, title_from


class CleanError(Exception):
    """The page holds no article text that trafilatura could find."""


@dataclass(frozen=True, slots=True)
class CleanArticle:
    """What trafilatura found on a page."""

    title: str
    text: str
    url: str | None
    site: str | None
    author: str | None
    published: str | None
    language: str | None


def clean_html(html: str | bytes, url: str | None = None) -> CleanArticle:
    """The main text and metadata of a page; `url` helps trafilatura and is the fallback URL."""
    import trafilatura  # deferred: it takes half a second to import, and start-up needs none

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise CleanError("no article text found on the page")
    canonical = doc.url or url
    return CleanArticle(
        title=(doc.title or "").strip() or title_from(text),
        text=text,
        url=canonical,
        site=doc.sitename or doc.hostname or site_of(canonical),
        author=doc.author,
        published=doc.date,
        language=doc.language,
    )
