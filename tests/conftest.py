"""Shared fixtures: one pressx pipeline per test session, and the sample corpus through it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from pressx.runners.nlp import build_nlp
from tests.sample_output import write_sample_output

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def nlp():
    return build_nlp()


@pytest.fixture(scope="session")
def component(nlp):
    """A pressx component with some settings changed: ``component("pressx_people",
    max_age_tokens=0)``. Built in a blank pipeline sharing the session's vocab, because
    ``nlp.create_pipe`` would store the changed settings as the session pipeline's own."""
    blank = spacy.blank("en", vocab=nlp.vocab)
    return lambda factory, **settings: blank.create_pipe(factory, config=settings)


@pytest.fixture(scope="session")
def corpus_docs(nlp):
    """Every sample release (seeds and dev) processed once: {doc_id: Doc}."""
    paths = sorted(CORPUS.rglob("*.txt"))
    docs = nlp.pipe(p.read_text(encoding="utf-8") for p in paths)
    return {p.stem: doc for p, doc in zip(paths, docs, strict=True)}


@pytest.fixture(scope="session")
def make_doc(nlp):
    """Process a snippet, optionally with a publication date: ``make_doc(text, published=...)``."""

    def make(text: str, *, published: dt.date | None = None):
        doc = nlp.make_doc(text)
        doc._.published = published
        return nlp(doc)

    return make


@Language.factory("test_boom")
def make_boom(nlp: Language, name: str):
    """A component that fails on texts containing BOOM (for failure-isolation tests)."""

    def boom(doc):
        if "BOOM" in doc.text:
            raise ValueError("BOOM")
        return doc

    return boom


@pytest.fixture(scope="session")
def sample_out(tmp_path_factory) -> Path:
    """An output folder holding the gold annotations of the sample corpus as table rows (for
    the readers: ``pressx query``, ``show``, ``report``)."""
    return write_sample_output(tmp_path_factory.mktemp("sample-out"))
