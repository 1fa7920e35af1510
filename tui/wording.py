"""Counts in words: "1 article", "2 articles". Imported by the CLI and the app alike, so it
imports nothing (a CLI command that opens no window must not load Textual)."""

from __future__ import annotations


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """`n` and the noun that agrees with it: plural(1, "feed") -> "1 feed", plural(0, "feed")
    -> "0 feeds"; irregular nouns give their plural: plural(2, "entry", "entries")."""
    noun = singular if n == 1 else (plural_form or singular + "s")
    return f"{n} {noun}"
