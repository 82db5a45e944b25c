"""The output folder: one Parquet dataset folder per table, written part by part.

A batch writes one part file per table (``<table>/part-<batch>.parquet``), each through a
temporary file and an atomic rename; the ``documents`` part goes last and commits the
batch. Opening the store removes what a killed run left behind (temporary files and parts
of uncommitted batches), so a killed run never leaves half-written tables and the next
run redoes only the batch that was in flight.

One writer at a time: a ``Store`` holds an exclusive lock on ``<out>/.pressx.lock`` (an
``flock``, released by the kernel when the process ends, however it ends) from before its
recovery until ``close()``, so recovery never touches the files of a live run and two runs
never add the same documents twice. Readers take no lock and see committed batches only.
"""

from __future__ import annotations

import errno
import fcntl
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pressx.schema import TABLE_NAMES, arrow_schema

COMMIT_TABLE = "documents"
CROSS_PART = "cross-release.parquet"
LOCK_FILE = ".pressx.lock"


class OutputBusyError(Exception):
    """Another process is writing to the output folder."""


class Store:
    """Parquet tables under ``out``: read what is there, add batches, replace documents.

    Use it as a context manager (or call ``close()``): it holds the output folder's lock.
    """

    def __init__(self, out: str | Path):
        self.out = Path(out)
        self.run_id = uuid.uuid4().hex[:8]
        self.seq = 0
        if self.out.exists() and not self.out.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "it is a file, not a folder", str(self.out))
        self.out.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.out / LOCK_FILE)
        for table in TABLE_NAMES:
            (self.out / table).mkdir(exist_ok=True)
        self._recover()

    def close(self) -> None:
        """Release the output folder for the next writer."""
        self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def table_dir(self, table: str) -> Path:
        return self.out / table

    def parts(self, table: str) -> list[Path]:
        return sorted(self.table_dir(table).glob("part-*.parquet"))

    def _recover(self) -> None:
        """Drop temporary files and the parts of batches that never committed."""
        for tmp in self.out.glob("*/.*.tmp"):
            tmp.unlink()
        committed = {p.name for p in self.parts(COMMIT_TABLE)}
        for table in TABLE_NAMES:
            for part in self.parts(table):
                if part.name not in committed:
                    part.unlink()

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One table as a DataFrame (empty, with its columns, when nothing is written)."""
        paths = table_files(self.out, table)
        schema = arrow_schema(table)
        if not paths:
            return schema.empty_table().to_pandas()[columns or schema.names]
        return pq.ParquetDataset(paths, schema=schema).read(columns=columns).to_pandas()

    def known_documents(self) -> dict[str, KnownDocument]:
        """The documents already in the output, by doc_id."""
        df = self.read(COMMIT_TABLE, columns=["doc_id", "path", "text_sha256", "status"])
        return {
            r.doc_id: KnownDocument(r.path.split("#L", 1)[0], r.text_sha256, r.status)
            for r in df.itertuples()
        }

    def write_batch(self, rows: dict[str, list[dict]]) -> None:
        """Write one batch: every table's part, then the documents part that commits it."""
        name = f"part-{self.run_id}-{self.seq:06d}.parquet"
        self.seq += 1
        for table in sorted(TABLE_NAMES, key=lambda t: t == COMMIT_TABLE):
            self._write(self.table_dir(table) / name, table, rows.get(table, []))

    def write_cross_checks(self, rows: list[dict]) -> None:
        """Replace the run-wide (cross-release) checks."""
        self._write(self.table_dir("checks") / CROSS_PART, "checks", rows)

    def remove_documents(self, doc_ids: set[str]) -> None:
        """Delete every row of these documents (before their new version is written). The
        documents rows go last, so an interruption leaves them to be removed again."""
        if not doc_ids:
            return
        for table in sorted(TABLE_NAMES, key=lambda t: t == COMMIT_TABLE):
            for part in self.parts(table):
                data = pq.read_table(part, schema=arrow_schema(table))
                keep = _rows_not_of(data, table, doc_ids)
                if keep.num_rows != data.num_rows:
                    _atomic_write(part, keep)

    def _write(self, path: Path, table: str, rows: list[dict]) -> None:
        _atomic_write(path, pa.Table.from_pylist(rows, schema=arrow_schema(table)))


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """What a run needs to know of a stored document: whose it is and whether to redo it."""

    path: str
    text_sha256: str
    status: str


def _lock(path: Path):
    """The open, exclusively locked lock file; ``OutputBusyError`` if another process holds it."""
    handle = path.open("a+")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise OutputBusyError(
            f"{path.parent}/ is being written by another pressx run ({holder}); wait for it "
            "to finish or choose another --out"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    return handle


def table_files(out: str | Path, table: str) -> list[Path]:
    """The committed files of one table, found without changing anything (for readers such as
    ``pressx query``): the parts whose batch has a ``documents`` part, plus, for ``checks``,
    the run-wide cross-release part."""
    out = Path(out)
    committed = {p.name for p in (out / COMMIT_TABLE).glob("part-*.parquet")}
    paths = sorted(p for p in (out / table).glob("part-*.parquet") if p.name in committed)
    if table == "checks" and (out / table / CROSS_PART).exists():
        paths.append(out / table / CROSS_PART)
    return paths


def _rows_not_of(data: pa.Table, table: str, doc_ids: set[str]) -> pa.Table:
    if table == "checks":
        mask = [not (set(ids) & doc_ids) for ids in data.column("doc_ids").to_pylist()]
    else:
        mask = [d not in doc_ids for d in data.column("doc_id").to_pylist()]
    return data.filter(pa.array(mask, type=pa.bool_()))


def _atomic_write(path: Path, data: pa.Table) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(data, tmp)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)
