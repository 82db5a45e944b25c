"""``pressx check``: the figure checks of a run, printed for a monitor with their evidence."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from rich.console import Console
from rich.markup import escape

from pipeline.store import table_files

STATUS_STYLE = {"mismatch": "bold red", "consistent": "green", "unverifiable": "yellow"}
STATUS_ORDER = {"mismatch": 0, "unverifiable": 1, "consistent": 2}


def read_checks(out_dir: Path) -> pd.DataFrame:
    """The checks table of ``out_dir`` (a folder of parts or one ``checks.parquet``)."""
    single = out_dir / "checks.parquet"
    paths = [single] if single.is_file() else table_files(out_dir, "checks")
    if not paths:
        return pd.DataFrame()
    return pd.concat([pd.read_parquet(p) for p in paths], ignore_index=True)


def show_checks(out_dir: Path, *, console: Console) -> int:
    """Print every check (mismatches first) with what was compared, the expected and
    observed values, the documents and the evidence sentences. Returns 1 when a mismatch
    was found, else 0, so that scripts can stop on it."""
    checks = read_checks(Path(out_dir))
    if checks.empty:
        console.print(f"no checks in {out_dir} (run `pressx run ... --out {out_dir}` first)")
        return 0
    checks = checks.assign(_order=checks["status"].map(STATUS_ORDER).fillna(3))
    checks = checks.sort_values(["_order", "check_type", "check_id"], kind="stable")
    for _, check in checks.iterrows():
        print_check(check, console)
    counts = checks["status"].value_counts()
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUS_ORDER)
    console.print(f"[bold]{len(checks)} checks[/]: {summary}")
    return 1 if counts.get("mismatch", 0) else 0


def print_check(check: pd.Series, console: Console) -> None:
    style = STATUS_STYLE.get(check["status"], "")
    console.print(
        f"[{style}]{check['status'].upper()}[/] [bold]{escape(check['check_type'])}[/]"
        f"  {escape(', '.join(check['doc_ids']))}"
    )
    console.print(f"  {escape(check['message'])}")
    console.print(f"  expected {value(check['expected'])}, observed {value(check['observed'])}")
    evidence = check.get("evidence")
    for item in [] if evidence is None else list(evidence):
        text = " ".join(str(item["text"]).split())
        console.print(
            f"    [dim]{escape(item['doc_id'])} [{item['char_start']}:{item['char_end']}][/]"
            f" {escape(text)}"
        )
    console.print()


def value(number: float | None) -> str:
    return "-" if number is None or pd.isna(number) else f"{number:g}"
