"""Hostile input: nothing crashes, nothing is lost, nothing escapes ``--out``."""

from __future__ import annotations

import io
import os
import shutil
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.cli import main
from pipeline.inputs import discover, read_sources
from pipeline.run import RunSettings, run
from pipeline.tables import doc_rows
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
