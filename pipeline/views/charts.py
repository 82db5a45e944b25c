"""The report's charts: static PNG files drawn with matplotlib (Agg, no pyplot state), so the
report needs no script library and no network to show them.

Overview charts (``pressx report`` puts them on the index and checks pages): events on a
timeline by type, people counted by agency, checks by type and status. On each document
page, a strip of where in the text each table's evidence lies. Colours are the report's
(``pressx.views.evidence``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import numpy as np
from matplotlib.figure import Figure
from matplotlib.image import imsave

from pressx.views.evidence import (
    CHECK_COLOUR,
    CHECKS,
    EXTRACTION_TABLES,
    LAYER_BY_TABLE,
    STATUS_COLOURS,
    STATUS_ORDER,
    DocumentView,
)

DPI = 100
WIDTH = 5.0  # inches of an overview chart
EDGE = "#555555"
MAX_AGENCIES = 12
STRIP_ROWS = (*EXTRACTION_TABLES, CHECKS)  # top to bottom, as the legend lists them
STRIP_PIXELS = 960  # width of a document's strip
ROW_PIXELS = 14  # height of one table's row in the strip, with its gap below
ROW_GAP = 3
MIN_MARK_PIXELS = 2  # a single word stays visible in a long text
TRACK = "#e9e9ee"  # background of a row of the strip (no other colour of the report)


def events_timeline(events: list[dict], path: Path) -> None:
    """One line per event type, a dot (or a bar from start to end) per dated event."""
    dated = [e for e in events if e["start"] is not None]
    types = sorted({e["type"] for e in dated}, reverse=True)
    fig, ax = _figure(len(types))
    colour = LAYER_BY_TABLE["events"].colour
    for event in dated:
        y = types.index(event["type"])
        end = event["end"] or event["start"]
        if end > event["start"]:
            ax.plot([event["start"], end], [y, y], color=colour, linewidth=8, zorder=1)
        ax.scatter([event["start"]], [y], s=70, color=colour, edgecolors=EDGE, zorder=2)
    ax.set_yticks(range(len(types)), types)
    if dated:
        low, high = min(e["start"] for e in dated), max(e["end"] or e["start"] for e in dated)
        margin = max(dt.timedelta(days=20), (high - low) / 20)
        ax.set_xlim(low - margin, high + margin)
    undated = len(events) - len(dated)
    ax.set_title(f"events by type and date ({len(dated)})", loc="left")
    if undated:
        ax.set_xlabel(f"not shown: {undated} events without a date", fontsize=8, color=EDGE)
    fig.autofmt_xdate()
    _save(fig, path)


def people_by_agency(totals: list[tuple[str, int]], path: Path) -> None:
    """People counted in ``participants`` per agency, the largest ``MAX_AGENCIES``."""
    shown = totals[:MAX_AGENCIES][::-1]
    fig, ax = _figure(len(shown))
    bars = ax.barh(
        [agency for agency, _ in shown],
        [n for _, n in shown],
        color=LAYER_BY_TABLE["participants"].colour,
        edgecolor=EDGE,
    )
    ax.bar_label(bars, padding=3)
    more = f", the {MAX_AGENCIES} largest of {len(totals)}" if len(totals) > MAX_AGENCIES else ""
    ax.set_title(f"people counted, by agency{more}", loc="left")
    ax.margins(x=0.12)
    _save(fig, path)


def checks_by_status(checks: list[dict], path: Path) -> None:
    """One bar per check type, split by status (mismatches first)."""
    counts = Counter((c["check_type"], c["status"]) for c in checks)
    types = sorted({c["check_type"] for c in checks}, reverse=True)
    fig, ax = _figure(len(types))
    left = [0] * len(types)
    for status in sorted(STATUS_ORDER, key=STATUS_ORDER.get):
        widths = [counts[(t, status)] for t in types]
        if any(widths):
            ax.barh(types, widths, left=left, color=STATUS_COLOURS[status], label=status)
            left = [a + b for a, b in zip(left, widths, strict=True)]
    if checks:
        ax.legend(loc="lower right", frameon=False)
    ax.set_title(f"checks by type and status ({len(checks)})", loc="left")
    _save(fig, path)


def evidence_strip(view: DocumentView, path: Path) -> None:
    """Where in the text each table's evidence lies: one row of ``STRIP_ROWS`` per table (the
    page labels them), the text's length left to right. A raster of coloured cells, written
    as an image array: 2 ms a page, where a drawn figure takes 200 ms."""
    length = max(len(view.text), 1)
    image = np.full((len(STRIP_ROWS) * ROW_PIXELS, STRIP_PIXELS, 3), 255, dtype=np.uint8)
    for y in range(len(STRIP_ROWS)):
        image[y * ROW_PIXELS : (y + 1) * ROW_PIXELS - ROW_GAP] = _rgb(TRACK)
    for span in view.spans():
        y = STRIP_ROWS.index(span.table) * ROW_PIXELS
        x0 = span.start * STRIP_PIXELS // length
        x1 = max(x0 + MIN_MARK_PIXELS, -(-span.end * STRIP_PIXELS // length))
        colour = CHECK_COLOUR if span.table == CHECKS else LAYER_BY_TABLE[span.table].colour
        image[y : y + ROW_PIXELS - ROW_GAP, x0:x1] = _rgb(colour)
    imsave(path, image, format="png", metadata={"Software": None})


def _figure(n_rows: int) -> tuple[Figure, object]:
    """A chart with room for ``n_rows`` labelled rows."""
    fig = Figure(figsize=(WIDTH, 1.3 + 0.32 * max(n_rows, 1)), dpi=DPI, layout="constrained")
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_ylim(-0.7, max(n_rows, 1) - 0.3)
    return fig, ax


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


def _save(fig: Figure, path: Path) -> None:
    fig.savefig(path, format="png", facecolor="white", metadata={"Software": None})
