"""The URL policy: what may be fetched, decided before any I/O."""

from __future__ import annotations

import pytest

from ingest.urlpolicy import MAX_URL_LENGTH, UrlRefused, check_url, normalise_url, vetted_addresses


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "javascript:alert(1)",
        "data:text/html,<h1>hi</h1>",
        "ftp://example.com/file.txt",
        "example.com/no-scheme",
        "http:///no-host",
        "http://exa mple.com/",
        "http://example.com/\x1b[31m",
    ],
)
def test_only_http_and_https_with_a_host_are_fetchable(url: str) -> None:
    with pytest.raises(UrlRefused):
        check_url(url)


def test_the_refusal_names_the_scheme() -> None:
    with pytest.raises(UrlRefused, match=r"only http and https URLs are fetched \(file\)"):
        check_url("file:///etc/passwd")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.1.2.3:8080/x",
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://172.16.0.5/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[fe80::1]/",
        "http://0.0.0.0/",
        "http://localhost:9000/",
        "http://printer.local/",
    ],
)
def test_non_public_addresses_are_refused_unless_allowed(url: str) -> None:
    with pytest.raises(UrlRefused, match="allow_private"):
        check_url(url)
    assert check_url(url, allow_private=True).startswith("http")


def test_public_addresses_pass() -> None:
    assert check_url("https://93.184.215.14/a") == "https://93.184.215.14/a"


def test_idn_hosts_become_punycode_and_paths_are_percent_encoded() -> None:
    url = normalise_url("https://Bücher.Example/straße?q=ü#frag")
    assert url == "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%BC"


def test_overlong_urls_are_refused() -> None:
    ok = "https://example.com/" + "a" * (MAX_URL_LENGTH - 20)
    assert normalise_url(ok) == ok
    with pytest.raises(UrlRefused, match="longer than 2048"):
        normalise_url(ok + "a")


def test_bad_ports_and_hosts_are_refused_not_raised() -> None:
    with pytest.raises(UrlRefused):
        normalise_url("http://example.com:99999/")
    with pytest.raises(UrlRefused):
        normalise_url("http://" + "a" * 70 + ".ü.com/")


def test_resolved_names_are_checked_too() -> None:
    with pytest.raises(UrlRefused, match=r"non-public address 127\.0\.0\.1"):
        vetted_addresses("localhost", 80, allow_private=False)
    assert vetted_addresses("127.0.0.1", 80, allow_private=True)
