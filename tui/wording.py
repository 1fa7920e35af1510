"""Counts in words: "1 article", "2 articles", "2 tags and 1 note". Imported by the CLI and
the app alike, so it imports nothing (a CLI command that opens no window must not load
Textual), and so both say a count the same way."""

from __future__ import annotations


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """`n` and the noun that agrees with it: plural(1, "feed") -> "1 feed", plural(0, "feed")
    -> "0 feeds"; irregular nouns give their plural: plural(2, "entry", "entries")."""
    noun = singular if n == 1 else (plural_form or singular + "s")
    return f"{n} {noun}"


def items_phrase(quotes: int, figures: int) -> str:
    """`2 quotes`, `1 figure`, `2 quotes and 1 figure`, or "" when there are none: what a
    search matched inside articles, naming only the kinds it found."""
    parts = [plural(quotes, "quote")] if quotes else []
    parts += [plural(figures, "figure")] if figures else []
    return " and ".join(parts)


def annotations_phrase(tags: int, notes: int) -> str:
    """`2 tags and 1 note`, `1 note`, or "" when there are none: the user's own work on an
    article, as the app's delete question and `newsroom delete` both name it."""
    parts = [plural(tags, "tag")] if tags else []
    parts += [plural(notes, "note")] if notes else []
    return " and ".join(parts)
