"""Dates: calendar-exact days, ranges, months, years and relative expressions, and the
durations, counts, money and case numbers that are not dates."""

from __future__ import annotations

import datetime as dt

import pytest

from pressx.text.datetext import MONTH_START_RE, YEAR_RE, Stretches, parse_date

D = dt.date


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "UNODC conducted from 02 to 06 November 2020 a training workshop for female officers.",
            None,
            [("from 02 to 06 November 2020", D(2020, 11, 2), D(2020, 11, 6), "day")],
        ),
        (
            "Building on the momentum of the successful visit of the Commander, UAE Land Forces , "
            "on 27-28 October 2025 and Commander UAE Presidential Guard on 15-19 December 2025 , "
            "Exercise DESERT CYCLONE–II will further strengthen bilateral defence cooperation.",
            None,
            [
                ("27-28 October 2025", D(2025, 10, 27), D(2025, 10, 28), "day"),
                ("15-19 December 2025", D(2025, 12, 15), D(2025, 12, 19), "day"),
            ],
        ),
        (
            "From December 1, 2024, to June 1, 2025, CCSAO had filed charges in 1,450 felony "
            "retail theft cases.",
            None,
            [("From December 1, 2024, to June 1, 2025", D(2024, 12, 1), D(2025, 6, 1), "day")],
        ),
        (
            "The project ran from 30 May - 02 June 2016 and again on 7-9 September 2020.",
            None,
            [
                ("from 30 May - 02 June 2016", D(2016, 5, 30), D(2016, 6, 2), "day"),
                ("7-9 September 2020", D(2020, 9, 7), D(2020, 9, 9), "day"),
            ],
        ),
        (
            "Posted: 17 DEC 2025 2:09PM by PIB Delhi. It was signed on Nov. 6, 2020 and filed "
            "on 2020-11-06.",
            None,
            [
                ("17 DEC 2025", D(2025, 12, 17), D(2025, 12, 17), "day"),
                ("Nov. 6, 2020", D(2020, 11, 6), D(2020, 11, 6), "day"),
                ("2020-11-06", D(2020, 11, 6), D(2020, 11, 6), "day"),
            ],
        ),
        (
            "GLO.ACT-Asia and the Middle East is a four-year (2018-2022), €12 million joint "
            "initiative by the European Union (EU).",
            None,
            [("2018-2022", D(2018, 1, 1), D(2022, 12, 31), "year")],
        ),
        (
            "The number of MCDs recovered by law enforcement in the U.S. surged by more than "
            "500 percent between 2017 and 2021.",
            None,
            [("between 2017 and 2021", D(2017, 1, 1), D(2021, 12, 31), "year")],
        ),
        (
            "33rd Webinar of the National Good Governance Webinar Series 2025-26, one Webinar "
            "every month, since April, 2022.",
            None,
            [
                ("2025-26", D(2025, 1, 1), D(2026, 12, 31), "year"),
                ("April, 2022", D(2022, 4, 1), D(2022, 4, 30), "month"),
            ],
        ),
        (
            "The next coaching session is scheduled to take place in July 2021.",
            D(2021, 3, 30),
            [("July 2021", D(2021, 7, 1), D(2021, 7, 31), "month")],
        ),
        (
            "A special job fair organised on 16 December witnessed participation from 157 "
            "Divyang youth.",
            D(2025, 12, 21),
            [("16 December", D(2025, 12, 16), D(2025, 12, 16), "day")],
        ),
    ],
    ids=[
        "from-to",
        "two-ranges",
        "month-day-range",
        "cross-month",
        "single-days",
        "paren-years",
        "between-years",
        "fiscal-years-and-month",
        "month",
        "day-without-year",
    ],
)
def test_written_dates(make_doc, text, published, expected):
    doc = make_doc(text, published=published)
    found = [(d.text, d.start, d.end, d.precision) for d in doc._.dates]
    assert found == expected
    for d in doc._.dates:
        assert doc.text[d.char_start : d.char_end] == d.text


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "Brooklyn District Attorney Ken Thompson today announced that two important "
            "community-based initiatives this past Saturday were successful.",
            D(2015, 12, 7),
            [
                ("today", D(2015, 12, 7), D(2015, 12, 7)),
                ("this past Saturday", D(2015, 12, 5), D(2015, 12, 5)),
            ],
        ),
        (
            "During a security operation in Andar district, Ghazni province, yesterday, an "
            "Afghan and coalition force killed the Taliban leader, Alaudin.",
            D(2013, 1, 25),
            [("yesterday", D(2013, 1, 24), D(2013, 1, 24))],
        ),
        (
            "An Afghan and coalition security force detained several insurgents in Logar "
            "province Tuesday while in pursuit of a Taliban commander.",
            D(2010, 9, 1),
            [("Tuesday", D(2010, 8, 31), D(2010, 8, 31))],
        ),
        (
            "The State's Attorney will co-host the summit on Friday. Officers met last week and "
            "again earlier this month.",
            D(2021, 3, 30),
            [
                ("Friday", D(2021, 4, 2), D(2021, 4, 2)),
                ("last week", D(2021, 3, 22), D(2021, 3, 28)),
                ("earlier this month", D(2021, 3, 1), D(2021, 3, 31)),
            ],
        ),
        (
            "In three Begin Again events this year, nearly 2,400 people received assistance.",
            D(2015, 12, 7),
            [("this year", D(2015, 1, 1), D(2015, 12, 31))],
        ),
        (
            "Afghan and coalition security forces detained several insurgents in Khost province "
            "overnight, including a Haqqani Network leader responsible for attacks against "
            "coalition forces.",
            D(2010, 9, 29),
            [("overnight", D(2010, 9, 28), D(2010, 9, 28))],
        ),
        (
            "An Afghan and coalition security force conducted an overnight operation in Wardak "
            "province Monday.",
            D(2011, 2, 16),
            [("Monday", D(2011, 2, 14), D(2011, 2, 14))],
        ),
    ],
    ids=[
        "today-past-saturday",
        "yesterday",
        "weekday",
        "future-weekday-week-month",
        "this-year",
        "overnight",
        "overnight-adjective-gives-way",
    ],
)
def test_relative_dates_resolve_against_publication(make_doc, text, published, expected):
    doc = make_doc(text, published=published)
    assert [(d.text, d.start, d.end) for d in doc._.dates] == expected
    assert all(d.relative for d in doc._.dates)


def test_relative_dates_need_a_publication_date(make_doc):
    doc = make_doc("They were arrested in April of this year and charged yesterday.")
    assert doc._.dates == []


@pytest.mark.parametrize(
    "text",
    [
        "Going beyond the classroom setting, 3 coaching sessions, each lasting 2 days, will "
        "complement this weeklong training.",
        "Women and girls represent more than 70 per cent of detected human trafficking victims "
        "over the last 15 years.",
        "Francisco Castillo Ortiz, 62, is the grandfather of both victims.",
        "All charges are second degree felonies punishable with up to 2-20 years in prison and "
        "a $10,000 fine.",
        "ISAF Joint Command- Afghanistan\n2011-07-S-039\nFor Immediate Release",
        "Each webinar is attended by more than 2000 officials and about 1500 people.",
    ],
    ids=["durations", "years-duration", "age", "money", "reference-number", "counts"],
)
def test_not_dates(make_doc, text):
    assert make_doc(text)._.dates == []


def test_day_without_year_takes_the_nearest_full_date(corpus_docs):
    doc = corpus_docs["pros-harris-dmv-title-laundering-charges"]
    assert doc._.published is None
    july_11 = next(d for d in doc._.dates if d.text == "July 11")
    assert july_11.start == D(2025, 7, 11)


def test_day_without_year_takes_the_year_of_the_reference_number(make_doc):
    doc = make_doc(
        "ISAF Joint Command - Afghanistan\n2010-07-CA-129\nFor Immediate Release\n\n"
        "A National Directorate of Security (NDS) and ISAF combined force conducted an "
        "operation in Kabul City July 16 to detain a senior Taliban commander."
    )
    assert [(d.text, d.start) for d in doc._.dates] == [("July 16", D(2010, 7, 16))]


def test_sidebar_dates_are_boilerplate(corpus_docs):
    doc = corpus_docs["pros-harris-dmv-title-laundering-charges"]
    assert [d.text for d in doc._.dates] == ["July 9, 2025", "July 11"]


@pytest.mark.parametrize(
    "written, base, expected",
    [
        ("Sept. 1, 2010", None, "2010-09-01"),  # built directly
        ("5th March 2024", None, "2024-03-05"),
        ("2010-07-16", dt.date(2011, 1, 1), "2010-07-16"),
        ("Monday, July 1, 2024", None, "2024-07-01"),  # dateparser, which drops the weekday
        ("July 16", dt.date(2010, 7, 1), "2010-07-16"),  # dateparser, the year from the base
    ],
)
def test_parse_date(written, base, expected):
    assert str(parse_date(written, base=base)) == expected


# a release of the archive (prosecutor): a list of months that share the year written last
UNPAID_MONTHS = (
    "She was unable to pay employees in April, May, July, August and November 2014, according "
    "to the indictment, which was filed in federal court here after a long investigation by "
    "agents of the Department of Labor."
)


@pytest.mark.parametrize(
    "seed, stretch",
    [
        (MONTH_START_RE, UNPAID_MONTHS[: UNPAID_MONTHS.index(" federal")]),
        (
            YEAR_RE,
            UNPAID_MONTHS[UNPAID_MONTHS.index("employees") : UNPAID_MONTHS.index(" federal")],
        ),
    ],
)
def test_forms_are_searched_around_their_words(seed, stretch):
    """Eight words either side of a month name or year, and of the chain of month names and
    numbers that follows it: the whole list of months and the year they share."""
    start = UNPAID_MONTHS.index(stretch)
    assert Stretches(UNPAID_MONTHS).around(seed) == [(start, start + len(stretch))]


def test_months_sharing_a_year_take_it(make_doc):
    doc = make_doc(UNPAID_MONTHS)
    assert [(d.text, str(d.start), str(d.end)) for d in doc._.dates] == [
        ("in April", "2014-04-01", "2014-04-30"),
        ("May", "2014-05-01", "2014-05-31"),
        ("July", "2014-07-01", "2014-07-31"),
        ("August", "2014-08-01", "2014-08-31"),
        ("November 2014", "2014-11-01", "2014-11-30"),
    ]
