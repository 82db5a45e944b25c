"""Figure checks within one release: parts against their stated total, durations against
their date ranges (including periods that run to the release: "since April 2022", "through
the present"), a periodic series against the months it has run, dates against the release
(told as over yet ending after it, scheduled yet dated before it) and a name spelled two
ways. Each check names what was compared, the expected and observed values, a status
(consistent / mismatch / unverifiable) and the evidence (the words of each figure).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pressx.components import extensions
from pressx.components.base import ENTITIES, PARSE, RuleFiles
from pressx.components.extensions import doc_text, in_boilerplate
from pressx.config import component_defaults
from pressx.tables.records import Check, DateMention, Event, Evidence, Participant, event_of_counts
from pressx.text.ids import stable_id
from pressx.text.numbers import number_value
from pressx.text.resources import load_json, load_lines

YEAR = re.compile(r"\b\d{4}\b")
TRUNCATED = ("...", "…")  # an excerpt cut short, not a spelling


def evidence(doc: Doc, start: int, end: int) -> Evidence:
    return Evidence(doc._.doc_id or "", start, end, doc_text(doc)[start:end])


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
                amount, unit = number_value([m.group("n")]), m.group("unit").lower()
            if amount:
                found.append(
                    Duration(amount, unit, m.group(0), offset + m.start(), offset + m.end())
                )
        return found


@Language.factory(
    "pressx_checks",
    default_config=component_defaults("pressx_checks"),
    requires=[
        "doc._.participants",
        "doc._.events",
        "doc._.dates",
        "doc._.published",
        "doc._.boilerplate",
        *ENTITIES,
        *PARSE,
    ],
    assigns=["doc._.checks"],
)
class ChecksComponent(RuleFiles):
    """``pressx_checks``: writes ``doc._.checks``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str,
        given_names: str,
        max_noun_gap: int,
        near_total_chars: int,
        near_range_chars: int,
        series_tolerance: float,
        name_min_chars: int,
    ):
        extensions.register()
        self.name = name
        self.max_noun_gap = max_noun_gap
        self.near_total_chars = near_total_chars
        self.near_range_chars = near_range_chars
        self.series_tolerance = series_tolerance
        self.name_min_chars = name_min_chars
        self.rule_files = {"rules": rules, "given_names": given_names}
        self.load_rules()

    def load_rules(self) -> None:
        data = load_json(self.rule_files["rules"])
        self.durations = DurationFinder(data)
        self.working_week = int(data["week_working_days"])
        self.event_nouns = frozenset(data["event_nouns"])
        self.range_pattern = re.compile(data["range_pattern"], re.I)
        self.not_a_length = re.compile(data["not_a_length"])
        self.open_end = re.compile(data["open_end_pattern"], re.I)
        self.since = re.compile(data["since_pattern"], re.I)
        self.series = re.compile(data["series_pattern"], re.I)
        self.tense = TenseCues(frozenset(data["past_modifiers"]), frozenset(data["future_cues"]))
        self.names = NameSpellings(
            labels=frozenset(data["name_labels"]),
            min_chars=self.name_min_chars,
            given_names=frozenset(load_lines(self.rule_files["given_names"])),
            endings=frozenset(data["inflection_endings"]),
            variants=tuple(tuple(pair) for pair in data["spelling_variants"]),
        )

    def __call__(self, doc: Doc) -> Doc:
        doc._.checks = (
            self.sum_checks(doc)
            + self.duration_checks(doc)
            + self.series_checks(doc)
            + self.release_date_checks(doc)
            + self.names(doc)
        )
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
        event_of = event_of_counts(doc._.events or [])
        checks = []
        for parts in groups.values():
            if len(parts) < 2:
                continue
            expected = sum(p.count for p in parts)
            sum_text = " + ".join(str(p.count) for p in parts) + f" = {expected}"
            total = stated_total(
                participants, parts, expected, event_of=event_of, near=self.near_total_chars
            )
            proof = [evidence(doc, p.char_start, p.char_end) for p in parts]
            if total is not None:
                observed = total.count
                proof.append(evidence(doc, total.char_start, total.char_end))
                source = f"the stated total '{doc_text(doc)[total.char_start : total.char_end]}'"
            else:
                event = events.get(event_of.get(parts[0].offsets))
                observed = event.participants_total if event else None
                if event is not None and observed is not None:
                    proof.append(evidence(doc, event.char_start, event.char_end))
                source = f"the {event.type} total" if event else "no stated total"
            vague = any(p.qualifier != "exact" for p in parts) or (
                total is not None and total.qualifier != "exact"
            )
            status = (
                "unverifiable"
                if observed is None or (vague and observed != expected)
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
        text = doc_text(doc)
        for sent in doc.sents:
            if in_boilerplate(doc, sent.start_char, sent.end_char):
                continue
            for duration in self.durations(sent.text, sent.start_char):
                if self.not_a_length.match(text, duration.char_end, sent.end_char):
                    continue
                event_noun = self.event_noun_after(doc, duration)
                span = range_for(
                    duration, sent, dates, self.range_pattern, near=self.near_range_chars
                )
                if (span is None or coarse(duration, span[4])) and event_noun is not None:
                    span = (
                        self.open_range(doc, event_noun)
                        or event_range(doc._.events or [], event_noun)
                        or span
                    )
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

    def open_range(self, doc: Doc, noun: str) -> tuple[dt.date, dt.date, int, int, str] | None:
        """The period of the thing ``noun`` names when the release says it runs to the
        present ("an investigation that started in January 2024 and continued through the
        present"; "since April 2022"): from the stated date to the publication date."""
        for sent in doc.sents:
            if any(t.lemma_.lower() == noun for t in sent):
                found = self.open_start(doc, sent)
                if found is not None:
                    start, cue_end = found
                    end = doc._.published
                    return start.start, end, start.char_start, cue_end, start.precision
        return None

    def open_start(self, doc: Doc, sent: Span) -> tuple[DateMention, int] | None:
        """The start of a period that runs to the release, stated in ``sent``, and the end
        of its wording: the date before "through the present" / "ongoing", or the date right
        after "since". ``None`` when the release has no publication date."""
        published = doc._.published
        if published is None or in_boilerplate(doc, sent.start_char, sent.end_char):
            return None
        dates = [
            d
            for d in doc._.dates or []
            if sent.start_char <= d.char_start < sent.end_char and d.start < published
        ]
        for d in dates:
            if self.since.search(doc_text(doc)[sent.start_char : d.char_start]):
                return d, d.char_end
        cue = self.open_end.search(sent.text)
        if cue is None:
            return None
        before = [d for d in dates if d.char_end <= sent.start_char + cue.start()]
        if not before:
            return None
        return before[-1], sent.start_char + cue.end()

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
            dates_text = f"{doc_text(doc)[e_start:e_end]} ({start} to {end})"
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

    # -- a periodic series against the time it has run ----------------------------------

    def series_checks(self, doc: Doc) -> list[Check]:
        """A count of a periodic series ("33 ... Webinars, one Webinar every month, since
        April, 2022") against the number of periods from its start to the release."""
        checks = []
        for sent in doc.sents:
            m = self.series.search(sent.text)
            found = self.open_start(doc, sent) if m else None
            if m is None or found is None:
                continue
            start, cue_end = found
            n, unit = int(m.group("n")), m.group("unit").lower()
            periods = Duration(1, unit, "", 0, 0).length(start.start, doc._.published)
            fits = abs(n - periods) <= max(1, self.series_tolerance * periods)
            checks.append(
                Check(
                    check_id=stable_id("chk", doc._.doc_id or "", "series", str(m.start())),
                    check_type="series_vs_dates",
                    status="consistent" if fits else "mismatch",
                    doc_ids=[doc._.doc_id or ""],
                    message=f"'{m.group(0)}' since {start.text}: one a {unit} from "
                    f"{start.start} to the release ({doc._.published}) makes {periods}, "
                    f"the release says {n}",
                    expected=float(periods),
                    observed=float(n),
                    evidence=[
                        evidence(doc, sent.start_char + m.start(), sent.start_char + m.end()),
                        evidence(doc, start.char_start, cue_end),
                    ],
                )
            )
        return checks

    # -- dates against the release -------------------------------------------------------

    def release_date_checks(self, doc: Doc) -> list[Check]:
        """Dates the release tells in the wrong tense for its own date: something told as
        over ("the successful visit ... on 15-19 December 2025", "was sentenced on ...")
        that ends after the publication date, or something scheduled ("will be held on")
        dated before it. Only days and months that state their year are judged (a bare year
        is as often a name or a target: "Vision 2040")."""
        published = doc._.published
        if published is None:
            return []
        checks = []
        for d in doc._.dates or []:
            if d.relative or d.precision == "year" or not YEAR.search(d.text):
                continue
            if in_boilerplate(doc, d.char_start, d.char_end):
                continue
            span = doc.char_span(d.char_start, d.char_end, alignment_mode="expand")
            tense = self.tense(span) if span is not None else None
            last = d.end if d.precision == "day" else d.start  # "in December" may be over
            if tense == "past" and last > published:
                told = "told as over but ends after the release"
            elif tense == "future" and d.end < published:
                told = "told as still to come but dated before the release"
            else:
                continue
            checks.append(
                Check(
                    check_id=stable_id("chk", doc._.doc_id or "", "release", str(d.char_start)),
                    check_type="date_vs_release",
                    status="mismatch",
                    doc_ids=[doc._.doc_id or ""],
                    message=f"'{span.sent.text.strip()[:160]}': {d.text} ({d.start} to "
                    f"{d.end}) is {told} ({published})",
                    expected=None,
                    observed=float((d.end - published).days),
                    evidence=[
                        evidence(doc, span.sent.start_char, span.sent.end_char),
                        evidence(doc, d.char_start, d.char_end),
                    ],
                )
            )
        return checks


@dataclass(frozen=True, slots=True)
class TenseCues:
    """Whether a date is told as over or as still to come, from the verb that governs it
    (past tense, or a modal / schedule word) or, in a clause without a verb, from a word
    before it that marks the thing dated ("the successful visit ... on ...")."""

    past_modifiers: frozenset[str]
    future_cues: frozenset[str]

    def __call__(self, span: Span) -> str | None:
        verb = next((t for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        tense = None
        if verb is not None and verb.sent == span.sent and verb.i < span.start:
            between = span.doc[verb.i + 1 : span.start]
            if not any(t.pos_ in {"VERB", "AUX"} for t in between):
                tense = self.verb_tense(verb)
        return tense or self.modifier_tense(span)

    def verb_tense(self, verb: Token) -> str | None:
        """Future for a modal or schedule word, past for a past tense (\"was sentenced\")."""
        words = {verb.lemma_.lower(), verb.text.lower()} | {
            c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}
        }
        if words & self.future_cues:
            return "future"
        if verb.tag_ == "VBD" or (
            verb.tag_ == "VBN"
            and any(c.tag_ == "VBD" and c.dep_ in {"aux", "auxpass"} for c in verb.children)
        ):
            return "past"
        return None

    def modifier_tense(self, span: Span) -> str | None:
        """The tense an adjective or adverb gives ("successful", "upcoming"), read back from
        the date to the clause's last verb."""
        for tok in reversed(span.doc[span.sent.start : span.start]):
            if tok.pos_ in {"VERB", "AUX"} or (tok.is_punct and tok.text in {";", ":"}):
                return None
            word = tok.lower_
            if tok.pos_ not in {"ADJ", "ADV"}:  # "Action Plan" is no plan for the date
                continue
            if word in self.future_cues:
                return "future"
            if word in self.past_modifiers:
                return "past"
        return None


@dataclass(frozen=True, slots=True)
class NameSpellings:
    """One person or organisation spelled two ways in a release: two names of the same
    words but one, which differs by a single letter ("Katherine Fernanez Rundle" and
    "Katherine Fernandez Rundle"). Two given names ("Mark" / "Mary"), a plural and regional
    spellings ("Defence" / "Defense") are different words, not a misspelling."""

    labels: frozenset[str]
    min_chars: int
    given_names: frozenset[str]
    endings: frozenset[str]
    variants: tuple[tuple[str, str], ...]

    def __call__(self, doc: Doc) -> list[Check]:
        first: dict[tuple[str, ...], Span] = {}
        text = doc_text(doc)
        for ent in doc.ents:
            if ent.label_ not in self.labels or text.startswith(TRUNCATED, ent.end_char):
                continue  # "Elaine Bisset..." is "Elaine Bissett" cut short
            if not in_boilerplate(doc, ent.start_char, ent.end_char):
                words = tuple(t.text for t in ent if not t.is_punct)
                if len(words) >= 2:
                    first.setdefault(words, ent)
        found: dict[frozenset[str], Check] = {}  # one check per pair of spellings
        names = list(first)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                pair = self.misspelt(a, b)
                if pair is not None and pair not in found:
                    found[pair] = self.check(doc, first[a], first[b])
        return list(found.values())

    def misspelt(self, a: tuple[str, ...], b: tuple[str, ...]) -> frozenset[str] | None:
        """Whether ``a`` and ``b`` are one name with one word spelled two ways; a shorter
        name is compared with the same number of words of the longer one ("Katherine
        Fernanez" and "Katherine Fernandez Rundle")."""
        short, long_ = sorted((a, b), key=len)
        for i in range(len(long_) - len(short) + 1):
            pair = self.one_word_misspelt(short, long_[i : i + len(short)])
            if pair is not None:
                return pair
        return None

    def one_word_misspelt(self, a: tuple[str, ...], b: tuple[str, ...]) -> frozenset[str] | None:
        """The two spellings when names of as many words differ in one word, by one
        letter that is no inflection ("Receives" / "Received")."""
        differ = [(x, y) for x, y in zip(a, b, strict=True) if x.lower() != y.lower()]
        if len(differ) != 1:
            return None
        x, y = (w.lower() for w in differ[0])
        if min(len(x), len(y)) < self.min_chars or not (x.isalpha() and y.isalpha()):
            return None
        if x[0] != y[0] or {x, y} <= self.given_names or self.variant(x, y):
            return None
        if not one_edit(x, y) or self.inflected(x, y):
            return None
        return frozenset((x, y))

    def inflected(self, x: str, y: str) -> bool:
        """Whether ``x`` and ``y`` differ only in an ending ("receives" / "received")."""
        stem = shared_start(x, y)
        return x[stem:] in self.endings and y[stem:] in self.endings

    def variant(self, x: str, y: str) -> bool:
        for a, b in self.variants:
            x, y = x.replace(a, b), y.replace(a, b)
        return x == y

    def check(self, doc: Doc, a: Span, b: Span) -> Check:
        return Check(
            check_id=stable_id("chk", doc._.doc_id or "", "name", str(a.start_char)),
            check_type="name_spelling",
            status="mismatch",
            doc_ids=[doc._.doc_id or ""],
            message=f"'{a.text}' and '{b.text}': one {a.label_.lower()} spelled two ways",
            expected=None,
            observed=None,
            evidence=[
                evidence(doc, a.start_char, a.end_char),
                evidence(doc, b.start_char, b.end_char),
            ],
        )


def shared_start(x: str, y: str) -> int:
    """How many letters ``x`` and ``y`` share from the start."""
    return next(
        (k for k, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y))
    )


def one_edit(x: str, y: str) -> bool:
    """Whether ``y`` is ``x`` with one letter added, dropped, changed or two swapped."""
    if abs(len(x) - len(y)) > 1:
        return False
    i = shared_start(x, y)
    if len(x) == len(y):
        swapped = x[i + 2 :] == y[i + 2 :] and x[i : i + 2] == y[i : i + 2][::-1]
        return x[i + 1 :] == y[i + 1 :] or swapped
    longer, shorter = (x, y) if len(x) > len(y) else (y, x)
    return longer[i + 1 :] == shorter[i:]


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
    participants: list[Participant],
    parts: list[Participant],
    expected: int,
    *,
    event_of: dict[tuple[int, int], str],
    near: int,
) -> Participant | None:
    """The stated total the parts should add up to: a total of the same people (category)
    equal to the sum; else one of the same event (``event_of``: ``event_of_counts``) or
    within ``near`` characters, the closest in value. A total far away about other people is
    not compared."""
    first = event_of.get(parts[0].offsets)
    totals = [
        p
        for p in participants
        if p.is_total
        and not p.derived
        and p.category == parts[0].category
        and (first is None or event_of.get(p.offsets) in (first, None))
        and p.count >= max(q.count for q in parts)
    ]
    equal = [p for p in totals if p.count == expected]
    if equal:
        return equal[0]
    close = [
        p
        for p in totals
        if (first is not None and event_of.get(p.offsets) == first)
        or min(abs(p.char_start - q.char_start) for q in parts) <= near
    ]
    return min(close, key=lambda p: abs(p.count - expected), default=None)


def range_for(
    duration: Duration,
    sent: Span,
    dates: list[DateMention],
    range_pattern: re.Pattern,
    *,
    near: int,
) -> tuple[dt.date, dt.date, int, int, str] | None:
    """The date range written out in the duration's sentence ("2018-2022", "from 25 to 26
    March 2021"; not "November 2019") at most ``near`` characters from it, preferring the
    one closest to it."""
    ranges = [
        d
        for d in dates
        if sent.start_char <= d.char_start < sent.end_char
        and d.start < d.end
        and range_pattern.search(d.text)
        and not (d.char_start < duration.char_end and duration.char_start < d.char_end)
        and min(abs(d.char_start - duration.char_end), abs(duration.char_start - d.char_end))
        <= near
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
