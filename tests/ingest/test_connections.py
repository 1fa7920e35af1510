"""The fetcher's transport against real loopback servers: kept-alive connections, servers
that close them, chunked and compressed bodies. The shared test site cannot misbehave at
the connection level, so the servers here are small http.server handlers of their own."""

from __future__ import annotations

import gzip
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ingest.connections import CHUNK, Inflater
from ingest.fetch import Fetcher, FetchError, FetchSettings
from tests.httpserver import running

Behaviour = Callable[[BaseHTTPRequestHandler, int], None]  # (handler, request number on conn)
TLS = Path(__file__).resolve().parent.parent / "data" / "tls"


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    connections = 0  # connections accepted
    lock = threading.Lock()


@contextmanager
def _server(behaviour: Behaviour, tls: bool = False) -> Iterator[_Server]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self) -> None:
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with server.lock:
                server.connections += 1
            self.served = 0

        def do_GET(self) -> None:
            self.served += 1
            behaviour(self, self.served)

        def log_message(self, *_: object) -> None:
            pass

    server = _Server(("127.0.0.1", 0), Handler)
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(TLS / "cert.pem", TLS / "key.pem")
        server.socket = context.wrap_socket(server.socket, server_side=True)
    with running(server):
        yield server


def _reply(h: BaseHTTPRequestHandler, body: bytes, **headers: str) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    for name, value in headers.items():
        h.send_header(name.replace("_", "-"), value)
    if "Transfer_Encoding" not in headers:
        h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def _url(server: _Server, path: str = "/", scheme: str = "http") -> str:
    return f"{scheme}://127.0.0.1:{server.server_address[1]}{path}"


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    f = Fetcher(FetchSettings(allow_private_addresses=True, read_timeout=2.0, per_host=1))
    yield f
    f.close()


def test_connections_are_kept_alive_between_requests(fetcher: Fetcher) -> None:
    with _server(lambda h, n: _reply(h, b"<html>page %d</html>" % n)) as server:
        bodies = [fetcher.get(_url(server, f"/{i}")).body for i in range(5)]
    assert bodies == [b"<html>page %d</html>" % n for n in range(1, 6)]
    assert server.connections == 1


def test_a_304_and_an_error_page_keep_or_drop_the_connection_as_they_must(
    fetcher: Fetcher,
) -> None:
    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        if h.path == "/missing":
            h.send_response(404)
            h.send_header("Content-Length", "9")
            h.end_headers()
            h.wfile.write(b"not found")
            return
        h.send_response(304)
        h.end_headers()

    with _server(behaviour) as server:
        assert fetcher.get(_url(server), etag='"x"').not_modified
        assert fetcher.get(_url(server), etag='"x"').not_modified
        with pytest.raises(FetchError, match="HTTP 404"):
            fetcher.get(_url(server, "/missing"))  # its body is not read: connection closed
        assert fetcher.get(_url(server), etag='"x"').not_modified
    assert server.connections == 2


def test_a_connection_the_server_closed_while_idle_is_replaced(fetcher: Fetcher) -> None:
    """The server closes after each response without saying so (no Connection: close)."""

    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        _reply(h, b"<html>ok</html>")
        h.close_connection = True

    with _server(behaviour) as server:
        for _ in range(3):
            assert fetcher.get(_url(server)).body == b"<html>ok</html>"
    assert server.connections == 3


def test_a_request_lost_on_a_kept_connection_is_sent_once_more(fetcher: Fetcher) -> None:
    """The server reads the second request on a connection and hangs up without replying
    (as when it closes an idle connection just as the request arrives)."""

    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        if n == 1:
            _reply(h, b"<html>first</html>")
        else:
            h.close_connection = True

    with _server(behaviour) as server:
        assert fetcher.get(_url(server)).body == b"<html>first</html>"
        assert fetcher.get(_url(server)).body == b"<html>first</html>"  # on a new connection
    assert server.connections == 2


def test_a_server_that_never_replies_is_an_error_not_a_retry_loop(fetcher: Fetcher) -> None:
    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        h.close_connection = True

    with _server(behaviour) as server, pytest.raises(FetchError, match="network error"):
        fetcher.get(_url(server))
    assert server.connections == 1


def test_chunked_and_gzipped_bodies_are_decoded(fetcher: Fetcher) -> None:
    page = b"<html>" + b"chunked words " * 20_000 + b"</html>"
    packed = gzip.compress(page)

    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Encoding", "gzip")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for start in range(0, len(packed), 1000):
            piece = packed[start : start + 1000]
            h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        h.wfile.write(b"0\r\n\r\n")

    with _server(behaviour) as server:
        assert fetcher.get(_url(server)).body == page
        assert fetcher.get(_url(server)).body == page
    assert server.connections == 1


def _inflate(encoding: str, data: bytes, piece: int = 7) -> bytes:
    """Fed in small pieces, as a slow network would deliver it."""
    inflater = Inflater(encoding)
    out = [p for i in range(0, len(data), piece) for p in inflater.pieces(data[i : i + piece])]
    assert all(len(p) <= CHUNK for p in out)
    return b"".join(out)


def test_gzip_and_deflate_in_all_their_forms() -> None:
    text = b"The same words, again and again. " * 10_000
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    raw_deflate = raw.compress(text) + raw.flush()
    assert _inflate("gzip", gzip.compress(text)) == text
    assert _inflate("x-gzip", gzip.compress(text)) == text
    assert _inflate("gzip", gzip.compress(text[:5]) + gzip.compress(text[5:])) == text
    assert _inflate("gzip", gzip.compress(text) + b"\0\0\0trailing junk") == text
    assert _inflate("deflate", zlib.compress(text)) == text
    assert _inflate("deflate", zlib.compress(text), piece=1) == text
    assert _inflate("deflate", raw_deflate) == text
    assert _inflate("identity", text) == text
    with pytest.raises(zlib.error):
        _inflate("gzip", b"not gzip at all")


def test_a_bomb_is_inflated_a_piece_at_a_time() -> None:
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    pieces = Inflater("gzip").pieces(bomb)
    assert len(next(pieces)) <= CHUNK  # nothing near 20 MB is ever produced at once


def test_a_corrupt_gzip_body_is_a_one_line_reason(fetcher: Fetcher) -> None:
    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        _reply(h, b"\x1f\x8b garbage", Content_Encoding="gzip")

    with _server(behaviour) as server, pytest.raises(FetchError, match="undecodable"):
        fetcher.get(_url(server))


def test_https_is_verified_against_the_trusted_certificates(fetcher: Fetcher) -> None:
    with _server(lambda h, n: _reply(h, b"<html>secret</html>"), tls=True) as server:
        with pytest.raises(FetchError, match=r"TLS error with 127\.0\.0\.1: .*VERIFY_FAILED"):
            fetcher.get(_url(server, scheme="https"))  # self-signed: not trusted
        trusting = Fetcher(FetchSettings(allow_private_addresses=True))
        trusting._tls = ssl.create_default_context(cafile=TLS / "cert.pem")
        assert trusting.get(_url(server, scheme="https")).body == b"<html>secret</html>"
        assert trusting.get(_url(server, "/again", "https")).body == b"<html>secret</html>"
    assert server.connections == 1  # one kept alive (the refused handshake reached no handler)


def test_a_response_that_says_connection_close_is_not_kept(fetcher: Fetcher) -> None:
    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        _reply(h, b"<html>bye</html>", Connection="close")
        h.close_connection = True

    with _server(behaviour) as server:
        assert fetcher.get(_url(server)).body == b"<html>bye</html>"
        assert fetcher.get(_url(server)).body == b"<html>bye</html>"
    assert server.connections == 2


def test_bytes_that_inflate_to_nothing_still_count_against_the_size_limit() -> None:
    """A deflate body followed by megabytes of trailing data, and a zlib stream of empty
    blocks that never yields a byte: both are refused at the size limit, promptly, rather
    than kept in memory until the download times out."""
    limited = Fetcher(FetchSettings(allow_private_addresses=True, max_bytes=1_000_000))
    trailing = zlib.compress(b"<html>hi</html>") + b"A" * 3_000_000
    empty_blocks = b"\x78\x9c" + b"\x00\x00\x00\xff\xff" * 600_000

    def behaviour(h: BaseHTTPRequestHandler, n: int) -> None:
        body = trailing if h.path == "/trailing" else empty_blocks
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Encoding", "deflate")
        h.send_header("Transfer-Encoding", "chunked")  # no Content-Length to refuse early
        h.end_headers()
        for start in range(0, len(body), 65536):
            piece = body[start : start + 65536]
            h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        h.wfile.write(b"0\r\n\r\n")

    try:
        with _server(behaviour) as server:
            for path, reason in (("/trailing", "larger than 1,000,000"), ("/empty", "undecodable")):
                started = time.process_time()
                with pytest.raises(FetchError, match=reason):
                    limited.get(_url(server, path))
                assert time.process_time() - started < 2.0
    finally:
        limited.close()


def test_trailing_bytes_after_a_deflate_stream_are_not_kept() -> None:
    inflater = Inflater("deflate")
    out = b"".join(inflater.pieces(zlib.compress(b"<html>body</html>")))
    assert out == b"<html>body</html>"
    for _ in range(100):
        assert list(inflater.pieces(b"B" * 65536)) == []
    assert len(inflater._z.unused_data) <= 65536  # not 6.5 MB of garbage held
