"""Ages: a person's age or an age threshold reads like a count but states none.

"66-year-old", "aged 26", "Noel, 31, is charged" and "retire at 62" are told apart from
amounts by the unit after the number, the word before it or a name and comma around it.
"""

from __future__ import annotations

import re

from ingest.figure_designations import NOT_A_NAME
from ingest.figure_units import UNITS
from ingest.sentences import word_set

_AGE_UNIT = r"(?:years?|yrs?|months?|weeks?|days?)"
_AGE_AFTER = re.compile(rf"^(?:-|\s){_AGE_UNIT}(?:-|\s)old\b|^-?\s?(?:{_AGE_UNIT}-old|yo)\b", re.I)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+)?$", re.I)
# The other ends of an age range or list: "between the ages of 25 and 54", "ages 25 to
# 54", "aged 18 to 34", "the ages of 3, 5 and 7" (each end is an age, as the first is).
_AGE_TAIL_BEFORE = re.compile(
    r"\b(?:aged?|ages)\s+(?:of\s+|between\s+|from\s+)?"
    r"(?:\d{1,3}(?:,?\s(?:and|or|to|through|thru)\s|,\s|\s?[-–]\s?)){1,4}$",
    re.I,
)
# An age threshold with nothing counted after it, in a sentence about retirement or age:
# "waiting for Medicare to kick in at 65,", "retire at 62 and", "until they turn 18."
_THRESHOLD_BEFORE = re.compile(r"\b(?:at|until|till|before|after|turns?|turned|turning)\s$")
_THRESHOLD_CUE = re.compile(
    r"\b(?:retir\w*|[Mm]edicare|[Ss]ocial [Ss]ecurity|pension\w*|birthday|eligib\w*|age)\b"
)
_THRESHOLD_AFTER = re.compile(r"^(?:[,.;:)]|\s(?:and|or|when|if|but|because)\b|$)")
# The lower end of an age range: "12 to 17-years-old", "18-25 year olds".
_AGE_RANGE_HEAD = re.compile(r"^\s?(?:to|-|–|and)\s?\d{1,3}(?=\D)")
# "Noel, 31, is charged" and, in police blotters, "Ryan S. Hollman 31, of Hope" (the
# comma, group 2, is needed before an age that a dash follows).
_NAME_AGE = re.compile(r"([A-Z][\w’'.\-]+)(,?)\s$")
# Or a dash opens the aside after the age: "Braun, 38 – who reps …" (after a comma only).
# "… diabetes. At 16, he went to …": a sentence opening with "At N," and a pronoun.
_OPENING_AGE = re.compile(r"(?:^|[.!?][\"”’)]?\s+|\n)At\s$")
_PRONOUN_AFTER = re.compile(r"^,\s+(?:he|she|I|they|we)\b")
# ... or a capitalised name: "At 24, Dasha is basking" ("At 50, The index" is no name).
_NAME_AFTER = re.compile(r"^,[ \u00a0]+([A-Z][a-z][\w'’\-]*)")
_AGE_DASH_AFTER = re.compile(r"^[ \u00a0]?[–—]")
# A person giving their age: "I'm 74 and was tempted", "she is 9." (nothing counted after
# it: "I'm 30 minutes late" and "he's 5 feet tall" stay amounts). Only one person states
# an age so: "we are 12" and "they're 45" are a group's size, and "3 and 0" or "4 and
# counting" a record or a tally.
# The past tense tells an age too: "since I was 17 (I wish …)", "when she was 9,".
_BE_AGE_BEFORE = re.compile(
    r"(?:\bI['’]m|\bI (?:am|was)|\b(?:[Hh]e|[Ss]he)(?:['’]s| is| was))[ \u00a0]$"
)
_BE_AGE_AFTER = re.compile(
    r"^(?:[,.;:!?)—–]|[ \u00a0](?:[—–(]|(?:and(?![ \u00a0]+(?:\d|counting\b))|but|now|today|"
    r"this|when)\b)|$)"
)

# A named person's age: "Gee was 17 when he arrived" (a pronoun for a person after
# "when"; "Turnout was 60 when polls closed" counts).
_NAME_WAS_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z][\w'’\-]*)[ \u00a0](?:is|was)[ \u00a0]$")
_WHEN_PERSON_AFTER = re.compile(r"^[ \u00a0]when[ \u00a0]+(?:he|she)\b")
# An age closing a sentence after a full name and a comma: "photographer Christina Assi,
# 28." (two capitalised words: "in London, 28." stays a count).
_FULL_NAME_AGE = re.compile(
    r"(?<![\w'’])([A-Z][a-z][\w'’\-]*)[ \u00a0][A-Z][a-z][\w'’\-]*,[ \u00a0]$"
)
_SENTENCE_END_AFTER = re.compile(r"^\.(?:\s|$)")


# ... but not a name whose possessive follows ("At 50, Tesla's price-to-earnings ratio",
# "At 60, Amazon's shares") nor one ranked by the number ("At 31, Norway has more gold
# medals", "At 15, Britain has the highest rate", "At 95, Samsung ranks first"): a
# company's or a country's figure.
_RANKED_AFTER = re.compile(
    r"[ \u00a0]+(?:(?:has|had|have)[ \u00a0]+(?:the[ \u00a0]+)?(?:more|fewer|less|"
    r"most|least|highest|lowest|largest|smallest|biggest|best|worst|second|third|fourth)\b|"
    r"(?:ranks?|ranked|tops|topped|trails|trailed)\b)"
    # a team's plural verb: "At 3, Manchester United were top of the league"
    r"|(?:[ \u00a0]+[A-Z][\w'’\-]*)?[ \u00a0]+(?:were|are|have)\b"
)


def _name_after(after: str) -> bool:
    """True when a capitalised name follows the comma of "At 24, Dasha" (see above)."""
    m = _NAME_AFTER.match(after)
    if m is None or m.group(1) in NOT_A_NAME or m.group(1).endswith(("'s", "’s")):
        return False
    return _RANKED_AFTER.match(after, m.end()) is None


def _named_age(before: str, after: str) -> bool:
    """True for "Gee was 17 when he" and "Christina Assi, 28." (see above)."""
    if after[:1] == ".":
        m = _FULL_NAME_AGE.search(before[-40:])
        return bool(m and _SENTENCE_END_AFTER.match(after) and m.group(1) not in NOT_A_NAME)
    if after[:5].strip() != "when" or not _WHEN_PERSON_AFTER.match(after):
        return False
    m = _NAME_WAS_BEFORE.search(before[-30:])
    return bool(m) and m.group(1) not in NOT_A_NAME


# A second number with a unit after the comma makes the first a distance or a weight too:
# "I was 20, maybe 30 feet from the car", "I was 20, 30 feet from it".
_UNIT_NUMBER_AFTER = re.compile(
    r"^,[ \u00a0]+(?:(?:maybe|perhaps|possibly|or|about|around|nearly|almost|probably)"
    r"[ \u00a0]+)?\d[\d,.]*[ \u00a0]*([a-zA-Z°]+)"
)


def _unit_number_after(after: str) -> bool:
    """True for a comma, then a number with a unit of measure (not a duration)."""
    if after[:1] != ",":
        return False
    m = _UNIT_NUMBER_AFTER.match(after)
    return m is not None and m.group(1).lower() in UNITS


# An age in brackets after a name, with its unit: "his daughter Kaiarahi (10 months)".
# A word for a person before the name shows that the name is a person's ("Brexit (3
# years)" and "Internet Explorer (25 years)" are spans of time). "(3 years old)" is an
# age by `_AGE_AFTER` already.
_BRACKET_UNIT_AFTER = re.compile(r"^[ \u00a0](?:years?|yrs?|months?|weeks?|days?)\)", re.I)
_NAME_BRACKET = re.compile(r"(?<![\w'’])([A-Z][a-z][\w'’\-]*)[ \u00a0]\($")
_PERSON_BEFORE = re.compile(
    r"\b(?:daughters?|sons?|baby|babies|child|children|kids?|grand(?:son|daughter|child)s?|"
    r"nieces?|nephews?|sisters?|brothers?|twins?|boys?|girls?|toddlers?|infants?)\b",
    re.I,
)


def _bracket_age(before: str, after: str) -> bool:
    """True for the number of "his daughter Kaiarahi (10 months)" (see above)."""
    if _BRACKET_UNIT_AFTER.match(after) is None:
        return False
    name = _NAME_BRACKET.search(before[-30:])
    if name is None or name.group(1) in NOT_A_NAME:
        return False
    return bool(_PERSON_BEFORE.search(before[: -len(name.group(0))]))


# A bare age in brackets, as some papers write it, after a word for a person or a name:
# "Granny (78) suffers", "a woman (34)", "Thabo Mokoena (45) said". A single name must
# not be a plural ("Democrats (45)"), an acronym ("ANC (45)"), a word after "the" ("the
# Senate (53)"), a sentence opener or a designation word ("Section (78)"); "(78 people)"
# counts, and "(2019)" is a year.
_WORD_BRACKET = re.compile(
    r"(?<![\w'’])(?:([A-Z][a-z][\w'’\-]*)[ \u00a0])?([A-Za-z][\w'’\-]*)[ \u00a0]\($"
)
# Single names with bracketed numbers in a list count seats or cases ("Gauteng (45),
# Limpopo (30)") unless a word for a person comes before them ("her kids Thabo (12)").
_BRACKET_LIST_AFTER = re.compile(
    r"^\),?[ \u00a0]+(?:(?:and|then)[ \u00a0]+)?[A-Z][\w'’\-]*[ \u00a0]\(\d"
)
_BRACKET_LIST_BEFORE = re.compile(r"\d\),?[ \u00a0]+(?:(?:and|then)[ \u00a0]+)?$")
_PERSON_WORDS = word_set(
    """granny gran grandma grandmother grandpa grandfather mother father mum mom dad man
    woman boy girl wife husband son daughter brother sister uncle aunt widow widower
    pensioner teenager teen child baby toddler infant nephew niece cousin grandson
    granddaughter grandchild victim suspect accused learner pupil student friend
    neighbour neighbor girlfriend boyfriend fiancé fiancée"""
)
_NOT_PERSONS = word_set(
    """Section Sections Article Articles Clause Clauses Chapter Chapters Rule Rules Goal
    Goals Part Parts Schedule Table Figure Fig Page Paragraph Item Annex Appendix Form Step
    Stage Phase Level Grade Class Round Week Day Year Act Regulation Subsection Note Line
    Group Zone Ward Route Lot Unit Block Room Team Division Category Type Model Version"""
)


# A team, a brand or a place takes a bracketed count as a person takes an age ("Samsung
# (78) topped", "Manchester City (89) finished", "Delhi (112) recorded"): a name is a
# person's only with a word for a person before it ("her kids Thabo (12)") or a pronoun
# or "said" after it ("Thabo Mokoena (45) said he was robbed"). A dropped real figure is
# worse than a kept age.
_PERSON_CUE_AFTER = re.compile(
    r"^\),?[ \u00a0]+(?:who|whose|(?:[a-z]+[ \u00a0]+){0,3}?(?:he|she|his|him|her)\b)"
)
_SAID_AFTER = re.compile(r"^\),?[ \u00a0]+(?:said|says|told)\b")  # after a full name


_PERSON_TITLES = word_set(
    """president minister premier mr mrs ms miss dr prof professor sir dame lord lady
    captain pastor judge mayor senator governor king queen prince princess"""
)


def _person_word_before(head: str) -> bool:
    """True when a word for a person ends the text before a name ("her kids Thabo")."""
    if _PERSON_BEFORE.search(head):
        return True
    words = {w.strip(",.;:'’").lower() for w in head.split()[-4:]}
    return bool(words & _PERSON_WORDS or words & _PERSON_TITLES)


def _bare_bracket_age(before: str, after: str, value: float) -> bool:
    """True for the number of "Granny (78) suffers" or "Thabo Mokoena (45)" (see above)."""
    if after[:1] != ")" or value < 1 or value != int(value):
        return False
    m = _WORD_BRACKET.search(before[-40:])
    if m is None:
        return False
    first, word = m.groups()
    if word.lower() in _PERSON_WORDS:
        return True
    if not word[:1].isupper() or word[1:2].isupper() or word in _NOT_PERSONS:
        return False
    head = before[: len(before) - len(m.group(0))]
    if first in ("The", "This", "That"):
        return False  # "The Senate (53) passed the bill"
    if first is None and (head.endswith(("the ", "The ")) or word in NOT_A_NAME):
        return False
    if first is not None and (first in NOT_A_NAME or first in _NOT_PERSONS):
        if word in NOT_A_NAME:
            return False
        first = None  # "About Thabo (12)": the name is the last word alone
    if first is not None:  # a full name: "Mark Jones (45) said", not "Manchester City (89)"
        return bool(
            first.lower() in _PERSON_TITLES  # "President Ramaphosa (71)"
            or _PERSON_CUE_AFTER.match(after)
            or _SAID_AFTER.match(after)
            or _person_word_before(head[-40:])
        )
    if word.endswith("s") and not word.endswith("ss"):
        return False  # "Democrats (45)", "the Greens (4)"
    if _person_word_before(head[-40:]):
        return True
    if _BRACKET_LIST_AFTER.match(after) or _BRACKET_LIST_BEFORE.search(head[-16:]):
        return False  # "Gauteng (45) and Limpopo (30)"
    return bool(_PERSON_CUE_AFTER.match(after))


_RANGE_ENDS = frozenset(" -–\u00a0")


def is_age(before: str, after: str, value: float) -> bool:
    """Ages: "66-year-old", "9-Month-Old", "aged 26", "aged between 18", the low end of
    "12 to 17-years-old", the other ends of "ages of 25 and 54", an age threshold
    ("retire at 62"), a person's stated age ("I'm 68 and", "she is 9."), "At 16, he",
    "At 24, Dasha",
    "Noel, 31, is charged", "Braun, 38 – who", "Hollman 31, of Hope" ("About 40, ..." is
    no name, so no age), "his daughter Kaiarahi (10 months)" and "Granny (78)"."""
    tail = before[-20:]
    if "ag" in tail.lower() and _AGE_BEFORE.search(tail):
        return True
    if (
        before[-1:] in _RANGE_ENDS
        and "ag" in before[-40:].lower()
        and _AGE_TAIL_BEFORE.search(before[-40:])
        and not _joined_count(before, after)
    ):
        return True
    # "old" or "yo" ends every age unit after the number (and after a range's low end):
    # without one, the two patterns after it cannot match
    soon = after[:24].lower()
    if "old" in soon or "yo" in soon:
        if _AGE_AFTER.match(after):
            return True
        head = _AGE_RANGE_HEAD.match(after)
        if head and _AGE_AFTER.match(after[head.end() :]):
            return True
    if value >= 120:
        return False
    if _is_threshold(before, after, value):
        return True
    if (
        value == int(value)
        and before[-1:] in {" ", "\u00a0"}
        and _BE_AGE_BEFORE.search(before[-9:])
        and _BE_AGE_AFTER.match(after)
        and not _unit_number_after(after)
    ):
        return True
    if value == int(value) and _age_at_the_time(before, after):
        return True
    if after[:1] == "," and before[-3:] == "At " and _OPENING_AGE.search(before):
        return _PRONOUN_AFTER.match(after) is not None or _name_after(after)
    if before[-1:] == "(" and (
        _bracket_age(before, after) or _bare_bracket_age(before, after, value)
    ):
        return True
    if _named_age(before, after):
        return True
    if after[:1] not in {",", ")"}:
        if after[:2].isascii() or not _AGE_DASH_AFTER.match(after):
            return False
        m = _NAME_AGE.search(before)
        return bool(m) and m.group(2) == "," and m.group(1) not in NOT_A_NAME
    m = _NAME_AGE.search(before)
    return bool(m) and m.group(1) not in NOT_A_NAME


# "girls as young as 14 at the time", "her sister, who was about 10 or 11 at the time":
# an age in a sentence about a young person, with nothing counted after it.
_YOUNG_AS = re.compile(r"\bas[ \u00a0](?:young|old)[ \u00a0]as[ \u00a0]$")
_WAS_ABOUT = re.compile(
    r"\b(?:was|were|is|are)[ \u00a0](?:(?:about|around|only|just|barely|roughly)[ \u00a0])?"
    r"(?:\d{1,2}[ \u00a0](?:or|to)[ \u00a0])?$"
)
# The person must be the subject right before the verb ("the girl was", "she was", "who
# he knew was"): "The boy said the queue was about 50 at the time" and "Her daughter's
# class was 30 at the time" count.
_SUBJECT_WAS = re.compile(
    r"(?<![\w'’])([A-Za-z]+)(?:[ \u00a0](?:he|she|they|I|we)[ \u00a0][a-z]+)?[ \u00a0]"
    r"(?:was|were|is|are)[ \u00a0](?:(?:about|around|only|just|barely|roughly)[ \u00a0])?"
    r"(?:\d{1,2}[ \u00a0](?:or|to)[ \u00a0])?$"
)
_AGE_SUBJECTS = frozenset({"who", "he", "she", "i"})
_AT_THE_TIME = re.compile(r"^(?:[ \u00a0](?:or|to)[ \u00a0]\d{1,2})?[ \u00a0]at the time\b")


def _age_at_the_time(before: str, after: str) -> bool:
    """True for "as young as 14" (no plural counted after) and "was about 10 or 11 at
    the time" about a child or a girl (see above)."""
    young = _YOUNG_AS.search(before[-16:]) if " as " in before[-16:] else None
    if young is None and "at the time" not in after[:24]:
        return False  # the literal tests skip the searches for most numbers
    if young and "young" in young.group(0):  # "as young as 14 can apply"
        return not _PLURAL_AFTER.match(after)
    if young:  # "as old as 300 million years" is a span of time
        return bool(_BE_AGE_AFTER.match(after) or _AT_THE_TIME.match(after))
    if not _AT_THE_TIME.match(after) or not _WAS_ABOUT.search(before[-30:]):
        return False
    m = _SUBJECT_WAS.search(before[-40:])
    if m is None:
        return False
    subject = m.group(1).lower()
    return (
        subject in _AGE_SUBJECTS or subject in _PERSON_WORDS or bool(_PERSON_BEFORE.match(subject))
    )


# A plural noun after a number joined by "and", "or" or a comma: "a man aged 40 and 3
# children were hurt" counts children (a range, "ages 25 to 54", joins ages only).
_JOINED_BEFORE = re.compile(r"(?:,|\s(?:and|or))\s$")
_PLURAL_AFTER = re.compile(
    r"^[ \u00a0]+(?:(?!(?:years|yrs|months|weeks|days|olds)\b)[a-z]{3,}s|children|people|"
    r"men|women)\b"
)


def _joined_count(before: str, after: str) -> bool:
    """True for "aged 40 and 3 children": the joined number counts the noun after it."""
    return bool(_JOINED_BEFORE.search(before[-5:]) and _PLURAL_AFTER.match(after))


def _is_threshold(before: str, after: str, value: float) -> bool:
    """An age threshold: "Medicare … kicks in at 65," ("at 65 mph" and "rose to 65 jobs"
    count something; a sentence with no word of age or retirement keeps the number)."""
    if value < 12 or value != int(value) or not _THRESHOLD_AFTER.match(after):
        return False
    return bool(_THRESHOLD_BEFORE.search(before) and _THRESHOLD_CUE.search(before))
