"""Numbers written in releases: digits with Western or Indian grouping, number words, and
decimals before a multiplier word ("6.7 lakh")."""

from __future__ import annotations

import re

from word2number import w2n

DIGITS_RE = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d{1,3}(?:,\d{2})*,\d{3}$|^\d+$")  # 1,20,000
DECIMAL_RE = re.compile(r"^\d+\.\d+$")  # "6.7" lakh


def number_value(words: list[str], multiplier: int = 1) -> int | None:
    """The integer written by ``words`` times ``multiplier``: digits ("2,362", Indian
    "1,20,000"), number words ("twenty five"), or a decimal before a multiplier word ("6.7"
    lakh)."""
    text = " ".join(words).replace("-", " ")
    if DIGITS_RE.match(text):
        return int(text.replace(",", "")) * multiplier
    if multiplier > 1 and DECIMAL_RE.match(text):
        return round(float(text) * multiplier)
    if any(ch.isdigit() for ch in text):
        return None
    try:
        return int(w2n.word_to_num(text)) * multiplier
    except ValueError:
        return None
