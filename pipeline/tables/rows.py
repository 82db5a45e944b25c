"""Rows for the output tables, built from processed ``Doc`` objects and the schema.

Extraction (the components) and table writing (``pressx.io.store``) meet here: each
schema column is read from the record attribute of the same name.
"""

from __future__ import annotations

import dataclasses
import hashlib

from spacy.tokens import Doc

from pressx.tables.records import Source, event_of_counts
from pressx.tables.schema import TABLES

Rows = dict[str, list[dict]]
EXTRACTED = ("organisations", "people", "dates", "events", "participants", "quotes")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def empty_rows() -> Rows:
    return {table: [] for table in TABLES}


def document_row(
    source: Source, doc: Doc | None, *, language: str | None = None, error: str | None = None
) -> dict:
    """The ``documents`` row of one source, processed (``doc``) or failed (``error``)."""
    text = source.text or ""
    error = error or source.error
    return {
        "doc_id": source.doc_id,
        "path": source.path,
        "title": doc._.title if doc is not None else source.title,
        "published": doc._.published if doc is not None else source.published,
        "dateline_location": doc._.dateline_location if doc is not None else None,
        "n_chars": len(text),
        "text_sha256": sha256(text),
        "status": "error" if error else "ok",
        "error": error,
        "text": text,
        "url": source.url,
        "language": language,
        "n_words": len(doc) if doc is not None else 0,
    }


def record_row(table: str, record, **fixed) -> dict:
    """A table row from a record: every schema column not given in ``fixed`` is read from the
    record attribute of that name (nested records become dicts)."""
    row = dict(fixed)
    for column in TABLES[table]:
        if column.name not in row:
            value = getattr(record, column.name)
            if isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
                value = [dataclasses.asdict(v) for v in value]
            row[column.name] = value
    return row


def doc_rows(doc: Doc) -> Rows:
    """Rows of every extraction table (and the document's own checks) for one ``Doc``; a
    table whose component is not in the pipeline gets none."""
    event_of = event_of_counts(doc._.events or [])
    rows = {"checks": [record_row("checks", r) for r in doc._.checks or ()]}
    for table in EXTRACTED:
        found = getattr(doc._, table) or ()
        rows[table] = [record_row(table, r, **_fixed(doc, table, r, event_of)) for r in found]
    return rows


def _fixed(doc: Doc, table: str, record, event_of: dict[tuple[int, int], str]) -> dict:
    """The columns of a row that are not the record's own: the document, and for a count
    the event it belongs to (which the events component records, ``Event.counts``)."""
    fixed = {"doc_id": doc._.doc_id}
    if table == "participants":
        fixed["event_id"] = event_of.get(record.offsets)
    return fixed
