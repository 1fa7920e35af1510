"""Signed quotes: a quote paragraph followed by a line that signs it ("– Jo D.").

Reviews, testimonials and readers' letters print each quote as its own paragraph and
put the writer's name on the next line after a dash. The name is the speaker as the
article writes it, masked letters included ("– Man**"): `LABELLING.md` takes the name
as written. Only a line that holds nothing but the name (and at most a short place or
role after a comma) signs: a tweet's credit line ("— Jo Bell (@jobell) May 1, 2019")
has a handle and a date, and is no signature.
"""

from __future__ import annotations

import re

from ingest.attribution import Attribution

# A dash, then one to four name words (a capital, then letters, apostrophes or hyphens,
# or masking asterisks; or an initial), then at most ", " and a few plain words.
_NAME_WORD = r"[A-Z](?:[a-z'’\-]*\**|\.)"
_SIGNATURE = re.compile(
    rf"[ \t]*[–—-][ \t]*(?P<who>{_NAME_WORD}(?:[ \t]{_NAME_WORD}){{0,3}})"
    r"(?:,[ \t]+[A-Za-z][A-Za-z .'’\-]{0,40})?[ \t]*$",
    re.M,
)
_BLANK = re.compile(r"(?:[ \t\u200b]*\n)*")


def signer(text: str, open_mark: int, close_mark: int | None) -> str | None:
    """The name on the signature line right after a quote that fills its paragraph."""
    if close_mark is None or (open_mark > 0 and text[open_mark - 1] != "\n"):
        return None
    line_end = text.find("\n", close_mark)
    if line_end < 0 or text[close_mark + 1 : line_end].strip():
        return None
    nxt = _BLANK.match(text, line_end + 1).end()
    m = _SIGNATURE.match(text, nxt, min(len(text), nxt + 120))
    if m is None or text[m.end() : m.end() + 1] not in ("", "\n"):
        return None  # the line runs on past the window: no signature
    return m.group("who")


def signed(text: str, open_mark: int, close_mark: int | None) -> Attribution | None:
    """The attribution a signature line gives a quote paragraph, if it has one."""
    name = signer(text, open_mark, close_mark)
    return Attribution("named", name) if name else None
