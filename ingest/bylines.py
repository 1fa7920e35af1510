"""A page's byline as a reader writes it: names, not the words a site's markup sticks to them.

trafilatura joins a page's author fields with "; " and takes them as the markup has them, so
on the benchmark's 181 pages it gives "Jeff Foust Monday; November", "Analysis by Chris
Cillizza; CNN Editor-at-large", "Paul Takahashi; Staff writer", "Phil Helsel is a reporter",
"Troy Smith; Troy L Smith; Cleveland com" and "JANIE HAR". The reader's header shows the byline
under the title, so what is not a name is taken off here, and nothing else: a byline that
is only an outlet ("Reuters", "Telegraph Sport") stays as it is.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DATE_WORDS = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december published updated "
    "posted"
)
_ROLE_NOUNS = _words(
    "writer reporter editor editor-at-large correspondent columnist contributor staff "
    "producer journalist"
)
# Words that sit before a role noun in a title: "AP National Security Writer", "News reporter".
_ROLE_WORDS = _words(
    "ap news staff editorial senior sports political national security chief auto "
    "business tech technology science health deputy associate contributing special "
    "managing executive investigative data digital global international foreign"
)
_LEAD = re.compile(r"^(?:(?:analysis|opinion|commentary|story|words|text)\s+)?by\s+", re.I)
_IS_A = re.compile(r"\s+is\s+an?\s+\S.*$", re.I)
_AGENCY = re.compile(r"\s+(?:(?:The\s+)?Associated\s+Press|AP)$", re.I)
# ";" and "|" always part names; a comma only before two words or more, so that "Doe, Jane"
# and "James Kennedy, Jr." stay whole.
_SPLIT = re.compile(r"\s*(?:[;|]|,(?!\s*(?:Jr|Sr|II|III|IV)\b)(?=\s*\S+\s+\S))\s*")


def tidy_byline(raw: str | None) -> str | None:
    """The names in a byline, joined with ", "; None when nothing is left."""
    kept: list[str] = []
    for index, part in enumerate(_SPLIT.split(raw or "")):
        part = _IS_A.sub("", _LEAD.sub("", part.strip()))
        stripped = _AGENCY.sub("", part)  # "ERIC TUCKER Associated Press"
        words = (stripped if len(stripped.split()) > 1 else part).split()
        while (
            words
            and _is_date_word(words[-1])
            and (len(words) > 2 or all(map(_is_date_word, words)))
        ):
            words.pop()  # "Jeff Foust Monday", but "Theresa May" keeps her name
        if words and words[-1].casefold() in _ROLE_NOUNS:
            if index:  # "Paul Takahashi; Staff writer": a later part that is a role
                continue
            words.pop()
            while len(words) > 2 and words[-1].casefold() in _ROLE_WORDS:
                words.pop()
        if not words or (index and len(words) == 1):  # "; MS", "; RDN", "; Kevin-R", "; CNN"
            continue
        name = " ".join(words)
        if name.isupper() and len(words) > 1:  # "JANIE HAR"; not "PTI" or "AP"
            name = name.title()
        if not any(_same_person(name, earlier) for earlier in kept):
            kept.append(name)
    return ", ".join(kept) or None


def _is_date_word(word: str) -> bool:
    return word.strip(",.").casefold() in _DATE_WORDS


def _same_person(a: str, b: str) -> bool:
    """ "Troy L Smith" and "Troy Smith": the same first and last word."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return len(wa) > 1 and len(wb) > 1 and wa[0] == wb[0] and wa[-1] == wb[-1]
