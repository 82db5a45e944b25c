"""One document with the evidence of its rows: what ``pressx show`` and ``pressx report`` draw.

Every extraction table row points at its words with ``char_start``/``char_end``; a check
points at its figures with ``evidence``. Here those become :class:`Span` objects, and the
text is cut into :class:`Segment` runs covered by the same spans, so that a renderer only
has to colour each run by its :attr:`Segment.top` layer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import duckdb

from pressx.tables.schema import TABLES, column_names
from pressx.views.query import fetch


@dataclass(frozen=True, slots=True)
class Layer:
    """How one table's evidence is drawn: colour, and the columns that say what a row is."""

    table: str
    colour: str  # CSS hex background; also the terminal background
    key_columns: tuple[str, ...]


# Drawing order: a later layer is drawn over an earlier one where spans overlap (a count
# inside a quote shows the count's colour), so the broad spans come first.
LAYERS: tuple[Layer, ...] = (
    Layer("quotes", "#c9ecf5", ("speaker", "cue")),
    Layer("events", "#e3c8ff", ("type", "status", "start", "end", "location")),
    Layer("participants", "#ffb8b8", ("count", "qualifier", "description", "agency")),
    Layer("organisations", "#a9d0ff", ("name", "acronym")),
    Layer("people", "#b5efb0", ("name", "role", "organisation")),
    Layer("dates", "#ffe27a", ("start", "end", "precision")),
)
LAYER_BY_TABLE = {layer.table: layer for layer in LAYERS}
CHECK_COLOUR = "#d0021b"  # underline of the words a check cites
STATUS_COLOURS = {"mismatch": "#b00020", "unverifiable": "#8a5a00", "consistent": "#1e7b34"}
EXTRACTION_TABLES = tuple(
    t for t, cols in TABLES.items() if any(c.name == "char_start" for c in cols)
)
HIDDEN_COLUMNS = ("doc_id", "char_start", "char_end")  # shown as the evidence instead
CHECK_COLUMNS = ("status", "check_type", "message", "expected", "observed")
CHECKS = "checks"
STATUS_ORDER = {"mismatch": 0, "unverifiable": 1, "consistent": 2}


def row_columns(table: str) -> list[str]:
    """The columns shown beside a row's evidence."""
    return [c for c in column_names(table) if c not in HIDDEN_COLUMNS]


def cell_text(value: Any) -> str:
    """A value as shown in a row table: NULL as empty, lists joined with commas."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True, slots=True)
class Span:
    """The evidence of one row: ``table`` row number ``row`` covers ``text[start:end]``."""

    table: str  # an extraction table, or "checks" for a check's evidence
    row: int
    start: int
    end: int

    @property
    def anchor(self) -> str:
        """HTML id of the span's first character."""
        if self.table == CHECKS:
            return f"ev-{self.start}-{self.end}"
        return f"{self.table}-{self.row}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text covered by the same spans (none: plain text)."""

    start: int
    end: int
    spans: tuple[Span, ...]
    starts: tuple[Span, ...]  # the spans that begin here

    @property
    def anchors(self) -> tuple[str, ...]:
        """HTML ids of the spans that begin here (once each)."""
        return tuple(dict.fromkeys(s.anchor for s in self.starts))

    @property
    def layers(self) -> tuple[str, ...]:
        """The extraction tables covering the run, in drawing order."""
        tables = {s.table for s in self.spans}
        return tuple(layer.table for layer in LAYERS if layer.table in tables)

    @property
    def top(self) -> str | None:
        """The table whose colour the run shows."""
        return self.layers[-1] if self.layers else None

    @property
    def checked(self) -> bool:
        """The run is evidence of a check."""
        return any(s.table == CHECKS for s in self.spans)


def segments(length: int, spans: list[Span]) -> list[Segment]:
    """Cut ``[0, length)`` at every span boundary; spans outside the text are left out."""
    valid = [s for s in spans if 0 <= s.start < s.end <= length]
    opening: dict[int, list[Span]] = defaultdict(list)
    closing: dict[int, list[Span]] = defaultdict(list)
    for span in valid:
        opening[span.start].append(span)
        closing[span.end].append(span)
    cuts = sorted({0, length, *opening, *closing})
    active: dict[Span, None] = {}
    result = []
    for start, end in pairwise(cuts):
        for span in closing.get(start, ()):
            active.pop(span, None)
        for span in opening.get(start, ()):
            active[span] = None
        result.append(Segment(start, end, tuple(active), tuple(opening.get(start, ()))))
    return result


@dataclass(slots=True)
class DocumentView:
    """A document row, its rows in every extraction table and the checks that cite it."""

    document: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)
    checks: list[dict] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document["doc_id"]

    @property
    def text(self) -> str:
        return self.document.get("text") or ""

    def evidence(self, row: dict) -> str:
        """The words a row points at ('' when its offsets fall outside the text)."""
        start, end = row["char_start"], row["char_end"]
        return self.text[start:end] if 0 <= start < end <= len(self.text) else ""

    def spans(self) -> list[Span]:
        """Every row's span, and the spans of check evidence in this document."""
        result = [
            Span(table, i, row["char_start"], row["char_end"])
            for table in EXTRACTION_TABLES
            for i, row in enumerate(self.rows.get(table, []))
        ]
        result += [
            Span(CHECKS, i, ev["char_start"], ev["char_end"])
            for i, check in enumerate(self.checks)
            for ev in check.get("evidence") or []
            if ev["doc_id"] == self.doc_id
        ]
        return result

    def n_check_evidence(self) -> int:
        """How many distinct stretches of this document checks cite."""
        return len({(s.start, s.end) for s in self.spans() if s.table == CHECKS})

    def segments(self) -> list[Segment]:
        return segments(len(self.text), self.spans())

    def summary(self, table: str, row: dict) -> str:
        """What a row says, in a few words (its layer's key columns)."""
        values = [row.get(c) for c in LAYER_BY_TABLE[table].key_columns]
        return " · ".join(str(v) for v in values if v not in (None, ""))

    def title(self, span: Span) -> str:
        """Hover text of a span: its table and what the row says."""
        if span.table == CHECKS:
            check = self.checks[span.row]
            return f"check ({check['status']}): {check['message']}"
        return f"{span.table}: {self.summary(span.table, self.rows[span.table][span.row])}"


def doc_ids(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r["doc_id"] for r in fetch(con, "SELECT doc_id FROM documents ORDER BY doc_id")]


def load_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> DocumentView | None:
    """One document and its rows, or None when the output has no such document."""
    found = fetch(con, "SELECT * FROM documents WHERE doc_id = ?", [doc_id])
    if not found:
        return None
    view = DocumentView(found[0])
    for table in EXTRACTION_TABLES:
        view.rows[table] = fetch(
            con, f"SELECT * FROM {table} WHERE doc_id = ? ORDER BY char_start, char_end", [doc_id]
        )
    view.checks = sorted(
        fetch(con, "SELECT * FROM checks WHERE list_contains(doc_ids, ?)", [doc_id]), key=_check_key
    )
    return view


def load_documents(con: duckdb.DuckDBPyConnection) -> Iterator[DocumentView]:
    """Every document with its rows, in doc_id order (each table is read once)."""
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table in EXTRACTION_TABLES:
        for row in fetch(con, f"SELECT * FROM {table} ORDER BY doc_id, char_start, char_end"):
            by_doc[row["doc_id"]][table].append(row)
    checks_by_doc: dict[str, list[dict]] = defaultdict(list)
    for check in all_checks(con):
        for doc_id in dict.fromkeys(check["doc_ids"]):
            checks_by_doc[doc_id].append(check)
    for document in fetch(con, "SELECT * FROM documents ORDER BY doc_id"):
        doc_id = document["doc_id"]
        rows = by_doc.get(doc_id, {})
        yield DocumentView(
            document, {t: rows.get(t, []) for t in EXTRACTION_TABLES}, checks_by_doc[doc_id]
        )


def all_checks(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every check, mismatches first."""
    return sorted(fetch(con, "SELECT * FROM checks"), key=_check_key)


def _check_key(check: dict) -> tuple:
    return (
        STATUS_ORDER.get(check["status"], len(STATUS_ORDER)),
        check["check_type"],
        check["check_id"],
    )
