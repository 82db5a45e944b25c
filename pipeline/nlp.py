"""Assemble the pressx pipeline from config: the base spaCy model plus pressx components."""

from __future__ import annotations

from pathlib import Path

import spacy
from confection import Config
from spacy.language import Language

from pressx import components, extensions  # noqa: F401  (components registers the factories)

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")


def load_config(path: str | Path | None = None) -> Config:
    """The pipeline config: ``default.cfg``, or a user's copy of it."""
    return Config().from_disk(path or DEFAULT_CONFIG)


def build_nlp(*, model: str | None = None, config_path: str | Path | None = None) -> Language:
    """Load the base model (``model`` overrides the config's) and add the pressx components:
    ``before_model`` ahead of all the model's components, ``before_parser`` ahead of its parser
    (or sentence recogniser), the others last."""
    extensions.register()
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
