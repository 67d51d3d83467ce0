"""Where a batch runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine maps one function over the items and yields its results in input order, reading the input at
most a bounded window ahead: an archive of any size is checked in constant memory, and the output of every
engine is the same bytes. Results are in input order so that an interrupted output file is always a prefix
of the complete one (which is what makes `mtcheck batch --resume` exact).
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing import get_all_start_methods, get_context
from typing import Any, TypeVar

from mtcheck.errors import InputError

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")
# Tasks in flight per worker: enough to keep every worker busy past one slow article, few enough that the
# read-ahead (items waiting, results waiting for an earlier one) stays a handful of articles.
WINDOW_PER_WORKER = 8


def default_jobs() -> int:
    """The cores this process may use (its CPU affinity where the OS tells, else all)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def local_map(fn: Callable[[T], R], items: Iterable[T], jobs: int, initializer: Callable[..., Any],
              initargs: tuple = (), window: int | None = None) -> Iterator[R]:
    """fn over items in input order: in this process when jobs <= 1, else on `jobs` processes with at most
    `window` items submitted and not yet yielded."""
    if jobs <= 1:
        initializer(*initargs)
        yield from map(fn, items)
        return
    # fork keeps start-up cheap where it exists (the workers inherit the tables the parent has loaded).
    ctx = get_context("fork") if "fork" in get_all_start_methods() else get_context()
    window = window or jobs * WINDOW_PER_WORKER
    pool = ctx.Pool(jobs, initializer, initargs)
    try:
        pending: deque = deque()
        it = iter(items)
        for item in itertools.islice(it, window):
            pending.append(pool.apply_async(fn, (item,)))
        while pending:
            result = pending.popleft().get()
            for item in itertools.islice(it, 1):
                pending.append(pool.apply_async(fn, (item,)))
            yield result
    except BaseException:  # Ctrl-C, SIGTERM, a broken pipe, the consumer stopping early
        kill_pool(pool)
        raise
    pool.close()  # every result is in: workers take the sentinels and exit
    pool.join()


def kill_pool(pool: Any) -> None:
    """Stop the workers at once: on Ctrl-C, SIGTERM, or when the consumer stops early. The pool's own
    terminate() signals workers and puts sentinels on queues whose locks an idle worker holds; one that died
    holding a lock makes that wait forever. So: no respawning, SIGKILL, and that shutdown (also run at exit)
    cancelled. Only used when the process is about to exit or the pool is abandoned."""
    handler = getattr(pool, "_worker_handler", None)
    if handler is not None:
        handler._state = "TERMINATE"  # multiprocessing.pool.TERMINATE: stop replacing dead workers
        handler.join(timeout=2)
    for worker in getattr(pool, "_pool", ()):
        worker.kill()
    finalizer = getattr(pool, "_terminate", None)
    if finalizer is not None and hasattr(finalizer, "cancel"):
        finalizer.cancel()


def partitions(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def dask_map(fn: Callable[[list[T]], list[R]], items: Iterable[T], client: Any, partition_size: int = 64,
             window: int | None = None, retries: int = 2) -> Iterator[R]:
    """fn over partitions of `items` on a dask.distributed cluster; the results come back flattened, in input
    order. At most `window` partitions are in flight. A lost worker costs nothing but time: the scheduler
    reruns its unfinished partitions elsewhere, and a partition's result is yielded exactly once, when its
    future resolves, so no row is lost or doubled."""
    window = window or max(2, 2 * sum(client.nthreads().values()))
    run = uuid.uuid4().hex[:12]  # keys unique per run: a client never hands back an older run's result
    pending: deque = deque()
    parts = enumerate(partitions(items, partition_size))

    def submit(i: int, part: list[T]) -> None:
        pending.append(client.submit(fn, part, key=f"mtcheck-{run}-{i}", retries=retries, pure=False))

    for i, part in itertools.islice(parts, window):
        submit(i, part)
    while pending:
        future = pending.popleft()
        results = future.result()
        future.release()
        for i, part in itertools.islice(parts, 1):
            submit(i, part)
        yield from results


@contextmanager
def dask_client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the scheduler at `scheduler` (tcp://HOST:8786), or of a LocalCluster of `workers`
    single-threaded processes when none is given (closed afterwards). ImportError without dask[distributed]."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=30)
        except OSError as e:  # refused, unknown host, timed out
            raise InputError(f"--scheduler {scheduler}: cannot connect: {e}") from None
        with client:
            yield client
        return
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        yield client
