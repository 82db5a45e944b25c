"""Dates in lists of other releases (a "Latest News" block below a media contact, a "Latest
Posts" list whose long translated headlines break the run of short lines) are boilerplate,
not dates of the release. Real archive pages (``shared/corpus/archive/prosecutor``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ARCHIVE = Path("/work/shared/corpus/archive/prosecutor")


@pytest.mark.parametrize(
    "name",
    [
        "riverside_ca/felon_released.txt",
        "riverside_ca/news_bph-rescinds-early-parole.txt",
        "riverside_ca/news_keep_california_safe.txt",
        "orange_ca/press_orange-county-district-attorney-warns-consumers-about-price-"
        "gouging-during-coronavirus-outbreak.txt",
        "orange_ca/press_defendant-convicted-of-shooting-murder-of-man-during-"
        "confrontation-outside-stanton-bar.txt",
    ],
)
def test_no_date_from_the_list_of_other_releases(make_doc, name):
    path = ARCHIVE / name
    if not path.exists():
        pytest.skip("archive not available")
    doc = make_doc(path.read_text(encoding="utf-8"))
    # every one of these pages was crawled in 2026; the listed releases are the 2026 ones
    assert doc._.published is not None and doc._.published.year < 2026
    assert [d.text for d in doc._.dates if d.end >= dt.date(2026, 1, 1)] == []
    assert doc._.dates  # the release's own dates are still found
