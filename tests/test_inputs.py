"""Reading inputs: formats, encodings, JSONL records and unique, stable doc ids."""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from pressx.io.inputs import decode, discover, normalise_text, read_sources
from tests.conftest import CORPUS

DEV = CORPUS / "dev"

CURLY = "“Trafficking in Human Beings is a global challenge,” she said."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (CURLY.encode("utf-8"), CURLY),
        (CURLY.encode("cp1252"), CURLY),
        ("Café in Bogotá, señor".encode("latin-1"), "Café in Bogotá, señor"),
        (CURLY.encode("utf-16"), CURLY),
        ("\ufeffFIA officers".encode(), "FIA officers"),
    ],
    ids=["utf8", "cp1252", "latin1", "utf16-bom", "utf8-bom"],
)
def test_decode_encodings(data, expected):
    assert decode(data) == expected


def _sources(tmp_path, files: dict[str, bytes | str]):
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
    return list(read_sources(discover([tmp_path]), max_bytes=10_000_000))


def test_doc_ids_are_stems_and_a_later_namesake_gets_its_folder(tmp_path):
    sources = _sources(
        tmp_path,
        {"a/release.txt": "One.", "b/release.txt": "Two.", "c/other.md": "Three."},
    )
    root = tmp_path.name
    assert [s.doc_id for s in sources] == ["release", f"{root}/b/release", "other"]
    paths = [f"{root}/a/release.txt", f"{root}/b/release.txt", f"{root}/c/other.md"]
    assert [s.path for s in sources] == paths


def test_an_id_does_not_depend_on_the_other_files_of_the_run(tmp_path):
    """Issue 18.4: adding ``b/x.txt`` next to ``a/x.txt`` renamed ``x`` to ``a/x``."""
    [alone] = _sources(tmp_path, {"a/x.txt": "One."})
    both = _sources(tmp_path, {"b/x.txt": "Two."})
    assert alone.doc_id == both[0].doc_id == "x"
    assert [s.doc_id for s in both] == ["x", f"{tmp_path.name}/b/x"]


def test_an_id_stored_for_another_path_is_never_taken_over(tmp_path):
    """``0/x.txt`` sorts first, but ``x`` belongs to ``a/x.txt`` in the output folder."""
    (tmp_path / "a").mkdir()
    (tmp_path / "0").mkdir()
    (tmp_path / "a" / "x.txt").write_text("One.")
    (tmp_path / "0" / "x.txt").write_text("Zero.")
    root = tmp_path.name
    stored = {"x": f"{root}/a/x.txt", "feed-1": f"{root}/feed.jsonl"}
    sources = read_sources(discover([tmp_path]), max_bytes=100, stored=stored)
    expected = [(f"{root}/0/x.txt", f"{root}/0/x"), (f"{root}/a/x.txt", "x")]
    assert [(s.path, s.doc_id) for s in sources] == expected


def test_jsonl_records_and_their_errors(tmp_path):
    lines = [
        json.dumps({"id": "r1", "text": "UNODC said.", "published": "2020-11-06", "url": "u"}),
        "{broken",
        json.dumps({"id": "r2"}),
        json.dumps({"id": "r3", "text": 42}),
        json.dumps({"id": "r1", "text": "A duplicate id."}),
    ]
    sources = _sources(tmp_path, {"feed.jsonl": "\n".join(lines)})
    by_id = {s.doc_id: s for s in sources}
    assert by_id["r1"].published == dt.date(2020, 11, 6)
    assert by_id["r1"].url == "u"
    assert by_id["feed-2"].error.startswith("broken JSON line")
    assert by_id["r2"].error == "JSON record's `text` field is missing"
    assert by_id["r3"].error == "JSON record's `text` field is a int, not a string"
    assert by_id["feed/r1"].text == "A duplicate id."


def test_html_keeps_main_text_not_scripts_or_menus(tmp_path):
    html = (
        "<html><head><title>Officers trained</title><script>var tracker = 1;</script>"
        "<style>p {color: red}</style></head><body><nav><a>Home</a> <a>About us</a></nav>"
        "<article><h1>Officers trained</h1><p>UNODC conducted a training workshop for 25 "
        "female officers of the Federal Investigation Agency in Islamabad.</p><p>The training "
        "ran from 02 to 06 November 2020 and was funded by the European Union.</p></article>"
        "<footer>Copyright 2020</footer></body></html>"
    )
    [source] = _sources(tmp_path, {"page.html": html})
    assert source.title == "Officers trained"
    assert "25 female officers of the Federal Investigation Agency" in source.text
    assert "tracker" not in source.text and "color" not in source.text
    assert "About us" not in source.text


def test_line_separators_become_newlines(tmp_path):
    [source] = _sources(tmp_path, {"isaf.txt": "KABUL, Afghanistan\u2028(Jan. 25, 2013)\r\nText"})
    assert source.text == "KABUL, Afghanistan\n(Jan. 25, 2013)\nText"


PIB_HEADER = "Ministry: Ministry of Defence\nPosted: 17 DEC 2025 2:09PM by PIB Delhi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PIB_HEADER.replace("\n", "\r\n"), PIB_HEADER),
        (PIB_HEADER.replace("\n", "\r"), PIB_HEADER),
        (PIB_HEADER.replace("\n", "\u2028"), PIB_HEADER),
        (PIB_HEADER.replace("\n", "\u2029"), PIB_HEADER),
        (PIB_HEADER.replace("\n", "\r\n\r\n"), PIB_HEADER.replace("\n", "\n\n")),
        ("Posted: 17 DEC 2025\x002:09PM", "Posted: 17 DEC 2025 2:09PM"),
        (PIB_HEADER, PIB_HEADER),
    ],
)
def test_normalise_text_keeps_one_newline_convention_and_no_nul(text, expected):
    assert normalise_text(text) == expected


def test_files_given_one_by_one_are_found_as_their_folder_is(tmp_path):
    folder = tmp_path / "dev"
    shutil.copytree(DEV, folder)
    one_by_one = discover([*sorted(folder.iterdir()), folder])
    assert [f.relative for f in one_by_one] == [f.relative for f in discover([folder])]
    assert len(one_by_one) == 12
