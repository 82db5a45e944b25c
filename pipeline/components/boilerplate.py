"""Web-site boilerplate (navigation menus, sidebars of other releases, footers): found as
runs of short non-sentence lines and recorded so every extractor can skip them."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.resources import load_json


class BoilerplateFinder:
    """Sets ``doc._.boilerplate`` to the (start, end) character ranges that are not release text."""

    def __init__(self, nlp: Language, name: str, *, min_run: int, max_words: int, rules: str):
        self.name = name
        self.min_run = min_run
        self.max_words = max_words
        spec = load_json(rules)
        self.sentence_end = re.compile(spec["sentence_end"])
        self.contact_cue = re.compile(spec["contact_cue"])
        self.contact_lines = spec["contact_lines"]

    def __call__(self, doc: Doc) -> Doc:
        protected = doc._.header_spans or []
        regions: list[tuple[int, int]] = []
        run: list[tuple[int, int]] = []
        keep_for = 0
        for start, end, line in _lines(doc.text):
            if not line.strip():
                continue
            if self.contact_cue.search(line):
                keep_for = self.contact_lines + 1
            keep_for = max(0, keep_for - 1)
            short = len(line.split()) <= self.max_words and not self.sentence_end.search(line)
            in_header = any(s < end and start < e for s, e in protected)
            if short and not keep_for and not in_header:
                run.append((start, end))
                continue
            regions += self._flush(run)
            run = []
        doc._.boilerplate = regions + self._flush(run)
        return doc

    def _flush(self, run: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(run[0][0], run[-1][1])] if len(run) >= self.min_run else []


def _lines(text: str):
    """(start, end, line) for every line of ``text``."""
    offset = 0
    for line in text.split("\n"):
        yield offset, offset + len(line), line
        offset += len(line) + 1


@Language.factory(
    "pressx_boilerplate",
    requires=["doc._.header_spans"],
    assigns=["doc._.boilerplate"],
)
def make_boilerplate(
    nlp: Language, name: str, min_run: int, max_words: int, rules: str
) -> BoilerplateFinder:
    return BoilerplateFinder(nlp, name, min_run=min_run, max_words=max_words, rules=rules)
