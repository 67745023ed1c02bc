"""The web app on both kinds of store: pages, stored queries and ``/sparql`` proxying to real SPARQL servers.

The app is configured as ``speakergraph serve --store URL`` configures it: the
server's URL as ``STORE`` and its options as ``REMOTE``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys

import httpx
import pytest
from click.testing import CliRunner

from conftest import SAMPLE
from conftest_servers import SERVERS
from graph.report import counts
from speakergraph import main
from web import create_app

PERSON = "/id/person/tadeusz-chomicki"
PEOPLE = """PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?person ?name WHERE { ?person a schema:Person ; schema:name ?name }"""


@pytest.fixture(params=["embedded", *SERVERS])
def client(request, sample_store):
    """A test client of the app on the sample: in the embedded store, then on each server."""
    if request.param == "embedded":
        app = create_app({"STORE": sample_store})
    else:
        server = request.getfixturevalue(request.param)
        server.holding(SAMPLE)
        app = create_app({"STORE": server.url, "REMOTE": server.options})
    yield app.test_client()
    app.extensions["speakergraph"].close()


def ok(response, mimetype: str) -> str:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.mimetype == mimetype
    return response.get_data(as_text=True)


def test_home_shows_the_counts(client, sample_store):
    html = ok(client.get("/"), "text/html")
    assert f"<b>{counts(sample_store)['people']}</b>" in html
    assert 'href="/id/edition/sicw/2024"' in html


def links(html: str) -> set[str]:
    return set(re.findall(r'href="(/id/[^"]+)"', html))


def test_person_page_links_what_the_embedded_one_links(client, sample_store):
    html = ok(client.get(PERSON), "text/html")
    assert "Tadeusz Chomicki" in html and "Ministry of Foreign Affairs" in html
    local = create_app({"STORE": sample_store}).test_client().get(PERSON).get_data(as_text=True)
    assert len(links(html)) > 10 and links(html) == links(local)


def test_person_as_turtle(client):
    turtle = ok(client.get(PERSON + ".ttl"), "text/turtle")
    assert "Tadeusz Chomicki" in turtle


def test_stored_query_page_and_csv(client, sample_store):
    assert "<table" in ok(client.get("/queries/moderators"), "text/html")
    remote = ok(client.get("/queries/moderators.csv"), "text/csv")
    local = create_app({"STORE": sample_store}).test_client().get("/queries/moderators.csv").get_data(as_text=True)
    assert len(rows(remote)) > 3 and rows(remote) == rows(local)


def rows(text: str) -> list[list[str]]:
    """CSV rows, sorted, with GROUP_CONCAT's parts sorted (their order is unspecified in SPARQL)."""
    return sorted([" | ".join(sorted(v.split(" | "))) for v in row] for row in csv.reader(io.StringIO(text)))


def test_sparql_select(client, sample_store):
    answer = json.loads(ok(client.get("/sparql", query_string={"query": PEOPLE},
                                      headers={"Accept": "application/sparql-results+json"}),
                           "application/sparql-results+json"))
    names = sorted(b["name"]["value"] for b in answer["results"]["bindings"])
    assert names == sorted(row["name"].value for row in sample_store.query(PEOPLE))


def test_sparql_syntax_error_is_a_400(client):
    response = client.get("/sparql", query_string={"query": "SELECT ?x WHERE { ?x ?y }"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 400


# speakergraph serve --store URL: options from the environment, through the config, to the store

def test_serve_passes_the_environment_to_the_store(server):
    # a bad time-out can only come from the environment: serve stops with its fix before it listens
    env = {"SPEAKERGRAPH_TIMEOUT": "soon", "SPEAKERGRAPH_STORE": None}
    result = CliRunner().invoke(main, ["serve", "--store", server.url, "--port", "0"], env=env)
    assert result.exit_code == 1 and "SPEAKERGRAPH_TIMEOUT" in result.output


def test_app_opens_the_server_with_the_remote_options(server):
    app = create_app({"STORE": server.url, "REMOTE": {**server.options, "timeout": "soon"}})
    response = app.test_client().get("/")
    assert response.status_code == 500 and "SPEAKERGRAPH_TIMEOUT" in response.get_data(as_text=True)


def test_serve_on_a_server_answers_pages_and_sparql(server):
    server.holding(SAMPLE)
    env = {**os.environ, **{f"SPEAKERGRAPH_{k.upper()}": v for k, v in server.options.items()}}
    env.pop("SPEAKERGRAPH_STORE", None)
    url = server.url
    server = subprocess.Popen([sys.executable, "-m", "speakergraph", "serve", "--store", url, "--port", "0"],
                              env=env, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stderr.readline()
        assert "speakergraph: serving" in line, line
        base = line.split(" at ")[1].split("/ ")[0]
        with httpx.Client(base_url=base, timeout=30) as http:
            assert "Tadeusz Chomicki" in http.get(PERSON).text
            answer = http.get("/sparql", params={"query": PEOPLE},
                              headers={"Accept": "application/sparql-results+json"})
            assert answer.status_code == 200 and len(answer.json()["results"]["bindings"]) > 10
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()
