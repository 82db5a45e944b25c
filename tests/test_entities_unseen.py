"""Organisations and people on releases no rule was written against: each case is a sentence
from the archive (``shared/corpus/archive``), one per class of error the dev2 releases showed
(issue 13). The archive file is named beside each case."""

from __future__ import annotations

import pytest


def _org_names(doc) -> set[str]:
    return {o.name for o in doc._.organisations}


@pytest.mark.parametrize(
    ("text", "org", "person"),
    [
        (  # pib_india/2206474.txt
            "Minister of State in the Ministry of Parliamentary Affairs Shri Arjun Ram Meghwal "
            "in Lok Sabha today.",
            "Ministry of Parliamentary Affairs",
            "Arjun Ram Meghwal",
        ),
        (  # kings_ny/2016_03_22_brooklyn-construction-company-owners-plead-guilty-...
            "District Attorney Ken Thompson, together with New York City Department of "
            "Investigation Commissioner Mark G. Peters, today announced the charges.",
            "New York City Department of Investigation",
            "Mark G. Peters",
        ),
        (  # orange_ca (Keep Calm and Beat the Heat rally releases, 2014)
            "Speakers included OCDA Chief of Staff Susan Kang Schroeder, and State Board of "
            "Equalization Vice Chair Michelle Steel.",
            "State Board of Equalization",
            "Michelle Steel",
        ),
    ],
)
def test_person_after_an_organisation_is_not_part_of_its_name(make_doc, text, org, person):
    doc = make_doc(text)
    assert org in _org_names(doc)
    assert person in {p.name for p in doc._.people}


def test_role_after_and_ends_the_organisation(make_doc):
    # pib_india: "Secretary, Department of Consumer Affairs and Chief Commissioner, ..."
    doc = make_doc(
        "The session was addressed by Ms. Nidhi Khare, Secretary, Department of Consumer "
        "Affairs and Chief Commissioner, Central Consumer Protection Authority."
    )
    names = _org_names(doc)
    assert "Department of Consumer Affairs" in names
    assert not any("Chief Commissioner" in n for n in names)


def test_title_case_headline_verb_is_not_a_name_tail(make_doc):
    # kings_ny: "Brooklyn District Attorney’s Office to Hold 2nd Annual Brooklyn Immigration
    # Forum" (headline), then the body names the office again
    doc = make_doc(
        "Brooklyn District Attorney’s Office to Hold Annual Brooklyn Immigration Forum\n\n"
        "The Brooklyn District Attorney’s Office will be joined by nonprofits."
    )
    assert not any(n.endswith("Hold") for n in _org_names(doc))
    assert "Brooklyn District Attorney’s Office" in _org_names(doc)


def test_inline_links_on_their_own_lines_are_release_text(make_doc):
    # miami_dade_fl: scraped pages put each linked name of a sentence on a line of its own
    doc = make_doc(
        "The operation involved our detectives.\nThe\nMiami-Dade State Attorney’s Office\n(SAO)\n"
        "Human Trafficking Task Force\n(HTTF), alongside with the\nCity of Miami Police "
        "Department\n(MPD),\nSpecial Investigations Section\n(SIS),\nFlorida Highway Patrol\n"
        "(FHP),\nHialeah Police Department\n(HPD) and\nSurfside Police Department\n(SPD) "
        "conducted this three (3) day operation.\n"
    )
    names = _org_names(doc)
    assert {"City of Miami Police Department", "Hialeah Police Department"} <= names
    assert "Surfside Police Department" in names
