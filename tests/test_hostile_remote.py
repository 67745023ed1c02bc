"""The web app over a real Virtuoso, against hostile ``/sparql`` texts (issue 16, item 4).

The repro: ``DEFINE sql:log-enable 2 INSERT … WHERE { { SELECT … LIMIT 1 } }`` passed a check on the
first keyword and, forwarded with the ingest's credentials to ``/sparql-auth``, wrote to the server.
Now every text is parsed as a query locally first, and the web app reads with credentials of its own
(a user granted SPARQL_SELECT only) or none.
"""

from __future__ import annotations

import subprocess

import pytest
from conftest import SAMPLE
from conftest_virtuoso import PASSWORD, free_port

from graph.protocol import RESULTS
from graph.remote import RemoteStore, reading
from web import create_app

TARGET = "urn:speakergraph-test:written"
WRITES = [
    f"DEFINE sql:log-enable 2 INSERT {{ GRAPH <{TARGET}> {{ <urn:a> <urn:b> ?s }} }} "
    "WHERE { { SELECT * { ?s ?p ?o } LIMIT 1 } }",
    f"DEFINE sql:log-enable 2 DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ {{ SELECT * {{ GRAPH ?g {{ ?s ?p ?o }} }} "
    "LIMIT 1 } }",
    f"INSERT {{ GRAPH <{TARGET}> {{ <urn:a> <urn:b> <urn:c> }} }} WHERE {{ {{ SELECT * {{ ?s ?p ?o }} LIMIT 1 }} }}",
    f"WITH <{TARGET}> INSERT {{ <urn:a> <urn:b> <urn:c> }} WHERE {{}}",
    f"PREFIX x: <urn:x>\nLOAD <http://127.0.0.1:1/x> INTO GRAPH <{TARGET}>",
    f"SPARQL INSERT DATA {{ GRAPH <{TARGET}> {{ <urn:a> <urn:b> <urn:c> }} }}",
]
READER, READER_PASSWORD = "sgreader", "sgreader-pw"


@pytest.fixture(scope="module")
def reader(virtuoso):
    """A Virtuoso user that may only query (SPARQL_SELECT), made once through isql."""
    sql = (f"DB.DBA.USER_CREATE('{READER}', '{READER_PASSWORD}'); GRANT SPARQL_SELECT TO \"{READER}\";")
    subprocess.run(["isql-vt", f"127.0.0.1:{virtuoso.port}", "dba", PASSWORD, f"exec={sql}"],
                   capture_output=True, text=True, timeout=60)  # a second run finds the user made: harmless
    return {"read_user": READER, "read_password": READER_PASSWORD}


@pytest.fixture(scope="module")
def auth_url(virtuoso):
    virtuoso.holding(SAMPLE)
    return virtuoso.url + "-auth"


def written(virtuoso) -> int:
    """How many triples the hostile texts could have written (checked with the dba's rights)."""
    rows = virtuoso.store().query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{TARGET}> {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


@pytest.mark.parametrize("text", WRITES)
def test_a_write_through_the_endpoint_is_refused_before_it_reaches_the_server(virtuoso, auth_url, reader, text):
    """Configured as 'serve --store …/sparql-auth' with the ingest's and the reader's credentials set."""
    before = virtuoso.store().count()
    app = create_app({"STORE": auth_url, "REMOTE": {**virtuoso.options, **reader}})
    response = app.test_client().post("/sparql", data={"query": text})
    assert response.status_code == 400, response.get_data(as_text=True)
    assert "refused" in response.get_data(as_text=True)
    assert written(virtuoso) == 0 and virtuoso.store().count() == before
    app.extensions["speakergraph"].close()


def test_the_app_reads_with_the_read_credentials_never_the_ingest_ones(virtuoso, auth_url, reader):
    app = create_app({"STORE": auth_url, "REMOTE": {**virtuoso.options, **reader}})
    assert app.config["REMOTE"] == {"user": READER, "password": READER_PASSWORD}
    response = app.test_client().get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"},
                                     headers={"Accept": "application/sparql-results+json"})
    assert response.status_code == 200 and b"true" in response.data
    assert app.test_client().get("/id/person/tadeusz-chomicki").status_code == 200
    app.extensions["speakergraph"].close()


@pytest.mark.parametrize("text", WRITES[:3])
def test_the_read_credentials_cannot_write_even_past_the_local_check(virtuoso, auth_url, reader, text):
    """The store the web opens, sent the repro raw: Virtuoso refuses it, nothing is written."""
    before = virtuoso.store().count()
    store = RemoteStore.from_url(auth_url, reading({**virtuoso.options, **reader}))
    with pytest.raises(Exception):  # noqa: B017 (the server's refusal, whatever its form)
        store._client.query(text, RESULTS)  # noqa: SLF001
    store.close()
    assert written(virtuoso) == 0 and virtuoso.store().count() == before


def test_anonymous_reads_cannot_write_either(virtuoso):
    """With no read user the app queries the public endpoint anonymously, which refuses updates."""
    virtuoso.holding(SAMPLE)
    store = RemoteStore.from_url(virtuoso.url, reading(virtuoso.options))
    with pytest.raises(Exception):  # noqa: B017
        store._client.query(WRITES[0], RESULTS)  # noqa: SLF001
    store.close()
    assert written(virtuoso) == 0


def test_server_error_texts_and_urls_never_reach_web_clients():
    url = f"http://127.0.0.1:{free_port()}/internal-sparql"  # nothing listens there
    app = create_app({"STORE": url})
    client = app.test_client()
    for response in (client.get("/sparql", query_string={"query": "ASK {}"}), client.get("/"),
                     client.get("/queries/moderators.csv"), client.get("/sparql", query_string={
                         "query": "ASK {}", "format": "html"})):
        text = response.get_data(as_text=True)
        assert response.status_code >= 500, text
        assert "127.0.0.1" not in text and "internal-sparql" not in text, text
        assert "log" in text
    app.extensions["speakergraph"].close()


def test_serve_refuses_an_auth_endpoint_without_a_read_user():
    """The ingest's credentials alone would have been the only way in: serve says what to set instead."""
    from click.testing import CliRunner

    from speakergraph import main

    env = {"SPEAKERGRAPH_USER": "dba", "SPEAKERGRAPH_PASSWORD": "s3cret", "SPEAKERGRAPH_READ_USER": None,
           "SPEAKERGRAPH_STORE": None}
    result = CliRunner().invoke(main, ["serve", "--store", f"http://127.0.0.1:{free_port()}/sparql-auth",
                                       "--port", "0"], env=env)
    assert result.exit_code == 2 and "SPEAKERGRAPH_READ_USER" in result.output


@pytest.mark.parametrize("text", WRITES)
@pytest.mark.parametrize("name", ["fuseki", "oxigraph"])
def test_an_open_server_is_not_written_through_the_endpoint(name, text, request):
    """Fuseki and Oxigraph as the tests start them take anonymous updates: the local check is what refuses."""
    server = request.getfixturevalue(name)
    server.holding(SAMPLE)
    before = server.store().count()
    app = create_app({"STORE": server.url, "REMOTE": {}})
    response = app.test_client().post("/sparql", data={"query": text})
    assert response.status_code == 400 and "refused" in response.get_data(as_text=True)
    assert written(server) == 0 and server.store().count() == before
    app.extensions["speakergraph"].close()


EXEC = f"SPARQL INSERT DATA {{ GRAPH <{TARGET}> {{ <urn:a> <urn:b> <urn:c> }} }}"
BUILT_INS = [  # Virtuoso's built-ins reach its SQL: Oxigraph's check refuses any function it does not know
    f"SELECT (<bif:exec>(\"{EXEC}\") AS ?x) {{}}",
    f"PREFIX b: <\\u0062if:> SELECT (b:exec(\"{EXEC}\") AS ?x) {{}}",
    f"BASE <BIF:> SELECT (<exec>(\"{EXEC}\") AS ?x) {{}}",
    "SELECT (<sql:TTLP_MT>(\"<urn:a> <urn:b> <urn:c> .\", \"\", \"" + TARGET + "\") AS ?x) {}",
]


@pytest.mark.parametrize("text", BUILT_INS)
def test_server_built_ins_are_refused_even_to_a_reader_with_every_right(virtuoso, auth_url, text):
    """The worst configuration: the web reads as the dba. A built-in never reaches the server, however named."""
    app = create_app({"STORE": auth_url, "REMOTE": {**virtuoso.options, "read_user": "dba", "read_password": PASSWORD}})
    response = app.test_client().post("/sparql", data={"query": text})
    assert response.status_code == 400, response.get_data(as_text=True)
    assert "not supported" in response.get_data(as_text=True)
    assert written(virtuoso) == 0
    app.extensions["speakergraph"].close()
