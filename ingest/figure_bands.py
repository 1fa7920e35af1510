"""Temperature bands: "temperatures ballooned into the 50s", "highs in the low 90s", "dead
calm and in the mid-40s. Up north, it's already several degrees colder".

A decade-shaped number ("50s") is a span of years elsewhere and LABELLING.md leaves it
out, but after a word for temperature in the same sentence it is a band of degrees: one
quantity with no value, like a range. The figure scan reads no number glued to an "s",
so the bands are found here, only in a text that says "0s".
"""

from __future__ import annotations

import re

from ingest.figure_classify import FigureDraft

_BAND = re.compile(r"(?<![\w.,'’])[1-9]0s(?![\w'’])")
# The temperature word must come before the band in its sentence (no ".", "!", "?" or
# line break between them), at most 120 characters back.
_TEMPERATURE = re.compile(
    r"\b(?:temperatures?|degrees|thermometers?|highs|lows|mercury|heat index|wind chill)\b"
    r"[^.!?\n]*$",
    re.I,
)
# A band with a qualifier ("in the mid-40s") may meet its temperature word just after,
# in the next sentence of its paragraph ("… in the mid-40s. Up north, it's already
# several degrees colder"). Only "degrees" is read after it: "in the mid-90s, temperatures
# were not tracked" is a decade, and so is an age ("in her mid-40s").
_QUALIFIED = re.compile(r"\bthe[ \u00a0](?:mid|low|high|upper|lower)[- \u00a0]$", re.I)
_TEMPERATURE_AFTER = re.compile(r"^[^\n]*?\bdegrees\b", re.I)
MAX_BANDS = 200
# Decade-shaped numbers looked at: each costs two windowed searches, and a 1 MB text of
# "the mid-40s" must stay well under a second (no real article has thousands).
MAX_CANDIDATES = 2000


def temperature_bands(text: str, figs: list[FigureDraft]) -> list[FigureDraft]:
    """`figs` with the temperature bands of `text` added, sorted by start."""
    if "0s" not in text:
        return figs
    bands = []
    for seen, m in enumerate(_BAND.finditer(text)):
        if len(bands) >= MAX_BANDS or seen >= MAX_CANDIDATES:
            break
        if _TEMPERATURE.search(text, max(0, m.start() - 120), m.start()) or _after(text, m):
            bands.append(FigureDraft(m.start(), m.end(), "quantity", None, "degrees", False))
    if not bands:
        return figs
    return sorted(figs + bands, key=lambda f: f.start)


def _after(text: str, m: re.Match[str]) -> bool:
    """True when a qualified band has its temperature word in the 120 characters after."""
    if not _QUALIFIED.search(text, max(0, m.start() - 10), m.start()):
        return False
    return _TEMPERATURE_AFTER.match(text[m.end() : m.end() + 120]) is not None
