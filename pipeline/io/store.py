"""The output folder: one Parquet dataset folder per table, written part by part.

A batch writes one part file per table (``<table>/part-<batch>.parquet``), each through a
temporary file and an atomic rename; the ``documents`` part goes last and commits the
batch. Opening the store removes what a killed run left behind (temporary files and parts
of uncommitted batches), so a killed run never leaves half-written tables and the next
run redoes only the batch that was in flight.

A batch that holds new versions of stored documents says so before it commits: it writes the
list of those doc ids to ``.replacing/<batch>.json``. Once the batch is committed, readers
(``snapshot``) keep those documents' rows from that batch only and drop their old rows
wherever they are; the old parts are not touched while the run goes on. When the run ends
(or, after a kill, when the next run opens the store) the old rows are deleted from the old
parts and the lists removed: the folder is then plain Parquet again for any reader.

One writer at a time: a ``Store`` holds an exclusive lock on ``<out>/.pressx.lock`` (an
``flock``, released by the kernel when the process ends, however it ends) from before its
recovery until ``close()``, so recovery never touches the files of a live run and two runs
never add the same documents twice. Readers take no writer lock; the pressx commands hold a
shared lock on ``<out>/.pressx.readers`` while they read (``reading``), and the writer
changes or deletes committed parts only under the exclusive one, so a reader's snapshot
stays valid for as long as it reads.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import json
import os
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pressx.tables.schema import TABLE_NAMES, arrow_schema

COMMIT_TABLE = "documents"
CROSS_PART = "cross-release.parquet"
LOCK_FILE = ".pressx.lock"
READERS_FILE = ".pressx.readers"
REPLACING = ".replacing"
FINGERPRINT_KEY = b"pressx.io.fingerprint"
# the committed batches the cross-release checks were made from (a hash of their names)
MADE_FROM_KEY = b"pressx.io.made_from"


class OutputBusyError(Exception):
    """Another process is writing to the output folder."""


@dataclass(frozen=True, slots=True)
class KnownDocument:
    """What a run needs to know of a stored document: whose it is and whether to redo it
    (``fingerprint``: the pipeline that made its rows, None before fingerprints existed)."""

    path: str
    text_sha256: str
    status: str
    fingerprint: str | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The committed batches of an output folder at one moment.

    ``owners`` maps each document being replaced to the batch holding its new version; its
    rows in any other part are old and left out."""

    out: Path
    batches: frozenset[str]
    owners: Mapping[str, str] = field(default_factory=dict)

    def files(self, table: str) -> list[Path]:
        """The committed parts of one table (for ``checks``, plus the cross-release part)."""
        folder = self.out / table
        paths = sorted(p for p in folder.glob("part-*.parquet") if p.name in self.batches)
        if table == "checks" and (folder / CROSS_PART).exists():
            paths.append(folder / CROSS_PART)
        return paths

    def keep(self, table: str, part: str, data: pa.Table) -> pa.Table:
        """The rows of ``data`` (part file ``part`` of ``table``) that are current: none of a
        document that another batch replaces (a check: none citing one)."""
        if not self.owners:
            return data
        if table == "checks":
            current = [
                all(self.owners.get(d, part) == part for d in ids or ())
                for ids in data.column("doc_ids").to_pylist()
            ]
        else:
            current = [self.owners.get(d, part) == part for d in data.column("doc_id").to_pylist()]
        return data.filter(pa.array(current, type=pa.bool_()))

    def arrow(self, table: str, columns: list[str] | None = None) -> pa.Table:
        """One table's current rows as Arrow (empty, with its columns, when nothing is
        written); ``columns`` are read with the document key the replacement test needs."""
        schema = arrow_schema(table)
        key = ["doc_ids" if table == "checks" else "doc_id"]
        wanted = None if columns is None else list(dict.fromkeys(columns + key))
        parts = [
            self.keep(table, path.name, pq.read_table(path, schema=schema, columns=wanted))
            for path in self.files(table)
        ]
        return pa.concat_tables(parts) if parts else schema.empty_table()

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One table's current rows (empty, with its columns, when nothing is written)."""
        return self.arrow(table, columns).to_pandas()[columns or arrow_schema(table).names]


def snapshot(out: str | Path) -> Snapshot:
    """The committed state of ``out``, found without changing anything (for readers such as
    ``pressx query``): the batches whose ``documents`` part exists, and the documents that
    committed batches replace."""
    out = Path(out)
    batches = frozenset(p.name for p in (out / COMMIT_TABLE).glob("part-*.parquet"))
    owners: dict[str, str] = {}
    for listing in sorted((out / REPLACING).glob("part-*.json")):
        batch = listing.name.removesuffix(".json")
        if batch in batches:
            try:
                owners.update(dict.fromkeys(json.loads(listing.read_text()), batch))
            except FileNotFoundError:  # the writer finished the replacement meanwhile
                continue
    return Snapshot(out, batches, owners)


@contextmanager
def reading(out: str | Path) -> Iterator[None]:
    """Hold ``out`` steady while reading: committed parts are neither rewritten nor deleted
    until the block ends (a shared lock; several readers read at once). A folder no pressx
    run has written to needs no lock."""
    try:
        handle = (Path(out) / READERS_FILE).open("rb")
    except OSError:
        handle = None
    if handle is None:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield


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
        (self.out / READERS_FILE).touch()
        for table in TABLE_NAMES:
            (self.out / table).mkdir(exist_ok=True)
        (self.out / REPLACING).mkdir(exist_ok=True)
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
        """Drop temporary files and the parts of batches that never committed; finish the
        replacements of committed ones."""
        for tmp in [*self.out.glob("*/.*.tmp"), *self.out.glob(f"{REPLACING}/.*.tmp")]:
            tmp.unlink()
        committed = {p.name for p in self.parts(COMMIT_TABLE)}
        for table in TABLE_NAMES:
            for part in self.parts(table):
                if part.name not in committed:
                    part.unlink()
        for listing in (self.out / REPLACING).glob("part-*.json"):
            if listing.name.removesuffix(".json") not in committed:
                listing.unlink()
        self.finish_replacements()

    def read(self, table: str, columns: list[str] | None = None) -> pd.DataFrame:
        """One table as a DataFrame (empty, with its columns, when nothing is written)."""
        return snapshot(self.out).read(table, columns)

    def known_documents(self) -> dict[str, KnownDocument]:
        """The documents already in the output, by doc_id."""
        known = {}
        columns = ["doc_id", "path", "text_sha256", "status"]
        for part in self.parts(COMMIT_TABLE):
            data = pq.read_table(part, columns=columns)
            fingerprint = (data.schema.metadata or {}).get(FINGERPRINT_KEY)
            made_by = fingerprint.decode() if fingerprint else None
            for r in data.to_pylist():
                path = r["path"].split("#L", 1)[0]
                known[r["doc_id"]] = KnownDocument(path, r["text_sha256"], r["status"], made_by)
        return known

    def write_batch(
        self,
        rows: dict[str, list[dict]],
        *,
        replaces: set[str] = frozenset(),
        fingerprint: str | None = None,
    ) -> None:
        """Write one batch: every table's part, the list of stored documents it replaces,
        then the documents part that commits it (carrying the pipeline ``fingerprint``)."""
        name = f"part-{self.run_id}-{self.seq:06d}.parquet"
        self.seq += 1
        for table in TABLE_NAMES:
            if table != COMMIT_TABLE:
                self._write(self.table_dir(table) / name, table, rows.get(table, []))
        if replaces:
            _atomic_write_text(self.out / REPLACING / f"{name}.json", json.dumps(sorted(replaces)))
        metadata = {FINGERPRINT_KEY: fingerprint.encode()} if fingerprint else None
        self._write(
            self.table_dir(COMMIT_TABLE) / name, COMMIT_TABLE, rows.get(COMMIT_TABLE, []), metadata
        )

    def write_cross_checks(self, rows: list[dict], *, fingerprint: str | None = None) -> None:
        """Replace the run-wide (cross-release) checks, made by ``fingerprint``'s pipeline
        from the batches committed now."""
        metadata = {MADE_FROM_KEY: self._batches_hash().encode()}
        if fingerprint:
            metadata[FINGERPRINT_KEY] = fingerprint.encode()
        self._write(self.table_dir("checks") / CROSS_PART, "checks", rows, metadata)

    def current_cross_checks(self, fingerprint: str) -> int | None:
        """How many cross-release checks are stored, if ``fingerprint``'s pipeline made them
        from the batches committed now (a re-run that changed nothing keeps them rather than
        read every table again); else None."""
        path = self.table_dir("checks") / CROSS_PART
        try:
            meta = pq.read_metadata(path)
        except FileNotFoundError:
            return None
        made = meta.schema.to_arrow_schema().metadata or {}
        if made.get(FINGERPRINT_KEY) != fingerprint.encode():
            return None
        if made.get(MADE_FROM_KEY) != self._batches_hash().encode():
            return None
        return meta.num_rows

    def _batches_hash(self) -> str:
        """A hash of the names of the committed batches: a batch that adds or replaces
        documents, or a replacement finished after a killed run, changes it."""
        names = "\n".join(p.name for p in self.parts(COMMIT_TABLE))
        return hashlib.sha256(names.encode()).hexdigest()

    def finish_replacements(self) -> list[str]:
        """Delete the old rows of the documents that committed batches replaced (waiting for
        the pressx readers of the folder to finish first); returns those doc ids."""
        current = snapshot(self.out)
        if not current.owners:
            return []
        with _excluding_readers(self.out):
            for table in TABLE_NAMES:
                for path in current.files(table):
                    data = pq.read_table(path, schema=arrow_schema(table))
                    keep = current.keep(table, path.name, data)
                    if keep.num_rows != data.num_rows:
                        # the file's own metadata (the fingerprint of the pipeline that made
                        # the rows): ``data`` holds the schema's, which has none
                        made_by = pq.read_schema(path).metadata
                        _atomic_write(path, keep.replace_schema_metadata(made_by))
            for listing in (self.out / REPLACING).glob("part-*.json"):
                listing.unlink()
        return sorted(current.owners)

    def clear(self) -> None:
        """Delete every table's rows (``pressx run --rebuild``), waiting for readers first."""
        with _excluding_readers(self.out):
            for table in TABLE_NAMES:
                for part in self.table_dir(table).glob("*.parquet"):
                    part.unlink()
            for listing in (self.out / REPLACING).glob("*.json"):
                listing.unlink()

    def _write(
        self, path: Path, table: str, rows: list[dict], metadata: dict | None = None
    ) -> None:
        data = pa.Table.from_pylist(rows, schema=arrow_schema(table))
        if metadata:
            data = data.replace_schema_metadata({**(data.schema.metadata or {}), **metadata})
        _atomic_write(path, data)


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


@contextmanager
def _excluding_readers(out: Path) -> Iterator[None]:
    """Wait until no pressx reader reads ``out``, and keep new ones waiting for the block."""
    with (out / READERS_FILE).open("a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def _atomic_write(path: Path, data: pa.Table) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(data, tmp)
    with open(tmp, "rb") as handle:
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _atomic_write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
