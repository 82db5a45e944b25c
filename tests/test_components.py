"""The pressx components as spaCy components: full default configs, usable one at a time in
any English pipeline, honest ``requires``/``assigns``, saved and loaded with their rules, and
no per-document state kept on a component."""

from __future__ import annotations

import datetime as dt
import inspect
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.util import registry

from pressx.config import component_defaults, load_config

MODEL = load_config()["nlp"]["model"]
COMPONENTS = [*load_config()["nlp"]["before_parser"], *load_config()["nlp"]["components"]]

# pib_india/2205278.txt
CAT_CONFERENCE = (
    "The tenth All-India CAT Conference was held on 20 September 2025 at Bharat Mandapam and "
    "was inaugurated by the Hon ' ble Chief Justice of India."
)
# pib_india/2207348.txt
MOSPI_GUESTS = (
    "Inaugural session of the Workshop will be graced by the distinguished dignitaries, "
    "including Shri Suman K Bery, Vice Chairman, NITI Aayog as the chief guest along with "
    "Dr. V. Anantha Nageswaran, Chief Economic Advisor, Dr. Saurabh Garg, Secretary, MoSPI and "
    "Shri N. K. Santoshi, Director General (Central Statistics), MoSPI."
)


@pytest.fixture(scope="module")
def plain():
    """The base model with no pressx component."""
    return spacy.load(MODEL)


@pytest.mark.parametrize("name", COMPONENTS)
def test_factory_default_config_holds_every_setting(name):
    meta = Language.get_factory_meta(name)
    settings = [
        p.name
        for p in inspect.signature(registry.factories.get(name)).parameters.values()
        if p.kind is p.KEYWORD_ONLY
    ]
    assert sorted(meta.default_config) == sorted(settings)
    assert meta.default_config == component_defaults(name)


def test_one_component_in_a_plain_pipeline(plain):
    nlp = spacy.load(MODEL)
    nlp.add_pipe("pressx_dates")
    doc = nlp(CAT_CONFERENCE)
    assert [(d.text, d.start, doc.text[d.char_start : d.char_end]) for d in doc._.dates] == [
        ("20 September 2025", dt.date(2025, 9, 20), "20 September 2025")
    ]


def test_two_components_in_a_plain_pipeline():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("pressx_organisations")
    nlp.add_pipe("pressx_people")
    doc = nlp(MOSPI_GUESTS)
    roles = {p.name: p.role for p in doc._.people}
    assert roles["Suman K Bery"] == "Vice Chairman"
    assert roles["N. K. Santoshi"] == "Director General"


def test_analyze_pipes_flags_a_wrong_order():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("pressx_people")
    nlp.add_pipe("pressx_organisations")
    problems = nlp.analyze_pipes()["problems"]
    assert "doc._.organisations" in problems["pressx_people"]
    assert problems["pressx_organisations"] == ["doc._.boilerplate", "doc._.dateline_location"]


def test_the_pressx_pipeline_is_in_order(nlp):
    assert not any(nlp.analyze_pipes()["problems"].values())


def test_saved_pipeline_loads_with_its_rules(nlp, tmp_path, corpus_docs):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    for name in ("pressx_people", "pressx_checks"):  # given_names.txt for both
        for file in loaded.get_pipe(name).rule_files.values():
            assert file.startswith(str((tmp_path / "pipeline" / name).resolve()))
            assert Path(file).is_file()
    text = corpus_docs["unodc-2020-11-06-female-officers-training"].text
    before, after = nlp(text), loaded(text)
    for table in ("organisations", "people", "dates", "participants", "events", "quotes"):
        assert getattr(after._, table) == getattr(before._, table), table


def _state(component) -> dict:
    """Each attribute's identity and size: a component that keeps or gathers anything of a
    document changes one of them."""
    return {
        k: (id(v), len(v) if hasattr(v, "__len__") else None) for k, v in vars(component).items()
    }


def test_components_keep_no_document_state(nlp, corpus_docs):
    pressx = [(name, nlp.get_pipe(name)) for name in COMPONENTS]
    before = {name: _state(component) for name, component in pressx}
    nlp(corpus_docs["unodc-2020-11-06-female-officers-training"].text)
    nlp(CAT_CONFERENCE)
    assert {name: _state(component) for name, component in pressx} == before


def test_no_component_changes_the_records_of_another(nlp, corpus_docs):
    """Each table's records after the whole pipeline are those its component made: the events
    component records the counts that belong to an event on the event (``Event.counts``)."""
    text = corpus_docs["unodc-2020-11-06-female-officers-training"].text
    full = nlp(text)
    assert any(event.counts for event in full._.events)
    later = COMPONENTS[COMPONENTS.index("pressx_participants") + 1 :]
    with nlp.select_pipes(disable=later):
        upto = nlp(text)
    assert upto._.participants == full._.participants
    with nlp.select_pipes(disable=["pressx_quotes", "pressx_checks"]):
        assert nlp(text)._.events == full._.events


def test_a_changed_component_leaves_the_pipeline_config_alone(nlp, component):
    before = nlp.config["components"]["pressx_quotes"]["max_cue_words"]
    changed = component("pressx_quotes", max_cue_words=before + 1)
    assert changed.max_cue_words == before + 1
    assert nlp.config["components"]["pressx_quotes"]["max_cue_words"] == before
