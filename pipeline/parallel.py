"""Where parsing runs: in this process, in a pool of N processes, or on a Dask cluster.

Every runner yields the ``Parsed`` results *in input order*, whatever order the workers
finish in (a small reorder buffer), so that the single writer gives the same database —
the same ids — as a one-process run. Results stream to the writer as they complete.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.parse_worker import Parsed, ParseTask, parse_file

ParseFunction = Callable[[ParseTask], Parsed]


def parse_all(
    tasks: list[ParseTask], *, workers: int = 1, dask: str | None = None, function: ParseFunction = parse_file
) -> Iterator[Parsed]:
    """``function`` over ``tasks``, results in task order: on Dask when ``dask`` is a scheduler
    address (or "local" for a cluster of ``workers`` processes on this machine), else in
    ``workers`` processes."""
    if dask:
        yield from _on_dask(tasks, dask, workers, function)
    elif workers > 1 and len(tasks) > 1:
        # fork: the workers start with the modules already imported; chunks of a few inputs
        # keep the pipes busy without holding back the order much
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(function, tasks, chunksize=2)
    else:
        yield from map(function, tasks)


def _worker_failure(task: ParseTask, error: BaseException) -> Parsed:
    message = f"{Path(task.path).name}: the worker parsing it failed: {type(error).__name__}: {error}"
    return Parsed(task.index, task.source, task.path, stage="worker", error=message)


def _on_dask(tasks: list[ParseTask], address: str, workers: int, function: ParseFunction) -> Iterator[Parsed]:
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    if address == "local":
        # forked workers start with the parsers imported (spawned ones import them again: ~5 s)
        with dask.config.set({"distributed.worker.multiprocessing-method": "fork"}):
            cluster = LocalCluster(
                n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None
            )
    client = Client(cluster if cluster is not None else address)
    try:
        window = IN_FLIGHT * max(1, sum(client.nthreads().values()))
        yield from _windowed(client, tasks, function, window)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# Inputs submitted per worker thread ahead of the writer: enough to keep every worker busy,
# few enough that parsed documents do not pile up in memory when one input takes long.
IN_FLIGHT = 4


def _windowed(client, tasks: list[ParseTask], function: ParseFunction, window: int) -> Iterator[Parsed]:
    """``function`` over ``tasks`` on Dask, at most ``window`` inputs between the next one the
    writer needs and the last one submitted; results in task order as soon as possible."""
    from distributed import as_completed

    running = as_completed()
    position: dict[str, int] = {}
    waiting: dict[int, Parsed] = {}
    submitted = following = 0
    while following < len(tasks):
        while submitted < len(tasks) and submitted - following < window:
            future = client.submit(function, tasks[submitted], pure=False)
            position[future.key] = submitted
            running.add(future)
            submitted += 1
        future = next(running)
        k = position.pop(future.key)
        try:
            parsed = future.result()
        except Exception as error:  # a worker died or the function raised: one failures row
            parsed = _worker_failure(tasks[k], error)
        future.release()
        waiting[k] = parsed
        while following in waiting:
            yield waiting.pop(following)
            following += 1
