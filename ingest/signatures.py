"""Signed quotes: a quote paragraph followed by a line that signs it ("– Jo D.").

Reviews, testimonials and readers' letters print each quote as its own paragraph and
put the writer's name on the next line after a dash. The name is the speaker as the
article writes it, masked letters included ("– Man**"): `LABELLING.md` takes the name
as written. Only a line that holds nothing but the name (and at most a short place or
role after a comma) signs: a tweet's credit line ("— Jo Bell (@jobell) May 1, 2019")
has a handle and a date, and is no signature.

A dash and a name under a quote paragraph is also how news pages print a wire credit or a
byline ("— Reuters", "- Mark Davies, Staff Writer"), so an unmasked name signs only on a
page with several quote paragraphs signed that way, and never when it is a news agency or
a byline's role. A quote paragraph right after a paragraph with a quote in it continues
that speaker (`LABELLING.md` §Quotes 5), so it is never taken over by a signature.
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
# A wire credit or a byline: an agency's name, or a newsroom role after the comma.
_AGENCY = re.compile(
    r"^(?:The )?(?:Associated Press|AP|Reuters|AFP|Agence France[ -]Presse|Bloomberg|"
    r"Bloomberg News|PA|PA Media|Press Association|UPI|Xinhua|Dpa|DPA|EFE|ANSA|Kyodo|"
    r"Canadian Press|CNN|BBC|NPR|Staff|Wire|Wires|Agencies|News Desk|Newsdesk)$"
)
_BYLINE_ROLE = re.compile(
    r"(?i)\b(?:staff|writer|reporter|correspondent|editor|contribut\w*|journalist|"
    r"columnist|news|wire|agency|agencies|press|bureau|desk|photographer)\b"
)
# A quote paragraph's closing mark and the signature line under it, anywhere on the page.
_PAIR = re.compile(r"[”\"][ \t]*\n(?:[ \t\u200b]*\n)*(?=[ \t]*[–—-])")
# A paragraph with a double quotation mark in it.
_QUOTE_MARK = re.compile(r"[“”\"]")


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
    who = m.group("who")
    if _continues(text, open_mark):
        return None
    if "*" in who:
        return who  # a masked name is no credit or byline
    if _credit(m):
        return None
    return who if _pairs(text) >= 2 else None


def _credit(m: re.Match[str]) -> bool:
    """True when a signature line is a wire credit or a byline, not a reader's name."""
    return bool(
        _AGENCY.match(m.group("who")) or _BYLINE_ROLE.search(m.string, m.end("who"), m.end())
    )


def _continues(text: str, open_mark: int) -> bool:
    """True when the paragraph before the quote paragraph has a quote in it and is no
    signature line: the quote paragraph goes on with that quote's speaker."""
    prev = text[max(0, open_mark - 600) : open_mark].rstrip()
    if not prev:
        return False
    line = prev[prev.rfind("\n") + 1 :]
    if _SIGNATURE.fullmatch(line):
        return False
    return bool(_QUOTE_MARK.search(line))


def _pairs(text: str) -> int:
    """How many quote paragraphs on the page are signed on the next line by a name that is
    no credit or byline (counted up to 2)."""
    n = 0
    for p in _PAIR.finditer(text):
        m = _SIGNATURE.match(text, p.end(), min(len(text), p.end() + 120))
        if m is None or text[m.end() : m.end() + 1] not in ("", "\n") or _credit(m):
            continue
        n += 1
        if n >= 2:
            break
    return n


def signed(text: str, open_mark: int, close_mark: int | None) -> Attribution | None:
    """The attribution a signature line gives a quote paragraph, if it has one."""
    name = signer(text, open_mark, close_mark)
    return Attribution("named", name) if name else None
