"""Which URLs newsroom may fetch, decided before any I/O and again at every connection.

A URL from a feed or a page is untrusted: it may name a local file, a script, or a service
on the user's own network (a router, a cloud metadata endpoint at 169.254.169.254). So:

* only http and https, with a host, at most 2048 characters, no whitespace or controls;
* international host names become punycode, so the name checked is the name connected to;
* an address that is not public (loopback, private, link-local, reserved) is refused,
  whether it is written in the URL, reached through a redirect, or what a name resolves to.
  `allow_private` lifts this for users who read an intranet (and for the loopback tests);
  `networks` lifts it for some networks only (e.g. "10.1.0.0/16", or "127.0.0.0/8" in tests
  that check a redirect to 169.254.169.254 is still refused).

`check_url` is the syntactic gate (no I/O); `vetted_addresses` resolves a host and keeps only
the addresses the policy allows, and is called by the fetcher's connections themselves, so a
name that resolves differently the second time (DNS rebinding) is still checked.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import quote, urlsplit, urlunsplit

MAX_URL_LENGTH = 2048
SCHEMES = ("http", "https")
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class UrlRefused(Exception):
    """The URL may not be fetched; the message says why in one line."""


def _ascii_host(host: str) -> str:
    """IDN -> punycode ("bücher.example" -> "xn--bcher-kva.example"). An ASCII host gets
    the idna codec's label checks without the codec, whose import (with stringprep and
    unicodedata, ~5 ms) a refresh that finds nothing new need not pay."""
    if host.isascii():
        labels = host.split(".")
        if labels[-1] == "":
            labels.pop()  # one trailing dot is allowed
        if not labels or not all(0 < len(label) < 64 for label in labels):
            raise UrlRefused(f"invalid international host name {host!r}")
        return host.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError as exc:
        raise UrlRefused(f"invalid international host name {host!r}") from exc


def _literal_address(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def is_public(address: Address) -> bool:
    """Global unicast only; an IPv4 address mapped into IPv6 is judged as IPv4."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


@lru_cache(maxsize=64)
def _networks(cidrs: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(c, strict=False) for c in cidrs)


def allowed(address: Address, allow_private: bool = False, networks: Sequence[str] = ()) -> bool:
    """Public addresses always; others if all private ones are allowed or in `networks`."""
    if allow_private or is_public(address):
        return True
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return any(address in net for net in _networks(tuple(networks)))


def _check_scheme(url: str) -> tuple[str, str]:
    scheme, sep, rest = url.partition(":")
    if sep and scheme.lower() in SCHEMES:
        return scheme.lower(), url
    if not sep or "." in scheme or rest[:1].isdigit():  # `example.org/a`, `127.0.0.1:8001/a`
        raise UrlRefused(f"no scheme: add http:// or https:// at the start: {url[:80]}")
    shown = scheme.lower() if len(scheme) < 20 else "another scheme"
    raise UrlRefused(f"only http and https URLs are fetched ({shown}): {url[:80]}")


def _has_space_or_control(url: str) -> bool:
    """Whitespace (any Unicode space), a C0 control or DEL. An ASCII string's only space
    that `isprintable` lets through is " ": checked without a Python loop per character."""
    if url.isascii():
        return " " in url or not url.isprintable()
    return any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url)


def normalise_url(url: str) -> str:
    """The URL as it will be requested: scheme and host lower-cased, host in punycode,
    non-ASCII in path and query percent-encoded. Raises UrlRefused if it is not fetchable."""
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise UrlRefused(f"URL longer than {MAX_URL_LENGTH} characters ({len(url)})")
    if _has_space_or_control(url):
        raise UrlRefused("URL contains spaces or control characters")
    scheme, _ = _check_scheme(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UrlRefused(f"malformed URL ({exc}): {url[:80]}") from exc
    if not parts.hostname:
        raise UrlRefused(f"URL has no host: {url[:80]}")
    host = _ascii_host(parts.hostname)
    netloc = f"[{host}]" if ":" in host else host
    netloc += f":{port}" if port is not None else ""
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~") or "/"
    query = quote(parts.query, safe="/?%:@!$&'()*+,;=-._~")
    normal = urlunsplit((scheme, netloc, path, query, ""))
    if len(normal) > MAX_URL_LENGTH:
        raise UrlRefused(f"URL longer than {MAX_URL_LENGTH} characters once encoded")
    return normal


def check_url(url: str, *, allow_private: bool = False, networks: Sequence[str] = ()) -> str:
    """The normalised URL, if policy allows fetching it; a literal IP is checked here, a host
    name when the fetcher connects (see `vetted_addresses`)."""
    normal = normalise_url(url)
    host = urlsplit(normal).hostname or ""
    address = _literal_address(host)
    if address is not None and not allowed(address, allow_private, networks):
        raise UrlRefused(f"refusing non-public address {address} (set [fetch] allow_private)")
    if address is None and not (allow_private or networks) and _is_local_name(host):
        raise UrlRefused(f"refusing local host name {host!r} (set [fetch] allow_private)")
    return normal


def _is_local_name(host: str) -> bool:
    return host == "localhost" or host.endswith((".localhost", ".local", ".internal"))


def vetted_addresses(
    host: str, port: int, *, allow_private: bool, networks: Sequence[str] = ()
) -> list[tuple]:
    """getaddrinfo results for host:port that the policy allows; UrlRefused if none are.

    All must pass, not just one: a name resolving to a public and a private address could
    otherwise be steered to the private one.
    """
    name = host.encode("ascii") if host.isascii() else host  # str would load the idna codec
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UrlRefused(f"cannot resolve host {host!r}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not allowed(address, allow_private, networks):
            raise UrlRefused(
                f"refusing {host} -> non-public address {address} (set [fetch] allow_private)"
            )
    return infos
