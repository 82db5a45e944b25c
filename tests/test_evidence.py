"""Every row of every table points at its evidence: ``text[char_start:char_end]`` holds the
words the value came from (run over the whole sample corpus, seeds and dev)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from pressx.runners.run import RunSettings, run
from pressx.text.ids import normalise_key
from pressx.text.resources import load_json
from tests.conftest import CORPUS

NUMBER_WORD = re.compile(r"^[^\d]*[A-Za-z][^\d]*$")


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    out = tmp_path_factory.mktemp("evidence")
    run([CORPUS], RunSettings(out=out, progress=False))
    names = ("documents", "organisations", "people", "dates", "events", "participants", "quotes")
    return {t: pd.read_parquet(out / t) for t in names} | {
        "checks": pd.read_parquet(out / "checks")
    }


def _evidence(tables, table):
    texts = tables["documents"].set_index("doc_id").text
    rows = tables[table]
    assert len(rows), f"{table} is empty"
    for row in rows.itertuples():
        text = texts[row.doc_id]
        assert 0 <= row.char_start < row.char_end <= len(text), (table, row)
        yield row, text[row.char_start : row.char_end]


def test_organisation_evidence_names_it(tables):
    for row, words in _evidence(tables, "organisations"):
        names = {normalise_key(n) for n in [row.name, row.acronym, *row.aliases] if pd.notna(n)}
        assert normalise_key(words) in names, (row.name, words)


def test_person_evidence_names_them(tables):
    for row, words in _evidence(tables, "people"):
        assert row.name.split()[-1] in words, (row.name, words)


def test_date_evidence_is_the_expression(tables):
    for row, words in _evidence(tables, "dates"):
        assert words == row.text


def test_count_evidence_states_the_number(tables):
    for row, words in _evidence(tables, "participants"):
        assert str(row.count) in words.replace(",", "") or NUMBER_WORD.match(words), (row, words)


def test_quote_evidence_is_the_quoted_text(tables):
    for row, words in _evidence(tables, "quotes"):
        assert " ".join(words.split()) == " ".join(row.text.split())


def test_event_evidence_is_a_trigger_of_its_type(tables, nlp):
    rules = load_json("events.json")
    triggers = rules["nouns"] | rules["verbs"] | dict.fromkeys(rules["anaphors"], "event")
    triggers |= {verb: rule["type"] for verb, rule in rules["object_verbs"].items()}
    for row, words in _evidence(tables, "events"):
        lemmas = " ".join(t.lemma_.lower() for t in nlp(words))
        forms = {words.lower(), words.lower().rstrip("s"), lemmas}
        assert any(triggers.get(f) == row.type for f in forms), (row.type, words)


def test_check_evidence_points_into_the_documents(tables):
    texts = tables["documents"].set_index("doc_id").text
    for check in tables["checks"].itertuples():
        assert len(check.evidence), check.message
        for item in check.evidence:
            assert texts[item["doc_id"]][item["char_start"] : item["char_end"]] == item["text"]
