"""Baseline checks component (to be replaced by the full extractor)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class Baseline:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.checks = []
        return doc


@Language.factory("pressx_checks", assigns=["doc._.checks"])
def make_checks(nlp: Language, name: str) -> Baseline:
    return Baseline(nlp, name)
