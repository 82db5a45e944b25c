"""Events, round 3: releases nobody tuned for. Sentences a scraped page or a PDF wrap broke
across lines, events a headline names before the text dates them, and relative dates a later
day narrows. Every case is a sentence of an archive release
(``/work/shared/corpus/archive/prosecutor/``), named in a comment."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


# miami_dade_fl/press-release_for-immediate-release-three-arrested-on-human-trafficking-
# charges.txt: one link a line
GREASE_MONKEY = (
    "Miami-Dade State Attorney Katherine Fernandez Rundle announces the arrests and "
    "charging of three individuals during\nOperation Grease\nMonkey\n"
    "(April 29, 2025-May 1, 2025)\n, as part of our efforts to prevent Human "
    "Trafficking during the week of the\nFormula One Miami Grand Prix\n."
)


def _dates(doc, type_):
    return [(e.start, e.end) for e in doc._.events if type_ in (None, e.type)]


@pytest.mark.parametrize(
    ("text", "published", "type_", "expected"),
    [
        (
            GREASE_MONKEY,
            D(2025, 5, 6),
            None,  # the arrests during the operation: one event in the snippet, two in the release
            [(D(2025, 4, 29), D(2025, 5, 1))],
        ),
        (
            # orange_ca/press_defense-attorney-pleads-guilty-to-conspiring-with-bail-
            # bondsmen-in-capping...txt: a PDF wrap before the date
            "Cavallo’s co-defendants, Jorge Andres Castro, 31, Aliso Viejo, and Alejandro de "
            "Jesus Cruz, 35, Miami, both former bail bond agents, pleaded guilty to two felony "
            "counts on February 9, 2007 and were sentenced to four months in prison, "
            "restitution, and probation\non October 5, 2007.",
            D(2007, 11, 1),
            "sentencing",
            [(D(2007, 10, 5), D(2007, 10, 5))],
        ),
        (
            # orange_ca/press_dmv-employee-convicted-of-accepting-money-in-exchange-for-
            # falsifying-official-documents.txt: a PDF wrap before the date
            "Michelle Carbajal, 38, Fullerton, pleaded guilty to a court offer to 21 felony "
            "counts of altering public documents. She is expected to be sentenced to four years "
            "in custody\non July 6, 2012, at 8:00 a.m. in Department N-12, North Justice "
            "Center, Fullerton.",
            D(2012, 5, 1),
            "sentencing",
            [(D(2012, 7, 6), D(2012, 7, 6))],
        ),
    ],
    ids=["link-lines", "wrap-before-date", "wrap-before-date-scheduled"],
)
def test_broken_lines_keep_their_sentence(make_doc, text, published, type_, expected):
    """A line break after a function word or before punctuation or a lower-case word runs
    on inside the sentence: the date on the next line dates the event."""
    doc = make_doc(text, published=published)
    assert _dates(doc, type_) == expected


def test_headline_lines_stay_apart(make_doc):
    """A headline line ending without punctuation is no run-on: its event takes no date of
    the lead sentence's other event (orange_ca/press_subject-commercial-sexual-exploitation-
    of-a-minor-arrests.txt)."""
    text = (
        "SUBJECT: COMMERCIAL SEXUAL EXPLOITATION OF A MINOR ARRESTS\nANAHEIM, CALIF.\n"
        "(February 2, 2021) – Five men have been charged with the commercial sexual "
        "exploitation of a minor."
    )
    doc = make_doc(text, published=D(2021, 2, 2))
    assert all(e.start != D(2021, 2, 2) for e in doc._.events if e.type == "arrest")


@pytest.mark.parametrize(
    ("text", "published", "type_", "expected"),
    [
        (
            # orange_ca/press_support-grows-for-2nd-annual-keep-calm-beat-h-e-a-t-rocking-
            # rally-to-take-place-at-chapman-university.txt
            "SUPPORT GROWS FOR 2ND ANNUAL “KEEP CALM & BEAT H.E.A.T. ROCKING & RALLY” TO TAKE "
            "PLACE AT CHAPMAN UNIVERSITY\n"
            "SANTA ANA – Just a few months to go and the support keeps growing as new sponsors "
            "sign on for the Orange County District Attorney’s Office 2nd Annual “Keep Calm and "
            "Beat H.E.A.T. Rocking & Rally” this coming October. The event will be held on Oct. "
            "24, 2014, at Chapman University, One University Drive, Orange.",
            D(2014, 7, 25),
            "rally",
            [(D(2014, 10, 24), D(2014, 10, 24))],
        ),
        (
            # pib_india/2207272.txt (also corpus/dev/pib-2207272-divya-kala-mela.txt)
            "Divya Kala Mela 2025 Concludes\n"
            "The Divya Kala Mela concluded today at Kartavya Path, India Gate. Held from 13 to "
            "21 December 2025, the mela emerged as a vibrant platform.",
            D(2025, 12, 21),
            "fair",
            [(D(2025, 12, 13), D(2025, 12, 21))],
        ),
    ],
    ids=["this-coming-october-then-the-day", "today-then-the-days"],
)
def test_headline_event_takes_the_days_the_text_gives(make_doc, text, published, type_, expected):
    """An event a headline names undated takes the text's dates; a vague relative span
    ("this coming October") is narrowed by a day said later, a day ("today") is not widened
    into a span nor made a span other dates can narrow."""
    doc = make_doc(text, published=published)
    assert _dates(doc, type_) == expected


def test_premodified_trigger_takes_no_later_date(make_doc):
    """dallas_tx/..._2021_051321-PR-Serial-killer-gets-3-life-sentences_pdf.txt: "the 2003
    arrest" is dated by its premodifier, not by the 1998 of the clause after it."""
    text = (
        "Sifuentes’ DNA was collected at the time of the 2003 arrest, which later linked him "
        "to the rapes and\nstrangulations of two women in 1998."
    )
    doc = make_doc(text, published=D(2021, 5, 13))
    assert (D(1998, 1, 1), D(1998, 12, 31)) not in _dates(doc, "arrest")


def test_link_line_names_keep_the_lead_together(make_doc):
    """cook_il (choice-protection-unit webinar release, the top of the page as scraped): a
    page giving each link a line of its own ("Eileen O’Neill Burke", "Choice Protection
    Unit") keeps its lead sentence one sentence, so the webinar it reports is the lead's
    event, held on the release day."""
    text = (
        "Cook County State’s Attorney Eileen O’Neill Burke Leads National Prosecutorial "
        "Training on Reproductive Rights\nDecember 08, 2025\nCHICAGO\n— Cook County State’s "
        "Attorney\nEileen O’Neill Burke\ntoday discussed the mission of the newly formed\n"
        "Choice Protection Unit\n(CPU), a multi-disciplinary team that is devoted to "
        "safeguarding reproductive rights, during a national webinar hosted by the Association "
        "of Prosecuting Attorneys. The webinar provided an opportunity for other prosecutor’s "
        "offices to learn about the unique role of the CPU.\nThe webinar\nwas attended\nby "
        "more than a dozen representatives from prosecutors' offices across the\ncountry."
    )
    doc = make_doc(text)
    assert _dates(doc, "webinar") == [(D(2025, 12, 8), D(2025, 12, 8))]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            # miami_dade_fl/press-release_media-advisory-press-conference-regarding-the-
            # arrest-of-former-hialeah-police-chief-sergio-velazquez.txt
            "State Attorney Katherine Fernandez Rundle, Florida Department of Law Enforcement "
            "Special Agent in Charge John Vecchio will hold a press conference regarding the "
            "arrest of former Hialeah Police Chief Sergio Velazquez.",
            "conference",
        ),
        (
            # kings_ny/2018_10_02_four-defendants-including-former-postal-worker-indicted-...
            "Brooklyn District Attorney Eric Gonzalez, together with United States Postal "
            "Service, Office of the Inspector General, Northeast Area Field Office, Special "
            "Agent in Charge Matthew Modafferi, today announced that four defendants have been "
            "charged in connection with a scheme in which they stole U.S. Treasury checks.",
            "charge",
        ),
        (
            # orange_ca/press_residential-burglary-ring-responsible-for-stealing-1-9-million-...
            "Anaheim Police Chief Jorge Cisneros and Assistant Special Agent in Charge Stephen "
            "Galloway of the Bureau of Alcohol, Tobacco, Firearms, and Explosives were also in "
            "attendance at Monday’s announcement of the arrests.",
            "arrest",
        ),
    ],
    ids=["advisory", "announced", "in-attendance"],
)
def test_agent_in_charge_is_no_place(make_doc, text, type_):
    """ "in Charge" ends a role; the name after it is no place of the event."""
    doc = make_doc(text, published=D(2020, 1, 1))
    places = [e.location for e in doc._.events if e.type == type_]
    assert places
    assert not any(p and p.startswith("Charge") for p in places)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            # orange_ca/press_support-grows-for-2nd-annual-keep-calm-beat-h-e-a-t-rocking-
            # rally-to-take-place-at-chapman-university.txt
            "The event will be held on Oct. 24, 2014, at Chapman University. There will be an "
            "all-day symposium, food trucks, informational booths, and a rock concert at this "
            "event.",
            {"symposium", "concert"},
        ),
        (
            # orange_ca/press_media-advisory-keep-calm-and-beat-h-e-a-t-rocking-rally.txt
            "Attendees are encouraged to wear red and bring their smart phones. There will be a "
            "live concert featuring Stan Frazier and Murphy Karges (Sugar Ray).",
            {"concert"},
        ),
        (
            # orange_ca/press_gang-member-brothers-sentenced-to-life-without-parole-...: no
            # future "there will be", no event
            "There are no family celebrations.",
            set(),
        ),
    ],
    ids=["symposium-and-concert", "live-concert", "no-celebrations"],
)
def test_there_will_be_announces_events(make_doc, text, expected):
    """A future "there will be" announces the gatherings it lists."""
    doc = make_doc(text, published=D(2014, 7, 25))
    assert {e.type for e in doc._.events} - {"rally", "event"} == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            # los_angeles_ca/media_news_man-charged-killing-actor-james-handy-tarzana.txt
            "TARZANA, Calif. – A 44-year-old man was charged today with fatally stabbing his "
            "mother’s elderly boyfriend, actor James Handy, outside a Tarzana home earlier this "
            "week.",
            D(2026, 6, 5),
            [(D(2026, 6, 5), D(2026, 6, 5))],
        ),
        (
            # orange_ca/press_gang-member-brothers-and-friend-charged-with-murder-for-1994-...
            "SANTA ANA – Two brothers and a friend were charged today with murder for shooting a "
            "man in the head in 1994, leaving the victim a quadriplegic on a respirator until the "
            "shot finally caused his death in February 2009.",
            D(2009, 3, 12),
            [(D(2009, 3, 12), D(2009, 3, 12))],
        ),
        (
            # orange_ca/press_man-charged-with-additional-hate-crime-for-violating-civil-...
            "Michael Orlando Vivona, 26, of Orange, was charged today with one misdemeanor count "
            "of violation of civil rights for verbally harassing an Asian woman as she talked on "
            "the phone in Grijalva Park in Orange on April 1, 2021.",
            D(2021, 4, 14),
            [(D(2021, 4, 14), D(2021, 4, 14))],
        ),
    ],
    ids=["earlier-this-week", "in-1994", "on-april-1"],
)
def test_charged_today_takes_no_date_of_the_act(make_doc, text, published, expected):
    """A charge dated by the day next to it ("charged today") is not dated again by the day
    of the act it charges ("with fatally stabbing ... earlier this week")."""
    doc = make_doc(text, published=published)
    assert _dates(doc, "charge") == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            # ISAF peer set isaf-test-0396: "today" dates the strike, not "the July 2 attack"
            "KABUL, Afghanistan (July 15) - An Afghan-international security force conducted a "
            "precision strike on a Taliban commander directly connected to the July 2 attack "
            "near the Ariana hotel in Kunduz province today.",
            D(2010, 7, 15),
            D(2010, 7, 15),
        ),
        (
            # ISAF peer set isaf-test-0508: two days listed for one trigger
            "The International Security Assistance Force extends its deepest regrets to the "
            "families of those who died or were injured during coalition airstrikes on May 4 in "
            "PanKalay and May 6 in Nowbar villages.",
            D(2012, 5, 11),
            D(2012, 5, 6),
        ),
        (
            # ISAF peer set isaf-test-0534: "Monday" dates the operation after "the Aug. 7
            # attack"
            "Afghan and coalition forces today confirmed the death of Hemat, one of the Haqqani "
            "leaders behind the Aug. 7 attack on a coalition base in Logar province, following a "
            "security operation in Pul-e ‘Alam district, Logar, Monday.",
            D(2012, 9, 19),
            D(2012, 9, 17),
        ),
    ],
    ids=["passes-over-premodified", "listed-days", "later-trigger-free"],
)
def test_dated_trigger_passed_over_not_swallowing(make_doc, text, published, expected):
    """A date goes past a trigger a date next to it already dates to the event before it,
    or to it when the two dates are listed together."""
    doc = make_doc(text, published=published)
    assert expected in {e.start for e in doc._.events}


# kings_ny (gang indictment): "friendly-fire" stands between the date and its homicide
FRIENDLY_FIRE = (
    "The investigation revealed that the acts of violence were allegedly committed to "
    "retaliate against taunts by rival gangs regarding the April 27, 2025 homicide of FOG/Koney "
    "Side member Javon Johnnie and the April 29, 2025 friendly-fire homicide of FOG/Koney Side "
    "member Tamari Carmona."
)


@pytest.mark.parametrize(
    ("text", "published", "setting", "default", "changed"),
    [
        # a link line longer than allowed ends the sentence: the operation's dates stay apart
        (GREASE_MONKEY, D(2025, 5, 6), {"max_link_words": 0}, [D(2025, 4, 29)], []),
        # with no word allowed between a date and its event word, "friendly-fire" parts them
        (
            FRIENDLY_FIRE,
            D(2025, 6, 1),
            {"max_premodifier_words": 0},
            [D(2025, 4, 27), D(2025, 4, 29)],
            [D(2025, 4, 27)],
        ),
    ],
    ids=["link-words", "premodifier-words"],
)
def test_event_settings_are_read_from_config(
    component, make_doc, text, published, setting, default, changed
):
    doc = make_doc(text, published=published)
    assert [e.start for e in doc._.events if e.type != "investigation"] == default
    events = component("pressx_events", **setting)(doc)._.events
    assert [e.start for e in events if e.type != "investigation" and e.start] == changed


@pytest.mark.parametrize(
    ("text", "published", "type_", "expected"),
    [
        (
            # orange_ca/press_ocda-findings-concerning-officer-involved-shooting.txt
            "The Orange County District Attorney’s Office has completed its investigation of "
            "the January 31, 2021, officer-involved shooting by Costa Mesa Police Department "
            "Officer Matthew Gonzales.",
            D(2024, 8, 12),
            "shooting",
            [(D(2021, 1, 31), D(2021, 1, 31))],
        ),
        (
            # orange_ca/press_county-of-orange-entitled-to-more-than-8-8-million-in-...txt
            "At an August 11, 2025, restitution hearing, Judge Selna ordered Do to pay the "
            "County of Orange a total of $878,230.",
            D(2025, 8, 20),
            "hearing",
            [(D(2025, 8, 11), D(2025, 8, 11))],
        ),
        (
            # san_diego_ca/news_da-objects-early-release-dui-driver-chicano-park-crash.txt
            "Sepolio was convicted in February of last year for the October 15, 2016, crash "
            "that killed Annamarie Contreras, 50, and Cruz Contreras, 52.",
            D(2019, 3, 1),
            "verdict",
            [(D(2018, 2, 1), D(2018, 2, 28))],  # February of last year, not the crash
        ),
    ],
    ids=["shooting", "hearing", "verdict-keeps-its-own"],
)
def test_a_full_date_closed_by_a_comma_premodifies(make_doc, text, published, type_, expected):
    """News style closes a full date with a comma: "the October 14, 2015, murder"; the date
    dates the event word after it, not an event before it."""
    doc = make_doc(text, published=published)
    assert [d for d in _dates(doc, type_) if d[0] != published] == expected
