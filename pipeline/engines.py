"""Engines that run ``extract_batch`` over a stream of batches: in this process, in a local
process pool (``--workers N``), or on a Dask cluster (``--engine dask``). All keep a bounded
number of batches in flight (memory stays flat) and yield results in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from pipeline.extract import BatchResult, ExtractSettings, extract_batch
from pipeline.inputs import Source

Batches = Iterable[list[Source]]


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
    with ProcessPoolExecutor(max_workers=workers) as pool:

        def submit(batch):
            return pool.submit(extract_batch, batch, settings)

        yield from _ordered(submit, lambda f: f.result(), batches, depth=2 * workers)


def run_dask(
    batches: Batches, settings: ExtractSettings, *, scheduler: str | None, workers: int
) -> Iterator[BatchResult]:
    """On a dask.distributed cluster at ``scheduler``, or a local cluster of ``workers``."""
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        n_workers = max(1, len(client.scheduler_info()["workers"]))

        def submit(batch):
            return client.submit(extract_batch, batch, settings, pure=False)

        yield from _ordered(submit, lambda f: f.result(), batches, depth=2 * n_workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
