"""Baseline quotes component (to be replaced by the full extractor)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Baseline:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("pressx_quotes", assigns=["doc._.quotes"])
def make_quotes(nlp: Language, name: str) -> Baseline:
    return Baseline(nlp, name)
