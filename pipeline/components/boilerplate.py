"""Web-site boilerplate (navigation menus, sidebars of other releases, newsletter forms,
footers): found as runs of short non-sentence lines that look like menus or page lists, and
recorded so every extractor can skip them.

Wrapped sentences (a scraped page that breaks "more than / 100 / law enforcement agencies")
are joined back into one logical line first, so they never look like a menu; a release's own
headline block, its numbered lists and its media-contact block are kept.

The finder reads only the text and the header lines, so it runs before the model: with
``blank`` on, it hands the model the release alone, its boilerplate blanked to spaces (line
breaks kept), which every character offset still points into; on archive releases that is a
third fewer tokens for the model to parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy
from spacy.attrs import IDX, NORM, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from pressx.components import extensions
from pressx.components.base import RuleFiles
from pressx.components.extensions import SOURCE_KEY, TEXT_KEY, doc_text, token_texts
from pressx.config import component_defaults
from pressx.text.resources import load_json

NOT_A_LINE_BREAK = re.compile(r"[^\n]")


@dataclass(slots=True)
class Line:
    """A logical line: one or more physical lines joined where a sentence was wrapped."""

    start: int
    end: int
    text: str


@Language.factory(
    "pressx_boilerplate",
    default_config=component_defaults("pressx_boilerplate"),
    requires=["doc._.header_spans"],
    assigns=["doc._.boilerplate"],
)
class BoilerplateFinder(RuleFiles):
    """Sets ``doc._.boilerplate`` to the (start, end) character ranges that are not release text."""

    def __init__(
        self, nlp: Language, name: str, *, min_run: int, max_words: int, rules: str, blank: bool
    ):
        extensions.register()
        self.name = name
        self.blank = blank
        self.min_run = min_run
        self.max_words = max_words
        self.rule_files = {"rules": rules}
        self.load_rules()

    def load_rules(self) -> None:
        spec = load_json(self.rule_files["rules"])
        self.sentence_end = re.compile(spec["sentence_end"])
        self.continues_next = re.compile(spec["continues_next"])
        self.open_end = re.compile(spec["open_end"])
        self.contact_cue = re.compile(spec["contact_cue"])
        self.contact_lines = spec["contact_lines"]
        self.list_item = re.compile(spec["list_item"])
        self.nav_cue = re.compile(spec["nav_cue"])
        self.date_line = re.compile(spec["date_line"])
        self.tiny_words = spec["tiny_words"]

    def __call__(self, doc: Doc) -> Doc:
        protected = sorted(doc._.header_spans or [])
        regions: list[tuple[int, int]] = []
        run: list[Line] = []
        before: Line | None = None  # the line just before the current run
        keep_for = 0
        text = doc_text(doc)
        lines = self.logical_lines(text)
        for line in lines:
            if self.contact_cue.search(line.text):
                keep_for = self.contact_lines + 1
            elif self.nav_cue.match(line.text):  # a page list below a contact block
                keep_for = 0
            keep_for = max(0, keep_for - 1)
            if not keep_for and self._is_short(line) and not _overlaps(line, protected):
                run.append(line)
                continue
            regions += self._flush(run, before)
            run, before = [], line
        regions += self._flush(run, before)
        end = len(text)
        joined = self._joined([*regions, (end, end)], lines, protected)
        doc._.boilerplate = [r for r in joined if r[0] < r[1]]
        if self.blank and doc._.boilerplate:
            return self._blanked(doc, text)
        return doc

    def _blanked(self, doc: Doc, text: str) -> Doc:
        """``doc`` tokenised again with its boilerplate blanked: every offset is unchanged, so
        the values set so far (metadata, header lines, boilerplate) carry over as they are;
        the text is the blanked one."""
        pieces, done = [], 0
        for start, end in doc._.boilerplate:
            pieces += [text[done:start], NOT_A_LINE_BREAK.sub(" ", text[start:end])]
            done = end
        blanked_text = "".join([*pieces, text[done:]])
        blanked = self._retokenized(doc, blanked_text)
        blanked.user_data.update(doc.user_data)
        blanked.user_data[TEXT_KEY] = blanked_text
        blanked.user_data[SOURCE_KEY] = text
        return blanked

    def _retokenized(self, doc: Doc, blanked_text: str) -> Doc:
        """The tokens the tokeniser gives ``blanked_text``, built from those of ``doc``
        (tokenising the text again costs as much as the first time). The tokeniser cuts the
        text at white space before it splits words, so outside the stretches of white space
        a blanked region becomes (the region and the white space around it), the words are
        the tokens of ``doc``, with their whitespace and the norms its special cases gave
        ("Jan." -> "January"); each stretch is one token."""
        rows = doc.to_array([SPACY, NORM, IDX])
        texts, spaces = token_texts(doc), rows[:, 0].astype(bool).tolist()
        words: list[str] = []
        spaced: list[bool] = []
        norms: list = []  # arrays of norms, in order
        done = 0  # the first token not yet read
        for start, end in _white_stretches(blanked_text, doc._.boilerplate):
            first, after = rows[:, 2].searchsorted([start, end])
            words += texts[done:first]
            spaced += spaces[done:first]
            norms.append(rows[done:first, 1])
            # a space right after a word is that word's whitespace, not part of the stretch
            start += start > 0 and blanked_text[start] == " "
            if start < end:  # one token: no affix rule of the tokeniser splits white space
                words.append(blanked_text[start:end])
                spaced.append(False)
                norms.append(numpy.array([doc.vocab[words[-1]].norm], dtype=numpy.uint64))
            done = after
        words += texts[done:]
        spaced += spaces[done:]
        norms.append(rows[done:, 1])
        retokenized = Doc(doc.vocab, words=words, spaces=spaced)
        wanted = numpy.concatenate(norms)
        for i in numpy.flatnonzero(retokenized.to_array(NORM) != wanted):
            retokenized[int(i)].norm_ = doc.vocab.strings[int(wanted[i])]
        return retokenized

    def _joined(self, regions, lines: list[Line], protected) -> list[tuple[int, int]]:
        """Regions with nothing between them but lines that are not release text (a list of
        other releases whose long headlines break the run) as one region, the last one
        reaching the end of the text (``regions`` ends with an empty one there)."""
        kept = [ln.start for ln in lines if self._release_line(ln, protected)]
        joined: list[tuple[int, int]] = []
        for start, end in regions:
            if joined and not _any_between(kept, joined[-1][1], start):
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((start, end))
        return joined

    def _release_line(self, line: Line, protected) -> bool:
        """A sentence, a header line or a contact cue: what keeps two regions apart."""
        return bool(
            self.sentence_end.search(line.text)
            or self.contact_cue.search(line.text)
            or _overlaps(line, protected)
        )

    def logical_lines(self, text: str) -> list[Line]:
        """Non-blank lines of ``text``, wrapped sentences joined into one line."""
        lines: list[Line] = []
        for start, end, raw in _physical_lines(text):
            if not raw.strip():
                continue
            if lines and self._joins(lines[-1].text, raw):
                last = lines[-1]
                lines[-1] = Line(last.start, end, f"{last.text} {raw.strip()}")
            else:
                lines.append(Line(start, end, raw.strip()))
        return lines

    def _joins(self, previous: str, line: str) -> bool:
        """Whether ``line`` continues the sentence ``previous`` left open."""
        if self.sentence_end.search(previous) or self.list_item.match(line):
            return False
        return bool(self.continues_next.match(line) or self.open_end.search(previous))

    def _is_short(self, line: Line) -> bool:
        if self.nav_cue.match(line.text):
            return True
        if self.list_item.match(line.text) or self.sentence_end.search(line.text):
            return False
        return len(line.text.split()) <= self.max_words

    def _flush(self, run: list[Line], before: Line | None) -> list[tuple[int, int]]:
        """The run as one boilerplate region if it is long enough and looks like a page list."""
        if len(run) < self.min_run:
            return []
        tiny = sum(len(line.text.split()) <= self.tiny_words for line in run)
        dates = sum(bool(self.date_line.match(line.text)) for line in run)
        cued = any(self.nav_cue.match(line.text) for line in run) or (
            before is not None and self.nav_cue.match(before.text)
        )
        if cued or dates >= 2 or 2 * tiny >= len(run):
            return [(run[0].start, run[-1].end)]
        return []


def _any_between(starts: list[int], low: int, high: int) -> bool:
    """Whether the sorted ``starts`` hold one strictly between ``low`` and ``high``."""
    i = bisect_right(starts, low)
    return i < len(starts) and starts[i] < high


def _overlaps(line: Line, spans: list[tuple[int, int]]) -> bool:
    return any(s < line.end and line.start < e for s, e in spans)


def _white_stretches(text: str, regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of white space of ``text`` that hold the (blanked) ``regions``, each
    with all the white space around it, in order; regions with only white space between
    them share one stretch."""
    stretches: list[tuple[int, int]] = []
    for start, end in regions:
        while start > 0 and text[start - 1].isspace():
            start -= 1
        while end < len(text) and text[end].isspace():
            end += 1
        if stretches and start <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], max(end, stretches[-1][1]))
        else:
            stretches.append((start, end))
    return stretches


def _physical_lines(text: str):
    """(start, end, line) for every line of ``text``."""
    offset = 0
    for line in text.split("\n"):
        yield offset, offset + len(line), line
        offset += len(line) + 1
