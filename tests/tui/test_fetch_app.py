"""Fetching from the main screen, with Pilot, against the loopback site of tests/ingest:
add a URL (a), refresh feeds (r), refetch (R), cancel (escape), refused URLs, hostile text.

The fetch settings come from a real config.toml (`NEWSROOM_CONFIG`), as they do for users.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.message import Message
from textual.widgets import SelectionList
from textual.worker import Worker

from storage.feeds import FeedBook
from storage.models import ArticleMeta, ItemRef, quote_keys
from storage.store import FOLLOW_UP, Store
from tests.httpserver import LoopbackServer, Reply
from tests.ingest import conftest as site_conftest
from tests.ingest.conftest import _loopback_only, site  # noqa: F401  (fixtures)
from tests.tui.conftest import notices, screen_text, settle, until
from tui import fetch_workers
from tui.app import make_app
from tui.fetch_messages import FetchDone, FetchFailed, FetchProgress
from tui.screens.add_url import AddUrlDialog
from tui.screens.discover import DiscoverScreen
from tui.widgets import ArticleList, FetchProgressBar, FiguresPane, QuotesPane, ReaderHeader

SIZE = (160, 50)
EXTRA = "The full version of this story ends with this closing paragraph about the office."
CLICK = "[@click=app.quit]"
HOSTILE_TITLE = f"[bold]Loud[/bold] {CLICK}quit \x1b[31mred"


def _config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, allow_private: bool) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[fetch]\n"
        f"allow_private = {'true' if allow_private else 'false'}\n"
        "connect_timeout = 2.0\nread_timeout = 5.0\ntotal_timeout = 20.0\n",
        "utf-8",
    )
    monkeypatch.setenv("NEWSROOM_CONFIG", str(path))


@pytest.fixture
def loopback_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`[fetch] allow_private = true`: the loopback site may be fetched."""
    _config(tmp_path, monkeypatch, allow_private=True)


@pytest.fixture
def strict_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default policy: private and link-local addresses are refused."""
    _config(tmp_path, monkeypatch, allow_private=False)


@pytest.fixture
def extra_routes(site: LoopbackServer) -> Iterator[dict[str, Any]]:  # noqa: F811
    """Routes added to the shared loopback site for one test, removed after it."""
    added: dict[str, Any] = {}
    yield added
    for path in added:
        site.routes.pop(path, None)


def _route(site: LoopbackServer, extra: dict[str, Any], path: str, reply: Reply) -> str:  # noqa: F811
    extra[path] = site.routes[path] = lambda request: reply
    return site.url(path)


def _notice_with(app: Any, text: str) -> Callable[[], bool]:
    return lambda: any(text in n for n in notices(app))


def _fetch_worker(screen: Any) -> Worker[None]:
    return next(w for w in screen.workers if w.group == fetch_workers.GROUP and w.node is screen)


def _rows(app: Any) -> list[str]:
    article_list = app.screen.query_one(ArticleList)
    return [article_list.render_line(y).text for y in range(article_list.row_count)]


# ------------------------------------------------------------------ add a URL


async def test_a_adds_a_url_and_opens_the_article(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        assert isinstance(app.screen, AddUrlDialog)
        await pilot.press(*site.url("/news/aljazeera.html"), "enter")
        await until(pilot, _notice_with(app, "Add: 1 added"))
        await until(pilot, lambda: app.screen.query_one(QuotesPane).option_count > 0)
        [meta] = store.articles()
        assert meta.title.startswith("NASA’s commercial moon") and meta.url == site.url(
            "/news/aljazeera.html"
        )
        await until(pilot, lambda: any("NASA’s commercial moon" in row for row in _rows(app)))
        assert app.screen.query_one(ArticleList).current.id == meta.id
        assert app.screen.query_one(FiguresPane).option_count > 0
        assert "NASA’s commercial moon" in str(app.screen.query_one(ReaderHeader).render())
        assert not app.screen.query_one(FetchProgressBar).running


# ------------------------------------------------------------------ refresh feeds


async def test_r_refreshes_feeds_with_a_progress_bar(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,
) -> None:
    FeedBook(store).add(site.url("/feeds/atom.xml?t=app-refresh"))
    seen: list[Message] = []
    shown: list[str | bool] = []
    app = make_app(store)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(FetchProgressBar)
        app.screen.watch(bar, "running", lambda on: shown.append(on and bar.label_text), init=False)
        await pilot.press("r")
        await until(pilot, _notice_with(app, "Refresh:"))
        assert any("2 added" in n for n in notices(app)), notices(app)
        await until(pilot, lambda: app.screen.query_one(ArticleList).row_count == 2)
        assert not bar.running and not bar.display
    progress = [m for m in seen if isinstance(m, FetchProgress)]
    assert {m.phase for m in progress} == {"feeds", "articles"}
    assert progress[-1].done == progress[-1].total == 2
    assert shown[0] and shown[-1] is False, shown  # shown with a label, then hidden
    assert len(store.articles()) == 2


# ------------------------------------------------------------------ responsiveness and cancel


@pytest.mark.parametrize("how", ["refresh a 100,000-item feed", "add a 5 MB page"])
async def test_the_list_moves_while_fetching_and_escape_cancels(
    how: str,
    site: LoopbackServer,  # noqa: F811
    store: Store,
    add_article: Callable[..., ArticleMeta],
    extra_routes: dict[str, Any],
    loopback_config: None,
) -> None:
    big = Reply(site_conftest._big_html(5 * 1024 * 1024), drip=(256 * 1024, 0.1))
    slow_big_page = _route(site, extra_routes, "/big-slow.html", big)  # about 2 s to download
    for n in range(5):
        add_article(f"Local story {n}", f"Body of local story number {n}.")
    if how.startswith("refresh"):
        FeedBook(store).add(site.url("/huge-feed.xml"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen, article_list = app.screen, app.screen.query_one(ArticleList)
        if how.startswith("refresh"):
            await pilot.press("r")
        else:
            await pilot.press("a", *slow_big_page, "enter")
        await pilot.pause(0.3)
        assert fetch_workers.is_fetching(screen)
        worker = _fetch_worker(screen)
        before, started = article_list.cursor, time.monotonic()
        await pilot.press("j", "j")
        assert article_list.cursor == before + 2
        await pilot.press("k")
        assert article_list.cursor == before + 1
        assert time.monotonic() - started < 2.0, "keys waited for the fetch"
        assert fetch_workers.is_fetching(screen), "the fetch ended before the keys were tried"
        await pilot.press("escape")
        assert worker.is_cancelled
        assert any("Cancelling" in n for n in notices(app))
        # The page in flight (a feed batch's, or the one big page) is not waited for.
        await until(pilot, _notice_with(app, "(cancelled)"), seconds=60)
        assert screen.query_one(FetchProgressBar).running is False
        await pilot.press("escape")  # nothing runs now: escape does nothing
        assert app.screen is screen and app.is_running


@pytest.mark.parametrize("key", ["a", "r", "R"])
async def test_escape_on_a_slow_server_returns_at_once_and_stores_nothing(
    key: str,
    site: LoopbackServer,  # noqa: F811
    seeded_store: Store,
    loopback_config: None,
) -> None:
    """The server answers 3 s after the request: escape does not wait for it, and what it
    sends then is dropped (no article, no refetched text, no feed error)."""
    store = seeded_store
    [seed] = store.articles()
    slow = site.url(f"/slow?t=escape-{key}")
    if key == "r":
        FeedBook(store).add(slow)
    if key == "R":
        body = store.body(seed.id)
        seed.url = slow
        store.replace_article(seed, body)
    before = store.get(seed.id)
    handled: dict[str, float] = {}  # when the app's loop took the escape key, and FetchDone

    def note(message: Message) -> None:
        if isinstance(message, events.Key) and message.key == "escape":
            handled.setdefault("escape", time.monotonic())
        elif isinstance(message, FetchDone):
            handled["done"] = time.monotonic()

    app = make_app(store)
    async with app.run_test(size=SIZE, message_hook=note) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press(key, *([*slow, "enter"] if key == "a" else []))
        await until(pilot, lambda: site.hits(f"/slow?t=escape-{key}"))
        await pilot.pause(0.2)  # the request waits on the server now
        await pilot.press("escape")
        await until(pilot, _notice_with(app, "(cancelled)"), seconds=5)
        assert handled["done"] - handled["escape"] < 1.0, "escape waited for the slow server"
        assert not fetch_workers.is_fetching(screen) and screen._fetch_kind is None
        assert not screen.query_one(FetchProgressBar).running
        await pilot.pause(3.5)  # the server has answered by now: nothing comes of it
        assert not any("added" in n and "(cancelled)" not in n for n in notices(app))
    assert [m.id for m in store.articles()] == [seed.id]
    assert store.get(seed.id) == before
    assert all(f.error_count == 0 and f.last_error is None for f in FeedBook(store).all())


async def test_a_second_fetch_waits_for_the_first(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,
) -> None:
    FeedBook(store).add(site.url("/slow?t=app-busy"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause(0.2)
        await pilot.press("r")
        assert any("still running" in n for n in notices(app))
        assert fetch_workers.is_fetching(app.screen)
        await until(pilot, _notice_with(app, "Refresh:"))


# ------------------------------------------------------------------ refetch


def _page_of(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body>"
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}<p>{EXTRA}</p></article>"
        "</body></html>"
    ).encode()


async def test_R_turns_a_seed_into_the_full_article_keeping_tags(
    site: LoopbackServer,  # noqa: F811
    seeded_store: Store,
    extra_routes: dict[str, Any],
    loopback_config: None,
) -> None:
    store = seeded_store
    [seed] = store.articles()
    body = store.body(seed.id)
    url = _route(site, extra_routes, "/seed/openai.html", Reply(_page_of(seed.title, body.text)))
    seed.url = url
    store.replace_article(seed, body)
    key = quote_keys(body.quotes)[0]
    store.tag(ItemRef(seed.id, key), FOLLOW_UP, body.quotes[0].text)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert EXTRA not in app.screen.body.text.plain
        await pilot.press("R")
        await until(pilot, _notice_with(app, "1 updated"))
        await until(pilot, lambda: EXTRA in app.screen.body.text.plain)
        after = store.get(seed.id)
        assert after.meta.source == "url" and after.meta.status == "ok"
        assert key in quote_keys(after.body.quotes)
        assert store.tags_for(seed.id)[key] == {FOLLOW_UP}
        assert "★" in app.screen.query_one(ArticleList).render_line(0).text


# ------------------------------------------------------------------ refused and hostile


async def test_refused_urls_notify_and_store_nothing(store: Store, strict_config: None) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *"file:///etc/passwd", "enter")
        assert isinstance(app.screen, AddUrlDialog)  # refused in the dialog itself
        assert "only http and https" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("a", *"http://169.254.169.254/latest/meta-data/", "enter")
        await until(pilot, _notice_with(app, "Add: 0 added"))
        [toast] = [n for n in app._notifications if "Add:" in n.message]
        assert toast.severity == "error" and "169.254.169.254" in toast.message
    assert store.articles() == []


def _hostile_feed(base: str) -> bytes:
    title = html.escape(HOSTILE_TITLE.replace("\x1b", ""))
    item = (
        f"<item><title>{title} {{n}}</title><link>{base}/gone/{CLICK}{{n}}</link>"
        f"<description>Words from the feed about {title}, number {{n}}.</description></item>"
    )
    items = "".join(item.format(n=n) for n in range(2))
    return f'<rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'.encode()


async def test_hostile_text_from_the_web_shows_literally(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    extra_routes: dict[str, Any],
    loopback_config: None,
) -> None:
    feed = _route(site, extra_routes, "/hostile-app.xml", Reply(_hostile_feed(site.base)))
    FeedBook(store).add(feed)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await until(pilot, _notice_with(app, "Refresh:"))
        await until(pilot, lambda: app.screen.query_one(ArticleList).row_count == 2)
        assert any("partial" in n and "/gone/%5B@click" in n for n in notices(app)), notices(app)
        await pilot.press("enter")
        await settle(pilot)
        header = str(app.screen.query_one(ReaderHeader).render())
        assert "partial: HTTP 404" in header and "R refetches" in header
        # A message with escapes and markup, as a worker might post it.
        app.screen.post_message(FetchFailed("add", f"\x1b]0;pwned\x07{CLICK}[bold]x\x1b[31m"))
        bar = app.screen.query_one(FetchProgressBar)
        bar.advance("articles", 1, 2, HOSTILE_TITLE)
        await pilot.pause()
        assert f"{CLICK}quit red" in bar.label_text
        await settle(pilot)
        text = screen_text(app)
        assert "[bold]Loud[/bold]" in text and "\x1b" not in text
        assert any(n.endswith(f"{CLICK}[bold]x") for n in notices(app)), notices(app)
        assert all("\x1b" not in n and "\x07" not in n for n in notices(app))
        for y in range(3):
            await pilot.click(ArticleList, offset=(20, y))
        assert app.is_running and app.return_code is None


async def test_done_notice_counts_and_lists_problems() -> None:
    from ingest.refresh import Outcome, Summary
    from tui.screens.main_fetch import done_notice

    outcomes = [Outcome(f"http://x/{n}", "failed", reason=f"boom\x1b[31m {n}") for n in range(7)]
    text, severity = done_notice("add", Summary(outcomes))
    assert text.splitlines()[0] == "Add: 0 added, 0 unchanged, 0 partial, 7 failed"
    assert severity == "error" and "\x1b" not in text and text.endswith("… and 2 more")
    ok = Summary([Outcome("http://x/a", "added", "id", "A")])
    assert done_notice("refresh", ok) == (
        "Refresh: 1 added, 0 unchanged, 0 partial, 0 failed",
        "information",
    )


# ------------------------------------------------------------------ keys, help, palette, discover


async def test_help_and_palette_offer_the_fetch_actions(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,
) -> None:
    FeedBook(store).add(site.url("/feeds/rss.xml?t=app-palette"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        text = screen_text(app)
        for key, what in [("a", "Add URL"), ("R", "Refetch"), ("r", "Refresh feeds")]:
            assert any(f"{key} " in line and what in line for line in text.splitlines()), what
        assert "Discover feeds" in text and "Cancel fetch" in text, text
        await pilot.press("escape")
        await pilot.press("ctrl+p", *"refresh feeds", "enter")
        await until(pilot, _notice_with(app, "Refresh:"))
        assert store.articles()
        await pilot.press("ctrl+p", *"add article from", "enter")
        assert isinstance(app.screen, AddUrlDialog)


async def test_d_discovers_feeds_of_the_open_article_and_subscribes(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    add_article: Callable[..., ArticleMeta],
    loopback_config: None,
) -> None:
    add_article("A page of the loopback site", "Some words.", url=site.url("/news/ap.html"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, DiscoverScreen) and app.screen.url.endswith("/ap.html")
        found = app.screen.query_one(SelectionList)
        await until(pilot, lambda: found.option_count == 7)
        await pilot.press("space", "down", "space", "enter")
        await until(pilot, _notice_with(app, "Add: 1 added"))
    assert [f.url for f in FeedBook(store).all()] == [site.url("/feeds/rss.xml")]
    assert len(store.articles()) == 2


async def test_d_without_an_article_asks_for_the_page(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,
) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, AddUrlDialog) and "Discover feeds of" in screen_text(app)
        await pilot.press(*site.url("/"), "enter")
        assert isinstance(app.screen, DiscoverScreen)
        await until(pilot, lambda: "feeds found" in screen_text(app))
        await pilot.press("escape")
        assert not isinstance(app.screen, DiscoverScreen)
    assert FeedBook(store).all() == [] and store.articles() == []


async def test_R_and_d_use_the_url_a_mirrored_page_was_fetched_from(
    site: LoopbackServer,  # noqa: F811
    store: Store,
    loopback_config: None,
) -> None:
    """Its canonical link names a host that cannot be reached: `R` and `d` would fail there."""
    mirror = site.url("/mirror/ap.html?t=app")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("a", *mirror, "enter")
        await until(pilot, _notice_with(app, "Add: 1 added"))
        [meta] = store.articles()
        assert (meta.url, meta.fetched_url) == (site_conftest.UNREACHABLE + "/news/ap.html", mirror)
        await until(pilot, lambda: app.screen.query_one(ArticleList).current is not None)
        await pilot.press("R")
        await until(pilot, _notice_with(app, "Refetch:"))
        assert _notice_with(app, "1 unchanged")() and not _notice_with(app, "failed:")()
        assert len(site.hits("/mirror/ap.html?t=app")) == 2
        await pilot.press("d")
        assert isinstance(app.screen, DiscoverScreen) and app.screen.url == mirror
        await until(pilot, lambda: "feeds found" in screen_text(app))
        assert "Loopback Space News" in screen_text(app)
        assert app.screen.query_one(SelectionList).option_count == 7
