"""Loading the rule data under ``models/``: lexicons, patterns and gazetteers as files.

The folder ships inside the installed package as ``pressx.models`` (see ``pyproject.toml``),
so an installed wheel, an editable checkout and every Dask worker read the same files.

Every file states the version of its format (``"version"`` in a JSON file, a first line
``# version: N`` in a word list); a file of another version (a user's copy written for an
older or newer pressx) is refused with a message naming it, rather than misread.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files
from pathlib import Path

#: The version of the rule-file format this pressx reads.
RULES_VERSION = 1
VERSION_LINE = re.compile(r"#\s*version:\s*(\d+)")


class RuleFileError(ValueError):
    """A rule file this pressx cannot read."""


def rules_path(name: str) -> Path:
    """Path of a rule file: absolute paths are kept, others are looked up in ``models/``."""
    path = Path(name)
    return path if path.is_absolute() else Path(str(files("pressx.models") / name))


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Non-empty lines of a text lexicon, ``#`` comments dropped."""
    lines = rules_path(name).read_text(encoding="utf-8").splitlines()
    found = VERSION_LINE.match(lines[0]) if lines else None
    _check_version(name, int(found.group(1)) if found else None)
    return tuple(s for line in lines if (s := line.split("#", 1)[0].strip()))


@cache
def load_json(name: str):
    """A JSON rule file (patterns, mappings), without its ``version``."""
    data = json.loads(rules_path(name).read_text(encoding="utf-8"))
    _check_version(name, data.pop("version", None))
    return data


def _check_version(name: str, version: int | None) -> None:
    if version != RULES_VERSION:
        raise RuleFileError(
            f"rule file {rules_path(name)} is of format version {version}; this pressx reads "
            f"version {RULES_VERSION} (start from the file shipped in pressx/models)"
        )
