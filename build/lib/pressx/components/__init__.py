"""pressx spaCy components. Importing this package registers every factory with spaCy."""

from pressx.components import (
    boilerplate,
    breaks,
    checks,
    dates,
    events,
    header,
    organisations,
    participants,
    people,
    quotes,
)

__all__ = [
    "boilerplate",
    "breaks",
    "checks",
    "dates",
    "events",
    "header",
    "organisations",
    "participants",
    "people",
    "quotes",
]
