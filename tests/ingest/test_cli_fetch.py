"""The network commands end to end: `newsroom add URL`, refetch, feeds, refresh, discover."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storage.feeds import FeedBook
from storage.store import Store
from tests.httpserver import LoopbackServer
from tui.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """A store, and a config.toml that allows loopback (the user's `[fetch]` setting)."""
    config = tmp_path / "config.toml"
    config.write_text("[fetch]\nallow_private = true\nread_timeout = 2\n")
    monkeypatch.setenv("NEWSROOM_CONFIG", str(config))
    return str(tmp_path / "store")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _ids(db: str) -> dict[str, str]:
    return {m.url or "": m.id for m in Store.open(Path(db)).articles()}


def test_add_urls_then_again_says_unchanged(site: LoopbackServer, db: str, capsys) -> None:
    url = site.url("/news/polygraph.html")
    code, out, err = run(capsys, "add", url, site.url("/doc.pdf"), "--db", db)
    assert code == 1
    assert "added: Russia and Syria" in out and "1 added, 0 unchanged, 0 partial, 1 failed" in out
    assert "not an HTML page (a PDF document)" in err and err.count("\n") == 1
    code, out, _ = run(capsys, "add", url, "--db", db)
    assert code == 0 and "unchanged: Russia and Syria" in out
    assert url in _ids(db)


def test_private_addresses_need_the_config_setting(
    site: LoopbackServer, db: str, capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_CONFIG", str(tmp_path / "none.toml"))
    code, _, err = run(capsys, "add", site.url("/news/ap.html"), "--db", db)
    assert code == 1 and "non-public address 127.0.0.1" in err and "allow_private" in err
    assert site.url("/news/ap.html") not in _ids(db)


def test_refetch_by_id(site: LoopbackServer, db: str, capsys) -> None:
    run(capsys, "add", site.url("/news/ap.html"), "--db", db)
    article_id = _ids(db)[site.url("/news/ap.html")]
    code, out, _ = run(capsys, "refetch", article_id[:5], "--db", db)
    assert code == 0 and f"{article_id}  unchanged" in out
    code, _, err = run(capsys, "refetch", "zz", "--db", db)
    assert code == 1 and "no such article" in err


def test_feeds_add_list_refresh_remove(site: LoopbackServer, db: str, capsys) -> None:
    rss, atom = site.url("/feeds/rss.xml?t=cli"), site.url("/feeds/atom.xml?t=cli")
    assert "subscribed to Loopback Space News" in run(capsys, "feeds", "add", rss, "--db", db)[1]
    assert "already subscribed" in run(capsys, "feeds", "add", rss, "--db", db)[1]
    code, _, err = run(capsys, "feeds", "add", site.url("/news/ap.html"), "--db", db)
    assert code == 1 and "not subscribed: not an RSS or Atom feed" in err
    run(capsys, "feeds", "add", atom, "--db", db)
    code, out, err = run(capsys, "refresh", "--db", db)
    assert code == 0, err
    assert (
        "2 feeds (2 changed, 0 unchanged, 0 failed); 4 added, 0 unchanged, 1 partial, 0 failed"
        in out
    )
    assert "partial " + site.url("/gone/lunar-lander.html") + ": HTTP 404" in err
    code, out, _ = run(capsys, "list", "--db", db)
    assert "(partial)" in out
    code, out, _ = run(capsys, "refresh", "--db", db)
    assert "2 feeds (0 changed, 2 unchanged, 0 failed); 0 added, 0 unchanged, 1 partial" in out
    code, out, _ = run(capsys, "feeds", "list", "--db", db)
    assert "  1. Loopback Space News" in out and "ok 20" in out
    assert "unsubscribed" in run(capsys, "feeds", "remove", "1", "--db", db)[1]
    assert "unsubscribed" in run(capsys, "feeds", "remove", atom, "--db", db)[1]
    code, _, err = run(capsys, "feeds", "remove", "3", "--db", db)
    assert code == 1 and "no feed number 3" in err


def test_failing_feed_status_is_listed(site: LoopbackServer, db: str, capsys) -> None:
    store = Store.open(Path(db))
    FeedBook(store).add(site.url("/error"))
    code, out, err = run(capsys, "refresh", "--db", db)
    assert code == 1 and "1 failed" in out and "HTTP 500" in err
    out = run(capsys, "feeds", "list", "--db", db)[1]
    assert "failing ×1: HTTP 500" in out


def test_opml_import_and_export(site: LoopbackServer, db: str, capsys, tmp_path: Path) -> None:
    opml = tmp_path / "subs.opml"
    raw = (DATA / "feeds" / "subscriptions.opml").read_bytes()
    opml.write_bytes(raw.replace(b"{base}", site.base.encode()))
    code, out, err = run(capsys, "feeds", "import", str(opml), "--db", db)
    assert code == 0 and "2 feeds added, 0 already subscribed, 1 skipped" in out
    assert "file:///etc/passwd" in err
    code, out, _ = run(capsys, "feeds", "export", "--db", db)
    assert out.startswith("<?xml") and f'xmlUrl="{site.base}/feeds/rss.xml"' in out
    target = tmp_path / "out.opml"
    assert "2 feeds written" in run(capsys, "feeds", "export", "-o", str(target), "--db", db)[1]
    code, _, err = run(capsys, "feeds", "import", str(DATA / "pages" / "ap.html.gz"), "--db", db)
    assert code == 1 and "not valid OPML" in err


def test_discover_lists_feeds_then_subscribes_and_adds(
    site: LoopbackServer, db: str, capsys
) -> None:
    code, out, _ = run(capsys, "discover", site.url("/news/aljazeera.html"), "--db", db)
    assert code == 0 and "[1] Loopback Space News" in out and "/xml/rss/all.xml" in out
    code, out, _ = run(capsys, "discover", site.url("/news/ap.html"), "--db", db)
    assert "[1] Loopback Space News" in out and "[2] Loopback Fact Checks" in out
    assert "comments" not in out
    code, out, err = run(
        capsys, "discover", site.url("/news/ap.html"), "--subscribe", "2", "--add", "1", "--db", db
    )
    assert code == 0, err
    assert f"subscribed to {site.base}/feeds/atom.xml" in out and "added: Seeking a bigger" in out
    code, _, err = run(capsys, "discover", site.url("/"), "--add", "99", "--db", db)
    assert code == 1 and "no add number 99" in err


def test_discover_a_feed_url_and_a_bad_page(site: LoopbackServer, db: str, capsys) -> None:
    out = run(capsys, "discover", site.url("/feeds/atom.xml"), "--db", db)[1]
    assert "[1] Loopback Fact Checks" in out
    code, _, err = run(capsys, "discover", site.url("/gone/page"), "--db", db)
    assert code == 1 and "HTTP 404" in err


def test_show_json_of_a_fetched_article(site: LoopbackServer, db: str, capsys) -> None:
    run(capsys, "add", site.url("/news/spacereview.html"), "--db", db)
    article_id = _ids(db)[site.url("/news/spacereview.html")]
    doc = json.loads(run(capsys, "show", article_id, "--json", "--db", db)[1])
    assert doc["source"] == "url" and doc["quotes"] and doc["author"]
    for item in doc["quotes"] + doc["figures"]:
        assert doc["text"][item["start"] : item["end"]] == item["text"]


def test_the_headline_counts_every_feed_once() -> None:
    from ingest.batch import Summary

    one = Summary(feeds_checked=1, feed_errors=[("http://a/f", "HTTP 500")])
    assert one.headline().startswith("1 feed (0 changed, 0 unchanged, 1 failed); 0 added")
    three = Summary(feeds_checked=3, feeds_unchanged=1, feed_errors=[("http://a/f", "x")])
    assert three.headline().startswith("3 feeds (1 changed, 1 unchanged, 1 failed)")


def test_a_mirrored_page_shows_both_urls_and_refetches_from_where_it_came(
    site: LoopbackServer, db: str, capsys
) -> None:
    mirror = site.url("/mirror/ap.html?t=cli")
    code, out, _ = run(capsys, "add", mirror, "--db", db)
    assert code == 0 and "1 added" in out
    article_id = _ids(db)["http://origin.invalid/news/ap.html"]
    code, out, _ = run(capsys, "show", article_id, "--db", db)
    assert "http://origin.invalid/news/ap.html\n" in out and f"fetched from {mirror}\n" in out
    code, out, _ = run(capsys, "show", article_id, "--json", "--db", db)
    assert json.loads(out)["fetched_url"] == mirror
    code, out, err = run(capsys, "refetch", article_id, "--db", db)
    assert (code, err) == (0, "") and f"{article_id}  unchanged" in out
