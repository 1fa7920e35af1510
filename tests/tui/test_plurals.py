"""Counts agree with their nouns: "1 article", "1 tagged item", "1 feed found", in the CLI
and in the app, on a real store."""

from __future__ import annotations

import json
from pathlib import Path

from desk.backup import backup
from storage.feeds import FeedBook
from storage.models import ItemRef
from storage.store import Store
from tests.httpserver import Reply, serve
from tests.tui.conftest import screen_text, settle
from tui.app import make_app
from tui.cli import main
from tui.screens import DiscoverScreen, FollowUpScreen, SearchScreen
from tui.wording import plural

SIZE = (160, 50)
FEEDS = Path(__file__).resolve().parents[1] / "data" / "feeds"


def test_plural_agrees_with_the_count() -> None:
    assert [plural(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert plural(1, "entry", "entries") == "1 entry" and plural(3, "entry", "entries") == (
        "3 entries"
    )


def test_cli_counts_of_one(seeded_store: Store, tmp_path: Path, capsys) -> None:
    [meta] = seeded_store.articles()
    seeded_store.tag(ItemRef(meta.id), "used", meta.title)
    seeded_store.note(ItemRef(meta.id), "Call the press office")
    dump = tmp_path / "all.json"
    dump.write_text(json.dumps(backup(seeded_store)))
    db = str(seeded_store.root)
    capsys.readouterr()

    assert main(["import-json", str(dump), "--db", str(tmp_path / "fresh")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("restored 1 article (0 already there), 1 tag, 1 note\n")
    assert main(["reanalyse", "--db", db]) == 0
    assert (
        capsys.readouterr()
        .out.strip()
        .endswith("re-analysed 1 article; 0 changed in number of items")
    )

    FeedBook(seeded_store).add("https://example.org/feed.xml", "Example")
    target = tmp_path / "subs.opml"
    assert main(["feeds", "export", "-o", str(target), "--db", db]) == 0
    assert f"1 feed written to {target}" in capsys.readouterr().out
    assert main(["feeds", "import", str(target), "--db", str(tmp_path / "other")]) == 0
    assert "1 feed added, 0 already subscribed, 0 skipped" in capsys.readouterr().out


async def test_desk_and_search_counts_of_one(seeded_store: Store) -> None:
    [meta] = seeded_store.articles()
    seeded_store.tag(ItemRef(meta.id), "used", meta.title)
    app = make_app(seeded_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.screen, FollowUpScreen)
        assert "1 tagged item" in screen_text(app)
        assert "1 tagged items" not in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("slash", *"speaker:Fournier", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        status = str(app.screen.query_one("#search-status").render())
        assert status.startswith("1 article, ") and "1 articles" not in status
        # only quotes matched: the count names quotes, not "quotes and figures"
        assert "figure" not in status.split(" for ")[0] and " quote" in status


async def test_discover_says_1_feed_found(store: Store, tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nallow_private = true\n", encoding="utf-8")
    monkeypatch.setenv("NEWSROOM_CONFIG", str(config))
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    page += b"<title>One feed</title></head><body><p>Hello</p></body></html>"
    routes = {"/": lambda request: Reply(page)}
    with serve(routes) as site:
        rss = (FEEDS / "rss.xml").read_text("utf-8").replace("{base}", site.base)
        feed = Reply(rss.encode(), content_type="application/rss+xml")
        site.routes["/feed.xml"] = lambda request: feed
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("d", *site.url("/"), "enter")
            for _ in range(200):
                if "found" in screen_text(app):
                    break
                await pilot.pause(0.05)
            assert isinstance(app.screen, DiscoverScreen)
            assert "1 feed found: enter subscribes" in screen_text(app)
