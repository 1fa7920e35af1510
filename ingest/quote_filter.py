"""Which quoted spans are quotes: words someone said or wrote, not labels or titles.

Quotation marks also wrap single reported words, titles of works, names used as terms
("phase one" deal, 'Advanced Voice Mode') and slogans or chants. The labelling rules
exclude all of those, so this module rejects a span when its shape (one word, a short
Title Case phrase), the words just before it (chanted, dubbed, a tagline, so-called) or
the word just after it (a noun it modifies: the "tough on China" stance) mark it as one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ingest.sentences import word_set

_WORD_RE = re.compile(r"[\w’'\-\[\]]+")
_SMALL = word_set("a an and the of in on at to for with by or vs from as de la le")
_CUE = re.compile(
    r"(?:\bchant(?:ed|ing|s)?|\bchants of|"
    r"\bsigns? (?:reading|that read|saying|with|advertis(?:ed|ing))|"
    r"\bplacards?(?: reading| saying)?|\bbanners?(?: reading| saying)?|\bslogans?|\btagline\??|"
    r"\bmottos?|\bhashtag|\bdubbed|\bnicknamed|\bso-called|\bwhat(?:'s|’s| is) called|"
    r"\b(?:is|are|was|were|be|been) called(?: the| an?)?|\bknown as|\btermed|\btitled|"
    r"\bentitled|\b(?:I|we|they|what \w+) calls?(?: the| an?| it)?|\bthe name of|"
    r"\b(?:technique|method|process|procedure|phenomenon|approach|concept|practice|"
    r"condition|model|theory|effect|strategy|feature|trope|genre|idea|notion)s?"
    r" (?:called|known as|dubbed|termed)|"
    r"\bdiagnosed with|\bsuch as|\bsuch (?:a )?thing as|\blabel(?:s|l?ed|l?ing)?|"
    r"\ba type of|\bthe (?:words?|phrase|term|title)|"
    r"\bthe (?:term|name|phrase) (?:[a-z]+ ){0,2}(?:is|was)|"
    r"\bcampaign|\bsong|\bshow|\bfilm|\bmovie|\balbum|\b(?:e-?)?book|\bpodcast|\bplayed|\bsang|\bsinging|"
    r"\b(?:dubbed|nicknamed|labell?ed|branded|termed)\s[^.;:\"“”]{1,60}?\bas)"
    r"\s*[,:?]?\s*$",
    re.I,
)
# The words a `_CUE` match can end with: it ends the window, so a window whose last word
# (before a closing comma, colon or question mark) ends none of these needs no search.
_CUE_LAST = tuple(
    word_set(
        """chant chanted chanting chants of reading read saying with advertised advertising
        placard placards banner
        banners slogan slogans tagline tagline? motto mottos hashtag dubbed nicknamed
        so-called called call calls as termed titled entitled word words phrase term title is was
        the a an it of
        label labels labeled labelled labeling labelling
        campaign song show film movie album book podcast played sang singing"""
    )
)
_DETERMINER = re.compile(
    r"(?:\b(?:a|an|the|its|his|her|their|our|this|that|these|those|my|your)|['’]s)\s*$", re.I
)
_NEXT_WORD = re.compile(r"^\s*([a-z][a-z\-]+)\b")
_FUNCTION = word_set(
    """from to of in on at by for with as and or but nor that which who whom whose than is
    are was were be been being has have had will would could should can may might must do
    does did not into onto about over under after before since while because so if then
    when where why how said says say told tells it he she they we you i this these those
    there here its his her their our against between through during without within among
    toward towards upon across behind beyond"""
)
_END_PUNCT = frozenset(".,!?;:…")
_FIRST_PERSON = frozenset({"I", "I’m", "I'm"})
MAX_TERM_WORDS = 4
MAX_CUED_WORDS = 8


def words(body: str) -> list[str]:
    """The words of a quoted span, as the labelling rules count them."""
    return _WORD_RE.findall(body)


def words_upto(body: str, n: int) -> Sequence[str] | None:
    """The words of `body` if it has at most `n`, else None. Reads only a prefix of a long
    span: the filters ask this of every span, and most quotes are long. The filters ask
    it of each span several times, with n up to MAX_CUED_WORDS: those share one reading."""
    if n <= MAX_CUED_WORDS:
        ws = _few_words(body)
        return ws if ws is not None and len(ws) <= n else None
    return _words_upto(body, n)


@lru_cache(maxsize=64)
def _few_words(body: str) -> tuple[str, ...] | None:
    """`words_upto(body, MAX_CUED_WORDS)`, kept for the next filter asking of the span."""
    ws = _words_upto(body, MAX_CUED_WORDS)
    return None if ws is None else tuple(ws)


def _words_upto(body: str, n: int) -> list[str] | None:
    """`words_upto` read afresh: the words in a prefix long enough for n + 1 words first."""
    limit = 24 * (n + 1)
    ws = _WORD_RE.findall(body, 0, limit)
    if len(ws) > n:
        return None
    if len(body) > limit:
        ws = _WORD_RE.findall(body)
    return ws if len(ws) <= n else None


def _punct_end(body: str) -> bool:
    """True if the span ends with punctuation, as a spoken sentence or clause does."""
    return body.rstrip()[-1:] in _END_PUNCT


def shape_ok(body: str, before: str, after: str = "") -> bool:
    """False for single words, and for short Title Case spans (titles, names, labels)
    unless a colon introduces them (a caption or a headline quote): not after a review's
    kicker ("Review: 'Madden NFL 17' runs hard"), nor when a verb follows it as its
    subject ("for how much: "Super Mario Run" will launch on iPhone")."""
    ws = words_upto(body, 6)
    if ws is None:
        return True
    if len(ws) < 2:
        return False
    colon = before.rstrip().endswith(":") and not _KICKER.search(before[-20:])
    if colon and (_punct_end(body) or not _SUBJECT_OF.match(after)):
        return True
    # A comma inside the marks ends a title in a list ("Star Wars," Marvel and "Bambi")
    # as often as a clause of speech: a Title Case span before it is still a title.
    if not _punct_end(body) or body.rstrip().endswith(","):
        big = [w for w in ws if w.lower() not in _SMALL]
        if big and all(w[0].isupper() or w[0].isdigit() for w in big):
            return False
    return True


# A headline's kicker before a title: Review: 'Madden NFL 17' runs hard.
_KICKER = re.compile(
    r"\b(?:Review|Preview|Recap|Trailer|Watch|Video|Listen|Podcast|Hands-on|First look)\s*:\s*$"
)
# A verb right after a span makes it the sentence's subject, a thing's name.
_SUBJECT_OF = re.compile(
    r"^[ \u00a0]+(?:will|is|was|has|had|launches|launched|arrives|arrived|comes|came|costs|"
    r"sold|sells|runs|debuts|debuted|opens|opened|goes|went)\b"
)


def cued_label(body: str, before: str) -> bool:
    """True when the words before a short span say it is a chant, sign, title or term,
    or before a longer Title Case span that it is the title of a work."""
    if words_upto(body, MAX_CUED_WORDS) is None:
        return _long_title(body, before)
    window = before[-80:]
    if _THEME.search(window[-24:]):
        return _theme_name(body)
    return _cue_may_end(window) and bool(_CUE.search(window))


# A work's noun right before its title: In her book "A Paradise Built in Hell: The
# Extraordinary Communities that Arise in Disaster," Rebecca Solnit wrote ...
_WORK_BEFORE = re.compile(
    r"\b(?:(?:e-?)?books?|novels?|memoirs?|films?|movies?|songs?|albums?|plays?|essays?|"
    r"podcasts?|series|documentar(?:y|ies)|titled|entitled)[ \u00a0]*,?[ \u00a0]*$",
    re.I,
)
MAX_TITLE_WORDS = 30


def _long_title(body: str, before: str) -> bool:
    """A span of up to 30 words after a work's noun whose words, short ones aside, are
    nearly all capitalised."""
    if not _WORK_BEFORE.search(before[-30:]):
        return False
    ws = words_upto(body, MAX_TITLE_WORDS)
    big = [w for w in ws or () if w.lower() not in _SMALL]
    caps = sum(1 for w in big if w[0].isupper() or w[0].isdigit())
    return len(big) >= 3 and caps >= 0.8 * len(big)


# A theme's name right after the word: the festival's theme ‘The Medium is the Message’.
# A comma after "theme" makes it a topic someone is asked about ("On the theme, "…"").
_THEME = re.compile(r"\bthemes?[ \u00a0]*:?[ \u00a0]*$", re.I)


def _theme_name(body: str) -> bool:
    """True for a span after "theme" that is the theme's name: a short Title Case span
    (short lower-case words allowed) with no punctuation at its end. A span ending in a
    comma or stop is speech ("his theme "The rich are rigging the economy," he told
    them"), and so is one in lower case."""
    if _punct_end(body):
        return False
    ws = words_upto(body, MAX_CUED_WORDS)
    if not ws or not ws[0][0].isupper():
        return False
    return all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in ws)


def _cue_may_end(window: str) -> bool:
    """False when no `_CUE` match can end `window`: its last word, with or without one
    closing comma, colon or question mark, ends no cue word. (Text outside ASCII, which
    case-insensitive matching may fold onto a cue's letters, is always searched.)"""
    t = window.rstrip()
    ends = [t, t[:-1].rstrip()] if t[-1:] in {",", ":", "?"} else [t]
    for end in ends:
        tail = end[-12:]
        if not tail.isascii() or tail.lower().endswith(_CUE_LAST):
            return True
    return False


# The name-giving verb may follow the span: the "new Gannett," as Reed dubbed it.
_CUE_AFTER = re.compile(
    r"^\s*,?\s*as\s+(?:[\w’'.\-]+\s+){0,3}?(?:dubbed|called|nicknamed|termed|labell?ed|branded)\b"
)


# Or a noun right after the span says what it names: the "Meth. We're on it." campaign.
_LABEL_NOUN_AFTER = re.compile(
    r"^[ \u00a0]+(?:[a-z][\w\-]*[ \u00a0]+)?(?:ad[ \u00a0]+)?"
    r"(?:campaign|slogan|tagline|motto|hashtag|chant|billboards?)\b"
    # ... or the ends of a scale: the "it'll do" to "this is terrible" range.
    r"|^[ \u00a0]+to[ \u00a0]+[\"“][^\"“”\n]{1,40}[\"”][ \u00a0]+(?:range|zone|scale|spectrum)\b"
)
# A category the text goes on to exemplify is a term: imports of "intermediate goods"
# from China, such as motors.
_EXEMPLIFIED = re.compile(r"^[^.;:,\"“”\n]{0,30},[ \u00a0]+(?:such as|including)\b")


# The words on a sign: "New lower prices. Same high standards," reads one (after "New
# signs in stores appeared"), reads a banner. A statement that "reads" is speech.
_READS_AFTER = re.compile(
    r"^[ \u00a0]*reads?[ \u00a0]+(?:(?:a|the|another)[ \u00a0]+"
    r"(sign|banner|placard|poster|billboard)|one\b)"
)
_SIGN_BEFORE = re.compile(r"\b(?:signs?|banners?|placards?|posters?|billboards?)\b", re.I)


# A short unpunctuated span naming marches or rallies is their slogan: launched "save the
# students" marches ("…," rally organisers said ends in a comma and stays a quote).
_MARCH_AFTER = re.compile(r"^[ \u00a0]+(?:march(?:es)?|rall(?:y|ies)|protests?)\b(?!-)")


def cued_after(body: str, after: str, before: str = "") -> bool:
    """True when the words after a short span say it is a name someone gave, a slogan
    (a noun such as "campaign" or "marches" follows it), the text of a sign, or a
    category term that is exemplified."""
    if words_upto(body, MAX_CUED_WORDS) is None:
        return False
    if _CUE_AFTER.match(after) or _LABEL_NOUN_AFTER.match(after):
        return True
    if m := _READS_AFTER.match(after):
        return bool(m.group(1) or _SIGN_BEFORE.search(before))
    short = words_upto(body, 3) is not None and not _punct_end(body)
    return short and bool(_EXEMPLIFIED.match(after) or _MARCH_AFTER.match(after))


def _modifies_next_word(after: str) -> bool:
    """The word after the span is a noun it can modify (not a function word, a gerund, a
    participle or an adverb)."""
    m = _NEXT_WORD.match(after[:40])
    if not m:
        return False
    nxt = m.group(1)
    return nxt not in _FUNCTION and not nxt.endswith(("ing", "ed", "ly"))


def modifier_term(body: str, before: str, after: str) -> bool:
    """True for a short unpunctuated span used as a modifier: a "phase one" trade deal."""
    if words_upto(body, MAX_TERM_WORDS) is None or _punct_end(body):
        return False
    if not _DETERMINER.search(before[-20:]):
        return False
    return _modifies_next_word(after)


# A bare noun phrase after a determiner, that nobody is said to have said, is a term the
# text uses ("his "target number,"", the "national team" led by Blue Origin, a key
# "enabling technology", put into "suspended animation"); with a speaker it is a partial
# quote (a "seamless experience," Buser said).
_TERM_BEFORE = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|its|his|her|their|our|my|your|into|of)|['’]s)(?:\s+[a-z]+)?\s*$"
)
# ... unless the sentence reports someone's words: he described this as the "worst case
# scenario", Rigney would eulogize Ford as his "blood brother,".
_REPORTED = re.compile(
    r"\b(?:describ|eulogi|testif|call|said|says|told|wrote|quot)[a-z]*\b[^.!?]*$", re.I
)
MAX_NOUN_TERM_WORDS = 3
# A verb's slot before a phrasal verb: a verb the text names rather than quotes (orders
# to "clear the streets" are someone's words).
_PARTICLES = frozenset({"in", "out", "up", "off", "on", "down", "over", "back", "away"})
_VERB_SLOT = re.compile(r"\b(?:to|can|could|cannot|can't|never|not|must|should)[ \u00a0]*$")


def unsourced_term(body: str, before: str) -> bool:
    """True for a span of two or three lower-case content words (a trailing comma at
    most) right after a determiner: call it only for spans left without a speaker."""
    ws = words_upto(body, MAX_NOUN_TERM_WORDS)
    if ws is None or len(ws) < 2:
        return False
    phrasal = len(ws) == 2 and ws[0].islower() and ws[1] in _PARTICLES
    if phrasal and not _punct_end(body) and _VERB_SLOT.search(before[-20:]):
        return True  # compelled to "opt in", you can "opt out", I've never "opted in"
    # A full stop may close a lower-case term: the 1900s as the "neon century."
    end = body.rstrip().rstrip(",")
    if _punct_end(end) and not (end.endswith(".") and all(w.islower() for w in ws)):
        return False
    if "," in body.rstrip().rstrip(",") or not _TERM_BEFORE.search(before[-30:]):
        return False
    if _REPORTED.search(before[-120:]):
        return False
    # The first word may be a name the term starts with: a "God view".
    first_ok = ws[0][0].islower() or (ws[0] not in _FIRST_PERSON and not _punct_end(body))
    rest_ok = all(w[0].islower() for w in ws[1:])
    return first_ok and rest_ok and all(w.lower() not in _FUNCTION for w in ws)


# Copy from an advertisement: the billboards in which people say, "I'm on meth."
_AD_SENTENCE = re.compile(
    r"\b(?:billboards?|commercials?|ads|adverts?|advertisements?|campaign)\b[^.!?\n]*$", re.I
)
# A mid-sentence span that opens with a capital right after a lower-case word (not a
# determiner: its "Achilles heel." is a metaphor someone used) names a thing: to pay for
# "Medicare for all.", to investigate "Ukrainian collusion.".
_NOUN_SLOT = re.compile(
    r"\b(?!(?:a|an|the|its|his|her|their|our|my|your|this|that)\b)[a-z]+[ \u00a0]*$"
)
# A determiner, perhaps with a word after it: a Washington "wise man" icon, a new
# "functions on demand" system.
_MODIFIED_BY = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|its|his|her|their|our|this|that|my|your)|['’]s)"
    r"(?:[ \u00a0]+[A-Za-z][a-z]+)?[ \u00a0]*$"
)


# A saying nobody is said to say: There's a saying that goes "…", as the old adage goes:
# "…". The noun needs its article ("protesters left, saying "…"" is speech), and a saying
# someone has is theirs ("The mayor has a saying: "…"" stays a quote).
_SAYING = re.compile(
    r"(?<!\bhas[ \u00a0])(?<!\bhad[ \u00a0])(?<!\bhave[ \u00a0])"
    r"\b(?:an?|the)[ \u00a0]+(?:old[ \u00a0]+)?(?:saying|proverb|adage|maxim)"
    r"(?:[ \u00a0]+(?:that[ \u00a0]+)?goes)?[ \u00a0]*[,:]?[ \u00a0]*$"
)
# A name used as a yardstick: the "Netflix of games," the "Uber for dog walking".
_ANALOGY = re.compile(r"^[A-Z][\w\-]*[ \u00a0]+(?:of|for)[ \u00a0]+[a-z][\w\- ]{0,30}[,.]?$")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \u00a0]*$")
# A question the writer answers at once: First, "Is streaming the future?" Possibly.
_OWN_ANSWER = re.compile(
    r"^[ \u00a0]*(?:Yes|No|Possibly|Probably|Perhaps|Maybe|Absolutely|Hardly|Sure|Not yet|"
    r"Not really|Of course)[.!]"
)


def unsourced_label(body: str, before: str, after: str) -> bool:
    """True for spans left without a speaker that are titles, ad copy, named things,
    sayings, yardstick names, the writer's own questions or scare-quoted modifiers rather
    than words anyone is reported to say."""
    if _SAYING.search(before[-40:]) or (body.endswith("?") and _OWN_ANSWER.match(after)):
        return True
    if _ANALOGY.match(body) and _THE_BEFORE.search(before[-10:]):
        return True
    ws = words_upto(body, MAX_CUED_WORDS)
    if ws is None or len(ws) < 2:
        return False
    if _title_with_stop(body, ws) or _AD_SENTENCE.search(before[-120:]):
        return True
    if _EPITHET_BEFORE.search(before[-40:]) and _EPITHET.match(body):
        return True  # Lorenz, "the father of chaos," started a revolution
    if _ENUMERATED.search(before[-4:]) or _ENUMERATED_AFTER.match(after):
        return len(ws) <= MAX_NOUN_TERM_WORDS  # "highway," "service road," "residential,"
    if len(ws) <= MAX_NOUN_TERM_WORDS and (
        ws[0][0].isupper() and ws[0] not in _FIRST_PERSON and _NOUN_SLOT.search(before)
    ):
        return True
    return _bare_modifier(body, ws, before, after)


# An epithet in apposition to a name: Lorenz, "the father of chaos," started ...
_EPITHET_BEFORE = re.compile(r"\b[A-Z][\w’'\-]+,[ \u00a0]*$")
_EPITHET = re.compile(r"^(?:the|a|an)[ \u00a0][^.!?;:]{3,60},$")
# A span next to another quoted span with only a comma or space between: a list of values.
# (Double marks only: a single one before the span is as often a possessive, customers'.)
# (Not across "or": Andrew's otherwise "lack of remorse" or "sympathy" reports his words.)
_ENUMERATED = re.compile(r"[\"”],?[ \u00a0]*$")
_ENUMERATED_AFTER = re.compile(r"^,?[ \u00a0]*[\"“]")


def _title_with_stop(body: str, ws: Sequence[str]) -> bool:
    """A Title Case span ending in a full stop or comma: "Takin' It to the Streets."."""
    if body.rstrip()[-1:] not in {".", ","}:
        return False
    big = [w for w in ws if w.lower() not in _SMALL]
    return len(big) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in big)


def _bare_modifier(body: str, ws: Sequence[str], before: str, after: str) -> bool:
    """Lower-case words without punctuation after a determiner and a name, modifying the
    noun after them: a Washington "wise man" icon."""
    if _punct_end(body) or not all(w[0].islower() for w in ws):
        return False
    if not _MODIFIED_BY.search(before[-40:]):
        return False
    return _modifies_next_word(after)


def norm(body: str) -> str:
    """A key that treats two spans as the same text whatever their case and punctuation."""
    return " ".join(w.lower() for w in words(body))
