"""Whom "he said" or "she said" means when the last person talked about cannot be meant.

Speakers resolve a pronoun tag to the last person the text talked about. That is right
most of the time, and wrong when the text has moved on to someone of the other gender
("Steenburgen's son, filmmaker Charlie McDowell, also remembers it. "...," he said.") or
when the quote names that person in the third person ("It could have been easy for Mary
Steenburgen to ...," she said: a speaker does not talk of herself by her full name). This
module learns each person's pronoun from the text itself (a gendered title or role word
before the name or in apposition after it, a spouse named by possession, and the first
he/his/she/herself after the name when it is a clause subject; never "him" or "her",
which are often someone else) and, only when the last referent is ruled out or has no
known gender, looks back for the one the pronoun fits: the subject of a recent sentence,
a person named since, a recent speaker. Everything is computed on first need, for the
names asked about, with windowed searches and binary searches over the article's
capitalised phrases, so articles without such a conflict pay almost nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ingest.names import TITLES, NameBook, clean_name
from ingest.sentences import word_set

# Subject and possessive pronouns only: "Matthesen found him" is about someone else.
_PRONOUN = re.compile(r"\b(?:[Hh](?:e|is|imself)|[Ss]he|[Hh]erself)\b")
_SHE = frozenset({"she", "herself"})
_MALE = word_set(
    """mr mr. sir lord king prince father son brother husband boyfriend uncle nephew
    grandson grandfather dad spokesman chairman congressman councilman assemblyman
    businessman sportsman abu"""
)
_FEMALE = word_set(
    """mrs mrs. ms ms. miss madam lady dame queen princess mother daughter sister wife
    girlfriend aunt niece granddaughter grandmother mom mum actress spokeswoman
    chairwoman congresswoman councilwoman assemblywoman businesswoman sportswoman umm"""
)
_GENDER = {w: "m" for w in _MALE} | {w: "f" for w in _FEMALE}
_APPOSED_ROLE = re.compile(
    r",\s+(?:(?:a|an|the|his|her|their|[A-Z][\w\-]*['’]s)\s+)?(?:[a-z][\w\-]*\s+){0,2}?"
    rf"({'|'.join(sorted(w for w in _GENDER if w.isalpha()))})\b"
)
_SPOUSE = re.compile(r"\s+(husband|wife|boyfriend|girlfriend)\b")
# "released through Big Machine, which was bought out": a name taking "which" is a thing
# (a company, a label), never whom "he" or "she" means.
_WHICH = re.compile(r",\s+which\b")
_SENT_END = re.compile(r"[.!?][\"”’)]*\s+")
PRONOUN_REACH = 200  # how far after a name its pronoun is looked for
SURE = 4  # votes on one side (and none on the other) that settle a person's gender
RECENT_SPEAKERS = 3  # how many of the last speakers (each once) a pronoun may skip back to
# A subject is preceded by the start of a sentence or clause, never by a preposition or
# "than" ("more nervous than Rose-Lynn Harlan has ever been" is not about Rose-Lynn).
_CLAUSE_OPEN = re.compile(
    r"(?:^|[.!?:;,—–(\n][\"”’]?|\b(?i:and|but|when|while|as|after|before|because|since|"
    r"so|then|where|if|though|although|that|until|once))\s*$"
)
_VERB_AFTER = re.compile(r"(?:['’]s\b|(?:\s*\([^()\n]{1,80}\))?(?:,[^,\n]{1,100},)?\s+[a-z])")


def _tail(raw: str) -> str:
    """The last word of a capitalised phrase, without a possessive: its surname."""
    last = raw.rsplit(None, 1)[-1].rstrip(".,")
    return last[:-2] if last.endswith(("'s", "’s")) else last


class Genders:
    """Each person's pronoun as the article uses it, learned on first need."""

    def __init__(self, text: str, book: NameBook) -> None:
        self.text = text
        self.book = book
        self._cache: dict[str, str | None] = {}
        self._tagged: dict[str, str] = {}
        self._starts: list[int] = [p for p, _ in book.mentions]

    def _pronoun_after(self, end: int) -> tuple[int, str] | None:
        """The first he/his or she/her outside the quotes within reach after `end`."""
        for m in _PRONOUN.finditer(self.text, end, end + PRONOUN_REACH):
            if not self.book.in_quote(m.start()):
                return m.start(), "f" if m.group(0).lower() in _SHE else "m"
        return None

    def _is_subject(self, pos: int, raw: str) -> bool:
        """True for a name (not a possessive, not "She" or "The") opening a clause."""
        return (
            not raw.endswith(("'s", "’s"))
            and clean_name(raw) is not None
            and _subject(self.text, pos, raw)
        )

    def of(self, name: str) -> str | None:
        """ "m", "f", "n" (a thing), or None when the text does not say (or says both
        about equally)."""
        if name not in self._cache:
            m, f, n = self._votes(name)
            g = "m" if m > 2 * f else "f" if f > 2 * m else None
            # "which" after a name is weak evidence ("Cook told Benioff, which meant"
            # is about the telling): only a name the text never gives he or she is a thing
            self._cache[name] = "n" if n and not (m or f) else g or self._tagged.get(name)
        return self._cache[name]

    def from_tag(self, name: str) -> bool:
        """True when the gender of `name` is known only from a tag that meant them."""
        return (
            name in self._tagged
            and self.of(name) == self._tagged[name]
            and not any(self._votes(name))
        )

    def tagged(self, name: str, gender: str) -> None:
        """Learn from a resolved tag: "“…,” she said" meant `name`, so a later "he said"
        does not, when the text itself gives no gender ("the novelist Jo Walton explained
        them to me. “…,” she said. … he’d respond, “…”")."""
        if name not in self._tagged:
            self._tagged[name] = gender
            if self._cache.get(name, "") is None:
                del self._cache[name]

    def _votes(self, name: str) -> tuple[int, int, int]:
        """Votes for "m", "f" and "n" (a thing) over the mentions of the name's surname or
        first name ("Rose-Lynn"); reading stops once one side has SURE votes and the other
        none."""
        votes = {"m": 0, "f": 0, "n": 0}
        mentions = self.book.mentions
        for word in {w for w in name.split() if len(w) > 2 and w[:1].isupper()}:
            for k, (pos, raw) in enumerate(mentions):
                if word in raw and _tail(raw) == word and not _other_given(name, raw):
                    for g, w in self._evidence(k, pos, raw):
                        votes[g] += w
                    if min(votes["m"], votes["f"]) == 0 and max(votes.values()) >= SURE:
                        return votes["m"], votes["f"], votes["n"]
        return votes["m"], votes["f"], votes["n"]

    def _evidence(self, k: int, pos: int, raw: str) -> list[tuple[str, int]]:
        """Votes from one mention: a gendered title or role word just before the name or
        in apposition after it ("Patrick Nielsen Hayden, Teresa's husband") (weight 3),
        and, for a subject, the first pronoun after it (weight 1) unless
        another person is named first or it lies past the start of the next sentence."""
        found: list[tuple[str, int]] = []
        role = _role_gender(raw.split()[0].lower(), self.text[max(0, pos - 40) : pos])
        end = pos + len(raw)
        apposed = _APPOSED_ROLE.match(self.text, end, end + 60)
        if role or apposed:
            found.append((role or _GENDER[apposed.group(1).lower()], 3))
        spouse = _SPOUSE.match(self.text, end) if raw.endswith(("'s", "’s")) else None
        if spouse:  # "Teresa's husband": the owner is his wife
            found.append(("m" if spouse.group(1) in {"wife", "girlfriend"} else "f", 3))
        if _WHICH.match(self.text, end):
            found.append(("n", 3))
        if not self._is_subject(pos, raw):
            return found
        pron = self._pronoun_after(end)
        if pron is None:
            return found
        at, g = pron
        if _same_or_opens(self.text, end, at) and not self._other_between(k, _tail(raw), at):
            found.append((g, 1))
        return found

    def _other_between(self, k: int, tail: str, at: int) -> bool:
        """True if a person other than mention `k`'s is named after it and before `at`."""
        mentions = self.book.mentions
        k += 1
        while k < len(mentions) and mentions[k][0] < at:
            pos, raw = mentions[k]
            if _tail(raw) != tail and (raw.endswith(("'s", "’s")) or self._is_subject(pos, raw)):
                return True  # a subject or an owner ("Ford's family ... his") may be meant
            k += 1
        return False


def _other_given(name: str, raw: str) -> bool:
    """True when a mention gives the surname another first name: "her husband Tom Lee"
    tells nothing about Mary Lee, nor "Patrick Nielsen Hayden" about Teresa Nielsen
    Hayden."""
    mine = name.split()
    theirs = [t for t in raw.split() if t.lower().rstrip(".") not in TITLES]
    if len(mine) < 2 or len(theirs) < 2:
        return False
    return theirs[0][:1].isupper() and theirs[0] != mine[0]


def _same_or_opens(text: str, end: int, at: int) -> bool:
    """True when the pronoun at `at` is in the sentence that the name ending at `end` is
    in, or opens the next one ("... lives in Indiana. She spoke"): a pronoun further into
    the next sentence ("All contact between Ford's family and his") is someone else's."""
    between = text[end:at]
    if "\n" in between:
        return False
    stops = list(_SENT_END.finditer(between))
    return not stops or (len(stops) == 1 and stops[0].end() == len(between))


def _role_gender(first: str, before: str) -> str | None:
    """The gender of a title inside the name ("Mrs. Lee"), of the word right before it
    ("actress Mary Steenburgen"), or of a noun in apposition with the name's role ("his
    aunt, Jane Starner", "Steenburgen's son, filmmaker Charlie McDowell")."""
    g = _GENDER.get(first)
    if g:
        return g
    words = before.rsplit(None, 2)[-2:]
    if not words or not before[-1:].isspace():
        return None
    prev = words[-1]
    if prev.endswith(","):
        return _GENDER.get(prev[:-1].lower())
    g = _GENDER.get(prev.lower())
    if g or prev[:1].isupper():
        return g  # "Dale Ford": a capital word before is part of the name, not a role
    if len(words) == 2 and words[0].endswith(","):
        return _GENDER.get(words[0][:-1].lower())
    return None


def referent(
    genders: Genders,
    gender: str | None,
    last: str | None,
    said: list[str],
    span: tuple[int, int, int],
    quote: str,
    narrative: bool = False,
) -> str | None:
    """Whom a pronoun of `gender` means before the quote: `last`, unless the text gives
    `last` the other gender or the quote names them. Then, in `span` = (gap start,
    paragraph start, quote start): the latest subject in the gap (or the paragraph
    before the quote) that fits; if the
    quote's paragraph names someone before it, the latest person named in the gap that
    fits, else `last` (a slip of the pronoun is likelier than a far referent); if it
    names no one, the latest recent speaker in `said` that fits, then that person.
    A subject of unknown gender comes before `last` ("Simmons teed up McDonald's cameo.
    "… the Doobie Brothers — Mr. Michael McDonald," he said").
    A `narrative` pronoun (one opening a sentence) means the latest subject that fits
    first, and `last` only if there is none."""
    if gender is None:
        return last
    quoted = quote
    if narrative:
        subject = _latest_subject(genders, gender, span, quoted)
        if subject:
            return subject
    moved = _moved_on(genders, gender, last, span, quoted)
    if moved:
        return moved
    if last is not None and _fits(genders, last, gender, quoted, loose=True):
        if genders.of(last) is None:  # unknown: someone who surely fits, named after, wins
            return _named_after(genders, gender, last, span, quoted) or last
        return last
    para_start, hi = span[1:]
    lo = min(span)  # the gap, and the whole paragraph before the quote
    book = genders.book
    named, loose, in_para = None, None, False
    k = bisect_right(genders._starts, hi) - 1
    while k >= 0 and book.mentions[k][0] >= lo:
        pos, raw = book.mentions[k]
        k -= 1
        who = book.person(raw, pos)
        if who is None:
            continue
        in_para = in_para or pos >= para_start
        if not _fits(genders, who, gender, quoted):
            if (
                loose is None
                and _fits(genders, who, gender, quoted, loose=True)
                and genders._is_subject(pos, raw)
            ):
                loose = who  # a subject the text gives no gender
            continue
        if genders._is_subject(pos, raw):
            return who
        named = named or who
    if named or in_para:
        if last is not None and genders.from_tag(last):
            # the writer called `last` the other pronoun just before: no slip, but a
            # referent further back ("“…,” she said. … he’d respond")
            return named or loose or _earlier_fitting(genders, gender, lo, quoted) or last
        return named or loose or last
    recent: list[str] = []
    for who in reversed(said):
        if who in recent:
            continue
        if _fits(genders, who, gender, quoted):
            return who
        recent.append(who)
        if len(recent) == RECENT_SPEAKERS:
            break
    if last is not None and genders.of(last) == "n":
        return named or loose  # a company is never "she": a subject of unknown gender is
    return named or last


def _earlier_fitting(genders: Genders, gender: str, before: int, quoted: str) -> str | None:
    """The latest person of this gender named anywhere before `before`: in a feature
    about one man, "he’d respond" with only women named nearby means him."""
    book = genders.book
    k = bisect_right(genders._starts, before) - 1
    while k >= 0:
        pos, raw = book.mentions[k]
        k -= 1
        who = book.person(raw, pos)
        if who is not None and _fits(genders, who, gender, quoted):
            return who
    return None


def _moved_on(
    genders: Genders,
    gender: str,
    last: str | None,
    span: tuple[int, int, int],
    quoted: str,
) -> str | None:
    """When the prose since the last quote runs over a paragraph break and never names
    `last`, the story has moved on: the latest person it names who fits ("I immediately
    thought of Elise Matthesen. … how would she feel? "…," she replied")."""
    lo, _, hi = span
    book = genders.book
    gap = genders.text[lo:hi]
    if "\n" not in gap.strip() or (last is not None and _tail(last) in gap):
        return None
    k = bisect_right(genders._starts, hi) - 1
    found = None
    while k >= 0 and book.mentions[k][0] >= lo:
        pos, raw = book.mentions[k]
        k -= 1
        who = book.person(raw, pos)
        if who is not None and who == last:
            return None
        if who is not None and found is None and _fits(genders, who, gender, quoted):
            found = who
    return found


def _named_after(
    genders: Genders, gender: str, last: str, span: tuple[int, int, int], quoted: str
) -> str | None:
    """The latest person the text gives the pronoun's gender, named (not as an owner) in
    the gap after the last mention of `last`, whose gender the text does not tell
    ("Gaiman told me. … When Ford visited his editor Teresa Nielsen Hayden …, "…," she
    recalled")."""
    book, tail = genders.book, _tail(last)
    k = bisect_right(genders._starts, span[2]) - 1
    while k >= 0 and book.mentions[k][0] >= span[0]:
        pos, raw = book.mentions[k]
        k -= 1
        if _tail(raw) == tail:
            return None
        if raw.endswith(("'s", "’s")):
            continue  # "who joked about Parise's penchant": an owner is not talked about
        who = book.person(raw, pos)
        if who is not None and _fits(genders, who, gender, quoted):
            return who
    return None


def _latest_subject(
    genders: Genders, gender: str, span: tuple[int, int, int], quoted: str
) -> str | None:
    """The latest person in the gap whose name opens a clause and who fits."""
    book, hi = genders.book, span[2]
    k = bisect_right(genders._starts, hi) - 1
    while k >= 0 and book.mentions[k][0] >= span[0]:
        pos, raw = book.mentions[k]
        k -= 1
        if genders._is_subject(pos, raw):
            who = book.person(raw, pos)
            if who and _fits(genders, who, gender, quoted):
                return who
    return None


def _fits(genders: Genders, who: str, gender: str, quoted: str, loose: bool = False) -> bool:
    """True if `who` may be meant: the text gives them this gender (or, `loose`, no
    other), and the quote, whose words are `quoted`, does not name them."""
    g = genders.of(who)
    if g != gender and not (loose and g is None):
        return False
    return not any(len(w) > 2 and w in quoted and _named(w, quoted) for w in who.split())


def _named(word: str, quote: str) -> bool:
    """True if `word` is a whole word of `quote` (the cheap substring test came first)."""
    return re.search(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", quote) is not None


def _subject(text: str, pos: int, raw: str) -> bool:
    """True when the name at `pos` opens a clause and a verb (or a possessive) follows."""
    if not _CLAUSE_OPEN.search(text, max(0, pos - 12), pos):
        return False
    return _VERB_AFTER.match(text, pos + len(raw)) is not None
