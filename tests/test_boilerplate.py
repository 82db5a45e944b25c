"""Web-site boilerplate: menus, sidebars of other releases and footers are found; wrapped
sentences, numbered lists, headlines and media-contact blocks of the release are kept; the
model is given the release only, the boilerplate blanked with every offset unchanged."""

from __future__ import annotations

import pytest

from pressx.components.extensions import doc_text, in_boilerplate
from tests.conftest import CORPUS


def _release(corpus_docs, doc_id: str):
    """The processed sample release ``doc_id`` and its text as read from the file."""
    text = next(CORPUS.rglob(f"{doc_id}.txt")).read_text(encoding="utf-8")
    return corpus_docs[doc_id], text


def _covered(doc, text: str, phrase: str) -> bool:
    start = text.index(phrase)
    return in_boilerplate(doc, start, start + len(phrase))


def test_menu_and_recent_news_sidebar(corpus_docs):
    doc, text = _release(corpus_docs, "pros-harris-dmv-title-laundering-charges")
    assert _covered(doc, text, "Alternatives to Prosecution")
    assert _covered(doc, text, "Harris County Grand Jury Indicts 17-Year-Old for Terrorism")
    assert not _covered(doc, text, "DMV employee Carlisha Haywood")


def test_site_footer(corpus_docs):
    doc, text = _release(corpus_docs, "pros-kings-citizens-safety-day-2015")
    assert _covered(doc, text, "Human Trafficking Unit\nFamily Justice Center")
    assert _covered(doc, text, "SEAL YOUR CONVICTION")
    assert not _covered(doc, text, "Brooklyn District Attorney Ken Thompson today announced")


def test_media_coverage_list(corpus_docs):
    doc, text = _release(corpus_docs, "unodc-2020-11-06-female-officers-training")
    assert _covered(doc, text, "Women sleuths can help end human trafficking")
    assert not _covered(doc, text, "Ms. Shahida Gillani, National Project Officer")


def test_wrapped_sentence_kept(corpus_docs):
    doc, text = _release(corpus_docs, "pros-cook-retail-crime-blitz-2025")
    assert not _covered(doc, text, "law enforcement agencies across")


def test_numbered_list_of_defendants_kept(corpus_docs):
    doc, text = _release(corpus_docs, "pros-kings-coney-island-gangs-indictment-2026")
    assert not _covered(doc, text, "1. Randy Belle, 18")
    assert not _covered(doc, text, "15. Andreus Williams, 18")


def test_headline_block_kept(corpus_docs):
    doc, text = _release(corpus_docs, "pros-kings-coney-island-gangs-indictment-2026")
    assert not _covered(doc, text, "Gangs Charged with Numerous Shootings Across Brooklyn")


def test_menu_in_a_snippet(make_doc):
    text = (
        "Skip to main content\nHome\nAbout Us\nCareers\nNewsroom\n"
        "The District Attorney announced charges against two men on Monday.\n"
    )
    doc = make_doc(text)
    assert _covered(doc, text, "About Us")
    assert not _covered(doc, text, "The District Attorney announced charges")


def test_model_is_given_the_release_only(corpus_docs):
    """The sidebar of other releases is blanked (line breaks kept): no token of the model
    holds its words, and every character of the release keeps its offset."""
    doc, text = _release(corpus_docs, "pros-harris-dmv-title-laundering-charges")
    assert len(doc._.boilerplate) >= 2 and len(doc.text) == len(text)
    kept = 0
    for start, end in doc._.boilerplate:
        assert doc.text[kept:start] == text[kept:start]
        assert not doc.text[start:end].strip()
        assert doc.text.count("\n", start, end) == text.count("\n", start, end)
        assert all(t.is_space for t in doc.char_span(start, end, alignment_mode="expand"))
        kept = end
    assert doc.text[kept:] == text[kept:]
    assert "Alternatives to Prosecution" not in doc.text
    assert doc_text(doc) == doc.text  # what the components read is the blanked text


def test_snippet_keeps_its_header_and_offsets(make_doc):
    text = (
        "Skip to main content\nHome\nAbout Us\nCareers\nNewsroom\n"
        "The District Attorney announced charges against two men on Monday.\n"
    )
    doc = make_doc(text)
    assert doc._.boilerplate == [(0, text.index("\nThe District"))]
    assert doc._.title == "The District Attorney announced charges against two men on Monday."
    assert [t.text for t in doc if not t.is_space][:3] == ["The", "District", "Attorney"]


def test_blanked_header_still_gives_a_date_its_year(make_doc):
    """ISAF dev.jsonl isaf-test-0444: the header lines are blanked for the model, but the
    reference number in them still gives "July 16" its year."""
    text = (
        "Afghan and International Forces Detain Insurgents and Recover a Weapons Cache in Kabul\n"
        "ISAF Joint Command - Afghanistan\n2010-07-CA-129\nFor Immediate Release\n\n"
        "A National Directorate of Security (NDS) and ISAF combined force conducted an "
        "operation in Kabul City July 16 to detain a senior Taliban commander."
    )
    doc = make_doc(text)
    assert "2010-07-CA-129" not in doc_text(doc)
    [date] = doc._.dates
    assert (doc.text[date.char_start : date.char_end], str(date.start)) == ("July 16", "2010-07-16")


@pytest.mark.parametrize(
    "doc_id",
    [
        "pros-harris-dmv-title-laundering-charges",
        "pros-kings-citizens-safety-day-2015",
        "unodc-2020-11-06-female-officers-training",
    ],
)
def test_blanked_tokens_are_the_tokenizers(nlp, corpus_docs, doc_id):
    """The model's tokens of a blanked release, built from the first tokenisation, are
    those the tokeniser gives the blanked text: words, whitespace and special-case norms."""
    doc = corpus_docs[doc_id]
    assert doc._.boilerplate
    expected = nlp.tokenizer(doc.text)
    assert [(t.text, t.whitespace_, t.norm_) for t in doc] == [
        (t.text, t.whitespace_, t.norm_) for t in expected
    ]


def test_blanked_snippet_keeps_special_case_norms(make_doc):
    """The menu and the white space around it are one token; the words after it keep the
    norms the tokeniser's special cases give."""
    text = (
        "Skip to main content\nHome\nAbout Us\nCareers\nNewsroom\n"
        "  On Jan. 5 the District Attorney said the men didn't appear in court.\n"
    )
    doc = make_doc(text)
    assert doc._.boilerplate == [(0, text.index("\n  On Jan."))]
    assert [t.text for t in doc][:2] == [doc.text[: text.index("On Jan.")], "On"]
    assert [(t.text, t.norm_) for t in doc if t.text in {"Jan.", "n't"}] == [
        ("Jan.", "January"),
        ("n't", "not"),
    ]
