"""Date forms taken from real releases of the archive (``shared/corpus/archive``; each case
names its file): numeric dates in the release's own day/month order, coordinated and spanning
months and days, fiscal-year spans, and relative expressions of week parts and named months."""

from __future__ import annotations

import datetime as dt

import pytest

D = dt.date


def found(doc):
    return [(d.text, d.start, d.end, d.precision) for d in doc._.dates]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # riverside_ca/news_185-kilograms-fentanyl-seized-riverside-county-gang-impact-team
            "A federal arrest warrant was issued for Ignacio Alcala, DOB: 9-5-85, alleging drug "
            "trafficking. December 19, 2022",
            D(2022, 12, 19),
            [
                ("9-5-85", D(1985, 9, 5), D(1985, 9, 5), "day"),
                ("December 19, 2022", D(2022, 12, 19), D(2022, 12, 19), "day"),
            ],
        ),
        (  # los_angeles_ca/media_news_jury-convicts-man-murdering-two-unhoused-men-...
            "The jury convicted Loyer (dob 10/8/84) of two counts of first-degree murder.",
            D(2026, 6, 3),
            [("10/8/84", D(1984, 10, 8), D(1984, 10, 8), "day")],
        ),
        (  # orange_ca/press_14-year-old-boy-charged-as-an-adult-...
            "At the request of his attorney, the arraignment was continued to 12/10/04 at "
            "8:30 AM in department N7, North Justice Center.",
            D(2004, 11, 22),
            [("12/10/04", D(2004, 12, 10), D(2004, 12, 10), "day")],
        ),
        (  # dallas_tx/..._2025_2025_20Expunction_20Expo_20Kick_20Off_...: US order
            "July 1, 2025 Contact: Claire Crouch\nYou were convicted before 09/01/2021 for "
            "Unlawful Carrying of a Weapon.",
            None,
            [
                ("July 1, 2025", D(2025, 7, 1), D(2025, 7, 1), "day"),
                ("09/01/2021", D(2021, 9, 1), D(2021, 9, 1), "day"),
            ],
        ),
        (  # pib_india/2207176.txt: written dates day first, so numeric ones too
            "Posted On: 22 DEC 2025. The Authority considered the recommendations of the "
            "Committee constituted by it vide order dated 9/5/24 and its further directions "
            "dated 12/8/2025.",
            None,
            [
                ("22 DEC 2025", D(2025, 12, 22), D(2025, 12, 22), "day"),
                ("9/5/24", D(2024, 5, 9), D(2024, 5, 9), "day"),
                ("12/8/2025", D(2025, 8, 12), D(2025, 8, 12), "day"),
            ],
        ),
        (  # pib_india: a day over 12 settles the order; dots are day first
            "The Hon’ble Supreme Court in its order dated 20/11/2025 has given directions. "
            "The Act has come into force with effect from 10.09.2025 at all ports.",
            None,
            [
                ("20/11/2025", D(2025, 11, 20), D(2025, 11, 20), "day"),
                ("10.09.2025", D(2025, 9, 10), D(2025, 9, 10), "day"),
            ],
        ),
    ],
    ids=["dob-hyphen", "dob-slash", "two-digit-year", "month-first", "day-first", "dots"],
)
def test_numeric_dates(make_doc, text, published, expected):
    doc = make_doc(text, published=published)
    assert found(doc) == expected
    for d in doc._.dates:
        assert doc.text[d.char_start : d.char_end] == d.text


@pytest.mark.parametrize(
    "text",
    [
        "Office: 714-347-8408 Cell: 714-292-2718",  # orange_ca contact blocks
        "a world record with a time of 2.00.21 in the 200 m event",  # pib_india
        "Version 1.2.10 of the software; score 9-5 in the final",
    ],
    ids=["phone", "race-time", "version-and-score"],
)
def test_numbers_that_are_not_numeric_dates(make_doc, text):
    assert make_doc(text, published=D(2025, 1, 1))._.dates == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # kings_ny/2016_..._thirty-five-alleged-gang-members-...
            "The indictment pertains to four early morning incidents dating back to May and "
            "June 2015.",
            None,
            [("May and June 2015", D(2015, 5, 1), D(2015, 6, 30), "month")],
        ),
        (  # pib_india: a dash between months
            "For the year 2025, the cumulative exports from January–November 2025 grew.",
            None,
            [
                ("2025", D(2025, 1, 1), D(2025, 12, 31), "year"),
                ("from January–November 2025", D(2025, 1, 1), D(2025, 11, 30), "month"),
            ],
        ),
        (  # pib_india (MoHUA, Swachh Survekshan): a part of the first month
            "The assessments are expected to begin from mid-February to March 2026.",
            None,
            [("from mid-February to March 2026", D(2026, 2, 1), D(2026, 3, 31), "month")],
        ),
        (  # cook_il/news_day-one-priorities-numbers-100-days-...: across a year
            "Detentions rose in December 2024 - March 2025 compared with last year.",
            None,
            [("December 2024 - March 2025", D(2024, 12, 1), D(2025, 3, 31), "month")],
        ),
        (  # orange_ca: two consecutive days joined by "and"
            "On March 27 and 28, 2009, Chesney and a female friend visited the spa.",
            None,
            [("March 27 and 28, 2009", D(2009, 3, 27), D(2009, 3, 28), "day")],
        ),
        (  # pib_india: a span of fiscal years
            "Andhra Pradesh had not participated during last three years (FY 2022-23 to "
            "FY 2024-25).",
            None,
            [("2022-23 to FY 2024-25", D(2022, 1, 1), D(2025, 12, 31), "year")],
        ),
    ],
    ids=[
        "month-and-month",
        "month-dash-month",
        "mid-month-to",
        "across-years",
        "days-and",
        "fiscal-span",
    ],
)
def test_coordinated_and_spanning_dates(make_doc, text, published, expected):
    assert found(make_doc(text, published=published)) == expected


def test_days_joined_by_and_that_are_not_consecutive_are_no_range(make_doc):
    # orange_ca: "the Truancy Interventions conducted March 5 and 12, 2008"
    doc = make_doc(
        "The table shows the Truancy Interventions conducted March 5 and 12, 2008.",
        published=D(2010, 1, 4),
    )
    assert found(doc)[0] == ("March 5", D(2008, 3, 5), D(2008, 3, 5), "day")
    assert all(d.start.year == 2008 for d in doc._.dates)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # dallas_tx/..._Press-Release--Brandon-Sampson-Murder-Trial-...: Mon to the day before
            "Brandon Sampson was found guilty of murder earlier this week by a Dallas County jury.",
            D(2019, 8, 15),
            [("earlier this week", D(2019, 8, 12), D(2019, 8, 14), "day")],
        ),
        (  # orange_ca/press_support-grows-for-2nd-annual-keep-calm-...
            "The second annual Rocking & Rally will take place this coming October.",
            D(2014, 7, 25),
            [("this coming October", D(2014, 10, 1), D(2014, 10, 31), "month")],
        ),
        (  # kings_ny/2019_01_09_new-jersey-man-sentenced-...
            "The defendant was convicted of second-degree murder last November following a "
            "jury trial.",
            D(2019, 1, 9),
            [("last November", D(2018, 11, 1), D(2018, 11, 30), "month")],
        ),
    ],
    ids=["earlier-this-week", "this-coming-month", "last-month-name"],
)
def test_relative_parts_and_named_months(make_doc, text, published, expected):
    doc = make_doc(text, published=published)
    assert found(doc) == expected
    assert all(d.relative for d in doc._.dates)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # orange_ca/press_man-extradited-from-arizona-...-1984-cold-case-murder-...
            "He was behind a County office building on the 2000 block of Walnut Street in "
            "Santa Ana.",
            [],
        ),
        (  # orange_ca/press_fugitive-who-fled-to-mexico-...-quinceanera-in-2006-...
            "Police responded to a report of shots fired at an apartment in the 2000 block of "
            "Wallace Avenue in Costa Mesa in 2006.",
            [("2006", D(2006, 1, 1), D(2006, 12, 31), "year")],
        ),
        (  # san_diego_ca/news_da-opposes-parole-murder-hire-killer.txt
            "Governor Jerry Brown commuted her sentence in 2018 to 35 years-to-life.",
            [("2018", D(2018, 1, 1), D(2018, 12, 31), "year")],
        ),
        (  # a date followed by a sentence length
            "Perez was sentenced March 10, 1992, to 28 years to life in state prison.",
            [("March 10, 1992", D(1992, 3, 10), D(1992, 3, 10), "day")],
        ),
        (  # san_diego_ca/news_man-sentenced-for-causing-sailors-death-in-coronado-...
            "October 14, 2024\nA man who caused a soldier’s death while stealing his car in "
            "Coronado, was sentenced Friday, October 11 to 15 years-to-life in state prison.",
            [
                ("October 14, 2024", D(2024, 10, 14), D(2024, 10, 14), "day"),
                ("Friday, October 11", D(2024, 10, 11), D(2024, 10, 11), "day"),
            ],
        ),
        (  # kings_ny/2016_06_14_coney-island-teenager-sentenced-...: a house number
            "Darrell Dockery, 18, of 2007 Surf Avenue in Coney Island, was arrested.",
            [],
        ),
        (  # dallas_tx/..._2025_2025_20Expunction_20Expo_20Kick_20Off_...: with a direction
            "Friendship West Baptist Church\n2020 W. Wheatland Rd., Dallas, TX 75232",
            [],
        ),
        (  # orange_ca/press_law-enforcement-seek-publics-help-in-identifying-dozens-...
            "Huntington Beach Police Department located at 2000 Main Street, Huntington "
            "Beach, in 2011.",
            [("2011", D(2011, 1, 1), D(2011, 12, 31), "year")],
        ),
    ],
    ids=[
        "block-number",
        "block-then-year",
        "year-then-sentence",
        "date-then-sentence",
        "day-then-sentence",
        "house-number",
        "house-number-direction",
        "house-number-then-year",
    ],
)
def test_block_numbers_and_sentence_lengths_are_not_years(make_doc, text, expected):
    assert found(make_doc(text)) == expected


@pytest.mark.parametrize(
    ("text", "published", "weekday", "day"),
    [
        (  # orange_ca/press_man-faces-trial-for-twice-depositing-...
            "SANTA ANA – A man faces trial Tuesday for twice depositing his semen into a "
            "co-worker’s water bottle. Opening statements are expected to begin Tuesday, Feb. "
            "22, 2011, at 9:00 a.m. in Department C-56.",
            D(2011, 2, 16),
            "Tuesday",
            D(2011, 2, 22),
        ),
        (  # dallas_tx/..._2023_2024_20Expunction_20Expo_20Kick_20Off_...
            "You may call between 8:30 am and 4:00 pm on Monday, July 8, 2024 or Tuesday, "
            "July 9, 2024 (if applications have not already closed on Monday).",
            D(2024, 7, 1),
            "Monday",
            D(2024, 7, 8),
        ),
        (  # orange_ca/press_the-orange-county-district-attorneys-office-celebrates-...
            "The OCDA will host its Adopt-a-Family event this Saturday, December 11th, 2004. "
            "All adopted families are invited to Saturday’s special holiday celebration.",
            D(2004, 12, 10),
            "Saturday",
            D(2004, 12, 11),
        ),
    ],
    ids=["trial-tuesday", "closed-on-monday", "saturdays-celebration"],
)
def test_bare_weekday_is_the_day_the_release_names_with_it(make_doc, text, published, weekday, day):
    doc = make_doc(text, published=published)
    bare = [d for d in doc._.dates if d.text == weekday]
    assert [(d.start, d.end) for d in bare] == [(day, day)]


@pytest.mark.parametrize(
    "text",
    [
        # san_diego_ca/news_exploited-and-underpaid-two-charged-...: a sidebar link
        "Link to: DA Testifies in Support of AB 1959 to Close Dangerous Resentencing Loophole",
        # cook_il: two bills named by number
        "The two measures are Senate Bill 1899, which allows prosecutors to act.",
        # los_angeles_ca (5 releases): the page footer
        "Do You Need Help? L.A. County Home. © 2025 Los Angeles County District Attorney’s Office.",
    ],
    ids=["assembly-bill", "senate-bill", "copyright"],
)
def test_bill_numbers_and_copyright_years_are_not_dates(make_doc, text):
    assert make_doc(text)._.dates == []


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # san_diego_ca/news_undercover-operation-results-in-arrests-of-dozens-...
            "Last Thursday, 23 of the defendants were arrested during a takedown.",
            D(2019, 3, 14),  # a Thursday: "last Thursday" is the week before
            [("Last Thursday", D(2019, 3, 7), D(2019, 3, 7), "day")],
        ),
        (  # san_diego_ca/news_da-investigators-join-shop-cop.txt
            "This past Saturday, 10 investigators from the District Attorney’s Bureau of "
            "Investigation took part.",
            D(2018, 12, 17),
            [("This past Saturday", D(2018, 12, 15), D(2018, 12, 15), "day")],
        ),
    ],
    ids=["last-weekday-capital", "this-past-capital"],
)
def test_sentence_initial_directions(make_doc, text, published, expected):
    assert found(make_doc(text, published=published)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # orange_ca/press_man-sentenced-to-life-in-prison-...-marijuan.txt
            "After two expensive trips to Las Vegas with John Doe in March and May 2012, "
            "Handley devised a plan.",
            D(2014, 6, 2),
            [
                ("in March", D(2012, 3, 1), D(2012, 3, 31), "month"),
                ("May 2012", D(2012, 5, 1), D(2012, 5, 31), "month"),
            ],
        ),
        (  # kings_ny/2016_05_12_owner-of-vegan-food-business-...
            "She was unable to pay employees in April, May, July, August and November 2014, "
            "according to the indictment.",
            D(2016, 5, 12),
            [
                ("in April", D(2014, 4, 1), D(2014, 4, 30), "month"),
                ("May", D(2014, 5, 1), D(2014, 5, 31), "month"),
                ("July", D(2014, 7, 1), D(2014, 7, 31), "month"),
                ("August", D(2014, 8, 1), D(2014, 8, 31), "month"),
                ("November 2014", D(2014, 11, 1), D(2014, 11, 30), "month"),
            ],
        ),
        (  # cook_il/news_day-one-priorities-numbers-100-days-...: sentence-initial preposition
            "In February, Burke announced that this policy would be mirrored for offenders.",
            D(2025, 3, 12),
            [("In February", D(2025, 2, 1), D(2025, 2, 28), "month")],
        ),
    ],
    ids=["two-months-one-year", "month-list-one-year", "sentence-initial-in"],
)
def test_months_that_share_a_year(make_doc, text, published, expected):
    assert found(make_doc(text, published=published)) == expected
