"""An output folder built from the gold annotations of the sample corpus (for the readers'
tests: ``pressx query``, ``show``, ``report``). Unlike a pipeline run, its rows do not change
while the extractors improve, so tests can assert exact values.

Each gold value is placed at its first occurrence in the real text; values the text does
not spell out literally (a count written in words, an event without a title) are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

from pressx.io.store import Store
from pressx.text.ids import stable_id

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
SPLITS = ("seeds", "dev")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _find(text: str, *candidates: str | None) -> tuple[int, int] | None:
    """Offsets of the first candidate found in the text."""
    for candidate in candidates:
        if candidate and (start := text.find(candidate)) >= 0:
            return start, start + len(candidate)
    return None


def _count_span(text: str, count: int, description: str) -> tuple[int, int] | None:
    """The count in digits and the first word of who is counted, e.g. '17 female'."""
    numbers = "|".join(dict.fromkeys((f"{count:,}", str(count))))
    first_word = re.escape(description.split()[0])
    match = re.search(rf"\b(?:{numbers})\b[^.\n]{{0,40}}?\b{first_word}\b", text)
    return (match.start(), match.end()) if match else None


def _placed(doc_id: str, items: list[dict], locate, build) -> list[dict]:
    """Rows of the items the text spells out: ``locate(item)`` gives their offsets (or None),
    ``build(index, item, start)`` their other columns."""
    rows = []
    for i, item in enumerate(items):
        found = locate(item)
        if found:
            start, end = found
            rows.append(
                {"doc_id": doc_id, **build(i, item, start), "char_start": start, "char_end": end}
            )
    return rows


def document_rows(doc_id: str, split: str, gold: dict, text: str) -> dict[str, list[dict]]:
    """Every table's rows for one gold document."""
    event_ids = [stable_id("ev", doc_id, str(i)) for i in range(len(gold["events"]))]
    rows = {"documents": [_document(doc_id, split, gold, text)]}
    rows["organisations"] = _placed(
        doc_id,
        gold["organisations"],
        lambda o: _find(text, o["name"], o["acronym"], *o["aliases"]),
        lambda i, o, start: {
            "org_id": stable_id("org", o["name"]),
            "name": o["name"],
            "acronym": o["acronym"],
            "aliases": o["aliases"],
            "n_mentions": 1,
        },
    )
    rows["people"] = _placed(
        doc_id,
        gold["people"],
        lambda p: _find(text, p["name"]),
        lambda i, p, start: {
            "person_id": stable_id("per", p["name"]),
            "name": p["name"],
            "honorific": None,
            "role": p["role"],
            "organisation": p["organisation"],
            "n_mentions": 1,
        },
    )
    rows["dates"] = _placed(
        doc_id,
        gold["dates"],
        lambda d: _find(text, d["text"]),
        lambda i, d, start: {
            "text": d["text"],
            "start": _date(d["start"]),
            "end": _date(d["end"]),
            "precision": d["precision"],
            "relative": False,
        },
    )
    rows["events"] = _placed(
        doc_id,
        gold["events"],
        lambda ev: _find(text, ev["title"]),
        lambda i, ev, start: {
            "event_id": event_ids[i],
            "type": ev["type"],
            "title": ev["title"],
            "start": _date(ev["start"]),
            "end": _date(ev["end"]),
            "location": ev["location"],
            "organisers": ev["organisers"],
            "participants_total": ev["participants_total"],
            "status": "held",
        },
    )
    rows["participants"] = _placed(
        doc_id,
        gold["participants"],
        lambda p: _count_span(text, p["count"], p["description"]),
        lambda i, p, start: {
            "event_id": None if p["event"] is None else event_ids[p["event"]],
            "count": p["count"],
            "qualifier": "exact",
            "description": p["description"],
            "agency": p["agency"],
            "is_total": p["is_total"],
            "category": "participants",
        },
    )
    rows["quotes"] = _placed(
        doc_id,
        gold["quotes"],
        lambda q: _find(text, q["text"]),
        lambda i, q, start: {
            "quote_id": stable_id("q", doc_id, str(start)),
            "text": q["text"],
            "speaker": q["speaker"],
            "speaker_person_id": stable_id("per", q["speaker"]) if q["speaker"] else None,
            "cue": None,
        },
    )
    rows["checks"] = [_check(doc_id, c, rows["participants"], text) for c in gold["figure_checks"]]
    return rows


def _document(doc_id: str, split: str, gold: dict, text: str) -> dict:
    return {
        "doc_id": doc_id,
        "path": f"{split}/{doc_id}.txt",
        "title": text.split("\n", 1)[0].strip(),
        "published": _date(gold["published"]),
        "dateline_location": gold["dateline_location"],
        "n_chars": len(text),
        "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
        "status": "ok",
        "error": None,
        "text": text,
        "url": None,
        "language": "en",
        "n_words": len(text.split()),
    }


def _check(doc_id: str, check: dict, participants: list[dict], text: str) -> dict:
    """A gold figure check; its evidence is the counts whose number the claim names."""
    claim = check["claim"]
    evidence = [
        {
            "doc_id": doc_id,
            "char_start": p["char_start"],
            "char_end": p["char_end"],
            "text": text[p["char_start"] : p["char_end"]],
        }
        for p in participants
        if re.search(rf"\b{p['count']}\b", claim)
    ]
    return {
        "check_id": stable_id("chk", doc_id, claim),
        "check_type": "gold",
        "status": check["status"],
        "doc_ids": [doc_id],
        "message": claim,
        "expected": None,
        "observed": None,
        "evidence": evidence,
    }


def write_sample_output(out: Path, splits: tuple[str, ...] = SPLITS) -> Path:
    """Write every gold document of the sample corpus (of ``splits``) to ``out`` (one batch)
    and return it."""
    batch: dict[str, list[dict]] = {}
    for split in splits:
        for gold_path in sorted((GOLD / split).glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            text = (CORPUS / split / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
            for table, rows in document_rows(gold_path.stem, split, gold, text).items():
                batch.setdefault(table, []).extend(rows)
    with Store(out) as store:
        store.write_batch(batch)
        store.write_cross_checks([])
    return out
