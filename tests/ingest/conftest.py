"""Fixtures for network tests: one loopback site serving real pages, feeds and bad cases.

The site runs for the whole session (starting it per test would cost more than the tests).
Tests that count requests add a unique query string (`?t=name`) so counts do not mix.
A guard refuses to resolve any host but the loopback one: these tests never reach the
internet, even if a page under test links there.
"""

from __future__ import annotations

import gzip
import socket
import zlib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from ingest.fetch import Fetcher, FetchSettings
from storage.store import Store
from tests.httpserver import LoopbackServer, Reply, Request, page_html, serve

DATA = Path(__file__).resolve().parent.parent / "data"
PAGES = DATA / "pages"
FEEDS = DATA / "feeds"
HOSTILE = DATA / "hostile"
ETAG = '"feed-v1"'
LAST_MODIFIED = "Tue, 19 Nov 2019 12:00:00 GMT"
RSS = "application/rss+xml; charset=utf-8"
UNREACHABLE = "http://origin.invalid"  # .invalid never resolves (RFC 2606); the guard agrees
FLAKY = {"up": False}  # /flaky/<page>.html fails with 503 until a test sets this


def _templated(path: Path, base: str) -> bytes:
    return path.read_bytes().replace(b"{base}", base.encode())


def _page(request: Request, base: str) -> Reply:
    name = request.path.split("?")[0].rsplit("/", 1)[-1].removesuffix(".html")
    path = PAGES / f"{name}.html.gz"
    if not path.exists():
        return Reply(b"no such page", status=404, content_type="text/plain")
    return Reply(page_html(path, base + request.path.split("?")[0]))


def _mirror(request: Request) -> Reply:
    """A copy of a page whose canonical link names a host that cannot be reached."""
    name = request.path.split("?")[0].rsplit("/", 1)[-1].removesuffix(".html")
    return Reply(page_html(PAGES / f"{name}.html.gz", UNREACHABLE + f"/news/{name}.html"))


def _conditional(path: Path, base: str) -> object:
    def route(request: Request) -> Reply:
        h = request.headers
        if h.get("if-none-match") == ETAG or h.get("if-modified-since") == LAST_MODIFIED:
            return Reply(status=304, content_type=None, headers={"ETag": ETAG})
        headers = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED}
        return Reply(_templated(path, base), content_type=RSS, headers=headers)

    return route


@cache
def huge_feed(base: str, n: int = 100_000) -> bytes:
    """A feed of `n` items, generated once (about 10 MB)."""
    item = "<item><title>Item {i}</title><link>{base}/news/ap.html?i={i}</link></item>"
    items = "".join(item.format(i=i, base=base) for i in range(n))
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'
    return (head + items + "</channel></rss>").encode()


def _big_html(size: int) -> bytes:
    page = page_html(PAGES / "ap.html.gz", "http://127.0.0.1/big.html")
    padding = b"<script>var state = '" + b"x" * size + b"';</script>"
    return page.replace(b"</body>", padding + b"</body>", 1)


def _flaky_feed(base: str) -> bytes:
    item = (
        "<item><title>Flaky {name}</title><link>{base}/flaky/{name}.html</link>"
        "<description>Summary of {name}: the feed's own words about it.</description></item>"
    )
    items = "".join(item.format(name=n, base=base) for n in ("polygraph", "spacereview"))
    return f'<rss version="2.0"><channel><title>Flaky</title>{items}</channel></rss>'.encode()


def _homepage(base: str) -> bytes:
    return (
        "<!doctype html><html><head><title>Loopback News</title>"
        '<link rel="alternate" type="application/rss+xml" title="Space" '
        f'href="{base}/feeds/rss.xml">'
        '<link rel="alternate" type="application/atom+xml" title="Checks" href="/feeds/atom.xml">'
        '<link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/feed">'
        "</head><body><p>Welcome.</p></body></html>"
    ).encode()


def _hostile(request: Request, base: str) -> Reply:
    name = request.path.split("?")[0].rsplit("/", 1)[-1]
    path = HOSTILE / name
    kind = RSS if name.endswith(".xml") else "text/html; charset=utf-8"
    return Reply(_templated(path, base), content_type=kind)


def routes(base: str) -> dict[str, object]:
    """Every path the loopback site serves; see tests/data/hostile/README.md for the bad ones."""
    gzip_bomb = gzip.compress(b"\0" * (40 * 1024 * 1024))
    r = {
        "/": lambda q: Reply(_homepage(base)),
        "/news/": lambda q: _page(q, base),
        "/alias/aljazeera": lambda q: Reply(
            page_html(PAGES / "aljazeera.html.gz", base + "/news/aljazeera.html")
        ),
        "/mirror/": _mirror,
        "/feeds/rss.xml": _conditional(FEEDS / "rss.xml", base),
        "/feeds/atom.xml": _conditional(FEEDS / "atom.xml", base),
        "/xml/rss/all.xml": _conditional(FEEDS / "rss.xml", base),
        "/gone/": lambda q: Reply(b"gone", status=404, content_type="text/plain"),
        "/flaky/": lambda q: _page(q, base) if FLAKY["up"] else Reply(b"", status=503),
        "/flaky-feed.xml": lambda q: Reply(_flaky_feed(base), content_type=RSS),
        "/error": lambda q: Reply(b"oops", status=500, content_type="text/plain"),
        "/slow": lambda q: Reply(b"<html>late</html>", delay=3.0),
        "/pause": lambda q: Reply(b"<html>paused</html>", delay=1.0),
        "/drip": lambda q: Reply(b"<html>" + b" " * 200 + b"</html>", drip=(1, 0.05)),
        "/redirect/": lambda q: _redirect(q),
        "/redirect-private": lambda q: _to("http://169.254.169.254/latest/meta-data/"),
        "/redirect-file": lambda q: _to("file:///etc/passwd"),
        "/redirect-loop": lambda q: _to("/redirect-loop"),
        "/doc.pdf": lambda q: Reply(b"%PDF-1.4\n%...", content_type="application/pdf"),
        "/untyped": lambda q: Reply(b"%PDF-1.4\n%...", content_type=None),
        "/image.jpg": lambda q: Reply(b"\xff\xd8\xff\xe0\x00\x10JFIF", content_type="image/jpeg"),
        "/data.json": lambda q: Reply(b'{"title": "not a page"}', content_type="application/json"),
        "/empty": lambda q: Reply(b""),
        "/no-article": lambda q: Reply(
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>"
        ),
        "/hostile/": lambda q: _hostile(q, base),
        "/huge-feed.xml": lambda q: Reply(huge_feed(base), content_type=RSS),
        "/big.html": lambda q: Reply(_big_html(5 * 1024 * 1024)),
        "/too-big.html": lambda q: Reply(_big_html(11 * 1024 * 1024)),
        "/gzip-bomb": lambda q: Reply(gzip_bomb, headers={"Content-Encoding": "gzip"}),
        "/deflate": lambda q: Reply(
            zlib.compress(page_html(PAGES / "ap.html.gz", base + "/deflate")),
            headers={"Content-Encoding": "deflate"},
        ),
    }
    return r


def _to(location: str) -> Reply:
    return Reply(status=302, content_type=None, headers={"Location": location})


def _redirect(request: Request) -> Reply:
    """/redirect/3 -> /redirect/2 -> /redirect/1 -> /redirect/0 -> /news/ap.html"""
    n = int(request.path.split("?")[0].rsplit("/", 1)[-1] or 0)
    return _to(f"/redirect/{n - 1}" if n > 0 else "/news/ap.html")


@pytest.fixture(scope="session")
def site() -> Iterator[LoopbackServer]:
    table: dict[str, object] = {}
    with serve(table) as server:  # type: ignore[arg-type]
        table.update(routes(server.base))
        yield server


@pytest.fixture(autouse=True)
def _loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse DNS for anything but loopback: a test must never reach the internet."""
    real = socket.getaddrinfo

    def guarded(host: object, *args: object, **kwargs: object) -> object:
        name = host.decode() if isinstance(host, bytes) else host
        if name not in ("127.0.0.1", "localhost", "::1"):
            raise socket.gaierror(f"tests may not resolve {host!r}")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", guarded)


@pytest.fixture
def settings() -> FetchSettings:
    """Loopback allowed, short timeouts so the slow cases finish quickly."""
    return FetchSettings(
        allow_private_addresses=True, connect_timeout=1.0, read_timeout=0.5, total_timeout=2.0
    )


@pytest.fixture
def fetcher(settings: FetchSettings) -> Iterator[Fetcher]:
    f = Fetcher(settings)
    yield f
    f.close()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "store")
