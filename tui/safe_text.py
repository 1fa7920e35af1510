"""One sanitiser for every string from the web before it reaches the terminal.

Titles, bodies, speakers, tags and URLs come from pages we do not control. A stray ESC
can recolour the screen, an OSC sequence can set the window title or plant a hyperlink,
and bidi overrides can make text read differently from what it is. `clean` removes all of
them; the caller then shows the result as `rich.text.Text`, never as markup.
"""

from __future__ import annotations

from ingest.escapes import strip_escapes
from storage.models import article_day

# Escape sequences go first (`ingest.escapes`), so their parameters do not survive as
# stray text.

_BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_CONTROL = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])
_DROP_MULTILINE = {ord(ch): None for ch in _CONTROL + _BIDI if ch not in "\n\t"}
_DROP_ONE_LINE = {**_DROP_MULTILINE, ord("\n"): " ", ord("\t"): " "}


def clean(s: str | None, *, multiline: bool = False) -> str:
    """`s` without terminal escapes, control characters or bidi controls.

    With `multiline` (article bodies) newlines and tabs are kept; otherwise (titles,
    speakers, tags) they become spaces so a title stays on one line.
    """
    if not s:
        return ""
    without_sequences = strip_escapes(s)
    table = _DROP_MULTILINE if multiline else _DROP_ONE_LINE
    return without_sequences.translate(table)


def clean_line(s: str | None, limit: int = 0) -> str:
    """`clean` for one-line fields, with runs of whitespace collapsed and an optional limit."""
    text = " ".join(clean(s).split())
    if limit and len(text) > limit:
        return text[: limit - 1] + "…"
    return text


def date_of(published: str | None, added: str) -> str:
    """The date shown for an article, YYYY-MM-DD: its published date (from a feed or the
    page: web text, so cleaned) or else when it was added. Stores written before feed
    dates were parsed hold raw RFC 822 dates ("Wed, 20 Nov 2019 11:00:00 GMT"): those are
    read, in UTC as feeds' dates now are; anything else unreadable shows the added date."""
    return article_day(clean_line(published), clean_line(added))
