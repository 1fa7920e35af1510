"""Speaker rules found by reading blind-16's misses after its first run (fundus's news of
2023-2025): a first name that ends a company's name run into the person's, and a full
name in apposition after a place ("in both Florida and New York, Donald Trump, said")."""

from __future__ import annotations

from pathlib import Path

from ingest.quotes import find_quotes
from tests.ingest.quote_helpers import speakers


def test_a_first_name_run_into_a_company_name_resolves_to_the_person() -> None:
    text = (
        "Manager at Ocean Florida Abby Dunn shared her top booking tips.\n\n"
        'Abby said: "Book as early as you can."'
    )
    assert speakers(text) == ["Abby Dunn"]


def test_a_full_name_after_a_place_speaks() -> None:
    text = (
        '"Terrific guy," Epstein\'s neighbor in both Florida and New York, Donald Trump, '
        "said in the story."
    )
    assert speakers(text) == ["Donald Trump"]


def test_a_name_with_a_role_in_apposition_still_speaks() -> None:
    text = '"We will appeal," Jane Smith, the lawyer, said.'
    assert speakers(text) == ["Jane Smith"]


def test_abu_names_a_man_for_he() -> None:
    """CBC's article: Sinwar, a man, is named after Al Saud, whose gender the text never
    states; "Abu" (father of) does."""
    body = (Path(__file__).parents[1] / "data/blind-texts/fnd-ca-CBCNews-V1.txt").read_text()
    found = {q.text: q.speaker for q in find_quotes(body)}
    assert found["He's the most wanted man to Israel,"] == "Abu Anas Al Saud"
