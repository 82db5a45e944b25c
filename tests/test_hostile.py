"""Hostile input: nothing crashes, nothing is lost, nothing escapes ``--out``."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pressx.cli import main
from pressx.io.inputs import discover, read_sources
from pressx.io.store import Store
from pressx.runners.extract import DocTimeout, ExtractSettings, extract_batch, time_budget
from pressx.runners.run import RunSettings, run
from pressx.tables.records import Source
from pressx.tables.rows import doc_rows
from tests.conftest import CORPUS

SPANISH = (
    "(Dallas, Texas) – El programa Achieve Inspire Motivate (AIM) se enorgullece en anunciar el "
    "rotundo éxito de su segundo concurso anual, una iniciativa única que permite a los "
    "participantes expresarse a través de diversas actividades artísticas. El evento de este año "
    "sigue destacando el poder transformador del arte en el camino hacia la recuperación."
)
SEED = (CORPUS / "seeds" / "unodc-2020-11-06-female-officers-training.txt").read_text()


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("release.txt", SEED)
    return buffer.getvalue()


HOSTILE: dict[str, tuple[bytes, str]] = {
    "empty.txt": (b"", "empty document"),
    "blank.txt": (b"  \n\t\n  ", "empty document"),
    "image.png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10", "binary file"),
    "archive.txt": (_zip_bytes(), "binary file"),
    "nul.md": (b"UNODC\x00\x00\x00training\x00", "binary file"),
    "long-line.txt": (b"x" * 5_000_000, "over the"),
    "broken.jsonl": (b'{"id": "ok-1", "text": "UNODC said so."}\n{broken', "broken JSON line"),
    "fields.jsonl": (b'{"id": "n1", "text": 7}\n{"id": "n2", "title": "No text"}', "`text` field"),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """A folder of hostile files next to a good release, run once."""
    root = tmp_path_factory.mktemp("hostile")
    inputs = root / "in"
    inputs.mkdir()
    for name, (data, _) in HOSTILE.items():
        (inputs / name).write_bytes(data)
    (inputs / "good.txt").write_text(SEED, encoding="cp1252", errors="replace")
    (inputs / "utf16.txt").write_bytes(SEED.encode("utf-16"))
    (inputs / "spanish.txt").write_text(SPANISH)
    (inputs / "page.html").write_text(
        "<html><head><script>alert('x')</script><style>b{}</style></head><body><nav>Home "
        "About</nav><main><p>" + SEED.split("\n\n")[1] + "</p></main></body></html>"
    )
    (inputs / "loop").symlink_to(inputs, target_is_directory=True)
    (inputs / "self.txt").symlink_to(inputs / "self.txt")
    (inputs / "dangling.txt").symlink_to(inputs / "missing.txt")
    out = root / "out"
    code = main(["run", str(inputs), "--out", str(out), "--quiet"])
    docs = pd.read_parquet(out / "documents").set_index("doc_id")
    return root, code, docs


def test_every_file_is_accounted_for_and_the_exit_code_says_some_failed(hostile_run):
    root, code, docs = hostile_run
    assert code == 1
    n_single_files = len(HOSTILE) - 2 + 6  # + good, utf16, spanish, page, self, dangling
    n_jsonl_records = 4
    assert len(docs) == n_single_files + n_jsonl_records
    assert sorted(os.listdir(root)) == ["in", "out"]


@pytest.mark.parametrize("name", [n for n in HOSTILE if not n.endswith(".jsonl")])
def test_bad_file_gets_an_error_row_with_a_message(hostile_run, name):
    _, _, docs = hostile_run
    row = docs.loc[name.rsplit(".", 1)[0]]
    assert row.status == "error"
    assert HOSTILE[name][1] in row.error


@pytest.mark.parametrize(
    ("doc_id", "message"),
    [
        ("ok-1", None),
        ("broken-2", "broken JSON line"),
        ("n1", "JSON record's `text` field is a int, not a string"),
        ("n2", "JSON record's `text` field is missing"),
        ("self", "Too many levels of symbolic links"),
        ("dangling", "broken symbolic link"),
    ],
)
def test_records_and_links(hostile_run, doc_id, message):
    _, _, docs = hostile_run
    row = docs.loc[doc_id]
    assert (row.status, message and message in row.error) == (
        ("ok", None) if message is None else ("error", True)
    )


def test_good_documents_keep_all_their_rows(hostile_run):
    root, _, docs = hostile_run
    for doc_id in ("good", "utf16"):
        assert docs.loc[doc_id].status == "ok"
        assert "“Investigative techniques" in docs.loc[doc_id].text
    assert docs.loc["good"].text == docs.loc["utf16"].text
    people = pd.read_parquet(root / "out" / "people")
    assert "Jeremy Milson" in set(people[people.doc_id == "utf16"].name)
    page = docs.loc["page"]
    assert page.status == "ok" and "alert" not in page.text and "Home" not in page.text


def test_non_english_is_marked_not_mis_extracted(hostile_run):
    root, _, docs = hostile_run
    assert (docs.loc["spanish"].status, docs.loc["spanish"].language) == ("ok", "es")
    for table in ("organisations", "people", "dates", "events", "quotes"):
        assert "spanish" not in set(pd.read_parquet(root / "out" / table).doc_id)


def test_file_that_disappears_during_the_run(tmp_path):
    (tmp_path / "a.txt").write_text(SEED)
    (tmp_path / "b.txt").write_text(SEED)
    files = discover([tmp_path])
    (tmp_path / "b.txt").unlink()
    sources = {s.doc_id: s for s in read_sources(files, max_bytes=10**7)}
    assert sources["a"].error is None
    assert sources["b"].error == "file disappeared before it could be read"


def test_unreadable_file(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_text(SEED)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("pathlib.Path.open", refuse)
    [source] = read_sources(discover([tmp_path]), max_bytes=10**7)
    assert source.error == "permission denied: make the file readable"


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    summary = run([big], RunSettings(out=tmp_path / "out", progress=False))
    assert (summary.n_ok, summary.n_failed) == (0, 1)
    [error] = pd.read_parquet(tmp_path / "out" / "documents").error
    assert error.startswith("file is 52,428,800 bytes, over the 50,000,000-byte limit")


def test_a_failing_component_costs_only_its_document(tmp_path):
    config = tmp_path / "pipeline.cfg"
    text = (CORPUS.parent / "pipeline" / "default.cfg").read_text()
    config.write_text(text.replace('"pressx_checks"]', '"pressx_checks", "test_boom"]'))
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(CORPUS / "seeds" / "unodc-2021-03-30-coaching-session.txt", inputs)
    (inputs / "boom.txt").write_text("This release says BOOM and breaks a component.")
    settings = RunSettings(out=tmp_path / "out", config=str(config), progress=False)
    summary = run([inputs], settings)
    assert (summary.n_ok, summary.n_failed) == (1, 1)
    docs = pd.read_parquet(tmp_path / "out" / "documents").set_index("doc_id")
    assert docs.loc["boom"].error.startswith("extraction failed (ValueError: BOOM)")


def test_a_failure_while_building_rows_costs_only_its_document(monkeypatch):
    """Issue 16: row building (``tables.doc_rows``) is inside the document's isolation."""

    def fragile_rows(doc):
        if "BOOM" in doc.text:
            raise KeyError("participants")
        return doc_rows(doc)

    monkeypatch.setattr("pressx.runners.extract.doc_rows", fragile_rows)
    sources = [Source("good", "g.txt", text=SHORT), Source("bad", "b.txt", text=SHORT + " BOOM")]
    result = extract_batch(sources, ExtractSettings())
    good, bad = result.rows["documents"]
    assert (result.n_ok, result.n_failed) == (1, 1)
    assert (good["status"], bad["status"]) == ("ok", "error")
    assert bad["error"] == "extraction failed (KeyError: 'participants'); please report"
    assert {r["doc_id"] for r in result.rows["participants"]} == {"good"}
    assert [r["count"] for r in result.rows["participants"]] == [25]


@given(st.text(max_size=400))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_arbitrary_text_gives_valid_offsets(make_doc, text):
    doc = make_doc(text)
    doc._.doc_id = "h"
    for table, rows in doc_rows(doc).items():
        for row in rows:
            if table != "checks":
                assert 0 <= row["char_start"] <= row["char_end"] <= len(text), (table, row)


# -- issue 18: no input, fault or second run loses, duplicates or stalls anything -------------

SHORT = "UNODC trained 25 female officers of the Federal Investigation Agency in Islamabad."


def _docs(out) -> pd.DataFrame:
    return pd.read_parquet(out / "documents").set_index("doc_id")


def test_18_3_a_second_writer_stops_and_leaves_the_live_runs_files(tmp_path, capsys):
    """Two runs on one --out: the second stops with a message; it neither recovers (deletes)
    the first run's temporary or uncommitted files nor writes a row."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT)
    out = tmp_path / "out"
    with Store(out):
        in_flight = out / "people" / "part-live-000000.parquet"
        in_flight.write_bytes(b"being written")
        temporary = out / "dates" / ".part-live-000000.parquet.1.tmp"
        temporary.write_bytes(b"half")
        code = main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"])
        message = " ".join(capsys.readouterr().err.split())
        assert code == 2
        assert f"is being written by another pressx run (pid {os.getpid()})" in message
        assert in_flight.exists() and temporary.exists()
        assert not list((out / "documents").glob("part-*"))
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 0
    assert list(_docs(out).index) == ["a"] and not in_flight.exists()


def test_18_4_ids_are_stable_when_namesakes_or_other_roots_are_added(tmp_path):
    """Adding ``b/x.txt`` next to ``a/x.txt`` keeps ``x`` (skipped, not counted twice)."""
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "x.txt").write_text(SHORT)
    out = tmp_path / "out"
    run([tmp_path / "in"], RunSettings(out=out, progress=False))
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "b" / "x.txt").write_text(SHORT.replace("25", "26"))
    again = run([tmp_path / "in"], RunSettings(out=out, progress=False))
    assert (again.n_ok, again.n_skipped) == (1, 1)
    assert sorted(_docs(out).path.items()) == [("in/b/x", "in/b/x.txt"), ("x", "in/a/x.txt")]


def test_18_4_two_roots_with_the_same_relative_path_are_two_releases(tmp_path):
    """``pressx run a/ b/`` with ``x.txt`` in both: two releases, recorded as ``a/x.txt`` and
    ``b/x.txt``; running ``b/`` alone later changes neither; the order of the roots does not
    matter."""
    for root, count in (("a", "25"), ("b", "26")):
        (tmp_path / root).mkdir()
        (tmp_path / root / "x.txt").write_text(SHORT.replace("25", count))
    out, swapped = tmp_path / "out", tmp_path / "swapped"
    first = run([tmp_path / "a", tmp_path / "b"], RunSettings(out=out, progress=False))
    assert (first.n_ok, first.n_skipped) == (2, 0)
    assert sorted(_docs(out).path.items()) == [("b/x", "b/x.txt"), ("x", "a/x.txt")]
    alone = run([tmp_path / "b"], RunSettings(out=out, progress=False))
    assert (alone.n_ok, alone.n_skipped) == (0, 1)
    assert len(_docs(out)) == 2
    run([tmp_path / "b", tmp_path / "a"], RunSettings(out=swapped, progress=False))
    assert sorted(_docs(swapped).path.items()) == sorted(_docs(out).path.items())


def test_18_4_two_roots_of_one_name_are_refused_and_a_file_counts_once(tmp_path, capsys):
    """``x/a/f.txt`` and ``y/a/f.txt`` would share the path ``a/f.txt``: the run stops before
    anything is written; a file under two of the given folders is one release."""
    for parent in ("x", "y"):
        (tmp_path / parent / "a").mkdir(parents=True)
        (tmp_path / parent / "a" / "f.txt").write_text(SHORT)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "x/a"), str(tmp_path / "y/a"), "--out", str(out)]) == 2
    message = " ".join(capsys.readouterr().err.split())
    assert "would both be recorded as a/f.txt: give folders of different names" in message
    assert not out.exists()
    assert [f.relative for f in discover([tmp_path / "x", tmp_path / "x" / "a"])] == ["x/a/f.txt"]


def test_18_1_limits_apply_to_each_document_and_jsonl_streams(tmp_path):
    """A JSONL file larger than the file limit is read record by record; only an over-long
    line is an error; an HTML page of heavy markup is judged by its text."""
    records = [json.dumps({"id": f"r{i}", "text": SHORT}) for i in range(300)]
    records.insert(150, json.dumps({"id": "huge", "text": "x " * 1000}))
    (tmp_path / "feed.jsonl").write_text("\n".join(records))
    page = f"<html><body><script>{'var a = 1; ' * 40_000}</script><p>{SHORT}</p></body></html>"
    (tmp_path / "page.html").write_text(page)
    sources = list(read_sources(discover([tmp_path / "feed.jsonl"]), max_bytes=1_000))
    assert (tmp_path / "feed.jsonl").stat().st_size > 1_000 and len(sources) == 301
    errors = {s.doc_id: s.error for s in sources if s.error}
    assert errors == {"feed-151": "JSON line is over the size limit"}
    assert sources[151].doc_id == "r150" and sources[151].text == SHORT
    wide = list(read_sources(discover([tmp_path / "page.html"]), max_bytes=10**6))
    assert len(page) > 400_000 and wide[0].text == SHORT


def test_18_1_jsonl_in_utf16_is_still_read(tmp_path):
    lines = [json.dumps({"id": "a", "text": SHORT}), json.dumps({"id": "b", "text": "Two."})]
    (tmp_path / "wide.jsonl").write_bytes("\n".join(lines).encode("utf-16"))
    sources = list(read_sources(discover([tmp_path]), max_bytes=10**6))
    assert [(s.doc_id, s.text) for s in sources] == [("a", SHORT), ("b", "Two.")]


def test_18_6_failed_documents_are_retried(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT)
    out = tmp_path / "out"
    first = run([tmp_path / "in"], RunSettings(out=out, max_chars=20, progress=False))
    assert (first.n_failed, _docs(out).loc["a"].status) == (1, "error")
    second = run([tmp_path / "in"], RunSettings(out=out, progress=False))
    assert (second.n_ok, second.n_skipped) == (1, 0)
    assert list(_docs(out).status.items()) == [("a", "ok")]


def test_18_2_a_file_name_that_is_not_utf8_is_escaped_not_fatal(tmp_path):
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9 r\xe9sum\xe9.txt"), "w") as handle:
        handle.write(SHORT)
    code = main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"])
    row = _docs(tmp_path / "out").loc["caf\\xe9 r\\xe9sum\\xe9"]
    assert (code, row.status, row.path) == (0, "ok", "in/caf\\xe9 r\\xe9sum\\xe9.txt")


def test_18_5_time_budget_interrupts_python_code():
    started = time.perf_counter()
    with pytest.raises(DocTimeout), time_budget(0.2):
        while True:
            pass
    assert time.perf_counter() - started < 5


def test_18_5_time_budget_leaves_no_timer_behind():
    """A budget that was not needed cancels its timer: a run of thousands of documents
    keeps no sleeping thread per document."""
    before = threading.active_count()
    for _ in range(50):
        with time_budget(60):
            pass
    assert threading.active_count() == before


# 294,000 characters: about 14 s of extraction on a session machine, so it is over the 4 s
# budget below with room to spare on a machine three times faster (SEED * 10 took 3.5 s
# once the pipeline got faster, and a pool test failed in CI)
SLOW = SEED * 40


def test_18_5_a_slow_document_times_out_and_the_batch_goes_on():
    """A document over a 4 s budget becomes an error row; the release in the same batch
    (2 s) keeps its rows."""
    chain = Source(doc_id="chain", path="chain.txt", text=SLOW)
    seed = Source(doc_id="seed", path="seed.txt", text=SEED)
    result = extract_batch([chain, seed], ExtractSettings(doc_timeout=4.0))
    rows = {r["doc_id"]: r for r in result.rows["documents"]}
    assert rows["chain"]["error"].startswith("timed out: extraction took over 4 s")
    assert rows["seed"]["status"] == "ok"
    assert "Jeremy Milson" in {p["name"] for p in result.rows["people"]}


@pytest.mark.parametrize("char", ["(", "–", "x"])
def test_18_5_degenerate_runs_are_refused_before_the_tokenizer(char):
    """50 KB of "(" or en dashes took the tokenizer 4 minutes; no archive release has a run
    of more than 200 characters without a space."""
    text = f"{SHORT} {char * 50_000} {SHORT}"
    started = time.perf_counter()
    [row] = extract_batch([Source("d", "d.txt", text=text)], ExtractSettings()).rows["documents"]
    assert row["error"].startswith("a run of 50,000 characters without a space")
    assert time.perf_counter() - started < 5


def test_18_5_the_process_pool_keeps_the_budget_too(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chain.txt").write_text(SLOW)
    (tmp_path / "in" / "seed.txt").write_text(SEED)
    out = tmp_path / "out"
    settings = RunSettings(out=out, workers=2, batch_size=1, doc_timeout=4.0, progress=False)
    summary = run([tmp_path / "in"], settings)
    assert (summary.n_ok, summary.n_failed) == (1, 1)
    assert _docs(out).loc["chain"].error.startswith("timed out")


@pytest.mark.heavy
def test_18_5_the_dask_engine_keeps_the_budget_too(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "chain.txt").write_text(SLOW)
    (tmp_path / "in" / "seed.txt").write_text(SEED)
    out = tmp_path / "out"
    settings = RunSettings(
        out=out, engine="dask", workers=1, batch_size=1, doc_timeout=4.0, progress=False
    )
    summary = run([tmp_path / "in"], settings)
    assert (summary.n_ok, summary.n_failed) == (1, 1)
    assert _docs(out).loc["chain"].error.startswith("timed out")


@pytest.mark.heavy
def test_18_5_fifty_thousand_honorifics_take_less_than_the_budget():
    """Was over 5 minutes (quadratic chain walk in pressx_people); English before it, so the
    release is not ``und``."""
    chain = Source(doc_id="chain", path="chain.txt", text=SEED * 6 + "Mr. " * 50_000)
    result = extract_batch([chain], ExtractSettings(doc_timeout=120))
    assert result.rows["documents"][0]["status"] == "ok"


@pytest.mark.parametrize(
    ("sql", "kind"),
    [
        ("copy (select * from documents) to '{out}/documents/part-x.parquet'", "COPY"),
        ("attach '{out}/new.db' as db", "ATTACH"),
        ("install httpfs", "LOAD"),
        ("create table t as select 1", "CREATE"),
        ("set enable_external_access = true", "SET"),
        ("select 1; select 2", None),
    ],
)
def test_18_7_query_refuses_anything_but_reading(sample_out, tmp_path, capsys, sql, kind):
    out = tmp_path / "out"
    shutil.copytree(sample_out, out)
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    code = main(["query", sql.format(out=out), "--out", str(out)])
    message = " ".join(capsys.readouterr().err.split())
    assert code == 1
    assert f"a {kind} statement is refused" in message if kind else "one SQL statement" in message
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


@pytest.mark.parametrize(
    "sql", ["select * from read_csv('/etc/passwd')", "select * from read_text('/etc/hostname')"]
)
def test_18_7_query_reads_no_file_outside_the_output(sample_out, capsys, sql):
    assert main(["query", sql, "--out", str(sample_out)]) == 1
    assert "file system operations are disabled" in " ".join(capsys.readouterr().err.split())


def test_18_8_workers_die_with_their_parent(tmp_path):
    """SIGKILL of ``pressx run --workers 2`` left both pool workers alive for good."""
    (tmp_path / "in").mkdir()
    for i in range(6):
        (tmp_path / "in" / f"chain{i}.txt").write_text(SLOW)
    cmd = [sys.executable, "-m", "pressx.cli", "run", str(tmp_path / "in"), "--quiet"]
    proc = subprocess.Popen(
        [*cmd, "--out", str(tmp_path / "out"), "--workers", "2", "--batch-size", "1"]
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_18_8_sigterm_and_ctrl_c_stop_with_one_line(tmp_path, signum):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-short.txt").write_text(SHORT)
    for i in range(4):
        (tmp_path / "in" / f"chain{i}.txt").write_text(SLOW)
    cmd = [sys.executable, "-m", "pressx.cli", "run", str(tmp_path / "in"), "--quiet"]
    proc = subprocess.Popen(
        [*cmd, "--out", str(tmp_path / "out"), "--batch-size", "1", "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not list((tmp_path / "out" / "documents").glob("part-*")):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.1)
    workers = _children(proc.pid)
    os.killpg(proc.pid, signum)  # as a terminal does: the run and its workers
    stdout, stderr = proc.communicate(timeout=60)
    assert not any(_alive(pid) for pid in workers)
    assert proc.returncode == 130
    assert stdout == ""
    assert " ".join(stderr.split()).startswith("pressx run: interrupted; the batches written")
    assert "Traceback" not in stderr


def _children(pid: int) -> list[int]:
    """Ids of the live child processes of ``pid`` (Linux /proc)."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_18_10_placeholder_publication_dates_do_not_fail_the_release(published):
    """'0001-01-01' and '9999-12-31' made relative dates leave the calendar (OverflowError)."""
    text = f"{SHORT} The next session starts next week; the last one ended last month."
    source = Source("d", "d.jsonl#L1", text=text, published=published)
    result = extract_batch([source], ExtractSettings())
    [row] = result.rows["documents"]
    assert (row["status"], row["published"]) == ("ok", None)
    assert "Federal Investigation Agency" in {o["name"] for o in result.rows["organisations"]}


@pytest.mark.parametrize("digits", [900, 300_001])
def test_18_10_a_huge_number_is_no_crash(digits):
    text = f"{SHORT} Police seized {'9' * digits} tablets, officials said."
    [row] = extract_batch([Source("d", "d.txt", text=text)], ExtractSettings()).rows["documents"]
    assert row["status"] == "ok" if digits < 1_000 else row["error"].startswith("a run of")


@pytest.mark.parametrize(
    "text",
    [
        "أعلن مكتب الأمم المتحدة المعني بالمخدرات والجريمة اليوم عن تدريب خمسة وعشرين ضابطة من "
        "وكالة التحقيقات الاتحادية في إسلام آباد على أساليب التحقيق الحديثة في جرائم الاتجار "
        "بالبشر وتهريب المهاجرين بدعم من الاتحاد الأوروبي",
        "संयुक्त राष्ट्र ड्रग्स और अपराध कार्यालय ने आज इस्लामाबाद में संघीय जांच एजेंसी की पच्चीस "
        "महिला अधिकारियों को मानव तस्करी और प्रवासियों की तस्करी के अपराधों की जांच की आधुनिक "
        "तकनीकों पर प्रशिक्षण दिया जिसे यूरोपीय संघ ने समर्थन दिया",
    ],
    ids=["arabic", "hindi"],
)
def test_18_10_text_with_no_known_function_words_is_und_not_english(text):
    [row] = extract_batch([Source("d", "d.txt", text=text)], ExtractSettings()).rows["documents"]
    assert (row["status"], row["language"], row["n_words"]) == ("ok", "und", 0)


def test_18_9_control_characters_are_shown_not_sent(sample_out, tmp_path, capsys):
    """A release holding ``ESC[2J`` (clear screen) and OSC 52 (clipboard) sequences."""
    (tmp_path / "in").mkdir()
    hostile = f"{SHORT}\x1b[2J\x1b]52;c;cm0gLXJmIH4=\x07 Officials said so.\x9b"
    (tmp_path / "in" / "esc [1].txt").write_text(hostile)
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["show", "esc [1]", "--out", str(out)]) == 0
    assert main(["query", "select doc_id, text from documents", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert not any(c in printed for c in "\x1b\x07\x9b")
    assert "␛[2J" in printed and "␇" in printed and "esc [1].txt" in printed


def test_18_11_usage_and_environment_errors_exit_2_without_a_traceback(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT)
    (tmp_path / "file").write_text("not a folder")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "file"), "--quiet"]) == 2
    assert "it is a file, not a folder" in " ".join(capsys.readouterr().err.split())
    for option in (["--limit", "-1"], ["--workers", "0"], ["--batch-size", "0"]):
        with pytest.raises(SystemExit) as exit_info:
            main(["run", str(tmp_path / "in"), *option])
        assert exit_info.value.code == 2
        assert "must be at least" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["check", "query", "show", "report"])
def test_18_11_every_reader_exits_2_without_output(tmp_path, capsys, command):
    extra = {"query": ["select 1"], "show": ["x"], "report": ["--to", str(tmp_path / "r")]}
    assert main([command, *extra.get(command, []), "--out", str(tmp_path / "missing")]) == 2
    assert "no pressx output" in " ".join(capsys.readouterr().err.split())


def test_18_11_a_full_disk_stops_with_one_line(tmp_path, capsys, monkeypatch):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT)

    def full(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("pressx.io.store._atomic_write", full)
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    message = " ".join(capsys.readouterr().err.split())
    assert message.startswith(f"pressx run: cannot write to {tmp_path / 'out'}: No space left")


def test_18_11_report_deletes_only_the_pages_it_wrote(sample_out, tmp_path):
    to = tmp_path / "report"
    (to / "docs").mkdir(parents=True)
    mine = to / "docs" / "notes.html"
    mine.write_text("the user's own page")
    assert main(["report", "--out", str(sample_out), "--to", str(to)]) == 0
    pages = set((to / "docs").glob("*.html"))
    stale = to / "docs" / "stale.html"
    (to / "docs" / ".pressx-pages").write_text("stale.html\n../index.html")
    stale.write_text("an old page of pressx")
    assert main(["report", "--out", str(sample_out), "--to", str(to)]) == 0
    assert mine.exists() and not stale.exists() and (to / "index.html").exists()
    assert set((to / "docs").glob("*.html")) == pages


@pytest.mark.parametrize("depth", [10, 300, 2_000])
def test_18_11_deeply_nested_html_keeps_its_text(tmp_path, depth):
    """Pages nested deeper than libxml2's default 255 levels were "no main text"."""
    body = "<div>" * depth + f"<p>{SHORT} {SHORT}</p>" + "</div>" * depth
    (tmp_path / "deep.html").write_text(f"<html><body>{body}</body></html>")
    [source] = read_sources(discover([tmp_path]), max_bytes=10**6)
    assert (source.error, source.text) == (None, f"{SHORT} {SHORT}")


@pytest.mark.parametrize("html", ["", "<html></html>", "<html><body></body></html>"])
def test_html_with_nothing_in_it_is_an_error_row(tmp_path, html):
    (tmp_path / "page.html").write_text(html)
    [source] = read_sources(discover([tmp_path]), max_bytes=10**6)
    assert source.error in ("HTML page has no main text", "empty document: the file holds no text")


@pytest.mark.heavy
def test_18_1_a_jsonl_file_of_3000_releases_over_4_mb_is_run_record_by_record(tmp_path):
    text = " ".join([SPANISH] * 4)  # 1,600 characters; Spanish, so no English extraction
    feed = tmp_path / "in" / "feed.jsonl"
    feed.parent.mkdir()
    feed.write_text("\n".join(json.dumps({"id": f"r{i}", "text": text}) for i in range(3_000)))
    assert feed.stat().st_size > 4_000_000
    settings = RunSettings(out=tmp_path / "out", max_chars=2_000, progress=False)
    summary = run([feed], settings)
    assert (summary.n_ok, summary.n_failed) == (3_000, 0)
    assert set(_docs(tmp_path / "out").language) == {"es"}


@pytest.mark.heavy
def test_18_3_two_runs_on_one_output_at_once(tmp_path):
    """The second of two concurrent ``pressx run`` processes stops; nothing is duplicated."""
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"r{i}.txt").write_text(SEED)
    cmd = [sys.executable, "-m", "pressx.cli", "run", str(tmp_path / "in"), "--quiet"]
    cmd += ["--out", str(tmp_path / "out"), "--batch-size", "1"]
    first = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not (tmp_path / "out" / ".pressx.lock").exists():
        assert time.monotonic() < deadline
        time.sleep(0.05)
    second = subprocess.run(cmd, capture_output=True, text=True)
    assert (first.wait(), second.returncode) == (0, 2)
    assert "is being written by another pressx run" in " ".join(second.stderr.split())
    assert sorted(_docs(tmp_path / "out").index) == ["r0", "r1", "r2"]


@pytest.mark.heavy
def test_18_11_an_unreachable_scheduler_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(SHORT)
    args = ["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--quiet"]
    assert main([*args, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]) == 2
    message = " ".join(capsys.readouterr().err.split())
    assert message.startswith("pressx run: cannot reach the dask scheduler at tcp://127.0.0.1:9")
