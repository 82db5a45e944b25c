"""Assemble the pressx pipeline from config: the base spaCy model plus pressx components."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from pressx import components  # noqa: F401  (importing it registers the factories)
from pressx.config import load_config


def build_nlp(*, model: str | None = None, config_path: str | Path | None = None) -> Language:
    """Load the base model (``model`` overrides the config's) and add the pressx components:
    ``before_model`` ahead of all the model's components, ``before_parser`` ahead of its parser
    (or sentence recogniser), the others last."""
    config = load_config(config_path)
    nlp = spacy.load(model or config["nlp"]["model"])
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    for name in config["nlp"].get("before_model", []):
        nlp.add_pipe(name, config=dict(config["components"].get(name, {})), before=first)
    parser = next((name for name in ("parser", "senter") if name in nlp.pipe_names), None)
    for name in config["nlp"]["before_parser"]:
        nlp.add_pipe(name, config=dict(config["components"].get(name, {})), before=parser)
    for name in config["nlp"]["components"]:
        nlp.add_pipe(name, config=dict(config["components"].get(name, {})))
    return nlp
