"""Counts of people: participants, victims, defendants, people killed or detained.

A count is a number (digits, number words such as "twenty-five" or "two dozen", or a vague
quantifier such as "several") before a noun naming people ("17 female officers", "dozens of
insurgents"). For each count the component reads the qualifier before it ("more than",
"approximately"), the agency the people belong to ("... from the Federal Investigation
Agency's (FIA) ..." -> FIA), the category from the verb or noun governing it (killed,
detained, ...) and whether it is a total or a part of one. Percentages, money, ages and
durations are never counts: their number does not stand before a people noun. Tables whose
header names people ("Year Civilians Death SFs martyred 2020 140 43 ... Total 617 192") give
their rows' and total row's figures (``pressx.components.count_tables``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from spacy.language import Language
from spacy.symbols import ADP, VERB
from spacy.tokens import Doc, Span, Token

from pressx.components import extensions
from pressx.components.base import ENTITIES, PARSE, RuleFiles
from pressx.components.count_tables import Table, counted_cells, find_tables
from pressx.components.extensions import doc_text, in_boilerplate
from pressx.config import component_defaults
from pressx.tables.records import Organisation, Participant, Person
from pressx.text.names import lower_words, singular
from pressx.text.numbers import number_value
from pressx.text.resources import load_json, load_lines

ACRONYM_RE = re.compile(r"\(([A-Z][A-Za-z.&]*[A-Z])\)")
#: Parts of speech of the words between a number and the people noun it counts.
MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "VERB"}
#: Dependencies through which a counted noun hangs on the word saying what happened to it.
CLIMB_DEPS = {"conj", "appos", "pobj", "prep", "compound", "nmod", "npadvmod"}
CLIMB_DEPS |= {"nsubj", "nsubjpass", "dobj", "attr", "oprd"}
AGENCY_ENTS = {"NORP", "GPE"}
#: Parts of speech (``Token.pos``) of the words a role naming one person may follow.
GOVERNING_POS = frozenset({VERB, ADP})


def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Lower-case word tuples, longest first."""
    return tuple(sorted((tuple(p.split()) for p in items), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class CountRules:
    """The rule data of ``models/counts.json`` and the people-noun lexicon, ready to use."""

    people_nouns: frozenset[str]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest phrase first
    vague: dict[tuple[str, ...], int]
    vague_qualifier: str
    definite_quantities: frozenset[tuple[str, ...]]  # "a dozen": a figure in any category
    vague_categories: frozenset[str]  # where vague words are read as figures (ISAF's mapping)
    multipliers: dict[str, int]
    singular_determiners: frozenset[str]
    singular_categories: frozenset[str]
    subject_singular_categories: frozenset[str]  # as the subject: "a Poway man was sentenced"
    listed_singular_categories: frozenset[str]  # "a DMV employee and a co-conspirator"
    listed_singular_determiners: frozenset[str]
    reference_determiners: frozenset[str]
    agency_prepositions: frozenset[str]
    official_nouns: frozenset[str]
    group_nouns: frozenset[str]  # "contingent": people a group is made of belong to its agency
    composition_verbs: frozenset[str]
    part_cues: tuple[tuple[str, ...], ...]
    categories: dict[str, tuple[str, str]]
    noun_categories: dict[str, str]
    exclude_before: frozenset[str]
    exclude_after: frozenset[str]
    excluded_entities: frozenset[str]
    subset_determiners: frozenset[str]
    summed: dict[str, str]  # category -> description of the release total
    anaphoric_determiners: frozenset[str]
    singular_pronouns: frozenset[str]
    merged_categories: frozenset[str]
    additive_words: frozenset[str]
    range_words: frozenset[str]
    range_cues: frozenset[str]
    light_verbs: frozenset[str]  # say what happened through their object: "taken into custody"
    named_categories: frozenset[str]  # a named person counts as one: "Police arrested Gledhill"
    generic_nouns: frozenset[str]  # "man", "people": no group, so their modifiers are no agency
    numbered_only_nouns: frozenset[str]  # count people only with a number: "500 arrests"
    table_total_words: frozenset[str]  # the label of a table's total row: "Total"
    table_total_prefixes: frozenset[str]  # "Grand" Total
    table_max_rows: int
    table_max_plain_columns: int  # widest table without a column of row totals that is read

    @classmethod
    def load(cls, rules: str, people_nouns: str) -> CountRules:
        data = load_json(rules)
        qualifiers = [(p, q) for q, items in data["qualifiers"].items() for p in phrases(items)]
        return cls(
            people_nouns=frozenset(load_lines(people_nouns)),
            qualifiers=tuple(sorted(qualifiers, key=lambda pq: len(pq[0]), reverse=True)),
            vague={tuple(k.split()): v for k, v in data["vague_quantities"].items() if k[0] != "_"},
            vague_qualifier=data["vague_qualifier"],
            definite_quantities=frozenset(tuple(p.split()) for p in data["definite_quantities"]),
            vague_categories=frozenset(data["vague_categories"]),
            multipliers=dict(data["multipliers"]),
            singular_determiners=frozenset(data["singular_determiners"]),
            singular_categories=frozenset(data["singular_categories"]),
            subject_singular_categories=frozenset(data["subject_singular_categories"]),
            listed_singular_categories=frozenset(data["listed_singular_categories"]),
            listed_singular_determiners=frozenset(data["listed_singular_determiners"]),
            reference_determiners=frozenset(data["reference_determiners"]),
            agency_prepositions=frozenset(data["agency_prepositions"]),
            official_nouns=frozenset(data["official_nouns"]),
            group_nouns=frozenset(data["group_nouns"]),
            composition_verbs=frozenset(data["composition_verbs"]),
            part_cues=phrases(data["part_cues"]),
            categories={k: tuple(v) for k, v in data["verb_categories"].items() if k[0] != "_"},
            noun_categories=dict(data["noun_categories"]),
            exclude_before=frozenset(data["exclude_before"]),
            exclude_after=frozenset(data["exclude_after"]),
            excluded_entities=frozenset(data["excluded_entities"]),
            subset_determiners=frozenset(data["subset_determiners"]),
            summed={c: data["summed_descriptions"][c] for c in data["summed_categories"]},
            anaphoric_determiners=frozenset(data["anaphoric_determiners"]),
            singular_pronouns=frozenset(data["singular_pronouns"]),
            merged_categories=frozenset(data["merged_categories"]),
            additive_words=frozenset(data["additive_words"]),
            range_words=frozenset(data["range_words"]),
            range_cues=frozenset(data["range_cues"]),
            light_verbs=frozenset(data["light_verbs"]),
            named_categories=frozenset(data["named_categories"]),
            generic_nouns=frozenset(data["generic_nouns"]),
            numbered_only_nouns=frozenset(data["numbered_only_nouns"]),
            table_total_words=frozenset(data["table_total_words"]),
            table_total_prefixes=frozenset(data["table_total_prefixes"]),
            table_max_rows=data["table_max_rows"],
            table_max_plain_columns=data["table_max_plain_columns"],
        )

    def people_lemma(self, tok: Token) -> str | None:
        """The lexicon entry ``tok`` names, trying spaCy's lemma then a plain singular
        (capitalised headline words such as "Victims" keep their form as lemma)."""
        lower = tok.lower_
        for form in (tok.lemma_.lower(), lower, singular(lower)):
            if form in self.people_nouns:
                return form
        return None


def ends_with(words: tuple[str, ...], cues: tuple[tuple[str, ...], ...]) -> bool:
    """Whether ``words`` end with one of ``cues``."""
    return any(len(c) <= len(words) and words[-len(c) :] == c for c in cues)


@dataclass(frozen=True, slots=True)
class Names:
    """Where the names of one release end and the words a count may start at: looked up for
    every word, so read once per document, in one pass over its tokens (``doc[i]`` makes a new
    ``Token`` each time)."""

    org_ends: dict[int, int]  # organisation mentions (``name_ends``)
    person_ends: dict[int, int]  # person mentions (``person_name_ends``)
    #: tokens of names set off by a comma: ", Mahjur," - a person's mention or a proper noun
    #: the parse makes an apposition ("leader, Wali,")
    apposed: list[int]
    #: tokens a count may start at: a number, a word of ``quantity_words``, a person's name, or
    #: a word after a verb or preposition with a name set off by a comma after it (a role
    #: naming one person: "killed Taliban leader, Mahjur")
    starts: frozenset[int]
    tokens: list[Token]  # ``doc[i]``
    lowers: list[str]  # ``doc[i].lower_``

    @classmethod
    def read(cls, doc: Doc, quantity_words: frozenset[str]) -> Names:
        person_ends = person_name_ends(doc)
        tokens, lowers, apposed, starts = [], [], [], []
        previous, governing = "", False  # the token before (in this sentence or the one before)
        for sent in doc.sents:
            governed = []  # after a verb or a preposition: a role may start there
            last_apposed = -1
            for tok in sent:
                tokens.append(tok)
                lower = tok.lower_
                lowers.append(lower)
                if previous == "," and (
                    tok.idx in person_ends or (tok.pos_ == "PROPN" and tok.dep_ == "appos")
                ):
                    apposed.append(last_apposed := tok.i)
                if tok.like_num or lower in quantity_words or tok.idx in person_ends:
                    starts.append(tok.i)
                elif governing:
                    governed.append(tok.i)
                previous, governing = lower, tok.pos in GOVERNING_POS
            # the name comes after the role, in its sentence (``named_role``)
            starts += [i for i in governed if i + 1 < last_apposed]
        return cls(
            org_ends=name_ends(doc._.organisations or []),
            person_ends=person_ends,
            apposed=apposed,
            starts=frozenset(starts),
            tokens=tokens,
            lowers=lowers,
        )


@dataclass(slots=True)
class Count:
    """A number found before a people noun, with the record made of it."""

    start: int  # first token (qualifier included)
    number_end: int  # token after the number
    noun: Token  # the people noun counted
    record: Participant
    subset: bool = False  # "five of the insurgents": a part of people counted already
    anaphoric: bool = False  # "the leader", "him": counts only if nobody was counted before
    listed_only: bool = False  # "a co-conspirator": a count only when listed with another
    vague: bool = False  # "several": a figure only in ``vague_categories`` (ISAF's mapping)


@Language.factory(
    "pressx_participants",
    default_config=component_defaults("pressx_participants"),
    requires=["doc._.organisations", "doc._.people", "doc._.boilerplate", *ENTITIES, *PARSE],
    assigns=["doc._.participants"],
)
class ParticipantsComponent(RuleFiles):
    """``pressx_participants``: writes ``doc._.participants``."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str,
        people_nouns: str,
        max_modifiers: int,
        max_agency_tokens: int,
        max_climb: int,
        approx_tolerance: float,
        max_cue_tokens: int,
        max_label_words: int,
    ):
        extensions.register()
        self.name = name
        self.max_modifiers = max_modifiers
        self.max_agency_tokens = max_agency_tokens
        self.max_climb = max_climb
        self.approx_tolerance = approx_tolerance
        self.max_cue_tokens = max_cue_tokens
        self.max_label_words = max_label_words
        self.rule_files = {"rules": rules, "people_nouns": people_nouns}
        self.load_rules()

    def load_rules(self) -> None:
        self.rules = CountRules.load(self.rule_files["rules"], self.rule_files["people_nouns"])
        self.vague_by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for phrase, value in sorted(self.rules.vague.items(), key=lambda pv: -len(pv[0])):
            self.vague_by_first.setdefault(phrase[0], []).append((phrase, value))
        #: nouns of vague quantities ("a couple of militants"), which the parse makes the head
        self.quantity_nouns = {w for phrase in self.rules.vague for w in phrase}
        #: the words other than numbers a quantity starts with (``quantity_at``)
        self.quantity_words = frozenset(
            {*self.vague_by_first, *self.rules.singular_pronouns, *self.rules.singular_determiners}
        )
        self.qualifier_of: dict[tuple[str, ...], str] = {}
        for phrase, qualifier in self.rules.qualifiers:  # longest first; the first one wins
            self.qualifier_of.setdefault(phrase, qualifier)
        self.qualifier_lengths = sorted({len(p) for p in self.qualifier_of}, reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        names = Names.read(doc, self.quantity_words)
        kept: list[Count] = []
        for sent in doc.sents:
            if in_boilerplate(doc, sent.start_char, sent.end_char):
                continue
            counts = self.sentence_counts(sent, kept, names)
            self.mark_parts(sent, counts)
            counts = [c for c in counts if not c.listed_only or c.record.part_group is not None]
            for count in counts + listed_totals(counts):
                self.keep(kept, count)
            self.resolve_references(names.tokens[sent.start : sent.end], kept)
        tables = self.tables(doc)
        # the figures inside a table's rows are read as the table's, not as running text;
        # vague words ("several family members") are figures only by ISAF's convention
        kept = [
            c
            for c in kept
            if not any(in_rows(t, c.record.char_start) for t in tables)
            and (not c.vague or c.record.category in self.rules.vague_categories)
        ]
        records = [c.record for c in sorted(kept, key=lambda c: c.start)]
        derived = self.derived_totals(doc, kept)
        doc._.participants = (
            records + derived + [r for t in tables for r in self.table_counts(doc, t)]
        )
        return doc

    def tables(self, doc: Doc) -> list[Table]:
        """The tables of ``doc`` outside boilerplate (``count_tables.find_tables``)."""
        found = find_tables(
            doc_text(doc),
            total_words=self.rules.table_total_words,
            total_prefixes=self.rules.table_total_prefixes,
            max_rows=self.rules.table_max_rows,
        )
        return [t for t in found if not in_boilerplate(doc, t.char_start, t.char_end)]

    def table_counts(self, doc: Doc, table: Table) -> list[Participant]:
        """The counts of a table whose header (the words before its first row) names people:
        "Year Civilians Death SFs martyred 2020 140 43 ..." (``count_tables.counted_cells``);
        the category is the one a header word gives (death: killed). A wider table with no
        column of row totals is left out: its header may name people for one column only
        ("Approved EMRS, Functional EMRS, Number of Students Enrolled")."""
        header = doc.char_span(table.header_start, table.char_start, alignment_mode="expand")
        plain = (
            table.total_column is None
            and len(table.total.cells) > self.rules.table_max_plain_columns
        )
        if header is None or plain:
            return []
        nouns = [t for t in header if t.pos_ in {"NOUN", "PROPN"} and self.rules.people_lemma(t)]
        if not nouns:
            return []
        said = [
            self.rules.categories[t.lemma_.lower()]
            for t in header
            if t.lemma_.lower() in self.rules.categories
        ]
        category = said[0][0] if said else self.category(nouns[0])[0]
        words = self.max_label_words  # of a row's label in the description: "Civilians, 2021"
        return [
            Participant(
                count=cell.value,
                qualifier="exact",
                description=f"{nouns[0].text}, {' '.join(row.label.split()[-words:])}",
                agency=None,
                is_total=is_total,
                char_start=cell.char_start,
                char_end=cell.char_end,
                category=category,
            )
            for row, cell, is_total in counted_cells(table)
        ]

    # -- finding counts ------------------------------------------------------------------

    def sentence_counts(self, sent: Span, kept: list[Count], names: Names) -> list[Count]:
        """The counts in one sentence; ``kept`` are those counted before it, so that "the two
        girls" after "two minors" is read as a reference, not a new count."""
        counts: list[Count] = []
        earlier = {c.record.count for c in kept}
        i = sent.start
        while i < sent.end:
            previous = counts[-1] if counts else (kept[-1] if kept else None)
            count = self.count_at(sent, i, previous, earlier, names) if i in names.starts else None
            if count is None:
                i += 1
                continue
            counts.append(count)
            i = max(count.number_end, count.noun.i + 1 if count.noun.i > i else i + 1)
        return counts

    def count_at(self, sent: Span, i: int, previous: Count | None, earlier: set[int], names: Names):
        """The count starting with token ``i``, or ``None``."""
        doc, tokens = sent.doc, names.tokens
        value, end = self.quantity_at(names, i, sent.end)
        if value is None and (named := self.named_person(doc, i, names)):
            return named
        if value is None and self.named_role(i, sent.end, names):
            value, end = 1, i  # "killed Taliban leader, Mahjur": one person, no quantity word
        if value is None or self.excluded(tokens, i, end, sent.end):
            return None
        before = tokens[i - 1].lower_ if i > sent.start else ""
        if before in self.rules.reference_determiners and value in earlier:
            return None
        start, qualifier = self.qualifier_before(names, i, sent.start)
        if tuple(names.lowers[i:end]) in self.rules.vague and qualifier == "exact":
            qualifier = self.rules.vague_qualifier
        if tokens[end - 1].text.endswith("+") and qualifier == "exact":
            qualifier = "at_least"
        pronoun = tokens[i].lower_ in self.rules.singular_pronouns
        noun = tokens[i] if pronoun else self.counted_noun(end, sent.end, names)
        if noun is None:
            return self.bare_count(sent, i, end, value, qualifier, previous)
        if in_name_list(tokens, start, noun, value):
            return None
        category, word = self.category(noun)
        singular = end == i or (  # "a leader", not "a couple of militants"
            end == i + 1
            and tokens[i].lower_ in self.rules.singular_determiners
            and not tokens[i].like_num
        )
        alone = category in self.rules.singular_categories or (
            category in self.rules.subject_singular_categories
            and noun.dep_ in {"nsubj", "nsubjpass"}
            and self.rules.categories.get(noun.head.lemma_.lower(), ("",))[0] == category
        )  # "a Poway man has been sentenced"
        listed_only = not alone and (
            tokens[i].lower_ in self.rules.listed_singular_determiners
            and category in self.rules.listed_singular_categories
        )
        if pronoun or singular:
            if pronoun and noun.dep_ not in CLIMB_DEPS:
                return None
            if noun.tag_ not in {"NN", "NNP", "PRP"}:
                return None
            if not alone and not listed_only:
                return None
            if self.rules.people_lemma(noun) in self.rules.numbered_only_nouns:
                return None  # "the arrest of 13 individuals": the individuals are counted
        description = "person" if pronoun else self.describe(doc[end : noun.i + 1])
        if word and word not in description.lower():
            description = f"{description} {word}"
        record = Participant(
            count=value,
            qualifier=qualifier,
            description=description,
            agency=None if pronoun else self.agency(doc, end, noun),
            is_total=True,
            char_start=tokens[start].idx,
            char_end=noun.idx + len(noun.text),
            category=category,
        )
        subset = (
            tokens[end].lower_ == "of" and tokens[end + 1].lower_ in self.rules.subset_determiners
        )
        anaphoric = pronoun or tokens[i].lower_ in self.rules.anaphoric_determiners
        quantity = tuple(names.lowers[i:end])
        vague = quantity in self.rules.vague and quantity not in self.rules.definite_quantities
        return Count(start, end, noun, record, subset, anaphoric, listed_only, vague)

    @staticmethod
    def describe(words: Span) -> str:
        """The words naming the counted people, without a leading "of the" / "of his"."""
        doc = words.doc
        start = words.start + (words[0].lower_ == "of")
        while start < words.end - 1 and (doc[start].pos_ == "DET" or doc[start].tag_ == "PRP$"):
            start += 1
        return doc[start : words.end].text

    def bare_count(self, sent: Span, i, end, value, qualifier, previous: Count | None):
        """A number without a noun counts the people counted just before it in the sentence
        when a part cue precedes it ("157 Divyang youth, of whom 99 were shortlisted") or a
        verb of killing or detaining governs it ("several were detained and two were
        killed")."""
        doc = sent.doc
        if previous is None or not doc[i].like_num:
            return None
        if end < sent.end and doc[end].pos_ in {"NOUN", "PROPN", "ADJ", "NUM"}:
            return None  # "five counts": the number counts something other than people
        head = doc[i].head
        said = head if head.pos_ == "VERB" and head.i > i else None
        if self.part_cue_before(sent, i) and previous.start >= sent.start:
            category, word = previous.record.category, said.text if said else ""
        elif said is not None and doc[i].dep_ in {"nsubj", "nsubjpass"}:
            # "two were killed", "all four began firing"
            default = (previous.record.category, said.text)
            category, word = self.rules.categories.get(said.lemma_.lower(), default)
        else:
            return None
        last = said or doc[end - 1]
        record = Participant(
            count=value,
            qualifier=qualifier,
            description=f"{previous.noun.text} {word}".strip(),
            agency=previous.record.agency,
            is_total=False,
            char_start=doc[i].idx,
            char_end=last.idx + len(last.text),
            category=category,
        )
        return Count(i, end, previous.noun, record)

    def quantity_at(self, names: Names, i: int, limit: int) -> tuple[int | None, int]:
        """The value of the quantity starting at token ``i`` and the token after it."""
        tokens = names.tokens
        tok = tokens[i]
        for phrase, value in self.vague_by_first.get(tok.lower_, ()):
            if tuple(names.lowers[i : min(i + len(phrase), limit)]) == phrase:
                return value, i + len(phrase)
        if tok.lower_ in self.rules.singular_pronouns:
            return 1, i + 1
        if tok.lower_ in self.rules.singular_determiners:
            if i + 1 < limit and tokens[i + 1].lower_ == "of":
                return None, i  # "one of the participants" refers, it does not count
            if not tok.like_num:
                return 1, i + 1
        if not tok.like_num or tok.ent_type_ in self.rules.excluded_entities:
            return None, i
        joined = (
            i > 0 and tokens[i - 1].text == "-" and not tokens[i - 1].whitespace_
        )  # "twenty-five"
        if joined or (
            i > 0 and tokens[i - 1].like_num and tokens[i - 1].pos_ == "NUM"
        ):  # not "first"
            return None, i
        if i > 1 and tokens[i - 1].lower_ in self.rules.range_words and tokens[i - 2].like_num:
            return None, i  # the upper end of a range, read with its lower end
        end = i + 1
        while (end < limit and is_number_word(tokens[end])) or (
            end + 1 < limit and tokens[end].text == "-" and is_number_word(tokens[end + 1])
        ):
            end += 1
        word = tokens[end].lower_.removesuffix("+") if end < limit else ""  # "2 lakh+"
        multiplier = self.rules.multipliers.get(word, 1)
        value = number_value([t.text for t in tokens[i:end]], multiplier)
        if value is None or value <= 0:
            return None, i
        end += multiplier > 1
        end += end < limit and tokens[end].text == "+"  # "80+ volunteers"
        if (
            i > 0
            and tokens[i - 1].lower_ in self.rules.range_cues
            and end + 1 < limit
            and tokens[end].lower_ in self.rules.range_words
            and tokens[end + 1].like_num
        ):
            end += 2  # "between three and six insurgents": at least three
        return value, end

    def named_person(self, doc: Doc, i: int, names: Names) -> Count | None:
        """One named person something happened to: the object of the verb saying it ("Police
        arrested Gledhill", "fired, killing Malawi Sahib") or of its noun ("resulted in the
        death of Maulawi Tayeb"). Counted only when nobody of the category was counted
        before (the count is anaphoric), as releases name the people they counted."""
        char_end = names.person_ends.get(doc[i].idx)
        if char_end is None:
            return None
        ent = doc.char_span(doc[i].idx, char_end, alignment_mode="expand")
        root = ent.root
        if root.dep_ == "dobj" and root.head.pos_ == "VERB":
            said = root.head
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
            said = root.head.head
        else:
            return None
        category, word = self.rules.categories.get(said.lemma_.lower(), ("", ""))
        if category not in self.rules.named_categories:
            return None
        record = Participant(
            count=1,
            qualifier="exact",
            description=f"person {word}",
            agency=None,
            is_total=True,
            char_start=ent.start_char,
            char_end=ent.end_char,
            category=category,
        )
        return Count(i, ent.end, root, record, anaphoric=True)

    def named_role(self, i: int, limit: int, names: Names) -> bool:
        """Whether a role without a determiner starts at ``i`` and introduces the name of
        the one person it counts: "killed Taliban leader, Mahjur, along with ..."."""
        tokens = names.tokens
        if i == 0 or tokens[i - 1].pos not in GOVERNING_POS or tokens[i].like_num:
            return False
        later = bisect.bisect_right(names.apposed, i + 1)
        if later == len(names.apposed) or names.apposed[later] >= limit:
            return False  # no ", Name" follows in the sentence
        noun = self.counted_noun(i, limit, names)
        if noun is None or noun.tag_ != "NN" or noun.i + 2 >= limit:
            return False
        return tokens[noun.i + 1].text == "," and noun.i + 2 in names.apposed

    def excluded(self, tokens: Sequence[Token], i: int, end: int, limit: int) -> bool:
        """Percentages, money, ages, case numbers: the words around the number say so."""
        before = tokens[i - 1].lower_ if i > 0 else ""
        after = [t.lower_ for t in tokens[end : min(end + 2, limit)] if t.text != "-"]
        return before in self.rules.exclude_before or bool(
            after and after[0] in self.rules.exclude_after
        )

    def counted_noun(self, end: int, limit: int, names: Names) -> Token | None:
        """The people noun a quantity counts: the last noun of the words after it ("17 female
        police officers"), or of the words after "of" ("dozens of insurgents")."""
        tokens = names.tokens
        j = end
        if j < limit and tokens[j].lower_ == "of":
            j += 1
            while j < limit and (tokens[j].pos_ == "DET" or tokens[j].tag_ == "PRP$"):
                j += 1
        noun = None
        k, words = j, 0
        while k < limit and words < self.max_modifiers:
            named = name_end(tokens, k, names.org_ends)
            if named > k + 1:  # an organisation's name is one modifier: "a ... (DMV) employee"
                k, words = named, words + 1
                continue
            tok = tokens[k]
            if tok.pos_ == "PRON" and k == j == end + 1:  # "several of them"
                noun = tok
                break
            wrapped = tok.is_space and k + 1 < limit and tokens[k + 1].text[:1].islower()
            # "a\nsuspected insurgent"; "co-conspirator"; "Department of Insurance investigators"
            if wrapped or tok.text == "-" or in_proper_name(tokens, k, limit):
                pass
            elif tok.text == "(" and k + 2 < limit and tokens[k + 2].text == ")":
                k += 2  # an acronym: "a Department of Health (DOH) employee"
            elif tok.pos_ in MODIFIER_POS and (tok.pos_ != "VERB" or tok.dep_ == "amod"):
                noun = tok if tok.pos_ in {"NOUN", "PROPN"} else noun
                in_name = in_proper_name(tokens, k + 1, limit) or in_proper_name(
                    tokens, k - 1, limit
                )
                if noun is tok and not modifies_right(tok) and not in_name:
                    break  # the head of the phrase: "a Taliban leader | yesterday"
                words += 1
            elif tok.pos_ == "CCONJ" and k > j and k + 1 < limit:
                words += 1
            else:
                break
            k += 1
        if noun is None or self.rules.people_lemma(noun) is None:
            return None
        return noun

    def qualifier_before(self, names: Names, i: int, sent_start: int) -> tuple[int, str]:
        """The token where the count's qualifier starts, and the qualifier (the longest phrase
        of ``qualifiers`` that ends before it)."""
        words = tuple(names.lowers[max(sent_start, i - self.qualifier_lengths[0]) : i])
        for n in self.qualifier_lengths:
            if n <= len(words) and (qualifier := self.qualifier_of.get(words[-n:])):
                return i - n, qualifier
        return i, "exact"

    # -- describing a count ----------------------------------------------------------------

    def category(self, noun: Token) -> tuple[str, str]:
        """Category and the word that says it, from the verb or noun governing ``noun``
        ("insurgents were killed"), else from the noun itself ("victims"), else
        ``participants``."""
        categories = self.rules.categories
        for child in noun.children:
            if child.dep_ in {"acl", "relcl"} and child.lemma_.lower() in categories:
                return categories[child.lemma_.lower()]
        tok = noun
        for _ in range(self.max_climb):
            if tok.dep_ not in CLIMB_DEPS or tok.head is tok:
                break
            via_preposition = tok.dep_ == "prep"
            doer = tok.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in tok.head.children)
            tok = tok.head
            if doer or self.intended(tok):
                # "he murdered two students", "an operation to detain a Taliban leader"; a
                # later verb may still say it: "insurgents presented a threat and were killed"
                return self.conjunct_category(tok) or self.noun_category(noun)
            if tok.lemma_.lower() in self.rules.light_verbs and (said := self.said_by_object(tok)):
                return said  # "were taken into custody", "placed under arrest"
            if tok.lemma_.lower() in categories:
                return categories[tok.lemma_.lower()]
            if (
                via_preposition
                and tok.pos_ == "NOUN"
                and self.rules.people_lemma(tok) is None
                and tok.lower_ not in self.quantity_nouns
            ):
                break  # "indecency with a child": the child is not who was charged
            if tok.pos_ in {"VERB", "AUX"}:
                return self.conjunct_category(tok) or self.noun_category(noun)
        return self.noun_category(noun)

    def conjunct_category(self, verb: Token) -> tuple[str, str] | None:
        """The category a later verb coordinated with ``verb`` gives ("were positively
        identified and killed")."""
        for conj in verb.conjuncts:
            lemma = conj.lemma_.lower()
            if conj.i > verb.i and lemma in self.rules.categories and not self.intended(conj):
                return self.rules.categories[lemma]
        return None

    def noun_category(self, noun: Token) -> tuple[str, str]:
        """The category the counted noun itself gives ("victims"), else ``participants``."""
        category = self.rules.noun_categories.get(self.rules.people_lemma(noun) or "")
        return (category, "") if category else ("participants", "")

    def intended(self, verb: Token) -> bool:
        """Whether ``verb`` says what was meant to happen, not what happened: an infinitive of
        killing or detaining ("a search to detain the two insurgents", "attempted to murder
        13 others")."""
        category = self.rules.categories.get(verb.lemma_.lower(), ("",))[0]
        if category not in self.rules.summed:
            return False
        return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)

    def said_by_object(self, verb: Token) -> tuple[str, str] | None:
        """The category a prepositional object of ``verb`` gives ("into custody")."""
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.lemma_.lower() in self.rules.categories:
                    return self.rules.categories[obj.lemma_.lower()]
        return None

    def agency(self, doc: Doc, number_end: int, noun: Token) -> str | None:
        """The organisation the counted people belong to: one named between the number and
        the noun ("FIA officers") or right after the noun ("... of the Punjab police")."""
        generic = self.rules.people_lemma(noun) in self.rules.generic_nouns
        # "a Brooklyn man": where a man is from is no agency he belongs to
        named = [] if generic else self.names_in(doc[number_end : noun.i], noun, before_noun=True)
        j = noun.i + 1
        if not named and j < len(doc) and doc[j].lower_ in self.rules.agency_prepositions:
            end = j + 1
            while end < min(len(doc), j + self.max_agency_tokens) and not ends_agency(doc[end]):
                end += 1
            named = self.names_in(doc[j + 1 : end], noun, before_noun=False)
        named = named or self.group_agency(noun)
        # people "representing the FIA and the Punjab police" belong to no single agency
        return named[0] if len(set(named)) == 1 else None

    def group_agency(self, noun: Token) -> list[str]:
        """The organisation of the group the counted people make up ("The Indian contingent
        comprises 45 personnel", "a contingent of 45 personnel"): one named in the group's
        words, else one named with an earlier mention of the group ("An Indian Army
        contingent") whose words include the later one's ("Indian")."""
        group = self.group_of(noun)
        if group is None:
            return []
        doc = noun.doc
        if group.lemma_.lower() not in self.rules.group_nouns:  # the organisation itself
            return self.names_in(
                doc[group.left_edge.i : group.right_edge.i + 1], noun, before_noun=False
            )
        words = {t.lower_ for t in doc[group.left_edge.i : group.i] if t.pos_ != "DET"}
        for mention in [group, *(t for t in doc[: group.i] if t.lower_ == group.lower_)]:
            window = doc[mention.left_edge.i : mention.i]
            if not len(window) or mention.left_edge.i >= mention.i:
                continue
            for org, text in org_mentions(doc, window.start_char, window.end_char):
                if words <= set(text.lower().split()) | {org.acronym and org.acronym.lower()}:
                    return [org.acronym if org.acronym and org.acronym in text else text]
        return []

    def group_of(self, noun: Token) -> Token | None:
        """The group noun whose members ``noun`` counts: the subject of a verb of composition
        whose object is ``noun`` (or that the verb describes), or the noun ``noun`` follows
        with "of"; or an organisation subject of such a verb ("The CPU consists of ...")."""
        doc = noun.doc
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "of":
            head = head.head
            if head.lemma_.lower() in self.rules.group_nouns:
                return head
        if head.lemma_.lower() not in self.rules.composition_verbs:
            return None
        if noun.dep_ not in {"dobj", "attr", "pobj"}:
            return None
        subjects = [t for t in head.children if t.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects and head.dep_ in {"acl", "relcl"}:
            subjects = [head.head]  # "the Indian Army contingent comprising 120 personnel"
        if not subjects and head.dep_ == "conj":  # "The OCDA is ... and employs 250 attorneys"
            subjects = [t for t in head.head.children if t.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            return None
        subject = subjects[0]
        if subject.lemma_.lower() in self.rules.group_nouns:
            return subject
        # "The CPU consists of about 30 prosecutors", "The OCDA ... employs over 250 attorneys"
        window = doc[subject.left_edge.i : subject.right_edge.i + 1]
        return subject if org_mentions(doc, window.start_char, window.end_char) else None

    def names_in(self, window: Span, noun: Token, *, before_noun: bool) -> list[str]:
        """Organisations named in ``window``: the document's organisations (as the acronym
        when the window uses it), else an acronym in brackets, else named entities."""
        if not len(window):
            return []
        doc = window.doc
        text = window.text
        orgs = org_mentions(doc, window.start_char, window.end_char)
        if orgs:
            return [org.acronym if org.acronym and org.acronym in text else m for org, m in orgs]
        acronym = ACRONYM_RE.search(text)
        if acronym:
            return [acronym.group(1)]
        names = []
        for ent in window.ents:
            if ent.label_ == "ORG":
                names.append(ent.text.removeprefix("the ").removesuffix("’s").removesuffix("'s"))
            elif ent.label_ in AGENCY_ENTS and not before_noun and self.is_official(noun):
                names.append(extend_with_nouns(ent, window.end))
        if not names and before_noun and noun.is_lower:
            # proper-noun modifiers outside headlines: "Folk members", "Taliban leader", with
            # the rest of their name: "California Department of Insurance investigators"
            first = next(
                (t for t in window if t.pos_ == "PROPN" and self.rules.people_lemma(t) is None),
                None,
            )
            if first is not None:
                end = first.i + 1
                while end < window.end and (
                    doc[end].pos_ == "PROPN" or in_proper_name(doc, end, window.end)
                ):
                    end += 1
                names = [doc[first.i : end].text]
        return names

    def is_official(self, noun: Token) -> bool:
        return self.rules.people_lemma(noun) in self.rules.official_nouns

    # -- totals, parts and repeats -------------------------------------------------------

    def mark_parts(self, sent: Span, counts: list[Count]) -> None:
        """Counts listed together ("17 ... and 8 ...") or after "including" / "of whom" are
        parts; every other count is a total (``is_total`` stays true)."""
        doc = sent.doc
        for previous, count in pairwise(counts):
            between = doc[previous.noun.i + 1 : count.start]
            listed = any(t.lower_ in {"and", ",", "as", "well"} for t in between) and not any(
                t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in between
            )
            subset = self.part_cue_before(sent, count.start)  # "of whom 99": not a sibling
            if listed and not subset and previous.record.category == count.record.category:
                group = previous.record.part_group or previous.start
                for record in (previous.record, count.record):
                    record.is_total, record.part_group = False, group
        for count in counts:
            if self.part_cue_before(sent, count.start):
                count.record.is_total = False

    def part_cue_before(self, sent: Span, start: int) -> bool:
        """Whether a part cue ("of whom", "including") ends right before token ``start``,
        read over the ``max_cue_tokens`` tokens before it in ``sent``."""
        words = lower_words(sent.doc[max(sent.start, start - self.max_cue_tokens) : start])
        return ends_with(words, self.rules.part_cues)

    def keep(self, kept: list[Count], count: Count) -> None:
        """Add ``count`` unless it repeats a figure already kept (a headline and the body
        stating the same count of the same people); of a rounded figure ("nearly 600
        people") and a precise one ("some 575 people") the precise one is kept."""
        record = count.record
        key = self.repeat_key(count)
        if count.anaphoric and any(c.record.category == record.category for c in kept):
            return
        words = {w.lower() for w in record.description.split()}
        for n, other in enumerate(kept):
            if words & self.rules.additive_words:
                break
            sibling = record.part_group is not None and other.record.part_group == record.part_group
            if sibling:
                continue  # parts listed together are different people
            if self.restated(count, other):
                return
            if self.repeat_key(other) != key:
                continue
            if other.record.count == record.count:
                return
            low, high = sorted((other.record.count, record.count))
            rounded = "approx" in {record.qualifier, other.record.qualifier}
            if rounded and high - low <= self.approx_tolerance * high:
                if roundness(record.count) < roundness(other.record.count):
                    kept[n] = count
                return
        kept.append(count)

    def restated(self, count: Count, other: Count) -> bool:
        """Whether ``count`` restates ``other``: the same figure, of the same category or of
        none ("left two unhoused men dead" after "Two Unhoused Men" killed), of people
        described by a shared word besides the nouns ("unhoused") or by generic nouns alone
        ("Murder of Three Individuals", "killed three people")."""
        record = count.record
        if record.count != other.record.count:
            return False
        if record.category not in {"participants", other.record.category}:
            return False
        lemmas = [self.rules.people_lemma(c.noun) for c in (count, other)]
        if all(lemma in self.rules.generic_nouns for lemma in lemmas):
            return True
        return bool(self.modifiers(count) & self.modifiers(other))

    def modifiers(self, count: Count) -> set[str]:
        """The lower-case words before the counted noun (after the number)."""
        doc = count.noun.doc
        return {t.lower_ for t in doc[count.number_end : count.noun.i] if t.is_alpha}

    def resolve_references(self, sentence: Sequence[Token], kept: list[Count]) -> None:
        """People counted with no category ("identified multiple armed insurgents") take the
        category of a later sentence that refers to them ("... engaged and killed the
        insurgents", "Both men were detained"): a plural noun after a ``subset_determiners``
        word with no number, whose latest count before it is of more than one person."""
        for tok in sentence:
            if tok.tag_ != "NNS" or not any(
                c.dep_ == "det" and c.lower_ in self.rules.subset_determiners for c in tok.children
            ):
                continue
            if any(c.dep_ == "nummod" for c in tok.children):
                continue
            category, word = self.category(tok)
            if category not in self.rules.summed:
                continue
            lemma = self.rules.people_lemma(tok)
            same = [c for c in kept if c.start < tok.i and self.rules.people_lemma(c.noun) == lemma]
            last = same[-1].record if lemma and same else None
            if last and last.category == "participants" and last.count > 1:
                last.category = category
                if word and word not in last.description.lower():
                    last.description = f"{last.description} {word}"

    def derived_totals(self, doc: Doc, kept: list[Count]) -> list[Participant]:
        """The people killed (detained) in all, when counts add up: one sentence reporting
        several groups ("captured a Haqqani leader and two suspected insurgents" = 3), and
        the release reporting them over several sentences ("captured a Taliban leader ...
        also detained two suspected insurgents"). Subsets ("five of the insurgents") are
        left out; a release total equal to a sentence total is not repeated."""
        totals: list[Participant] = []
        for category in self.rules.summed:
            parts = [c for c in kept if c.record.category == category and not c.subset]
            by_sentence: dict[int, list[Participant]] = {}
            for part in parts:
                by_sentence.setdefault(doc[part.start].sent.start, []).append(part.record)
            groups = [group for group in by_sentence.values() if len(group) > 1]
            if len(by_sentence) > 1:
                groups.append([part.record for part in parts])
            counts: set[int] = set()
            for group in groups:
                total = self.summed_total(category, group)
                if total.count not in counts:
                    counts.add(total.count)
                    totals.append(total)
        return totals

    def summed_total(self, category: str, parts: list[Participant]) -> Participant:
        """The derived total of ``parts``; they become parts of it."""
        for part in parts:
            part.is_total = False
        exact = all(p.qualifier == "exact" for p in parts)
        return Participant(
            count=sum(p.count for p in parts),
            qualifier="exact" if exact else "at_least",
            description=self.rules.summed[category],
            agency=None,
            is_total=True,
            char_start=min(p.char_start for p in parts),
            char_end=max(p.char_end for p in parts),
            category=category,
            derived=True,
        )

    def repeat_key(self, count: Count) -> tuple[str, str]:
        """Counts of the same people: same category and the same noun; any noun for
        defendants and victims ("15 alleged members" charged = "15 defendants")."""
        category = count.record.category
        noun = self.rules.people_lemma(count.noun) or count.noun.lower_
        return (category, "" if category in self.rules.merged_categories else noun)


def in_rows(table: Table, char: int) -> bool:
    """Whether ``char`` lies in the rows of ``table`` (its total row's remarks are not)."""
    return table.char_start <= char < table.total.cells[0].char_start


def listed_totals(counts: list[Count]) -> list[Count]:
    """The people named one by one ("charges against a DMV employee and a co-conspirator")
    in all: a derived total of each list made only of such single people."""
    groups: dict[int, list[Count]] = {}
    for count in counts:
        if count.record.part_group is not None:
            groups.setdefault(count.record.part_group, []).append(count)
    totals = []
    for parts in groups.values():
        if not all(c.listed_only for c in parts):
            continue
        first, last = parts[0], parts[-1]
        record = Participant(
            count=sum(c.record.count for c in parts),
            qualifier="exact",
            description=first.record.category,
            agency=None,
            is_total=True,
            char_start=first.record.char_start,
            char_end=last.record.char_end,
            category=first.record.category,
            derived=True,
        )
        totals.append(Count(first.start, last.number_end, last.noun, record))
    return totals


def modifies_right(tok: Token) -> bool:
    """Whether ``tok`` is a pre-modifier of a word after it ("police" in "police officers"),
    or a part of a hyphenated word ("e" in "Hezb-e-Islami"). A plural conjunct of a word
    before it ends its phrase ("a leader and two suspected insurgents | yesterday")."""
    hyphenated = tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-"
    if tok.dep_ == "conj" and tok.head.i < tok.i and tok.tag_ in {"NNS", "NNPS"}:
        return hyphenated
    return hyphenated or tok.dep_ in {"compound", "nmod", "amod", "conj"} or tok.head.i == tok.i + 1


def in_proper_name(tokens: Sequence[Token], k: int, limit: int) -> bool:
    """Whether ``tokens[k]`` is an "of" inside a proper name ("Islamic Movement of Uzbekistan")."""
    return (
        0 < k < limit - 1
        and tokens[k].lower_ == "of"
        and tokens[k - 1].pos_ == "PROPN"
        and tokens[k + 1].pos_ == "PROPN"
    )


def in_name_list(tokens: Sequence[Token], start: int, noun: Token, value: int) -> bool:
    """Whether the count only enumerates named people: it is followed by their names ("two
    national experts, Jawad Hussain ... and Qasim Khan") or listed among names ("Tyquan
    Holmes, two unidentified others, and Tamari Carmona"). The people table names them."""
    after = tokens[noun.i + 1 : noun.i + 3]
    named_after = (
        value > 1 and len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "PERSON"
    )
    before = tokens[max(0, start - 2) : start]
    named_before = len(before) == 2 and before[1].text == "," and before[0].ent_type_ == "PERSON"
    return named_after or named_before


def name_ends(records: list[Organisation] | list[Person]) -> dict[int, int]:
    """Character start -> end of the longest mention of one of ``records`` (organisations or
    people) starting there."""
    ends: dict[int, int] = {}
    for record in records:
        for m_start, m_end in record.mentions or [(record.char_start, record.char_end)]:
            ends[m_start] = max(m_end, ends.get(m_start, m_end))
    return ends


def person_name_ends(doc: Doc) -> dict[int, int]:
    """Character start -> end of each mention of a named person (``doc._.people``, else the
    PERSON entities)."""
    ends = name_ends(doc._.people or [])
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            ends.setdefault(ent.start_char, ent.end_char)
    return ends


def name_end(tokens: Sequence[Token], k: int, org_ends: dict[int, int]) -> int:
    """The token after the organisation name (``org_ends``: ``name_ends``) starting at
    ``tokens[k]``, with the acronym bracketed after it ("Texas Department of Motor Vehicles
    (DMV)"), or ``k`` when no name starts there."""
    char_end = org_ends.get(tokens[k].idx)
    if char_end is None:
        return k
    end = k
    while end < len(tokens) and tokens[end].idx < char_end:
        end += 1
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")":
        end += 3
    return end


def is_number_word(tok: Token) -> bool:
    return tok.like_num and not tok.text[0].isdigit()


def ends_agency(tok: Token) -> bool:
    """Where the words naming an agency stop: a number, a clause or a list."""
    if tok.like_num or tok.is_sent_start or tok.text in {",", ";", ".", ":"}:
        return True
    return tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"amod", "compound"}


def roundness(value: int) -> int:
    """Trailing zeros of ``value``: 600 -> 2, 575 -> 0."""
    text = str(value)
    return len(text) - len(text.rstrip("0"))


def extend_with_nouns(ent: Span, end: int) -> str:
    """An adjectival entity with the nouns after it: "Punjab" -> "Punjab police"."""
    doc = ent.doc
    last = ent.end
    while last < end and doc[last].pos_ in {"NOUN", "PROPN"}:
        last += 1
    return doc[ent.start : last].text.removeprefix("the ").strip()


def org_mentions(doc: Doc, start: int, end: int) -> list[tuple[Organisation, str]]:
    """The organisations (``doc._.organisations``) mentioned inside ``start:end`` in text
    order, each with the words of its first mention there."""
    hits = sorted(
        (m_start, -m_end, org.org_id, org)
        for org in doc._.organisations or []
        for m_start, m_end in (org.mentions or [(org.char_start, org.char_end)])
        if start <= m_start and m_end <= end
    )
    found: dict[str, tuple[Organisation, int, int]] = {}
    for m_start, neg_end, org_id, org in hits:
        found.setdefault(org_id, (org, m_start, -neg_end))
    return [(org, doc_text(doc)[m_start:m_end]) for org, m_start, m_end in found.values()]
