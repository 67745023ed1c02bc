"""Write a co-appearance network for Gephi and friends: GraphML, GEXF, node-link JSON, CSV edge list.

The files come from networkx's writers (and the csv module). Their
attributes must be plain values, so an edge's ``sessions`` is written as its
session IRIs separated by spaces (an IRI holds no space).

>>> import networkx as nx
>>> from graph.network import Network
>>> g = nx.Graph([("a", "b", {"weight": 2, "sessions": ("s1", "s2")})])
>>> nx.set_node_attributes(g, {"a": "A", "b": "B"}, "label")
>>> print(write(Network("people", g, {}), "csv").decode().strip())
Source,Target,Weight,Source label,Target label,Sessions
a,b,2,A,B,s1 s2
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx

from graph.errors import NetworkError
from graph.network import Network
from graph.text import cells, clean

FORMATS = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
    "csv": "text/csv",
}


def flat(net: Network) -> nx.Graph:
    """A copy of the network whose attributes are all strings and numbers, strings XML can hold."""
    graph = nx.Graph(**{k: _legal(v) for k, v in net.graph.graph.items() if v not in (None, "")})
    graph.add_nodes_from((n, {k: _legal(v) for k, v in data.items()}) for n, data in net.graph.nodes(data=True))
    for a, b, data in net.graph.edges(data=True):
        graph.add_edge(a, b, **{**data, "sessions": " ".join(data.get("sessions", ()))})
    return graph


def _legal(value):
    return clean(value) if isinstance(value, str) else value


def write(net: Network, fmt: str) -> bytes:
    """The network as ``fmt`` (graphml, gexf, json or csv), as bytes."""
    if fmt not in FORMATS:
        raise NetworkError(f"no network format {fmt!r} — use one of {', '.join(FORMATS)}")
    return _WRITERS[fmt](flat(net))


def format_for(path: str, default: str = "graphml") -> str:
    """The format named by a file's extension, or ``default``.

    >>> format_for("people.gexf"), format_for("out.txt")
    ('gexf', 'graphml')
    """
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return ext if ext in FORMATS else default


def _graphml(graph: nx.Graph) -> bytes:
    out = io.BytesIO()
    nx.write_graphml(graph, out, encoding="utf-8")
    return out.getvalue()


def _gexf(graph: nx.Graph) -> bytes:
    out = io.BytesIO()
    nx.write_gexf(graph, out, encoding="utf-8")
    return out.getvalue()


def _json(graph: nx.Graph) -> bytes:
    data = nx.node_link_data(graph, edges="links")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def _csv(graph: nx.Graph) -> bytes:
    out = io.StringIO()
    rows = csv.writer(out, lineterminator="\n")
    rows.writerow(["Source", "Target", "Weight", "Source label", "Target label", "Sessions"])
    for a, b, data in sorted(graph.edges(data=True)):
        rows.writerow(cells([a, b, data.get("weight", 1), graph.nodes[a].get("label", a),
                             graph.nodes[b].get("label", b), data.get("sessions", "")]))
    return out.getvalue().encode()


_WRITERS = {"graphml": _graphml, "gexf": _gexf, "json": _json, "csv": _csv}
