"""OPML, the file format feed readers exchange subscriptions in.

Import reads an untrusted file, so lxml is told not to resolve entities, load DTDs or touch
the network, and every URL found goes through the URL policy's syntax check.
Export writes with ElementTree, which escapes titles and URLs.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ingest.lxml_lock import LXML
from ingest.urlpolicy import UrlRefused, normalise_url

MAX_OPML_BYTES = 5 * 1024 * 1024


class OpmlError(Exception):
    """The file is not OPML we can read; one-line reason."""


@dataclass(frozen=True, slots=True)
class Outline:
    """One subscription in an OPML file."""

    url: str
    title: str


def parse_opml(data: bytes) -> tuple[list[Outline], list[str]]:
    """The feeds an OPML document lists, and one line per outline that was skipped."""
    from lxml import etree

    if len(data) > MAX_OPML_BYTES:
        raise OpmlError(f"OPML file larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    parser = etree.XMLParser(
        resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False
    )
    try:
        with LXML:  # lxml is not safe in two threads at once (`ingest.lxml_lock`)
            root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise OpmlError(f"not valid OPML: {exc}") from exc
    if root is None or etree.QName(root).localname.lower() != "opml":
        raise OpmlError("not an OPML document (no <opml> root)")
    found: list[Outline] = []
    skipped: list[str] = []
    for node in root.iter("{*}outline"):
        url = node.get("xmlUrl") or node.get("xmlurl")
        if not url:
            continue
        title = " ".join((node.get("title") or node.get("text") or "").split())
        try:
            found.append(Outline(normalise_url(url), title))
        except UrlRefused as exc:
            skipped.append(f"{url[:80]}: {exc}")
    return found, skipped


def to_opml(feeds: list[Outline], title: str = "newsroom subscriptions") -> str:
    """An OPML 2.0 document listing `feeds`."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    ET.SubElement(head, "dateCreated").text = dt.datetime.now(dt.UTC).strftime(
        "%a, %d %b %Y %H:%M:%S GMT"
    )
    body = ET.SubElement(root, "body")
    for feed in feeds:
        label = feed.title or feed.url
        ET.SubElement(body, "outline", type="rss", text=label, title=label, xmlUrl=feed.url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
