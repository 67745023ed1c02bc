"""The network pages: view data, measures, Gephi downloads, paths, and the person's neighbourhood."""

from __future__ import annotations

import io

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import SAMPLE, ingested

from graph import ids
from graph.network import network
from web import create_app
from web.network import DRAWN, current

PERSON = ids.person("maria-adebahr")


@pytest.fixture(scope="module")
def app(sample_store):
    return create_app({"STORE": sample_store})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.mark.parametrize("path", [
    "/network", "/network?kind=organisations&measure=betweenness", "/network?kind=countries&year=2024",
    "/network?role=panellist&country=SG&measure=pagerank", "/network?year=1999", "/network?edition=sicw/2024",
])
def test_the_network_page_answers(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert b"data-network=" in response.data or b"Nothing matches" in response.data


@pytest.mark.parametrize("query", ["kind=sessions", "year=twenty", "role=chair", "country=S%20G", "measure=closeness",
                                   "edition=../x"])
def test_bad_choices_are_400(client, query):
    assert client.get("/network?" + query).status_code == 400


def test_the_page_ranks_by_the_measure_and_links_each_node(client, sample_store):
    html = client.get("/network?measure=weighted").get_data(as_text=True)
    assert html.index("Maria Adebahr") < html.index("Teo Chee Hean")  # 17 shared sessions against 1
    assert 'href="/id/person/maria-adebahr"' in html
    for fmt in ("graphml", "gexf", "json", "csv"):
        assert f"/network/export.{fmt}?kind=people" in html


def test_view_data_are_cytoscape_elements_linking_to_pages(client, sample_store):
    data = client.get("/network/data.json").get_json()
    net = network(sample_store)
    assert data["total"] == net.graph.number_of_nodes() == len(data["nodes"]) <= DRAWN
    assert {n["data"]["url"] for n in data["nodes"]} == {"/id/" + n[len(ids.BASE):] for n in net.graph}
    assert {frozenset((e["data"]["source"], e["data"]["target"])): e["data"]["weight"] for e in data["edges"]} \
        == {frozenset((a, b)): w for a, b, w in net.graph.edges(data="weight")}


def test_a_person_neighbourhood_is_the_person_and_who_they_met(client, sample_store):
    data = client.get("/network/person/maria-adebahr.json").get_json()
    net = network(sample_store)
    assert data["center"] == PERSON
    assert {n["data"]["id"] for n in data["nodes"]} == {PERSON, *net.graph[PERSON]}
    assert client.get("/network/person/nobody-here.json").status_code == 404


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_downloads_reload_in_networkx(client, sample_store, fmt, read):
    response = client.get(f"/network/export.{fmt}?kind=countries")
    assert response.status_code == 200
    assert f'filename="speakergraph-countries.{fmt}"' in response.headers["Content-Disposition"]
    graph = read(io.BytesIO(response.data))
    net = network(sample_store, "countries")
    assert set(graph) == set(net.graph) and graph.number_of_edges() == net.graph.number_of_edges()
    assert client.get("/network/export.dot").status_code == 404


def test_the_path_page_names_each_shared_session(client):
    html = client.get("/network/path?from=Maria+Adebahr&to=tadeusz-chomicki").get_data(as_text=True)
    assert 'href="/id/person/maria-adebahr"' in html and 'href="/id/person/tadeusz-chomicki"' in html
    assert 'class="via"' in html and 'href="/id/session/' in html


def test_the_path_page_explains_a_missing_person(client):
    response = client.get("/network/path?from=maria-adebahr&to=maria-adebah")
    assert response.status_code == 404
    assert "did you mean" in response.get_data(as_text=True)


def test_the_person_page_has_the_neighbourhood_and_the_path_finder(client):
    html = client.get("/id/person/maria-adebahr").get_data(as_text=True)
    assert 'data-network="/network/person/maria-adebahr.json"' in html
    assert 'action="/network/path"' in html and 'value="maria-adebahr"' in html


def test_the_drawing_library_comes_from_node_modules(app, client, tmp_path):
    response = client.get("/network/assets/cytoscape.min.js")
    if response.status_code == 200:
        assert response.mimetype == "text/javascript"
    assert client.get("/network/assets/other.js").status_code == 404
    empty = create_app({"STORE": app.config["STORE"], "NODE_MODULES": tmp_path}).test_client()
    missing = empty.get("/network/assets/cytoscape.min.js")
    assert missing.status_code == 404 and "npm ci" in missing.get_data(as_text=True)


def test_the_network_is_computed_once_per_store_state(app, client):
    client.get("/network")
    with app.app_context():
        first = current()
        client.get("/network/data.json")
        assert current() is first


def test_labels_are_escaped():
    store = ingested(SAMPLE)
    store.replace({"urn:test:evil": _evil_name()})
    html = create_app({"STORE": store}).test_client().get("/network").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def _evil_name():
    # a name that sorts first, so that it is the label the network shows
    return [ox.Quad(ox.NamedNode(PERSON), ox.NamedNode("https://schema.org/name"),
                    ox.Literal("<script>alert(1)</script>"), ox.NamedNode("urn:test:evil"))]
