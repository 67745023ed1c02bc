"""Crash safety: ``speakergraph ingest`` killed with SIGKILL at random points, and readers during an ingest.

The corpus is the real pages (``../shared/corpus/sicw-2024``, else the bundled
sample) copied into three site folders, and a changed copy of them (every page
one line longer) in folders of the same names, so that a run over the changed
copy replaces every graph. The killed runs write in small batches and parse in
worker processes, so one short run makes many transactions; kills land at
random times and as a transaction is written, both while new files are added
(``Store.extend``) and while every file is replaced (one SPARQL update per batch).

Every write is one transaction that keeps the default graph the set-union of
the file graphs. After every kill the store opens, its indexes agree, its
default graph equals the set-union of its named graphs, and every file is
either absent or whole: its graph holds exactly the quads a clean ingest gives
it (while replacing, of the old page or of the new one — never a mix). The
next run resumes; a finished run equals a clean ingest.

Readers: pyoxigraph 0.5 has no secondary mode, and its documentation calls
``Store.read_only`` beside a writing process undefined behaviour. Measured
here: a read-only open during an ingest sees the store as of the last
committed transaction — whole files, and a default graph equal to the union of
the files it sees — and keeps that view while it stays open. An open can race
a flush (RuntimeError "Corruption: … No such file … .sst"); ``open_store``
retries it, and raises ``StoreError`` if it keeps failing.
"""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ROOT, SAMPLE, SICW, tallied
from graph.errors import StoreError
from graph.store import open_store
from ingest.loader import walk

KILLS = 21  # a third while adding files, a third while replacing them, a third while adding them in bulk
SEED = 20
COMMAND = [sys.executable, str(ROOT / "speakergraph.py"), "ingest", "-s"]
# parse in worker processes from 50 changed files and write every ~6,000 quads, so that one run of a small
# corpus makes many transactions (a big site does the same with the defaults)
MANY_TRANSACTIONS = ("import ingest.loader, speakergraph; ingest.loader.BATCH_QUADS = 6_000; "
                     "ingest.loader.PARALLEL_FROM = 50; speakergraph.main()")
# a first load of 50 files or more into an empty store goes through the bulk loader (not transactional)
IN_BULK = MANY_TRANSACTIONS.replace("speakergraph.main()", "ingest.loader.BULK_FROM = 50; speakergraph.main()")
ALL_TRIPLES = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"  # queries run over the default graph


def source_folder() -> Path:
    return SICW if SICW.is_dir() else SAMPLE


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> list[Path]:
    """The real pages copied into three site folders (``copy-01`` …)."""
    src = source_folder()
    base = tmp_path_factory.mktemp("crash") / "corpus"
    folders = []
    for i in range(max(3, 375 // len(walk(src)))):
        shutil.copytree(src, base / f"copy-{i + 1:02}")
        folders.append(base / f"copy-{i + 1:02}")
    return folders


@pytest.fixture(scope="module")
def changed(sites) -> list[Path]:
    """The site folders again, under the same names (so the same graphs), every page one line longer."""
    base = sites[0].parent.parent / "changed"
    for site in sites:
        shutil.copytree(site, base / site.name)
        for path in walk(base / site.name):
            with path.open("a", encoding="utf-8") as page:
                page.write("\n")
    return [base / site.name for site in sites]


def start(folders: list[Path], store: Path, many_transactions: bool = False, bulk: bool = False) -> subprocess.Popen:
    """``speakergraph ingest`` in a process of its own (with ``many_transactions``, small batches; with
    ``bulk``, a first load through the bulk loader)."""
    command = [*COMMAND, *map(str, folders), "--store", str(store)]
    if many_transactions or bulk:
        command[1:2] = ["-c", IN_BULK if bulk else MANY_TRANSACTIONS]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def survivors(location: Path) -> list[int]:
    """Processes still running an ingest into ``location`` (its parsing workers, once it is killed)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and str(location).encode() in (proc / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            pass
    return found


def no_survivors(location: Path) -> bool:
    """True once no process works on ``location`` (a killed ingest's workers notice within a second)."""
    for _ in range(50):
        if not survivors(location):
            return True
        time.sleep(0.1)
    return False


def finish(folders: list[Path], store: Path) -> float:
    """Run an ingest to the end; its duration."""
    began = time.monotonic()
    proc = start(folders, store)
    _, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err.decode()
    return time.monotonic() - began


def union(graphs: dict[str, frozenset]) -> frozenset:
    """The set of triples over the named graphs."""
    return frozenset(q.triple for quads in graphs.values() for q in quads)


def check_union(graphs: dict[str, frozenset], default: frozenset, where: str) -> None:
    """The default graph is the set-union of the named graphs, with the tallies counted from it."""
    expected = tallied(union(graphs))
    assert default == expected, (f"{where}: the default graph is not the union of the {len(graphs)} file graphs: "
                                 f"{len(expected - default)} triples missing, {len(default - expected)} extra")


def by_graph(quads) -> dict[str, frozenset]:
    """Named-graph quads grouped by their graph (blank nodes would need an isomorphism check)."""
    out: dict[str, set] = {}
    for q in quads:
        assert isinstance(q.graph_name, ox.NamedNode), f"not a file graph's quad: {q}"
        for term in (q.subject, q.object):
            assert not isinstance(term, ox.BlankNode), "blank nodes would need an isomorphism check"
        out.setdefault(q.graph_name.value, set()).add(q)
    return {g: frozenset(qs) for g, qs in out.items()}


def read(location: Path, check_indexes: bool = False) -> dict[str, frozenset]:
    """The store's file graphs, opened as the next ingest opens it (which empties a first bulk load cut
    short), once its default graph is found to be their set-union (and, with ``check_indexes``, its indexes
    to agree)."""
    opened = open_store(location)
    store = opened._store
    try:
        quads = set(store.quads_for_pattern(None, None, None, None))
        default = frozenset(q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        assert not check_indexes or indexes_agree(store, quads), f"the indexes of {location} disagree"
    finally:
        del store
        opened.close()
    graphs = by_graph(q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
    check_union(graphs, default, str(location))
    return graphs


def view(store) -> dict[str, frozenset]:
    """What a reader sees through the Store API: its file graphs, once its default graph is checked."""
    graphs = by_graph(store.quads())
    default = frozenset(ox.Triple(r["s"], r["p"], r["o"]) for r in store.query(ALL_TRIPLES))
    check_union(graphs, default, f"a read-only view of {store.location}")
    return graphs


def indexes_agree(store: ox.Store, full: set) -> bool:
    """The store's indexes hold the same quads: the full scan ``full``, scans by graph (the default graph
    too) and by predicate."""
    by_name = {q for g in [*store.named_graphs(), ox.DefaultGraph()]
               for q in store.quads_for_pattern(None, None, None, g)}
    by_predicate = {q for p in {q.predicate for q in full} | {HASH}
                    for q in store.quads_for_pattern(None, p, None, None)}
    return full == by_name == by_predicate


def log_size(location: Path) -> int:
    """Bytes of write-ahead log in the store folder."""
    try:
        return sum(f.stat().st_size for f in location.iterdir() if f.suffix == ".log")
    except FileNotFoundError:
        return 0


HASH = ox.NamedNode("https://w3id.org/speakergraph/vocab#contentHash")


def classify(graphs: dict[str, frozenset], old: dict[str, frozenset], new: dict[str, frozenset]) -> Counter:
    """Each graph present is exactly a clean ingest's graph of its file: the new page's, or the old one's."""
    kinds: Counter = Counter()
    for graph, quads in graphs.items():
        assert graph in new, f"a graph no clean ingest has: {graph}"
        if quads == new[graph]:
            kinds["new"] += 1
        else:
            assert quads == old.get(graph), f"{graph} is neither absent nor whole (a file cut short)"
            kinds["old"] += 1
    return kinds


@pytest.fixture(scope="module")
def clean(sites, tmp_path_factory):
    """A clean, uninterrupted ingest: its store, its graphs and how long it took."""
    location = tmp_path_factory.mktemp("clean") / "store"
    duration = finish(sites, location)
    return location, read(location), duration


@pytest.fixture(scope="module")
def clean_changed(changed, tmp_path_factory):
    """A clean ingest of the changed pages: its graphs (every one differs from the original's)."""
    location = tmp_path_factory.mktemp("clean-changed") / "store"
    finish(changed, location)
    return read(location)


def kill_at_random(proc: subprocess.Popen, location: Path, rng: random.Random, aim: int, duration: float) -> None:
    """Wait for the moment aimed at — any time of the run (0), or a transaction being written (1) — then SIGKILL."""
    if aim == 1:  # as soon as the write-ahead log grows (opening the store empties it), i.e. during a commit
        low, deadline = log_size(location), time.monotonic() + duration * 2
        while proc.poll() is None and (size := log_size(location)) <= low and time.monotonic() < deadline:
            low = min(low, size)
            time.sleep(0.001)
        time.sleep(rng.uniform(0, 0.01))
    else:
        time.sleep(rng.uniform(0.05, duration))
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()


@pytest.mark.slow
def test_sigkill_at_random_points(sites, changed, clean, clean_changed, tmp_path):
    """At least 20 SIGKILLs mid-ingest: the store opens, each file whole or absent, the default graph the
    union of the file graphs; a resumed run equals a clean ingest."""
    clean_location, reference, duration = clean
    rng = random.Random(SEED)
    phases = {  # name: (folders, the graphs before the run, the graphs after it, the store it starts from)
        "adding": (sites, {}, reference, None),
        "replacing": (changed, reference, clean_changed, clean_location),
        "adding in bulk": (sites, {}, reference, None)}
    outcome: Counter = Counter()
    states = {phase: Counter() for phase in phases}
    while outcome["killed"] < KILLS:
        attempt = outcome["killed"] + outcome["finished"]
        phase = list(phases)[attempt % 3]
        folders, old, new, initial = phases[phase]
        location = tmp_path / phase
        if initial is not None and not location.exists():
            shutil.copytree(initial, location)
        proc = start(folders, location, many_transactions=True, bulk=phase == "adding in bulk")
        kill_at_random(proc, location, rng, attempt // 3 % 2, duration)
        if proc.returncode == 0:  # finished before the kill: it must equal a clean ingest
            assert read(location) == new
            outcome["finished"] += 1
            shutil.rmtree(location)
            continue
        assert proc.returncode == -signal.SIGKILL, f"the ingest failed by itself (exit {proc.returncode})"
        outcome["killed"] += 1
        assert no_survivors(location), f"processes of the killed ingest live on: {survivors(location)}"
        graphs = read(location, check_indexes=True) if location.exists() else {}
        kinds = classify(graphs, old, new)
        states[phase][f"{kinds['old'] or 'no'} old, {kinds['new'] or 'no'} new" if phase == "replacing"
                      else "empty" if not graphs else "complete" if kinds["new"] == len(new) else "partial"] += 1
        outcome["graphs checked"] += len(graphs)
        if kinds["new"] == len(new):
            shutil.rmtree(location)
    for phase, (folders, _, new, _) in phases.items():
        location = tmp_path / phase
        if location.exists():  # resume the interrupted run to its end
            finish(folders, location)
            assert read(location) == new, f"resumed {phase} run differs from a clean ingest"
    summary = {phase: dict(counts) for phase, counts in states.items()}
    print(f"\nkills: {outcome['killed']} SIGKILLs on {len(reference)} files in {len(sites)} sites "
          f"(a clean run takes {duration:.1f} s); {outcome['graphs checked']} graphs checked, all whole; "
          f"the store after them: {summary}; {outcome['finished']} runs finished before their kill; "
          "every resumed run equalled a clean ingest")


def watch(location: Path, proc: subprocess.Popen, allowed: list[dict], long_lived) -> tuple[Counter, Counter]:
    """Open the store read-only again and again while ``proc`` ingests: what each view held, what failed.

    Each graph a view holds must be one of the ``allowed`` versions of it, whole.
    """
    before = view(long_lived)
    seen, failures = Counter(), Counter()
    while proc.poll() is None:
        try:
            store = open_store(location, read_only=True)
        except StoreError as exc:  # the open raced a flush five times in a row
            failures[str(exc)[:80]] += 1
            continue
        try:
            graphs = view(store)
        finally:
            store.close()
        seen["views"] += 1
        for graph, quads in graphs.items():
            version = next((i for i, versions in enumerate(allowed) if versions.get(graph) == quads), None)
            assert version is not None, f"a reader saw {graph} neither absent nor whole"
            seen[f"whole (version {version + 1})" if len(allowed) > 1 else "whole"] += 1
    assert proc.returncode == 0, proc.stderr.read().decode()
    proc.stderr.close()
    assert view(long_lived) == before  # a reader's view does not move while it stays open
    long_lived.close()
    return seen, failures


@pytest.mark.slow
def test_readers_during_an_ingest_see_whole_files(sites, clean, tmp_path):
    """Every read-only view during an ingest holds whole files only, and a default graph that is their union."""
    _, reference, _ = clean
    location = tmp_path / "store"
    finish(sites[:1], location)  # a first site is in: a long-lived reader opens on it
    proc = start(sites, location, many_transactions=True)
    seen, failures = watch(location, proc, [reference], open_store(location, read_only=True))
    assert read(location) == reference
    print(f"\nreaders (adding): {seen['views']} read-only opens during an ingest, graphs seen {dict(seen)}; "
          f"{sum(failures.values())} opens failed after retries {dict(failures)}")
    assert seen["views"] > 0 and seen["whole"] > 0


@pytest.mark.slow
def test_readers_during_a_replacing_ingest_see_whole_files(changed, clean, clean_changed, tmp_path):
    """While every file is replaced, each view holds the old or the new graph of a file, never a mix."""
    clean_location, reference, _ = clean
    location = tmp_path / "store"
    shutil.copytree(clean_location, location)
    long_lived = open_store(location, read_only=True)
    proc = start(changed, location, many_transactions=True)
    seen, failures = watch(location, proc, [reference, clean_changed], long_lived)
    assert read(location) == clean_changed
    print(f"\nreaders (replacing): {seen['views']} read-only opens during an ingest, graphs seen {dict(seen)}; "
          f"{sum(failures.values())} opens failed after retries {dict(failures)}")
    assert seen["views"] > 0


# --- a disk that fills up during a first load in bulk ----------------------------------------------------

def _limited(limit: int):
    """In the child: files may grow to ``limit`` bytes, and a write past it fails with EFBIG (no SIGXFSZ kill),
    as a write on a full disk fails with ENOSPC."""
    import resource

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.fixture(scope="module")
def ten_copies(tmp_path_factory) -> Path:
    """The bundled sample ten times over in one folder: a first load whose bulk files grow past 100 kB."""
    root = tmp_path_factory.mktemp("full") / "sicw-2024"
    for i in range(10):
        for part in SAMPLE.glob("_20*"):
            shutil.copytree(part, root / f"copy-{i}" / part.name)
    shutil.copy(SAMPLE / "speakergraph.toml", root / "speakergraph.toml")
    return root


def test_a_full_disk_during_a_first_load_is_a_clear_error_and_the_store_stays_usable(ten_copies, tmp_path):
    reference = tmp_path / "reference"
    done = subprocess.run([sys.executable, "-c", IN_BULK.replace("50", "1"), "ingest", "-s", str(ten_copies),
                           "--store", str(reference)], cwd=ROOT, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    biggest = max(f.stat().st_size for f in reference.iterdir())
    # above what opening a store writes (its OPTIONS file, about 70 kB), below what the load writes
    limit = max(100_000, biggest // 4)
    location = tmp_path / "store"
    full = subprocess.run([sys.executable, "-c", IN_BULK.replace("50", "1"), "ingest", "-s", str(ten_copies),
                           "--store", str(location)], cwd=ROOT, capture_output=True, text=True, timeout=600,
                          preexec_fn=_limited(limit))
    assert full.returncode == 1, full.stderr
    assert "Traceback" not in full.stderr
    assert str(location) in full.stderr and "free space" in full.stderr and "File too large" in full.stderr
    assert not list(location.glob("bulk-*.sst"))  # the space the bulk files took is given back
    try:  # a reader sees an empty store, or is told the load was cut short — never a part of it
        store = open_store(location, read_only=True)
        assert store.count() == 0
        store.close()
    except StoreError as exc:
        assert "cut short" in str(exc)
    again = subprocess.run([*COMMAND, str(ten_copies), "--store", str(location)], cwd=ROOT, capture_output=True,
                           text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert "another speakergraph process" not in again.stderr
    assert read(location) == read(reference)
