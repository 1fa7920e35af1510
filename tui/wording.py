"""Counts in words: "1 article", "2 articles", "2 tags and 1 note". Imported by the CLI and
the app alike, so it imports nothing (a CLI command that opens no window must not load
Textual), and so both say a count the same way."""

from __future__ import annotations


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """`n` and the noun that agrees with it: plural(1, "feed") -> "1 feed", plural(0, "feed")
    -> "0 feeds"; irregular nouns give their plural: plural(2, "entry", "entries")."""
    noun = singular if n == 1 else (plural_form or singular + "s")
    return f"{n} {noun}"


def counts_phrase(*counts: tuple[int, str]) -> str:
    """The non-zero counts joined with "and": counts_phrase((2, "tag"), (1, "note")) ->
    "2 tags and 1 note", counts_phrase((0, "tag"), (1, "note")) -> "1 note", "" for none."""
    return " and ".join(plural(n, noun) for n, noun in counts if n)


def items_phrase(quotes: int, figures: int) -> str:
    """What a search matched inside articles, naming only the kinds it found."""
    return counts_phrase((quotes, "quote"), (figures, "figure"))


def annotations_phrase(tags: int, notes: int) -> str:
    """The user's own work on an article, as the app's delete question and `newsroom
    delete` both name it."""
    return counts_phrase((tags, "tag"), (notes, "note"))
