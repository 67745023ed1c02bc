"""``/sparql``: the SPARQL 1.1 Protocol, formats, read-only refusal, row cap and time limit."""

from __future__ import annotations

import csv
import io
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
import rdflib
from conftest import SAMPLE, ingested

from web import create_app
from web.endpoint import first_keyword

PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?p WHERE { ?p a schema:Person } ORDER BY ?p"""
NAMES = """PREFIX schema: <https://schema.org/>
CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }"""
ASK = "ASK { ?s a <https://schema.org/Person> }"
# every triple three times over: billions of rows, never finishing on its own
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def client(sample_store):
    return create_app({"STORE": sample_store}).test_client()


@pytest.fixture(scope="module")
def people(sample_store):
    return [row["p"].value for row in sample_store.query(PEOPLE)]


def _values(data: dict) -> list[str]:
    return [b["p"]["value"] for b in data["results"]["bindings"]]


def test_get_post_form_and_direct_post_give_the_same_answer(client, people):
    accept = {"Accept": "application/sparql-results+json"}
    got = client.get("/sparql", query_string={"query": PEOPLE}, headers=accept)
    form = client.post("/sparql", data={"query": PEOPLE}, headers=accept)
    direct = client.post("/sparql", data=PEOPLE.encode(),
                         headers={**accept, "Content-Type": "application/sparql-query"})
    for response in (got, form, direct):
        assert response.status_code == 200 and response.mimetype == "application/sparql-results+json"
        assert _values(json.loads(response.data)) == people


@pytest.mark.parametrize("accept,mime", [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("*/*", "application/sparql-results+json"),
])
def test_select_results_in_every_format_hold_the_same_rows(client, people, accept, mime):
    response = client.get("/sparql", query_string={"query": PEOPLE}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == mime
    if mime == "text/csv":  # lossy, so pyoxigraph does not read it back
        assert [r["p"] for r in csv.DictReader(io.StringIO(response.get_data(as_text=True)))] == people
        return
    fmt = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
           "application/sparql-results+xml": ox.QueryResultsFormat.XML,
           "text/tab-separated-values": ox.QueryResultsFormat.TSV}[mime]
    parsed = ox.parse_query_results(response.data, format=fmt)
    assert [s["p"].value for s in parsed] == people


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "application/sparql-results+xml",
                                    "text/csv", "text/tab-separated-values"])
def test_ask_answers_in_each_results_format(client, accept):
    response = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": accept})
    assert response.status_code == 200 and b"true" in response.data


@pytest.mark.parametrize("accept,rdflib_format", [("text/turtle", "turtle"), ("application/ld+json", "json-ld"),
                                                  ("application/n-triples", "nt"),
                                                  ("application/rdf+xml", "xml")])
def test_construct_answers_in_each_rdf_format(client, sample_store, accept, rdflib_format):
    response = client.post("/sparql", data={"query": NAMES}, headers={"Accept": accept})
    assert response.status_code == 200 and response.mimetype == accept
    graph = rdflib.Graph().parse(data=response.data, format=rdflib_format)
    expected = {(t.subject.value, t.object.value) for t in sample_store.query(NAMES)}
    assert {(str(s), str(o)) for s, _, o in graph} == expected


def test_describe_is_answered_as_rdf(client):
    query = "DESCRIBE <https://w3id.org/speakergraph/id/person/maria-adebahr>"
    response = client.get("/sparql", query_string={"query": query})
    assert response.status_code == 200 and response.mimetype == "text/turtle"
    assert len(rdflib.Graph().parse(data=response.data, format="turtle")) > 0


def test_format_parameter_is_read_per_query_form(client):
    as_json = client.get("/sparql", query_string={"query": PEOPLE, "format": "json"})
    assert as_json.mimetype == "application/sparql-results+json"
    graph = client.get("/sparql", query_string={"query": NAMES, "format": "json"})
    assert graph.mimetype == "application/ld+json"
    csv_ = client.get("/sparql", query_string={"query": PEOPLE, "output": "csv"})
    assert csv_.mimetype == "text/csv"


@pytest.mark.parametrize("request_kwargs", [
    {"method": "POST", "data": {"update": "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }"}},
    {"method": "POST", "data": b"DELETE WHERE { ?s ?p ?o }", "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "POST", "data": {"query": "PREFIX e: <http://e/> # a comment\nINSERT DATA { e:a e:b e:c }"}},
    {"method": "GET", "query_string": {"query": "DROP ALL"}},
    {"method": "GET", "query_string": {"query": "CLEAR DEFAULT"}},
])
def test_updates_are_refused_with_400_and_a_clear_message(client, sample_store, request_kwargs):
    before = sample_store.count()
    response = client.open("/sparql", **request_kwargs)
    assert response.status_code == 400 and response.mimetype == "text/plain"
    assert "read-only" in response.get_data(as_text=True)
    assert sample_store.count() == before


def test_malformed_requests_are_400_with_the_reason(client):
    bad = client.get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s"})
    assert bad.status_code == 400 and "invalid SPARQL" in bad.get_data(as_text=True)
    twice = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert twice.status_code == 400 and "more than one" in twice.get_data(as_text=True)
    graphs = client.get("/sparql", query_string={"query": ASK, "default-graph-uri": "http://e/g"})
    assert graphs.status_code == 400 and "GRAPH" in graphs.get_data(as_text=True)
    empty = client.post("/sparql", data=b"", headers={"Content-Type": "application/sparql-query",
                                                      "Accept": "application/sparql-results+json"})
    assert empty.status_code == 400


def test_the_row_cap_is_applied_and_reported(sample_store, people):
    client = create_app({"STORE": sample_store, "SPARQL_MAX_ROWS": 3}).test_client()
    response = client.get("/sparql", query_string={"query": PEOPLE}, headers={"Accept": "text/csv"})
    assert response.headers["Speakergraph-Truncated"] == "true"
    assert response.headers["Speakergraph-Row-Limit"] == "3"
    assert [r["p"] for r in csv.DictReader(io.StringIO(response.get_data(as_text=True)))] == people[:3]
    graph = client.post("/sparql", data={"query": NAMES}, headers={"Accept": "application/n-triples"})
    assert graph.headers["Speakergraph-Truncated"] == "true" and len(graph.data.splitlines()) == 3
    html = client.get("/sparql", query_string={"query": PEOPLE, "format": "html"}).get_data(as_text=True)
    assert "cut at 3 rows" in html


def test_the_editor_page_shows_results_for_browsers(client):
    page = client.get("/sparql")
    assert page.mimetype == "text/html" and "<textarea" in page.get_data(as_text=True)
    html = client.get("/sparql", query_string={"query": ASK}, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Yes (true)" in html
    html = client.get("/sparql", query_string={"query": NAMES, "format": "html"}).get_data(as_text=True)
    assert "schema:name" in html
    error = client.get("/sparql", query_string={"query": "SELECT", "format": "html"})
    assert error.status_code == 400 and 'class="error"' in error.get_data(as_text=True)


def test_cross_origin_clients_may_read_answers(client):
    response = client.get("/sparql", query_string={"query": ASK})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    preflight = client.options("/sparql", headers={"Origin": "https://yasgui.example",
                                                   "Access-Control-Request-Method": "POST"})
    assert preflight.status_code == 200 and "POST" in preflight.headers["Access-Control-Allow-Methods"]
    assert "Content-Type" in preflight.headers["Access-Control-Allow-Headers"]


def test_first_keyword_skips_prologue_comments_and_strings():
    assert first_keyword("BASE <http://e/> PREFIX : <http://e/#>\n# DELETE\nSELECT * {}") == "SELECT"
    assert first_keyword("  with <http://e/g> delete { ?s ?p ?o } where { ?s ?p ?o }") == "WITH"
    assert first_keyword("") is None


@pytest.fixture(scope="module")
def folder_store(tmp_path_factory):
    """The sample in a store folder, closed, so the app and its workers open it read-only."""
    location = tmp_path_factory.mktemp("store") / "store"
    ingested(SAMPLE, location=location).close()
    return str(location)


def test_an_expensive_query_is_stopped_at_the_limit_while_other_requests_are_answered(folder_store):
    app = create_app({"STORE": folder_store, "SPARQL_TIMEOUT": 3, "SPARQL_WORKERS": 2})
    small = {"query": ASK}
    # start both workers, so the race below is between queries, not process starts
    with ThreadPoolExecutor(2) as pool:
        warm = pool.map(lambda _: app.test_client().get("/sparql", query_string=small), range(2))
        assert all(r.status_code == 200 for r in warm)
    expensive_done = threading.Event()
    started = threading.Event()

    def expensive():
        started.set()
        response = app.test_client().get("/sparql", query_string={"query": EXPENSIVE})
        expensive_done.set()
        return response

    with ThreadPoolExecutor(1) as pool:
        future = pool.submit(expensive)
        started.wait()
        page = app.test_client().get("/id/person/maria-adebahr")
        answer = app.test_client().get("/sparql", query_string=small)
        answered_meanwhile = not expensive_done.is_set()
        stopped = future.result()
    assert page.status_code == 200 and answer.status_code == 200 and b"true" in answer.data
    assert answered_meanwhile, "the other requests were answered while the expensive query ran"
    assert stopped.status_code == 503
    assert "time limit of 3 s" in stopped.get_data(as_text=True)
    # the stopped worker is replaced: the endpoint still answers
    assert app.test_client().get("/sparql", query_string=small).status_code == 200
    app.extensions["speakergraph"].close()


def test_worker_processes_answer_like_the_store(folder_store, people):
    app = create_app({"STORE": folder_store})
    response = app.test_client().get("/sparql", query_string={"query": PEOPLE}, headers={"Accept": "text/csv"})
    assert [r["p"] for r in csv.DictReader(io.StringIO(response.get_data(as_text=True)))] == people
    bad = app.test_client().get("/sparql", query_string={"query": "SELECT ?s WHERE { ?s"})
    assert bad.status_code == 400
    app.extensions["speakergraph"].close()
