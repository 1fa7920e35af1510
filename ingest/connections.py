"""The fetcher's transport: http.client connections, kept alive per host, policy-guarded.

urllib3 did this until a refresh where every feed answers 304 was found to spend more CPU
importing it (~50 ms) and in its per-request layers (~0.3 ms a request, twice http.client's
own work) than newsboat spends on the whole reload. What the fetcher needs of a transport is
small, and is all here:

* a connection resolves its host itself, at every connect, and reaches only the addresses
  `ingest.urlpolicy.vetted_addresses` allows (so DNS rebinding cannot reach the local
  network); connect and read timeouts apply to the socket, TLS verifies the certificate;
* a host's connections are kept alive between requests and at most `per_host` of them are
  in use at once (the politeness limit); one that the server closed while idle is noticed
  before use, and a request it loses is sent once more on a new connection (GET only);
* gzip and deflate bodies are inflated in pieces of at most `CHUNK` bytes, so the fetcher's
  size limit stops a compression bomb before it is held in memory.

Every limit and policy decision stays in `ingest.fetch`; this module only carries it out.
"""

from __future__ import annotations

import http.client
import select
import socket
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

from ingest.urlpolicy import vetted_addresses

if TYPE_CHECKING:
    import ssl

CHUNK = 64 * 1024
GZIP = zlib.MAX_WBITS | 16
HEAD_LIMIT = 64 * 1024  # deflate input kept, until a first piece, to retry it as raw
DEFAULT_PORTS = {"http": 80, "https": 443}


class ConnectError(OSError):
    """No allowed address of the host took the connection; the cause is chained."""


class ConnectTimeout(ConnectError):
    """Connecting (or the TLS handshake) took longer than the connect timeout."""


class Connection(http.client.HTTPConnection):
    """HTTP/1.1 to `host`, connecting only to the addresses the URL policy allows."""

    def __init__(
        self,
        scheme: str,
        host: str,
        port: int,
        *,
        timeouts: tuple[float, float],
        allow_private: bool,
        networks: tuple[str, ...],
        tls: ssl.SSLContext | None = None,
        aborted: threading.Event | None = None,
    ) -> None:
        super().__init__(host, port, timeout=timeouts[1])
        self.scheme = scheme
        self.connect_timeout, self.read_timeout = timeouts
        self.allow_private, self.networks = allow_private, networks
        self.tls = tls
        self.aborted = aborted or threading.Event()

    def connect(self) -> None:
        """Resolve, vet every address, connect to the first that answers, then TLS.

        Refused once `aborted` is set, before and after connecting: `abort` shuts down the
        sockets it finds, and one connected while it looked is caught here instead."""
        self._refuse_if_aborted(None)
        infos = vetted_addresses(
            self.host, self.port, allow_private=self.allow_private, networks=self.networks
        )
        self._refuse_if_aborted(None)
        sock = self._first_to_answer(infos)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.tls is not None:
                sock = self.tls.wrap_socket(sock, server_hostname=self.host)
        except TimeoutError as exc:
            sock.close()
            raise ConnectTimeout(f"TLS handshake timeout ({self.connect_timeout}s)") from exc
        except BaseException:
            sock.close()
            raise
        sock.settimeout(self.read_timeout)
        self.sock = sock
        self._refuse_if_aborted(sock)

    def _refuse_if_aborted(self, sock: socket.socket | None) -> None:
        if self.aborted.is_set():
            if sock is not None:
                self.sock = None
                sock.close()
            raise ConnectError("cancelled")

    def abort(self) -> None:
        """Wake a request blocked on this connection (another thread's): its socket is shut
        down, so a read waiting for a slow server returns at once, as an error or a short
        body the fetcher then refuses."""
        sock = self.sock
        if sock is not None:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def _first_to_answer(self, infos: list[tuple]) -> socket.socket:
        """A socket connected to the first address that answers (the vetted getaddrinfo
        results themselves: `socket.create_connection` would resolve the address again)."""
        error: OSError | None = None
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(self.connect_timeout)
                sock.connect(address)
                return sock
            except TimeoutError as exc:  # a host that does not answer: do not wait again
                sock.close()
                raise ConnectTimeout(f"connect timeout ({self.connect_timeout}s)") from exc
            except OSError as exc:
                sock.close()
                error = exc
        raise ConnectError(f"cannot connect: {error}") from error

    @property
    def idle_and_open(self) -> bool:
        """Connected, and the server has not closed it (nor sent anything) while it waited."""
        return self.sock is not None and not _readable(self.sock)


def _readable(sock: socket.socket) -> bool:
    """True if a read would not block: on an idle connection, EOF (the server closed it)."""
    if hasattr(select, "poll"):
        poll = select.poll()
        poll.register(sock, select.POLLIN)
        return bool(poll.poll(0))
    return bool(select.select([sock], [], [], 0)[0])  # pragma: no cover - Windows


class HostPool:
    """One host's connections: at most `size` in use at once, kept for the next request."""

    def __init__(self, size: int) -> None:
        self._slots = threading.BoundedSemaphore(size)
        self._idle: list[Connection] = []
        self._lock = threading.Lock()

    @contextmanager
    def slot(self) -> Iterator[None]:
        """Hold one of the host's `size` request slots (the politeness limit)."""
        with self._slots:
            yield

    def exchange(
        self, scheme: str, new: Callable[[], Connection], target: str, headers: dict[str, str]
    ) -> tuple[Connection, http.client.HTTPResponse]:
        """Send a GET and read the response head, on a kept connection if one is still open;
        call within `slot()`, and `release` the connection once the body is read."""
        conn = self._take(scheme)
        if conn is not None and conn.sock is not None:
            try:
                return conn, _send(conn, target, headers)
            except ConnectionError:  # the server closed it as we sent: once more, afresh
                conn.close()
            except BaseException:  # a timeout or a bad reply: not kept, not reused
                conn.close()
                raise
        conn = conn or new()
        try:
            return conn, _send(conn, target, headers)
        except BaseException:
            conn.close()
            raise

    def _take(self, scheme: str) -> Connection | None:
        with self._lock:
            for i, conn in enumerate(self._idle):
                if conn.scheme == scheme:
                    del self._idle[i]
                    break
            else:
                return None
        if conn.sock is not None and not conn.idle_and_open:
            conn.close()  # closed by the server while idle: connect() opens it again
        return conn

    def release(self, conn: Connection, *, reusable: bool) -> None:
        """Keep `conn` for the next request; closed first unless its response was read to
        the end (a half-read response would be read as the next one's head)."""
        if not reusable:
            conn.close()
        with self._lock:
            self._idle.append(conn)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


def _send(conn: Connection, target: str, headers: dict[str, str]) -> http.client.HTTPResponse:
    conn.request("GET", target, headers=headers)
    return conn.getresponse()


class Inflater:
    """A body's Content-Encoding undone piece by piece (gzip, deflate; others pass as they
    are, since we ask for no other). No piece is larger than CHUNK, whatever the input.
    Deflate is zlib-wrapped by the standard but raw from some servers: both are read. Bytes
    after the end of the body (padding, garbage) are ignored, as browsers do."""

    def __init__(self, encoding: str) -> None:
        encoding = encoding.strip().lower()
        self.kind = {"gzip": "gzip", "x-gzip": "gzip", "deflate": "deflate"}.get(encoding)
        self._z = zlib.decompressobj(GZIP if self.kind == "gzip" else zlib.MAX_WBITS)
        self._started = False  # a first piece was inflated
        self._head = b""  # the input until then: raw deflate starts again from it
        self._ended = False  # the body's stream (or its first gzip member) ended

    def pieces(self, data: bytes) -> Iterator[bytes]:
        """The decoded pieces of the next bytes of the body; zlib.error if they are bad."""
        if self.kind is None:
            yield data
            return
        if self._ended and self.kind != "gzip":
            return  # bytes after the body's one stream are ignored, not kept
        if self.kind == "deflate" and not self._started:
            if len(self._head) >= HEAD_LIMIT:  # a zlib stream that inflates to nothing
                raise zlib.error(f"no data in the first {HEAD_LIMIT} bytes of a deflate body")
            self._head += data
        while data:
            try:
                out = self._z.decompress(data, CHUNK)
            except zlib.error:
                if self.kind == "deflate" and not self._started:  # raw deflate: try once
                    self._started = True
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    data = self._head
                    continue
                if self._ended:  # trailing garbage after a complete body
                    return
                raise
            if out or self._z.eof:
                self._started, self._head = True, b""
            data = self._z.unconsumed_tail
            if self._z.eof:
                data = self._after_stream(data)
            if out:
                yield out

    def _after_stream(self, tail: bytes) -> bytes:
        """gzip allows several members one after another: the next one, if any."""
        self._ended = True
        rest = self._z.unused_data + tail
        if self.kind != "gzip" or not rest:
            return b""
        self._z = zlib.decompressobj(GZIP)
        return rest
