"""Web-site boilerplate: menus, sidebars of other releases and footers are found; wrapped
sentences, numbered lists, headlines and media-contact blocks of the release are kept."""

from __future__ import annotations

from pressx.components.extensions import in_boilerplate


def _covered(doc, phrase: str) -> bool:
    start = doc.text.index(phrase)
    return in_boilerplate(doc, start, start + len(phrase))


def test_menu_and_recent_news_sidebar(corpus_docs):
    doc = corpus_docs["pros-harris-dmv-title-laundering-charges"]
    assert _covered(doc, "Alternatives to Prosecution")
    assert _covered(doc, "Harris County Grand Jury Indicts 17-Year-Old for Terrorism")
    assert not _covered(doc, "DMV employee Carlisha Haywood")


def test_site_footer(corpus_docs):
    doc = corpus_docs["pros-kings-citizens-safety-day-2015"]
    assert _covered(doc, "Human Trafficking Unit\nFamily Justice Center")
    assert _covered(doc, "SEAL YOUR CONVICTION")
    assert not _covered(doc, "Brooklyn District Attorney Ken Thompson today announced")


def test_media_coverage_list(corpus_docs):
    doc = corpus_docs["unodc-2020-11-06-female-officers-training"]
    assert _covered(doc, "Women sleuths can help end human trafficking")
    assert not _covered(doc, "Ms. Shahida Gillani, National Project Officer")


def test_wrapped_sentence_kept(corpus_docs):
    doc = corpus_docs["pros-cook-retail-crime-blitz-2025"]
    assert not _covered(doc, "law enforcement agencies across")


def test_numbered_list_of_defendants_kept(corpus_docs):
    doc = corpus_docs["pros-kings-coney-island-gangs-indictment-2026"]
    assert not _covered(doc, "1. Randy Belle, 18")
    assert not _covered(doc, "15. Andreus Williams, 18")


def test_headline_block_kept(corpus_docs):
    doc = corpus_docs["pros-kings-coney-island-gangs-indictment-2026"]
    assert not _covered(doc, "Gangs Charged with Numerous Shootings Across Brooklyn")


def test_menu_in_a_snippet(make_doc):
    text = (
        "Skip to main content\nHome\nAbout Us\nCareers\nNewsroom\n"
        "The District Attorney announced charges against two men on Monday.\n"
    )
    doc = make_doc(text)
    assert _covered(doc, "About Us")
    assert not _covered(doc, "The District Attorney announced charges")
