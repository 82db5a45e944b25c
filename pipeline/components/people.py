"""Named people in a release, with honorific, role, the organisation the role belongs to,
and every mention (full name, surname, role and pronoun).

Names come from spaCy's PERSON entities and from what anchors a name in a release: an
honorific ("Ms. Shahida Gillani", "Shri ..."), a role before it ("Director General FIA Wajid
Zia", "defendants Isef Richards, Christopher Moore") or after it ("Jeremy Milson, UNODC
Country Representative"). Roles and organisations are split ("Ambassador of the European
Union to Pakistan" -> European Union), a plural role is shared by the names it lists, a
numbered list takes its role from its heading ("DEFENDANT ADDENDUM:"). Later mentions by
surname, by role ("the Ambassador") and by pronoun ("she said", resolved to the nearest
preceding person of that gender) are added to the person, so that the quotes component can
find who "HE further added"; ``pressx.components.speakers`` finds the person behind a role mention.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pressx.components import extensions
from pressx.components.base import ENTITIES, PARSE, RuleFiles
from pressx.components.extensions import doc_text, in_boilerplate
from pressx.config import component_defaults
from pressx.tables.records import Organisation, Person
from pressx.text.ids import stable_id
from pressx.text.names import (
    GLUE,
    INITIAL,
    POSSESSIVE,
    LineCase,
    RoleLexicon,
    clean_name,
    in_charge,
    is_capitalised,
    line_case,
    same_line,
    sentence_starts,
    singular,
    token_bounds,
)
from pressx.text.resources import load_json, load_lines

ROLE_JOINERS = frozenset({"of", "to", "for", "and", "&", "the", "in"})
#: Dependency labels of a name under the verb that gives its part in a case (rules in
#: ``case_roles`` of people.json).
CASE_RELATIONS = {"nsubjpass": "passive", "dobj": "object", "nsubj": "subject"}
#: An age right before a name: "27-year-old Daniel Xavier Oneil".
AGE_BEFORE = re.compile(r"\byears?[-\s]old\s*$")
OPEN_FORM = frozenset({"NOUN", "ADJ", "PROPN"})


@dataclass(slots=True)
class _Name:
    """One mention of a person by name, with what surrounds it."""

    start: int  # token offsets of the name itself
    end: int
    anchored: bool
    honorific: str | None = None


@dataclass(slots=True)
class _Role:
    text: str
    organisation: str | None
    plural: bool = False


@dataclass(slots=True)
class _Person:
    words: list[str]
    forms: dict[str, int] = field(default_factory=dict)
    names: list[_Name] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    honorific: str | None = None
    role: _Role | None = None
    gender: str | None = None


@dataclass(frozen=True, slots=True)
class _Release:
    """What the finder looks up in one release, computed once per document (``doc[i]`` makes
    a new ``Token`` each time, and the finder tests every token for a name or an honorific;
    a list of the tokens themselves would cost as much to keep): read with
    ``PeopleFinder._read``."""

    doc: Doc
    words: list[str]  # ``doc[i].text``
    lowers: list[str]  # ``doc[i].lower_``
    honorific: list[bool]  # ``PeopleFinder._honorific`` of each word
    name_word: list[bool]  # ``PeopleFinder._name_word`` of each token
    starts: frozenset[int]  # tokens that start a sentence
    org_at: dict[int, Organisation]  # organisation by the start of each of its mentions
    org_tokens: frozenset[int]  # tokens inside an organisation's mention
    lower_words: frozenset[str]  # words the release writes in lower case


@Language.factory(
    "pressx_people",
    default_config=component_defaults("pressx_people"),
    requires=["doc._.organisations", "doc._.boilerplate", *ENTITIES, *PARSE],
    assigns=["doc._.people"],
)
class PeopleFinder(RuleFiles):
    """Sets ``doc._.people``: one record per named person, in order of first mention."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str,
        roles: str,
        max_name_tokens: int,
        max_role_tokens: int,
        max_pronoun_sentences: int,
        given_names: str,
        min_name_words: int,
        max_lower_role_tokens: int,
        max_age_tokens: int,
        max_age_chars: int,
        max_heading_lines: int,
    ):
        extensions.register()
        self.name = name
        self.max_name_tokens = max_name_tokens
        self.max_role_tokens = max_role_tokens
        self.max_pronoun_sentences = max_pronoun_sentences
        self.min_name_words = min_name_words
        self.max_lower_role_tokens = max_lower_role_tokens
        self.max_age_tokens = max_age_tokens
        self.max_age_chars = max_age_chars
        self.max_heading_lines = max_heading_lines
        self.rule_files = {"rules": rules, "roles": roles, "given_names": given_names}
        self.load_rules()

    def load_rules(self) -> None:
        self.given_names = frozenset(load_lines(self.rule_files["given_names"]))
        spec = load_json(self.rule_files["rules"])
        self.place_words = frozenset(spec["place_words"])
        self.label_roles: dict[str, str] = spec["label_roles"]
        #: words in a label, longest first: a label is read with its most words first
        self.label_sizes = sorted({len(label.split()) for label in self.label_roles}, reverse=True)
        self.particles = frozenset(spec["name_particles"])
        self.honorifics: dict[str, str | None] = spec["honorifics"]
        self.pronouns: dict[str, str] = spec["pronouns"]
        self.copulas = frozenset(spec["copulas"])
        self.list_heading = re.compile(spec["list_heading"])
        self.list_item = re.compile(spec["list_item"])
        self.not_name = frozenset(spec["not_name_words"])
        self.case_roles = {
            role: {relation: frozenset(verbs) for relation, verbs in by.items()}
            for role, by in spec["case_roles"].items()
        }
        self.roles = RoleLexicon.load(self.rule_files["roles"])

    def __call__(self, doc: Doc) -> Doc:
        release = self._read(doc)
        case = line_case(doc_text(doc))
        names = [
            n
            for n in self._candidates(release)
            if not in_boilerplate(doc, doc[n.start].idx, doc[n.end - 1].idx)
            and not case.shouting_at(doc[n.start].idx)
            and not any(i in release.org_tokens for i in range(n.start, n.end))
        ]
        people = self._cluster(doc, names)
        self._roles(release, people)
        self._surnames(release, people, case)
        people = [p for p in people if self._is_person(release, p)]
        self._pronouns(release, people)
        doc._.people = [self._record(doc, p) for p in people]
        return doc

    def _read(self, doc: Doc) -> _Release:
        """The release's tokens, their words and tests, and its organisations (``_Release``)."""
        words, lowers, lower_words = [], [], set()
        for tok in doc:
            words.append(tok.text)
            lowers.append(tok.lower_)
            if tok.is_lower:
                lower_words.add(tok.text)
        orgs = doc._.organisations or []
        return _Release(
            doc=doc,
            words=words,
            lowers=lowers,
            honorific=[self._honorific(word) for word in words],
            name_word=[self._name_word(doc, words, lowers, i) for i in range(len(words))],
            starts=sentence_starts(doc),
            org_at={s: org for org in orgs for s, _ in org.mentions},
            org_tokens=frozenset(
                i
                for org in orgs
                for s, e in org.mentions
                if (span := doc.char_span(s, e, alignment_mode="expand")) is not None
                for i in range(span.start, span.end)
            ),
            lower_words=frozenset(lower_words),
        )

    # -- names ----------------------------------------------------------------------------

    def _candidates(self, release: _Release) -> list[_Name]:
        """Name mentions: spaCy PERSON entities (cleaned) and names anchored by an honorific or
        a role before them; the longest wins where they overlap."""
        doc = release.doc
        found: dict[int, _Name] = {}

        def add(name: _Name | None) -> None:
            if name is None or name.end - name.start > self.max_name_tokens:
                return
            old = found.get(name.start)
            if old is None or name.end > old.end or (name.anchored and not old.anchored):
                found[name.start] = name

        for ent in doc.ents:
            if ent.label_ == "PERSON":
                add(self._from_entity(release, ent))
        chain_end = 0  # honorifics inside a chain already read give the same name
        for i, honorific in enumerate(release.honorific):
            if honorific:
                if i < chain_end:
                    continue
                start = chain_end = self._after_honorifics(release, i)
                if end := self._name_end(release, start):
                    add(_Name(start, end, True, self._honorific_text(doc, i, start)))
            elif self._run_starts(release, i) and (end := self._name_end(release, i)):
                # "Minister of External Affairs": the object of a role, not a name
                governed = i > 0 and (
                    release.lowers[i - 1] in ROLE_JOINERS or release.words[i - 1] in GLUE
                )
                if end - i < self.min_name_words or governed:
                    continue
                if (
                    self._role_at(release, i, end)
                    or self._aged(release, i, end)
                    or self._label_role(release, i)
                ):
                    add(_Name(i, end, True))
        names = sorted(found.values(), key=lambda n: n.start)
        kept: list[_Name] = []
        for name in names:
            if kept and name.start < kept[-1].end:
                continue
            if name.end < len(doc) and release.honorific[name.end]:
                continue  # a title before an honorific: "Guru Krishna Shri Shri Premananda"
            if self._before_role(doc, name):
                continue  # a place before a role: "Diamond Bar Councilwoman Ling Ling Chang"
            if name.anchored or self._plausible(release, name):
                kept.append(name)
        return kept

    def _before_role(self, doc: Doc, name: _Name) -> bool:
        """Whether a capitalised role word follows the name on its line, with no comma: the
        words are the place or office the role belongs to, not a person."""
        if name.honorific or name.end >= len(doc):
            return False
        nxt = doc[name.end]
        return is_capitalised(nxt) and self.roles.is_head(nxt) and same_line(doc[name.end - 1], nxt)

    def _run_starts(self, release: _Release, i: int) -> bool:
        """Whether a run of name words starts at ``doc[i]``."""
        return release.name_word[i] and (i == 0 or not release.name_word[i - 1])

    def _from_entity(self, release: _Release, ent: Span) -> _Name | None:
        """A PERSON entity without leading honorifics and role words or trailing possessive."""
        start, honorific = ent.start, None
        while start < ent.end and (
            release.honorific[start]
            or release.words[start] in {".", "the", "The"}
            or self.roles.is_role_word(release.doc[start])
        ):
            if release.honorific[start]:
                honorific = self._honorific_text(release.doc, start, start + 1)
            start += 1
        end = self._name_end(release, start)
        if end is None or end > ent.end + 1:
            return None
        return _Name(start, min(end, ent.end), honorific is not None, honorific)

    def _name_end(self, release: _Release, start: int) -> int | None:
        """End of the name starting at ``doc[start]``: name words and initials on one line, the
        last one a word ("Ajay K. Sood", "Eileen O’Neill Burke")."""
        words, doc = release.words, release.doc
        end = start
        while end < len(words) and end - start < self.max_name_tokens and release.name_word[end]:
            if end > start and not same_line(doc[end - 1], doc[end]):
                break
            end += 1
        while end > start and INITIAL.match(words[end - 1]):
            end -= 1
        if end == start or words[start] in self.not_name:
            return None
        return end

    def _name_word(self, doc: Doc, words: list[str], lowers: list[str], i: int) -> bool:
        """Whether ``doc[i]`` can be a word of a name (``words``, ``lowers``: the text and lower
        case of each token)."""
        text = words[i]
        if text in self.particles:  # "Haitham bin Tarik", "Maria de Lourdes Perales"
            inside = 0 < i < len(doc) - 1
            return inside and is_capitalised(doc[i - 1]) and is_capitalised(doc[i + 1])
        if not text[:1].isupper():
            return False
        if lowers[i] == "charge" and i and in_charge(doc, i - 1):
            return False  # "Charge" of "Special Agent in Charge" ends a role, it starts no name
        if INITIAL.match(text):
            return True
        if text.isupper():
            return False
        plain = text.replace("’", "").replace("'", "").replace("-", "")
        return (
            plain.isalpha()
            and text not in self.not_name
            and not self._honorific(text)
            and not self.roles.has_head(lowers[i])
            and not self._post_of_head(lowers, i)
        )

    def _post_of_head(self, lowers: list[str], i: int) -> bool:
        """Whether ``lowers[i]`` is a word that follows a role head and ends it, right after
        one: "General" of "Lieutenant General Anil Kumar", "Director-General Tedros" (which
        the tokenizer splits at the hyphen)."""
        if lowers[i] not in self.roles.post:
            return False
        k = i - 1 if i and lowers[i - 1] not in GLUE else i - 2
        return k >= 0 and self.roles.has_head(lowers[k])

    def _plausible(self, release: _Release, name: _Name) -> bool:
        """An unanchored entity is a name when it has ``min_name_words`` words or more, none of
        which the release also writes in lower case ("Migrant Smuggling", "Closing Address")."""
        doc = release.doc
        words = [t for t in doc[name.start : name.end] if not INITIAL.match(t.text)]
        if len(words) < self.min_name_words:
            return False
        return not any(t.lower_ in release.lower_words for t in words)

    def _is_person(self, release: _Release, person: _Person) -> bool:
        """Whether the release treats the name as a person's: anchored by an honorific or a
        role, given a role or a part in a case, an age, a later mention by surname alone, or
        opening with a given name. Scheme, place and campaign names the model tags as people
        ("Viksit Bharat", "Tamil Nadu", "Jan Andolan") show none of these."""
        doc = release.doc
        if person.words[-1] in self.place_words:
            return False
        given = person.words[0].lower() in self.given_names
        tagged = any(doc[n.start].ent_type_ == "PERSON" for n in person.names)
        common = all(w.lower() in release.lower_words for w in person.words)
        if common and not (given or tagged or person.honorific):
            return False  # words of a role, written in lower case elsewhere and with no name
            # the model sees: "Vice President, Public Policy", "(Independent Charge)"
        if person.role is not None or any(
            n.anchored or self._aged(release, n.start, n.end) for n in person.names
        ):
            return True
        named = {token_bounds(doc, n.start, n.end) for n in person.names}
        for start, end in person.mentions:
            if (start, end) not in named and _standalone(doc, start, end):
                return True  # "Sifuentes would go to bars"
        return given

    def _honorific(self, word: str) -> bool:
        return word[:1].isupper() and word.lower().rstrip(".") in self.honorifics

    def _after_honorifics(self, release: _Release, i: int) -> int:
        """First token after a chain of honorifics and their dots ("Rev. Dr. David"; a rank
        before them is a role, not an honorific: "Lt. Gen. Dr. Madhuri")."""
        while i < len(release.words) and (release.honorific[i] or release.words[i] == "."):
            i += 1
        return i

    def _honorific_text(self, doc: Doc, start: int, end: int) -> str:
        return doc[start:end].text.strip()

    # -- people ---------------------------------------------------------------------------

    def _cluster(self, doc: Doc, names: list[_Name]) -> list[_Person]:
        """Group name mentions into people: the same last word and compatible other words
        ("J P Nadda" = "Jagat Prakash Nadda"); one-word mentions are left to ``_surnames``."""
        people: list[_Person] = []
        for name in names:
            words = [t.text for t in doc[name.start : name.end] if t.text != "."]
            if len(words) < 2:
                continue
            person = next((p for p in reversed(people) if _compatible(p.words, words)), None)
            if person is None:
                person = _Person(words=words)
                people.append(person)
            elif len(words) > len(person.words):
                person.words = words
            form = clean_name(doc[name.start : name.end].text)
            person.forms[form] = person.forms.get(form, 0) + 1
            person.names.append(name)
            person.mentions.append(token_bounds(doc, name.start, name.end))
            if name.honorific and not person.honorific:
                person.honorific = name.honorific
                person.gender = self.honorifics.get(name.honorific.lower().rstrip("."))
        return people

    def _surnames(self, release: _Release, people: list[_Person], case: LineCase) -> None:
        """Add one-word mentions ("Sonowal said", "Dr Tedros") to the person they name; a word
        shared by two people goes to the one named last before it."""
        doc = release.doc
        owners: dict[str, list[_Person]] = {}
        for person in people:
            owners.setdefault(_canonical(person).split()[-1], []).append(person)
        taken = {i for p in people for n in p.names for i in range(n.start, n.end)}
        named = sorted((n.start, id(p)) for p in people for n in p.names)
        last_named: dict[int, int] = {}  # id(person) -> token of its latest full mention so far
        k = 0
        for i, word in enumerate(release.words):
            if word not in owners or i in taken or i in release.org_tokens:
                continue
            while k < len(named) and named[k][0] <= i:
                last_named[named[k][1]] = named[k][0]
                k += 1
            tok = release.doc[i]
            if in_boilerplate(doc, tok.idx, tok.idx + len(tok)) or case.shouting_at(tok.idx):
                continue
            person = max(owners[tok.text], key=lambda p: last_named.get(id(p), -1))
            person.mentions.append((tok.idx, tok.idx + len(tok.text)))

    # -- roles ----------------------------------------------------------------------------

    def _roles(self, release: _Release, people: list[_Person]) -> None:
        """The role of each person: stated before or after a name mention, shared from a plural
        role over a list of names, or given by the heading of a numbered list."""
        doc = release.doc
        mentions = sorted((n.start, n.end, p) for p in people for n in p.names)
        found: dict[int, list[tuple[bool, _Role]]] = {}
        previous: tuple[int, _Role | None] = (-1, None)
        following = [start for start, _, _ in mentions[1:]] + [len(doc)]
        for (start, end, person), ceiling in zip(mentions, following, strict=False):
            # a role before the name stops at the name before it: "State Attorney Katherine
            # Fernandez Rundle and Hialeah Police Chief George Fuente"; one after it stops
            # before the next name: "Sergeant Faoud Zahirudin, Lieutenant Christopher Sharpe"
            role = self._role_at(release, start, end, floor=max(previous[0], 0), ceiling=ceiling)
            shared = previous[1]
            if (
                role is None
                and shared
                and shared.plural
                and self._listed_after(doc, previous[0], start)
            ):
                role = shared
            if role is None:
                role = self._list_role(release, start, end) or self._label_role(release, start)
            if role is not None:
                canonical = clean_name(doc[start:end].text) == _canonical(person)
                found.setdefault(id(person), []).append((canonical, role))
            previous = (end, role)
        for person in people:
            roles = found.get(id(person), [])
            best = next((r for canonical, r in roles if canonical), roles[0][1] if roles else None)
            if best is not None:
                person.role = _Role(_singular_role(best), best.organisation)
            else:
                person.role = next(
                    (_Role(r, None) for n in person.names if (r := self._case_role(doc, n))), None
                )

    def _case_role(self, doc: Doc, name: _Name) -> str | None:
        """The part the named person plays in a case, from the word the name depends on:
        "Clifford Chaun Loyer was convicted", "a jury found Loyer guilty" (defendant), "the
        killings of Erica Olivia Hernandez" (victim), "identified the defendant as Devonte
        Brown" and "a Taliban leader named Malawi Sahib" (the role the noun names). Lists and
        appositions pass the word on."""
        tok = doc[name.end - 1]
        while tok.dep_ in {"compound", "flat", "appos", "conj"} and tok.head is not tok:
            tok = tok.head
        head = tok.head
        if tok.dep_ == "oprd" and head.dep_ == "acl" and self.roles.is_head(head.head):
            return head.head.lemma_.lower()  # "a Taliban leader named Malawi Sahib"
        if tok.dep_ == "pobj" and head.lower_ in {"as", "of"}:
            governor = head.head
            if head.lower_ == "as":
                named = [c for c in governor.children if c.dep_ == "dobj"]
                return named[0].lemma_.lower() if named and self.roles.is_head(named[0]) else None
            return self._role_by(governor, "of")
        relation = CASE_RELATIONS.get(tok.dep_)
        if relation is None:
            return None
        if head.lemma_ == "find" and not any(c.lower_ == "guilty" for c in head.subtree):
            return None
        return self._role_by(head, relation)

    def _role_by(self, word: Token, relation: str) -> str | None:
        lemma = word.lemma_.lower()
        return next((r for r, by in self.case_roles.items() if lemma in by.get(relation, ())), None)

    def _role_at(
        self,
        release: _Release,
        start: int,
        end: int,
        floor: int = 0,
        ceiling: int | None = None,
    ) -> _Role | None:
        """The role stated before (from token ``floor`` on) or after the name ``start:end``
        (before token ``ceiling``, where the next name starts)."""
        before = self._role_before(release, start, floor)
        after = self._role_after(release, end, len(release.doc) if ceiling is None else ceiling)
        if before and after:
            return _Role(f"{before.text}, {after.text}", before.organisation or after.organisation)
        return before or after

    def _role_before(self, release: _Release, start: int, floor: int) -> _Role | None:
        """A role right before a name: "Director General FIA Wajid Zia", "The Governor of
        Assam, Laxman Prasad Acharya", "DMV employee Carlisha Haywood"."""
        words = release.words
        k = start
        while k > 0 and (release.honorific[k - 1] or words[k - 1] == "."):
            k -= 1
        if k > 0 and words[k - 1] == "," and k > 1:
            k -= 1  # "Union Health Minister, Shri Jagat Prakash Nadda"
        end = k if words[k - 1 if k else 0] != "," else k - 1
        first = self._phrase_start(release, end, floor)
        if first >= end:
            return None
        return self._role_in(
            release, first, end, plural_ok=True, comma=end < start and words[end] == ","
        )

    def _phrase_start(self, release: _Release, end: int, floor: int) -> int:
        """Start of the run of role and name words (and joiners) ending before ``end``, not
        before token ``floor``."""
        doc, lowers = release.doc, release.lowers
        j = end
        while j > floor and end - j < self.max_role_tokens and same_line(doc[j - 1], doc[end - 1]):
            word = release.words[j - 1]
            if (
                word in {"(", ")"}
                or word in POSSESSIVE
                or word in GLUE
                or (word == "." and self._abbreviated(doc, j - 2))
            ):
                j -= 1
            elif word == "," and j >= 3 and lowers[j - 3] == "of" and doc[j].is_title:
                if not any(w in {"and", "&"} for w in lowers[j:end]):
                    break
                j -= 1  # "Minister of Ports, Shipping & Waterways"
            elif release.honorific[j - 1]:
                break
            elif self._role_or_name_word(release, doc[j - 1]) or (
                lowers[j - 1] in ROLE_JOINERS and j >= 2 and not doc[j - 2].is_punct
            ):
                j -= 1
            else:
                break
        while j < end and (lowers[j] in ROLE_JOINERS or doc[j].is_punct):
            j += 1
        return j

    def _role_or_name_word(self, release: _Release, tok: Token) -> bool:
        """A role word, or a capitalised word that is not a sentence-opening verb or adverb."""
        if self.roles.is_role_word(tok):
            return True
        return is_capitalised(tok) and (tok.i not in release.starts or tok.pos_ in OPEN_FORM)

    def _role_after(self, release: _Release, end: int, ceiling: int) -> _Role | None:
        """A role after a name: ", UNODC Country Representative", ", 42, is the father of both
        victims", ", law enforcement expert from FIA"; none when the words run into the next
        name (from token ``ceiling``): ", Lieutenant Christopher Sharpe" is Sharpe's role."""
        doc, words, lowers = release.doc, release.words, release.lowers
        k = end
        if k + 2 < len(doc) and words[k] == "," and doc[k + 1].like_num and words[k + 2] == ",":
            k += 2  # ", 42,"
        if k < len(doc) and words[k] == ",":
            k += 1
        if k + 1 < len(doc) and lowers[k] in self.copulas and doc[k + 1].pos_ == "DET":
            k += 2
        elif k == end:
            return None
        while k + 1 < len(doc) and release.honorific[k] and words[k + 1] != ",":
            k += 1  # ", Hon’ble Minister for Tribal Affairs": a title of the role
        stop = k
        while (
            stop < len(doc)
            and stop - k < self.max_role_tokens
            and self._role_token(release, stop, k)
        ):
            stop += 1
        if stop < len(doc) and (release.honorific[stop] or release.name_word[stop]):
            return None  # ", Vice-Chancellor Prof. Mohan ...": the next person's role
        if k < ceiling < stop and self._role_of_next(release, k, ceiling):
            return None
        role = self._role_in(release, k, stop, plural_ok=False, comma=False)
        if role is not None and role.organisation is None:
            role.organisation = self._org_after(release, k, stop)
        return role

    def _role_of_next(self, release: _Release, first: int, ceiling: int) -> bool:
        """Whether the words from ``first`` that run into the next name (at ``ceiling``) end on
        that name's own role, set off by a comma or "and": ", Lieutenant Christopher Sharpe"
        and ", Deputy Chief ... and Assistant District Attorney Tara Lenich" are the next
        person's; "mother of Anthony Michael Barajas" and "sister of murder victim Mickey
        Thompson" are the role of the name before."""
        doc = release.doc
        if not (self.roles.is_role_word(doc[ceiling - 1]) or self._abbreviated(doc, ceiling - 2)):
            return False
        start = self._phrase_start(release, ceiling, first)
        return start <= first or release.words[start - 1] in {",", "and"}

    def _role_token(self, release: _Release, i: int, first: int) -> bool:
        doc = release.doc
        tok = doc[i]
        if i > first and not same_line(doc[i - 1], tok):
            return False
        if tok.text in POSSESSIVE or (tok.text in GLUE and i > first):
            return True
        if self.roles.is_role_word(tok) or (is_capitalised(tok) and not release.honorific[i]):
            return True
        if tok.lower_ in ROLE_JOINERS and tok.is_lower and i + 1 < len(doc):
            nxt = doc[i + 1]
            return (not release.honorific[i + 1] and nxt.pos_ != "DET") or tok.lower_ == "of"
        # lower-case words carry on a role only near its start ("law enforcement expert")
        return (
            tok.is_lower
            and tok.pos_ in OPEN_FORM | {"DET", "NUM"}
            and i - first < self.max_lower_role_tokens
        )

    def _role_in(
        self, release: _Release, first: int, end: int, *, plural_ok: bool, comma: bool
    ) -> _Role | None:
        """The role in ``doc[first:end]``: from its first role word to its last role head (and
        an "of ..." tail); an organisation before it, in its tail or after it is split off."""
        doc = release.doc
        heads = [i for i in range(first, end) if self.roles.is_head(doc[i])]
        if not heads:
            return None
        last = heads[-1]
        if last + 1 < end and doc[last + 1].lower_ in self.roles.post:
            last += 1
        elif (
            last + 2 < end
            and doc[last + 1].text in GLUE
            and self._post_of_head(release.lowers, last + 2)
        ):
            last += 2  # "Director-General"
        elif last + 2 < end and in_charge(doc, last + 1):
            last += 2  # "Special Agent in Charge"
        tail_end = last + 1
        if tail_end < end and doc[tail_end].lower_ in {"of", "to", "for"}:
            tail_end = end
            while doc[tail_end - 1].lower_ in ROLE_JOINERS:
                tail_end -= 1
            if plural_ok and any(doc[i].lower_ in {"and", "&"} for i in range(tail_end, end)):
                return None  # "Jadhav, Minister of State for Ayush and Dr Tedros": Jadhav's
        elif tail_end < end and plural_ok and not self._org_between(release, tail_end, end):
            return None  # the words before a name must end on the role
        start = next(  # a role word inside an organisation's name is the name's
            (i for i in range(first, end) if self._free_role_word(release, doc[i])),
            next(i for i in range(first, end) if self.roles.is_role_word(doc[i])),
        )
        organisation = self._org_between(release, first, start)
        if organisation is None and start > first and doc[first:start].text.strip():
            start = first  # "Harris County District Attorney": a place, part of the role
        for i in range(last + 1, tail_end):
            if (org := release.org_at.get(doc[i].idx)) is not None:
                organisation = organisation or org.name
                tail_end = last + 1 if organisation == org.name else tail_end
                break
        if organisation is None:
            organisation = self._org_between(release, tail_end, end)
        text = self._role_text(doc, start, tail_end)
        if comma and not any(doc[i].is_title for i in heads):
            return None
        plural = doc[heads[-1]].lower_ not in self.roles.heads
        return _Role(text, organisation, plural) if text else None

    def _role_text(self, doc: Doc, start: int, end: int) -> str:
        """The text of the role ``doc[start:end]``, its rank abbreviations written out ("Lt.
        Col." -> "Lieutenant Colonel"): one rank is one role however a release writes it."""
        parts = []
        for i in range(start, end):
            tok = doc[i]
            if (full := self.roles.abbreviations.get(tok.lower_.rstrip("."))) is not None:
                parts.append(f"{full} ")  # "Sgt." and "Sgt" alike
            elif not (tok.text == "." and self._abbreviated(doc, i - 1)):
                parts.append(tok.text_with_ws)
        return clean_name("".join(parts))

    def _abbreviated(self, doc: Doc, i: int) -> bool:
        """Whether ``doc[i]`` is a role abbreviation written with its dot ("Sgt.", "Gen.")."""
        if not 0 <= i < len(doc) or doc[i].lower_.rstrip(".") not in self.roles.abbreviations:
            return False
        if doc[i].text.endswith("."):
            return True
        return i + 1 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text == "."

    def _free_role_word(self, release: _Release, tok: Token) -> bool:
        """A role word outside every organisation's name ("Bureau" of "Federal Bureau of
        Investigation Special Agent" belongs to the bureau)."""
        return self.roles.is_role_word(tok) and tok.i not in release.org_tokens

    def _org_between(self, release: _Release, start: int, end: int) -> str | None:
        """The organisation named by tokens ``start:end`` (one mention), if any."""
        doc = release.doc
        for i in range(start, end):
            if (org := release.org_at.get(doc[i].idx)) is not None:
                return org.name
        return None

    def _org_after(self, release: _Release, first: int, stop: int) -> str | None:
        """ ", Department of Health" or "from FIA" right after a role."""
        doc = release.doc
        if stop + 1 < len(doc) and doc[stop].text in {",", "from", "at"}:
            return self._org_between(release, stop + 1, stop + 2)
        return None

    def _listed_after(self, doc: Doc, previous_end: int, start: int) -> bool:
        """Whether a name follows the previous one in a list: only ",", "and" between them."""
        between = doc[previous_end:start]
        return 0 < len(between) <= 2 and all(t.text in {",", "and"} for t in between)

    def _label_role(self, release: _Release, start: int) -> _Role | None:
        """The role a label before the name gives: "Contact: Kimberlee Leach", "Contact:" on the
        line above, "Author: Amy McKenzie" (``label_roles``)."""
        k = start - 1
        while k >= 0 and release.doc[k].is_space:
            k -= 1
        if k < 1 or release.words[k] != ":":
            return None
        for size in self.label_sizes:
            label = " ".join(release.lowers[max(0, k - size) : k])
            if label in self.label_roles:
                return _Role(self.label_roles[label], None)
        return None

    def _list_role(self, release: _Release, start: int, end: int) -> _Role | None:
        """The role a list item takes from its heading: a numbered item under "DEFENDANT
        ADDENDUM:", or a name and an age on a line of their own under "The defendants charged
        are listed below:"."""
        text, at = doc_text(release.doc), release.doc[start].idx
        line_start = text.rfind("\n", 0, at) + 1
        opening = text[line_start:at]
        if not self.list_item.match(opening):
            return None
        if not (opening.strip() or self._aged(release, start, end)):
            return None
        end = line_start - 1
        for _ in range(self.max_heading_lines):
            if end <= 0:
                break
            begin = text.rfind("\n", 0, end) + 1
            line = text[begin:end]
            end = begin - 1
            if not self.list_heading.match(line):
                continue
            for word in re.findall(r"[\w-]+", line.lower()):
                if self.roles.has_head(word):
                    return _Role(singular(word), None)
            return None
        return None

    def _aged(self, release: _Release, start: int, end: int) -> bool:
        """Whether an age stands by the name ``doc[start:end]``: "Devonte Brown, 30," or a
        list line "Victory Banks, 33", or "27-year-old Daniel Oneil"."""
        doc, words = release.doc, release.words
        if (
            end + 1 < len(words)
            and words[end] == ","
            and doc[end + 1].like_num
            and len(words[end + 1]) <= self.max_age_chars
        ):
            closed = (
                end + 2 == len(words)
                or words[end + 2] in {",", "."}
                or "\n" in doc[end + 1].whitespace_
            )
            if closed or doc[end + 2].is_space:
                return True
        # the text from the first token read to the name (the space before it: ``\s*$``)
        first = doc[max(0, start - self.max_age_tokens)].idx
        return AGE_BEFORE.search(doc_text(doc)[first : doc[start].idx]) is not None

    # -- mentions by pronoun ------------------------------------------------------------------

    def _pronouns(self, release: _Release, people: list[_Person]) -> None:
        """Resolve he/she/his/her to the nearest person mentioned before it, within a few
        sentences, whose gender is that of the pronoun or still unknown (then learnt)."""
        if not people:
            return
        doc = release.doc
        starts = [sent.start_char for sent in doc.sents]
        timeline = sorted(((s, p) for p in people for s, _ in p.mentions), key=lambda x: x[0])
        offsets = [s for s, _ in timeline]
        for i, lower in enumerate(release.lowers):
            gender = self.pronouns.get(lower)
            if gender is None:
                continue
            tok = release.doc[i]
            if in_boilerplate(doc, tok.idx, tok.idx + len(tok)):
                continue
            here = bisect.bisect_right(starts, tok.idx) - 1
            for k in range(bisect.bisect_left(offsets, tok.idx) - 1, -1, -1):
                s, person = timeline[k]
                if here - (bisect.bisect_right(starts, s) - 1) > self.max_pronoun_sentences:
                    break
                if person.gender in (None, gender):
                    person.gender = gender
                    person.mentions.append((tok.idx, tok.idx + len(tok.text)))
                    break

    # -- records ----------------------------------------------------------------------------

    def _record(self, doc: Doc, person: _Person) -> Person:
        name = _canonical(person)
        first = person.names[0]
        start, end = token_bounds(doc, first.start, first.end)
        role = person.role
        return Person(
            person_id=stable_id("person", name),
            name=name,
            honorific=person.honorific,
            role=role.text if role else None,
            organisation=role.organisation if role else None,
            char_start=start,
            char_end=end,
            mentions=sorted(set(person.mentions)),
            gender=person.gender,
        )


def _standalone(doc: Doc, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` stands alone, no capitalised word beside it (a
    surname, not the last word of the same name written out again)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    return not any(t is not None and is_capitalised(t) for t in (before, after))


def _canonical(person: _Person) -> str:
    """The name a person is listed under: the form used most often, then the longest."""
    return max(person.forms, key=lambda f: (person.forms[f], len(f)))


def _compatible(known: list[str], words: list[str]) -> bool:
    """Same last word, and the other words of the shorter name are words or initials of the
    longer one, in order ("J P Nadda" ~ "Jagat Prakash Nadda", "Jatin Goswami" ~ "Bhushan Jatin
    Goswami")."""
    short_name, long_name = sorted((known, words), key=len)
    if long_name[: len(short_name)] == short_name:
        return True  # "Sarbananda Sonowal Calls ..." in a title-case headline
    if known[-1] != words[-1]:
        return False
    short, long = sorted((known[:-1], words[:-1]), key=len)
    pos = 0
    for word in short:
        key = word.rstrip(".")
        for k in range(pos, len(long)):
            if long[k] == word or (len(key) == 1 and long[k].startswith(key)):
                pos = k + 1
                break
        else:
            return False
    return True


def _singular_role(role: _Role) -> str:
    """A shared plural role for one person: "Senior Assistant District Attorneys" -> "...
    Attorney"; roles with an "of" tail are left alone ("Chief of Detectives")."""
    if not role.plural or " of " in role.text:
        return role.text
    words = role.text.split()
    return " ".join([*words[:-1], singular(words[-1])])
