"""The benchmark's synthetic corpus: deterministic, and ingested with exactly the counts and faults it planted."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from bench.generate import Expected, generate
from graph.report import counts, report
from graph.store import open_store
from ingest.loader import ingest, site_for


def _tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A small generated corpus and its expected counts."""
    folder = tmp_path_factory.mktemp("corpus")
    return folder, generate(folder, 60, seed=7)


@pytest.fixture(scope="module")
def ingested(corpus):
    folder, expected = corpus
    store = open_store(None)
    summary = ingest(store, [site_for(folder / site) for site in expected.sites])
    return store, summary


def test_layout_is_sicw_like(corpus):
    folder, expected = corpus
    assert len(expected.sites) >= 2
    events = list(folder.glob("*/_*-events/*/*.md"))
    speakers = list(folder.glob("*/_*-speakers/*.md"))
    assert (len(events), len(speakers)) == (expected.event_files, expected.speaker_files)
    assert all((folder / site / "speakergraph.toml").is_file() for site in expected.sites)
    assert Expected.load(folder) == expected


def test_same_seed_same_corpus(tmp_path, corpus):
    folder, _ = corpus
    generate(tmp_path / "again", 60, seed=7)
    generate(tmp_path / "other", 60, seed=8)
    assert _tree_digest(tmp_path / "again") == _tree_digest(folder)
    assert _tree_digest(tmp_path / "other") != _tree_digest(folder)


def test_counts_end_to_end(corpus, ingested):
    _, expected = corpus
    store, summary = ingested
    got = counts(store)
    assert (got["sessions"], got["appearances"], got["people"]) == \
        (expected.sessions, expected.appearances, expected.people)
    assert summary.read == expected.event_files + expected.speaker_files
    assert summary.failed == 0


def test_only_planted_notes(corpus, ingested):
    _, expected = corpus
    _, summary = ingested
    assert dict(Counter(n.kind for n in summary.notes)) == expected.notes
    assert set(expected.notes) == {"no-country", "no-organisation", "no-zone", "unknown-role", "no-people"}


def test_unresolved_links_are_the_planted_ones(corpus, ingested):
    _, expected = corpus
    store, _ = ingested
    assert len(report(store).unresolved) == expected.unresolved_links > 0


def test_some_speakers_are_frequent(corpus):
    _, expected = corpus
    assert expected.max_appearances >= 8


@pytest.fixture
def fast_paths(monkeypatch):
    """Parallel parsing from the first file on, as on a large corpus."""
    import ingest.loader

    monkeypatch.setattr(ingest.loader, "PARALLEL_FROM", 1)


def test_parallel_ingest_gives_the_same_graph(corpus, ingested, fast_paths, tmp_path):
    folder, expected = corpus
    store = open_store(tmp_path / "store")
    summary = ingest(store, [site_for(folder / site) for site in expected.sites])
    reference, reference_summary = ingested
    assert counts(store) == counts(reference)
    assert sorted(map(str, summary.notes)) == sorted(map(str, reference_summary.notes))
    assert set(store.sources()) == set(reference.sources())
    again = ingest(store, [site_for(folder / site) for site in expected.sites])
    assert (again.read, again.unchanged) == (0, expected.event_files + expected.speaker_files)


def test_a_graph_without_its_content_hash_is_read_again(corpus, ingested, fast_paths, tmp_path):
    import pyoxigraph as ox

    from graph.vocab import SG

    folder, expected = corpus
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(folder / site) for site in expected.sites])
    # a graph that lost its content hash is not known to be loaded, so it is read and replaced (an event file: a
    # speaker page read again has the files of its people's appearances read with it, ingest/borrowers.py)
    graph = next(g for g, (path, _) in sorted(store.sources().items()) if "-events/" in path)
    mark = next(store._store.quads_for_pattern(None, ox.NamedNode(SG.contentHash), None, ox.NamedNode(graph)))
    store._store.remove(mark)
    again = ingest(store, [site_for(folder / site) for site in expected.sites])
    assert again.read == 1
    assert counts(store) == counts(ingested[0])
