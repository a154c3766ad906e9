"""Batch extraction on a Dask cluster (``skel extract --jsonl ... --dask local|tcp://HOST:PORT``).

Dask distributed is the engine; skeldsl only says what to compute.  Records travel in batches of
``BATCH`` lines, each batch a ``dask.bag`` whose partitions are processed on the workers and gathered in
order, so memory stays bounded by one batch and the output bytes equal the single-process run.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from skeldsl.batch import BatchOptions, _process_chunk, process_line

BATCH = 4096
PARTITION = 256


def extract_bag(bag, options: BatchOptions = BatchOptions()):
    """A ``dask.bag`` of JSON lines (str or bytes) -> a bag of output records (dicts), one per input line.

    Record numbers used in error messages are positions within each partition's input."""
    def partition(lines):
        return [process_line(raw, number, options) for number, raw in enumerate(lines, start=1)]

    return bag.map_partitions(partition)


def _client(address: str):
    from dask.distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None)
        return Client(cluster), cluster
    return Client(address), None


def process_with_dask(lines: Iterable[tuple[int, bytes]], options: BatchOptions,
                      address: str) -> Iterator[tuple[str, str | None]]:
    import dask.bag as db

    client, cluster = _client(address)
    try:
        batch: list[tuple[int, bytes]] = []
        for item in lines:
            batch.append(item)
            if len(batch) >= BATCH:
                yield from _run_batch(db, client, batch, options)
                batch = []
        if batch:
            yield from _run_batch(db, client, batch, options)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_batch(db, client, batch, options):
    partitions = [batch[start:start + PARTITION] for start in range(0, len(batch), PARTITION)]
    bag = db.from_sequence(partitions, npartitions=len(partitions)).map(_process_chunk, options)
    for chunk in client.compute(bag).result():
        yield from chunk
