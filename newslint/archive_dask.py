"""Indexing an archive on a Dask cluster (``newslint archive index --dask``).

What runs where: the client (the machine running ``newslint``) cuts the sources into
partitions (byte ranges of JSON Lines files, row groups of Parquet files, groups of a
folder's drafts), sends the compiled rulebook, the settings and the hashes already indexed
to every worker once, and writes to the SQLite database. Each worker reads its partitions
itself (so the sources must be at the same paths on the workers: a shared file system or a
copy), checks the articles that are new or changed, and sends back their findings and facts;
the client writes them in batches as they arrive, in the order of the partitions, so the
database ends up as a run in one process would leave it.

``--dask local:N`` starts a LocalCluster of N worker processes on this machine;
``--dask tcp://HOST:8786`` uses the scheduler of an existing cluster. ``-j N`` does the same
with N forked local processes and no Dask.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from newslint.archive import (
    ArchiveError,
    ArticleEvent,
    BadRow,
    IndexReport,
    Keys,
    RecheckReport,
    begin_index,
    check_new,
    partitions,
    read_partition,
    write_events,
)
from newslint.config import Settings
from newslint.rulebook.schema import Rulebook


def connect(address: str) -> tuple[Any, Any]:
    """A Dask client for ``local:N`` (a new LocalCluster) or a scheduler's address."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ArchiveError("--dask needs the archive extra: pip install 'newslint[archive]'") from None
    if address.startswith("local:"):
        try:
            workers = int(address.partition(":")[2])
        except ValueError:
            raise ArchiveError(f"--dask local:N needs a number of workers, not '{address}'") from None
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None,
            silence_logs=40,
        )  # fmt: skip
        return Client(cluster), cluster
    try:
        return Client(address, timeout=10), None
    except OSError as error:
        raise ArchiveError(f"cannot reach the Dask scheduler at {address}: {error}") from None


def index_partition(
    partition: Any, keys: Keys, known: dict[str, str], rulebook: Rulebook, rulebook_key: str, settings: Settings
) -> list[BadRow | ArticleEvent]:
    """On a worker: read one partition and check what is new or changed (see ``check_new``)."""
    return list(check_new(read_partition(partition, keys), known, rulebook, rulebook_key, settings))


def _flattened(results: Iterable[list[BadRow | ArticleEvent]]) -> Iterator[BadRow | ArticleEvent]:
    return (event for events in results for event in events)


def index_on_dask(
    connection: sqlite3.Connection,
    sources: list[str],
    keys: Keys,
    rulebook: Rulebook,
    rulebook_key: str,
    settings: Settings,
    address: str,
    batch: int,
    rule_folders: list[str],
    partition_bytes: int,
) -> IndexReport:
    known = begin_index(connection, rulebook_key, rule_folders)
    parts = partitions(sources, partition_bytes)
    client, cluster = connect(address)
    try:
        # sent to every worker once (a list of one is scattered as its one element: a dict alone
        # would be scattered value by value)
        shared = [client.scatter([value], broadcast=True)[0] for value in (known, rulebook, settings)]
        futures = [client.submit(index_partition, part, keys, shared[0], shared[1], rulebook_key, shared[2],
                                 pure=False) for part in parts]  # fmt: skip
        return write_events(connection, _flattened(future.result() for future in futures), rulebook_key, batch)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


_SHARED: tuple[Any, ...] = ()  # a pool worker's known hashes, rulebook and settings (inherited by fork)


def _index_in_pool(partition: Any, keys: Keys, rulebook_key: str) -> list[BadRow | ArticleEvent]:
    known, rulebook, settings = _SHARED
    return index_partition(partition, keys, known, rulebook, rulebook_key, settings)


def index_with_processes(
    connection: sqlite3.Connection,
    sources: list[str],
    keys: Keys,
    rulebook: Rulebook,
    rulebook_key: str,
    settings: Settings,
    jobs: int,
    batch: int,
    rule_folders: list[str],
    partition_bytes: int,
) -> IndexReport:
    """``index -j N``: the partitions read and checked in N local processes (forked, so they
    share the loaded rulebook), written by this one as with a cluster."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    known = begin_index(connection, rulebook_key, rule_folders)
    parts = partitions(sources, partition_bytes)
    _SHARED = (known, rulebook, settings)
    try:
        context = multiprocessing.get_context("fork")
    except ValueError:
        raise ArchiveError("-j needs processes that can be forked (Linux); use --dask local:N") from None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        results = pool.map(_index_in_pool, parts, [keys] * len(parts), [rulebook_key] * len(parts))
        return write_events(connection, _flattened(results), rulebook_key, batch)


def recheck_on_dask(
    connection: sqlite3.Connection,
    rulebook: Rulebook,
    rulebook_key: str,
    settings: Settings,
    rule_folders: list[str],
    address: str,
    batch: int,
) -> RecheckReport:
    """``recheck`` with the articles to check again sent to the workers in batches (the
    database stays with the client, which reads the articles from it and writes the results)."""
    from newslint.archive import check_articles, recheck

    client, cluster = connect(address)
    try:
        shared = [client.scatter([value], broadcast=True)[0] for value in (rulebook, settings)]

        def check_many(articles: list[Any]) -> list[Any]:
            step = max(1, len(articles) // 8)  # a few tasks a batch, so every worker gets some
            parts = [articles[i : i + step] for i in range(0, len(articles), step)]
            futures = [client.submit(check_articles, part, shared[0], shared[1], pure=False) for part in parts]
            return [result for future in futures for result in future.result()]

        return recheck(connection, rulebook, rulebook_key, settings, rule_folders, batch, check_many)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
