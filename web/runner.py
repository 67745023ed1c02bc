"""Run ``/sparql`` queries under a time limit, so a runaway query cannot tie up the server.

pyoxigraph has no query timeout and a Python thread cannot be stopped, so on
a store folder each query runs in a worker process of a small pool; each
worker opens the store read-only (RocksDB allows several read-only openers
beside one another). When a query passes the time limit its worker is
killed and replaced on the next query, and the request gets ``QueryTimeout``.

A store that is not a folder (in memory, as in tests, or a remote server)
cannot be opened from another process, so ``ThreadRunner`` runs its queries
in threads: the request still gets ``QueryTimeout`` at the limit, but the
thread runs on until the query ends and holds one of the pool's threads.
"""

from __future__ import annotations

import multiprocessing
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import QueryError, QueryTimeout, SpeakergraphError, StoreError
from graph.store import Store, open_store
from web import formats

START_TIMEOUT = 60.0  # seconds a new worker may take to import and open the store


@dataclass
class Job:
    """A query and the formats wanted for each kind of answer."""

    query: str
    results_format: str = "json"
    graph_format: str = "turtle"
    max_rows: int = 10_000


@dataclass
class Answer:
    """A serialized answer: ``kind`` is ``select``, ``ask`` or ``graph``."""

    kind: str
    format: str
    data: bytes
    truncated: bool = False


def execute(store: Store, job: Job) -> Answer:
    """Run ``job`` on ``store`` and serialize the answer (in a worker, or in a thread)."""
    result = store.query(job.query)
    if isinstance(result, ox.QuerySolutions):
        data, cut = formats.solutions_bytes(result, job.results_format, job.max_rows)
        return Answer("select", job.results_format, data, cut)
    if isinstance(result, ox.QueryBoolean):
        return Answer("ask", job.results_format, formats.boolean_bytes(result, job.results_format))
    triples = []
    for triple in result:
        if len(triples) >= job.max_rows:
            return Answer("graph", job.graph_format, formats.graph_bytes(triples, job.graph_format), True)
        triples.append(triple)
    return Answer("graph", job.graph_format, formats.graph_bytes(triples, job.graph_format))


def _timeout_message(seconds: float) -> str:
    return (f"the query ran past the time limit of {seconds:g} s and was stopped — "
            "add a LIMIT or narrow its patterns (the limit is set by 'speakergraph serve --timeout')")


class ThreadRunner:
    """Queries in a pool of threads over a store object (the fallback: a late query is abandoned, not stopped)."""

    def __init__(self, store: Store, workers: int, timeout: float):
        self.store, self.timeout = store, timeout
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")

    def run(self, job: Job) -> Answer:
        """The answer to ``job``, or ``QueryTimeout``."""
        future = self._pool.submit(execute, self.store, job)
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            future.cancel()
            raise QueryTimeout(_timeout_message(self.timeout)) from None

    def close(self) -> None:
        """Stop taking queries."""
        self._pool.shutdown(wait=False, cancel_futures=True)


class _Worker:
    """One worker process and our end of its pipe."""

    def __init__(self, location: str):
        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=serve_forever, args=(theirs, location), daemon=True,
                                       name="speakergraph-sparql")
        self.process.start()
        theirs.close()
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise StoreError(f"a query worker did not start within {START_TIMEOUT:g} s")
        status, message = self.conn.recv()
        if status != "ready":
            self.kill()
            raise StoreError(message)

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class ProcessRunner:
    """Queries in a pool of worker processes over a store folder; a late query's worker is killed."""

    def __init__(self, location: str, workers: int, timeout: float):
        self.location, self.timeout = location, timeout
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()

    def run(self, job: Job) -> Answer:
        """The answer to ``job``, or ``QueryTimeout`` (the worker is then killed)."""
        if not self._slots.acquire(timeout=self.timeout):
            raise QueryTimeout(f"every query worker stayed busy for {self.timeout:g} s — try again in a moment")
        worker = None
        try:
            worker = self._take()
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                worker.kill()
                worker = None
                raise QueryTimeout(_timeout_message(self.timeout))
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:
            if worker is not None:
                worker.kill()
                worker = None
            raise StoreError(f"the query worker failed ({exc}) — try again") from None
        finally:
            if worker is not None:
                with self._lock:
                    self._idle.append(worker)
            self._slots.release()
        if status == "error":
            raise QueryError(payload)
        return payload

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                worker.kill()
        return _Worker(self.location)

    def close(self) -> None:
        """Stop every idle worker (busy ones are daemons and end with the server)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


def serve_forever(conn, location: str) -> None:
    """A worker's loop: open the store read-only, then answer jobs until the pipe closes."""
    try:
        store = open_store(location, read_only=True)
    except SpeakergraphError as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", execute(store, job)))
        except SpeakergraphError as exc:
            conn.send(("error", str(exc)))
        except ValueError as exc:  # pyoxigraph's complaints about a term or a format
            conn.send(("error", f"the query could not be answered: {exc}"))
