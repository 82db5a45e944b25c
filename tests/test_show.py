"""``pressx show``: the release with each row's evidence in its table's colour, then the rows."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from pressx.cli import main
from pressx.views.evidence import Span, load_document, segments
from pressx.views.query import open_tables
from pressx.views.show import highlighted_text, layer_style, suggestions

TRAINING = "unodc-2020-11-06-female-officers-training"


@pytest.fixture(scope="module")
def training(sample_out):
    return load_document(open_tables(sample_out), TRAINING)


def styled(text, style: str) -> list[str]:
    """The pieces of a rich Text whose style starts with ``style`` (adjacent pieces joined)."""
    pieces: list[list[int]] = []
    for span in sorted(text.spans, key=lambda s: s.start):
        if not str(span.style).startswith(style):
            continue
        if pieces and pieces[-1][1] == span.start:
            pieces[-1][1] = span.end
        else:
            pieces.append([span.start, span.end])
    return [text.plain[start:end] for start, end in pieces]


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ("participants", ["17 female", "8 female", "25 police"]),
        ("dates", ["06 November 2020", "02 to 06 November 2020", "2015-2020", "June 2018"]),
        ("people", ["Jeremy Milson", "Martin Reeve", "Wajid Zia", "Androulla Kaminara"]),
        (
            "events",
            ["Investigative techniques in tackling human trafficking and migrants smuggling"],
        ),
    ],
)
def test_evidence_is_drawn_in_its_tables_colour(training, table, expected):
    pieces = styled(highlighted_text(training), layer_style(table))
    assert pieces[: len(expected)] == expected


def test_check_evidence_is_underlined_on_top_of_the_count(training):
    text = highlighted_text(training)
    assert styled(text, f"{layer_style('participants')} underline") == [
        "17 female",
        "8 female",
        "25 police",
    ]
    assert styled(text, f"{layer_style('dates')} underline") == []


def test_a_count_inside_a_quote_shows_the_counts_colour(training):
    """'I feel honored today to address 25 police officers ...': the quote is drawn in the
    quotes colour around the count, which keeps its own."""
    text = highlighted_text(training)
    [quote] = [q for q in training.rows["quotes"] if "25 police officers" in q["text"]]
    quote_start = quote["char_start"]
    count_start = training.text.index("25 police")
    styles = {str(s.style) for s in text.spans if s.start <= count_start < s.end}
    assert styles == {f"{layer_style('participants')} underline"}
    assert any(
        str(s.style) == layer_style("quotes") and s.start == quote_start and s.end == count_start
        for s in text.spans
    )


@pytest.mark.parametrize(
    ("sentence", "spans", "expected"),
    [
        (
            "17 female officers from the Federal Investigation Agency’s (FIA)",
            [Span("participants", 0, 0, 18), Span("organisations", 0, 28, 56)],
            [
                ("17 female officers", ("participants",)),
                (" from the ", ()),
                ("Federal Investigation Agency", ("organisations",)),
                ("’s (FIA)", ()),
            ],
        ),
        (
            "address 25 police officers representing the FIA",
            [
                Span("quotes", 0, 0, 47),
                Span("participants", 0, 8, 26),
                Span("organisations", 0, 44, 47),
            ],
            [
                ("address ", ("quotes",)),
                ("25 police officers", ("quotes", "participants")),
                (" representing the ", ("quotes",)),
                ("FIA", ("quotes", "organisations")),
            ],
        ),
        (
            "Jeremy Milson, UNODC Country Representative",
            [Span("people", 0, 0, 13), Span("people", 1, 30, 99), Span("dates", 0, 5, 5)],
            [("Jeremy Milson", ("people",)), (", UNODC Country Representative", ())],
        ),
    ],
)
def test_segments_cut_the_text_at_every_span_boundary(sentence, spans, expected):
    """Nested spans stack in drawing order; empty spans and spans past the text are left out."""
    result = segments(len(sentence), spans)
    assert [(sentence[s.start : s.end], s.layers) for s in result] == expected
    assert "".join(sentence[s.start : s.end] for s in result) == sentence


def test_show_prints_text_legend_and_rows(sample_out, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    assert main(["show", TRAINING, "--out", str(sample_out)]) == 0
    text = capsys.readouterr().out
    assert "UNODC provides specialist training to female law enforcement officers" in text
    assert "participants 3" in text and "people 5" in text
    flat = " ".join(text.split())
    assert "676-685 │ 17 female" in flat  # offsets and the words they point at
    assert "Federal Investigation Agency" in flat and "FIA" in flat
    assert "17 FIA + 8 Punjab Police = 25 participants" in flat  # the check citing it
    assert "“25 police” 1395-1404" in flat


def test_show_colours_the_terminal(training):
    """A true-colour terminal gets the participants background (#ffb8b8) on '17 female'."""
    console = Console(record=True, force_terminal=True, color_system="truecolor", width=100)
    console.print(highlighted_text(training))
    ansi = console.export_text(styles=True)
    assert re.search(r"\x1b\[[0-9;]*48;2;255;184;184m17 female", ansi)


def test_unknown_document_suggests_close_ids(sample_out, capsys):
    assert main(["show", "unodc-2020", "--out", str(sample_out)]) == 1
    text = " ".join(capsys.readouterr().err.split())
    assert "no document 'unodc-2020'" in text
    assert "did you mean: unodc-2020-11-06-female-officers-training" in text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("coaching", ["unodc-2021-03-30-coaching-session"]),
        (
            "pros-harris",
            ["pros-harris-dmv-title-laundering-charges", "pros-harris-father-son-extradition"],
        ),
        ("pib-2207272-divya-kala-mel", ["pib-2207272-divya-kala-mela"]),
    ],
)
def test_suggestions(sample_out, typed, expected):
    known = [
        r[0] for r in open_tables(sample_out).execute("select doc_id from documents").fetchall()
    ]
    assert suggestions(typed, sorted(known))[: len(expected)] == expected
