"""The README keeps up with the code: its data dictionary is the schema's, and its query, show
and report examples run."""

from __future__ import annotations

import shlex

import pytest

from pressx.cli import main
from pressx.tables.schema import (
    README_END,
    README_START,
    TABLES,
    data_dictionary,
    readme_with_dictionary,
)
from pressx.tables.schema import main as schema_main
from tests.conftest import ROOT

README = ROOT / "README.md"
SECTION = "## Querying and reporting"


def test_readme_data_dictionary_is_the_schemas():
    text = README.read_text(encoding="utf-8")
    assert readme_with_dictionary(text) == text, (
        "the README's data dictionary differs from pipeline/tables/schema.py: "
        "run `python -m pressx.tables.schema --write-readme`"
    )


def test_write_readme_replaces_only_the_block(tmp_path):
    readme = tmp_path / "README.md"
    before, after = "# pressx\n\nintro\n\n", "\n\n## How it works\n"
    readme.write_text(f"{before}{README_START}\nstale\n{README_END}{after}", encoding="utf-8")
    schema_main(["--write-readme", str(readme)])
    text = readme.read_text(encoding="utf-8")
    assert text == f"{before}{README_START}\n\n{data_dictionary()}\n{README_END}{after}"
    assert "stale" not in text


def test_readme_without_markers_is_refused():
    with pytest.raises(ValueError, match="data-dictionary:start"):
        readme_with_dictionary("# pressx\n\nno dictionary here\n")


@pytest.mark.parametrize(
    ("table", "row"),
    [
        ("participants", "| `agency` | string? | organisation the counted people belong to |"),
        ("dates", "| `start` | date32[day] | first calendar day covered |"),
        ("quotes", "| `speaker_person_id` | string? | `people.person_id` of a named speaker |"),
    ],
)
def test_dictionary_rows_sit_under_their_table(table, row):
    sections = data_dictionary().split("#### ")
    [section] = [s for s in sections if s.startswith(f"`{table}`")]
    assert row in section
    assert section.count("\n| `") == len(TABLES[table])


def readme_examples() -> list[str]:
    """The `$ pressx ...` lines of the README's querying and reporting section."""
    text = README.read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return [line[2:] for line in section.splitlines() if line.startswith("$ pressx ")]


def test_readme_has_an_example_of_each_command():
    commands = {shlex.split(example)[1] for example in readme_examples()}
    assert commands >= {"query", "show", "report"}


@pytest.mark.parametrize("example", readme_examples())
def test_readme_example_runs(example, sample_out, tmp_path, capsys):
    """Each example runs on the sample corpus (the gold rows; the output folder and the report
    folder are replaced by test folders)."""
    argv = shlex.split(example)[1:]
    assert "--out" not in argv
    argv += ["--out", str(sample_out)]
    if "--to" in argv:
        argv[argv.index("--to") + 1] = str(tmp_path / "report")
    assert main(argv) == 0, capsys.readouterr().out
