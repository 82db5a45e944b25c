"""Written dates: the regular expressions that find them and their normalisation.

Finding is done here with regular expressions (dateparser's ``search_dates`` over whole
texts is slow and takes "We" or "2 days" for dates), each form only in the stretches of the
text around a word all its matches hold (``Stretches``). A found expression whose day, month
and year the pattern captured is built directly (all-numeric ones in the day/month order the
release itself uses); free-form date strings (header datelines, the full dates that lend
their year to days written without one) are too when they write a full date out, else they
are normalised by dateparser, always in English and relative to a base date, through a cache.
Relative expressions ("yesterday", "last week", "on Tuesday") are resolved by calendar
arithmetic against the publication date, so that weeks and months come out as whole ranges; a
bare weekday the release dates elsewhere takes that day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

import dateparser
import numpy

from pressx.tables.records import DateMention
from pressx.text.patterns import longest_first

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# an abbreviation may take a dot ("Sept."); a full name's dot ends the sentence
MONTH_RE = rf"(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.|{MONTH}|{MONTH.upper()})"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d{2}"
FULL_DATE = (
    rf"(?:{DAY}\s+{MONTH_RE},?\s+{YEAR}"
    rf"|{MONTH_RE}\s+{DAY}(?:,\s*|\.?\s+){YEAR}"
    rf"|{YEAR}-[01]\d-[0-3]\d)"
)
FULL_DATE_RE = re.compile(rf"\b{FULL_DATE}\b")
MONTH_DAY = rf"(?:{MONTH_RE}\s+{DAY}|{DAY}\s+{MONTH_RE})"
# A release reference number that starts with its year and month ("2010-07-CA-129"): a date
# written without a year takes the year from it when nothing better states one.
DATED_REFERENCE_RE = re.compile(
    r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-[A-Z]{1,3}\s*[-–]\s*\d+"
)


def reference_month(text: str) -> tuple[int, dt.date] | None:
    """Where the first dated reference number of ``text`` stands, and its month's first day."""
    m = DATED_REFERENCE_RE.search(text)
    return (m.start(), dt.date(int(m["year"]), int(m["month"]), 1)) if m else None


# All-numeric dates ("01.12.2025", "2/16/82", "9-5-85"): day and month in the order the
# release uses (see ``_NumericOrder``); a two-digit year only with a slash or hyphen.
NUMERIC_RE = re.compile(
    r"(?<![\w/.,:-])(?P<p1>[0-3]?\d)(?P<sep>[./-])(?P<p2>[0-3]?\d)(?P=sep)"
    r"(?P<ny>(?:1[89]|20)\d{2}|\d{2})(?![\w/-]|[.,]\d)"
)
MONTH_NAMES = tuple(calendar.month_name)[1:]
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WD = rf"(?:{WEEKDAY},?\s+)?"
_FROM = r"(?:(?P<btw>[Bb]etween)\s+|[Ff]rom\s+)?"
_TO = r"\s*(?:-|–|—|to|through|till|until)\s*"
# "and" joins two days or months into one range when they are consecutive ("April 24 and 25",
# "August and September 2025"); "between ... and" always does.
_SEP = rf"(?:{_TO}|(?(btw)\s+and\s+|\s+(?P<conj>and|&)\s+))"
_PART = r"(?:(?:early|mid|late)-?\s*)?"
# a month or day of a list whose year is written once, after the last ("March and May 2012")
_SHARED_YEAR = rf",?\s+(?P<shared>{YEAR})\b"
_LIST_SEP = r"(?:,\s*|,?\s+(?:and|&)\s+)"
_END = r"(?![\w-]|[.,]\d)"


def _day(g: str) -> str:
    return rf"(?:the\s+)?(?P<{g}>[0-3]?\d)(?:\s?(?:st|nd|rd|th))?(?!\d)"


def _month(g: str) -> str:
    return rf"(?P<{g}>{MONTH_RE})"


def _year(g: str) -> str:
    return rf"(?P<{g}>{YEAR})"


# Each form: (kind, regex). Kinds say how the named groups become a date range.
FORMS: tuple[tuple[str, str], ...] = (
    (
        "days",
        rf"{_FROM}{_WD}{_day('d1')}\s+{_month('m1')}(?:,?\s+{_year('y1')})?,?{_SEP}"
        rf"{_WD}{_day('d2')}\s+{_month('m2')},?\s+{_year('y2')}{_END}",
    ),
    (
        "days",
        rf"{_FROM}{_WD}{_month('m1')}\s+{_day('d1')}(?:,?\s+{_year('y1')})?,?{_SEP}"
        rf"{_WD}{_month('m2')}\s+{_day('d2')},?\s+{_year('y2')}{_END}",
    ),
    (
        "days",
        rf"{_FROM}{_day('d1')}{_SEP}{_day('d2')}\s+{_month('m2')}(?:,?\s+{_year('y2')})?{_END}",
    ),
    (
        "days",
        rf"{_FROM}{_month('m2')}\s+{_day('d1')}{_SEP}{_day('d2')}(?:,\s*{_year('y2')})?{_END}",
    ),
    ("days", rf"{_WD}{_day('d2')}\s+{_month('m2')}(?:,?\s+{_year('y2')})?{_END}"),
    (  # the first of two days that share a later year ("March 5 and 12, 2008") takes it
        "days",
        rf"{_WD}{_month('m2')}\s+{_day('d2')}(?:(?:,\s*|\.\s*|\s+){_year('y2')}"
        rf"|(?=(?:{_LIST_SEP}{DAY})+{_SHARED_YEAR}))?{_END}",
    ),
    ("days", r"(?P<y2>(?:1[89]|20)\d{2})-(?P<n2>[01]\d)-(?P<d2>[0-3]\d)(?![\w-])"),
    (
        "months",
        rf"{_FROM}{_PART}{_month('m1')}(?:,?\s+{_year('y1')})?,?{_SEP}{_PART}"
        rf"{_month('m2')},?\s+{_year('y2')}{_END}",
    ),
    (  # a month of a list that shares a later year ("in March and May 2012") takes it
        "months",
        rf"{_month('m2')}(?:(?:,?\s+(?:of\s+)?|-){_year('y2')}{_END}"
        rf"|(?=(?:{_LIST_SEP}{MONTH_RE})+{_SHARED_YEAR}))",
    ),
    (
        "months",
        r"\b(?P<dir>(?i:this coming|this past|this|next|last))\s+"
        rf"{_month('m2')}(?!,?\s*\d|\w|\s+[A-Z])",
    ),
    (
        "months",
        r"\b(?i:in|since|during|until|till|by|from|of|early|late|mid-?)\s+"
        rf"{_month('m2')}(?:\s+of\s+(?P<rel>this|last|next)\s+year"
        rf"|(?=(?:{_LIST_SEP}{MONTH_RE})+{_SHARED_YEAR}))?(?!,?\s*\d|\w|\s+[A-Z])",
    ),
    (
        "years",
        rf"{_FROM}(?<![\w$€£₹#/.,-]){_year('y1')}(?:-\d{{2}}(?=\s*(?:to|through|until)))?"
        r"(?:\s*(?:-|–|—|/|to|through|until)\s*|(?(btw)\s+and\s+|(?!)))"
        r"(?:(?:FY\s*)?(?:1[89]|20)\d{2}-(?=\d{2}\b))?"
        r"(?P<y2>(?:1[89]|20)\d{2}|\d{2})(?![\w%-]|[.,]\d)",
    ),
    ("years", rf"(?<![\w$€£₹#/.,-]){_year('y2')}(?![\w%]|-\w|[.,]\d)"),
)


#: Where a month name may start: its first three letters ("Mayor" holds one too).
MONTH_START_RE = re.compile("|".join(p for m in MONTH_NAMES for p in (m[:3], m[:3].upper())))
YEAR_RE = re.compile(YEAR)
WEEKDAY_RE = re.compile(WEEKDAY)
_WORD_RE = re.compile(r"\S+")
_DIGITS_RE = re.compile(r"\d+")
# More words than a form reaches before its first month name, year or weekday ("between the
# 12th and the 13th March": 6), between two of its numbers or month names ("2010, to Monday,
# the 13th": 4) and after the last ("March of last year" and the word its lookahead reads: 4).
_REACH_WORDS = 8


class Stretches:
    """The stretches of a text that hold every match of a form, with the characters its
    lookarounds read, found around a word every match holds (a month name, a year, a
    weekday): from ``_REACH_WORDS`` words before it to as many after the last number or such
    word of the chain that follows it, each less than that many words from the next ("March
    5, 12, 19 and 26, 2008"). A stretch starts and ends at white space or the text's ends,
    which every form reads as it reads the ends of the text, so a form finds the same matches
    in the stretches as in the whole text, whose scan costs four times as much (a quarter of
    an archive release lies around its month names)."""

    def __init__(self, text: str):
        self.text = text
        #: where each word (a run of characters that are not white space) starts
        self.starts = numpy.array([m.start() for m in _WORD_RE.finditer(text)], dtype=numpy.int64)
        self.numbers = self._words_at(_DIGITS_RE)

    def _words_at(self, pattern: re.Pattern) -> numpy.ndarray:
        """The words that hold the start of a match of ``pattern``, in order, once each."""
        chars = [m.start() for m in pattern.finditer(self.text)]
        return numpy.unique(self.starts.searchsorted(chars, side="right") - 1)

    def around(self, seed: re.Pattern) -> list[tuple[int, int]]:
        """The stretches around the matches of ``seed``, in order."""
        seeds = self._words_at(seed).tolist()
        marks = numpy.union1d(self.numbers, seeds).tolist()
        spans: list[tuple[int, int]] = []
        for word in seeds:
            if spans and word <= spans[-1][1]:
                continue  # its chain is the one of the stretch it is in
            last, k = word, bisect_right(marks, word)
            while k < len(marks) and marks[k] <= last + _REACH_WORDS:
                last, k = marks[k], k + 1
            first = max(0, word - _REACH_WORDS)
            end = min(len(self.starts) - 1, last + _REACH_WORDS)
            if spans and first <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((first, end))
        return [
            (int(self.starts[first]), _WORD_RE.match(self.text, self.starts[end]).end())
            for first, end in spans
        ]


@dataclass(frozen=True, slots=True)
class DateRules:
    """The word lists of ``models/dates.json``."""

    relative: dict[str, tuple[str, int, str]]
    count_before: tuple[str, ...]
    count_after: tuple[str, ...]
    street_after: tuple[str, ...]
    future_cues: tuple[str, ...]

    @classmethod
    def from_spec(cls, spec: dict) -> DateRules:
        return cls(
            relative={
                k: (v[0], int(v[1]), v[2] if len(v) > 2 else "")
                for k, v in spec["relative"].items()
            },
            count_before=tuple(spec["count_before"]),
            count_after=tuple(spec["count_after"]),
            street_after=tuple(spec["street_after"]),
            future_cues=tuple(spec["future_cues"]),
        )


def _settings(base: dt.date | None) -> dict:
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return settings


@lru_cache(maxsize=8192)
def _parse_cached(cleaned: str, base: dt.date | None) -> dt.date | None:
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_settings(base))
    return parsed.date() if parsed else None


# A full date with every part written out, as ``parse_date`` cleans it ("5 March 2024",
# "Sept 5, 2024", "2024-03-05"): day, month and year.
_WRITTEN_OUT = (
    re.compile(rf"(?P<day>\d{{1,2}}) (?P<month>{MONTH}|{MONTH.upper()}),? (?P<year>{YEAR})"),
    re.compile(rf"(?P<month>{MONTH}|{MONTH.upper()}) (?P<day>\d{{1,2}}),? (?P<year>{YEAR})"),
    re.compile(rf"(?P<year>{YEAR})-(?P<month>[01]\d)-(?P<day>[0-3]\d)"),
)


def _written_out(cleaned: str) -> dt.date | None:
    """The calendar day of a full date with every part written out, built directly: the
    same day dateparser gives, at a thousandth of its cost (most header datelines and the
    full dates that lend their year are so written); ``None`` for any other expression."""
    for pattern in _WRITTEN_OUT:
        if m := pattern.fullmatch(cleaned):
            month = m["month"]
            number = int(month) if month.isdigit() else month_number(month)
            return (
                calendar_day(int(m["day"]), number, int(m["year"])) if 1 <= number <= 12 else None
            )
    return None


def parse_date(text: str, *, base: dt.date | None = None) -> dt.date | None:
    """Normalise one date expression: a full date written out directly, any other with
    dateparser (English, relative to ``base``)."""
    cleaned = " ".join(re.sub(r"(\d)\s?(?:st|nd|rd|th)\b", r"\1", text.replace(".", " ")).split())
    return _written_out(cleaned) or _parse_cached(cleaned, base)


def month_number(name: str) -> int:
    """1-12 for a written month name or abbreviation ("Sept.", "DEC", "November")."""
    return [m[:3] for m in MONTH_NAMES].index(name[:3].title()) + 1


def calendar_day(day: int, month: int, year: int) -> dt.date | None:
    """The calendar day whose parts a pattern captured; ``None`` when it does not exist."""
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def shift_months(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


Value = tuple[dt.date, dt.date, str, bool]  # start, end, precision, relative


class DateFinder:
    """Finds date and date-range expressions in a text and resolves them to calendar ranges."""

    def __init__(self, rules: DateRules, *, future_window: int, count_window: int):
        self.rules = rules
        self.future_window = future_window
        self.count_window = count_window
        # (kind, regex, what every match holds: a month name if it has a month group, which
        # every form requires, else a year); a form is searched in the stretches around that
        self.forms = [
            (
                kind,
                re.compile(pattern),
                MONTH_START_RE if "(?P<m2>" in pattern or "(?P<m1>" in pattern else YEAR_RE,
            )
            for kind, pattern in FORMS
        ]
        self.relative = re.compile(rf"\b(?:{longest_first(rules.relative)})\b", re.IGNORECASE)
        self.weekday = re.compile(
            r"(?:\b(?P<dir>(?i:last|next|this past|this coming|this))\s+)?"
            rf"\b(?P<wd>{WEEKDAY})(?:\s+(?:night|morning|afternoon|evening))?\b"
        )
        self.count_before = re.compile(rf"(?<!\w)(?:{longest_first(rules.count_before)})\.?\s+$")
        self.count_after = re.compile(
            rf"\s+(?:{longest_first(rules.count_after)}"
            rf"|(?:[A-Z][\w.]*\s+){{0,2}}(?:{longest_first(rules.street_after)}))\b"
        )
        self.future = re.compile(rf"\b(?:{longest_first(rules.future_cues)})\b", re.IGNORECASE)

    def find(
        self,
        text: str,
        *,
        published: dt.date | None,
        skip: Callable[[int, int], bool] = lambda s, e: False,
    ) -> list[DateMention]:
        """Every date expression of ``text`` not in a ``skip`` span, longest forms first.

        Dates without a year take it from ``published``, else from the nearest full date of
        the text, else from a dated reference number ("2010-07-CA-129"); relative expressions
        are kept only when ``published`` is known."""
        bases = _BaseYears(text, published, skip)
        candidates: list[tuple[int, int, Callable[[], Value | None]]] = []
        stretches = Stretches(text)
        around = {seed: stretches.around(seed) for seed in (MONTH_START_RE, YEAR_RE)}
        for kind, pattern, seed in self.forms:
            for start, end in around[seed]:
                for m in pattern.finditer(text, start, end):
                    candidates.append((m.start(), m.end(), self._resolver(kind, m, text, bases)))
        order = _NumericOrder(text)
        for m in NUMERIC_RE.finditer(text):
            candidates.append((m.start(), m.end(), _numeric_resolver(m, order, bases)))
        if published is not None:
            for m in self.relative.finditer(text):
                candidates.append((m.start(), m.end(), self._relative_value(m, published)))
            for start, end in stretches.around(WEEKDAY_RE):
                for m in self.weekday.finditer(text, start, end):
                    value = self._weekday_value(m, text, published)
                    candidates.append((m.start(), m.end(), value))
        return _same_weekdays(self._select(text, candidates, skip))

    def _select(self, text, candidates, skip) -> list[DateMention]:
        taken = bytearray(len(text))
        found = []
        for start, end, resolve in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if any(taken[start:end]) or skip(start, end):
                continue
            value = resolve()
            if value is None:
                continue
            taken[start:end] = b"\x01" * (end - start)
            first, last, precision, relative = value
            found.append(DateMention(text[start:end], first, last, precision, start, end, relative))
        return sorted(found, key=lambda d: d.char_start)

    def _resolver(self, kind: str, m: re.Match, text: str, bases: _BaseYears):
        if kind == "days":
            if m.groupdict().get("d1") and self.count_after.match(text, m.end()):
                return lambda: None  # "sentenced October 11 to 15 years": a day, then a length
            return lambda: _days_value(m, bases.near(m.start()))
        if kind == "months":
            return lambda: _months_value(m, bases.published, bases.near(m.start()))
        return lambda: self._years_value(m, text)

    def _years_value(self, m: re.Match, text: str) -> Value | None:
        groups = m.groupdict()
        last = int(groups["y2"])
        if self.count_after.match(text, m.end()):  # "1900 block of", "in 2018 to 35 years"
            return None
        if groups.get("y1") is None:
            if self.count_before.search(text[max(0, m.start() - self.count_window) : m.start()]):
                return None
            first = last
        else:
            first = int(groups["y1"])
            if last < 100:
                last += first // 100 * 100
            if not first < last <= first + 50:
                return None
        return dt.date(first, 1, 1), dt.date(last, 12, 31), "year", False

    def _relative_value(self, m: re.Match, published: dt.date):
        unit, offset, part = self.rules.relative[" ".join(m.group(0).lower().split())]
        return lambda: _relative_range(unit, offset, part, published)

    def _weekday_value(self, m: re.Match, text: str, published: dt.date):
        def value() -> Value:
            target = [d[:3] for d in calendar.day_name].index(m.group("wd")[:3])
            direction = (m.group("dir") or "").lower()
            back = (published.weekday() - target) % 7
            if direction in ("next", "this coming") or (
                not direction and self.future.search(self._before(text, m.start()))
            ):
                day = published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
            elif direction:
                day = published - dt.timedelta(days=back or 7)
            else:
                day = published - dt.timedelta(days=back)
            return day, day, "day", True

        return value

    def _before(self, text: str, start: int) -> str:
        """The words before ``start`` in the same sentence, at most ``future_window`` chars."""
        window = text[max(0, start - self.future_window) : start]
        return re.split(r"[.!?]\s", window)[-1]


_WEEKDAY_START = re.compile(rf"(?:this\s+)?(?P<wd>{WEEKDAY})\b(?:\s+\w+)?", re.IGNORECASE)


def _same_weekdays(found: list[DateMention]) -> list[DateMention]:
    """A bare weekday ("at Saturday's celebration") is the day the release dates with that
    weekday elsewhere ("this Saturday, December 11th, 2004") when it dates exactly one."""
    named: dict[str, set[dt.date]] = {}
    for d in found:
        if not d.relative and d.start == d.end and (m := _WEEKDAY_START.match(d.text)):
            named.setdefault(m["wd"], set()).add(d.start)
    out = []
    for d in found:
        m = _WEEKDAY_START.fullmatch(d.text)
        days = named.get(m["wd"], set()) if m and d.relative else set()
        out.append(replace(d, start=min(days), end=min(days)) if len(days) == 1 else d)
    return out


class _BaseYears:
    """Where a date without a year takes its year: the publication date, else the nearest
    full date of the text outside skipped spans, else the month of a dated reference number
    (found only when first needed)."""

    def __init__(self, text: str, published: dt.date | None, skip: Callable[[int, int], bool]):
        self.text, self.published, self.skip = text, published, skip
        self._full: list[tuple[int, dt.date]] | None = None

    def near(self, position: int) -> dt.date | None:
        if self.published is not None:
            return self.published
        if self._full is None:
            self._full = [
                (m.start(), day)
                for m in FULL_DATE_RE.finditer(self.text)
                if not self.skip(m.start(), m.end()) and (day := parse_date(m.group(0)))
            ]
            if not self._full and (reference := reference_month(self.text)):
                self._full = [reference]
        return min(self._full, key=lambda f: abs(f[0] - position), default=(0, None))[1]


class _NumericOrder:
    """Whether a release writes its numeric dates day first: a number over 12 in the first
    place of one of them says so (in the second, month first); else the order of its written
    dates ("17 December 2025" against "December 17, 2025"); else the separator (a dot is day
    first)."""

    def __init__(self, text: str):
        self.text = text

    def day_first(self, sep: str) -> bool:
        return sep == "." if self.evidence is None else self.evidence

    @cached_property
    def evidence(self) -> bool | None:
        """What the release itself says of its order (found only when first needed)."""
        for m in NUMERIC_RE.finditer(self.text):
            first, second = int(m["p1"]), int(m["p2"])
            if first > 12 >= second or second > 12 >= first:
                return first > 12
        written = [m.group(0)[0].isdigit() for m in FULL_DATE_RE.finditer(self.text)]
        if written and 2 * sum(written) != len(written):
            return 2 * sum(written) > len(written)
        return None


def _numeric_resolver(m: re.Match, order: _NumericOrder, bases: _BaseYears):
    def value() -> Value | None:
        p1, p2, written_year = int(m["p1"]), int(m["p2"]), m["ny"]
        day, month = (p1, p2) if order.day_first(m["sep"]) else (p2, p1)
        if not 1 <= month <= 12:
            return None
        year = int(written_year)
        if len(written_year) == 2:
            base = bases.near(m.start())
            if m["sep"] == "." or base is None:
                return None
            year += 2000 if 2000 + year <= base.year else 1900
        day_value = calendar_day(day, month, year)
        return (day_value, day_value, "day", False) if day_value else None

    return value


def _days_value(m: re.Match, base: dt.date | None) -> Value | None:
    g = m.groupdict()
    month2 = int(g["n2"]) if g.get("n2") else month_number(g["m2"])
    written = g["y2"] or g.get("shared")
    year2 = int(written) if written else (base.year if base else None)
    if year2 is None:
        return None
    last = calendar_day(int(g["d2"]), month2, year2)
    if last is None:
        return None
    if g.get("d1") is None:
        return last, last, "day", written is None and base is not None
    month1 = month_number(g["m1"]) if g.get("m1") else month2
    year1 = int(g["y1"]) if g.get("y1") else year2 - (month1 > month2)
    first = calendar_day(int(g["d1"]), month1, year1)
    if first is None or not first < last or (g.get("conj") and (last - first).days != 1):
        return None
    return first, last, "day", False


def _months_value(m: re.Match, published: dt.date | None, base: dt.date | None) -> Value | None:
    g = m.groupdict()
    month = month_number(g["m2"])
    if g.get("m1"):
        return _month_span(g, month)
    if written := g.get("y2") or g.get("shared"):
        return (*month_range(int(written), month), "month", False)
    if g.get("dir"):
        return _named_month(g["dir"].lower(), month, published) if published else None
    if g.get("rel"):
        base = published
    if base is None:
        return None
    year = base.year + {"last": -1, "next": 1}.get(g.get("rel") or "", 0)
    return (*month_range(year, month), "month", True)


def _month_span(g: dict, month2: int) -> Value | None:
    """ "October-November, 2025", "mid-February to March 2026", "August and September 2025":
    whole months; months joined by "and" only when consecutive."""
    month1, year2 = month_number(g["m1"]), int(g["y2"])
    year1 = int(g["y1"]) if g.get("y1") else year2 - (month1 > month2)
    span = (year2 * 12 + month2) - (year1 * 12 + month1)
    if span < 1 or (g.get("conj") and span != 1):
        return None
    return month_range(year1, month1)[0], month_range(year2, month2)[1], "month", False


def _named_month(direction: str, month: int, published: dt.date) -> Value:
    """ "this October" (the publication year), "last May" / "this past May" (its last
    occurrence before the publication month), "next June" / "this coming June" (its next)."""
    if direction == "this":
        year = published.year
    elif direction in ("last", "this past"):
        year = published.year - (month >= published.month)
    else:
        year = published.year + (month <= published.month)
    return (*month_range(year, month), "month", True)


def _relative_range(unit: str, offset: int, part: str, published: dt.date) -> Value:
    """The calendar range of a relative expression; a week's ``part`` "before" or "after"
    ("earlier this week", "later this week") is its days before or after ``published``."""
    if unit == "day":
        day = published + dt.timedelta(days=offset)
        return day, day, "day", True
    if unit == "week":
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=offset)
        first, last = monday, monday + dt.timedelta(days=6)
        if part == "before":
            last = max(first, published - dt.timedelta(days=1))
        elif part == "after":
            first = min(last, published + dt.timedelta(days=1))
        return first, last, "day", True
    if unit == "month":
        return (*month_range(*shift_months(published, offset)), "month", True)
    year = published.year + offset
    return dt.date(year, 1, 1), dt.date(year, 12, 31), "year", True
