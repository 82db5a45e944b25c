"""Figure checks: within a release (pressx_checks), across releases (pipeline.crosscheck) and
their display (`pressx check`), on the seed releases and real sentences."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
import pytest
from rich.console import Console

from pipeline.checkview import show_checks
from pipeline.components.checks import DurationFinder
from pipeline.crosscheck import cross_release_checks
from pipeline.resources import load_json

TRAINING = "unodc-2020-11-06-female-officers-training"
COACHING = "unodc-2021-03-30-coaching-session"


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
        for table in ("participants", "events", "dates", "organisations"):
            for record in getattr(doc._, table) or []:
                rows[table].append({**dataclasses.asdict(record), "doc_id": doc_id})
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
    assert "0 mismatch" in console.export_text()
