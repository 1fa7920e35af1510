"""Speaker rules found by reading the misses of blind-15 (fundus's parser test data, news of
2023-2024): a role described with capitalised words, a spelled-out title after its
abbreviation, a quote run over paragraphs whose tag comes at its end."""

from __future__ import annotations

from tests.ingest.quote_helpers import speakers


def test_the_republican_governor_is_the_governor_named_before() -> None:
    text = (
        "The deal gained the endorsement of Indiana Gov. Eric Holcomb on Friday.\n\n"
        "“It is a generational impact budget,” the Republican governor said."
    )
    assert speakers(text) == ["Eric Holcomb"]


def test_the_governor_after_gov() -> None:
    text = "Indiana Gov. Eric Holcomb spoke on Friday.\n\n“We will sign it,” the governor said."
    assert speakers(text) == ["Eric Holcomb"]


def test_a_described_role_nobody_holds_is_not_a_name() -> None:
    text = "“It is a good budget,” the Republican governor said."
    assert speakers(text) == [None]


def test_a_run_on_quote_takes_the_tag_at_its_end() -> None:
    text = (
        "First up, the experts recommend an English Ivy plant. “English ivy is easy to grow "
        "indoors and can add a beautiful touch.\n\n"
        "“This plant is one of the best ones to help reduce indoor air pollutants,” explains "
        "Radek Babicek from Fantastic Gardeners."
    )
    assert speakers(text) == ["Radek Babicek", "Radek Babicek"]


def test_the_expert_is_the_expert_quoted_before() -> None:
    text = (
        "“English ivy is easy to grow indoors,” explains Radek Babicek from Fantastic "
        "Gardeners.\n\n"
        "Next up, the experts advise another hanging plant: the aluminum plant. “Despite "
        "this, it's still an easy plant to care for,” the expert explains."
    )
    assert speakers(text) == ["Radek Babicek", "Radek Babicek"]


def test_the_expert_after_an_unnamed_expert_stays_unnamed() -> None:
    text = (
        "“Prince Andrew is not entitled to any form of immunity,” said one legal expert.\n\n"
        "“His friendship with Jeffrey Epstein is under investigation,” the expert warned."
    )
    assert speakers(text) == [None, None]


def test_the_king_is_the_king_named_before() -> None:
    text = (
        "The speech will focus on ‘security, fairness and opportunity for all’, King Charles "
        "said in his speech.\n\n"
        "The King added: ‘My ministers will get Britain building, including through planning "
        "reform.’"
    )
    assert speakers(text)[-1] == "Charles"


def test_the_center_is_the_center_named_before() -> None:
    text = (
        "The Storm Prediction Center has outlined a Level 3 out of 5 risk of severe weather "
        "from Des Moines south to Dallas. Kansas City and Tulsa are in that zone.\n\n"
        "“The greatest threat is currently anticipated across the southern Plains,” wrote "
        "the center."
    )
    assert speakers(text) == ["Storm Prediction Center"]


def test_a_paragraph_closing_with_a_tag_names_the_next_quote_paragraph() -> None:
    text = (
        "Jennifer Kapral, director of education at Asia Society Texas Center, spoke.\n\n"
        "The history of the Asians who settled in the U.S. is missing from many textbooks, "
        "Kapral said.\n\n"
        '"There was a study that looked at 30 U.S. history textbooks."'
    )
    assert speakers(text) == ["Jennifer Kapral"]


def test_an_untagged_run_of_quote_paragraphs_is_the_subject_before() -> None:
    text = (
        "Out on Court 12, Dan Evans won in straight sets.\n\n"
        "Jack Draper meanwhile wrapped up his win in just over two hours, knocking out Radu "
        "Albot 6-1, 6-4, 6-3.\n\n"
        "“Definitely having other Brits do well in the draw is amazing for British tennis.\n\n"
        "“It’s nice to be around great players like them.”"
    )
    assert speakers(text) == ["Jack Draper", "Jack Draper"]


def test_a_single_untagged_quote_after_a_narrative_paragraph_stays_unattributed() -> None:
    text = (
        "Jack Draper meanwhile wrapped up his win in just over two hours.\n\n"
        "“It’s nice to be around great players like them.”"
    )
    assert speakers(text) == [None]
