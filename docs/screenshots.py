"""Make the README's pictures, from the repository (with /usr/bin/chromium):

    PYTHONPATH=. .venv/bin/python docs/screenshots.py

runs pressx on corpus/, writes its report and takes, in headless Chromium,
docs/report-charts.png (the index's charts), docs/report-document.png (a document page with
its evidence strip) and docs/render.png (``pressx.render`` of the same release, as a notebook
shows it)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pressx
from pressx.runners.run import RunSettings, run
from pressx.views.report import build_report, doc_href
from tests.test_report import CHROMIUM, CHROMIUM_FLAGS, TRAINING

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGE = '<!doctype html><meta charset="utf-8"><body style="margin: 1em 2em">{}</body>'


def screenshot(url: str, png: Path, size: str, profile: Path) -> None:
    options = [f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}"]
    subprocess.run(
        [CHROMIUM, *CHROMIUM_FLAGS, *options, url],
        capture_output=True,
        check=True,
        timeout=120,
    )
    print(png.relative_to(ROOT))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out, report = folder / "outputs", folder / "report"
        run([ROOT / "corpus"], RunSettings(out=out, progress=False))
        build_report(out, report)
        profile = folder / "chromium"
        screenshot(
            (report / "index.html").as_uri(), DOCS / "report-charts.png", "1600,900", profile
        )
        page = (report / doc_href(TRAINING)).as_uri()
        screenshot(page, DOCS / "report-document.png", "1100,760", profile)
        text = (
            pressx.open(out)
            .execute("select text from documents where doc_id = ?", [TRAINING])
            .fetchone()[0]
        )
        html = folder / "render.html"
        html.write_text(PAGE.format(pressx.render(text, jupyter=False)), encoding="utf-8")
        screenshot(html.as_uri(), DOCS / "render.png", "1100,700", profile)


if __name__ == "__main__":
    main()
