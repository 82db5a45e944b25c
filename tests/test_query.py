"""``pressx query``: SQL over one view per table, in three formats; DuckDB's message on errors."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from pressx.cli import main
from pressx.io.store import Store
from pressx.tables.schema import TABLE_NAMES, column_names
from pressx.views.query import open_tables

TRAINING = "unodc-2020-11-06-female-officers-training"
BY_AGENCY = (
    "select agency, sum(count) as people from participants "
    "where doc_id like 'unodc-%' group by 1 order by 2 desc"
)


def query(capsys, sql: str, out, *options: str) -> tuple[int, str]:
    """The exit status and what was printed (results on stdout, messages on stderr)."""
    status = main(["query", sql, "--out", str(out), *options])
    printed = capsys.readouterr()
    return status, printed.out + printed.err


def test_issue_example_just_works(sample_out, capsys):
    status, text = query(
        capsys, "select agency, sum(count) from participants group by 1", sample_out
    )
    assert status == 0
    assert "agency" in text and "sum(count)" in text
    assert "Punjab Police" in text and "Indian Army" in text


@pytest.mark.parametrize(
    ("fmt", "parse"),
    [
        (
            "csv",
            lambda text: [
                (r["agency"] or None, int(r["people"])) for r in csv.DictReader(io.StringIO(text))
            ],
        ),
        ("json", lambda text: [(r["agency"], r["people"]) for r in json.loads(text)]),
    ],
)
def test_formats_give_the_counts_by_agency(sample_out, capsys, fmt, parse):
    # 17 FIA + 8 Punjab Police = 25 (2020 training); 18 FIA + 6 Punjab Police (2021 coaching)
    status, text = query(capsys, BY_AGENCY, sample_out, "--format", fmt)
    assert status == 0
    assert parse(text) == [("FIA", 35), (None, 25), ("Punjab Police", 14)]


def test_table_format_prints_a_table_with_its_row_count(sample_out, capsys):
    status, text = query(capsys, BY_AGENCY, sample_out)
    assert status == 0
    lines = [line for line in text.splitlines() if "FIA" in line or "Punjab" in line]
    assert [[cell.strip() for cell in line.split("│")[1:3]] for line in lines] == [
        ["FIA", "35"],
        ["Punjab Police", "14"],
    ]
    assert "3 rows" in text


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("02 to 06 November 2020", "2020-11-02", "2020-11-06", "day"),
        ("June 2018", "2018-06-01", "2018-06-30", "month"),
        ("2015-2020", "2015-01-01", "2020-12-31", "year"),
    ],
)
def test_dates_are_dates_and_offsets_point_at_the_words(
    sample_out, capsys, text, start, end, precision
):
    sql = (
        "select d.start, d.end, d.precision, d.start + 1 as next_day, "
        "substring(documents.text, d.char_start + 1, d.char_end - d.char_start) as evidence "
        "from dates d join documents using (doc_id) "
        f"where doc_id = '{TRAINING}' and d.text = '{text}'"
    )
    status, output = query(capsys, sql, sample_out, "--format", "json")
    assert status == 0
    [row] = json.loads(output)
    assert (row["start"], row["end"], row["precision"]) == (start, end, precision)
    assert row["evidence"] == text
    assert row["next_day"] > start  # date arithmetic: a DATE, not a string


def test_check_evidence_is_a_list_of_structs(sample_out, capsys):
    sql = (
        "select e.text, e.char_start from checks, unnest(evidence) as t(e) "
        "where message like '17 FIA + 8 Punjab Police%' order by e.char_start"
    )
    status, text = query(capsys, sql, sample_out, "--format", "csv")
    assert status == 0
    assert text.splitlines() == [
        "text,char_start",
        "17 female,676",
        "8 female,774",
        "25 police,1395",
    ]


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("select nope from participants", 'Referenced column "nope" not found'),
        ("selec * from people", 'syntax error at or near "selec"'),
        ("select * from witnesses", "Table with name witnesses does not exist"),
    ],
)
def test_sql_errors_give_duckdbs_message_not_a_traceback(sample_out, capsys, sql, message):
    status, text = query(capsys, sql, sample_out)
    assert status == 1
    assert text.startswith("pressx query: ")
    assert message in " ".join(text.split())
    assert "Traceback" not in text


def test_missing_output_folder_exits_2(tmp_path, capsys):
    status, text = query(capsys, "select 1", tmp_path / "nothing")
    assert status == 2
    assert "no pressx output" in text and "pressx run" in text


def test_every_table_is_a_view_even_when_empty(tmp_path):
    Store(tmp_path).write_batch({})
    con = open_tables(tmp_path)
    for table in TABLE_NAMES:
        cursor = con.execute(f"select * from {table}")
        assert [d[0] for d in cursor.description] == column_names(table)
        assert cursor.fetchall() == []


def test_reads_committed_parts_only_and_changes_nothing(sample_out, tmp_path, capsys):
    """A part a running (or killed) batch has not committed yet is not read, and not removed."""
    out = tmp_path / "out"
    shutil.copytree(sample_out, out)
    committed = next((out / "quotes").glob("part-*.parquet"))
    in_flight = out / "quotes" / "part-inflight-000000.parquet"
    shutil.copyfile(committed, in_flight)
    status, text = query(
        capsys,
        f"select count(*) as n from quotes where doc_id = '{TRAINING}'",
        out,
        "--format",
        "csv",
    )
    assert status == 0
    assert text.splitlines() == ["n", "5"]
    assert in_flight.exists()


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_brackets_in_values_are_printed_as_written(sample_out, capsys, fmt):
    """'[email\xa0protected]' (a Harris County release) is text, not terminal markup."""
    sql = (
        "select regexp_extract(text, '\\[email[^\\]]*\\]') as contact from documents "
        "where doc_id = 'pros-harris-dmv-title-laundering-charges'"
    )
    status, text = query(capsys, sql, sample_out, "--format", fmt)
    assert status == 0
    assert "[email\xa0protected]" in text
