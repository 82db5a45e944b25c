"""``pressx check``: the figure checks of a run, printed for a monitor with their evidence:
a summary by type and status first, then every check (mismatches first), filtered by
status, type or document, as a readable listing, CSV or JSON."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pandas as pd
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pressx.io.store import snapshot
from pressx.views.query import require_output

STATUS_STYLE = {"mismatch": "bold red", "consistent": "green", "unverifiable": "yellow"}
STATUS_ORDER = {"mismatch": 0, "unverifiable": 1, "consistent": 2}
COLUMNS = ("check_id", "check_type", "status", "doc_ids", "message", "expected", "observed")


@dataclass(frozen=True, slots=True)
class CheckFilter:
    """Which checks to print: any of ``statuses`` / ``types`` (all when empty), citing
    ``doc`` (any document when ``None``)."""

    statuses: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    doc: str | None = None

    def __call__(self, checks: pd.DataFrame) -> pd.DataFrame:
        keep = pd.Series(True, index=checks.index)
        if self.statuses:
            keep &= checks["status"].isin(self.statuses)
        if self.types:
            keep &= checks["check_type"].isin(self.types)
        if self.doc is not None:
            keep &= checks["doc_ids"].map(lambda ids: self.doc in list(ids))
        return checks[keep]


def read_checks(out_dir: Path) -> pd.DataFrame:
    """The checks table of ``out_dir`` (a folder of parts or one ``checks.parquet``)."""
    single = out_dir / "checks.parquet"
    return pd.read_parquet(single) if single.is_file() else snapshot(out_dir).read("checks")


def show_checks(
    out_dir: Path,
    *,
    console: Console,
    where: CheckFilter = CheckFilter(),
    fmt: str = "table",
    stream: TextIO | None = None,
) -> int:
    """Print the checks of ``out_dir`` that ``where`` keeps, mismatches first: as a summary
    of all checks by type and status followed by each check with what was compared, the expected and
    observed values, the documents and the evidence (``fmt="table"``), or as CSV / JSON
    rows with their evidence on ``stream``. Returns 1 when a printed check is a mismatch,
    else 0, so that scripts can stop on it; ``NoOutputError`` (as the other readers) when
    ``out_dir`` holds neither checks nor a documents table."""
    checks = read_checks(Path(out_dir))
    if checks.empty:
        require_output(Path(out_dir))
        console.print(f"no checks in {out_dir}")
        return 0
    summary, total = summary_table(checks), len(checks)
    checks = where(checks)
    checks = checks.assign(_order=checks["status"].map(STATUS_ORDER).fillna(3))
    checks = checks.sort_values(["_order", "check_type", "check_id"], kind="stable")
    if fmt == "table":
        console.print(summary)
        console.print(f"{len(checks)} of {total} checks shown\n")
        for _, check in checks.iterrows():
            print_check(check, console)
    else:
        write_rows(checks, fmt, stream or console.file)
    return 1 if (checks["status"] == "mismatch").any() else 0


def summary_table(checks: pd.DataFrame) -> Table:
    """Counts of checks by type (rows) and status (columns), with totals."""
    table = Table(title="checks by type and status")
    table.add_column("type")
    for status in STATUS_ORDER:
        table.add_column(status, justify="right", style=STATUS_STYLE[status])
    table.add_column("total", justify="right")
    counts = checks.groupby(["check_type", "status"]).size()
    for check_type in sorted(checks["check_type"].unique()):
        row = [int(counts.get((check_type, s), 0)) for s in STATUS_ORDER]
        table.add_row(check_type, *map(str, row), str(sum(row)))
    totals = [int((checks["status"] == s).sum()) for s in STATUS_ORDER]
    table.add_row("[bold]all[/]", *map(str, totals), str(len(checks)))
    return table


def print_check(check: pd.Series, console: Console) -> None:
    style = STATUS_STYLE.get(check["status"], "")
    console.print(
        f"[{style}]{check['status'].upper()}[/] [bold]{escape(check['check_type'])}[/]"
        f"  {escape(', '.join(check['doc_ids']))}"
    )
    console.print(f"  {escape(check['message'])}")
    console.print(f"  expected {value(check['expected'])}, observed {value(check['observed'])}")
    for item in evidence_of(check):
        console.print(
            f"    [dim]{escape(item['doc_id'])} [{item['char_start']}:{item['char_end']}][/]"
            f" {escape(item['text'])}"
        )
    console.print()


def evidence_of(check: pd.Series) -> list[dict]:
    """The check's evidence as plain records, the text on one line."""
    items = check.get("evidence")
    return [
        {
            "doc_id": str(item["doc_id"]),
            "char_start": int(item["char_start"]),
            "char_end": int(item["char_end"]),
            "text": " ".join(str(item["text"]).split()),
        }
        for item in ([] if items is None else list(items))
    ]


def write_rows(checks: pd.DataFrame, fmt: str, stream: TextIO) -> None:
    """The checks as CSV (evidence as ``doc_id[start:end] text`` joined by `` | ``) or as a
    JSON list of records with their evidence."""
    records = [
        {
            **{c: plain(check[c]) for c in COLUMNS},
            "evidence": evidence_of(check),
        }
        for _, check in checks.iterrows()
    ]
    if fmt == "json":
        json.dump(records, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
        return
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([*COLUMNS, "evidence"])
    for r in records:
        cited = " | ".join(
            f"{e['doc_id']}[{e['char_start']}:{e['char_end']}] {e['text']}" for e in r["evidence"]
        )
        row = [" ".join(r[c]) if c == "doc_ids" else r[c] for c in COLUMNS]
        writer.writerow([*row, cited])


def plain(cell):
    """A cell as JSON can hold it: lists as lists, missing numbers as ``None``."""
    if isinstance(cell, str):
        return cell
    if hasattr(cell, "__len__"):
        return [str(x) for x in cell]
    return None if cell is None or pd.isna(cell) else float(cell)


def value(number: float | None) -> str:
    return "-" if number is None or pd.isna(number) else f"{number:g}"
