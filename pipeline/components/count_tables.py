"""Tables of figures flattened into running text, read back through their total row.

Releases (parliament replies, results, annexures) print tables whose line breaks are lost:
"Year Civilians Death SFs martyred 2020 140 43 2021 97 50 ... Total 617 192". A table is found
from its total row ("Total"/"Grand Total" followed by k figures) and read backwards row by row
(k figures after a label: words, a year, or a serial number and words) until the rows added up
give exactly the total row. That sum check is what makes a run of numbers a table: text that
only looks like one does not add up. Bracketed remarks ("(including 08 PwBD-1 ...)") and
footnote marks ("$", "*") inside rows are skipped; "-" is an empty cell (0).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD_RE = re.compile(r"\S+")
CELL_RE = re.compile(r"^\d+(?:,\d{2,3})*$")  # 1,643 and Indian 1,54,65,518
YEAR_RE = re.compile(r"^(?:19|20)\d\d$")
EMPTY_CELLS = {"-", "–", "—", "NR", "NA", "N.A."}  # not reported: 0
#: where the words heading a table begin: after its sentence's start or an "as under:"
HEADER_STARTS = (". ", ":", "\n")
MARKS = {"$", "*", "#", "@", "**", "***", "****"}


@dataclass(frozen=True, slots=True)
class Cell:
    """A figure of a table and where the text states it."""

    value: int
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Row:
    """A row: its label ("Civil Engineering", "2021") and its figures."""

    label: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A table read back from its total row. ``total_column`` is the column that, in every
    row, is the sum of the others (``None`` when there is none); ``header_start`` is where the
    words heading the first row's figures begin (after a colon, else their sentence)."""

    rows: tuple[Row, ...]
    total: Row
    total_column: int | None
    header_start: int
    char_start: int  # the first row's figures
    char_end: int


@dataclass(frozen=True, slots=True)
class Item:
    """A word of the text classified: a figure (``value`` set) or a word of a label."""

    text: str
    char_start: int
    char_end: int
    value: int | None


def items_of(text: str) -> list[Item]:
    """The words of ``text`` as items, without bracketed remarks and footnote marks."""
    items: list[Item] = []
    depth = 0
    for m in WORD_RE.finditer(text):
        word = m.group()
        if depth or word.startswith("("):
            depth += word.count("(") - word.count(")")
            depth = max(depth, 0)
            continue
        if word in MARKS:
            continue
        if CELL_RE.match(word):
            value = int(word.replace(",", ""))
        elif word in EMPTY_CELLS:
            value = 0
        else:
            value = None
        items.append(Item(word, m.start(), m.end(), value))
    return items


def find_tables(
    text: str, *, total_words: frozenset[str], total_prefixes: frozenset[str], max_rows: int
) -> list[Table]:
    """Every table of ``text`` whose rows add up to its total row (``total_words``: the label
    of a total row, ``total_prefixes``: words before it, as "Grand" in "Grand Total")."""
    lowered = text.lower()
    if not any(word in lowered for word in total_words):
        return []  # no total row, so no table: most releases, whose words need not be read
    items = items_of(text)
    tables = []
    for n, item in enumerate(items):
        if item.text.lower().rstrip(":") not in total_words:
            continue
        figures = []
        for following in items[n + 1 :]:
            if following.value is None:
                break
            figures.append(following)
        if not figures or (n + 1 < len(items) and items[n + 1].value is None):
            continue
        total = Row(item.text, tuple(Cell(f.value, f.char_start, f.char_end) for f in figures))
        start = n - 1 if n and items[n - 1].text.lower() in total_prefixes else n
        rows = read_rows(items, start, [c.value for c in total.cells], max_rows)
        if rows and len(rows) > 1:
            tables.append(make_table(text, rows, total))
    return tables


def read_rows(items: list[Item], end: int, totals: list[int], max_rows: int) -> list[Row] | None:
    """The rows before ``items[end]`` (last first) that add up to ``totals``, or ``None``."""
    width = len(totals)
    failed: set[tuple[int, tuple[int, ...]]] = set()

    def read(end: int, sums: list[int], rows: list[Row]) -> list[Row] | None:
        if len(rows) >= max_rows or end - width < 1 or (end, tuple(sums)) in failed:
            return None
        failed.add((end, tuple(sums)))  # a state read once and left is a dead end
        figures = items[end - width : end]
        if any(f.value is None for f in figures):
            return None
        sums = [s + f.value for s, f in zip(sums, figures, strict=True)]
        if any(s > t for s, t in zip(sums, totals, strict=True)):
            return None
        cells = tuple(Cell(f.value, f.char_start, f.char_end) for f in figures)
        label_end = end - width
        label_start = label_end
        while label_start > 0 and items[label_start - 1].value is None:
            label_start -= 1
        if label_start == label_end:  # a year labels the row: "2021 97 50"
            if not YEAR_RE.match(items[label_end - 1].text):
                return None
            label_start -= 1
        label = " ".join(i.text for i in items[label_start:label_end])
        rows = [*rows, Row(label, cells)]
        if sums == totals:
            return rows
        serial = label_start > 0 and items[label_start - 1].value is not None
        # a serial number before the label ("26 Andaman & Nicobar 14,000 ...") or the last
        # figure of the row above: both are tried, the sums decide
        for previous_end in (label_start - 1, label_start) if serial else (label_start,):
            found = read(previous_end, sums, rows)
            if found:
                return found
        return None

    return read(end, [0] * width, [])


def make_table(text: str, rows: list[Row], total: Row) -> Table:
    """The table of ``rows`` (read last first) and ``total``."""
    rows = rows[::-1]
    width = len(total.cells)
    total_column = next(
        (
            c
            for c in range(width)
            if width > 2
            and all(2 * r.cells[c].value == sum(x.value for x in r.cells) for r in [*rows, total])
        ),
        None,
    )
    first = rows[0].cells[0].char_start
    header_start = max(text.rfind(mark, 0, first) + len(mark) for mark in HEADER_STARTS)
    return Table(tuple(rows), total, total_column, header_start, first, total.cells[-1].char_end)


def counted_cells(table: Table) -> list[tuple[Row, Cell, bool]]:
    """The figures of ``table`` that count: of each row its total when a column holds the
    totals, else every figure; of the total row every figure. Each with its row and whether it
    is a total; empty cells are left out."""
    found = []
    for row in table.rows:
        cells = row.cells if table.total_column is None else (row.cells[table.total_column],)
        found += [(row, cell, False) for cell in cells]
    found += [(table.total, cell, True) for cell in table.total.cells]
    return [(row, cell, is_total) for row, cell, is_total in found if cell.value]
