"""bench/bench.py: each measurement is printed and saved as soon as it finishes."""

from __future__ import annotations

import argparse
import importlib.util
import json

import pytest

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("bench", ROOT / "bench" / "bench.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

# what the phases of a 1,000-release round measured (bench/results/latest.json, issue 17)
MEASURED = {
    "bare": {"seconds": 180.0, "words": 540_000, "peak_mb": 560.0, "n": 1000},
    "local-1": {
        "seconds": 200.0,
        "peak_mb": 640.0,
        "n": 1000,
        "cpu_seconds": {"main": 199.0, "workers": 0.0},
    },
    "local-2": {
        "seconds": 104.0,
        "peak_mb": 650.0,
        "n": 1000,
        "cpu_seconds": {"main": 1.5, "workers": 204.0},
    },
}


@pytest.fixture
def measured(tmp_path, monkeypatch):
    def run_phase(name, n, args, **extra):
        return MEASURED["bare" if name == "bare" else f"local-{extra['workers']}"]

    monkeypatch.setattr(bench, "run_phase", run_phase)
    args = argparse.Namespace(n=1000, workers=2)
    return bench.Measured(args, tmp_path / "results" / "latest.json")


def test_each_measurement_is_saved_and_printed_as_it_finishes(measured, capsys):
    measured.data["rounds"].append({})
    measured.measure("bare", "round 1 bare nlp.pipe", "bare", 1000, in_round=True)
    saved = json.loads(measured.path.read_text())
    assert saved["rounds"] == [{"bare": MEASURED["bare"]}] and saved["finished"] is False
    measured.measure("local-1", "round 1 pressx 1 worker", "pressx", 1000, in_round=True, workers=1)
    measured.measure(
        "local-2", "round 1 pressx 2 workers", "pressx", 1000, in_round=True, workers=2
    )
    saved = json.loads(measured.path.read_text())
    assert list(saved["rounds"][0]) == ["bare", "local-1", "local-2"]
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("round 1 bare nlp.pipe: 1000 releases 180.0 s, peak 560 MB (load")
    assert lines[2].startswith(
        "round 1 pressx 2 workers, 1.92 x 1 worker: 1000 releases 104.0 s, peak 650 MB, "
        "CPU s main 1.5 workers 204.0"
    )
