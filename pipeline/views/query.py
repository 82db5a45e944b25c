"""``pressx query``: SQL over the output tables, one DuckDB view per table.

The views read the committed Parquet files in place (nothing is copied or changed, so a
query can run beside a ``pressx run`` writing to the same folder): they show the folder's
snapshot as of opening (``pressx.io.store.snapshot``), every document in one version, even
while a run replaces it. ``pressx show`` and ``pressx report`` read the tables through the
same connection.

Readers are read-only: the tables reach DuckDB as Arrow datasets and the connection may
open no file (so ``COPY ... TO``, ``read_parquet``, ``ATTACH`` fail even from Python through
``pressx.open``; no network, no extension install; the setting is locked), and ``pressx
query`` runs one SELECT (or EXPLAIN) statement, refusing anything else with a message.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any, TextIO

import duckdb
import pyarrow.dataset as ds
from rich.console import Console
from rich.table import Table
from rich.text import Text

from pressx.io.store import COMMIT_TABLE, snapshot
from pressx.tables.schema import TABLE_NAMES, arrow_schema

READ_STATEMENTS = (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN)
MAX_CELL = 120  # characters of a cell shown in the terminal table
# control characters of a release shown, one picture per character (offsets stay valid),
# never sent to the terminal: C0 (but tab and newline) as U+2400.., DEL, C1 as U+FFFD
CONTROL_PICTURES = str.maketrans(
    {chr(c): chr(0x2400 + c) for c in range(32) if chr(c) not in "\t\n"}
    | {"\x7f": "\u2421"}
    | {chr(c): "\ufffd" for c in range(0x80, 0xA0)}
)


class NoOutputError(Exception):
    """The folder holds no pressx output."""


class NotReadOnlyError(Exception):
    """A statement that would do more than read the output tables."""


def require_output(out: Path) -> None:
    """Raise ``NoOutputError`` unless ``out`` holds the tables of a pressx run."""
    if not (out / COMMIT_TABLE).is_dir():
        raise NoOutputError(f"no pressx output in {out}/ (run `pressx run PATH --out {out}` first)")


def open_tables(out: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per output table of ``out`` that can
    open no file at all. Each view is an Arrow dataset over the committed parts, read in
    place; while a run replaces documents, the tables are read once, each document's rows
    from the batch of its current version only (``Snapshot.keep``)."""
    require_output(out)
    con = duckdb.connect()
    current = snapshot(out.resolve())
    for table in TABLE_NAMES:
        files = current.files(table)
        if files and not current.owners:
            con.register(table, ds.dataset(files, schema=arrow_schema(table), format="parquet"))
        else:
            con.register(table, current.arrow(table))
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def read_only(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """``sql`` if it is one statement that only reads; else ``NotReadOnlyError``."""
    statements = con.extract_statements(sql)
    if len(statements) != 1:
        raise NotReadOnlyError(f"give one SQL statement, not {len(statements)}")
    if statements[0].type not in READ_STATEMENTS:
        kind = statements[0].type.name
        raise NotReadOnlyError(
            f"pressx query only reads the output tables: a {kind} statement is refused "
            "(use SELECT; to export, use --format csv or json and redirect the output)"
        )
    return sql


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> list[dict]:
    """The rows of a query as dicts (dates as ``datetime.date``, lists and structs as Python)."""
    result = con.execute(sql, params or [])
    columns = [d[0] for d in result.description]
    return [dict(zip(columns, row, strict=True)) for row in result.fetchall()]


def run_query(
    out: Path, sql: str, *, fmt: str, console: Console, errors: Console, stream: TextIO
) -> int:
    """Run one SQL statement and print its result; DuckDB's message (not a traceback) on
    ``errors`` when it fails. ``NoOutputError`` when ``out`` holds no output.

    Returns the exit status: 0 done, 1 the SQL failed.
    """
    con = open_tables(out)
    try:
        result = con.execute(read_only(con, sql))
        columns = [d[0] for d in result.description] if result.description else []
        rows = result.fetchall() if columns else []
    except (duckdb.Error, NotReadOnlyError) as exc:
        errors.print(f"pressx query: {exc}", style="red", markup=False, highlight=False)
        return 1
    if fmt == "csv":
        shown = visible if stream.isatty() else str  # a file gets the values as stored
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[shown(_plain(v)) for v in row] for row in rows])
    elif fmt == "json":
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        json.dump(records, stream, ensure_ascii=False, indent=1, default=_json_default)
        stream.write("\n")
    else:
        console.print(_rich_table(columns, rows))
    return 0


def visible(value: Any) -> Any:
    """``value`` (a string, or lists and dicts of them) with every control character
    replaced by its picture, so text from a release cannot drive the terminal."""
    if isinstance(value, str):
        return value.translate(CONTROL_PICTURES)
    if isinstance(value, list | tuple):
        return type(value)(visible(v) for v in value)
    if isinstance(value, dict):
        return {visible(k): visible(v) for k, v in value.items()}
    return value


def _rich_table(columns: list[str], rows: list[tuple]) -> Table:
    table = Table(caption=f"{len(rows):,} row{'s' if len(rows) != 1 else ''}")
    for name in columns:
        table.add_column(Text(visible(name)), overflow="fold")
    for row in rows:
        table.add_row(*(Text(_cell(v)) for v in row))
    return table


def _cell(value: Any) -> str:
    text = visible(_plain(value))
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _plain(value: Any) -> str:
    """A value as one line of text: NULL as empty, lists and structs as JSON."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(value)


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return str(value)
