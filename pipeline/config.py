"""The pipeline config: ``default.cfg`` holds the base model, the components in order and
every component setting with its default; ``pressx run --config FILE`` takes a copy of it.

It is the one source of the components' defaults: each factory's ``default_config`` is its
section here, so ``nlp.add_pipe("pressx_dates")`` on any English pipeline gets the same
settings as ``pressx run``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from confection import Config

DEFAULT_CONFIG = Path(__file__).with_name("default.cfg")


def load_config(path: str | Path | None = None) -> Config:
    """The pipeline config: ``default.cfg``, or a user's copy of it."""
    return Config().from_disk(path or DEFAULT_CONFIG)


@cache
def _default_components() -> Config:
    return load_config()["components"]


def component_defaults(name: str) -> dict:
    """The default settings of one component (its section of ``default.cfg``)."""
    return dict(_default_components().get(name, {}))
