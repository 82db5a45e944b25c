"""pressx spaCy components. Importing this package registers every factory with spaCy."""

from pipeline.components import (
    boilerplate,
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
    "checks",
    "dates",
    "events",
    "header",
    "organisations",
    "participants",
    "people",
    "quotes",
]
