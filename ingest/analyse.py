"""One call that finds both the quotes and the figures of an article's text."""

from __future__ import annotations

from ingest.figures import find_figures
from ingest.quotes import find_quotes
from ingest.sentences import Segmenter
from storage.models import Figure, Quote


def analyse(text: str) -> tuple[list[Quote], list[Figure]]:
    """Quotes and figures of `text`; pure, so the pipeline can call it from any thread.
    One segmenter serves both, so paragraphs holding quotes and figures are split once."""
    seg = Segmenter(text)
    return find_quotes(text, seg), find_figures(text, seg)
