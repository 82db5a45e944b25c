"""Events: type, dates linked from the text around the trigger, location, status, one record
per real-world event, and the counts that belong to it."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.places import PlaceFinder
from pipeline.resources import load_json

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
    linked = {p.count for p in doc._.participants if p.event_id == training.event_id}
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
    ],
    ids=["ordinal-court", "ordinal-over-lines", "court-before-title", "title-word-inside-place"],
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
    assert [(p.count, p.event_id) for p in doc._.participants] == [(3, shooting.event_id)]
