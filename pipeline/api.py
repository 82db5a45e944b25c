"""The Python interface: ``pressx.load``, ``pressx.extract``, ``pressx.open``, ``pressx.render``.

For notebooks and scripts. ``extract`` runs the same extraction as ``pressx run`` (the same
batches, per-document time budget and cross-release checks) and returns the eight tables as
pandas DataFrames with the Parquet tables' columns and dtypes, without writing a file.
``open`` reads the tables a ``pressx run`` wrote; ``render`` draws a release with spaCy's
displaCy, each table's evidence in the colour the report gives it.

>>> import pressx
>>> tables = pressx.extract("Mr. Jeremy Milson, Country Representative of UNODC, spoke.")
>>> tables["people"][["name", "role"]].values.tolist()
[['Jeremy Milson', 'Country Representative']]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
from spacy import displacy
from spacy.language import Language
from spacy.tokens import Doc

from pressx.io.inputs import discover, normalise_text, read_sources
from pressx.runners.crosscheck import cross_release_checks
from pressx.runners.extract import ExtractSettings, extract_batch, pipeline_for
from pressx.tables.records import Source
from pressx.tables.rows import empty_rows, record_row
from pressx.tables.schema import TABLE_NAMES, arrow_schema
from pressx.views.evidence import EXTRACTION_TABLES, LAYER_BY_TABLE
from pressx.views.query import open_tables

Inputs = str | Path | Mapping[str, str] | Iterable[str | Path]
SPANS_KEY = "pressx"
TEXT_ID = "text-{}"  # doc_id of the n-th text given as a string (from 1)


def load(model: str | None = None, config: str | Path | None = None) -> Language:
    """The pressx spaCy pipeline: the base model and every pressx component, loaded once per
    process (``extract`` and ``render`` use the same one).

    ``model`` replaces the config's base model (``"en_core_web_lg"``); ``config`` is a copy
    of ``pipeline/default.cfg`` with other settings.

    >>> doc = load()("The workshop was held on 02 November 2020 in Islamabad.")
    >>> [(e.type, str(e.start)) for e in doc._.events]
    [('workshop', '2020-11-02')]
    """
    return pipeline_for(model, str(config) if config else None)


def extract(
    texts_or_paths: Inputs,
    *,
    model: str | None = None,
    config: str | Path | None = None,
    max_chars: int = 1_000_000,
    max_file_bytes: int = 50_000_000,
    doc_timeout: float = 60.0,
    batch_size: int = 32,
) -> dict[str, pd.DataFrame]:
    """The eight tables of ``texts_or_paths`` as DataFrames, by table name, as ``pressx run``
    would write them (same columns and dtypes, offsets into ``documents.text``), in memory.

    ``texts_or_paths``: a text (``str``), a file or folder (``pathlib.Path``, folders read
    recursively like ``pressx run``), a list mixing them, or a mapping of doc_id to text.
    A string is always a text (one naming an existing file is refused, so that a path is not
    read as a release). A text's doc_id is ``text-1``, ``text-2``... in the order given; a
    file's is its name without the suffix. The other settings are those of ``pressx run``
    (``--model``, ``--config``, ``--max-chars``, ``--max-file-bytes``, ``--doc-timeout``,
    ``--batch-size``).
    A document that cannot be read or processed is a ``documents`` row with status ``error``.

    >>> tables = extract({"memo": "On 3 May 2024, 12 officers of the FIA were trained."})
    >>> tables["participants"][["doc_id", "count", "agency"]].values.tolist()
    [['memo', 12, 'FIA']]
    >>> sorted(tables) == sorted(TABLE_NAMES)
    True
    """
    sources = _sources(texts_or_paths, max_file_bytes=max_file_bytes)
    settings = ExtractSettings(
        model=model,
        config=str(config) if config else None,
        max_chars=max_chars,
        doc_timeout=doc_timeout,
    )
    rows = empty_rows()
    for i in range(0, len(sources), batch_size):
        for table, table_rows in extract_batch(sources[i : i + batch_size], settings).rows.items():
            rows[table] += table_rows
    tables = {t: _frame(t, rows[t]) for t in TABLE_NAMES}
    cross = [record_row("checks", c) for c in cross_release_checks(tables)]
    if cross:
        tables["checks"] = _frame("checks", rows["checks"] + cross)
    return tables


def open(out_dir: str | Path = "outputs") -> duckdb.DuckDBPyConnection:
    """A DuckDB connection to the tables ``pressx run`` wrote to ``out_dir``: one read-only
    view per table (``documents``, ``people``, ...), reading the committed Parquet files in
    place, as ``pressx query`` does. The connection cannot open files outside ``out_dir``;
    ``pressx.views.query.NoOutputError`` when ``out_dir`` holds no pressx output.

    >>> con = open("outputs")  # doctest: +SKIP
    >>> con.sql("select agency, sum(count) from participants group by 1").df()  # doctest: +SKIP
    """
    return open_tables(Path(out_dir))


def render(
    doc_or_text: Doc | str,
    *,
    tables: Iterable[str] = EXTRACTION_TABLES,
    jupyter: bool | None = None,
) -> str | None:
    """A release drawn by spaCy's displaCy (``style="span"``): the evidence of each row of
    ``tables`` underlined and labelled in its table's colour (the report's colours).

    ``doc_or_text`` is a ``Doc`` the pressx pipeline made (``load()(text)``) or a text, which
    is processed first. In a notebook the drawing is displayed (and None returned); elsewhere,
    or with ``jupyter=False``, the HTML is returned. The Doc keeps the spans in
    ``doc.spans["pressx"]``.

    >>> doc = load()("Mr. Wajid Zia, Director General of the FIA, opened it.")
    >>> html = render(doc, jupyter=False)
    >>> [(span.text, span.label_) for span in doc.spans["pressx"]]
    [('FIA', 'organisations'), ('Wajid Zia', 'people')]
    >>> LAYER_BY_TABLE["people"].colour in html
    True
    """
    doc = load()(doc_or_text) if isinstance(doc_or_text, str) else doc_or_text
    shown = set(tables)
    doc.spans[SPANS_KEY] = [
        span
        for table in EXTRACTION_TABLES
        if table in shown
        for record in getattr(doc._, table) or ()
        if (span := doc.char_span(record.char_start, record.char_end, table, "expand"))
    ]
    colours = {table: layer.colour for table, layer in LAYER_BY_TABLE.items()}
    options = {"spans_key": SPANS_KEY, "colors": colours}
    return displacy.render(doc, style="span", options=options, jupyter=jupyter)


def _sources(texts_or_paths: Inputs, *, max_file_bytes: int) -> list[Source]:
    """The documents to extract: texts first (with their ids), then every file of the paths,
    whose ids never take a text's."""
    if isinstance(texts_or_paths, str | Path):
        texts_or_paths = [texts_or_paths]
    if isinstance(texts_or_paths, Mapping):
        texts = list(texts_or_paths.items())
        paths: list[Path] = []
    else:
        items = list(texts_or_paths)
        if wrong := [type(i).__name__ for i in items if not isinstance(i, str | Path)]:
            raise TypeError(f"give texts (str) and paths (pathlib.Path), not {wrong[0]}")
        strings = [item for item in items if isinstance(item, str)]
        if named := next((s for s in strings if os.path.exists(s)), None):
            raise TypeError(
                f"{named!r} is a text here; for the file or folder give Path({named!r})"
            )
        texts = [(TEXT_ID.format(n), text) for n, text in enumerate(strings, start=1)]
        paths = [item for item in items if isinstance(item, Path)]
    sources = [Source(doc_id, "<text>", text=normalise_text(text)) for doc_id, text in texts]
    stored = {source.doc_id: source.path for source in sources}
    files = discover(paths) if paths else []
    return sources + list(read_sources(files, max_bytes=max_file_bytes, stored=stored))


def _frame(table: str, rows: list[dict]) -> pd.DataFrame:
    """Rows as the DataFrame ``pandas.read_parquet`` gives for the stored table."""
    return pa.Table.from_pylist(rows, schema=arrow_schema(table)).to_pandas()
