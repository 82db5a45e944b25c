"""Events: trainings, meetings, arrests, operations ... reported held or scheduled, one record
per real-world event however often the release mentions it.

Trigger words (``models/events.json``) are found with a ``PhraseMatcher`` (nouns) and a
lemma lookup (verbs). Each date of a sentence goes to the trigger it premodifies ("the April
27, 2025 homicide"), else to the nearest trigger before it, else to an event-like trigger
after it; mentions of one type are merged into one event unless their dates differ or a
modifier marks another event ("the next session") or their names are numbered apart
("Plenary Session I / II"). "The event will be held on ..." dates the event named before it;
a media advisory's WHAT field names the event its WHEN and WHERE fields date and place.
Location, organisers, participants and status come from the mentions' sentences.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pressx.components import extensions
from pressx.components.base import ENTITIES, PARSE, RuleFiles
from pressx.components.extensions import doc_text, in_boilerplate
from pressx.components.places import PlaceFinder
from pressx.config import component_defaults
from pressx.tables.records import DateMention, Event, Participant
from pressx.text.ids import stable_id
from pressx.text.names import singular, title_case
from pressx.text.patterns import longest_first
from pressx.text.resources import load_json

_TITLE_CUES = r"\b(?:on|titled|entitled|called|named|themed|theme)\s*:?\s*"
_FUNCTION_WORD = r"(?:and|or|the|a|an|to|of|for|in|on|at|by|with|from)\s"
#: Between an event word and the date right after it ("a joint press conference on Feb. 20").
_TRAILING = re.compile(r"\s+(?:on\s+)?")
_LINE_BREAK = re.compile(r"[\n\u2028]")
#: The words before a place that opens a paragraph: "In Helmand province, ...".
_OPENING_PLACE = re.compile(r"\s*(?:In|At)\s+(?:the\s+)?")
_LISTED = re.compile(r"\b(?:and|or)\s+(?:on\s+)?$")  # "... on May 4 in PanKalay and | May 6"
_LISTED_CHARS = 10  # what _LISTED reads back ("and on ")
_DETERMINER = re.compile(r"\b(?:the|a|an)\s+$", re.I)  # "the October 14, 2015, murder"
_DETERMINER_CHARS = 6  # what _DETERMINER reads back
_COORDINATED = re.compile(r",?\s+(?:and|or|to)\s+|\s*[-–—]\s*")
_UNCLOSED = re.compile(r"[\w,][ \t\xa0]*$")
_NAME_NUMBER = re.compile(r"\b(?:\d{1,3}(?:st|nd|rd|th)?|[IVX]+)\b")  # not a year
#: Where an advisory's WHERE value ends: a sentence end or a remark in brackets.
_VALUE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])|\s*\(")
_OBJECTS = {"dobj", "nsubjpass", "oprd", "acomp", "ccomp", "xcomp"}  # "found him guilty"
_NAME_PREPOSITIONS = {"of", "for"}  # "Controller of Examinations", "Body for Training"
_CONDITIONS = {"if", "unless", "whether"}
_MODALS = {"would", "could", "may", "might", "should", "can", "must"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_FUNCTION_POS = {"ADP", "DET", "CCONJ", "SCONJ"}  # a line ending on one runs on

Segment = tuple[int, int]


@dataclass(slots=True)
class _Page:
    """One document as the extractor reads it: text, sentence segments, header spans."""

    doc: Doc
    text: str
    segs: list[Segment]
    starts: list[int]
    header: list[Segment]
    fields: dict[str, Segment]  # a media advisory's WHAT / WHEN / WHERE values

    @classmethod
    def read(cls, doc: Doc, fields: re.Pattern, *, link_words: int) -> _Page:
        """The page of ``doc``; a line of at most ``link_words`` can be a link (``_lines``)."""
        text = doc_text(doc)
        segs = []
        for first, last in _sentences(doc, text):  # cut again at line breaks (headlines, menus)
            lines = _lines(doc, first, last, link_words=link_words)
            segs += [(s, e) for s, e in lines if text[s:e].strip()]
        segs = segs or [(0, len(text))]
        header = sorted(set(doc._.header_spans or ()))
        return cls(doc, text, segs, [s for s, _ in segs], header, _field_values(text, fields))

    def in_field(self, role: str, char: int) -> bool:
        """Whether ``char`` lies in the advisory field ``role`` ("what", "when", "where")."""
        span = self.fields.get(role)
        return span is not None and span[0] <= char < span[1]

    def header_of(self, start: int, end: int) -> Segment | None:
        """The header line (title, dateline, ``Posted:``) that holds ``start:end``."""
        return next(((a, b) for a, b in self.header if a <= start and end <= b), None)

    def paragraph(self, seg: int) -> range:
        """Sentence ``seg`` and the ones after it up to the next line break."""
        end = seg + 1
        while end < len(self.segs) and self.continues(end):
            end += 1
        return range(seg, end)

    def opening(self, seg: int) -> int:
        """The first sentence of the paragraph that holds sentence ``seg``."""
        while seg > 0 and self.continues(seg):
            seg -= 1
        return seg

    def continues(self, seg: int) -> bool:
        """Whether sentence ``seg`` goes on the line of the one before it (same paragraph)."""
        return not _LINE_BREAK.search(self.text, self.segs[seg - 1][1], self.segs[seg][0])

    def whole_line(self, seg: int) -> bool:
        """Whether sentence ``seg`` is a line of its own (a headline may be; a sentence inside
        a paragraph is not, however many capitalised names it holds)."""
        alone = seg == 0 or not self.continues(seg)
        return alone and (seg + 1 == len(self.segs) or not self.continues(seg + 1))

    def seg_of(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def seg_text(self, i: int) -> str:
        return self.text[self.segs[i][0] : self.segs[i][1]]


@dataclass(slots=True)
class _Mention:
    """One trigger word or phrase and what its sentence says about it."""

    type: str
    span: Span
    seg: int
    lemma: str
    name: Segment | None
    headline: bool
    eventive: bool
    new: bool
    scene: bool  # an event only as its sentence's setting ("showcased at the Expo")
    dates: list[DateMention] = field(default_factory=list)
    name_year: DateMention | None = None  # the year its name ends with ("... Summit 2026")
    announced: bool = False  # the event a media advisory's WHAT field names
    fixed: bool = False  # dated by a date next to it ("the 2003 arrest", "charged today")


@dataclass(slots=True)
class _Draft:
    """An event being assembled from its mentions."""

    type: str
    start: dt.date | None
    end: dt.date | None
    mentions: list[_Mention]
    lemmas: set[str]
    relative: bool = False  # dated only by relative spans ("earlier this week", "this October")


@Language.factory(
    "pressx_events",
    default_config=component_defaults("pressx_events"),
    requires=[
        "doc._.dates",
        "doc._.organisations",
        "doc._.participants",
        "doc._.boilerplate",
        "doc._.header_spans",
        "doc._.published",
        "doc._.dateline_location",
        *ENTITIES,
        *PARSE,
    ],
    assigns=["doc._.events"],
)
class EventExtractor(RuleFiles):
    """Sets ``doc._.events``, each with the counts of ``doc._.participants`` that belong to it
    (``Event.counts``)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        rules: str,
        dates: str,
        participant_sentences: int,
        max_verb_climb: int,
        max_premodifier_words: int,
        max_opening_words: int,
        max_link_words: int,
        max_title_gap_chars: int,
        max_title_chars: int,
    ):
        extensions.register()
        self.nlp = nlp
        self.name = name
        self.participant_sentences = participant_sentences
        self.max_verb_climb = max_verb_climb
        self.max_link_words = max_link_words
        # words between a date and the trigger it premodifies ("the April 27, 2025
        # friendly-fire homicide"); not a function word ("in August, 2025 and the interviews")
        self.premodifier_gap = re.compile(
            rf"\s*(?:(?!{_FUNCTION_WORD})[\w-]+\s+){{0,{max_premodifier_words}}}"
        )
        # the words that open a line before its date ("• On March 2, 2026, defendant ...")
        self.opening = re.compile(rf"\s*(?:[•·▪*–-]\s*)?(?:[\w-]+\s+){{0,{max_opening_words}}}")
        # a quoted title after an event word ("a seminar on “Cyber Safety”")
        self.quoted_title = re.compile(
            rf"[^“\"‘.;]{{0,{max_title_gap_chars}}}?{_TITLE_CUES}"
            rf"[“\"‘]([^”\"’]{{3,{max_title_chars}}})[”\"’]"
        )
        self.rule_files = {"rules": rules, "dates": dates}
        self.load_rules()

    def load_rules(self) -> None:
        nlp = self.nlp
        spec = load_json(self.rule_files["rules"])
        self.gathering = {t for t, v in spec["types"].items() if v["gathering"]}
        self.sizes = {t: frozenset(v["sizes"]) for t, v in spec["types"].items()}
        self.release_sizes = {c: frozenset(w) for c, w in spec["release_sizes"].items()}
        self.event_verbs = set(spec["event_verbs"])
        self.anaphors = set(spec["anaphors"])
        self.new_modifiers = set(spec["new_event_modifiers"])
        self.title_joiners = set(spec["title_joiners"])
        self.institutions = set(spec["institution_words"])
        self.reporting = set(spec["reporting_verbs"])
        self.scene_prepositions = set(spec["scene_prepositions"])
        self.lead_min_words = spec["lead_min_words"]
        future = load_json(self.rule_files["dates"])["future_cues"]
        self.future = re.compile(rf"\b(?:{longest_first(future)})\b", re.I)
        self.period = re.compile(rf"\b(?:{longest_first(spec['period_cues'])})\s+$", re.I)
        self.birth = re.compile(rf"\b(?:{longest_first(spec['birth_cues'])})\W*$", re.I)
        # characters read back from a date for those cues: the longest, and marks after it
        self.cue_chars = 8 + max(map(len, spec["period_cues"] + spec["birth_cues"]))
        self.link = re.compile(rf"[ \t]*(?:{longest_first(spec['link_cues'])})\s*")
        self.force = re.compile(rf"\b(?:{longest_first(spec['force_words'])})\b", re.I)
        self.reference = re.compile(r"\b(?:during|at)\s+(?:the|this)\s+(\w+)", re.I)
        self.places = PlaceFinder(
            tuple(spec["place_suffixes"]), tuple(spec["place_words"]), tuple(spec["place_titles"])
        )
        self.verbs = {lemma: ("verb", t) for lemma, t in spec["verbs"].items()}
        self.object_verbs = {  # verb -> {object: event type}
            lemma: {o: rule.get("object_types", {}).get(o, rule["type"]) for o in rule["objects"]}
            for lemma, rule in spec["object_verbs"].items()
        }
        self.verbs.update({lemma: ("force", t) for lemma, t in spec["force_verbs"].items()})
        self.unforced = spec["unforced_verbs"]
        self.openings = set(spec["opening_words"])
        self.nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        for phrase, type_ in spec["nouns"].items():
            forms = [phrase, f"{phrase}s", f"{phrase}es"]
            self.nouns.add(f"noun:{type_}", [nlp.make_doc(f) for f in forms])
        self.trigger_heads = {p.split()[-1] for p in spec["nouns"]}
        self.nouns.add("anaphor:event", [nlp.make_doc(a) for a in self.anaphors])
        self.anaphor_sentences = spec["anaphor_sentences"]
        self.fields = _field_labels(spec["advisory_fields"])

    def __call__(self, doc: Doc) -> Doc:
        page = _Page.read(doc, self.fields, link_words=self.max_link_words)
        mentions = self._mentions(page)
        self._link_dates(page, mentions)
        drafts = [d for d in self._merge(page, mentions) if self._kept(d)]
        _date_by_name(drafts)
        self._inherit(page, drafts)
        self._opening_day(drafts)
        self._lead_date(page, drafts)
        places = sorted((e.start_char, e.end_char) for e in doc.ents if e.label_ in _PLACE_LABELS)
        events = [self._event(page, d, places, i == 0) for i, d in enumerate(drafts)]
        _share_place(events)
        self._link_participants(page, events)
        doc._.events = events
        return doc

    # -- mentions ------------------------------------------------------------------------------

    def _triggers(self, doc: Doc) -> list[Span]:
        spans = [
            Span(doc, s, e, label=match_id)
            for match_id, s, e in self.nouns(doc)
            if doc[e - 1].pos_ in ("NOUN", "PROPN")
        ]
        for token in doc:
            if token.pos_ == "VERB" and (found := self.verbs.get(token.lemma_.lower())):
                spans.append(Span(doc, token.i, token.i + 1, label=":".join(found)))
            elif type_ := self._by_object(token):
                kind = "verb" if token.pos_ == "VERB" else "object"  # "the release of a book"
                spans.append(Span(doc, token.i, token.i + 1, label=f"{kind}:{type_}"))
        return sorted(filter_spans(spans), key=lambda sp: sp.start)

    def _by_object(self, token: Token) -> str | None:
        """The event type of a verb or its noun that is an event only with certain objects or
        complements: "released a book", "the release of key publications", "signed an MoU",
        "found Loyer guilty", "Perales’ body was found" (homicide)."""
        types = self.object_verbs.get(token.lemma_.lower())
        if types is None or token.pos_ not in ("VERB", "NOUN"):
            return None
        objects = [c for c in token.children if c.dep_ in _OBJECTS]
        objects += [g for c in token.children if c.lower_ == "of" for g in c.children]
        objects += [o for c in objects for o in c.conjuncts]
        return next((types[o.lemma_.lower()] for o in objects if o.lemma_.lower() in types), None)

    def _mentions(self, page: _Page) -> list[_Mention]:
        doc = page.doc
        org_spans = [m for org in doc._.organisations or () for m in org.mentions or ()]
        mentions: list[_Mention] = []
        triggers = self._triggers(doc)
        nouns = {sp[-1].i for sp in triggers if sp.label_.startswith("noun:")}
        for span in triggers:
            kind, type_ = span.label_.split(":")
            s, e = span.start_char, span.end_char
            if in_boilerplate(doc, s, e) or any(a <= s and e <= b for a, b in org_spans):
                continue
            if self._linked(page.text, s):
                continue  # "Link to: Man who Killed ... Sentenced to Life": another release
            if self._launches(span[-1], nouns):
                continue  # "launched a public awareness campaign": the campaign
            head = span[-1]
            seg = page.seg_of(s)
            forced = kind != "force" or self.force.search(page.text, *page.segs[seg])
            if not forced and (type_ := self.unforced.get(head.lemma_.lower())) is None:
                continue  # "coalition forces killed two insurgents", "he was killed"
            if not (self._verb_ok(head) if kind in ("verb", "force") else self._noun_ok(head)):
                continue
            name = self._name_run(page, span, seg) if kind == "noun" else None
            headline = page.whole_line(seg) and title_case(page.seg_text(seg).split())
            eventive = kind in ("verb", "force", "object") or self._governed(head)
            eventive = eventive or (name is not None and not headline)
            scene = not eventive and self._scene(head)
            mention = _Mention(
                type=type_,
                span=span,
                seg=seg,
                lemma=head.lemma_.lower(),
                name=name,
                headline=headline,
                eventive=eventive or scene,
                scene=scene,
                new=any(c.lower_ in self.new_modifiers for c in head.children),
            )
            if kind == "anaphor":
                if not self._governed(head) or head.head.lower_ in self.scene_prepositions:
                    continue  # "During the event, ...": see _inherit
                if antecedent := self._antecedent(mentions, seg):
                    mention.type, mention.lemma = antecedent.type, antecedent.lemma
            mentions.append(mention)
        return mentions

    def _linked(self, text: str, char: int) -> bool:
        """Whether ``char`` lies on a line linking to another release ("Link to: Man who
        Killed ... Sentenced") or on the teaser after it that repeats the link's words cut
        short ("Man who Killed ... Sentenced to Life...")."""
        start = text.rfind("\n", 0, char) + 1
        if self.link.match(text, start):
            return True
        before = text.rfind("\n", 0, max(0, start - 1)) + 1
        link = self.link.match(text, before, max(before, start - 1))
        end = text.find("\n", start)
        teaser = text[start : end if end >= 0 else len(text)].strip().rstrip(".…")
        return bool(link and teaser) and text[link.end() : start].startswith(teaser)

    def _launches(self, verb: Token, nouns: set[int]) -> bool:
        """Whether a trigger verb that also holds events (``event_verbs``: "launch") has an
        event noun (token indices ``nouns``) as its object: one event, the object's."""
        return (
            verb.pos_ == "VERB"
            and verb.lemma_.lower() in self.event_verbs
            and any(c.dep_ == "dobj" and c.i in nouns for c in verb.children)
        )

    def _antecedent(self, mentions: list[_Mention], seg: int) -> _Mention | None:
        """The event an anaphor an event verb governs ("The event will be held on Oct. 24")
        refers back to: the latest one mentioned in the singular up to ``anaphor_sentences``
        sentences before it ("The innovative Summit will provide educational workshops. The
        event ..."); without one the anaphor is an event of its own ("its 6th annual
        Adopt-a-Family event")."""
        for m in reversed(mentions):
            if m.seg < seg - self.anaphor_sentences:
                return None
            if m.span[-1].tag_ not in ("NNS", "NNPS"):
                return m
        return None

    def _verb_ok(self, verb: Token) -> bool:
        """A reported action: past tense or participle, not a participle modifying a noun
        ("offenders charged with ...", but "the Abhiyan, launched in December 2024") or
        describing a state ("I feel honored"), nor hedged by a modal ("would be charged") or a
        condition ("faces 26 years to life if convicted"); a gerund or present participle
        only with a date of its own ("fatally stabbing ... earlier this week") or a past
        auxiliary, not an ongoing or intended one ("Fentanyl is killing our residents",
        "committed to ... visiting health facilities")."""
        return (
            ("Past" in verb.morph.get("Tense") or "Part" in verb.morph.get("VerbForm"))
            and (verb.tag_ != "VBG" or _dated(verb) or _past_aux(verb))
            and (verb.dep_ not in ("acl", "amod", "acomp") or (verb.dep_ == "acl" and _dated(verb)))
            and not any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)
            and not any(
                c.dep_ == "mark" and c.lower_ in _CONDITIONS
                for clause in (verb, verb.head)  # "if convicted as charged"
                for c in clause.children
            )
        )

    def _noun_ok(self, noun: Token) -> bool:
        """Not a modifier of an institution or a thing ("Training Institutes", "training
        opportunities", "Training Resource Material") nor the object of "of"/"for" in another
        capitalised name ("Controller of Examinations", "Awarding Body for Training"); a
        modifier of an event word or a name is kept ("the Gun Buyback event", "Exercise
        DESERT CYCLONE-II")."""
        if (
            noun.dep_ == "pobj"
            and noun.head.lower_ in _NAME_PREPOSITIONS
            and (noun.is_title or noun.is_upper)
        ):
            owner = noun.head.head
            return (
                not (owner.is_title or owner.is_upper)
                or singular(owner.lower_) in self.trigger_heads
            )
        if noun.dep_ != "compound" or noun.head.lower_ in self.anaphors:
            return True
        head = noun.head
        while head.dep_ == "compound" and head.head.i > head.i:  # "Training Resource Material"
            head = head.head
        return (head.is_title or head.is_upper) and head.lower_ not in self.institutions

    def _scene(self, noun: Token) -> bool:
        """Whether the trigger names the event a sentence is set at ("showcased at the Expo",
        "during the Summit"): a capitalised definite object of a scene preposition."""
        return (
            (noun.is_title or noun.is_upper)
            and noun.head.lower_ in self.scene_prepositions
            and _definite_token(noun)
        )

    def _governed(self, token: Token) -> bool:
        """Whether an event verb ("held", "conducted", "participated in") governs ``token``
        or a future "there will be" announces it with the others listed with it ("There will
        be an all-day symposium, food trucks, informational booths, and a rock concert");
        a bare plural ("conduct of operations") is a kind of event, not one; a counted one
        ("3 coaching sessions") is events."""
        if any(c.dep_ == "nummod" for c in token.children):
            return True
        if token.tag_ in ("NNS", "NNPS") and not any(
            c.dep_ in ("det", "amod") for c in token.children
        ):
            return False
        if _announced(token):
            return True
        for _ in range(self.max_verb_climb):
            if token.head is token:
                return False
            token = token.head
            if token.lemma_.lower() in self.event_verbs:
                return True
            if token.pos_ == "VERB":
                return False
        return False

    def _name_run(self, page: _Page, span: Span, seg: int) -> Segment | None:
        """Character span of the capitalised name the trigger belongs to ("2025 National
        Prosecutorial Summit on Combating ..."), when it has more words than the trigger."""
        head = span[-1]
        if not (head.is_title or head.is_upper):
            return None
        doc, (seg_start, seg_end) = page.doc, page.segs[seg]
        left, right = span.start, span.end
        while left > 0 and doc[left - 1].idx >= seg_start and self._name_word(doc[left - 1]):
            left -= 1
        while right < len(doc) and doc[right].idx < seg_end and self._name_word(doc[right]):
            right += 1
        while left < span.start and (doc[left].lower_ in self.title_joiners or doc[left].is_punct):
            left += 1
        while right > span.end and (
            doc[right - 1].lower_ in self.title_joiners or doc[right - 1].is_punct
        ):
            right -= 1
        if right - left < 2:
            return None
        return doc[left].idx, doc[right - 1].idx + len(doc[right - 1])

    def _name_word(self, token: Token) -> bool:
        return not token.is_sent_start and (
            token.is_title
            or token.is_upper
            or token.like_num
            or token.lower_ in self.title_joiners
            or token.text in ("(", ")", "’s", "'s")
            or (
                token.text in ("-", "–")
                and not token.whitespace_
                and not token.nbor(-1).whitespace_
            )
        )

    # -- dates ---------------------------------------------------------------------------------

    def _link_dates(self, page: _Page, mentions: list[_Mention]) -> None:
        """Give each date of a sentence to the trigger it premodifies, else the nearest one
        before it (one that is an event itself, "the homicide ... took place on", before a
        nearer one that is not), passing over ones a date next to them dates (``_free``:
        "the 2003 arrest, which later linked him to the rapes ... in 1998"), else an
        event-like one after it. A date in a header line (dateline, ``Posted:``) goes only to
        a trigger of that line (a title's "meeting ... held on 18th December 2025"); years
        inside a name ("Divya Kala Mela 2025"), periods ("for the years 2021-2025"), dates of
        birth ("(dob 2/16/82)"), dates of a thing ("in the 1998 cases") and report dates
        ("today announced") are not event dates, unless the date follows an event word
        ("announced at a news conference last week"); a year a name ends with ("Krishi Ratna
        Award 2025") dates only the event that name is (``name_year``: "India-AI Impact Summit
        2026").
        A date of a sentence without a trigger sets the scene of the paragraph ("In Kunduz last
        night, a force went to the village ... During the search the force detained ...")."""
        by_seg: dict[int, list[_Mention]] = {}
        for m in mentions:
            by_seg.setdefault(m.seg, []).append(m)
        triggers = {t.i for m in mentions for t in m.span}
        dates = page.doc._.dates or []
        scene: list[DateMention] = []
        for date in dates:
            s, e = date.char_start, date.char_end
            if page.in_field("when", s):  # a media advisory: WHAT: Press Conference / WHEN: ...
                what = [m for m in mentions if page.in_field("what", m.span.start_char)]
                for m in what[:1]:
                    m.dates.append(date)
                    m.announced = True
                continue
            here = by_seg.get(page.seg_of(s), [])
            header = page.header_of(s, e)
            if header:
                here = [m for m in here if header[0] <= m.span.start_char < header[1]]
            elif not here and self._opening(page, date):
                scene.append(date)
            named = [
                m
                for m in here
                if m.name and m.name[0] <= s and not page.text[m.name[1] : s].strip(" ,")
            ]
            if date.precision == "year" and (named or _name_year(page.doc, date)):
                for m in named[:1]:
                    m.name_year = date
                continue
            if (
                not here
                or self.period.search(page.text, max(0, s - self.cue_chars), s)
                or self.birth.search(page.text, max(0, s - self.cue_chars), s)
                or _of_thing(page.doc, date, triggers)
            ):
                continue
            trailed = next(
                (m for m in here if _TRAILING.fullmatch(page.text, m.span.end_char, s)), None
            )
            reported = self._reported(page.doc, date)
            if reported and trailed is None:
                continue
            before = [m for m in here if m.span.end_char <= s]
            after = [m for m in here if m.span.start_char >= e]
            if reported:  # "announced ... at a news conference last week"
                target = trailed
            elif after and self._premodifies(page.text, date, after[0]):
                target = after[0]
                target.fixed = True
            elif before := [m for m in before if self._free(page, m, s)]:
                target = next((m for m in reversed(before) if m.eventive), before[-1])
            elif after and (after[0].eventive or _definite(after[0])):
                target = after[0]
            else:
                continue
            if _clause_apart(page.doc, date, target):
                continue
            if _coordinated(page, target, s):
                last = target.dates[-1]
                target.dates[-1] = replace(last, end=max(last.end, date.end), char_end=e)
            else:
                target.dates.append(date)
            target.eventive = True
            target.fixed = target.fixed or target is trailed  # "charged today with ..."
        dated = {page.seg_of(d.char_start) for d in dates}
        for date in scene:
            if target := self._scene_event(page, by_seg, dated, page.seg_of(date.char_start)):
                target.dates.append(date)

    @staticmethod
    def _free(page: _Page, m: _Mention, start: int) -> bool:
        """Whether a date starting at ``start`` may date ``m``: not when a date next to ``m``
        dates it ("the 2003 arrest, which later linked him to ... in 1998", "charged today
        with fatally stabbing ... earlier this week"), unless the two are listed together
        ("on May 5 and 6", "airstrikes on May 4 in PanKalay and May 6 in Nowbar")."""
        return (
            not m.fixed
            or _coordinated(page, m, start)
            or _LISTED.search(page.text, max(0, start - _LISTED_CHARS), start) is not None
        )

    def _premodifies(self, text: str, date: DateMention, trigger: _Mention) -> bool:
        """Whether ``date`` premodifies the trigger after it ("the April 27, 2025 homicide"),
        also in the style that closes a full date with a comma ("the October 14, 2015, murder
        of ...", "a May 15, 2024, protest on the school’s campus")."""
        end, start = date.char_end, trigger.span.start_char
        if self.premodifier_gap.fullmatch(text, end, start):
            return True
        return (
            date.precision == "day"
            and text.startswith(",", end)
            and _DETERMINER.search(
                text, max(0, date.char_start - _DETERMINER_CHARS), date.char_start
            )
            is not None
            and self.premodifier_gap.fullmatch(text, end + 1, start) is not None
        )

    def _opening(self, page: _Page, date: DateMention) -> bool:
        """Whether a day is named in the opening phrase of its sentence, a list item's bullet
        aside ("In Kunduz last night, ...", "• On March 2, 2026, defendant ...")."""
        seg_start = page.segs[page.seg_of(date.char_start)][0]
        return (
            date.precision == "day"
            and self.opening.fullmatch(page.text, seg_start, date.char_start) is not None
            and page.text.startswith(",", date.char_end)
        )

    def _scene_event(
        self, page: _Page, by_seg: dict[int, list[_Mention]], dated: set[int], seg: int
    ) -> _Mention | None:
        """The first event reported after sentence ``seg`` in its paragraph, before any
        sentence with a date of its own."""
        for later in page.paragraph(seg)[1:]:
            if later in dated:
                return None
            if found := [m for m in by_seg.get(later, []) if m.eventive]:
                return found[0] if not found[0].dates else None
        return None

    def _reported(self, doc: Doc, date: DateMention) -> bool:
        """Whether the date tells when something was reported ("today announced")."""
        span = doc.char_span(date.char_start, date.char_end, alignment_mode="expand")
        return span is not None and span.root.head.lemma_.lower() in self.reporting

    # -- merging -------------------------------------------------------------------------------

    def _merge(self, page: _Page, mentions: list[_Mention]) -> list[_Draft]:
        drafts: list[_Draft] = []
        for m in mentions:
            for date in m.dates or [None]:
                draft = None if m.new and not m.dates else self._same(page, drafts, m, date)
                if draft is None:
                    start, end = (date.start, date.end) if date else (None, None)
                    relative = date is not None and _vague(date)
                    drafts.append(_Draft(m.type, start, end, [m], {m.lemma}, relative))
                    continue
                if date is not None:
                    self._redate(draft, date)
                draft.mentions.append(m)
                draft.lemmas.add(m.lemma)
        return drafts

    @staticmethod
    def _redate(draft: _Draft, date: DateMention) -> None:
        """Merge a mention's date into its event: a day narrows a relative span ("this coming
        October", then "will be held on Oct. 24, 2014"), an earlier date widens the event, and
        the event stays relative only while every date it took was ("the mela ... concluded
        today", then "from 13 to 21 December 2025")."""
        relative = _vague(date) and (draft.relative or draft.start is None)
        if draft.start is None or (draft.relative and _narrower(date, draft)):
            draft.start, draft.end = date.start, date.end  # a headline named it undated
        elif draft.start > date.start:
            draft.start, draft.end = date.start, max(draft.end or date.end, date.end)
        draft.relative = relative

    def _same(
        self, page: _Page, drafts: list[_Draft], m: _Mention, date: DateMention | None
    ) -> _Draft | None:
        """The earlier event ``m`` refers to: the latest one of its type (or named by its head
        word) with the same dates or without a date, any when ``m`` has no date, or one whose
        dates contain or lie within ``m``'s when ``m`` is a definite reference ("the mela") or
        the event was dated only by a relative span ("fatally stabbing ... earlier this week",
        then "On June 3 ... had been stabbed": the day narrows the span);
        never one with another name ("Plenary Session II on ..." after "Plenary Session-I on
        ...")."""
        for d in reversed(drafts):
            if (d.type != m.type and m.lemma not in d.lemmas) or _renamed(page, d, m):
                continue
            if date is None or d.start is None or (d.start, d.end) == (date.start, date.end):
                return d
            if (d.relative or (m.lemma in d.lemmas and _definite(m))) and _nested(d, date):
                return d
        return None

    def _kept(self, draft: _Draft) -> bool:
        """A dated event, or one an event verb or a name reports; one known only as "the
        event" must be dated."""
        return draft.start is not None or (
            draft.type not in self.anaphors and any(m.eventive for m in draft.mentions)
        )

    def _inherit(self, page: _Page, drafts: list[_Draft]) -> None:
        """An undated event reported "during the event/meeting" takes that event's dates."""
        dated = [d for d in drafts if d.start is not None]
        for draft in drafts:
            refs = (
                r.group(1).lower()
                for m in draft.mentions
                for r in self.reference.finditer(page.text, *page.segs[m.seg])
            )
            for word in refs if draft.start is None else ():
                source = next(
                    (
                        d
                        for d in dated
                        if d is not draft
                        and (word in self.anaphors or word in d.lemmas or f"{word}s" in d.lemmas)
                    ),
                    None,
                )
                if source is not None:
                    draft.start, draft.end = source.start, source.end
                    break

    def _opening_day(self, drafts: list[_Draft]) -> None:
        """An undated opening of the release's main event (the first dated one) happened on
        its first day: "The conclave was inaugurated by ...", "The inaugural session
        commenced ...", "The mahotsav will be inaugurated by ..."."""
        main = next((d for d in drafts if d.start is not None), None)
        if main is None:
            return
        for draft in drafts:
            if draft.start is None and any(self._opens(m, main) for m in draft.mentions):
                draft.start = draft.end = main.start

    def _opens(self, m: _Mention, main: _Draft) -> bool:
        """Whether ``m`` is the opening of ``main``: an opening word whose object is the
        main event, or a part of it an opening word modifies ("the inaugural session")."""
        head = m.span[-1]
        if any(c.dep_ in ("amod", "compound") and c.lower_ in self.openings for c in head.children):
            return True
        if head.lemma_.lower() not in self.openings:
            return False
        args = [c for c in head.children if c.dep_ in ("nsubjpass", "dobj")]
        args += [g for c in head.children if c.lower_ == "of" for g in c.children]
        return any(a.lemma_.lower() in main.lemmas for a in args)

    def _lead_date(self, page: _Page, drafts: list[_Draft]) -> None:
        """An event the lead sentence (the first one after the dateline) reports without a
        date happened on the dateline date; when the first dated event is that day's, so did
        the release's other undated gatherings ("He also inaugurated ..."), not ones only named
        as a sentence's setting ("showcased at the Expo")."""
        published = page.doc._.published
        if published is None or not page.header:
            return
        body = max(e for _, e in page.header)
        lead = next(
            (
                i
                for i, (s, e) in enumerate(page.segs)
                if e > body and len(page.text[max(s, body) : e].split()) >= self.lead_min_words
            ),
            None,
        )
        for draft in drafts:
            texts = [page.seg_text(m.seg) for m in draft.mentions]
            if (
                draft.start is None
                and any(m.seg == lead for m in draft.mentions)
                and not any(self.future.search(t) for t in texts)
            ):
                draft.start = draft.end = published
        main = next((d for d in drafts if d.start is not None), None)
        if main is None or not main.start <= published <= main.end:
            return
        for draft in drafts:  # the release reports a day's event: its gatherings are that day's
            texts = [page.seg_text(m.seg) for m in draft.mentions]
            if (
                draft.start is None
                and draft.type in self.gathering
                and not all(m.scene for m in draft.mentions)
                and not any(self.future.search(t) for t in texts)
            ):
                draft.start = draft.end = published

    # -- attributes ----------------------------------------------------------------------------

    def _event(self, page: _Page, draft: _Draft, places: list[Segment], main: bool) -> Event:
        doc, first = page.doc, draft.mentions[0]
        status = self._status(page, draft)
        announced = any(m.announced for m in draft.mentions)
        location = _field_value(page, "where") if announced else None
        dated_first = sorted(draft.mentions, key=lambda m: not m.dates)
        location = location or next(
            (p for m in dated_first if (p := self._place(page, m, places))), None
        )
        if location is None and main and draft.type in self.gathering and status == "held":
            location = doc._.dateline_location
        return Event(
            event_id=stable_id("ev", doc._.doc_id or "", str(first.span.start_char), draft.type),
            type=draft.type,
            title=next((t for m in draft.mentions if (t := self._title(page, m))), None),
            start=draft.start,
            end=draft.end,
            location=location,
            organisers=_organisers(page, first),
            participants_total=None,
            status=status,
            char_start=first.span.start_char,
            char_end=first.span.end_char,
            mentions=[(m.span.start_char, m.span.end_char) for m in draft.mentions],
        )

    def _title(self, page: _Page, m: _Mention) -> str | None:
        """A quoted title after the trigger ("on “Investigative techniques ...”"), else the
        capitalised name the trigger belongs to."""
        quoted = self.quoted_title.match(page.text, m.span.end_char)
        if quoted:
            return quoted.group(1).strip()
        return page.text[m.name[0] : m.name[1]] if m.name and not m.headline else None

    def _status(self, page: _Page, draft: _Draft) -> str:
        published = page.doc._.published
        if draft.start is not None and published is not None:
            return "scheduled" if draft.start > published else "held"
        if any(self.future.search(page.seg_text(m.seg)) for m in draft.mentions):
            return "scheduled"
        past = any(
            "Past" in t.morph.get("Tense")
            for m in draft.mentions
            for t in (m.span.root, m.span.root.head)
        )
        return "held" if past or draft.start is not None else "unknown"

    def _place(self, page: _Page, m: _Mention, places: list[Segment]) -> str | None:
        """The place in the mention's sentence nearest to it, else the place a paragraph
        opens with ("In Helmand province, an observation post spotted insurgents ...
        coalition forces engaged the enemy position")."""
        found = self.places.find(page.text, *page.segs[m.seg], places)
        if not found:
            start = page.segs[page.opening(m.seg)][0]
            found = [
                place
                for place in self.places.find(page.text, start, page.segs[m.seg][0], places)
                if _OPENING_PLACE.fullmatch(page.text, start, place[0])
            ]
        at = m.span.start_char
        nearest = min(found, key=lambda p: min(abs(p[0] - at), abs(p[1] - at)), default=None)
        return nearest[2] if nearest else None

    # -- participants --------------------------------------------------------------------------

    def _link_participants(self, page: _Page, events: list[Event]) -> None:
        """A count belongs to the event mentioned in its sentence (the nearest), else to the
        latest event mentioned up to ``participant_sentences`` sentences before it; events
        whose size the count can give (``sizes``: the defendants of a hearing, not the
        victims of a shooting) come first, and only their counts make ``participants_total``.
        An event left without one takes the release's largest count of a ``release_sizes``
        category it can take when its sentence names those people in the plural."""
        spots = sorted(
            ((s, page.seg_of(s), e) for e in events for s, _ in e.mentions), key=lambda x: x[0]
        )
        linked: dict[str, list[Participant]] = {}
        for p in page.doc._.participants or ():
            fitting = [x for x in spots if p.category in self.sizes[x[2].type]]
            event = self._owner(page, p, fitting) or self._owner(page, p, spots)
            if event is not None:
                event.counts.append(p.offsets)
                if p.category in self.sizes[event.type]:
                    linked.setdefault(event.event_id, []).append(p)
        release = {
            category: max(
                (p.count for p in page.doc._.participants or () if p.category == category),
                default=None,
            )
            for category in self.release_sizes
        }
        for event in events:
            event.participants_total = _total(linked.get(event.event_id, [])) or next(
                (
                    n
                    for c, n in release.items()
                    if n and c in self.sizes[event.type] and self._plural(page, event, c)
                ),
                None,
            )

    def _plural(self, page: _Page, event: Event, category: str) -> bool:
        """Whether a sentence mentioning ``event`` names the people of ``category`` in the
        plural ("The defendants were arraigned", "for both defendants")."""
        words = self.release_sizes[category]
        for start, _ in event.mentions:
            first, last = page.segs[page.seg_of(start)]
            for tok in page.doc.char_span(first, last, alignment_mode="expand") or ():
                plural = tok.tag_ in {"NNS", "NNPS"} or tok.pos_ in {"PRON", "DET"}
                if plural and (tok.lemma_.lower() in words or tok.lower_ in words):
                    return True
        return False

    def _owner(
        self, page: _Page, p: Participant, spots: list[tuple[int, int, Event]]
    ) -> Event | None:
        """The event of ``spots`` (mention start, sentence, event) that count ``p`` belongs to."""
        seg = page.seg_of(p.char_start)
        near = [x for x in spots if x[1] == seg]
        if not near:
            earlier = [x for x in spots if x[0] < p.char_start]
            near = [x for x in earlier[-1:] if x[1] >= seg - self.participant_sentences]
        return min(near, key=lambda x: abs(x[0] - p.char_start))[2] if near else None


def _sentences(doc: Doc, text: str) -> list[Segment]:
    """The parser's sentences, a break inside a line after no closing punctuation undone
    ("... searching for a Taliban leader in Muhammad | Aghah district, Logar province")."""
    spans: list[Segment] = []
    for sent in doc.sents:
        if spans and _UNCLOSED.search(text, spans[-1][0], sent.start_char):
            spans[-1] = (spans[-1][0], sent.end_char)
        else:
            spans.append((sent.start_char, sent.end_char))
    return spans


def _lines(doc: Doc, first: int, last: int, *, link_words: int) -> list[Segment]:
    """The lines of sentence ``first:last``, a line a scraped page broke off at a link kept
    with its neighbours ("... of three individuals during | Operation Grease | Monkey |
    (April 29, 2025-May 1, 2025) | , as part of ..."): see ``_link_break``; a short
    capitalised line the next line runs on from is a link too ("Monkey")."""
    text = doc_text(doc)
    cuts = [m.start() for m in _LINE_BREAK.finditer(text, first, last)]
    joined = [_link_break(doc, c) for c in cuts]
    for i in range(len(cuts) - 2, -1, -1):  # a link the next line runs on from: "| Monkey |"
        link = _link_line(text[cuts[i] + 1 : cuts[i + 1]], link_words)
        joined[i] = joined[i] or (joined[i + 1] and link and _unclosed(text[: cuts[i]]))
    lines, start = [], first
    for cut, join in zip(cuts, joined, strict=True):
        if not join:
            lines.append((start, cut))
            start = cut + 1
    return [*lines, (start, last)]


def _link_break(doc: Doc, cut: int) -> bool:
    """Whether the line break at ``cut`` runs on inside a sentence: the line before closes
    with no punctuation and ends with a function word ("during", "of the") or the next line
    opens with punctuation or a lower-case word (", as part of ...", "(April 29, ...)")."""
    text = doc_text(doc)
    before, after = text[:cut].rstrip(), text[cut + 1 :].lstrip(" \t")
    if not _unclosed(before) or not after or after[0] == "\n":
        return False
    if after[0] in ",.;:)(" or after[0].islower():
        return True
    token = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    return token is not None and token[-1].pos_ in _FUNCTION_POS


def _link_line(line: str, most_words: int) -> bool:
    """Whether a line is a short capitalised link text (at most ``most_words``, no closing
    punctuation): "Monkey", "Eileen O’Neill Burke", "Choice Protection Unit"."""
    line = line.strip()
    return 0 < len(line.split()) <= most_words and line[0].isupper() and _unclosed(line)


def _unclosed(text: str) -> bool:
    """Whether ``text`` ends with no closing punctuation."""
    text = text.rstrip()
    return bool(text) and text[-1] not in ".!?:;"


def _announced(token: Token) -> bool:
    """Whether ``token`` (or the first of the list it is in) is what a future "there will
    be" says there will be: "There will be an all-day symposium, ..., and a rock concert"."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    verb = token.head
    return (
        token.dep_ == "attr"
        and verb.lemma_ == "be"
        and any(c.dep_ == "expl" for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children)
    )


def _dated(verb: Token) -> bool:
    """Whether a date is said in the phrase ``verb`` heads ("launched in December 2024")."""
    start, end = verb.idx, verb.idx + len(verb.text)
    for child in verb.children:
        if child.dep_ in ("prep", "npadvmod"):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return any(start < d.char_start < end for d in verb.doc._.dates or ())


def _past_aux(verb: Token) -> bool:
    """Whether an auxiliary in the past tense goes with ``verb`` ("was shooting") or it
    complements a verb in the past tense ("began firing numerous rounds")."""
    past = verb.head if verb.dep_ == "xcomp" else None
    return (past is not None and "Past" in past.morph.get("Tense")) or any(
        c.dep_ == "aux" and "Past" in c.morph.get("Tense") for c in verb.children
    )


def _name_year(doc: Doc, date: DateMention) -> bool:
    """Whether a year ends a capitalised name ("Swachh Survekshan 2024", "Engineering Services
    Examination, 2025") rather than dating the sentence ("decommissioned in 2003")."""
    span = doc.char_span(date.char_start, date.char_end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.text == "," and span.start > 1:
        before = doc[span.start - 2]
    return (
        before.pos_ in ("PROPN", "NOUN")
        and (before.is_title or before.is_upper)
        and not before.is_sent_start
    )


def _of_thing(doc: Doc, date: DateMention, triggers: set[int]) -> bool:
    """Whether the date premodifies a common noun that is no trigger ("charged with capital
    murder in the 1998 cases", "a 2024 two-day shooting spree"): it dates that thing."""
    span = doc.char_span(date.char_start, date.char_end)  # not "2003.The ship"
    if span is None or span.root.dep_ not in ("compound", "nummod", "amod"):
        return False
    head = span.root.head
    return (
        head.pos_ == "NOUN" and head.is_lower and head.i not in triggers and head.i > span.end - 1
    )


def _clause_apart(doc: Doc, date: DateMention, m: _Mention) -> bool:
    """Whether the date lies in a relative clause about something else than the trigger ("A
    serial killer who fled to Mexico in 2003 was sentenced to life"): it dates that clause's
    verb. A clause about the trigger dates it ("the Gun Buyback event that took place on
    Saturday, December 5, 2015", "an investigation that started in January 2024")."""
    span = doc.char_span(date.char_start, date.char_end, alignment_mode="expand")
    clause = next((a for a in span.root.ancestors if a.dep_ == "relcl"), None) if span else None
    if clause is None:
        return False
    words = {t.i for t in m.span} | {m.span[-1].head.i}  # "the Gun Buyback event"
    inside = range(clause.left_edge.i, clause.right_edge.i + 1)
    return clause.head.i not in words and not any(i in inside for i in words)


def _definite(m: _Mention) -> bool:
    return _definite_token(m.span[-1])


def _definite_token(token: Token) -> bool:
    return any(c.lower_ in ("the", "this", "that") for c in token.children)


def _coordinated(page: _Page, m: _Mention, start: int) -> bool:
    """Whether a date starting at ``start`` is said with the last date of ``m`` ("on May 5
    and 6", "from 13 to 21 December")."""
    return (
        bool(m.dates) and _COORDINATED.fullmatch(page.text, m.dates[-1].char_end, start) is not None
    )


def _vague(date: DateMention) -> bool:
    """Whether a relative date spans more than a day ("earlier this week", not "today"): a
    day said later may narrow it."""
    return date.relative and date.start < date.end


def _nested(draft: _Draft, date: DateMention) -> bool:
    return (draft.start <= date.start and date.end <= draft.end) or (
        date.start <= draft.start and draft.end <= date.end
    )


def _narrower(date: DateMention, draft: _Draft) -> bool:
    """Whether ``date`` lies within the draft's dates and spans fewer days."""
    return _nested(draft, date) and date.end - date.start < draft.end - draft.start


def _renamed(page: _Page, draft: _Draft, m: _Mention) -> bool:
    """Whether ``m`` and a mention of ``draft`` name two events of a series: both names carry
    numbers and they differ ("Plenary Session-I on ...", "Plenary Session II on ...")."""
    numbers = _name_numbers(page, m)
    return bool(numbers) and any(
        (other := _name_numbers(page, o)) and other != numbers for o in draft.mentions
    )


def _name_numbers(page: _Page, m: _Mention) -> frozenset[str]:
    """The numbers and Roman numerals in the name of ``m``, years aside."""
    if m.name is None:
        return frozenset()
    return frozenset(_NAME_NUMBER.findall(page.text, *m.name))


def _date_by_name(drafts: list[_Draft]) -> None:
    """An event dated by nothing else takes the year its name ends with ("India-AI Impact
    Summit 2026", "Swachh Survekshan 2024")."""
    for draft in drafts:
        year = next((m.name_year for m in draft.mentions if m.name_year), None)
        if draft.start is None and year is not None:
            draft.start, draft.end = year.start, year.end


def _field_labels(labels: dict[str, list[str]]) -> re.Pattern:
    """A media advisory's field labels ("WHO:", "WHAT:", "WHEN:", "WHERE:") at a line start, a
    label's colon maybe on a line of its own; the group named by the role says which."""
    roles = "|".join(f"(?P<{role}>{longest_first(words)})" for role, words in labels.items())
    return re.compile(rf"^[ \t]*(?:{roles})[ \t]*\n?[ \t]*:\s*", re.M)


def _field_values(text: str, labels: re.Pattern) -> dict[str, Segment]:
    """Role -> span of the first field of that role: from its label to the next label, the
    last field to the end of its first line."""
    found = list(labels.finditer(text))
    values: dict[str, Segment] = {}
    for i, label in enumerate(found):
        if i + 1 < len(found):
            end = found[i + 1].start()
        elif (end := text.find("\n", label.end())) < 0:
            end = len(text)
        values.setdefault(label.lastgroup or "", (label.end(), end))
    return values


def _field_value(page: _Page, role: str) -> str | None:
    """The first sentence of an advisory field's first line, a remark in brackets aside
    ("WHERE: Department CJ-1, Central Jail, Santa Ana. The time is to be determined.")."""
    span = page.fields.get(role)
    line = page.text[slice(*span)].strip().split("\n")[0] if span else ""
    value = _VALUE_END.split(line, maxsplit=1)[0]
    return value.strip(" \t,.;") or None


def _share_place(events: list[Event]) -> None:
    """Events on the same days as the release's main event that name no place of their own
    happened at its place ("The Prime Minister felicitated the recipients ..." at the summit's
    venue)."""
    main = events[0] if events else None
    if main is None or main.start is None or main.location is None:
        return
    for event in events[1:]:
        if event.location is None and (event.start, event.end) == (main.start, main.end):
            event.location = main.location


def _total(linked: list[Participant]) -> int | None:
    """Participants of an event: the largest of its counts, parts listed together ("17 FIA
    officers and 8 Punjab police officers") counted by their sum."""
    sums: dict[tuple[str, int], int] = {}
    for p in linked:
        key = ("group", p.part_group) if p.part_group is not None else ("count", id(p))
        sums[key] = sums.get(key, 0) + p.count
    return max(sums.values(), default=0) or None


def _organisers(page: _Page, m: _Mention) -> list[str]:
    """Organisations named in the trigger's sentence before it, or after "by"/"with"."""
    seg_start, seg_end = page.segs[m.seg]
    names = []
    for org in page.doc._.organisations or ():
        for s, e in org.mentions or [(org.char_start, org.char_end)]:
            if not seg_start <= s < seg_end:
                continue
            cue = page.text[max(seg_start, s - 30) : s]
            if e <= m.span.start_char or re.search(r"\b(?:by|with)\b", cue):
                names.append(org.name)
                break
    return list(dict.fromkeys(names))
