"""The verbs that tag speech ("said", "told", "added", …) and their gerunds.

Every attribution pattern ends or starts with one of these verbs, so their alternation is
the hottest part of the tag scans; `by_initial` regroups it by first letter, which keeps
the same matches and makes each scan several times cheaper.
"""

from __future__ import annotations


def by_initial(alts: str, after_first: str = "") -> str:
    """An alternation of words regrouped by first letter, "s(?:ays?|aid)|t(?:old)": the
    same matches (order is kept among words that share a letter), but the engine tries
    one branch per letter instead of one per word, which makes every tag scan faster.

    `after_first` goes right after each first letter: a lookbehind there can check what
    comes before the word (`(?<!\\w.)` for a word start), so that a pattern can start
    with the letters themselves, which a search skips to in C."""
    groups: dict[str, list[str]] = {}
    for alt in alts.split("|") if "(" not in alts else _top_level(alts):
        if not alt[:1].isalpha():  # "(…)", "\\b…" or "": its first character is no letter
            raise ValueError(f"by_initial: {alt!r} does not start with a letter")
        groups.setdefault(alt[0], []).append(alt[1:])
    branches = (f"{c}{after_first}(?:{'|'.join(rest)})" for c, rest in groups.items())
    return "(?:" + "|".join(branches) + ")"


def _top_level(alts: str) -> list[str]:
    """The alternatives of `alts` split at the bars outside any group."""
    out, depth, cur = [], 0, []
    for ch in alts:
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            continue
        depth += (ch == "(") - (ch == ")")
        cur.append(ch)
    out.append("".join(cur))
    return out


def words_of(alts: str) -> list[str]:
    """Every string the alternation `alts` matches, for the plain syntax the verb lists
    use: letters and spaces, (?:…|…) groups, [..] sets of letters, and ? after a letter
    or a group. Anything else is refused rather than read wrongly."""
    words, i = _alternatives(alts, 0)
    if i != len(alts):
        raise ValueError(f"words_of: unexpected {alts[i]!r} at {i} in {alts!r}")
    return words


def _alternatives(s: str, i: int) -> tuple[list[str], int]:
    """The strings of the alternatives starting at s[i], up to an unmatched ")" or the end."""
    out: list[str] = []
    while True:
        seq, i = _sequence(s, i)
        out += seq
        if i < len(s) and s[i] == "|":
            i += 1
            continue
        return out, i


def _sequence(s: str, i: int) -> tuple[list[str], int]:
    """The strings of one alternative (a sequence of items) starting at s[i]."""
    out = [""]
    while i < len(s) and s[i] not in "|)":
        if s.startswith("(?:", i):
            item, i = _alternatives(s, i + 3)
            if i >= len(s) or s[i] != ")":
                raise ValueError(f"words_of: unclosed group in {s!r}")
            i += 1
        elif s[i] == "[":
            end = s.index("]", i)
            item, i = list(s[i + 1 : end]), end + 1
        elif s[i].isalpha() or s[i] == " ":
            item, i = [s[i]], i + 1
        else:
            raise ValueError(f"words_of: unexpected {s[i]!r} at {i} in {s!r}")
        if i < len(s) and s[i] == "?":
            item, i = [*item, ""], i + 1
        out = [a + b for a in out for b in item]
    return out, i


VERB_ALTS = (
    r"says?|said|tells?|told|add(?:s|ed)?|explain(?:s|ed)?|writes?|wrote|written|not(?:es|ed)|"
    r"ask(?:s|ed)|stat(?:es|ed)|continu(?:es|ed)|argu(?:es|ed)|insist(?:s|ed)|warn(?:s|ed)|"
    r"recall(?:s|ed)|admit(?:s|ted)|acknowledg(?:es|ed)|declar(?:es|ed)|announc(?:es|ed)|"
    r"repl(?:y|ies|ied)|respond(?:s|ed)?|remark(?:s|ed)|claim(?:s|ed)|suggest(?:s|ed)|"
    r"comment(?:s|ed)|observ(?:es|ed)|call(?:s|ed)|describ(?:es|ed)|urg(?:es|ed)|"
    r"alleg(?:es|ed)|predict(?:s|ed)|tweet(?:s|ed)|post(?:s|ed)|quipp?(?:s|ed)|jok(?:es|ed)|"
    r"conced(?:es|ed)|caution(?:s|ed)|emphasi[sz](?:es|ed)|stress(?:es|ed)|conclud(?:es|ed)|"
    r"confirm(?:s|ed)|testif(?:y|ies|ied)|vow(?:s|ed)|promis(?:es|ed)|complain(?:s|ed)|"
    r"boast(?:s|ed)|shout(?:s|ed)|recount(?:s|ed)|agre(?:es|ed)|counter(?:s|ed)|"
    r"maintain(?:s|ed)|contend(?:s|ed)|assert(?:s|ed)|reckon(?:s|ed)|believ(?:es|ed)|"
    r"begg(?:ed|s)|plead(?:s|ed)|implor(?:es|ed)|report(?:s|ed)|blast(?:s|ed)|slamm(?:s|ed)|"
    r"criticiz(?:es|ed)|criticis(?:es|ed)|demand(?:s|ed)|assur(?:es|ed)|request(?:s|ed)|"
    r"reiterat(?:es|ed)|reads|read|sa(?:ys|id) in a statement|puts? it|pointed out|points out|"
    r"laugh(?:s|ed)|weigh(?:s|ed) in|rememb(?:ers|ered)|pledg(?:es|ed)|sings|sang|"
    r"introduc(?:es|ed)|instruct(?:s|ed)|advis(?:es|ed)|detail(?:s|ed)|outlin(?:es|ed)|"
    r"highlight(?:s|ed)|utter(?:s|ed)|interject(?:s|ed)|retort(?:s|ed)"
)
VERB = by_initial(VERB_ALTS)
# Gerunds attribute partial quotes to the sentence subject ("..., telling them to "...").
GERUND_ALTS = (
    r"saying|telling|adding|calling|describing|noting|writing|arguing|warning|urging|"
    r"stating|insisting|explaining|declaring|announcing|claiming|asking|vowing|promising"
)
GERUND = by_initial(GERUND_ALTS)
