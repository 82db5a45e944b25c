"""``pressx run``: stream sources through an engine into the output store, incrementally.

A stored document is skipped when its text is unchanged, its last extraction succeeded and
the pipeline that made its rows (its batch's fingerprint) is the one this run builds; else it
is extracted again and its new rows replace the old ones.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from pressx.io.fingerprint import differences, pipeline_fingerprint
from pressx.io.inputs import InputFile, count_documents, discover, read_sources
from pressx.io.store import KnownDocument, Store
from pressx.runners.crosscheck import cross_release_checks
from pressx.runners.engines import run_dask, run_local
from pressx.runners.extract import ExtractSettings
from pressx.tables.records import Source
from pressx.tables.rows import record_row, sha256
from pressx.tables.schema import TABLE_NAMES

CROSS_CHECK_TABLES = ("documents", "participants", "events", "dates", "organisations")


FINGERPRINT_FILE = "fingerprint.json"
# the smallest batch that the end of a run with several workers is cut into
MIN_TAIL_BATCH = 4


class NoInputError(Exception):
    """The given paths hold no supported file."""


class OldOutputError(Exception):
    """The output folder was written by a pressx that recorded no pipeline fingerprint."""


@dataclass(frozen=True, kw_only=True, slots=True)
class RunSettings:
    out: Path = Path("outputs")
    model: str | None = None
    config: str | None = None
    limit: int | None = None
    batch_size: int = 32
    # characters per batch at most: the model's working memory is some 9 KB a token of the
    # batch (tok2vec, and ner's own tok2vec), so this bounds a worker's peak (at 200,000 the
    # 8,000-release bench peaked 15% over the 1,000-release one: its fuller batches)
    batch_chars: int = 120_000
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    max_chars: int = 1_000_000
    max_file_bytes: int = 50_000_000
    doc_timeout: float = 60.0
    # forget every stored document first
    rebuild: bool = False
    progress: bool = True


@dataclass(slots=True)
class RunSummary:
    n_ok: int = 0
    n_failed: int = 0
    n_skipped: int = 0
    n_words: int = 0
    seconds: float = 0.0
    rows: Counter = field(default_factory=Counter)
    # stored documents extracted again because the pipeline changed, and what changed
    reextracted: list[str] = field(default_factory=list)
    pipeline_changes: list[str] = field(default_factory=list)

    @property
    def words_per_second(self) -> float:
        return self.n_words / self.seconds if self.seconds else 0.0


def run(paths: Iterable[str | Path], settings: RunSettings) -> RunSummary:
    """Process every release under ``paths`` into ``settings.out``; skip unchanged ones."""
    started = time.perf_counter()
    files = discover(paths)
    if not files:
        raise NoInputError("no .txt, .md, .html, .htm or .jsonl file found in the given paths")
    fingerprint = pipeline_fingerprint(model=settings.model, config=settings.config)
    with Store(settings.out) as store:
        if settings.rebuild:
            store.clear()
        return _run_into(store, files, settings, fingerprint, started)


def _run_into(
    store: Store, files: list[InputFile], settings: RunSettings, fingerprint: str, started: float
) -> RunSummary:
    """The body of ``run`` while it holds the output folder."""
    known = store.known_documents()
    if any(k.fingerprint is None for k in known.values()):
        raise OldOutputError(
            f"{settings.out}/ was written by an older pressx, which recorded neither the "
            "pipeline that made its rows nor the input folder in each path; run again with "
            "--rebuild to extract everything afresh into it, or choose another --out"
        )
    summary = RunSummary()
    made_by: set[str] = set()  # the other pipelines that made the re-extracted documents
    total = count_documents(files)
    bar = tqdm(
        total=min(total, settings.limit or total),
        unit="doc",
        disable=not settings.progress,
        file=sys.stderr,
    )
    stored = {doc_id: k.path for doc_id, k in known.items()}
    sources = read_sources(files, max_bytes=settings.max_file_bytes, stored=stored)

    def changed_only(stream: Iterator[Source]) -> Iterator[Source]:
        """Sources not yet in the output, changed since, or failed last time (retried)."""
        for source in stream:
            old = known.get(source.doc_id)
            if _up_to_date(old, source, fingerprint):
                summary.n_skipped += 1
                bar.update(1)
            else:
                if _up_to_date(old, source, old.fingerprint if old else None):
                    summary.reextracted.append(source.doc_id)
                    made_by.add(old.fingerprint)
                yield source

    batches = _batched(
        changed_only(islice(sources, settings.limit)),
        settings.batch_size,
        settings.batch_chars,
        expected=bar.total if settings.workers > 1 else 0,
        workers=settings.workers,
    )
    extract_settings = ExtractSettings(
        model=settings.model,
        config=settings.config,
        max_chars=settings.max_chars,
        doc_timeout=settings.doc_timeout,
    )
    if settings.engine == "dask":
        results = run_dask(
            batches, extract_settings, scheduler=settings.scheduler, workers=settings.workers
        )
    else:
        results = run_local(batches, extract_settings, workers=settings.workers)
    for result in results:
        ids = {row["doc_id"] for row in result.rows["documents"]}
        store.write_batch(result.rows, replaces=ids & known.keys(), fingerprint=fingerprint)
        summary.n_ok += result.n_ok
        summary.n_failed += result.n_failed
        summary.n_words += result.n_words
        summary.rows.update({t: len(r) for t, r in result.rows.items()})
        bar.update(len(ids))
    bar.close()
    store.finish_replacements()
    n_cross = store.current_cross_checks(fingerprint)
    if n_cross is None:
        tables = {t: store.read(t) for t in CROSS_CHECK_TABLES if t in TABLE_NAMES}
        checks = cross_release_checks(tables, config=settings.config)
        cross = [record_row("checks", c) for c in checks]
        store.write_cross_checks(cross, fingerprint=fingerprint)
        n_cross = len(cross)
    (settings.out / FINGERPRINT_FILE).write_text(
        json.dumps(json.loads(fingerprint), indent=1) + "\n", encoding="utf-8"
    )
    summary.rows["checks"] += n_cross
    summary.pipeline_changes = sorted({d for old in made_by for d in differences(old, fingerprint)})
    summary.seconds = time.perf_counter() - started
    return summary


def _up_to_date(old: KnownDocument | None, source: Source, fingerprint: str | None) -> bool:
    """Whether the stored ``old`` rows of ``source`` are what ``fingerprint``'s pipeline makes
    of its text now (a failed document never is: it is retried)."""
    return (
        old is not None
        and old.status == "ok"
        and old.text_sha256 == sha256(source.text or "")
        and old.fingerprint == fingerprint
    )


def _batched(
    items: Iterator[Source], size: int, max_chars: int, *, expected: int = 0, workers: int = 1
) -> Iterator[list[Source]]:
    """Batches of at most ``size`` documents and (unless one document is longer) ``max_chars``
    characters: the model's working memory grows with the text of a batch, so long PDF
    releases come in smaller batches and memory stays flat.

    ``expected`` is how many documents ``items`` holds at most (0: unknown). Near the end,
    a batch holds at most a ``2 * workers``-th of the documents left (at least
    ``MIN_TAIL_BATCH``): the workers then finish together instead of one running a whole
    last batch while the others wait."""
    batch: list[Source] = []
    chars = 0
    for taken, item in enumerate(items):
        n_chars = len(item.text or "")
        if expected:
            left = expected - taken + len(batch)
            size = min(size, max(MIN_TAIL_BATCH, -(-left // (2 * workers))))
        if batch and (len(batch) >= size or chars + n_chars > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n_chars
    if batch:
        yield batch
