"""Organisations: names from head words, acronyms tied to long forms, roles kept out, ids
stable across releases. Sentences are taken from the sample releases."""

from __future__ import annotations

import pytest
import spacy

from pressx.config import load_config


def _orgs(doc):
    return {o.name: o for o in doc._.organisations}


@pytest.mark.parametrize(
    ("text", "name", "acronym"),
    [
        (
            "17 female officers from the Federal Investigation Agency’s (FIA) Anti-Human "
            "Trafficking units participated.",
            "Federal Investigation Agency",
            "FIA",
        ),
        (
            "Officers of the FIA (Federal Investigation Agency) took part in the training.",
            "Federal Investigation Agency",
            "FIA",
        ),
        (
            "Steered by the Office of the Principal Scientific Adviser (OPSA), it brings "
            "together over 16 Ministries.",
            "Office of the Principal Scientific Adviser",
            "OPSA",
        ),
        (
            "Ministry of Environment, Forests and Climate Change (MoEF&CC); Department of "
            "Animal Husbandry and Dairying (DAHD).",
            "Ministry of Environment, Forests and Climate Change",
            "MoEF&CC",
        ),
        (
            "In partnership with the Cook County State’s Attorney Regional Organized Crime Task "
            "Force (CCROC), the CCSAO spearheaded the effort.",
            "Cook County State’s Attorney Regional Organized Crime Task Force",
            "CCROC",
        ),
        (
            "GLO.ACT-Bangladesh is a parallel initiative also financed by the EU and "
            "implemented with IOM.",
            "GLO.ACT-Bangladesh",
            None,
        ),
    ],
)
def test_acronyms_tied_to_long_forms(make_doc, text, name, acronym):
    org = _orgs(make_doc(text))[name]
    assert org.acronym == acronym


@pytest.mark.parametrize(
    ("text", "expected", "not_orgs"),
    [
        (
            "Welcoming the participants, Jeremy Milson, UNODC Country Representative said, "
            "“We are proud.” The United Nations Office on Drugs and Crime (UNODC) leads.",
            {"United Nations Office on Drugs and Crime"},
            {"UNODC Country Representative", "Country Representative"},
        ),
        (
            "The training was delivered in a hybrid manner led by Martin Reeve, GLO.ACT "
            "Regional Advisor and a pool of national experts.",
            set(),
            {"Regional Advisor", "GLO.ACT Regional Advisor"},
        ),
        (
            "Building on the visit of Commander UAE Presidential Guard on 15-19 December 2025.",
            {"UAE Presidential Guard"},
            {"Commander UAE Presidential Guard"},
        ),
        (
            "Since 2022, the Harris County District Attorney's Fugitive Apprehension Unit has "
            "been working with the U.S. Department of Justice’s Office of International "
            "Affairs and the U.S. Marshals Service.",
            {
                "Fugitive Apprehension Unit",
                "U.S. Department of Justice",
                "Office of International Affairs",
                "U.S. Marshals Service",
            },
            {"Justice’s Office of International Affairs"},
        ),
        (
            "The welcome was given by the Cook County State’s Attorney’s Office in Chicago.",
            {"Cook County State’s Attorney’s Office"},
            {"Attorney’s Office"},
        ),
        (
            "He welcomed the joint initiative of the Ministry of Ayush and the WHO Global "
            "Centre for Traditional Medicine.",
            {"Ministry of Ayush", "WHO Global Centre for Traditional Medicine"},
            set(),
        ),
        (
            # names listed as examples of a kind of organisation
            "Participation from approximately\n60\nretailers, including major brands such as "
            "Walgreens, The Home Depot and Ulta Beauty.",
            {"Walgreens", "Home Depot", "Ulta Beauty"},
            set(),
        ),
        (
            # a federal office named after its judicial district
            "Ronald DeWald, Counsel to the United States Attorney for the Northern District of "
            "Illinois; and University of Chicago economist Jens Ludwig.",
            {"United States Attorney for the Northern District of Illinois"},
            set(),
        ),
        (
            # a court whose ordinal's suffix a web page broke onto a line of its own
            "An initial court date for both Defendents is scheduled for July 11 at 9 a.m. in the "
            "496\nth\nCriminal Court.",
            {"496th Criminal Court"},
            {"Criminal Court"},
        ),
        (
            # descriptions made only of generic words name no organisation
            "Senior officials of the Union Government, delegates from member countries, "
            "researchers, and representatives of international organisations were present at the "
            "event.",
            set(),
            {"Union Government"},
        ),
        (
            # a head followed by a word naming a thing: a portal, not an organisation
            "During the event, the Prime Minister launched the My Ayush Integrated Services "
            "Portal, aimed at providing seamless access to Ayush services, information and "
            "digital health solutions for citizens.",
            set(),
            {"Ayush Integrated Services", "My Ayush Integrated Services"},
        ),
        (
            "In pursuance of the Prime Minister’s directions, the DARPG has conducted 33 National "
            "Good Governance Webinars, one Webinar every month, since April, 2022 to encourage "
            "dissemination and replication of the award-winning nominations under the Scheme of "
            "Prime Minister’s Award for Excellence in Public Administration.",
            set(),
            {"Public Administration"},
        ),
        # gangs and crews: no head word, named before a group noun or listed after a cue
        (
            "15 alleged members of two subsets of the 59 Brim Bloods violent street gang known "
            "as FOG and Koney Sides, based in Coney Island, have been charged.",
            {"59 Brim Bloods", "FOG", "Koney Sides"},
            {"Coney Island"},
        ),
        (
            "Rival gangs to FOG are numerous. They include WOOO, Choo, 780, Folk Nation, R2R, "
            "and Drench, variously based in Brownsville and East Flatbush.",
            {"WOOO", "Choo", "780", "Folk Nation", "R2R", "Drench"},
            {"Brownsville", "East Flatbush"},
        ),
        (
            "The defendants are members of a violent street gang known as Brick Squad, a.k.a., "
            "Immortal Stone Gorilla Gang (ISGG).",
            {"Brick Squad", "Immortal Stone Gorilla Gang"},
            set(),
        ),
        (
            # a people or a place before the group noun, places in a list, a title-case line
            "The defendant, a member of a Korean criminal street gang, also sold drugs in "
            "jurisdictions outside New York City including Binghamton, New York and Bangor, "
            "Maine.\nThirty-Five Alleged Gang Members Charged Including Four Innocent Bystanders",
            set(),
            {"Korean", "Binghamton", "Bangor", "Maine", "Five Alleged", "Four Innocent Bystanders"},
        ),
    ],
)
def test_names_roles_and_possessives(make_doc, text, expected, not_orgs):
    names = set(_orgs(make_doc(text)))
    assert expected <= names
    assert not names & not_orgs


def test_leading_the_and_possessive_stripped(make_doc):
    text = "Officers from the Federal Investigation Agency’s units took part."
    doc = make_doc(text)
    org = _orgs(doc)["Federal Investigation Agency"]
    assert doc.text[org.char_start : org.char_end] == "Federal Investigation Agency"


def test_mentions_counted_across_forms(corpus_docs):
    doc = corpus_docs["unodc-2020-11-06-female-officers-training"]
    fia = _orgs(doc)["Federal Investigation Agency"]
    assert fia.acronym == "FIA"
    assert fia.n_mentions == 5  # the long form once, "FIA" four times
    assert all(doc.text[s:e] in {"Federal Investigation Agency", "FIA"} for s, e in fia.mentions)


def test_org_ids_stable_across_seed_releases(corpus_docs):
    first = _orgs(corpus_docs["unodc-2020-11-06-female-officers-training"])
    second = _orgs(corpus_docs["unodc-2021-03-30-coaching-session"])
    for name in (
        "United Nations Office on Drugs and Crime",
        "Federal Investigation Agency",
        "European Union",
    ):
        assert first[name].org_id == second[name].org_id
    assert (
        first["United Nations Office on Drugs and Crime"].org_id != first["European Union"].org_id
    )


def test_acronym_alone_gets_the_long_form_id(make_doc):
    alone = _orgs(make_doc("UNODC delivers coaching sessions to female officers."))["UNODC"]
    spelt = _orgs(make_doc("The United Nations Office on Drugs and Crime (UNODC) helps."))
    assert alone.org_id == spelt["United Nations Office on Drugs and Crime"].org_id


def test_boilerplate_sidebar_not_extracted(corpus_docs):
    doc = corpus_docs["pros-harris-dmv-title-laundering-charges"]
    names = set(_orgs(doc))
    # "Houston Police Department" appears only in the "recent news" sidebar
    assert not any("Houston Police Department" in n for n in names)
    assert "Texas Department of Motor Vehicles" in names


# pib_india/2205010.txt
ADOPTION_COMMITTEE = (
    "It also provides for an Adoption Committee under the overall guidance of NLGC to "
    "recommend mechanism for adoption of IT based national traceability system in fisheries "
    "and aquaculture by different stakeholders including fishermen, aquaculture farmers and "
    "related stakeholders."
)


@pytest.mark.parametrize(
    ("settings", "found"),
    [
        ({}, ["Adoption Committee", "NLGC"]),
        ({"min_name_words": 3}, ["NLGC"]),  # a name of two words is too short
        ({"min_tagged_acronym_chars": 5}, ["Adoption Committee"]),  # NLGC has four letters
    ],
)
def test_thresholds_are_settings(settings, found):
    nlp = spacy.load(load_config()["nlp"]["model"])
    nlp.add_pipe("pressx_organisations", config=settings)
    assert [o.name for o in nlp(ADOPTION_COMMITTEE)._.organisations] == found
