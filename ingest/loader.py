"""Walk folders, run the pipeline on each file, and write one graph per file to the store.

Ingest is idempotent and incremental: a file whose content hash is already in
the store is skipped; a changed file's graph is replaced in one transaction;
with ``prune`` a file gone from the folder has its graph removed. A file that
fails is reported and every other file still lands; a broken new version of a
file keeps the previous graph. Many changed files are parsed in worker
processes; every site is parsed before anything is written, so that identity
resolution sees them all, and a first load of many files into an empty store
goes through the store's bulk loader (``Store.first_load``).

Each file's graph records its folder (``sg:root``, a digest of the folder's
absolute path), so a run touches the files of the folders it is given and no
others: ``prune`` removes the graphs of those folders' files that are gone, and
a folder ingested under another series has its old series' graphs removed with
the write of its new ones. Ingest never reads outside its folders: a symbolic
link (to a file or a folder, inside or outside) is never followed, and each one
is reported, loops included. Characters XML cannot hold are removed from what is
read, each removal a note with its file and line.
"""

from __future__ import annotations

import errno
import gc
import hashlib
import multiprocessing
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import PROV, RDF, RDFS

from graph import ids
from graph.errors import IngestError
from graph.store import Store
from graph.text import ILLEGAL, clean, controls, printable, quoted
from graph.vocab import SG, ox_node
from ingest import borrowers, identity, page_positions, readers, session_roles, title_slots, versions
from ingest.site import TEXT_SUFFIXES, Site, site_for  # noqa: F401 - site_for is part of the loader's interface
from ingest.read import parse_document, read_bytes, relpath
from ingest.records import Note, Parsed

MODEL_VERSION = "20"  # of the triples written per file (and of what the readers extract): a graph written with
# another is read again at the next ingest
BATCH_QUADS = 100_000  # per store write: large transactions cost less per quad, and this is little enough to hold
BULK_FROM = 1000  # parsed files; from this many, a first load into an empty store uses the bulk loader
WORKERS = 2  # parsing processes when many files changed
PARALLEL_FROM = 1000  # changed files; below this, starting the processes costs more than they save
SUFFIXES = readers.PAGE_SUFFIXES  # walked when no suffixes are given: Markdown pages


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
    links: int = 0  # symbolic links skipped
    unscoped: int = 0  # graphs not pruned because no folder is recorded for them (ingested before roots were)
    claimed: int = 0  # files of the same name and series last ingested from another folder, or this one elsewhere
    folders: list[Folder] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    merges: list[tuple[str, str, str]] = field(default_factory=list)  # (merged key, kept key, reason)

    @property
    def warnings(self) -> int:
        """Notes other than informational ones."""
        return sum(1 for n in self.notes if n.kind not in INFO_KINDS)


INFO_KINDS = {"repeated-row", "not-a-panel", "merged-person", "no-people", "postponed"}


@dataclass
class Folder:
    """Where one folder of a run went: its series, its files, and what its new series replaced."""

    root: Path
    series: str
    files: int = 0
    replaced: dict[str, int] = field(default_factory=dict)  # other series -> its graphs of this folder removed
    pruned: int = 0

    def __str__(self) -> str:
        moved = "; ".join(f"replaces series {k} ({n} file{'s' * (n != 1)} removed)" for k, n in self.replaced.items())
        return (f"{quoted(str(self.root))} → series {self.series} ({self.files} file{'s' * (self.files != 1)}"
                + (f", {self.pruned} pruned" if self.pruned else "") + ")" + (f"; {moved}" if moved else ""))


# Hugo's folder of templates new pages are made from ("title: {{ .File.ContentBaseName }}"): no content, never read
TEMPLATES = "archetypes"


def walk(root: Path, suffixes: tuple[str, ...] = SUFFIXES) -> list[Path]:
    """The files under ``root`` ending in one of ``suffixes``, sorted; hidden files, symbolic links and Hugo's
    ``archetypes`` (templates) skipped."""
    if root.is_file():
        return [root]
    ends = tuple("." + s.lstrip(".").lower() for s in suffixes)
    return _sorted([e.path for e, link in _entries(root) if not link and e.name.lower().endswith(ends)])


def links(root: Path) -> list[tuple[Path, str]]:
    """The symbolic links under ``root`` (not in hidden folders), sorted, each with why it is not followed."""
    if not root.is_dir():
        return []
    top = root.resolve()
    return [(path, _link_reason(path, top)) for path in _sorted([e.path for e, link in _entries(root) if link])]


def _entries(root: Path) -> Iterable[tuple[os.DirEntry, bool]]:
    """Every entry under ``root`` but hidden ones and what is inside links, each with whether it is a link.

    ``os.scandir`` knows from the folder listing whether an entry is a link or a folder: no system call per file
    (with a call per file, the two walks of a 10k-file site took a second of every ingest, changed or not).
    """
    folders = [os.fspath(root)]
    while folders:
        try:
            listing = os.scandir(folders.pop())
        except OSError:
            continue  # a folder that cannot be listed is passed over, as os.walk does
        with listing:
            for entry in listing:
                if entry.name.startswith("."):
                    continue
                if entry.is_symlink():
                    yield entry, True
                elif entry.is_dir(follow_symlinks=False):
                    if entry.name != TEMPLATES:
                        folders.append(entry.path)
                else:
                    yield entry, False


def _sorted(paths: list[str]) -> list[Path]:
    """``paths`` as ``Path``s, in ``Path`` order (by their parts), sorted as strings are faster than as ``Path``s."""
    return [Path(p) for p in sorted(paths, key=lambda p: p.split(os.sep))]


def _link_reason(path: Path, top: Path) -> str:
    """Why the link at ``path`` (under the resolved folder ``top``) is not followed."""
    try:
        target = path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:  # RuntimeError: a chain of links that loops (OSError ELOOP from 3.13)
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            return "is a symbolic link that loops (too many levels of symbolic links) — not followed; remove it"
        return "is a symbolic link to nothing (No such file or directory at its target) — not read; remove it"
    kind = "folder" if target.is_dir() else "file"
    if not target.is_relative_to(top):
        return f"is a symbolic link to a {kind} outside the ingested folder — not read; copy it into the folder " \
               "if it belongs there"
    if kind == "folder" and path.parent.resolve().is_relative_to(target):
        return "is a symbolic link to a folder that contains it (a loop) — not followed; remove it"
    return f"is a symbolic link to a {kind} inside the ingested folder — not followed: the {kind} is read " \
           "where it lives"


def ingest(store: Store, sites: Iterable[Site], prune: bool = False,
           progress: Callable[[str], None] | None = None) -> Summary:
    """Ingest every site into ``store`` and return what happened."""
    with _frozen_heap():
        return _ingest(store, sites, prune, progress)


@contextmanager
def _frozen_heap():
    """Keep what is alive out of the garbage collector's full passes until the run ends.

    Every file is parsed before anything is written, so the heap holds millions of records; a full
    pass walks them all each time a quarter more objects survive, and writing makes that many every
    batch. Records are still freed when their last reference goes.
    """
    gc.freeze()  # what the run starts with, and what the parsing workers inherit, is never walked
    try:
        yield
    finally:
        gc.unfreeze()


def _ingest(store: Store, sites: Iterable[Site], prune: bool,
            progress: Callable[[str], None] | None) -> Summary:
    summary = Summary()
    loaded = store.sources()
    roots = folders(store) if loaded else {}
    fresh = current(store) if loaded else set()
    plans = [_read_site(site, loaded, roots, fresh, progress, summary) for site in sites]
    _clashes(plans, summary)
    for plan in plans:
        plan.gone = _gone(plan, loaded, roots, prune, summary)
        if loaded and (plan.parsed or plan.gone):  # unchanged files that borrowed from a changed speaker page
            _read_borrowers(store, plan, loaded, summary)
    for plan in plans:  # talk pages with no time take their programme slot's (ingest.title_slots)
        gone = title_slots.join([p for _, p in plan.parsed], plan.site)
        summary.sessions -= len(gone)
        summary.appearances -= sum(len(s.rows) for s in gone)
    gc.freeze()  # every site is parsed: the records live until written
    versions.settle(store, plans, loaded, summary)  # a draft and its final never pool their facts
    for plan in plans:  # people a speakers file places in a schedule's slots take the slots' roles
        session_roles.from_slots([p for _, p in plan.parsed if p is not None], plan.site.settings.roles)
    parsed = sum(len(plan.parsed) for plan in plans)
    people, orgs = identity.from_store(store) if parsed else (None, None)  # read only when some file changed
    # acronyms first, so that "CSA" resolves whichever file defines "Cyber Security Agency … (CSA)"; the names
    # speaker pages print too, so that a row printing only one is its page's person whichever file comes first
    for plan in plans:
        for _, page in plan.parsed:
            identity.learn(orgs, page, people, plan.site.series)
    # writing makes no garbage cycles: with the records frozen, each batch would set off full passes
    with store.first_load() if parsed >= BULK_FROM else nullcontext(store) as target, _collector_off():
        _write(target, plans, people, orgs, summary, stored=bool(loaded))
    summary.merges = people.merges if people is not None else []
    return summary


@dataclass
class _Plan:
    """One site's files to write: parsed pages and failures' stubs, and every graph seen."""

    site: Site
    folder: Folder
    key: str  # the folder's key, recorded in each of its graphs
    seen: set[str] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)  # the file names of the folder now
    hashes: dict[str, str] = field(default_factory=dict)  # file name -> content hash, of every file read
    parsed: list[tuple[str, Parsed]] = field(default_factory=list)
    failures: dict[str, list[ox.Quad]] = field(default_factory=dict)
    gone: list[str] = field(default_factory=list)  # graphs of the folder to remove with its files' write
    files: dict[str, tuple[Path, str]] = field(default_factory=dict)  # graph -> (path, file name) of every file


def folder_key(root: Path) -> str:
    """The key of a folder recorded with each of its files: a digest of its absolute path (which stays private)."""
    return ids.digest(str(root.resolve()))


_FOLDERS = f"SELECT ?g ?root WHERE {{ GRAPH ?g {{ ?g <{SG.root}> ?root }} }}"
_CURRENT = f"SELECT ?g WHERE {{ GRAPH ?g {{ ?g <{SG.modelVersion}> ?_version }} }}"


def folders(store: Store) -> dict[str, str]:
    """The folder key of every graph that records one: ``{graph IRI: key}``."""
    return {g.value: root.value for g, root in store.query(_FOLDERS)}  # by position: faster than by name


def current(store: Store) -> set[str]:
    """The graphs written with this version of the data model (the others are read again, changed or not)."""
    return {g.value for g, in store.query(_CURRENT, {ox.Variable("_version"): ox.Literal(MODEL_VERSION)})}


def _read_site(site: Site, loaded: dict[str, tuple[str, str]], roots: dict[str, str], fresh: set[str],
               progress: Callable[[str], None] | None, summary: Summary) -> _Plan:
    """Read a site's new and changed files and run the pipeline on them (nothing is written yet).

    A file is read again, changed or not, when its graph was written from another folder or with another
    version of the data model (``fresh`` holds the graphs written with this one).
    """
    root = site.folder
    plan = _Plan(site, Folder(site.root, site.series), folder_key(site.root))
    summary.folders.append(plan.folder)
    changed: list[tuple[str, str, str, bytes]] = []
    if site.refusal:
        summary.notes.append(Note(quoted(str(site.root)), None, "no-reader", site.refusal))
    if site.drafted:
        summary.notes.append(Note(quoted(str(site.root)), None, "drafted-profile", site.drafted))
    if site.draft_failed:
        summary.notes.append(Note(quoted(str(site.root)), None, "draft-failed", site.draft_failed))
    for n, pattern, suffix in readers.unwalked(site.profile.parts, TEXT_SUFFIXES):
        summary.notes.append(Note(site.profile.path or quoted(str(site.root)), None, "unread-files",
                                  readers.unwalked_note(n, pattern, suffix)))
    paths = site.paths()
    joined = _joined(site, [printable(relpath(root, path)) for path in paths])
    kept: list[tuple[Path, str, str]] = []  # unchanged files of a joined group, read again if one of it changed
    for path in paths:
        rel = printable(relpath(root, path))  # a line break or control character in a name is written as an escape
        graph = site.graph(rel)
        plan.seen.add(graph)
        plan.paths.add(rel)
        plan.files[graph] = (path, rel)
        plan.folder.files += 1
        if progress:
            progress(rel)
        same = roots.get(graph) == plan.key
        summary.claimed += graph in roots and not same
        result = _read_changed(path, rel, graph, loaded, same and graph in fresh, summary, follow=path == site.root)
        if isinstance(result, tuple):
            plan.hashes[rel] = result[0]
            changed.append((rel, graph, *result))
        elif result is not None:
            plan.failures[graph] = result + _kept_quads(graph, plan.key)
        elif rel in joined:
            kept.append((path, rel, graph))
    if kept and any(rel in joined for rel, *_ in changed):
        for path, rel, graph in kept:  # a speakers file and the schedule whose slots it fills are read together
            summary.unchanged -= 1
            result = _read_changed(path, rel, graph, loaded, False, summary)
            if isinstance(result, tuple):
                plan.hashes[rel] = result[0]
                changed.append((rel, graph, *result))
    _read_links(plan, loaded, roots, summary)
    _parse_into(plan, changed, loaded, summary)
    return plan


def _parse_into(plan: _Plan, items: list[tuple[str, str, str, bytes]], loaded: dict[str, tuple[str, str]],
                summary: Summary) -> None:
    """Parse ``(file name, graph, sha, bytes)`` items into the plan: each a parsed file or a failure's stub."""
    outcomes = parse_all([(rel, data) for rel, _, _, data in items], plan.site)
    for (rel, graph, sha, _), outcome in zip(items, outcomes):
        result = _settle(outcome, graph, sha, loaded, summary)
        if isinstance(result, Parsed):
            plan.parsed.append((graph, result))
        elif result is not None:
            plan.failures[graph] = result + _kept_quads(graph, plan.key)


def _read_borrowers(store: Store, plan: _Plan, loaded: dict[str, tuple[str, str]], summary: Summary) -> None:
    """Read again the unchanged files of the folder holding an appearance of a person whom a changed, new or removed
    file prints on a speaker page: what they took from the page's old version must not outlive it."""
    parsed = {graph for graph, _ in plan.parsed}
    if not plan.seen - parsed - plan.failures.keys():
        return  # every file is read already (a first ingest, a new model version)
    people = borrowers.stored_people(store, (parsed | set(plan.gone)) & loaded.keys())
    people |= {p for _, item in plan.parsed for p in borrowers.lent_by(item)}
    if not people:
        return
    again = sorted((borrowers.files_of(store, people) & plan.seen) - parsed - plan.failures.keys())
    items = []
    for graph in again:
        path, rel = plan.files[graph]
        summary.unchanged -= 1
        result = _read_changed(path, rel, graph, loaded, False, summary)
        if isinstance(result, tuple):
            plan.hashes[rel] = result[0]
            items.append((rel, graph, *result))
        elif result is not None:
            plan.failures[graph] = result + _kept_quads(graph, plan.key)
    _parse_into(plan, items, loaded, summary)


def _joined(site: Site, rels: list[str]) -> set[str]:
    """The files whose sessions are joined across files, so read together whenever one of them changes: every data
    file of a site where a speakers file places its people in the slots of a schedule (``session_date`` /
    ``session_time``), which take their roles and talk titles from each other (``session_roles.from_slots``)."""
    readers = {rel: site.readers_for(rel) for rel in rels}
    slotted = title_slots.joined_files(site, rels)  # talk pages and the programme giving their times
    if not any(name == "records" and ("session_time" in opts or "session_date" in opts)
               for found in readers.values() for name, opts in found):
        return slotted
    return slotted | {rel for rel, found in readers.items() if any(name == "records" for name, _ in found)}


def _clashes(plans: list[_Plan], summary: Summary) -> None:
    """Two folders of one run with a file of the same name in one series share its graph: say which is kept."""
    owner: dict[str, _Plan] = {}
    for plan in plans:
        for graph in plan.seen:
            first = owner.setdefault(graph, plan)
            if first is not plan:
                summary.notes.append(Note(quoted(str(plan.site.root)), None, "name-clash",
                                          f"holds a file of the same name as {quoted(str(first.site.root))}, in "
                                          f"series {plan.site.series}: one graph holds the last read — give each "
                                          "folder its own --series"))


def _read_links(plan: _Plan, loaded: dict[str, tuple[str, str]], roots: dict[str, str], summary: Summary) -> None:
    """A stub graph with a note for each symbolic link of the folder, so the report lists it (never its target)."""
    for path, reason in links(plan.site.root):
        rel = printable(relpath(plan.site.folder, path))
        graph = plan.site.graph(rel)
        plan.seen.add(graph)
        folder = path.is_dir()  # a link to a folder is no file: skipped; a link to a file is refused, as a FIFO is
        note = Note(rel, None, "skipped-file" if folder else "failed-file", reason)
        summary.links += 1
        summary.read += not folder
        summary.failed += not folder
        summary.notes.append(note)
        sha = "symbolic-link:" + ids.digest(reason)
        if loaded.get(graph, ("", ""))[1] == sha and roots.get(graph) == plan.key:
            continue  # its stub, with the same note, is in the store
        plan.failures[graph] = _stub(graph, rel, sha, note) + _kept_quads(graph, plan.key)


def _kept_quads(graph: str, key: str) -> list[ox.Quad]:
    """What the loader records in each file's graph: its folder's key and the model version it was written with."""
    g = ox.NamedNode(graph)
    return [ox.Quad(g, ox_node(SG.root), ox.Literal(key), g),
            ox.Quad(g, ox_node(SG.modelVersion), ox.Literal(MODEL_VERSION), g)]


def _series_of(graph: str) -> str:
    """The series key in a source graph's IRI.

    >>> _series_of(ids.source("sicw", "a.md"))
    'sicw'
    """
    return graph[len(ids.BASE + "source/"):].rsplit("/", 1)[0]


def _gone(plan: _Plan, loaded: dict[str, tuple[str, str]], roots: dict[str, str], prune: bool,
          summary: Summary) -> list[str]:
    """The folder's graphs to remove: those under another series (the folder moved), and with ``prune`` the gone.

    A graph is the folder's when it records the folder's key, or (written before folders were recorded)
    when it holds a file of the folder byte for byte under the same name.
    """
    if plan.site.refusal:
        return []  # no reader reads the folder now: its files are not gone, and nothing of it is touched
    theirs = [g for g in loaded if g not in plan.seen and (
        roots.get(g) == plan.key or (g not in roots and plan.hashes.get(loaded[g][0]) == loaded[g][1]))]
    gone = []
    for graph in theirs:
        series = _series_of(graph)
        if series == plan.site.series and loaded[graph][0] in plan.paths:
            gone.append(graph)  # the same file under the graph name of an older speakergraph: replaced
        elif series != plan.site.series:
            plan.folder.replaced[series] = plan.folder.replaced.get(series, 0) + 1
            gone.append(graph)
        elif prune:
            plan.folder.pruned += 1
            gone.append(graph)
    if prune:
        prefix = ids.source(plan.site.series, "")[: -len(ids.digest(""))]
        summary.unscoped += sum(1 for g in loaded if g.startswith(prefix) and g not in roots and g not in plan.seen
                                and g not in gone)
    summary.removed += len(gone)
    return gone


def _write(store: Store, plans: list[_Plan], people, orgs, summary: Summary, stored: bool = True) -> None:
    """Resolve identities and write every file's graph, in batches of about ``BATCH_QUADS`` quads; speaker
    pages are looked up in the store only when it held files before the run (a read waits for a bulk write)."""
    batch: dict[str, list[ox.Quad]] = {}
    size = 0
    # every file resolved before any speaker page is collected, as the dry run does: a speaker record read after
    # the row that names its person may be merged into the row's key ("Ann Lee" into "Ann B. Lee"), and collected
    # under its own key first, it lent the row nothing
    for plan in plans:
        for _, parsed in plan.parsed:
            identity.resolve(parsed, people, orgs, plan.site.series)
    pages = page_positions.collect(store if stored else None, [item for plan in plans for item in plan.parsed],
                                   [graph for plan in plans for graph in plan.gone])
    for plan in plans:
        batch.update(plan.failures)
        for i, (graph, parsed) in enumerate(plan.parsed):
            page_positions.apply(parsed, pages)  # a speaker page's positions where the session prints none
            _, quads = readers.to_quads(parsed, plan.site.series, graph)
            quads = _cleaned(graph, quads, parsed)
            summary.notes += parsed.notes
            batch[graph] = quads + note_quads(graph, parsed.notes) + _kept_quads(graph, plan.key)
            size += len(batch[graph])
            plan.parsed[i] = (graph, None)  # written: its records can go
            if size >= BATCH_QUADS and i < len(plan.parsed) - 1:
                store.replace(batch)
                batch, size = {}, 0
        # the folder's graphs under its old series (or gone, with prune) go out with the write of its last files
        store.write(batch, plan.gone)
        batch, size = {}, 0
    store.write(batch)


def _cleaned(graph: str, quads: list[ox.Quad], parsed: Parsed) -> list[ox.Quad]:
    """The quads with characters XML cannot hold removed from their literals (escapes in YAML, entities), noted."""
    if not any(isinstance(q.object, ox.Literal) and ILLEGAL.search(q.object.value) for q in quads):
        return quads
    lines = {q.subject: int(q.object.value) for q in quads if q.predicate == ox_node(SG.line)}
    out = []
    for q in quads:
        if isinstance(q.object, ox.Literal) and ILLEGAL.search(q.object.value):
            codes = " ".join(code for _, code in controls(q.object.value))
            parsed.notes.append(Note(parsed.doc.path, lines.get(q.subject), "control-character",
                                     f"control characters ({codes}) removed from a value — XML cannot hold them"))
            lit = q.object
            q = ox.Quad(q.subject, q.predicate, ox.Literal(clean(lit.value), datatype=None if lit.language else
                                                           lit.datatype, language=lit.language), q.graph_name)
        out.append(q)
    return out


def _read_changed(path: Path, rel: str, graph: str, loaded: dict[str, tuple[str, str]], same_folder: bool,
                  summary: Summary, follow: bool = False) -> tuple[str, bytes] | list[ox.Quad] | None:
    """``(sha, bytes)`` of a new or changed file, or a failure's stub quads, or ``None`` (unchanged, or kept)."""
    try:
        data = read_bytes(rel, path, follow=follow)  # follow: a file named on the command line may be a link
    except IngestError as exc:
        summary.read += 1  # tried and failed: "1 read, 1 failed" (failed files are among the read ones)
        return _failed(exc, graph, "", loaded, summary)
    sha = hashlib.sha256(data).hexdigest()
    if loaded.get(graph, ("", ""))[1] == sha and same_folder:  # another folder's file of that name: written again
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
        done = pool.map(_parse_chunk, [site] * len(chunks), chunks)  # forks the workers, collector on
        with _collector_off():
            return [_error(r) if isinstance(r, tuple) else r for chunk in done for r in chunk]


@contextmanager
def _collector_off():
    """No garbage collection inside: for steps that make many objects that stay alive and no garbage cycles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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
    for r in out:
        if isinstance(r, Parsed):
            r.doc.body = ""  # read and described: the writing needs none of the text, so none of it is sent back
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
    text, notes = _without_controls(rel, data)
    doc = parse_document(rel, data if text is None else text.encode("utf-8"))
    doc.sha256 = hashlib.sha256(data).hexdigest()  # the file's own hash, as the loader compares it
    parsed = readers.read(doc, site)
    parsed.notes += notes
    if doc.encoding != "utf-8":
        parsed.notes.append(Note(rel, None, "not-utf8", f"saved as {_ENCODINGS[doc.encoding]}, not UTF-8: read as "
                                 "such — re-save it as UTF-8 if a letter reads wrong"))
    versions.describe_into(parsed, site.series)  # here, in the parsing workers, rather than in the serial part
    return parsed


_ENCODINGS = {"cp1252": "Windows-1252 (Excel's CSV in Western Europe)"}
_CONTROL_BYTES = re.compile(rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\xef\xbf[\xbe\xbf]")


def _without_controls(rel: str, data: bytes) -> tuple[str | None, list[Note]]:
    """The text of ``data`` without the characters XML cannot hold, and a note per line that held some.

    ``None`` when there is nothing to remove, or when the bytes are no UTF-8 text (reading them says why).
    """
    if not _CONTROL_BYTES.search(data) or b"\x00" in data:
        return None, []
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        return None, []
    notes = [Note(rel, line, "control-character", f"control characters ({codes}) removed — they are not text, "
                                                     "and XML cannot hold them") for line, codes in controls(text)]
    return clean(text), notes


def _failed(exc: IngestError, graph: str, sha: str, loaded: dict, summary: Summary) -> list[ox.Quad] | None:
    summary.failed += 1
    kept = graph in loaded
    reason = exc.reason + (" — the previously ingested version is kept" if kept else "")
    note = Note(exc.path, exc.line, "failed-file", reason)
    summary.notes.append(note)
    if kept:
        return None
    return _stub(graph, exc.path, sha, note)


def _stub(graph: str, rel: str, sha: str, note: Note) -> list[ox.Quad]:
    """A graph that remembers a file that was not read, with its note (and its hash: not re-read while unchanged)."""
    g = ox.NamedNode(graph)
    stub = [ox.Quad(g, ox_node(RDF.type), ox_node(SG.SourceFile), g),
            ox.Quad(g, ox_node(SG.path), ox.Literal(rel), g),
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
                ox.Quad(node, ox_node(RDFS.comment), ox.Literal(clean(note.message)), g),
                ox.Quad(node, ox_node(PROV.wasDerivedFrom), g, g)]
        if note.line:
            out.append(ox.Quad(node, ox_node(SG.line), ox.Literal(str(note.line), datatype=ox_node(
                "http://www.w3.org/2001/XMLSchema#integer")), g))
    return out
