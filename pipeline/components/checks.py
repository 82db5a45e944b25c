"""Figure checks within one release: parts against their stated total, durations against
their date ranges. Each check names what was compared, the expected and observed values,
a status (consistent / mismatch / unverifiable) and the evidence (the words of each figure).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span
from word2number import w2n

from pipeline.extensions import in_boilerplate
from pipeline.ids import stable_id
from pipeline.records import Check, DateMention, Event, Evidence, Participant
from pipeline.resources import load_json


def evidence(doc: Doc, start: int, end: int) -> Evidence:
    return Evidence(doc._.doc_id or "", start, end, doc.text[start:end])


@dataclass(frozen=True, slots=True)
class Duration:
    """A stated length of time ("four-year", "5-day", "weeklong")."""

    amount: int
    unit: str  # day / week / month / year
    text: str
    char_start: int
    char_end: int

    def fits(self, start: dt.date, end: dt.date, *, working_week: int) -> bool:
        """Whether the range ``start..end`` (both days counted) is as long as stated. Years
        and months are counted both ways ("four-year (2018-2022)": 2022 - 2018 = 4); a
        week is a working week or a full one."""
        days = (end - start).days + 1
        if self.unit == "day":
            return days == self.amount
        if self.unit == "week":
            return self.amount * 7 - (7 - working_week) <= days <= self.amount * 7
        if self.unit == "month":
            months = (end.year - start.year) * 12 + end.month - start.month
            return self.amount in {months, months + 1}
        return self.amount in {end.year - start.year, end.year - start.year + 1}

    def length(self, start: dt.date, end: dt.date) -> int:
        """The range's length in this duration's unit (both ends counted)."""
        if self.unit == "day":
            return (end - start).days + 1
        if self.unit == "week":
            return round(((end - start).days + 1) / 7)
        if self.unit == "month":
            return (end.year - start.year) * 12 + end.month - start.month + 1
        return end.year - start.year + 1


class DurationFinder:
    """Finds stated durations with the pattern of ``models/checks.json``."""

    def __init__(self, rules: dict):
        self.pattern = re.compile(rules["duration_pattern"], re.I)

    def __call__(self, text: str, offset: int = 0) -> list[Duration]:
        found = []
        for m in self.pattern.finditer(text):
            if m.group("weeklong"):
                amount, unit = 1, "week"
            else:
                amount, unit = amount_of(m.group("n")), m.group("unit").lower()
            if amount:
                found.append(
                    Duration(amount, unit, m.group(0), offset + m.start(), offset + m.end())
                )
        return found


def amount_of(word: str) -> int | None:
    """A small count in digits or words ("5", "four", "twenty-one"), else ``None``."""
    if word.isdigit():
        return int(word)
    try:
        return int(w2n.word_to_num(word.replace("-", " ")))
    except ValueError:
        return None


@Language.factory(
    "pressx_checks",
    requires=["doc._.participants", "doc._.events", "doc._.dates"],
    assigns=["doc._.checks"],
)
class ChecksComponent:
    """``pressx_checks``: writes ``doc._.checks``."""

    def __init__(self, nlp: Language, name: str, *, rules: str):
        self.name = name
        data = load_json(rules)
        self.durations = DurationFinder(data)
        self.working_week = int(data["week_working_days"])
        self.event_nouns = frozenset(data["event_nouns"])
        self.max_noun_gap = int(data["max_noun_gap"])
        self.near_total_chars = int(data["near_total_chars"])
        self.range_pattern = re.compile(data["range_pattern"], re.I)

    def __call__(self, doc: Doc) -> Doc:
        doc._.checks = self.sum_checks(doc) + self.duration_checks(doc)
        return doc

    # -- parts against totals ------------------------------------------------------------

    def sum_checks(self, doc: Doc) -> list[Check]:
        """Parts listed together ("17 ... and 8 ...") against the total the release states
        for the same people (or the total of the event they belong to)."""
        participants: list[Participant] = doc._.participants or []
        groups: dict[int, list[Participant]] = {}
        for p in participants:
            if p.part_group is not None:
                groups.setdefault(p.part_group, []).append(p)
        events = {e.event_id: e for e in doc._.events or []}
        checks = []
        for parts in groups.values():
            if len(parts) < 2:
                continue
            expected = sum(p.count for p in parts)
            sum_text = " + ".join(str(p.count) for p in parts) + f" = {expected}"
            total = stated_total(participants, parts, expected, near=self.near_total_chars)
            proof = [evidence(doc, p.char_start, p.char_end) for p in parts]
            if total is not None:
                observed = total.count
                proof.append(evidence(doc, total.char_start, total.char_end))
                source = f"the stated total '{doc.text[total.char_start : total.char_end]}'"
            else:
                event = events.get(parts[0].event_id)
                observed = event.participants_total if event else None
                if event is not None and observed is not None:
                    proof.append(evidence(doc, event.char_start, event.char_end))
                source = f"the {event.type} total" if event else "no stated total"
            status = (
                "unverifiable"
                if observed is None
                else ("consistent" if observed == expected else "mismatch")
            )
            described = " + ".join(f"{p.count} {p.agency or p.description}" for p in parts)
            checks.append(
                Check(
                    check_id=stable_id("chk", doc._.doc_id or "", "sum", str(parts[0].char_start)),
                    check_type="sum_of_parts",
                    status=status,
                    doc_ids=[doc._.doc_id or ""],
                    message=f"{described}: {sum_text}, against {source}"
                    + ("" if observed is None else f" ({observed})"),
                    expected=float(expected),
                    observed=None if observed is None else float(observed),
                    evidence=proof,
                )
            )
        return checks

    # -- durations against date ranges ---------------------------------------------------

    def duration_checks(self, doc: Doc) -> list[Check]:
        """A stated duration against the date range it describes: a range in brackets right
        after it ("four-year (2018-2022)"), a range in the same sentence, or the dates of the
        event it names ("weeklong training" -> the training's 02 to 06 November)."""
        checks = []
        seen: set[tuple[str, str]] = set()
        dates: list[DateMention] = doc._.dates or []
        for sent in doc.sents:
            if in_boilerplate(doc, sent.start_char, sent.end_char):
                continue
            for duration in self.durations(sent.text, sent.start_char):
                event_noun = self.event_noun_after(doc, duration)
                span = range_for(duration, sent, dates, self.range_pattern)
                if (span is None or coarse(duration, span[4])) and event_noun is not None:
                    span = event_range(doc._.events or [], event_noun) or span
                if span is None and event_noun is None:
                    continue
                check = self.duration_check(doc, duration, span, event_noun)
                if (check.message, check.status) not in seen:  # "weeklong training" again
                    seen.add((check.message, check.status))
                    checks.append(check)
        return checks

    def event_noun_after(self, doc: Doc, duration: Duration) -> str | None:
        """The event noun the duration qualifies ("5-day UNODC led specialist training")."""
        span = doc.char_span(duration.char_start, duration.char_end, alignment_mode="expand")
        if span is None:
            return None
        for tok in doc[span.end : min(len(doc), span.end + self.max_noun_gap)]:
            if tok.lemma_.lower() in self.event_nouns:
                return tok.lemma_.lower()
            if tok.is_punct and tok.text != "-":
                return None
        return None

    def duration_check(
        self,
        doc: Doc,
        duration: Duration,
        span: tuple[dt.date, dt.date, int, int, str] | None,
        event_noun: str | None,
    ) -> Check:
        proof = [evidence(doc, duration.char_start, duration.char_end)]
        what = f"'{duration.text}'" + (f" {event_noun}" if event_noun else "")
        if span is None:
            status, observed, message = "unverifiable", None, f"{what}: no dates given for it"
        else:
            start, end, e_start, e_end, precision = span
            proof.append(evidence(doc, e_start, e_end))
            observed = float(duration.length(start, end))
            dates_text = f"{doc.text[e_start:e_end]} ({start} to {end})"
            if coarse(duration, precision) or one_calendar_unit(duration, start, end):
                status = "unverifiable"
                message = f"{what} against {dates_text}: dates given only to the {precision}"
                observed = None
            else:
                fits = duration.fits(start, end, working_week=self.working_week)
                status = "consistent" if fits else "mismatch"
                message = f"{what} against {dates_text}: {observed:g} {duration.unit}(s)"
        return Check(
            check_id=stable_id("chk", doc._.doc_id or "", "duration", str(duration.char_start)),
            check_type="duration_vs_range",
            status=status,
            doc_ids=[doc._.doc_id or ""],
            message=message,
            expected=float(duration.amount),
            observed=observed,
            evidence=proof,
        )


def one_calendar_unit(duration: Duration, start: dt.date, end: dt.date) -> bool:
    """Whether the dates name one whole year (month) that a length in years (months) cannot
    be measured against ("two years" and "2022")."""
    whole_month = start.day == 1 and (end + dt.timedelta(days=1)).day == 1
    same_month = (start.year, start.month) == (end.year, end.month)
    whole_year = whole_month and start.month == 1 and end.month == 12
    if duration.unit == "year":
        return whole_year and start.year == end.year
    return duration.unit == "month" and whole_month and same_month


def coarse(duration: Duration, precision: str) -> bool:
    """Whether dates of ``precision`` are too coarse to measure ``duration`` (November 2020
    for a 5-day workshop)."""
    finest = {"day": "day", "week": "day", "month": "month", "year": "year"}[duration.unit]
    order = ["day", "month", "year"]
    return order.index(precision) > order.index(finest)


def stated_total(
    participants: list[Participant], parts: list[Participant], expected: int, *, near: int
) -> Participant | None:
    """The stated total the parts should add up to: a total of the same people (category)
    equal to the sum; else one of the same event or within ``near`` characters, the
    closest in value. A total far away about other people is not compared."""
    first = parts[0]
    totals = [
        p
        for p in participants
        if p.is_total
        and not p.derived
        and p.category == first.category
        and (p.event_id == first.event_id or None in {p.event_id, first.event_id})
        and p.count >= max(q.count for q in parts)
    ]
    equal = [p for p in totals if p.count == expected]
    if equal:
        return equal[0]
    close = [
        p
        for p in totals
        if (p.event_id is not None and p.event_id == first.event_id)
        or min(abs(p.char_start - q.char_start) for q in parts) <= near
    ]
    return min(close, key=lambda p: abs(p.count - expected), default=None)


def range_for(
    duration: Duration, sent: Span, dates: list[DateMention], range_pattern: re.Pattern
) -> tuple[dt.date, dt.date, int, int, str] | None:
    """The date range written out in the duration's sentence ("2018-2022", "from 25 to 26
    March 2021"; not "November 2019"), preferring the one closest to it."""
    ranges = [
        d
        for d in dates
        if sent.start_char <= d.char_start < sent.end_char
        and d.start < d.end
        and range_pattern.search(d.text)
        and not (d.char_start < duration.char_end and duration.char_start < d.char_end)
    ]
    if not ranges:
        return None
    d = min(ranges, key=lambda d: abs(d.char_start - duration.char_end))
    return d.start, d.end, d.char_start, d.char_end, d.precision


def event_range(events: list[Event], noun: str) -> tuple[dt.date, dt.date, int, int, str] | None:
    """The dates of the release's event of the type the duration names."""
    for event in events:
        if event.type == noun and event.start and event.end and event.start < event.end:
            precision = range_precision(event.start, event.end)
            return event.start, event.end, event.char_start, event.char_end, precision
    return None


def range_precision(start: dt.date, end: dt.date) -> str:
    """How precise a range is: a whole calendar year or month ("in November 2020") is known
    only to the year or month."""
    next_day = end + dt.timedelta(days=1)
    if start.day == 1 and next_day.day == 1:
        if start.month == 1 and next_day.month == 1:
            return "year"
        return "month"
    return "day"
