"""Events: type, dates linked from the text around the trigger, location, status, one record
per real-world event, and the counts that belong to it."""

from __future__ import annotations

import datetime as dt

import pytest

from pressx.components.places import PlaceFinder
from pressx.text.resources import load_json

D = dt.date


def _events(doc, type_):
    return [e for e in doc._.events if e.type == type_]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation in "
            "Andar district, Ghazni province, yesterday, an Afghan and coalition force killed "
            "the Taliban leader, Alaudin.",
            None,
            ("operation", "security operation", D(2013, 1, 24), "Andar district, Ghazni province"),
        ),
        (
            "ISAF Joint Command - Afghanistan 2010-09-CA-005 For Immediate Release\n"
            "Download PDF  KABUL, Afghanistan (Sept. 1) - An Afghan and coalition security force "
            "detained several insurgents in Logar province Tuesday while in pursuit of a Taliban "
            "commander who leads 40 fighters.",
            None,
            ("arrest", "detained", D(2010, 8, 31), "Logar province"),
        ),
        (
            "2011-10-S-018\nISAF Joint command - Afghanistan\n\nKABUL, Afghanistan (Oct. 9, 2011)\n"
            "A combined Afghan and coalition security force captured a Hezb-e-Islami Gulbuddin "
            "leader during an operation in Sabari district, Khost province.",
            None,
            ("arrest", "captured", D(2011, 10, 9), "Sabari district, Khost province"),
        ),
        (
            "The fourth meeting of the Scientific Steering Committee on One Health was held on "
            "18 December 2025 at Kartavya Bhavan 3, New Delhi.",
            D(2025, 12, 18),
            ("meeting", "meeting", D(2025, 12, 18), "Kartavya Bhavan 3, New Delhi"),
        ),
        (
            "The District Attorney said that a total of 60 firearms were turned in at the Gun "
            "Buyback event that took place on Saturday, December 5, 2015, at the Lenox Road "
            "Baptist Church in East Flatbush, in partnership with the NYPD.",
            D(2015, 12, 7),
            ("buyback", "Gun Buyback", D(2015, 12, 5), "Lenox Road Baptist Church, East Flatbush"),
        ),
        (
            "2011-09-S-018\nFor Immediate Release\n\nKABUL, Afghanistan (September 10, 2011) – "
            "A combined Afghan and coalition security force killed several insurgents while "
            "searching for a Taliban leader in Muhammad Aghah district, Logar province, "
            "yesterday.",
            None,
            ("operation", "killed", D(2011, 9, 9), "Muhammad Aghah district, Logar province"),
        ),
        (
            "Apr. 23: Afghan-ISAF Operations in Eastern, Southern, Northern Afghanistan\n"
            "2010-04-CA-067\nFor Immediate Release\nIn Kunduz last night, an "
            "Afghan-international security force went to the village of Aq Shakh, in the "
            "Chahar Darah district, after intelligence information indicated militant "
            "activity. During the search the security force detained one suspected insurgent "
            "for further questioning.",
            None,
            ("arrest", "detained", D(2010, 4, 22), "Kunduz"),
        ),
        (
            # the place the paragraph opens with; a transliterated name with an opening mark
            "KABUL, Afghanistan (March 27, 2011)\nIn Nad ‘Ali district, Helmand province, an ISAF "
            "observation post spotted several insurgents moving toward a known enemy firing "
            "position. After gaining positive identification, coalition forces engaged the enemy "
            "position with mortar fire, killing one insurgent.",
            None,
            ("operation", "engaged", None, "Nad ‘Ali district, Helmand province"),
        ),
        (
            "KABUL, Afghanistan (August 2) - Afghan National Army soldiers, with support from "
            "their coalition force partners, executed ground attacks on the towns of Bachancha "
            "and Badmuk Monday, clearing them of Taliban fighters.",
            D(2010, 8, 2),
            ("attack", "ground attacks", D(2010, 8, 2), None),
        ),
        (
            "Forces Suppress Insurgent Fire in Helmand\nNEWS RELEASE\n2010-01-CA-086\n"
            "For Immediate Release\n\nKABUL, Afghanistan (Jan. 18) - A partnered ANA-ISAF "
            "force operating in Musa Qalah district, Helmand Province, encountered a number of "
            "insurgents and requested close air support.",
            None,
            (
                "operation",
                "encountered",
                D(2010, 1, 18),
                "Musa Qalah district, Helmand Province",
            ),
        ),
    ],
    ids=[
        "isaf-yesterday",
        "isaf-weekday-no-year",
        "isaf-paragraph-place",
        "isaf-lead",
        "pib-meeting",
        "kings-buyback",
        "isaf-broken-sentence",
        "isaf-scene-date",
        "isaf-attack",
        "isaf-force-verb-lead",
    ],
)
def test_event_date_and_place(make_doc, text, published, expected):
    doc = make_doc(text, published=published)
    type_, trigger, day, location = expected
    event = _events(doc, type_)[0]
    assert (event.start, event.end, event.location, event.status) == (day, day, location, "held")
    assert doc.text[event.char_start : event.char_end] == trigger


def test_seed_training_is_one_event_with_its_participants(corpus_docs):
    doc = corpus_docs["unodc-2020-11-06-female-officers-training"]
    (training,) = _events(doc, "training")
    assert (training.start, training.end) == (D(2020, 11, 2), D(2020, 11, 6))
    assert training.title.startswith("Investigative techniques in tackling human trafficking")
    assert training.location == "Islamabad, Pakistan"
    assert training.participants_total == 25
    assert len(training.mentions) >= 4
    linked = {p.count for p in doc._.participants if (p.char_start, p.char_end) in training.counts}
    assert {17, 8} <= linked
    assert _events(doc, "visit") == []  # "For more information, please visit:"


def test_seed_coaching_held_and_next_session_scheduled(corpus_docs):
    doc = corpus_docs["unodc-2021-03-30-coaching-session"]
    coaching = {(e.start, e.end, e.status) for e in _events(doc, "coaching")}
    assert coaching == {
        (D(2021, 3, 25), D(2021, 3, 26), "held"),
        (D(2021, 7, 1), D(2021, 7, 31), "scheduled"),
    }
    (training,) = _events(doc, "training")
    assert (training.start, training.end) == (D(2020, 11, 1), D(2020, 11, 30))
    held = next(e for e in _events(doc, "coaching") if e.status == "held")
    assert held.participants_total == 24


def test_scheduled_exercise_and_two_visits(corpus_docs):
    doc = corpus_docs["pib-2205132-desert-cyclone-exercise"]
    (exercise,) = _events(doc, "exercise")
    assert (exercise.start, exercise.end, exercise.status) == (
        D(2025, 12, 18),
        D(2025, 12, 30),
        "scheduled",
    )
    assert exercise.location == "Abu Dhabi, UAE"
    assert {(e.start, e.end) for e in _events(doc, "visit")} == {
        (D(2025, 10, 27), D(2025, 10, 28)),
        (D(2025, 12, 15), D(2025, 12, 19)),
    }


@pytest.mark.parametrize(
    ("doc_id", "type_", "start"),
    [
        ("pros-cook-retail-crime-blitz-2025", "operation", D(2025, 5, 30)),
        ("pros-kings-coney-island-gangs-indictment-2026", "homicide", D(2025, 4, 27)),
        ("pib-2207272-divya-kala-mela", "fair", D(2025, 12, 13)),
        ("pros-cook-mcd-summit-2025", "summit", D(2025, 6, 27)),
    ],
    ids=["today-announced-is-not-the-date", "premodifying-date", "definite-mention", "name-year"],
)
def test_event_date_linking(corpus_docs, doc_id, type_, start):
    """The release date ("today announced"), a year in a name ("2025 National ... Summit") and
    a later definite mention ("Held from 13 to 21 December 2025, the mela") are handled."""
    starts = {e.start for e in _events(corpus_docs[doc_id], type_)}
    assert start in starts
    assert corpus_docs[doc_id]._.published not in starts or type_ == "fair"


def test_events_skip_boilerplate_and_generic_mentions(corpus_docs):
    doc = corpus_docs["pib-2207470-good-governance-webinar"]
    assert _events(doc, "training") == []  # "State Administrative Training Institutes"
    webinars = {(e.start, e.title) for e in _events(doc, "webinar")}
    assert (D(2025, 12, 22), "Holistic Development of Districts") in webinars  # quoted theme


@pytest.mark.parametrize(
    ("doc_id", "type_", "trigger", "start", "location"),
    [
        (
            "pros-kings-coney-island-gangs-indictment-2026",
            "shooting",
            "shot",
            D(2026, 3, 2),
            None,
        ),
        ("pib-2206790-who-traditional-medicine-summit", "exhibition", "Expo", None, None),
        (
            "pros-kings-coney-island-gangs-indictment-2026",
            "arraignment",
            "arraigned",
            None,
            "Brooklyn Supreme Court",
        ),
        (
            "pib-2206790-who-traditional-medicine-summit",
            "award",
            "felicitated",
            D(2025, 12, 19),
            "Bharat Mandapam",
        ),
    ],
    ids=["bullet-opening-date", "scene-preposition", "court-before-justices", "main-event-place"],
)
def test_event_in_release(corpus_docs, doc_id, type_, trigger, start, location):
    """A list item's opening date goes to the event its paragraph reports ("• On March 2,
    2026, defendant ... had an appearance ... he ... shot at one of the individuals"); a
    capitalised definite trigger after "at"/"during" is an event, not dated by the release day
    ("technological advancements showcased at the Expo"); a court before a judge's title is
    the place ("arraigned before Brooklyn Supreme Court Justices Danny K. Chun"); an event on
    the main event's day naming no place is at its place ("The Prime Minister felicitated the
    recipients ..." at the summit held at Bharat Mandapam)."""
    doc = corpus_docs[doc_id]
    event = next(e for e in _events(doc, type_) if doc.text[e.char_start : e.char_end] == trigger)
    assert (event.start, event.location) == (start, location)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Their cases will be heard in the 262nd District Court.", ["262nd District Court"]),
        ("The court date is July 11 in the 496\nth\nCriminal Court.", ["496th Criminal Court"]),
        (
            "The defendants were arraigned before Brooklyn Supreme Court Justices Danny K. Chun "
            "and Craig S. Walker on an indictment.",
            ["Brooklyn Supreme Court"],
        ),
        (
            "Shirey was arraigned today and is scheduled for a pretrial hearing Aug. 5, 2011, at "
            "9:00 a.m. in Department C-57, Central Justice Center, Santa Ana.",
            ["Department C-57, Central Justice Center, Santa Ana"],
        ),
        (  # riverside_ca: a street block
            "The team arrested Alcala as he was leaving his apartment in the 3800 block of "
            "Devonshire Avenue in the city of Hemet.",
            ["3800 block of Devonshire Avenue"],
        ),
        (  # orange_ca: a directional abbreviation, then the city
            "Surveillance footage showed the expedition driving into the alley in the 600 block "
            "of S. Brookhurst Street in Anaheim.",
            ["600 block of S. Brookhurst Street, Anaheim"],
        ),
        (  # harris_tx: a block without a street word
            "Her body was found in the bathtub of the family’s home in the 3000 block of "
            "Tierwester in southeast Houston.",
            ["3000 block of Tierwester"],
        ),
        (  # dallas_tx: "on the ... block"
            "Her body was found on the 6100 block of Santa Fe Avenue.",
            ["6100 block of Santa Fe Avenue"],
        ),
    ],
    ids=[
        "ordinal-court",
        "ordinal-over-lines",
        "court-before-title",
        "title-word-inside-place",
        "street-block",
        "street-block-direction",
        "street-block-no-street-word",
        "on-the-block",
    ],
)
def test_place_phrases(text, expected):
    spec = load_json("events.json")
    finder = PlaceFinder(
        tuple(spec["place_suffixes"]), tuple(spec["place_words"]), tuple(spec["place_titles"])
    )
    assert [place for _, _, place in finder.find(text, 0, len(text), [])] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # victims belong to the shooting but are not its size
            "Three victims were wounded in a shooting on May 30, 2025, in East Flatbush.",
            [("shooting", None)],
        ),
        (
            "Seventeen female officers attended the training held from 02 to 06 November 2020 in "
            "Islamabad.",
            [("training", 17)],
        ),
        (
            # a step of the case with no count of its own: the release's defendants
            "Today, the Harris County District Attorney’s Office announced that it has filed five "
            "felony charges against a local Texas Department of Motor Vehicles (DMV) employee and "
            "a co-conspirator. An initial court date for both defendants is scheduled for July "
            "11, 2025.",
            [("hearing", 2)],
        ),
        (
            "Fifteen alleged gang members were charged in the shooting of two victims on May 30, "
            "2025. The defendants were arraigned before Brooklyn Supreme Court Justice Danny K. "
            "Chun.",
            [("charge", 15), ("arraignment", 15)],
        ),
        (
            # one named defendant: not the release's eleven
            "Eleven alleged gang members were charged on May 30, 2025. Aida Arroyo was "
            "sentenced on June 2, 2025, to three years in prison.",
            [("charge", 11), ("sentencing", None)],
        ),
    ],
    ids=[
        "victims-not-size",
        "participants",
        "hearing-defendants",
        "arraignment-defendants",
        "one-defendant-sentenced",
    ],
)
def test_event_size(make_doc, text, expected):
    doc = make_doc(text, published=dt.date(2025, 7, 10))
    assert [(e.type, e.participants_total) for e in doc._.events] == expected


def test_victims_belong_to_the_shooting(make_doc):
    doc = make_doc("Three victims were wounded in a shooting on May 30, 2025, in East Flatbush.")
    (shooting,) = doc._.events
    (victims,) = doc._.participants
    assert (victims.count, shooting.counts) == (3, [(victims.char_start, victims.char_end)])


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            # san_diego_ca/news_da-hosts-first-virtual-crime-survivor-summit-improve-victim-...
            "The District Attorney's Office is hosting a first-of-its-kind crime victim and "
            "survivor summit. The innovative Summit will provide educational workshops. The event "
            "will be held virtually on November 9, from 9:30 a.m. to 3:30 p.m.",
            D(2020, 10, 27),
            ("summit", D(2020, 11, 9), None),
        ),
        (
            # kings_ny/2016_06_17_brooklyn-district-attorneys-office-to-hold-2nd-annual-...
            "Brooklyn District Attorney Ken Thompson today announced that the District Attorney’s "
            "Office will be holding its 2nd Annual Brooklyn Immigration Forum, in recognition of "
            "Caribbean American Heritage Month. The event will be held on Saturday, June 18, in "
            "Crown Heights.",
            D(2016, 6, 17),
            ("forum", D(2016, 6, 18), "Crown Heights"),
        ),
        (
            # orange_ca/press_one-week-to-go-as-support-keeps-growing-for-keep-calm-and-beat-...
            "Support keeps growing for the 2nd Annual “Keep Calm and Beat H.E.A.T. Rocking & "
            "Rally” this coming October. The event will be held on Oct. 24, 2014, at Chapman "
            "University, One University Drive, Orange.",
            D(2014, 8, 1),
            ("rally", D(2014, 10, 24), "Chapman University, One University Drive, Orange"),
        ),
        (
            # orange_ca/press_ocda-adopts-over-100-children-from-40-families-in-16th-annual-...
            "Over 100 children from 40 families will celebrate the holidays this weekend at the "
            "Orange County District Attorney’s Office’s (OCDA) 16th annual Adopt-A-Family holiday "
            "celebration event. The event will be held tomorrow, Saturday, Dec. 13, 2014, from "
            "9:00 a.m. to 12:00 p.m. at Russell Elementary School.",
            D(2014, 12, 12),
            ("celebration", D(2014, 12, 13), "Russell Elementary School"),
        ),
    ],
    ids=["sd-summit", "kings-forum", "orange-rally", "orange-celebration"],
)
def test_anaphor_dates_the_event_before(make_doc, text, published, expected):
    """ "The event will be held on ..." dates (and places) the event named just before it."""
    doc = make_doc(text, published=published)
    type_, start, location = expected
    (event,) = _events(doc, type_)
    assert (event.start, event.location) == (start, location)
    assert _events(doc, "event") == []  # the anaphor is no event of its own


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # orange_ca/press_media-advisory-36.txt
            "MEDIA ADVISORY\nWHO: Julie Anne Smith, 46, of Costa Mesa\nWHAT: Is scheduled for "
            "arraignment on charges of gross vehicular manslaughter while intoxicated.\nWHEN: "
            "Thursday, August 10, 2006, 1:30 p.m.\nWHERE: Harbor Justice Center, Newport Beach "
            "(department to be determined)\n###",
            ("arraignment", D(2006, 8, 10), "Harbor Justice Center, Newport Beach"),
        ),
        (
            # orange_ca/press_meeting-advisory.txt: values over several lines
            "MEETING ADVISORY\nWHO:\nOrange County District Attorney\nand\nKorean American "
            "Advisory Commissioners\nWHAT:\nThe District Attorney\nwill\nhold a special Korean "
            "American Advisory Commission meeting to discuss the findings.\nWHEN: Tomorrow, "
            "Thursday, June 26, 2008, at 10:00 a.m. Please RSVP\nWHERE: First floor law library "
            "of the Orange County District Attorney’s Office, 401 Civic Center Drive West, Santa "
            "Ana 92701\n",
            (
                "meeting",
                D(2008, 6, 26),
                "First floor law library of the Orange County District Attorney’s Office, 401 "
                "Civic Center Drive West, Santa Ana 92701",
            ),
        ),
        (
            # miami_dade_fl: the label's colon on a line of its own
            "State Attorney Katherine Fernandez Rundle will hold a press conference to announce "
            "the results of the operation.\nWHO\n:\nState Attorney Katherine Fernandez Rundle\n"
            "WHAT\n:\nPress Conference\nWHEN\n:\nMonday, July 1, 2024 — 2:00 PM\nWHERE\n:\n"
            "State Attorney’s Office, 1350 NW 12 Avenue, Miami, 33136, Room S418\n#####",
            (
                "conference",
                D(2024, 7, 1),
                "State Attorney’s Office, 1350 NW 12 Avenue, Miami, 33136, Room S418",
            ),
        ),
        (
            # orange_ca/press_media-advisory-martin-garcia-arraignment.txt: first sentence only
            "WHO: Martin Rodriguez Garcia, 49, Las Vegas, Nevada\nWHAT: Is scheduled to be "
            "arraigned on charges of one felony count of sexual intercourse with a child, and "
            "faces a sentencing of life in prison if convicted.\nWHEN: Today, May 9, 2016\n"
            "WHERE: Department CJ-1, Central Jail, Santa Ana. The time is to be determined.\n",
            ("arraignment", D(2016, 5, 9), "Department CJ-1, Central Jail, Santa Ana"),
        ),
    ],
    ids=["orange-arraignment", "orange-meeting-lines", "miami-colon-line", "orange-first-sentence"],
)
def test_media_advisory_fields(make_doc, text, expected):
    """The event a media advisory's WHAT field names takes the WHEN date and WHERE place."""
    doc = make_doc(text, published=None)
    type_, start, location = expected
    event = _events(doc, type_)[0]
    assert (event.start, event.end, event.location) == (start, start, location)
    others = [e for e in doc._.events if e is not event]
    assert all(e.location is None and e.start != start for e in others)


@pytest.mark.parametrize(
    ("text", "published", "type_", "expected"),
    [
        (
            # pib_india/2205288.txt
            "Ministry of Development of North Eastern Region (MDoNER) organized Rising Northeast "
            "Investors Summit 2025 to catalyze trade and investment in the North Eastern Region.",
            D(2025, 12, 17),
            "summit",
            (D(2025, 1, 1), D(2025, 12, 31)),
        ),
        (
            # pib_india/2207416.txt: not the release day
            "The roundtable was organised as an official pre-summit event ahead of the India AI "
            "Impact Summit 2026 and was chaired by Prof. Ajay Kumar Sood.",
            D(2025, 12, 22),
            "summit",
            (D(2026, 1, 1), D(2026, 12, 31)),
        ),
        (
            # pib_india/2207358.txt
            "IP&TAFS celebrated its 51st Foundation Year as Sanchar Vitta Lekha Diwas, and "
            "organised the Communication Finance Summit 2025.",
            D(2025, 12, 22),
            "summit",
            (D(2025, 1, 1), D(2025, 12, 31)),
        ),
        (
            # pib_india/2207084.txt: another name's year does not date the award
            "The Union Minister felicitated progressive farmers. The Kisan Trust Kalam Ratna "
            "Award 2025 was conferred on Shri Harveer Singh.",
            D(2025, 12, 20),
            "award",
            (None, None),
        ),
    ],
    ids=["organized-summit-2025", "ahead-of-summit-2026", "organised-summit", "award-2025"],
)
def test_year_ending_a_name(make_doc, text, published, type_, expected):
    """A year that ends a name dates the event so named, and no other."""
    doc = make_doc(text, published=published)
    assert [(e.start, e.end) for e in _events(doc, type_)] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # pib_india/2206704.txt
            "The technical deliberations included Panel Discussion in Session I on “Rethinking the "
            "Telecom Supply Chain for Circularity and Sustainability”, moderated by Shri Arun "
            "Agarwal. This was followed by Panel discussion in Session II on “Digital Tools for "
            "Transition towards Circular Economy”, moderated by Dr. Shilpi Karmakar.",
            2,
        ),
        (
            # pib_india/2206764.txt
            "The Plenary Session-I on “AI Governance, Consumer Protection, and Regulatory "
            "Coordination”, was chaired by Smt. Nidhi Khare, whereas Plenary Session II on "
            "“Understanding the AI Market and Competition Landscape” was chaired by Smt. Ravneet "
            "Kaur and Plenary Session III on “Compliance, Transparency, Ethics and Responsible AI "
            "for Competitive Markets” was chaired by Smt. Sangeeta Gupta.",
            3,
        ),
    ],
    ids=["session-i-ii", "plenary-i-ii-iii"],
)
def test_numbered_sessions_are_separate_events(make_doc, text, expected):
    doc = make_doc(text, published=D(2025, 12, 19))
    sessions = _events(doc, "session")
    assert len({doc.text[e.char_start : e.char_end] for e in sessions}) == 1
    assert len(sessions) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # pib_india/2207084.txt
            "On this occasion, the Union Minister released a book and felicitated progressive "
            "farmers and institutions for their exemplary contribution.",
            [("launch", "released"), ("award", "felicitated")],
        ),
        (
            # pib_india/2205034.txt: the noun, its "of" complement
            "This was followed by the release of key publications, including the Training "
            "Resource Material.",
            [("launch", "release")],
        ),
        (
            # orange_ca/press_statement-on-oc-grand-jury-report-involving-ocda-bureau-of-...
            "Today, the Orange County Grand Jury (OCGJ) released a report entitled “Another "
            "Hostile Work Environment”.",
            [("launch", "released")],
        ),
        (
            # pib_india/2206480.txt
            "The Department of Posts (DoP) and the Association of Mutual Funds in India (AMFI) "
            "signed a pioneering MoU on 22.09.2025.",
            [("signing", "signed")],
        ),
        (
            # pib_india/2207690.txt
            "The Department of Posts (DoP) and Bharat Sanchar Nigam Limited (BSNL) have signed a "
            "Memorandum of Understanding (MoU) on 17.09.2025.",
            [("signing", "signed")],
        ),
        (
            # released from custody, signed a plea form: no event of the kind
            "As a result, he was released from custody in October of 2020 and signed the form.",
            [],
        ),
    ],
    ids=["released-book", "release-of", "released-report", "signed-mou", "signed-mem", "none"],
)
def test_verbs_by_object(make_doc, text, expected):
    """ "released a book/report/toolkit" is a launch and "signed an MoU/agreement" a signing;
    "released from custody" is neither."""
    doc = make_doc(text, published=D(2025, 12, 20))
    found = [(e.type, doc.text[e.char_start : e.char_end]) for e in doc._.events]
    assert [f for f in found if f[0] in ("launch", "award", "signing")] == expected


@pytest.mark.parametrize(
    "text",
    [
        # pib_india/2206290.txt
        "The model governance framework for strengthening the One Health approach in States and "
        "Union Territories was released during the meeting.",
        # pib_india/2205172.txt
        "It encourages support for women-led startups in States/UTs.",
        "The case will be heard in Court next week.",
    ],
    ids=["in-states", "in-states-uts", "in-court"],
)
def test_place_words_alone_are_no_place(text):
    spec = load_json("events.json")
    finder = PlaceFinder(
        tuple(spec["place_suffixes"]), tuple(spec["place_words"]), tuple(spec["place_titles"])
    )
    entities = [(text.index("States"), text.index("States") + 6)] if "States" in text else []
    assert finder.find(text, 0, len(text), entities) == []


@pytest.mark.parametrize(
    "text",
    [
        # orange_ca/press_man-charged-with-six-counts-of-attempted-murder-for-driving-onto-...
        "He faces a maximum sentence of life in prison if convicted.",
        # los_angeles_ca/media_news_man-charged-killing-actor-james-handy-tarzana.txt
        "Michael Gledhill faces 26 years to life in prison if convicted as charged.",
        # harris_tx/20231026_statement-on-indictment-of-garrett-hardin.txt
        "If convicted, he faces a sentence ranging from 5 years to 99 years or life in prison.",
    ],
    ids=["if-convicted", "if-convicted-as-charged", "if-convicted-opening"],
)
def test_conditional_is_no_event(make_doc, text):
    assert make_doc(text, published=D(2025, 6, 5))._.events == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # riverside_ca: the vigils release (corpus/dev2 pros2-riv-victims-rights-week-vigils)
            "In Palm Desert, Sophia Flores, mother of Manual Hernandez, bravely shared her story "
            "of loss. Sophia’s son was killed by her nephew in 2014 following an altercation at a "
            "family party.",
            (D(2014, 1, 1), D(2014, 12, 31)),
        ),
        (
            # san_diego_ca/news_three-charged-with-murder-of-marijuana-dispensary-guard.txt
            "Kenneth Love, 59, was shot and killed on June 2, 2020 at an illegal marijuana "
            "dispensary.",
            (D(2020, 6, 2), D(2020, 6, 2)),
        ),
        (
            # orange_ca/press_dana-point-man-arrested-and-charged-for-1994-special-...
            "The Orange County Coroner’s Office confirmed that Ms. Van Uden was killed on March "
            "3, 1994, two days before her body was found.",
            (D(1994, 3, 3), D(1994, 3, 3)),
        ),
    ],
    ids=["killed-in-year", "shot-and-killed", "killed-on-day"],
)
def test_killing_without_a_force_is_a_homicide(make_doc, text, expected):
    """ "killed" is an operation only where a security force acts; else a homicide."""
    doc = make_doc(text, published=D(2024, 4, 26))
    assert [(e.start, e.end) for e in _events(doc, "homicide")] == [expected]
    assert _events(doc, "operation") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # san_diego_ca/news_defendant-who-murdered-in-laws-sentenced-to-life-without-...
            "A jury found Christian Bobila guilty on March 20 of two counts of first-degree "
            "murder.",
            [("verdict", "found", D(2024, 3, 20))],
        ),
        (
            # dallas_tx/..._2018_PR_CharlesPhiferTrial_101518_pdf.txt
            "A Dallas County jury found Charles Phifer guilty of capital murder on October 15, "
            "2018, in the beating death of 4-year-old Leiliana Wright.",
            [("verdict", "found", D(2018, 10, 15))],
        ),
        (
            # los_angeles_ca: the Loyer verdict (corpus/dev2); the year dates the spree
            "A jury today found Clifford Chaun Loyer guilty on all counts for a 2024 two-day "
            "shooting spree in downtown Los Angeles.",
            [("verdict", "found", D(2024, 6, 3)), ("shooting", "shooting spree", D(2024, 1, 1))],
        ),
    ],
    ids=["found-guilty-on", "found-guilty-of", "found-guilty-today"],
)
def test_found_guilty_is_a_verdict(make_doc, text, expected):
    doc = make_doc(text, published=D(2024, 6, 3))
    found = [(e.type, doc.text[e.char_start : e.char_end], e.start) for e in doc._.events]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # pib_india/2206210.txt
            "Under the TB Mukt Bharat Abhiyan, launched in December 2024 and subsequently "
            "expanded nationwide, India is working in mission mode.",
            ("launch", "launched", D(2024, 12, 1)),
        ),
        (
            # kings_ny/2020_07_15_ag-james-and-da-gonzalez-partner-to-expand-housing-...
            "The “Protect Our Homes” initiative, launched in January 2020 to educate New Yorkers "
            "about deed theft, has reached thousands of homeowners.",
            ("launch", "launched", D(2020, 1, 1)),
        ),
        (
            # pib_india/2207534.txt: the participle's own date, not the release day
            "The initiative stems from a consensus reached during the 72nd Plenary Session of the "
            "North Eastern Council (NEC), held on December 21, 2024, in Agartala.",
            ("session", "Plenary Session", D(2024, 12, 21)),
        ),
    ],
    ids=["abhiyan-launched-in", "initiative-launched-in", "session-held-on"],
)
def test_participle_with_its_own_date(make_doc, text, expected):
    """A participle modifying a noun is an event when it says its own date ("..., launched in
    December 2024"); without one it only describes ("offenders charged with theft")."""
    doc = make_doc(text, published=D(2025, 12, 18))
    type_, trigger, start = expected
    (event,) = _events(doc, type_)
    assert (doc.text[event.char_start : event.char_end], event.start) == (trigger, start)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # pib_india/2205034.txt
            "The National Education Society for Tribal Students (NESTS) successfully concluded "
            "the 2nd EMRS Principals’ Conclave on Effective Management of Schools, held on 16–17 "
            "December 2025 at Dr. Ambedkar International Centre, New Delhi. The conclave was "
            "inaugurated by Shri Jual Oram, Hon’ble Minister for Tribal Affairs. The inaugural "
            "session commenced with the welcome address by the Additional Commissioner, NESTS.",
            {"conclave": D(2025, 12, 16), "inauguration": D(2025, 12, 16)},
        ),
        (
            # pib_india/2207154.txt: scheduled
            "The Ministry of Panchayati Raj is celebrating a two-day PESA Mahotsav on 23rd & 24th "
            "December 2025 in Visakhapatnam, Andhra Pradesh. The mahotsav will be inaugurated by "
            "Shri Konidala Pawan Kalyan, Deputy Chief Minister.",
            {"festival": D(2025, 12, 23), "inauguration": D(2025, 12, 23)},  # "23rd & 24th"
        ),
        (
            # pib_india/2206790.txt: a building's inauguration is no opening of the summit
            "Prime Minister Shri Narendra Modi addressed the Closing Ceremony of the 2nd "
            "WHO Global Summit on Traditional Medicine held from 17 to 19 December 2025. The "
            "Prime Minister also inaugurated the new WHO–South-East Asian Regional Office Complex "
            "in Delhi.",
            {"summit": D(2025, 12, 17), "inauguration": None},
        ),
    ],
    ids=["conclave-inaugurated", "mahotsav-will-be-inaugurated", "building-inaugurated"],
)
def test_opening_on_the_first_day(make_doc, text, expected):
    """The opening of the main event ("The conclave was inaugurated ...", "The inaugural
    session ...") happened on its first day."""
    doc = make_doc(text)
    assert {t: _events(doc, t)[0].start for t in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # riverside_ca/news_185-kilograms-fentanyl-seized-riverside-county-gang-impact-team.txt
        "Riverside County recently launched a multi-department public awareness campaign about "
        "the dangers of fentanyl.",
        # orange_ca/press_orange-county-district-attorney-todd-spitzer-announces-countywide-...
        "Orange County District Attorney Todd Spitzer has launched a countywide anti-fentanyl ad "
        "campaign on Orange County Transit Authority buses.",
        # kings_ny/2024_12_31_brooklyn-had-the-fewest-shootings-and-shooting-victims-on-...
        "The DA’s Office has launched an educational campaign with seminars throughout Brooklyn.",
    ],
    ids=["riverside", "orange", "kings"],
)
def test_launching_an_event_is_that_event(make_doc, text):
    """ "launched a campaign" reports one event, the campaign, not a launch besides it."""
    doc = make_doc(text, published=D(2024, 12, 31))
    assert [(e.type, doc.text[e.char_start : e.char_end]) for e in doc._.events][:1] == [
        ("campaign", "campaign")
    ]
    assert _events(doc, "launch") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # pib_india/2205700.txt
            "Based on the results of the written part of the Engineering Services Examination, "
            "2025 held by the UNION PUBLIC SERVICE COMMISSION in August, 2025 and the interviews "
            "for Personality Test in October-November, 2025, the following are the lists.",
            {"examination": D(2025, 8, 1)},
        ),
        (
            # dallas_tx/..._2023_Matthew_20Smith_20VCU_20Conviction_pdf.txt
            "He pleaded guilty to that crime on April 17, 2023, and a hearing was held for the "
            "judge to determine what sentence to impose.",
            {"plea": D(2023, 4, 17), "hearing": None},
        ),
    ],
    ids=["and-the-interviews", "and-a-hearing"],
)
def test_date_before_and_is_no_premodifier(make_doc, text, expected):
    """A date premodifies a trigger across adjectives ("the April 27, 2025 friendly-fire
    homicide"), not across "and the": it stays with the event before it."""
    doc = make_doc(text)
    assert {t: _events(doc, t)[0].start for t in expected} == expected
