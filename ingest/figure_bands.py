"""Temperature bands: "temperatures ballooned into the 50s", "highs in the low 90s".

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
MAX_BANDS = 200


def temperature_bands(text: str, figs: list[FigureDraft]) -> list[FigureDraft]:
    """`figs` with the temperature bands of `text` added, sorted by start."""
    if "0s" not in text:
        return figs
    bands = []
    for m in _BAND.finditer(text):
        if len(bands) >= MAX_BANDS:
            break
        if _TEMPERATURE.search(text, max(0, m.start() - 120), m.start()):
            bands.append(FigureDraft(m.start(), m.end(), "quantity", None, "degrees", False))
    if not bands:
        return figs
    return sorted(figs + bands, key=lambda f: f.start)
