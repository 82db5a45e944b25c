"""Place phrases introduced by a preposition: "at Kartavya Bhavan 3, New Delhi",
"in Andar district, Ghazni province", "at the Lenox Road Baptist Church in East Flatbush",
"in the 262nd District Court", "before Brooklyn Supreme Court Justices ..."."""

from __future__ import annotations

import bisect
import re

from pressx.text.datetext import MONTH, WEEKDAY
from pressx.text.names import join_ordinal, singular
from pressx.text.patterns import longest_first

_ORDINAL = r"\d+\n?(?:st|nd|rd|th)"  # a web page may break "496th" over lines
#: A capitalised word, with the opening mark of a transliterated name ("Nad ‘Ali", "Pul-e 'Alam").
_CAPITALISED = r"[‘']?[A-Z][\w’'&-]*"
_WORD = rf"(?:{_CAPITALISED}|\d+(?:st|nd|rd|th)?)"
#: Words no place opens with; "Charge" ends a role ("Special Agent in Charge Felipe Williams").
_NOT_PLACE = rf"(?!(?:{MONTH}|{WEEKDAY}|The|This|That|His|Her|Their|Our|Its|Charge)\b)"
_LINK = r"(?:,[ \t]*|[ \t]+in[ \t]+(?:the[ \t]+)?)"
#: A street block, as police and prosecutors give an address: "in the 3800 block of
#: Devonshire Avenue", "on the 6100 block of Santa Fe Avenue", "in the 600 block of S.
#: Brookhurst Street".
_BLOCK = r"\d[\d,]*[ \t]+block[ \t]+of[ \t]+(?:the[ \t]+)?(?:[NSEW]\.[ \t]+)?"


class PlaceFinder:
    """Finds place phrases after "in", "at", "near" or "before" that a named-entity span (GPE,
    LOC, FAC) or a place word ("district", "Church") marks as a place; chained parts ("X
    district, Y province", "X Church in Y", "X district of Y") are returned joined with ", ".
    A name ends before a title word that is not part of a place ("Brooklyn Supreme Court |
    Justices Danny K. Chun", but "Central Justice Center"). Place words alone are no place
    ("in States and UTs", "in Court"). A street block opens a place of its own ("in the 9500
    block of Walnut Glen Drive, just north of ...")."""

    def __init__(
        self, suffixes: tuple[str, ...], place_words: tuple[str, ...], titles: tuple[str, ...]
    ):
        words = longest_first(suffixes)
        title = rf"(?:{longest_first(titles)})\b(?![ \t]+(?:{longest_first(place_words)})\b)"
        word = rf"(?!{title}){_WORD}"
        name = (
            rf"{_NOT_PLACE}(?:{_ORDINAL}\s+)?[A-Z][\w’'&-]*"
            rf"(?:[ \t]+(?:(?:of|de|al|el|e|ye|wa)[ \t]+)?{word})*"
            rf"(?:[ \t]+(?:{words})\b(?:[ \t]+of[ \t]+{_WORD})?)?"
        )
        self.pattern = re.compile(
            rf"\b(?:[Ii]n|[Aa]t|[Nn]ear|before|[Oo]n(?=[ \t]+the[ \t]+{_BLOCK}))"
            rf"[ \t]+(?:the[ \t]+)?"
            rf"(?P<place>(?P<block>{_BLOCK})?{name}(?:{_LINK}{name})*)"
        )
        self.place_words = {w.lower() for w in (*suffixes, *place_words)}

    def find(
        self, text: str, start: int, end: int, entities: list[tuple[int, int]]
    ) -> list[tuple[int, int, str]]:
        """(start, end, place) for every place phrase in ``text[start:end]``; ``entities`` are
        the sorted character spans of the document's place entities."""
        found = []
        for m in self.pattern.finditer(text, start, end):
            s, e = m.span("place")
            place = m.group("place")
            words = {w.lower() for w in re.findall(r"\w+", place)}
            near = entities[
                max(0, bisect.bisect_left(entities, (s, s)) - 1) : bisect.bisect_left(
                    entities, (e, e)
                )
            ]
            generic = all(singular(w) in self.place_words for w in words)  # "in States"
            marked = m.group("block") or words & self.place_words
            if not generic and (marked or any(a < e and s < b for a, b in near)):
                block = m.group("block") or ""
                found.append((s, e, " ".join([*block.split(), self._tidy(place[len(block) :])])))
        return found

    def _tidy(self, place: str) -> str:
        parts = re.split(rf"{_LINK}|[ \t]+of[ \t]+(?={_CAPITALISED}$)", place)
        return ", ".join(join_ordinal(" ".join(p.split())) for p in parts if p.strip())
