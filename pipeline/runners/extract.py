"""Extraction of one batch of sources into table rows: the unit of work every engine runs.

A worker (this process, a process-pool worker or a Dask worker) loads the pipeline once and
keeps it for every batch it is given. Every document has a time budget (``doc_timeout``):
a watchdog thread raises ``DocTimeout`` in the thread that runs the pipeline, whichever
engine it belongs to, and the document becomes an error row.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language

from pressx.runners.nlp import build_nlp
from pressx.tables.records import Source
from pressx.tables.rows import Rows, doc_rows, document_row, empty_rows
from pressx.text.language import detect_language


@dataclass(frozen=True, kw_only=True, slots=True)
class ExtractSettings:
    """What a worker needs to build the same pipeline as every other worker."""

    model: str | None = None
    config: str | None = None
    max_chars: int = 1_000_000
    # seconds one document may take (0: no limit)
    doc_timeout: float = 60.0
    # longest run of characters without a space: longer runs are data, not prose, and
    # make the tokenizer quadratic (no release of the archive has a run over 200)
    max_word_chars: int = 1_000


# publication dates outside this range are placeholders, not dates (relative dates are
# resolved from the publication date and would leave the calendar)
PUBLISHED_RANGE = (dt.date(1000, 1, 1), dt.date(8999, 12, 31))


class DocTimeout(Exception):
    """A document (or batch) ran over its time budget."""


@contextmanager
def time_budget(seconds: float, *, repeat: float = 0.5) -> Iterator[None]:
    """Raise ``DocTimeout`` in this thread once ``seconds`` have passed (0: never), and again
    every ``repeat`` seconds until the block ends (an exception raised inside a ``__del__``
    is swallowed). Python code is interrupted between two bytecodes, so any engine's thread
    can be stopped."""
    if not seconds:
        yield
        return
    target, guard = threading.get_ident(), threading.Lock()
    timers: list[threading.Timer] = []  # empty once the block has ended

    def start(delay: float) -> None:
        timer = threading.Timer(delay, expire)
        timer.daemon = True
        timers.append(timer)
        timer.start()

    def expire() -> None:
        with guard:
            if timers:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(DocTimeout)
                )
                start(repeat)

    start(seconds)
    try:
        yield
    finally:
        with guard:
            ended = timers[:]
            timers.clear()
        for timer in ended:  # no timer outlives the block: a long run keeps no threads
            timer.cancel()
            timer.join()


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
    """Rows of every table for ``sources``. Every step of a document (checks of its text,
    language, the pipeline within its time budget, its rows) is isolated: a document that
    fails or runs over becomes an error row, and the batch goes on."""
    nlp = pipeline_for(settings.model, settings.config)
    result = BatchResult()
    todo: list[tuple[Source, str | None]] = []
    for source in sources:
        try:
            problem = source.error or _refusal(source.text or "", settings)
            language = detect_language(source.text) if not problem else None
        except Exception as exc:
            problem, language = _failure(exc, settings), None
        if problem or language not in ("en", None):
            _add(result, document_row(source, None, language=language, error=problem), [])
        else:
            todo.append((source, language))
    # Strings a batch adds to the vocabulary are freed when the zone closes, so a worker's
    # memory stays flat over an archive; rows hold plain Python values, never Doc objects.
    with nlp.memory_zone():
        outcomes = _process(nlp, [s for s, _ in todo], settings.doc_timeout)
        for (source, language), outcome in zip(todo, outcomes, strict=True):
            if not isinstance(outcome, Exception):
                try:
                    rows = doc_rows(outcome)
                    row = document_row(source, outcome, language=language)
                except Exception as exc:
                    outcome = exc
            if isinstance(outcome, Exception):
                error = _failure(outcome, settings)
                _add(result, document_row(source, None, language=language, error=error), [])
            else:
                result.n_words += len(outcome)
                _add(result, row, [rows])
    return result


def _failure(exc: Exception, settings: ExtractSettings) -> str:
    """The error message of a document whose extraction raised ``exc``."""
    if isinstance(exc, DocTimeout):
        return (
            f"timed out: extraction took over {settings.doc_timeout:g} s "
            "(--doc-timeout); the rest of the run went on"
        )
    return f"extraction failed ({type(exc).__name__}: {exc}); please report"


def _refusal(text: str, settings: ExtractSettings) -> str | None:
    """Why a text is not processed, or None."""
    if not text.strip():
        return "empty document: the file holds no text"
    if len(text) > settings.max_chars:
        return (
            f"document has {len(text):,} characters, over the {settings.max_chars:,} limit "
            "(--max-chars)"
        )
    runs = re.findall(rf"\S{{{settings.max_word_chars + 1},}}", text)
    if longest := max(map(len, runs), default=0):
        return (
            f"a run of {longest:,} characters without a space (data, not prose): over the "
            f"{settings.max_word_chars:,}-character limit for one word"
        )
    return None


def _process(nlp: Language, sources: list[Source], seconds: float) -> list:
    """Processed Docs in order; when the batch fails or runs over ``seconds``, each document
    alone within ``seconds``, so one bad or slow document costs only its own rows (its place
    holds the exception)."""
    try:
        with time_budget(seconds):
            return list(nlp.pipe(_make_doc(nlp, s) for s in sources))
    except Exception:
        outcomes = []
        for source in sources:
            try:
                with time_budget(seconds):
                    outcome = nlp(_make_doc(nlp, source))
            except Exception as exc:
                outcome = exc
            outcomes.append(outcome)
        return outcomes


def _make_doc(nlp: Language, source: Source):
    doc = nlp.make_doc(source.text)
    doc._.doc_id = source.doc_id
    doc._.title = source.title
    doc._.published = source.published if _plausible(source.published) else None
    return doc


def _plausible(published: dt.date | None) -> bool:
    """Whether a given publication date can anchor relative dates ("last week"): not None
    and not at the ends of the calendar ("0001-01-01", "9999-12-31" are placeholders)."""
    return isinstance(published, dt.date) and PUBLISHED_RANGE[0] <= published <= PUBLISHED_RANGE[1]


def _add(result: BatchResult, doc_row: dict, extracted: list[Rows]) -> None:
    result.rows["documents"].append(doc_row)
    if doc_row["status"] == "ok":
        result.n_ok += 1
    else:
        result.n_failed += 1
    for rows in extracted:
        for table, table_rows in rows.items():
            result.rows[table] += table_rows
