"""The ``Doc`` extensions pressx components read and write.

Document metadata (``doc_id``, ``title``, ``published``, ``dateline_location``) may be set
before the pipeline runs (from a JSONL record); the header component fills what is unset.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

# where ``doc_text`` keeps the text of a Doc (its ``user_data``, which spaCy leaves to users)
TEXT_KEY = "pressx.text"
#: the text as read, boilerplate included (where the boilerplate component blanked it)
SOURCE_KEY = "pressx.source_text"

DOC_EXTENSIONS = (
    "doc_id",
    "title",
    "published",
    "dateline_location",
    "header_spans",
    "boilerplate",
    "organisations",
    "people",
    "dates",
    "events",
    "participants",
    "quotes",
    "checks",
)


def register() -> None:
    """Register every extension (idempotent). List-valued ones default to ``None``: each
    component assigns a fresh list, so no list is ever shared between documents."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy joins the tokens again on every access
    (about 4 ms for a release of 1,000 tokens), and every component reads the text."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def token_texts(doc: Doc) -> list[str]:
    """The text of every token of ``doc``, in order: read from the token array at once, for
    scans of the whole doc that look at a few words only (a ``Token`` object made for every
    word costs more than the look)."""
    strings = doc.vocab.strings
    return [strings[orth] for orth in doc.to_array(ORTH).tolist()]


def source_text(doc: Doc) -> str:
    """The release's text as read, boilerplate included: the context some values need lies
    outside the release text proper ("July 16" takes its year from the reference number
    "2010-07-CA-129" of a header the boilerplate component blanked)."""
    return doc.user_data.get(SOURCE_KEY) or doc_text(doc)


def in_boilerplate(doc: Doc, start: int, end: int) -> bool:
    """Whether the character span ``start:end`` lies in a boilerplate region of ``doc``."""
    return any(b_start <= start and end <= b_end for b_start, b_end in doc._.boilerplate or ())
