"""Numbers of a list run into one line: "as follows: 1. Finland 2. Norway 3. Australia".

A list whose items a page shows one to a line loses its line breaks in some text, and
its numbers then stand mid-sentence, where `figure_labels.is_list_number` (a number that
opens its paragraph) does not see them. Such a run has a shape of its own: "1." and a
capitalised name, then "2." and a name, and so on, each number one more than the last.
The first item must not follow a capitalised word, so a box score written name first
("Smith 1. Jones 2.") keeps its counts. Only the figures already found are looked at;
the text is searched only when one of them is followed by ". " and a capital.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

# An item's name: a capitalised word, then up to three more capitalised words or
# particles ("United Kingdom", "Bosnia and Herzegovina", "Bank of America").
_NAME = r"[A-Z][\w'’&.\-]*(?:[ \u00a0]+(?:[A-Z][\w'’&.\-]*|of|the|and|de|la|du|von)){0,3}"
_FIRST = re.compile(r"(?<![\w.,])1\.[ \u00a0]+[A-Z]")
# The rest of an item from the end of its number, and the next item's number.
_NEXT = re.compile(rf"\.[ \u00a0]+{_NAME}[ \u00a0]+(\d{{1,2}})(?=\.[ \u00a0]+[A-Z])")
_CAP_WORD_END = re.compile(r"(?<![\w'’])[A-Z][\w'’&\-]*$")


class _Span(Protocol):
    start: int
    end: int


def list_numbers(text: str, figs: Sequence[_Span]) -> set[int]:
    """Starts of the figures in `figs` that number the items of a list run into a line."""
    if not any(_item_follows(text, f.end) for f in figs):
        return set()  # the common case: no figure is followed by ". " and a capital
    starts: set[int] = set()
    for m in _FIRST.finditer(text):
        if not _CAP_WORD_END.search(text[max(0, m.start() - 40) : m.start()].rstrip()):
            starts.update(_run(text, m.start()))
    found = {f.start for f in figs}
    return starts & found


def _item_follows(text: str, end: int) -> bool:
    """True when ". " and a capital follow the figure ending at `end`."""
    return (
        text[end : end + 1] == "."
        and text[end + 1 : end + 2] in (" ", "\u00a0")
        and text[end + 2 : end + 3].isupper()
    )


def _run(text: str, first: int) -> list[int]:
    """The starts of the numbers of the run whose "1." is at `first`: empty unless a
    "2." follows the first item's name."""
    items = [first]
    pos = first + 1
    while (m := _NEXT.match(text, pos)) is not None and int(m.group(1)) == len(items) + 1:
        items.append(m.start(1))
        pos = m.end(1)
    return items if len(items) >= 2 else []
