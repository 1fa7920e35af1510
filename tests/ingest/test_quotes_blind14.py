"""Speaker rules found by reading the misses of blind-14 (newspaper3k's test texts): a tag
that ends the paragraph before a quote paragraph, the owner of a work "according to" it, a
person named with the body they work for, hyphenated roles. Each has a case that must keep
working beside it."""

from __future__ import annotations

from tests.ingest.quote_helpers import speakers


def test_a_tag_ending_the_paragraph_before_names_the_next_he() -> None:
    text = (
        "“We are just getting going,” said Joseph Seneca, an economist at Rutgers.\n\n"
        "Job creation has been hurt by weak construction and spending, said Ahmad Ijaz, an "
        "economist at the University of Alabama in Tuscaloosa.\n\n"
        "“Commercial construction is still relatively weak,” he said."
    )
    assert speakers(text) == ["Joseph Seneca", "Ahmad Ijaz"]


def test_according_to_a_bodys_own_work() -> None:
    text = (
        "Information technology “will become increasingly important,” according to a "
        "Moody’s Analytics’ forecast in June."
    )
    assert speakers(text) == ["Moody’s Analytics"]


def test_a_person_with_the_body_they_work_for_speaks() -> None:
    text = (
        '"We will make a determination tomorrow," Patrol Chief James Hall with the New York '
        'Police Department said Wednesday.\n\n"It looks good. It looks very good," he said.'
    )
    assert speakers(text) == ["James Hall", "James Hall"]


def test_a_title_with_of_is_not_a_body() -> None:
    text = '"We see hopeful signs," Secretary of State Mike Pompeo said in a statement.'
    assert speakers(text) == ["Mike Pompeo"]


def test_a_hyphenated_role_before_the_name() -> None:
    text = (
        'It connects "brain regions that don\'t normally talk together," said study '
        "co-author Paul Expert, a physicist at King's College London."
    )
    assert speakers(text) == ["Paul Expert"]
