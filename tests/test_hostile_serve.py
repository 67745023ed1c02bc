"""A real ``speakergraph serve`` against hostile clients (issue 16): forged Host headers, runaway
``/sparql`` clients, slow connections, and readers that must agree after worker restarts.

Loopback only; every loop is bounded in requests and in time.
"""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx
import pytest
from conftest import SAMPLE, ingested
from live import serving
from test_endpoint_security import EVENT, raw

from graph import ids
from graph.store import open_store
from web import create_app

FORGED = "evil.example"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PEOPLE = "SELECT ?p WHERE { ?p a <https://schema.org/Person> }"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> str:
    location = tmp_path_factory.mktemp("hostile-serve") / "store"
    ingested(SAMPLE, location=location).close()
    return str(location)


# --- 7: the Host header is never written out -------------------------------------------------------

PAGES = ["/", "/sparql", "/dataset", "/dataset/void.ttl", "/.well-known/void", "/queries"]


def test_a_configured_base_url_is_written_and_a_forged_host_never(folder):
    app = create_app({"STORE": folder, "BASE_URL": "https://speakers.example.org/"})
    client = app.test_client()
    for path in PAGES:
        response = client.get(path, headers={"Host": FORGED})
        assert FORGED not in response.get_data(as_text=True) and FORGED not in str(response.headers), path
    void = client.get("/dataset/void.ttl", headers={"Host": FORGED}).get_data(as_text=True)
    assert "<https://speakers.example.org/sparql>" in void
    assert "<https://speakers.example.org/dataset/speakergraph.nq>" in void
    assert "https://speakers.example.org/sparql" in client.get("/", headers={"Host": FORGED}).get_data(as_text=True)


def test_without_a_base_url_an_untrusted_host_is_refused_without_being_repeated(folder):
    client = create_app({"STORE": folder}).test_client()
    for path in PAGES:
        response = client.get(path, headers={"Host": FORGED})
        assert response.status_code == 400 and FORGED not in response.get_data(as_text=True), path
    assert "http://localhost/sparql" in client.get("/dataset/void.ttl").get_data(as_text=True)


def test_serve_never_writes_a_forged_host(folder):
    with serving(folder, "--base-url", "https://speakers.example.org/") as (url, _):
        for path in PAGES:
            status, headers, body = raw(url, "GET", path, headers={"Host": FORGED})
            assert FORGED.encode() not in body and FORGED not in str(headers), (path, status)
        status, _, void = raw(url, "GET", "/dataset/void.ttl")
        assert status == 200 and b"<https://speakers.example.org/sparql>" in void


# --- 8: pages keep threads of their own while runaway /sparql clients fill the queue ------------------

def test_pages_are_answered_while_runaway_queries_fill_every_sparql_place(folder):
    # a time limit long enough that four pages are answered inside it on a loaded machine (with 8 s, a cold
    # /people behind other processes once came after the runaway queries ended)
    with serving(folder, "--workers", "1", "--queue", "1", "--threads", "2", "--timeout", "20") as (url, _):
        with httpx.Client(base_url=url, timeout=60) as http:
            assert http.get("/sparql", params={"query": "ASK {}"}).status_code == 200  # the worker is up
            done = threading.Event()

            def runaway(_):
                with httpx.Client(base_url=url, timeout=120) as own:  # queued 20 s, then run 20 s
                    status = own.get("/sparql", params={"query": EXPENSIVE}).status_code
                if status != 503:
                    done.set()  # a runaway query that held a worker or a queue place has ended
                return status

            with ThreadPoolExecutor(8) as pool:
                futures = [pool.submit(runaway, i) for i in range(8)]
                turned_away = None
                pages = []
                # wait for the state: six runaway clients turned away, so the two others hold the worker and the
                # queue place (for the 20 s time limit); probing before that could take the queue place itself
                # (a probe queued behind one runaway query waits for it instead of being turned away)
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline and not done.is_set() and \
                        sum(f.done() and f.result() == 503 for f in futures) < 6:
                    time.sleep(0.02)
                if not done.is_set():
                    answer = http.get("/sparql", params={"query": "ASK {}"})
                    if answer.status_code == 503 and "Retry-After" in answer.headers:
                        turned_away = answer
                for path in ("/", "/people", "/id/person/maria-adebahr", "/queries/moderators"):
                    pages.append(http.get(path).status_code)
                answered_first = not done.is_set()
                statuses = [f.result() for f in futures]
    assert turned_away is not None, "a full queue is answered 503 with Retry-After"
    assert pages == [200, 200, 200, 200]
    assert answered_first, "the pages were answered while the runaway queries still held the worker"
    assert statuses.count(503) >= 5  # more clients than places: turned away at once (or stopped at the limit)


# --- 10: slow clients do not make the server unreachable ----------------------------------------------

def test_a_hundred_slow_clients_do_not_make_the_server_unreachable(folder):
    with serving(folder) as (url, _):
        address = urlsplit(url)
        slow = []
        try:
            for i in range(120):  # more than waitress's default limit of 100 connections
                conn = socket.create_connection((address.hostname, address.port), timeout=5)
                conn.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
                slow.append(conn)
            for conn in slow:
                conn.sendall(b"X-Slow: 1\r\n")  # a header a line at a time
            response = httpx.get(url + "/", timeout=15)
            assert response.status_code == 200
            assert httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=15).status_code == 200
        finally:
            for conn in slow:
                conn.close()


# --- 12: after worker restarts, /sparql and the pages read the same snapshot ---------------------------

def people(folder: str) -> set[str]:
    store = open_store(folder, read_only=True)
    found = {row["p"].value for row in store.query(PEOPLE)}
    store.close()
    return found


def test_sparql_and_pages_agree_after_forced_worker_restarts(tmp_path):
    location = tmp_path / "store"
    ingested(SAMPLE, location=location).close()
    before = people(str(location))
    with serving(location, "--timeout", "2") as (url, _), httpx.Client(base_url=url, timeout=60) as http:
        assert http.get("/sparql", params={"query": "ASK {}"}).status_code == 200
        # an ingest while serving: the new pages are committed to the folder the server reads
        site = tmp_path / "more-2024" / "_2024-events" / "15 October 2024"
        site.mkdir(parents=True)
        (site / "A panel.md").write_text(EVENT, encoding="utf-8")
        ingested(tmp_path / "more-2024", location=location, series="more").close()
        added = sorted(people(str(location)) - before)
        assert added
        for _ in range(2):  # any client can force worker restarts: two time-outs
            assert http.get("/sparql", params={"query": EXPENSIVE}).status_code == 503
        answer = http.get("/sparql", params={"query": PEOPLE}, headers=JSON).json()
        seen = {b["p"]["value"] for b in answer["results"]["bindings"]}
        for iri in added:
            page = http.get("/id/" + iri.removeprefix(ids.BASE))
            assert (iri in seen) == (page.status_code == 200), (iri, page.status_code)
        assert set(added) <= seen, "the readers moved to the new snapshot together"
