"""pressx as an installed package: the wheel carries its rule data, and rule files state the
version of their format."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib.resources import files

import pandas as pd
import pytest

from pressx.text.resources import RULES_VERSION, RuleFileError, load_json, load_lines
from tests.conftest import CORPUS, ROOT

RULE_FILES = sorted(
    p.name for p in files("pressx.models").iterdir() if p.suffix in {".json", ".txt"}
)


@pytest.mark.parametrize("name", RULE_FILES)
def test_every_shipped_rule_file_is_of_this_version(name):
    data = load_json(name) if name.endswith(".json") else load_lines(name)
    assert data
    assert "version" not in data


def test_a_rule_file_of_another_version_is_refused(tmp_path):
    copy = tmp_path / "dates.json"
    spec = json.loads(files("pressx.models").joinpath("dates.json").read_text())
    copy.write_text(json.dumps({**spec, "version": RULES_VERSION + 1}))
    with pytest.raises(RuleFileError, match=r"dates\.json is of format version 2"):
        load_json(str(copy))
    words = tmp_path / "people_nouns.txt"
    words.write_text("officer\nvictim\n")
    with pytest.raises(RuleFileError, match="format version None"):
        load_lines(str(words))


def test_installed_wheel_runs_with_its_rules(tmp_path):
    """A wheel installed outside the source tree (no editable checkout, no models/ beside it)
    extracts the same tables from the seeds as the checkout does."""
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", tmp_path / "dist", ROOT],
        check=True,
    )
    (wheel,) = (tmp_path / "dist").glob("pressx-*.whl")
    site = tmp_path / "site"
    subprocess.run([*pip, "install", "--no-deps", "--target", site, wheel], check=True)
    assert (site / "pressx" / "models" / "events.json").is_file()
    seeds = CORPUS / "seeds"
    env = {**os.environ, "PYTHONPATH": str(site)}
    for out, cwd in ((tmp_path / "wheel", tmp_path), (tmp_path / "checkout", ROOT)):
        code = "import pressx, sys; print(pressx.__file__); from pressx.cli import main; main()"
        ran = subprocess.run(
            [sys.executable, "-c", code, "run", seeds, "--out", out, "--quiet"],
            cwd=cwd,
            env=env if cwd == tmp_path else {**os.environ, "PYTHONPATH": ""},
            capture_output=True,
            text=True,
            check=True,
        )
        origin = ran.stdout.splitlines()[0]
        assert origin.startswith(str(site)) == (cwd == tmp_path), origin
    for table in ("organisations", "people", "participants", "events", "quotes"):
        wheel_rows = pd.read_parquet(tmp_path / "wheel" / table)
        checkout_rows = pd.read_parquet(tmp_path / "checkout" / table)
        key = ["doc_id", "char_start"]
        assert len(wheel_rows) > 0, table
        pd.testing.assert_frame_equal(
            wheel_rows.sort_values(key).reset_index(drop=True),
            checkout_rows.sort_values(key).reset_index(drop=True),
        )
