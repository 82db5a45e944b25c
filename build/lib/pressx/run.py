"""``pressx run``: stream sources through an engine into the output store, incrementally."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from pressx.crosscheck import cross_release_checks
from pressx.engines import run_dask, run_local
from pressx.extract import ExtractSettings
from pressx.inputs import InputFile, Source, count_documents, discover, read_sources
from pressx.schema import TABLE_NAMES
from pressx.store import Store
from pressx.tables import record_row, sha256

CROSS_CHECK_TABLES = ("documents", "participants", "events", "dates", "organisations")


class NoInputError(Exception):
    """The given paths hold no supported file."""


@dataclass(frozen=True, kw_only=True, slots=True)
class RunSettings:
    out: Path = Path("outputs")
    model: str | None = None
    config: str | None = None
    limit: int | None = None
    batch_size: int = 32
    batch_chars: int = 200_000
    workers: int = 1
    engine: str = "local"
    scheduler: str | None = None
    max_chars: int = 1_000_000
    max_file_bytes: int = 50_000_000
    doc_timeout: float = 60.0
    progress: bool = True


@dataclass(slots=True)
class RunSummary:
    n_ok: int = 0
    n_failed: int = 0
    n_skipped: int = 0
    n_words: int = 0
    seconds: float = 0.0
    rows: Counter = field(default_factory=Counter)

    @property
    def words_per_second(self) -> float:
        return self.n_words / self.seconds if self.seconds else 0.0


def run(paths: Iterable[str | Path], settings: RunSettings) -> RunSummary:
    """Process every release under ``paths`` into ``settings.out``; skip unchanged ones."""
    started = time.perf_counter()
    files = discover(paths)
    if not files:
        raise NoInputError("no .txt, .md, .html, .htm or .jsonl file found in the given paths")
    with Store(settings.out) as store:
        return _run_into(store, files, settings, started)


def _run_into(
    store: Store, files: list[InputFile], settings: RunSettings, started: float
) -> RunSummary:
    """The body of ``run`` while it holds the output folder."""
    known = store.known_documents()
    summary = RunSummary()
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
            if old and old.status == "ok" and old.text_sha256 == sha256(source.text or ""):
                summary.n_skipped += 1
                bar.update(1)
            else:
                yield source

    batches = _batched(
        changed_only(islice(sources, settings.limit)), settings.batch_size, settings.batch_chars
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
        store.remove_documents(ids & known.keys())
        store.write_batch(result.rows)
        summary.n_ok += result.n_ok
        summary.n_failed += result.n_failed
        summary.n_words += result.n_words
        summary.rows.update({t: len(r) for t, r in result.rows.items()})
        bar.update(len(ids))
    bar.close()
    tables = {t: store.read(t) for t in CROSS_CHECK_TABLES if t in TABLE_NAMES}
    cross = [record_row("checks", c) for c in cross_release_checks(tables)]
    store.write_cross_checks(cross)
    summary.rows["checks"] += len(cross)
    summary.seconds = time.perf_counter() - started
    return summary


def _batched(items: Iterator[Source], size: int, max_chars: int) -> Iterator[list[Source]]:
    """Batches of at most ``size`` documents and (unless one document is longer) ``max_chars``
    characters: the model's working memory grows with the text of a batch, so long PDF
    releases come in smaller batches and memory stays flat."""
    batch: list[Source] = []
    chars = 0
    for item in items:
        n_chars = len(item.text or "")
        if batch and (len(batch) >= size or chars + n_chars > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(item)
        chars += n_chars
    if batch:
        yield batch
