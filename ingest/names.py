"""Names of people and organisations: recognising, cleaning and resolving them.

Attribution needs three things from a name: its clean form (no "Sen." or "OpenAI CEO"
in front), the full form when the text later uses the surname alone ("Huet" → "Romain
Huet"), and the organisation behind "a spokesperson for the company". All of it is done
with bounded regular expressions over capitalised words, without any model.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from ingest.name_patterns import NAME, NAME_RE
from ingest.sentences import word_set

if TYPE_CHECKING:
    from ingest.groups import GroupBook

TITLES = word_set(
    """mr mrs ms miss dr prof professor sen senator rep representative gov governor president
    vice pres mayor judge justice chief minister prime secretary attorney general gen lt col
    capt captain sgt det detective officer chairman chairwoman chair ceo cfo coo cto founder
    co-founder director commissioner sheriff pope king queen prince princess lord lady sir
    dame rev reverend father sister coach manager head chancellor deputy executive spokesman
    spokeswoman spokesperson ambassador councilman councilwoman councillor cllr assemblyman
    assemblywoman congressman congresswoman speaker leader premier dean superintendent
    inspector agent sergeant lieutenant colonel major admiral commander marshal u.s. us
    state federal senior former acting interim new analyst economist editor reporter
    star striker forward defender goalkeeper goalie midfielder quarterback pitcher player
    boss owner partner attorney lawyer doctor nurse professor administrator stylist designer
    chef author artist researcher scientist psychologist therapist dietitian nutritionist
    consultant photographer adv"""
)
STOP_WORDS = word_set(
    """the a an and but or if when while as at in on of for to from by with this that these
    those it its he she they we i you his her their our my your there here then so yet
    after before since because although though however meanwhile still also just even only
    now today yesterday tomorrow last next first according some many most all both each
    every other such what which who whom whose where why how not no yes one two three
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug
    sep sept oct nov dec instead meanwhile overall earlier later again another others
    several few under during despite amid among against without within unlike through
    across toward towards upon into onto would could should shall might must does did
    has have had is was are were"""
)
# Capitalised phrases read per article: far more than any article has, few enough that
# pasted junk costs little.
MAX_NAMES = 5_000
MAX_LOWER_ASKED = 32  # words looked up alone before the text's lower-case words are all read
COMMON_SOURCES = word_set(
    """officials official prosecutors police authorities experts analysts critics researchers
    scientists investigators residents witnesses doctors lawyers officers sources observers
    economists traders investors scholars activists protesters organizers organisers voters
    democrats republicans lawmakers legislators senators parents teachers students workers
    employees executives managers fans players coaches members leaders regulators agents
    advocates opponents supporters neighbors neighbours"""
)
_PLACE_PREP = re.compile(r"\b(?:to|in|from|for)\s+$")
_POSSESSIVE = ("'s", "’s")
_LOWER_WORD = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")
_NOT_NAME = STOP_WORDS | TITLES
_SUFFIX_RE = re.compile(r",?\s+(?:Jr|Sr)\.?$|\s+(?:II|III|IV)$")
# Letters after a full name that say an office or an honour, not a name.
_POST_NOMINALS = re.compile(
    r"(?<=[a-z’'])(?:,?\s+(?:MP|MEP|MSP|MLA|MS|TD|MBE|OBE|CBE|KBE|DBE|KC|QC|PhD))+$"
)
_ORG_NOUNS = re.compile(
    r"\b(?:company|firm|group|agency|department|ministry|office|organi[sz]ation|startup|"
    r"bank|carrier|airline|team|club|government|administration|campaign|police|"
    r"authority|council|committee|university|hospital|union|party|network|service|center|"
    r"centre|institute)\b"
)


def _acronym(tok: str) -> bool:
    """True for an acronym of three or more capitals, such as WHO or AND in a logo: never
    the stop word it spells ("says WHO" names the World Health Organization)."""
    return len(tok) >= 3 and tok.isalpha() and tok.isupper()


def _not_name(tok: str) -> bool:
    """True for a title or a stop word (unless it is an acronym: WHO)."""
    low = _norm(tok)
    if low not in _NOT_NAME:
        return False
    return low in TITLES or not _acronym(tok)


def _tokens(name: str) -> list[str]:
    return name.replace(",", " ").split()


def _norm(tok: str) -> str:
    return tok.rstrip(".,").lower().replace("’", "'")


def clean_name(raw: str) -> str | None:
    """Drop titles, roles and leading function words; None if nothing name-like remains."""
    return split_title(raw)[1]


@lru_cache(maxsize=8192)
def split_title(raw: str) -> tuple[str | None, str | None]:
    """("president", "Donald Trump") for "US President Donald Trump": the last title word
    in front of a name, and the clean name (None if nothing name-like remains). Cached:
    an article repeats its names, and so does a batch of articles."""
    raw = raw.strip().rstrip(",;:")
    if raw.endswith(("'s", "’s")):
        raw = raw[:-2]
    post = _POST_NOMINALS.search(raw)
    if post and raw[: post.start()].count(" ") >= 1:  # "Sarah Olney MP", not "Plymouth MP"
        raw = raw[: post.start()]
    toks = _tokens(raw)
    suffix = _SUFFIX_RE.search(raw)
    if suffix:
        toks = _tokens(raw[: suffix.start()])
    while (
        toks and _norm(toks[0]) in STOP_WORDS and not _surname_first(toks) and not _acronym(toks[0])
    ):
        toks.pop(0)
    if len(toks) >= 3 and toks[0].endswith(("'s", "’s")):
        toks.pop(0)  # "NASA's Steve Clarke": the owner before a full name is no part of it
    cut = max(
        (i for i, t in enumerate(toks[:-1]) if _norm(t) in TITLES and not _new_place(toks, i)),
        default=-1,
    )
    title = _norm(toks[cut]) if cut >= 0 else None
    toks = toks[cut + 1 :]
    if not toks or all(_not_name(t) for t in toks):
        return title, None
    name = " ".join(toks)
    return title, (name + suffix.group(0) if suffix else name)


def _surname_first(toks: list[str]) -> bool:
    """ "He Jianxiong": a Chinese surname that is also a pronoun, written before a given
    name. A pronoun is never followed by a capitalised word that is no stop or title word."""
    return toks[0] == "He" and len(toks) > 1 and _norm(toks[1]) not in _NOT_NAME


def _new_place(toks: list[str], i: int) -> bool:
    """True when a capitalised "New" starts a place name (New York, New Zealand): it is
    the adjective title word "new" ("new coach Ann Lee") only in lower case."""
    nxt = toks[i + 1]
    return toks[i] == "New" and nxt[:1].isupper() and _norm(nxt) not in _NOT_NAME


def _acronym_head(full: tuple[str, ...]) -> bool:
    """True for a name that opens with an outlet's acronym of three or more capitals
    ("VOA Pentagon", "CNN Anderson Cooper"): people's names do not start that way."""
    head = full[0]
    return len(full) > 1 and len(head) >= 3 and head.isalpha() and head.isupper()


# The spelled-out title a text abbreviates before a name: "Gov. Eric Holcomb".
_TITLE_ABBR = {
    "governor": "gov",
    "senator": "sen",
    "representative": "rep",
    "general": "gen",
    "professor": "prof",
    "doctor": "dr",
    "detective": "det",
    "sergeant": "sgt",
    "captain": "capt",
    "lieutenant": "lt",
    "colonel": "col",
    "reverend": "rev",
}
IT_WINDOW = 400  # how far back "it said" looks for the institution named last


class NameBook:
    """The names an article uses, for resolving surnames and "the company" references."""

    def __init__(self, text: str, skip: list[tuple[int, int]]) -> None:
        self.by_last: dict[str, dict[tuple[str, ...], int]] = {}
        self.by_first: dict[str, set[str]] = {}
        self.by_penult: dict[str, set[str]] = {}
        self.titled: dict[str, list[tuple[int, str]]] = {}
        self._text = text
        self._lower: frozenset[str] | None = None
        self._lower_asked: dict[str, bool] = {}
        self._places: Counter[str] | None = None
        self._groups: GroupBook | None = None
        self._titled_names: frozenset[str] | None = None
        self.skip = skip
        self._found = _outside(text, skip, MAX_NAMES)
        self._mentions: list[tuple[int, str]] | None = None
        caps: list[str] = []  # counted once at the end, in C
        mid: list[str] = []
        for m in self._found:
            raw = m.group()
            if " " in raw or "," in raw or raw.endswith(_POSSESSIVE):
                self._add(text, m.start(), raw, caps, mid)
                continue
            # one word, the commonest phrase: no title to split off, and stop words
            # ("The", "But") and lone titles are never names (inlined: this runs for
            # every capitalised word)
            low = _norm(raw)
            if low in _NOT_NAME and (low in TITLES or not _acronym(raw)):
                continue
            caps.append(raw)
            pos = m.start()
            head = text[max(0, pos - 3) : pos].rstrip(" \t")
            if head and head[-1] not in _OPENERS:  # not at a sentence start
                mid.append(raw)
        self.caps: Counter[str] = Counter(caps)
        self.mid: Counter[str] = Counter(mid)

    @property
    def mentions(self) -> list[tuple[int, str]]:
        """(offset, phrase) of every capitalised phrase outside the quotes, built on
        first need (only pronoun resolution reads them)."""
        if self._mentions is None:
            self._mentions = [(m.start(), m.group(0)) for m in self._found]
        return self._mentions

    def _add(self, text: str, pos: int, raw: str, caps: list[str], mid: list[str]) -> None:
        """Record a phrase of several words (or a possessive): its words (in `caps`, the
        first in `mid` unless it starts a sentence), its full form and any title before it."""
        title, name = split_title(raw)
        if not name:
            return
        toks = name.split()
        caps.extend(toks)
        if not _sentence_initial(text[max(0, pos - 3) : pos], 3):
            mid.append(toks[0])
        if len(toks) >= 2:
            names = self.by_last.setdefault(toks[-1], {})
            if len(names) < 50:
                names.setdefault(tuple(toks), pos)
            self.by_first.setdefault(toks[0], set()).add(name)
            if len(toks) >= 3:
                # "Manager at Ocean Florida Abby Dunn": a company's name may run into the
                # person's, so a later "Abby" may mean the last two words
                self.by_penult.setdefault(toks[-2], set()).add(" ".join(toks[-2:]))
            if len(toks) >= 3 and _PLACE_PREP.search(text, max(0, pos - 6), pos):
                # "ambassador to Britain Liu Xiaming": the place may run into the name,
                # so a later "Liu" may mean the name after it
                self.by_first.setdefault(toks[1], set()).add(" ".join(toks[1:]))
        if not title and len(toks) >= 2 and text[pos - 2 : pos - 1].islower():
            # "the Municipal’s economist Jeremiah Mbelu": a lower-case title before the name
            before = _WORD_BEFORE.search(text, max(0, pos - 24), pos)
            if before and before.group(1) in TITLES:
                title = before.group(1)
        if title:
            self.titled.setdefault(title, []).append((pos, name))

    def resolve(self, name: str, pos: int) -> str:
        """The longest full name used in the text that ends with `name`'s tokens, preferring
        names written before `pos`."""
        toks = tuple(name.split())
        if not toks:
            return name
        best: tuple[str, ...] | None = None
        best_key = (False, False, 0)
        for full, at in self.by_last.get(toks[-1], {}).items():
            if _acronym_head(full):
                full = full[1:]  # "VOA Pentagon correspondent": the outlet only modifies
            if len(full) <= len(toks) or full[-len(toks) :] != toks:
                continue
            # "Speaking to the Daily Mail Lacerda claimed": after "the", a paper's name
            # may run into the person's, so a name written without one comes first
            key = (at < pos, self._text[max(0, at - 4) : at] != "the ", len(full))
            if best is None or key > best_key:
                best, best_key = full, key
        return " ".join(best) if best else self._surname_first(toks)

    def _surname_first(self, toks: tuple[str, ...]) -> str:
        """ "Li" for "Li Jifeng": a lone word that ends no full name but starts exactly one
        two-word name is a surname written first (or a first name), so that person. A word
        the text also writes in lower case ("Border agents") is a common word instead."""
        if len(toks) != 1 or (toks[0].isupper() and toks[0].isalpha()):
            return " ".join(toks)  # an acronym ("NWS") is no first name: not "NWS Collection"
        fulls = self.by_first.get(toks[0], ()) or self.by_penult.get(toks[0], ())
        if len(fulls) != 1 or self.writes_lower(toks[0].lower()):
            return " ".join(toks)
        full = next(iter(fulls))
        if len(full.split()) != 2 or self._place_like(toks[0]):
            return " ".join(toks)
        return full

    def _place_like(self, word: str) -> bool:
        """True for a word the text puts after "in", "into", "across" or "against" three
        times or more (not as an owner: "investors in Elon's companies"): "Israel" where
        Israel Katz is named once is the country ("the case against Israel", "aid in
        Israel"), not him; a person is seldom the object of those words that often.
        The words after them are counted in one scan, on first need."""
        if self._places is None:
            self._places = Counter(_AFTER_PLACE_PREP.findall(self._text))
        return self._places[word] >= PLACE_USES

    def in_quote(self, pos: int) -> bool:
        """True if `pos` lies inside one of the article's quotes."""
        return _inside(pos, self.skip)

    def person(self, raw: str, pos: int) -> str | None:
        """The person a capitalised phrase names, in full ("Steenburgen's" → "Mary
        Steenburgen"), or None unless it is a full name or a titled one-word name."""
        name = clean_name(raw)
        if not name or not_a_person(name):
            return None
        full = self.resolve(name, pos)
        return full if " " in full or self.is_titled(full) else None

    def is_person_like(self, name: str, pos: int) -> bool:
        """True for a full name, or a single word that stands for one or is used mid-sentence."""
        toks = name.split()
        return len(toks) > 1 or len(self.resolve(name, pos).split()) > 1 or self.mid[toks[0]] > 0

    def by_title(self, title: str, pos: int) -> str | None:
        """The person last given this title before `pos` ("the president" → Donald Trump)."""
        title = title.lower()
        found = [n for at, n in self.titled.get(title, []) if at < pos]
        if not found and title in _TITLE_ABBR:  # "the governor" after "Gov. Eric Holcomb"
            found = [n for at, n in self.titled.get(_TITLE_ABBR[title], []) if at < pos]
        return self.resolve(found[-1], pos) if found else None

    def is_titled(self, name: str) -> bool:
        """True for a one-word name the text gave a person's title ("Prince Andrew")."""
        if self._titled_names is None:
            self._titled_names = frozenset(n for ns in self.titled.values() for _, n in ns)
        return name in self._titled_names

    def is_known(self, name: str) -> bool:
        """False for a lone capitalised common word ("Prosecutors said", "Officials say")."""
        toks = name.split()
        if len(toks) > 1 or self.mid[toks[0]] > 0:
            return True
        low = toks[0].lower()
        return low not in COMMON_SOURCES and not self.writes_lower(low)

    @property
    def groups(self) -> GroupBook:
        """The article's groups named in passing, found on first need."""
        if self._groups is None:
            from ingest.groups import GroupBook

            self._groups = GroupBook(self._text)
        return self._groups

    def lower_words(self) -> frozenset[str]:
        """Every lower-case word of the text, computed on first need."""
        if self._lower is None:
            self._lower = frozenset(_LOWER_WORD.findall(self._text))
        return self._lower

    def writes_lower(self, word: str) -> bool:
        """True if `word` is one of `lower_words`. An article asks this of a few words,
        so each is looked up alone with substring searches (reading every word costs a
        scan of the whole text); past MAX_LOWER_ASKED words, or a word found too often
        inside others, the whole set is read after all."""
        if self._lower is not None:
            return word in self._lower
        found = self._lower_asked.get(word)
        if found is None:
            if len(self._lower_asked) < MAX_LOWER_ASKED:
                found = _whole_lower_word(self._text, word)
            if found is None:
                return word in self.lower_words()
            self._lower_asked[word] = found
        return found

    def body_before(self, pos: int, within: int = IT_WINDOW, noun: str = "") -> str | None:
        """The institution named last in the `within` characters before `pos`, outside
        quotes: "The Food Standards Agency warned people ... "...," it said" is the
        agency, not the chemical its statement names most; with a `noun`, one whose name
        ends with it ("wrote the center": the Storm Prediction Center)."""
        for at, raw in self._mentions_back(pos, within):
            words = raw.split()
            last = words[-1] if len(words) >= 2 else ""
            if (last == noun) if noun else _BODY_WORD.fullmatch(last):
                name = clean_name(with_of_tail(raw, self._text, at + len(raw)))
                if name and " " in name:  # not "The Company" itself
                    return name
        return None

    def _mentions_back(self, pos: int, within: int) -> Iterator[tuple[int, str]]:
        """The capitalised phrases of the `within` characters before `pos`, latest first."""
        mentions = self.mentions
        k = bisect_left(mentions, (pos,))
        while k > 0:
            k -= 1
            if mentions[k][0] < pos - within:
                return
            yield mentions[k]

    def relative(self, name: str, pos: int) -> str | None:
        """The one other person named before `pos` with the surname of `name` ("Donna
        Kelce" for "Travis Kelce's mom"), or None when there is none or several."""
        full = self.resolve(name, pos)
        toks = full.split()
        kin = [
            " ".join(other)
            for other, at in self.by_last.get(toks[-1], {}).items()
            if at < pos and len(other) >= 2 and other[0] != toks[0] and other[-1] == toks[-1]
        ]
        return kin[0] if len(kin) == 1 else None

    def last_match(self, rx: re.Pattern[str], pos: int, within: int) -> re.Match[str] | None:
        """The last match of `rx` in the `within` characters before `pos`, outside quotes."""
        last = None
        for m in rx.finditer(self._text, max(0, pos - within), pos):
            if not self.in_quote(m.start()):
                last = m
        return last

    def subject_body_before(self, pos: int, within: int = 2 * IT_WINDOW) -> str | None:
        """The organisation that last opened a sentence in the `within` characters before
        `pos`: "ConocoPhillips … has signaled it will remain cautious." then ""…," a
        company spokesperson said" is ConocoPhillips, not the country its words name most.
        An organisation here is one word that is no one's name and no common word
        (ConocoPhillips, FBI), or a name ending in an institution's word; a person (two
        words or more) or a people's adjective ("Chinese") is passed over."""
        text = self._text
        for at, raw in self._mentions_back(pos, within):
            lead = at - 4 if text[max(0, at - 4) : at] == "The " else at  # "The FBI told"
            if not _sentence_initial(text, lead):
                continue
            name = clean_name(raw)
            if not name or name.endswith(_POSSESSIVE) or not self._org_like(name, at):
                continue
            if _AND_NAME.match(text, at + len(raw)):
                continue  # "Customs and Border Protection": a name this reads only in part
            return name
        return None

    def _sentence_case_only(self, name: str) -> bool:
        """True for one word the text capitalises only where a sentence or quote starts
        ("Operating a vaccine program is not feasible"): a common word, no name."""
        return " " not in name and self.mid[name] == 0 and not _CAPITALS_INSIDE.search(name)

    def _org_like(self, name: str, pos: int) -> bool:
        """True for a lone word that is no person's name, no common word and no people's
        adjective, or for a name ending in an institution's word."""
        words = name.split()
        if len(words) > 1:
            return bool(_BODY_WORD.fullmatch(words[-1]))
        word = words[0]
        if is_peoples_adjective(word) or self._place_like(word):
            return False
        if self.resolve(word, pos) != word or self._sentence_case_only(word):
            return False  # a surname, or a common word opening a sentence ("Looking")
        return not self.writes_lower(word.lower())

    def organisation(self, context: str, phrase: str = "") -> str | None:
        """The most-mentioned capitalised word of `context`, as the organisation it names;
        first one whose words the `phrase` describes ("the production company" is Dick
        Clark Productions, not Big Machine Label Group)."""
        cands: list[str] = []
        for m in NAME_RE.finditer(context):
            name = clean_name(m.group(0))
            if not name or not self.is_known(name) or self._sentence_case_only(name):
                continue
            if _AMOUNT_AFTER.match(context, m.end()):
                continue  # "RM6.1 million", "USD 5bn": a currency, not a body
            if " " not in name and is_peoples_adjective(name):
                continue  # "Chinese" in "illicit Chinese activities" names no one
            cands.append(name)
        if not cands:
            return None
        stems = [w[:6] for w in _MODIFIER.findall(phrase) if not _ORG_NOUNS.match(w)]
        if stems:
            described = [n for n in cands if any(w.lower()[:6] in stems for w in n.split()[1:])]
            cands = described or cands
        return max(cands, key=lambda n: (self.caps[n.split()[0]], -cands.index(n)))


# A capitalised joining word inside a phrase makes it a title, not a person's name
# ("Fighting Back From VMAs Drama"); a region's words make a place ("Middle East").
_NOT_A_PERSON = re.compile(r"\s(?:From|To|With|For|And|The|In|On|At|By|Of|Is|Are|Who)\s")
_REGION = re.compile(
    r"(?:Middle|Far|Near)\s+East|(?:Latin|Central|North|South)\s+America|"
    r"(?:Central|East|South|Southeast|West)\s+Asia|(?:West|East|North|Central)\s+Africa|"
    r"(?:Eastern|Western|Central)\s+Europe|Asia[\s-]Pacific"
)


INSTITUTION_WORD = (
    r"(?:Ministry|Department|University|College|Institute|Bank|Council|Office|Agency|"
    r"Commission|Committee|Board|Bureau|Court|School|Academy|Society|Federation|Association|"
    r"Union|Church|Chamber|Museum|Cent(?:re|er)|League|Organi[sz]ation)"
)
_ORG_OF_TAIL = re.compile(rf"\s+(?:of|for)\s+(?:the\s+)?{NAME}")
_ENDS_INSTITUTION = re.compile(rf"{INSTITUTION_WORD}$", re.I)


def with_of_tail(who: str, text: str, end: int) -> str:
    """`who` with the "of …" that completes an institution's name after it in `text`
    ("The Royal College" + " of GPs"), or `who` itself."""
    if not _ENDS_INSTITUTION.search(who):
        return who
    m = _ORG_OF_TAIL.match(text, end)
    return who + m.group(0) if m else who


def not_a_person(name: str) -> bool:
    """True for a capitalised phrase that is a headline or a region, not anyone's name.
    Three words joined so may be an organisation's ("Save The Children", "Moms For
    Liberty"); a headline runs longer ("Fighting Back From VMAs Drama")."""
    spaces = name.count(" ")
    if spaces == 0:
        return False
    if _REGION.fullmatch(name):
        return True
    return spaces >= 3 and bool(_NOT_A_PERSON.search(name))


_WORD_BEFORE = re.compile(r"\b([a-z]+)[ \t]+$")
_AMOUNT_AFTER = re.compile(r"\s?\d")
# The lower-case words before an organisation noun: "the (production) company".
_MODIFIER = re.compile(r"\b([a-z]{4,})\s+(?=[a-z]+$)")


# The last word of an institution's name, for `NameBook.body_before`.
_BODY_WORD = re.compile(
    r"Agency|Administration|Authority|Board|Bureau|Commission|Committee|Corporation|"
    r"Council|Department|Foundation|Institute|Ministry|Office|Organi[sz]ation|Police|"
    r"Service|Association|Federation|Union|Party|University|Court|Cent(?:er|re)|Programme|"
    r"Program|Bank|Fund|Network|College|School|Academy|Society|Museum|League"
)
_AFTER_PLACE_PREP = re.compile(r"\b(?:in|into|across|against)\s+([A-Z][\w\-]*)(?![\w\-’']|[’']s)")
PLACE_USES = 3  # uses after those prepositions that make a lone word a place
_AND_NAME = re.compile(r"\s+(?:and|&)\s+[A-Z]")
_CAPITALS_INSIDE = re.compile(r".[A-Z]")  # ConocoPhillips, FBI: a name wherever it stands
# "Chinese", "Venezuelan", "Israeli", "French": a people's adjective opens sentences too.
_PEOPLE_SUFFIX = re.compile(r"(?:ese|[ie]an|can|i|ic)$")
_PEOPLE_WORDS = word_set(
    """French Swiss Dutch Greek Thai British Irish Welsh Scottish Polish Danish Czech Turkish
    Spanish Finnish Swedish Kurdish English Flemish Scots"""
)


def is_peoples_adjective(word: str) -> bool:
    """True for a word that may be a people's adjective ("Chinese", "French"): such a word
    names no organisation and no speaker. A guess by ending, so only for single words the
    text uses where an organisation or a name could stand."""
    return word in _PEOPLE_WORDS or (not word.isupper() and bool(_PEOPLE_SUFFIX.search(word)))


def org_noun(phrase: str) -> bool:
    """True for "the company", "the airline", "it": references to an organisation."""
    return bool(_ORG_NOUNS.search(phrase)) or phrase.strip().lower() == "it"


_OPENERS = frozenset(".!?\"“”‘'\n:—–([")  # what a sentence, paragraph or quote starts after


def _sentence_initial(text: str, pos: int) -> bool:
    """True when `pos` starts a sentence, paragraph or quote, where every word is capitalised."""
    head = text[:pos].rstrip(" \t")
    return not head or head[-1] in _OPENERS


def _outside(text: str, skip: list[tuple[int, int]], limit: int) -> list[re.Match[str]]:
    """The first `limit` capitalised phrases of `text` outside the sorted, non-overlapping
    `skip` spans: only the text between them is scanned, so quoted words cost nothing."""
    found: list[re.Match[str]] = []
    at = 0
    for lo, hi in skip:
        if lo > at:
            found.extend(islice(NAME_RE.finditer(text, at, lo), limit - len(found)))
        at = max(at, hi)
    found.extend(islice(NAME_RE.finditer(text, at), limit - len(found)))
    return found


def _whole_lower_word(text: str, word: str, tries: int = 64) -> bool | None:
    """Whether `_LOWER_WORD` finds `word` in `text`: a run of a-z with neither a word
    character nor an apostrophe on either side; None after `tries` occurrences inside
    other words. (An occurrence that starts inside a rejected one follows a letter, so
    the search goes on from the rejected one's end.)"""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return False  # _LOWER_WORD reads only runs of a-z
    n, at = len(text), text.find(word)
    while at >= 0 and tries > 0:
        end = at + len(word)
        if (at == 0 or not _word_char(text[at - 1])) and (end == n or not _word_char(text[end])):
            return True
        tries -= 1
        at = text.find(word, end)
    return False if at < 0 else None


def _word_char(ch: str) -> bool:
    """`[\\w'’]` for one character: what may not touch a whole word."""
    return ch.isalnum() or ch in "_'’"


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True if `pos` lies in one of the sorted, non-overlapping `spans` (binary search)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
