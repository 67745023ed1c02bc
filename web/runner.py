"""Run ``/sparql`` queries in worker processes under a time limit and a memory limit, behind a bounded queue.

pyoxigraph has no query timeout and a Python thread cannot be stopped, so
each query runs in a worker process of a small pool: on a store folder each
worker opens the store read-only (RocksDB allows several read-only openers
beside one another); on a SPARQL server each worker first parses the query
with Oxigraph (an update or a Virtuoso ``DEFINE`` is not a query and is
refused), then forwards it. A worker runs at a lower CPU priority than the
pages, with its address space capped (``RLIMIT_AS``): a query past the time
limit, or one that needs more memory than the cap, ends its worker, which is
replaced on the next query, and the request gets a clear answer.

Admission is bounded: ``workers`` queries run and ``queue`` more wait; a
request beyond that gets ``Busy`` at once (503 with ``Retry-After``), so
``/sparql`` never holds more of the web server's threads than that and pages
keep threads of their own.

Readers agree on one snapshot: a store folder read while it is written (an
ingest) is seen by each opener as it was at its open. When a new worker finds
the folder changed since the pages opened it, every reader moves on together:
the pages reopen the store, and workers of the older snapshot are retired.

An in-memory store (tests) cannot be opened from another process, so
``ThreadRunner`` runs its queries in threads: the request still gets
``QueryTimeout`` at the limit, but the thread runs on until the query ends.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass

import pyoxigraph as ox

from graph.errors import QueryError, QueryTimeout, SpeakergraphError, StoreError
from graph.store import Store, open_store
from web import formats
from web.snapshot import open_snapshot

START_TIMEOUT = 60.0  # seconds a new worker may take to import and open the store
NICE = 10  # workers yield the CPU to the threads that answer pages
RETRY_AFTER = 2  # seconds a client turned away is asked to wait


class Busy(QueryTimeout):
    """Every query worker is busy and the queue is full: try again in ``retry_after`` seconds."""

    retry_after = RETRY_AFTER


@dataclass
class Job:
    """A query and the formats wanted for each kind of answer."""

    query: str
    results_format: str = "json"
    graph_format: str = "turtle"
    max_rows: int = 10_000
    calls_service: bool = False


@dataclass
class Answer:
    """A serialized answer: ``kind`` is ``select``, ``ask`` or ``graph``."""

    kind: str
    format: str
    data: bytes
    truncated: bool = False


def check_query(text: str) -> None:
    """Raise ``QueryError`` unless Oxigraph's parser reads ``text`` as a SPARQL 1.1 query (run in a worker).

    The text is parsed against an empty store, so nothing is read; an update,
    a Virtuoso ``DEFINE`` pragma or anything else that is not a query fails to
    parse. (An ``ASK`` is also evaluated there: on no data, within the worker's
    limits.)

    >>> check_query("ASK { ?s ?p ?o }")
    >>> check_query("DEFINE sql:log-enable 2 INSERT { GRAPH <urn:x> { <urn:a> <urn:b> 1 } } WHERE {}")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: not a SPARQL 1.1 query (error at 1:10: expected CONSTRUCT) — this endpoint answers SELECT, ASK, CONSTRUCT and DESCRIBE; updates and server pragmas are refused
    """
    try:
        ox.Store().query(text)
    except SyntaxError as exc:
        message = str(exc).replace("\n", " ")
        raise QueryError(f"not a SPARQL 1.1 query ({message}) — this endpoint answers SELECT, ASK, CONSTRUCT "
                         "and DESCRIBE; updates and server pragmas are refused") from None


def execute(store: Store, job: Job, remote: bool = False) -> Answer:
    """Run ``job`` on ``store`` and serialize the answer (in a worker, or in a thread)."""
    if remote:
        check_query(job.query)
    try:
        return _answer(store.query(job.query), job)
    except (StoreError, OSError, RuntimeError) as exc:
        if not job.calls_service:
            raise
        # the service's reply can hold what it guards: logged, not sent to the client
        logging.getLogger("speakergraph.sparql").warning("a SERVICE call failed: %s", exc)
        raise QueryError("the query failed: a SERVICE it calls did not answer with SPARQL results "
                         "(the details are in the server's log)") from None


def _answer(result, job: Job) -> Answer:
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


def _busy() -> Busy:
    return Busy("every query worker is busy and the queue is full — try again in a moment "
                f"(Retry-After: {RETRY_AFTER} s)")


class ThreadRunner:
    """Queries in a pool of threads over a store object (the fallback: a late query is abandoned, not stopped)."""

    def __init__(self, store: Store, workers: int, timeout: float, queue: int = 16):
        self.store, self.timeout = store, timeout
        self._admit = threading.BoundedSemaphore(workers + queue)
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")

    def run(self, job: Job) -> Answer:
        """The answer to ``job``, ``QueryTimeout``, or ``Busy`` at once when the queue is full."""
        if not self._admit.acquire(blocking=False):
            raise _busy()
        future = self._pool.submit(self._execute, job)
        future.add_done_callback(lambda _: self._admit.release())
        try:
            return future.result(timeout=self.timeout)
        except FutureTimeout:
            future.cancel()
            raise QueryTimeout(_timeout_message(self.timeout)) from None

    def _execute(self, job: Job) -> Answer:
        try:
            return execute(self.store, job)
        except SpeakergraphError:
            raise
        except Exception as exc:  # pyoxigraph's complaints about a term, a format, a SERVICE
            raise QueryError(f"the query could not be answered: {exc}") from None

    def close(self) -> None:
        """Stop taking queries."""
        self._pool.shutdown(wait=False, cancel_futures=True)


@dataclass
class Limits:
    """What a worker may use: seconds per query, bytes of memory beyond what it holds once open (``None``: no cap)."""

    timeout: float = 10.0
    memory: int | None = None


class _Worker:
    """One worker process, our end of its pipe, and the snapshot it reads."""

    def __init__(self, location: str, remote: dict | None, memory: int | None):
        context = multiprocessing.get_context("spawn")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=serve_forever, args=(theirs, location, remote, memory), daemon=True,
                                       name="speakergraph-sparql")
        self.process.start()
        theirs.close()
        if not self.conn.poll(START_TIMEOUT):
            self.kill()
            raise StoreError(f"a query worker did not start within {START_TIMEOUT:g} s")
        status, payload = self.conn.recv()
        if status != "ready":
            self.kill()
            raise StoreError(payload)
        self.token = payload

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()

    def died(self, limits: Limits) -> Exception:
        """Why the worker ended in the middle of a query, as the error its request gets."""
        self.process.join(5)
        code = self.process.exitcode
        self.conn.close()
        if code is not None and code < 0:
            cap = f"{limits.memory / 2**20:,.0f} MiB" if limits.memory else "the machine's memory"
            return QueryTimeout(f"the query was stopped: it needed more memory than a query may use ({cap}) or "
                                f"crashed its worker (signal {-code}) — simplify it, e.g. fewer nested functions")
        return StoreError(f"the query worker ended (exit code {code}) — try again")


class ProcessRunner:
    """Queries in a pool of worker processes over a store folder or a SPARQL server."""

    def __init__(self, location: str, workers: int, limits: Limits, queue: int = 16, remote: dict | None = None,
                 token: str | None = None, on_renew: Callable[[], str | None] | None = None):
        self.location, self.limits, self.remote = location, limits, remote
        self.timeout = limits.timeout
        self.token = token  # the snapshot every reader serves (None: a server, always current)
        self._on_renew = on_renew
        self._admit = threading.BoundedSemaphore(workers + queue)
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()

    def run(self, job: Job) -> Answer:
        """The answer to ``job``; ``QueryTimeout`` (the worker is then killed); ``Busy`` at once when full."""
        if not self._admit.acquire(blocking=False):
            raise _busy()
        try:
            if not self._slots.acquire(timeout=self.timeout):
                raise _busy()
            try:
                return self._run(job)
            finally:
                self._slots.release()
        finally:
            self._admit.release()

    def _run(self, job: Job) -> Answer:
        worker = self._take()
        try:
            worker.conn.send(job)
            if not worker.conn.poll(self.timeout):
                worker.kill()
                raise QueryTimeout(_timeout_message(self.timeout))
            status, payload = worker.conn.recv()
        except (EOFError, OSError):
            raise worker.died(self.limits) from None
        self._give_back(worker)
        if status == "error":
            raise payload if isinstance(payload, SpeakergraphError) else QueryError(payload)
        return payload

    def _take(self) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                worker.kill()
        worker = _Worker(self.location, self.remote, self.limits.memory)
        if self.token is not None and worker.token != self.token:
            self._renew()
        return worker

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if self.token is None or worker.token == self.token:
                self._idle.append(worker)
                return
        worker.kill()  # it reads an older snapshot than the pages now do

    def _renew(self) -> None:
        """The folder changed since the pages opened it: pages and workers move to its new state together."""
        token = self._on_renew() if self._on_renew else None
        with self._lock:
            self.token = token
            stale, self._idle = self._idle, []
        for worker in stale:
            worker.kill()

    def follow(self, token: str | None) -> None:
        """The pages moved to the snapshot ``token``: idle workers of another one are retired, busy ones when they end."""
        with self._lock:
            self.token = token
            stale = [w for w in self._idle if w.token != token]
            self._idle = [w for w in self._idle if w.token == token]
        for worker in stale:
            worker.kill()

    def close(self) -> None:
        """Stop every idle worker (busy ones are daemons and end with the server)."""
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.kill()


def _limit_memory(memory: int | None) -> None:
    """Cap the address space at what the worker holds now plus ``memory`` bytes for queries."""
    if not memory:
        return
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            held = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except (OSError, StopIteration):
        return  # not Linux: no way to know what the worker holds, so no cap rather than a wrong one
    resource.setrlimit(resource.RLIMIT_AS, (held + memory, held + memory))


def serve_forever(conn, location: str, remote: dict | None = None, memory: int | None = None) -> None:
    """A worker's loop: lower its priority and cap its memory, open the store, then answer jobs until the pipe closes."""
    os.nice(NICE)
    try:
        if remote is None:
            store, token = open_snapshot(location)
        else:
            store, token = open_store(location, remote=remote), None
        _limit_memory(memory)  # after the open: RocksDB reserves its address space up front
    except (SpeakergraphError, OSError, ValueError) as exc:
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", token))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(("ok", execute(store, job, remote=remote is not None)))
        except SpeakergraphError as exc:
            conn.send(("error", exc))  # its class too: a server's time-out stays a QueryTimeout
        except MemoryError:
            conn.send(("error", "the query needed more memory than a query may use — simplify it"))
        except Exception as exc:  # pyoxigraph's complaints about a term, a format, a SERVICE
            conn.send(("error", f"the query could not be answered: {exc}"))


def make_runner(config: dict, store: Store, token: str | None = None,
                on_renew: Callable[[], str | None] | None = None):
    """The runner for the app's store: worker processes on a folder (``token`` set) or a server, threads otherwise."""
    workers, queue = config["SPARQL_WORKERS"], config["SPARQL_QUEUE"]
    memory = config["SPARQL_MEMORY"] * 2**20 if config.get("SPARQL_MEMORY") else None
    limits = Limits(config["SPARQL_TIMEOUT"], memory)
    location = config["STORE"]
    if isinstance(location, str) and location.startswith(("http://", "https://")):
        return ProcessRunner(location, workers, limits, queue, remote=dict(config.get("REMOTE") or {}))
    if token is not None:
        return ProcessRunner(store.location, workers, limits, queue, token=token, on_renew=on_renew)
    return ThreadRunner(store, workers, limits.timeout, queue)
