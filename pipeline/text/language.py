"""Which language a release is written in, from its share of each language's function words."""

from __future__ import annotations

import re
from functools import cache

from pressx.text.resources import load_json

WORD = re.compile(r"[^\W\d_]+")


@cache
def _lexicons(rules: str) -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in load_json(rules).items() if lang != "_doc"}


def detect_language(
    text: str,
    *,
    rules: str = "stopwords.json",
    sample_chars: int = 20_000,
    min_words: int = 20,
    min_share: float = 0.05,
) -> str | None:
    """The best-covered language code; ``und`` (undetermined) when no language's function
    words make up ``min_share`` of the words (Arabic, Hindi: no lexicon); None when the
    text has too few words to tell."""
    words = [w.lower() for w in WORD.findall(text[:sample_chars])]
    if len(words) < min_words:
        return None
    hits = {lang: sum(w in lex for w in words) for lang, lex in _lexicons(rules).items()}
    best = max(hits, key=hits.get)
    return best if hits[best] >= min_share * len(words) else "und"
