"""Stable identifiers: the same thing gets the same id in every document and every run."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def normalise_key(text: str) -> str:
    """Case-, punctuation- and article-insensitive key for a name."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"['’]s\b", "", text).replace(".", "")
    text = " ".join(re.sub(r"[^\w\s]|_", " ", text).split())
    return text.removeprefix("the ")


def stable_id(prefix: str, *parts: str) -> str:
    """``prefix`` plus a short hash of the normalised parts."""
    key = "\x1f".join(normalise_key(p) for p in parts)
    return f"{prefix}_{hashlib.sha1(key.encode()).hexdigest()[:12]}"
