"""Who is speaking: the people of a release and how a name, a pronoun or a role points at one.

The cast comes from the people component (``doc._.people``) when it found anyone; otherwise
from spaCy's PERSON entities, grouped by surname. Mentions inside quotations never count: a
name in a quote is not its speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from pressx.tables.records import Person
from pressx.text.names import title_case
from pressx.text.patterns import longest_first

SUBJECTS = ("nsubj", "nsubjpass")
PRONOUN_TAGS = frozenset({"PRP", "PRP$", "WP", "WDT", "DT", "EX"})
CLAUSES = frozenset({"relcl", "acl", "advcl", "cc", "ccomp", "xcomp"})
NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
PLACES = frozenset({"GPE", "LOC", "FAC", "NORP"})
ARTICLES = frozenset({"the", "a", "an", "his", "her", "their", "its"})
MARK = re.compile('[“”„"‘’]')
PREVIOUS_WORD = re.compile(r"\b([A-Z][\w.’'-]*)[ \t\xa0]+$")
NEXT_NAME_WORD = re.compile(r"[ \t\xa0]+[A-Z][a-z]")
WORD = re.compile(r"[^\W\d_][\w.’'-]*")
# bounds of a backward scan, not tuning choices: no word is longer, no mention spans more
LONGEST_WORD = 40
LONGEST_MENTION = 200


@dataclass(frozen=True, kw_only=True, slots=True)
class CastLimits:
    """How far speaker resolution reads (settings of the quotes component)."""

    back_sentences: int  # sentences looked back for the person a pronoun refers to
    context_before: int  # tokens before a PERSON entity read as the person's role
    context_after: int  # tokens after it
    min_surname_chars: int  # shortest surname that names a member on its own
    max_pronoun_words: int  # longest phrase ending in a pronoun that stands for a person
    max_role_words: int  # longest role phrase that names its holder
    max_description_tokens: int  # longest description kept as an unnamed speaker
    max_unknown_name_tokens: int  # longest proper-noun run taken for a name nobody recorded
    min_name_words: int  # a capitalised run before a pronoun that can be its person ...
    max_name_words: int  # ... has this many words


@dataclass(slots=True)
class Member:
    """One person of the cast."""

    name: str
    person_id: str | None = None
    gender: str | None = None
    role: str = ""  # role as stated, or the words around the mentions (entity fallback)
    mentions: list[tuple[int, int]] = field(default_factory=list)


class Named(NamedTuple):
    """A stretch of text naming a member."""

    start: int
    end: int
    member: Member


@dataclass(frozen=True, slots=True)
class Speaker:
    """The resolved speaker of a quotation: a cast member, or an unnamed description."""

    name: str
    person_id: str | None = None

    @classmethod
    def of(cls, member: Member) -> Speaker:
        return cls(member.name, member.person_id)


class Spans:
    """Sorted, non-overlapping character ranges with a membership test (quotation interiors)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [s for s, _ in self.ranges]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ranges[i][1]


class Cast:
    """The people of one release, their mentions, and the look-ups speaker resolution needs."""

    def __init__(
        self,
        doc: Doc,
        text: str,
        *,
        quoted: Spans,
        pronouns: dict[str, str],
        reporting: frozenset[str],
        honorifics: set[str],
        limits: CastLimits,
    ):
        self.doc = doc
        self.text = text  # doc.text, which spaCy rebuilds from the tokens on every access
        self.quoted = quoted
        self.pronouns = pronouns
        self.honorifics = honorifics
        self.reporting = reporting
        self.limits = limits
        people = doc._.people or []
        self.members = [_member(p) for p in people] if people else self._from_entities()
        mentions = sorted(
            ((s, e, m) for m in self.members for s, e in m.mentions if not quoted.covers(s)),
            key=lambda x: x[:2],
        )
        self.mentions = mentions
        self.mention_starts = [s for s, _, _ in mentions]
        surnames: dict[str, Member] = {}
        for m in self.members:
            last = m.name.split()[-1] if m.name.split() else ""
            if len(last) >= limits.min_surname_chars and last[0].isupper():
                surnames.setdefault(last, m)
        self.surnames = surnames
        self.surname_re = re.compile(rf"\b(?:{longest_first(surnames)})\b") if surnames else None
        self._sents: list[Span] | None = None
        self._sent_starts: list[int] = []

    def _from_entities(self) -> list[Member]:
        """Members from spaCy's PERSON entities, grouped by surname; the words around each
        mention stand in for the role."""
        doc, text = self.doc, self.text
        before, after = self.limits.context_before, self.limits.context_after
        groups: dict[str, Member] = {}
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            tokens = _first_name_run(ent)
            while tokens and tokens[0].lower_.rstrip(".") in self.honorifics:
                tokens = tokens[1:]
            if not tokens:
                continue
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
            name = text[start:end]
            member = groups.setdefault(tokens[-1].text, Member(name))
            if len(name) > len(member.name):
                member.name = name
            member.mentions.append((start, end))
            left = doc[max(ent.sent.start, tokens[0].i - before) : tokens[0].i].text
            right = doc[tokens[-1].i + 1 : min(ent.sent.end, tokens[-1].i + 1 + after)].text
            left, right = MARK.split(left)[-1], MARK.split(right)[0]
            member.role += f" {left} | {right}"
        return list(groups.values())

    # -- names ---------------------------------------------------------------------------

    def named(self, start: int, end: int) -> list[Named]:
        """Cast members named (or referred to by a mention) in ``start:end``, by position;
        a surname alone counts too, where the people component did not record it."""
        found = []
        i = bisect_right(self.mention_starts, start - 1)
        while i < len(self.mentions) and self.mentions[i][0] < end:
            s, e, m = self.mentions[i]
            if e <= end:
                found.append(Named(s, e, m))
            i += 1
        if self.surname_re:
            for match in self.surname_re.finditer(self.text, start, end):
                s, member = match.start(), self.surnames[match.group()]
                if self.quoted.covers(s) or any(n.start <= s < n.end for n in found):
                    continue
                if not self._someone_else(s, match.end(), member):
                    found.append(Named(s, match.end(), member))
        return sorted(found, key=lambda n: n.start)

    def _someone_else(self, start: int, end: int, member: Member) -> bool:
        """Whether a surname at ``start:end`` is part of another person's name: followed by a
        further capitalised word (``Singh Chouhan``), or after one that is neither in the
        member's name or role nor an honorific (``Shivraj Singh`` is not ``Charan Singh``, while
        ``District Attorney Thompson`` is ``Ken Thompson``), or inside such a PERSON entity."""
        if NEXT_NAME_WORD.match(self.text, end):
            return True
        before = PREVIOUS_WORD.search(self.text, max(0, start - LONGEST_WORD), start)
        known = member.name.split() + member.role.split()
        word = before.group(1) if before else ""
        if word and word not in known and word.lower().rstrip(".") not in self.honorifics:
            return True
        token = token_at(self.doc, start)
        if token is None or token.ent_type_ != "PERSON":
            return False
        first = token
        while first.ent_iob_ == "I" and first.i > 0:
            first = first.nbor(-1)
        own = set(member.name.split())
        return any(
            t.is_title and t.text not in own and t.lower_.rstrip(".") not in self.honorifics
            for t in self.doc[first.i : token.i]
        )

    def member_at(self, start: int, end: int) -> Member | None:
        """The member whose mention overlaps ``start:end``."""
        i = bisect_right(self.mention_starts, end - 1) - 1
        while i >= 0 and self.mentions[i][1] > start - LONGEST_MENTION:
            s, e, m = self.mentions[i]
            if s < end and start < e:
                return m
            i -= 1
        return None

    def holder(self, role_words: list[str], before: int) -> Member | None:
        """The member whose role names ``role_words`` (last word = head), preferring the most
        words in common, then the one mentioned last before ``before``."""
        if not role_words:
            return None
        head = role_words[-1]
        best, best_key = None, None
        for m in self.members:
            words = set(re.findall(r"\w+", m.role.lower()))
            if head not in words:
                continue
            last = max((s for s, _ in m.mentions if s < before), default=-1)
            key = (sum(w in words for w in role_words), last)
            if best_key is None or key > best_key:
                best, best_key = m, key
        return best

    # -- noun phrases and pronouns ---------------------------------------------------------

    def resolve(self, start: int, end: int, *, near: int, describe: bool) -> Speaker | None:
        """Who the words in ``start:end`` name (see ``member_in``), or, with ``describe``, the
        words themselves as the description of an unnamed speaker."""
        if member := self.member_in(start, end, near=near):
            return Speaker.of(member)
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if not describe or span is None or not 0 < len(span) <= self.limits.max_description_tokens:
            return None
        if all(t.tag_ in PRONOUN_TAGS or t.is_punct for t in span):
            return None  # "it", "who", "they": nobody described
        return Speaker(" ".join(span.text.split()).strip(" ,;:"))

    def member_in(self, start: int, end: int, *, near: int) -> Member | None:
        """The member the words in ``start:end`` name (the named one nearest ``near``), or the
        antecedent of their pronoun, or the holder of their role."""
        named = self.named(start, end)
        if named:
            return min(named, key=lambda n: abs(n.start - near)).member
        text = self.text[start:end]
        words = WORD.findall(text)
        limits = self.limits
        if 0 < len(words) <= limits.max_pronoun_words and words[-1].lower() in self.pronouns:
            return self.antecedent(start + text.rfind(words[-1]), self.pronouns[words[-1].lower()])
        content = [w.lower() for w in words if w.lower() not in ARTICLES]
        described = bool(words) and (words[0].lower() in ARTICLES or words[-1].islower())
        role_like = (described or len(content) > 1) and len(content) <= limits.max_role_words
        if role_like and (member := self.holder(content, start)):
            return member  # the Prime Minister, Union Agriculture Minister
        return None if described else self._proper_name(start, end)

    def _proper_name(self, start: int, end: int) -> Member | None:
        """Last resort: a short run of proper nouns that is not a place stands for a person
        the people records miss (``Loizon``, ``Commissioner O’Neill``; the entity recogniser
        takes many names for organisations)."""
        span = self.doc.char_span(start, end, alignment_mode="contract")
        longest = self.limits.max_unknown_name_tokens
        if span is None or not 0 < len(span) <= longest or (len(span) == 1 and span.text.isupper()):
            return None
        if any(t.tag_ not in ("NNP", "NNPS") or t.ent_type_ in PLACES for t in span):
            return None
        words = span.text.split()
        while len(words) > 1 and words[0].lower().rstrip(".") in self.honorifics:
            words = words[1:]
        return Member(" ".join(words))

    def antecedent(self, pos: int, gender: str) -> Member | None:
        """The person a subject pronoun at ``pos`` refers to: a person just before it in its
        own sentence (``Kaminara, Ambassador ..., she said``), else the nearest earlier
        sentence whose subject is a person (pronoun subjects pass the search further back)."""
        if (member := self.member_at(pos, pos + 1)) and _fits(member, gender):
            return member
        sents, starts = self._sentences()
        k = bisect_right(starts, pos) - 1
        if k < 0:
            return None
        sent = sents[k]
        for n in reversed(self.named(sent.start_char, pos)):
            before = self.text[sent.start_char : n.start].rstrip()
            if _fits(n.member, gender) and (not before or before[-1] in ",;:("):
                return n.member
        limits = self.limits
        if name := _proper_name_before(sent, pos, (limits.min_name_words, limits.max_name_words)):
            return Member(name)
        for sent in reversed(sents[max(0, k - limits.back_sentences) : k]):
            if title_case(t.text for t in sent if t.is_alpha):
                continue  # a title line: "Defendant Hurled Homophobic Slurs at Victim"
            for subject in _subjects(sent):
                if self.quoted.covers(subject.idx):
                    continue
                if subject.lower_ in self.pronouns:
                    break
                member = self.member_in(*phrase(subject), near=subject.idx)
                if member and _fits(member, gender):
                    return member
                if subject.head.lower_ in self.reporting and _determined(subject):
                    return Member(self.text[slice(*phrase(subject, short=True))])
        return None

    def _sentences(self) -> tuple[list[Span], list[int]]:
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start_char for s in self._sents]
        return self._sents, self._sent_starts


def _member(person: Person) -> Member:
    mentions = [(person.char_start, person.char_end), *person.mentions]
    return Member(person.name, person.person_id, person.gender, person.role or "", mentions)


def _first_name_run(ent: Span) -> list[Token]:
    """The first run of capitalised words of an entity (``Shri Narendra Modi “`` loses the
    mark, ``Tina Mora\nTina Mora`` its repetition)."""
    run: list[Token] = []
    for t in ent:
        if WORD.fullmatch(t.text) and t.text[0].isupper():
            run.append(t)
        elif run:
            break
    return run


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _fits(member: Member, gender: str) -> bool:
    """Whether a pronoun of ``gender`` can refer to ``member`` ("m"/"male", "f"/"female")."""
    return not member.gender or member.gender[0].lower() == gender[0].lower()


def _proper_name_before(sent: Span, pos: int, words: tuple[int, int]) -> str | None:
    """The last run of ``words`` (fewest, most) capitalised proper nouns opening a clause
    before ``pos`` in ``sent`` that the tagger did not take for an organisation or place: a
    name the entity recogniser missed (``..., Androulla Kaminara, Ambassador of ... she said``)."""
    found, run = None, []
    for token in [*(t for t in sent if t.idx < pos), None]:
        if token is not None and token.tag_ == "NNP" and token.is_title and token.is_alpha:
            run.append(token)
            continue
        if words[0] <= len(run) <= words[1]:
            first = run[0]
            opens = first.i == sent.start or first.nbor(-1).is_punct
            if opens and not any(t.ent_type_ in NOT_PEOPLE for t in run):
                found = sent.doc[first.i : run[-1].i + 1].text
        run = []
    return found


def _determined(token: Token) -> bool:
    """Whether a noun phrase opens with an article (``the officer``: a description)."""
    return token.left_edge.lower_ in ("the", "a", "an", "one")


def _subjects(sent: Span) -> list[Token]:
    """Subjects of a sentence's main verb and of the verbs joined to it."""
    verbs = [sent.root, *(t for t in sent.root.children if t.dep_ == "conj")]
    return [c for v in verbs for c in v.children if c.dep_ in SUBJECTS]


def phrase(token: Token, *, short: bool = False) -> tuple[int, int]:
    """Character range of the noun phrase ``token`` heads, without the clauses after its head;
    ``short`` also stops at the first comma (``one of the CHP officers``, not its apposition)."""
    right = token
    for t in token.subtree:
        if t.i > token.i and (t.dep_ in CLAUSES or (short and t.text in ",;:(\n")):
            break
        right = t
    return token.left_edge.idx, right.idx + len(right)
