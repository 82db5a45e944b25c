"""Counts of people (pressx_participants) on real sentences from the corpora and archive."""

from __future__ import annotations

import pytest

from pressx.text.numbers import number_value
from tests.test_count_tables import LWE, RECOMMENDED  # archive tables

# (sentence, [(count, qualifier, agency, is_total, category, words at the offsets)])
CASES = [
    (
        "17 female officers from the Federal Investigation Agency’s (FIA) Anti-Human Trafficking "
        "units and 8 female police officers of the Punjab police participated in the weeklong "
        "training.",
        [
            (17, "exact", "FIA", False, "participants", "17 female officers"),
            (8, "exact", "Punjab police", False, "participants", "8 female police officers"),
        ],
    ),
    (
        "HE further added “I feel honored today to address 25 police officers representing the "
        "FIA and the Punjab police.",
        [(25, "exact", None, True, "participants", "25 police officers")],
    ),
    (
        "The event was held at Concord Church and was attended by more than 400 people.",
        [(400, "at_least", None, True, "participants", "more than 400 people")],
    ),
    (
        "In fact, due to this year’s Expo, approximately 330 people will ultimately be granted "
        "an expunction.",
        [(330, "approx", None, True, "participants", "approximately 330 people")],
    ),
    (
        "A woman will be arraigned tomorrow for stealing over $77,000 from more than two dozen "
        "victims by claiming she could help them with loan modifications.",
        [
            (1, "exact", None, True, "defendants", "A woman"),  # the subject arraigned
            (24, "at_least", None, True, "victims", "more than two dozen victims"),
        ],
    ),
    (
        "Twenty-seven defendants were arrested during a day-long sweep.",
        [(27, "exact", None, True, "detained", "Twenty-seven defendants")],
    ),
    (
        "A special job fair organised on 16 December witnessed participation from 157 Divyang "
        "youth, of whom 99 were shortlisted and several received on-the-spot job offers.",
        [
            (157, "exact", None, True, "participants", "157 Divyang youth"),
            (99, "exact", None, False, "participants", "99 were shortlisted"),
        ],
    ),
    (
        "16 Shootings, One of Them Fatal, And Six Non-Fatal Victims,",
        [(6, "exact", None, True, "victims", "Six Non-Fatal Victims")],
    ),
    (
        "It is alleged that defendant Tyquan Holmes, two unidentified others, and Tamari Carmona "
        "fired in the direction of two Folk members they encountered.",
        # "two unidentified others" are listed among named defendants: not a count of their own
        [(2, "exact", "Folk", True, "participants", "two Folk members")],
    ),
    (
        # single defendants listed one by one, an organisation's name as a modifier: in all, two
        "Today, the Harris County District Attorney’s Office announced that it has filed five "
        "felony charges against a local Texas Department of Motor Vehicles (DMV) employee and a "
        "co-conspirator involved in a car title laundering scheme.",
        [
            (
                1,
                "exact",
                "DMV",
                False,
                "defendants",
                "a local Texas Department of Motor Vehicles (DMV) employee",
            ),
            (
                2,
                "exact",
                None,
                True,
                "defendants",
                "a local Texas Department of Motor Vehicles (DMV) employee and a co-conspirator",
            ),
            (1, "exact", None, False, "defendants", "a co-conspirator"),
        ],
    ),
    (
        # the people a contingent comprises belong to the agency named with the contingent
        "An Indian Army contingent has departed for the United Arab Emirates (UAE) to participate "
        "in the second edition of the exercise. The Indian contingent comprises 45 personnel , "
        "primarily from a battalion of The Mechanised Infantry Regiment .",
        [(45, "exact", "Indian Army", True, "participants", "45 personnel")],
    ),
    # Indian numbering: decimals before lakh / crore (pib_india/2206480, 2205198, 2206488)
    (
        "The initiative witnessed an overwhelming response, with around 7.4 lakh students "
        "participating from across the country and 7,705 entries received.",
        [(740000, "approx", None, True, "participants", "around 7.4 lakh students")],
    ),
    (
        "The campaign reached more than 9 crore people including 8.7 crore youth and 6 crore "
        "women.",
        [
            (90000000, "at_least", None, True, "participants", "more than 9 crore people"),
            (87000000, "exact", None, False, "participants", "8.7 crore youth"),
            (60000000, "exact", None, False, "participants", "6 crore women"),
        ],
    ),
    (
        "The New Terminal Building is designed to handle up to 1.3 crore passengers annually.",
        [(13000000, "at_most", None, True, "participants", "up to 1.3 crore passengers")],
    ),
    # "the first 500": an ordinal before the number is not a part of it (dallas_tx Expunction
    # Expo 2024 kick-off; dev2 pros2-kings-gun-buyback-record-2022)
    (
        "Tablets will be given to the first 500 applicants, so it is recommended to apply early.",
        [(500, "exact", None, True, "participants", "500 applicants")],
    ),
    (
        "The District Attorney thanked the businesses who contributed iPads that were given as "
        "an added incentive to the first 50 participants: T-Mobile and Broadway Stages.",
        [(50, "exact", None, True, "participants", "50 participants")],
    ),
    # an organisation that consists of, employs or has the people is their agency
    # (dallas_tx 2024 Annual Report, orange_ca Cazares chair, san_diego_ca class-2019 deputy DAs)
    (
        "The Appellate Division of the Dallas County District Attorney’s Office consists of 22 "
        "attorneys.",
        [
            (
                22,
                "exact",
                "Appellate Division of the Dallas County District Attorney",
                True,
                "participants",
                "22 attorneys",
            )
        ],
    ),
    (
        "The OCDA is the largest law firm in Orange County and employs over 250 attorneys who "
        "review and prosecute cases.",
        [(250, "at_least", "OCDA", True, "participants", "over 250 attorneys")],
    ),
    (
        "The San Diego DA’s Office has more than 1,080 employees.",
        [
            (
                1080,
                "at_least",
                "San Diego DA’s Office",
                True,
                "participants",
                "more than 1,080 employees",
            )
        ],
    ),
    (  # a person, not an organisation, has them: no agency
        "He is married and has two children.",
        [(2, "exact", None, True, "participants", "two children")],
    ),
    # "the arrest of N individuals" counts the individuals, not one arrest (miami_dade_fl
    # press-release_17245-2, media-advisory-trio-charged..., 13-charged-in-round-up...)
    (
        "Miami-Dade Police Director Christopher Carothers will hold a press conference to "
        "announce the arrest of 4 individuals charged in the 2021 shootings.",
        [(4, "exact", None, True, "defendants", "4 individuals")],
    ),
    (
        "Miami-Dade Police Director Stephanie V. Daniels will hold a press conference to announce "
        "the arrest of 13 individuals involved in a criminal racketeering enterprise.",
        [(13, "exact", None, True, "detained", "13 individuals")],
    ),
    # one defendant counts as the subject of the verb saying what happened to him; where he is
    # from is no agency (san_diego_ca news_sentencing-in-1987-cold-case-murder, kings_ny
    # 2022_09_21_brooklyn-man-sentenced..., 2018_04_04_brooklyn-man-indicted...)
    (
        "San Diego County District Attorney Summer Stephan announced today that a Poway man has "
        "been sentenced to 25 years-to-life for murdering a young woman in Carlsbad more than 35 "
        "years ago.",
        [
            (1, "exact", None, True, "defendants", "a Poway man"),
            (1, "exact", None, True, "killed", "a young woman"),
        ],
    ),
    (
        "Brooklyn District Attorney Eric Gonzalez today announced that a Flatbush man has been "
        "sentenced to 30 years in prison following his guilty plea.",
        [(1, "exact", None, True, "defendants", "a Flatbush man")],
    ),
    (
        "Brooklyn District Attorney Eric Gonzalez today announced that a Brooklyn man has been "
        "charged with scheme to defraud and stealing $7,000 from two women.",
        [
            (1, "exact", None, True, "defendants", "a Brooklyn man"),
            (2, "exact", None, True, "participants", "two women"),
        ],
    ),
    # what was meant to happen did not happen, and the subject of a killing did it
    # (san_diego_ca news_judge-grants-recall-...-andy-williams, orange_ca
    # press_parole-denied-for-inmate-who-murdered-man-and-attempted-to-murder-two-others...)
    (
        "Due to Williams’ age when he murdered two students and attempted to murder 13 others, "
        "his adult convictions will be re-designated.",
        [
            (2, "exact", None, True, "killed", "two students"),
            (13, "exact", None, True, "participants", "13 others"),
        ],
    ),
    (
        "The Governor reversed the parole yesterday for an inmate convicted of murdering an "
        "unarmed man and attempting to murder two others at Mile Square Park.",
        [
            (1, "exact", None, True, "killed", "an unarmed man"),
            (2, "exact", None, True, "participants", "two others"),
        ],
    ),
    (  # ISAF dev: the subject of an act is counted by a later verb that says what happened
        "During the operation several insurgents presented an immediate threat to the combined "
        "force and were killed, two men were taken into custody by Afghan authorities.",
        [
            (3, "at_least", None, True, "killed", "several insurgents"),
            (2, "exact", None, True, "detained", "two men"),
        ],
    ),
    # an "of" inside a proper name before the people noun (orange_ca
    # press_remarks-by-district-attorney-tony-rackauckas-7, shortened; ISAF dev)
    (
        "The task force includes 7 California Department of Insurance investigators, 18 "
        "investigators from the Franchise Tax Board, and 11 investigators from the California "
        "Employment Development Department.",
        [
            (
                7,
                "exact",
                "California Department of Insurance",
                False,
                "participants",
                "7 California Department of Insurance investigators",
            ),
            (18, "exact", "Franchise Tax Board", False, "participants", "18 investigators"),
            (
                11,
                "exact",
                "California Employment Development Department",
                False,
                "participants",
                "11 investigators",
            ),
        ],
    ),
    (
        "After questioning, the force apprehended several suspected Islamic Movement of "
        "Uzbekistan insurgents.",
        [
            (
                3,
                "at_least",
                "Islamic Movement of Uzbekistan",
                True,
                "detained",
                "several suspected Islamic Movement of Uzbekistan insurgents",
            ),
        ],
    ),
    # deaths count people killed (san_diego_ca news_murder-charges-in-fentanyl-overdose-death,
    # news_fatal-duis-spike-amid-covid-19; dallas_tx 2023 Annual Report: "11 deaths in custody")
    (
        "That same year, the county saw 814 deaths caused by fentanyl poisoning.",
        [(814, "exact", None, True, "killed", "814 deaths")],
    ),
    (
        "The worst year for fatal DUI crashes was 2017, when we had 25 deaths.",
        [(25, "exact", None, True, "killed", "25 deaths")],
    ),
    # "N lakh+" (issue 14): the plus is a qualifier, the multiplier still applies
    (
        "As part of the Jan Andolan, 2 lakh+ MYBharat volunteers have come forward.",
        [(200000, "at_least", "MYBharat", True, "participants", "2 lakh+ MYBharat volunteers")],
    ),
    # roles of the lexicon counted in the archive (dallas_tx 2024 Annual Report, PR_Lizcano)
    (
        "Over 450 applicants screened through Satellite Offices",
        [(450, "at_least", None, True, "participants", "Over 450 applicants")],
    ),
    (
        "Jury instructions require all 12 jurors to agree to a verdict favoring the State.",
        [(12, "exact", None, True, "participants", "12 jurors")],
    ),
]

# Sentences with numbers that are not counts of people: percentages, ages, money, years.
NOT_COUNTS = [
    "The UN Global Report on Trafficking in Persons states that women and girls represent more "
    "than 70 per cent of detected human trafficking victims over the last 15 years.",
    "About 70 percent of the defendants are prior felons with previous convictions.",
    "A 32-year-old man from Humble was sentenced to life in prison for shooting his girlfriend.",
    "The Global Action is a four-year (2018-2022), €12 million joint initiative.",
    # the people counted are named: the people table has them
    "Martin Reeve, Regional Advisor, GLO.ACT Asia and the Middle East, led the coaching session "
    "along with two national experts, Jawad Hussain, law enforcement expert from FIA and Qasim "
    "Khan, prosecution expert and an independent defence attorney.",
    # a single defendant is a person, not a count, unless listed with others
    "Video surveillance captured a physical altercation between the defendant and the victim "
    "just moments before the shooting.",
    "In another, a defendant allegedly carried a firearm in an office meeting with a supervised "
    "release counselor, then opened fire on alleged rivals on his way out the door.",
    "Going beyond the classroom setting, 3 coaching sessions, each lasting 2 days, will "
    "complement this weeklong training.",
    # a line break before a capitalised line ends the phrase: a page's reading time, a headline
    "Search for\nPress\n5 min read\nDRUG DEALER TO BE ARRAIGNED FOR POSSESSING 95 POUNDS OF "
    "HEROIN FOR SALE IN HIDDEN CAR COMPARTMENTS\nAuthor\nLei Lani Fera",
    # a defendant mentioned, not what happened to him (corpus/dev pros-kings-coney-island...)
    "In another, a defendant allegedly carried a firearm in an office meeting with a supervised "
    "release counselor.",
    # ISAF dev: an operation to detain someone is no detention
    "Combined forces conducted a clearing operation to detain a Taliban leader and improvised "
    "explosive device facilitator in Nowzad district, Helmand province.",
    # vague words are no figure outside ISAF's killed/detained (orange_ca press_64-year-old-
    # woman-charged-for-shooting-murder-..., press_ocda-opposes-parole-granted-for-man-who-...)
    "Bae and several family members were in front of a house in Brea preparing to leave for "
    "dinner.",
    "Perez, who is a family friend of the homeowner, was at the house along with several other "
    "children ranging in age from 8 to 19 years old.",
    # money in crore: no people noun follows (pib_india/2205200)
    "For capacity building of states a total of approx. Rs. 1,643 crore have been released "
    "from FY 2020-21 to 2024-25 to LWE affected states.",
    "Works of Rs. 1757 crore have been sanctioned to LWE affected states.",
]

# ISAF releases: killed and detained counts, with the words the scorer looks for.
ISAF = [
    (
        "A combined Afghan and coalition force killed one armed individual and detained numerous "
        "suspected insurgents while searching for a Haqqani facilitator in Jani Khel district.",
        [(1, "killed", "killed"), (4, "detained", "detained")],
    ),
    (
        "An Afghan-international security force detained several suspected militants in Helmand "
        "while searching for a Taliban commander.",
        [(3, "detained", "detained")],
    ),
    (
        "In Sabari district, Khost province, a HIG leader along with two suspected insurgents was "
        "detained during a security operation.",
        [(1, "detained", "detained"), (2, "detained", "detained"), (3, "detained", "in all")],
    ),
    (
        # the people of one sentence add up, and so do those of the release
        "A combined Afghan and coalition security force captured a Taliban leader and several of "
        "his associates during a security operation yesterday. The security force also detained "
        "two suspected insurgents.",
        [
            (1, "detained", "captured"),
            (3, "detained", "captured"),
            (2, "detained", "detained"),
            (4, "detained", "in all"),
            (6, "detained", "in all"),
        ],
    ),
    (
        # a hyphenated name between the determiner and the noun; a line wrapped after "a"
        "A combined force captured a Hezb-e-Islami Gulbuddin leader and killed a\nsuspected "
        "insurgent in Sabari district.",
        [(1, "detained", "captured"), (1, "killed", "killed")],
    ),
    (
        # a role without a determiner before the name of the one person it counts
        "An Afghan and coalition security force killed Taliban leader, Mahjur, along with one "
        "other insurgent, during a security operation in Nari district.",
        [(1, "killed", "killed"), (1, "killed", "killed"), (2, "killed", "in all")],
    ),
    (
        # the dateline's dash is not a hyphen joining the number to a word before it
        "KABUL, Afghanistan (Aug. 14) - Two insurgents were killed and several others detained "
        "in a combined operation.",
        [(2, "killed", "killed"), (3, "detained", "detained")],
    ),
    (
        # people counted first and said to be killed later
        "During the operation, the CRU positively identified multiple armed insurgents "
        "displaying hostile intent. Responding to the immediate threat, the security force "
        "engaged and killed the insurgents.",
        [(3, "killed", "killed")],
    ),
    (
        # "the approaching insurgents" are the 11 counted last, not the several before; the
        # several who fired are no figure (vague words are figures only for killed/detained)
        "The force took fire from several insurgents. It returned fire, killing four "
        "insurgents. Later a group of 11 armed insurgents approached, and aircraft fired on "
        "the approaching insurgents, killing all 11 insurgents.",
        [
            (4, "killed", "killed"),
            (11, "participants", "insurgents"),
            (11, "killed", "killed"),
            (15, "killed", "in all"),
        ],
    ),
    (
        # a plural conjunct ends its phrase before a date word
        "In Sabari district, Khost province an Afghan-led security force captured a Haqqani "
        "leader and two suspected insurgents yesterday.",
        [(1, "detained", "captured"), (2, "detained", "captured"), (3, "detained", "in all")],
    ),
    (
        # "both" refers back to people counted before
        "When ANSF told the occupants to get out, the two men in the vehicle did so. Both men "
        "were detained for further questioning.",
        [(2, "detained", "detained")],
    ),
    (
        # a vague quantity that starts with "a" counts several people
        "The joint force also detained a couple of other militants.",
        [(2, "detained", "detained")],
    ),
    (
        # a light verb says what happened through its object; "take" alone is "take part"
        "Security forces took the two occupants of the vehicle into custody for questioning.",
        [(2, "detained", "detained")],
    ),
    (
        "An Afghan and coalition security force arrested a Taliban weapons dealer during an "
        "operation in Sangin district.",
        [(1, "detained", "arrested")],
    ),
    (
        "During the operation, several suspected insurgents were detained and two were killed.",
        [(3, "detained", "detained"), (2, "killed", "killed")],
    ),
    (
        "Afghan and coalition security forces killed more than 15 armed insurgents during an "
        "operation in Sherzad district, Nangarhar province last night.",
        [(15, "killed", "killed")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_counts(make_doc, text, expected):
    doc = make_doc(text)
    got = [
        (p.count, p.qualifier, p.agency, p.is_total, p.category, text[p.char_start : p.char_end])
        for p in doc._.participants
    ]
    assert got == expected


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_counts(make_doc, text):
    assert make_doc(text)._.participants == []


@pytest.mark.parametrize(("text", "expected"), ISAF)
def test_killed_and_detained(make_doc, text, expected):
    doc = make_doc(text)
    got = [(p.count, p.category) for p in doc._.participants]
    assert got == [(count, category) for count, category, _ in expected]
    for p, (_, _, word) in zip(doc._.participants, expected, strict=True):
        assert word in p.description


@pytest.mark.parametrize(
    ("words", "value"),
    [(["17"], 17), (["2,362"], 2362), (["twenty", "-", "five"], 25), (["Twenty-seven"], 27)],
)
def test_number_value(words, value):
    assert number_value(words) == value


def test_headline_repeat_counted_once(corpus_docs):
    """'Nearly 600 People Attend' in the headline and 'some 575 people attended' in the body
    are one figure: the precise one is kept."""
    doc = corpus_docs["pros-kings-citizens-safety-day-2015"]
    people = [(p.count, p.qualifier) for p in doc._.participants if "people" in p.description]
    assert (575, "approx") in people
    assert all(count != 600 for count, _ in people)


def test_seed_counts_belong_to_the_training(corpus_docs):
    doc = corpus_docs["unodc-2020-11-06-female-officers-training"]
    counts = {p.count: p for p in doc._.participants}
    assert set(counts) == {17, 8, 25}
    assert counts[17].part_group == counts[8].part_group is not None
    assert counts[25].is_total


def test_a_crime_the_people_are_linked_to_is_not_what_happened_to_them(make_doc):
    doc = make_doc(
        "Forces detained a key Taliban facilitator linked to the murder of a local Afghan in "
        "March in Kandahar."
    )
    assert all(p.category != "killed" for p in doc._.participants)


def test_a_table_of_people_counts_its_rows_and_total_row(make_doc):
    doc = make_doc(LWE)
    got = [(p.count, p.category, LWE[p.char_start : p.char_end]) for p in doc._.participants]
    assert got[:3] == [(140, "killed", "140"), (43, "killed", "43"), (97, "killed", "97")]
    assert [p.count for p in doc._.participants if p.is_total] == [617, 192]
    assert len(got) == 14


def test_figures_inside_table_rows_are_the_table_s(make_doc):
    counts = [p.count for p in make_doc(RECOMMENDED)._.participants]
    # the rows' remarks "(including 07 PwBD-03 candidates)" are not counts of their own
    assert counts == [202, 61, 79, 116, 458, 168, 50, 133, 68, 39]


def test_a_table_not_heading_people_is_no_count(make_doc):
    text = (  # pib_india/2205700: vacancies, not people
        "The number of vacancies reported by the Government to be filled are as under: "
        "Discipline Vacancies Total General EWS OBC SC ST Civil Engineering 251 127 26 54 26 18 "
        "Mechanical Engg. 072 33 05 21 10 03 Total 323 160 31 75 36 21 5. The candidature."
    )
    assert make_doc(text)._.participants == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # archive los_angeles_ca media_news_man-charged-killing-actor-james-handy-tarzana
            "Michael Gledhill, 29, was charged. Police arrested Gledhill who lived at the home "
            "with his mother who had been dating Handy.",
            (1, "detained", "Gledhill"),
        ),
        (  # orange_ca press_lake-forest-karate-instructor-sentenced-to-jail-for-indecent-...
            "Amonullah Sakhi, 26, Lake Forest, pleaded guilty to a court offer. On Sept. 11, 2009, "
            "Orange County Sheriff’s Department deputies arrested Sakhi at his karate studio.",
            (1, "detained", "Sakhi"),
        ),
        (  # ISAF dev: a role set off before a name the parse makes an apposition
            "Afghan and coalition forces killed al-Qaeda associated Taliban leader, Wali, during "
            "a security operation in Dangam district, Kunar province, yesterday.",
            (1, "killed", "al-Qaeda associated Taliban leader"),
        ),
        (  # ISAF dev: "the death of" a named leader
            "On Sunday, an Afghan and coalition security force conducted an operation in Tarin "
            "Kowt district, Uruzgan province that resulted in the death of Maulawi Tayeb, a local "
            "Taliban leader.",
            (1, "killed", "Maulawi Tayeb"),
        ),
    ],
)
def test_a_named_person_something_happened_to_counts_one(make_doc, text, expected):
    doc = make_doc(text)
    got = [(p.count, p.category, text[p.char_start : p.char_end]) for p in doc._.participants]
    assert got[0] == expected


def test_a_named_person_is_not_counted_again_after_a_count(make_doc):
    text = (  # orange_ca press_mother-faces-trial-for-plotting-with-adult-son-... (shortened)
        "Police arrested two suspects in March. Rebeca Nivarez, 46, Garden Grove, is charged "
        "with murder. Police arrested Nivarez after a more than a year-long investigation."
    )
    got = [(p.count, p.category) for p in make_doc(text)._.participants]
    assert got == [(2, "detained")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # kings_ny 2020_09_14_brooklyn-man-indicted-for-murder-of-three-individuals
            "Brooklyn Man Indicted for Murder of Three Individuals\nBrooklyn District Attorney "
            "Eric Gonzalez today announced that a Brooklyn man has been arraigned on two "
            "indictments charging him with first-degree murder and related charges for two "
            "separate incidents in June in which he allegedly shot and killed three people.",
            [(3, "killed", "Three Individuals"), (1, "defendants", "a Brooklyn man")],
        ),
        (  # los_angeles_ca media_news_jury-convicts-man-murdering-two-unhoused-men-... (dev2)
            "Jury Convicts Man of Murdering Two Unhoused Men and Attempting to Kill a Third in "
            "Downtown Los Angeles\nLOS ANGELES – A man was convicted for a 2024 two-day shooting "
            "spree in downtown Los Angeles that left two unhoused men dead and a third seriously "
            "wounded.\n“He targeted three unhoused individuals, shooting each of them in the "
            "head,” Hochman said. Loyer shot three unhoused men in the head, killing two.",
            [
                (2, "killed", "Two Unhoused Men"),
                (1, "defendants", "A man"),
                (3, "participants", "three unhoused individuals"),
            ],
        ),
        (  # cook_il news_six-defendants-charged-brazen-daytime-smash-and-grab-... (dev2)
            "SIX DEFENDANTS CHARGED IN BRAZEN DAYTIME SMASH AND GRAB\nCook County State’s "
            "Attorney Eileen O’Neill Burke today announced that charges have been filed against "
            "six offenders who allegedly stole $170,500 worth of watches from a Michigan Avenue "
            "Rolex store.",
            [(6, "defendants", "SIX DEFENDANTS")],
        ),
    ],
)
def test_a_figure_restated_for_the_same_people_is_counted_once(make_doc, text, expected):
    doc = make_doc(text)
    got = [(p.count, p.category, text[p.char_start : p.char_end]) for p in doc._.participants]
    assert got == expected


def test_a_wide_table_without_row_totals_is_not_read_as_people(make_doc):
    text = (  # pib_india/2205282, first rows and a total that adds up: schools and students
        "Annexure I State-wise/UT-wise details of EMRSs approved, operational and number of "
        "students enrolled Sl. No State / UT Approved Functional EMRS Number of Students "
        "Enrolled (2025-26) 1 Andhra Pradesh 28 28 10617 2 Arunachal Pradesh 10 5 932 3 Assam "
        "17 6 300 Total 55 39 11849 Annexure-II follows."
    )
    assert [p.count for p in make_doc(text)._.participants] == []


# (setting, value, text, counts as (count, is_total, description) by default, changed)
SETTINGS = [
    (  # pib_india/2207272: "of whom" is two tokens, read in a window of one no more
        "max_cue_tokens",
        1,
        "A special job fair organised on 16 December witnessed participation from 157 Divyang "
        "youth, of whom 99 were shortlisted and several received on-the-spot job offers from "
        "reputed companies.",
        [(157, True, "Divyang youth"), (99, False, "youth shortlisted")],
        [(157, False, "Divyang youth"), (99, False, "youth shortlisted")],
    ),
    (  # an archive table (test_count_tables): the row labels "ST Civil Engineering", ...
        "max_label_words",
        1,
        RECOMMENDED,
        [
            (202, False, "candidates, ST Civil Engineering"),
            (61, False, "candidates, Mechanical Engg."),
        ],
        [(202, False, "candidates, Engineering"), (61, False, "candidates, Engg.")],
    ),
]


@pytest.mark.parametrize(("setting", "value", "text", "default", "changed"), SETTINGS)
def test_settings_are_honoured(make_doc, component, setting, value, text, default, changed):
    doc = make_doc(text)
    counts = [(p.count, p.is_total, p.description) for p in doc._.participants]
    assert counts[: len(default)] == default
    changed_finder = component("pressx_participants", **{setting: value})
    counts = [(p.count, p.is_total, p.description) for p in changed_finder(doc)._.participants]
    assert counts[: len(changed)] == changed
