"""Release headers: title, publication date and dateline place in their usual forms."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

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
        # the wire-service dateline of UN agencies, other governments and NGOs (AP style)
        (
            "GENEVA, 5 March 2024 – The World Health Organization (WHO) today launched a new "
            "guideline on hypertension.",
            dt.date(2024, 3, 5),
            "Geneva",
        ),
        (
            "Nairobi, 14 February 2024 — Médecins Sans Frontières (MSF) teams treated more than "
            "5,000 patients.",
            dt.date(2024, 2, 14),
            "Nairobi",
        ),
        (
            "OTTAWA, ON, March 3, 2024 /CNW/ - The Royal Canadian Mounted Police arrested two men.",
            dt.date(2024, 3, 3),
            "Ottawa, ON",
        ),
        # miami_dade_fl/press-release_17245-2.txt: a weekday opens a date, it is no place
        (
            "Friday, July 14, 2006 – State Attorney Katherine Fernandez Rundle announced.",
            None,
            None,
        ),
        # orange_ca/press_additional-charges-filed-for-three-defendants-...-jail.txt: the page
        # title, an upper-case headline before the site's name, is no "PLACE -" dateline
        (
            "ADDITIONAL CHARGES FILED FOR THREE DEFENDANTS CHARGED WITH ESCAPING FROM ORANGE "
            "COUNTY JAIL - Orange County District Attorney\nScroll to top\nCase # 16CF0198\n"
            "SANTA ANA, Calif. – Additional charges were filed today for three defendants.",
            None,
            "Santa Ana, Calif",
        ),
        # orange_ca/press_federal-crackdown-in-orange-county-nets-...txt: the page's byline,
        # a "Published" label with the date on the next line
        (
            "FEDERAL CRACKDOWN IN ORANGE COUNTY NETS 20 GANG MEMBERS - Orange County District "
            "Attorney\nScroll to top\nAuthor\nLei Lani Fera\nPublished\nMay 2, 2005\nHome\n"
            "Press\nA federal crackdown netted 20 gang members in a joint operation this week.",
            dt.date(2005, 5, 2),
            None,
        ),
    ],
    ids=[
        "date-place",
        "place-date",
        "caps-dash",
        "pib-posted",
        "isaf",
        "immediate",
        "paren",
        "wire-dmy",
        "wire-ndash",
        "wire-cnw",
        "weekday",
        "caps-headline-site",
        "published-label",
    ],
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


ARCHIVE = Path("/work/shared/corpus/archive/prosecutor")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (  # dallas_tx/..._2019_PR_AmberGuyger_100319_pdf.txt: the date opens the release
            "October 3, 2019 Contact: Kimberlee Leach\nDirector of Communications\n"
            "Dallas County District Attorney’s Office\n214-653-3756 (Office)\n",
            dt.date(2019, 10, 3),
        ),
        (  # orange_ca/press_law-enforcement-seeks-publics-help-...: below the case number
            "Published\nDecember 16, 2015\nHome\nPress\nFor Immediate Release\n"
            "Case # 15NF3329\nDecember 16, 2015\nLAW ENFORCEMENT SEEKS PUBLIC’S HELP\n",
            dt.date(2015, 12, 16),
        ),
        (  # kings_ny/2020_05_20_rep-rose-...: a weekday before the date
            "Skip to content\nFOR IMMEDIATE RELEASE\nWednesday, May 20, 2020\n"
            "Rep. Rose, DA Gonzalez and DA McMahon Announce PPE Donation to\n",
            dt.date(2020, 5, 20),
        ),
        (  # miami_dade_fl/...-36-year-old-man-charged-...: the release's dateline, not the
            # web page's byline
            "News\nPress Release\nAdmin | February 17, 2025\nClick Here to Access PDF Version\n"
            "for immediate release\nMiami – February 12, 2025\n– Miami-Dade State Attorney "
            "Katherine Fernandez Rundle announces the arrest and charging of a man.",
            dt.date(2025, 2, 12),
        ),
        (  # miami_dade_fl (41 of 41 releases): the byline when nothing else dates the release
            "News\nPress Release\nMEDIA ADVISORY: 13 Charged In Round Up Of Theft Ring\n"
            "Admin | August 29, 2024\nClick Here to Access PDF Version\nfor immediate release\n",
            dt.date(2024, 8, 29),
        ),
        (  # orange_ca/press_media-advisory-46.txt: a web page's date above the release
            "Author\nLei Lani Fera\nPublished\nMarch 29, 2006\nHome\nPress\nMEDIA ADVISORY\n"
            "WHAT:     Will be in court for a pre-trial and bail review hearing.\n"
            "Latest Posts\nJune 9, 2026\nPress\n",
            dt.date(2006, 3, 29),
        ),
    ],
    ids=[
        "date-contact",
        "immediate-case-number",
        "immediate-weekday",
        "dateline-over-byline",
        "byline",
        "standalone",
    ],
)
def test_archive_header_dates(make_doc, text, published):
    assert make_doc(text)._.published == published


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("news_cold_case_murdered_1989.txt", dt.date(2024, 4, 17)),
        (
            "news_communities-unite-vigils-during-national-crime-victims-rights-week.txt",
            dt.date(2024, 4, 26),
        ),
        (
            "news_riverside-county-das-office-forensic-accountant-appointed-southern-"
            "california-fraud.txt",
            dt.date(2024, 5, 20),
        ),
    ],
)
def test_date_line_above_the_release_beats_the_sidebar_below(make_doc, name, published):
    """Riverside pages: the release's date line is the only one before its first sentence;
    the "Latest News" list of other releases and their dates comes after it."""
    path = ARCHIVE / "riverside_ca" / name
    if not path.exists():
        pytest.skip("archive not available")
    assert make_doc(path.read_text(encoding="utf-8"))._.published == published
