"""The pipeline fingerprint: what made a document's rows besides its text.

It holds the pressx version, the spaCy model's name and version, the pipeline config (its
contents, comments aside) and a hash of the rule data under ``models/``. Every batch records
the fingerprint it was made with; a run re-extracts the stored documents made with another.
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from pathlib import Path

import spacy
from confection import Config

from pressx import __version__
from pressx.config import load_config

RULE_SUFFIXES = (".json", ".txt")
MAX_KEYS_SHOWN = 3


def pipeline_fingerprint(*, model: str | None, config: str | Path | None) -> str:
    """The fingerprint of the pipeline ``model`` and ``config`` build, as canonical JSON."""
    settings = load_config(config)
    name = model or settings["nlp"]["model"]
    parts = {
        "pressx": __version__,
        "model": name,
        "model_version": model_version(name),
        "config": settings.to_str(),
        "rules": rules_hash(),
    }
    return json.dumps(parts, sort_keys=True)


def model_version(name: str) -> str:
    """The version of an installed spaCy model package, or of a model folder."""
    meta = Path(name) / "meta.json"
    if meta.is_file():
        return str(spacy.util.load_meta(meta).get("version", "unknown"))
    return spacy.util.get_package_version(name) or "unknown"


def rules_hash() -> str:
    """SHA-256 of every rule file under ``models/`` (names and contents)."""
    digest = hashlib.sha256()
    folder = Path(str(files("pressx.models")))
    for path in sorted(p for p in folder.iterdir() if p.suffix in RULE_SUFFIXES):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def differences(old: str, new: str) -> list[str]:
    """What differs between two fingerprints, in words: ``["config: nlp.components"]``."""
    before, after = json.loads(old), json.loads(new)
    said = []
    if before["pressx"] != after["pressx"]:
        said.append(f"pressx {before['pressx']} -> {after['pressx']}")
    model_before = f"{before['model']} {before['model_version']}"
    model_after = f"{after['model']} {after['model_version']}"
    if model_before != model_after:
        said.append(f"model {model_before} -> {model_after}")
    if before["config"] != after["config"]:
        keys = _changed_keys(before["config"], after["config"])
        more = f" and {len(keys) - MAX_KEYS_SHOWN} more" if len(keys) > MAX_KEYS_SHOWN else ""
        said.append(f"config: {', '.join(keys[:MAX_KEYS_SHOWN])}{more}")
    if before["rules"] != after["rules"]:
        said.append("rule data under models/")
    return said


def _changed_keys(old: str, new: str) -> list[str]:
    """Dotted config keys whose values differ (added and removed ones included)."""
    before = dict(_flat(Config().from_str(old, interpolate=False)))
    after = dict(_flat(Config().from_str(new, interpolate=False)))
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def _flat(section: dict, prefix: str = ""):
    for key, value in section.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value
