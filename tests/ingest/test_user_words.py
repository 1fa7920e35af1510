"""Errors name what the user wrote: the config key `allow_private` (not the field it fills),
and a URL typed without `http://` gets told to add one (not "only http and https (127.0.0.1)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.fetch import FetchSettings
from ingest.urlpolicy import UrlRefused, normalise_url


@pytest.mark.parametrize("value", ["'yes'", "1", "{ a = 1 }"])
def test_a_bad_allow_private_is_named_as_written(tmp_path: Path, value: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[fetch]\nallow_private = {value}\n")
    with pytest.raises(ValueError) as caught:
        FetchSettings.from_config(config)
    message = str(caught.value)
    assert f"{config}: [fetch] allow_private must be true, false or a list" in message
    assert "allow_private_addresses" not in message


@pytest.mark.parametrize(
    "url", ["127.0.0.1:8001/b22.html", "example.org/news", "www.example.org", "localhost:8080/"]
)
def test_a_url_without_a_scheme_is_told_to_add_one(url: str) -> None:
    with pytest.raises(UrlRefused, match="no scheme: add http:// or https:// at the start"):
        normalise_url(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "mailto:a@example.org", "ftp://h/x"])
def test_another_scheme_is_still_named(url: str) -> None:
    with pytest.raises(UrlRefused, match=r"only http and https URLs are fetched \("):
        normalise_url(url)
