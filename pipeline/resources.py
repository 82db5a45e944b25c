"""Loading the rule data under ``models/``: lexicons, patterns and gazetteers as files."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent.parent / "models"


def rules_path(name: str) -> Path:
    """Path of a rule file: absolute paths are kept, others are looked up under ``models/``."""
    path = Path(name)
    return path if path.is_absolute() else MODELS_DIR / path


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text lexicon, ``#`` comments dropped."""
    lines = rules_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.split("#", 1)[0].strip()))


@cache
def load_json(name: str):
    """A JSON rule file (patterns, mappings)."""
    return json.loads(rules_path(name).read_text(encoding="utf-8"))


@cache
def load_jsonl(name: str) -> tuple[dict, ...]:
    """A JSON-lines rule file, one record a line (e.g. spaCy entity-ruler patterns)."""
    lines = rules_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())
