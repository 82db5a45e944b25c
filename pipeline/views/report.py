"""``pressx report``: a static HTML report of the output tables (no server; open index.html).

Layout of REPORT_DIR::

    index.html          documents with their row counts per table, with filters
    checks.html         every check, mismatches first, with links to the evidence
    docs/<doc>.html     one page per document: text with highlighted evidence, then its rows
    docs/<doc>.png      the document's strip: where each table's evidence lies in the text
    charts/             events.png, agencies.png, checks.png (``pressx.views.charts``)
    assets/             report.css (colours from ``pressx.views.evidence``) and report.js

The pages are rendered from the Jinja2 templates in ``pipeline/report_assets``.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from rich.console import Console

from pressx.views import charts
from pressx.views.evidence import (
    CHECK_COLOUR,
    EXTRACTION_TABLES,
    LAYERS,
    STATUS_COLOURS,
    STATUS_ORDER,
    DocumentView,
    all_checks,
    cell_text,
    load_documents,
    row_columns,
)
from pressx.views.query import NoOutputError, fetch, open_tables

ASSETS = "report_assets"
DOCS = "docs"
CHARTS = "charts"
PAGES_MANIFEST = ".pressx-pages"
AGENCY_TOTALS = """
    SELECT agency, sum(count)::BIGINT AS n FROM participants
    WHERE agency IS NOT NULL AND count IS NOT NULL GROUP BY agency ORDER BY n DESC, agency
"""


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of the index."""

    doc_id: str
    href: str
    title: str | None
    published: object
    status: str
    error: str | None
    counts: dict[str, int]
    n_checks: int
    n_mismatches: int

    @property
    def empty(self) -> list[str]:
        return [t for t, n in self.counts.items() if n == 0]

    @property
    def search(self) -> str:
        return f"{self.doc_id} {self.title or ''}"


def doc_href(doc_id: str) -> str:
    """The page of a document, relative to the report folder. Ids that are not safe file
    names are cleaned and get a short hash, so that two ids never share a page."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", doc_id).lstrip(".")[:120]
    if name != doc_id:
        name += "-" + hashlib.sha1(doc_id.encode()).hexdigest()[:8]
    return f"{DOCS}/{name}.html"


def strip_href(doc_id: str) -> str:
    """The evidence strip of a document, beside its page."""
    return doc_href(doc_id).removesuffix(".html") + ".png"


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("pressx.views", ASSETS),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = cell_text
    env.globals["doc_href"] = doc_href
    env.globals["strip_href"] = strip_href
    return env


def segment_items(view: DocumentView) -> list[dict]:
    """The text runs of a document page: text, mark classes, hover title and anchors."""
    text = view.text
    items = []
    for segment in view.segments():
        classes = [f"on-{table}" for table in segment.layers]
        if segment.checked:
            classes.append("checked")
        items.append(
            {
                "text": text[segment.start : segment.end],
                "classes": " ".join(classes),
                "title": "\n".join(dict.fromkeys(view.title(s) for s in segment.spans)),
                "anchors": segment.anchors,
            }
        )
    return items


def summary(view: DocumentView) -> DocumentSummary:
    document = view.document
    return DocumentSummary(
        doc_id=view.doc_id,
        href=doc_href(view.doc_id),
        title=document.get("title"),
        published=document.get("published"),
        status=document["status"],
        error=document.get("error"),
        counts={t: len(view.rows[t]) for t in EXTRACTION_TABLES},
        n_checks=len(view.checks),
        n_mismatches=sum(c["status"] == "mismatch" for c in view.checks),
    )


def build_report(out: Path, to: Path) -> tuple[int, int]:
    """Write the report of the tables in ``out`` to ``to``; returns (documents, checks).
    Document pages an earlier report wrote to ``to`` (listed in its ``docs/.pressx-pages``)
    and this one does not are removed; other files are never touched."""
    con = open_tables(out)
    env = environment()
    checks = all_checks(con)
    statuses = Counter(c["status"] for c in checks)
    common = {
        "out": str(out),
        "tables": EXTRACTION_TABLES,
        "n_checks": len(checks),
        "n_mismatches": statuses["mismatch"],
        "n_documents": con.execute("SELECT count(*) FROM documents").fetchone()[0],
    }
    docs_dir = to / DOCS
    docs_dir.mkdir(parents=True, exist_ok=True)
    (to / "assets").mkdir(exist_ok=True)
    _draw_charts(con, checks, to / CHARTS)

    summaries = []
    page = env.get_template("document.html.j2")
    columns = {t: row_columns(t) for t in EXTRACTION_TABLES}
    for view in load_documents(con):
        summaries.append(summary(view))
        html = page.render(
            common,
            root="../",
            view=view,
            segments=segment_items(view),
            columns=columns,
            n_evidence=view.n_check_evidence(),
            strip_rows=charts.STRIP_ROWS,
            strip_width=charts.STRIP_PIXELS,
            strip_height=charts.ROW_PIXELS * len(charts.STRIP_ROWS),
            row_pixels=charts.ROW_PIXELS,
        )
        (to / doc_href(view.doc_id)).write_text(html, encoding="utf-8")
        charts.evidence_strip(view, to / strip_href(view.doc_id))
    _remove_old_pages(
        docs_dir,
        {Path(href(s.doc_id)).name for s in summaries for href in (doc_href, strip_href)},
    )

    common["root"] = ""
    _render(env, "index.html.j2", to / "index.html", common, documents=summaries)
    by_status = sorted(statuses.items(), key=lambda item: STATUS_ORDER.get(item[0], 99))
    _render(
        env,
        "checks.html.j2",
        to / "checks.html",
        common,
        checks=checks,
        by_status=by_status,
        check_types=sorted({c["check_type"] for c in checks}),
        filtered=True,
    )
    _render(
        env,
        "report.css.j2",
        to / "assets" / "report.css",
        {},
        layers=LAYERS,
        check_colour=CHECK_COLOUR,
        status_colours=STATUS_COLOURS,
        row_pixels=charts.ROW_PIXELS,
        row_gap=charts.ROW_GAP,
        track=charts.TRACK,
        strip_rows=charts.STRIP_ROWS,
    )
    shutil.copyfile(Path(__file__).parent / ASSETS / "report.js", to / "assets" / "report.js")
    return len(summaries), len(checks)


def _draw_charts(con, checks: list[dict], folder: Path) -> None:
    """The overview charts of the index and checks pages."""
    folder.mkdir(exist_ok=True)
    events = fetch(con, 'SELECT type, start, "end" FROM events ORDER BY start, type')
    charts.events_timeline(events, folder / "events.png")
    totals = [(r["agency"], r["n"]) for r in fetch(con, AGENCY_TOTALS)]
    charts.people_by_agency(totals, folder / "agencies.png")
    charts.checks_by_status(checks, folder / "checks.png")


def _remove_old_pages(docs_dir: Path, written: set[str]) -> None:
    """Delete the pages (and strips) the previous report wrote and this one did not; list
    this one's."""
    manifest = docs_dir / PAGES_MANIFEST
    old = set(manifest.read_text(encoding="utf-8").split("\n")) if manifest.exists() else set()
    for name in old - written:
        if name and Path(name).name == name:
            (docs_dir / name).unlink(missing_ok=True)
    manifest.write_text("\n".join(sorted(written)), encoding="utf-8")


def _render(env: Environment, template: str, path: Path, context: dict, **extra) -> None:
    path.write_text(env.get_template(template).render(context, **extra), encoding="utf-8")


def write_report(out: Path, to: Path, console: Console) -> int:
    """The ``pressx report`` command: exit status 0 written, 2 no output in ``out``."""
    try:
        n_documents, n_checks = build_report(out, to)
    except NoOutputError as exc:
        console.print(f"pressx report: {exc}", style="red", markup=False)
        return 2
    console.print(
        f"report: {n_documents:,} documents, {n_checks:,} checks -> {to / 'index.html'}",
        markup=False,
    )
    return 0
