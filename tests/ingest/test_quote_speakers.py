"""Tests for who said a quote: pronouns and paragraph subjects, tags with long roles,
listeners and prepositional objects that are not speakers, partial quotes without a tag.
Split from test_quotes.py, one test per rule found by reading the blind-2 misses."""

from __future__ import annotations

import pytest

from ingest.quotes import find_quotes


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text)]


def test_pronoun_tag_means_the_person_who_opens_the_paragraph() -> None:
    text = (
        'Jack Buser runs the service. "It is big," said analyst Lewis Ward.\n\n'
        'Buser, however, is counting on speed. "This is the next jump," he says.\n\n'
        'Sonya Zoghlin spoke for him. "He is sorry," she said.\n\n'
        "Pat Carlineo was arrested for a call in which he said he'd put a "
        '"bullet in her skull."'
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Lewis Ward",
        "Jack Buser",
        "Sonya Zoghlin",
        "Pat Carlineo",
    ]


@pytest.mark.parametrize(
    "opening",
    ["Buser’s career helped him.", "Border agents say it helps.", "WIRED spoke to him."],
)
def test_possessives_common_words_and_outlets_opening_a_paragraph_are_no_referent(
    opening: str,
) -> None:
    text = f'Jack Buser spoke. "We grow," said Lewis Ward.\n\n{opening} "It works," he said.'
    assert speakers(text)[-1] == ("It works,", "Lewis Ward")


def test_tag_after_a_question_mark_may_carry_a_long_role_and_a_surname_he() -> None:
    text = (
        "Liu He met Trump.\n\n"
        '"Then what is the incentive of this deal on the Chinese part?" He Jianxiong, the '
        "former executive director for China at the International Monetary Fund, said at "
        'a Nov. 6 event.\n\n"We will see," he said.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["He Jianxiong", "He Jianxiong"]


def test_told_outlet_colon_gives_the_teller_not_the_outlet() -> None:
    text = (
        "Ian Hamilton, an expert in drug use and mental health at the Department of Health "
        "Sciences at the U.K.'s University of York who did not work on the study, told "
        'Newsweek: "Even a small increase in regular users can increase the risk."\n\n'
        'Ann Lee told reporters: "We are done."'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Ian Hamilton", "Ann Lee"]


def test_a_name_labelled_after_a_preposition_is_no_speaker() -> None:
    text = (
        "The authors of the research published in the journal JAMA Psychiatry argued that "
        'the policies have "important social benefits, particularly in justice," for all.\n\n'
        'Secretary of State Mike Pompeo said it "gives us hope for peace."'
    )
    assert [q.speaker for q in find_quotes(text)] == [None, "Mike Pompeo"]


def test_a_name_starting_the_reported_clause_is_not_the_speaker() -> None:
    text = (
        'Gwynne Shotwell runs SpaceX. "We like it," said Shotwell.\n\n'
        "She didn't give a date for crewed missions, but said SpaceX would fly Starship "
        '"a lot" before flying people. Later, Ann Lee said NASA will "look at it closely."'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Gwynne Shotwell"] * 2 + ["Ann Lee"]


def test_assured_and_requested_are_speech_verbs_and_a_titled_name_opens_a_paragraph() -> None:
    text = (
        "The CDC assured the public on Weibo, a social media site, that the risks were "
        '"extremely low."\n\nThe purchases Mr. Trump requested — larger purchases "than any '
        'time in our history" — are not in the text.\n\nPrince Andrew met Ann Lee. "We spoke," '
        'said Lee.\n\nAndrew also spent time explaining. "I didn\'t sweat," he assures himself.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["CDC", "Trump", "Ann Lee", "Andrew"]


def test_a_lone_word_starting_one_full_name_resolves_to_it_unless_it_is_common() -> None:
    text = (
        "Li Jifeng, a doctor at Chaoyang Hospital, wrote a post. Customs and Border "
        'Protection staff agreed.\n\nLi explained that cases cannot be "transmitted casually."'
        '\n\nBorder agents "say you have got to watch this," he said, at the border.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Li Jifeng", "Li Jifeng"]


def test_an_untagged_partial_quote_echoes_the_paragraph_s_earlier_speaker() -> None:
    text = (
        '"Revenue has not grown since 2008," says analyst Ken Doctor. That has produced a '
        'strategy of "continuous cost-cutting in local news." Her father told Ann Lee that '
        '"the only way I know he is alive is the checks."\n\n'
        '"It grabbed me," Tom Harper said. Buckley had a similar experience: "It was '
        'just that feeling."'
    )
    expected = ["Ken Doctor", "Ken Doctor", None, "Tom Harper", None]
    assert [q.speaker for q in find_quotes(text)] == expected


def test_pronoun_tag_means_the_subject_of_the_sentence_just_before() -> None:
    text = (
        '"That is perfect," Boudreau said.\n\nBarely a week ago, Parise had scored once. '
        "Wild defenseman Ryan Suter, who joked about his sticks, could see the frustration."
        '\n\n"He is used to scoring goals," he said.\n\n'
        'Elise Matthesen found him. "He looked a little surprised," she wrote.'
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Boudreau",
        "Ryan Suter",
        "Elise Matthesen",
    ]


def test_a_one_word_or_possessive_subject_just_before_is_no_referent() -> None:
    text = (
        '"We won," said Ann Lee. The team played well. Lee\'s coach agreed.\n\n'
        'Then Parise scored again. "It was good," she said.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Ann Lee", "Ann Lee"]


def test_a_one_word_place_after_a_bare_preposition_is_no_speaker() -> None:
    text = (
        "Patrick Carlineo pleaded guilty, the Office for the Western District of New York "
        "said in a statement.\n\nHe was arrested in April.\n\nDuring the call, he said, "
        '"somebody ought to do it," the office said.\n\n'
        'Secretary of State Mike Pompeo said it "gives us hope for peace."'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Patrick Carlineo", "Mike Pompeo"]


def test_has_written_and_reiterated_are_speech_verbs() -> None:
    text = (
        '"The duty is paid at the border," Howard Gleckman, a senior fellow, has written. '
        '"The Chinese government pays nothing."\n\n'
        "A spokesperson for the British Foreign Office reiterated the view that settlements "
        '"are illegal under international law".'
    )
    assert [s for _, s in speakers(text)] == [
        "Howard Gleckman",
        "Howard Gleckman",
        "British Foreign Office",
    ]


def test_a_role_with_many_commas_still_reaches_the_verb() -> None:
    text = (
        '"Liquid water is somewhat hard to find," study lead author Lucas Paganini, a '
        "scientist at Goddard in Greenbelt, Maryland, and American University in "
        "Washington, D.C., said in a statement."
    )
    assert speakers(text)[0][1] == "Lucas Paganini"


def test_a_pronoun_after_an_inverted_tag_means_that_person() -> None:
    text = (
        "Farmers were hurt, said Zippy Duvall of the American Farm Bureau Federation.\n\n"
        "Devices were hit too, said Mary E. Lovely, an economist. "
        '"About 36% of imports are devices," she said.\n\n'
        "She said Starship lunar missions could begin soon. "
        "He called Omar a liar and urged Mr. Trump to act."
    )
    assert speakers(text) == [("About 36% of imports are devices,", "Mary E. Lovely")]


def test_a_ministry_named_by_its_country_speaks_as_itself() -> None:
    text = (
        'Russia\'s foreign ministry said it viewed the move as "another measure contradicting" '
        'the law.\n\nThe French foreign ministry said it "regrets any decision like this".'
    )
    found = [s for _, s in speakers(text)]
    assert found == ["Russia's foreign ministry", "French foreign ministry"]


def test_a_name_whose_gerund_runs_into_the_quote_speaks_it() -> None:
    text = (
        'The Arab League called it an "extremely adverse development".\n\n'
        "Egypt and Jordan also criticised the shift, with Jordanian Foreign Minister "
        'Ayman Safadi warning of "dangerous consequences".'
    )
    assert [s for _, s in speakers(text)] == ["Arab League", "Ayman Safadi"]


def test_the_outer_speaker_of_a_that_clause_speaks_the_quote() -> None:
    text = (
        "Secretary of State Mike Pompeo announced the move.\n\n"
        "Pompeo said that after legal consultation Washington had concluded the settlements "
        'were "not, per se, inconsistent with international law".'
    )
    assert speakers(text)[0][1] == "Mike Pompeo"


def test_a_quote_paragraph_continues_the_speech_reported_just_before_it() -> None:
    text = (
        '"The consensus is broken," said Avi Bell, a senior fellow.\n\n'
        "Saeb Erekat said it was only the latest move to force a surrender.\n\n"
        '"They wanted us on our knees. We stand tall."'
    )
    assert [s for _, s in speakers(text)] == ["Avi Bell", "Saeb Erekat"]


def test_a_described_name_that_ends_the_sentence_is_the_teller() -> None:
    text = (
        "Ambassador Gordon Sondland testified on Wednesday.\n\n"
        'Sondland was known for telling others "he was in charge of Ukraine" despite his post, '
        "said another witness in the probe, former White House Russia adviser Fiona Hill."
    )
    assert speakers(text) == [("he was in charge of Ukraine", "Fiona Hill")]


def test_a_subject_that_rejects_a_claim_as_quoted_words_speaks_them() -> None:
    text = (
        "Syrian officials accused U.S. forces of controlling the camp.\n\n"
        'The Pentagon rejected these accusations as "patently false," and analysts agreed.'
    )
    assert speakers(text) == [("patently false,", "Pentagon")]


def test_another_or_several_is_no_name() -> None:
    text = (
        'One user posted: "How did these two come to Beijing?"\n\n'
        'Another reportedly said: "The plague is coming next year."'
    )
    assert speakers(text)[-1] == ("The plague is coming next year.", None)


def test_a_role_that_runs_into_the_tag_without_a_comma() -> None:
    text = (
        "“The wind changed direction,” Kurinji Selvaraj, a research analyst at the "
        "Council on Energy, Environment and Water think tank told CBS News."
    )
    assert speakers(text) == [("The wind changed direction,", "Kurinji Selvaraj")]


def test_a_report_from_an_organisation_speaks_for_it() -> None:
    text = (
        '"The market is factoring in a recovery," said a report from Kotak '
        'Institutional Equities.\n\nA note by Goldman Sachs said "rates will fall soon."'
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Kotak Institutional Equities",
        "Goldman Sachs",
    ]


def test_it_means_the_organisation_last_quoted() -> None:
    text = (
        '"We discontinue the investigation regarding him," the Swedish Prosecution '
        "Authority said.\n\n"
        '"The reason for this decision is that the evidence has weakened," it added.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Swedish Prosecution Authority"] * 2


def test_it_with_no_organisation_quoted_names_no_one() -> None:
    text = 'Mary Smith spoke first.\n\n"The evidence has weakened," it added.'
    assert speakers(text) == [("The evidence has weakened,", None)]


def test_a_subject_joined_by_and_is_no_referent_for_she() -> None:
    text = (
        'Ann Lee spoke. "We are done," said Ann Lee.\n\n'
        "As both NBC News and Bloomberg have reported, there is a risk.\n\n"
        '"I am so ahead of every other parent," she said.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Ann Lee", "Ann Lee"]


def test_an_opening_name_with_a_role_for_an_organisation_is_the_subject() -> None:
    text = (
        "Cmdr. Sean Robertson, a spokesperson for Inherent Resolve, the U.S. operation, "
        "told Carla Babb that the claim “is patently false,” and that “the United States "
        "is not preventing people from leaving.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Sean Robertson"] * 2


def test_a_named_persons_unnamed_source_gets_no_speaker() -> None:
    text = (
        "Hello there.\n\nA VOA Extremism Watch Desk reporter Nisan Ahmado's source inside "
        "the camp, a refugee who asked not to be identified, said that the claim is "
        "“absolutely not true.”"
    )
    assert speakers(text) == [("absolutely not true.", None)]


def test_a_name_after_a_place_after_to_resolves_from_its_surname() -> None:
    text = (
        "China’s ambassador to Britain Liu Xiaming has said so.\n\n"
        "Liu said that troops could be deployed, warning: “They are already there.”"
    )
    assert speakers(text) == [("They are already there.", "Liu Xiaming")]


def test_new_starts_a_place_and_an_acronym_only_modifies_a_name() -> None:
    text = (
        "Wee of The New York Times reports that censors act.\n\n"
        "The Times said the censors “block and control” posts.\n\n"
        "He told VOA Pentagon correspondent Carla Babb so.\n\n"
        "The Pentagon rejected these accusations as “patently false,” officials said."
    )
    assert [q.speaker for q in find_quotes(text)] == ["New York Times", "Pentagon"]


def test_two_ministries_that_accuse_speak_the_quoted_words() -> None:
    text = (
        "In a joint statement, the Russian and Syrian defense ministries accused U.S. "
        "forces of controlling “bandit formations” and disrupting a plan."
    )
    assert speakers(text) == [("bandit formations", "Russian and Syrian defense ministries")]


def test_a_one_word_name_after_to_is_an_object_not_a_speaker() -> None:
    text = (
        "Liu Xiaming is envoy. China’s ambassador to Britain accused the UK of meddling "
        "and warned that Beijing “will not sit on our hands” for long."
    )
    assert speakers(text)[0][1] != "Britain"


def test_the_subject_of_an_infinitive_of_speech_speaks() -> None:
    text = (
        "Delhi’s Chief Minister Arvind Kejriwal turned to Twitter last month to describe "
        "his city as a “gas chamber.”\n\nAdam Mosseri runs Instagram. Amid criticism, "
        "abandoning likes allowed Adam Mosseri to claim that Instagram wants to be "
        "“a space that feels much less pressurized.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Arvind Kejriwal", "Adam Mosseri"]


def test_an_unnamed_interviewee_is_whom_she_means() -> None:
    text = (
        "“I was stunned,” said Joseph Minga, a friend. He learned a lot.\n\n"
        "WIRED spoke to one mother, who knew her son was on Instagram. “I am so ahead "
        "of every other parent,” she said. “I am literally facepalming.”"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Joseph Minga", None, None]


def test_the_body_that_released_a_report_speaks_its_words() -> None:
    text = (
        "Deadlines mattered.\n\nThe importance of deadlines grew as NASA’s Office of the "
        "Inspector General released two highly critical reports that depicted “technical "
        "challenges, cost increases and schedule delays”. The report came."
    )
    assert [q.speaker for q in find_quotes(text)] == ["Office of the Inspector General"]


def test_a_statement_issued_by_an_organisation_is_its_own() -> None:
    text = (
        "On Monday, Acme Records issued a statement about the show.\n\n"
        "The statement, which was obtained by Variety, said the firms had “come to terms "
        "on a licensing deal for the show.”\n\n"
        '"Artists do not need label approval for live shows," the statement continued.'
    )
    assert speakers(text) == [
        ("come to terms on a licensing deal for the show.", "Acme Records"),
        ("Artists do not need label approval for live shows,", "Acme Records"),
    ]


def test_an_organisation_noun_with_a_modifier_picks_the_name_it_describes() -> None:
    text = (
        "Acme Records issued a statement. Later Dick Clark Productions denied it.\n\n"
        "“Dick Clark Productions never agreed with Acme Records or Acme Records’ "
        "lawyers,” the production company said in a separate statement."
    )
    assert speakers(text)[-1][1] == "Dick Clark Productions"


def test_an_unowned_statement_read_is_the_last_statement_owners() -> None:
    text = (
        "Acme Records issued a statement on Monday.\n\n"
        "“We agreed,” the statement said.\n\n"
        "“We never did,” the production company Dick Clark Productions said.\n\n"
        "The company denied the claims in a statement shared to its website.\n\n"
        "“We were shocked,” the statement read."
    )
    assert [s for _, s in speakers(text)] == [
        "Acme Records",
        "Dick Clark Productions",
        "Acme Records",
    ]


def test_a_pronoun_tag_means_who_opens_the_paragraph_just_before() -> None:
    text = (
        "“We will go,” said Ann Lee.\n\n"
        "Leif Dahleen, the blogger behind a site, retired at age 43. He says the first "
        "step is to take stock.\n\n"
        "“There are two things you need to know,” he told Business Insider."
    )
    assert speakers(text)[-1] == ("There are two things you need to know,", "Leif Dahleen")
    # A one-word subject there is not enough to override the last speaker.
    text = "“We will go,” said Ann Lee.\n\nTommy retired early.\n\n“It was fine,” he wrote."
    assert speakers(text)[-1] == ("It was fine,", "Ann Lee")


def test_an_organisation_before_the_role_after_an_inverted_verb() -> None:
    text = (
        "Jim Bridenstine spoke first.\n\n"
        "“It depends on Boeing, quite frankly,” responded NASA administrator Jim "
        "Bridenstine, noting the cost."
    )
    assert speakers(text) == [("It depends on Boeing, quite frankly,", "Jim Bridenstine")]


def test_a_sentence_opening_preposition_is_no_part_of_a_name() -> None:
    text = "Under NASA’s plan, Orion flies.\n\n“We are ready,” NASA said."
    assert speakers(text) == [("We are ready,", "NASA")]


def test_the_last_subject_may_follow_an_opening_phrase_and_a_party_tag() -> None:
    text = (
        "“We can’t,” said Jim Bridenstine.\n\n"
        "The hearing was long. At a hearing last month of the subcommittee, Rep. Robert "
        "Aderholt (R-AL), ranking member of the subcommittee, pushed for more.\n\n"
        "“What do you think?” he asked."
    )
    assert speakers(text)[-1] == ("What do you think?", "Robert Aderholt")


def test_the_previous_paragraph_subject_may_follow_an_opening_phrase() -> None:
    text = (
        "“We can’t,” said Jim Bridenstine.\n\n"
        "In a hearing, Rep. Robert Aderholt (R-AL) pushed for more rockets. It was long.\n\n"
        "“Why not?” he asked."
    )
    assert speakers(text)[-1] == ("Why not?", "Robert Aderholt")


def test_a_persons_rep_speaks_for_the_person_but_rep_dot_is_a_title() -> None:
    text = (
        "Taylor Swift left the label. “We tried,” said Big Machine.\n\n"
        "Swift’s rep told Fox News that this was not true. “The label owes her money.”"
    )
    assert speakers(text)[-1] == ("The label owes her money.", "Swift")
    text = "“We tried,” said Rep. Brian Babin. “It failed,” Babin’s rep. said."
    assert [s for _, s in speakers(text)] == ["Brian Babin", "Brian Babin"]


def test_pronoun_skips_a_last_referent_of_the_other_gender() -> None:
    text = (
        'Oscar-winning actress Mary Steenburgen woke up changed. "I felt strange," '
        "Steenburgen said.\n\n"
        "Steenburgen’s son, filmmaker Charlie McDowell, also remembers it as a trying time. "
        '"It was a change," he said.\n\n'
        'Despite the paucity of roles, the actress was not itching to do more. "I had '
        'been somebody who liked music," she said.'
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Mary Steenburgen",
        "Charlie McDowell",
        "Mary Steenburgen",
    ]


def test_pronoun_skips_a_person_the_quote_names_and_finds_the_recent_subject() -> None:
    text = (
        'John Ford wrote novels, and he wrote them fast. "It is hard," he wrote.\n\n'
        "An agreeable woman in her 80s, Jane Starner lives in Indiana. She gave me an "
        "address for Ford’s sister, Martha Fry. "
        '"I cannot believe Martha would not want his books in print," she said.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["John Ford", "Jane Starner"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"I love it," Charlie McDowell laughed.', "Charlie McDowell"),
        ('"We miss him," Marc Benioff weighed in.', "Marc Benioff"),
        ('Tim Cook remembered Jobs and "going way off script."', "Tim Cook"),
        ('Twitter pledged to take "decisive corrective action" on it.', "Twitter"),
        ('"Ain\'t no place like home," Jessie Buckley sings.', "Jessie Buckley"),
        ('Marc Benioff introduced Cook as "someone who has redefined the job".', "Marc Benioff"),
        ('"I don\'t know," admitted coach Bill Belichick.', "Bill Belichick"),
        ('Ford’s spokesman, Mark Truby, said the company "remains committed."', "Mark Truby"),
        ('"We have no plans," a spokeswoman for Boeing said.', "Boeing"),
    ],
)
def test_more_verbs_of_speech(sentence: str, speaker: str) -> None:
    assert speakers(sentence)[0][1] == speaker


def test_an_acronym_that_spells_a_stop_word_is_a_name() -> None:
    text = 'Untreated pneumonic plague is "always fatal", says WHO.'
    assert speakers(text) == [("always fatal", "WHO")]
    # A title in capitals stays a title: "one neo-bank CEO told me" names no one.
    text = 'They help "the financial health of us all," as one neo-bank CEO told me.'
    assert speakers(text) == [("the financial health of us all,", None)]


def test_a_colon_after_an_object_name_gives_the_sentence_subject() -> None:
    text = (
        '"It grabbed me," Tom Harper said.\n\n'
        "Jessie Buckley, who phoned in from the set, had a similar experience: "
        '"It was that feeling of this is the song."\n\n'
        "Mary Steenburgen has found one drawback to working with Caitlyn Smith and Kate "
        'York: "They are such good singers that people get intimidated."'
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Tom Harper",
        "Jessie Buckley",
        "Mary Steenburgen",
    ]


def test_a_paragraph_subject_after_an_opening_phrase_is_the_pronoun_referent() -> None:
    text = (
        'Ann Lee and Mary Steenburgen met. "It works," Ann Lee said, and she smiled.\n\n'
        "As it turned out, Steenburgen had spent years on music, and she was nervous. "
        '"It was terrifying," she said.'
    )
    assert speakers(text)[-1] == ("It was terrifying,", "Mary Steenburgen")


def test_a_pronoun_slip_keeps_the_paragraph_subject_over_an_older_speaker() -> None:
    # The quote speaks of Mary Lee in the third person, and its paragraph names only Tom
    # Hall: "she" is read as a slip for him, not as Jane Doe from two paragraphs back.
    text = (
        'Mary Lee spoke first. "It was fun," she said.\n\n'
        'Jane Doe called later. "It was late," she said.\n\n'
        "Tom Hall still laughs at it, and he smiles. "
        '"It was easy for Mary Lee to coast, but she did not," she said.'
    )
    assert speakers(text)[-1][1] == "Tom Hall"


def test_a_partial_quote_next_to_a_closing_reported_speech_tag_is_that_persons() -> None:
    text = (
        "Michael Howitt studies tuft cells. It isn’t clear which function evolved first, "
        "Howitt says. Just because scientists found “taste” receptors on the tongue first, "
        "“that doesn’t mean that’s the order in which it evolved.”\n\n"
        'Privacy, which Apple views as "a fundamental human right", is built in. Another is '
        "stewardship of the Earth, Tim Cook said."
    )
    assert speakers(text) == [
        ("that doesn’t mean that’s the order in which it evolved.", "Michael Howitt"),
        ("a fundamental human right", "Tim Cook"),
    ]


def test_a_pronoun_opening_a_colon_sentence_means_the_last_subject() -> None:
    text = (
        "Rose-Lynn Harlan dreams of Nashville, and she sings every night.\n\n"
        '"I love that song," Mary Steenburgen said.\n\n'
        "The song conveys her journey, as Rose-Lynn summons the strength to go on. She "
        'apologizes to her family: "I pushed you away, then I got lost in the storm."'
    )
    assert speakers(text)[-1][1] == "Rose-Lynn Harlan"


def test_a_colon_quote_after_words_naming_no_one_continues_the_last_speaker() -> None:
    text = (
        '"I fought to get the full script," Mary Steenburgen said.\n\n'
        'That process led to a realization: "It was a love song to her city."\n\n'
        'Tom Harper had one worry: "It was really worrying."'
    )
    assert [q.speaker for q in find_quotes(text)] == [
        "Mary Steenburgen",
        "Mary Steenburgen",
        "Tom Harper",
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            'Ford was born in 1957. According to his aunt, Jane Starner, "He was brilliant '
            'from the start."',
            "Jane Starner",
        ),
        (
            '"I was unable to stand for more than a few minutes," wrote 43-year-old Martin '
            "Taylor of Aberdeenshire.",
            "Martin Taylor",
        ),
        (
            '"We suggest that the outgassing occurs at lower levels," Lucas Paganini and his '
            "team wrote in the paper.",
            "Lucas Paganini",
        ),
        (
            '"The evidence is not strong enough," Sweden’s deputy director of public '
            "prosecutions, Eva-Marie Persson, said on Tuesday.",
            "Eva-Marie Persson",
        ),
    ],
)
def test_tags_with_an_apposed_name_an_age_or_a_team(text: str, speaker: str) -> None:
    assert speakers(text)[0][1] == speaker


def test_a_pronoun_after_prose_that_moved_on_means_the_person_it_names() -> None:
    text = (
        'Valerie Smith represented him, and she sold his books. "I was overwhelmed," '
        "she said.\n\n"
        "When the deal was struck, I thought of Elise Matthesen. Elise Matthesen found him "
        "dead, and she never forgot it. How would she feel now?\n\n"
        '"I don’t even have words," she replied in an email.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Valerie Smith", "Elise Matthesen"]


def test_gender_from_an_apposed_role_and_not_from_an_object_pronoun() -> None:
    text = (
        '"He could have had a better career," Patrick Nielsen Hayden, Teresa’s husband, '
        "said.\n\n"
        "Valerie Smith found him and she called me. "
        '"I was overwhelmed," she said.'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Patrick Nielsen Hayden", "Valerie Smith"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We are joining," NASA Administrator Jim Bridenstine said.', "Jim Bridenstine"),
        ('"Buying rides is new," NASA\'s Steve Clarke said today.', "Steve Clarke"),
        ('Would Adam Schiff say it? "Make it go away," Adam Schiff said.', "Adam Schiff"),
    ],
)
def test_roles_owners_and_auxiliaries_are_no_part_of_a_name(sentence: str, speaker: str) -> None:
    assert speakers(sentence)[0][1] == speaker


def test_genders_from_roles_spouses_and_subject_pronouns() -> None:
    from ingest.names import NameBook
    from ingest.referents import Genders

    text = (
        "Oscar-winning actress Mary Steenburgen sings. Teresa Hayden’s husband, Patrick "
        "Hayden, edits. Chris Lee’s wife, Ann Lee, runs the firm, and she hires. "
        "Jo Walton writes, and she is quick. Sam Stone found him there."
    )
    genders = Genders(text, NameBook(text, []))
    assert genders.of("Mary Steenburgen") == "f"
    # "Chris Lee's wife, Ann Lee": a mention with another first name is someone else
    assert genders.of("Chris Lee") == "m"
    assert genders.of("Ann Lee") == "f"
    assert genders.of("Jo Walton") == "f"
    assert genders.of("Sam Stone") is None  # "found him": an object is someone else


def test_an_untagged_quote_goes_to_the_person_its_paragraph_opens_with() -> None:
    text = (
        '"We need a bigger rocket," Rep. Robert Aderholt said.\n\n'
        '"SLS is the only vehicle," Jim Bridenstine said.\n\n'
        'Aderholt returned to the issue later in the hearing. "What launch vehicles '
        'exist today?"'
    )
    assert speakers(text)[-1][1] == "Robert Aderholt"


def test_a_subject_followed_by_a_participle_clause_speaks_a_partial_quote() -> None:
    text = (
        "The group, WeWorkers Coalition, formed in recent weeks and sent a letter stating "
        'that they "don’t want to be defined by the scandals."'
    )
    assert speakers(text)[0][1] == "WeWorkers Coalition"


def test_an_outlet_relaying_an_unnamed_source_is_no_speaker() -> None:
    text = (
        "According to AFP, one user on Weibo, which is China’s version of Twitter, posted: "
        '"I just want to know how these two came to Beijing."'
    )
    assert speakers(text)[0][1] is None


def test_a_subject_of_unknown_gender_beats_a_last_referent_the_quote_names() -> None:
    text = (
        '"We are excited," the Doobie Brothers said.\n\n'
        'After "Black Water," Patrick Simmons teed up the cameo. "You know him from his '
        'band, the Doobie Brothers — Mr. Michael McDonald," he said.'
    )
    assert speakers(text)[-1][1] == "Patrick Simmons"


def test_speech_verbs_regrouped_by_initial_match_the_same_words() -> None:
    import re

    from ingest.speech_verbs import by_initial

    alts = r"says?|said|sa(?:ys|id) in a statement|tells?|add(?:s|ed)?"
    grouped = re.compile(rf"\b{by_initial(alts)}\b")
    plain = re.compile(rf"\b(?:{alts})\b")
    for text in ["said", "says", "say", "said in a statement", "tell", "adds", "sa", "toll"]:
        assert bool(grouped.fullmatch(text)) == bool(plain.fullmatch(text))


def test_a_last_referent_of_unknown_gender_yields_to_a_later_person_who_fits() -> None:
    text = (
        '"He would make art anywhere," Neil Gaiman told me. When Ford visited his editor '
        'Teresa Nielsen Hayden at her office, he left poems. "Life was not long enough," '
        "she recalled.\n\n"
        '"He could have had a better career," Patrick Nielsen Hayden, Teresa’s husband, said.'
    )
    assert speakers(text)[1] == ("Life was not long enough,", "Teresa Nielsen Hayden")


def test_by_initial_refuses_an_alternative_it_cannot_regroup() -> None:
    from ingest.speech_verbs import by_initial

    with pytest.raises(ValueError, match="does not start with a letter"):
        by_initial(r"said|\bx")


def test_a_pronoun_subject_after_a_time_phrase_describes_and_accuses_in_her_own_words() -> None:
    # "at the time she" is an opening phrase, not a preposition's object; the label named
    # with "which" is a thing, so "she" means the person, whose gender the text never gives
    text = (
        "Jane Okafor's early records came out on Blue Harbor, which was later sold to a "
        "fund run by investor Lee Park.\n\n"
        'In a blog post at the time she described the sale as a "real betrayal of trust" '
        'and accused him of "quiet, relentless pressure".'
    )
    assert speakers(text) == [
        ("real betrayal of trust", "Jane Okafor"),
        ("quiet, relentless pressure", "Jane Okafor"),
    ]


def test_which_after_a_name_is_no_evidence_when_the_text_gives_them_he_or_she() -> None:
    text = (
        "Dan Ruiz met Tom Wells. Wells said he liked it. Ruiz told Wells, which meant a lot."
        '\n\n"We are partners," he said.'
    )
    assert speakers(text)[-1][1] == "Tom Wells"


def test_it_says_after_they_said_in_a_statement_is_the_same_body() -> None:
    text = (
        "Harbor Records has denied it twice.\n\n"
        '"We never blocked anyone," they said in a statement on Friday.\n\n'
        "Now they have put out another statement.\n\n"
        '"All licences have been granted," it says.\n\n'
        '"Artists need no approval to play live."'
    )
    assert [q.speaker for q in find_quotes(text)] == ["Harbor Records"] * 3


@pytest.mark.parametrize(
    "tag",
    ["he’d respond,", "he'd reply,", "he would say,", "he'd tell friends", "he’ll tell you,"],
)
def test_a_modal_or_contracted_tag_speaks(tag: str) -> None:
    text = f'Omar Haddad wrote slowly. When asked why, {tag} "I hate being rushed."'
    assert speakers(text) == [("I hate being rushed.", "Omar Haddad")]


def test_she_said_tells_the_gender_a_later_he_skips() -> None:
    # the text gives neither Jo Walton nor Ford a gendered word; "she said" meant Walton,
    # so "he'd respond" right after means the man named earlier, not her
    text = (
        "Mike Ford wrote dense novels, and he knew it.\n\n"
        "Readers get lost, as the novelist Jo Walton explained to me. "
        "“It is too hard for people,” she said. When asked to explain, he’d respond, "
        "“I have a horror of being obvious.”"
    )
    assert [s for _, s in speakers(text)] == ["Jo Walton", "Mike Ford"]


@pytest.mark.parametrize(
    "owner",
    ["his claim in the same interview that the pair were", "Tom Hale's denial that they were"],
)
def test_the_owner_of_a_claim_noun_speaks_the_quote_it_leads_into(owner: str) -> None:
    text = (
        'Tom Hale spoke to the BBC. "I went to see him," he said.\n\n'
        f'That visit contradicts {owner} "not close".'
    )
    assert speakers(text)[-1] == ("not close", "Tom Hale")


def test_a_preposition_after_a_quote_starts_no_unnamed_source() -> None:
    # "with phone calls and": "calls" is a noun, so the untagged partial quote still
    # echoes the paragraph's source ("According to X, ... "…". She "…" with phone calls")
    text = (
        "According to Ann Lowe, the agent “was slowly vanishing” from the trade. "
        "She “became more and more distant” with phone calls and letters."
    )
    assert [s for _, s in speakers(text)] == ["Ann Lowe", "Ann Lowe"]


def test_a_polls_wording_is_the_pollsters() -> None:
    text = (
        "Voters have moved. A new CBS News poll shows support for the plan. "
        "Sixty percent say that “the plan is fair and should pass this year.” "
        "A fresh Gallup survey also shows that most want a vote if it “comes before the "
        "summer recess.”"
    )
    assert [s for _, s in speakers(text)] == ["CBS News", "Gallup"]


def test_a_share_saying_something_without_a_poll_names_no_pollster() -> None:
    text = "Voters have moved. Sixty percent say that “the plan is fair and should pass.”"
    assert [s for _, s in speakers(text)] == [None]


def test_the_giver_of_a_directive_speaks_its_words() -> None:
    text = (
        "Repression grew under Xi Jinping. The detentions originated in directives from Xi "
        "to “show absolutely no mercy” in the “struggle against terrorism, infiltration and "
        "separatism”."
    )
    assert speakers(text) == [
        ("show absolutely no mercy", "Xi Jinping"),
        ("struggle against terrorism, infiltration and separatism", "Xi Jinping"),
    ]
    assert speakers("Orders by the army to “clear the streets” followed.") == [
        ("clear the streets", None)
    ]


def test_what_a_crowd_will_say_is_nobodys() -> None:
    text = (
        "Adam Schiff believes that the more chaos he creates, the more the collective "
        "public will cover its ears and scream, “Make Trump just go away.” Schiff said, "
        "“We will go on.”"
    )
    assert speakers(text) == [
        ("Make Trump just go away.", None),
        ("We will go on.", "Adam Schiff"),
    ]


def test_a_possessive_after_a_subject_and_its_comma_is_not_the_subject() -> None:
    text = (
        "Van Der Beek lost to singer Ally Brooke and host Tom Bergeron.\n\n"
        "Bergeron chimed in, noting that Brooke’s offer was “a lovely gesture.”"
    )
    assert speakers(text) == [("a lovely gesture.", "Tom Bergeron")]


def test_a_possessive_before_a_verbs_s_form_is_a_noun_not_a_tag() -> None:
    text = (
        "Mara Quill sued the studio last week. Brightline Films has rejected Quill’s "
        "claims, saying they were “baseless and cruel.”"
    )
    assert speakers(text) == [("baseless and cruel.", "Brightline Films")]
    text = "Dana Holt met the board. Holt's said for years that “nothing will change.”"
    assert speakers(text) == [("nothing will change.", "Dana Holt")]


def test_a_subject_left_to_wonder_before_a_colon_speaks() -> None:
    text = (
        "In the end, Rosa Lind signed with a rival label, and Harbor Records will be left "
        'to wonder: "where did we go wrong?"'
    )
    assert speakers(text) == [("where did we go wrong?", "Harbor Records")]
    text = 'Fans of Tom Reyes wondered: "is this the end?"'
    assert speakers(text) == [("is this the end?", None)]
    text = 'After the vote, Mayor Ana Ruiz asked herself: "what now?"'
    assert speakers(text) == [("what now?", "Ana Ruiz")]


def test_an_organisation_named_with_its_kind_names_itself() -> None:
    text = (
        "Lena Park runs a studio. The Northgate Group said: “We are proud of the deal.” "
        "“It will grow,” Acme Holdings Company added."
    )
    assert speakers(text) == [
        ("We are proud of the deal.", "Northgate Group"),
        ("It will grow,", "Acme Holdings Company"),
    ]


def test_two_roles_joined_by_and_name_the_person_just_named() -> None:
    text = (
        "The band plays Denver in May. Lia Moreno joked about it on stage.\n\n"
        "After the encore, the singer and drummer told the crowd, “see you next summer.”"
    )
    assert speakers(text) == [("see you next summer.", "Lia Moreno")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Apple raised prices again. Apple fans wonder: "Is it worth it?"', "Apple"),
        ('Tesla cut the range. Tesla owners are left to wonder: "What next?"', "Tesla"),
        ('Chelsea lost again. Chelsea supporters wonder: "Who is to blame?"', "Chelsea"),
        ('Tom Smith lost. The question Smith never asked himself: "Why me?"', "Smith"),
    ],
)
def test_a_name_before_a_noun_that_wonders_is_no_speaker(text: str, name: str) -> None:
    (spoken,) = speakers(text)
    assert spoken[1] is None or name not in spoken[1]


def test_a_subject_left_to_wonder_through_auxiliaries_and_adverbs_speaks() -> None:
    text = 'Tesla cut the range, and Tesla is now left to wonder: "What next?"'
    assert speakers(text) == [("What next?", "Tesla")]
    text = 'Jo Park lost the vote. Park must surely still wonder: "Why did it go wrong?"'
    assert speakers(text) == [("Why did it go wrong?", "Jo Park")]


def test_the_company_or_the_ministry_is_no_own_name() -> None:
    text = 'Acme Ltd posted results. The Company said: "We are pleased with the year."'
    assert speakers(text) == [("We are pleased with the year.", "Acme Ltd")]
    text = 'Kenya’s Ministry of Health reported. The Ministry said: "Cases are falling."'
    assert speakers(text)[0][1] != "The Ministry"


def test_a_quote_paragraph_signed_on_the_next_line_is_the_signers() -> None:
    text = (
        "Guests left their reviews.\n\n"
        "“The show was great. Booking was easy.”\n\n"
        "– Man**\n\n"
        "“Very talented people! Must see.”\n\n"
        "— Jo** Al****\n\n"
        '"A lovely evening."\n'
        "- Mary K., Leeds\n"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Man**", "Jo** Al****", "Mary K."]


@pytest.mark.parametrize(
    "line",
    [
        "— Jo Bell (@jobell) May 1, 2019",  # a tweet's credit line
        "– Man** and more words on the same line about the show",
        "The review went on — Man**",
    ],
)
def test_a_credit_line_or_prose_after_a_quote_is_no_signature(line: str) -> None:
    text = f"The club shared a message.\n\n“We won the cup tonight.”\n\n{line}\n"
    assert [q.speaker for q in find_quotes(text)] == [None]


def test_a_signature_after_a_tagged_or_partial_quote_changes_nothing() -> None:
    text = (
        "“We won,” said Jo Bell after the final.\n\n"
        "– Man**\n\n"
        "The coach called it a “great night for the club.”\n\n"
        "– Ali***\n"
    )
    assert [q.speaker for q in find_quotes(text)] == ["Jo Bell", "Jo Bell"]


@pytest.mark.parametrize("credit", ["\n— Reuters", "\n\n- Mark Davies, Staff Writer"])
def test_a_wire_credit_or_byline_under_a_continued_quote_keeps_its_speaker(
    credit: str,
) -> None:
    text = (
        '"The storm was devastating," Mayor Jane Jones said.\n'
        '"We will rebuild, and we will be stronger."' + credit
    )
    assert [q.speaker for q in find_quotes(text)] == ["Jane Jones", "Jane Jones"]


@pytest.mark.parametrize("credit", ["– Reuters", "— The Associated Press", "- AFP"])
def test_a_wire_credit_under_a_lone_quote_paragraph_is_no_signature(credit: str) -> None:
    text = (
        "Officials said the bridge would reopen next month.\n"
        '"It has been a long wait for the people of this town."\n' + credit
    )
    assert [q.speaker for q in find_quotes(text)] == [None]


def test_an_unmasked_name_under_a_single_quote_paragraph_is_no_signature() -> None:
    # one quote paragraph and a name under it is a byline's shape, not a review list's
    text = "The council met on Monday.\n\n“The budget is balanced.”\n\n– Mark Davies\n"
    assert [q.speaker for q in find_quotes(text)] == [None]


def test_agency_credits_in_a_row_of_signed_quotes_sign_nothing() -> None:
    rows = [
        ("The bridge should have opened a year ago.", "– Mary K., Leeds"),
        ("The new bus lane works well for us.", "– Reuters"),
        ("Nobody asked the people of this town.", "- Mark Davies, Staff Writer"),
    ]
    page = "The bridge opened on Monday.\n\n" + "".join(f"“{q}”\n\n{s}\n\n" for q, s in rows)
    # one reader's name among credits is no list of signed letters
    assert [q.speaker for q in find_quotes(page)] == [None, None, None]
    rows.insert(1, ("The tolls are far too high.", "- Jo Bell, York"))
    page = "The bridge opened on Monday.\n\n" + "".join(f"“{q}”\n\n{s}\n\n" for q, s in rows)
    assert [q.speaker for q in find_quotes(page)] == ["Mary K.", "Jo Bell", None, None]
