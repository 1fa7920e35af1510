"""Wrapping the body into screen lines: offsets stay exact, so jumps land on the right line."""

from __future__ import annotations

from tui.widgets.reader import wrap_spans


def test_lines_cover_each_paragraph_and_add_a_gap() -> None:
    text = "one two three four five\nsix"
    lines = wrap_spans(text, 10)
    words = [text[a:b] for a, b in lines]
    assert words == ["one two ", "three four ", "five", "", "six", ""]


def test_offsets_are_exact_for_wide_characters() -> None:
    text = "東京 東京 東京 東京"
    lines = wrap_spans(text, 6)
    assert "".join(text[a:b] for a, b in lines) == text
    assert all(b - a <= 3 for a, b in lines)


def test_blank_lines_do_not_add_gaps_and_long_words_fold() -> None:
    text = "a\n\n\n" + "x" * 25
    lines = wrap_spans(text, 10)
    assert [text[a:b] for a, b in lines] == ["a", "", "x" * 10, "x" * 10, "x" * 5, ""]


def test_a_line_of_text_is_what_rich_slicing_gives() -> None:
    """The reader's own slicing keeps exactly the styles Rich's `text[a:b]` keeps."""
    import random

    from rich.text import Text

    from tui.widgets.wrapping import line_of_text

    rng = random.Random(7)
    for _ in range(300):
        text = Text("".join(rng.choice("ab c\n") for _ in range(rng.randint(0, 60))))
        for _ in range(rng.randint(0, 6)):
            a = rng.randint(0, len(text))
            text.stylize(rng.choice(["bold", "red", "on blue"]), a, rng.randint(a, len(text)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        ours, rich = line_of_text(text, start, end), text[start:end]
        assert ours.plain == rich.plain
        assert sorted(ours.spans) == sorted(s for s in rich.spans if s.end > s.start)
