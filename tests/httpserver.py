"""A real HTTP server on 127.0.0.1 for fetch, feed and refresh tests (and the benchmark).

Routes map a path (exact, or a prefix ending in "/"; "/" itself is exact) to a function of
the request that returns a `Reply`. The server records every request's path and headers, so
tests can assert on what the fetcher sent (User-Agent, If-None-Match) and how often a URL
was fetched.
"""

from __future__ import annotations

import gzip
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


@dataclass
class Request:
    """What the handler saw: the path (with query) and the request headers."""

    path: str
    headers: dict[str, str]


@dataclass
class Reply:
    """What to send. `delay` waits before the headers; `drip` sends the body in pieces of
    `drip[0]` bytes every `drip[1]` seconds (a server that never trips a read timeout)."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: tuple[int, float] | None = None


Route = Callable[[Request], Reply]


class _Handler(BaseHTTPRequestHandler):
    server: LoopbackServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        """No Nagle: headers and body go out in two writes, and without TCP_NODELAY the
        body waits for the client's delayed ACK of the headers (40 ms per response)."""
        super().setup()
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def do_GET(self) -> None:
        request = Request(self.path, {k.lower(): v for k, v in self.headers.items()})
        self.server.record(request)
        reply = self.server.route(request)
        if reply.delay:
            time.sleep(reply.delay)
        with suppress(BrokenPipeError, ConnectionResetError):
            self._send(reply)

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        if reply.content_type:
            self.send_header("Content-Type", reply.content_type)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        if "Content-Length" not in reply.headers:
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if reply.drip is None:
            self.wfile.write(reply.body)
            return
        size, pause = reply.drip
        for start in range(0, len(reply.body), size):
            self.wfile.write(reply.body[start : start + size])
            self.wfile.flush()
            time.sleep(pause)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read `server.requests` instead."""


class LoopbackServer(ThreadingHTTPServer):
    """ThreadingHTTPServer on 127.0.0.1, port chosen by the OS, with a route table."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, routes: dict[str, Route]) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes = routes
        self.requests: list[Request] = []
        self._lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        """Quiet: clients that hang up early (size limits, timeouts) are part of the tests."""

    def url(self, path: str) -> str:
        return self.base + path

    def record(self, request: Request) -> None:
        with self._lock:
            self.requests.append(request)

    def hits(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def route(self, request: Request) -> Reply:
        path = request.path.split("?", 1)[0]
        handler = self.routes.get(path)
        if handler is None:
            prefixes = [
                p for p in self.routes if p.endswith("/") and p != "/" and path.startswith(p)
            ]
            handler = self.routes[max(prefixes, key=len)] if prefixes else None
        if handler is None:
            return Reply(b"not found", status=404, content_type="text/plain")
        return handler(request)


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[None]:
    """Serve `server` in a daemon thread for the duration of the block, then close it."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[LoopbackServer]:
    """Run a LoopbackServer in a daemon thread for the duration of the block."""
    server = LoopbackServer(routes)
    with running(server):
        yield server


_CANONICAL = re.compile(rb"""<link[^>]*rel=["']canonical["'][^>]*>""", re.I)
# og:url and twitter:url outrank the canonical link in trafilatura: two copies of a page
# would share the original site's URL, and the store would keep one
_OG_URL = re.compile(rb"""<meta[^>]*(?:property|name)=["'](?:og|twitter):url["'][^>]*>""", re.I)
# an element opening 30+ characters of text (a <p>, or a <div> or <span> holding the text)
_PARAGRAPH = re.compile(
    rb"<(?!(?:script|style|title|option|textarea)\b)[a-zA-Z][\w-]*(?:\s[^>]*)?>(?=[^<]{30,})"
)


def page_html(path: Path, canonical: str, edition: str | None = None, paragraph: int = 0) -> bytes:
    """A stored benchmark page, its canonical URL pointed at `canonical` (our server, not
    the site it came from) and, with `edition`, the sentence "Edition <edition>." opening
    its `paragraph`-th element of text (see `_PARAGRAPH`), so copies served under different
    URLs are different articles. Which element trafilatura keeps varies by page:
    `bench_refresh` probes it."""
    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    tag = b'<link rel="canonical" href="' + canonical.encode() + b'">'
    raw = _OG_URL.sub(b"", raw)
    raw, found = _CANONICAL.subn(tag, raw, count=1)
    if not found:
        raw = raw.replace(b"</head>", tag + b"</head>", 1)
    if edition:
        raw = mark_paragraphs(raw, {paragraph: f"Edition {edition}. "})
    return raw


def mark_paragraphs(raw: bytes, marks: dict[int, str]) -> bytes:
    """`raw` with `marks[n]` put at the start of its n-th element of text."""
    count = -1

    def mark(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        return match.group(0) + marks.get(count, "").encode()

    return _PARAGRAPH.sub(mark, raw)
