"""Saving a component with the rule files it was built from."""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from pressx.text.resources import rules_path

#: What the base model's parser and tagger give that pressx components read (the tagger's
#: ``token.tag`` stands for ``token.pos`` too, which the attribute ruler maps from it and no
#: component declares).
PARSE = ["doc.sents", "token.dep", "token.head", "token.lemma", "token.tag"]
#: What the base model's entity recogniser gives.
ENTITIES = ["doc.ents", "token.ent_iob", "token.ent_type"]


class RuleFiles:
    """Base of the pressx components built from rule files under ``models/``.

    A component names its rule files in ``rule_files`` (setting -> file) and reads them in
    ``load_rules()``. ``to_disk`` saves a copy of each file with the pipeline and ``from_disk``
    rebuilds the component from the copies, so a pipeline saved with ``nlp.to_disk()`` loads
    with ``spacy.load()`` using the rules it was saved with, whatever the installed package
    holds.
    """

    rule_files: dict[str, str]

    def load_rules(self) -> None:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name in self.rule_files.values():
            shutil.copyfile(rules_path(name), path / Path(name).name)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleFiles:
        path = Path(path)
        self.rule_files = {
            setting: str((path / Path(name).name).resolve())
            for setting, name in self.rule_files.items()
        }
        self.load_rules()
        return self
