"""``pressx report``: static pages (index, one per document, checks) checked as files and in a
real headless Chromium (the Debian package; ``make test`` installs it when missing)."""

from __future__ import annotations

import html
import re
import struct
import subprocess
import zlib
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pressx.cli import main
from pressx.runners.run import RunSettings, run
from pressx.views.charts import ROW_PIXELS, STRIP_PIXELS, STRIP_ROWS, TRACK
from pressx.views.evidence import CHECK_COLOUR, LAYER_BY_TABLE, STATUS_COLOURS
from pressx.views.query import open_tables
from pressx.views.report import CHARTS, doc_href, strip_href
from tests.conftest import CORPUS
from tests.sample_output import write_sample_output

TRAINING = "unodc-2020-11-06-female-officers-training"
CHROMIUM = Path("/usr/bin/chromium")
SWATCH_PIXELS = 400  # more than the legend's colour swatch (about 13 x 14 pixels) draws
CHART_PIXELS = 1500  # more than the swatches and coloured words of a page draw
# colours that only the charts draw on the index page: bars of people by agency, events on
# the timeline, the mismatch and consistent parts of the checks' bars
CHART_COLOURS = {
    "agencies": LAYER_BY_TABLE["participants"].colour,
    "events": LAYER_BY_TABLE["events"].colour,
    "mismatch": STATUS_COLOURS["mismatch"],
    "consistent": STATUS_COLOURS["consistent"],
}
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--enable-logging=stderr",
    "--v=0",
)


@pytest.fixture(scope="module")
def report(sample_out, tmp_path_factory) -> Path:
    to = tmp_path_factory.mktemp("report")
    assert main(["report", "--out", str(sample_out), "--to", str(to)]) == 0
    return to


@pytest.fixture(scope="module")
def doc_ids(sample_out) -> list[str]:
    con = open_tables(sample_out)
    return [r[0] for r in con.execute("select doc_id from documents order by 1").fetchall()]


class TextOf(HTMLParser):
    """The text inside the element with a given id (tags dropped, entities decoded)."""

    def __init__(self, element_id: str):
        super().__init__(convert_charrefs=True)
        self.element_id, self.depth, self.parts = element_id, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(page: Path, element_id: str) -> str:
    parser = TextOf(element_id)
    parser.feed(page.read_text(encoding="utf-8"))
    return "".join(parser.parts)


def test_a_page_per_document_and_an_index_linking_them(report, doc_ids):
    index = (report / "index.html").read_text(encoding="utf-8")
    for doc_id in doc_ids:
        assert (report / doc_href(doc_id)).is_file()
        assert f'href="{doc_href(doc_id)}"' in index
    assert index.count("<tr data-search=") == len(doc_ids)


@pytest.mark.parametrize(
    "doc_id", [TRAINING, "pros-harris-dmv-title-laundering-charges", "pib-2207272-divya-kala-mela"]
)
def test_document_page_holds_the_exact_text(report, sample_out, doc_id):
    """Highlighting adds marks and anchors but never a character (nor drops or re-escapes one)."""
    [(text,)] = (
        open_tables(sample_out)
        .execute("select text from documents where doc_id = ?", [doc_id])
        .fetchall()
    )
    assert text_of(report / doc_href(doc_id), "text") == text


@pytest.mark.parametrize(
    ("classes", "words"),
    [
        ("on-participants checked", "17 female"),
        ("on-dates", "02 to 06 November 2020"),
        ("on-organisations", "Federal Investigation Agency"),
        ("on-quotes on-participants checked", "25 police"),
        ("on-people", "Jeremy Milson"),
    ],
)
def test_evidence_is_marked_with_its_tables(report, classes, words):
    page = (report / doc_href(TRAINING)).read_text(encoding="utf-8")
    assert re.search(rf'<mark class="{classes}" title="[^"]*">{re.escape(words)}</mark>', page)


def test_rows_link_to_anchors_on_their_words(report):
    page = (report / doc_href(TRAINING)).read_text(encoding="utf-8")
    assert '<a href="#participants-0">676–685</a>' in page
    assert re.search(
        r'<span class="anchor" id="participants-0"></span>(<span[^>]*></span>)*'
        r'<mark class="on-participants checked"',
        page,
    )


def test_checks_page_lists_mismatches_first_with_evidence_links(report):
    page = (report / "checks.html").read_text(encoding="utf-8")
    statuses = re.findall(r'<td class="status-(\w+)">', page)
    assert statuses == sorted(statuses, key=["mismatch", "consistent"].index)
    assert statuses.count("mismatch") == 4  # the four mismatches of the gold annotations
    link = f'href="{doc_href(TRAINING)}#ev-1395-1404">“25 police”</a>'
    assert link in page
    target = (report / doc_href(TRAINING)).read_text(encoding="utf-8")
    assert 'id="ev-1395-1404"' in target


def test_safe_doc_ids_name_their_page():
    assert doc_href(TRAINING) == f"docs/{TRAINING}.html"


@pytest.mark.parametrize(
    ("doc_id", "cleaned"),
    [("isaf/2011-05-31 ok", "isaf_2011-05-31_ok"), ("../etc/passwd", "_etc_passwd")],
)
def test_unsafe_doc_ids_get_a_cleaned_name_and_a_hash(doc_id, cleaned):
    """Inside docs/ whatever the id, and never the page of the id it was cleaned to."""
    assert re.fullmatch(rf"docs/{re.escape(cleaned)}-[0-9a-f]{{8}}\.html", doc_href(doc_id))
    assert doc_href(doc_id) != doc_href(cleaned)


def test_missing_output_exits_2(tmp_path, capsys):
    assert main(["report", "--out", str(tmp_path / "none"), "--to", str(tmp_path / "r")]) == 2
    assert "no pressx output" in capsys.readouterr().err


def test_every_local_link_resolves(report):
    for page in report.rglob("*.html"):
        for target in re.findall(r'(?:href|src)="([^"#]+)', page.read_text(encoding="utf-8")):
            assert (page.parent / html.unescape(target)).exists(), (page, target)


def test_report_of_a_real_run_marks_every_row(tmp_path, capsys):
    """On the pipeline's own output (whatever the extractors find): each document page holds
    its exact text, and every row has an anchor on a highlight of its table."""
    out, to = tmp_path / "out", tmp_path / "report"
    run([CORPUS / "seeds"], RunSettings(out=out, progress=False))
    assert main(["report", "--out", str(out), "--to", str(to)]) == 0
    con = open_tables(out)
    for doc_id, text in con.execute("select doc_id, text from documents").fetchall():
        page = to / doc_href(doc_id)
        assert text_of(page, "text") == text
        html_text = page.read_text(encoding="utf-8")
        for table in LAYER_BY_TABLE:
            n_rows = con.execute(
                f"select count(*) from {table} where doc_id = ?", [doc_id]
            ).fetchone()[0]
            anchors = re.findall(
                rf'id="{table}-\d+"></span>(?:<span[^>]*></span>)*<mark class="[^"]*on-{table}\b',
                html_text,
            )
            assert len(anchors) == n_rows, (doc_id, table)


# --- in a real browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.fail("no /usr/bin/chromium: run `make test`, or `apt-get install -y chromium`")
    profile = tmp_path_factory.mktemp("chromium-profile")

    def run(url: str, *options: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *options, url],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )

    return run


def console_messages(stderr: str) -> list[str]:
    """Messages the pages wrote to the console (the report writes none: any is an error)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


@pytest.mark.parametrize("page", ["index.html", "checks.html", doc_href(TRAINING)])
def test_pages_load_without_errors(report, chromium, page):
    result = chromium((report / page).as_uri(), "--dump-dom")
    assert console_messages(result.stderr) == []
    assert '<body data-ready="1"' in result.stdout  # report.js ran to its end


@pytest.mark.parametrize(
    ("fragment", "shown"),
    [
        (
            "mismatch=1",
            [
                "pib-2205132-desert-cyclone-exercise",
                "pib-2207470-good-governance-webinar",
                "pros-kings-coney-island-gangs-indictment-2026",
                "unodc-2021-03-30-coaching-session",
            ],
        ),
        (
            "search=harris",
            ["pros-harris-dmv-title-laundering-charges", "pros-harris-father-son-extradition"],
        ),
        (
            "empty=quotes&search=pib",
            [
                "pib-2205132-desert-cyclone-exercise",
                "pib-2206290-one-health-steering-committee",
                "pib-2207272-divya-kala-mela",
                "pib-2207470-good-governance-webinar",
            ],
        ),
    ],
)
def test_index_filters(report, chromium, fragment, shown):
    """The filters, set from the URL fragment, hide the rows that do not match."""
    dom = chromium(f"{(report / 'index.html').as_uri()}#{fragment}", "--dump-dom").stdout
    rows = re.findall(r'<tr data-search="([^ "]+)[^>]*?( hidden="")?>', dom)
    assert [doc_id for doc_id, hidden in rows if not hidden] == shown
    assert f'<span id="shown">{len(shown)}</span>' in dom


def png_colours(path: Path) -> Counter:
    """How many pixels of each (r, g, b) colour an 8-bit, non-interlaced RGB(A) PNG holds."""
    colours: Counter = Counter()
    for line in png_rows(path):
        colours.update(line)
    return colours


def png_rows(path: Path) -> list[list[tuple[int, int, int]]]:
    """The (r, g, b) pixels of an 8-bit, non-interlaced RGB(A) PNG, row by row."""
    data = path.read_bytes()
    pos, compressed = 8, b""
    while pos < len(data):
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + size]
        pos += 12 + size
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed += body
    assert (depth, interlace) == (8, 0) and colour_type in (2, 6)
    bpp = 3 if colour_type == 2 else 4
    stride = width * bpp
    raw = zlib.decompress(compressed)
    rows = []
    previous = bytearray(stride)
    for y in range(height):
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        unfilter(raw[y * (stride + 1)], line, previous, bpp)
        rows.append(list(zip(line[0::bpp], line[1::bpp], line[2::bpp], strict=True)))
        previous = line
    return rows


def unfilter(kind: int, line: bytearray, previous: bytearray, bpp: int) -> None:
    """Undo one PNG row filter in place (0 none, 1 sub, 2 up, 3 average, 4 Paeth)."""
    if kind == 0:
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        up = previous[i]
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 2:
            line[i] = (line[i] + up) & 255
        elif kind == 3:
            line[i] = (line[i] + ((left + up) >> 1)) & 255
        elif kind == 4:
            corner = previous[i - bpp] if i >= bpp else 0
            guess = left + up - corner
            distances = (abs(guess - left), abs(guess - up), abs(guess - corner))
            line[i] = (line[i] + (left, up, corner)[distances.index(min(distances))]) & 255


def rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.fixture(scope="module")
def screenshot(report, chromium, tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    taken: dict[str, Counter] = {}

    def take(query: str = "") -> Counter:
        """The colours of the training page's top, each view shot once."""
        if query not in taken:
            png = folder / f"training{query.replace('?', '-').replace(',', '-')}.png"
            url = (report / doc_href(TRAINING)).as_uri() + query
            chromium(url, f"--screenshot={png}", "--window-size=1000,800")
            taken[query] = png_colours(png)
        return taken[query]

    return take


def test_screenshot_shows_highlighted_spans(screenshot):
    """The top of the 2020 training page shows dates, an event title, counts, organisations,
    a person and a quote, each in its table's colour."""
    colours = screenshot()
    for table in ("dates", "events", "participants", "organisations", "people", "quotes"):
        assert colours[rgb(LAYER_BY_TABLE[table].colour)] > SWATCH_PIXELS, table


def test_hidden_layer_is_not_drawn(screenshot):
    colours = screenshot("?hide=participants,quotes")
    assert colours[rgb(LAYER_BY_TABLE["participants"].colour)] < SWATCH_PIXELS
    assert colours[rgb(LAYER_BY_TABLE["quotes"].colour)] < SWATCH_PIXELS
    assert colours[rgb(LAYER_BY_TABLE["dates"].colour)] > SWATCH_PIXELS


# --- charts ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory) -> Path:
    """A report of another corpus: the gold rows of the two seed releases alone."""
    out = write_sample_output(tmp_path_factory.mktemp("seeds-out"), splits=("seeds",))
    to = tmp_path_factory.mktemp("seeds-report")
    assert main(["report", "--out", str(out), "--to", str(to)]) == 0
    return to


@pytest.mark.parametrize(
    ("chart", "colour", "pixels"),
    [
        ("agencies.png", LAYER_BY_TABLE["participants"].colour, 5000),
        ("events.png", LAYER_BY_TABLE["events"].colour, 1000),
        ("checks.png", STATUS_COLOURS["mismatch"], 500),
        ("checks.png", STATUS_COLOURS["consistent"], 500),
    ],
)
def test_overview_charts_draw_the_data_in_the_report_colours(report, chart, colour, pixels):
    colours = png_colours(report / CHARTS / chart)
    assert colours[rgb(colour)] > pixels
    assert len(colours) > 20  # axes, labels and their anti-aliasing: not a blank image


def test_strip_marks_each_table_where_its_rows_lie(report, sample_out):
    """The training release's strip: one row per table, a mark where each row's words are
    (17 FIA officers at characters 676-685), nothing in a row without evidence."""
    colours_by_row = strip_rows(report / strip_href(TRAINING))
    con = open_tables(sample_out)
    [(length,)] = con.execute(
        "select n_chars from documents where doc_id = ?", [TRAINING]
    ).fetchall()
    for table in LAYER_BY_TABLE:
        n_rows = con.execute(
            f"select count(*) from {table} where doc_id = ?", [TRAINING]
        ).fetchone()
        colour = rgb(LAYER_BY_TABLE[table].colour)
        assert (colours_by_row[table][colour] > 0) == (n_rows[0] > 0), table
    assert colours_by_row["checks"][rgb(CHECK_COLOUR)] > 0
    participants = strip_columns(report / strip_href(TRAINING), "participants")
    assert 676 * STRIP_PIXELS // length in participants


def strip_rows(path: Path) -> dict[str, Counter]:
    """The colours of each table's row of a strip."""
    return {table: strip_row_colours(path, table) for table in STRIP_ROWS}


def strip_row_colours(path: Path, table: str) -> Counter:
    row = STRIP_ROWS.index(table)
    colours: Counter = Counter()
    for y, line in enumerate(png_rows(path)):
        if y // ROW_PIXELS == row:
            colours.update(line)
    return colours


def strip_columns(path: Path, table: str) -> set[int]:
    """The x positions of a table's marks in its row of the strip."""
    colour = rgb(LAYER_BY_TABLE[table].colour)
    row = STRIP_ROWS.index(table) * ROW_PIXELS
    return {x for x, pixel in enumerate(png_rows(path)[row]) if pixel == colour}


@pytest.fixture(scope="module")
def index_colours(chromium, tmp_path_factory):
    """The colours of a screenshot of a report's index, where its three charts show."""
    folder = tmp_path_factory.mktemp("index-shots")
    taken: dict[Path, Counter] = {}

    def take(report: Path) -> Counter:
        if report not in taken:
            png = folder / f"{report.name}.png"
            url = (report / "index.html").as_uri()
            chromium(url, f"--screenshot={png}", "--window-size=1600,1000")
            taken[report] = png_colours(png)
        return taken[report]

    return take


def test_charts_load_in_the_browser(report, index_colours):
    colours = index_colours(report)
    for chart, colour in CHART_COLOURS.items():
        assert colours[rgb(colour)] > CHART_PIXELS, chart


def test_charts_change_with_the_corpus(report, seeds_report, index_colours):
    """Fourteen releases and the two seed releases alone draw different charts (bars are
    scaled to the largest, so only the timeline, a dot per event, is sure to shrink)."""
    everything, seeds = index_colours(report), index_colours(seeds_report)
    for chart, colour in CHART_COLOURS.items():
        assert seeds[rgb(colour)] > CHART_PIXELS / 4, chart
        assert seeds[rgb(colour)] != everything[rgb(colour)], chart
    events = rgb(CHART_COLOURS["events"])
    assert seeds[events] < everything[events] / 2


def test_strip_loads_on_the_document_page(screenshot):
    assert screenshot()[rgb(TRACK)] > 5 * STRIP_PIXELS


def test_hiding_every_layer_masks_the_strip_too(screenshot):
    colours = screenshot("?hide=" + ",".join(STRIP_ROWS))
    for table, layer in LAYER_BY_TABLE.items():
        assert colours[rgb(layer.colour)] < SWATCH_PIXELS, table


def test_run_says_where_the_tables_are_and_how_to_see_the_report(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "memo.txt").write_text("12 officers of the FIA were trained.")
    out = tmp_path / "out"
    assert main(["run", str(tmp_path / "in"), "--out", str(out), "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2] == f"tables: {out}/ (one Parquet folder per table)"
    assert lines[-1] == (
        f"next: pressx report --out {out} --to {tmp_path / 'report'}, "
        f"then open {tmp_path / 'report' / 'index.html'} in a browser"
    )


def test_charts_of_an_output_without_rows(tmp_path, capsys):
    """No events, counts or checks: the charts are drawn empty, titled with their zeros."""
    out = write_sample_output(tmp_path / "out", splits=())
    assert main(["report", "--out", str(out), "--to", str(tmp_path / "r")]) == 0
    for chart in ("events.png", "agencies.png", "checks.png"):
        assert len(png_colours(tmp_path / "r" / CHARTS / chart)) > 20, chart
