"""Sentence starts kept from the layout: after a blank line and after the release's header."""

import pytest

CASES = [
    (
        # a header run into the lead sentence; a line wrapped inside a sentence
        "IJC Operational Update\n2010-07-CA-065\nFor Immediate Release\n\n"
        "A separate security force killed a\nsuspected insurgent and detained two others.",
        "A separate security force killed a\nsuspected insurgent and detained two others.",
    ),
    (
        # the dateline and its dash are not part of the first sentence
        "KABUL, Afghanistan (Jan. 28, 2011) – Numerous insurgents were killed today.",
        "Numerous insurgents were killed today.",
    ),
    (
        # a wrapped title line does not cut the sentence it runs into
        "Forces detain insurgents in Khost\nAn Afghan-led force detained several suspected "
        "insurgents\nin Khost province yesterday.",
        "An Afghan-led force detained several suspected insurgents\nin Khost province yesterday.",
    ),
]


@pytest.mark.parametrize(("text", "sentence"), CASES)
def test_sentence_starts(make_doc, text, sentence):
    doc = make_doc(text)
    assert sentence in [s.text.strip() for s in doc.sents]


def test_lower_case_word_after_a_blank_line_continues_the_sentence(make_doc):
    doc = make_doc("Afghan forces detained a\n\nsuspected insurgent in Khost province today.")
    assert len(list(doc.sents)) == 1
