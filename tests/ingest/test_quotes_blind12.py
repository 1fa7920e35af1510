"""Rules found by reading the misses of blind-12, the first set of real news articles from
outside the corpus (Mozilla Readability's test pages): terms and titles in quotation marks,
the words on a sign, "it said" after an agency, a speaker carried across photo captions or
named alone in the paragraph before, institutions named with "of", borrowed phrases. Each
rule has a case that must keep working beside it."""

from __future__ import annotations

import pytest

from tests.ingest.quote_helpers import attributed, quoted


@pytest.mark.parametrize(
    "text",
    [
        "You don’t need a “God view” to see what happens next.",
        "A “sharing economy,” by definition, is lateral in structure.",
        "We might once have read of “hero cabdrivers” placing themselves in harm’s way.",
        "It should prove once and for all that there is no such thing as “the sharing "
        "economy.” Uber is a taxi company.",
        "Snopes will soon be in charge of labelling “fake news” alongside ABC News.",
        "In her book “A Paradise Built in Hell: The Extraordinary Communities that Arise in "
        "Disaster,” Rebecca Solnit wrote of the purpose people find when they pull together.",
        "At the seafood counter, a sign advertised “First of the Season Fresh Alaskan "
        "Halibut” and sported a blue label.",
        "New signs in stores appeared this month, spelling out the value proposition it is "
        "trying to strike: “New lower prices. Same high standards,” reads one, against carrots.",
    ],
)
def test_terms_titles_and_signs_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("IDC sees the lineup as its “Achilles heel.” The rate is low.", "Achilles heel."),
        (
            "Rigney would eulogize Ford as his “blood brother,” and adopted him.",
            "blood brother,",
        ),
        (
            "“We are saddened by the news of his passing,” reads a statement from the club.",
            "We are saddened by the news of his passing,",
        ),
        (
            "In her book, she argues that “we are all going to be fine in the end,” which "
            "few believe.",
            "we are all going to be fine in the end,",
        ),
    ],
)
def test_partial_quotes_and_statements_stay_quotes(text: str, quote: str) -> None:
    assert quote in quoted(text)


def test_it_said_after_an_agency_is_the_agency_not_the_chemical_it_names() -> None:
    text = (
        "The Food Standards Agency warned people to stay away from slimming products that "
        "contained DNP.\n\n"
        "“We advise the public not to take any tablets or powders containing DNP, as it is "
        "an industrial chemical and not fit for human consumption,” it said in a statement."
    )
    assert attributed(text)[0][1] == "Food Standards Agency"


def test_a_quote_paragraph_continues_across_a_photo_caption() -> None:
    text = (
        "“Man’s greed in the ocean is hurting the whales,” says Hori Parata, an elder.\n\n"
        "Hori Parata at his Pātaua farm, the place where he was born and grew up\n\n"
        "“We’re having to put up with a lot of stuff today. We feel that is ridiculous.”"
    )
    assert attributed(text)[1][1] == "Hori Parata"


def test_a_subheading_between_quote_paragraphs_still_breaks_the_run() -> None:
    text = (
        "“Man’s greed in the ocean is hurting the whales,” says Hori Parata, an elder.\n\n"
        "Funding\n\n"
        "“Nobody asked us before the money was spent.”"
    )
    assert attributed(text)[1][1] is None


def test_an_untagged_quote_paragraph_after_its_only_person_is_theirs() -> None:
    text = (
        "“Man’s greed in the ocean is hurting the whales,” says Hori Parata, an elder.\n\n"
        "His son Kauri Parata carves bone. “People dismiss us,” says Kauri Parata.\n\n"
        "But for Hori Parata and his family the deaths are personal.\n\n"
        "“It’s very emotional. So what is the sea telling us? We need to listen.”\n\n"
        "‘We need to listen’"
    )
    assert attributed(text)[-2:] == [
        ("It’s very emotional. So what is the sea telling us? We need to listen.", "Hori Parata"),
        ("We need to listen", "Hori Parata"),
    ]


def test_a_paragraph_naming_two_people_gives_no_speaker() -> None:
    text = (
        "“Man’s greed in the ocean is hurting the whales,” says Hori Parata, an elder.\n\n"
        "Parata met Jamie Werner, a ranger, on the beach.\n\n"
        "“I arrived at the beach and we leapfrogged between the animals.”"
    )
    assert attributed(text)[1][1] is None


def test_according_to_an_institution_named_with_of() -> None:
    text = (
        "Why whales strand is unclear, but “sickness, navigational error, or extreme "
        "weather” are all thought to contribute, according to the New Zealand Department "
        "of Conservation."
    )
    assert attributed(text)[0][1] == "New Zealand Department of Conservation"


def test_a_borrowed_phrase_is_its_owners() -> None:
    text = (
        "It is as if there were (in libertarian economist Tyler Cowen’s phrase) “markets in "
        "everything” – including the lives of a city’s citizens."
    )
    assert attributed(text) == [("markets in everything", "Tyler Cowen")]


def test_a_message_that_reads_is_its_senders() -> None:
    text = (
        "The tweet from Vulture magazine reads, “#Hamilton Chicago show interrupted by angry "
        "Trump supporter.” Emery retweeted the story, saying, “Are there un-angry Trump "
        "supporters?”"
    )
    assert attributed(text)[0][1] == "Vulture"
