"""SPARQL queries run in worker processes, so a query can be given a real time limit.

pyoxigraph has no query timeout and a running query cannot be interrupted from another
thread; a query that overruns is stopped by terminating its worker process, which is then
replaced. Each worker loads the dump once into its own in-memory store (read-only: no
update is ever sent to it).
"""

from __future__ import annotations

import gzip
import multiprocessing
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

# Result formats by media type.
RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes


def load_store(dump: Path) -> ox.Store:
    """The dump (N-Triples, gzipped) in a fresh in-memory store."""
    store = ox.Store()
    store.bulk_load(gzip.decompress(Path(dump).read_bytes()), format=ox.RdfFormat.N_TRIPLES)
    return store


def evaluate(store: ox.Store, query: str, result_type: str, graph_type: str, max_rows: int) -> Answer:
    """Run one query; `result_type`/`graph_type` are the negotiated media types."""
    try:
        results = store.query(query)
    except SyntaxError as error:
        return Answer(400, "text/plain; charset=utf-8", f"SPARQL syntax error: {error}\n".encode())
    if isinstance(results, ox.QueryBoolean):
        body = results.serialize(format=RESULT_FORMATS[result_type])
        return Answer(200, f"{result_type}; charset=utf-8", body)
    if isinstance(results, ox.QueryTriples):
        triples = []
        for triple in results:
            triples.append(triple)
            if len(triples) > max_rows:
                return too_many(max_rows)
        body = ox.serialize(triples, format=GRAPH_FORMATS[graph_type])
        return Answer(200, f"{graph_type}; charset=utf-8", body)
    count = sum(1 for _ in zip(range(max_rows + 1), results))
    if count > max_rows:
        return too_many(max_rows)
    # Counted first, serialised second: a second evaluation of a small, bounded result.
    body = store.query(query).serialize(format=RESULT_FORMATS[result_type])
    return Answer(200, f"{result_type}; charset=utf-8", body)


def too_many(max_rows: int) -> Answer:
    message = f"The result has more than {max_rows} rows or triples: add LIMIT and OFFSET to page through it.\n"
    return Answer(422, "text/plain; charset=utf-8", message.encode())


def worker_main(connection, dump: str, max_rows: int) -> None:
    store = load_store(Path(dump))
    connection.send("ready")
    while True:
        request = connection.recv()
        if request is None:
            return
        query, result_type, graph_type = request
        try:
            connection.send(evaluate(store, query, result_type, graph_type, max_rows))
        except Exception as error:  # a query must never take the worker down silently
            connection.send(Answer(500, "text/plain; charset=utf-8", f"query failed: {error}\n".encode()))


class Worker:
    def __init__(self, dump: Path, max_rows: int):
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, str(dump), max_rows), daemon=True)
        self.process.start()
        if not self.connection.poll(120) or self.connection.recv() != "ready":
            self.stop()
            raise RuntimeError("the SPARQL worker did not start")

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)


class WorkerPool:
    """A fixed number of workers; a worker whose query overruns is replaced."""

    def __init__(self, dump: Path, size: int = 2, timeout: float = 10.0, max_rows: int = 10000):
        self.dump, self.timeout, self.max_rows = dump, timeout, max_rows
        self.idle: queue.Queue = queue.Queue()
        self.lock = threading.Lock()
        for _ in range(size):
            self.idle.put(Worker(dump, max_rows))

    def run(self, query: str, result_type: str, graph_type: str) -> Answer:
        worker = self.idle.get()
        try:
            worker.connection.send((query, result_type, graph_type))
            if worker.connection.poll(self.timeout):
                return worker.connection.recv()
            worker.stop()
            worker = Worker(self.dump, self.max_rows)
            message = f"The query ran longer than the {self.timeout:g} s time limit and was stopped.\n"
            return Answer(503, "text/plain; charset=utf-8", message.encode())
        finally:
            self.idle.put(worker)

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().stop()
