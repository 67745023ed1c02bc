"""The store: an embedded, persistent, transactional Oxigraph by default.

Each ingested file is one named graph; the graph holds the file's own
path and content hash, so the store alone knows what is loaded. Queries see
the union of all graphs as their default graph.

>>> store = open_store(None)          # in memory
>>> store.count()
0
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from graph.errors import QueryError, StoreError
from graph.queries import bind_values
from graph.vocab import SG

DEFAULT_LOCATION = Path(".speakergraph") / "store"
BULK_QUADS = 50_000  # new graphs with this many quads in one write go through the bulk loader

_SOURCES = f"""
SELECT ?g ?path ?hash WHERE {{
  GRAPH ?g {{ ?g <{SG.path}> ?path ; <{SG.contentHash}> ?hash }}
}}"""


class Store:
    """What every store offers: query, the loaded sources, atomic replace and remove, export."""

    location: str

    def query(self, sparql: str, bindings: dict | None = None):
        """Run a SPARQL query over the union of all graphs; ``bindings`` maps ``Variable`` to terms."""
        raise NotImplementedError

    def sources(self) -> dict[str, tuple[str, str]]:
        """Every loaded source graph: ``{graph IRI: (path, content hash)}``."""
        return {row["g"].value: (row["path"].value, row["hash"].value) for row in self.query(_SOURCES)}

    def replace(self, graphs: dict[str, list[ox.Quad]]) -> None:
        """Replace (or add) each named graph with the given quads, all in one transaction.

        A large write of graphs that are all new may go through a bulk loader instead, as long as each
        graph's ``sg:contentHash`` is written only once the rest of it is in.
        """
        raise NotImplementedError

    def remove(self, graphs: Iterable[str]) -> None:
        """Drop the named graphs, in one transaction."""
        raise NotImplementedError

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of every graph."""
        raise NotImplementedError

    def count(self) -> int:
        """The number of quads in the store."""
        raise NotImplementedError

    def state(self) -> str:
        """A token that changes whenever the store's content changes (for caches)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store."""


class EmbeddedStore(Store):
    """Oxigraph on RocksDB (or in memory when ``path`` is ``None``)."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.location = str(path) if path else ":memory:"
        self.read_only = read_only
        self._lock = threading.Lock()
        self._generation = 0
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {path}: {exc} — is another speakergraph process writing to it? "
                "Stop it, or pass another --store") from None

    def query(self, sparql: str, bindings: dict | None = None):
        try:
            return self._store.query(bind_values(sparql, bindings), use_default_graph_as_union=True)
        except OSError as exc:
            raise StoreError(f"cannot read the store at {self.location}: {exc}") from None
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from None

    def replace(self, graphs: dict[str, list[ox.Quad]]) -> None:
        if not graphs:
            return
        existing = [g for g in graphs if self._store.contains_named_graph(ox.NamedNode(g))]
        with self._lock:
            try:
                if existing:
                    # one update = one transaction: old graphs dropped and new ones written together
                    self._store.update(_replace_update(graphs))
                elif sum(len(quads) for quads in graphs.values()) >= BULK_QUADS:
                    self._bulk_add(graphs)
                else:
                    self._store.extend(q for quads in graphs.values() for q in quads)
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc}") from None
            self._generation += 1

    def _bulk_add(self, graphs: dict[str, list[ox.Quad]]) -> None:
        # the bulk loader is about 3x cheaper but not atomic: the content hashes, by which ingest knows that a
        # file is loaded, go in last, in one transaction, so a graph cut short has none and is read again
        mark = ox.NamedNode(SG.contentHash)
        self._store.bulk_extend(q for quads in graphs.values() for q in quads if q.predicate != mark)
        self._store.extend(q for quads in graphs.values() for q in quads if q.predicate == mark)

    def remove(self, graphs: Iterable[str]) -> None:
        graphs = list(graphs)
        if not graphs:
            return
        with self._lock:
            self._store.update(" ;\n".join(f"DROP SILENT GRAPH <{_check_iri(g)}>" for g in graphs))
            self._generation += 1

    def quads(self) -> Iterator[ox.Quad]:
        return iter(self._store.quads_for_pattern(None, None, None, None))

    def count(self) -> int:
        return len(self._store)

    def state(self) -> str:
        return f"{self.location}#{self._generation}#{len(self._store)}"

    def flush(self) -> None:
        """Make sure everything written is on disk."""
        if self.location != ":memory:" and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store


def _check_iri(iri: str) -> str:
    return ox.NamedNode(iri).value  # raises ValueError on anything that is not an IRI


def _replace_update(graphs: dict[str, list[ox.Quad]]) -> str:
    parts = []
    for graph, quads in graphs.items():
        parts.append(f"DROP SILENT GRAPH <{_check_iri(graph)}>")
        triples = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode()
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{triples}\n}} }}")
    return " ;\n".join(parts)


def open_store(location: str | os.PathLike | None, read_only: bool = False, remote: dict | None = None) -> Store:
    """Open the store at ``location``: a folder path (embedded), ``None`` (in memory), or a SPARQL URL.

    ``remote`` holds a server's options (``graph.remote.options_from`` makes them from ``SPEAKERGRAPH_*`` variables).
    """
    if location is not None and str(location).startswith(("http://", "https://")):
        from graph.remote import RemoteStore  # optional: only when a server is named

        return RemoteStore.from_url(str(location), remote)
    return EmbeddedStore(location, read_only=read_only)
