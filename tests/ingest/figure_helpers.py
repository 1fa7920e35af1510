"""What `find_figures` finds in a text, in the shape the figure tests assert on, and a
check that adversarial input stays fast."""

from __future__ import annotations

import time

from ingest.figures import find_figures


def found(text: str) -> list[tuple[str, str, float | None, str | None]]:
    """(text, kind, value, unit) of each figure, in order."""
    return [(f.text, f.kind, f.value, f.unit) for f in find_figures(text)]


def fast(text: str) -> None:
    """`find_figures` on adversarial input stays well under a second."""
    t = time.perf_counter()
    find_figures(text)
    assert time.perf_counter() - t < 1.0
