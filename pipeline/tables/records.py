"""The small records the components attach to a ``Doc`` and the table writer reads.

Every record extracted from a text carries ``char_start``/``char_end``: Python string
offsets (end exclusive) into the document text of the words it came from. Fields that
are not table columns (such as ``mentions``) are working data for later components.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Offsets = tuple[int, int]


@dataclass(slots=True)
class Organisation:
    org_id: str
    name: str
    acronym: str | None
    aliases: list[str]
    char_start: int
    char_end: int
    mentions: list[Offsets] = field(default_factory=list)

    @property
    def n_mentions(self) -> int:
        return max(1, len(self.mentions))


@dataclass(slots=True)
class Person:
    person_id: str
    name: str
    honorific: str | None
    role: str | None
    organisation: str | None
    char_start: int
    char_end: int
    mentions: list[Offsets] = field(default_factory=list)
    gender: str | None = None

    @property
    def n_mentions(self) -> int:
        return max(1, len(self.mentions))


@dataclass(slots=True)
class DateMention:
    text: str
    start: dt.date
    end: dt.date
    precision: str  # day / month / year
    char_start: int
    char_end: int
    relative: bool = False


@dataclass(slots=True)
class Event:
    event_id: str
    type: str
    title: str | None
    start: dt.date | None
    end: dt.date | None
    location: str | None
    organisers: list[str]
    participants_total: int | None
    status: str  # held / scheduled / unknown
    char_start: int
    char_end: int
    mentions: list[Offsets] = field(default_factory=list)
    #: the counts of ``doc._.participants`` that belong to the event, by their offsets
    counts: list[Offsets] = field(default_factory=list)


def event_of_counts(events: list[Event]) -> dict[Offsets, str]:
    """The event each count belongs to (``Event.counts``), by the count's offsets: the
    ``event_id`` column of the participants table."""
    return {offsets: event.event_id for event in events for offsets in event.counts}


@dataclass(slots=True)
class Participant:
    count: int
    qualifier: str  # exact / approx / at_least / at_most
    description: str
    agency: str | None
    is_total: bool
    char_start: int
    char_end: int
    category: str = (
        "participants"  # participants / victims / defendants / killed / detained / other
    )
    part_group: int | None = None  # parts listed together ("17 ... and 8 ...") share it
    derived: bool = False  # a sum the release implies ("people detained in all"), not stated

    @property
    def offsets(self) -> Offsets:
        """Where the count is written: the key of ``Event.counts``."""
        return (self.char_start, self.char_end)


@dataclass(slots=True)
class Quote:
    quote_id: str
    text: str
    speaker: str | None
    speaker_person_id: str | None
    cue: str | None
    char_start: int
    char_end: int


@dataclass(slots=True)
class Evidence:
    doc_id: str
    char_start: int
    char_end: int
    text: str


@dataclass(slots=True)
class Check:
    check_id: str
    check_type: str
    status: str  # consistent / mismatch / unverifiable
    doc_ids: list[str]
    message: str
    expected: float | None
    observed: float | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Source:
    """One release to process (or the error that stopped it)."""

    doc_id: str
    path: str
    text: str | None = None
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    error: str | None = None
