"""SPARQLWrapper (a client we did not write) against a real ``speakergraph serve``, row for row."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from conftest import SAMPLE, ingested
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from speakergraph import main

SELECT = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?person ?session WHERE { ?a sg:person ?person ; sg:session ?session } ORDER BY ?person ?session"""
CONSTRUCT = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
CONSTRUCT { ?person sg:session ?session } WHERE { ?a sg:person ?person ; sg:session ?session }"""
# the CONSTRUCT's pattern as a SELECT, for 'speakergraph query' (which runs SELECTs)
CONSTRUCT_AS_SELECT = SELECT


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = tmp_path_factory.mktemp("served") / "store"
    ingested(SAMPLE, location=location).close()
    return str(location)


@pytest.fixture(scope="module")
def server(store):
    """``speakergraph serve`` on a free loopback port; yields its URL."""
    script = Path(sys.executable).with_name("speakergraph")  # the installed command, as a user runs it
    launcher = [str(script)] if script.exists() else [sys.executable, "-c", "from speakergraph import main; main()"]
    command = [*launcher, "serve", "--store", store, "--host", "127.0.0.1", "--port", "0"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent)
    try:
        line = process.stderr.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, f"serve did not start: {line}{process.stderr.read() if process.poll() is not None else ''}"
        yield match.group(0)
    finally:
        process.terminate()
        process.wait(10)


def cli_rows(store: str, query: str) -> list[tuple[str, ...]]:
    result = CliRunner().invoke(main, ["query", query, "--store", store, "-f", "csv"])
    assert result.exit_code == 0, result.output
    return [tuple(row) for row in list(csv.reader(io.StringIO(result.stdout)))[1:]]


def client(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url + "sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_select_through_sparqlwrapper_matches_speakergraph_query(server, store):
    result = client(server, SELECT, JSON).queryAndConvert()
    rows = [(b["person"]["value"], b["session"]["value"]) for b in result["results"]["bindings"]]
    assert rows and rows == cli_rows(store, SELECT)


def test_select_by_post_matches_too(server, store):
    sparql = client(server, SELECT, XML)
    sparql.setMethod("POST")
    document = sparql.queryAndConvert()  # a DOM of SPARQL XML results
    values = [node.firstChild.data for node in document.getElementsByTagName("uri")]
    assert list(zip(values[::2], values[1::2])) == cli_rows(store, SELECT)


@pytest.mark.parametrize("fmt", [TURTLE, XML])
def test_construct_through_sparqlwrapper_matches_speakergraph_query(server, store, fmt):
    answer = client(server, CONSTRUCT, fmt).queryAndConvert()
    graph = answer if isinstance(answer, rdflib.Graph) else rdflib.Graph().parse(data=answer, format="turtle")
    triples = sorted((str(s), str(o)) for s, _, o in graph)
    assert triples and triples == sorted(cli_rows(store, CONSTRUCT_AS_SELECT))


def test_an_update_through_sparqlwrapper_is_refused(server):
    from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

    sparql = SPARQLWrapper(server + "sparql", updateEndpoint=server + "sparql")
    sparql.setQuery("INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }")
    sparql.setMethod("POST")
    with pytest.raises(QueryBadFormed, match="read-only"):
        sparql.query()
