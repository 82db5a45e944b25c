"""Sentence starts the parser must keep: after a blank line and after the release's header.

Runs before spaCy's parser, which keeps sentence starts set before it. Without them a title
line, a reference number or a dateline runs into the release's first sentence ("... For
Immediate Release  A separate security force killed a suspected insurgent ..."), and the
parse of that sentence, where most releases state their main facts, goes wrong. A single
line break is not a start (PDF text wraps lines inside sentences), nor is a lower-case word
(a title guessed from a line that a wrap cut short).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pressx.components import extensions
from pressx.components.extensions import doc_text

BLANK_LINE_RE = re.compile(r"\n[^\S\n]*\n")
#: What a dateline ends with before the first sentence ("KABUL, Afghanistan (Jan. 28) – ...").
DASHES = {"", "-", "–", "—", ":"}


@Language.factory(
    "pressx_breaks",
    requires=["doc._.header_spans"],
    assigns=["token.is_sent_start"],
)
class SentenceBreaks:
    """``pressx_breaks``: marks the first word after a blank line or a header span as a
    sentence start, unless it is written in lower case."""

    def __init__(self, nlp: Language, name: str):
        extensions.register()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        breaks = {m.end() for m in BLANK_LINE_RE.finditer(doc_text(doc))}
        breaks |= {end for _, end in doc._.header_spans or []}
        ends = sorted(breaks)
        k, pending = 0, False
        for tok in doc:  # one pass: the first word at or after each break
            while k < len(ends) and ends[k] <= tok.idx:
                pending, k = True, k + 1
            if pending and tok.text.strip() not in DASHES:
                pending = False
                if tok.i > 0 and not tok.text[0].islower():
                    tok.is_sent_start = True
        return doc
