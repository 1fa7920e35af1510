"""The fetcher against a real loopback server: limits, redirects, policy, content checks."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest.clean import CleanError, clean_page, decode_html
from ingest.fetch import USER_AGENT, Fetcher, FetchError, FetchSettings, require_html
from tests.httpserver import LoopbackServer


def test_a_page_is_fetched_with_our_user_agent(site: LoopbackServer, fetcher: Fetcher) -> None:
    response = fetcher.get(site.url("/news/ap.html?t=ua"))
    assert response.status == 200 and response.content_type == "text/html"
    assert b"Tories" in response.body
    assert site.hits("/news/ap.html?t=ua")[0].headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("newsroom/0.1 (+https://")


def test_redirect_chains_are_followed_and_the_final_url_kept(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    response = fetcher.get(site.url("/redirect/3"))
    assert response.url == site.url("/news/ap.html")
    assert [u.rsplit("/", 1)[-1] for u in response.redirects] == ["3", "2", "1", "0"]


def test_too_many_redirects_is_an_error(site: LoopbackServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetcher.get(site.url("/redirect-loop"))


def test_a_redirect_to_a_non_public_address_is_refused(site: LoopbackServer) -> None:
    only_loopback = FetchSettings(private_networks=("127.0.0.0/8",), read_timeout=0.5)
    with pytest.raises(FetchError, match=r"non-public address 169\.254\.169\.254"):
        Fetcher(only_loopback).get(site.url("/redirect-private"))
    assert len(site.hits("/redirect-private")) >= 1


def test_a_redirect_to_a_file_url_is_refused(site: LoopbackServer, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"only http and https URLs are fetched \(file\)"):
        fetcher.get(site.url("/redirect-file"))


def test_loopback_is_refused_by_default_before_any_io(site: LoopbackServer) -> None:
    before = len(site.requests)
    with pytest.raises(FetchError, match=r"non-public address 127\.0\.0\.1"):
        Fetcher().get(site.url("/news/ap.html"))
    with pytest.raises(FetchError, match="localhost"):
        Fetcher().get(f"http://localhost:{site.server_address[1]}/news/ap.html")
    assert len(site.requests) == before


def test_refused_schemes_do_no_io(fetcher: Fetcher) -> None:
    for url in ("file:///etc/passwd", "javascript:alert(1)", "data:,x", "ftp://h/x"):
        with pytest.raises(FetchError, match="only http and https"):
            fetcher.get(url)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/gone/x.html", "HTTP 404"),
        ("/error", "HTTP 500"),
        ("/slow", "timed out waiting for 127.0.0.1"),
        ("/drip", "download took over 2s"),
        ("/too-big.html", "larger than 10,485,760 bytes"),
        ("/gzip-bomb", "larger than 10,485,760 bytes"),
    ],
)
def test_failures_are_one_line_reasons(
    site: LoopbackServer, fetcher: Fetcher, path: str, reason: str
) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=reason) as info:
        fetcher.get(site.url(path))
    assert "\n" not in str(info.value)
    assert time.monotonic() - started < 5


def test_connection_refused_is_a_reason(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match=r"cannot connect to 127\.0\.0\.1"):
        fetcher.get("http://127.0.0.1:9/")


@pytest.mark.parametrize(
    ("path", "what"),
    [
        ("/doc.pdf", "a PDF document"),
        ("/untyped", "a PDF document"),
        ("/image.jpg", "a JPEG image"),
        ("/data.json", "JSON"),
        ("/empty", "empty page"),
    ],
)
def test_non_html_responses_are_refused(
    site: LoopbackServer, fetcher: Fetcher, path: str, what: str
) -> None:
    with pytest.raises(FetchError, match=what):
        require_html(fetcher.get(site.url(path)))


def test_a_page_without_article_text_is_a_clean_error(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    with pytest.raises(CleanError, match="no article text"):
        clean_page(fetcher.get(site.url("/no-article")))


def test_a_5mb_page_is_fetched_and_cleaned(site: LoopbackServer, fetcher: Fetcher) -> None:
    response = fetcher.get(site.url("/big.html"))
    assert len(response.body) > 5 * 1024 * 1024
    assert "Conservative Party" in clean_page(response).text


def test_deflate_encoding_is_decoded(site: LoopbackServer, fetcher: Fetcher) -> None:
    assert "Tories" in clean_page(fetcher.get(site.url("/deflate"))).title


def test_a_wrong_http_charset_is_overruled_by_the_page(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    response = fetcher.get(site.url("/hostile/wrong-charset.html"))
    assert response.charset == "utf-8"
    page = clean_page(response)
    assert "Renée Dupré" in page.text and "“we will stay open all winter”" in page.text


def test_charsets_header_then_meta_then_utf8() -> None:
    latin = "café".encode("latin-1")
    assert decode_html(latin, "iso-8859-1") == "café"
    assert decode_html(b'<meta charset="iso-8859-1">' + latin).endswith("café")
    assert decode_html("café".encode()) == "café"
    assert decode_html(b"\xef\xbb\xbfcaf\xc3\xa9", "latin-1") == "café"
    assert decode_html(latin) == "café"  # unlabelled and not UTF-8: windows-1252


def test_canonical_url_and_metadata_come_from_the_page(
    site: LoopbackServer, fetcher: Fetcher
) -> None:
    page = clean_page(fetcher.get(site.url("/alias/aljazeera")))
    assert page.url == site.url("/news/aljazeera.html")
    assert page.title.startswith("NASA")
    assert page.language is None  # the page declares none; tests/ingest/test_page_metadata.py
    assert page.published and page.published.startswith("2019-11")


def test_per_host_concurrency_is_bounded(site: LoopbackServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def elapsed(per_host: int, tag: str) -> float:
        fetcher = Fetcher(FetchSettings(allow_private_addresses=True, per_host=per_host))
        started = time.monotonic()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda i: fetcher.get(site.url(f"/pause?t={tag}{i}")), range(4)))
        return time.monotonic() - started

    assert elapsed(2, "two") >= 2.0  # four requests of 1 s, two at a time
    assert elapsed(4, "four") < 1.9


def test_settings_come_from_config_toml(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert FetchSettings.from_config(config) == FetchSettings()
    config.write_text("[fetch]\nallow_private = true\nread_timeout = 3\n")
    settings = FetchSettings.from_config(config)
    assert settings.allow_private_addresses and settings.read_timeout == 3.0
    config.write_text('[fetch]\nallow_private = ["10.1.0.0/16"]\n')
    assert FetchSettings.from_config(config).private_networks == ("10.1.0.0/16",)
    for bad in ("allow_private = 'yes'", "colour = 1", "allow_private = ['nonsense']", "x ="):
        config.write_text(f"[fetch]\n{bad}\n")
        with pytest.raises(ValueError, match=str(config).replace(".", r"\.")):
            FetchSettings.from_config(config)


def test_abort_ends_a_request_in_flight_at_once(site: LoopbackServer) -> None:
    """A server that answers in 3 s, under a 15 s read timeout: `abort` from another thread
    ends the request now, and the fetcher takes no request afterwards."""
    import threading

    fetcher = Fetcher(FetchSettings(allow_private_addresses=True))  # 15 s read timeout
    got: list[BaseException | object] = []
    path = "/slow?t=abort"

    def fetch() -> None:
        try:
            got.append(fetcher.get(site.url(path)))
        except BaseException as exc:
            got.append(exc)

    thread = threading.Thread(target=fetch)
    thread.start()
    deadline = time.monotonic() + 10
    while not site.hits(path) and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.monotonic()
    fetcher.abort()
    thread.join(5)
    assert time.monotonic() - started < 1.0 and not thread.is_alive()
    [error] = got
    assert isinstance(error, FetchError) and str(error).startswith("cancelled")
    with pytest.raises(FetchError, match="cancelled"):
        fetcher.get(site.url("/news/ap.html"))
    assert fetcher.aborted
    fetcher.close()
