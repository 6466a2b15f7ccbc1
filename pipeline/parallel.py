"""Where parsing runs: in this process, in a pool of N processes, or on a Dask cluster.

Every runner yields the ``Parsed`` results *in input order*, whatever order the workers
finish in (a small reorder buffer), so that the single writer gives the same database —
the same ids — as a one-process run. Results stream to the writer as they complete.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
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


def _in_order(results: Iterable[tuple[int, Parsed]]) -> Iterator[Parsed]:
    """Results numbered by position, arriving in any order -> in position order, as soon as possible."""
    waiting: dict[int, Parsed] = {}
    following = 0
    for position, parsed in results:
        waiting[position] = parsed
        while following in waiting:
            yield waiting.pop(following)
            following += 1


def _on_dask(tasks: list[ParseTask], address: str, workers: int, function: ParseFunction) -> Iterator[Parsed]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster if cluster is not None else address)
    try:
        futures = client.map(function, tasks, pure=False)
        position = {future.key: k for k, future in enumerate(futures)}

        def completed() -> Iterator[tuple[int, Parsed]]:
            for future in as_completed(futures):
                k = position[future.key]
                try:
                    parsed = future.result()
                except Exception as error:  # a worker died or the function raised: one failures row
                    parsed = _worker_failure(tasks[k], error)
                future.release()
                yield k, parsed

        yield from _in_order(completed())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
