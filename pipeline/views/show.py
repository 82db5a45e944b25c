"""``pressx show DOC_ID``: one release in the terminal, its evidence highlighted, then its rows.

Each extraction table has a background colour (the legend says which); words that are the
evidence of a check are underlined. Text with no colour is text nothing was extracted from.
"""

from __future__ import annotations

import dataclasses
import difflib
from pathlib import Path

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from pressx.views.evidence import (
    CHECK_COLUMNS,
    EXTRACTION_TABLES,
    LAYER_BY_TABLE,
    DocumentView,
    cell_text,
    doc_ids,
    load_document,
    row_columns,
)
from pressx.views.query import open_tables, visible

EVIDENCE_CHARS = 100  # longer evidence (quotes) is cut in the row tables


def layer_style(table: str) -> str:
    """The terminal style of a table's evidence."""
    return f"black on {LAYER_BY_TABLE[table].colour}"


def highlighted_text(view: DocumentView) -> Text:
    """The document text with every run of evidence styled by its top layer."""
    text = Text(view.text)
    for segment in view.segments():
        styles = [layer_style(segment.top)] if segment.top else []
        if segment.checked:
            styles.append("underline")
        if styles:
            text.stylize(" ".join(styles), segment.start, segment.end)
    return text


def legend(view: DocumentView) -> Text:
    """One swatch per table with its number of rows in the document."""
    parts = []
    for table in EXTRACTION_TABLES:
        parts.append(Text(f" {table} {len(view.rows[table])} ", layer_style(table)))
        parts.append(Text(" "))
    parts.append(Text(f"check evidence {view.n_check_evidence()}", "underline"))
    return Text.assemble(*parts)


def row_table(view: DocumentView, table: str) -> Table:
    """The rows of one table: offsets, the words they point at, and the other columns as
    ``name=value`` (empty values left out), so that a row stays readable in 80 columns."""
    result = Table(title=Text(f" {table} ", layer_style(table)), title_justify="left")
    result.add_column("chars", no_wrap=True)
    result.add_column("evidence", max_width=36, overflow="fold")
    result.add_column("columns", overflow="fold")
    for row in view.rows[table]:
        evidence = view.evidence(row)
        result.add_row(
            f"{row['char_start']}-{row['char_end']}",
            Text(shorten(evidence)) if evidence else Text("(offsets outside the text)", "red"),
            column_values(row, table),
        )
    return result


def shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def column_values(row: dict, table: str) -> Text:
    values = [(name, cell_text(row.get(name))) for name in row_columns(table)]
    return Text(" · ").join(
        Text.assemble((f"{name}=", "dim"), shorten(value)) for name, value in values if value
    )


def checks_table(view: DocumentView) -> Table:
    """The checks citing the document: status, message and figures, evidence with offsets."""
    result = Table(title="checks citing this document", title_justify="left")
    result.add_column("status", no_wrap=True)
    result.add_column("check", overflow="fold")
    result.add_column("evidence", max_width=36, overflow="fold")
    for check in view.checks:
        figures = [
            (c, cell_text(check[c])) for c in CHECK_COLUMNS if c not in ("status", "message")
        ]
        details = Text(" · ", "dim").join(
            Text(f"{name}={value}", "dim") for name, value in figures if value
        )
        evidence = "\n".join(
            f"“{shorten(e['text'])}” {_place(e, view.doc_id)}" for e in check["evidence"] or []
        )
        status = Text(check["status"], "bold red" if check["status"] == "mismatch" else "")
        result.add_row(status, Text.assemble(check["message"], "\n", details), Text(evidence))
    return result


def _place(evidence: dict, doc_id: str) -> str:
    """Offsets of a check's evidence, with the doc id when it is another document."""
    offsets = f"{evidence['char_start']}-{evidence['char_end']}"
    return offsets if evidence["doc_id"] == doc_id else f"{evidence['doc_id']}:{offsets}"


def render(view: DocumentView) -> RenderableType:
    """Header, legend, highlighted text, then one table of rows per extraction table."""
    document = view.document
    header = Text.assemble(
        (document.get("title") or "(no title)", "bold"),
        f"\ndoc_id {view.doc_id} · published {document.get('published') or '?'}"
        f" · dateline {document.get('dateline_location') or '?'} · status {document['status']}",
    )
    if document.get("error"):
        header.append(f"\n{document['error']}", "red")
    parts: list[RenderableType] = [
        header,
        legend(view),
        Panel(highlighted_text(view), title=Text(document.get("path") or view.doc_id)),
    ]
    for table in EXTRACTION_TABLES:
        if view.rows[table]:
            parts.append(row_table(view, table))
        else:
            parts.append(Text(f"{table}: no rows", "dim"))
    if view.checks:
        parts.append(checks_table(view))
    return Group(*parts)


def suggestions(doc_id: str, known: list[str], n: int = 5) -> list[str]:
    """Known doc ids containing ``doc_id``, then the most similar ones."""
    containing = [k for k in known if doc_id.lower() in k.lower()]
    similar = difflib.get_close_matches(doc_id, known, n=n, cutoff=0.4)
    return list(dict.fromkeys([*containing, *similar]))[:n]


def show(out: Path, doc_id: str, console: Console, errors: Console) -> int:
    """Print one document; exit status 1 (with close doc ids on ``errors``) when it is not in
    the output; ``NoOutputError`` when ``out`` holds no output."""
    con = open_tables(out)
    view = load_document(con, doc_id)
    if view is None:
        close = suggestions(doc_id, doc_ids(con))
        hint = f"; did you mean: {', '.join(close)}" if close else ""
        errors.print(
            f"pressx show: no document {doc_id!r} in {out}/{hint}", style="red", markup=False
        )
        return 1
    shown = visible(dataclasses.asdict(view))
    console.print(render(DocumentView(**shown)))
    return 0
