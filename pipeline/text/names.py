"""Token-level helpers shared by the organisation and people extractors.

Names are found on the token level: a *name token* is a capitalised word, an acronym or an
initial; hyphens and slashes inside a compound ("Anti-Human", "FOG/Koney") and a possessive
"'s" glue name tokens together. Role lexicons (``models/roles.json``) say which words are
titles and positions, so that "UNODC Country Representative" yields the organisation UNODC
and the role "Country Representative", never an organisation called "Country Representative".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from pressx.text.resources import load_json

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
GLUE = frozenset({"-", "–", "/", "&"})
ACRONYM = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9&.]*\Z")
INITIAL = re.compile(r"[A-Z]\.?\Z")
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
UPPER = re.compile(r"[^\W\d_a-z]", re.UNICODE)
LOWER = re.compile(r"[a-z]")
TRAILING_JUNK = re.compile(r"(?:\s*['’]s?|[\s,;:.“”\"'’(\[-])+$")
#: Fewest words on a line that a line break only wraps (shorter lines are headings, menus).
WRAP_WORDS = 6
#: Words that tell a title-case line: five letters or more (not "of", "from", "with").
TITLE_WORD = re.compile(r"\b[^\W\d_]{5,}")
SPLIT_ORDINAL = re.compile(r"\b(\d+)\s+(st|nd|rd|th)\b")


def is_acronym(text: str) -> bool:
    """ "FIA", "GLO.ACT", "MoEF&CC", "U.S.", "R2R": two or more capitals, mostly upper case."""
    if not ACRONYM.match(text):
        return False
    upper = sum(c.isupper() for c in text)
    return upper >= sum(c.islower() for c in text) and len(text) <= 12


def is_capitalised(token: Token) -> bool:
    """A word that starts with a capital letter (a name word, an acronym or an initial)."""
    return token.text[:1].isupper()


def attached(left: Token, right: Token) -> bool:
    """Whether ``right`` follows ``left`` with no space between them."""
    return left.i + 1 == right.i and not left.whitespace_


def same_line(left: Token, right: Token) -> bool:
    """Whether no line break lies between ``left`` and ``right`` (read from the tokens'
    whitespace: ``Doc.text`` is rebuilt on every access)."""
    doc = left.doc
    for k in range(left.i, right.i):
        if "\n" in doc[k].whitespace_ or (k > left.i and "\n" in doc[k].text):
            return False
    return True


def in_charge(doc: Doc, i: int) -> bool:
    """Whether ``doc[i:i + 2]`` is the "in Charge" that ends a role after its head ("Special
    Agent in Charge", "Officer in Charge")."""
    return i + 1 < len(doc) and doc[i].lower_ == "in" and doc[i + 1].lower_ == "charge"


def wrapped(left: Token, right: Token) -> bool:
    """Whether the one line break between neighbours ``left`` and ``right`` only wraps a
    sentence (a PDF line, a scraped link): the line before has at least ``WRAP_WORDS`` words
    and ends on a word, and the next line is not a field ("... This year’s Expo is at
    Jubilee\nPark Community Center")."""
    doc = left.doc
    between = left.whitespace_ + "".join(t.text_with_ws for t in doc[left.i + 1 : right.i])
    if between.count("\n") != 1 or between.strip() or not left.is_alpha:
        return False
    if right.i + 1 < len(doc) and doc[right.i + 1].text == ":":
        return False  # the next line is a field: "Ministry: Ministry of Health"
    words, k = 0, left.i
    while k >= 0 and (k == left.i or "\n" not in doc[k].whitespace_) and words < WRAP_WORDS:
        words += doc[k].is_alpha
        k -= 1
    return words >= WRAP_WORDS


def clean_name(text: str) -> str:
    """Name text without a leading "the", a trailing possessive or punctuation."""
    text = " ".join(text.split())
    return TRAILING_JUNK.sub("", LEADING_THE.sub("", text))


def title_case(words: Iterable[str]) -> bool:
    """Whether words are written as a headline's: three or more words of four letters or more
    (short ones such as "of" and "to" are left out), three quarters of them capitalised."""
    long = [w for w in words if len(w) > 3]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.75 * len(long)


def join_ordinal(text: str) -> str:
    """An ordinal's suffix joined to its number ("496 th Criminal Court" -> "496th ...")."""
    return SPLIT_ORDINAL.sub(r"\1\2", text)


def singular(word: str) -> str:
    """A plain English singular of a noun, its case kept: "officers" -> "officer", "Chiefs" ->
    "Chief", "policemen" -> "policeman", "Secretaries" -> "Secretary"."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` abbreviates ``words``: its capitals are the initials of the words in
    order (one may be missing from three on; leading words may be skipped: "Texas Department
    of Motor Vehicles" -> DMV), or its dotted parts start consecutive words (GLO.ACT)."""
    parts = [p for p in acronym.lower().split(".") if p]
    lowered = [w.lower() for w in words]
    if len(parts) > 1 and all(len(p) > 1 for p in parts):
        return any(
            all(w.startswith(p) for w, p in zip(lowered[k:], parts, strict=False))
            and len(lowered) - k >= len(parts)
            for k in range(len(lowered))
        )
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()]
    initials = [w[0] for w in lowered if w[:1].isalnum()]
    if len(letters) < 2:
        return False
    allowed_miss = 1 if len(letters) >= 3 else 0
    for k, initial in enumerate(initials):
        if initial == letters[0] and _misses(letters[1:], initials[k + 1 :]) <= allowed_miss:
            return True
    return False


def _misses(letters: list[str], initials: list[str]) -> int:
    """How many of ``letters`` are not found, in order, among ``initials``."""
    missed, pos = 0, 0
    for letter in letters:
        try:
            pos = initials.index(letter, pos) + 1
        except ValueError:
            missed += 1
    return missed


def name_words(span: Span) -> list[str]:
    """The words of a name span, compounds split ("Multi-Jurisdiction" -> Multi, Jurisdiction)."""
    return [t.text for t in span if t.text[:1].isalnum() and t.lower_ not in {"of", "the"}]


@dataclass(frozen=True, slots=True)
class RoleLexicon:
    """Title and position words: heads ("Representative", "defendant"), modifiers ("Deputy",
    "Country") and words that follow a head ("General" in "Director General")."""

    heads: frozenset[str]
    modifiers: frozenset[str]
    post: frozenset[str]
    org_internal: frozenset[str]
    abbreviations: dict[str, str]  # rank abbreviations and what they stand for: "sgt" -> "Sergeant"

    @classmethod
    def load(cls, name: str) -> RoleLexicon:
        spec = load_json(name)
        return cls(
            heads=frozenset(w.lower() for w in spec["heads"]),
            modifiers=frozenset(w.lower() for w in spec["modifiers"]),
            post=frozenset(w.lower() for w in spec["post"]),
            org_internal=frozenset(w.lower() for w in spec["org_internal"]),
            abbreviations=dict(spec["abbreviations"]),
        )

    def is_head(self, token: Token) -> bool:
        """A role head word, plural included ("Chiefs", "Paralegals")."""
        return self.has_head(token.lower_)

    def has_head(self, word: str) -> bool:
        """Whether the lower-case ``word`` is a role head, plural included."""
        return word in self.heads or singular(word) in self.heads

    def is_role_word(self, token: Token) -> bool:
        word = token.lower_
        return self.is_head(token) or word in self.modifiers or word in self.post


class LineCase:
    """How each line of a text is written: all in capitals (titles, menus: no acronym or head
    word there can be told from an ordinary word), or in title case (headlines: every word is
    capitalised, so verbs and common nouns look like name words; a comma list of names is not
    a headline)."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.shouting: list[bool] = []
        self.titled: list[bool] = []
        offset = 0
        for line in text.split("\n"):
            upper, lower = len(UPPER.findall(line)), len(LOWER.findall(line))
            self.starts.append(offset)
            self.shouting.append(upper + lower >= 12 and upper >= 4 * lower)
            words = TITLE_WORD.findall(line)
            capitalised = sum(w[0].isupper() for w in words)
            listed = "," in line  # "Chicago Police Department, FBI, Metra, and Pace"
            self.titled.append(len(words) >= 3 and capitalised == len(words) and not listed)
            offset += len(line) + 1

    def _line(self, char: int) -> int:
        return bisect.bisect_right(self.starts, char) - 1

    def shouting_at(self, char: int) -> bool:
        return self.shouting[self._line(char)]

    def titled_at(self, char: int) -> bool:
        """Whether the line at ``char`` is a title-case (or all-capitals) headline."""
        line = self._line(char)
        return self.titled[line] or self.shouting[line]


def sentence_starts(doc: Doc) -> frozenset[int]:
    """Token indices that open a sentence (``Token.is_sent_start`` scans the whole doc on
    every call, so components look starts up here instead)."""
    return frozenset(sent.start for sent in doc.sents)


def lower_words(tokens: Span) -> tuple[str, ...]:
    """The lower-case words of ``tokens``, for comparing with a phrase of a rule file."""
    return tuple(t.lower_ for t in tokens)


def token_bounds(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of the tokens ``start:end`` of ``doc``."""
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


@lru_cache(maxsize=2)
def line_case(text: str) -> LineCase:
    """The ``LineCase`` of ``text``, made once for the components that read it in turn
    (organisations, then people) on the same document."""
    return LineCase(text)
