"""Regular-expression building blocks shared by the rule-reading modules."""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words``, escaped, longest first (so "last week" wins over "last");
    a space matches any white space, line breaks of wrapped text included."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    return "|".join(escaped)
