"""Measures of a co-appearance network: centralities, components, communities.

Every measure is computed once per network (and so once per store state):
the results are kept in ``Network.cache``. Exact betweenness costs
nodes × edges, too slow above a few thousand nodes in pure Python, so larger
networks get networkx's estimate from sampled source nodes, and the result
says so in its ``note``.

>>> import networkx as nx
>>> from graph.network import Network
>>> net = Network("people", nx.Graph([("a", "b", {"weight": 2}), ("b", "c", {"weight": 1})]), {})
>>> score(net, "weighted").values
{'a': 2, 'b': 3, 'c': 1}
>>> score(net, "betweenness").values["b"]
1.0
>>> [sorted(c) for c in components(net)]
[['a', 'b', 'c']]
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.errors import NetworkError
from graph.network import Network

MEASURES = ("degree", "weighted", "betweenness", "pagerank", "eigenvector")
# each measure in the words of the network page, in the order it offers them: (name, what it says)
WORDS = {
    "weighted": ("shared sessions", "the sessions shared with others, once for each other met there"),
    "degree": ("connections", "how many others each appeared with at least once"),
    "betweenness": ("bridging (betweenness)", "how often each lies on the shortest chain between two others: "
                                              "the go-betweens of groups that seldom meet"),
    "pagerank": ("influence (PageRank)", "connections to others who are well connected themselves, "
                                         "sessions shared more often counting more"),
    "eigenvector": ("well-connected circle (eigenvector)", "how well connected each one's connections are"),
}
# exact betweenness costs about nodes × edges steps (~2 µs each here): 8.7k nodes × 118k edges would
# take half an hour, so above this budget it is estimated from a sample of source nodes (~20 s there)
BETWEENNESS_EXACT_WORK = 5_000_000
BETWEENNESS_SAMPLES = 100
SEED = 42  # sampling and Louvain are seeded, so reruns agree


@dataclass
class Score:
    """The value of one measure for every node; ``note`` says how it was computed when not exactly."""

    measure: str
    values: dict[str, float]
    note: str = ""

    def top(self, n: int | None = 10) -> list[tuple[str, float]]:
        """The ``n`` highest-scoring nodes, ties in node order."""
        return sorted(self.values.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def score(net: Network, measure: str) -> Score:
    """``measure`` for every node of ``net``: degree, weighted, betweenness, pagerank or eigenvector."""
    if measure not in MEASURES:
        raise NetworkError(f"no measure {measure!r} — use one of {', '.join(MEASURES)}")
    return _cached(net, measure, lambda: _MEASURE[measure](net.graph))


def words(measure: str) -> str:
    """The measure's name in words, for people who read the network page.

    >>> words("weighted"), words("betweenness")
    ('shared sessions', 'bridging (betweenness)')
    """
    return WORDS[measure][0] if measure in WORDS else measure


def components(net: Network) -> list[set[str]]:
    """The connected components, largest first."""
    return _cached(net, "components", lambda: sorted(nx.connected_components(net.graph), key=_size))


def communities(net: Network) -> list[set[str]]:
    """Louvain communities on the edge weights (seeded, so stable), largest first."""
    found = lambda: sorted(nx.community.louvain_communities(net.graph, weight="weight", seed=SEED), key=_size)
    return _cached(net, "communities", found)


def modularity(net: Network) -> float:
    """The weighted modularity of ``communities(net)`` (0 for a network without edges)."""
    if not net.graph.number_of_edges():
        return 0.0
    return _cached(net, "modularity", lambda: nx.community.modularity(net.graph, communities(net), weight="weight"))


def membership(groups: list[set[str]]) -> dict[str, int]:
    """``{node: index of its group}``, for components or communities.

    >>> membership([{"a", "b"}, {"c"}])["c"]
    1
    """
    return {node: i for i, group in enumerate(groups) for node in group}


def _cached(net: Network, name: str, compute):
    if name not in net.cache:
        net.cache.setdefault(name, compute())  # two threads may both compute; the first result stays
    return net.cache[name]


def _size(group: set[str]) -> tuple[int, str]:
    return -len(group), min(group)


def _degree(graph: nx.Graph) -> Score:
    return Score("degree", dict(graph.degree()))


def _weighted(graph: nx.Graph) -> Score:
    return Score("weighted", dict(graph.degree(weight="weight")))


def _betweenness(graph: nx.Graph) -> Score:
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    if n * m <= BETWEENNESS_EXACT_WORK or n <= BETWEENNESS_SAMPLES:
        return Score("betweenness", nx.betweenness_centrality(graph))
    values = nx.betweenness_centrality(graph, k=BETWEENNESS_SAMPLES, seed=SEED)
    return Score("betweenness", values, f"sampled: estimated from {BETWEENNESS_SAMPLES} of {n:,} nodes "
                                        f"(exact is too slow at {n:,} nodes and {m:,} edges)")


def _pagerank(graph: nx.Graph) -> Score:
    return Score("pagerank", nx.pagerank(graph, weight="weight") if graph else {})


def _eigenvector(graph: nx.Graph) -> Score:
    if not graph.number_of_edges():
        return Score("eigenvector", dict.fromkeys(graph, 0.0))
    try:
        return Score("eigenvector", nx.eigenvector_centrality(graph, weight="weight", max_iter=1000, tol=1e-8))
    except nx.PowerIterationFailedConvergence:
        raise NetworkError("eigenvector centrality did not converge on this network — "
                           "use --measure pagerank instead") from None


_MEASURE = {"degree": _degree, "weighted": _weighted, "betweenness": _betweenness,
            "pagerank": _pagerank, "eigenvector": _eigenvector}
