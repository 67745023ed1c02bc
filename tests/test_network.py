"""The co-appearance network against independent SPARQL over the same store."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from conftest import SAMPLE, ingested
from graph import ids
from graph.errors import NetworkError
from graph.network import Filters, bipartite, build, network, neighbours, node, path
from graph.queries import find_query

PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
# pairs of nodes and the sessions they share, counted by the store, not by our code
SHARED = PREFIXES + """SELECT ?x ?y (COUNT(DISTINCT ?s) AS ?n) WHERE {
  ?a sg:session ?s ; %(hop)s ?x .
  ?b sg:session ?s ; %(hop)s ?y .
  FILTER(STR(?x) < STR(?y))
} GROUP BY ?x ?y"""
HOPS = {"people": "sg:person", "organisations": "sg:position/org:organization", "countries": "sg:country"}
SHARES = PREFIXES + """ASK {
  ?a sg:person ?_x ; sg:session ?_s . ?b sg:person ?_y ; sg:session ?_s . ?_s schema:name ?_title
}"""


def shared_counts(store, kind="people", extra=""):
    sparql = SHARED % {"hop": HOPS[kind]}
    if extra:
        sparql = sparql.replace("FILTER(", extra + "\n  FILTER(")
    return {frozenset((r["x"].value, r["y"].value)): int(r["n"].value) for r in store.query(sparql)}


def weights(net):
    return {frozenset((a, b)): w for a, b, w in net.graph.edges(data="weight")}


@pytest.mark.parametrize("kind", HOPS)
def test_weights_are_the_shared_sessions_on_the_sample(sample_store, kind):
    net = network(sample_store, kind)
    assert net.graph.number_of_edges() > 0
    assert weights(net) == shared_counts(sample_store, kind)


def test_weights_are_the_shared_sessions_on_the_corpus(sicw_store):
    net = network(sicw_store, "people")
    assert net.graph.number_of_edges() > 100
    assert weights(net) == shared_counts(sicw_store)


def test_edge_sessions_are_the_shared_sessions(sicw_store):
    net = network(sicw_store)
    for a, b, sessions in net.graph.edges(data="sessions"):
        assert len(sessions) == net.graph.edges[a, b]["weight"]
        for s in sessions:
            assert _shares(sicw_store, a, b, s, net.sessions[s].title)


def test_nodes_carry_label_kind_and_iri(sample_store):
    net = network(sample_store)
    for iri, data in net.graph.nodes(data=True):
        assert data["iri"] == iri and data["kind"] == "person" and data["label"]
    assert net.label(ids.person("maria-adebahr")) == "Maria Adebahr"


def test_filters_select_appearances(sample_store):
    of_2024 = shared_counts(sample_store, extra='?s schema:superEvent/sg:year ?year . FILTER(STR(?year) = "2024")')
    assert 0 < sum(of_2024.values()) < sum(shared_counts(sample_store).values())
    assert weights(network(sample_store, filters=Filters(year=2024))) == of_2024
    assert weights(network(sample_store, filters=Filters(edition="sicw/2024"))) == of_2024
    assert network(sample_store, filters=Filters(year=1999)).graph.number_of_nodes() == 0
    role = network(sample_store, filters=Filters(role="panellist"))
    assert weights(role) == shared_counts(sample_store, extra='?a sg:role/skos:notation "panellist" . '
                                                              '?b sg:role/skos:notation "panellist" .')
    country = network(sample_store, filters=Filters(country="sg"))
    assert 0 < country.graph.number_of_nodes() < network(sample_store).graph.number_of_nodes()
    assert weights(country) == shared_counts(sample_store, extra='?a sg:country/sg:alpha2 "SG" . '
                                                                 '?b sg:country/sg:alpha2 "SG" .')


def test_a_malformed_edition_names_the_fix(sample_store):
    with pytest.raises(NetworkError, match="such as sicw/2024"):
        build(sample_store, filters=Filters(edition="sicw 2024"))


def test_a_filter_value_cannot_change_the_query(sample_store):
    net = build(sample_store, filters=Filters(role='panellist" } ?s ?p ?o . { "'))
    assert net.graph.number_of_nodes() == 0


def test_the_bipartite_graph_joins_people_to_their_sessions(sample_store):
    graph = bipartite(sample_store)
    pairs = sample_store.query(PREFIXES + "SELECT DISTINCT ?p ?s WHERE { ?a sg:person ?p ; sg:session ?s }")
    assert {frozenset((r["p"].value, r["s"].value)) for r in pairs} == {frozenset(e) for e in graph.edges}
    assert {d["kind"] for _, d in graph.nodes(data=True)} == {"person", "session"}


def test_the_network_is_cached_until_the_store_changes():
    store = ingested(SAMPLE)
    first = network(store)
    assert network(store) is first
    assert network(store, filters=Filters(role="moderator")) is not first
    store.remove([next(iter(store.sources()))])
    assert network(store) is not first


def test_in_memory_stores_do_not_share_a_cache(sample_store):
    other = ingested(SAMPLE)
    assert network(other) is not network(sample_store)


def test_path_steps_name_real_shared_sessions(sicw_store):
    net = network(sicw_store)
    steps = path(net, "maria-adebahr", "janil-puthucheary")
    assert len(steps) >= 2
    assert steps[0].source == ids.person("maria-adebahr") and steps[-1].target == ids.person("janil-puthucheary")
    for step, following in zip(steps, steps[1:]):
        assert step.target == following.source
    for step in steps:
        assert step.sessions
        for s in step.sessions:
            assert _shares(sicw_store, step.source, step.target, s.iri, s.title)


def test_path_takes_iris_and_says_when_there_is_none(sicw_store):
    net = network(sicw_store)
    assert path(net, ids.person("maria-adebahr"), "liesyl-franz")[0].target == ids.person("liesyl-franz")
    with pytest.raises(NetworkError, match="not connected"):
        path(net, "maria-adebahr", "david-koh")


def test_an_unknown_person_gets_a_suggestion(sample_store):
    with pytest.raises(NetworkError, match="did you mean 'maria-adebahr'"):
        node(network(sample_store), "maria-adebah")


def test_neighbours_agree_with_the_co_panellists_query(sample_store):
    query = find_query("co-panellists")
    expected = {r["other"].value: int(r["shared"].value)
                for r in sample_store.query(query.text, query.bindings({"person": "maria-adebahr"}))}
    found = neighbours(network(sample_store), "maria-adebahr")
    assert {other: weight for other, weight, _ in found} == expected
    assert [w for _, w, _ in found] == sorted((w for _, w, _ in found), reverse=True)


def _shares(store, a, b, session, title):
    terms = {"_x": ox.NamedNode(a), "_y": ox.NamedNode(b), "_s": ox.NamedNode(session), "_title": ox.Literal(title)}
    return bool(store.query(SHARES, {ox.Variable(k): v for k, v in terms.items()}))


def test_a_person_can_be_named_by_key_iri_or_name(sample_store):
    net = network(sample_store)
    expected = ids.person("maria-adebahr")
    assert node(net, "maria-adebahr") == node(net, expected) == node(net, " maria adebahr ") == expected
    with pytest.raises(NetworkError, match="did you mean 'Maria Adebahr'"):
        node(net, "Maria Adebah")
