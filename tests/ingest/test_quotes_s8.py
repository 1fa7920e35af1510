"""Speaker rules from session 8, read from blind-16's misses: a name that closes an
apposition its role opens ("the bank's chief economist, Jane Doe, said"), and quoted
subheadings, whose words belong to the section below them, not to the speaker above."""

from __future__ import annotations

from tests.ingest.quote_helpers import attributed, speakers


def test_a_role_then_a_name_in_apposition_is_whom_he_means() -> None:
    text = (
        '"Rates will rise," said Matthew Levitt.\n\n'
        "On Tuesday, Israel's chief military spokesperson, Rear Admiral Daniel Hagari, "
        "said the appointment would not stop Israel.\n\n"
        '"There is only one place for him," he told the television.'
    )
    assert speakers(text) == ["Matthew Levitt", "Daniel Hagari"]


def test_a_name_between_commas_with_no_verb_is_no_speaker() -> None:
    text = (
        '"Rates will rise," said Matthew Levitt.\n\n'
        "The deal, Hagari, was off.\n\n"
        '"There is only one place for him," he told the television.'
    )
    assert speakers(text) == ["Matthew Levitt", "Matthew Levitt"]


_ECONOMISTS = (
    "“Wages will slow,” said Ariane Curtis.\n\n"
    "‘Ends recession debate’: CPA Canada\n\n"
    "The latest jobs numbers just about end the recession debate, said CPA Canada's chief "
    "economist, David Brassard.\n\n"
    "“This is a blockbuster report,” said Brassard.\n\n"
)


def test_a_quoted_subheading_belongs_to_the_section_that_says_it() -> None:
    assert speakers(_ECONOMISTS) == ["Ariane Curtis", "David Brassard", "David Brassard"]


def test_a_subheading_the_section_does_not_say_names_no_one() -> None:
    """A subheading quoting a claim that the section then disputes is not the words of
    the first person the section quotes, nor of the speaker above it."""
    text = _ECONOMISTS.replace("‘Ends recession debate’", "‘U.S.-controlled bandit formations’")
    assert speakers(text) == ["Ariane Curtis", "CPA Canada", "David Brassard"]  # its tail
    text = text.replace(": CPA Canada", "")
    assert speakers(text) == ["Ariane Curtis", None, "David Brassard"]


def test_speech_cut_off_by_a_dash_is_no_subheading() -> None:
    text = (
        '"We were ahead at half-time," said coach Ann Lee.\n\n'
        '"And then we just stopped playing —"\n\nThe team lost 3-1.'
    )
    assert speakers(text) == ["Ann Lee", "Ann Lee"]


def test_a_subheading_repeated_in_the_section_takes_its_speaker() -> None:
    text = (
        '"The same factors are still there," Levitt said.\n\n'
        "'There is only one place for Yahya Sinwar'\n\n"
        "On Tuesday, the spokesperson, Daniel Hagari, said the army would pursue him.\n\n"
        '"There is only one place for Yahya Sinwar, and it is beside Deif," he said.'
    )
    assert speakers(text)[1:] == ["Daniel Hagari", "Daniel Hagari"]


def test_a_closing_quote_paragraph_with_a_full_stop_still_continues() -> None:
    """A one-line quote paragraph that ends a sentence is speech, not a subheading."""
    text = '"We will win," said Ariane Curtis.\n\n"It is certain."\n\nMarkets rose on Friday.'
    assert attributed(text)[1] == ("It is certain.", "Ariane Curtis")


def test_a_company_spokesperson_speaks_for_the_company_that_opened_the_last_sentences() -> None:
    text = (
        "Venezuela owes billions. Venezuela wants investment, and Venezuela is the story.\n\n"
        "ConocoPhillips, whom Venezuela owes around $10 billion, has signaled it will "
        "remain cautious.\n\n"
        '"ConocoPhillips is monitoring developments in Venezuela," a company spokesperson said.'
    )
    assert speakers(text) == ["ConocoPhillips"]


def test_a_police_spokesperson_is_not_the_company_that_opened_the_last_sentence() -> None:
    text = (
        "Police arrested a man on Sunday. Uber said the driver had been suspended, and Uber "
        "offered support.\n\n"
        '"Our thoughts are with the victim," a police spokesperson said.'
    )
    assert speakers(text) == [None]  # not Uber: the police are not named as a body


def test_a_word_capitalised_only_at_a_sentence_start_is_no_organisation() -> None:
    text = (
        "OpenAI opened an office in Paris, where OpenAI hires engineers.\n\n"
        "Looking ahead, the firm plans to grow.\n\n"
        '"We believe that 2025 will be the year of agents," a company spokesperson said.'
    )
    assert speakers(text) == ["OpenAI"]


def test_a_name_read_only_in_part_is_passed_over() -> None:
    text = (
        "The CBP said the offer was refused by CBP officials.\n\n"
        "Customs and Border Protection, part of Homeland Security, did not accept it.\n\n"
        '"Operating a vaccine program is not feasible," the agency spokesperson said.'
    )
    assert speakers(text) == [None]  # not "Customs", nor the quote's first word


def test_the_agency_is_the_institution_named_last() -> None:
    text = (
        "Omaha and Kansas City are in a Level 3 risk drawn up by the National Weather "
        "Service’s Storm Prediction Center. Kansas City braces. The agency warns that "
        "“all hazards will be possible.”"
    )
    (speaker,) = speakers(text)
    assert speaker is not None and speaker.endswith("Storm Prediction Center")


def test_a_surname_that_opens_with_its_particle_speaks_after_the_verb() -> None:
    text = (
        '"It is an inland sea," Erik van Sebille, an oceanographer, told Reuters.\n\n'
        '"It is so shallow," said van Sebille, noting the sun.\n\n'
        "Mayor Bill de Blasio spoke on Monday.\n\n"
        '"We will act now," said de Blasio.'
    )
    assert speakers(text) == ["Erik van Sebille", "Erik van Sebille", "Bill de Blasio"]


def test_a_particle_before_a_common_word_is_no_name() -> None:
    text = (
        '"We will act," said Anna Berg.\n\n'
        '"Then we will talk again," said de facto leaders of the group.'
    )
    assert speakers(text) == ["Anna Berg", None]


def test_a_link_to_another_story_between_paragraphs_is_passed_over() -> None:
    text = (
        "The Girrawheen grandmother beaten inside her home has spoken.\n\n"
        "Ninette Simons is still bruised but is bravely sharing her story.\n\n"
        "READ MORE: Man arrested after fatal Perth house fire\n\n"
        '"I\'m very frightened," she said.'
    )
    assert speakers(text) == ["Ninette Simons"]


def test_an_army_or_ministry_named_by_its_country_speaks_as_itself() -> None:
    text = (
        "Officials said several homes were damaged.\n\n"
        "The Indian army in a statement said Pakistani troops “resorted to arbitrary "
        "firing,” including shelling. It said it was “responding in a proportionate manner.”"
    )
    assert speakers(text) == ["Indian army", "Indian army"]


def test_the_ministry_is_the_ministry_named_last() -> None:
    text = (
        "The drills were announced by India’s home ministry on Monday. Sirens will sound "
        "in case of any “hostile attacks,” the ministry said in a statement."
    )
    assert speakers(text) == ["India’s home ministry"]


def test_a_name_before_a_plural_noun_after_said_is_no_speaker() -> None:
    """ "said German officials": the name modifies the reported clause's subject; a name
    before a function word ending in s ("said Modi this week") still speaks."""
    assert speakers('"We must wait," said German officials.') == [None]
    assert speakers('"We go," said ten Democrats in a letter.') == [None]
    text = 'Narendra Modi visited Paris. The deal, said Modi this week, is "a historic milestone."'
    assert speakers(text) == ["Narendra Modi"]


def test_a_country_that_is_also_a_first_name_stays_the_country() -> None:
    text = (
        "Defence minister Israel Katz announced the ban in March.\n\n"
        "South Africa brought the case against Israel. Aid workers in Israel and in Gaza wait, "
        "and prices in Israel rise.\n\n"
        "In its written submission, Israel said there are multiple “inextricable links” "
        "between the two cases."
    )
    assert speakers(text) == ["Israel"]


def test_a_first_name_said_to_someone_still_means_the_person() -> None:
    text = (
        "Mike Ford met his daughter in Denver.\n\n"
        "He talked to Mike about it, and wrote to Mike later.\n\n"
        '"You tell me one, and I will tell it to someone," Mike said.'
    )
    assert speakers(text) == ["Mike Ford"]


def test_a_megabyte_of_first_names_that_are_also_places_is_read_in_bounded_time() -> None:
    import random
    import string
    import time

    from ingest.analyse import analyse

    rng = random.Random(1)
    words = ["".join(rng.choices(string.ascii_lowercase, k=6)).capitalize() for _ in range(20000)]
    text = "".join(
        f'{w} Zed met. It rained in {w} and in {w}. "We go now," {w} said. ' for w in words
    )
    start = time.perf_counter()
    analyse(text[:1_000_000])
    assert time.perf_counter() - start < 1.0


def test_a_name_after_a_role_ending_in_the_place_speaks_not_the_place() -> None:
    text = (
        "The UN condemned the ban.\n\n"
        "Palestinian Ambassador to the Netherlands, Ammar Hijazi, told the court on Monday "
        "that “death looms large” in Gaza."
    )
    assert speakers(text) == ["Ammar Hijazi"]


def test_a_role_left_without_its_closing_comma_still_names_the_person() -> None:
    text = (
        "The Local Government Association has described the violence as deplorable.\n\n"
        "Cllr Louise Gittins, Chair of the Local Government Association said: “The unrest "
        "has been deplorable.”"
    )
    assert speakers(text) == ["Louise Gittins"]


def test_a_relative_clause_after_a_comma_reports_the_names_speech() -> None:
    text = (
        "Among those who came to help was councillor Margaret Clarke, who said those "
        "responsible had exhibited “stone age thinking”."
    )
    assert speakers(text) == ["Margaret Clarke"]


def test_a_role_noun_before_who_is_not_a_speech_tag() -> None:
    """Without the comma, "an Oklahoma Republican who warned" is a role's noun phrase."""
    from ingest.tag_subjects import WHO_VERB

    assert WHO_VERB.search("Senator James Lankford, an Oklahoma Republican who warned") is None
    m = WHO_VERB.search("was councillor Margaret Clarke, who said those")
    assert m is not None and m.group("who") == "Margaret Clarke"


def test_detailed_and_outlined_tag_speech() -> None:
    text = (
        "MEC Jacob Mamabolo visited the area.\n\n"
        '"The plan was approved in May and is now in force," Mamabolo detailed.\n\n'
        '"Residents will get alerts by SMS and email," he outlined.'
    )
    assert speakers(text) == ["Jacob Mamabolo", "Jacob Mamabolo"]


def test_detailed_as_an_adjective_tags_nothing() -> None:
    text = 'Officials released a detailed "plan for the next ten years" on Monday.'
    assert speakers(text) == [None]


def test_an_offices_spokesperson_named_after_it_speaks_not_the_office() -> None:
    text = (
        'The Russian foreign ministry\'s spokeswoman, Maria Zakharova, said it was "a provocation."'
    )
    assert speakers(text) == ["Maria Zakharova"]


def test_a_place_in_apposition_is_no_referent_for_he() -> None:
    text = (
        '"We will rebuild," said Mayor John Smith.\n\n'
        "Officials in Tampa, Florida, said 20 people died.\n\n"
        '"It was the worst night of my life," he said.'
    )
    assert speakers(text) == ["John Smith", "John Smith"]


def test_the_ministry_is_not_an_embassy_named_since() -> None:
    text = (
        "The Chinese embassy in London rejected the claims.\n\n"
        '"This is slander," the ministry said.'
    )
    assert speakers(text) == [None]  # not the embassy: no ministry is named


def test_a_first_name_after_against_or_as_an_owner_is_still_the_person() -> None:
    text = (
        "Hunter Biden was convicted. The case against Hunter rested on evidence against "
        "Hunter, and investors in Hunter's firm left.\n\n"
        '"I am grateful for the support," Hunter said.'
    )
    assert speakers(text) == ["Hunter Biden"]


def test_as_x_puts_it_tags_a_partial_quote() -> None:
    text = (
        "Bob Enslin runs sales.\n\n"
        "Clipboard AI combines the models to — as Enslin puts it — “bring the power of "
        "automation to anyone.”"
    )
    assert speakers(text) == ["Bob Enslin"]


def test_highlighted_tags_a_partial_quote() -> None:
    text = (
        "Family doctors were urged to take care.\n\n"
        "The Royal College of GPs highlighted “horrific and unacceptable” abuse of staff."
    )
    (speaker,) = speakers(text)
    assert speaker is not None and speaker.startswith("Royal College")


def test_an_inverted_tag_with_an_owners_role_names_the_person() -> None:
    text = (
        "“There is something deeply restorative about arriving in Jasper,” says the "
        "resort’s general manager Garrett Turta. “At the lodge, luxury is about space.”"
    )
    assert speakers(text) == ["Garrett Turta", "Garrett Turta"]


def test_a_name_closing_a_role_after_an_opening_phrase_speaks() -> None:
    text = (
        "Hijazi spoke first.\n\n"
        "On Tuesday, South Africa’s Department of International Relations (Dirco) "
        "director-general, Zane Dangor, told the court that “under the world’s watchful "
        "eye, Palestinians suffer”."
    )
    assert speakers(text) == ["Zane Dangor"]
    place = "John Smith spoke.\n\nOn Monday, officials in Tampa, Florida, said that “it is over”."
    assert speakers(place) == [None]


def test_a_relative_named_by_possession_is_the_other_family_member_named() -> None:
    text = (
        "Donna Kelce has praised Taylor Swift‘s new album. Speaking in Las Vegas, Travis "
        "Kelce‘s mom confirmed, “I listened to the whole album, all morning.”"
    )
    assert speakers(text) == ["Donna Kelce"]


def test_a_relative_named_in_apposition_is_that_person() -> None:
    text = (
        "Sandra Lindsay was held in the house.\n\n"
        "Sandra Lindsay’s sister, Tracey Lomax, recently told CNN she “really wanted” him "
        "to stay in jail."
    )
    assert speakers(text) == ["Tracey Lomax"]


def test_a_possessive_opening_a_sentence_is_the_owner_not_the_speaker() -> None:
    text = (
        "Mattia Ahmet Minguzzi is the son of chef Andrea Minguzzi.\n\n"
        "His family say they are distraught. Mattia's father, Andrea, posted on social "
        'media: "He had asked his mother for money."'
    )
    assert speakers(text) == ["Andrea Minguzzi"]


def test_for_x_comma_gives_xs_view_in_xs_words() -> None:
    text = (
        "M&S launched a bodysuit.\n\n"
        "For Stylist Shauna Flavin, shape wear shouldn’t be about ‘hiding our bodies’.\n\n"
        "‘It’s about making us feel more confident,’ she told Metro."
    )
    assert speakers(text) == ["Shauna Flavin", "Shauna Flavin"]
    assert speakers("For example, the plan was “a failure” according to no one.") == [None]


def test_uttered_tags_speech() -> None:
    text = "Sigourney Weaver took the stage. Weaver uttered the lines: “Upon thy wicked dam!”"
    assert speakers(text) == ["Sigourney Weaver"]


def test_a_title_then_a_name_in_apposition_is_that_person() -> None:
    text = (
        "Boris Johnson spoke first.\n\n"
        '"We will win," Johnson said.\n\n'
        '"I\'m not going anywhere," the chief executive, Anne Boden, told the BBC.'
    )
    assert speakers(text) == ["Boris Johnson", "Anne Boden"]


def test_a_word_qualifying_a_title_is_not_the_person() -> None:
    text = 'Health minister Sarah Jones defended the plan. "It will save lives," she said.'
    assert speakers(text) == ["Sarah Jones"]


def test_a_capitalised_ministry_named_by_its_country_speaks_and_then_the_ministry() -> None:
    text = (
        "Russia had vowed to strike back.\n\n"
        "Russia’s Defense Ministry on Sunday confirmed the weapon’s use to strike Ukrainian "
        "“military command and control facilities,” and bases. The ministry added the attack "
        "was retaliation for attacks on “civilian facilities on Russian territory,” without "
        "detail."
    )
    first, second = speakers(text)
    assert first == "Russia’s Defense Ministry"
    assert second is not None and second.endswith("Defense Ministry")
