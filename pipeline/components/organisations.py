"""Baseline organisations component (to be replaced by the full extractor)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Baseline:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.organisations = []
        return doc


@Language.factory("pressx_organisations", assigns=["doc._.organisations"])
def make_organisations(nlp: Language, name: str) -> Baseline:
    return Baseline(nlp, name)
