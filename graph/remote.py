"""A SPARQL 1.1 server as the store: Virtuoso, Fuseki, GraphDB… through the standard protocols.

The store is the set of named graphs under ``ids.BASE`` on the server, one
per ingested file, and the graph ``UNION``: their set-union, kept in step by
every write, so that a fact printed in many files is there once (as in the
embedded store's default graph). Queries are sent with ``UNION`` as their
default graph, except those that name graphs themselves (``GRAPH``, ``FROM``):
Virtuoso then finds nothing in ``GRAPH <iri>``, so those see the server's own
default graph, the union of all graphs with repeats.

Writes never leave a graph half-written. A batch of new graphs is uploaded
under temporary graph IRIs (one per file; on Virtuoso, whose Graph Store takes
one graph per request, a single staging graph) in a few requests, and its size
checked; only then does one update per 1,000 files switch them over the old
graphs. A failure before the switch drops the temporary graphs and keeps the
old ones; a graph found wrong after the switch is dropped, so the next ingest
writes it again. On Virtuoso, a writer who may call its loader (``dba``) hands
it TriG of many files instead: new graphs are loaded in place (and into
UNION), listed under the write's pending mark until the counts are checked and
a checkpoint has made the unlogged rows durable; changed graphs go through
temporary graphs and the switch.

>>> options_from({"SPEAKERGRAPH_USER": "dba", "SPEAKERGRAPH_PASSWORD": "s3cret", "HOME": "/root"})
{'user': 'dba', 'password': 's3cret'}
>>> [len(g) for g in groups({"a": 3, "b": 3, "c": 9, "d": 1}, page=6)]
[2, 1, 1]
"""

from __future__ import annotations

import itertools
import threading
import uuid
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace

import pyoxigraph as ox
from rdflib.namespace import DCTERMS

from graph import ids, tallies
from graph.errors import QueryError, RemoteStoreError, SpeakergraphError
from graph.protocol import N_TRIPLES, RESULTS, Client, Endpoints, is_distinct, names_graphs, query_form
from graph.queries import bind_values
from graph.store import _SOURCES, Store

ENV = {"update_url": "SPEAKERGRAPH_UPDATE_URL", "gsp_url": "SPEAKERGRAPH_GSP_URL",
       "user": "SPEAKERGRAPH_USER", "password": "SPEAKERGRAPH_PASSWORD", "timeout": "SPEAKERGRAPH_TIMEOUT",
       "read_user": "SPEAKERGRAPH_READ_USER", "read_password": "SPEAKERGRAPH_READ_PASSWORD"}
TEMP = "https://w3id.org/speakergraph/tmp/"  # outside ids.BASE: never counted, exported or listed
STATE = "https://w3id.org/speakergraph/state"  # a graph with one token, new on every write, for caches
UNION = "https://w3id.org/speakergraph/union"  # the set-union of the file graphs; outside ids.BASE: never exported
PENDING = "https://w3id.org/speakergraph/pending"  # the temporary-graph prefix of each write under way
UPLOAD_TRIPLES = 50_000  # per Graph Store POST
INSERT_TRIPLES = 2_000  # per INSERT DATA request, many files' graphs in it (Virtuoso fails near 5,000)
SWITCH_GRAPHS = 200  # graphs per update request that drops graphs (Virtuoso fails near 2,000 operations)
COUNT_GRAPHS = 1_000  # graphs counted per query
MOVE_GRAPHS = 1_000  # graphs per switch request: a fixed number of operations, whatever the number of graphs
LOAD_QUADS = 20_000  # quads (union copies included) per request to Virtuoso's loader: about 1 MB of TriG
PAGE = 5_000  # rows per SELECT, below Virtuoso's default ResultSetMaxRows of 10,000

_OURS = f"FILTER(STRSTARTS(STR(?g), {ox.Literal(ids.BASE)}))"
_STATE, _TOKEN = ox.NamedNode(STATE), ox.NamedNode(str(DCTERMS.identifier))
_UNION = ox.NamedNode(UNION)
_IS, _IN = ox.NamedNode(f"{TEMP}is"), ox.NamedNode(f"{TEMP}in")  # a staged quad's subject and graph
_PENDING, _SEE = ox.NamedNode(PENDING), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
# a smaller TriG: vocabularies only, whose local names need no escapes (Virtuoso misreads "id:a\\/b")
_PREFIXES = {"sg": "https://w3id.org/speakergraph/vocab#", "schema": "https://schema.org/",
             "dcterms": "http://purl.org/dc/terms/", "xsd": "http://www.w3.org/2001/XMLSchema#"}


def options_from(env: Mapping[str, str]) -> dict[str, str]:
    """The remote store's options (endpoints, credentials, time-out) from ``SPEAKERGRAPH_*`` variables in ``env``."""
    return {key: env[name] for key, name in ENV.items() if env.get(name)}


def reading(options: Mapping[str, str] | None) -> dict[str, str]:
    """The options a reader (the web app) uses: the read-only credentials or none, never the writer's.

    >>> reading({"user": "dba", "password": "s3cret", "update_url": "http://h/sparql-auth", "timeout": "30"})
    {'timeout': '30'}
    >>> reading({"user": "dba", "read_user": "reader", "read_password": "r"})
    {'user': 'reader', 'password': 'r'}
    """
    options = dict(options or {})
    kept = {key: options[key] for key in ("timeout",) if key in options}
    if options.get("read_user"):
        kept |= {"user": options["read_user"], "password": options.get("read_password", "")}
    return kept


class RemoteStore(Store):
    """The graphs under ``ids.BASE`` on a SPARQL 1.1 server."""

    def __init__(self, endpoints: Endpoints, timeout: float = 60.0):
        self.location = endpoints.query
        self._client = Client(endpoints, timeout)
        self._lock = threading.Lock()
        self._ready = False
        self._union: bool | None = None  # whether queries go to UNION: found out on the first one
        self._bulk = ""  # what starts a large update on this server
        self._loader = False  # whether Virtuoso's own loader takes our TriG (found on the first write)
        self._deferred: list[str] | None = None  # in a first load: the writes that wait for its checkpoint
        self._recount: set[str] | None = set()  # countries whose tallies the next touch counts again (None: all)

    @classmethod
    def from_url(cls, url: str, options: Mapping[str, str] | None = None) -> "RemoteStore":
        """The store at the query endpoint ``url``; ``options`` as made by ``options_from``."""
        options = dict(options or {})
        try:
            timeout = float(options.get("timeout", 60))
        except ValueError:
            raise RemoteStoreError(f"time-out {options['timeout']!r} is not a number of seconds — "
                                   "set SPEAKERGRAPH_TIMEOUT to e.g. 120") from None
        return cls(Endpoints.for_url(url, options), timeout)

    def query(self, sparql: str, bindings: dict | None = None):
        text = bind_values(sparql, bindings)
        default = UNION if not names_graphs(text) and self._has_union() else None
        if query_form(text) in ("SELECT", "ASK"):
            response = self._client.query(text, RESULTS, default)
            return self._distinct(response) if is_distinct(text) else self._parse_results(response)
        return self._parse_triples(self._client.query(text, N_TRIPLES, default))

    def sources(self) -> dict[str, tuple[str, str]]:
        rows = self._paged(_SOURCES, "?g")  # paged: a big site has more files than a server's row limit
        return {r["g"].value: (r["path"].value, r["hash"].value) for r in rows}

    def replace(self, graphs: dict[str, list[ox.Quad]]) -> None:
        if not graphs:
            return
        with self._lock:
            self._prepare()
            run = f"{TEMP}{uuid.uuid4().hex}/"
            expected = {g: len({q.triple for q in quads}) for g, quads in graphs.items()}
            self._mark(graphs)
            if self._loader:
                self._load(run, graphs, expected)
                return
            self._pending(run, True)  # a writer killed from here on is cleaned up by the next one
            staged = bool(self._client.endpoints.gsp and not self._client.endpoints.gsp_quads)
            temps = {g: f"{run}{g}" for g in graphs} if not staged else {"": f"{run}stage"}
            switching = False
            try:
                if staged:  # Virtuoso: one graph per Graph Store request
                    self._stage(temps[""], graphs)
                    switching = True
                    self._unstage(temps[""], expected)
                else:
                    self._upload_all({temps[g]: quads for g, quads in graphs.items()})
                    self._check({temps[g]: n for g, n in expected.items()}, "uploaded to a temporary graph")
                    switching = True
                    self._switch(run, expected)
            except SpeakergraphError:
                self._quietly(self._drop, temps.values())
                if switching:  # a switch cut short: no graph half-written stays
                    self._quietly(self._check, expected, "after a failed switch", True)
                self._quietly(self._rebuild_union)  # the switch may have moved some graphs
                self._quietly(self._touch)
                self._quietly(self._pending, run, False)
                raise
            try:
                self._check(expected, "after the switch", drop=True)
            finally:
                self._quietly(self._touch)
                self._quietly(self._pending, run, False)

    @contextmanager
    def first_load(self):
        """A run of writes whose checkpoint comes once at its end (on Virtuoso through its loader), not per write;
        their marks stay until then, so a run cut short is dropped whole by the next writer."""
        self._deferred = []
        try:
            yield self
        finally:
            runs, self._deferred = self._deferred, None
            with self._lock:
                if runs:
                    self._quietly(self._durable, runs)
                if self._ready:
                    self._quietly(self._touch)  # with the tallies counted once for the whole load

    def remove(self, graphs: Iterable[str]) -> None:
        graphs = list(graphs)
        if graphs:
            with self._lock:
                self._prepare()
                self._mark({g: [] for g in graphs})
                try:
                    self._drop(graphs, union=True)
                except SpeakergraphError:
                    self._quietly(self._rebuild_union)
                    raise
                finally:
                    self._quietly(self._touch)

    def quads(self) -> Iterator[ox.Quad]:
        sizes = self._sizes()
        for group in groups(sizes, PAGE):
            yield from self._quads_of(group, sizes)

    def count(self) -> int:
        rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}")
        return int(rows[0]["n"].value)

    def state(self) -> str:
        rows = self._select(f"SELECT ?token WHERE {{ GRAPH {_STATE} {{ {_STATE} {_TOKEN} ?token }} }}")
        return f"{self.location}#{rows[0]['token'].value if rows else 'new'}"

    def close(self) -> None:
        self._client.close()

    # reading

    def _has_union(self) -> bool:
        """Whether UNION holds the store (or the store is empty); not on a store written before UNION existed."""
        if self._union is None:
            try:
                self._union = bool(self._parse_results(self._client.query("ASK { ?s ?p ?o }", RESULTS, UNION))) \
                    or not self._has_graphs()
            except QueryError:
                self._union = False  # a server that refuses default-graph-uri: its own default graph
        return self._union

    def _has_graphs(self) -> bool:
        return bool(self.query(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}"))

    def _select(self, sparql: str) -> list:
        return list(self.query(sparql))

    def _parse_results(self, response):
        media = response.headers.get("content-type", "").split(";")[0].strip()
        fmt = ox.QueryResultsFormat.from_media_type(media)
        if fmt is None:
            raise RemoteStoreError(f"the SPARQL server at {self.location} answered with {media!r}, not SPARQL "
                                   "results — is the --store URL its query endpoint?")
        try:
            return ox.parse_query_results(response.content, format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise RemoteStoreError(f"the SPARQL server at {self.location} sent unreadable results: {exc}") from None

    def _distinct(self, response):
        """The solutions without repeats: Virtuoso 7.2 can send a row twice under SELECT DISTINCT."""
        solutions = self._parse_results(response)
        names = solutions.variables
        rows = [tuple(s[v] for v in names) for s in solutions]
        unique = list(dict.fromkeys(rows))
        if len(unique) == len(rows):
            return self._parse_results(response)
        # the same result type as the embedded store's, in the server's order, built by pyoxigraph
        values = " ".join("(" + " ".join("UNDEF" if t is None else str(t) for t in row) + ")" for row in unique)
        variables = " ".join(str(v) for v in names)
        return ox.Store().query(f"SELECT {variables} WHERE {{ VALUES ({variables}) {{ {values} }} }}")

    def _parse_triples(self, response):
        media = response.headers.get("content-type", N_TRIPLES).split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(media)
        if fmt is None:
            raise RemoteStoreError(f"the SPARQL server at {self.location} answered with {media!r}, not RDF — "
                                   "is the --store URL its query endpoint?")
        graph = ox.Store()  # the same result type as the embedded store's: QueryTriples
        try:
            graph.bulk_load(response.content, format=fmt)
        except (SyntaxError, ValueError) as exc:
            raise RemoteStoreError(f"the SPARQL server at {self.location} sent unreadable RDF: {exc}") from None
        return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")

    def _paged(self, select: str, order: str) -> Iterator:
        """The rows of ``select``, a page per request, so that no server limit on result sets cuts them."""
        offset = 0
        while True:
            rows = self._select(f"{select} ORDER BY {order} LIMIT {PAGE} OFFSET {offset}")
            yield from rows
            if len(rows) < PAGE:
                return
            offset += PAGE

    def _sizes(self) -> dict[str, int]:
        """Triples per graph of ours."""
        rows = self._paged(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }} GROUP BY ?g", "?g")
        return {r["g"].value: int(r["n"].value) for r in rows}

    def _quads_of(self, group: list[str], sizes: dict[str, int]) -> Iterator[ox.Quad]:
        values = " ".join(str(ox.NamedNode(g)) for g in group)
        where = f"WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        expected = sum(sizes[g] for g in group)
        pages = range(0, expected, PAGE) if len(group) == 1 and expected > PAGE else [None]
        rows = 0
        for offset in pages:
            page = "" if offset is None else f" ORDER BY ?s ?p ?o LIMIT {PAGE} OFFSET {offset}"
            for r in self.query(f"SELECT ?g ?s ?p ?o {where}{page}"):
                rows += 1
                yield ox.Quad(r["s"], r["p"], r["o"], r["g"])
        if rows != expected:
            raise RemoteStoreError(f"the SPARQL server at {self.location} sent {rows} triples of "
                                   f"{', '.join(group[:3])}… where it counted {expected} — the graphs changed "
                                   "while reading them; run the command again")

    def _counts(self, graphs: Iterable[str]) -> dict[str, int]:
        values = " ".join(str(ox.NamedNode(g)) for g in graphs)
        rows = self._select(f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
                            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        return {r["g"].value: int(r["n"].value) for r in rows}

    # writing

    def _prepare(self) -> None:
        """Find the update endpoints and check the right to write, before anything is sent."""
        if self._ready:
            return
        client = self._client
        server = client.server()
        self._bulk = "DEFINE sql:log-enable 2\n" if server.startswith("Virtuoso") else ""  # no undo log: faster
        own = client.endpoints.update is None and client.endpoints.gsp is None  # none named by hand
        if client.endpoints.update is None:
            client.endpoints = _discovered(client.endpoints, server)
        # a harmless update: fails early on missing rights, and primes Digest auth before large bodies
        client.update(f"DROP SILENT GRAPH {ox.NamedNode(TEMP + 'probe')}", idempotent=True)
        self._loader = own and server.startswith("Virtuoso") and self._may_load()
        if not self._has_union():
            self._rebuild_union()  # a store written before UNION existed
        self._clean_up_cut_writes()
        self._ready = True

    def _pending(self, run: str, on: bool, graphs: Iterable[str] = ()) -> None:
        """Mark (or unmark) the write whose temporary graphs start with ``run`` as under way, with the new ``graphs``
        it writes in place (dropped by the next writer should this one be killed)."""
        triple = f"GRAPH {_PENDING} {{ {_PENDING} {_SEE} {ox.NamedNode(run)} }}"
        if not on:
            self._client.update(f"DELETE WHERE {{ GRAPH {_PENDING} {{ {ox.NamedNode(run)} {_SEE} ?g }} }} ;\n"
                                f"DELETE DATA {{ {triple} }}", idempotent=True)
            return
        self._client.update(f"INSERT DATA {{ {triple} }}", idempotent=True)
        graphs = list(graphs)
        for start in range(0, len(graphs), INSERT_TRIPLES):
            listed = " ".join(f"{ox.NamedNode(run)} {_SEE} {ox.NamedNode(g)} ." for g in graphs[start:start + INSERT_TRIPLES])
            self._client.update(f"INSERT DATA {{ GRAPH {_PENDING} {{ {listed} }} }}", idempotent=True)

    def _clean_up_cut_writes(self) -> None:
        """After a writer was killed (one writer at a time): its temporary graphs dropped, UNION made again."""
        runs = self._select(f"SELECT ?run WHERE {{ GRAPH {_PENDING} {{ {_PENDING} {_SEE} ?run }} }}")
        if not runs:
            return
        rows = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                            f"FILTER(STRSTARTS(STR(?g), {ox.Literal(TEMP)})) }}")
        placed = self._select(f"SELECT ?g WHERE {{ GRAPH {_PENDING} {{ {_PENDING} {_SEE} ?run . ?run {_SEE} ?g }} }}")
        self._drop([r["g"].value for r in rows + placed])  # new graphs written in place: absent again
        self._rebuild_union()  # the cut write may have left it half-switched
        self._client.update(f"DROP SILENT GRAPH {_PENDING}", idempotent=True)
        self._touch()

    def _may_load(self) -> bool:
        """Whether this Virtuoso user may call the loader and a checkpoint from SPARQL (dba may; others not by
        default, and then the staging graph is used)."""
        try:
            self._client.call(_load_query([]))
            self._client.call(_CHECKPOINT)
            return True
        except SpeakergraphError:
            return False

    def _load(self, run: str, graphs: dict[str, list[ox.Quad]], expected: dict[str, int]) -> None:
        """Replace the graphs through Virtuoso's own loader (``TTLP_MT``), fed TriG of many files per request.

        A graph new to the store is loaded in place, with its triples in UNION
        too, listed first under the pending mark; a graph that holds triples is
        loaded under a temporary graph and switched over the old one. The loader
        writes without Virtuoso's transaction log (as its bulk loader does), so
        the mark stays until a checkpoint has made the rows durable: a writer
        killed, or a server that crashed, before then leaves the mark, and the
        next writer drops the graphs it lists with the temporary ones.
        """
        held = self._held(graphs)
        temps = {g: f"{run}{g}" for g in graphs if g in held}
        fresh = [g for g in graphs if g not in held]
        self._pending(run, True, fresh)
        switching = False
        try:
            self._send_documents(_load_query(d) for d in _documents(graphs, temps))
            self._check({temps.get(g, g): n for g, n in expected.items()}, "loaded by the server")
            switching = True
            if temps:
                self._switch(run, {g: expected[g] for g in temps})
        except SpeakergraphError:
            self._quietly(self._drop, [*temps.values(), *fresh])
            if switching:  # a switch cut short: no graph half-written stays
                self._quietly(self._check, {g: expected[g] for g in temps}, "after a failed switch", True)
            self._quietly(self._rebuild_union)
            self._quietly(self._touch)
            self._quietly(self._pending, run, False)
            raise
        try:
            self._check({g: expected[g] for g in temps}, "after the switch", drop=True)
        finally:
            self._quietly(self._touch)
            if self._deferred is None:
                self._quietly(self._durable, [run])
            else:
                self._deferred.append(run)  # marked until the first load's end

    def _durable(self, runs: list[str]) -> None:
        """A checkpoint, which makes the rows the loader wrote durable, then the writes' marks taken away."""
        self._client.call(_CHECKPOINT)
        for run in runs:
            self._pending(run, False)

    def _send_documents(self, queries: Iterator[str]) -> None:
        """Send the loader's requests one at a time, the next one encoded while the server loads the last."""
        with ThreadPoolExecutor(1) as sender:
            sent = None
            for query in queries:
                if sent:
                    sent.result()
                sent = sender.submit(self._client.call, query)
            if sent:
                sent.result()

    def _held(self, graphs: Iterable[str]) -> set[str]:
        """Those of ``graphs`` that hold triples on the server."""
        graphs, held = list(graphs), set()
        for start in range(0, len(graphs), COUNT_GRAPHS):
            held |= set(self._counts(graphs[start:start + COUNT_GRAPHS]))
        return held

    def _upload_all(self, temps: dict[str, list[ox.Quad]]) -> None:
        """Upload each file's quads to its temporary graph, many files per request: N-Quads to a Graph Store
        endpoint that takes them (Fuseki, Oxigraph), else ``INSERT DATA`` split under the server's limits."""
        if self._client.endpoints.gsp and self._client.endpoints.gsp_quads:
            for chunk in _chunks(temps, UPLOAD_TRIPLES):
                self._client.post_quads(ox.serialize(chunk, format=ox.RdfFormat.N_QUADS))
            return
        for chunk in _chunks(temps, INSERT_TRIPLES):
            self._client.update(f"INSERT DATA {{\n{_quad_data(chunk)}\n}}", idempotent=True)

    def _upload(self, graph: str, triples: list[ox.Triple]) -> None:
        """Upload the triples of one graph, through the Graph Store Protocol when there is an endpoint."""
        if not self._client.endpoints.gsp:
            self._upload_all({graph: [ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(graph))
                                      for t in triples]})
            return
        for start in range(0, len(triples), UPLOAD_TRIPLES):
            self._client.post_triples(graph, ox.serialize(triples[start:start + UPLOAD_TRIPLES],
                                                          format=ox.RdfFormat.N_TRIPLES))

    def _stage(self, stage: str, graphs: dict[str, list[ox.Quad]]) -> None:
        """Upload the quads of every graph, as triples, to one temporary graph: the staging graph, checked whole.

        A Graph Store request of Virtuoso's takes one graph, and a request per file
        costs more than the file, so each quad ``s p o g`` goes up as ``x p o``
        with ``x is s`` and ``x in g``, where ``x`` is a blank node for the pair
        ``s g`` (one document holds all of its triples: a blank node is local to
        its document); ``_unstage`` turns them back into quads on the server. A
        document sent twice (a retry after a dropped connection) doubles its blank
        nodes: the count check then stops the write with nothing changed.
        """
        nodes: dict[tuple, tuple[ox.BlankNode, set[ox.Triple]]] = {}
        for graph, quads in graphs.items():
            name = ox.NamedNode(graph)
            for q in quads:
                if (q.subject, name) not in nodes:
                    x = ox.BlankNode()
                    nodes[q.subject, name] = x, {ox.Triple(x, _IS, q.subject), ox.Triple(x, _IN, name)}
                x, triples = nodes[q.subject, name]
                triples.add(ox.Triple(x, q.predicate, q.object))
        document: list[ox.Triple] = []
        for _, triples in nodes.values():
            document += triples
            if len(document) >= UPLOAD_TRIPLES:
                self._client.post_triples(stage, ox.serialize(document, format=ox.RdfFormat.N_TRIPLES))
                document = []
        if document:
            self._client.post_triples(stage, ox.serialize(document, format=ox.RdfFormat.N_TRIPLES))
        self._check({stage: sum(len(t) for _, t in nodes.values())}, "uploaded to a temporary graph")

    def _unstage(self, stage: str, expected: dict[str, int]) -> None:
        """Replace each graph by its quads in the staging graph (none: the graph is dropped), a batch per request."""
        graphs = list(expected)
        staged = ox.NamedNode(stage)
        for start in range(0, len(graphs), MOVE_GRAPHS):
            batch = graphs[start:start + MOVE_GRAPHS]
            targets = " ".join(str(ox.NamedNode(g)) for g in batch)
            only = f"VALUES ?g {{ {targets} }} " if len(graphs) > MOVE_GRAPHS else ""
            ops = [_emptied(targets),
                   f"INSERT {{ GRAPH ?g {{ ?s ?p ?o }} GRAPH {_UNION} {{ ?s ?p ?o }} }} WHERE {{ {only}"
                   f"GRAPH {staged} {{ ?x {_IN} ?g ; {_IS} ?s ; ?p ?o FILTER(?p != {_IS} && ?p != {_IN}) }} }}"]
            self._client.update(self._bulk + " ;\n".join(_in_union(batch, ops, added=True)))
        self._client.update(f"DROP SILENT GRAPH {staged}", idempotent=True)

    def _switch(self, run: str, expected: dict[str, int]) -> None:
        """Replace each graph ``g`` of ``expected`` by its temporary graph ``run + g`` (an empty one drops it), a
        batch per update request.

        A batch takes the same few operations whatever its size (not one MOVE per
        graph): the old triples out, the temporary graphs' triples in (into UNION
        too), the temporary graphs emptied. Each target is read off its temporary
        graph's name: Virtuoso 7.2 fails on a ``VALUES`` of pairs in an ``INSERT``.
        """
        graphs = list(expected)
        for start in range(0, len(graphs), MOVE_GRAPHS):
            batch = graphs[start:start + MOVE_GRAPHS]
            temps = " ".join(str(ox.NamedNode(run + g)) for g in batch if expected[g])
            targets = " ".join(str(ox.NamedNode(g)) for g in batch)
            ops = [_emptied(targets)]
            if temps:
                ops += [f"INSERT {{ GRAPH ?g {{ ?s ?p ?o }} GRAPH {_UNION} {{ ?s ?p ?o }} }} "
                        f"WHERE {{ VALUES ?t {{ {temps} }} GRAPH ?t {{ ?s ?p ?o }} "
                        f"BIND(IRI(SUBSTR(STR(?t), {len(run) + 1})) AS ?g) }}",
                        f"DELETE {{ GRAPH ?t {{ ?s ?p ?o }} }} WHERE {{ VALUES ?t {{ {temps} }} GRAPH ?t {{ ?s ?p ?o }} }}"]
            self._client.update(" ;\n".join(_in_union(batch, ops, added=True)))

    def _check(self, expected: dict[str, int], when: str, drop: bool = False) -> None:
        wrong = {}
        graphs = list(expected)
        for start in range(0, len(graphs), COUNT_GRAPHS):
            found = self._counts(graphs[start:start + COUNT_GRAPHS])
            wrong |= {g: found.get(g, 0) for g in graphs[start:start + COUNT_GRAPHS]
                      if found.get(g, 0) != expected[g]}
        if not wrong:
            return
        if drop:
            self._drop(wrong, union=True)
        graph, found = next(iter(wrong.items()))
        raise RemoteStoreError(
            f"the SPARQL server at {self.location} holds {found} triples in {graph} {when}, not {expected[graph]}"
            f" ({len(wrong)} graph(s) wrong) — " + ("they were dropped: run the ingest again to write them"
                                                  if drop else "nothing was changed; run the ingest again"))

    def _drop(self, graphs: Iterable[str], union: bool = False) -> None:
        """Drop the graphs, and with ``union`` their triples that no other graph holds from UNION."""
        graphs = list(graphs)
        for start in range(0, len(graphs), SWITCH_GRAPHS):
            batch = graphs[start:start + SWITCH_GRAPHS]
            ops = [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in batch]
            # resent, the UNION steps would miss what the first try took out: not idempotent then
            self._client.update(" ;\n".join(_in_union(batch, ops) if union else ops), idempotent=not union)

    def _rebuild_union(self) -> None:
        """UNION made again from every graph of ours (after a failed write, or on a store written without it)."""
        self._client.update(f"DROP SILENT GRAPH {_UNION} ;\n"
                            f"INSERT {{ GRAPH {_UNION} {{ ?s ?p ?o }} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_OURS} }}",
                            idempotent=True)
        self._union = True
        self._recount = None  # every country's tallies, counted at the next touch

    def _mark(self, graphs: dict[str, list[ox.Quad]]) -> None:
        """Note the countries whose tallies change when ``graphs`` replace the graphs of those names."""
        if self._deferred is not None:
            self._recount = None  # a first load counts every country at its end
        if self._recount is not None:
            self._recount |= tallies.touched(graphs, self._select)

    def _tally(self) -> None:
        """Count the marked countries' tallies again in UNION (outside a first load, which counts at its end)."""
        if self._deferred is not None:
            return
        ops = tallies.recount(self._recount, UNION)
        if ops:
            self._client.update(" ;\n".join(ops), idempotent=True)
        self._recount = set()  # only once counted: a failed count is tried again by the next write

    def _touch(self) -> None:
        """The tallies counted again, then a new state token, so that every reader's cache of this store is renewed."""
        self._tally()
        token = ox.Literal(uuid.uuid4().hex)
        self._client.update(f"DROP SILENT GRAPH {_STATE} ;\n"
                            f"INSERT DATA {{ GRAPH {_STATE} {{ {_STATE} {_TOKEN} {token} }} }}", idempotent=True)

    @staticmethod
    def _quietly(step, *args) -> None:
        try:
            step(*args)
        except SpeakergraphError:
            pass  # the first error is the one to report; leftovers are outside ids.BASE, never exported


def _in_union(graphs: list[str], ops: list[str], added: bool = False) -> list[str]:
    """Update operations that run ``ops`` (which replace or drop ``graphs``) and keep UNION in step.

    The graphs' old triples are kept aside in a temporary graph and taken out
    of UNION; after ``ops``, those still held by some graph of ours go back in,
    with the graphs' new triples (unless ``ops`` ``added`` those to UNION
    themselves). (A ``FILTER NOT EXISTS`` over the other graphs says the same,
    but Virtuoso takes 100 s where this takes 5 s for 200 graphs.)
    """
    old = ox.NamedNode(f"{TEMP}{uuid.uuid4().hex}/old")
    values = " ".join(str(ox.NamedNode(g)) for g in graphs)
    new = [] if added else [f"INSERT {{ GRAPH {_UNION} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} "
                            "GRAPH ?g { ?s ?p ?o } }"]
    return [f"INSERT {{ GRAPH {old} {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}",
            f"DELETE {{ GRAPH {_UNION} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {old} {{ ?s ?p ?o }} }}",
            *ops,
            f"INSERT {{ GRAPH {_UNION} {{ ?s ?p ?o }} }} WHERE {{ GRAPH {old} {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }} "
            f"{_OURS} }}",
            *new,
            f"DELETE WHERE {{ GRAPH {old} {{ ?s ?p ?o }} }}"]  # Virtuoso's DROP misses a graph made in the request


def upload_path(store: RemoteStore) -> str:
    """How ``store`` uploads a batch of files, in words (for the benchmark's table): found on its first write.

    >>> upload_path(RemoteStore(Endpoints("http://h/sparql", gsp="http://h/gsp", gsp_quads=True)))
    'N-Quads to the Graph Store endpoint'
    """
    endpoints = store._client.endpoints
    if store._loader:
        return f"Virtuoso's loader (TTLP_MT) fed TriG of many files, {LOAD_QUADS:,} quads a request"
    if endpoints.gsp and endpoints.gsp_quads:
        return "N-Quads to the Graph Store endpoint"
    if endpoints.gsp:
        return "a staging graph through the Graph Store endpoint, decoded on the server"
    return f"INSERT DATA of many files, {INSERT_TRIPLES:,} triples a request"


def _emptied(graphs: str) -> str:
    """The update that empties ``graphs`` (IRIs, as a VALUES list): one operation for any number of graphs."""
    return f"DELETE {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def _discovered(endpoints: Endpoints, server: str) -> Endpoints:
    """The update and Graph Store endpoints of a known server beside its query endpoint (``server``: its name).

    >>> e = _discovered(Endpoints("http://h:3030/ds/sparql"), "Apache Jena Fuseki (5.6.0)")
    >>> e.update, e.gsp, e.gsp_quads
    ('http://h:3030/ds/update', 'http://h:3030/ds/data', True)
    >>> _discovered(Endpoints("http://h:7878/query"), "Oxigraph/0.5.13").gsp
    'http://h:7878/store'
    >>> _discovered(Endpoints("http://h/any"), "").update
    'http://h/any'
    """
    if server.startswith("Virtuoso"):
        return endpoints.for_virtuoso()
    base, _, last = endpoints.query.split("?")[0].rstrip("/").rpartition("/")
    if "Fuseki" in server:  # http://host:3030/DATASET/sparql (or /query, or the dataset itself)
        dataset = base if last in ("sparql", "query") else f"{base}/{last}"
        return replace(endpoints, update=f"{dataset}/update", gsp=endpoints.gsp or f"{dataset}/data",
                       gsp_quads=not endpoints.gsp)
    if server.startswith("Oxigraph") and last in ("query", "sparql"):
        return replace(endpoints, update=f"{base}/update", gsp=endpoints.gsp or f"{base}/store",
                       gsp_quads=not endpoints.gsp)
    return replace(endpoints, update=endpoints.query)


_CHECKPOINT = 'SELECT (bif:exec("checkpoint") AS ?done) {}'


def _load_query(quads: list[ox.Quad]) -> str:
    """The query that has Virtuoso's loader (``TTLP_MT``: TriG, 2 threads, no transaction log) add ``quads``.

    The document travels as one SPARQL long string. The comment line's
    non-ASCII sign makes Virtuoso hold it as a wide string, which
    ``charset_recode`` turns into the UTF-8 its parser reads (an ASCII-only
    string is refused as not wide).

    >>> print(_load_query([]))  # doctest: +NORMALIZE_WHITESPACE
    SELECT (<sql:TTLP_MT>(bif:charset_recode('''# speakergraph ✓
    ''', "_WIDE_", "UTF-8"), "", "https://w3id.org/speakergraph/tmp/none", 256, 2, 2) AS ?n) {}
    """
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=_PREFIXES).decode() if quads else ""
    document = _long_string(f"# speakergraph ✓\n{trig}")
    return (f'SELECT (<sql:TTLP_MT>(bif:charset_recode({document}, "_WIDE_", "UTF-8"), "", '
            f"{ox.Literal(TEMP + 'none')}, 256, 2, 2) AS ?n) {{}}")


def _long_string(text: str) -> str:
    r"""``text`` as a SPARQL long string in single quotes: only backslashes and single quotes escaped, so that a
    document of double-quoted literals and line breaks goes as it is (Virtuoso reads escapes slowly).

    >>> print(_long_string('a "b"\n' + "O'Brien \\"))
    '''a "b"
    O\'Brien \\'''
    """
    return "'''" + text.replace("\\", "\\\\").replace("'", "\\'") + "'''"


def _documents(graphs: dict[str, list[ox.Quad]], temps: dict[str, str]) -> Iterator[list[ox.Quad]]:
    """The quads to load, in runs of about ``LOAD_QUADS``: each graph's under its temporary graph when it has one,
    else under its own name, and then in UNION once per triple of the batch (a fact printed in many files is
    loaded there once); a graph with blank nodes stays in one run (they are local to a document).

    >>> g, h = ox.NamedNode("urn:g"), ox.NamedNode("urn:h")
    >>> [[q.graph_name.value for q in d] for d in _documents({"urn:g": [ox.Quad(g, g, g, g)],
    ...                                                      "urn:h": [ox.Quad(g, g, g, h)]}, {})]
    [['urn:g', 'https://w3id.org/speakergraph/union', 'urn:h']]
    >>> [[q.graph_name.value for q in d] for d in _documents({"urn:g": [ox.Quad(g, g, g, g)]}, {"urn:g": "urn:t"})]
    [['urn:t']]
    """
    run: list[ox.Quad] = []
    seen: set[ox.Triple] = set()
    for graph, quads in graphs.items():
        name = ox.NamedNode(temps.get(graph, graph))
        blank = any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object))
        size = len(quads) if blank else max(1, LOAD_QUADS // 2)
        for start in range(0, len(quads), max(size, 1)):
            part = [q.triple for q in quads[start:start + size]]
            piece = [ox.Quad(t.subject, t.predicate, t.object, name) for t in part]
            if graph not in temps:  # loaded in place: UNION in step at once
                new = [t for t in part if blank or t not in seen]
                seen.update(new)
                piece += [ox.Quad(t.subject, t.predicate, t.object, _UNION) for t in new]
            if run and len(run) + len(piece) > LOAD_QUADS:
                yield run
                run = []
            run += piece
    if run:
        yield run


def _quad_data(quads: list[ox.Quad]) -> str:
    """The QuadData of an ``INSERT DATA``: a ``GRAPH`` block of N-Triples per run of quads of one graph.

    >>> g = ox.NamedNode("urn:g")
    >>> print(_quad_data([ox.Quad(g, g, ox.Literal("x"), g)]))
    GRAPH <urn:g> {
    <urn:g> <urn:g> "x" .
    }
    """
    runs = itertools.groupby(quads, key=lambda q: q.graph_name)
    return "\n".join(f"GRAPH {graph} {{\n{_n_triples(q.triple for q in run)}}}" for graph, run in runs)


def _n_triples(triples: Iterable[ox.Triple]) -> str:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()


def _chunks(graphs: dict[str, list[ox.Quad]], size: int) -> Iterator[list[ox.Quad]]:
    """The graphs' quads, renamed to their keys (temporary graphs), in runs of about ``size`` quads.

    >>> g = ox.NamedNode("urn:g")
    >>> [len(c) for c in _chunks({"urn:t1": [ox.Quad(g, g, ox.Literal(i), g) for i in range(5)],
    ...                           "urn:t2": [ox.Quad(g, g, g, g)]}, 4)]
    [4, 2]
    """
    run: list[ox.Quad] = []
    for graph, quads in graphs.items():
        name = ox.NamedNode(graph)
        for q in quads:
            run.append(ox.Quad(q.subject, q.predicate, q.object, name))
            if len(run) >= size:
                yield run
                run = []
    if run:
        yield run


def groups(sizes: dict[str, int], page: int) -> Iterator[list[str]]:
    """Graphs in runs whose triples add up to at most ``page``; a larger graph is a run of its own."""
    run: list[str] = []
    total = 0
    for graph, size in sizes.items():
        if run and total + size > page:
            yield run
            run, total = [], 0
        run.append(graph)
        total += size
    if run:
        yield run
