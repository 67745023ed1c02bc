"""Mutations of real pages: every file is ingested or reported with its reason, and every other file lands.

The pages are the real SICW 2024 corpus (``../shared/corpus/sicw-2024``) when
it is present, else the bundled sample. Each mutation is applied to a few
pages picked by a seeded random generator and written beside the originals;
file-system oddities (a binary ``.md``, a symlink loop, a dangling symlink, a
FIFO, a directory named ``x.md``, a file over the size limit) sit with them.
"""

from __future__ import annotations

import os
import random
import re
import shutil
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import SAMPLE, SICW
from graph import ids
from graph.store import open_store
from ingest.loader import ingest, site_for, walk
from ingest.read import MAX_BYTES

SEED = 8
PER_MUTATION = 3
SERIES = "sicw"
FOLDER = "sicw-2024"  # every copy of the pages lives in a folder of this name (its graphs are named by it)

# --- content mutations: bytes → bytes -------------------------------------------------------


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def truncate(data: bytes, rng: random.Random) -> bytes:
    """Cut the file at a random byte (often inside a multi-byte character)."""
    return data[: rng.randrange(len(data) + 1)]


def delete_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    del lines[rng.randrange(len(lines))]
    return b"\n".join(lines)


def duplicate_line(data: bytes, rng: random.Random) -> bytes:
    lines = _lines(data)
    i = rng.randrange(len(lines))
    return b"\n".join(lines[: i + 1] + lines[i:])


def swap_columns(data: bytes, rng: random.Random) -> bytes:
    """Swap the first two cells of every table row."""
    def swap(line: bytes) -> bytes:
        cells = line.split(b"|")
        if line.lstrip().startswith(b"|") and len(cells) >= 4:
            cells[1], cells[2] = cells[2], cells[1]
        return b"|".join(cells)
    return b"\n".join(swap(line) for line in _lines(data))


def invalid_utf8(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice([b"\xff", b"\xc3\x28", b"\xe2\x82", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80"]) + data[i:]


def bom(data: bytes, rng: random.Random) -> bytes:
    return b"\xef\xbb\xbf" + data


def crlf(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def bom_crlf(data: bytes, rng: random.Random) -> bytes:
    return bom(crlf(data, rng), rng)


def old_mac_cr(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n", b"\r")


def nul_byte(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + b"\x00" + data[i:]


def huge_cell(data: bytes, rng: random.Random) -> bytes:
    """A 5 MB cell filled with the row's own words (a 5 MB paragraph on a page without a table)."""
    lines = _lines(data)
    rows = [i for i, line in enumerate(lines) if line.lstrip().startswith(b"|") and line.count(b"|") >= 3]
    i = rng.choice(rows) if rows else len(lines) - 1
    words = (rows and re.sub(rb"[^A-Za-z ]+", b" ", lines[i]).split()) or [b"Director", b"Ministry", b"Singapore"]
    filler = b" ".join(words) + b" "
    text = filler * (5 * 1024 * 1024 // len(filler) + 1)
    if rows:
        lines[i] = b"| [Mr Long Cell](/speakers/mr-long-cell/) | *Title* " + text + b" |"
    else:  # into the abstract (a page's last lines are its footer)
        prose = [j for j, line in enumerate(lines) if line[:1].isalpha() and b":" not in line[:20]]
        i = prose[0] if prose else len(lines) - 1
        lines[i:i] = [b"", text, b""]
    if any(re.match(rb"\*\*\d{1,2} \w+ \d{4}", line) for line in lines):  # a session page (its date line):
        # made a session of its own, since a copy of the same session is an earlier version, kept out by design
        lines = [line.rstrip(b"/") + b"-long/" if line.startswith(b"permalink:") else
                 line + b" (long)" if line.startswith(b"title:") else line for line in lines]
    return b"\n".join(lines)


def _front_matter_insert(data: bytes, text: bytes) -> bytes:
    if data.startswith(b"---\n"):
        return b"---\n" + text + data[4:]
    return b"---\n" + text + b"---\n" + data


def yaml_aliases(data: bytes, rng: random.Random) -> bytes:
    """'Billion laughs': nine levels of aliases, each doubling the last."""
    laughs = b"lol0: &l0 [lol, lol]\n" + b"".join(
        f"lol{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n".encode() for i in range(1, 10))
    return _front_matter_insert(data, laughs)


def deep_yaml(data: bytes, rng: random.Random) -> bytes:
    return _front_matter_insert(data, b"deep: " + rng.choice([b"[", b"{a: "]) * 5000 + b"\n")


def front_matter_list(data: bytes, rng: random.Random) -> bytes:
    body = data.split(b"\n---\n", 1)[-1] if data.startswith(b"---\n") else data
    return b"---\n- title\n- date\n---\n" + body


def front_matter_scalar(data: bytes, rng: random.Random) -> bytes:
    body = data.split(b"\n---\n", 1)[-1] if data.startswith(b"---\n") else data
    return b"---\njust a sentence\n---\n" + body


def front_matter_unclosed(data: bytes, rng: random.Random) -> bytes:
    return data.replace(b"\n---\n", b"\n", 1)


def yaml_bad_values(data: bytes, rng: random.Random) -> bytes:
    return _front_matter_insert(data, rng.choice([b"date: 2024-02-30\n", b"x: !!int abc\n", b'title: "\\ud800"\n',
                                                  b"x: !!python/object:os.system ls\n", b"x: [unclosed\n"]))


def empty(data: bytes, rng: random.Random) -> bytes:
    return b""


def only_front_matter(data: bytes, rng: random.Random) -> bytes:
    return data.split(b"\n---\n", 1)[0] + b"\n---\n" if data.startswith(b"---\n") else b"---\n---\n"


MUTATIONS = [truncate, truncate, truncate, delete_line, delete_line, duplicate_line, duplicate_line, swap_columns,
             invalid_utf8, bom, crlf, bom_crlf, old_mac_cr, nul_byte, huge_cell, yaml_aliases, deep_yaml,
             front_matter_list, front_matter_scalar, front_matter_unclosed, yaml_bad_values, empty, only_front_matter]
# a mutant of these reads exactly like its original: same facts, other graph
SAME_FACTS = {"bom", "crlf", "bom_crlf", "old_mac_cr"}

# --- the folder -----------------------------------------------------------------------------


def source_folder() -> Path:
    return SICW if SICW.is_dir() else SAMPLE


def copy_pages(src: Path, dst: Path) -> list[str]:
    """Copy every page of ``src`` into ``dst``; their relative paths."""
    rels = []
    for path in walk(src):
        rel = path.relative_to(src).as_posix()
        (dst / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dst / rel)
        rels.append(rel)
    return rels


def mutant_name(rel: str, label: str) -> str:
    folder, _, name = rel.rpartition("/")
    return (folder + "/" if folder else "") + f"{name.removesuffix('.md')} [{label}].md"


def write_mutants(root: Path, rels: list[str], rng: random.Random) -> dict[str, str]:
    """Mutated copies of picked pages beside their originals: ``{relative path: mutation}``."""
    made: dict[str, str] = {}
    counter: Counter = Counter()
    for mutation in MUTATIONS:
        for rel in rng.sample(rels, min(PER_MUTATION, len(rels))):
            counter[mutation.__name__] += 1
            label = f"{mutation.__name__}-{counter[mutation.__name__]}"
            out = mutant_name(rel, label)
            (root / out).write_bytes(mutation((root / rel).read_bytes(), rng))
            made[out] = mutation.__name__
    return made


def write_oddities(root: Path, rng: random.Random) -> tuple[dict[str, str], list[str]]:
    """File-system oddities: ``{walked path: kind}`` and the paths that are not files at all."""
    odd = root / "odd"
    odd.mkdir()
    (odd / "random-bytes.md").write_bytes(rng.randbytes(4096))
    (odd / "png.md").write_bytes(b"\x89PNG\r\n\x1a\n" + rng.randbytes(2048))
    (odd / "executable.md").write_bytes(Path("/bin/sh").resolve().read_bytes()[:65536])
    (odd / "loop.md").symlink_to("loop.md")
    (odd / "loop-a.md").symlink_to("loop-b.md")
    (odd / "loop-b.md").symlink_to("loop-a.md")
    (odd / "dangling.md").symlink_to("nowhere/gone.md")
    os.mkfifo(odd / "fifo.md")
    with open(odd / "oversized.md", "wb") as fh:  # sparse: 21 MB without writing them
        fh.write(b"---\ntitle: big\n---\n")
        fh.truncate(MAX_BYTES + 1024 * 1024)
    (odd / "folder.md").mkdir()
    (odd / "subdir-loop").symlink_to("..", target_is_directory=True)
    walked = {"odd/random-bytes.md": "binary", "odd/png.md": "binary", "odd/executable.md": "binary",
              "odd/loop.md": "symlink-loop", "odd/loop-a.md": "symlink-loop", "odd/loop-b.md": "symlink-loop",
              "odd/dangling.md": "dangling-symlink", "odd/fifo.md": "fifo", "odd/oversized.md": "oversized"}
    return walked, ["odd/folder.md", "odd/subdir-loop"]


# --- comparing graphs -----------------------------------------------------------------------


def graph_quads(store, graph: str) -> set[str]:
    """A file's quads but the key of the folder it was ingested from (the clean copy lives in another folder)."""
    return {str(q) for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            if q.predicate.value != "https://w3id.org/speakergraph/vocab#root"}


def facts(store, rel: str) -> set[str]:
    """A file's triples with its own graph, path, hash and notes taken out (to compare two files)."""
    graph = ids.source(SERIES, rel, FOLDER)
    out = set()
    for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)):
        s, o = q.subject.value, getattr(q.object, "value", "")
        if s == graph or s.startswith(graph + "#") or o == graph:
            continue
        out.add(str(q.triple))
    return out


def failures(summary) -> dict[str, str]:
    return {n.path: n.message for n in summary.notes if n.kind == "failed-file"}


# --- the tests ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mutated(tmp_path_factory):
    """A clean ingest of the real pages, and an ingest of the same pages with the mutants beside them."""
    rng = random.Random(SEED)
    base = tmp_path_factory.mktemp("mutations")
    clean_root, root = base / "clean" / "sicw-2024", base / "mutated" / "sicw-2024"
    rels = copy_pages(source_folder(), clean_root)
    copy_pages(source_folder(), root)
    mutants = write_mutants(root, rels, rng)
    oddities, not_files = write_oddities(root, rng)
    clean = open_store(None)
    clean_summary = ingest(clean, [site_for(clean_root, series=SERIES)])
    store = open_store(None)
    summary = ingest(store, [site_for(root, series=SERIES)])
    return dict(rels=rels, mutants=mutants, oddities=oddities, not_files=not_files, clean=clean,
                clean_summary=clean_summary, store=store, summary=summary, root=root)


def test_every_mutant_is_ingested_or_reported(mutated):
    """Each mutated file lands (its graph holds its content hash) or is reported with a reason."""
    store, summary = mutated["store"], mutated["summary"]
    failed, loaded = failures(summary), store.sources()
    skipped = {n.path for n in summary.notes if n.kind == "skipped-file"}
    tried = {**mutated["mutants"], **mutated["oddities"]}
    outcome: Counter = Counter()
    by_kind: dict[str, Counter] = {}
    for rel, kind in sorted(tried.items()):
        graph = ids.source(SERIES, rel, FOLDER)
        assert graph in loaded, f"{rel} ({kind}) left no trace in the store"
        if rel in failed:
            assert failed[rel].strip(), f"{rel} reported without a reason"
            result = "reported"
        elif rel in skipped:
            result = "skipped"  # read, and reported as no page ("not a session page: no date line…")
        else:
            assert loaded[graph][0] == rel
            result = "ingested"
        outcome[result] += 1
        by_kind.setdefault(kind, Counter())[result] += 1
    assert set(failed) <= set(tried), f"original pages failed: {sorted(set(failed) - set(tried))}"
    walked = {p.relative_to(mutated["root"]).as_posix() for p in walk(mutated["root"])}
    assert not set(mutated["not_files"]) & walked
    print(f"\nmutations: {len(tried)} tried, {outcome['ingested']} ingested, {outcome['skipped']} skipped as no page, "
          f"{outcome['reported']} reported as failed (from {len(mutated['rels'])} real pages of {source_folder().name})")
    for kind, counts in sorted(by_kind.items()):
        print(f"  {kind:22} ingested {counts['ingested']:3}  skipped {counts['skipped']:3}  failed {counts['reported']:3}")
    assert sum(outcome.values()) == len(tried)


@pytest.mark.parametrize("kind, reason", [
    ("binary", "binary|not valid UTF-8|NUL"), ("symlink-loop", "symbolic links"), ("dangling-symlink", "No such file"),
    ("fifo", "not a regular file"), ("oversized", "over the"),
])
def test_oddities_are_reported_with_their_reason(mutated, kind, reason):
    """A binary page, a symlink loop, a dangling link, a FIFO and a 21 MB file are each reported, and why."""
    failed = failures(mutated["summary"])
    paths = [rel for rel, k in mutated["oddities"].items() if k == kind]
    for rel in paths:
        assert rel in failed and re.search(reason, failed[rel]), (rel, failed.get(rel))


@pytest.mark.parametrize("mutation, reason", [
    ("nul_byte", "NUL byte"), ("yaml_aliases", "aliases"), ("deep_yaml", "YAML"), ("front_matter_list", "not a mapping"),
    ("front_matter_scalar", "not a mapping"), ("front_matter_unclosed", "closing|YAML"),
])
def test_broken_mutants_are_reported_with_their_reason(mutated, mutation, reason):
    """Mutations that make a page unreadable are reported, naming the problem."""
    failed = failures(mutated["summary"])
    for rel in [r for r, m in mutated["mutants"].items() if m == mutation]:
        assert rel in failed and re.search(reason, failed[rel]), (rel, failed.get(rel))


def test_a_stray_byte_fails_a_utf8_page_or_reads_an_ascii_one_as_windows_1252(mutated):
    """A byte no UTF-8 text holds: a page that holds UTF-8 letters is refused, naming it; a page of ASCII letters
    only may be Windows-1252 text (as Excel saves it), so it is read as such, with a note saying so."""
    failed = failures(mutated["summary"])
    # a mutant that copies its original's session is superseded by it: read, and its facts kept out (another note)
    read_as = {n.path for n in mutated["summary"].notes if n.kind in ("not-utf8", "superseded")}
    mutants = [r for r, m in mutated["mutants"].items() if m == "invalid_utf8"]
    assert mutants
    for rel in mutants:
        if rel in failed:
            assert "not valid UTF-8" in failed[rel], failed[rel]
        else:
            assert rel in read_as, rel


def test_every_other_file_still_lands(mutated):
    """Every original page's graph is exactly what a clean ingest of the originals alone gives it."""
    clean, store = mutated["clean"], mutated["store"]
    differ = [rel for rel in mutated["rels"]
              if graph_quads(store, ids.source(SERIES, rel, FOLDER)) != graph_quads(clean, ids.source(SERIES, rel, FOLDER))]
    assert not differ, f"{len(differ)} original pages changed by their neighbours: {differ[:5]}"
    assert mutated["clean_summary"].failed == 0


def test_line_ending_and_bom_mutants_read_like_their_original(mutated):
    """A BOM, CRLF or CR line ends change no fact of the page."""
    store = mutated["store"]
    checked = 0
    for rel, mutation in mutated["mutants"].items():
        if mutation in SAME_FACTS:
            original = re.sub(r" \[[a-z_]+-\d+\]\.md$", ".md", rel)
            assert facts(store, rel) == facts(store, original), rel
            checked += 1
    assert checked == len(SAME_FACTS) * PER_MUTATION


def test_huge_cell_lands_whole(mutated):
    """A 5 MB cell (or paragraph) is ingested, and its text is kept whole."""
    longest = "SELECT (MAX(?len) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isLiteral(?o)) BIND(STRLEN(STR(?o)) AS ?len) }"
    rels = [r for r, m in mutated["mutants"].items() if m == "huge_cell"]
    for rel in rels:
        rows = mutated["store"].query(longest, {ox.Variable("g"): ox.NamedNode(ids.source(SERIES, rel, FOLDER))})
        assert int(next(iter(rows))["n"].value) > 5_000_000, rel
    assert rels and not set(rels) & set(failures(mutated["summary"]))


def test_broken_new_version_keeps_the_previous_graph(tmp_path):
    """Mutating pages in place and re-ingesting: a broken page keeps its last good graph, others are replaced."""
    rng = random.Random(SEED)
    root = tmp_path / "sicw-2024"
    rels = copy_pages(source_folder(), root)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root, series=SERIES)])
    before = {rel: graph_quads(store, ids.source(SERIES, rel, FOLDER)) for rel in rels}
    broken = {rel: mutation for rel, mutation in zip(rng.sample(rels, 8), [nul_byte, invalid_utf8, front_matter_list,
                                                                           yaml_aliases, deep_yaml, empty, crlf,
                                                                           duplicate_line])}
    for rel, mutation in broken.items():
        (root / rel).write_bytes(mutation((root / rel).read_bytes(), rng))
    summary = ingest(store, [site_for(root, series=SERIES)])
    failed = failures(summary)
    for rel, mutation in broken.items():
        if rel in failed:
            assert "previously ingested version is kept" in failed[rel]
            assert graph_quads(store, ids.source(SERIES, rel, FOLDER)) == before[rel]
    assert {r for r, m in broken.items() if m in (nul_byte, invalid_utf8, front_matter_list, yaml_aliases, deep_yaml)} \
        <= set(failed)
    untouched = [rel for rel in rels if rel not in broken]
    assert all(graph_quads(store, ids.source(SERIES, rel, FOLDER)) == before[rel] for rel in untouched)
    # every file is read or left as unchanged; an unchanged file that borrowed from a mutated speaker page is read
    # again with it (ingest/borrowers.py), and its graph stays the same (above)
    assert summary.read + summary.unchanged == len(rels) and summary.unchanged <= len(untouched)
