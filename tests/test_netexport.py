"""Network files re-load with networkx with the same nodes, edges, weights and labels."""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from graph.errors import NetworkError
from graph.netexport import write
from graph.network import KINDS, network

READERS = {"graphml": nx.read_graphml, "gexf": nx.read_gexf}


def same(net, loaded):
    assert set(loaded.nodes) == set(net.graph.nodes)
    assert {frozenset(e) for e in loaded.edges} == {frozenset(e) for e in net.graph.edges}
    for a, b, data in net.graph.edges(data=True):
        assert float(loaded.edges[a, b]["weight"]) == data["weight"]
        assert loaded.edges[a, b]["sessions"].split() == list(data["sessions"])
    for n, data in net.graph.nodes(data=True):
        assert loaded.nodes[n]["label"] == data["label"]
        assert loaded.nodes[n]["iri"] == n and loaded.nodes[n]["kind"] == data["kind"]


@pytest.mark.parametrize("fmt", READERS)
@pytest.mark.parametrize("kind", KINDS)
def test_gephi_files_reload_on_the_sample(sample_store, kind, fmt):
    net = network(sample_store, kind)
    same(net, READERS[fmt](io.BytesIO(write(net, fmt))))


@pytest.mark.parametrize("fmt", READERS)
def test_gephi_files_reload_on_the_corpus(sicw_store, fmt):
    net = network(sicw_store)
    same(net, READERS[fmt](io.BytesIO(write(net, fmt))))


def test_json_is_node_link_data(sicw_store):
    net = network(sicw_store, "organisations")
    same(net, nx.node_link_graph(json.loads(write(net, "json")), edges="links"))


def test_csv_is_an_edge_list_with_weights_and_labels(sample_store):
    net = network(sample_store)
    rows = list(csv.DictReader(io.StringIO(write(net, "csv").decode())))
    assert len(rows) == net.graph.number_of_edges()
    for row in rows:
        assert int(row["Weight"]) == net.graph.edges[row["Source"], row["Target"]]["weight"]
        assert row["Source label"] == net.label(row["Source"])


def test_an_unknown_format_names_the_known_ones(sample_store):
    with pytest.raises(NetworkError, match="use one of graphml, gexf"):
        write(network(sample_store), "dot")
