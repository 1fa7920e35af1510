"""Find the figures in an article's text: money, percentages, counts and quantities.

`find_figures` scans every number written with digits once, with one regular expression
that also takes its sign, currency, magnitude and percent sign (`figure_scan`), then
decides from the surrounding words whether it states an amount (`figure_rules` rejects
years, dates, times, ages, designations and scores), what kind of amount, and its value
with the magnitude applied (`figure_classify`). Adjacent figures joined by "to" or a dash
become one range (`figure_ranges`), and numbers that open a title ("10 Things in Tech",
"top 10 Health Technology Hazards") are dropped (`figure_titles`), and so are the
numbers of a list run into one line ("1. Finland 2. Norway", `figure_lists`), and
the page's own numbers (numbered section headings, linked titles in brackets, share
counters, pagers, `figure_furniture`); a band
of degrees after a temperature word is added ("into the 50s", `figure_bands`). Standard
library only, linear time.
"""

from __future__ import annotations

from ingest.figure_bands import temperature_bands
from ingest.figure_classify import classify
from ingest.figure_furniture import furniture_numbers
from ingest.figure_lists import list_numbers
from ingest.figure_names import model_sizes, named_numbers, version_heads
from ingest.figure_ranges import merge_ranges
from ingest.figure_scan import is_plain, scan
from ingest.figure_shares import merge_shares
from ingest.figure_titles import title_numbers
from ingest.figure_values import shilling_code
from ingest.sentences import Segmenter
from storage.models import Figure


def find_figures(text: str, seg: Segmenter | None = None) -> list[Figure]:
    """All figures in `text`, sorted by start, with kind, value (magnitude applied) and unit.
    `seg` may be the quote finder's segmenter of the same text, to share its sentences."""
    matches, runs, read = scan(text)
    plain = [(m.group("num"), m.start(), m.end()) for m in matches if is_plain(m)]
    named = named_numbers(text, plain, runs, read) if plain else frozenset()
    if plain and "-inch" in text:
        named = named | model_sizes(text, plain)
    if any("." in num for num, _, _ in plain):
        named = named | version_heads(text)
    shilling = shilling_code(text) if any(m.group("shil") for m in matches) else "TZS"
    found = [(m.start(), m.end(), classify(text, m, named, shilling)) for m in matches]
    figs = merge_shares(text, temperature_bands(text, merge_ranges(text, found)))
    if figs:
        titles = (
            title_numbers(text, figs) | list_numbers(text, figs) | furniture_numbers(text, figs)
        )
        if titles:
            figs = [f for f in figs if f.start not in titles]
    if figs and seg is None:
        seg = Segmenter(text)
    return [
        Figure(
            text=text[f.start : f.end],
            kind=f.kind,
            value=f.value,
            unit=f.unit,
            start=f.start,
            end=f.end,
            sentence=seg.sentence(f.start, f.end) if seg else "",
        )
        for f in figs
    ]
