"""Page metadata: trafilatura's answers without the fields newsroom does not keep."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml.html import document_fromstring
from trafilatura.metadata import extract_metadata
from trafilatura.utils import load_html

from ingest.clean import clean_html
from ingest.page_metadata import page_language, page_metadata

PAGES = Path(__file__).resolve().parents[1] / "data" / "pages"


@pytest.mark.parametrize("name", ["aljazeera", "ap", "polygraph", "spacereview"])
def test_the_fields_kept_are_trafilaturas_own(name: str) -> None:
    html = gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()).decode()
    url = f"https://example.org/{name}"
    ours = page_metadata(load_html(html), url)
    theirs = extract_metadata(load_html(html), url)
    kept = ("title", "author", "url", "hostname", "sitename", "date")
    assert [getattr(ours, f) for f in kept] == [getattr(theirs, f) or None for f in kept]
    assert ours.title and ours.date  # each of these pages has both


def test_a_cleaned_page_carries_its_metadata_and_language() -> None:
    html = gzip.decompress((PAGES / "ap.html.gz").read_bytes())
    page = clean_html(html, url="https://example.org/ap")
    assert page.language == "en"
    assert page.published == "2019-11-20" and page.title.startswith("UK Tories under fire")
    # trafilatura reads "DANICA KIRKA; JILL LAWLESS Associated Press"
    assert page.author == "Danica Kirka, Jill Lawless"
    assert page.text.startswith("LONDON (AP) — Britain's Conservative Party was accused")


@pytest.mark.parametrize(
    ("head", "language"),
    [
        ('<html lang="en-GB"><head></head>', "en"),
        ('<html xml:lang="fr"><head></head>', "fr"),
        ('<html><head><meta http-equiv="Content-Language" content="de, en"></head>', "de"),
        ('<html><head><meta property="og:locale" content="pt_BR"></head>', "pt"),
        ('<html><head><meta name="language" content="IT"></head>', "it"),
        ('<html lang=""><head><meta property="og:locale" content="es_ES"></head>', "es"),
        ('<html lang="english please"><head></head>', None),
        ('<html lang="en_US.UTF-8"><head></head>', "en"),
        ('<html lang="zh-Hans-CN"><head></head>', "zh"),
        ('<html lang="und"><head><meta property="og:locale" content="fr_FR"></head>', "fr"),
        ('<html lang="x-default"><head></head>', None),
        ('<html lang="qab"><head></head>', None),
        ('<html><head><meta http-equiv="refresh" content="5"></head>', None),
        ("<html><head></head>", None),
    ],
)
def test_the_declared_language(head: str, language: str | None) -> None:
    assert page_language(document_fromstring(head + "<body><p>x</p></body></html>")) == language


def test_metadata_that_cannot_be_read_is_a_clean_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura swallows ValueError and TypeError in its own metadata step; so do we."""
    import ingest.clean
    from ingest.clean import CleanError

    def broken(tree: object, url: str | None = None) -> None:
        raise ValueError("Invalid IPv6 URL")

    monkeypatch.setattr(ingest.clean, "page_metadata", broken)
    html = gzip.decompress((PAGES / "ap.html.gz").read_bytes())
    with pytest.raises(CleanError, match="unreadable page metadata: Invalid IPv6 URL"):
        clean_html(html)
