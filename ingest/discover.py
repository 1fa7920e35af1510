"""Finding the feeds of an article's site, with their latest entries, to subscribe or add.

The page is fetched with our fetcher (trafilatura's `find_feed_urls` would download with
its own client, which refuses loopback and may query Google News), then trafilatura's
`determine_feed` reads the HTML we already have: `<link rel="alternate">` feed links first,
`<a href>` links that look like feeds as a fallback, comment feeds dropped. A page that names
no feed sends us to its site's home page, where feeds are usually declared. A URL that is
itself a feed is taken as is.
"""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from ingest.clean import decode_html
from ingest.feeds import FeedEntry, FeedError, fetch_feed, parse_feed
from ingest.fetch import Fetcher, FetchError, Response, fetch_first
from ingest.lxml_lock import LXML
from ingest.urlpolicy import UrlRefused, normalise_url
from storage.feeds import Feed

MAX_FEEDS = 5
MAX_ENTRIES = 5


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """A feed of the site, with its newest entries, or the reason it could not be read."""

    url: str
    title: str
    entries: list[FeedEntry] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Discovery:
    """What `discover` found for a page: its site's feeds, numbered from 1 in the UI."""

    page_url: str
    feeds: list[FoundFeed]

    def entries(self) -> list[FeedEntry]:
        """Every listed entry in display order, for `--add N,M` numbering."""
        return [e for f in self.feeds for e in f.entries]


def feed_links(html: str, page_url: str) -> list[str]:
    """Feed URLs a page declares (or links to), absolute and normalised, in page order."""
    from trafilatura.feeds import FeedParameters, determine_feed

    parts = urlsplit(page_url)
    base = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
    params = FeedParameters(base, parts.hostname or "", page_url)
    found: list[str] = []
    with LXML:  # trafilatura parses with lxml, not safe in two threads at once
        links = determine_feed(html, params)
    for link in links:
        try:
            url = normalise_url(link)
        except UrlRefused:
            continue
        if url not in found:
            found.append(url)
    return found


def _as_feed(response: Response, max_entries: int) -> FoundFeed | None:
    """The response itself as a feed, if it is one."""
    try:
        parsed = parse_feed(response.body, response.url)
    except FeedError:
        return None
    return FoundFeed(response.url, parsed.title, parsed.entries[:max_entries])


def _read_feed(fetcher: Fetcher, url: str, max_entries: int) -> FoundFeed:
    try:
        parsed = fetch_feed(fetcher, Feed(url=url)).parsed
    except (FetchError, FeedError) as exc:
        return FoundFeed(url, url, error=str(exc))
    assert parsed is not None  # no validators were sent, so no 304
    return FoundFeed(url, parsed.title, parsed.entries[:max_entries])


def _links_of(fetcher: Fetcher, response: Response) -> list[str]:
    links = feed_links(decode_html(response.body, response.charset), response.url)
    parts = urlsplit(response.url)
    if links or parts.path in ("", "/"):
        return links
    home = urlunsplit((parts.scheme, parts.netloc, "/", "", ""))
    try:
        homepage = fetcher.get(home)
    except FetchError:
        return []
    return feed_links(decode_html(homepage.body, homepage.charset), homepage.url)


def discover(
    fetcher: Fetcher,
    url: str,
    max_feeds: int = MAX_FEEDS,
    max_entries: int = MAX_ENTRIES,
    fallbacks: Sequence[str] = (),
) -> Discovery:
    """The feeds of `url`'s site with their latest entries; FetchError if the page cannot
    be fetched (nor any of `fallbacks`: an article's canonical URL after the one it was
    fetched from), an empty list if the site declares no feed."""
    response = fetch_first(fetcher, [url, *fallbacks])
    itself = _as_feed(response, max_entries)
    if itself is not None:
        return Discovery(response.url, [itself])
    links = _links_of(fetcher, response)[:max_feeds]
    workers = max(1, min(len(links), fetcher.settings.total))
    with ThreadPoolExecutor(workers, thread_name_prefix="discover") as pool:
        feeds = list(pool.map(lambda link: _read_feed(fetcher, link, max_entries), links))
    return Discovery(response.url, feeds)
