"""Numbers that open the title of a work or a list: "10 Things in Tech", "top 10 Health
Technology Hazards".

A title in quote marks that opens with a number ("“7 Habits of Good Teams”") names a
work, and the same number and first word elsewhere in the article ("read 7 Habits each
week") name it too. A "top N" followed by capitalised words that end the phrase is a
ranked list's title ("ECRI's top 10 Health Technology Hazards."); with a lower-case
noun after it ("the top 10 Premier League clubs") it still counts. Two searches over
the text, each starting at a literal, so linear in its length.
"""

from __future__ import annotations

import re

# A quoted span that opens with a number and a capitalised word, and holds no lower-case
# word longer than four letters (its words are in title case).
_QUOTED_TITLE = re.compile(
    r"[“\"](\d{1,3})[ \u00a0]([A-Z][a-z]+)((?:[ \u00a0](?:[A-Z][\w’'\-]*|[a-z]{1,4}|\d+))"
    r"{1,10})[.?!,]?[”\"]"
)
_MAX_TITLES = 8
# "top 10" and a run of capitalised words that ends the phrase.
_TOP_TITLE = re.compile(
    r"\b[Tt]op[ \u00a0](\d{1,3})(?:[ \u00a0][A-Z][\w\-]*){2,5}[ \u00a0]*(?=[.,;:!?|)\n]|$)"
)


def title_numbers(text: str) -> set[int]:
    """Starts of the numbers that open a title (quoted) or its later mentions, and of
    "top N" list titles."""
    starts: set[int] = set()
    if "top" in text or "Top" in text:
        starts.update(m.start(1) for m in _TOP_TITLE.finditer(text))
    names: set[tuple[str, str]] = set()
    for m in _QUOTED_TITLE.finditer(text):
        starts.add(m.start(1))
        names.add((m.group(1), m.group(2)))
    # each title's later mentions: one search per title, for a few titles at most (a text
    # quoting hundreds of numbered titles is a list, and the cap keeps it linear)
    for num, word in sorted(names)[:_MAX_TITLES]:
        mention = re.compile(rf"(?<![\w.,]){num}[ \u00a0]{word}\b")
        starts.update(x.start() for x in mention.finditer(text))
    return starts
