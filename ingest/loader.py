"""Walk folders, run the pipeline on each file, and write one graph per file to the store.

Ingest is idempotent and incremental: a file whose content hash is already in
the store is skipped; a changed file's graph is replaced in one transaction;
with ``prune`` a file gone from the folder has its graph removed. A file that
fails is reported and every other file still lands; a broken new version of a
file keeps the previous graph. Many changed files are parsed in worker
processes; every site is parsed before anything is written, so that identity
resolution sees them all, and a first load of many files into an empty store
goes through the store's bulk loader (``Store.first_load``).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS

from graph import ids
from graph.errors import IngestError
from graph.store import Store
from graph.vocab import SG, ox_node
from ingest import identity, readers
from ingest.site import Site, site_for  # noqa: F401 - site_for is part of the loader's interface
from ingest.read import parse_document, read_bytes, relpath
from ingest.records import Note, Parsed

BATCH_QUADS = 100_000  # per store write: large transactions cost less per quad, and this is little enough to hold
BULK_FROM = 1000  # parsed files; from this many, a first load into an empty store uses the bulk loader
WORKERS = 2  # parsing processes when many files changed
PARALLEL_FROM = 1000  # changed files; below this, starting the processes costs more than they save
SUFFIXES = ("md", "markdown")


@dataclass
class Summary:
    """What an ingest run did."""

    read: int = 0
    unchanged: int = 0
    failed: int = 0
    removed: int = 0
    sessions: int = 0
    appearances: int = 0
    speaker_pages: int = 0
    notes: list[Note] = field(default_factory=list)
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (merged key, kept key, reason)

    @property
    def warnings(self) -> int:
        """Notes other than informational ones."""
        return sum(1 for n in self.notes if n.kind not in INFO_KINDS)


INFO_KINDS = {"repeated-row", "not-a-panel", "merged-person"}


def walk(root: Path, suffixes: tuple[str, ...] = SUFFIXES) -> list[Path]:
    """The files under ``root`` ending in one of ``suffixes``, sorted, hidden and symlinked folders skipped."""
    if root.is_file():
        return [root]
    ends = tuple("." + s.lstrip(".").lower() for s in suffixes)
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / f for f in files if f.lower().endswith(ends) and not f.startswith(".")]
    return sorted(found)


def ingest(store: Store, sites: Iterable[Site], prune: bool = False,
           progress: Callable[[str], None] | None = None) -> Summary:
    """Ingest every site into ``store`` and return what happened."""
    summary = Summary()
    loaded = store.sources()
    plans = [_read_site(site, loaded, progress, summary) for site in sites]
    parsed = sum(len(plan.parsed) for plan in plans)
    people, orgs = identity.from_store(store) if parsed else (None, None)  # read only when some file changed
    # acronyms first, so that "CSA" resolves whichever file defines "Cyber Security Agency … (CSA)"
    for plan in plans:
        for _, page in plan.parsed:
            identity.learn(orgs, page)
    with store.first_load() if parsed >= BULK_FROM else nullcontext(store) as target:
        _write(target, plans, people, orgs, summary)
    for plan in plans:
        if prune:
            _prune(store, plan, loaded, summary)
    summary.merges = people.merges if people is not None else []
    return summary


@dataclass
class _Plan:
    """One site's files to write: parsed pages and failures' stubs, and every graph seen."""

    site: Site
    seen: set[str] = field(default_factory=set)
    parsed: list[tuple[str, Parsed]] = field(default_factory=list)
    failures: dict[str, list[ox.Quad]] = field(default_factory=dict)


def _read_site(site: Site, loaded: dict[str, tuple[str, str]], progress: Callable[[str], None] | None,
               summary: Summary) -> _Plan:
    """Read a site's new and changed files and run the pipeline on them (nothing is written yet)."""
    root = site.root if site.root.is_dir() else site.root.parent
    plan = _Plan(site)
    changed: list[tuple[str, str, str, bytes]] = []
    if site.refusal:
        summary.notes.append(Note(str(site.root), None, "no-reader", site.refusal))
    for path in site.paths():
        rel = relpath(root, path)
        graph = ids.source(site.series, rel)
        plan.seen.add(graph)
        if progress:
            progress(rel)
        result = _read_changed(path, rel, graph, loaded, summary)
        if isinstance(result, tuple):
            changed.append((rel, graph, *result))
        elif result is not None:
            plan.failures[graph] = result
    outcomes = parse_all([(rel, data) for rel, _, _, data in changed], site)
    for (rel, graph, sha, _), outcome in zip(changed, outcomes):
        result = _settle(outcome, graph, sha, loaded, summary)
        if isinstance(result, Parsed):
            plan.parsed.append((graph, result))
        elif result is not None:
            plan.failures[graph] = result
    return plan


def _write(store: Store, plans: list[_Plan], people, orgs, summary: Summary) -> None:
    """Resolve identities and write every file's graph, in batches of about ``BATCH_QUADS`` quads."""
    batch: dict[str, list[ox.Quad]] = {}
    size = 0
    for plan in plans:
        batch.update(plan.failures)
        for i, (graph, parsed) in enumerate(plan.parsed):
            identity.resolve(parsed, people, orgs)
            summary.notes += parsed.notes
            _, quads = readers.to_quads(parsed, plan.site.series)
            batch[graph] = quads + note_quads(graph, parsed.notes)
            size += len(batch[graph])
            plan.parsed[i] = (graph, None)  # written: its records can go
            if size >= BATCH_QUADS:
                store.replace(batch)
                batch, size = {}, 0
    store.replace(batch)


def _prune(store: Store, plan: _Plan, loaded: dict[str, tuple[str, str]], summary: Summary) -> None:
    """Remove the graphs of the site's files that are gone from its folder."""
    prefix = ids.source(plan.site.series, "")[: -len(ids.digest(""))]
    gone = [g for g in loaded if g.startswith(prefix) and g not in plan.seen]
    store.remove(gone)
    summary.removed += len(gone)


def _read_changed(path: Path, rel: str, graph: str, loaded: dict[str, tuple[str, str]],
                  summary: Summary) -> tuple[str, bytes] | list[ox.Quad] | None:
    """``(sha, bytes)`` of a new or changed file, or a failure's stub quads, or ``None`` (unchanged, or kept)."""
    try:
        data = read_bytes(rel, path)
    except IngestError as exc:
        summary.read += 1  # tried and failed: "1 read, 1 failed" (failed files are among the read ones)
        return _failed(exc, graph, "", loaded, summary)
    sha = hashlib.sha256(data).hexdigest()
    if loaded.get(graph, ("", ""))[1] == sha:
        summary.unchanged += 1
        return None
    summary.read += 1
    return sha, data


def _settle(outcome: Parsed | IngestError, graph: str, sha: str, loaded: dict[str, tuple[str, str]],
            summary: Summary) -> Parsed | list[ox.Quad] | None:
    """Count a parsed file, or record its failure (stub quads, or ``None`` when the old graph is kept)."""
    if isinstance(outcome, IngestError):
        return _failed(outcome, graph, sha, loaded, summary)
    summary.sessions += len(outcome.sessions)
    summary.appearances += sum(len(s.rows) for s in outcome.sessions)
    summary.speaker_pages += len(outcome.speakers)
    return outcome


def parse_all(items: list[tuple[str, bytes]], site: Site) -> list[Parsed | IngestError]:
    """The pipeline over ``(relpath, bytes)`` items, in worker processes when there are many."""
    workers = min(WORKERS, os.cpu_count() or 1)
    # fork, not spawn: spawn re-runs the caller's main script in each worker. Forking beside the store's
    # threads is safe here because the workers only parse: they never call the store
    if workers < 2 or len(items) < PARALLEL_FROM or "fork" not in multiprocessing.get_all_start_methods():
        return [_parse(rel, data, site) for rel, data in items]
    chunks = [items[i:i + 100] for i in range(0, len(items), 100)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_exit_with_parent, initargs=(os.getpid(),)) as pool:
        done = pool.map(_parse_chunk, [site] * len(chunks), chunks)
        return [_error(r) if isinstance(r, tuple) else r for chunk in done for r in chunk]


def _exit_with_parent(parent: int) -> None:
    """In a worker: exit when the ingest that forked it is gone.

    A killed ingest (SIGKILL, out of memory) cannot stop its workers, and a forked worker waits on a
    pipe that its sibling keeps open, so without this it would wait for ever.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _parse_chunk(site: Site, items: list[tuple[str, bytes]]) -> list[Parsed | tuple]:
    # an IngestError does not survive pickling (its __init__ takes three arguments): send its fields
    out = [_parse(rel, data, site) for rel, data in items]
    return [(r.path, r.reason, r.line) if isinstance(r, IngestError) else r for r in out]


def _error(fields: tuple) -> IngestError:
    return IngestError(*fields)


def _parse(rel: str, data: bytes, site: Site) -> Parsed | IngestError:
    try:
        return pipeline(rel, data, site)
    except IngestError as exc:
        return exc
    except RecursionError:
        return IngestError(rel, "nesting too deep to read — simplify the file")


def pipeline(rel: str, data: bytes, site: Site) -> Parsed:
    """read → parse → normalize, for one file's bytes (no store, no file system)."""
    doc = parse_document(rel, data)
    return readers.read(doc, site)


def _failed(exc: IngestError, graph: str, sha: str, loaded: dict, summary: Summary) -> list[ox.Quad] | None:
    summary.failed += 1
    kept = graph in loaded
    reason = exc.reason + (" — the previously ingested version is kept" if kept else "")
    note = Note(exc.path, exc.line, "failed-file", reason)
    summary.notes.append(note)
    if kept:
        return None
    # a stub graph remembers the failure (and the hash, so an unchanged broken file is not re-read)
    g = ox.NamedNode(graph)
    stub = [ox.Quad(g, ox_node(RDF.type), ox_node(SG.SourceFile), g),
            ox.Quad(g, ox_node(SG.path), ox.Literal(exc.path), g),
            ox.Quad(g, ox_node(SG.contentHash), ox.Literal(sha), g)]
    return stub + note_quads(graph, [note])


def note_quads(graph: str, notes: list[Note]) -> list[ox.Quad]:
    """The notes of a file as triples in its graph, so that the report survives re-ingests."""
    g = ox.NamedNode(graph)
    out = []
    for i, note in enumerate(notes, start=1):
        node = ox.NamedNode(f"{graph}#note-{i}")
        out += [ox.Quad(node, ox_node(RDF.type), ox_node(SG.Note), g),
                ox.Quad(node, ox_node(SG.noteKind), ox.Literal(note.kind), g),
                ox.Quad(node, ox_node(RDFS.comment), ox.Literal(note.message), g),
                ox.Quad(node, ox_node(PROV.wasDerivedFrom), g, g)]
        if note.line:
            out.append(ox.Quad(node, ox_node(SG.line), ox.Literal(str(note.line), datatype=ox_node(
                "http://www.w3.org/2001/XMLSchema#integer")), g))
    return out
