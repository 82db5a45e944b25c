"""Release header: title, publication date and dateline place, from the release's own words."""

from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from pressx.components import extensions
from pressx.components.base import RuleFiles
from pressx.components.extensions import doc_text
from pressx.config import component_defaults
from pressx.text.datetext import FULL_DATE, MONTH_DAY, YEAR, parse_date, reference_month
from pressx.text.resources import load_json


def _compile(pattern: str) -> re.Pattern:
    pattern = pattern.replace("{DATE}", FULL_DATE).replace("{MONTH_DAY}", MONTH_DAY)
    return re.compile(pattern, re.MULTILINE)


def _single(pattern: re.Pattern, head: str, text: str) -> re.Match | None:
    """The match of ``pattern`` in ``head`` when it is the only one in ``text``: several
    (a sidebar listing other releases with their dates) count as none."""
    match = pattern.search(head)
    return match if match and len(pattern.findall(text)) == 1 else None


def _only_before(pattern: re.Pattern, prose: re.Pattern, head: str) -> re.Match | None:
    """The first match of ``pattern`` in ``head`` before the first ``prose`` line when every
    match there states the same date: different ones (a list of other releases with their
    dates) count as none."""
    first_prose = prose.search(head)
    found = list(pattern.finditer(head, 0, first_prose.start() if first_prose else len(head)))
    return found[0] if len({m.group("date") for m in found}) == 1 else None


def _earliest(datelines: list[re.Match], group: str) -> re.Match | None:
    """The earliest of the dateline matches (the first of each form) that has ``group``
    (``date`` or ``place``)."""
    found = [m for m in datelines if m.groupdict().get(group)]
    return min(found, key=lambda m: m.start(), default=None)


def _place(raw: str) -> str:
    """Dateline place in reading case: "KABUL, Afghanistan" -> "Kabul, Afghanistan"."""
    raw = " ".join(raw.split()).strip(" ,.")
    return ", ".join(p.title() if p.isupper() and len(p) > 3 else p for p in raw.split(", "))


@Language.factory(
    "pressx_header",
    default_config=component_defaults("pressx_header"),
    assigns=["doc._.title", "doc._.published", "doc._.dateline_location", "doc._.header_spans"],
)
class HeaderReader(RuleFiles):
    """Fills ``doc._.title``, ``doc._.published`` and ``doc._.dateline_location`` where unset,
    and records the header lines it used in ``doc._.header_spans``."""

    def __init__(
        self, nlp: Language, name: str, *, max_header_chars: int, min_title_words: int, rules: str
    ):
        extensions.register()
        self.name = name
        self.max_header_chars = max_header_chars
        self.min_title_words = min_title_words
        self.rule_files = {"rules": rules}
        self.load_rules()

    def load_rules(self) -> None:
        spec = load_json(self.rule_files["rules"])
        self.title_prefix = re.compile(spec["title_prefix"], re.MULTILINE)
        self.posted = _compile(spec["posted"])
        self.datelines = [_compile(p) for p in spec["datelines"]]
        self.byline = _compile(spec["byline"])
        self.standalone_date = _compile(spec["standalone_date"])
        self.prose = _compile(spec["prose"])
        self.site_suffix = re.compile(spec["site_suffix"])
        self.not_title = re.compile(spec["not_title"], re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        head = text[: self.max_header_chars]
        spans: list[tuple[int, int]] = []
        datelines = [m for p in self.datelines if (m := p.search(head))]
        dated = (
            _single(self.posted, head, text)
            or _earliest(datelines, "date")
            or self.byline.search(head)
            or _only_before(self.standalone_date, self.prose, head)
        )
        placed = (
            dated if dated and dated.groupdict().get("place") else _earliest(datelines, "place")
        )
        if dated:
            spans.append(dated.span())
            if doc._.published is None:
                doc._.published = self._date(dated.group("date"), head)
        if placed:
            spans.append(placed.span())
            if doc._.dateline_location is None:
                doc._.dateline_location = _place(placed.group("place"))
        if doc._.title is None:
            doc._.title = self._title(head, spans)
        doc._.header_spans = spans
        return doc

    def _date(self, written: str, head: str) -> dt.date | None:
        """The date of a header; a yearless one takes its year from a dated reference number."""
        if re.search(YEAR, written):
            return parse_date(written)
        reference = reference_month(head)
        return parse_date(written, base=reference[1]) if reference else None

    def _title(self, head: str, spans: list[tuple[int, int]]) -> str | None:
        if m := self.title_prefix.search(head):
            line_end = head.find("\n", m.end())
            start, end = m.end(), line_end if line_end >= 0 else len(head)
            spans.append((start, end))
            return head[start:end].strip() or None
        offset = 0
        for line in head.split("\n"):
            text = self.site_suffix.sub("", line).strip()
            # a dateline that opens the lead sentence ("GENEVA, 5 March 2024 – The World
            # Health Organization today launched ... .") starts no title; a dated title does
            # ("Apr. 23: Afghan-ISAF Operations in Eastern, Southern, Northern Afghanistan")
            lead = self.prose.match(line) and any(s == offset for s, _ in spans)
            if (
                len(text.split()) >= self.min_title_words
                and not lead
                and not self.not_title.search(text)
            ):
                spans.append((offset, offset + len(line)))
                return text
            offset += len(line) + 1
        return None
