"""Rules found by reading the misses of blind-13 (real news from Mozilla Readability's and
newspaper3k's test pages): names given with a determiner ("is called a", "what I call the"),
a review's kicker, a title that a verb follows, verb phrases and values in quotation marks,
an epithet in apposition, a lawmaker's party tag, "in X's words", "instructed". Each rule
has a case that must keep working beside it."""

from __future__ import annotations

import pytest

from tests.ingest.quote_helpers import attributed, quoted


@pytest.mark.parametrize(
    "text",
    [
        "The deals embrace what has been called the “agency model” of book pricing.",
        'Facebook gets the data. This is called a "third-party request."',
        'It is one instance of what I call the "surveillance economy." I do not submit.',
        'Making a decision bears the name of "bounded evidence accumulation." It matters.',
        'The researchers used the technique called "mental chronometry" - that is, timing.',
        "Review: ‘Madden NFL 17’ runs hard, plays it safe",
        'Now we know when and for how much: "Super Mario Run" will launch on December 15.',
        'Many people are compelled to "opt in" on its terms.',
        'Some advertisers claim that you can "opt out" of their targeted advertising.',
        "The book looks at the 1900s as the “neon century.” The author draws a parallel.",
        'The release lets more attributes be set by these "data definition" settings.',
        'Color a road by whether its type is "highway," "service road," "residential," or so.',
        "Lorenz, “the father of chaos,” started a revolution on the LGP-30.",
    ],
)
def test_names_titles_and_terms_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("Pelosi: “We Will Not Back Down Now”", "We Will Not Back Down Now"),
        (
            "It stands in contrast to Andrew’s otherwise “lack of remorse” or “sympathy” with "
            "the victims.",
            "lack of remorse",
        ),
        (
            "They focus on their customers’ “financial health,” as one CEO told me.",
            "financial health,",
        ),
        ("He vowed to “fight this all the way to the top,” his lawyer said.", None),
    ],
)
def test_headline_quotes_and_partial_quotes_stay_quotes(text: str, quote: str | None) -> None:
    found = quoted(text)
    assert (quote in found) if quote else len(found) == 1


def test_a_lawmakers_party_tag_does_not_hide_the_speaker() -> None:
    text = (
        "Gov. Chris Christie gave his speech.\n\n"
        "State Sen. Michael Doherty (R-Warren) said Christie when he first ran in 2009 "
        "“sold himself to the people of New Jersey that he was going to change it.”\n\n"
        "State Sen. Dawn Addiego (R-Burlington), for example, said Christie “has dedicated "
        "his efforts to make New Jersey affordable.”"
    )
    assert [s for _, s in attributed(text)] == ["Michael Doherty", "Dawn Addiego"]


def test_in_someones_words() -> None:
    text = (
        "Michael Shadlen, a neuroscientist, led the study.\n\n"
        "In Dr. Shadlen's words, \"Could the moment the brain has enough evidence be tied "
        'to the awareness of having decided?"'
    )
    assert attributed(text)[0][1] == "Michael Shadlen"


def test_instructed_tags_a_quote() -> None:
    text = "“Don’t get nervous,” instructed Milton Velez, the agency’s district supervisor."
    assert attributed(text) == [("Don’t get nervous,", "Milton Velez")]
