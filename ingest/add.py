"""Adding articles by URL (`newsroom add`, the app's add dialog) and fetching one again
(`newsroom refetch`, `R` in the app): batches of pages with no feed behind them.

What cooking needs (`ingest.pages`: trafilatura's caller and the analysers) is imported when
a batch starts, not with this module.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ingest.batch import (
    CancelFn,
    Outcome,
    Progress,
    ProgressFn,
    Run,
    Summary,
    ignore,
    never,
    outcome,
    reason,
    replace_article,
    stored_urls,
)
from ingest.cookpool import CookPool
from ingest.fetch import Fetcher
from ingest.urlpolicy import UrlRefused, normalise_url
from storage.store import Store


def add_urls(
    store: Store,
    fetcher: Fetcher,
    urls: Iterable[str],
    progress: ProgressFn = ignore,
    cancelled: CancelFn = never,
) -> Summary:
    """Fetch, clean and store each URL; one already stored under that URL is not fetched."""
    from ingest.pages import cook_url

    summary = Summary()
    todo = _urls_to_fetch(store, urls, summary)
    total = len(summary.outcomes) + len(todo)

    def handle(url: str, result: Any) -> None:
        if isinstance(result, BaseException):
            done = Outcome(url, "failed", reason=reason(result))
        else:
            canonical = result[0].url  # before the store may re-key it
            done = outcome(url, *store.add_article(*result), canonical)
        summary.outcomes.append(done)
        progress(Progress("articles", len(summary.outcomes), total, done, url))

    with CookPool() as pool:
        run = Run(store, fetcher, summary, progress, cancelled, pool)
        run.stages(todo, fetcher.get, cook_url, handle)
    return summary


def _urls_to_fetch(store: Store, urls: Iterable[str], summary: Summary) -> list[str]:
    """The normalised URLs not stored yet; refused and stored ones become outcomes now."""
    stored = stored_urls(store)
    todo: list[str] = []
    for raw in dict.fromkeys(urls):
        try:
            url = normalise_url(raw)
        except UrlRefused as exc:
            summary.outcomes.append(Outcome(raw, "failed", reason=str(exc)))
            continue
        if url in stored:
            summary.outcomes.append(
                Outcome(url, "unchanged", stored[url], store.meta(stored[url]).title)
            )
        else:
            todo.append(url)
    return todo


def refetch(store: Store, fetcher: Fetcher, article_id: str) -> Outcome:
    """Fetch an article's page again (from the URL it was fetched from, else its canonical
    URL: `ArticleMeta.fetch_urls`) and replace its text and metadata, keeping its id, read
    state and tags (item tags follow their text's stable key). On failure nothing changes."""
    from ingest.pages import page_records

    old = store.meta(article_id)
    urls = old.fetch_urls()
    if not urls:
        return Outcome("", "failed", old.id, old.title, "the article has no URL to fetch")
    try:
        meta, body = page_records(fetcher, old)
    except Exception as exc:  # one line for the user; the stored article is left untouched
        return Outcome(urls[0], "failed", old.id, old.title, reason(exc))
    return replace_article(store, old, meta, body)
