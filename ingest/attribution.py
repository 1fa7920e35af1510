"""Who said a quote: attribution patterns around a quoted span.

News prose attributes quotes with a handful of constructions ("...," says X / X said /
said X, the ... / X, a doctor, said / according to X / X tells Outlet / X: "..."). This
module matches those constructions in the text just before and just after a quote, and
classifies the matched subject as a named person, a pronoun (resolved by the caller to the
last speaker), an organisation (a spokesperson, "the company") or an unnamed source.
How a subject is written, and the "X said" / "said X" shapes, are in `tag_subjects`.
The patterns only ever run on short, bounded windows, so they cannot blow up on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.name_patterns import NAME, PARTICLE_NAME, UP
from ingest.names import (
    INSTITUTION_WORD,
    IT_WINDOW,
    TITLES,
    NameBook,
    clean_name,
    not_a_person,
    org_noun,
    split_title,
    with_of_tail,
)
from ingest.speech_verbs import GERUND, GERUND_ALTS, VERB, VERB_ALTS, by_initial
from ingest.tag_subjects import (
    ADV,
    DESC,
    KIN,
    OFFICE_NOUNS,
    OFFICE_REF,
    ORG_REF,
    PRON,
    TITLE_REF,
    VERB_WHO,
    WHO_VERB,
    office_ref,
    place_before,
    who_verb,
)

# A described name right after a quote whose description runs into the tag with no comma
# to close it: "Kurinji Selvaraj, a research analyst at the Council on Energy,
# Environment and Water think tank told CBS News." The description opens with an article
# or a role's lower-case word ("Chad Hawk, vice president of PMG, a … company told Fox").
_LOOSE_ROLE_TAG = re.compile(
    rf"(?P<who>(?>{NAME})),\s+(?:a|an|the|(?!(?:and|or|but|who|which)\b)[a-z][\w\-]*)\s+[^\"“”«»\n.;:]{{1,200}}?\s"
    r"(?:said|says|told|tells|added|adds|wrote|writes)\b"
)
# A document its owner's name goes with: "“…,” TNO's report said." The owner speaks.
_OWNED_DOC_TAG = re.compile(
    rf"(?P<who>(?>{NAME}))(?<=['’]s)\s+(?:[a-z]+\s+)?"
    r"(?:report|statement|letter|study|filing|complaint|lawsuit|analysis|survey|ruling)\s+"
    rf"{VERB}\b"
)
# Verbs that tell speech only where they close a tag ("“…,” Kelce shared." or "She
# revealed:"): elsewhere they take an object ("shares the formula").
_TELLING = (
    r"(?:shar(?:es|ed)|reveal(?:s|ed)|gush(?:es|ed)|mus(?:es|ed)|confess(?:es|ed)|"
    r"reflect(?:s|ed)|summari[sz](?:es|ed)|rejoin(?:s|ed))"
)
_TELLS_TAG = re.compile(rf"(?P<who>(?>{NAME}|{PRON}))(?:\s+\w+ly)?\s+{_TELLING}\s*[.,!?]")
_TELLS_COLON = re.compile(rf"(?P<who>(?>{NAME}|{PRON}))\s+{_TELLING}\s*:\s*$")
# A role before the name, both in commas, after a quote: ", Sweden's deputy director of
# public prosecutions, Eva-Marie Persson, said on Tuesday."
_ROLE_FIRST_TAG = re.compile(
    rf"(?:[{UP}][\w\-]*['’]s\s+|(?:the|an?)\s+)?(?:[\w\-’']+\s+){{0,7}}?[a-z][\w\-]*,\s+"
    rf"(?P<who>(?>{NAME})),\s+{VERB}\b"
)
# "Paganini and his team wrote": the named lead speaks for the team.
_LEAD_AND_TEAM = re.compile(
    rf"(?P<who>(?>{NAME}))\s+and\s+(?:his|her|their)\s+(?:[a-z]+\s+)?"
    rf"(?:team|colleagues|co-?authors|collaborators|staff)\s+(?:{ADV}\s+)?{VERB}\b"
)
# An unnamed source starts lower-case but may hold a name: "one Weibo commenter said".
# A preposition starts no source: in ""…" with phone calls and" the verb-like "calls" is
# a noun.
_AFTER_UNNAMED = re.compile(
    r"^[\s,—–\-]*(?!(?:with|of|in|on|for|to|from|at|about|into|over|during)\b)"
    rf"(?P<who>[a-z][\w\-’']*(?:\s+[\w\-’']+){{0,5}}?)\s+{VERB}\b"
)
_AFTER_VERB_UNNAMED = re.compile(rf"^[\s,—–\-]*{VERB}\s+(?P<who>[a-z][^,.;:\"“”«»\n]{{0,80}})")
# "according to a 2018 survey by Penelope Muse Abernathy": the author speaks.
_WORK_BY = (
    r"(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?:survey|report|study|analysis|poll|paper|book|"
    r"review|memo|audit|filing|complaint|lawsuit)\s+(?:by|from|of)\s+(?:the\s+)?"
)
# "according to his aunt, Jane Starner, "..."": the name in apposition to a role speaks.
_APPOSED = (
    rf"(?:(?:his|her|their|its|the|an?)\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*,\s+"
    rf"(?={NAME},))"
)
# An institution named with "of" or "for": the New Zealand Department of Conservation.
_INSTITUTION_OF = (
    r"(?:[A-Z][\w\-’']*\s+){0,4}(?:Department|Ministry|University|Bank|Institute|Office|"
    r"Bureau|Council|School|College|Museum|Academy|Board|Court|Chamber|Federation|"
    r"Association|Society|Centre|Center|Commission|Agency)\s+(?:of|for|on)\s+(?:the\s+)?"
    r"[A-Z][\w\-’']*(?:\s+(?:and\s+)?[A-Z][\w\-’']*){0,3}"
)
_INSTITUTION_RE = re.compile(_INSTITUTION_OF)
# "according to a Moody's Analytics' forecast in June": the owner of the work speaks.
_OWNED = (
    r"['’]s?\s+(?:[\w\-]+\s+)?(?:forecast|report|survey|study|analysis|poll|estimates?|"
    r"statement|data|projections?|research|figures)\b"
)
_OWNER = rf"{NAME}(?={_OWNED})"
# "according to Google Search lead Liz Reid": an organisation and a role before the name.
_ORG_ROLE_BEFORE = (
    r"(?:(?:the\s+)?(?:[A-Z][\w&.\-’']*\s+(?:of\s+)?){1,3}(?:[a-z][\w\-]*\s+){0,2}"
    r"(?:lead|head|executive|officer|chief|president|secretary|minister|spokes(?:man|woman|person)|"
    r"[a-z]+(?:ist|yst|er|or|ian|ant|man|woman))\s+(?=[A-Z][\w\-’']+\s+[A-Z]))"
)
ACCORDING = re.compile(
    rf"\b[Aa]ccording to\s+(?:(?:an?|the)\s+(?={_OWNER}))?"
    rf"(?:{_WORK_BY}|{_APPOSED}|{_ORG_ROLE_BEFORE})?"
    rf"(?P<who>{_OWNER}|{ORG_REF}|(?:the\s+)?{_INSTITUTION_OF}|(?:the\s+)?{NAME}|"
    rf"(?:[a-z][\w\-’']*\s+){{0,5}}[\w\-’']+)"
)
_COLON = re.compile(
    rf"(?P<who>{TITLE_REF}|{NAME}|{PRON})\s*(?:{ADV}\s+{VERB}[^:\"“”]{{0,60}})?:\s*$"
)
# A name labelled by a common noun after a preposition is that preposition's object, not
# the subject of the verb after it: "The authors of the research published in the journal
# JAMA Psychiatry argued". (A bare "of State Mike Pompeo said" is a title.)
_PREP_BEFORE = re.compile(
    r"\b(?:in|of|at|from|for|with|by|on|about)\s+(?:the|a|an)\s+"
    r"(?:(?!statement|interview|email|letter|post|tweet|video|speech|release)[a-z]+\s+){1,2}$"
)
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|and|or|to|for|of|from|by|about|at|in|on|than|like|between)\s+(?:the\s+)?$"
)
_OPENING_SUBJECT = re.compile(rf"\s*(?P<who>{NAME}(?<![’'‘]s)|{PRON}\b)(?=\s*,|\s+[a-z])")
# "According to AFP, one user on Weibo … posted": the outlet only relays an unnamed source.
_RELAYED = re.compile(r",\s+(?:one|an?|another|some|several|two|three|many)\s+[a-z]")
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they"})
_BARE_PREP = re.compile(r"\b(?:of|for|at|from|in|to)\s+$")
_TOLD = re.compile(r"\b(?:told|tells?|telling)\s+$")
# Words a subject is left to wonder or asks itself, set off by a colon: "The board will be
# left to wonder: "…"", "Fans asked themselves: "…"". The subject speaks (or thinks) them.
# Only auxiliaries and adverbs stand between name and verb: in "Apple fans wonder:" or
# "Tesla owners are left to wonder:" the name qualifies a noun, which is the subject; in
# "The question Smith never asked himself:" the name opens a relative clause.
_WONDER_BETWEEN = (
    r"will|would|may|might|must|can|could|is|are|was|were|be|been|has|have|had|left|to|"
    r"now|still|only|all|just|never|surely"
)
_WONDER = re.compile(
    rf"(?P<who>(?>{NAME}))\s+(?:(?:{_WONDER_BETWEEN})\s+){{0,5}}(?:wonder(?:s|ed|ing)?|"
    r"ask(?:s|ed|ing)?\s+(?:themselves|himself|herself|itself))(?:\s+aloud)?\s*:\s*$"
)
_RELATIVE_HEAD = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Oo]ne)\s+[a-z]+\s+$")
# The lower-case words before the subject ("but", "and then") hold no speech verb: in
# "..., but said SpaceX would", SpaceX is the object. An opening "X, a spokesperson for
# Y," is no introductory clause: X is the subject, Y only the role's object.
_APPOSITIVE = r"(?!(?:an?|the)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:for|of|at|with|to|from)\s)"
SUBJECT = re.compile(
    rf"^(?P<opening>[^,\"“”\n]{{1,60}},\s+{_APPOSITIVE})?(?:(?!{VERB}\b)[a-z]+\s+){{0,3}}?"
    rf"(?P<who>{NAME})(?(opening)(?<![’']s))(?:\s*,[^,\"“”]{{1,220}},|,)?\s+[a-z]"
)
# (A possessive after an opening phrase is no subject: "Bergeron chimed in, noting that
# Brooke's offer was" is Bergeron's; "Jane Okafor's early records" still opens on her.)
# A name opening a paragraph as its subject, with an optional aside: "Buser, however, is".
PARA_SUBJECT = re.compile(rf"(?P<who>{NAME})(?<![’']s)(?:,[^,\"“”\n]{{1,220}},)?\s+[a-z]")
# The subject of the sentence just before a quote, after an optional role: "Wild
# defenseman Ryan Suter, who joked about it, could see".
# Or after an opening phrase, with a party-state tag: "At a hearing last month, Rep.
# Robert Aderholt (R-AL), ranking member of the subcommittee, pushed for".
LAST_SUBJECT = re.compile(
    rf"(?:(?:[{UP}][\w\-]*\s+)?{DESC}|(?:At|In|On|During|After)\s[^,\"“”\n]{{1,100}},\s+)?"
    rf"(?P<who>{NAME})(?<![’']s)"
    r"(?:\s+\([A-Z]-[A-Z]{2}\))?(?:,[^,\"“”\n]{1,220},)?\s+[a-z]"
)
_PRONOUN_GENDER = {"he": "m", "she": "f", "they": "p"}
# A sentence that closes by naming whose speech it reports: "..., Howitt says."
CLOSING_TAG = re.compile(
    rf",\s+(?P<who>{NAME})\s+(?:said|says|added|adds|wrote|writes|noted|notes|argued|argues|"
    r"explained|explains)\s*\.[\"”’)]*\s*$"
)
# Compiled once: classify runs for every attribution candidate of every article.
_ARTICLE = re.compile(r"^(?:a|an|the)\s+")
_TITLE_RE = re.compile(TITLE_REF)
_OFFICE_RE = re.compile(OFFICE_REF)
_OFFICE_NOUN = re.compile(rf"the\s+({'|'.join(OFFICE_NOUNS)})")
_OFFICE_OF = {noun: re.compile(office_ref(noun)) for noun in OFFICE_NOUNS}
# Nouns that say only that a business speaks: "a company spokesperson", "the bank". A
# police, party or agency spokesperson speaks for a body those words name, never for
# whichever organisation opened the last sentence.
_GENERIC_ORG = re.compile(
    r"\b(?:company|firm|bank|carrier|airline|startup|lender|insurer|retailer|automaker)\b"
)
_SPOKES_RE = re.compile(
    r"spokes|representative|['’]s rep\b(?!\.)|statement|"
    r"\b(?:report|note|study|survey|analysis)\s+(?:from|by)\b"
)
_THE_SPOKES = re.compile(r"the\s+spokes(?:person|man|woman)")
_KIN_RE = re.compile(rf"(?:[Tt]he\s+)?({NAME})['’‘]s\s+(?:{KIN})")
_ORG_AFTER = re.compile(rf"\b(?:for|of|at|from|by)\s+(?:the\s+)?({NAME})\s*$")
_ORG_BEFORE = re.compile(
    rf"\b({NAME})(?:['’]s\s+rep\b(?!\.)|(?:['’]s)?\s+(?:spokes|representative))"
)
# A spokesperson's own name in apposition: ", Mark Truby," (a full name, alone in its clause).
_NAMED_ROLE = re.compile(rf"\s*,\s*((?:[{UP}][\w\-’'.]*\s+){{1,3}}[{UP}][\w\-’']+)\s*,\s*$")
_THE_NAME = re.compile(r"^the\s+(?=[A-Z])")
THE_ANY = re.compile(r"^[Tt]he\s+")
# An organisation's own name ending in its kind ("The Carlyle Group", "Acme Holdings
# Company"): it names itself, not an organisation of the context as "the group" does.
# Two capitalised words besides a leading "The": "The Company", "The Ministry" are the
# context's organisation, capitalised as house style has it.
_OWN_ORG_NAME = re.compile(r"(?:[Tt]he\s+)?((?![Tt]he\s)(?:[A-Z][\w&.\-’']*\s+){1,4}[A-Z][\w\-]*)")
_THAT = re.compile(r"\s+that\b")
# "Big Machine has denied Swift's claims, saying …": a possessive before a verb's "-s"
# form makes a noun of it (her claims, his remarks); "Swift's said" is "Swift has said".
_POSSESSED_NOUN = re.compile(r"['’]s\s+[a-z]+s$")
_THE_NOUN = re.compile(r"the\s+([a-z]+)")
_DOC_REF = re.compile(r"the\s+(statement|letter|email)")
SPEECH_IN = re.compile(rf"\b{by_initial(VERB_ALTS + '|' + GERUND_ALTS)}\b")
# A tag that ends the sentence with a described name: ', said another witness in the
# probe, former White House Russia adviser Fiona Hill.' The name closes the sentence.
_LATE_TAG = re.compile(
    r"\b(?:said|says|added|testified|wrote)\s+(?:another|a|an|the|one)\s+[a-z][^,.;\"“”\n]{0,80},"
    rf"\s+(?:[^,;\"“”\n]{{0,80}}?\s)?(?P<who>{NAME})\s*[.!?]?\s*$"
)
# "with Jordanian Foreign Minister Ayman Safadi warning of "...": a name whose gerund
# leads straight into the quote.
# The cheap test first: does the window end with a gerund at all?
GERUND_TAIL = re.compile(rf"{GERUND}(?:\s+(?:of|that|about|against|it|them))?[\s,:]*$")
NAME_GERUND = re.compile(
    rf"(?<![\w'’])(?P<who>{NAME})\s+{GERUND}(?:\s+(?:of|that|about|against|it|them))?[\s,:]*$"
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """A matched attribution: `kind` is named, pronoun, subject (a pronoun that opens a
    sentence of narrative), it (a pronoun that can only mean an organisation), org,
    document ("the statement", its owner if the text said whose) or unnamed."""

    kind: str
    speaker: str | None
    role: str | None = None
    gender: str | None = None  # of a pronoun: "m" for he, "f" for she, "p" for they


def _role(raw: str | None) -> str | None:
    """The first comma clause after a name, as its role ("head of ... at OpenAI")."""
    if not raw:
        return None
    first = raw.strip().lstrip(",").split(",")[0].strip()
    first = _ARTICLE.sub("", first)
    if not first or first.split()[0].lower() in {"who", "which", "that", "whose", "where"}:
        return None
    return first


_THE_BODY = re.compile(r"the\s+([a-z]+)")
# "the expert", "the king": one person's role, meant as a pronoun is (not "the experts").
_THE_ROLE = re.compile(
    r"the\s+(expert|king|queen|prince|princess|director|researcher|author|scientist|"
    r"economist|analyst|doctor|professor|lawyer|coach|minister|mayor|governor|senator|"
    r"president|chairman|chairwoman|founder|owner|player|singer|actor|actress|writer)"
)
# "the Republican governor", "the Democratic senator": capitalised words, then the role.
_DESCRIBED_ROLE = re.compile(r"[Tt]he\s+(?:[A-Z][\w\-]*\s+){1,2}([a-z]{4,})")


_PARTICLE_FIRST = re.compile(rf"{PARTICLE_NAME}$")  # "van Sebille"


def classify(who: str, role: str | None, context: str, book: NameBook, pos: int) -> Attribution:
    """Turn a matched subject into an Attribution, resolving surnames and organisations."""
    who = who.strip()
    low = who.lower()
    if low in {"he", "she", "they"}:
        return Attribution("pronoun", None, None, _PRONOUN_GENDER.get(low))
    if _OFFICE_RE.fullmatch(who) or _INSTITUTION_RE.fullmatch(THE_ANY.sub("", who)):
        return Attribution("org", THE_ANY.sub("", who))
    group = _group_ref(low, book, pos)
    if group:
        return Attribution("org", group)
    doc = _DOC_REF.fullmatch(low)
    if doc:
        return Attribution("document", book.groups.statement_owner(doc.group(1), pos))
    if _TITLE_RE.match(who):
        named = _NAMED_ROLE.match(role or "")
        if named:  # "the chief executive, Anne Boden, told the BBC": she is named
            return Attribution("named", book.resolve(named.group(1), pos), THE_ANY.sub("", who))
        first, _, second = low.partition(" and ")
        found = book.by_title(low.split()[-1], pos)
        if not found and second:  # "the singer and guitarist": either role names him
            found = book.by_title(first.split()[-1], pos)
        return Attribution("named", found) if found else Attribution("pronoun", None)
    kin = _KIN_RE.fullmatch(who)
    if kin:  # "Travis Kelce's mom": the one other person of his family the text names
        relative = book.relative(kin.group(1), pos)
        return Attribution("named", relative) if relative else Attribution("unnamed", None)
    if _SPOKES_RE.search(low) or org_noun(low):
        named = _NAMED_ROLE.match(role or "")
        if named and low != "it":  # "Ford's spokesman, Mark Truby, said": he speaks
            return Attribution("named", book.resolve(named.group(1), pos), THE_ANY.sub("", who))
        own = _OWN_ORG_NAME.fullmatch(who)
        if own and not _SPOKES_RE.search(low) and org_noun(low.rsplit(None, 1)[-1]):
            return Attribution("org", own.group(1))
        org = _org_in_phrase(who) or (low == "it" and book.body_before(pos))
        if not org and (the_noun := _THE_BODY.fullmatch(low)):  # "wrote the center"
            org = book.body_before(pos, 2 * IT_WINDOW, the_noun.group(1).capitalize())
        office_noun = _OFFICE_NOUN.fullmatch(low)
        if not org and (low == "it" or office_noun):
            # "The Indian army says … It said", "announced by India's home ministry …
            # the ministry said": the office named last (of the same kind, if named so)
            rx = _OFFICE_OF[office_noun.group(1)] if office_noun else _OFFICE_RE
            office = book.last_match(rx, pos, IT_WINDOW)
            if office:  # "Pakistan’s Ministry of Foreign Affairs says …": its whole name
                full = with_of_tail(office.group(0), office.string, office.end())
                org = clean_name(full) if full != office.group(0) else THE_ANY.sub("", full)
            else:
                org = None
        if not org and (low == "it" or _GENERIC_ORG.search(low)):  # "a company spokesperson"
            org = book.subject_body_before(pos)
        if not org and _THE_BODY.fullmatch(low):  # "the agency warns": the institution named last
            org = book.body_before(pos, 2 * IT_WINDOW)
        org = org or book.organisation(context, low)
        if not org and (low == "it" or _THE_SPOKES.fullmatch(low)):
            # the caller's last quoted organisation, if any: "said a Meta spokesperson"
            # … "“…,” the spokesperson said"
            return Attribution("it", None)
        return Attribution("org", org) if org else Attribution("unnamed", None)
    described = _DESCRIBED_ROLE.fullmatch(who)
    if described:  # "the Republican governor said": a role, never a name
        role_word = described.group(1).lower()
        found = book.by_title(role_word, pos)
        return Attribution("named", found) if found else Attribution("pronoun", None)
    who = _THE_NAME.sub("", who)
    if who[:1].isupper() or _PARTICLE_FIRST.match(who):
        name = clean_name(who) or _title_surname(who, book, pos)
        if name and not not_a_person(name):
            full = book.resolve(name, pos)
            if full != name or book.is_known(name):
                return Attribution("named", full, _role(role))
    the_role = _THE_ROLE.fullmatch(low)
    if the_role:  # "the expert explains", "The King added:": one person the text means
        found = book.by_title(the_role.group(1), pos)
        return Attribution("named", found) if found else Attribution("pronoun", None)
    return Attribution("unnamed", None)


def _title_surname(who: str, book: NameBook, pos: int) -> str | None:
    """A surname that is also a title word ("says Doctor" for Ken Doctor), when the text
    gave the full name: clean_name alone would drop it as a title."""
    if " " in who or who.lower() not in TITLES:
        return None
    full = book.resolve(who, pos)
    return full if " " in full else None


def _group_ref(low: str, book: NameBook, pos: int) -> str | None:
    """The named group behind "the doctors" or "the group", if the article introduced one."""
    m = _THE_NOUN.fullmatch(low)
    return book.groups.group(m.group(1), pos) if m else None


def _org_in_phrase(who: str) -> str | None:
    """The organisation named inside "a spokesperson for WeWork" or "a WeWork spokesman"."""
    m = _ORG_AFTER.search(who)
    if m:
        return clean_name(m.group(1))
    m = _ORG_BEFORE.search(who)
    return clean_name(m.group(1)) if m else None


def after_quote(
    after: str, book: NameBook, context: str, pos: int, named_only: bool
) -> Attribution | None:
    """Attribution right after a closing mark: `, says X`, `X said` (`named_only`), or an
    unnamed source such as `, the authors wrote`."""
    if named_only:
        tag = after.lstrip(" ,—–-\u00a0")
        for rx in (
            WHO_VERB,
            VERB_WHO,
            _LOOSE_ROLE_TAG,
            _ROLE_FIRST_TAG,
            _LEAD_AND_TEAM,
            _TELLS_TAG,
            _OWNED_DOC_TAG,
        ):
            m = rx.match(tag)
            if m:
                return classify(m.group("who"), m.groupdict().get("role"), context, book, pos)
        return None
    for rx in (_AFTER_UNNAMED, _AFTER_VERB_UNNAMED):
        m = rx.match(after)
        if m:
            return classify(m.group("who"), None, context, book, pos)
    return None


# A person named with the body they work for, right before that body and its verb:
# "Patrol Chief James Hall with the New York Police Department said": he speaks.
# ("of" is left out: "Secretary of State Mike Pompeo said" is a title.)
_MEMBER_OF = re.compile(rf"(?P<who>{NAME})\s+(?:with|at|from)\s+the\s+$")
_APPOSED_NAME = re.compile(rf"\s*,\s*({NAME})\s*,")
_MEMBER_BARE = re.compile(rf"(?P<who>{NAME})\s+(?:with|at|from)\s+$")
# "Cllr Louise Gittins, Chair of the Local Government Association said": a role left
# without its closing comma; she speaks, not the body her role names.
_ROLE_OF = re.compile(
    rf"(?P<who>{NAME}),\s+(?:[A-Za-z][\w\-]*\s+){{1,4}}(?:of|at|for)\s+(?:the\s+)?$"
)


def member_before(window: str, at: int) -> str | None:
    """The person named just before "with the" and the body whose name starts at `at`,
    or before a role that names the body ("X, Chair of the")."""
    tail = window[max(0, at - 120) : at]
    if window[at : at + 4] == "the ":  # the body's match took its article
        m = _MEMBER_BARE.search(tail)
    else:
        m = _MEMBER_OF.search(tail) if tail.endswith("the ") else None
    if m is None and tail.endswith((" of ", " of the ", " at ", " at the ", " for ", " for the ")):
        m = _ROLE_OF.search(tail)
    return m.group("who") if m else None


_LAST_APPOSED = re.compile(rf",\s*((?>{NAME}))\s*,\s*$")


# An institution's name joined by "of" or "for" to the name a tag found: the whole is
# the speaker ("The Ministry of Foreign Affairs said", "The University of Michigan said").
# "A student at the University of Michigan said": a preposition before the institution
# makes it where its member is from, and the member speaks.
_PREP_THE = re.compile(r"\b(?:at|of|from|with|for|in|on|to|about)\s+(?:the\s+)?$")
_ORG_OF_HEAD = re.compile(
    rf"(?<![\w’'])((?:[{UP}][\w’'\-]*\s+){{0,3}}{INSTITUTION_WORD}\s+(?:of|for)\s+(?:the\s+)?"
    rf"(?:(?:[{UP}][\w’'\-]*\s+){{1,3}}(?:and|&)\s+)?)$"  # "… of Health and " Social Care
)


# Someone close to the name, unnamed: "A friend of Meghan Markle said", "a cousin of Tom
# Hanks told the Sun", "a source close to the minister said". The name does not speak.
_ASSOCIATE_OF = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother|[Tt]wo)\s+(?:[a-z]+\s+)?"
    rf"(?:friend|pal|source|cousin|relative|neighbou?r|colleague|aide|ally|associate|"
    rf"confidant|insider|acquaintance|{KIN})s?\s+(?:of|close\s+to)\s+(?:the\s+)?$"
)


def search_clause(window: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The last attribution construction anywhere in a window (same sentence as the quote)."""
    found: Attribution | None = None
    for rx in (WHO_VERB, VERB_WHO, ACCORDING):
        for m in who_verb(window) if rx is WHO_VERB else rx.finditer(window):
            who, role = m.group("who"), m.groupdict().get("role")
            apposed = _APPOSED_NAME.fullmatch(role or "") if rx is WHO_VERB else None
            if apposed and _OBJECT_BEFORE.search(
                window, max(0, m.start("who") - 12), m.start("who")
            ):
                # "Epstein's neighbor in both Florida and New York, Donald Trump, said"
                who, role = apposed.group(1), None
            elif (
                rx is WHO_VERB
                and (head := _ORG_OF_HEAD.search(window, 0, m.start("who")))
                and not _PREP_THE.search(window, max(0, head.start() - 12), head.start())
            ):
                who = head.group(1) + who  # "The Ministry of Foreign Affairs said"
            elif rx is WHO_VERB and (member := member_before(window, m.start("who"))):
                who = member  # "Chief James Hall with the New York Police ... said"
            elif rx is WHO_VERB and _ASSOCIATE_OF.search(
                window, max(0, m.start("who") - 48), m.start("who")
            ):
                found = found or Attribution("unnamed", None)  # "A friend of Meghan said"
                continue
            elif rx is WHO_VERB and prepositional(window, m.start("who"), who):
                continue
            if rx is WHO_VERB and _POSSESSED_NOUN.search(m.group(0)):
                continue
            cand = classify(who, role, context, book, pos)
            if rx is WHO_VERB and cand.kind == "unnamed" and role:
                # "On Tuesday, South Africa's director-general, Zane Dangor, told": the
                # subject was an opening phrase, and the role's last clause names him
                last = _LAST_APPOSED.search(role)
                if last and not place_before(role, last.start()):
                    cand = classify(last.group(1), None, context, book, pos)
            if rx is ACCORDING and _RELAYED.match(window, m.end()):
                cand = Attribution("unnamed", None)  # "According to AFP, one user posted:"
            if cand.kind == "it" and found is not None and found.kind == "org":
                continue  # "the commission issued a statement ... it pointed out": the same
            if cand.kind != "unnamed" or found is None:
                found = cand
            if rx is WHO_VERB and cand.kind == "named" and _THAT.match(window, m.end()):
                return cand  # "Pompeo said that ... Washington had concluded": the outer
        if found is not None and found.kind != "unnamed":
            return found
    return found


def prepositional(window: str, at: int, who: str) -> bool:
    """True when the name at `at` is a preposition's object: "in the journal JAMA
    Psychiatry argued", or a one-word name right after it, "the Office for the Western
    District of New York said" ("Secretary of State Mike Pompeo said" is a title). A
    subject pronoun is never one: "at the time she described" is an opening phrase."""
    if who.lower() in _SUBJECT_PRONOUNS:
        return False
    if _PREP_BEFORE.search(window, max(0, at - 60), at):
        return True
    if not _BARE_PREP.search(window, max(0, at - 8), at):
        return False
    name = split_title(who)[1]
    return name is None or " " not in name or name.startswith("New ")  # of New York


# A speaker reporting what someone else told them, the colon after the second verb:
# "Lacerda said Epstein told her:", "She said he then announced:".
_INNER_TELLER = re.compile(
    rf"\b(?:said|says|recalled|recalls|claimed|claims|remembered|remembers)\s+(?:that\s+)?"
    rf"(?P<who>{NAME}|he|she)\s+(?:then\s+|\w+ly\s+)?"
    r"(?:told|tells|said|says|announced|asked|asks|added|wrote|writes|warned|replied)"
    r"(?:\s+(?:her|him|me|them|us))?\s*:\s*$"
)


def before_colon(
    before: str, book: NameBook, context: str, pos: int, opens: bool = False
) -> Attribution | None:
    """`X: "..."` or `X said:` right before the opening mark. In `X told Newsweek:` the
    name before the colon is the listener, so the teller is looked for instead; in "found
    one drawback to working with Smith and York:" the name is an object, so the person
    who opens the sentence speaks (when `before` starts the sentence: `opens`)."""
    tail = before[-200:]
    if not tail.rstrip().endswith(":"):
        return None  # the pattern ends at a colon: skip its scan of the window
    if "onder" in tail[-20:] or "sel" in tail[-20:]:
        w = _WONDER.search(tail[-120:])
        obj = w and (
            _OBJECT_BEFORE.search(tail[-120:], max(0, w.start() - 10), w.start())
            or _RELATIVE_HEAD.search(tail[-120:], max(0, w.start() - 30), w.start())
        )
        if w and not (obj and not tail[-120:][: w.start()].endswith((", and ", ", but "))):
            att = classify(w.group("who"), None, context, book, pos)
            if att.kind in {"named", "org"} and att.speaker:
                return att
    inner = _INNER_TELLER.search(tail)
    if inner:  # "Lacerda said Epstein told her:": the words are the one she reports
        return classify(inner.group("who"), None, context, book, pos)
    m = _COLON.search(tail) or _TELLS_COLON.search(tail)
    if m and _TOLD.search(tail, 0, m.start("who")):
        return search_clause(before[: len(before) - len(tail) + m.start("who")], book, context, pos)
    if m and not _OBJECT_BEFORE.search(tail, max(0, m.start("who") - 10), m.start("who")):
        return classify(m.group("who"), None, context, book, pos)
    return _colon_subject(before, book, context, pos) if opens else None


def _colon_subject(before: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """The person (or pronoun) opening a sentence that introduces a quote with a colon:
    "Buckley, who phoned in from the set, had a similar experience: "..."."""
    m = _OPENING_SUBJECT.match(before)
    if not m:
        return None
    att = classify(m.group("who"), None, context, book, pos)
    if att.kind == "pronoun":
        # "She apologizes to her family: "..."": a pronoun opening a sentence of
        # narrative continues the last subject, not the last speaker
        return Attribution("subject", None, None, att.gender)
    if att.kind == "named" and att.speaker and book.is_person_like(att.speaker, pos):
        return att
    return None


def late_tag(after: str, book: NameBook, context: str, pos: int) -> Attribution | None:
    """A named person given at the very end of the quote's sentence, after a description
    ("..., said another witness, former adviser Fiona Hill."): the teller, even when the
    sentence is about someone else who "told others" the quoted words."""
    m = _LATE_TAG.search(after[-300:])
    if not m:
        return None
    att = classify(m.group("who"), None, context, book, pos)
    return att if att.kind == "named" else None
