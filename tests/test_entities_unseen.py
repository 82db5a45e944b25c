"""Organisations and people on releases no rule was written against: each case is a sentence
from the archive (``shared/corpus/archive``), one per class of error the dev2 releases showed
(issue 13). The archive file is named beside each case."""

from __future__ import annotations

import pytest

from pressx.text.ids import stable_id


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # riverside_ca: Gang Impact Team releases
            "Staffed by detectives from the Beaumont, Cathedral City, Hemet, and Riverside "
            "Police Departments.",
            {
                "Beaumont Police Department",
                "Cathedral City Police Department",
                "Hemet Police Department",
                "Riverside Police Department",
            },
        ),
        (  # san_diego_ca
            "The case was investigated by the Chula Vista and Oceanside Police Departments.",
            {"Chula Vista Police Department", "Oceanside Police Department"},
        ),
        (  # orange_ca
            "Officers from the Huntington Beach and Seal Beach Police Departments responded.",
            {"Huntington Beach Police Department", "Seal Beach Police Department"},
        ),
    ],
)
def test_names_listed_before_a_shared_plural_head(make_doc, text, expected):
    names = _org_names(make_doc(text))
    assert expected <= names
    assert not any(n.endswith("Departments") for n in names)


def test_sheriffs_departments_share_owner_and_head(make_doc):
    # san_diego_ca / orange_ca: "Orange County and San Diego County Sheriff’s Departments"
    names = _org_names(
        make_doc("Deputies from the Orange County and San Diego County Sheriff’s Departments.")
    )
    assert {
        "Orange County Sheriff’s Department",
        "San Diego County Sheriff’s Department",
    } <= names


def test_plural_kinds_are_not_a_list_of_names(make_doc):
    # pib_india webinars: a list of kinds of office, not of places
    doc = make_doc(
        "Each webinar is attended by officials from Line Departments, State Governments, "
        "District Collectors, State Administrative Training Institutes and Central Training "
        "Institutes."
    )
    assert not any(n.endswith("Training Institute") for n in _org_names(doc))


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (  # pib_india/2206474.txt: a house of parliament
            "This information was given by the Minister in a written reply in Rajya Sabha today.",
            "Rajya Sabha",
        ),
        (  # pib_india: a scheme
            "The Department of Financial Services launched Pradhan Mantri Mudra Yojana (PMMY) "
            "on 08.04.2015.",
            "Pradhan Mantri Mudra Yojana",
        ),
        (  # dallas_tx: a programme
            "The grant continues funding the Sexual Assault Kit Initiative (SAKI) in Dallas.",
            "Sexual Assault Kit Initiative",
        ),
        (  # pib_india/2206704.txt: a company
            "A special address by Shri Kumar, Chairman, Tamil Nadu Telecom Limited, followed.",
            "Tamil Nadu Telecom Limited",
        ),
        (  # orange_ca: a state patrol
            "California Highway Patrol officers arrived and arrested the driver.",
            "California Highway Patrol",
        ),
        (  # san_diego_ca: a courthouse
            "James Kingery was arraigned Tuesday in the Vista Courthouse.",
            "Vista Courthouse",
        ),
    ],
)
def test_head_words_of_unseen_kinds_of_organisation(make_doc, text, org):
    assert org in _org_names(make_doc(text))


def test_programme_word_in_a_title_case_headline_is_no_name(make_doc):
    # orange_ca headlines: "... Ponzi Scheme ...", every word capitalised
    doc = make_doc("Investment Adviser Sentenced For Ponzi Scheme Defrauding Seniors\n\nText.")
    assert not any("Scheme" in n for n in _org_names(doc))


def _roles(doc) -> dict[str, str | None]:
    return {p.name: p.role for p in doc._.people}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (  # kings_ny: the closing line of most Brooklyn releases
            "The District Attorney identified the defendant as Jason Forgetta, 39, of Ditmas "
            "Park, Brooklyn.",
            "Jason Forgetta",
            "defendant",
        ),
        (  # los_angeles_ca
            "Andrew Joseph Garcia, 22, was sentenced today by Judge Aaron Katz.",
            "Andrew Joseph Garcia",
            "defendant",
        ),
        (  # harris_tx / dallas_tx
            "In February, a jury found Ziyah Patterson guilty of first-degree murder.",
            "Ziyah Patterson",
            "defendant",
        ),
        (  # cook_il
            "He was convicted of the murder of Chicago Police Officer John Rivera.",
            "John Rivera",
            "Chicago Police Officer",
        ),
        (  # dallas_tx
            "He was convicted of the rapes and killings of Erica Olivia Hernandez, 23, and "
            "Veronica Hernandez.",
            "Veronica Hernandez",
            "victim",
        ),
        (  # orange_ca: a place before a role belongs to the role, not to a person
            "Speakers include Diamond Bar Councilwoman Ling Ling Chang and others.",
            "Ling Ling Chang",
            "Diamond Bar Councilwoman",
        ),
    ],
)
def test_role_from_the_case_or_the_title(make_doc, text, name, role):
    roles = _roles(make_doc(text))
    assert roles.get(name) == role
    assert "Diamond Bar" not in roles


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (
            "Call the Victim Services Division at the District Attorney’s Office.",
            "Victim Services Division",
        ),  # riverside_ca / san_diego_ca
        (
            "Funding comes from the Victim Assistance Program of the county.",
            "Victim Assistance Program",
        ),  # san_diego_ca
    ],
)
def test_role_word_that_opens_an_organisation_name(make_doc, text, org):
    assert org in _org_names(make_doc(text))


@pytest.mark.parametrize(
    "text",
    [
        # pib_india: scheme and campaign names the model tags as people
        "The reforms marked an impactful year, aligned with the vision of Viksit Bharat @2047.",
        # kings_ny, pib_india: places
        "Detectives arrested the defendant on October 30, 2013 near his residence in Bedford "
        "Stuyvesant.",
        "The meeting was held with MPs from Uttar Pradesh, Bihar, Maharashtra, Rajasthan, "
        "Gujarat and Tamil Nadu.",
        # dallas_tx: a building
        "The hearing is at the Frank Crowley Courts Building on Friday.",
    ],
)
def test_names_that_are_not_people(make_doc, text):
    assert [p.name for p in make_doc(text)._.people] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # kings_ny: an age after the name, no role
        ("Police arrested Sanford Solny, 68, at his home on Tuesday.", "Sanford Solny"),
        # miami_dade_fl: an age before the name, no given name the lexicon knows
        (
            "Charged in the operation were 27-year-old Tangir Jamil Riman and others.",
            "Tangir Jamil Riman",
        ),
        # dallas_tx: mentioned again by surname alone
        (
            "Jose Sifuentes met his victims at bars. Police said Sifuentes drove away.",
            "Jose Sifuentes",
        ),
    ],
)
def test_people_the_release_treats_as_people(make_doc, text, name):
    assert name in {p.name for p in make_doc(text)._.people}


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        (  # pib_india: the plural of an abbreviated thing
            "72 Mentor and 200 mentee cities signed MoUs to foster knowledge transfer.",
            "MoUs",
        ),
        (  # miami_dade_fl media advisories: a field label
            "MEDIA ADVISORY\nWHO:\nKatherine Fernandez Rundle, State Attorney\nWHAT:\nPress "
            "conference",
            "WHO",
        ),
        (  # los_angeles_ca, orange_ca: a dateline place set in capitals
            "TARZANA, Calif. – A 44-year-old man was charged today with fatally stabbing a man "
            "outside a Tarzana home.",
            "TARZANA",
        ),
    ],
)
def test_capitalised_words_that_are_not_organisations(make_doc, text, not_org):
    assert not_org not in _org_names(make_doc(text))


def test_person_before_and_does_not_open_an_organisation(make_doc):
    # miami_dade_fl media advisory
    doc = make_doc(
        "State Attorney Katherine Fernandez Rundle and Miami-Dade Police Director Stephanie V. "
        "Daniels and City of Miami Police Chief Manuel A. Morales will hold a press conference."
    )
    names = _org_names(doc)
    assert "City of Miami Police" in names
    assert not any("Daniels" in n for n in names)


@pytest.mark.parametrize(
    ("text", "org", "acronym"),
    [
        (  # pib_india: a plural head defined by an acronym
            "For quality education in tribal areas 95 Eklavya Model Residential Schools (EMRS) "
            "have been made functional.",
            "Eklavya Model Residential Schools",
            "EMRS",
        ),
        (  # pib_india
            "The Technical Research Centres (TRCs) have been established in Autonomous "
            "Institutions.",
            "Technical Research Centres",
            "TRCs",
        ),
        (  # pib_india/2207446.txt: "and" inside a company's name
            "The craft, built by Garden Reach Shipbuilders and Engineers (GRSE), Kolkata, was "
            "delivered to the Navy.",
            "Garden Reach Shipbuilders and Engineers",
            "GRSE",
        ),
        (  # dallas_tx: an acronym in square brackets
            "Attorneys brought Nicholson’s case to the Conviction Integrity Unit [CIU] under "
            "the District Attorney.",
            "Conviction Integrity Unit",
            "CIU",
        ),
    ],
)
def test_acronym_defines_a_name(make_doc, text, org, acronym):
    orgs = {o.name: o.acronym for o in make_doc(text)._.organisations}
    assert orgs.get(org) == acronym


def test_names_listed_with_organisations(make_doc):
    # cook_il/news_cook-county-states-attorney-launches-regional-transit-task-force-...
    doc = make_doc(
        "Representatives from the Chicago Police Department, Cook County Sheriff’s Office, "
        "FBI, ATF, DEA, U.S. Attorney’s Office, CTA, Metra, and Pace participated."
    )
    assert {"Chicago Police Department", "Metra"} <= _org_names(doc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # san_diego_ca/news_10-charged-organized-insurance-fraud-ring.txt
            "The defendants include:\nLuis Cardona Jr., 26, of National City\nMichael Cusi, 32, "
            "of San Diego\nJessica Herrera, 36, of Imperial Beach\n",
            {"Michael Cusi": "defendant", "Jessica Herrera": "defendant"},
        ),
        (  # cook_il/news_first-degree-murder-charges-filed-fatal-mag-mile-smash-and-grab-...
            "The defendants charged with First-Degree Murder, Burglary, and Retail Theft in the "
            "smash and grab are identified below:\nDarius Bowdry, 30\nHarvey Fisher, 26\nKellen "
            "McMiller, 35\n",
            {"Darius Bowdry": "defendant", "Kellen McMiller": "defendant"},
        ),
    ],
)
def test_people_listed_one_a_line_with_their_age(make_doc, text, expected):
    doc = make_doc(text)
    roles = _roles(doc)
    assert {name: roles.get(name) for name in expected} == expected
    assert doc._.boilerplate == []


@pytest.mark.parametrize(
    ("text", "org"),
    [
        (  # dallas_tx PDF releases: a name wrapped over two lines
            "Attorney Community Courts are also vital partners in this endeavor. This year’s "
            "Expo is at Jubilee\nPark Community Center, 907 Bank Street, Dallas.",
            "Jubilee Park Community Center",
        ),
        (  # cook_il scraped pages: a sentence broken at a link
            "Victor Yanz, a supervisor for the office’s Public Corruption\nUnit who works with "
            "the CPU, spoke.",
            "Public Corruption Unit",
        ),
        (  # san_diego_ca: an owner's possessive inside a department's name
            "Agencies, including Escondido Police, San Diego County Sheriff’s Department, and "
            "the FBI.",
            "San Diego County Sheriff’s Department",
        ),
        (  # riverside_ca
            "Agents from Homeland Security Investigations (HSI) and the U.S. Marshal's Service "
            "(USMS) took part.",
            "Homeland Security Investigations",
        ),
        (  # dallas_tx media advisory: a heading in capitals before the name
            "PRESS CONFERENCE Dallas County District Attorney’s Office\nThe office will hold a "
            "press conference.",
            "Dallas County District Attorney’s Office",
        ),
    ],
)
def test_names_across_wraps_possessives_and_headings(make_doc, text, org):
    assert org in _org_names(make_doc(text))


def test_a_head_before_a_street_word_names_a_street(make_doc):
    # dallas_tx: "907 Bank Street"; san_diego_ca, orange_ca addresses
    assert not any("Bank" in n for n in _org_names(make_doc("It is at 907 Bank Street, Dallas.")))


@pytest.mark.parametrize(
    ("text", "not_org"),
    [
        (  # pib_india: an agreement defined in square brackets is no organisation
            "They welcomed signing of the Comprehensive Economic Partnership Agreement [CEPA] as "
            "a landmark. CEPA will promote trade.",
            "CEPA",
        ),
        (  # riverside_ca, san_diego_ca: a date of birth's label
            "Michelle Louise Morris-Kerin, DOB: 7-21-41, was arraigned on Dec. 3.",
            "DOB",
        ),
        (  # pib_india: a policy named with its year
            "It set out the vision for alignment with NEP 2020 and the expectations from "
            "principals.",
            "NEP",
        ),
    ],
)
def test_abbreviations_that_are_no_organisations(make_doc, text, not_org):
    assert not_org not in _org_names(make_doc(text))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # dallas_tx PDF releases open with the contact (28 archive releases)
        (
            "July 8, 2019 Contact: Kimberlee Leach\n214-653-3756 (Office)\n",
            "Kimberlee Leach",
            "media contact",
        ),
        # orange_ca: the contact's name on the line below the label (173 archive releases)
        (
            "Contact:\nSusan Kang Schroeder\nChief of Staff\n(714) 347-8408\n",
            "Susan Kang Schroeder",
            "media contact",
        ),
        # riverside_ca: a byline
        ("The gang unit seized the drugs.\nAuthor: Amy McKenzie\n", "Amy McKenzie", "author"),
    ],
)
def test_contact_and_byline_labels_anchor_a_name(make_doc, text, name, role):
    assert _roles(make_doc(text)).get(name) == role


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (  # orange_ca
            "Federal Bureau of Investigation Special Agent in Charge Sean Ragan and the Irvine "
            "Police Department announced the arrest.",
            "Sean Ragan",
            "Special Agent in Charge",
        ),
        (  # pib_india/2206474.txt
            "This was stated by the Minister of State in the Ministry of Home Affairs Shri "
            "Nityanand Rai in a written reply in the Rajya Sabha today.",
            "Nityanand Rai",
            "Minister",  # the role, its ministry split off as the organisation
        ),
        (  # pib_india: an honorific inside a role after the name
            "The event was attended by Smt. Nandita Garlosa, Hon’ble Minister for Sports and "
            "Youth Welfare, Assam.",
            "Nandita Garlosa",
            "Minister for Sports and Youth Welfare",
        ),
        (  # pib_india: a foreign head of state, a particle inside the name
            "He was received by His Majesty Sultan Haitham bin Tarik on 18 December.",
            "Haitham bin Tarik",
            "Sultan",
        ),
    ],
)
def test_long_ministerial_and_foreign_roles(make_doc, text, name, role):
    assert _roles(make_doc(text)).get(name, "").startswith(role)


@pytest.mark.parametrize(
    ("text", "org", "acronym"),
    [
        # san_diego_ca: a national agency named only by its acronym
        (
            "Callers claim to be employees of the IRS, but are not.",
            "Internal Revenue Service",
            "IRS",
        ),
        # the UN system and health bodies, by acronym or in full (models/org_gazetteer.json)
        (
            "The FAO and OCHA joined the appeal.",
            "Food and Agriculture Organization of the United Nations",
            "FAO",
        ),
        (
            "Teams from Médecins Sans Frontières treated 300 patients.",
            "Médecins Sans Frontières",
            "MSF",
        ),
    ],
)
def test_well_known_bodies_from_the_gazetteer(make_doc, text, org, acronym):
    orgs = {o.acronym: o for o in make_doc(text)._.organisations}
    assert orgs[acronym].org_id == stable_id("org", org)  # the same id as the name in full


@pytest.mark.parametrize(
    "text",
    [
        "“These arrests are a blatant attack on freedom of expression,” said Agnès Callamard, "
        "Secretary General of Amnesty International.",
        "Human Rights Watch and Save the Children called for an independent investigation.",
    ],
)
def test_well_known_names_with_no_head_word(make_doc, text):
    names = {o.name for o in make_doc(text)._.organisations}
    expected = {"Amnesty International", "Human Rights Watch", "Save the Children"}
    assert names == {n for n in expected if n in text}


@pytest.mark.parametrize(
    ("text", "org"),
    [
        # ISAF dev.jsonl: the dateline of every ISAF release
        (
            "KABUL, Afghanistan (Jan. 25, 2013)\nAn Afghan and coalition security force arrested "
            "two insurgents in Kandahar province.",
            None,
        ),
        (
            "KABUL, Afghanistan (Oct. 9, 2011)\nAfghan and coalition forces detained a Haqqani "
            "leader, ISAF officials said.",
            "ISAF",
        ),
        # the wire-service dateline of UN agencies and other governments
        (
            "OTTAWA, ON, March 3, 2024 /CNW/ - The Royal Canadian Mounted Police (RCMP) arrested "
            "two men.",
            "Royal Canadian Mounted Police",
        ),
    ],
)
def test_dateline_place_is_not_an_organisation(make_doc, text, org):
    names = [o.name for o in make_doc(text)._.organisations]
    assert not {"KABUL", "OTTAWA"} & set(names)
    assert names == ([org] if org else [])


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (  # miami_dade_fl/press-release_media-advisory-press-conference-condo-president-...
            "State Attorney Katherine Fernandez Rundle and Aventura Police Chief Michael "
            "Bentolila and City of Aventura Mayor Howard S. Weinberg will announce the arrest.",
            "Michael Bentolila",
            "Aventura Police Chief",
        ),
        (  # miami_dade_fl/press-release_for-immediate-release-two-caregivers-charged-...
            "State Attorney Katherine Fernandez Rundle and Hialeah Police Chief George Fuente "
            "announce the arrests of two caregivers.",
            "George Fuente",
            "Hialeah Police Chief",
        ),
        (  # miami_dade_fl/press-release_for-immediate-release-statement-from-state-attorney-...
            "I applaud the talented prosecutorial team of Assistant State Attorney Scott Warfman "
            "and Assistant State Attorney Arvind Singh for effectively bringing forth all the "
            "essential case elements.",
            "Arvind Singh",
            "Assistant State Attorney",
        ),
        (  # cook_il/news_palatine-high-school-teachers-aide-indicted-...
            "CCSAO Investigator Robert Grossman and Assistant State’s Attorney Anne Ringelestein "
            "led the investigation of this case.",
            "Anne Ringelestein",
            "Assistant State’s Attorney",
        ),
    ],
)
def test_role_before_a_name_stops_at_the_name_before_it(make_doc, text, name, role):
    people = {p.name: p for p in make_doc(text)._.people}
    assert people[name].role == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # kings_ny/2019_01_30_brooklyn-district-attorney-eric-gonzalez-announces-...: each
            # rank of a list goes to the name after it, not to the name before the comma
            "The case was investigated under the supervision of Sergeant Faoud Zahirudin, "
            "Lieutenant Christopher Sharpe and Captain Thomas Milano, and the overall "
            "supervision of Inspector James Klein.",
            {
                "Faoud Zahirudin": "Sergeant",
                "Christopher Sharpe": "Lieutenant",
                "Thomas Milano": "Captain",
                "James Klein": "Inspector",
            },
        ),
        (  # riverside_ca/news_communities-unite-vigils-...: a name inside a role after a name
            # is no rank of the next one
            "In Riverside, Catherine Barajas, mother of Anthony Michael Barajas, recounted the day "
            "in 2021 that forever changed her life.",
            {"Catherine Barajas": "mother of Anthony Michael Barajas"},
        ),
        (  # san_diego_ca/news_da-prosecutor-and-victim-advocate-recognized-for-dui-homicide-work
            "The honorees were CHP San Diego’s Sergeant Brian Pennings, Officer Gilberto Jacobo, "
            "Officer Jake Sanchez and Officer Juan Escobar, who were all awarded.",
            {
                "Brian Pennings": "Sergeant",
                "Gilberto Jacobo": "Officer",
                "Juan Escobar": "Officer",
            },
        ),
        (  # orange_ca/press_remarks-district-attorney-tony-rackauckas: a rank written short is
            # written out, one rank one role however a release writes it
            "I have here with me Sgt. Dave Byington representing the Newport Beach Police "
            "Department.",
            {"Dave Byington": "Sergeant"},
        ),
        (  # dallas_tx/...051321-PR-Man-sentenced-murder-Dallas-woman_pdf
            "Fine thanked Dallas police Det. Frank Serra for his diligent investigation.",
            {"Frank Serra": "Detective"},
        ),
        (  # dallas_tx/..._Darius_20Fields_20Official_20Release_pdf
            "The team included Investigator Lt. Jimmy Ivy; and victim advocate Sandra Walker.",
            {"Jimmy Ivy": "Investigator Lieutenant", "Sandra Walker": "victim advocate"},
        ),
        (  # pib_india/2206740
            "Col. Vikram Singh Bhati, Director, NCVET, Dr Suhas Deshmukh, Director NCVET and Shri "
            "Deepak Dan Barnwal, Director, NCVET were present amongst dignitaries.",
            {"Vikram Singh Bhati": "Colonel, Director"},
        ),
        (  # orange_ca/press_governor-signs-umberg-price-gouging-bill-into-law: two ranks, one
            # role, and "General" no part of the name
            "He and his wife, Brigadier General Robin Umberg, USA (ret.), live in Orange County.",
            {"Robin Umberg": "Brigadier General"},
        ),
        (  # pib_india/2206790: a hyphenated title kept whole
            "Shri Prataprao Jadhav, Minister of State for Ayush and Health & Family Welfare and "
            "Dr Tedros Adhanom Ghebreyesus, Director-General, WHO were present on the occasion.",
            {"Tedros Adhanom Ghebreyesus": "Director-General"},
        ),
        (  # the army and UN releases the archive lacks
            "Lieutenant General Anil Kumar, General Officer Commanding, reviewed the parade.",
            {"Anil Kumar": "Lieutenant General, General Officer Commanding"},
        ),
        (
            "The closing ceremony was attended by Major General John Smith, Commanding General "
            "of the 11th Airborne Division.",
            {"John Smith": "Major General, Commanding General"},
        ),
        (
            "Dr Tedros Adhanom Ghebreyesus, WHO Director-General, said the outbreak was over.",
            {"Tedros Adhanom Ghebreyesus": "Director-General"},
        ),
    ],
)
def test_ranks_and_compound_titles(make_doc, text, expected):
    roles = _roles(make_doc(text))
    assert {name: roles.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        # miami_dade_fl: a capitalised "Major" in a headline is no rank
        "MEDIA ADVISORY: 13 Charged In Round Up Of Major Catalytic Converter Fencing And Theft "
        "Ring - Office of Miami-Dade State Attorney Katherine Fernandez Rundle",
    ],
)
def test_major_in_a_headline_is_no_rank(make_doc, text):
    roles = _roles(make_doc(text))
    assert roles.get("Katherine Fernandez Rundle") == "State Attorney"
    assert "Catalytic Converter Fencing" not in roles


@pytest.mark.parametrize(
    ("text", "name", "honorific", "role"),
    [
        (  # corpus/dev/pib-2206290-one-health-steering-committee: a rank is a role, the
            # honorific after it stays one
            "The Chairs of the four Advisory and Review Committees: Dr. Renu Swarup (Research and "
            "Development of Medical Countermeasures), Lt. Gen. Dr. Madhuri Kanitkar (BSL-3/4 "
            "Laboratory Network), Dr. N. K. Arora (Technology-Enhanced Surveillance).",
            "Madhuri Kanitkar",
            "Dr.",
            "Lieutenant General",
        ),
        (  # orange_ca/press_remarks-district-attorney-tony-rackauckas
            "I have here with me Sgt. Dave Byington representing the Newport Beach Police "
            "Department.",
            "Dave Byington",
            None,
            "Sergeant",
        ),
    ],
)
def test_rank_before_a_name_is_its_role_not_its_honorific(make_doc, text, name, honorific, role):
    people = {p.name: p for p in make_doc(text)._.people}
    assert (people[name].honorific, people[name].role) == (honorific, role)
