"""Quoted statements and who said them.

Quotation marks are paired by ``pressx.components.quotemarks``; each quotation is then
attributed, in this order of trust:

1. a dash and a name or role right after it, as in headlines (``“...” – Shri X``);
2. a reporting cue right after it, in the same sentence (``“...,” said X``, ``“...,” X added``,
   ``“...” according to X``); after a quotation that ends its sentence only a cue on the same
   line counts, and never one that introduces the next quotation (``“...” He further added “``);
3. a cue right before it (``X said, “...``, ``X stated that “...``, ``X wrote on X: “...``), with
   nothing between cue and mark but a few words that are not a clause;
4. a speaker's name right before it (``Shri Narendra Modi “...”``, ``Kaminara: “...``);
5. the previous quotation's speaker, when nothing but that quotation's attribution lies between
   them (``“...,” said X. “...”``, paragraphs of one quote, quotes in a headline run).

The speaker of a cue is the subject of its verb (from the parse), else the person named nearest
the cue in the clause; it is resolved through ``pressx.components.speakers`` (names, pronouns,
roles) and kept as the description (``one of the participants``) when it names nobody.
Titles, slogans and scare quotes are what is left: marks with no attribution, words that are
not a statement (no finite verb and no sentence end; verbless headlines count only with a name
next to them), or marks right after a naming word (``the theme “...”``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from pressx.components import extensions
from pressx.components.base import ENTITIES, PARSE, RuleFiles
from pressx.components.extensions import doc_text, in_boilerplate
from pressx.components.quotemarks import Quotation, find_quotations
from pressx.components.speakers import (
    SUBJECTS,
    Cast,
    CastLimits,
    Spans,
    Speaker,
    phrase,
    token_at,
)
from pressx.config import component_defaults
from pressx.tables.records import Quote
from pressx.text.ids import stable_id
from pressx.text.names import title_case
from pressx.text.patterns import longest_first
from pressx.text.resources import load_json

FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
TERMINAL = re.compile(r"[.!?…]['’)\]]*\s*$")
OPENS = re.compile(r"\s*[“„\"‘]")
OPEN_ENDED = re.compile(r"[,;:\-–—]\s*$")
WORDS = re.compile(r"[^\W_][\w.’'-]*")
SENTENCE_END = re.compile(r"[.!?](?=[\s”\"’)]|$)|\n[ \t\xa0]*\n")
CLIMB = ("conj", "advcl", "xcomp", "dobj", "relcl", "acl", "ccomp", "pcomp")


@dataclass(slots=True)
class Cue:
    """A reporting verb or phrase found near a quotation."""

    start: int
    end: int
    text: str
    speaker_after: bool  # ``according to X``: the speaker follows the cue


@dataclass(slots=True)
class Attribution:
    speaker: Speaker | None
    cue: str | None
    end: int  # where the attribution clause ends (a following quotation may inherit it)


@Language.factory(
    "pressx_quotes",
    default_config=component_defaults("pressx_quotes"),
    requires=["doc._.people", "doc._.boilerplate", *ENTITIES, *PARSE],
    assigns=["doc._.quotes"],
)
class QuoteExtractor(RuleFiles):
    """Sets ``doc._.quotes``: each quoted statement with its speaker and reporting cue."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str,
        people: str,
        max_quote_chars: int,
        max_clause_chars: int,
        max_gap_words: int,
        max_tail_words: int,
        max_back_sentences: int,
        min_words: int,
        content_word_chars: int,
        max_naming_gap_words: int,
        max_dash_name_words: int,
        max_cue_words: int,
        max_subject_climb: int,
        entity_context_before: int,
        entity_context_after: int,
        min_surname_chars: int,
        max_pronoun_words: int,
        max_role_words: int,
        max_description_tokens: int,
        max_unknown_name_tokens: int,
        min_name_words: int,
        max_name_words: int,
    ):
        extensions.register()
        self.name = name
        self.max_quote_chars = max_quote_chars
        self.max_clause_chars = max_clause_chars
        self.max_gap_words = max_gap_words
        self.max_tail_words = max_tail_words
        self.min_words = min_words
        self.content_word_chars = content_word_chars
        self.max_naming_gap_words = max_naming_gap_words
        self.max_cue_words = max_cue_words
        self.max_subject_climb = max_subject_climb
        self.dash_name = re.compile(
            rf"[ \t\xa0]*[-–—][ \t\xa0]*((?:[A-Z][\w.’'-]*[ \t\xa0]*){{1,{max_dash_name_words}}})"
        )
        self.limits = CastLimits(
            back_sentences=max_back_sentences,
            context_before=entity_context_before,
            context_after=entity_context_after,
            min_surname_chars=min_surname_chars,
            max_pronoun_words=max_pronoun_words,
            max_role_words=max_role_words,
            max_description_tokens=max_description_tokens,
            max_unknown_name_tokens=max_unknown_name_tokens,
            min_name_words=min_name_words,
            max_name_words=max_name_words,
        )
        self.rule_files = {"rules": rules, "people": people}
        self.load_rules()

    def load_rules(self) -> None:
        spec = load_json(self.rule_files["rules"])
        cues = longest_first(spec["cues"] + spec["speaker_after"])
        self.cue_re = re.compile(rf"\b(?:{cues})\b", re.IGNORECASE)
        self.speaker_after = {c.lower() for c in spec["speaker_after"]}
        self.reporting = frozenset(c for c in spec["cues"] if " " not in c)
        naming = longest_first(spec["not_quote_before"])
        gap = self.max_naming_gap_words
        self.naming_re = re.compile(rf"\b(?:{naming})\W+(?:\w+\W+){{0,{gap}}}$", re.IGNORECASE)
        self.pronouns = dict(spec["pronouns"])
        self.honorifics = set(load_json(self.rule_files["people"])["honorifics"])
        self.abbreviations = frozenset(spec["abbreviations"])
        # characters read back from a full stop for the word it ends
        self.abbreviation_chars = 2 + max(map(len, self.abbreviations), default=0)

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        quotations = [
            q
            for q in find_quotations(text, max_chars=self.max_quote_chars)
            if not in_boilerplate(doc, q.open, q.after)
        ]
        cast = Cast(
            doc,
            text,
            quoted=Spans([(q.open, q.after) for q in quotations]),
            pronouns=self.pronouns,
            reporting=self.reporting,
            honorifics=self.honorifics,
            limits=self.limits,
        )
        quotes: list[Quote] = []
        previous: Attribution | None = None
        for k, q in enumerate(quotations):
            lb = self._left_bound(text, q, quotations[k - 1] if k else None)
            if self.naming_re.search(text[lb : q.open]):
                continue  # a title or name: the theme “Restoring balance”
            rb = self._right_bound(text, q, quotations[k + 1] if k + 1 < len(quotations) else None)
            attribution = self._attribute(cast, q, lb, rb, previous)
            if attribution is None:
                continue
            quotes.append(self._record(cast, q, attribution))
            previous = attribution
        doc._.quotes = quotes
        return doc

    # -- windows ---------------------------------------------------------------------------

    def _left_bound(self, text: str, q: Quotation, prev: Quotation | None) -> int:
        """Start of the clause before ``q``: its sentence start, the previous quotation's end,
        or ``max_clause_chars`` back."""
        lo = max(0, q.open - self.max_clause_chars, prev.after if prev else 0)
        ends = list(self._sentence_ends(text, lo, q.open))
        return ends[-1] if ends else lo

    def _right_bound(self, text: str, q: Quotation, nxt: Quotation | None) -> int:
        """End of the clause after ``q``: its sentence end, the next quotation, or
        ``max_clause_chars`` on."""
        hi = min(len(text), q.after + self.max_clause_chars, nxt.open if nxt else len(text))
        return next(self._sentence_ends(text, q.after, hi), hi)

    def _sentence_ends(self, text: str, lo: int, hi: int):
        """Offsets just after each sentence end (or blank line) in ``text[lo:hi]``."""
        for m in SENTENCE_END.finditer(text, lo, hi):
            word = text[max(lo, m.start() - self.abbreviation_chars) : m.start()].split()
            last = word[-1].lstrip('(“"‘').lower() if word and m.group() == "." else ""
            if not (last in self.abbreviations or (len(last) == 1 and last.isalpha())):
                yield m.end()

    # -- attribution -------------------------------------------------------------------------

    def _attribute(
        self, cast: Cast, q: Quotation, lb: int, rb: int, previous: Attribution | None
    ) -> Attribution | None:
        text = cast.text
        words = q.words(text)
        statement = self._statement(cast.doc, q, words)
        headline = statement or self._headline(words)
        if headline and (found := self._dash(cast, q, rb)):
            return found
        found = self._after(cast, q, rb, words)
        if found and (statement or (OPEN_ENDED.search(words) and len(WORDS.findall(words)) > 1)):
            return found
        if statement and (found := self._before(cast, q, lb)):
            return found
        if not headline or len(WORDS.findall(words)) < self.min_words:
            return None
        if found := self._adjacent(cast, q, lb):
            return found
        if previous and previous.speaker and not text[previous.end : q.open].strip(" \n\t.,;:"):
            return Attribution(previous.speaker, None, q.after)
        return None

    def _after(self, cast: Cast, q: Quotation, rb: int, words: str) -> Attribution | None:
        """A cue in the clause after ``q`` (``“...,” said X.``). After a quotation that ends its
        sentence, the cue must follow on the same line and not introduce the next quotation."""
        doc, text = cast.doc, cast.text
        cue = next(self._cues(cast, q.after, rb), None)
        if cue is None:
            return None
        between = text[q.after : cue.start]
        if TERMINAL.search(words) and (_opens_at(text, rb) or "\n" in between):
            return None
        if len(WORDS.findall(between)) > self.max_tail_words or _has_verb(doc, q.after, cue.start):
            return None
        token = token_at(doc, cue.start)
        if token is not None and any(
            c.dep_ in ("ccomp", "xcomp") and c.idx > cue.start for c in token.children
        ):
            return None  # the cue reports something else: “...” The DA said the case ...
        return Attribution(self._speaker(cast, cue, q.after, rb), cue.text, rb)

    def _before(self, cast: Cast, q: Quotation, lb: int) -> Attribution | None:
        """A cue in the clause before ``q`` with only a few verb-free words between the cue and
        the mark (``said in a statement, “``, ``texted his mom, “``, ``stated that “``)."""
        doc, text = cast.doc, cast.text
        for cue in reversed(list(self._cues(cast, lb, q.open))):
            gap = text[cue.end : q.open]
            after_that = re.split(r"\bthat\b", gap, maxsplit=1)[1:]
            if len(WORDS.findall(gap)) > self.max_gap_words or _has_verb(doc, cue.end, q.open):
                continue
            if after_that and WORDS.findall(after_that[0]):
                continue
            speaker = self._speaker(cast, cue, lb, q.open)
            return Attribution(speaker, _label(cue, gap, self.max_cue_words), q.after)
        return None

    def _adjacent(self, cast: Cast, q: Quotation, lb: int) -> Attribution | None:
        """A name right before the opening mark (``Shri Narendra Modi “``, ``Kaminara: “``)."""
        named = cast.named(lb, q.open)
        if named and re.fullmatch(r"\s*[:,]?\s*", cast.text[named[-1].end : q.open]):
            return Attribution(Speaker.of(named[-1].member), None, q.after)
        return None

    def _dash(self, cast: Cast, q: Quotation, rb: int) -> Attribution | None:
        """A dash and a name or role right after the quotation, as in headlines
        (``“...” – Shri Shivraj Singh Chouhan``, ``“...” – Union Agriculture Minister``)."""
        dash = self.dash_name.match(cast.text, q.after, rb)
        if dash is None:
            return None
        speaker = cast.resolve(dash.start(1), dash.end(1), near=dash.start(1), describe=False)
        return Attribution(speaker, None, dash.end()) if speaker else None

    # -- cues and speakers -------------------------------------------------------------------

    def _cues(self, cast: Cast, start: int, end: int):
        """Reporting cues in ``start:end``, in order; one-word cues must be verbs (or be glued
        to a quotation mark, where the tagger cannot see them)."""
        for m in self.cue_re.finditer(cast.text, start, end):
            phrase = " ".join(m.group().lower().split())
            if " " not in phrase:
                token = token_at(cast.doc, m.start())
                clean = token is not None and token.idx == m.start() and len(token) == len(phrase)
                if token is None or (clean and not token.tag_.startswith("VB")):
                    continue
            yield Cue(m.start(), m.end(), m.group(), phrase in self.speaker_after)

    def _speaker(self, cast: Cast, cue: Cue, lo: int, hi: int) -> Speaker | None:
        """Who the cue's subject is, looked for in ``lo:hi`` (the clause around the cue): the
        parsed subject when it lies in the clause (a name, pronoun or role, else kept as the
        description), otherwise the name or pronoun nearest the cue, or a name right after it."""
        if cue.speaker_after:
            return cast.resolve(
                cue.end, _np_end(cast.text, cue.end, hi), near=cue.end, describe=True
            )
        subject = _subject(cast.doc, cue.start, self.max_subject_climb)
        if subject is not None and lo <= subject.idx < hi:
            s, e = phrase(subject)
            s, e = max(s, lo), min(e, hi if e <= cue.start or s >= cue.end else cue.start)
            if speaker := cast.resolve(s, e, near=cue.start, describe=False):
                return speaker
            s, e = phrase(subject, short=True)
            return cast.resolve(max(s, lo), min(e, hi), near=cue.start, describe=True)
        named = cast.named(lo, hi)
        if named:
            return Speaker.of(min(named, key=lambda n: abs(n.start - cue.start)).member)
        before = cast.text[lo : cue.start]
        pronoun = [m for m in WORDS.finditer(before) if m.group().lower() in self.pronouns]
        if pronoun:
            p = pronoun[-1]
            member = cast.antecedent(lo + p.start(), self.pronouns[p.group().lower()])
            return Speaker.of(member) if member else None
        return cast.resolve(cue.end, _np_end(cast.text, cue.end, hi), near=cue.end, describe=False)

    def _statement(self, doc: Doc, q: Quotation, words: str) -> bool:
        """Whether the quoted words read as something said (a finite verb, or a sentence end)
        rather than a title or a scare-quoted term."""
        if TERMINAL.search(words):
            return True
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is None or not any(t.tag_ in FINITE for t in span):
            return False
        return not title_case(WORDS.findall(words))

    def _headline(self, words: str) -> bool:
        """Whether the quoted words can be a headline statement without a verb (``Government to
        introduce a bill ...``): several words, not a title in capitals."""
        found = WORDS.findall(words)
        content = sum(len(w) >= self.content_word_chars for w in found)
        return content >= self.min_words and not title_case(found)

    def _record(self, cast: Cast, q: Quotation, attribution: Attribution) -> Quote:
        speaker = attribution.speaker
        return Quote(
            quote_id=stable_id("qt", cast.doc._.doc_id or "", str(q.start)),
            text=q.words(cast.text),
            speaker=speaker.name if speaker else None,
            speaker_person_id=speaker.person_id if speaker else None,
            cue=" ".join(attribution.cue.split()) if attribution.cue else None,
            char_start=q.start,
            char_end=q.end,
        )


def _opens_at(text: str, pos: int) -> bool:
    """Whether a quotation opens right at ``pos`` (after white space)."""
    return OPENS.match(text, pos) is not None


def _has_verb(doc: Doc, start: int, end: int) -> bool:
    """Whether ``start:end`` holds a verb outside a relative clause (then it is a clause of its
    own, not part of an attribution)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return False
    return any(
        (t.tag_.startswith("VB") or t.tag_ == "MD") and "relcl" not in (t.dep_, t.head.dep_)
        for t in span
    )


def _label(cue: Cue, gap: str, max_words: int) -> str:
    """The cue as reported: the verb, with the words after it when they are a lower-case
    phrase of at most ``max_words`` (``said in a statement``, ``texted his mom``), not a name."""
    tail = re.sub(r"\bthat\s*$", "", gap.strip(" ,:;-–—\n\t")).strip()
    words = WORDS.findall(tail)
    if cue.speaker_after or not words or len(words) > max_words or not tail[0].islower():
        return cue.text
    return f"{cue.text} {tail}"


def _subject(doc: Doc, char: int, climb: int) -> Token | None:
    """The grammatical subject of the verb at ``char``, climbing through up to ``climb`` joined
    verbs; a
    relative pronoun stands for the noun its clause belongs to (``the defendant, who told``)."""
    token = token_at(doc, char)
    for _ in range(climb):
        if token is None:
            return None
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is not None and subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            return token.head
        if subject is not None:
            return subject
        if token.dep_ not in CLIMB or token.head is token:
            return None
        token = token.head
    return None


def _np_end(text: str, start: int, hi: int) -> int:
    """End of the noun phrase that starts after ``start`` (at the next comma or clause)."""
    m = re.search(r"[,;:.!?]|\b(?:who|which|that|and)\b", text[start:hi])
    return start + m.start() if m else hi
