"""Dates: every calendar date, month, year and range a release names, as ``DateMention``s."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.datetext import DateFinder, DateRules
from pipeline.extensions import in_boilerplate
from pipeline.resources import load_json


class DateExtractor:
    """Sets ``doc._.dates``: date expressions outside boilerplate, resolved to calendar ranges
    (relative ones against ``doc._.published``)."""

    def __init__(self, nlp: Language, name: str, *, rules: str, future_window: int):
        self.name = name
        self.finder = DateFinder(DateRules.from_spec(load_json(rules)), future_window=future_window)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = self.finder.find(
            doc.text,
            published=doc._.published,
            skip=lambda start, end: in_boilerplate(doc, start, end),
        )
        return doc


@Language.factory(
    "pressx_dates",
    requires=["doc._.published", "doc._.boilerplate"],
    assigns=["doc._.dates"],
)
def make_dates(nlp: Language, name: str, rules: str, future_window: int) -> DateExtractor:
    return DateExtractor(nlp, name, rules=rules, future_window=future_window)
