"""Engines that run ``extract_batch`` over a stream of batches: in this process, in a local
process pool (``--workers N``), or on a Dask cluster (``--engine dask``). All keep a bounded
number of batches in flight (memory stays flat) and yield results in input order.

Pool workers die with their parent (Linux: the kernel sends them SIGKILL when it ends, even
by SIGKILL) and ignore Ctrl-C, which the parent handles: it stops cleanly and the batches
it committed stay committed."""

from __future__ import annotations

import ctypes
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from pressx.runners.extract import BatchResult, ExtractSettings, extract_batch
from pressx.tables.records import Source

Batches = Iterable[list[Source]]


class EngineError(Exception):
    """The engine cannot start: no scheduler at the address given, for instance."""


def _ordered(submit: Callable, result: Callable, batches: Batches, depth: int) -> Iterator:
    """Submit batches keeping at most ``depth`` in flight; yield results in order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= depth:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def run_local(
    batches: Batches, settings: ExtractSettings, *, workers: int
) -> Iterator[BatchResult]:
    """In this process (``workers`` 1) or in a pool of worker processes."""
    if workers <= 1:
        yield from (extract_batch(batch, settings) for batch in batches)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_bind_to_parent)

    def submit(batch):
        return pool.submit(extract_batch, batch, settings)

    try:
        yield from _ordered(submit, lambda f: f.result(), batches, depth=2 * workers)
    except BaseException:
        # interrupted (Ctrl-C, SIGTERM, a failed write): drop the batches in flight, whose
        # documents the next run redoes, rather than wait for them
        processes = list((pool._processes or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.kill()
        raise
    pool.shutdown()


def _bind_to_parent() -> None:
    """In a pool worker: die when the parent dies; leave SIGINT (Ctrl-C) to the parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform == "linux":
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def run_dask(
    batches: Batches, settings: ExtractSettings, *, scheduler: str | None, workers: int
) -> Iterator[BatchResult]:
    """On a dask.distributed cluster at ``scheduler``, or a local cluster of ``workers``."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    try:
        client = Client(scheduler or cluster, timeout="20s")
    except OSError as exc:
        if cluster is not None:
            cluster.close()
        raise EngineError(f"cannot reach the dask scheduler at {scheduler}: {exc}") from exc
    try:
        n_workers = max(1, len(client.scheduler_info()["workers"]))

        def submit(batch):
            return client.submit(extract_batch, batch, settings, pure=False)

        yield from _ordered(submit, lambda f: f.result(), batches, depth=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
