"""The highlighter: spans land on the right words, even after sanitising shortens text."""

from __future__ import annotations

from rich.style import Style

from storage.models import ArticleBody, Figure, Quote
from tui.highlight import (
    FIGURE_STYLES,
    UNATTRIBUTED_STYLE,
    clean_with_offsets,
    format_value,
    highlight,
)


def _quote(text: str, needle: str, speaker: str | None) -> Quote:
    start = text.index(needle)
    return Quote(needle, speaker, start, start + len(needle))


def _figure(text: str, needle: str, kind: str = "money") -> Figure:
    start = text.index(needle)
    return Figure(needle, kind, 1.0, "USD", start, start + len(needle))


def _styles_at(text, offset: int) -> list[Style]:
    return [span.style for span in text.spans if span.start <= offset < span.end]


def test_spans_map_to_same_words_after_cleaning() -> None:
    raw = "\x1b[31mA\x1b[0m said “hello there” and \x1b]0;t\x07raised $5m."
    body = ArticleBody(raw, [_quote(raw, "hello there", "Ann")], [_figure(raw, "$5m")])
    result = highlight(body)
    plain = result.text.plain
    assert "\x1b" not in plain
    start, end = result.quote_spans[0]
    assert plain[start:end] == "hello there"
    start, end = result.figure_spans[0]
    assert plain[start:end] == "$5m"


def test_each_speaker_gets_its_own_colour_and_figures_a_style_per_kind() -> None:
    raw = "“one” said Ann. “two” said Bob. “three” said Ann. 5% and 7 people."
    quotes = [_quote(raw, "one", "Ann"), _quote(raw, "two", "Bob"), _quote(raw, "three", "Ann")]
    figures = [_figure(raw, "5%", "percent"), _figure(raw, "7 people", "count")]
    result = highlight(ArticleBody(raw, quotes, figures))
    ann, bob = result.speaker_styles["Ann"], result.speaker_styles["Bob"]
    assert ann != bob
    assert ann in _styles_at(result.text, result.quote_spans[0][0])
    assert ann in _styles_at(result.text, result.quote_spans[2][0])
    assert bob in _styles_at(result.text, result.quote_spans[1][0])
    assert FIGURE_STYLES["percent"] in _styles_at(result.text, result.figure_spans[0][0])
    assert FIGURE_STYLES["count"] in _styles_at(result.text, result.figure_spans[1][0])
    assert FIGURE_STYLES["percent"] != FIGURE_STYLES["count"]


def test_unattributed_quote_and_markup_is_not_parsed() -> None:
    raw = "“[bold red]x[/] [@click=app.quit]q” was heard."
    body = ArticleBody(raw, [_quote(raw, "[bold red]x[/] [@click=app.quit]q", None)])
    result = highlight(body)
    assert result.text.plain == raw
    assert UNATTRIBUTED_STYLE in _styles_at(result.text, result.quote_spans[0][0])


def test_bad_offsets_are_clamped_not_fatal() -> None:
    raw = "short text"
    body = ArticleBody(raw, [Quote("x", "A", 5, 500)], [Figure("y", "odd", None, None, -3, 2)])
    result = highlight(body)
    assert result.quote_spans == [(5, 10)]
    assert result.figure_spans == [(0, 2)]


def test_tabs_expand_and_bodies_keep_newlines() -> None:
    plain, spans = clean_with_offsets("a\tb\nc", [(2, 3)])
    assert plain == "a    b\nc"
    assert plain[spans[0][0] : spans[0][1]] == "b"


def test_format_value() -> None:
    money = Figure("$6.6bn", "money", 6.6e9, "USD", 0, 6)
    assert format_value(money) == "6.6e9 USD"
    assert format_value(Figure("1,800", "count", 1800.0, None, 0, 5)) == "1800"
    assert format_value(Figure("x", "other", None, None, 0, 1)) == ""
    assert format_value(Figure("0.5%", "percent", 0.5, "%", 0, 4)) == "0.5 %"
