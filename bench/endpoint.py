"""Endpoint throughput: concurrent keep-alive clients against a real ``speakergraph serve`` on loopback.

    python -m bench.endpoint --store bench/corpus/1000.store
    python -m bench.endpoint --store bench/corpus/10000.store --clients 8 --seconds 10 --threads 8

The server is ``speakergraph serve`` in a process of its own, with its query
workers; the clients run in a second process (one thread and one keep-alive
connection each), so that the load and the server share no interpreter
lock. Each row is one kind of request at one number of clients, after a few
unmeasured requests per client, bounded by ``seconds`` and by ``limit``
requests. The person queried is the one with the most appearances, the
heaviest of its kind. CPU milliseconds per request are those of the server
with its query workers, and of the client process: on a shared machine they
say more than the rate does, and 1000 × cores ÷ their sum is the rate's
ceiling. ``measure(store, clients, seconds)`` is the hook ``bench/run.py`` calls.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import click
import pyoxigraph as ox

from bench.pages import frequent, p95
from graph import ids
from graph.queries import bind_values, find_query

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 50_000  # requests a row may send, whatever the time
WARM_UP = 3  # unmeasured requests per client: they start the query workers and fill caches
ACCEPT = "application/sparql-results+json"
SETTLE = 300.0  # seconds the server may take to warm its cache before the clock starts

NAME = """PREFIX schema: <https://schema.org/>
SELECT ?name WHERE { ?_person schema:name ?name } LIMIT 1"""


def plan(person: str) -> list[tuple[str, str]]:
    """The (name, path) of each kind of request timed, for the IRI ``person``."""
    name = bind_values(NAME, {ox.Variable("_person"): ox.NamedNode(person)})
    stored = find_query("person-appearances")
    appearances = bind_values(stored.text, stored.bindings({"person": person}))
    return [("/sparql: a person's name (1 row)", "/sparql?" + urlencode({"query": name})),
            ("/sparql: person-appearances", "/sparql?" + urlencode({"query": appearances})),
            ("stored query: person-appearances.json (cached)",
             "/queries/person-appearances.json?" + urlencode({"person": ids.split(person)[1]}))]


@contextlib.contextmanager
def serving(store: str, threads: int | None = None):
    """``speakergraph serve --store store`` on a free loopback port, answering; yields ``(URL, pid)``."""
    script = Path(sys.executable).with_name("speakergraph")
    launcher = [str(script)] if script.exists() else [sys.executable, "-c", "from speakergraph import main; main()"]
    options = ["--threads", str(threads)] if threads else []
    with served(launcher, str(store), options, ROOT) as answer:
        yield answer


@contextlib.contextmanager
def served(launcher: list[str], store: str, options: list[str], cwd: Path, env: dict | None = None):
    """``launcher serve --store store *options`` on a free loopback port, answering and settled; ``(URL, pid)``."""
    with tempfile.TemporaryFile("w+") as log:  # a file, not a pipe: an unread pipe can fill and stall the server
        process = subprocess.Popen([*launcher, "serve", "--store", store, "--port", "0", *options],
                                   stdout=subprocess.DEVNULL, stderr=log, text=True, cwd=cwd, env=env)
        try:
            url = _started(process, log)
            _answering(url, "/sparql?" + urlencode({"query": "ASK {}"}))
            _settled(process.pid)
            yield url, process.pid
        finally:
            process.terminate()
            process.wait(10)


def _started(process: subprocess.Popen, log, seconds: float = 60) -> str:
    """The URL the server prints once it listens (without the final slash)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and process.poll() is None:
        log.seek(0)
        match = re.search(r"http://127\.0\.0\.1:\d+", log.read())
        if match:
            return match.group(0)
        time.sleep(0.05)
    log.seek(0)
    raise RuntimeError(f"speakergraph serve did not start within {seconds:g} s: {log.read()[-2000:]}")


def _answering(url: str, path: str, seconds: float = 60) -> None:
    """Wait until ``url`` answers 200 to a GET of ``path``."""
    deadline = time.monotonic() + seconds
    connection = Connection(url)
    while connection.get(path) != 200:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url}{path} did not answer 200 within {seconds:g} s")
        time.sleep(0.1)
    connection.close()


def _settled(pid: int, seconds: float = SETTLE) -> None:
    """Wait until the server is idle: it fills its cache with the stored queries that need no parameter."""
    deadline, used = time.monotonic() + seconds, cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        used, before = cpu_seconds(pid), used
        if used - before < 0.05:
            return
    print(f"the server was still busy after {seconds:g} s — measuring anyway", file=sys.stderr)


def load(url: str, path: str, clients: int, seconds: float, limit: int = LIMIT, server: int = 0) -> dict:
    """GET ``path`` from ``clients`` threads at once until ``seconds`` pass or ``limit`` requests are sent.

    Runs in the client process; returns the latencies' summary, the errors, and the CPU seconds of this
    process and of the server process ``server`` (with its workers) over the timed part.
    """
    sent, ms, errors = itertools.count(), [], []
    clock = {}

    def started() -> None:
        clock.update(start=time.perf_counter(), cpu=time.process_time(), server=cpu_seconds(server))

    start = threading.Barrier(clients, action=started, timeout=SETTLE)

    def client() -> None:
        connection = Connection(url)
        for _ in range(WARM_UP):
            connection.get(path)
        start.wait()
        deadline = clock["start"] + seconds
        while next(sent) < limit and time.perf_counter() < deadline:
            began = time.perf_counter()
            status = connection.get(path)
            ms.append((time.perf_counter() - began) * 1000)  # list.append is atomic under the GIL
            if status != 200:
                errors.append(status)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"requests": len(ms), "errors": len(errors), "error_kinds": sorted(set(map(str, errors)))[:3],
            "seconds": time.perf_counter() - clock["start"], "median_ms": statistics.median(ms) if ms else 0.0,
            "p95_ms": p95(ms) if ms else 0.0, "cpu": time.process_time() - clock["cpu"],
            "server_cpu": cpu_seconds(server) - clock["server"]}


class Connection:
    """One keep-alive HTTP connection, reopened after a failure.

    ``http.client`` rather than httpx: it spends a third of httpx's CPU per request
    (0.3 ms against 1 ms here), CPU the server would otherwise lose on a small machine.
    """

    def __init__(self, url: str):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.http = http.client.HTTPConnection(self.host, self.port, timeout=60)

    def get(self, path: str) -> int | str:
        """The status of a GET of ``path`` (the body read in full), or the name of the exception."""
        try:
            self.http.request("GET", path, headers={"Accept": ACCEPT})
            response = self.http.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException) as exc:
            self.close()
            self.http = http.client.HTTPConnection(self.host, self.port, timeout=60)
            return type(exc).__name__

    def close(self) -> None:
        self.http.close()


def cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` and its living descendants (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        for task in Path(f"/proc/{pid}/task").iterdir():
            total += sum(cpu_seconds(int(child)) for child in (task / "children").read_text().split())
        return total
    except (OSError, IndexError, ValueError):
        return 0.0


def row(kind: str, clients: int, result: dict) -> dict:
    """A row of the results table from ``load``'s result.

    >>> r = row("q", 8, {"requests": 300, "errors": 0, "seconds": 2.0, "median_ms": 20.0, "p95_ms": 30.0,
    ...                  "cpu": 1.0, "server_cpu": 3.0, "error_kinds": []})
    >>> r["queries_per_s"], r["server_cpu_ms"], r["client_cpu_ms"]
    (150.0, 10.0, 3.33)
    """
    secs, count = result["seconds"], max(result["requests"], 1)
    out = {"request": kind, "clients": clients, "requests": result["requests"], "errors": result["errors"],
           "queries_per_s": round(result["requests"] / secs, 1), "median_ms": round(result["median_ms"], 2),
           "p95_ms": round(result["p95_ms"], 2), "server_cpu_ms": round(1000 * result["server_cpu"] / count, 2),
           "client_cpu_ms": round(1000 * result["cpu"] / count, 2)}
    if result["error_kinds"]:
        out["errors"] = f"{result['errors']} ({', '.join(result['error_kinds'])})"
    return out


def measure(store: str, clients: int = 8, seconds: float = 10.0, threads: int | None = None,
            limit: int = LIMIT) -> list[dict]:
    """Queries per second and latency of each kind of request, with 1 client and with ``clients``."""
    person = frequent(store)["person"]
    counts = sorted({1, clients})
    rows = []
    with serving(store, threads) as (url, pid), \
            ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        for kind, path in plan(person):
            for n in counts:
                rows.append(row(kind, n, pool.submit(load, url, path, n, seconds, limit, pid).result()))
    return rows


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--store", type=click.Path(file_okay=False, exists=True), default=str(ROOT / "bench/corpus/1000.store"),
              show_default=True, help="Store folder to serve (opened read-only).")
@click.option("--clients", type=click.IntRange(1), default=8, show_default=True, help="Concurrent clients.")
@click.option("--seconds", type=click.FloatRange(0.1), default=10.0, show_default=True, help="Seconds per row.")
@click.option("--threads", type=click.IntRange(1), help="The server's --threads (its own default when absent).")
@click.option("--limit", type=click.IntRange(1), default=LIMIT, show_default=True, help="Requests per row at most.")
def main(store: str, clients: int, seconds: float, threads: int | None, limit: int) -> None:
    """Time /sparql and a stored query under concurrent clients on a real server over STORE."""
    from bench.run import _rows_table

    click.echo(f"serving {store}; load average {os.getloadavg()[0]:.2f}", err=True)
    click.echo("\n".join(_rows_table(measure(store, clients, seconds, threads, limit))))


if __name__ == "__main__":
    main()
