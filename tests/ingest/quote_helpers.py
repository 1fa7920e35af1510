"""What `find_quotes` finds in a text, in the shapes the quote tests assert on."""

from __future__ import annotations

from ingest.quotes import find_quotes


def quoted(text: str) -> list[str]:
    """The quotes' texts, in order."""
    return [q.text for q in find_quotes(text)]


def attributed(text: str) -> list[tuple[str, str | None]]:
    """(text, speaker) of each quote, in order."""
    return [(q.text, q.speaker) for q in find_quotes(text)]


def speakers(text: str) -> list[str | None]:
    """The quotes' speakers, in order."""
    return [q.speaker for q in find_quotes(text)]
