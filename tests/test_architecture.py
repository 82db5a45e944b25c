"""The house rules of ``pipeline/`` (imported as ``pressx``): each folder imports only the
folders below it, as the README's architecture section describes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "pipeline"
#: What each part may import from pressx besides itself ("config": pressx.config).
ALLOWED = {
    "config": set(),
    "tables": set(),
    "text": {"tables"},
    "io": {"tables", "text", "config", "version"},
    "components": {"tables", "text", "config"},
    "runners": {"components", "io", "tables", "text", "config"},
    "views": {"io", "tables", "text"},
    "api": {"runners", "views", "io", "tables", "text", "config"},
    "cli": {"runners", "views", "io", "tables", "text", "config", "version"},
    "package": {"api"},
}


def _part(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    if len(relative.parts) > 1:
        return relative.parts[0]
    return "package" if relative.stem == "__init__" else relative.stem


def _imported_parts(path: Path) -> set[str]:
    """The parts of pressx a module imports (``from pressx import __version__``: "version")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = node.module.split(".")
            if names[0] != "pressx":
                continue
            if len(names) > 1:
                found.add(names[1])
            else:
                found |= {"version" if a.name == "__version__" else a.name for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("pressx.")}
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_only_the_parts_below_it(path):
    part = _part(path)
    assert part in ALLOWED, f"{path} is in no part of the architecture"
    assert _imported_parts(path) - {part} <= ALLOWED[part]


def test_every_folder_is_a_part():
    folders = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    assert folders == {"components", "io", "runners", "tables", "text", "views"}
