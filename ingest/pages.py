"""From fetched bytes to the records to store: the CPU-bound half of a batch.

These functions run in worker processes (see `ingest.cookpool`), so they are module-level,
take and return only picklable values (responses, feed entries, records), and touch neither
the network nor the store: fetching stays in the parent's threads, storing in its calling
thread. With a small batch they run in the fetch threads instead, which is the same code.
"""

from __future__ import annotations

from ingest.clean import CleanError, clean_page
from ingest.feeds import FeedEntry, FeedError
from ingest.fetch import Fetcher, FetchError, Response, fetch_first
from ingest.pipeline import article_from_text
from ingest.plaintext import site_of, title_from
from ingest.urlpolicy import UrlRefused
from storage.models import ArticleBody, ArticleMeta, published_day

EXPECTED = (FetchError, CleanError, FeedError, UrlRefused)
Records = tuple[ArticleMeta, ArticleBody]
EntryItem = tuple[str, FeedEntry]  # (feed url, entry)


def response_records(
    response: Response,
    *,
    source: str = "url",
    feed: str | None = None,
    published: str | None = None,
) -> Records:
    """Clean and analyse one fetched page: FetchError if not HTML, CleanError if no text.

    `published` (an ISO date the feed gave) is used when the page has no date of its own.
    The page's date wins: it is the article's own, read from its metadata, where a feed's
    date is often when the item was posted to the feed or last updated there."""
    page = clean_page(response)
    return article_from_text(
        page.text, title=page.title, url=page.url, site=page.site, source=source,
        feed=feed, author=page.author, published=page.published or published,
        language=page.language, fetched_url=fetched_url(response.url, page.url),
    )  # fmt: skip


def fetched_url(fetched: str, canonical: str | None) -> str | None:
    """The URL a page came from, kept when its canonical URL is another: that one may not
    be reachable (a mirror, a canonical link to another host), and refetch tries this."""
    return fetched if fetched != canonical else None


def page_records(fetcher: Fetcher, old: ArticleMeta) -> Records:
    """Fetch, clean and analyse a stored article's page again in this thread (refetch),
    keeping where it came from and its date if the page has none. The URL it was fetched
    from is tried first, then its canonical URL."""
    urls = old.fetch_urls()
    assert urls, "an article without a URL cannot be fetched again"
    return cook_retry(old, fetch_first(fetcher, urls))


def partial_records(entry: FeedEntry, feed_url: str, reason: str) -> Records:
    """An article from the feed's own text, marked partial so a later refresh retries it."""
    text = entry.text or entry.title
    if not text:
        raise FetchError(f"{reason}; and the feed gives no text for it")
    meta, body = article_from_text(
        text, title=entry.title or title_from(text), url=entry.url, site=site_of(entry.url),
        source="feed", feed=feed_url, author=entry.author, published=entry.published,
    )  # fmt: skip
    meta.status, meta.error = "partial", reason
    return meta, body


def fetch_or_reason(fetcher: Fetcher, item: EntryItem) -> Response | str:
    """An entry's page, or the one-line reason it could not be fetched (cooked as partial)."""
    try:
        return fetcher.get(item[1].url)
    except EXPECTED as exc:
        return str(exc)


def cook_url(url: str, response: Response) -> Records:
    """A page added by URL (`newsroom add`, the app's add dialog)."""
    return response_records(response)


def cook_entry(item: EntryItem, fetched: Response | str) -> Records:
    """A feed entry's page; the feed's own text, marked partial, if the page failed."""
    feed_url, entry = item
    if isinstance(fetched, str):
        return partial_records(entry, feed_url, fetched)
    try:
        return response_records(fetched, source="feed", feed=feed_url, published=entry.published)
    except EXPECTED as exc:
        return partial_records(entry, feed_url, str(exc))


def cook_retry(old: ArticleMeta, response: Response) -> Records:
    """A stored article's page fetched again (a partial one's retry, a refetch), keeping
    where the article came from, and its date if the page has none (a legacy raw date is
    read, or dropped)."""
    published = published_day(old.published)
    return response_records(response, source=old.source, feed=old.feed, published=published)


def warm_up() -> None:
    """Worker initializer: import trafilatura and the analysers and run one tiny extraction
    (its first call loads stoplists). With a forkserver (`ingest.cookpool`) the server has
    done this already, once, and each worker inherits it: then this costs a few ms.

    A worker's stderr is the terminal itself, even under the app's full-screen UI, so log
    records (trafilatura warns about odd pages) go to a null handler: a worker reports
    through its results only.
    """
    import logging

    import trafilatura

    import ingest.analyse  # noqa: F401 - compiles the analysers' patterns (~0.3 s)

    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())
    trafilatura.bare_extraction("<html><body><p>Warm up.</p></body></html>")


UNKNOWN_DATE = "Newsroom staff, published 11:34"  # a date expression no locale parses


def warm_dates() -> None:
    """Compile dateparser's patterns for every locale now (~2.5 s). htmldate asks dateparser,
    with no language, about date expressions its own rules cannot read; the first one that
    no locale parses makes dateparser compile every locale's patterns. One page in ~180 of
    the benchmark corpus has such an expression, so in a big batch every worker would pay
    it: a forkserver pays it once instead, before forking them."""
    try:
        from htmldate.extractors import external_date_parser
    except ImportError:  # htmldate reorganised: the workers pay it themselves, as before
        return
    external_date_parser(UNKNOWN_DATE, "%Y-%m-%d")
