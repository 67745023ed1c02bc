"""``/sparql`` and the pages against hostile clients (issue 16): SSRF, non-queries, forged Host headers,
memory bombs, deep nesting, a full queue, and readers that must agree after worker restarts.

The app runs over a real store folder with real worker processes; SERVICE
targets are a real HTTP server on loopback.
"""

from __future__ import annotations

import http.server
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from conftest import SAMPLE, ingested

from web import create_app

ASK = "ASK { ?s ?p ?o }"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ACCEPT = {"Accept": "application/sparql-results+json"}
# each level multiplies the string by ten: 10 characters become 10^9 (about 1 GB, and a copy)
BOMB = "SELECT (STRLEN(" + "REPLACE(" * 8 + '"aaaaaaaaaa"' + ', "a", "aaaaaaaaaa")' * 8 + ") AS ?n) {}"


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    """The sample in a store folder, closed, so the app and its workers open it read-only."""
    location = tmp_path_factory.mktemp("hostile") / "store"
    ingested(SAMPLE, location=location).close()
    return str(location)


def make_app(folder: str, **config):
    return create_app({"STORE": folder, "SPARQL_WORKERS": 1, **config})


def sparql(app, query: str, **kwargs):
    return app.test_client().post("/sparql", data={"query": query}, headers=ACCEPT, **kwargs)


def worker_pids(app) -> set[int]:
    runner = app.extensions["speakergraph"].runner
    return {w.process.pid for w in runner._idle}


class Target:
    """A loopback HTTP server standing in for an internal service: it records each request."""

    def __init__(self, status: int = 200):
        self.hits: list[str] = []
        target = self
        body = json.dumps({"head": {"vars": ["s"]},
                           "results": {"bindings": [{"s": {"type": "literal", "value": "internal secret"}}]}}).encode()

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                target.hits.append(self.path)
                self.send_response(status)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def target():
    server = Target()
    yield server
    server.close()


# --- 3: SERVICE ----------------------------------------------------------------------------------

@pytest.mark.parametrize("form", ["SELECT * {{ SERVICE <http://127.0.0.1:{port}/internal> {{ ?s ?p ?o }} }}",
                                  "PREFIX in: <http://127.0.0.1:{port}/>\nSELECT * {{ SERVICE SILENT in:x {{ ?s ?p ?o }} }}",
                                  "ASK {{ service <http://localhost:{port}/internal> {{ ?s ?p ?o }} }}",
                                  "SELECT * {{ VALUES ?u {{ <http://127.0.0.1:{port}/> }} SERVICE ?u {{ ?s ?p ?o }} }}"])
def test_a_service_call_is_refused_and_nothing_is_fetched(folder, target, form):
    app = make_app(folder)
    response = sparql(app, form.format(port=target.port))
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "--allow-service" in text and "internal secret" not in text
    assert target.hits == []
    app.extensions["speakergraph"].close()


def test_an_allowed_service_is_called(folder, target):
    app = make_app(folder, SPARQL_ALLOW_SERVICE=(f"127.0.0.1:{target.port}",))
    response = sparql(app, f"SELECT ?s {{ SERVICE <http://127.0.0.1:{target.port}/sparql> {{ ?s ?p ?o }} }}")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert target.hits and "internal secret" in response.get_data(as_text=True)
    # another port of the same host is not allowed
    other = sparql(app, f"SELECT ?s {{ SERVICE <http://127.0.0.1:{target.port + 1}/sparql> {{ ?s ?p ?o }} }}")
    assert other.status_code == 400
    app.extensions["speakergraph"].close()


def test_a_failing_service_is_a_400_and_the_worker_lives(folder):
    failing = Target(status=500)
    try:
        app = make_app(folder, SPARQL_ALLOW_SERVICE=(f"127.0.0.1:{failing.port}",))
        assert sparql(app, ASK).status_code == 200
        before = worker_pids(app)
        for form in ("SELECT * {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
                     "ASK {{ SERVICE <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}"):
            response = sparql(app, form.format(port=failing.port))
            assert response.status_code == 400 and "SERVICE" in response.get_data(as_text=True)
        assert failing.hits
        assert sparql(app, ASK).status_code == 200
        assert worker_pids(app) == before, "the worker that ran the failing SERVICE still serves"
        app.extensions["speakergraph"].close()
    finally:
        failing.close()


# --- 11: nesting ----------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["SELECT * WHERE " + "{ " * 10_000 + "?s ?p ?o" + " }" * 10_000,
                                   "SELECT (" + "(" * 10_000 + "1" + ")" * 10_000 + " AS ?x) {}",
                                   "ASK { " + "FILTER(" * 5_000 + "true" + ")" * 5_000 + " }"])
def test_a_query_nested_10000_deep_is_a_400_and_the_worker_lives(folder, query):
    app = make_app(folder)
    assert sparql(app, ASK).status_code == 200
    before = worker_pids(app)
    response = sparql(app, query)
    assert response.status_code == 400 and "nests" in response.get_data(as_text=True)
    assert sparql(app, ASK).status_code == 200 and worker_pids(app) == before
    app.extensions["speakergraph"].close()


def test_a_query_too_long_is_a_400(folder):
    app = make_app(folder, SPARQL_MAX_LENGTH=1_000)
    response = sparql(app, "ASK {} #" + "x" * 1_000)
    assert response.status_code == 400 and "characters" in response.get_data(as_text=True)


# --- 9: memory -----------------------------------------------------------------------------------

def test_a_memory_bomb_stops_its_worker_cleanly_and_the_worker_is_replaced(folder):
    app = make_app(folder, SPARQL_MEMORY=256, SPARQL_TIMEOUT=60)
    assert sparql(app, ASK).status_code == 200
    before = worker_pids(app)
    response = sparql(app, BOMB)
    text = response.get_data(as_text=True)
    assert response.status_code == 503 and "memory" in text, text
    assert sparql(app, ASK).status_code == 200
    after = worker_pids(app)
    assert after and after != before, "a new worker answers"
    app.extensions["speakergraph"].close()


# --- 8: admission --------------------------------------------------------------------------------

def test_a_full_queue_is_answered_503_with_retry_after_at_once(folder):
    app = make_app(folder, SPARQL_QUEUE=1, SPARQL_TIMEOUT=4)
    assert sparql(app, ASK).status_code == 200  # the worker is up
    runner = app.extensions["speakergraph"].runner
    finished = threading.Event()

    def expensive():
        try:
            return sparql(app, EXPENSIVE)
        finally:
            finished.set()

    with ThreadPoolExecutor(2) as pool:
        running = [pool.submit(expensive) for _ in range(2)]  # one runs, one waits
        while runner._admit._value > 0 and not finished.is_set():  # noqa: SLF001 (both admitted)
            time.sleep(0.01)
        turned_away = sparql(app, ASK)
        answered_first = not finished.is_set()
    app.extensions["speakergraph"].close()
    assert answered_first, "the refusal came while the queue was full, not after it drained"
    assert turned_away.status_code == 503 and turned_away.headers["Retry-After"].isdigit()
    assert "try again" in turned_away.get_data(as_text=True)
    assert {f.result().status_code for f in running} <= {503}
