"""Groups and documents an article names only in passing, for attributing their quotes.

Articles introduce a group once, by apposition ("The group, WeWorkers Coalition, ...",
"The doctors, members of a recently formed group Doctors for Camp Closure, ...") and then
quote it as "the group added" or "the physicians stated". Statements are introduced the
same way ("the US military said in a statement") and later quoted as "the statement
said". This module finds those introductions with bounded regular expressions, once per
article and only when a quote needs them, and answers "which group is `the doctors`?".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from ingest.name_patterns import ORG_NAME
from ingest.sentences import word_set

MAX_INTROS = 500
LOOKBACK = 3_000  # how far back a "said in a statement" can introduce "the statement"
GROUP_NOUNS = word_set(
    """group coalition association alliance union network collective organisation
    organization campaign committee council movement society federation club charity"""
)
_VERBS = r"(?:said|says|told|tells|wrote|added|according|stated|is|was|were|are)\b"
_INTRO = re.compile(
    r"\b[Tt]he\s+(?P<noun>[a-z]+),\s+(?:(?:members?|part|some|founders?)\s+of\s+)?"
    rf"(?:(?:a|an|the)\s+)?(?P<mods>(?:(?!{_VERBS})[a-z\-]+\s+){{0,3}})(?P<name>{ORG_NAME})\s*[,(]"
)
_GROUP_OF = re.compile(r"\b(?P<group>[a-z]+)\s+of\s+(?P<noun>[a-z]+s)\b")
_STATEMENT = re.compile(
    rf"(?:\b[Tt]he\s+)?(?P<who>{ORG_NAME}(?:\s+[a-z]+)?|[a-z]+)\s+(?:(?:said|says|wrote|posted)"
    r"\b[^.\"“”\n]{0,40}?\bin|(?:issued|released|put\s+out|published))"
    r"\s+an?\s+(?:[a-z]+\s+)?(?P<doc>statement|letter|email|post)\b"
)
_DOCS = ("statement", "letter", "email", "post")


class GroupBook:
    """Common nouns an article uses for a named group ("the doctors" → the group)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.alias: dict[str, list[tuple[int, str]]] = {}
        self.member: dict[str, str] = {}
        self._statements: list[re.Match[str]] = []  # of one scan of the text, read on demand
        self._statement_scan: Iterator[re.Match[str]] | None = _STATEMENT.finditer(text)
        for m in islice(_INTRO.finditer(text), MAX_INTROS):
            name, head = m.group("name"), m.group("noun")
            if not head.endswith("s") and head not in GROUP_NOUNS:
                continue
            for noun in [m.group("noun"), *m.group("mods").split()]:
                if noun == head or noun in GROUP_NOUNS:
                    self.alias.setdefault(noun, []).append((m.start(), name))
        for m in islice(_GROUP_OF.finditer(text), MAX_INTROS):
            if m.group("group") in GROUP_NOUNS:
                self.member.setdefault(m.group("noun"), m.group("group"))

    def group(self, noun: str, pos: int) -> str | None:
        """The group last introduced by `noun` before `pos` (or the sentence it starts),
        following "a group of physicians" from "physicians" to "group"."""
        for key in (noun, self.member.get(noun)):
            found = [name for at, name in self.alias.get(key or "", []) if at < pos]
            if found:
                return found[-1]
        return None

    def statement_owner(self, doc: str, pos: int) -> str | None:
        """Who last "said in a statement" (or letter, email), or "issued a statement",
        before `pos`."""
        owner = None
        for m in self._statements_in(max(0, pos - LOOKBACK), pos):
            if m.group("doc") == doc:
                owner = m.group("who")
        if owner and owner[0].islower():
            return self.group(owner, pos)
        return owner

    def _statements_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """The matches `_STATEMENT.finditer(text, lo, hi)` gives. An article asks about
        overlapping windows, so they are taken from one scan of the whole text, which is
        the same wherever none of its matches straddles `lo` or `hi` (the scan of the
        window then starts and ends where the whole scan is between matches) and no
        statement word ends the window (a match could end there only in the window)."""
        while self._statement_scan is not None and (
            not self._statements or self._statements[-1].start() < hi
        ):
            m = next(self._statement_scan, None)
            if m is None:
                self._statement_scan = None
            else:
                self._statements.append(m)
        found = [m for m in self._statements if m.start() < hi]
        if self.text.endswith(_DOCS, 0, hi) or any(
            m.start() < lo < m.end() or m.end() > hi for m in found
        ):
            return list(_STATEMENT.finditer(self.text, lo, hi))
        return [m for m in found if m.start() >= lo]
