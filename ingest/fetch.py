"""HTTP for newsroom: one GET with explicit limits, every hop checked by the URL policy.

We do not use trafilatura's downloader: it refuses 127.0.0.1 (so it cannot be tested on a
loopback server) and sleeps seconds between requests to one host. Here every limit is a
field of `FetchSettings`, so tests and the user's config.toml can see and set them:

* connect and read timeouts, plus a deadline for the whole body (a server dripping one
  byte a second never trips a read timeout);
* a byte cap, checked on Content-Length and while streaming the decoded body, so neither a
  huge page nor a gzip bomb is held in memory;
* redirects followed by hand, each hop re-checked by `ingest.urlpolicy`, the final URL kept;
* at most `per_host` requests to one host at a time (politeness), across all threads;
* connections that resolve the host themselves and refuse non-public addresses, so DNS
  rebinding cannot reach the local network behind a public-looking name.

Pages and feeds go through this one policy; the transport under it (http.client, kept-alive
connections per host) is `ingest.connections`.
"""

from __future__ import annotations

import http.client
import ipaddress
import threading
import time
import weakref
import zlib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from ingest.connections import (
    CHUNK,
    DEFAULT_PORTS,
    ConnectError,
    Connection,
    ConnectTimeout,
    HostPool,
    Inflater,
)
from ingest.urlpolicy import UrlRefused, check_url

if TYPE_CHECKING:
    import ssl
    from collections.abc import Sequence

USER_AGENT = "newsroom/0.1 (+https://github.com/newsroom-reader/newsroom)"
HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1"
)
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL could not be fetched; the message is the one-line reason shown to the user."""


ALLOW_PRIVATE_VALUES = 'must be true, false or a list of networks such as ["10.0.0.0/8"]'


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """Every limit the fetcher applies; `[fetch]` in config.toml may override each one."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    per_host: int = 2
    total: int = 8
    allow_private_addresses: bool = False
    private_networks: tuple[str, ...] = ()
    max_feed_items: int = 500

    @classmethod
    def from_config(cls, path: Path | None = None) -> FetchSettings:
        """Settings from the `[fetch]` table of config.toml; a missing file means defaults.

        `allow_private = true` allows every non-public address; a list of networks
        (`allow_private = ["10.1.0.0/16"]`) allows only those.
        """
        from storage.paths import config_file

        path = path or config_file()
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return cls()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read {path}: {exc}") from exc
        import tomllib  # only with a file to read: most users have none

        try:
            table = tomllib.loads(text).get("fetch", {})
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"cannot read {path}: {exc}") from exc
        return cls().with_overrides(table, str(path))

    def with_overrides(self, table: dict[str, Any], where: str = "config") -> FetchSettings:
        """A copy with the given fields replaced, each checked against the field's type."""
        if not isinstance(table, dict):
            raise ValueError(f"{where}: [fetch] must be a table")
        table = dict(table)
        if isinstance(table.get("allow_private"), list):
            table["private_networks"] = table.pop("allow_private")
        elif "allow_private" in table:
            if not isinstance(table["allow_private"], bool):  # named as the user wrote it
                raise ValueError(f"{where}: [fetch] allow_private {ALLOW_PRIVATE_VALUES}")
            table["allow_private_addresses"] = table.pop("allow_private")
        types = {f.name: type(getattr(self, f.name)) for f in fields(self)}
        for key, value in table.items():
            expected = types.get(key)
            if expected is None:
                raise ValueError(f"{where}: unknown [fetch] setting {key!r}")
            if expected is float and isinstance(value, int) and not isinstance(value, bool):
                table[key] = value = float(value)
            if expected is tuple and isinstance(value, list):
                table[key] = value = _networks(value, where)
            if type(value) is not expected:
                raise ValueError(f"{where}: [fetch] {key} must be {expected.__name__}")
        return replace(self, **table)


def _networks(values: list[Any], where: str) -> tuple[str, ...]:
    try:
        return tuple(str(ipaddress.ip_network(v, strict=False)) for v in values)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{where}: [fetch] allow_private: {exc}") from exc


@dataclass(frozen=True, slots=True)
class Response:
    """A successful (2xx or 304) response, its body read in full and decoded from gzip."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None
    redirects: tuple[str, ...] = field(default=())

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _reason(exc: BaseException, host: str, settings: FetchSettings) -> str:
    """One line for a transport failure, naming the host and the limit that was hit."""
    if isinstance(exc, ConnectTimeout):
        return f"timed out connecting to {host} ({settings.connect_timeout:g}s)"
    if isinstance(exc, ConnectError):
        cause = exc.__cause__
        detail = (
            f" ({cause.strerror.lower()})" if isinstance(cause, OSError) and cause.strerror else ""
        )
        return f"cannot connect to {host}{detail}"
    if isinstance(exc, TimeoutError):
        return f"timed out waiting for {host} ({settings.read_timeout:g}s)"
    if isinstance(exc, zlib.error):
        return f"undecodable compressed response from {host}"
    if type(exc).__name__.startswith("SSL"):  # ssl is imported only for https
        detail = getattr(exc, "reason", None) or type(exc).__name__
        return f"TLS error with {host}: {detail}"
    return f"network error from {host}: {type(exc).__name__}"


def fetch_first(fetcher: Fetcher, urls: Sequence[str], **options: Any) -> Response:
    """The first of `urls` that can be fetched (an article's fetched, then canonical, URL);
    the first URL's error if none can."""
    first: FetchError | None = None
    for url in dict.fromkeys(urls):
        try:
            return fetcher.get(url, **options)
        except FetchError as exc:
            first = first or exc
    raise first or FetchError("no URL to fetch")


class Fetcher:
    """A thread-safe HTTP client with the limits of its settings; share one per batch.

    `abort` (from any thread) ends its requests at once, those in flight included, each
    with a FetchError: a cancelled batch then need not wait for a slow server up to the
    read timeout. An aborted fetcher stays aborted."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._hosts: dict[str, HostPool] = {}
        self._lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None
        self._aborted = threading.Event()
        self._connections: weakref.WeakSet[Connection] = weakref.WeakSet()

    @property
    def aborted(self) -> bool:
        return self._aborted.is_set()

    def abort(self) -> None:
        """Refuse every request from now on and wake those in flight (their sockets are
        shut down); what they read is refused, never returned half."""
        self._aborted.set()  # first: a connection made meanwhile sees it (`Connection.connect`)
        with self._lock:
            connections = list(self._connections)
        for conn in connections:
            conn.abort()

    def _refuse_if_aborted(self, url: str) -> None:
        if self._aborted.is_set():
            raise FetchError(f"cancelled: {url[:80]}")

    def get(
        self,
        url: str,
        *,
        accept: str = HTML_ACCEPT,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """GET `url`, following redirects; FetchError (one-line reason) unless 2xx or 304."""
        headers = {"User-Agent": self.settings.user_agent, "Accept": accept}
        headers["Accept-Encoding"] = "gzip, deflate"
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = self._check(url)
        hops: list[str] = []
        for _ in range(self.settings.max_redirects + 1):
            response, location = self._one(current, headers, tuple(hops))
            if response is not None:
                return response
            hops.append(current)
            current = self._check(urljoin(current, location or ""))
        raise FetchError(f"more than {self.settings.max_redirects} redirects from {url[:80]}")

    def _check(self, url: str) -> str:
        try:
            s = self.settings
            return check_url(
                url, allow_private=s.allow_private_addresses, networks=s.private_networks
            )
        except UrlRefused as exc:
            raise FetchError(str(exc)) from exc

    def _one(
        self, url: str, headers: dict[str, str], hops: tuple[str, ...]
    ) -> tuple[Response | None, str | None]:
        """One request: a Response, or (None, Location) for a redirect to follow."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        pool = self._pool(parts.netloc)
        with pool.slot():
            self._refuse_if_aborted(url)  # waited for a slot meanwhile, perhaps
            try:
                conn, raw = pool.exchange(
                    parts.scheme, lambda: self._connection(parts.scheme, host, parts.port),
                    target, headers,
                )  # fmt: skip
            except UrlRefused as exc:
                raise FetchError(str(exc)) from exc
            except (http.client.HTTPException, OSError) as exc:
                self._refuse_if_aborted(url)  # the error was `abort` waking the request
                raise FetchError(_reason(exc, host, self.settings)) from exc
            done = False
            try:
                result = self._handle(raw, url, host, hops)
                self._refuse_if_aborted(url)  # a body cut short by `abort` looks whole
                done = raw.isclosed() and not raw.will_close
                return result
            finally:
                pool.release(conn, reusable=done)

    def _pool(self, netloc: str) -> HostPool:
        with self._lock:
            pool = self._hosts.get(netloc)
            if pool is None:
                pool = self._hosts[netloc] = HostPool(self.settings.per_host)
            return pool

    def _connection(self, scheme: str, host: str, port: int | None) -> Connection:
        s = self.settings
        conn = Connection(
            scheme, host, port or DEFAULT_PORTS[scheme],
            timeouts=(s.connect_timeout, s.read_timeout), allow_private=s.allow_private_addresses,
            networks=s.private_networks, tls=self._tls_context() if scheme == "https" else None,
            aborted=self._aborted,
        )  # fmt: skip
        with self._lock:
            self._connections.add(conn)
        return conn

    def _tls_context(self) -> ssl.SSLContext:
        """The system's trusted certificates, loaded once per fetcher and only for https."""
        with self._lock:
            if self._tls is None:
                import ssl

                self._tls = ssl.create_default_context()
            return self._tls

    def _handle(
        self, raw: http.client.HTTPResponse, url: str, host: str, hops: tuple[str, ...]
    ) -> tuple[Response | None, str | None]:
        if raw.status in REDIRECTS and raw.getheader("Location"):
            self._read(raw, url, host)  # drain the (small) body so the connection is reused
            return None, raw.getheader("Location")
        if raw.status != 304 and not 200 <= raw.status < 300:
            raise FetchError(f"HTTP {raw.status} {raw.reason or ''}".rstrip() + f" for {url[:80]}")
        body = self._read(raw, url, host)  # a 304 has none, and http.client knows it
        mime, charset = _content_type(raw.getheader("Content-Type", ""))
        response = Response(
            url=url, status=raw.status, content_type=mime, charset=charset, body=body,
            etag=raw.getheader("ETag"), last_modified=raw.getheader("Last-Modified"),
            redirects=hops,
        )  # fmt: skip
        return response, None

    def _read(self, raw: http.client.HTTPResponse, url: str, host: str) -> bytes:
        """The decoded body, refused past `max_bytes` or `total_timeout`."""
        s = self.settings
        declared = raw.getheader("Content-Length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            raise FetchError(f"response larger than {s.max_bytes:,} bytes: {url[:80]}")
        deadline = time.monotonic() + s.total_timeout
        inflater = Inflater(raw.getheader("Content-Encoding", ""))
        chunks: list[bytes] = []
        size = received = 0
        try:
            while chunk := raw.read1(CHUNK):
                received += len(chunk)  # what arrives counts too: a compressed body can
                if received > s.max_bytes:  # carry data that inflates to nothing
                    raise FetchError(f"response larger than {s.max_bytes:,} bytes: {url[:80]}")
                for piece in inflater.pieces(chunk):
                    size += len(piece)
                    if size > s.max_bytes:
                        raise FetchError(f"response larger than {s.max_bytes:,} bytes: {url[:80]}")
                    chunks.append(piece)
                if time.monotonic() > deadline:
                    raise FetchError(f"download took over {s.total_timeout:g}s: {url[:80]}")
            raw.read()  # nothing is left; this marks the response done, so the connection is kept
        except (http.client.HTTPException, OSError, zlib.error) as exc:
            raise FetchError(_reason(exc, host, s)) from exc
        return b"".join(chunks)

    def close(self) -> None:
        """Close the connections kept alive (a fetcher can still be used afterwards)."""
        with self._lock:
            pools = list(self._hosts.values())
        for pool in pools:
            pool.close()


def _content_type(header: str) -> tuple[str, str | None]:
    """("text/html", "utf-8") from 'text/html; charset="UTF-8"'."""
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return mime.strip().lower(), charset


_SNIFF = (
    (b"%PDF", "a PDF document"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
)
HTML_TYPES = {"text/html", "application/xhtml+xml"}


def require_html(response: Response) -> None:
    """FetchError unless the response is a non-empty HTML page (sniffed if untyped)."""
    if not response.body.strip():
        raise FetchError(f"empty page: {response.url[:80]}")
    head = response.body[:16].lstrip()
    sniffed = next((name for magic, name in _SNIFF if head.startswith(magic)), None)
    if sniffed is None and head[:1] in (b"{", b"[") and response.content_type not in HTML_TYPES:
        sniffed = "JSON"
    if sniffed is None and response.content_type in HTML_TYPES | {""}:
        return
    what = sniffed or response.content_type
    raise FetchError(f"not an HTML page ({what}): {response.url[:80]}")
