"""Engines that run ``extract_batch`` over a stream of batches: in this process, in a local
process pool (``--workers N``), or on a Dask cluster (``--engine dask``). All keep a bounded
number of batches in flight (memory stays flat) and yield results in input order; a new batch
is sent as soon as any batch finishes, not when the oldest does, so one slow batch (a long PDF
release) does not leave the other workers idle.

Pool workers die with their parent (Linux: the kernel sends them SIGKILL when it ends, even
by SIGKILL) and ignore Ctrl-C, which the parent handles: it stops cleanly and the batches
it committed stay committed."""

from __future__ import annotations

import ctypes
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

from pressx.runners.extract import BatchResult, ExtractSettings, extract_batch
from pressx.tables.records import Source

Batches = Iterable[list[Source]]


# Dask settings of the local cluster's workers. A worker samples the stack of its task
# thread every 10 ms by default: on spaCy's deep call stacks that cost some 10% more CPU
# (200 releases, loaded machine: 54-70 CPU seconds with it, 45-54 without). Its nanny
# makes glibc give freed memory back at once (MALLOC_TRIM_THRESHOLD_), which turns every
# large array of a batch into fresh pages: 2.3 times the page faults and 6% more CPU, for
# a worker whose memory is flat anyway.
LOCAL_CLUSTER = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class EngineError(Exception):
    """The engine cannot start: no scheduler at the address given, for instance."""


def _ordered(
    submit: Callable, wait_any: Callable, batches: Batches, *, running: int, held: int
) -> Iterator:
    """Submit batches keeping ``running`` unfinished ones in flight; yield their results in
    order. Finished batches wait in memory for the earlier ones: at most ``running + held``
    batches are sent and not yet yielded, past that none is sent until the earliest
    finishes. ``wait_any`` blocks until one of the futures it is given is done."""
    pending: deque = deque()
    batches = iter(batches)
    more = True
    while True:
        unfinished = [f for f in pending if not f.done()]
        while more and len(unfinished) < running and len(pending) < running + held:
            batch = next(batches, None)
            if batch is None:
                more = False
            else:
                pending.append(submit(batch))
                unfinished.append(pending[-1])
        if not pending:
            return
        if pending[0].done():
            yield pending.popleft().result()
        else:
            wait_any(unfinished)


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
        yield from _ordered(
            submit,
            lambda futures: wait(futures, return_when=FIRST_COMPLETED),
            batches,
            running=2 * workers,
            held=2 * workers,
        )
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
    """On a dask.distributed cluster at ``scheduler``, or a local cluster of ``workers``
    (set up with ``LOCAL_CLUSTER``; the workers of a cluster given by ``scheduler`` keep
    their own configuration, where the same settings do the same)."""
    import dask
    from distributed import Client, LocalCluster
    from distributed import wait as dask_wait

    cluster = None
    if scheduler is None:
        with dask.config.set(LOCAL_CLUSTER):
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

        yield from _ordered(
            submit,
            lambda futures: dask_wait(futures, return_when="FIRST_COMPLETED"),
            batches,
            running=2 * n_workers,
            held=2 * n_workers,
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
