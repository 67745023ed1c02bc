"""The store: an embedded, persistent, transactional Oxigraph by default.

Each ingested file is one named graph; the graph holds the file's own
path and content hash, so the store alone knows what is loaded. The default
graph holds the union of all file graphs as a set: a fact printed in many
files (a person's name, a country's code) is there once, so queries do not
multiply rows by the number of files that repeat it; beside it are the tallies
(``graph.tallies``), counts that no file's graph holds. Every write keeps the
three in step in one transaction.

A first load into an empty store on disk (``Store.first_load``) goes through
Oxigraph's bulk loader instead, about three times cheaper per quad but not
transactional: a marker graph is written before it and removed after it, and
a store found with the marker (a first load cut short) is emptied when it is
next opened for writing, and refused to readers until then. Either way a file
is whole or absent. A disk that fills up (or a file size limit) is a
``StoreError`` that says so and names the store: a first load cut short by it
removes what it wrote when it can, and else leaves its marker for the next
open; its half-written bulk files are deleted at once, to give the space back.

>>> store = open_store(None)          # in memory
>>> store.count()
0
"""

from __future__ import annotations

import errno
import os
import threading
import time
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from graph import tallies
from graph.errors import QueryError, StoreError
from graph.queries import bind_values
from graph.vocab import SG

DEFAULT_LOCATION = Path(".speakergraph") / "store"
LOADING = ox.NamedNode("https://w3id.org/speakergraph/loading")  # present while a first bulk load runs
_MARKER = ox.Quad(LOADING, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal("first load in progress"), LOADING)

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
        return {g.value: (path.value, sha.value) for g, path, sha in self.query(_SOURCES)}  # by position: faster

    def replace(self, graphs: dict[str, list[ox.Quad]]) -> None:
        """Replace (or add) each named graph with the given quads, all in one transaction."""
        raise NotImplementedError

    def remove(self, graphs: Iterable[str]) -> None:
        """Drop the named graphs, in one transaction."""
        raise NotImplementedError

    def write(self, graphs: dict[str, list[ox.Quad]], gone: Iterable[str] = ()) -> None:
        """Replace ``graphs`` and drop ``gone``: in one transaction where the store can, else one after the other."""
        self.replace(graphs)
        self.remove(gone)

    @contextmanager
    def first_load(self):
        """A run of ``replace`` calls that may go faster when the store is empty (each call stays whole-or-absent)."""
        yield self

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of every graph."""
        raise NotImplementedError

    def count(self) -> int:
        """The number of quads in the file graphs."""
        raise NotImplementedError

    def state(self) -> str:
        """A token that changes whenever the store's content changes (for caches)."""
        raise NotImplementedError

    def optimize(self) -> float | None:
        """Merge the store's files so that reads seek fewer of them: the seconds it took, ``None`` where a store
        has nothing of the kind (in memory, or a SPARQL server, which manages its own storage)."""
        return None

    def close(self) -> None:
        """Release the store."""


class EmbeddedStore(Store):
    """Oxigraph on RocksDB (or in memory when ``path`` is ``None``)."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False):
        self.location = str(path) if path else ":memory:"
        self.read_only = read_only
        self._lock = threading.Lock()
        self._generation = 0
        self._bulk = False
        self._loader: ThreadPoolExecutor | None = None  # the first load's writing thread
        self._loading: Future | None = None  # the batch it is writing
        self._flight: set[str] = set()  # that batch's graphs
        self.recovered = False  # True when opening emptied a store whose first load was cut short
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = _open_read_only(str(path))
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path}: {exc} — " + _open_fix(exc)) from None
        if self._store.contains_named_graph(LOADING):
            if read_only:
                raise StoreError(f"the store at {path} is being loaded for the first time, or its first load was "
                                 "cut short — wait for the ingest to finish, or run the ingest again")
            try:
                self._empty_after_cut_load()
            except OSError as exc:
                raise StoreError(f"the store at {path} holds a first load that was cut short, and emptying it "
                                 f"failed: {exc} — {_write_fix(exc)}") from None

    def query(self, sparql: str, bindings: dict | None = None):
        if self._loading is not None:  # a read during a first load sees every batch written before it
            with self._lock:
                self._bulk_wait()
        try:
            return self._store.query(bind_values(sparql, bindings))
        except OSError as exc:
            raise StoreError(f"cannot read the store at {self.location}: {exc}") from None
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from None

    def replace(self, graphs: dict[str, list[ox.Quad]]) -> None:
        if not graphs:
            return
        if not self._flight.isdisjoint(graphs):  # a graph of the batch being written comes again: it lands first
            with self._lock:
                self._bulk_wait()
        existing = [g for g in graphs if self._store.contains_named_graph(ox.NamedNode(g))]
        with self._lock:
            try:
                if self._bulk and not existing:
                    self._bulk_write(graphs)  # counted once at the end of the first load
                else:
                    self._bulk_wait()
                    among = tallies.touched(graphs, self._store.query)
                    # one update = one transaction: old graphs and their share of the union out, new ones in, the
                    # tallies of their countries counted again
                    gone = _union_gone(self._store, graphs, existing)
                    self._store.update(" ;\n".join([_replace_update(graphs, existing, gone), *tallies.recount(among)]))
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc} — {_write_fix(exc)}") from None
            self._generation += 1

    def _bulk_write(self, graphs: dict[str, list[ox.Quad]]) -> None:
        # loading text lets go of the interpreter, so the caller builds its next batch while this one is written
        quads = [q for batch in graphs.values() for q in batch]
        data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
        # each triple once: files repeat their people, countries and roles (a third of a batch's triples)
        union = ox.serialize(list(dict.fromkeys(q.triple for q in quads)), format=ox.RdfFormat.N_TRIPLES)
        self._bulk_wait()
        self._loading, self._flight = self._loader.submit(self._bulk_text, data, union), set(graphs)

    def _bulk_text(self, data: bytes, union: bytes) -> None:
        self._store.bulk_load(data, format=ox.RdfFormat.N_QUADS)
        self._store.bulk_load(union, format=ox.RdfFormat.N_TRIPLES, to_graph=ox.DefaultGraph())

    def _bulk_wait(self) -> None:
        """Wait for the batch being written; its error is raised here."""
        loading, self._loading, self._flight = self._loading, None, set()
        if loading is not None:
            loading.result()

    def write(self, graphs: dict[str, list[ox.Quad]], gone: Iterable[str] = ()) -> None:
        # one SPARQL update: an emptied graph is a dropped one
        self.replace({**graphs, **{graph: [] for graph in gone if graph not in graphs}})

    def remove(self, graphs: Iterable[str]) -> None:
        graphs = list(graphs)
        if not graphs:
            return
        with self._lock:
            try:
                self._bulk_wait()
                among = tallies.touched({g: [] for g in graphs}, self._store.query)
                self._store.update(" ;\n".join([*(_drop(g) for g in graphs), *tallies.recount(among)]))
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc} — {_write_fix(exc)}") from None
            self._generation += 1

    @contextmanager
    def first_load(self):
        """Bulk-load the ``replace`` calls made inside, when the store is on disk and empty; else transactions."""
        if self.read_only or self.location == ":memory:" or self._bulk or not self._is_empty():
            yield self
            return
        with self._lock:
            try:
                self._store.extend([_MARKER])  # committed before any bulk write: a cut load is found by it
                self._store.flush()
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc} — {_write_fix(exc)}") from None
            self._bulk = True
            self._loader = ThreadPoolExecutor(1, thread_name_prefix="first-load")
        try:
            yield self
            with self._lock:
                self._bulk_wait()
            self._store.flush()
        except BaseException as exc:
            self._bulk = False
            self._end_loader()
            self._after_cut_load(exc)
            raise
        self._end_loader()
        with self._lock:
            self._bulk = False
            try:
                # one transaction: the load is whole from here on, with every country's tallies
                self._store.update(" ;\n".join([*tallies.recount(), f"DROP GRAPH {LOADING}"]))
                self._store.flush()
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.location}: {exc} — {_write_fix(exc)}") from None
            self._generation += 1
        self._compact()

    def optimize(self) -> float | None:
        """Merge every write since the last compaction into the store's files (``speakergraph optimize``).

        Each ingest that changes files leaves its writes in small files beside the store's big ones, and every
        read then looks into both: at 10k files, queries read 10-20% slower after one changed file until the store
        is compacted (bench/results.md, "Compaction"). It rewrites the whole store: seconds per million quads.
        """
        if self.location == ":memory:":
            return None
        if self.read_only:
            raise StoreError(f"the store at {self.location} is open read-only — open it for writing to optimize it")
        start = time.perf_counter()
        with self._lock:
            self._bulk_wait()
            try:
                self._store.optimize()
            except OSError as exc:
                fix = "free space on its disk" if _full(exc) else "check that its disk is writable and not full"
                raise StoreError(f"cannot compact the store at {self.location}: {exc} — {fix}, then run "
                                 "'speakergraph optimize' again (its content is unchanged either way)") from None
        return time.perf_counter() - start

    def _compact(self) -> None:
        """Merge the bulk loader's files: queries on a store just bulk-loaded read 2-5x slower until RocksDB has
        (bench/results.md, "Compaction"). The load is whole before this; a failure here only leaves it slower."""
        try:
            self.optimize()
        except StoreError as exc:
            # the load is whole: only its reads are slower until 'speakergraph optimize' is run again
            warnings.warn(f"{exc}; the first load itself is whole, its answers only read slower until then",
                          stacklevel=2)

    def _end_loader(self) -> None:
        """Stop the writing thread once its batch is done (after a failure, whatever became of it)."""
        loading, self._loading, self._flight = self._loading, None, set()
        if loading is not None:
            loading.exception()  # the first failure is the one reported
        if self._loader is not None:
            self._loader.shutdown()
            self._loader = None

    def _after_cut_load(self, exc: BaseException) -> None:
        """Undo a first load that failed: its bulk files out, then its graphs (else its marker stays for next time)."""
        for part in Path(self.location).glob("bulk-*.sst"):  # the bulk loader's files not yet in the store
            part.unlink(missing_ok=True)
        failed = exc if isinstance(exc, StoreError) else StoreError(
            f"cannot write to the store at {self.location}: {exc} — {_write_fix(exc)}") if isinstance(exc, OSError) \
            else None
        try:
            self._empty_after_cut_load()
        except OSError as again:
            if failed is None:
                raise
            raise StoreError(f"{failed} (the first load stopped; what it wrote is removed when the store is next "
                             f"opened for writing — emptying it now failed too: {again})") from None
        if failed is not None:
            raise StoreError(f"{failed} (the first load stopped and was undone: the store is empty)") from None

    def _is_empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, None)), None) is None

    def _empty_after_cut_load(self) -> None:
        """Everything but the marker out first, then the marker: a crash in here is found again next time."""
        for graph in list(self._store.named_graphs()):
            if graph != LOADING:
                self._store.remove_graph(graph)
        self._store.clear_graph(ox.DefaultGraph())
        self._store.flush()
        self._store.update(f"DROP GRAPH {LOADING}")
        self._store.flush()
        self.recovered = True
        self._generation += 1

    def quads(self) -> Iterator[ox.Quad]:
        return (q for q in self._store.quads_for_pattern(None, None, None, None)
                if not isinstance(q.graph_name, ox.DefaultGraph))

    def count(self) -> int:
        # the file graphs' quads, not their union's copy in the default graph
        return len(self._store) - sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def state(self) -> str:
        # a read-only store is a fixed view; a writable one counts its own writes
        return f"{self.location}#{id(self._store)}#{self._generation}"

    def flush(self) -> None:
        """Make sure everything written is on disk."""
        if self.location != ":memory:" and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        self.flush()
        del self._store


def _full(exc: BaseException) -> bool:
    """Whether an error is a full disk or a file size limit (RocksDB passes the OS error on as text)."""
    text = str(exc)
    return getattr(exc, "errno", None) in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or any(
        s in text for s in ("No space left", "File too large", "Disk quota exceeded"))


def _write_fix(exc: BaseException) -> str:
    if _full(exc):
        return "the disk holding the store is full (or a file size limit was reached): free space, then run the " \
               "ingest again"
    return "check that the disk holding the store is writable and not full, then run the ingest again"


def _open_fix(exc: BaseException) -> str:
    if _full(exc):
        return "the disk holding the store is full: free space, then try again"
    if "lock" in str(exc).lower() or "temporarily unavailable" in str(exc):
        return "is another speakergraph process writing to it? Stop it, or pass another --store"
    return "check that the folder is a speakergraph store ('speakergraph ingest' makes one) that this user may " \
           "use, or pass another --store"


def _open_read_only(path: str, tries: int = 5) -> ox.Store:
    # beside a writing process an open can race a flush ("Corruption: … .sst" as a RuntimeError); again works
    for attempt in range(tries):
        try:
            return ox.Store.read_only(path)
        except RuntimeError as exc:
            if attempt == tries - 1:
                raise StoreError(f"cannot open the store at {path} read-only: {exc} — is an ingest writing "
                                 "to it? Try again when it has finished; if none is, its creation was cut short "
                                 "(a full disk?): run the ingest again") from None
            time.sleep(0.05 * (attempt + 1))
    raise AssertionError("unreachable")


def _check_iri(iri: str) -> str:
    return ox.NamedNode(iri).value  # raises ValueError on anything that is not an IRI


def _drop(graph: str) -> str:
    """Update operations that drop a graph and the triples of the union that no other graph holds."""
    g = _check_iri(graph)
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{g}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{g}>")


def _union_gone(store: ox.Store, graphs: dict[str, list[ox.Quad]], existing: list[str]) -> list[ox.Triple]:
    """The triples of the union that replacing ``existing`` by ``graphs`` takes out: held by an existing graph, by
    none of the new ones, and by no graph outside the batch. Read before the update, under the writer's lock (a store
    has one writer): one pass over the replaced graphs and a look-up per triple that goes, instead of a SPARQL
    ``FILTER NOT EXISTS`` per graph — a model upgrade re-reading every file takes a fraction of the time."""
    batch = {ox.NamedNode(g) for g in [*existing, *graphs]}
    kept = {q.triple for quads in graphs.values() for q in quads}
    old = {q.triple for g in existing for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))}
    return [t for t in old - kept
            if not any(isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in batch
                       for q in store.quads_for_pattern(t.subject, t.predicate, t.object, None))]


def _replace_update(graphs: dict[str, list[ox.Quad]], existing: Iterable[str] = (),
                    gone: list[ox.Triple] | None = None) -> str:
    """Update operations that drop the ``existing`` graphs (with their share of the union) and insert ``graphs``;
    with ``gone`` (``_union_gone``), the union's share is those triples, else found by the update itself."""
    if gone is None:
        parts = [_drop(graph) for graph in existing]
    else:
        parts = [f"DROP SILENT GRAPH <{_check_iri(graph)}>" for graph in existing]
        if gone:
            parts.insert(0, f"DELETE DATA {{\n{ox.serialize(gone, format=ox.RdfFormat.N_TRIPLES).decode()}\n}}")
    for graph, quads in graphs.items():
        triples = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES).decode()
        parts.append(f"INSERT DATA {{ GRAPH <{graph}> {{\n{triples}\n}} }}")
        parts.append(f"INSERT DATA {{\n{triples}\n}}")
    return " ;\n".join(parts)


def open_store(location: str | os.PathLike | None, read_only: bool = False, remote: dict | None = None) -> Store:
    """Open the store at ``location``: a folder path (embedded), ``None`` (in memory), or a SPARQL URL.

    ``remote`` holds a server's options (``graph.remote.options_from`` makes them from ``SPEAKERGRAPH_*`` variables).
    """
    if location is not None and str(location).startswith(("http://", "https://")):
        from graph.remote import RemoteStore  # optional: only when a server is named

        return RemoteStore.from_url(str(location), remote)
    return EmbeddedStore(location, read_only=read_only)
