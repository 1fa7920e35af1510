"""The sanitiser: escapes, control characters and bidi controls go; text stays."""

from __future__ import annotations

import pytest

from tui.safe_text import clean, clean_line


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[1;38;2;255;0;0mx", "x"),
        ("\x1b]0;pwned\x07title", "title"),
        ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),
        ("a\x9b31mb", "ab"),
        ("a\x9d0;t\x9cb", "ab"),
        ("bell\x07 back\x08space\x7f", "bell backspace"),
        ("c1\x85\x90x", "c1x"),
        ("abc\u202edcba\u202c", "abcdcba"),
        ("\u2066iso\u2069 \u200emark\u200f", "iso mark"),
        ("\x1bcreset", "reset"),
        ("unterminated \x1b]0;title", "unterminated 0;title"),
    ],
)
def test_clean_drops_escapes_and_controls(raw: str, expected: str) -> None:
    assert clean(raw) == expected


def test_markup_is_kept_literally() -> None:
    raw = "[bold red]x[/] [link=http://a]y[/link] [@click=app.quit]q"
    assert clean(raw) == raw


def test_one_line_fields_turn_newlines_and_tabs_into_spaces() -> None:
    assert clean("a\nb\tc\r") == "a b c"
    assert clean_line("  a \n\n b  ") == "a b"


def test_multiline_keeps_newlines_and_tabs() -> None:
    assert clean("a\nb\tc\r\n", multiline=True) == "a\nb\tc\n"


def test_clean_line_limits_length() -> None:
    assert clean_line("x" * 50, 10) == "x" * 9 + "…"


def test_empty_and_none() -> None:
    assert clean(None) == ""
    assert clean_line("") == ""


def test_plain_unicode_untouched() -> None:
    text = "Fournier: “C’est €1bn” — 東京 👍"
    assert clean(text) == text
