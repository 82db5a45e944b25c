"""The single source of truth for every output table: names, columns, types, meanings.

The contract (``SCHEMA.md``) fixes the required columns; the columns marked
``required=False`` are pressx additions. ``pressx.tables.rows`` builds rows from these
definitions, the store writes them with these Arrow types, and the README's data
dictionary is generated from them (``python -m pressx.tables.schema --write-readme``).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

EVIDENCE = pa.struct(
    [
        ("doc_id", pa.string()),
        ("char_start", pa.int64()),
        ("char_end", pa.int64()),
        ("text", pa.string()),
    ]
)


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool
    description: str
    required: bool = True


def _c(name, type_, description, *, nullable=False, required=True) -> Column:
    return Column(name, type_, nullable, description, required)


DOC_ID = _c("doc_id", pa.string(), "document id: file name without extension, or the JSONL `id`")
CHAR_START = _c("char_start", pa.int64(), "start offset of the evidence in `documents.text`")
CHAR_END = _c("char_end", pa.int64(), "end offset (exclusive) of the evidence in `documents.text`")
STR_LIST = pa.list_(pa.string())

TABLES: dict[str, tuple[Column, ...]] = {
    "documents": (
        DOC_ID,
        _c("path", pa.string(), "input file path, starting with the name of its input folder"),
        _c("title", pa.string(), "release title", nullable=True),
        _c("published", pa.date32(), "publication date from the header or dateline", nullable=True),
        _c("dateline_location", pa.string(), "place named in the dateline", nullable=True),
        _c("n_chars", pa.int64(), "length of `text` in characters"),
        _c(
            "text_sha256",
            pa.string(),
            "SHA-256 of `text`; unchanged documents are skipped on re-runs",
        ),
        _c("status", pa.string(), "`ok` or `error`"),
        _c("error", pa.string(), "what went wrong and what to do about it", nullable=True),
        _c("text", pa.string(), "the text all offsets point into", nullable=True, required=False),
        _c(
            "url", pa.string(), "source URL when the input gives one", nullable=True, required=False
        ),
        _c(
            "language",
            pa.string(),
            "`en`, or the detected other language",
            nullable=True,
            required=False,
        ),
        _c("n_words", pa.int64(), "number of tokens processed", required=False),
    ),
    "organisations": (
        DOC_ID,
        _c("org_id", pa.string(), "same id for the same organisation in every document of a run"),
        _c("name", pa.string(), "longest (full) form of the name"),
        _c("acronym", pa.string(), "acronym, when the text gives one", nullable=True),
        _c("aliases", STR_LIST, "other forms used in the document"),
        _c("n_mentions", pa.int64(), "mentions of the organisation in the document"),
        CHAR_START,
        CHAR_END,
    ),
    "people": (
        DOC_ID,
        _c("person_id", pa.string(), "same id for the same person in every document of a run"),
        _c("name", pa.string(), "full name without honorific"),
        _c("honorific", pa.string(), "Mr., Ms., Dr., Shri, Hon. ...", nullable=True),
        _c("role", pa.string(), "title or position as stated", nullable=True),
        _c("organisation", pa.string(), "organisation the role belongs to", nullable=True),
        _c("n_mentions", pa.int64(), "mentions by full name, surname or pronoun"),
        CHAR_START,
        CHAR_END,
    ),
    "dates": (
        DOC_ID,
        _c("text", pa.string(), "the date expression as written"),
        _c("start", pa.date32(), "first calendar day covered"),
        _c("end", pa.date32(), "last calendar day covered"),
        _c("precision", pa.string(), "`day`, `month` or `year`"),
        CHAR_START,
        CHAR_END,
        _c("relative", pa.bool_(), "resolved against the publication date", required=False),
    ),
    "events": (
        DOC_ID,
        _c("event_id", pa.string(), "event id, unique within the run"),
        _c(
            "type", pa.string(), "training, workshop, meeting, arrest, sentencing, ... (see README)"
        ),
        _c("title", pa.string(), "the event's name when the release gives one", nullable=True),
        _c("start", pa.date32(), "first day of the event", nullable=True),
        _c("end", pa.date32(), "last day of the event", nullable=True),
        _c("location", pa.string(), "where it took place", nullable=True),
        _c("organisers", STR_LIST, "organisations that held it"),
        _c(
            "participants_total",
            pa.int64(),
            "total number of participants: attendees of a gathering, defendants of a step of "
            "a case, people detained or killed in an operation (`sizes` in models/events.json)",
            nullable=True,
        ),
        _c("status", pa.string(), "`held`, `scheduled` or `unknown`"),
        CHAR_START,
        CHAR_END,
    ),
    "participants": (
        DOC_ID,
        _c("event_id", pa.string(), "event the count belongs to", nullable=True),
        _c("count", pa.int64(), "number of people"),
        _c("qualifier", pa.string(), "`exact`, `approx`, `at_least` or `at_most`"),
        _c("description", pa.string(), "who is counted, as written"),
        _c("agency", pa.string(), "organisation the counted people belong to", nullable=True),
        _c("is_total", pa.bool_(), "the count is a total of other counts"),
        CHAR_START,
        CHAR_END,
        _c(
            "category",
            pa.string(),
            "participants, victims, defendants, killed, detained, other",
            required=False,
        ),
    ),
    "quotes": (
        DOC_ID,
        _c("quote_id", pa.string(), "quote id, unique within the run"),
        _c("text", pa.string(), "quoted words without the quotation marks"),
        _c(
            "speaker",
            pa.string(),
            "person name, or the description of an unnamed speaker",
            nullable=True,
        ),
        _c(
            "speaker_person_id", pa.string(), "`people.person_id` of a named speaker", nullable=True
        ),
        _c("cue", pa.string(), "reporting verb or phrase", nullable=True),
        CHAR_START,
        CHAR_END,
    ),
    "checks": (
        _c("check_id", pa.string(), "check id"),
        _c("check_type", pa.string(), "sum_of_parts, duration_vs_range, cross_release_cohort, ..."),
        _c("status", pa.string(), "`consistent`, `mismatch` or `unverifiable`"),
        _c("doc_ids", STR_LIST, "documents the compared figures come from"),
        _c("message", pa.string(), "what was compared, in words"),
        _c("expected", pa.float64(), "value the figures imply", nullable=True),
        _c("observed", pa.float64(), "value reported", nullable=True),
        _c("evidence", pa.list_(EVIDENCE), "the words each figure came from", required=False),
    ),
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of one table."""
    return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in TABLES[table]])


def column_names(table: str) -> list[str]:
    return [c.name for c in TABLES[table]]


def data_dictionary() -> str:
    """Markdown data dictionary of every table (embedded in the README)."""
    lines = []
    for table, columns in TABLES.items():
        lines += [f"#### `{table}`", "", "| column | type | meaning |", "|---|---|---|"]
        for c in columns:
            type_ = f"{c.type}{'?' if c.nullable else ''}"
            extra = "" if c.required else " *(pressx addition)*"
            lines.append(f"| `{c.name}` | {type_} | {c.description}{extra} |")
        lines.append("")
    return "\n".join(lines)


README_START = "<!-- data-dictionary:start -->"
README_END = "<!-- data-dictionary:end -->"


def readme_with_dictionary(readme: str) -> str:
    """The README text with the block between the data-dictionary markers regenerated."""
    head, start, rest = readme.partition(README_START)
    _, end, tail = rest.partition(README_END)
    if not (start and end):
        raise ValueError(f"the README needs the markers {README_START} and {README_END}")
    return f"{head}{README_START}\n\n{data_dictionary()}\n{README_END}{tail}"


def main(argv: list[str] | None = None) -> None:
    """``python -m pressx.tables.schema``: print the data dictionary, or write it into the
    README."""
    parser = argparse.ArgumentParser(
        prog="python -m pressx.tables.schema",
        description="Print the data dictionary of the output tables (Markdown), or regenerate "
        "it between the data-dictionary markers of the README.",
    )
    parser.add_argument(
        "--write-readme",
        type=Path,
        nargs="?",
        const=Path("README.md"),
        metavar="README",
        help="regenerate the data dictionary between the markers of README (default: README.md)",
    )
    args = parser.parse_args(argv)
    if args.write_readme is None:
        print(data_dictionary())
        return
    text = args.write_readme.read_text(encoding="utf-8")
    args.write_readme.write_text(readme_with_dictionary(text), encoding="utf-8")


if __name__ == "__main__":
    main()
