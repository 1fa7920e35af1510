"""Reading RSS and Atom documents with feedparser, defensively.

feedparser is only ever given bytes we fetched ourselves (never a URL or a path, which it
would happily open). Before parsing, a document with more than `max_items` entries is cut
after the last one we keep: feedparser takes about a second per thousand items, so a feed
of 100,000 would stall a refresh for minutes. feedparser raises on some ill-formed input
(ValueError on out-of-range character references, KeyError on a textInput inside an item);
every exception becomes a one-line FeedError, as does a document that is not a feed at all.

An entry's date is kept as an ISO date (YYYY-MM-DD, the shape trafilatura gives a page's),
from the struct_time feedparser normalises to UTC: a raw RFC 822 string would sort above
every ISO date and defeat the search's `after:` and `before:`. A date feedparser cannot read
is None, never the raw text; so is one that is no real date (feedparser rolls an ISO date's
out-of-range fields over: "2026-13-45T99:99:99Z" becomes 2027-01-01) or that is more than
two days after the fetch: either would sort the entry above every real story. Without a
date the page's own is used, else none (the app then shows the day it was added).
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import html
import re
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from ingest.fetch import FEED_ACCEPT, Fetcher
from ingest.urlpolicy import UrlRefused, normalise_url

if TYPE_CHECKING:
    from storage.feeds import Feed

MAX_ITEMS = 500
FUTURE_SLACK_S = 2 * 24 * 3600  # a feed's date further than this after the fetch is wrong
# an ISO 8601 date and time as W3C and Atom write them ("2019-11-20T10:00:00Z", also
# "20191120T100000Z"): its fields are checked, as feedparser normalises them silently
_ISO_DATE = r"\s*(\d{4})-?(\d\d)(?:-?(\d\d))?(?:[T ](\d\d)(?::?(\d\d)(?::?(\d\d))?)?)?"
# patterns, compiled on first use (re caches them): a refresh where every feed answers 304
# parses nothing and should not pay for compiling them at import
_ITEM_END = rb"</(?:[A-Za-z_][\w.-]*:)?(?:item|entry)\s*>"
_FEED_ROOT = rb"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)[\s>]"
# the text of an <id> or <guid> (CDATA too), for `_LiteralIds`
_ID_TEXT = (
    r"<(?:[A-Za-z_][\w.-]*:)?(?:id|guid)(?:\s[^>]*)?>\s*"
    r"(?:<!\[CDATA\[)?([^<]*?)(?:\]\]>)?\s*</"
)


class FeedError(Exception):
    """The document is not a usable feed; the message is the one-line reason."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed: where the article is, and what the feed itself says of it."""

    url: str
    title: str
    html: str = ""  # the feed's longest body for the entry, as the feed gives it
    published: str | None = None  # YYYY-MM-DD (UTC), or None if the feed gives none we read
    author: str | None = None

    @property
    def text(self) -> str:
        """The feed's own text for the entry. Converted on demand, because it is only read
        for a partial article (its page failed), and converting every entry while parsing
        was a fifth of a feeds-only refresh."""
        from ingest.clean import html_to_text  # deferred: lxml, and cleaning's own imports

        return html_to_text(self.html) if self.html else ""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed's title and link and its entries (newest first, as the feed lists them)."""

    title: str
    link: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    truncated: bool = False
    skipped: int = 0  # entries without a link, or whose link is no web address


def cap_items(data: bytes, max_items: int) -> tuple[bytes, bool]:
    """`data` without the entries past `max_items`, keeping the closing tags after them."""
    item_end = re.compile(_ITEM_END)
    ends = item_end.finditer(data)
    cut = None
    for count, match in enumerate(ends, 1):
        if count == max_items:
            cut = match.end()
            break
    if cut is None:
        return data, False
    last = None
    for last in item_end.finditer(data, cut):  # noqa: B007 - we want the final match
        pass
    if last is None:
        return data, False
    return data[:cut] + data[last.end() :], True


def parse_feed(data: bytes, url: str, max_items: int = MAX_ITEMS) -> ParsedFeed:
    """Parse a fetched feed document; FeedError if it is not one."""
    import feedparser

    if not isinstance(data, bytes):
        raise TypeError("parse_feed takes the document's bytes, never a URL or a path")
    if not data.strip():
        raise FeedError(f"empty document: {url[:80]}")
    if not re.search(_FEED_ROOT, data[:65536]):
        raise FeedError(f"not an RSS or Atom feed: {url[:80]}")
    data, truncated = cap_items(data, max_items)
    try:
        parsed = feedparser.parse(data, response_headers={"content-location": url})
    except Exception as exc:  # feedparser's own bugs on hostile input; see module docstring
        raise FeedError(f"malformed feed ({type(exc).__name__}: {exc}): {url[:80]}") from exc
    return _to_feed(parsed, url, max_items, truncated, _LiteralIds(data, parsed))


def _to_feed(
    parsed: Any, url: str, max_items: int, truncated: bool, ids: _LiteralIds
) -> ParsedFeed:
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({type(problem).__name__})" if problem else ""
        raise FeedError(f"not an RSS or Atom feed{detail}: {url[:80]}")
    entries: list[FeedEntry] = []
    skipped = 0
    latest = time.time() + FUTURE_SLACK_S  # parsed just after the fetch
    for raw in parsed.entries[:max_items]:
        entry = _entry(raw, url, latest, ids)
        if entry is None:
            skipped += 1
        else:
            entries.append(entry)
    feed = parsed.feed
    title = " ".join(str(feed.get("title") or "").split()) or url
    return ParsedFeed(title, feed.get("link"), entries, truncated, skipped)


def _entry(raw: Any, feed_url: str, latest: float, ids: _LiteralIds) -> FeedEntry | None:
    """A FeedEntry, or None when the item has no http(s) link we may fetch."""
    link = _entry_link(raw, ids)
    if not link:
        return None
    try:
        url = normalise_url(urljoin(feed_url, link))
    except UrlRefused:
        return None
    title = " ".join(str(raw.get("title") or "").split())
    return FeedEntry(
        url=url,
        title=title,
        html=_entry_html(raw),
        published=feed_date(raw, latest),
        author=raw.get("author"),
    )


def _entry_link(raw: Any, ids: _LiteralIds) -> str:
    """The entry's link, "" if it has none: a link element's, else its id or guid if the
    feed writes that as an absolute http(s) URL. Without a link element feedparser takes
    the id for the link, resolved against the feed's URL: an Atom entry with only
    <id>b2</id> was fetched as http://host/b2 and stored as a junk article."""
    link = str(raw.get("link") or "").strip()
    links = raw.get("links") or []
    alternate = {str(x.get("href") or "").strip() for x in links if _is_alternate(x)}
    return link if not link or link in alternate or link in ids else ""


def _is_alternate(link: Any) -> bool:
    return (link.get("rel") or "alternate") == "alternate"


class _LiteralIds:
    """The ids and guids a feed document writes as absolute http(s) URLs, read from its
    text when first asked (most entries have a link element): once parsed, an id "b2"
    resolved against the feed's URL looks like one written in full."""

    def __init__(self, data: bytes, parsed: Any) -> None:
        self._data, self._encoding = data, str(parsed.get("encoding") or "utf-8")
        self._ids: set[str] | None = None

    def __contains__(self, url: str) -> bool:
        if self._ids is None:
            self._ids = self._read()
        return url in self._ids

    def _read(self) -> set[str]:
        try:
            text = self._data.decode(self._encoding, "replace")
        except LookupError:  # an encoding feedparser knows and Python does not
            text = self._data.decode("utf-8", "replace")
        found = (html.unescape(m.group(1)).strip() for m in re.finditer(_ID_TEXT, text))
        return {i for i in found if urlsplit(i).scheme.lower() in ("http", "https")}


def _entry_html(raw: Any) -> str:
    """The longest body the feed gives: full content if present, else the summary."""
    bodies = [str(c.get("value") or "") for c in raw.get("content") or []]
    bodies.append(str(raw.get("summary") or ""))
    return max(bodies, key=len)


@dataclass(frozen=True, slots=True)
class FeedResult:
    """A feed fetched: its parsed entries, or None when it has not changed (a 304, or a 200
    whose bytes hash to the digest of the last parsed copy)."""

    parsed: ParsedFeed | None
    etag: str | None
    last_modified: str | None
    digest: str | None = None


def feed_digest(data: bytes) -> str:
    """A short hash of a feed document, to recognise a copy we already parsed."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def fetch_feed(fetcher: Fetcher, feed: Feed) -> FeedResult:
    """A conditional GET of the feed, then parsing, skipped on a 304 and on a 200 with the
    same bytes as last time: many servers ignore validators and resend an unchanged feed,
    and feedparser costs about 0.5 ms per entry (most of a feeds-only refresh)."""
    response = fetcher.get(
        feed.url, accept=FEED_ACCEPT, etag=feed.etag, last_modified=feed.last_modified
    )
    if response.not_modified:
        return FeedResult(None, feed.etag, feed.last_modified, feed.digest)
    digest = feed_digest(response.body)
    if digest == feed.digest:
        return FeedResult(None, response.etag, response.last_modified, digest)
    parsed = parse_feed(response.body, response.url, fetcher.settings.max_feed_items)
    return FeedResult(parsed, response.etag, response.last_modified, digest)


def feed_date(raw: Any, latest: float | None = None) -> str | None:
    """The entry's date as YYYY-MM-DD in UTC, from feedparser's parsed published (else
    updated) date; None when it has neither we can trust: one that is not a real date, or
    (with `latest`, a POSIX time) one after `latest`."""
    for key in ("published", "updated"):
        if key not in raw:  # asked only if present: else feedparser warns and
            continue  # hands back the published date for the updated one
        parsed = raw.get(f"{key}_parsed")
        if parsed is None or not _real_date(str(raw.get(key) or "")):
            continue
        if latest is not None and calendar.timegm(parsed) > latest:
            continue
        if (day := iso_day(parsed)) is not None:
            return day
    return None


def _real_date(text: str) -> bool:
    """False for an ISO date or time with a field out of range ("2026-02-30", "T25:00");
    other forms feedparser reads only when they are real (RFC 822 dates among them)."""
    match = re.match(_ISO_DATE, text)
    if match is None:
        return True
    year, month, day, hour, minute, second = (int(f) if f else 0 for f in match.groups())
    if hour == 24 and minute == second == 0:
        hour = 0  # "24:00" is the end of the day, which ISO 8601 allows
    try:
        datetime.datetime(year, month, day or 1, hour, minute, min(second, 59))
    except ValueError:
        return False
    return second <= 60  # 60: a leap second


def iso_day(parsed: time.struct_time | None) -> str | None:
    """YYYY-MM-DD for a struct_time, or None if it is missing or not a real day."""
    if parsed is None:
        return None
    try:
        return datetime.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    except (AttributeError, TypeError, ValueError):
        return None
