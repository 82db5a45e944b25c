"""People: names without honorifics, roles before and after the name, the organisation a
role belongs to, surname/role/pronoun mentions, ids stable across releases."""

from __future__ import annotations

import pytest


def _people(doc):
    return {p.name: p for p in doc._.people}


@pytest.mark.parametrize(
    ("text", "name", "honorific", "role", "organisation"),
    [
        (
            "Welcoming the participants, Jeremy Milson, UNODC Country Representative said, "
            "“We are proud.”",
            "Jeremy Milson",
            None,
            "Country Representative",
            "UNODC",
        ),
        (
            "Wajid Zia, Director General FIA, in his opening remarks, thanked UNODC.",
            "Wajid Zia",
            None,
            "Director General",
            "FIA",
        ),
        (
            "Highlighting the importance of women’s role in Policing, Androulla Kaminara, "
            "Ambassador of the European Union to Pakistan she said, “It is a challenge.”",
            "Androulla Kaminara",
            None,
            "Ambassador",
            "European Union",
        ),
        (
            "Prime Minister Shri Narendra Modi today addressed the Closing Ceremony.",
            "Narendra Modi",
            "Shri",
            "Prime Minister",
            None,
        ),
        (
            "For more information, please contact:\n\nMs. Shahida Gillani, National Project "
            "Officer\n",
            "Shahida Gillani",
            "Ms.",
            "National Project Officer",
            None,
        ),
        (
            "The Governor of Assam, Laxman Prasad Acharya graced the occasion as the chief guest.",
            "Laxman Prasad Acharya",
            None,
            "Governor of Assam",
            None,
        ),
        (
            "On July 9, 2025, DMV employee Carlisha Haywood was charged with Bribery.",
            "Carlisha Haywood",
            None,
            "employee",
            "DMV",
        ),
        (
            "Francisco Castillo Lopez, 42, is the father of both victims and has been charged.",
            "Francisco Castillo Lopez",
            None,
            "father of both victims",
            None,
        ),
        (
            "The meeting was attended by Dr. Rajiv Bahl, Secretary, Department of Health (DHR).",
            "Rajiv Bahl",
            "Dr.",
            "Secretary",
            "Department of Health",
        ),
    ],
)
def test_name_honorific_role_organisation(make_doc, text, name, honorific, role, organisation):
    person = _people(make_doc(text))[name]
    assert (person.honorific, person.role) == (honorific, role)
    if organisation is None:
        assert person.organisation is None
    else:
        assert organisation in person.organisation or person.organisation.endswith(organisation)


def test_plural_role_shared_by_listed_names(make_doc):
    text = (
        "The case is being prosecuted by Senior Assistant District Attorneys Daniel Stern, "
        "Matthew Bennett, Katrina Gomez, and Jonathan Gross, under the supervision of Deputy "
        "Bureau Chiefs Gillian DiPietro and Karen Varriale."
    )
    people = _people(make_doc(text))
    for name in ("Daniel Stern", "Matthew Bennett", "Katrina Gomez", "Jonathan Gross"):
        assert people[name].role == "Senior Assistant District Attorney"
    assert people["Karen Varriale"].role == "Deputy Bureau Chief"


def test_numbered_list_takes_role_from_heading(corpus_docs):
    people = _people(corpus_docs["pros-kings-coney-island-gangs-indictment-2026"])
    assert people["Randy Belle"].role == "defendant"
    assert people["Andreus Williams"].role == "defendant"


def test_surname_and_pronoun_mentions(corpus_docs):
    doc = corpus_docs["unodc-2020-11-06-female-officers-training"]
    people = _people(doc)
    milson = people["Jeremy Milson"]
    assert [doc.text[s:e] for s, e in milson.mentions] == ["Jeremy Milson", "HE"]
    assert milson.gender == "m"
    kaminara = people["Androulla Kaminara"]
    assert kaminara.gender == "f"
    assert [doc.text[s:e] for s, e in kaminara.mentions] == ["Androulla Kaminara", "she"]


def test_surname_mentions_counted(corpus_docs):
    doc = corpus_docs["pib-2206290-one-health-steering-committee"]
    sood = _people(doc)["Ajay K. Sood"]
    texts = [doc.text[s:e] for s, e in sood.mentions]
    assert texts.count("Sood") == 3
    assert doc.text[sood.char_start : sood.char_end] == "Ajay K. Sood"


def test_initials_merge_with_full_name(corpus_docs):
    people = _people(corpus_docs["pib-2206790-who-traditional-medicine-summit"])
    assert "Jagat Prakash Nadda" in people
    assert "J P Nadda" not in people


def test_person_ids_stable_across_seed_releases(corpus_docs):
    first = _people(corpus_docs["unodc-2020-11-06-female-officers-training"])
    second = _people(corpus_docs["unodc-2021-03-30-coaching-session"])
    for name in ("Martin Reeve", "Shahida Gillani"):
        assert first[name].person_id == second[name].person_id
    assert first["Martin Reeve"].person_id != first["Shahida Gillani"].person_id


@pytest.mark.parametrize(
    "text",
    [
        "We know that women are underrepresented in institutions responding to Migrant "
        "Smuggling and migrant smuggling.",
        "Prime Minister Shri Narendra Modi delivers Closing Address at the Summit, to address "
        "the gathering.",
    ],
)
def test_common_words_are_not_people(make_doc, text):
    names = set(_people(make_doc(text)))
    assert not names & {"Migrant Smuggling", "Closing Address"}


# (setting, value, text, people as (name, role) by default, with the setting changed)
SETTINGS = [
    (  # kings_ny/2026_05_11_fifteen-alleged-members-...: the heading is two lines up
        "max_heading_lines",
        1,
        "DEFENDANT ADDENDUM:\nFOG/Koney Sides members\n1. Randy Belle, 18\n2. Kristian "
        "Blackstock, 17",
        [("Randy Belle", "defendant"), ("Kristian Blackstock", "defendant")],
        [("Randy Belle", None), ("Kristian Blackstock", None)],
    ),
    (  # san_diego_ca/news_10-charged-organized-insurance-fraud-ring
        "max_age_chars",
        1,
        "The defendants include:\nMichael Cusi, 32, of San Diego\nFrancisco Javier Rodriguez, 33, "
        "of Chula Vista",
        [("Michael Cusi", "defendant"), ("Francisco Javier Rodriguez", "defendant")],
        [("Michael Cusi", None)],
    ),
    (  # miami_dade_fl/press-release_for-immediate-release-two-caregivers-charged-...
        "max_age_tokens",
        1,
        "State Attorney Katherine Fernandez Rundle and Hialeah Police Chief George Fuente "
        "announce the arrests of\n49-year-old Anntoinette Deloris Woods\nand her",
        [
            ("Katherine Fernandez Rundle", "State Attorney"),
            ("George Fuente", "Hialeah Police Chief"),
            ("Anntoinette Deloris Woods", None),
        ],
        [
            ("Katherine Fernandez Rundle", "State Attorney"),
            ("George Fuente", "Hialeah Police Chief"),
        ],
    ),
    (  # harris_tx/Newsroom_News-Releases_harris-county-district-attorney-announces-...
        "max_lower_role_tokens",
        2,
        "Francisco Castillo Lopez, 42, is the father of both victims and has been charged with "
        "ten felonies.",
        [("Francisco Castillo Lopez", "father of both victims")],
        [("Francisco Castillo Lopez", "father")],
    ),
    (  # miami_dade_fl/press-release_media-advisory-neighbor-guardian-charged-...
        "min_name_words",
        3,
        "Miami-Dade State Attorney Katherine Fernandez Rundle announces the arrest and charging "
        "of 62-year-old Nilo Somoano after an investigation into the exploitation of an elderly "
        "neighbor.",
        [
            ("Katherine Fernandez Rundle", "Miami-Dade State Attorney"),
            ("Nilo Somoano", "defendant"),
        ],
        [("Katherine Fernandez Rundle", "Miami-Dade State Attorney")],
    ),
]


@pytest.mark.parametrize(("setting", "value", "text", "default", "changed"), SETTINGS)
def test_settings_are_honoured(make_doc, component, setting, value, text, default, changed):
    doc = make_doc(text)
    assert [(p.name, p.role) for p in doc._.people] == default
    finder = component("pressx_people", **{setting: value})
    assert [(p.name, p.role) for p in finder(doc)._.people] == changed
