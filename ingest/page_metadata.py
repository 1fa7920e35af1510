"""A page's metadata, the fields newsroom keeps, read with trafilatura's own helpers.

trafilatura's `extract_metadata` also collects categories, tags and a licence. newsroom keeps
none of them, and on the 181 benchmark pages they were 46 % of its time (0.68 of 1.49 s),
which put adding an article at the edge of issue 5's 1.3x budget. This runs the same steps
in the same order without them; a test holds it to `extract_metadata`'s answers. It also
reads the page's language, which trafilatura leaves empty unless asked to filter by one.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_LANGUAGE = re.compile(r"\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*(?:\.[\w-]+)?\s*$")
# Codes that name no language: undetermined, multiple, none; and the private-use range.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx"})
_LANGUAGE_META = (
    ".//head/meta[@http-equiv][@content]",  # of these, only Content-Language
    ".//head/meta[@property='og:locale'][@content]",
    ".//head/meta[@name='language'][@content]",
)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None
    author: str | None
    url: str | None
    hostname: str | None
    sitename: str | None
    date: str | None
    language: str | None


def page_metadata(tree: HtmlElement, url: str | None = None) -> PageMetadata:
    """What `trafilatura.metadata.extract_metadata` finds, less categories, tags and licence.

    Run it on the parsed page before extraction, which prunes the tree."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata as tm
    from trafilatura.settings import set_date_params

    found = tm.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # one word is a handle or a site, as trafilatura judges it
    with suppress(Exception):  # trafilatura guards this call too: its JSON-LD reader has bugs
        found = tm.extract_meta_json(tree, found)
    found.title = found.title or tm.extract_title(tree)
    found.author = found.author or tm.extract_author(tree)
    found.url = found.url or tm.extract_url(tree, url)
    if found.url:
        found.hostname = extract_domain(found.url, fast=True)
    found.date = find_date(tree, **{**set_date_params(True), "url": found.url})
    found.sitename = found.sitename or tm.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url and (domain := tm.META_URL.match(found.url)):
        found.sitename = domain[1]
    found.clean_and_trim()
    return PageMetadata(
        title=found.title or None,
        author=found.author or None,
        url=found.url or None,
        hostname=found.hostname or None,
        sitename=found.sitename or None,
        date=found.date or None,
        language=page_language(tree),
    )


def page_language(tree: HtmlElement) -> str | None:
    """The primary language subtag the page declares ("en-GB" -> "en"), or None."""
    declared = [tree.get("lang"), tree.get("xml:lang")]
    for path in _LANGUAGE_META:
        for meta in tree.iterfind(path):
            equiv = meta.get("http-equiv")
            if equiv is not None and equiv.lower() != "content-language":
                continue
            declared.append(meta.get("content"))
    for value in declared:
        match = _LANGUAGE.match(value.split(",")[0]) if value else None
        code = match.group(1).lower() if match else ""
        if code and code not in _NO_LANGUAGE and not "qaa" <= code <= "qtz":
            return code
    return None
