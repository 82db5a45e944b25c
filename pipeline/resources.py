"""Loading the rule data under ``models/``: lexicons, patterns and gazetteers as files.

The folder ships inside the installed package as ``pressx.models`` (see ``pyproject.toml``),
so an installed wheel, an editable checkout and every Dask worker read the same files.
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from pathlib import Path


def rules_path(name: str) -> Path:
    """Path of a rule file: absolute paths are kept, others are looked up in ``models/``."""
    path = Path(name)
    return path if path.is_absolute() else Path(str(files("pressx.models") / name))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text lexicon, ``#`` comments dropped."""
    lines = rules_path(name).read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.split("#", 1)[0].strip()))


@cache
def load_json(name: str):
    """A JSON rule file (patterns, mappings)."""
    return json.loads(rules_path(name).read_text(encoding="utf-8"))
