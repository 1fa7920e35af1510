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
from itertools import islice

from ingest.names import ORG_NAME
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


class GroupBook:
    """Common nouns an article uses for a named group ("the doctors" → the group)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.alias: dict[str, list[tuple[int, str]]] = {}
        self.member: dict[str, str] = {}
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
        for m in _STATEMENT.finditer(self.text, max(0, pos - LOOKBACK), pos):
            if m.group("doc") == doc:
                owner = m.group("who")
        if owner and owner[0].islower():
            return self.group(owner, pos)
        return owner
