"""The founding releases' key facts, end to end through ``pressx run`` (issue 2's acceptance)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from pressx.runners.run import RunSettings, run
from tests.conftest import CORPUS

TRAINING = "unodc-2020-11-06-female-officers-training"
COACHING = "unodc-2021-03-30-coaching-session"


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    run([CORPUS / "seeds"], RunSettings(out=out, progress=False))
    return {t: pd.read_parquet(out / t) for t in ("people", "participants", "events", "quotes")} | {
        "checks": pd.read_parquet(out / "checks"),
        "organisations": pd.read_parquet(out / "organisations"),
    }


@pytest.mark.parametrize(
    ("name", "role", "organisation"),
    [
        ("Jeremy Milson", "Country Representative", ("UNODC", "United Nations Office on Drugs")),
        ("Martin Reeve", "Regional Advisor", ("GLO.ACT", "Global Action")),
        ("Wajid Zia", "Director General", ("FIA", "Federal Investigation Agency")),
        ("Androulla Kaminara", "Ambassador", ("EU", "European Union")),
    ],
)
def test_officials_of_the_first_release(seeds, name, role, organisation):
    people = seeds["people"]
    row = people[(people.doc_id == TRAINING) & (people.name == name)].iloc[0]
    assert role in row.role
    assert row.organisation.startswith(organisation)


def test_participants_17_fia_plus_8_punjab_make_25(seeds):
    parts = seeds["participants"]
    parts = parts[parts.doc_id == TRAINING]
    found = {(r.count, r.is_total): r.agency for r in parts.itertuples()}
    assert "FIA" in found[(17, False)]
    assert "Punjab" in found[(8, False)]
    assert (25, True) in found


def test_training_of_02_to_06_november_2020_in_islamabad_by_unodc(seeds):
    events = seeds["events"]
    training = events[(events.doc_id == TRAINING) & (events.type == "training")].iloc[0]
    assert (training.start, training.end) == (dt.date(2020, 11, 2), dt.date(2020, 11, 6))
    assert "Islamabad" in training.location
    assert set(training.organisers) & {"UNODC", "United Nations Office on Drugs and Crime"}
    assert training.participants_total == 25


@pytest.mark.parametrize(
    ("opening", "speaker"),
    [
        ("While UNODC’s work in combating Trafficking in Persons", "Jeremy Milson"),
        ("I feel honored today to address 25 police officers", "Jeremy Milson"),
        ("The presence of all these women law enforcement officers", "Wajid Zia"),
        ("During the past few years, our joint efforts", "Wajid Zia"),
        ("Trafficking in Human Beings (THB) is a global challenge", "Androulla Kaminara"),
    ],
)
def test_five_quotes_of_the_first_release(seeds, opening, speaker):
    quotes = seeds["quotes"]
    quotes = quotes[quotes.doc_id == TRAINING]
    assert len(quotes) == 5
    spaced = quotes.text.str.replace("\xa0", " ")  # the release has a no-break space after "I"
    [row] = quotes[spaced.str.startswith(opening)].itertuples()
    assert row.speaker == speaker


def test_check_17_plus_8_equals_25_is_consistent(seeds):
    checks = seeds["checks"]
    mine = checks[checks.doc_ids.map(lambda ids: list(ids) == [TRAINING])]
    sums = mine[(mine.check_type == "sum_of_parts") & (mine.observed == 25)]
    assert list(sums.status) == ["consistent"]
    assert list(sums.expected) == [25]


def test_unodc_is_one_organisation_across_both_releases(seeds):
    orgs = seeds["organisations"]
    ids = {
        d: set(orgs[(orgs.doc_id == d) & (orgs.acronym == "UNODC")].org_id)
        for d in (TRAINING, COACHING)
    }
    assert len(ids[TRAINING]) == 1 and ids[TRAINING] == ids[COACHING]
