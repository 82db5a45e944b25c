"""Regular-expression building blocks shared by the rule-reading modules."""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str]) -> str:
    """An alternation of ``words``, escaped, longest first (so "last week" wins over "last")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
