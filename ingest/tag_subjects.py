"""Who a speech tag names, and the two tag shapes built on it: "X said" and "said X".

The subject of a tag is a name, a pronoun, a title ("the president"), an organisation's
spokesperson or statement ("a spokesperson for X", "X's rep"), a ministry named by its
country, or a group in the plural ("the physicians"). `attribution` builds its other
tag patterns from these pieces and reads the windows around a quote with them.

WHO_VERB and SAID_WHO scan every stretch of prose between quotes, so they are written to
start with a character class, which a search skips to in C; `PLAIN_FORMS` keeps the
plain form of each, and a test checks that the two forms have the same matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.name_patterns import NAME, NAME_REST, PARTICLE_NAME, UP
from ingest.speech_verbs import VERB_ALTS, by_initial, words_of

PRON = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)"
_TITLES = (
    r"(?:\d+-year-old|president|governor|senator|mayor|minister|prime minister|"
    r"chancellor|coach|manager|judge|secretary|ceo|chairman|chairwoman|commissioner|sheriff|"
    r"congressman|congresswoman|lawmaker|founder|chief executive|striker|quarterback|"
    r"premier|pope|king|queen|prince|ambassador|official|actor|actress|singer|star|"
    r"guitarist|drummer|bassist|rapper|songwriter|frontman|frontwoman|economist|analyst|expert|"
    r"researcher|scientist|professor|doctor|lawyer)\b"
)
# "the singer and guitarist told the audience": two roles of one person.
_TITLE_TAIL = rf"\s+{_TITLES}(?:\s+and\s+{_TITLES})?"
TITLE_REF = rf"[Tt]he{_TITLE_TAIL}"
# A document that names its author speaks for it: "said a report from Kotak Institutional
# Equities" (the firm), "a note by Goldman Sachs said"; unnamed, a report is no speaker.
# So does whoever a spokesperson speaks for: "Swift's rep told Fox News" (Swift).
_ORG_ARTICLE = (
    r"\s+(?:[\w\-]+\s+){0,2}?(?:(?:spokes(?:man|woman|person)|representative|"
    rf"company|firm|agency|department|airline|carrier|bank|group|statement|letter|ministry)"
    rf"(?:\s+(?:for|of|at|from)\s+(?:the\s+)?{NAME})?|"
    rf"(?:report|note|study|survey|analysis)\s+(?:from|by)\s+(?:the\s+)?{NAME})"
)
# (and "Travis Kelce's mom confirmed": a relative of the person named, see KIN)
KIN = r"mom|mum|mother|dad|father|wife|husband|son|daughter|brother|sister"
_ORG_POSS = (
    rf"[\w\-]*(?:[ \u00a0][{UP}][\w\-]*)?['’‘]s\s+"
    rf"(?:spokes(?:man|woman|person)|representative|rep(?!\.)|{KIN})\b"
)
ORG_REF = rf"(?:[Tt]he|[Aa]n?){_ORG_ARTICLE}|[{UP}]{_ORG_POSS}"
# A ministry, embassy, army or government named by its country speaks as itself: "Russia's
# foreign ministry said", "The French foreign ministry said", "the Russian and Syrian
# defense ministries accused", "The Indian army said" (no person is named, the office is).
_OFFICE_THE = rf"\s+[{UP}][\w\-]*(?:\s+and\s+[{UP}][\w\-]*)?"
_OFFICE_POSS = r"[\w\-]*['’]s"
OFFICE_NOUNS = ("ministry", "embassy", "army", "military", "navy", "government")
_OFFICE_NOUNS = r"ministry|ministries|embassy|embassies|army|military|navy|government"
# (the office's name may be capitalised: "Russia's Defense Ministry")
_OFFICE_TAIL = rf"\s+(?:[a-z]+\s+|[{UP}][a-z]+\s+(?=[{UP}]))?(?i:{_OFFICE_NOUNS})\b"
OFFICE_REF = rf"(?:[Tt]he{_OFFICE_THE}|[{UP}]{_OFFICE_POSS}){_OFFICE_TAIL}"


def office_ref(noun: str) -> str:
    """OFFICE_REF for one of OFFICE_NOUNS only: "the ministry said" means the ministry
    named last, not an embassy or an army named since."""
    return (
        rf"(?:[Tt]he{_OFFICE_THE}|[{UP}]{_OFFICE_POSS})\s+"
        rf"(?:[a-z]+\s+|[{UP}][a-z]+\s+(?=[{UP}]))?(?i:{noun})\b"
    )


# "the physicians stated": a plural common noun, resolved through the article's groups.
_GROUP_TAIL = r"\s+[a-z]+s(?=\s)"
_GROUP_REF = rf"[Tt]he{_GROUP_TAIL}"
_WHO = rf"(?P<who>{OFFICE_REF}|{ORG_REF}|{TITLE_REF}|{_GROUP_REF}|(?>{NAME})|{PRON}\b)"
# `_WHO` at a word start, written to start by reading its first character from a class
# (a capital or the first letter of the, a, an, he, she, they, it), so that a search
# skips in C to the next place a subject can start; each branch then checks with a
# lookbehind which character it was. Same branches, same order, same matches.
_THE_READ = r"h(?<=[Tt]h)e"
_WHO_AT_WORD = (
    rf"(?P<who>[{UP}ahist](?<![\w'’].)(?:"
    rf"(?:{_THE_READ}{_OFFICE_THE}|(?<=[{UP}]){_OFFICE_POSS}){_OFFICE_TAIL}|"
    rf"(?:{_THE_READ}|(?<=[Aa])n?){_ORG_ARTICLE}|(?<=[{UP}]){_ORG_POSS}|"
    rf"{_THE_READ}{_TITLE_TAIL}|{_THE_READ}{_GROUP_TAIL}|(?>(?<=[{UP}]){NAME_REST})|"
    r"(?:e(?<=[Hh]e)|h(?<=[Ss]h)e|h(?<=[Tt]h)ey|t(?<=[Ii]t))\b))"
)
# Possessive clauses (a clause has no comma, so it always ends at the next one) and an
# atomic name keep a window full of "Ab Cd, Ab Cd, ..." junk linear.
_CLAUSE = r"[^,\"“”«»\n]"
_ROLE_PLAIN = rf"(?P<role>(?:\s*,\s*{_CLAUSE}{{1,160}}+){{1,5}}\s*,)?"
# The same role, read once per clause: after a comma the engine would try the clause
# from every space that follows it, so five clauses cost up to 2^5 tries of the rest.
# Starting after the last space reaches every comma an earlier start reaches: spaces
# other than a line break are clause characters, so an earlier start runs to the same
# comma, or is cut at 160 characters where only spaces can lead on to it. The earlier
# starts are tried only where that one cannot start a clause: before another comma, a
# quote mark, a line break or the end.
_CLAUSE_AFTER_COMMA = rf"(?:\s*+{_CLAUSE}{{1,160}}+|(?=\s*+(?!{_CLAUSE}))\s*{_CLAUSE}{{1,160}}+)"
_ROLE = rf"(?P<role>(?:\s*+,{_CLAUSE_AFTER_COMMA}){{1,5}}\s*+,)?"
ADV = (
    r"(?:\s+(?:\w+ly|has|had|have|would|will|also|later|then|once|previously|first|again|"
    r"further|recently|earlier|still|often|publicly|privately|had|then|"
    # "Vikram Misri in a news briefing in New Delhi accused …": where the words were said
    r"in\s+an?\s+(?:[a-z\-]+\s+)?(?:briefing|interview|statement|speech|address|post|letter|"
    r"video|conference)(?:\s+(?:in|at|on|with|to)\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)?)?"
    r")){0,2}"
)
# Verbs of rejection report speech only after their subject ("The Pentagon rejected the
# claims as "..."): after the verb a name is their object.
_SUBJECT_VERB_ALTS = (
    rf"{VERB_ALTS}|reject(?:s|ed)|dismiss(?:es|ed)|denounc(?:es|ed)|condemn(?:s|ed)|"
    r"den(?:y|ies|ied)|rebuk(?:es|ed)|prais(?:es|ed)|hail(?:s|ed)|accus(?:es|ed)"
)
_SUBJECT_VERB = by_initial(_SUBJECT_VERB_ALTS)
# "he'd respond", "she'll say": a contracted modal between subject and verb.
# "councillor Margaret Clarke, who said": a relative clause about the name reports its
# speech (without the comma, "an Oklahoma Republican who warned" is a role's noun).
_WHO_VERB_TAIL = rf"{_ROLE}(?:,\s+who\b)?(?:['’](?:d|ll)\b)?{ADV}\s+{_SUBJECT_VERB}\b"
_WHO_VERB_TAIL_PLAIN = _WHO_VERB_TAIL.replace(_ROLE, _ROLE_PLAIN)
# "X said", "X, a doctor, said"
WHO_VERB = re.compile(_WHO_AT_WORD + _WHO_VERB_TAIL)
# Lower-case role words between a verb and a name: "says veteran industry analyst Ken
# Doctor", "said former president Barack Obama". The last one must look like a role noun.
_NOT_ROLE = r"(?!(?:after|under|over|whether|later|either|neither|never|ever|rather|her|der|den)\b)"
_ROLE_NOUN = (
    r"(?:(?:[a-z]+-)?[a-z]+(?:ist|yst|er|or|ian|ant|ent|man|woman|person|ee)|coach|chef|chief|"
    r"judge|aide|"
    r"attorney|expert|nurse|pilot|star|captain|boss|rabbi|imam)"
)
# (a word may be an owner's: "says the resort's general manager Garrett Turta")
DESC = rf"(?:{_NOT_ROLE}[a-z][\w\-]*(?:['’]s)?\s+){{0,3}}?{_NOT_ROLE}{_ROLE_NOUN}\s+"
# "said SpaceX would fly": a name followed by its own verb starts the reported clause.
_AUX = (
    r"(?:would|will|could|can|should|may|might|must|is|was|were|are|has|had|have|did|does|"
    r"do|had|wants?|wanted|plans?|planned|needs?|needed)"
)


# A plural noun right after the name makes the name its modifier and the pair the
# reported clause's subject: "said Pakistani troops “…”", "said Trump supporters".
_PLURAL = (
    r"(?!(?:this|as|was|has|is|his|its|yes|thus|plus|less|unless|always|perhaps|"
    r"afterwards|towards|besides|nevertheless|regardless|whereas)\b)[a-z]+s\b"
)


def _verb_who(verbs: str, ends: str = "") -> tuple[str, str]:
    """An inverted tag, `said X` (optionally `said analyst X, the role`, `wrote
    43-year-old X`, or `responded NASA administrator X`: the role's organisation before
    it), for the alternation `verbs`; `ends` may require what follows the name. Returns
    its plain form, and a fast form that starts with the verbs' first letters (see
    `by_initial`): the same matches."""
    rest = (
        rf"\s+(?:\d+-year-old\s+)?(?:(?:[{UP}][\w\-&]*\s+){{0,2}}{DESC})?"
        rf"(?P<who>{ORG_REF}|(?>{NAME})|(?>{PARTICLE_NAME}))(?!\s+{_AUX}\b|\s+{_PLURAL}){ends}"
        r"(?P<role>\s*,\s*[^,.;\"“”«»\n]{1,120})?"
    )
    plain = rf"(?=[a-z])(?<![\w'’])(?!tells?\b|told\b){by_initial(verbs)}{rest}"
    # at a word start, and not "tell", "tells" or "told"
    after_first = r"(?<![\w'’].)(?!(?<=t)(?:ells?|old)\b)"
    return plain, by_initial(verbs, after_first) + rest


# The plain forms of the scan patterns written to start with a character class: the tests
# check that each has exactly the same matches.
PLAIN_FORMS: dict[str, str] = {
    "WHO_VERB": rf"(?=[A-Za-z{UP}])(?<![\w'’]){_WHO}{_WHO_VERB_TAIL_PLAIN}",
}
# Every WHO_VERB match ends with a subject verb after a space and before a word boundary,
# so no match starts after the window's last such verb. It is looked for from the end,
# in the reversed window: a verb spelt backwards, after a non-word character (or the
# window's end) and before a space.
_REVERSED_VERBS = by_initial("|".join(sorted({w[::-1] for w in words_of(_SUBJECT_VERB_ALTS)})))
_LAST_VERB = re.compile(rf"\W{_REVERSED_VERBS}(?=\s)")
_VERB_AT_END = re.compile(rf"{_REVERSED_VERBS}(?=\s)")


def who_verb(window: str) -> Iterator[re.Match[str]]:
    """The matches of `WHO_VERB.finditer(window)`, scanning only up to the end of the
    window's last subject verb: the text after it, often most of the window, cannot hold
    a match, and cutting the window there changes none (nothing in WHO_VERB looks past
    the word boundary after its verb)."""
    rev = window[::-1]
    if _VERB_AT_END.match(rev):
        return WHO_VERB.finditer(window)
    last = _LAST_VERB.search(rev)
    return WHO_VERB.finditer(window, 0, len(window) - last.start() - 1) if last else iter(())


# "Israel's chief military spokesperson, Rear Admiral Daniel Hagari, said": the name closes
# an apposition that its role opens, so WHO_VERB (a subject, then its role) cannot read it.
APPOSED_WHO = re.compile(rf",[ \u00a0](?P<who>(?>{NAME})),{ADV}\s+{_SUBJECT_VERB}\b")
# "Officials in Tampa, Florida, said": a capitalised word ending the clause before the
# apposition's comma makes the name after it a place's second part, not a role's name.
_CAPITALISED_END = re.compile(r"[A-Z][\w\-]*\s*$")


def place_before(text: str, comma: int) -> bool:
    """True when the clause ending at the apposition's `comma` ends in a capitalised word."""
    return bool(_CAPITALISED_END.search(text, max(0, comma - 40), comma))


# (Most letters start some verb: there the plain form is the faster one.)
VERB_WHO = re.compile(_verb_who(VERB_ALTS)[0])
# In prose between quotes only the plain tag verbs invert: "called Omar a", "urged Mr.
# Trump to" have the name as their object, and the name must end the clause: in "said
# Starship lunar lander missions could" it starts the reported one.
PLAIN_FORMS["SAID_WHO"], _fast = _verb_who(
    "said|says|added|adds|wrote|writes|explained|noted", r"(?=\s*[,.;])"
)
SAID_WHO = re.compile(_fast)
