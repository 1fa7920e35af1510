"""After escape, the progress line says the refresh was cancelled and how many feeds
finished. It said "Checking feeds: <feed>" for a feed that had finished: the progress
messages the batch sent before it saw the cancel still named their feeds."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

import ingest.refresh
from ingest.batch import Progress, Summary
from storage.feeds import FeedBook
from storage.store import Store
from tests.tui.conftest import notices, screen_text, settle, until
from tui import fetch_workers
from tui.app import make_app
from tui.fetch_messages import FetchProgress
from tui.widgets import FetchProgressBar
from tui.widgets.fetch_progress import cancelled_label

SIZE = (160, 50)
FEEDS = [f"https://feeds.example/{name}.xml" for name in ("alpha", "beta", "gamma", "delta")]


class SlowRefresh:
    """A refresh of four feeds that checks alpha, then waits for the cancel; beta finishes
    as the cancel comes (its progress is sent after it), and the batch then stops."""

    def __init__(self) -> None:
        self.beta_reported = threading.Event()
        self.release = threading.Event()

    def __call__(
        self, store: Store, book: object, fetcher: object, progress: Callable, cancelled: Callable
    ) -> Summary:
        progress(Progress("feeds", 1, len(FEEDS), label=FEEDS[0]))
        while not cancelled():
            self.release.wait(0.01)
        progress(Progress("feeds", 2, len(FEEDS), label=FEEDS[1]))
        self.beta_reported.set()
        self.release.wait(10)
        return Summary(feeds_checked=2, feeds_unchanged=2, cancelled=True)


def line(app) -> str:
    return next((row for row in screen_text(app).splitlines() if "feeds" in row), "")


async def test_a_cancelled_refresh_counts_what_finished_and_names_no_feed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = SlowRefresh()
    monkeypatch.setattr(ingest.refresh, "refresh", fake)
    FeedBook(store).add(FEEDS[0])  # with none, `r` says so and does not start
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(FetchProgressBar)
        await pilot.press("r")
        await until(pilot, lambda: "alpha" in bar.label_text)
        assert "Checking feeds: https://feeds.example/alpha.xml" in line(app)
        await pilot.press("escape")
        await until(pilot, fake.beta_reported.is_set)
        await pilot.pause()
        await pilot.pause()
        assert app.screen._fetch_kind == "refresh" and bar.running  # still stopping
        shown = line(app)
        assert "Cancelled: 2 of 4 feeds checked" in shown and "stopping…" in shown
        assert ".xml" not in shown and "esc cancels" not in shown
        fake.release.set()
        await until(pilot, lambda: any("(cancelled)" in n for n in notices(app)))
        assert not bar.running
        assert "Cancelled: 2 of 4 feeds checked" in line(app)  # still there, to be read
        await until(pilot, lambda: "Cancelled" not in line(app), seconds=8)


def test_the_cancelled_label_counts_each_phase() -> None:
    assert cancelled_label({}).plain == "Cancelled before anything finished"
    counts = {"feeds": (5, 5), "articles": (2, 9)}
    assert (
        cancelled_label(counts).plain == "Cancelled: 5 of 5 feeds checked, 2 of 9 articles fetched"
    )


async def test_a_progress_message_handled_after_the_cancel_names_no_feed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The order the reviewer met: beta's message, sent before the batch saw the cancel, is
    handled after escape but before the worker's task has stopped."""
    fake = SlowRefresh()
    monkeypatch.setattr(ingest.refresh, "refresh", fake)
    FeedBook(store).add(FEEDS[0])  # with none, `r` says so and does not start
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, bar = app.screen, app.screen.query_one(FetchProgressBar)
        await pilot.press("r")
        await until(pilot, lambda: "alpha" in bar.label_text)
        screen.action_cancel_fetch()  # what escape runs
        assert fetch_workers.is_fetching(screen)  # the worker's task has not stopped yet
        screen.on_fetch_progress(FetchProgress("feeds", 2, len(FEEDS), FEEDS[1]))
        await pilot.pause()
        assert "Cancelled: 2 of 4 feeds checked" in line(app) and ".xml" not in line(app)
        fake.release.set()
        await until(pilot, lambda: any("(cancelled)" in n for n in notices(app)))
