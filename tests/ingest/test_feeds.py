"""Feeds: parsing real and hostile documents, conditional GET, subscriptions, OPML."""

from __future__ import annotations

import errno
import json
import time
from pathlib import Path

import pytest

from ingest.feeds import FeedError, cap_items, parse_feed
from ingest.fetch import FEED_ACCEPT, Fetcher
from ingest.opml import OpmlError, Outline, parse_opml, to_opml
from ingest.refresh import fetch_feed
from storage import jsonfile
from storage.errors import StoreWriteError
from storage.feeds import Feed, FeedBook
from storage.store import Store
from tests.httpserver import LoopbackServer

BAD_INPUTS = Path("/work/shared/bad-inputs/feedparser")
DATA = Path(__file__).resolve().parent.parent / "data"


def test_rss_and_atom_entries(site: LoopbackServer, fetcher: Fetcher) -> None:
    rss = parse_feed(fetcher.get(site.url("/feeds/rss.xml"), accept=FEED_ACCEPT).body, site.base)
    assert rss.title == "Loopback Space News"
    assert [e.url for e in rss.entries] == [
        site.url("/news/spacereview.html"),
        site.url("/news/aljazeera.html"),
        site.url("/gone/lunar-lander.html"),
    ]
    assert rss.skipped == 1
    assert (
        rss.entries[2].text
        == "NASA said “the lander will fly in 2024” and budgeted $2.6bn for it.\nSecond paragraph."
    )
    atom = parse_feed(fetcher.get(site.url("/feeds/atom.xml")).body, site.base)
    assert atom.title == "Loopback Fact Checks" and len(atom.entries) == 2
    assert atom.entries[1].text.startswith("The Conservatives renamed")


def test_conditional_get_gives_one_304_and_no_parsing(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    path = "/feeds/rss.xml?t=conditional"
    first = fetch_feed(fetcher, Feed(url=site.url(path)))
    assert first.parsed is not None and first.etag == '"feed-v1"'
    again = Feed(url=site.url(path), etag=first.etag, last_modified=first.last_modified)
    second = fetch_feed(fetcher, again)
    assert second.parsed is None and second.etag == first.etag
    hits = site.hits(path)
    assert len(hits) == 2 and hits[1].headers["if-none-match"] == '"feed-v1"'
    only_date = Feed(url=site.url(path), last_modified=first.last_modified)
    assert fetch_feed(fetcher, only_date).parsed is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("html-as-feed.html", "not an RSS or Atom feed"),
        ("wrong-charset.html", "not an RSS or Atom feed"),
    ],
)
def test_documents_that_are_not_feeds(
    site: LoopbackServer, fetcher: Fetcher, name: str, reason: str
) -> None:
    with pytest.raises(FeedError, match=reason):
        parse_feed(fetcher.get(site.url(f"/hostile/{name}")).body, site.base)


@pytest.mark.parametrize("body", [b"", b"   ", b'{"items": []}', b"%PDF-1.4", b"\xff\xd8\xff"])
def test_empty_and_binary_documents_are_not_feeds(body: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(body, "http://example.com/feed")


def test_truncated_xml_keeps_what_it_can(site: LoopbackServer, fetcher: Fetcher) -> None:
    feed = parse_feed(fetcher.get(site.url("/hostile/truncated.xml")).body, site.base)
    assert feed.entries[0].url == site.url("/news/ap.html")


def test_billion_laughs_does_not_expand(site: LoopbackServer, fetcher: Fetcher) -> None:
    started = time.process_time()  # CPU time: a busy machine must not fail the test
    try:
        feed = parse_feed(fetcher.get(site.url("/hostile/billion-laughs.xml")).body, site.base)
    except FeedError:
        return
    assert time.process_time() - started < 2
    assert len(feed.title) < 1000
    assert all(len(e.title) < 1000 and len(e.text) < 1000 for e in feed.entries)


def test_a_feed_of_100000_items_is_capped(site: LoopbackServer, fetcher: Fetcher) -> None:
    body = fetcher.get(site.url("/huge-feed.xml")).body
    started = time.process_time()  # CPU time: a busy machine must not fail the test
    feed = parse_feed(body, site.base, max_items=500)
    assert len(feed.entries) == 500 and feed.truncated
    assert feed.entries[-1].url.endswith("?i=499")
    assert time.process_time() - started < 5


def test_cap_items_keeps_the_closing_tags() -> None:
    doc = b"<rss><channel><item>1</item><item>2</item><item>3</item></channel></rss>"
    assert cap_items(doc, 2) == (
        b"<rss><channel><item>1</item><item>2</item></channel></rss>",
        True,
    )
    assert cap_items(doc, 3) == (doc, False)


def test_parse_feed_takes_bytes_only() -> None:
    with pytest.raises(TypeError):
        parse_feed("/etc/passwd", "x")  # type: ignore[arg-type]


@pytest.mark.parametrize("path", sorted(BAD_INPUTS.glob("*.xml")), ids=lambda p: p.name)
def test_feedparser_bad_inputs_parse_or_fail_in_one_line(path: Path) -> None:
    try:
        feed = parse_feed(path.read_bytes(), "http://example.com/feed.xml")
    except FeedError as exc:
        assert "\n" not in str(exc)
        if path.name.startswith(("charref_out_of_range", "rss_item_nested_textinput")):
            assert "malformed feed (" in str(exc)
        return
    assert feed.title
    assert not path.name.startswith(("charref_out_of_range", "rss_item_nested_textinput"))


def test_feedbook_keeps_subscriptions_and_status(tmp_path: Path) -> None:
    book = FeedBook(Store.open(tmp_path / "s"))
    feed, created = book.add("http://example.com/a.xml", "A")
    assert created and feed.added
    assert book.add("http://example.com/a.xml")[1] is False
    book.add("http://example.com/b.xml")
    book.record_failure("http://example.com/a.xml", "HTTP 500")
    book.record_failure("http://example.com/a.xml", "HTTP 502")
    a = book.get("http://example.com/a.xml")
    assert a is not None and a.error_count == 2 and a.last_error == "HTTP 502"
    book.record_success("http://example.com/a.xml", title="A!", etag='"x"', last_modified=None)
    a = book.get("http://example.com/a.xml")
    assert a is not None and (a.error_count, a.last_error, a.etag, a.title) == (
        0,
        None,
        '"x"',
        "A!",
    )
    assert a.last_success
    assert [f.url for f in book.all()] == ["http://example.com/a.xml", "http://example.com/b.xml"]
    assert book.remove("http://example.com/b.xml") and not book.remove("http://example.com/b.xml")
    book.mark_seen([("f", "http://x/1", "id1"), ("f", "http://x/1", "id1")])
    assert book.seen() == {"http://x/1"}
    reopened = FeedBook(Store.open(tmp_path / "s"))
    assert [f.url for f in reopened.all()] == ["http://example.com/a.xml"]


def test_opml_round_trip_and_bad_outlines() -> None:
    raw = (DATA / "feeds" / "subscriptions.opml").read_bytes().replace(b"{base}", b"http://h")
    found, skipped = parse_opml(raw)
    assert found == [
        Outline("http://h/feeds/rss.xml", "Loopback Space News"),
        Outline("http://h/feeds/atom.xml", "Loopback Fact Checks"),
    ]
    assert len(skipped) == 1 and "file:///etc/passwd" in skipped[0]
    again, _ = parse_opml(to_opml([*found, Outline("http://h/x?a=1&b=<2>", 'Q "&" <A>')]).encode())
    assert again[:2] == found and again[2].title == 'Q "&" <A>'


def test_opml_entities_are_not_resolved() -> None:
    raw = (DATA / "hostile" / "opml-external-entity.opml").read_bytes()
    with pytest.raises(OpmlError, match="external entity"):
        parse_opml(raw.replace(b"{base}", b"http://h"))


@pytest.mark.parametrize("raw", [b"", b"<html><body/></html>", b"<opml><body>", b"\x00\x01"])
def test_bad_opml_is_one_error(raw: bytes) -> None:
    with pytest.raises(OpmlError):
        parse_opml(raw)


def test_a_200_with_the_bytes_of_last_time_is_not_parsed_again(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    url = site.url("/flaky-feed.xml?t=digest")  # sends no validators: always a 200
    first = fetch_feed(fetcher, Feed(url=url))
    assert first.parsed is not None and first.digest and first.etag is None
    second = fetch_feed(fetcher, Feed(url=url, digest=first.digest))
    assert second.parsed is None and second.digest == first.digest
    assert len(site.hits("/flaky-feed.xml?t=digest")) == 2


def test_control_characters_in_a_feed_date_are_not_kept() -> None:
    """feedparser keeps an ESC in <pubDate> as it is; stored, it would reach a terminal."""
    rss = (
        b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>"
        b"<item><title>x</title><link>http://example.org/a</link>"
        b"<pubDate>\x1b]2;owned\x07\x1b[31mMon, 06 Sep 2021</pubDate></item>"
        b"</channel></rss>"
    )
    [entry] = parse_feed(rss, "http://example.org/feed").entries
    assert entry.published is None  # only a date feedparser can read is kept, as ISO


def test_feedbook_sees_what_another_book_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """feeds.json is parsed once and kept until it changes on disk: a change made through
    another FeedBook (another process) is seen at the next read, and a failed write
    leaves the book reading what the file holds."""
    ours = FeedBook(Store.open(tmp_path / "s"))
    ours.add("http://example.com/a.xml", "A")
    assert [f.title for f in ours.all()] == ["A"]
    listed = ours.all()
    theirs = FeedBook(Store.open(tmp_path / "s"))
    theirs.record_failure("http://example.com/a.xml", "HTTP 503")
    theirs.add("http://example.com/b.xml", "B")
    assert [(f.url, f.error_count, f.last_error) for f in ours.all()] == [
        ("http://example.com/a.xml", 1, "HTTP 503"),
        ("http://example.com/b.xml", 0, None),
    ]
    assert (listed[0].error_count, listed[0].last_error) == (0, None)  # records are copies
    ours.record_success("http://example.com/b.xml", title=None, etag='"e"', last_modified=None)
    assert theirs.get("http://example.com/b.xml").etag == '"e"'  # type: ignore[union-attr]

    def full_disk(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as m, pytest.raises(StoreWriteError):
        m.setattr(jsonfile.os, "replace", full_disk)
        ours.record_failure("http://example.com/b.xml", "HTTP 500")
    assert [(f.etag, f.error_count) for f in ours.all()] == [(None, 1), ('"e"', 0)]


def test_a_schema_3_store_moves_its_seen_links_to_their_log_on_open(tmp_path: Path) -> None:
    """Before schema 4 the seen links were a table of feeds.json: opening the store moves
    them to seen.log (after a backup), and schema 3 code would then refuse the store."""
    root = tmp_path / "s"
    store = Store.open(root)
    book = FeedBook(store)
    book.add("http://example.com/a.xml", "A")
    data = json.loads(book.path.read_bytes())
    data["seen"] = {
        "1": {"feed": "http://example.com/a.xml", "link": "http://x/1", "article": "id1"},
        "2": {"feed": "http://example.com/a.xml", "link": "http://x/2", "article": "id2"},
    }
    book.path.write_text(json.dumps(data))
    (root / "store.json").write_text(json.dumps({"schema": 3, "created": "2026-01-01"}))

    reopened = FeedBook(Store.open(root))
    assert json.loads((root / "store.json").read_text())["schema"] == 4
    assert "seen" not in json.loads(book.path.read_bytes())
    assert (root / "seen.log").read_text().splitlines() == [
        "http://x/1\thttp://example.com/a.xml\tid1",
        "http://x/2\thttp://example.com/a.xml\tid2",
    ]
    assert reopened.seen() == {"http://x/1", "http://x/2"}
    [before] = [b for b in reopened._store.backups() if "schema 3" in b.reason]
    assert "seen" in json.loads((before.path / "feeds.json").read_bytes())
    reopened.mark_seen([("http://example.com/a.xml", "http://x/2", "id2")])  # known
    reopened.mark_seen([("http://example.com/a.xml", "http://x/3", "id3")])
    assert (root / "seen.log").read_text().count("\n") == 3
    backup = reopened._store.backup()
    assert backup is not None
    assert (backup.path / "seen.log").read_bytes() == (root / "seen.log").read_bytes()


def test_a_status_write_rereads_feeds_json_under_the_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a filesystem with coarse timestamps another process's rewrite can keep the
    signature the cache knows: `record` must not write its stale copy over it."""
    store = Store.open(tmp_path / "s")
    mine, theirs = FeedBook(store), FeedBook(Store.open(tmp_path / "s"))
    mine.add("http://example.com/a.xml", "A")
    monkeypatch.setattr("storage.feeds.signature", lambda path: (1, 1, 1))
    assert mine.get("http://example.com/a.xml") is not None  # parsed and cached
    theirs.record_success("http://example.com/a.xml", title=None, etag='"v2"', last_modified=None)
    mine.record_failure("http://example.com/a.xml", "timed out")
    feed = FeedBook(Store.open(tmp_path / "s")).get("http://example.com/a.xml")
    assert feed is not None and feed.etag == '"v2"' and feed.error_count == 1


def test_a_seen_log_line_cut_by_a_crash_is_ignored_and_cut_off(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "s")
    book = FeedBook(store)
    book.mark_seen([("f", "http://x/1", "id1"), ("f", "http://x/1", "id1")])
    log = store.root / "seen.log"
    with log.open("ab") as torn:
        torn.write(b"http://x/2\tf")  # a kill mid-append
    assert book.seen() == {"http://x/1"}
    book.mark_seen([("f", "http://x/3", "id3"), ("f", "http://x/2\tbad", "id2")])
    assert log.read_text().splitlines() == [
        "http://x/1\tf\tid1",
        "http://x/3\tf\tid3",
        "http://x/2%09bad\tf\tid2",
    ]


def test_restoring_everything_from_before_seen_log_moves_the_log_aside(tmp_path: Path) -> None:
    """Articles rolled back by a restore must be fetched again by the next refresh."""
    store = Store.open(tmp_path / "s")
    book = FeedBook(store)
    book.add("http://example.com/a.xml", "A")
    backup = store.backup()
    assert backup is not None and not (backup.path / "seen.log").exists()
    book.mark_seen([("http://example.com/a.xml", "http://x/1", "id1")])
    assert book.seen() == {"http://x/1"}
    store.restore(backup, everything=True)
    assert book.seen() == set()
    [aside] = (tmp_path / "s" / "quarantine").glob("*/seen.log")
    assert aside.read_text() == "http://x/1\thttp://example.com/a.xml\tid1\n"
