"""How names are written: capitalised tokens, initials, titles' abbreviations, particles.

`NAME` matches a person's or organisation's name of up to seven words ("Mary E. Lovely",
"Ursula von der Leyen", "Martin Luther King Jr."), `ORG_NAME` one that may join its words
with lower-case ones ("Department of the Interior"). `NAME_RE` is the scan for names at
word starts that `names.NameBook` runs over every article, written to start with a
character class (a search skips to it in C) with the matches of `NAME_AT_WORD`.
"""

from __future__ import annotations

import re

UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĘĚĞĪŁŃŇŌŐŒŘŚŞŠŢŤŪŮŰŹŻŽ"
LO = "a-zß-öø-ÿāăąćčďđēęěğīłńňōőœřśşšţťūůűźżž"
_ABBR_ALTS = "Jr|Sr|St|Dr|Mr|Mrs|Ms|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Det|Ft|Mt"
_ABBR = rf"(?:{_ABBR_ALTS})\."
_WORD_TAIL = rf"[{LO}{UP}]*(?:['’\-][{LO}{UP}]+)*"
_TOK = rf"(?:{_ABBR}|[{UP}]\.(?:[{UP}]\.)*|(?:Mc|Mac|O['’]|D['’])?[{UP}]{_WORD_TAIL})"
# `_TOK` once its first character, a capital, has been read: each branch checks with a
# lookbehind which capital that was, so the branches and their order are those of _TOK.
# (Each branch starts with a literal, which the engine tests before entering it.)
_ABBR_READ = "|".join(f"{a[1]}(?<={a[:2]}){a[2:]}" for a in _ABBR_ALTS.split("|"))
_TOK_REST = (
    rf"(?:(?:{_ABBR_READ})\.|\.(?:[{UP}]\.)*|"
    rf"(?:c(?<=Mc)[{UP}]|a(?<=Ma)c[{UP}]|'(?<=O')[{UP}]|’(?<=O’)[{UP}]|'(?<=D')[{UP}]|"
    rf"’(?<=D’)[{UP}])?{_WORD_TAIL})"
)
_SP = r"[ \t\u00a0]+"
_PARTICLE = r"(?:de|van|von|der|den|da|du|di|la|le|al|bin|del|dos|das|ter|ten|y)"
_NAME_TAIL = (
    rf"(?:{_SP}(?:{_PARTICLE}{_SP})?{_TOK}){{0,6}}(?:,?{_SP}(?:Jr|Sr)\.?|{_SP}(?:II|III|IV)\b)?"
)
NAME = _TOK + _NAME_TAIL
# A surname that opens with its particle, as a tag writes it: "said van Sebille".
PARTICLE_NAME = (
    rf"(?:van|von|de|da|di|du|del|der|den|al|bin)(?:{_SP}(?:der|den|la|le)(?={_SP}))?{_SP}{NAME}"
)
NAME_REST = _TOK_REST + _NAME_TAIL  # NAME once its first character, a capital, is read
# A name at a word start. NAME_RE has the same matches as this plain form, but a pattern
# that starts by reading a character class lets the engine skip in C to the next capital,
# where one that starts with an assertion tries a match at every character.
NAME_AT_WORD = rf"(?=[{UP}])(?<![\w'’]){NAME}"
NAME_RE = re.compile(rf"[{UP}](?<![\w'’].){_TOK_REST}{_NAME_TAIL}")
# Organisation names may join capitalised words with lower-case ones: "Doctors for Camp
# Closure", "Department of the Interior".
ORG_NAME = rf"{_TOK}(?:{_SP}(?:(?:for|of|and|the|on|against){_SP}){{0,2}}{_TOK}){{0,6}}"
