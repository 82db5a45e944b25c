"""The ``pressx`` command line: ``pressx run``, ``pressx check`` and friends."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from pressx import __version__
from pressx.io.inputs import SamePathError
from pressx.io.store import OutputBusyError, reading
from pressx.runners.engines import EngineError
from pressx.runners.run import NoInputError, OldOutputError, RunSettings, RunSummary, run
from pressx.views.query import NoOutputError, require_output

EXIT_OK, EXIT_DOCUMENT_ERRORS, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
READERS = ("check", "query", "show", "report")
MAX_IDS_SHOWN = 5
RUN_EPILOG = """\
exit status:
  0    every document was processed
  1    some documents failed: each has a `documents` row with status `error` and a message
  2    nothing to do, bad usage or environment: no supported file in PATH, bad option,
       two inputs with one path, --out busy (another run writes to it), not writable or
       full, or written by an older pressx (use --rebuild)
  130  interrupted (Ctrl-C or SIGTERM): committed batches are kept; the next run resumes
"""


def _at_least(low: int):
    """An argparse type: an integer no smaller than ``low``."""

    def parse(text: str) -> int:
        value = int(text)
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}, not {value}")
        return value

    parse.__name__ = "integer"
    return parse


#: ``pressx run``'s defaults are those of ``RunSettings`` (one source for the CLI and the API).
DEFAULTS = RunSettings()


def _add_out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULTS.out,
        help=f"folder of tables (default: {DEFAULTS.out}/)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pressx",
        description="Press releases in, clean queryable facts out (Parquet tables).",
        epilog="exit status 2 for every reading command (check, query, show, report) when "
        "--out holds no pressx output; messages and errors go to stderr",
    )
    parser.add_argument("--version", action="version", version=f"pressx {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p_run = commands.add_parser(
        "run",
        help="extract the tables from files or folders of releases",
        description="Extract events, dates, organisations, people, participant counts, quotes "
        "and figure checks from .txt/.md, .html/.htm and .jsonl releases. Re-runs skip "
        "documents whose text and pipeline (version, model, config, rules) are unchanged; "
        "the others are extracted again and replace their old rows.",
        epilog=RUN_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_run.add_argument("paths", nargs="+", metavar="PATH", help="file or folder (recursive)")
    _add_out(p_run)
    p_run.add_argument("--model", help="spaCy model to build on (default: from the config)")
    p_run.add_argument("--config", help="pipeline config file (default: pipeline/default.cfg)")
    p_run.add_argument("--limit", type=_at_least(0), help="process at most N documents")
    p_run.add_argument(
        "--workers",
        type=_at_least(1),
        default=DEFAULTS.workers,
        help=f"worker processes (default: {DEFAULTS.workers})",
    )
    p_run.add_argument(
        "--engine",
        choices=["local", "dask"],
        default=DEFAULTS.engine,
        help=f"where to run (default: {DEFAULTS.engine})",
    )
    p_run.add_argument("--scheduler", help="dask scheduler address (default: a local cluster)")
    p_run.add_argument(
        "--batch-size",
        type=_at_least(1),
        default=DEFAULTS.batch_size,
        help=f"documents per batch (default: {DEFAULTS.batch_size})",
    )
    p_run.add_argument(
        "--batch-chars",
        type=_at_least(1),
        default=DEFAULTS.batch_chars,
        help=f"characters per batch at most (bounds memory; default: {DEFAULTS.batch_chars:,})",
    )
    p_run.add_argument(
        "--max-chars",
        type=_at_least(1),
        default=DEFAULTS.max_chars,
        help=f"refuse documents whose text is longer than this (default: {DEFAULTS.max_chars:,})",
    )
    p_run.add_argument(
        "--max-file-bytes",
        type=_at_least(1),
        default=DEFAULTS.max_file_bytes,
        help="refuse files larger than this; a JSONL file is read line by line and this "
        f"bounds one line (default: {DEFAULTS.max_file_bytes:,})",
    )
    p_run.add_argument(
        "--doc-timeout",
        type=float,
        default=DEFAULTS.doc_timeout,
        help="seconds one document may take before it becomes an error row (default: "
        f"{DEFAULTS.doc_timeout:g}; 0: no limit)",
    )
    p_run.add_argument(
        "--rebuild",
        action="store_true",
        help="forget every document stored in --out and extract the given paths afresh",
    )
    p_run.add_argument("--quiet", action="store_true", help="no progress bar")
    p_run.set_defaults(handler=_run)

    p_check = commands.add_parser(
        "check",
        help="print the figure checks with their evidence",
        description="Print the figure checks of a run: a summary by type and status, then "
        "each check (mismatches first) with what was compared, the expected and observed "
        "values, the doc ids and the evidence.",
        epilog="example: pressx check --out out --status mismatch --type name_spelling\n"
        "exit status: 0 no mismatch among the checks printed, 1 at least one mismatch, "
        "2 no output",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_out(p_check)
    p_check.add_argument(
        "--status",
        action="append",
        choices=["mismatch", "unverifiable", "consistent"],
        help="only checks of this status (repeatable; default: all)",
    )
    p_check.add_argument(
        "--type",
        action="append",
        metavar="TYPE",
        help="only checks of this type, e.g. sum_of_parts, duration_vs_range, series_vs_dates, "
        "date_vs_release, name_spelling, cross_release_cohort, cross_release_duration "
        "(repeatable; default: all)",
    )
    p_check.add_argument("--doc", metavar="DOC_ID", help="only checks citing this document")
    p_check.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table (default: summary, then each check with its evidence), csv or json",
    )
    p_check.set_defaults(handler=_check)

    p_query = commands.add_parser(
        "query",
        help="run SQL over the output tables",
        description="Run one SQL statement (DuckDB dialect) over the output tables: each table "
        "is a view of the same name (documents, organisations, people, dates, events, "
        "participants, quotes, checks).",
        epilog='example: pressx query "select agency, sum(count) from participants group by 1"\n'
        "exit status: 0 done, 1 the SQL failed (DuckDB's message is printed), 2 no output",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p_query.add_argument("sql", metavar="SQL", help="the SQL statement")
    _add_out(p_query)
    p_query.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table (default; long cells cut), csv or json (full values)",
    )
    p_query.set_defaults(handler=_query)

    p_show = commands.add_parser(
        "show",
        help="print one release with its extracted spans highlighted, then its rows",
        description="Print one release with the evidence of every row highlighted in its "
        "table's colour (check evidence underlined; uncoloured text is text nothing was "
        "extracted from), followed by its rows in every table and the checks citing it.",
        epilog="exit status: 0 shown, 1 no such document (close doc ids are suggested), "
        "2 no output",
    )
    p_show.add_argument("doc_id", metavar="DOC_ID", help="document id (see `documents.doc_id`)")
    _add_out(p_show)
    p_show.set_defaults(handler=_show)

    p_report = commands.add_parser(
        "report",
        help="write a static HTML report of the output tables",
        description="Write a static HTML report (no server needed; open index.html): an "
        "index of documents with row counts per table and filters, one page per document with "
        "its text and highlighted evidence, and a checks page listing mismatches first.",
        epilog="exit status: 0 written, 2 no output",
    )
    _add_out(p_report)
    p_report.add_argument(
        "--to", type=Path, required=True, metavar="REPORT_DIR", help="folder to write the report to"
    )
    p_report.set_defaults(handler=_report)
    return parser


def _run(args: argparse.Namespace, console: Console, errors: Console) -> int:
    settings = RunSettings(
        out=args.out,
        model=args.model,
        config=args.config,
        limit=args.limit,
        batch_size=args.batch_size,
        batch_chars=args.batch_chars,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        max_chars=args.max_chars,
        max_file_bytes=args.max_file_bytes,
        doc_timeout=args.doc_timeout,
        rebuild=args.rebuild,
        progress=not args.quiet,
    )
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        summary = run(args.paths, settings)
    except (
        NoInputError,
        FileNotFoundError,
        SamePathError,
        OutputBusyError,
        OldOutputError,
        EngineError,
    ) as exc:
        errors.print(f"pressx run: {exc}", style="red", markup=False)
        return EXIT_USAGE
    except KeyboardInterrupt:
        errors.print(
            f"pressx run: interrupted; the batches written to {args.out} are kept and the "
            "next run resumes where this one stopped",
            style="red",
            markup=False,
        )
        return EXIT_INTERRUPTED
    except OSError as exc:
        errors.print(
            f"pressx run: cannot write to {args.out}: {exc.strerror or exc}; the batches "
            "written are kept and the next run resumes",
            style="red",
            markup=False,
        )
        return EXIT_USAGE
    finally:
        signal.signal(signal.SIGTERM, previous)
    _print_summary(summary, args.out, console)
    return EXIT_DOCUMENT_ERRORS if summary.n_failed else EXIT_OK


def _interrupt(signum: int, frame) -> None:
    """SIGTERM stops a run the way Ctrl-C does."""
    raise KeyboardInterrupt


def _print_summary(summary: RunSummary, out: Path, console: Console) -> None:
    table = Table(title=Text(f"pressx run -> {out}"), show_header=True)
    table.add_column("table")
    table.add_column("rows added", justify="right")
    for name, n in sorted(summary.rows.items()):
        table.add_row(name, f"{n:,}")
    console.print(table)
    console.print(
        f"documents: {summary.n_ok:,} ok, {summary.n_failed:,} failed, "
        f"{summary.n_skipped:,} unchanged (skipped); "
        f"{summary.n_words:,} words in {summary.seconds:.1f}s "
        f"= {summary.words_per_second:,.0f} words/s"
    )
    if summary.reextracted:
        shown = ", ".join(summary.reextracted[:MAX_IDS_SHOWN])
        more = len(summary.reextracted) - MAX_IDS_SHOWN
        console.print(
            f"pipeline changed ({'; '.join(summary.pipeline_changes)}): "
            f"{len(summary.reextracted):,} unchanged documents extracted again: {shown}"
            + (f" and {more:,} more" if more > 0 else ""),
            markup=False,
        )
    report = out.parent / "report"
    console.print(f"tables: {out}/ (one Parquet folder per table)", markup=False, soft_wrap=True)
    console.print(
        f"next: pressx report --out {out} --to {report}, "
        f"then open {report / 'index.html'} in a browser",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


def _check(args: argparse.Namespace, console: Console, errors: Console) -> int:
    from pressx.views.check import CheckFilter, show_checks

    where = CheckFilter(tuple(args.status or ()), tuple(args.type or ()), args.doc)
    return show_checks(args.out, console=console, where=where, fmt=args.format, stream=sys.stdout)


def _query(args: argparse.Namespace, console: Console, errors: Console) -> int:
    from pressx.views.query import run_query

    return run_query(
        args.out, args.sql, fmt=args.format, console=console, errors=errors, stream=sys.stdout
    )


def _show(args: argparse.Namespace, console: Console, errors: Console) -> int:
    from pressx.views.show import show

    return show(args.out, args.doc_id, console, errors)


def _report(args: argparse.Namespace, console: Console, errors: Console) -> int:
    from pressx.views.report import write_report

    require_output(args.out)
    return write_report(args.out, args.to, console)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    console, errors = Console(), Console(stderr=True)
    if args.command not in READERS:
        return args.handler(args, console, errors)
    try:
        with reading(args.out):
            return args.handler(args, console, errors)
    except NoOutputError as exc:
        errors.print(f"pressx {args.command}: {exc}", style="red", markup=False)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
