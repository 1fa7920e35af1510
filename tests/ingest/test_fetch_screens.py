"""The app side of fetching, with Pilot: the add-URL and discover dialogs, and the workers
posting progress and results while the loopback site serves real pages."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App
from textual.screen import Screen
from textual.widgets import SelectionList, Static

from ingest.fetch import FetchSettings
from storage.feeds import FeedBook
from storage.store import Store
from tests.httpserver import LoopbackServer
from tui import fetch_workers
from tui.fetch_messages import FetchDone, FetchFailed, FetchProgress
from tui.screens.add_url import AddUrlDialog
from tui.screens.discover import DiscoverChoice, DiscoverScreen


class Host(Screen[None]):
    """Stands in for the main screen: records what the workers post."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[Any] = []

    @on(FetchProgress)
    @on(FetchDone)
    @on(FetchFailed)
    def _record(self, message: Any) -> None:
        self.seen.append(message)


class Harness(App[None]):
    def on_mount(self) -> None:
        self.push_screen(Host())


async def _until(pilot: Any, check: Any, tries: int = 200) -> None:
    for _ in range(tries):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def test_add_url_dialog_checks_the_url_then_dismisses() -> None:
    app = Harness()
    results: list[str | None] = []
    async with app.run_test() as pilot:
        app.push_screen(AddUrlDialog(), results.append)
        await pilot.pause()
        await pilot.press(*"file:///etc/passwd", "enter")
        error = app.screen.query_one("#add-url-error", Static)
        assert "only http and https" in str(error.render())
        assert not results
        app.screen.query_one("Input").value = "https://Bücher.example/a"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.press("a")  # the dialog is gone: nothing else happens
    assert results == ["https://xn--bcher-kva.example/a"]


async def test_refresh_worker_posts_progress_and_stores(
    site: LoopbackServer, store: Store, settings: FetchSettings
) -> None:
    FeedBook(store).add(site.url("/feeds/atom.xml?t=pilot"))
    app = Harness()
    async with app.run_test() as pilot:
        host = app.screen
        assert isinstance(host, Host)
        fetch_workers.refresh_feeds(host, store, settings)
        await _until(pilot, lambda: any(isinstance(m, FetchDone) for m in host.seen))
        done = next(m for m in host.seen if isinstance(m, FetchDone))
        assert done.kind == "refresh" and done.summary.count("added") == 2
        phases = {m.phase for m in host.seen if isinstance(m, FetchProgress)}
        assert phases == {"feeds", "articles"}
    assert len(store.articles()) == 2


async def test_escape_cancels_a_running_batch(
    site: LoopbackServer, store: Store, settings: FetchSettings
) -> None:
    urls = [site.url(f"/pause?t=cancel{i}") for i in range(12)]
    app = Harness()
    async with app.run_test() as pilot:
        host = app.screen
        assert isinstance(host, Host)
        fetch_workers.add_urls(host, store, urls, settings)
        await pilot.pause(0.2)
        assert fetch_workers.is_fetching(host)
        fetch_workers.cancel_fetch(host)
        await _until(pilot, lambda: not fetch_workers.is_fetching(host))
    assert not any(isinstance(m, FetchDone) and len(m.summary.outcomes) == 12 for m in host.seen)


async def test_refetch_worker_reports_failure_in_one_line(
    site: LoopbackServer, store: Store, settings: FetchSettings
) -> None:
    from ingest.pipeline import article_from_text

    meta, body = article_from_text(
        "Some words of a page that went away.", title="t", url=site.url("/gone/z")
    )
    stored, _ = store.add_article(meta, body)
    app = Harness()
    async with app.run_test() as pilot:
        host = app.screen
        assert isinstance(host, Host)
        fetch_workers.refetch_article(host, store, stored.id, settings)
        await _until(pilot, lambda: any(isinstance(m, FetchDone) for m in host.seen))
        done = next(m for m in host.seen if isinstance(m, FetchDone))
        assert done.summary.problems() == [
            f"failed {site.url('/gone/z')}: HTTP 404 Not Found for {site.url('/gone/z')}"
        ]


async def test_discover_dialog_lists_feeds_and_returns_the_choice(
    site: LoopbackServer, settings: FetchSettings
) -> None:
    app = Harness()
    results: list[DiscoverChoice | None] = []
    async with app.run_test() as pilot:
        app.push_screen(DiscoverScreen(site.url("/news/ap.html"), settings), results.append)
        lists = lambda: app.screen.query(SelectionList)  # noqa: E731
        await _until(pilot, lambda: lists() and lists().first().option_count == 7)
        found = app.screen.query_one(SelectionList)
        assert found.option_count == 2 + 5  # two feeds, five entries
        await pilot.press("space")
        await pilot.press("down")
        await pilot.press("space")
        await pilot.pause()
        assert len(found.selected) == 2, (found.highlighted, found.selected)
        await pilot.press("enter")
    assert results == [
        DiscoverChoice(
            feeds=[(site.url("/feeds/rss.xml"), "Loopback Space News")],
            urls=[site.url("/news/spacereview.html")],
        )
    ]
