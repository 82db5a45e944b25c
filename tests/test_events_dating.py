"""Events, round 2: which dates of a sentence date its events (not a date of birth, not a
date of another thing or of a relative clause about someone), lines that link to other
releases, and crimes reported as events. Every case is a sentence of an archive release
(``/work/shared/corpus/archive/prosecutor/``)."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def _dates(doc, type_):
    return [(e.start, e.end) for e in doc._.events if e.type == type_]


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (
            # los_angeles_ca/media_news_judge-dismisses-indictment-against-former-lapd-officer-...
            "Proctor (dob 5/19/65) was indicted by the grand jury in September 2024 on one count "
            "of second-degree murder.",
            "indictment",
            [(D(2024, 9, 1), D(2024, 9, 30))],
        ),
        (
            # orange_ca/press_businessman-sentenced-to-8-years-in-state-prison.txt
            "Randall Dean Saylor, (DOB 02-21-63) was sentenced to eight years state prison and "
            "ordered to pay over $480,000 in restitution to six victims.",
            "sentencing",
            [(None, None)],
        ),
        (
            # riverside_ca/news_185-kilograms-fentanyl-seized-riverside-county-gang-impact-team.txt
            "An earlier investigation by the U.S. Postal Service resulted in the issuance of a "
            "federal arrest warrant for Ignacio Alcala, DOB: 9-5-85, alleging drug trafficking "
            "charges.",
            "warrant",
            [],  # undated and reported by no event verb: no event
        ),
    ],
    ids=["dob-in-brackets", "dob-after-comma", "dob-label"],
)
def test_date_of_birth_dates_no_event(make_doc, text, type_, expected):
    doc = make_doc(text, published=D(2025, 1, 10))
    assert _dates(doc, type_) == expected


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (
            # dallas_tx/..._2021_051321-PR-Serial-killer-gets-3-life-sentences_pdf.txt
            "He was charged with capital murder in the 1998 cases.",
            "charge",
            [(None, None)],
        ),
        (
            # orange_ca/press_san-clemente-doctor-charged-with-murder-in-2016-death-of-his-wife
            "A San Clemente doctor has been charged with one count of murder in the 2016 death "
            "of his wife.",
            "charge",
            [(None, None)],
        ),
    ],
    ids=["the-1998-cases", "the-2016-death"],
)
def test_date_of_a_thing_dates_no_event(make_doc, text, type_, expected):
    """A year premodifying a noun that is no event word dates that thing."""
    doc = make_doc(text, published=D(2021, 5, 13))
    assert _dates(doc, type_) == expected


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            # orange_ca/press_man-linked-by-dna-convicted-of-1972-cold-case-murder-of-a-stanton-...
            "SANTA ANA – The man who murdered a Stanton wife and mother in 1972 was convicted "
            "today of 1st degree murder.",
            "verdict",
        ),
        (
            # orange_ca/press_man-to-stand-trial-for-1995-rape-and-kidnapping-after-states-100th-...
            "SANTA ANA – A Santa Ana man, who was linked through DNA to the rape of a Fountain "
            "Valley woman in 1995, was found guilty today on all charges.",
            "verdict",
        ),
        (
            # dallas_tx/..._2021_051321-PR-Serial-killer-gets-3-life-sentences_pdf.txt
            "A 43-year-old serial killer who fled to Mexico in 2003 was sentenced to life in "
            "prison after he pleaded guilty to murder charges.",
            "sentencing",
        ),
    ],
    ids=["who-murdered-in-1972", "who-was-linked-in-1995", "who-fled-in-2003"],
)
def test_relative_clause_date_is_not_the_main_event(make_doc, text, type_):
    """The year of a relative clause about the defendant dates that clause's verb, not the
    verdict or sentencing its sentence reports."""
    doc = make_doc(text, published=D(2021, 5, 13))
    assert all(start is None or start.year >= 2021 for start, _ in _dates(doc, type_))
    assert _dates(doc, type_)


@pytest.mark.parametrize(
    "links",
    [
        (
            # san_diego_ca/news_proposition-36-becomes-law.txt
            "Link to: Defendants Sentenced for Two-Day Crime Spree Involving Seven Violent "
            "Incidents\nLink to: Defendants Sentenced for Two-Day Crime Spree Involving Seven "
            "Violent Incidents\nDefendants Sentenced for Two-Day Crime Spree Involving Seven "
            "Violent Incide...\n"
        ),
        (
            # san_diego_ca/news_publics-help-needed-to-solve-2004-cold-case-murder-in-chula-vista
            "Link to: DA Files Charges Against SDSU Fraternity Members After One Student is "
            "Burned\nDA Files Charges Against SDSU Fraternity Members After One Student is "
            "Burne...\n"
        ),
        (
            # san_diego_ca/news_international-fraud-awareness-week.txt
            "Link to: DA Files Criminal Charges in Pacific Beach Incident\nLink to: DA Files "
            "Criminal Charges in Pacific Beach Incident\nDA Files Criminal Charges in Pacific "
            "Beach Incident\n"
        ),
    ],
    ids=["sentenced", "charges-teaser-cut", "charges-teaser-whole"],
)
def test_links_to_other_releases_hold_no_events(make_doc, links):
    text = "The District Attorney honored five residents on Monday, April 24, 2023.\n" + links
    doc = make_doc(text, published=D(2023, 4, 25))
    assert [e.type for e in doc._.events] == ["award"]


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (
            # dallas_tx/..._2021_051321-PR-Serial-killer-gets-3-life-sentences_pdf.txt
            "On Feb. 15, 1998, Perales’ body was found by a passerby around 6 a.m. in the 6100 "
            "block of Santa Fe Avenue.",
            "homicide",
            [(D(1998, 2, 15), D(1998, 2, 15))],
        ),
        (
            # kings_ny/2016_06_15_long-sought-suspect-indicted-for-2006-murder-of-chanel-...
            "On June 22, 2006, the victim’s body was found in a trash bag on Kingston Avenue in "
            "Crown Heights.",
            "homicide",
            [(D(2006, 6, 22), D(2006, 6, 22))],
        ),
        (
            # orange_ca/press_third-striker-extradited-to-orange-county-for-1990-tustin-cold-...
            "On Nov. 23, 1990, the victim’s body was found by Tustin Police Department (TPD) "
            "officers.",
            "homicide",
            [(D(1990, 11, 23), D(1990, 11, 23))],
        ),
        (
            # dallas_tx/..._2023_Liborio_20Canales_20Conviction_pdf.txt
            "On November 7, 1986, Barbara Carr Villarreal was stabbed to death in her Garland "
            "home.",
            "stabbing",
            [(D(1986, 11, 7), D(1986, 11, 7))],
        ),
        (
            # orange_ca/press_34-year-old-man-convicted-of-special-circumstances-murders-of-...
            "On February 11, 2019, Nicholson confronted his father in their Newport Beach home "
            "and stabbed him repeatedly.",
            "stabbing",
            [(D(2019, 2, 11), D(2019, 2, 11))],
        ),
    ],
    ids=["body-found-1998", "body-found-2006", "body-found-1990", "stabbed-1986", "stabbed-2019"],
)
def test_crimes_are_dated_events(make_doc, text, type_, expected):
    doc = make_doc(text, published=D(2023, 5, 13))
    assert _dates(doc, type_) == expected


@pytest.mark.parametrize(
    "text",
    [
        # riverside_ca/news_185-kilograms-fentanyl-seized-riverside-county-gang-impact-team.txt
        "Fentanyl is killing our residents at an alarming rate, and it is affecting all "
        "races/ethnicities, sociodemographic groups, and ages.",
        # orange_ca/press_orange-county-district-attorney-todd-spitzer-announces-countywide-...
        "The campaign is the latest effort by the Orange County District Attorney’s Office to "
        "combat the fentanyl epidemic that is killing Americans by the tens of thousands.",
        # kings_ny/2025_06_02_two-men-indicted-for-sophisticated-financial-scam-that-...
        "New Yorkers rely on the integrity of their financial institutions, and the NYPD remains "
        "committed to identifying and arresting those who seek to exploit them.",
    ],
    ids=["is-killing-residents", "epidemic-is-killing", "committed-to-arresting"],
)
def test_ongoing_or_intended_action_is_no_event(make_doc, text):
    doc = make_doc(text, published=D(2023, 5, 13))
    assert doc._.events == []


def test_begun_action_is_an_event(make_doc):
    # kings_ny/2026_05_11_fifteen-alleged-members-of-coney-island-based-gangs-charged-with-...
    text = (
        "On May 30, 2025, at approximately 8:04 p.m., it is alleged that defendants Kristian "
        "Blackstock, Christopher Smart, and two unidentified others walked up to the house of a "
        "known rival in Canarsie and all four allegedly began firing numerous rounds toward the "
        "house."
    )
    doc = make_doc(text, published=D(2026, 5, 11))
    assert _dates(doc, "shooting") == [(D(2025, 5, 30), D(2025, 5, 30))]


@pytest.mark.parametrize(
    ("text", "type_", "expected"),
    [
        (
            # orange_ca/press_seeking-additional-witnesses-man-arrested-for-newport-beach-cold-case
            "The Orange County District Attorney’s Office along with the Newport Beach Police "
            "Department announced at a joint press conference on Feb. 20, 2019, at 10:00 a.m.",
            "conference",
            D(2019, 2, 20),
        ),
        (
            # orange_ca/press_efforts-by-orange-county-district-attorneys-office-oc-law-...
            "Forty-eight suspects have been arrested across Orange County, Orange County District "
            "Attorney Todd Spitzer and law enforcement officials announced at a press conference "
            "today.",
            "conference",
            D(2019, 3, 1),
        ),
        (
            # orange_ca/press_teen-gang-member-sentenced-to-50-years-to-life-for-the-shooting-...
            "Valle’s mother told the court at the sentencing hearing today that she did not "
            "understand why her son’s life was taken.",
            "hearing",
            D(2019, 3, 1),
        ),
    ],
    ids=["conference-on-feb-20", "conference-today", "hearing-today"],
)
def test_date_after_an_event_word_dates_it_though_a_report_governs_it(
    make_doc, text, type_, expected
):
    """A date right after an event word dates that event, even where the parser hangs it on
    the verb of reporting ("announced at a news conference last week")."""
    doc = make_doc(text, published=D(2019, 3, 1))
    assert _dates(doc, type_) == [(expected, expected)]
