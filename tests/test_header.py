"""Release headers: title, publication date and dateline place in their usual forms."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.mark.parametrize(
    ("text", "published", "place"),
    [
        (
            "UNODC provides specialist training\n\n06 November 2020 - Islamabad, Pakistan: We "
            "know that women are underrepresented.",
            dt.date(2020, 11, 6),
            "Islamabad, Pakistan",
        ),
        (
            "UNODC delivers coaching sessions\n\nIslamabad, Pakistan - 30 March 2021 – A key "
            "aspect of the work is this.",
            dt.date(2021, 3, 30),
            "Islamabad, Pakistan",
        ),
        ("ISLAMABAD - The training was held today.", None, "Islamabad"),
        (
            "Title: Fourth meeting of the Steering Committee\nMinistry: Ministry of Health\n"
            "Posted: 17 DEC 2025 9:04AM by PIB Delhi\nURL: https://pib.gov.in/x",
            dt.date(2025, 12, 17),
            "Delhi",
        ),
        (
            "2013-01-S-025\n\nKABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation",
            dt.date(2013, 1, 25),
            "Kabul, Afghanistan",
        ),
        ("FOR IMMEDIATE RELEASE May 2, 2024\nThe State's Attorney announced charges.", None, None),
        (
            "(Houston, TX) - Today, the Harris County District Attorney's Office announced.",
            None,
            "Houston, TX",
        ),
    ],
    ids=["date-place", "place-date", "caps-dash", "pib-posted", "isaf", "immediate", "paren"],
)
def test_header_forms(make_doc, text, published, place):
    doc = make_doc(text)
    if "FOR IMMEDIATE RELEASE" in text:
        published = dt.date(2024, 5, 2)
    assert doc._.published == published
    assert doc._.dateline_location == place


def test_sidebar_of_dated_titles_is_not_a_publication_date(corpus_docs):
    doc = corpus_docs["pros-harris-dmv-title-laundering-charges"]
    assert doc._.published is None
    assert doc._.dateline_location == "Houston, TX"


def test_pib_title_line(corpus_docs):
    doc = corpus_docs["pib-2207470-good-governance-webinar"]
    assert doc._.title.startswith("33rd Webinar of the National Good Governance Webinar")
