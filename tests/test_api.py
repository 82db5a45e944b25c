"""The Python API (``pressx.extract``, ``open``, ``load``, ``render``): the README's example run
end to end on the sample corpus, the docstrings' examples, and the tables equal to the ones
``pressx run`` writes."""

from __future__ import annotations

import contextlib
import doctest
import io
import os
import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import pressx
import pressx.api
from pressx.runners.run import RunSettings, run
from pressx.tables.schema import TABLE_NAMES
from pressx.views.evidence import LAYER_BY_TABLE
from pressx.views.query import NoOutputError
from tests.conftest import CORPUS, ROOT

SECTION = "## Python API"
TRAINING = "unodc-2020-11-06-female-officers-training"


def readme_blocks(language: str) -> list[str]:
    """The fenced blocks of one language in the README's Python API section."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", section, flags=re.DOTALL)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    """A folder laid out like the repository after `make run`: corpus/ and outputs/."""
    folder = tmp_path_factory.mktemp("repo")
    (folder / "corpus").symlink_to(CORPUS)
    run([folder / "corpus"], RunSettings(out=folder / "outputs", progress=False))
    return folder


@pytest.fixture(scope="module")
def readme_example(sample_run) -> tuple[dict, str]:
    """The README's Python block run in that folder: its variables and what it printed."""
    [code] = readme_blocks("python")
    namespace: dict = {}
    printed = io.StringIO()
    cwd = Path.cwd()
    os.chdir(sample_run)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(code, "README.md", "exec"), namespace)
    finally:
        os.chdir(cwd)
    return namespace, printed.getvalue()


def test_readme_example_finds_the_training_officers_and_their_words(readme_example):
    namespace, _ = readme_example
    counts = namespace["counts"]
    assert sorted(zip(counts["count"], counts["agency"], strict=True)) == [
        (8, "Punjab police"),
        (17, "FIA"),
    ]
    text = namespace["text"]
    words = [text[r.char_start : r.char_end] for r in counts.itertuples()]
    assert words == ["17 female officers", "8 female police officers"]


def test_readme_example_reads_jeremy_milsons_role(readme_example):
    milson = readme_example[0]["milson"]
    assert milson["role"] == "Country Representative"
    assert milson["organisation"].startswith("United Nations Office on Drugs")


def test_readme_example_queries_the_run_with_sql(readme_example):
    by_agency = readme_example[0]["by_agency"].set_index("agency")["people"]
    assert by_agency["FIA"] == 35  # 17 + 18 officers of the two UNODC releases
    assert by_agency["Punjab police"] == 14


def test_readme_example_renders_with_the_report_colours(readme_example):
    html = readme_example[0]["html"]
    for table in ("people", "organisations", "participants", "dates", "quotes"):
        assert f"background: {LAYER_BY_TABLE[table].colour}" in html, table
    assert "Milson" in html


def test_readme_shows_what_the_example_prints(readme_example):
    """The README's console block is the first lines the example prints."""
    [shown] = readme_blocks("console")
    printed = readme_example[1]
    assert printed.startswith(shown), printed


def test_extract_gives_the_tables_pressx_run_writes(readme_example, sample_run):
    """Same rows, columns and dtypes as ``pandas.read_parquet`` of the run's tables (checks in
    check_id order: the cross-release part sorts first among the run's files)."""
    tables = readme_example[0]["tables"]
    assert list(tables) == list(TABLE_NAMES)
    for table in TABLE_NAMES:
        stored = pd.read_parquet(sample_run / "outputs" / table)
        mine = tables[table]
        if table == "checks":
            stored = stored.sort_values("check_id", ignore_index=True)
            mine = mine.sort_values("check_id", ignore_index=True)
        pd.testing.assert_frame_equal(mine, stored, obj=table)
    assert len(tables["documents"]) == 14
    assert (tables["checks"].check_type == "cross_release_cohort").any()


def test_docstring_examples_run():
    result = doctest.testmod(pressx.api, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 10
    assert result.failed == 0


def test_texts_paths_and_mappings_get_stable_ids(tmp_path):
    """Texts are text-1, text-2 ... in order; a file keeps its name unless a text holds it,
    then it takes its relative path (the rule of `pressx run` for ids already claimed)."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "text-1.txt").write_text("12 officers of the FIA were trained.")
    (tmp_path / "memo.txt").write_text("Mr. Wajid Zia spoke.")
    tables = pressx.extract(["UNODC held a workshop.", tmp_path, "", "A meeting."])
    documents = tables["documents"].set_index("doc_id")
    moved = f"{tmp_path.name}/sub/text-1"  # a path starts with its input folder's name
    assert sorted(documents.index) == sorted(["memo", moved, "text-1", "text-2", "text-3"])
    assert documents.loc["text-2", "error"] == "empty document: the file holds no text"
    assert (documents.drop(index="text-2").status == "ok").all()
    assert documents.loc[moved, "path"] == f"{moved}.txt"
    participants = tables["participants"][["doc_id", "count", "agency"]]
    assert participants.values.tolist() == [[moved, 12, "FIA"]]
    assert list(pressx.extract({"a": "x y", "b": "z"})["documents"].doc_id) == ["a", "b"]


def test_extract_refuses_what_is_neither_text_nor_path():
    with pytest.raises(TypeError, match="not int"):
        pressx.extract(["a text", 3])


def test_a_path_given_as_a_string_is_not_read_as_a_release():
    with pytest.raises(TypeError, match=r"give Path\('corpus/seeds'\)"):
        pressx.extract(str(Path("corpus/seeds")))


def test_open_gives_read_only_views_of_the_run(sample_run):
    con = pressx.open(sample_run / "outputs")
    assert con.execute("select count(*) from documents").fetchone() == (14,)
    with pytest.raises(duckdb.Error):
        con.execute("insert into people select * from people")
    with pytest.raises(duckdb.Error, match="disabled by configuration"):
        con.execute(f"select * from read_text('{ROOT / 'README.md'}')")
    part = next((sample_run / "outputs" / "people").glob("part-*.parquet"))
    before = part.read_bytes()
    for sql in (
        f"copy (select 1 as x) to '{part}'",  # no file of the output folder can be written
        f"select * from read_parquet('{part}')",  # nor read but through the views
    ):
        with pytest.raises(duckdb.Error, match="Permission Error"):
            con.execute(sql)
    assert part.read_bytes() == before


def test_open_without_output_says_what_to_run(tmp_path):
    with pytest.raises(NoOutputError, match="pressx run"):
        pressx.open(tmp_path)


def test_render_draws_only_the_tables_asked_for():
    doc = pressx.load()("Mr. Wajid Zia, Director General of the FIA, spoke on 3 May 2024.")
    html = pressx.render(doc, tables=["people"], jupyter=False)
    assert [(s.text, s.label_) for s in doc.spans["pressx"]] == [("Wajid Zia", "people")]
    assert LAYER_BY_TABLE["people"].colour in html
    assert LAYER_BY_TABLE["dates"].colour not in html
