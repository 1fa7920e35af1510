"""A page's byline as a reader writes it: names, not the words a site's markup sticks to them.

trafilatura joins a page's author fields with "; " and takes them as the markup has them, so
on the benchmark's 181 pages it gives "Jeff Foust Monday; November", "Analysis by Chris
Cillizza; CNN Editor-at-large", "Paul Takahashi; Staff writer", "Phil Helsel is a reporter",
"Troy Smith; Troy L Smith; Cleveland com" and "JANIE HAR"; feeds and text files give bylines
as they come ("By Jane Doe, Mon November 18, 2019", "JANE DOE and JOHN ROE, Staff Writers").
The reader's header, the memo and the CSV show the byline, so what is not a name is taken off
here, and nothing else: a byline that is only an outlet ("Reuters", "Telegraph Sport") stays
as it is, and so does a two-word name that ends in a role's word ("Graham Staff").

It lives in storage/, below ingest/ (which tidies at ingest), desk/ (exports) and tui/ (the
reader, for stores written before), so all three show the same byline.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A run of these at a part's end is a date: stripped if it holds one of _STRONG_DATE, or one
# of _NAMED_DATE that leaves a full name ("Jeff Foust Monday", but "Theresa May" keeps her
# name). _WEAK_DATE alone is never stripped: "Baltimore Sun" is no Sunday.
_NAMED_DATE = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december"
)
_STRONG_WORDS = _words("published updated posted am pm a.m. p.m.")
_WEAK_DATE = _words(
    "mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct "
    "nov dec et est edt ct cst cdt pt pst pdt gmt utc bst cet cest on at"
)
_NUMBER = re.compile(r"^\d{1,4}(?:st|nd|rd|th)?$|^\d{1,2}[:.]\d{2}(?:am|pm)?$", re.I)
_ROLE_NOUNS = _words(
    "writer reporter editor editor-at-large correspondent columnist contributor staff "
    "producer journalist writers reporters editors correspondents columnists contributors "
    "producers journalists"
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
# ";" and "|" always part names, and " and " or " & " between two names; a comma only before
# two words or more, so that "Doe, Jane" and "James Kennedy, Jr." stay whole.
_SPLIT = re.compile(
    r"\s*(?:[;|]|\s(?:and|&)\s|,(?!\s*(?:Jr|Sr|II|III|IV)\b)(?=\s*\S+\s+\S))\s*", re.I
)
# ". " parts a name from an outlet ("Finian Cunningham. Sputnik International"), but not
# after an initial ("Sarah E. Needleman") or a title ("Dr. Jane Doe", "St. Louis").
_DOT = re.compile(r"(?<=\w\w)\.\s+(?=\S)")
_NOT_AFTER = _words("jr sr dr mr mrs ms mx st prof rev gen col lt sgt gov sen rep capt")
MAX_BYLINE = 300  # characters of an author field read: feeds and pages can hold anything
_EMAIL_NAME = re.compile(r"^[^\s@]+@\S+\s+\((.+)\)$")  # RSS's "jane@example.com (Jane Doe)"


def byline(author: str | None, site: str | None = None) -> str:
    """The author as the app and its exports show it: the name rather than an RSS e-mail
    address, tidy (`tidy_byline`), and "" when it is only the site's own name."""
    name = " ".join((author or "")[:MAX_BYLINE].split())
    if m := _EMAIL_NAME.match(name):
        name = m.group(1).strip()
    name = tidy_byline(name) or ""
    return "" if name.casefold() == " ".join((site or "").split()).casefold() else name


def tidy_byline(raw: str | None) -> str | None:
    """The names in a byline, joined with ", "; None when nothing is left."""
    kept: list[str] = []
    raw = (raw or "")[:MAX_BYLINE]  # a byline is a line: its patterns need not scale
    for index, part in enumerate(_SPLIT.split(_DOT.sub(_dot_to_semicolon, raw))):
        part = _IS_A.sub("", _LEAD.sub("", part.strip()))
        stripped = _AGENCY.sub("", part)  # "ERIC TUCKER Associated Press"
        words = _without_date((stripped if len(stripped.split()) > 1 else part).split(), index)
        words = _without_role(words, index)
        if not words or (index and len(words) == 1):  # "; MS", "; RDN", "; Kevin-R", "; CNN"
            continue
        name = " ".join(words)
        if name.isupper() and len(words) > 1:  # "JANIE HAR"; not "PTI" or "AP"
            name = name.title()
        if not any(_same_person(name, earlier) for earlier in kept):
            kept.append(name)
    return ", ".join(kept) or None


def _dot_to_semicolon(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 8) : match.start()].split()
    return match.group() if before[-1].casefold() in _NOT_AFTER else "; "


def _date_kind(word: str) -> str | None:
    """ "strong", "named", "weak" (see _NAMED_DATE) or None for a word that is no date's."""
    word = word.strip(",").casefold()
    if _NUMBER.match(word.rstrip(".")) or word in _STRONG_WORDS:
        return "strong"
    word = word.rstrip(".")
    return "named" if word in _NAMED_DATE else "weak" if word in _WEAK_DATE else None


def _without_date(words: list[str], index: int) -> list[str]:
    """`words` less a date at their end: "Jane Doe Mon November 18, 2019" -> "Jane Doe"."""
    kinds = [_date_kind(w) for w in words]
    start = len(words)
    while start and kinds[start - 1]:
        start -= 1
    run = set(kinds[start:])
    if not run:
        return words
    if start == 0:  # only a date: "Mon November", "Updated 5:03 PM ET"; alone, "Sun" stays
        return [] if index or run - {"weak"} else words
    if "strong" in run or ("named" in run and start >= 2):
        return words[:start]
    return words


def _without_role(words: list[str], index: int) -> list[str]:
    """`words` less a role at their end: "Tom Gillespie News reporter" -> "Tom Gillespie";
    none left when they are only a role ("Staff writer", "; CNN Editor-at-large"); a two-word
    name kept whole ("Graham Staff", "; Mark Writer")."""
    if not words or words[-1].casefold() not in _ROLE_NOUNS:
        return words
    mixed = index > 0 and not " ".join(words).isupper()
    if all(_is_role_word(w, mixed) for w in words[:-1]):
        return []
    if len(words) < 3:
        return words
    words = words[:-1]
    while len(words) > 2 and words[-1].casefold() in _ROLE_WORDS:
        words.pop()
    return words


def _is_role_word(word: str, mixed: bool) -> bool:
    """A word of a role's title, or (in a later, mixed-case part) an outlet's acronym:
    "; CNN Editor-at-large" (a first part "HNN Staff" is a byline, kept whole)."""
    folded = word.casefold()
    return folded in _ROLE_WORDS or folded in _ROLE_NOUNS or (mixed and word.isupper())


def _same_person(a: str, b: str) -> bool:
    """ "Troy L Smith" and "Troy Smith": the same first and last word."""
    wa, wb = a.casefold().split(), b.casefold().split()
    return len(wa) > 1 and len(wb) > 1 and wa[0] == wb[0] and wa[-1] == wb[-1]
