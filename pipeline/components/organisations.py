"""Organisations named in a release, with their acronyms and every mention.

An organisation name is found from its *head* word ("Agency", "Ministry", "Office",
"Bureau", ...; ``models/organisations.json``): the capitalised words before it and an
"of ..." tail after it ("Department of Science and Technology"). Role words stop a name
("Commander UAE Presidential Guard" -> UAE Presidential Guard), a possessive splits two
names ("U.S. Department of Justice's Office of International Affairs") unless it owns an
office ("Cook County State's Attorney's Office"). Acronyms are tied to their long forms in
either order ("Federal Investigation Agency (FIA)", "FIA (Federal Investigation Agency)");
programmes are found from their defining sentence ("X (ACR) is a ... initiative"); well-known
acronyms come from a gazetteer so that the org_id is the same whether a release spells the
name out or not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pressx.components import extensions
from pressx.components.base import ENTITIES, PARSE, RuleFiles
from pressx.components.extensions import doc_text, in_boilerplate, token_texts
from pressx.config import component_defaults
from pressx.tables.records import Organisation
from pressx.text.ids import normalise_key, stable_id
from pressx.text.names import (
    GLUE,
    POSSESSIVE,
    LineCase,
    RoleLexicon,
    acronym_fits,
    attached,
    clean_name,
    in_charge,
    is_acronym,
    is_capitalised,
    join_ordinal,
    line_case,
    lower_words,
    name_words,
    same_line,
    sentence_starts,
    singular,
    wrapped,
)
from pressx.text.resources import load_json

DASHES = frozenset({"-", "–"})
FUNCTION_POS = frozenset({"DET", "PRON", "ADP", "CCONJ", "SCONJ", "ADV", "AUX", "PART", "VERB"})


@dataclass(slots=True)
class _Group:
    """The mentions of one organisation while a document is read."""

    forms: list[tuple[int, int, str]] = field(default_factory=list)
    acronym: str | None = None
    long_forms: set[str] = field(default_factory=set)
    written: set[str] = field(default_factory=set)  # "496 th Criminal Court" as the page has it


def org_key(text: str) -> str:
    """Grouping key of an organisation name: normalised, last word singular."""
    words = normalise_key(text).split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


@Language.factory(
    "pressx_organisations",
    default_config=component_defaults("pressx_organisations"),
    requires=["doc._.boilerplate", "doc._.dateline_location", *ENTITIES, *PARSE],
    assigns=["doc._.organisations"],
)
class OrganisationFinder(RuleFiles):
    """Sets ``doc._.organisations``: one record per organisation, mentions in reading order."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str,
        roles: str,
        people: str,
        gazetteer: str,
        max_paren_tokens: int,
        max_name_tokens: int,
        min_name_words: int,
        min_tagged_acronym_chars: int,
        max_kind_gap: int,
    ):
        extensions.register()
        self.nlp = nlp
        self.name = name
        self.max_paren_tokens = max_paren_tokens
        self.max_name_tokens = max_name_tokens
        self.min_name_words = min_name_words
        self.min_tagged_acronym_chars = min_tagged_acronym_chars
        self.max_kind_gap = max_kind_gap
        self.rule_files = {"rules": rules, "roles": roles, "people": people, "gazetteer": gazetteer}
        self.load_rules()

    def load_rules(self) -> None:
        nlp, files = self.nlp, self.rule_files
        spec = load_json(files["rules"])
        self.heads = frozenset(spec["heads"])
        self.tail_heads = frozenset(spec["tail_heads"])
        self.programme_heads = frozenset(spec["programme_heads"])
        self.lower_heads = frozenset(spec["lower_heads"])
        # a word none of these holds is no head (``_is_head`` reads no further)
        self.head_words = self.heads | self.programme_heads | self.tail_heads | self.lower_heads
        self.possessive_heads = frozenset(spec["possessive_heads"])
        self.tail_joiners = frozenset(spec["tail_joiners"])
        self.inner_joiners = frozenset(spec["inner_joiners"])
        self.definition = re.compile(spec["definition"])
        self.definition_cue = re.compile(spec["definition_cue"])
        self.publisher = re.compile(spec["publisher"])
        self.not_acronyms = frozenset(spec["not_org_acronyms"])
        self.generic_words = frozenset(spec["generic_words"])
        self.thing_words = frozenset(spec["thing_words"])
        self.kind_nouns = frozenset(spec["kind_nouns"])
        self.example_cues = tuple(tuple(c.split()) for c in spec["example_cues"])
        self.cue_starts = frozenset(c[0] for c in self.example_cues)
        self.district_office = re.compile(spec["district_office"])
        self.group_nouns = frozenset(spec["group_nouns"])
        self.group_modifiers = frozenset(spec["group_modifiers"])
        self.group_cues = tuple(tuple(c.split()) for c in spec["group_cues"])
        self.roles = RoleLexicon.load(files["roles"])
        self.honorifics = frozenset(load_json(files["people"])["honorifics"])
        gazetteer = load_json(files["gazetteer"])
        self.gazetteer: dict[str, str] = gazetteer["acronyms"]
        self.gazetteer_keys = {org_key(v): k for k, v in self.gazetteer.items()}
        self.long_names = PhraseMatcher(nlp.vocab, attr="ORTH")
        known = [*self.gazetteer.values(), *gazetteer["names"]]
        self.long_names.add("ORG", [nlp.make_doc(name) for name in known])

    def __call__(self, doc: Doc) -> Doc:
        case = line_case(doc_text(doc))
        words = token_texts(doc)

        def usable(start: int, end: int) -> bool:
            return not in_boilerplate(doc, start, end) and not case.shouting_at(start)

        spans = [s for s in self.name_spans(doc, words, case) if usable(s.start_char, s.end_char)]
        defined = self._definitions(doc)
        acronyms: dict[str, Span] = {acr: span for span, acr in defined if acr}
        variants, not_orgs = self._acronyms(doc, words, spans, acronyms)
        spans = filter_spans(spans + [span for span, _ in defined] + list(acronyms.values()))
        shared = [found for found in self.shared_heads(doc, words) if usable(*found.phrase)]
        spans = [s for s in spans if not any(_inside(s, found.phrase) for found in shared)]
        long_of = {acr: clean_name(long.text) for acr, long in acronyms.items()}
        groups: dict[str, _Group] = {}
        for found in shared:
            self._add(groups, found.span.start_char, found.span.end_char, found.name, long_of)
        for span in spans:
            self._add(groups, span.start_char, span.end_char, clean_name(span.text), long_of)
        for span, acronym in variants:
            self._add(groups, span.start_char, span.end_char, span.text, long_of, acronym=acronym)
        covered = {i for s in spans for i in range(s.start, s.end)}
        written = {w for w in set(words) if not w.isupper()}
        # the dateline's place ("KABUL, Afghanistan (Jan. 25, 2013)", "OTTAWA, ON, March 3")
        written.update((doc._.dateline_location or "").replace(",", " ").split())
        acronymic = {w for w in set(words) if is_acronym(w)} - not_orgs
        for tok in (doc[i] for i, w in enumerate(words) if w in acronymic and i not in covered):
            if _field_label(tok):
                continue
            known = tok.text in acronyms or tok.text in self.gazetteer
            tagged = (
                tok.ent_type_ == "ORG"
                and len(tok.text) >= self.min_tagged_acronym_chars
                and tok.text.title() not in written  # "TARZANA, Calif." beside "Tarzana"
                and not _in_caps_words(tok)
                and not _plural_acronym(tok.text)
            )
            if (known or tagged) and tok.text not in self.not_acronyms:
                end = tok.idx + len(tok.text)
                if usable(tok.idx, end):
                    self._add(groups, tok.idx, end, tok.text, long_of, acronym=tok.text)
        doc._.organisations = self._records(groups)
        return doc

    # -- finding names -------------------------------------------------------------------

    def name_spans(self, doc: Doc, words: list[str], case: LineCase) -> list[Span]:
        """Organisation names in ``doc`` found from head words, gazetteer long forms and the
        publisher line, overlaps resolved in favour of the longest."""
        spans: list[Span] = []
        starts = sentence_starts(doc)
        read = 0  # the first token not yet read into a name
        for i in [i for i, w in enumerate(words) if w in self.head_words]:
            if i < read or not self._is_head(doc, i, case):
                continue
            end = self._extend_right(doc, i, titled=case.titled_at(doc[i].idx))
            start = _split_ordinal(doc, self._extend_left(doc, i, starts))
            named = (
                len(name_words(doc[start:end])) >= self.min_name_words
                and end - start <= self.max_name_tokens
            )
            if named and not self._names_a_thing(doc, end):
                spans.append(doc[start:end])
            read = end
        spans += [doc[s:e] for _, s, e in self.long_names(doc)]
        spans += self.listed_examples(doc, words)
        spans += self.group_names(doc, words)
        for pattern in (self.publisher, self.district_office):
            for m in pattern.finditer(doc_text(doc)):
                if span := doc.char_span(*m.span("name"), alignment_mode="expand"):
                    spans.append(span)
        spans = [s for s in filter_spans(spans) if not self._generic(s)]
        return filter_spans(spans + self.listed_with(doc, words, spans))

    def shared_heads(self, doc: Doc, words: list[str]) -> list[_Shared]:
        """Names listed before one plural head they share: "the Beaumont, Hemet and Riverside
        Police Departments" -> Beaumont Police Department, Hemet Police Department, Riverside
        Police Department. The words shared are head words and owners before it ("Police",
        "Sheriff’s"), else the one word before it ("Fire"); a list of kinds of office is no
        list of names ("State Governments, District Collectors and Central Training
        Institutes")."""
        found: list[_Shared] = []
        heads = {w: head for w in set(words) if (head := singular(w)) != w and head in self.heads}
        for tok in (doc[i] for i, w in enumerate(words) if w in heads):
            head = heads[tok.text]
            j = tok.i
            while j > 0 and (doc[j - 1].text in self.heads or self._owner(doc, j - 1)):
                j -= 1 + (doc[j - 1].text in POSSESSIVE)
            j = min(j, tok.i - 1)  # one shared word at least: "Orange and Santa Ana Fire ..."
            owner = "".join(t.text_with_ws for t in doc[j : tok.i]) + head
            listed = _conjuncts(doc, j)
            if len(listed) >= 2 and not any(self._kind_word(t) for run in listed for t in run):
                phrase = (listed[0].start_char, tok.idx + len(tok.text))
                found += [_Shared(span, f"{span.text} {owner}", phrase) for span in listed]
        return found

    def _kind_word(self, tok: Token) -> bool:
        """A head or role word, singular or plural: it names a kind, not one organisation."""
        return self._head_word(tok) or self.roles.is_role_word(tok)

    def _head_word(self, tok: Token) -> bool:
        """A head word of an organisation or programme name, singular or plural."""
        words = (tok.text, singular(tok.text))  # "Schools", "Shipbuilders"
        return any(w in self.heads or w in self.programme_heads for w in words)

    def _owner(self, doc: Doc, i: int) -> bool:
        """The possessive of a role word that owns an office: "’s" of "Sheriff’s Departments"."""
        return doc[i].text in POSSESSIVE and i > 0 and self.roles.is_head(doc[i - 1])

    def listed_with(self, doc: Doc, words: list[str], spans: list[Span]) -> list[Span]:
        """Names with no head word listed together with organisations: "Chicago Police
        Department, Cook County Sheriff’s Office, FBI, ATF, CTA, Metra, and Pace". A conjunct
        of an organisation in the parse is one when all its words are capitalised, none is
        written in lower case elsewhere in the release, and the model tags no person or place."""
        lower = {w.lower() for w in set(words) if w.islower()}
        covered = {i for s in spans for i in range(s.start, s.end)}
        found = []
        for span in spans:
            for tok in span.root.conjuncts:
                if tok.i in covered or tok.ent_type_ in PLACE_OR_PEOPLE | {"PERSON"}:
                    continue
                words = doc[tok.left_edge.i : tok.i + 1]
                if words[0].lower_ == "the":
                    words = words[1:]
                if len(words) and all(
                    is_capitalised(t) and t.lower_ not in lower and not self._kind_word(t)
                    for t in words
                    if not t.is_punct
                ):
                    found.append(words)
        return found

    def _names_a_thing(self, doc: Doc, end: int) -> bool:
        """Whether the words go on past the head into the name of a thing ("My Ayush
        Integrated Services Portal", "BSL-3/4 Laboratory Network")."""
        return (
            end < len(doc)
            and doc[end].text in self.thing_words
            and same_line(doc[end - 1], doc[end])
        )

    def _generic(self, span: Span) -> bool:
        """A description, not a name: "Union Government", "Public Administration"."""
        return all(w.lower() in self.generic_words for w in name_words(span))

    def listed_examples(self, doc: Doc, words: list[str]) -> list[Span]:
        """Names listed as examples of a kind of organisation: "retailers, including major
        brands such as Walgreens, The Home Depot and Ulta Beauty"."""
        spans: list[Span] = []
        cues = {w for w in set(words) if w.lower() in self.cue_starts}
        for tok in (doc[i] for i, w in enumerate(words) if w in cues):
            cue = next(
                (c for c in self.example_cues if lower_words(doc[tok.i : tok.i + len(c)]) == c),
                None,
            )
            before = doc[max(0, tok.i - self.max_kind_gap) : tok.i]
            if cue is None or not any(t.lemma_.lower() in self.kind_nouns for t in before):
                continue
            k = tok.i + len(cue)
            while k < len(doc):
                first = k + (doc[k].text == "The")
                end = first
                while end < len(doc) and _name_start(doc, end) and same_line(doc[k], doc[end]):
                    end += 1
                if end == first:
                    break
                spans.append(doc[k:end])
                if end + 1 >= len(doc) or doc[end].text not in {",", "and"}:
                    break
                k = end + 1 + (doc[end].text == "," and doc[end + 1].lower_ == "and")
        return spans

    def group_names(self, doc: Doc, words: list[str]) -> list[Span]:
        """Names of gangs and crews, which have no head word: the capitalised words before
        a group noun, over its modifiers ("the 59 Brim Bloods violent street gang"), and the
        names listed after a cue that follows the group noun, or a pronoun for it in the
        next sentence ("a violent street gang known as Brick Squad, a.k.a., Immortal Stone
        Gorilla Gang", "Rival gangs ... They include WOOO, Choo, 780 and Folk Nation"). A
        place or a people ("a Korean criminal street gang") is not a gang's name."""
        spans: list[Span] = []
        # lower case: not a title-case headline
        for tok in (doc[i] for i, w in enumerate(words) if w in self.group_nouns):
            end = tok.i
            while end > 0 and doc[end - 1].lower_ in self.group_modifiers:
                end -= 1
            start = end
            while start > 0 and _group_word(doc[start - 1]) and same_line(doc[start - 1], tok):
                start -= 1
            if start < end and not _entity_of(doc[start:end], PLACE_OR_PEOPLE):
                spans.append(doc[start:end])
            sent = tok.sent
            limit = doc[sent.end].sent.end if sent.end < len(doc) else sent.end  # and the next
            for k in range(tok.i + 1, limit):
                following = tuple(words[k : k + 3])  # lower case: not a title line
                cue = next((c for c in self.group_cues if following[: len(c)] == c), None)
                if cue is None:
                    continue
                before = doc[k - 1] if words[k - 1] != "," else doc[k - 2]
                if before.i == tok.i or before.lower_ in GROUP_PRONOUNS:
                    listed = _listed_names(doc, k + len(cue), limit)
                    spans += [name for name in listed if not _entity_of(name, PLACES)]
                    break
        return spans

    def _is_head(self, doc: Doc, i: int, case: LineCase) -> bool:
        tok = doc[i]
        programme = tok.text in self.programme_heads and not case.titled_at(tok.idx)
        if (
            tok.text in self.heads
            or programme
            or (tok.text in self.tail_heads and self._has_tail(doc, i))
        ):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            # "Police Commissioner", "Bureau Chief": a role, not the end of a name
            return not (
                nxt is not None
                and tok.lower_ in self.roles.modifiers
                and is_capitalised(nxt)
                and self.roles.is_head(nxt)
                and same_line(tok, nxt)
            )
        if tok.text in self.lower_heads and i > 0:
            prev = doc[i - 1]
            return is_capitalised(prev) and not _is_stop(prev) and same_line(prev, tok)
        return False

    def _has_tail(self, doc: Doc, i: int) -> bool:
        return i + 2 < len(doc) and doc[i + 1].text == "of" and _name_start(doc, i + 2)

    def _and_joins_left(self, doc: Doc, j: int) -> bool:
        """Whether the "and" before ``doc[j]`` joins words of one name ("Defence Research and
        Development Organisation"), not two names ("FIA and Punjab Police")."""
        if j < 2:
            return False
        left = doc[j - 2]
        person = left.ent_type_ == "PERSON"  # "Director Stephanie V. Daniels and City of ..."
        return (
            left.is_title
            and not person
            and left.text not in self.heads
            and not self.roles.is_head(left)
        )

    def _extend_right(self, doc: Doc, head: int, *, titled: bool) -> int:
        """End (exclusive) of the name whose head is ``doc[head]``: following heads ("Police
        Department") and an "of/for/on ..." tail with a comma list ("of Alcohol, Tobacco,
        Firearms and Explosives"). In a title-case headline only "of" starts a tail: "Office
        to Hold ..." goes on with a verb."""
        k = head
        while k + 1 < len(doc) and doc[k + 1].text in self.heads and same_line(doc[k], doc[k + 1]):
            k += 1
        end = k + 1
        joiner = doc[end].text if end < len(doc) else None
        if joiner in self.tail_joiners and (joiner == "of" or not titled):
            j = end + 1
            if j < len(doc) and doc[j].lower_ == "the":
                j += 1
            if j < len(doc) and _name_start(doc, j) and same_line(doc[end], doc[j]):
                end = self._comma_list(doc, self.run_end(doc, j, in_tail=True))
        return end

    def run_end(self, doc: Doc, j: int, *, in_tail: bool = False) -> int:
        """End (exclusive) of the run of capitalised words starting at ``doc[j]``, joined by
        lower-case joiners ("Trafficking in Persons and the Smuggling of Migrants") and by
        hyphens, dashes, slashes and ampersands. In a name's tail "and the ..." or "and" before
        an acronym starts another name ("Ministry of Ayush and the WHO Global Centre")."""
        k = j + 1
        while k < len(doc) and same_line(doc[k - 1], doc[k]):
            tok = doc[k]
            if in_tail and (self._person_at(doc, k) or tok.ent_type_ in {"DATE", "TIME"}):
                break  # "... Clinic on Saturday"
            if is_capitalised(tok) and tok.text not in POSSESSIVE:
                k += 1
                continue
            nxt = k + 1
            if tok.text in self.inner_joiners and tok.text.islower() and nxt < len(doc):
                if in_tail and (
                    tok.lower_ == "in"
                    or (tok.lower_ == "and" and (doc[nxt].lower_ == "the" or doc[nxt].is_upper))
                ):
                    break
                nxt += doc[nxt].lower_ == "the" and tok.lower_ != "the"
            joins = tok.text in GLUE or (tok.text in self.inner_joiners and tok.text.islower())
            if joins and nxt < len(doc) and _name_start(doc, nxt) and same_line(tok, doc[nxt]):
                k = nxt + 1
                continue
            break
        return k

    def _person_at(self, doc: Doc, k: int) -> bool:
        """Whether a person, with the role words before the name, starts at ``doc[k]``: a
        name's tail ends there ("Ministry of Home Affairs Shri Nityanand Rai", "State Board of
        Equalization Vice Chair Michelle Steel", "Department of Consumer Affairs and Chief
        Commissioner")."""
        if doc[k].text in self.heads:
            return False  # "City of Miami Police Chief Manuel A. Morales": the name's own head
        joined = doc[k].lower_ in {"and", "&"}
        m = k + joined
        while m < len(doc) and is_capitalised(doc[m]) and self.roles.is_role_word(doc[m]):
            m += 1
        role = m > k + joined and self.roles.is_head(doc[m - 1])
        if role and in_charge(doc, m):
            m += 2  # "... Special Agent in Charge Sean Ragan"
        if m == len(doc) or not is_capitalised(doc[m]):
            return joined and role
        person = doc[m].ent_iob_ == "B" and doc[m].ent_type_ == "PERSON"
        if person or doc[m].lower_.rstrip(".") in self.honorifics:
            return True
        # a role, then two name words: "Vice Chair Michelle Steel"
        name = doc[m : m + 2]
        return (
            role
            and len(name) == 2
            and all(is_capitalised(t) and not (self._kind_word(t) or t.is_upper) for t in name)
        )

    def _comma_list(self, doc: Doc, end: int) -> int:
        """Extend a tail over ", Shipping and Waterways": comma-separated capitalised words that
        end with "and"/"&"; otherwise the tail stops at the comma."""
        k, last_and = end, None
        while k + 1 < len(doc) and doc[k].text == "," and _name_start(doc, k + 1):
            if doc[k + 1].text in self.heads or self.roles.is_head(doc[k + 1]):
                break
            seg_end = self.run_end(doc, k + 1, in_tail=True)
            if any(t.lower_ in {"and", "&"} for t in doc[k + 1 : seg_end]):
                last_and = seg_end
                break
            if any(t.text in self.heads for t in doc[k + 1 : seg_end]):
                break
            k = seg_end
        return last_and or end

    def _extend_left(self, doc: Doc, head: int, starts: frozenset[int]) -> int:
        """Start of the name whose head is ``doc[head]``: capitalised words before it, stopped
        by role words, stop words, honorific-like sentence starts and possessives (except an
        owner of an office: "District Attorney's Office")."""
        j, owner = head, False
        while j > 0 and (same_line(doc[j - 1], doc[j]) or wrapped(doc[j - 1], doc[j])):
            if doc[j - 1].is_space and j >= 2 and wrapped(doc[j - 2], doc[j]):
                j -= 1  # the line break of a wrapped line, a token of its own
            tok = doc[j - 1]
            owned_head = (
                tok.text in self.possessive_heads and j >= 2 and doc[j - 2].text in POSSESSIVE
            )
            heading = tok.is_upper and _in_caps_words(tok) and not doc[head].is_upper
            if owned_head or heading:
                break  # another name's end ("Clerk’s Office George Allen Courthouse"), or a
                # heading in capitals ("PRESS CONFERENCE Dallas County District Attorney’s ...")
            if tok.text in POSSESSIVE:
                owned = doc[head].text in self.possessive_heads and (owner or j == head)
                owner_word = doc[j - 2] if j >= 2 else None
                if (
                    owned
                    and owner_word is not None
                    and self.roles.is_role_word(owner_word)
                    and owner_word.lower_ not in self.roles.org_internal
                ):
                    j, owner = j - 2, True
                    continue
                break
            if tok.text in GLUE and j >= 2 and is_capitalised(doc[j - 2]) and attached(tok, doc[j]):
                j -= 1
                continue
            if tok.like_num or re.fullmatch(r"\d+(?:st|nd|rd|th)", tok.text):
                if tok.i + 1 == j and (tok.i == 0 or not doc[tok.i - 1].like_num):
                    j -= 1
                break
            if tok.lower_ in {"and", "&"} and self._and_joins_left(doc, j):
                j -= 1
                continue
            if not is_capitalised(tok) or _is_stop(tok):
                break
            role = tok.lower_ in self.roles.heads and tok.lower_ not in self.roles.org_internal
            if role and not owner:
                break
            if tok.i in starts and tok.pos_ not in {"PROPN", "NOUN", "ADJ"}:
                break
            j -= 1
        return j

    def run_start(self, doc: Doc, end: int) -> int:
        """Start of the run of capitalised words (role words included) ending before ``end``."""
        j = end
        while j > 0 and same_line(doc[j - 1], doc[min(j, len(doc) - 1)]):
            tok = doc[j - 1]
            if (is_capitalised(tok) and not _is_stop(tok)) or (
                (tok.text in POSSESSIVE or tok.text in GLUE)
                and j >= 2
                and is_capitalised(doc[j - 2])
            ):
                j -= 1
            elif tok.text in self.inner_joiners and tok.text.islower() and j >= 2:
                before = j - 2 if doc[j - 2].lower_ != "the" else j - 3
                if before < 0 or not is_capitalised(doc[before]) or doc[before].lower_ == "the":
                    break
                j -= 1
            else:
                break
        while j < end and (doc[j].lower_ in self.inner_joiners or doc[j].text in GLUE):
            j += 1
        return j

    # -- acronyms -------------------------------------------------------------------------

    def _acronyms(
        self, doc: Doc, words: list[str], spans: list[Span], acronyms: dict[str, Span]
    ) -> tuple[list[tuple[Span, str]], set[str]]:
        """Read the acronyms the text defines in brackets into ``acronyms`` ({acronym: long-form
        span}, organisations only). Returns the bracketed variants that carry more than the
        acronym ("GLO.ACT – Asia and the Middle East") and the acronyms whose long form is not an
        organisation ("Trafficking in Persons (TIP)")."""
        by_end = {s.end: s for s in spans}
        by_start = {s.start: s for s in spans}
        variants: list[tuple[Span, str]] = []
        others: set[str] = set()
        for open_ in (doc[i] for i, w in enumerate(words) if w in BRACKETS):
            closing = BRACKETS[open_.text]
            window = doc[open_.i + 1 : open_.i + self.max_paren_tokens]
            close = next((t.i for t in window if t.text == closing), None)
            if close is None or close == open_.i + 1:
                continue
            inner = doc[open_.i + 1 : close]
            before = open_.i - 1 if open_.i and doc[open_.i - 1].text in POSSESSIVE else open_.i
            first = inner[0].text
            if is_acronym(first) and (len(inner) == 1 or inner[1].text in DASHES | POSSESSIVE):
                long = self._long_before(doc, before, first, by_end, acronyms)
                long = long or next((sp for sp in spans if _initials_are(first, sp)), None)
                if long is None:
                    others.add(first)
                    continue
                acronyms.setdefault(first, long)
                if len(inner) > 2 and inner[1].text in DASHES:
                    variants.append((inner, first))
            elif open_.i and is_acronym(doc[open_.i - 1].text) and inner.start in by_start:
                long = by_start[inner.start]
                if long.end == inner.end and acronym_fits(doc[open_.i - 1].text, name_words(long)):
                    acronyms.setdefault(doc[open_.i - 1].text, long)
        others |= {a[:-1] for a in others if a.endswith("s")}  # "MCDs" -> MCD
        return variants, others - set(acronyms) - set(self.gazetteer)

    def _long_before(
        self, doc: Doc, end: int, acronym: str, by_end: dict, known: dict
    ) -> Span | None:
        """The organisation long form that ``acronym`` abbreviates, ending at token ``end``."""
        span = by_end.get(end)
        if span is not None and acronym_fits(acronym, name_words(span)):
            return span
        start = self.run_start(doc, end)
        run = doc[start:end]
        if not len(run) or not acronym_fits(acronym, name_words(run)):
            return None
        headed = any(self._head_word(t) for t in run)
        if span is not None or headed or acronym in self.gazetteer or acronym in known:
            return run  # "Cook County State's Attorney Regional ... Task Force (CCROC)",
            # "Eklavya Model Residential Schools (EMRS)", "... Shipbuilders and Engineers (GRSE)"
        return None

    def _definitions(self, doc: Doc) -> list[tuple[Span, str | None]]:
        """Programmes and bodies from a defining sentence, with the acronym it gives:
        "GLO.ACT-Bangladesh is a parallel initiative"."""
        found = []
        text = doc_text(doc)
        for sent in doc.sents:
            words = text[sent.start_char : sent.end_char]
            m = self.definition_cue.search(words) and self.definition.match(words)
            if not m or not _is_name(m.group("name"), self.inner_joiners | self.tail_joiners):
                continue
            start = sent.start_char + m.start("name")
            span = doc.char_span(start, sent.start_char + m.end("name"), alignment_mode="expand")
            if span is None or in_boilerplate(doc, span.start_char, span.end_char):
                continue
            acronym = re.split(r"[\s\-–]", (m.group("acronym") or "").strip())[0]
            found.append((span, acronym if is_acronym(acronym) else None))
        return found

    # -- records --------------------------------------------------------------------------

    def _add(
        self,
        groups: dict[str, _Group],
        start: int,
        end: int,
        text: str,
        long_of: dict[str, str],
        acronym: str | None = None,
    ) -> None:
        """Add one mention to the group of its organisation."""
        joined = join_ordinal(text)
        written, text = (text, joined) if joined != text else (None, text)
        if acronym is None and is_acronym(text):
            acronym = text
        if acronym is not None:
            long = long_of.get(acronym) or self.gazetteer.get(acronym)
            key = org_key(long) if long else self._fitting_key(groups, acronym)
        else:
            key = org_key(text)
            acronym = self.gazetteer_keys.get(key)
        group = groups.setdefault(key, _Group())
        group.forms.append((start, end, text))
        if written:
            group.written.add(written)
        if acronym:
            group.acronym = group.acronym or acronym
        if acronym != text:
            group.long_forms.add(text)

    def _fitting_key(self, groups: dict[str, _Group], acronym: str) -> str:
        """Key of the organisation an undefined acronym abbreviates exactly (CCSAO -> Cook County
        State's Attorney's Office), or the acronym's own key."""
        for key, group in groups.items():
            for text in group.long_forms:
                words = [w for w in re.split(r"[\s\-–/]+", text) if w[:1].isupper()]
                initials = "".join(w[0] for w in words).lower()
                if initials == acronym.lower() or initials.startswith(acronym.lower()):
                    return key
        return org_key(acronym)

    def _records(self, groups: dict[str, _Group]) -> list[Organisation]:
        records = []
        for group in groups.values():
            forms = sorted(group.forms)
            longs = [text for _, _, text in forms if text != group.acronym]
            name = max(longs, key=len) if longs else group.acronym or forms[0][2]
            id_text = name if longs else self.gazetteer.get(name, name)
            aliases = sorted(({t for _, _, t in forms} | group.written) - {name, group.acronym})
            records.append(
                Organisation(
                    org_id=stable_id("org", id_text),
                    name=name,
                    acronym=group.acronym,
                    aliases=aliases,
                    char_start=forms[0][0],
                    char_end=forms[0][1],
                    mentions=[(s, e) for s, e, _ in forms],
                )
            )
        return sorted(records, key=lambda r: r.char_start)


#: Words that stand for a group noun before a cue: "Rival gangs ... They include WOOO".
GROUP_PRONOUNS = frozenset({"they", "which", "that"})
#: Entity types of words that name a place, or a people: before a group noun never a gang's
#: name ("a Korean criminal street gang"); in a list a people tag is often wrong ("Drench").
PLACES = frozenset({"GPE", "LOC"})
PLACE_OR_PEOPLE = PLACES | {"NORP"}
#: What joins the names of a list ("“Fly Ooter Gang,” a.k.a., FOG, and “Koney Sides”").
LIST_GLUE = frozenset({",", "and", "or", "a.k.a.", "a.k.a", "aka", "."})


@dataclass(frozen=True, slots=True)
class _Shared:
    """One of the names listed before a plural head they share."""

    span: Span  # the words of this name in the list ("Hemet")
    name: str  # the name in full ("Hemet Police Department")
    phrase: tuple[int, int]  # characters of the whole list and its head


def _inside(span: Span, chars: tuple[int, int]) -> bool:
    return chars[0] <= span.start_char and span.end_char <= chars[1]


def _conjuncts(doc: Doc, end: int) -> list[Span]:
    """The runs of name words joined by commas and one final "and"/"&" that end before
    ``doc[end]`` ("Beaumont, Cathedral City, Hemet, and Riverside"), or [] without an "and"."""
    runs: list[Span] = []
    k, joined = end, False
    while k > 0:
        start = k
        while start > 0 and _name_start(doc, start - 1) and same_line(doc[start - 1], doc[k - 1]):
            start -= 1
        if start == k:
            break
        runs.insert(0, doc[start:k])
        k = start
        if k >= 1 and doc[k - 1].lower_ in {"and", "&"}:
            joined = True
            k -= 1 + (k >= 2 and doc[k - 2].text == ",")
        elif k >= 1 and doc[k - 1].text == "," and joined:
            k -= 1
        else:
            break
    return runs if joined else []


def _split_ordinal(doc: Doc, start: int) -> int:
    """Start of a name whose ordinal a web page broke over lines ("496\nth Criminal Court"):
    the number before the suffix, else ``start``."""
    k = start - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 1 or doc[k].lower_ not in {"st", "nd", "rd", "th"}:
        return start
    n = k - 1
    while n >= 0 and doc[n].is_space:
        n -= 1
    return n if n >= 0 and doc[n].text.isdigit() else start


def _entity_of(span: Span, labels: frozenset[str]) -> bool:
    """Whether every word of ``span`` is in an entity with one of ``labels``."""
    return all(t.ent_type_ in labels for t in span)


def _group_word(tok: Token) -> bool:
    """A word of a gang's name: capitalised, or a number ("59 Brim Bloods", "780")."""
    if tok.lower_ in {"a", "an", "the"}:
        return False
    return _name_start(tok.doc, tok.i) or tok.text.isdigit()


def _listed_names(doc: Doc, k: int, limit: int) -> list[Span]:
    """The names listed from ``doc[k]``: runs of name words, in quotes or not, joined by
    commas, "and" and "a.k.a."; the list ends at any other word."""
    names: list[Span] = []
    while k < limit:
        tok = doc[k]
        if tok.is_quote or tok.is_space or tok.lower_ in LIST_GLUE:
            k += 1
            continue
        end = k
        while end < limit and (_group_word(doc[end]) or doc[end].text == "-"):
            end += 1
        numeral = all(t.text.isdigit() for t in doc[k:end])
        if end == k or (numeral and (end == limit or doc[end].lower_ not in LIST_GLUE)):
            break  # "including 15 members": a count, not a name
        names.append(doc[k:end])
        k = end
    return names


def _is_stop(tok: Token) -> bool:
    """A function word ("The", "In", "All"), not a name word that is also a stop word ("One")."""
    return tok.lower_ in STOP_WORDS and not tok.is_upper and tok.pos_ in FUNCTION_POS


def _initials_are(acronym: str, span: Span) -> bool:
    """Whether the capitals of ``acronym`` are exactly the initials of the name ``span``
    ("MoPSW" = Ministry of Ports, Shipping and Waterways)."""
    initials = "".join(w[0] for w in name_words(span) if w[0].isupper())
    return initials == "".join(c for c in acronym if c.isupper())


#: Brackets that may define an acronym: "Agency (FIA)", "Partnership Agreement [CEPA]".
BRACKETS = {"(": ")", "[": "]"}
#: Centuries of a year after an acronym ("NEP 2020", "Vision 2040").
YEARS = frozenset({"19", "20"})


def _plural_acronym(text: str) -> bool:
    """ "MoUs", "SFs": the plural of an abbreviated thing or group, not one organisation."""
    return len(text) > 2 and text.endswith("s") and text[-2].isupper()


def _field_label(tok: Token) -> bool:
    """A field's label ("WHO:" of a media advisory, "DOB: 9-5-85") or a document's name with
    its year ("NEP 2020"), not an organisation."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and (nxt.text == ":" or (nxt.shape_ == "dddd" and nxt.text[:2] in YEARS))


def _in_caps_words(tok: Token) -> bool:
    """Whether a capitalised word stands next to another ("Exercise DESERT CYCLONE-II"): a name
    written in capitals, not an acronym."""
    doc = tok.doc
    near = [doc[k] for k in (tok.i - 1, tok.i + 1) if 0 <= k < len(doc)]
    return any(
        t.is_upper and t.is_alpha and len(t) >= 3 and attached_or_spaced(tok, t) for t in near
    )


def attached_or_spaced(a: Token, b: Token) -> bool:
    """Whether tokens ``a`` and ``b`` are neighbours on one line."""
    first, second = sorted((a, b), key=lambda t: t.i)
    return same_line(first, second)


def _name_start(doc: Doc, i: int) -> bool:
    """Whether ``doc[i]`` can start (or continue) a name: a capitalised non-stop word."""
    return is_capitalised(doc[i]) and not _is_stop(doc[i])


def _is_name(text: str, joiners: frozenset[str]) -> bool:
    """Whether ``text`` reads as a name: capitalised words with lower-case joiners."""
    words = re.findall(r"[\w.&’']+", text)
    lower = [w for w in words if not w[:1].isupper() and not w[:1].isdigit()]
    return len(lower) <= len(words) // 2 and all(w in joiners for w in lower)
