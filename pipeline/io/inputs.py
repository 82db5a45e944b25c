"""Input discovery and reading: folders and files of .txt/.md, .html/.htm and .jsonl releases.

Every input becomes a ``Source``; one that cannot be read becomes a ``Source`` with an
``error`` a person can act on, so the run goes on and nothing is silently lost.

A document is known by its path, which starts with the name of the folder given to
``pressx run`` (a file given by itself: with the name of its folder): ``pressx run data/a``
records ``a/x.txt`` and ``pressx run data/a data/b`` records ``a/x.txt`` and ``b/x.txt``, two
releases, whichever else the run holds. Two inputs of one run with the same path (``x/a/f.txt``
and ``y/a/f.txt``) are refused; a file found under two of the given folders counts once.

Document ids are stable: a file's id is its name without the suffix, a JSONL record's id
its ``id`` field (else ``<file id>-<line>``), whatever other files the run holds. An id
already claimed, by an earlier document of the run (in path order) or by a document of another
path in the output folder, is never reused: the newcomer's id is its path without the suffix
(a JSONL record's: ``<file id>/<record id>``), numbered ``-2``, ``-3`` ... while that is
taken too.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import charset_normalizer
import lxml.etree
import lxml.html
import trafilatura

from pressx.tables.records import Source
from pressx.text.datetext import parse_date

TEXT_SUFFIXES = {".txt", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


LIBXML_MAX_DEPTH = 255  # nesting libxml2 parses without its "huge" option
LATIN_ENCODINGS = {"cp1250", "cp1252", "latin_1", "iso8859_2", "iso8859_15", "mac_roman"}
# what becomes what, in this order (``str.replace`` is some 40 times faster than a
# ``str.translate`` table on a release, which a re-run reads in full to see it is unchanged)
LINE_BREAKS = (("\r\n", "\n"), ("\r", "\n"), ("\u2028", "\n"), ("\u2029", "\n"), ("\x00", " "))


def normalise_text(text: str) -> str:
    """One newline convention (CRLF, CR and Unicode line separators become LF), no NULs."""
    for old, new in LINE_BREAKS:
        text = text.replace(old, new)
    return text


class InputError(Exception):
    """An input that cannot be turned into release text; the message says why."""


class SamePathError(Exception):
    """Two inputs of one run would be recorded with the same path."""


@dataclass(frozen=True, slots=True)
class InputFile:
    root: Path
    path: Path

    @property
    def relative(self) -> str:
        """The recorded path: the input folder's name, then the path inside it (bytes of a
        file name that are not UTF-8 shown as ``\\xNN`` escapes, so every name can be stored
        and printed)."""
        folder = Path(os.path.abspath(self.root)).name
        inside = self.path.relative_to(self.root).as_posix()
        return printable_name(f"{folder}/{inside}" if folder else inside)

    @property
    def without_suffix(self) -> str:
        return self.relative.removesuffix(printable_name(self.path.suffix))

    @property
    def stem(self) -> str:
        return printable_name(self.path.stem)


def printable_name(name: str) -> str:
    """A file name as valid text: undecodable bytes (surrogate escapes) become ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def discover(paths: Iterable[str | Path]) -> list[InputFile]:
    """Supported files under each path (folders searched recursively, symlinked folders not
    followed, so a symlink loop cannot trap the walk), in the order of their recorded paths
    (the same whatever the order of ``paths``); ``SamePathError`` when two files would be
    recorded with the same path."""
    found: dict[str, InputFile] = {}
    seen: set[str] = set()  # the files found under the paths before this one
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = [
                InputFile(path, Path(folder) / name)
                for folder, dirs, names in os.walk(path, followlinks=False)
                for name in names
                if Path(name).suffix.lower() in SUPPORTED and not name.startswith(".")
            ]
        elif path.exists() or path.is_symlink():
            files = [InputFile(path.parent, path)]
        else:
            raise FileNotFoundError(f"no such file or folder: {path}")
        added = []
        for f in files:
            relative, where = f.relative, os.path.abspath(f.path)
            other = found.get(relative)
            if other is not None and os.path.abspath(other.path) != where:
                raise SamePathError(
                    f"{other.path} and {f.path} would both be recorded as {relative}: "
                    "give folders of different names (or run them into different --out)"
                )
            if where not in seen:
                found[relative] = f
                added.append(where)
        seen.update(added)
    return [found[name] for name in sorted(found)]


def count_documents(files: list[InputFile]) -> int:
    """Expected number of documents: one per file, one per non-blank JSONL line."""
    total = 0
    for f in files:
        if f.path.suffix.lower() in JSONL_SUFFIXES:
            try:
                with f.path.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_sources(
    files: list[InputFile], *, max_bytes: int, stored: Mapping[str, str] | None = None
) -> Iterator[Source]:
    """Every document of every file, with unique, stable doc ids (see the module docstring).

    ``max_bytes`` bounds one file (one line of a JSONL file, which is read line by line);
    ``stored`` maps the ids already in the output folder to their documents' paths.
    """
    ids = _Ids(stored or {})
    for f in files:
        if f.path.suffix.lower() in JSONL_SUFFIXES:
            for source in _read_jsonl(f, f.stem, max_bytes=max_bytes):
                yield ids.claim(source, fallback=f"{f.stem}/{source.doc_id}")
        else:
            source = _read_file(f, f.stem, max_bytes=max_bytes)
            yield ids.claim(source, fallback=f.without_suffix)


@dataclass(slots=True)
class _Ids:
    """The ids claimed so far: in this run (``seen``) and in the output folder (``stored``,
    id -> path; the same path may claim its id again: it is a new version of the document)."""

    stored: Mapping[str, str]
    seen: set[str] = field(default_factory=set)

    def taken(self, doc_id: str, path: str) -> bool:
        return doc_id in self.seen or self.stored.get(doc_id, path) != path

    def claim(self, source: Source, *, fallback: str) -> Source:
        """``source`` with its own id, or ``fallback`` (numbered while taken) if another
        document holds it."""
        path = source.path.split("#L", 1)[0]
        if self.taken(source.doc_id, path):
            doc_id, n = fallback, 2
            while self.taken(doc_id, path):
                doc_id, n = f"{fallback}-{n}", n + 1
            source.doc_id = doc_id
        self.seen.add(source.doc_id)
        return source


def _read_file(f: InputFile, doc_id: str, *, max_bytes: int) -> Source:
    source = Source(doc_id=doc_id, path=f.relative)
    try:
        data = _read_bytes(f.path, max_bytes=max_bytes)
        text = decode(data)
        if f.path.suffix.lower() in HTML_SUFFIXES:
            source.title, text = html_to_text(text)
        source.text = normalise_text(text)
    except InputError as exc:
        source.error = str(exc)
    return source


def _read_jsonl(f: InputFile, base_id: str, *, max_bytes: int) -> Iterator[Source]:
    """The records of a JSONL file, read line by line (a file of any size streams; a line
    over ``max_bytes`` is one error row). UTF-16/32 files (a BOM) are read whole."""
    try:
        with _open(f.path) as handle:
            if any(handle.peek(4).startswith(bom) for bom, _ in BOMS if bom != codecs.BOM_UTF8):
                lines = enumerate(decode(_read_bytes(f.path, max_bytes=max_bytes)).split("\n"))
                yield from _records(f, base_id, ((n, line.encode()) for n, line in lines))
            else:
                yield from _records(f, base_id, enumerate(_lines(handle, max_bytes)))
    except InputError as exc:
        yield Source(doc_id=base_id, path=f.relative, error=str(exc))


def _records(
    f: InputFile, base_id: str, lines: Iterable[tuple[int, bytes | None]]
) -> Iterator[Source]:
    """One ``Source`` per non-blank line (``lines``: index and bytes, None when too long)."""
    for index, data in lines:
        lineno, path = index + 1, f"{f.relative}#L{index + 1}"
        if data is None:
            yield Source(f"{base_id}-{lineno}", path, error="JSON line is over the size limit")
        elif data.strip():
            try:
                line = decode(data.removeprefix(codecs.BOM_UTF8))
            except InputError as exc:
                yield Source(f"{base_id}-{lineno}", path, error=str(exc))
                continue
            yield _record(line, path, default_id=f"{base_id}-{lineno}")


def _lines(handle, max_bytes: int) -> Iterator[bytes | None]:
    """The lines of a binary file; None for a line longer than ``max_bytes`` (skipped
    without holding it in memory)."""
    while line := handle.readline(max_bytes + 1):
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := handle.readline(max_bytes)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line.rstrip(b"\n")


def _record(line: str, path: str, *, default_id: str) -> Source:
    """One JSONL record: ``text`` and optional ``id``, ``title``, ``published``, ``url``."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Source(default_id, path, error=f"broken JSON line ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return Source(default_id, path, error="JSON line is not an object with a `text` field")
    raw_id = record.get("id")
    doc_id = str(raw_id) if isinstance(raw_id, str | int) and str(raw_id).strip() else default_id
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}, not a string"
        return Source(doc_id, path, error=f"JSON record's `text` field is {found}")
    published = record.get("published")
    return Source(
        doc_id,
        path,
        text=normalise_text(text),
        title=record["title"] if isinstance(record.get("title"), str) else None,
        published=parse_date(published) if isinstance(published, str) else None,
        url=record["url"] if isinstance(record.get("url"), str) else None,
    )


def _open(path: Path):
    """A file opened for reading; every way that fails is an ``InputError`` that says why."""
    if path.is_symlink() and not path.exists():
        try:
            os.stat(path)
        except OSError as exc:
            if exc.strerror and "symbolic links" in exc.strerror:
                raise InputError(f"cannot read file: {exc.strerror}") from exc
        raise InputError("broken symbolic link: its target does not exist")
    try:
        return path.open("rb")
    except FileNotFoundError as exc:
        raise InputError("file disappeared before it could be read") from exc
    except PermissionError as exc:
        raise InputError("permission denied: make the file readable") from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from exc


def _read_bytes(path: Path, *, max_bytes: int) -> bytes:
    with _open(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {max_bytes:,}-byte limit for one file "
                "(--max-file-bytes); split it"
            )
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}") from exc


def decode(data: bytes) -> str:
    """Text from bytes: BOMs honoured, UTF-8 first, else the detected encoding (cp1252,
    latin-1, ...); binary data is refused."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("binary or undecodable file: no text encoding fits")
    if best.encoding in LATIN_ENCODINGS:
        # Short Western texts are ambiguous between the Latin code pages; cp1252 (a superset
        # of latin-1's letters) is what English and Spanish releases are written in.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _depth(tree) -> int:
    """How deep the elements of a parsed page nest."""
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def html_to_text(html: str) -> tuple[str | None, str]:
    """Title and main text of an HTML page (menus, scripts and styles dropped) via trafilatura."""
    extracted = trafilatura.bare_extraction(html, include_comments=False, with_metadata=True)
    if extracted is None or not extracted.text:
        # libxml2's default parser stops at 255 levels of nesting: a deeper page is parsed
        # again without that limit
        try:
            tree = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(huge_tree=True))
        except (lxml.etree.ParserError, ValueError) as exc:
            raise InputError("HTML page has no main text") from exc
        if _depth(tree) > LIBXML_MAX_DEPTH:
            extracted = trafilatura.bare_extraction(
                tree, include_comments=False, with_metadata=True
            )
    if extracted is None or not extracted.text:
        raise InputError("HTML page has no main text")
    return extracted.title, extracted.text
