"""`pressx run` end to end: the contract's tables, incremental re-runs, interrupted runs."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest

from pressx.run import RunSettings, run
from pressx.schema import TABLE_NAMES, arrow_schema
from pressx.store import Store
from tests.conftest import CORPUS


@pytest.fixture(scope="module")
def corpus_out(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    summary = run([CORPUS], RunSettings(out=out, progress=False))
    return out, summary


def test_every_table_has_the_contract_columns_and_types(corpus_out):
    out, summary = corpus_out
    assert (summary.n_ok, summary.n_failed) == (14, 0)
    for table in TABLE_NAMES:
        data = pq.ParquetDataset(out / table).read()
        for field in arrow_schema(table):
            assert data.schema.field(field.name).type == field.type, (table, field.name)
        assert len(pd.read_parquet(out / table).columns) == len(arrow_schema(table))
        duckdb.sql(f"select count(*) from read_parquet('{out}/{table}/*.parquet')").fetchall()


def test_documents_table_keeps_text_and_header(corpus_out):
    out, _ = corpus_out
    docs = pd.read_parquet(out / "documents").set_index("doc_id")
    seed = docs.loc["unodc-2020-11-06-female-officers-training"]
    assert seed.published.isoformat() == "2020-11-06"
    assert seed.dateline_location == "Islamabad, Pakistan"
    assert seed.path == "seeds/unodc-2020-11-06-female-officers-training.txt"
    assert seed.text.startswith("UNODC provides specialist training")
    assert seed.n_chars == len(seed.text) and seed.status == "ok"


def test_rerun_skips_unchanged_and_replaces_changed(corpus_out, tmp_path):
    out, _ = corpus_out
    shutil.copytree(out, tmp_path / "out")
    inputs = tmp_path / "in"
    shutil.copytree(CORPUS, inputs)
    again = run([inputs], RunSettings(out=tmp_path / "out", progress=False))
    assert (again.n_ok, again.n_skipped) == (0, 14)

    seed = inputs / "seeds" / "unodc-2021-03-30-coaching-session.txt"
    seed.write_text(seed.read_text().replace("18 female officers", "19 female officers"))
    changed = run([inputs], RunSettings(out=tmp_path / "out", progress=False))
    assert (changed.n_ok, changed.n_skipped) == (1, 13)
    docs = pd.read_parquet(tmp_path / "out" / "documents")
    assert docs.doc_id.value_counts().max() == 1 and len(docs) == 14
    text = docs.set_index("doc_id").loc["unodc-2021-03-30-coaching-session", "text"]
    assert "19 female officers" in text


def test_store_drops_parts_of_uncommitted_batches(tmp_path):
    with Store(tmp_path) as store:
        store.write_batch({"documents": [], "people": []})
        orphan = tmp_path / "people" / "part-dead-000000.parquet"
        shutil.copy(store.parts("people")[0], orphan)
        (tmp_path / "dates" / ".part-x.parquet.1.tmp").write_bytes(b"half")
    with Store(tmp_path) as store:
        assert not orphan.exists()
        assert not list((tmp_path / "dates").glob(".*.tmp"))
        assert len(store.parts("people")) == 1


def test_killed_run_resumes_without_lost_or_duplicated_rows(corpus_out, tmp_path):
    out, _ = corpus_out
    cmd = [sys.executable, "-m", "pressx.cli", "run", str(CORPUS), "--out", str(tmp_path)]
    proc = subprocess.Popen([*cmd, "--batch-size", "1", "--quiet"], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((tmp_path / "documents").glob("part-*.parquet"))) < 3:
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert subprocess.run([*cmd, "--quiet"], stdout=subprocess.DEVNULL).returncode == 0
    for table in TABLE_NAMES:
        resumed, clean = pd.read_parquet(tmp_path / table), pd.read_parquet(out / table)
        key = "check_id" if table == "checks" else "doc_id"
        assert sorted(resumed[key]) == sorted(clean[key]), table


def _canonical(out, table: str) -> list[tuple]:
    """A table's rows as sorted tuples of strings, for comparing runs."""
    df = pd.read_parquet(out / table)
    return sorted(tuple(map(str, row)) for row in df.itertuples(index=False))


@pytest.mark.parametrize(
    ("engine", "workers"), [("local", 2), ("dask", 2)], ids=["process-pool", "dask-local"]
)
def test_engines_write_identical_tables(corpus_out, tmp_path, engine, workers):
    out, _ = corpus_out
    settings = RunSettings(out=tmp_path, engine=engine, workers=workers, progress=False)
    summary = run([CORPUS], settings)
    assert (summary.n_ok, summary.n_failed) == (14, 0)
    for table in TABLE_NAMES:
        assert _canonical(tmp_path, table) == _canonical(out, table), table
