"""Quotes and their speakers, on real sentences from the seeds, dev and archive releases."""

from __future__ import annotations

import pytest

from pressx.components.quotemarks import find_quotations
from pressx.tables.records import Person

SEED_MILSON = (
    "Welcoming the participants, Jeremy Milson, UNODC Country Representative said, “While "
    "UNODC’s work in combating Trafficking in Persons (TIP) and the Smuggling of Migrants (SOM) "
    "is directly relevant to the UN Sustainable Development Goals (SDG's) on the eradication of "
    "forced labour and human trafficking. At the same time the facilitation of orderly, safe, "
    "regular and responsible migration is essential for decreasing profit opportunities for "
    "migrant smugglers and human traffickers. HE further added “I feel honored today to address "
    "25 police officers representing the FIA and the Punjab police. I deeply admire the "
    "dedication, skills and enthusiasm you bring to both these tasks.”"
)
KINGS_MULTI_PARAGRAPH = (
    "District Attorney Gonzalez said, “Our obligation to do justice and to strengthen community "
    "trust in the criminal justice system does not end when a conviction becomes final.\n"
    "“If we want to decrease mass incarceration, as I am committed to doing, we cannot only be "
    "forward thinking. We must also look at the past and give people second chances.\n"
    "“To that end, I’ve also created a Sealing Unit because I am concerned that more of our "
    "Brooklyn residents are not taking advantage of the opportunity to seal their criminal "
    "records.”"
)

# (text, [(first words of the quote, speaker, cue)])
CASES = {
    "curly marks, name and cue after": (
        "“Along with quality modern education, students must illuminate themselves through "
        "spiritual learning. Only then can we build a strong society and a developed India,” "
        "Sarbananda Sonowal said.",
        [("Along with quality modern education", "Sarbananda Sonowal", "said")],
    ),
    "straight marks, cue and name on the next line": (
        '"Initiatives like the national ORC blitz send a strong message to criminals that '
        "retailers are working cohesively with law enforcement and that these crimes will be "
        'investigated and prosecuted,"\nsaid Lisa LaBruno, senior executive vice president, '
        "Retail Industry Leaders Association.",
        [("Initiatives like the national ORC blitz", "Lisa LaBruno", "said")],
    ),
    "missing closing mark, then HE further added": (
        SEED_MILSON,
        [
            ("While UNODC’s work in combating", "Jeremy Milson", "said"),
            ("I feel honored today", "Jeremy Milson", "added"),
        ],
    ),
    "one quote over three paragraphs": (
        KINGS_MULTI_PARAGRAPH,
        [("Our obligation to do justice", "Gonzalez", "said")],
    ),
    "quote split by its attribution": (
        "Loizon said she believes demonstrating success in the program could have an impact on "
        "the outcome.\n“What we hope is that if kids are putting in the time and the work on the "
        "front end,” she said, “it will mitigate their ultimate adjudication consequences on the "
        "back end.”",
        [
            ("What we hope is that if kids", "Loizon", "said"),
            ("it will mitigate their ultimate", "Loizon", "said"),
        ],
    ),
    "second quote after the attribution sentence": (
        "“The people of Harris County deserve to trust that their public institutions serve "
        "them—and not criminal organizations that prey on innocent people,” said Harris County "
        "District Attorney Sean Teare. “Too many Houstonians have been victimized by car theft "
        "and fraud.”",
        [
            ("The people of Harris County deserve", "Sean Teare", "said"),
            ("Too many Houstonians have been", "Sean Teare", None),
        ],
    ),
    "paragraph continuing the previous speaker": (
        "“This has been a tremendous opportunity to proactively enforce the law, build "
        "intelligence together and bring visibility to this problem,”\nMJB Deputy Bureau Chief, "
        "Assistant State’s Attorney David Williams, who leads CCROC, said.\n“Based on information "
        "gathered during the ORC Blitz, we will be following promising leads that will help "
        "investigators stop highly organized crews from striking again.”",
        [
            ("This has been a tremendous opportunity", "David Williams", "said"),
            ("Based on information gathered", "David Williams", None),
        ],
    ),
    "colon introduction": (
        "Brooklyn District Attorney Ken Thompson said: “These defendants are charged with running "
        "a scheme to systematically steal heating oil from a Brooklyn terminal to enrich "
        "themselves and we intend to now hold them accountable.”",
        [("These defendants are charged", "Ken Thompson", "said")],
    ),
    "stated": (
        "Wajid Zia, Director General FIA, in his opening remarks, while thanking UNODC and EU "
        "said, “The presence of all these women law enforcement officers here is evidence of a "
        "strong partnership.” He further added, “During the past few years, our joint efforts "
        "have resulted in accomplishment of number of activities.”",
        [
            ("The presence of all these women", "Wajid Zia", "said"),
            ("During the past few years", "Wajid Zia", "added"),
        ],
    ),
    "emphasized": (
        "At the Riverside vigil while addressing hundreds gathered in front of the Historic "
        "Courthouse, DA Hestrin emphasized, “We have to go on speaking the truth about crime and "
        "about victims. No matter the cost, we have to refuse to accept victimization as some "
        "kind of new normal.”",
        [("We have to go on speaking the truth", "Hestrin", "emphasized")],
    ),
    "stated that": (
        "Stressing the urgency of the issue, Shri Narendra Modi stated that “‘Restoring balance’ "
        "is not just a global cause, but a global urgency.”",
        [("‘Restoring balance’ is not just", "Narendra Modi", "stated")],
    ),
    "according to": (
        "According to Attorney General Paxton, “[t]his rule will enable citizens to hold their "
        "district attorneys accountable.”",
        [("[t]his rule will enable citizens", "Paxton", "According to")],
    ),
    "wrote on X": (
        "The Prime Minister, Narendra Modi, has extended his greetings to all personnel "
        "associated with the Sashastra Seema Bal on their Raising Day. The Prime Minister wrote "
        "on X; “On the Raising Day of the Sashastra Seema Bal, I extend my greetings to all "
        "personnel associated with this force. SSB’s unwavering dedication reflects the highest "
        "traditions of service.”",
        [("On the Raising Day of the Sashastra", "Narendra Modi", "wrote on X")],
    ),
    "texted": (
        "Two minutes after the shooting, Smart allegedly texted, “Take that JC.”",
        [("Take that JC.", "Smart", "texted")],
    ),
    "pronoun she after the name and role": (
        "Highlighting the importance of women’s role in Policing, Androulla Kaminara, Ambassador "
        "of the European Union to Pakistan she said, “Trafficking in Human Beings (THB) is a "
        "global challenge.”",
        [("Trafficking in Human Beings", "Androulla Kaminara", "said")],
    ),
    "pronoun he two sentences on": (
        "Praising the felicitation of Jatin Goswami, Acharya said that witnessing the 93-year-old "
        "maestro’s energy and discipline was deeply inspiring. “By honouring such a personality, "
        "it is not just the individual who is honoured—the institution itself becomes "
        "honoured,”he said.",
        [("By honouring such a personality", "Acharya", "said")],
    ),
    "role resolved to the person holding it": (
        "Prime Minister Shri Narendra Modi today addressed the Closing Ceremony of the 2 nd WHO "
        "Global Summit on Traditional Medicine at Bharat Mandapam, here today. Highlighting "
        "India’s leadership in this domain, the Prime Minister said, “It is India’s privilege and "
        "a matter of pride that the WHO Global Centre for Traditional Medicine has been "
        "established in Jamnagar.”",
        [("It is India’s privilege", "Narendra Modi", "said")],
    ),
    "role and surname": (
        "Brooklyn District Attorney Ken Thompson today announced that two important "
        "community-based initiatives this past Saturday were successful. District Attorney "
        "Thompson said, “Saturday was a tremendously successful day in Brooklyn.”",
        [("Saturday was a tremendously successful day", "Ken Thompson", "said")],
    ),
    "unnamed speaker kept as described": (
        "Upon conclusion of the first coaching session, one of the participants provided "
        "feedback stating, “I attended the weeklong workshop on the investigative techniques "
        "which was very useful and helped me with case handling.”",
        [("I attended the weeklong workshop", "one of the participants", "stating")],
    ),
    "headline quotes after the speaker's name": (
        "Subtitle: Traditional medicine embodies humanity’s collective wisdom: Shri Narendra Modi "
        "“Ayurveda defines health as balance, and many contemporary diseases stem from various "
        "forms of imbalance in lifestyle, diet, sleep, emotions and work-life patterns” “When "
        "tradition and technology come together, the capacity to make global health more "
        "effective increases manifold” Launches My Ayush Integrated Services Portal",
        [
            ("Ayurveda defines health as balance", "Narendra Modi", None),
            ("When tradition and technology", "Narendra Modi", None),
        ],
    ),
    "headline quotes with a dash and the speaker": (
        "Subtitle: “Chaudhary Charan Singh symbolized farmer welfare, prosperity, and rural "
        "development” – Shri Shivraj Singh Chouhan “Government to introduce a bill against fake "
        "fertilisers and pesticides in the next Parliament session” – Shri Shivraj Singh\n"
        "Ministry: Ministry of Agriculture & Farmers Welfare\n"
        "Posted: 20 DEC 2025 8:40PM by PIB Delhi",
        [
            ("Chaudhary Charan Singh symbolized", "Shivraj Singh Chouhan", None),
            ("Government to introduce a bill", "Shivraj Singh", None),
        ],
    ),
    "programme title": (
        "UNODC conducted from 02 to 06 November 2020 a training workshop for female law "
        "enforcement officers on “Investigative techniques in tackling human trafficking and "
        "migrants smuggling”.",
        [],
    ),
    "theme of a summit": (
        "The Prime Minister underlined that the theme of the Summit, “Restoring balance: The "
        "science and practice of health and well-being,” reflects the core philosophy of "
        "holistic health.",
        [],
    ),
    "slogan after a cue": (
        "Dr Tedros noted that India’s vision of “One Earth, One Health” closely aligns with the "
        "core goals and priorities of the World Health Organization.",
        [],
    ),
    "scare quotes": (
        "Nearly all of them were “street guns” – mostly revolvers and semi-automatic pistols that "
        "are often used to commit crimes. They also included two rifles and three “zip guns” or "
        "homemade weapons that are sometimes used by gang members.",
        [],
    ),
    "single-marked theme in a title": (
        "Title: 33rd Webinar of the National Good Governance Webinar Series 2025-26 under the "
        "theme ‘Holistic Development of Districts’ held on 22nd December 2025 for dissemination "
        "and replication of best practices.",
        [],
    ),
    "quoted headline followed by a colon": (
        "Title: “Disability Does Not Limit Potential—Perspective Does”: Divya Kala Mela 2025 "
        "Concludes with a Powerful Message of Inclusion and Self-Reliance",
        [],
    ),
    "gang names": (
        "There are a total of 113 counts in the indictment against 15 defendants who are alleged "
        "members of two subsets of the 59 Brim Bloods in Coney Island known as “Fly Ooter Gang,” "
        "a.k.a., FOG, and “Koney Sides.”",
        [],
    ),
}


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_quotes(make_doc, text, expected):
    doc = make_doc(text)
    got = [(q.text, q.speaker, q.cue) for q in doc._.quotes]
    assert len(got) == len(expected), got
    for (words, speaker, cue), (start, want_speaker, want_cue) in zip(got, expected, strict=True):
        assert words.startswith(start)
        assert speaker is not None and set(want_speaker.split()) <= set(speaker.split())
        assert cue == want_cue


@pytest.mark.parametrize(("text", "expected"), CASES.values(), ids=CASES.keys())
def test_offsets_point_at_the_words_without_marks(make_doc, text, expected):
    doc = make_doc(text)
    for q in doc._.quotes:
        assert q.text.replace("\n", "") in doc.text[q.char_start : q.char_end].replace("\n“", "")
        assert doc.text[q.char_start] not in '“”"' and doc.text[q.char_end - 1] not in '“”"'


def test_missing_closing_mark_ends_at_the_last_sentence(make_doc):
    first, second = make_doc(SEED_MILSON)._.quotes
    assert first.text.endswith("migrant smugglers and human traffickers.")
    assert second.text.endswith("to both these tasks.")


def test_paragraphs_of_one_quote_are_one_row(make_doc):
    (quote,) = make_doc(KINGS_MULTI_PARAGRAPH)._.quotes
    paragraphs = quote.text.split("\n")
    assert [p[:20] for p in paragraphs] == [
        "Our obligation to do",
        "If we want to decrea",
        "To that end, I’ve al",
    ]


def test_quotes_in_boilerplate_are_skipped(nlp, make_doc):
    doc = make_doc(SEED_MILSON)
    doc._.boilerplate = [(0, SEED_MILSON.index(" HE further"))]
    quotes = nlp.get_pipe("pressx_quotes")(doc)._.quotes
    assert [q.text[:12] for q in quotes] == ["I feel honor"]


def test_speaker_links_to_the_people_row(nlp, make_doc):
    """With people records, a named speaker is the record's full name and id, whichever
    mention (surname, pronoun, role) the attribution used."""
    doc = make_doc(SEED_MILSON)
    start = SEED_MILSON.index("Jeremy Milson")
    he = SEED_MILSON.index("HE further")
    doc._.people = [
        Person(
            person_id="person_milson",
            name="Jeremy Milson",
            honorific=None,
            role="Country Representative",
            organisation="UNODC",
            char_start=start,
            char_end=start + len("Jeremy Milson"),
            mentions=[(he, he + 2)],
            gender="male",
        )
    ]
    quotes = nlp.get_pipe("pressx_quotes")(doc)._.quotes
    assert [(q.speaker, q.speaker_person_id) for q in quotes] == [
        ("Jeremy Milson", "person_milson"),
        ("Jeremy Milson", "person_milson"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "said, “While UNODC’s work. HE further added “I feel honored.”",
            ["While UNODC’s work.", "I feel honored."],
        ),
        ('"Initiatives like the blitz,"\nsaid Lisa', ["Initiatives like the blitz,"]),
        ("“By honouring such a personality,”he said.", ["By honouring such a personality,"]),
        ("“Fly Ooter Gang,” a.k.a., FOG, and “Koney Sides.”", ["Fly Ooter Gang,", "Koney Sides."]),
        (
            "he stated that “‘Restoring balance’ is not just a global cause.”",
            ["‘Restoring balance’ is not just a global cause."],
        ),
        (
            "under the theme ‘Holistic Development of Districts’ held on",
            ["Holistic Development of Districts"],
        ),
        ("the victims’ families and the officers’ union", []),
    ],
)
def test_find_quotations(text, expected):
    assert [q.words(text) for q in find_quotations(text, max_chars=6000)] == expected


# dao_brooklyn (sentencing releases); pib_india/2207084.txt (subtitle)
VICTIM_MOTHER = (
    "The victim’s mother said in part, “Her death was a tragic loss for all of us. Without "
    "warning, she was gone and our lives will never be the same without her.”"
)
CHOUHAN_SUBTITLE = (
    "Subtitle: “Chaudhary Charan Singh symbolized farmer welfare, prosperity, and rural "
    "development” – Shri Shivraj Singh Chouhan"
)


@pytest.mark.parametrize(
    ("text", "setting", "default", "changed"),
    [
        (
            VICTIM_MOTHER,
            {"max_cue_words": 1},
            ("said in part", "The victim’s mother"),
            ("said", "The victim’s mother"),
        ),
        (
            CHOUHAN_SUBTITLE,
            {"max_dash_name_words": 2},
            (None, "Shivraj Singh Chouhan"),
            (None, "Shivraj"),
        ),
    ],
)
def test_quote_settings_are_read_from_config(nlp, component, text, setting, default, changed):
    """The same release read with a setting changed: the cue keeps fewer words after the
    verb; only the first two words after the dash are read as the signature."""
    doc = nlp(text)
    assert [(q.cue, q.speaker) for q in doc._.quotes] == [default]
    quotes = component("pressx_quotes", **setting)(doc)._.quotes
    assert [(q.cue, q.speaker) for q in quotes] == [changed]
