"""Dates: every calendar date, month, year and range a release names, as ``DateMention``s."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pressx.components import extensions
from pressx.components.base import RuleFiles
from pressx.components.extensions import in_boilerplate, source_text
from pressx.config import component_defaults
from pressx.tables.records import DateMention
from pressx.text.datetext import DateFinder, DateRules
from pressx.text.resources import load_json


@Language.factory(
    "pressx_dates",
    default_config=component_defaults("pressx_dates"),
    requires=["doc._.published", "doc._.boilerplate", "token.dep"],
    assigns=["doc._.dates"],
)
class DateExtractor(RuleFiles):
    """Sets ``doc._.dates``: date expressions outside boilerplate, resolved to calendar ranges
    (relative ones against ``doc._.published``)."""

    def __init__(
        self, nlp: Language, name: str, *, rules: str, future_window: int, count_window: int
    ):
        extensions.register()
        self.name = name
        self.future_window = future_window
        self.count_window = count_window
        self.rule_files = {"rules": rules}
        self.load_rules()

    def load_rules(self) -> None:
        spec = load_json(self.rule_files["rules"])
        self.finder = DateFinder(
            DateRules.from_spec(spec),
            future_window=self.future_window,
            count_window=self.count_window,
        )
        self.adjectives = set(spec["adjectives"])

    def __call__(self, doc: Doc) -> Doc:
        found = self.finder.find(
            source_text(doc),  # dates in boilerplate are skipped, but it may give their year
            published=doc._.published,
            skip=lambda start, end: in_boilerplate(doc, start, end),
        )
        doc._.dates = [d for d in found if not self._gives_way(doc, d, found)]
        return doc

    def _gives_way(self, doc: Doc, date: DateMention, found: list[DateMention]) -> bool:
        """Whether ``date`` is a relative adjective ("an overnight operation") in a sentence
        that names the day itself ("... in Wardak province Monday")."""
        if not date.relative or date.text.lower() not in self.adjectives:
            return False
        span = doc.char_span(date.char_start, date.char_end, alignment_mode="expand")
        if span is None or span.root.dep_ != "amod":
            return False
        sent = span.sent
        return any(
            other is not date and sent.start_char <= other.char_start < sent.end_char
            for other in found
        )
