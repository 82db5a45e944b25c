"""Why ISAF event dates are missed: each miss of the ISAF scorer's date question, by what the
release's own text says.

    pressx run ../shared/eval/isaf/dev.jsonl --out /tmp/isaf
    python bench/isaf_dates.py --pred /tmp/isaf [--gold ../shared/eval/isaf/dev.jsonl] [--list]

The scorer asks whether the gold event date is among the document's ``events.start``. A miss
is one of:

  stated, not linked   the text states the gold day (it is in the ``dates`` table) but no
                       event starts on it: the pipeline's error;
  publication day      the gold day is the dateline's, and the text does not say the event
                       happened that day (the issue's rule: the dateline date is not the
                       event date unless the text says so);
  no year in the text  the release states no year and has no dated reference number;
  no day in the text   the year and month come from a reference number ("2011-07-S-039"),
                       the day only relative to an unstated date ("yesterday");
  another day stated   the text dates the event, as we read it, to another day (a "Morning
                       Operational Update" of March 24 saying "today" has gold March 23).

The first class is what better extraction can still win: hits plus that class is the share a
pipeline reaching the gold only through the text's own words can score.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "isaf" / "dev.jsonl"
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
CLASSES = (
    "hit",
    "stated, not linked",
    "publication day",
    "no year in the text",
    "no day in the text",
)
OTHER = "another day stated"


def days(table: pd.DataFrame) -> dict[str, set[str]]:
    """The ISO start days of each document's rows."""
    out: dict[str, set[str]] = {}
    for doc_id, start in zip(table["doc_id"], table["start"], strict=True):
        if pd.notna(start):
            out.setdefault(doc_id, set()).add(str(start)[:10])
    return out


def classify(record: dict, events: set[str], dates: set[str], published: object) -> str:
    gold = record["gold"]["start_date"]
    if gold in events:
        return "hit"
    if not pd.isna(published) and gold == str(published)[:10]:
        return "publication day" if not events else OTHER
    if gold in dates:
        return "stated, not linked"
    if pd.isna(published):
        return "no day in the text" if YEAR_RE.search(record["text"]) else "no year in the text"
    return OTHER


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pred", type=Path, required=True, help="a pressx output folder")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the ISAF gold JSONL")
    ap.add_argument("--list", action="store_true", help="list the doc ids of each class")
    args = ap.parse_args()

    lines = args.gold.read_text(encoding="utf-8").split("\n")  # not splitlines(): U+2028 in texts
    records = [json.loads(line) for line in lines if line.strip()]
    records = [r for r in records if r.get("gold", {}).get("start_date")]
    events = days(pd.read_parquet(args.pred / "events"))
    dates = days(pd.read_parquet(args.pred / "dates"))
    published = pd.read_parquet(args.pred / "documents").set_index("doc_id")["published"]
    found: dict[str, list[str]] = {}
    for r in records:
        doc = r["id"]
        label = classify(r, events.get(doc, set()), dates.get(doc, set()), published.get(doc))
        found.setdefault(label, []).append(doc)

    tally = Counter({label: len(ids) for label, ids in found.items()})
    total = len(records)
    for label in (*CLASSES, OTHER):
        print(f"{label:<22}{tally[label]:>5}{tally[label] / total:>8.3f}")
        if args.list and label != "hit":
            print("    " + " ".join(found.get(label, [])))
    ceiling = tally["hit"] + tally["stated, not linked"]
    print(f"{'reachable from text':<22}{ceiling:>5}{ceiling / total:>8.3f}  of {total}")


if __name__ == "__main__":
    main()
