"""Written calendar dates: the regular expression that finds them and their normalisation.

Finding is done here (dateparser's ``search_dates`` over whole texts is slow and takes
"We" or "2 days" for dates); dateparser only normalises the expressions found, always in
English and relative to the document's publication date.
"""

from __future__ import annotations

import datetime as dt
import re

import dateparser

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
MONTH_RE = rf"(?:{MONTH}\.?|{MONTH.upper()})"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d{2}"
FULL_DATE = (
    rf"(?:{DAY}\s+{MONTH_RE},?\s+{YEAR}"
    rf"|{MONTH_RE}\s+{DAY},?\s+{YEAR}"
    rf"|{YEAR}-[01]\d-[0-3]\d)"
)
FULL_DATE_RE = re.compile(rf"\b{FULL_DATE}\b")


def _settings(base: dt.date | None) -> dict:
    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return settings


def parse_date(text: str, *, base: dt.date | None = None) -> dt.date | None:
    """Normalise one date expression with dateparser (English, relative to ``base``)."""
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.replace(".", " "))
    parsed = dateparser.parse(cleaned, languages=["en"], settings=_settings(base))
    return parsed.date() if parsed else None
