"""Plain-text articles (the bundled seeds, `newsroom add notes.txt`): title, URL and body.

A text article may start with a header of "Field: value" lines (Title, Site, Author,
Published, Language), then a blank line, as the bundled seeds do: a saved article keeps its
byline and date without its page. It may end with "Read the original article: URL" (the
first seed spells it "orginal"): that line names the article's URL and site and is not body
text. Without a Title field, the title is the first sentence, shortened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ingest.escapes import strip_escapes

_TRAILER = re.compile(
    r"^\s*Read the or(?:i)?ginal article:\s*(?P<url>\S+)\s*$", re.IGNORECASE | re.MULTILINE
)
_FIELD = re.compile(r"^(Title|Site|Author|Published|Language):[ \t]*(\S.*?)\s*$")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
TITLE_MAX = 90


@dataclass(frozen=True, slots=True)
class PlainArticle:
    """A text article split into what the store keeps."""

    title: str
    text: str
    url: str | None
    site: str | None
    author: str | None = None
    published: str | None = None
    language: str | None = None


def site_of(url: str | None) -> str | None:
    """The host a reader recognises: "sifted.eu" for https://www.sifted.eu/..."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def title_from(text: str, limit: int = TITLE_MAX) -> str:
    """The first sentence, cut at a word boundary with an ellipsis if it is long."""
    first_line = text.strip().split("\n", 1)[0].strip()
    match = _SENTENCE_END.search(first_line)
    sentence = first_line[: match.start()] if match else first_line
    if len(sentence) <= limit:
        return sentence or "(untitled)"
    cut = sentence[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—- ")
    return cut + "…"


def parse_plain(raw: str) -> PlainArticle:
    """Split a text article into its header fields, body and the URL of its trailer line."""
    raw = strip_escapes(raw)
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    fields, text = _header(text)
    url = None
    trailer = next(reversed(list(_TRAILER.finditer(text))), None)
    if trailer is not None and not text[trailer.end() :].strip():
        url = trailer.group("url")
        text = text[: trailer.start()].rstrip()
    return PlainArticle(
        title=fields.get("Title") or title_from(text),
        text=text,
        url=url,
        site=fields.get("Site") or site_of(url),
        author=fields.get("Author"),
        published=fields.get("Published"),
        language=fields.get("Language"),
    )


def _header(text: str) -> tuple[dict[str, str], str]:
    """The fields of a header block and the text after it; none unless every line before
    the first blank line is a known field (a body that opens "Title: ..." stays body)."""
    head, blank, rest = text.partition("\n\n")
    if not blank:
        return {}, text
    matches = [_FIELD.match(line) for line in head.split("\n")]
    if not all(matches):
        return {}, text
    return {m.group(1): m.group(2) for m in matches if m}, rest.strip()
