"""The co-appearance network: who appeared with whom, read from the store by SPARQL.

A session links everyone who appeared at it. ``bipartite(store)`` is the
person–session graph; ``network(store, kind)`` projects it onto people,
organisations or countries: two nodes share an edge when they met at a
session, its ``weight`` the number of sessions they share and its
``sessions`` the IRIs of those sessions. Nodes carry ``label``, ``kind`` and
``iri``. Networks are cached per store state, so a store that has not
changed is not queried twice.

>>> g = project({"s1": {"a", "b", "c"}, "s2": {"a", "b"}})
>>> g.edges["a", "b"]
{'weight': 2, 'sessions': ('s1', 's2')}
>>> g.edges["b", "c"]["weight"]
1
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx
import pyoxigraph as ox

from graph import ids
from graph.errors import NetworkError
from graph.store import Store

KINDS = ("people", "organisations", "countries")
NODE_KIND = {"people": "person", "organisations": "org", "countries": "country"}
ROLES = ("moderator", "panellist", "speaker", "keynote", "guest-of-honour", "remarks", "other")

_PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
"""
# how an appearance reaches a node of each kind
_NODE = {
    "people": "?a sg:person ?node .",
    "organisations": "?a sg:position/org:organization ?node .",
    "countries": "?a sg:country ?node .",
}
# a filter adds its pattern only when set; its value is bound to ?_name, never written here.
# facts about editions, roles, countries and people repeat in every file that names them, and the
# union graph keeps the repeats: the DISTINCT subqueries collapse them before any join
_FILTER = {
    "year": "{ SELECT DISTINCT ?session WHERE {\n"
            "    { SELECT DISTINCT ?edition WHERE { ?edition sg:year ?y FILTER(STR(?y) = ?_year) } }\n"
            "    ?session schema:superEvent ?edition } }",
    "edition": "?session schema:superEvent ?_edition .",
    "role": "{ SELECT DISTINCT ?role WHERE { ?role skos:notation ?_role } }\n  ?a sg:role ?role .",
    "country": "{ SELECT DISTINCT ?place WHERE { ?place sg:alpha2 ?_country } }\n  ?a sg:country ?place .",
}
_LABELS = {
    "people": "{ SELECT DISTINCT ?node WHERE { ?node a schema:Person } } ?node sg:displayName ?name .",
    "organisations": "{ SELECT DISTINCT ?node WHERE { ?position org:organization ?node } } ?node sg:displayName ?name .",
    "countries": "{ SELECT DISTINCT ?node ?code WHERE { ?node sg:alpha2 ?code } }\n"
                 "  OPTIONAL { ?node schema:name ?n } BIND(COALESCE(?n, ?code) AS ?name)",
}
_SESSIONS = _PREFIXES + """SELECT ?session (MIN(?t) AS ?title) (MIN(?d) AS ?date) WHERE {
  ?session a sg:Session ; schema:name ?t . OPTIONAL { ?session dcterms:date ?d }
} GROUP BY ?session"""


@dataclass(frozen=True)
class Filters:
    """Which appearances count: of one year or edition, in one role, for one country (alpha-2)."""

    year: int | None = None
    edition: str | None = None
    role: str | None = None
    country: str | None = None

    def patterns(self) -> str:
        """The graph patterns of the filters that are set."""
        return "\n  ".join(_FILTER[name] for name, value in self._set())

    def bindings(self) -> dict[ox.Variable, ox.Literal | ox.NamedNode]:
        """The terms bound to ``?_year``, ``?_edition``, ``?_role``, ``?_country``.

        >>> [str(t) for t in Filters(year=2024, country="sg").bindings().values()]
        ['"2024"', '"SG"']
        """
        terms = {
            "year": lambda v: ox.Literal(str(int(v))),
            "edition": lambda v: ox.NamedNode(v if "://" in v else ids.BASE + "edition/" + v.strip("/")),
            "role": lambda v: ox.Literal(v),
            "country": lambda v: ox.Literal(v.upper()),
        }
        try:
            return {ox.Variable("_" + name): terms[name](value) for name, value in self._set()}
        except ValueError:
            raise NetworkError(f"cannot filter by {self.describe()} — give the year as a number and the edition "
                               "as a key such as sicw/2024 or an IRI") from None

    def describe(self) -> str:
        """The filters in words, for titles and messages.

        >>> Filters(year=2024, role="moderator").describe()
        'year 2024, role moderator'
        """
        return ", ".join(f"{name} {value}" for name, value in self._set())

    def _set(self):
        return [(name, value) for name, value in vars(self).items() if value not in (None, "")]


@dataclass(frozen=True)
class Session:
    """A session as the network shows it: its IRI, title and date."""

    iri: str
    title: str
    date: str = ""


@dataclass
class Network:
    """A weighted projection of the person–session graph, with the sessions its edges name."""

    kind: str
    graph: nx.Graph
    sessions: dict[str, Session]
    filters: Filters = Filters()
    cache: dict = field(default_factory=dict, repr=False)

    def label(self, node: str) -> str:
        """The display name of ``node``."""
        return self.graph.nodes[node].get("label", node)

    def shared(self, a: str, b: str) -> list[Session]:
        """The sessions that link ``a`` and ``b``, by date."""
        iris = self.graph.edges[a, b]["sessions"] if self.graph.has_edge(a, b) else ()
        return sorted((self.sessions[s] for s in iris), key=lambda s: (s.date, s.title))


@dataclass(frozen=True)
class Step:
    """One step of a path: from one person to the next, through the sessions they shared."""

    source: str
    target: str
    sessions: list[Session]


def members(store: Store, kind: str = "people", filters: Filters = Filters()) -> dict[str, set[str]]:
    """The nodes of ``kind`` at each session: ``{session IRI: {node IRI, …}}``."""
    _check_kind(kind)
    sparql = _PREFIXES + f"""SELECT DISTINCT ?session ?node WHERE {{
  {filters.patterns()}
  ?a a sg:Appearance ; sg:session ?session .
  {_NODE[kind]}
}}"""
    out: dict[str, set[str]] = defaultdict(set)
    for row in store.query(sparql, filters.bindings()):
        out[row["session"].value].add(row["node"].value)
    return dict(out)


def project(sessions: dict[str, set[str]]) -> nx.Graph:
    """The co-appearance graph of ``{session: members}``: weight = number of shared sessions."""
    graph = nx.Graph()
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for session in sorted(sessions):
        nodes = sorted(sessions[session])
        graph.add_nodes_from(nodes)
        for a, b in combinations(nodes, 2):
            shared[a, b].append(session)
    graph.add_edges_from((a, b, {"weight": len(s), "sessions": tuple(s)}) for (a, b), s in shared.items())
    return graph


def labels(store: Store, kind: str) -> dict[str, str]:
    """The display name of every node of ``kind`` in the store (graph/tallies.py; a country's least name)."""
    _check_kind(kind)
    sparql = _PREFIXES + f"SELECT ?node (MIN(?name) AS ?label) WHERE {{ {_LABELS[kind]} }} GROUP BY ?node"
    return {row["node"].value: row["label"].value for row in store.query(sparql) if row["label"]}


def sessions(store: Store) -> dict[str, Session]:
    """Every session's title and date, by IRI."""
    return {row["session"].value: Session(row["session"].value, row["title"].value,
                                          row["date"].value if row["date"] else "")
            for row in store.query(_SESSIONS)}


def build(store: Store, kind: str = "people", filters: Filters = Filters()) -> Network:
    """The network of ``kind`` from the store, without the cache."""
    graph = project(members(store, kind, filters))
    names = labels(store, kind)
    for node, data in graph.nodes(data=True):
        data.update(label=names.get(node, _local(node)), kind=NODE_KIND[kind], iri=node)
    graph.graph.update(kind=kind, filters=filters.describe())
    return Network(kind, graph, sessions(store), filters)


def bipartite(store: Store, filters: Filters = Filters()) -> nx.Graph:
    """The person–session graph: people (``bipartite=0``) joined to the sessions they appeared at (``1``)."""
    by_session = members(store, "people", filters)
    names, titles = labels(store, "people"), sessions(store)
    graph = nx.Graph()
    for session, people in by_session.items():
        info = titles.get(session, Session(session, _local(session)))
        graph.add_node(session, label=info.title, kind="session", iri=session, date=info.date, bipartite=1)
        for person in people:
            graph.add_node(person, label=names.get(person, _local(person)), kind="person", iri=person, bipartite=0)
            graph.add_edge(person, session)
    return graph


_lock = threading.Lock()
_memory: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # in-memory store -> its cache
_shared: dict = {}  # (location, state, kind, filters) -> Network, for stores on disk or a server
_CACHE_SIZE = 16


def network(store: Store, kind: str = "people", filters: Filters | None = None, state: str | None = None) -> Network:
    """The network of ``kind``, computed once per store state (``store.state()`` unless given) and filters."""
    filters = filters or Filters()
    # every in-memory store calls itself ":memory:", so each gets a cache of its own
    cache = _memory.setdefault(store, {}) if store.location == ":memory:" else _shared
    key = (store.location, state or store.state(), kind, filters)
    with _lock:
        if key not in cache:
            if len(cache) >= _CACHE_SIZE:
                del cache[next(iter(cache))]
            cache[key] = build(store, kind, filters)
        return cache[key]


def node(net: Network, text: str) -> str:
    """The node named by ``text``: an IRI, a key (``maria-adebahr``) or a label; raises ``NetworkError``."""
    text = text.strip()
    iri = text if "://" in text else ids.BASE + NODE_KIND[net.kind] + "/" + text.strip("/")
    if iri in net.graph:
        return iri
    by_label = _by_label(net)
    if ids.fold(text) in by_label:
        return by_label[ids.fold(text)]
    hint = _closest(net, text)
    where = f" ({net.filters.describe()})" if net.filters.describe() else ""
    raise NetworkError(f"{text!r} is not in the {net.kind} network{where}"
                       + (f" — did you mean {hint!r}?" if hint else " — give a key, an IRI or a full name"))


def path(net: Network, source: str, target: str) -> list[Step]:
    """The shortest chain of co-appearances from ``source`` to ``target``, with the sessions of each step."""
    a, b = node(net, source), node(net, target)
    try:
        hops = nx.shortest_path(net.graph, a, b)
    except nx.NetworkXNoPath:
        raise NetworkError(f"{net.label(a)} and {net.label(b)} are not connected: no chain of shared "
                           f"sessions links them") from None
    return [Step(x, y, net.shared(x, y)) for x, y in zip(hops, hops[1:])]


def neighbours(net: Network, text: str) -> list[tuple[str, int, list[Session]]]:
    """Who ``text`` appeared with: ``(node, weight, sessions)``, most shared first."""
    me = node(net, text)
    rows = [(other, net.graph.edges[me, other]["weight"], net.shared(me, other)) for other in net.graph[me]]
    return sorted(rows, key=lambda r: (-r[1], net.label(r[0])))


def _by_label(net: Network) -> dict[str, str]:
    if "by_label" not in net.cache:
        net.cache["by_label"] = {ids.fold(net.label(n)): n for n in sorted(net.graph, reverse=True)}
    return net.cache["by_label"]


def _closest(net: Network, text: str) -> str | None:
    from rapidfuzz import process

    if "://" not in text and " " not in text:  # a key: suggest a key
        keys = [ids.split(n)[1] if ids.split(n) else n for n in net.graph]
        match = process.extractOne(text, keys, score_cutoff=80)
    else:
        match = process.extractOne(ids.fold(text.rsplit("/", 1)[-1]), list(_by_label(net)), score_cutoff=80)
        match = match and (net.label(_by_label(net)[match[0]]),)
    return match[0] if match else None


def _local(iri: str) -> str:
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise NetworkError(f"no network of {kind!r} — use one of {', '.join(KINDS)}")
