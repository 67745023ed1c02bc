"""Walk folders, run the pipeline on each file, and write one graph per file to the store.

Ingest is idempotent and incremental: a file whose content hash is already in
the store is skipped; a changed file's graph is replaced in one transaction;
with ``prune`` a file gone from the folder has its graph removed. A file that
fails is reported and every other file still lands; a broken new version of a
file keeps the previous graph.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS

from graph import ids
from graph.errors import IngestError
from graph.store import Store
from graph.vocab import SG, ox_node
from ingest import identity, readers
from ingest.read import parse_document, read_bytes, relpath
from ingest.records import Note, Parsed

BATCH_FILES = 200
SUFFIXES = (".md", ".markdown")


@dataclass
class Site:
    """What the loader needs to know of a folder: its series and its reader."""

    root: Path
    series: str
    series_name: str
    reader: str | None = None  # None: detect per file
    options: dict = field(default_factory=dict)


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


def site_for(root: Path, series: str | None = None, series_name: str | None = None) -> Site:
    """The site of a folder: its profile (``speakergraph.toml``) or names derived from the folder."""
    profile = readers.load_profile(root)
    key = series or profile.get("series") or _series_from_folder(root)
    name = series_name or profile.get("name") or key.upper()
    return Site(root=root, series=ids.slugify(key) or "events", series_name=name,
                reader=profile.get("reader"), options=profile)


def _series_from_folder(root: Path) -> str:
    name = root.resolve().name
    return re.sub(r"[-_ ]?(19|20)\d\d$", "", name) or name


def walk(root: Path) -> list[Path]:
    """The page files under ``root``, sorted, hidden folders and symlinked folders skipped."""
    if root.is_file():
        return [root]
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder) / f for f in files if f.endswith(SUFFIXES) and not f.startswith(".")]
    return sorted(found)


def ingest(store: Store, sites: Iterable[Site], prune: bool = False,
           progress: Callable[[str], None] | None = None) -> Summary:
    """Ingest every site into ``store`` and return what happened."""
    summary = Summary()
    loaded = store.sources()
    known: list = []  # the identity index, read from the store only when some file has changed
    for site in sites:
        _ingest_site(store, site, loaded, prune, progress, summary, known)
    summary.merges = known[0].merges if known else []
    return summary


def _ingest_site(store: Store, site: Site, loaded: dict[str, tuple[str, str]], prune: bool,
                 progress: Callable[[str], None] | None, summary: Summary,
                 known: list) -> None:
    root = site.root if site.root.is_dir() else site.root.parent
    seen: set[str] = set()
    parsed_files: list[tuple[str, Parsed]] = []
    failures: dict[str, list[ox.Quad]] = {}
    for path in walk(site.root):
        rel = relpath(root, path)
        graph = ids.source(site.series, rel)
        seen.add(graph)
        if progress:
            progress(rel)
        result = _one_file(path, rel, graph, site, loaded, summary)
        if isinstance(result, Parsed):
            parsed_files.append((graph, result))
        elif result is not None:
            failures[graph] = result
    if parsed_files and not known:
        known.extend(identity.from_store(store))
    people, orgs = known if known else (None, None)
    # acronyms first, so that "CSA" resolves whichever file defines "Cyber Security Agency … (CSA)"
    for _, parsed in parsed_files:
        identity.learn(orgs, parsed)
    batch = dict(failures)
    for graph, parsed in parsed_files:
        identity.resolve(parsed, people, orgs)
        summary.notes += parsed.notes
        _, quads = readers.to_quads(parsed, site.series)
        batch[graph] = quads + note_quads(graph, parsed.notes)
        if len(batch) >= BATCH_FILES:
            store.replace(batch)
            batch = {}
    store.replace(batch)
    if prune:
        prefix = ids.source(site.series, "")[: -len(ids.digest(""))]
        gone = [g for g in loaded if g.startswith(prefix) and g not in seen]
        store.remove(gone)
        summary.removed += len(gone)


def _one_file(path: Path, rel: str, graph: str, site: Site,
              loaded: dict[str, tuple[str, str]], summary: Summary) -> Parsed | list[ox.Quad] | None:
    """The parsed file, or a failure's stub quads, or ``None`` (unchanged, or failed with a graph kept)."""
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
    try:
        parsed = pipeline(rel, data, site)
    except IngestError as exc:
        return _failed(exc, graph, sha, loaded, summary)
    except RecursionError:
        return _failed(IngestError(rel, "nesting too deep to read — simplify the file"), graph, sha, loaded, summary)
    summary.sessions += len(parsed.sessions)
    summary.appearances += sum(len(s.rows) for s in parsed.sessions)
    summary.speaker_pages += len(parsed.speakers)
    return parsed


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
