"""Quotation marks in running text, paired into quotations.

Real releases mix curly and straight marks, forget closing marks, and run a quote over
several paragraphs by reopening each paragraph with a mark. Each mark is read as opening or
closing from the characters around it (its glyph only decides when they do not), then the
marks are paired left to right:

- an opening mark while a quotation is open starts a new quotation, except at the start of a
  line, where it reopens the same quotation in a new paragraph (the previous line had no
  closing mark);
- a quotation still open at a later opening mark in the same paragraph lost its closing mark:
  it ends at its last sentence end before the text introducing the next one;
- a quotation still open at the end of its line ends there, unless its closing mark follows on
  the next line (a line broken inside the quote).

Single curly marks (‘…’) are read as quotations only outside double ones, where they are not
apostrophes; double marks inside them stay part of their text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

DOUBLE_OPEN = "“„"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
MARKS = re.compile('[“„”"‘’]')
SPACE_BEFORE = frozenset(" \t\n\r\xa0([{—–-/“‘")
SPACE_AFTER = frozenset(" \t\n\r\xa0)]}—–-/.,;:!?”’")
SENTENCE_END = re.compile(r"[.!?…]['’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Quotation:
    """One quotation: where its marks are and which characters are the quoted words."""

    open: int  # offset of the opening mark
    parts: tuple[tuple[int, int], ...]  # (start, end) of the quoted words, one per paragraph
    close: int | None  # offset of the closing mark; None when the release forgot it
    single: bool = False  # quoted with single marks

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]

    @property
    def after(self) -> int:
        """First offset after the quotation (after its closing mark, when there is one)."""
        return self.close + 1 if self.close is not None else self.end

    def words(self, text: str) -> str:
        """The quoted words without marks; paragraphs joined by a line break."""
        return "\n".join(text[s:e] for s, e in self.parts)


def mark_kind(text: str, i: int) -> str | None:
    """``"open"``, ``"close"`` or ``None`` (a stray or in-word mark) for the mark at ``i``."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left, right = before in SPACE_BEFORE, after in SPACE_AFTER
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    if text[i] in DOUBLE_OPEN + SINGLE_OPEN and not right:
        return "open"
    if text[i] in DOUBLE_CLOSE and not left:
        return "close"
    return None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _cut_before(text: str, start: int, limit: int) -> int:
    """End of the last sentence in ``text[start:limit]`` (all of it when it has no sentence end)."""
    ends = [m.start() + len(m.group().rstrip()) for m in SENTENCE_END.finditer(text, start, limit)]
    return ends[-1] if ends else limit


class _Open:
    """A quotation being read: its opening mark and the paragraphs closed so far."""

    def __init__(self, mark: int, single: bool):
        self.mark = mark
        self.single = single
        self.parts: list[tuple[int, int]] = []
        self.part_start = mark + 1

    def finish(self, text: str, end: int, close: int | None) -> Quotation | None:
        parts = [*self.parts, _trim(text, self.part_start, end)]
        parts = [p for p in parts if p[1] > p[0]]
        return Quotation(self.mark, tuple(parts), close, self.single) if parts else None


def find_quotations(text: str, *, max_chars: int) -> list[Quotation]:
    """Every quotation in ``text``, in order; none longer than ``max_chars`` characters."""
    marks = [(m.start(), m.group()) for m in MARKS.finditer(text)]
    found = _pair(text, [i for i, mark in marks if mark not in SINGLE_OPEN + SINGLE_CLOSE], False)
    opens = [q.open for q in found]
    singles = [
        i
        for i, mark in marks
        if mark in SINGLE_OPEN + SINGLE_CLOSE
        and not ((k := bisect_left(opens, i) - 1) >= 0 and i < found[k].after)
    ]
    found += _pair(text, singles, True)
    return sorted((q for q in found if q.end - q.start <= max_chars), key=lambda q: q.open)


def _pair(text: str, positions: list[int], single: bool) -> list[Quotation]:
    """Pair the marks at ``positions`` (all double, or all single) into quotations."""
    out: list[Quotation] = []
    current: _Open | None = None

    def emit(end: int, close: int | None) -> None:
        if current is None or (single and close is None):
            return
        if q := current.finish(text, end, close):
            out.append(q)

    for i in positions:
        kind = mark_kind(text, i)
        if single and kind == "open" and not text[i + 1 : i + 2].isalnum():
            kind = None
        if kind is None:
            continue
        if current is not None and "\n" in text[current.part_start : i]:
            line_end = _line_end(text, current.part_start)
            line_start = text.rfind("\n", 0, i) + 1
            if kind == "open" and not text[line_start:i].strip() and not single:
                current.parts.append(_trim(text, current.part_start, line_end))
                current.part_start = i + 1
                continue
            if kind == "open" or single or text.count("\n", line_end, i) > 1:
                emit(line_end, None)
                current = None
        if kind == "open":
            if current is not None:
                emit(_cut_before(text, current.part_start, i), None)
            current = _Open(i, single)
        elif current is not None:
            emit(i, i)
            current = None
    if current is not None:
        emit(_line_end(text, current.part_start), None)
    return out
