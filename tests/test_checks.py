"""Figure checks: within a release (pressx_checks), across releases (pressx.runners.crosscheck) and
their display (`pressx check`), on the seed releases and real sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pandas as pd
import pytest
from rich.console import Console

from pressx.cli import main
from pressx.components.checks import DurationFinder
from pressx.runners.crosscheck import cross_release_checks
from pressx.tables.rows import doc_rows
from pressx.text.resources import load_json
from pressx.views.check import read_checks, show_checks

TRAINING = "unodc-2020-11-06-female-officers-training"
COACHING = "unodc-2021-03-30-coaching-session"
CORPUS_DEV2 = Path("/work/shared/corpus/dev2")


def checks_of(doc, check_type):
    return [c for c in doc._.checks if c.check_type == check_type]


@pytest.mark.parametrize(
    ("doc_id", "expected", "observed", "parts"),
    [
        (TRAINING, 25.0, 25.0, ["17 female officers", "8 female police officers"]),
        (COACHING, 24.0, 24.0, ["18 female officers", "6 female police officers"]),
    ],
)
def test_parts_add_up_to_the_total(corpus_docs, doc_id, expected, observed, parts):
    (check,) = checks_of(corpus_docs[doc_id], "sum_of_parts")
    assert (check.status, check.expected, check.observed) == ("consistent", expected, observed)
    assert [e.text for e in check.evidence[:2]] == parts


@pytest.mark.parametrize(
    ("doc_id", "setting", "gone"),
    [
        (TRAINING, {"near_range_chars": 0}, "four-year"),  # the range is after " ("
        (COACHING, {"max_noun_gap": 1}, "5-day"),  # 5-day UNODC led specialist training
    ],
)
def test_duration_settings_are_read_from_config(nlp, component, corpus_docs, doc_id, setting, gone):
    doc = nlp(corpus_docs[doc_id].text)
    durations = [c.evidence[0].text for c in checks_of(doc, "duration_vs_range")]
    changed = component("pressx_checks", **setting)(doc)
    assert [c.evidence[0].text for c in checks_of(changed, "duration_vs_range")] == [
        d for d in durations if d != gone
    ]


@pytest.mark.parametrize(
    ("doc_id", "duration", "status"),
    [
        (TRAINING, "four-year", "consistent"),  # four-year (2018-2022)
        (TRAINING, "weeklong", "consistent"),  # weeklong training, 02 to 06 November 2020
        (COACHING, "two-day", "consistent"),  # two-day coaching session from 25 to 26 March
        (COACHING, "5-day", "unverifiable"),  # 5-day workshop ... in November 2020
    ],
)
def test_duration_against_dates(corpus_docs, doc_id, duration, status):
    found = [
        c
        for c in checks_of(corpus_docs[doc_id], "duration_vs_range")
        if c.evidence[0].text == duration
    ]
    assert found and found[0].status == status


@pytest.mark.parametrize(
    ("text", "start", "end", "fits"),
    [
        ("a four-year (2018-2022) initiative", "2018-01-01", "2022-12-31", True),
        ("the weeklong training", "2020-11-02", "2020-11-06", True),
        ("a 5-day UNODC led specialist training workshop", "2020-11-02", "2020-11-06", True),
        ("the nine-day Divya Kala Mela", "2025-12-13", "2025-12-21", True),
        ("a two-day coaching session", "2021-03-25", "2021-03-27", False),
        ("a 13-month investigation", "2024-01-01", "2026-05-11", False),
    ],
)
def test_duration_fits(text, start, end, fits):
    (duration,) = DurationFinder(load_json("checks.json"))(text)
    assert (
        duration.fits(dt.date.fromisoformat(start), dt.date.fromisoformat(end), working_week=5)
        is fits
    )


def test_an_age_is_not_a_duration():
    text = "exonerations for the Dallas attorneys, and law enforcement – in Dallas 39-year-old"
    assert DurationFinder(load_json("checks.json"))(text) == []


def test_a_single_month_is_not_a_range(make_doc):
    """'5-day ... in November 2020': the month cannot confirm five days."""
    doc = make_doc(
        "The coaching session was provided to the same cohort of women who participated in a "
        "5-day UNODC led specialist training workshop on investigative techniques in November 2020."
    )
    assert [c.status for c in doc._.checks if c.check_type == "duration_vs_range"] == [
        "unverifiable"
    ]


def run_tables(docs) -> dict[str, pd.DataFrame]:
    """The tables `pressx run` writes, for the checks to read back."""
    rows = {"documents": [], "participants": [], "events": [], "dates": [], "organisations": []}
    for doc_id, doc in docs.items():
        rows["documents"].append({"doc_id": doc_id, "text": doc.text})
        built = doc_rows(doc)
        for table in ("participants", "events", "dates", "organisations"):
            rows[table] += [{**row, "doc_id": doc_id} for row in built[table]]
    return {table: pd.DataFrame(r) for table, r in rows.items()}


@pytest.fixture(scope="module")
def cross(corpus_docs):
    return cross_release_checks(run_tables({d: corpus_docs[d] for d in (TRAINING, COACHING)}))


def test_same_cohort_with_more_fia_officers_is_a_mismatch(cross):
    """The coaching release says its participants are 'the same cohort' as the November 2020
    training (17 FIA + 8 Punjab = 25), yet reports 18 FIA officers."""
    fia = [c for c in cross if c.check_type == "cross_release_cohort" and "FIA" in c.message]
    assert [(c.status, c.expected, c.observed) for c in fia] == [("mismatch", 17.0, 18.0)]
    assert fia[0].doc_ids == [TRAINING, COACHING]
    assert [e.text for e in fia[0].evidence[1:]] == ["17 female officers", "18 female officers"]
    assert "same cohort" in fia[0].evidence[0].text


def test_same_cohort_within_bounds_is_consistent(cross):
    statuses = {
        (c.check_type, c.expected, c.observed): c.status for c in cross if "FIA" not in c.message
    }
    assert statuses[("cross_release_cohort", 8.0, 6.0)] == "consistent"  # Punjab police
    assert statuses[("cross_release_cohort", 25.0, 24.0)] == "consistent"  # in total
    assert statuses[("cross_release_duration", 5.0, 5.0)] == "consistent"  # 5-day vs 02-06 Nov


def write_checks(folder, checks) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([dataclasses.asdict(c) for c in checks]).to_parquet(folder / "checks.parquet")


def test_check_view_prints_evidence_and_fails_on_mismatch(cross, tmp_path):
    write_checks(tmp_path / "all", cross)
    console = Console(record=True, width=200)
    assert show_checks(tmp_path / "all", console=console) == 1
    shown = console.export_text()
    assert "MISMATCH cross_release_cohort" in shown
    assert f"{COACHING} [" in shown and "18 female officers" in shown
    assert "expected 17, observed 18" in shown


def test_check_view_exit_zero_without_mismatch(cross, tmp_path):
    write_checks(tmp_path / "ok", [c for c in cross if c.status != "mismatch"])
    console = Console(record=True, width=200)
    assert show_checks(tmp_path / "ok", console=console) == 0
    shown = console.export_text()
    assert re.search(r"│ all\s+│\s+0 │\s+0 │\s+3 │\s+3 │", shown)  # the summary comes first
    assert "MISMATCH" not in shown and shown.index("checks by type") < shown.index("CONSISTENT")


# -- periods that run to the release ("through the present", "since ...") -----------------

CONEY = "pros-kings-coney-island-gangs-indictment-2026"
WEBINAR = "pib-2207470-good-governance-webinar"


@pytest.mark.parametrize(
    ("text", "published", "noun", "start"),
    [
        (  # kings_ny/2026_04_15_thirty-six-alleged-members-of-two-rival-brownsville-...
            "The District Attorney said the indictments are the result of a long-term "
            "investigation by the District Attorney’s Violent Criminal Enterprises Bureau and the "
            "New York City Police Department’s Gun Violence Suppression Division that started in "
            "March 2023 and continued through the present.",
            "2026-04-15",
            "investigation",
            "2023-03-01",
        ),
        (  # orange_ca/press_ocda-files-consumer-protection-lawsuit-against-companies-...
            "Civil penalties of up to $2,500 per violation to the maximum extent permitted by law "
            "for the defendants’ violations in relation to the OC Fair Project from August 2013 "
            "to the present date.",
            "2018-02-21",
            "project",
            "2013-08-01",
        ),
        (  # pib_india/2207470: since April, 2022
            "In pursuance of the Prime Minister’s directions, the DARPG has conducted 33 National "
            "Good Governance Webinars, one Webinar every month, since April, 2022 to encourage "
            "dissemination and replication of the award-winning nominations.",
            "2025-12-22",
            "webinar",
            "2022-04-01",
        ),
    ],
)
def test_a_period_to_the_present_ends_at_the_release(make_doc, nlp, text, published, noun, start):
    doc = make_doc(text, published=dt.date.fromisoformat(published))
    found = nlp.get_pipe("pressx_checks").open_range(doc, noun)
    assert found is not None
    assert (str(found[0]), str(found[1])) == (start, published)
    assert doc.text[found[2] : found[3]].split()[0] in {"March", "August", "April,"}


def test_a_period_without_a_start_is_not_measured(make_doc, nlp):
    """orange_ca/press_crime-ring-suspects-arrested-for-35-orange-county-burglaries: the
    13-month investigation 'is ongoing', but from when is not said."""
    doc = make_doc(
        "Throughout the 13-month investigation, DET partnered with the Anaheim, Cypress, "
        "Fullerton, Laguna Beach, Orange, Placentia, Torrance and Westminster police departments. "
        "This investigation is ongoing, and law enforcement believes the burglary crew has been "
        "involved in additional cases.",
        published=dt.date(2024, 5, 1),
    )
    assert nlp.get_pipe("pressx_checks").open_range(doc, "investigation") is None
    assert [c.status for c in checks_of(doc, "duration_vs_range")] == ["unverifiable"]


def test_a_13_month_investigation_that_ran_28_months_is_a_mismatch(corpus_docs):
    """Gold mismatch: '13-month investigation', started January 2024, through the present
    (May 11, 2026)."""
    (check,) = [
        c for c in checks_of(corpus_docs[CONEY], "duration_vs_range") if c.status == "mismatch"
    ]
    assert (check.expected, check.observed) == (13.0, 29.0)
    assert [e.text for e in check.evidence] == [
        "13-month",
        "January 2024 and continued through the present",
    ]


# -- a periodic series against the months it has run --------------------------------------

SERIES = (
    "In pursuance of the Prime Minister’s directions, the DARPG has conducted 33 National Good "
    "Governance Webinars, one Webinar every month, since April, 2022 to encourage dissemination "
    "and replication of the award-winning nominations."
)


@pytest.mark.parametrize(
    ("published", "status", "months"),
    [
        ("2025-12-22", "mismatch", 45.0),  # the release's own date: 45 months, not 33
        ("2024-12-20", "consistent", 33.0),  # a month a webinar up to December 2024
        ("2025-01-20", "consistent", 34.0),  # one month late is within the tolerance
    ],
)
def test_series_against_the_months_since_its_start(make_doc, published, status, months):
    doc = make_doc(SERIES, published=dt.date.fromisoformat(published))
    (check,) = checks_of(doc, "series_vs_dates")
    assert (check.status, check.expected, check.observed) == (status, months, 33.0)
    assert check.evidence[1].text == "April, 2022"


def test_gold_series_mismatch_is_flagged(corpus_docs):
    (check,) = checks_of(corpus_docs[WEBINAR], "series_vs_dates")
    assert check.status == "mismatch"
    assert check.evidence[0].text.startswith("33 National Good Governance Webinars")


# -- dates against the release ------------------------------------------------------------

DESERT = (
    "Building on the momentum of the successful visit of the Commander, UAE Land Forces , on "
    "27-28 October 2025 and Commander UAE Presidential Guard on 15-19 December 2025 , Exercise "
    "DESERT CYCLONE–II will further strengthen bilateral defence cooperation between India and "
    "the UAE."
)


@pytest.mark.parametrize(
    ("text", "published", "flagged"),
    [
        # pib_india/2205132 (posted 17 DEC 2025): a 'successful visit' that ends on the 19th
        (DESERT, "2025-12-17", ["15-19 December 2025"]),
        (DESERT, "2025-12-20", []),  # a release after the visit tells it rightly
        # orange_ca/press_ocda-to-oppose-parole-... (November 28, 2011): convicted a month later
        (
            "That conviction was later overturned on appeal and Aguilera was subsequently "
            "convicted by a second jury on Dec. 17, 2011.",
            "2011-11-28",
            ["Dec. 17, 2011"],
        ),
        # the same release: a hearing scheduled for the next day is no mismatch
        (
            "Aguilera is scheduled for a parole hearing tomorrow, Nov. 29, 2011, at 8:30 a.m., "
            "at the prison before the Board of Parole Hearings.",
            "2011-11-28",
            [],
        ),
        # kings_ny/2017_05_05_flatbush-daycare-operator-...: 'next month' is no schedule
        (
            "The next month, in January 2012, the defendant applied to ACS to receive childcare "
            "vouchers for children at that location, which ACS approved.",
            "2017-05-05",
            [],
        ),
        # pib_india/2205132: a plan's years in its name are no date told as past
        (
            "The resolute implementation of the National Policy and Action Plan 2015 has "
            "resulted in consistent decline in violence.",
            "2014-12-17",
            [],
        ),
    ],
)
def test_dates_against_the_release(make_doc, text, published, flagged):
    doc = make_doc(text, published=dt.date.fromisoformat(published))
    checks = checks_of(doc, "date_vs_release")
    assert [c.evidence[1].text for c in checks] == flagged
    assert all(c.status == "mismatch" for c in checks)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # scheduled dates after the release (san_diego_ca, kings_ny archive releases)
        ("Robertson’s next court date is scheduled for Aug. 28, 2025.", "2025-07-30"),
        ("His sentencing is scheduled for February 19, 2025.", "2025-01-10"),
        ("The arraignment is scheduled for Jan. 4, 2010, at 10:00 a.m.", "2009-12-21"),
    ],
)
def test_scheduled_after_the_release_is_fine_before_it_is_flagged(make_doc, text, published):
    release = dt.date.fromisoformat(published)
    assert checks_of(make_doc(text, published=release), "date_vs_release") == []
    late = make_doc(text, published=release.replace(year=release.year + 1))
    assert [c.message.split(" is ")[-1][:28] for c in checks_of(late, "date_vs_release")] == [
        "told as still to come but da"
    ]


# -- names spelled two ways ---------------------------------------------------------------


@pytest.fixture(scope="module")
def spellings(nlp):
    return nlp.get_pipe("pressx_checks").names


@pytest.mark.parametrize(
    ("a", "b", "pair"),
    [
        # miami_dade_fl advisories (WHO list and body), dev2 gold mismatch
        ("Katherine Fernanez", "Katherine Fernandez Rundle", {"fernanez", "fernandez"}),
        # miami_dade_fl/press-release_state-attorney-...-golden-eagle-award
        ("Sheriff Rosie Cordero-Stutz", "Rosie Cordero-Stuz", None),  # hyphenated: one token
        ("Rosie Cordero Stutz", "Rosie Cordero Stuz", {"stutz", "stuz"}),
        # san_diego_ca/news_cold_case_murdered_1989: "Jorge Lopez-Serano" / "Lopez-Serrano"
        ("Jorge Lopez Serano", "Lopez Serrano", {"serano", "serrano"}),
        # not misspellings: an inflection, a regional spelling, two given names, a derivation
        ("Serial Rapist Receives Life Sentence", "Serial Rapist Received Life Sentence", None),
        ("Principal Scientific Advisor", "Principal Scientific Adviser", None),
        ("Ministry of Defence", "Ministry of Defense", None),
        ("Mark Jones", "Mary Jones", None),
        ("Asian Pacific Postal Union", "Asia Pacific Postal Union", None),
    ],
)
def test_names_spelled_two_ways(spellings, a, b, pair):
    found = spellings.misspelt(tuple(a.split()), tuple(b.split()))
    assert found == (None if pair is None else frozenset(pair))


def test_a_name_cut_short_is_no_misspelling(make_doc):
    """san_diego_ca/news_meet-the-legislative-units-administrative-analyst-elaine-bissett: an
    excerpt heading cuts the name ("Elaine Bisset...")."""
    doc = make_doc(
        "Meet the Legislative Unit’s Administrative Analyst Elaine Bisset...\n\n"
        "Elaine Bissett, who is the Administrative Analyst for the DA’s Legislative Unit, "
        "joined the office in 2019."
    )
    assert {e.text for e in doc.ents if e.label_ == "PERSON"} >= {"Elaine Bisset", "Elaine Bissett"}
    assert checks_of(doc, "name_spelling") == []


def test_gold_name_mismatch_points_at_both_spellings(nlp):
    text = (CORPUS_DEV2 / "pros3-miami-operation-we-will-find-you-advisory.txt").read_text()
    (check,) = checks_of(nlp(text), "name_spelling")
    assert check.status == "mismatch"
    assert sorted(e.text for e in check.evidence) == [
        "Katherine Fernandez Rundle",
        "Katherine Fernanez",
    ]


# -- durations that are no length of a range near them -----------------------------------


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # kings_ny/2016_03_01_brooklyn-man-sentenced-...: an offset, not the searches' length
        (
            "The searches occurred between January 19, 2014 and March 9, 2014 — approximately "
            "three weeks prior to the attack.",
            "2016-03-01",
        ),
        # pib_india/2206480: anniversaries beside the year's stamp issues
        (
            "From 1 st January 2025 to 30 th November 2025, 47 Customized My Stamps released "
            "including 90 years of the Reserve Bank of India; 50 Years of Karnataka State Police.",
            "2025-12-20",
        ),
        # pib_india/2206480: an anniversary right after the range
        (
            "Commemorative Postage Stamps on 42 issues were released during the period 1 st "
            "January 2025 to 30 th November 2025; Significant commemorations included 100 Years "
            "of Rashtriya Swayamsevak Sangh, 125 Years of Kodaikanal Solar Observatory.",
            "2025-12-20",
        ),
        # pib_india/2205010: 'last five years' and a year range far from it
        (
            "During last five years, the PMMSY has contributed significantly in overall growth "
            "of the fisheries and aquaculture especially, increase of annual fish production "
            "from 141 lakh tonnes in 2019-20 to 195 lakh tonnes.",
            "2025-12-01",
        ),
    ],
)
def test_a_duration_is_not_measured_against_an_unrelated_range(make_doc, text, published):
    doc = make_doc(text, published=dt.date.fromisoformat(published))
    assert [c for c in checks_of(doc, "duration_vs_range") if c.status != "unverifiable"] == []


def test_vague_parts_are_not_a_mismatch(make_doc):
    """orange_ca/press_teenager-sentenced-to-11-years-...: 'several junior high school
    students and two adults' cannot be added up to a total."""
    doc = make_doc(
        "A juvenile was sentenced today to 11 years in state prison for robbing several junior "
        "high school students and two adults at knifepoint. The defendant robbed 12 people."
    )
    assert "mismatch" not in [c.status for c in checks_of(doc, "sum_of_parts")]


# -- `pressx check`: filters and formats ---------------------------------------------------


def test_check_filters_and_formats(cross, tmp_path, capsys):
    write_checks(tmp_path / "f", cross)
    args = ["check", "--out", str(tmp_path / "f"), "--status", "consistent"]
    assert main([*args, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["status"] for r in rows} == {"consistent"} and len(rows) == 3
    assert rows[0]["evidence"][0]["doc_id"] == COACHING
    assert main(["check", "--out", str(tmp_path / "f"), "--format", "csv", "--doc", TRAINING]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "check_id,check_type,status,doc_ids,message,expected,observed,evidence"
    assert len(lines) == 1 + len(cross)  # every check cites the training release
    assert main(["check", "--out", str(tmp_path / "f"), "--type", "cross_release_duration"]) == 0
    shown = capsys.readouterr().out
    assert (
        f"1 of {len(cross)} checks shown" in shown and "CONSISTENT cross_release_duration" in shown
    )


def test_check_help_lists_the_options(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    shown = capsys.readouterr().out
    for option in ("--status", "--type", "--doc", "--format", "table,csv,json", "exit status"):
        assert option in shown


def test_report_checks_page_summarises_by_type_and_status(sample_out, tmp_path):
    """The HTML checks page opens with the same summary as `pressx check`."""
    assert main(["report", "--out", str(sample_out), "--to", str(tmp_path / "r")]) == 0
    page = (tmp_path / "r" / "checks.html").read_text(encoding="utf-8")
    summary = page[page.index('class="rows summary"') : page.index("</table>")]
    checks = read_checks(sample_out)
    cells = re.findall(r'<td class="num">(\d+)</td>', summary.split("<b>all</b>")[1])
    counts = checks["status"].value_counts()
    expected = [counts.get(s, 0) for s in ("mismatch", "unverifiable", "consistent")]
    assert [int(c) for c in cells] == [*expected, len(checks)]
    assert page.index('class="rows summary"') < page.index('class="filters"')
