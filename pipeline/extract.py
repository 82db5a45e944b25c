"""Extraction of one batch of sources into table rows: the unit of work every engine runs.

A worker (this process, a process-pool worker or a Dask worker) loads the pipeline once and
keeps it for every batch it is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language

from pipeline.inputs import Source
from pipeline.language import detect_language
from pipeline.nlp import build_nlp
from pipeline.tables import Rows, doc_rows, document_row, empty_rows


@dataclass(frozen=True, kw_only=True, slots=True)
class ExtractSettings:
    """What a worker needs to build the same pipeline as every other worker."""

    model: str | None = None
    config: str | None = None
    max_chars: int = 1_000_000


@dataclass(slots=True)
class BatchResult:
    rows: Rows = field(default_factory=empty_rows)
    n_ok: int = 0
    n_failed: int = 0
    n_words: int = 0


@cache
def pipeline_for(model: str | None, config: str | None) -> Language:
    """The pressx pipeline, loaded once per process."""
    return build_nlp(model=model, config_path=config)


def extract_batch(sources: list[Source], settings: ExtractSettings) -> BatchResult:
    """Rows of every table for ``sources``; a failing document becomes an error row."""
    nlp = pipeline_for(settings.model, settings.config)
    result = BatchResult()
    todo: list[tuple[Source, str | None]] = []
    for source in sources:
        problem = source.error or _refusal(source.text or "", settings.max_chars)
        language = detect_language(source.text) if not problem else None
        if problem or language not in ("en", None):
            _add(result, document_row(source, None, language=language, error=problem), [])
        else:
            todo.append((source, language))
    # Strings a batch adds to the vocabulary are freed when the zone closes, so a worker's
    # memory stays flat over an archive; rows hold plain Python values, never Doc objects.
    with nlp.memory_zone():
        outcomes = _process(nlp, [s for s, _ in todo])
        for (source, language), outcome in zip(todo, outcomes, strict=True):
            if isinstance(outcome, Exception):
                error = f"extraction failed ({type(outcome).__name__}: {outcome}); please report"
                _add(result, document_row(source, None, language=language, error=error), [])
            else:
                result.n_words += len(outcome)
                row = document_row(source, outcome, language=language)
                _add(result, row, [doc_rows(outcome)])
    return result


def _refusal(text: str, max_chars: int) -> str | None:
    """Why a text is not processed, or None."""
    if not text.strip():
        return "empty document: the file holds no text"
    if len(text) > max_chars:
        return f"document has {len(text):,} characters, over the {max_chars:,} limit (--max-chars)"
    return None


def _process(nlp: Language, sources: list[Source]) -> list:
    """Processed Docs in order; when the batch fails, each document alone, so one bad
    document costs only its own rows (its place holds the exception)."""
    try:
        return list(nlp.pipe(_make_doc(nlp, s) for s in sources))
    except Exception:
        outcomes = []
        for source in sources:
            try:
                outcomes.append(nlp(_make_doc(nlp, source)))
            except Exception as exc:
                outcomes.append(exc)
        return outcomes


def _make_doc(nlp: Language, source: Source):
    doc = nlp.make_doc(source.text)
    doc._.doc_id = source.doc_id
    doc._.title = source.title
    doc._.published = source.published if isinstance(source.published, dt.date) else None
    return doc


def _add(result: BatchResult, doc_row: dict, extracted: list[Rows]) -> None:
    result.rows["documents"].append(doc_row)
    if doc_row["status"] == "ok":
        result.n_ok += 1
    else:
        result.n_failed += 1
    for rows in extracted:
        for table, table_rows in rows.items():
            result.rows[table] += table_rows
