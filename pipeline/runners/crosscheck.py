"""Figure checks across the releases of one run, computed from the finished tables.

A release that says its participants are "the same cohort" (group, trainees ...) as an
earlier event is checked against the release that reports that event: people of one agency
cannot be more at the follow-up than the cohort had, the follow-up's total cannot exceed
the cohort's, and a length stated for the earlier event ("a 5-day ... workshop in November
2020") must fit the dates the other release gives it (02 to 06 November 2020).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from pressx.components.checks import DurationFinder
from pressx.config import load_config
from pressx.tables.records import Check, Evidence
from pressx.text.ids import normalise_key, stable_id
from pressx.text.resources import load_json

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


@dataclass(frozen=True, slots=True)
class CohortLink:
    """A sentence of release ``doc_id`` saying its people are the cohort of an earlier event."""

    doc_id: str
    char_start: int
    char_end: int
    text: str
    period: tuple[dt.date, dt.date]
    nouns: frozenset[str]


def cross_release_checks(
    tables: dict[str, pd.DataFrame], *, config: str | None = None
) -> list[Check]:
    """Checks between releases of a run; ``tables`` holds at least documents, participants,
    events and dates (organisations, when given, match agencies named differently). None
    when the pipeline ``config`` (default: ``default.cfg``) has no ``pressx_checks``."""
    settings = load_config(config)
    if "pressx_checks" not in settings["nlp"]["components"]:
        return []
    rules = load_json(settings["components"]["pressx_checks"]["rules"])
    docs, parts, events = (
        tables.get(t, pd.DataFrame()) for t in ("documents", "participants", "events")
    )
    if docs.empty or parts.empty or events.empty or "text" not in docs:
        return []
    texts = dict(zip(docs["doc_id"], docs["text"].fillna(""), strict=True))
    links = cohort_links(texts, tables.get("dates", pd.DataFrame()), rules)
    agency_keys = AgencyKeys(tables.get("organisations", pd.DataFrame()))
    counted = parts[parts["category"].isin(set(rules["cohort_categories"]))]
    finder = DurationFinder(rules)
    checks: list[Check] = []
    for link in links:
        for _, event in referenced_events(link, events).iterrows():
            here = follow_up_parts(counted[counted["doc_id"] == link.doc_id], events, link)
            there = event_parts(counted[counted["doc_id"] == event["doc_id"]], event)
            checks += cohort_checks(link, event, here, there, agency_keys, texts)
            checks += duration_checks(link, event, finder, texts, rules["week_working_days"])
    return checks


def cohort_links(texts: dict[str, str], dates: pd.DataFrame, rules: dict) -> list[CohortLink]:
    """Sentences that tie a release's people to an earlier event, with the period the
    sentence gives for it ("... in November 2020") and the event nouns it uses."""
    pattern = re.compile(rules["cohort_pattern"], re.I)
    nouns = set(rules["event_nouns"])
    links = []
    for doc_id, text in texts.items():
        for m in pattern.finditer(text):
            start, end = sentence_around(text, m.start())
            in_sentence = (
                dates[
                    (dates["doc_id"] == doc_id)
                    & (dates["char_start"] >= start)
                    & (dates["char_end"] <= end)
                ]
                if not dates.empty
                else dates
            )
            if in_sentence.empty:
                continue
            period = (min(in_sentence["start"]), max(in_sentence["end"]))
            words = set(re.findall(r"[a-z]+", text[start:end].lower()))
            links.append(
                CohortLink(doc_id, start, end, text[start:end], period, frozenset(words & nouns))
            )
    return links


def sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The character span of the sentence containing ``pos``."""
    start = 0
    for m in SENTENCE_END.finditer(text, 0, pos):
        start = m.end()
    m = SENTENCE_END.search(text, pos)
    return start, m.start() if m else len(text)


def referenced_events(link: CohortLink, events: pd.DataFrame) -> pd.DataFrame:
    """Events of other releases that start in the link's period, of a type it names."""
    first, last = link.period
    starts = pd.to_datetime(events["start"]).dt.date
    hits = events[
        (events["doc_id"] != link.doc_id) & starts.notna() & (starts >= first) & (starts <= last)
    ]
    if link.nouns:
        hits = hits[hits["type"].isin(link.nouns)]
    return hits.drop_duplicates("doc_id")


def follow_up_parts(parts: pd.DataFrame, events: pd.DataFrame, link: CohortLink) -> pd.DataFrame:
    """The counts of the follow-up release that are not about the earlier event itself."""
    mine = events[events["doc_id"] == link.doc_id]
    starts = pd.to_datetime(mine["start"]).dt.date
    earlier = set(
        mine[starts.notna() & (starts >= link.period[0]) & (starts <= link.period[1])]["event_id"]
    )
    return parts[~parts["event_id"].isin(earlier)]


def event_parts(parts: pd.DataFrame, event: pd.Series) -> pd.DataFrame:
    """The counts that belong to ``event`` (all the release's counts when none is linked)."""
    linked = parts[parts["event_id"] == event["event_id"]]
    return linked if not linked.empty else parts


class AgencyKeys:
    """One key per organisation, so that "FIA" and "Federal Investigation Agency" match."""

    def __init__(self, orgs: pd.DataFrame):
        self.keys: dict[str, str] = {}
        for _, org in orgs.iterrows():
            aliases = org.get("aliases")
            names = [
                org["name"],
                org.get("acronym"),
                *(list(aliases) if aliases is not None else []),
            ]
            for name in names:
                if isinstance(name, str) and name:
                    self.keys.setdefault(normalise_key(name), org["org_id"])

    def __call__(self, agency: str) -> str:
        key = normalise_key(agency)
        return self.keys.get(key, key)


def cohort_checks(
    link: CohortLink,
    event: pd.Series,
    here: pd.DataFrame,
    there: pd.DataFrame,
    agency_keys: AgencyKeys,
    texts: dict[str, str],
) -> list[Check]:
    """Per agency, and in total: the follow-up cannot have more people than the cohort."""
    doc_ids = [event["doc_id"], link.doc_id]
    about = (
        f"'{link.doc_id}' says its participants are the same cohort as the {event['type']} "
        f"of {event['start']} in '{event['doc_id']}'"
    )
    checks = []
    cohort = {
        agency_keys(row["agency"]): row for _, row in there.dropna(subset=["agency"]).iterrows()
    }
    for _, row in here.dropna(subset=["agency"]).iterrows():
        other = cohort.get(agency_keys(row["agency"]))
        if other is None:
            continue
        checks.append(
            compare(
                f"{about}: {row['agency']} {row['description']} {int(row['count'])} here, "
                f"{int(other['count'])} in the cohort",
                cohort_size=int(other["count"]),
                reported=int(row["count"]),
                doc_ids=doc_ids,
                proof=[link_evidence(link), row_evidence(other, texts), row_evidence(row, texts)],
                key=(link.doc_id, str(row["char_start"]), event["event_id"]),
            )
        )
    total_here = parts_total(here)
    total_there = parts_total(there)
    if checks and total_here and total_there:
        checks.append(
            compare(
                f"{about}: {total_here} participants here, {total_there} in the cohort",
                cohort_size=total_there,
                reported=total_here,
                doc_ids=doc_ids,
                proof=[link_evidence(link)],
                key=(link.doc_id, "total", event["event_id"]),
            )
        )
    return checks


def parts_total(parts: pd.DataFrame) -> int | None:
    """The sum of a release's counts by agency (17 FIA + 8 Punjab police), else its
    largest stated total."""
    pieces = parts[~parts["is_total"] & parts["agency"].notna()]
    if not pieces.empty:
        return int(pieces["count"].sum())
    totals = parts[parts["is_total"]]
    return int(totals["count"].max()) if not totals.empty else None


def compare(
    message: str, *, cohort_size: int, reported: int, doc_ids: list[str], proof, key
) -> Check:
    status = "consistent" if reported <= cohort_size else "mismatch"
    verdict = (
        "within the cohort"
        if status == "consistent"
        else "more than the cohort had: both figures cannot be true"
    )
    return Check(
        check_id=stable_id("chk", "cohort", *key),
        check_type="cross_release_cohort",
        status=status,
        doc_ids=doc_ids,
        message=f"{message}: {verdict}",
        expected=float(cohort_size),
        observed=float(reported),
        evidence=proof,
    )


def duration_checks(
    link: CohortLink,
    event: pd.Series,
    finder: DurationFinder,
    texts: dict[str, str],
    working_week: int,
) -> list[Check]:
    """A length stated in the link sentence against the dates the other release gives."""
    if pd.isna(event["start"]) or pd.isna(event["end"]):
        return []
    start, end = pd.Timestamp(event["start"]).date(), pd.Timestamp(event["end"]).date()
    checks = []
    for duration in finder(link.text, link.char_start):
        fits = duration.fits(start, end, working_week=working_week)
        checks.append(
            Check(
                check_id=stable_id("chk", "duration", link.doc_id, str(duration.char_start)),
                check_type="cross_release_duration",
                status="consistent" if fits else "mismatch",
                doc_ids=[event["doc_id"], link.doc_id],
                message=(
                    f"'{duration.text}' in '{link.doc_id}' against the {event['type']} dates "
                    f"{start} to {end} in '{event['doc_id']}'"
                ),
                expected=float(duration.amount),
                observed=float(duration.length(start, end)),
                evidence=[
                    Evidence(link.doc_id, duration.char_start, duration.char_end, duration.text),
                    row_evidence(event, texts),
                ],
            )
        )
    return checks


def link_evidence(link: CohortLink) -> Evidence:
    return Evidence(link.doc_id, link.char_start, link.char_end, link.text)


def row_evidence(row: pd.Series, texts: dict[str, str]) -> Evidence:
    """The words a table row came from."""
    start, end = int(row["char_start"]), int(row["char_end"])
    return Evidence(row["doc_id"], start, end, texts.get(row["doc_id"], "")[start:end])
