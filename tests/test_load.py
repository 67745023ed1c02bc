"""Load: 16 concurrent clients on loopback against a real ``speakergraph serve``, pages and ``/sparql``.

Zero errors and steady memory are asserted; the figures (requests per second,
p50/p99 latency, errors, memory of the server and its query workers) are
printed and written to ``tests/artifacts/load.json``. The run lasts
``LOAD_SECONDS`` (60 unless the environment says otherwise).
"""

from __future__ import annotations

import http.client
import json
import os
import statistics
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from conftest import SAMPLE, SICW, ingested
from live import serving

from graph.store import open_store

CLIENTS = 16
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
WARM_UP = 0.15  # the first part of the run fills caches and starts the query workers: not "steady" yet
ARTIFACTS = Path(__file__).parent / "artifacts"

SPARQL = [
    "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20",
    "ASK { ?s a <https://w3id.org/speakergraph/vocab#Session> }",
    """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT ?role (COUNT(*) AS ?n) WHERE { ?a sg:role ?role } GROUP BY ?role ORDER BY DESC(?n)""",
    """PREFIX schema: <https://schema.org/>
CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n } LIMIT 50""",
]


def sample(store, query: str, n: int) -> list[str]:
    return [row[0].value for row in store.query(query)][:n]


@pytest.fixture(scope="module")
def location(tmp_path_factory) -> str:
    folder = SICW if SICW.is_dir() else SAMPLE
    location = tmp_path_factory.mktemp("load") / "store"
    ingested(folder, location=location).close()
    return str(location)


@pytest.fixture(scope="module")
def paths(location) -> list[tuple[str, str]]:
    return plan(location)


def plan(location: str) -> list[tuple[str, str]]:
    """(kind, path) of the requests the clients send: pages of every kind, stored queries, /sparql."""
    store = open_store(location, read_only=True)
    base = "https://w3id.org/speakergraph/id/"
    people = sample(store, "SELECT DISTINCT ?p WHERE { ?a <https://w3id.org/speakergraph/vocab#person> ?p } ORDER BY ?p", 8)
    sessions = sample(store, "SELECT DISTINCT ?s WHERE { ?s a <https://w3id.org/speakergraph/vocab#Session> } ORDER BY ?s", 6)
    orgs = sample(store, "SELECT DISTINCT ?o WHERE { ?o a <http://www.w3.org/ns/org#Organization> } ORDER BY ?o", 4)
    store.close()
    pages = ["/", "/people", "/people?role=moderator", "/search?q=cyber", "/queries", "/queries/moderators",
             "/queries/top-countries", "/static/style.css"]
    pages += ["/id/" + iri[len(base):] for iri in people + sessions + orgs]
    pages += [f"/queries/person-appearances?person={people[0].rsplit('/', 1)[-1]}"]
    out = [("page", p) for p in pages]
    out += [("sparql", "/sparql?" + urlencode({"query": q})) for q in SPARQL] * 3  # about a third of requests
    return out


@pytest.fixture(scope="module")
def server(location):
    """``speakergraph serve`` on a free loopback port: (URL, process)."""
    with serving(location) as served_by:
        yield served_by


def rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (the query workers), in KiB."""
    total = 0
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                total += rss_kb(int(child))
    except (FileNotFoundError, ProcessLookupError):
        pass
    return total


def client(url: str, plan: list[tuple[str, str]], offset: int, deadline: float, out: list) -> None:
    """Send the plan's requests round-robin over one keep-alive connection until the deadline."""
    host = urlsplit(url)
    conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    i = offset
    while time.monotonic() < deadline:
        kind, path = plan[i % len(plan)]
        i += 1
        began = time.monotonic()
        try:
            conn.request("GET", path, headers={"Accept": "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"})
            response = conn.getresponse()
            body = response.read()
            ok = response.status == 200 and len(body) > 0
            status = response.status
        except (OSError, http.client.HTTPException) as exc:
            ok, status = False, type(exc).__name__
            conn.close()
            conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        out.append((began, time.monotonic() - began, kind, ok, status, path))
    conn.close()


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


@pytest.mark.slow
def test_sixteen_clients_zero_errors_steady_memory(server, paths):
    """16 clients for LOAD_SECONDS: every answer is a 200, and the server's memory levels off."""
    url, process = server
    for _, path in paths:  # every request answers once before the clock starts
        host = urlsplit(url)
        conn = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
        conn.request("GET", path)
        assert conn.getresponse().status == 200, path
        conn.close()
    results: list = []
    memory: list[tuple[float, int]] = []
    start = time.monotonic()
    deadline = start + SECONDS
    threads = [threading.Thread(target=client, args=(url, paths, i * 7, deadline, results)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    while time.monotonic() < deadline:
        memory.append((time.monotonic() - start, rss_kb(process.pid)))
        time.sleep(0.5)
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    errors = [r for r in results if not r[3]]
    steady = [kb for t, kb in memory if t >= SECONDS * WARM_UP]
    third = max(1, len(steady) // 3)
    early, late = statistics.mean(steady[:third]), statistics.mean(steady[-third:])
    figures = {"clients": CLIENTS, "seconds": round(elapsed, 1), "requests": len(results),
               "requests_per_second": round(len(results) / elapsed, 1), "errors": len(errors)}
    for kind in ("all", "page", "sparql"):
        times = [r[1] * 1000 for r in results if kind in ("all", r[2])]
        figures[kind] = {"requests": len(times), "p50_ms": round(percentile(times, 50), 1),
                         "p99_ms": round(percentile(times, 99), 1), "max_ms": round(max(times), 1)}
    figures["memory_mib"] = {"after_warm_up": round(steady[0] / 1024, 1), "early_third": round(early / 1024, 1),
                             "late_third": round(late / 1024, 1), "peak": round(max(kb for _, kb in memory) / 1024, 1)}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print("\nload:", json.dumps(figures))
    assert not errors, f"{len(errors)} errors, e.g. {errors[:3]}"
    assert late <= early * 1.15 + 20 * 1024, f"memory grew from {early / 1024:.0f} to {late / 1024:.0f} MiB"
    assert process.poll() is None
