"""Centralities, components and communities of the co-appearance network."""

from __future__ import annotations

import networkx as nx
import pytest

from graph import measures
from graph.errors import NetworkError
from graph.measures import MEASURES, communities, components, membership, modularity, score
from graph.network import Filters, build, network


@pytest.mark.parametrize("measure", MEASURES)
def test_every_measure_scores_every_node(sample_store, measure):
    net = network(sample_store)
    result = score(net, measure)
    assert set(result.values) == set(net.graph)
    assert result.note == ""
    assert score(net, measure) is result  # cached with the network


def test_weighted_degree_counts_shared_sessions(sample_store):
    net = network(sample_store)
    weighted, degree = score(net, "weighted").values, score(net, "degree").values
    for person in net.graph:
        shared = [len(net.graph.edges[person, other]["sessions"]) for other in net.graph[person]]
        assert weighted[person] == sum(shared) >= degree[person] == len(shared)


def test_top_ranks_highest_first(sicw_store):
    top = score(network(sicw_store), "pagerank").top(5)
    assert len(top) == 5
    assert [v for _, v in top] == sorted((v for _, v in top), reverse=True)


def test_large_networks_get_sampled_betweenness(sample_store, monkeypatch):
    net = build(sample_store)  # a fresh network: nothing cached
    monkeypatch.setattr(measures, "BETWEENNESS_EXACT_WORK", 5)
    monkeypatch.setattr(measures, "BETWEENNESS_SAMPLES", 4)
    result = score(net, "betweenness")
    assert result.note.startswith("sampled: estimated from 4 of 18 nodes")
    assert set(result.values) == set(net.graph)


def test_communities_partition_the_nodes_and_are_stable(sicw_store):
    net = network(sicw_store)
    found = communities(net)
    assert sorted(n for group in found for n in group) == sorted(net.graph)
    assert [len(g) for g in found] == sorted((len(g) for g in found), reverse=True)
    again = nx.community.louvain_communities(net.graph, weight="weight", seed=measures.SEED)
    assert sorted(map(sorted, again)) == sorted(map(sorted, found))
    assert 0 < modularity(net) < 1


def test_components_match_networkx(sicw_store):
    net = network(sicw_store)
    found = components(net)
    assert len(found) == nx.number_connected_components(net.graph) > 1
    assert len(found[0]) == max(len(c) for c in nx.connected_components(net.graph))
    assert set(membership(found)) == set(net.graph)


@pytest.mark.parametrize("measure", MEASURES)
def test_an_empty_network_scores_nothing(sample_store, measure):
    net = network(sample_store, filters=Filters(year=1999))
    assert score(net, measure).values == {}
    assert components(net) == [] and modularity(net) == 0.0


def test_an_unknown_measure_names_the_known_ones(sample_store):
    with pytest.raises(NetworkError, match="use one of degree, weighted"):
        score(network(sample_store), "closeness")
