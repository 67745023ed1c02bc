"""The network pages: view data, measures, Gephi downloads, paths, and the person's neighbourhood."""

from __future__ import annotations

import io
import re

import networkx as nx
import pyoxigraph as ox
import pytest
from conftest import SAMPLE, ingested

from graph import ids
from graph.measures import communities, score
from graph.network import Filters, network
from web import create_app
from web.network import COLOURS, DRAWN, current

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


BAD = ["kind=sessions", "year=twenty", "role=chair", "country=Narnia", "measure=closeness", "edition=../x"]


@pytest.mark.parametrize("query", BAD)
def test_a_bad_choice_is_a_message_on_the_page_and_the_rest_is_shown(client, query):
    response = client.get("/network?" + query)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    value = query.split("=")[1]
    assert re.search(r'<p class="notice" role="alert">[^<]*%s' % re.escape(value), html)
    assert "data-network=" in html


@pytest.mark.parametrize("query", BAD)
def test_a_bad_choice_is_400_for_the_data_and_the_files(client, query):
    assert client.get("/network/data.json?" + query).status_code == 400
    assert client.get("/network/export.csv?" + query).status_code == 400


@pytest.mark.parametrize("typed", ["Singapore", "singapore", "SG", "sg", "Singapor"])
def test_a_country_is_typed_as_a_name_or_a_code(client, sample_store, typed):
    html = client.get("/network?country=" + typed).get_data(as_text=True)
    assert 'role="alert"' not in html
    assert 'value="Singapore"' in html and "country Singapore" in html
    assert 'data-network="/network/data.json?kind=people&amp;country=SG"' in html
    expected = network(sample_store, filters=Filters(country="SG"))
    data = client.get("/network/data.json?country=" + typed).get_json()
    assert {n["data"]["id"] for n in data["nodes"]} == set(expected.graph) != set(network(sample_store).graph)


def test_a_name_that_fits_several_lists_them(client):
    html = client.get("/network?country=s").get_data(as_text=True)  # Singapore, Switzerland, United States
    assert "fits several" in html and "Singapore (SG); Switzerland (CH); United States (US)" in html


def test_the_page_speaks_of_shared_sessions_not_of_measures(client):
    html = client.get("/network").get_data(as_text=True)
    assert "Rank by" not in html and ">weighted<" not in html
    assert '<option value="weighted" selected>shared sessions</option>' in html
    assert '<option value="betweenness">bridging (betweenness)</option>' in html
    assert "Most central by shared sessions" in html


def test_the_legend_names_each_colour_by_its_group(client, sample_store):
    html = client.get("/network?measure=betweenness").get_data(as_text=True)
    net = network(sample_store)
    groups = communities(net)
    assert html.count('class="swatch group-') == min(len(groups), COLOURS) + (len(groups) > COLOURS)
    biggest = min(groups[0], key=lambda n: (-score(net, "weighted").values[n], n))
    others = len(groups[0]) - 1
    assert re.search(r'data-group="0" aria-hidden="true"></span>%s and %d others' % (re.escape(net.label(biggest)),
                                                                                     others), html)
    assert "Bridging (betweenness): how often each lies on the shortest chain" in html


def test_view_data_are_sized_by_the_measure_asked_for(client, sample_store):
    data = client.get("/network/data.json?measure=betweenness").get_json()
    values = score(network(sample_store), "betweenness").values
    assert {n["data"]["id"]: n["data"]["size"] for n in data["nodes"]} == pytest.approx(values)
    assert data["measure"] == "bridging (betweenness)"


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


@pytest.mark.parametrize("typed", ["sicw/2024", "SICW 2024", "Singapore International Cyber Week 2024"])
def test_an_edition_is_typed_as_a_key_or_a_name(client, sample_store, typed):
    html = client.get("/network", query_string={"edition": typed}).get_data(as_text=True)
    assert 'role="alert"' not in html and "edition Singapore International Cyber Week 2024" in html
    assert 'name="edition" value="sicw/2024"' in html
    data = client.get("/network/data.json", query_string={"edition": typed}).get_json()
    expected = network(sample_store, filters=Filters(edition="sicw/2024"))
    assert {n["data"]["id"] for n in data["nodes"]} == set(expected.graph)
