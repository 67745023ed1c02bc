"""Ingest into a persistent store: idempotent, incremental, pruning, failures isolated."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from conftest import SAMPLE, tallied
from graph.report import counts, report
from graph.errors import StoreError
from graph.store import _MARKER, LOADING, open_store
from ingest.loader import ingest, site_for

SEED = "_2024-events/15 October 2024/Solidarity in Cyberspace: How To Assist Countries in Need.md"


def graph_quads(store, graph):
    return {str(q) for q in store._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))}


def all_graphs(store):
    return {g.value: graph_quads(store, g.value) for g in store._store.named_graphs()}


def copy_sample(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    return root


def test_reingest_unchanged_writes_nothing(tmp_path):
    root = copy_sample(tmp_path)
    store = open_store(tmp_path / "store")
    first = ingest(store, [site_for(root)])
    assert first.read > 0 and first.failed == 0
    before, state = all_graphs(store), store.state()
    second = ingest(store, [site_for(root)])
    assert (second.read, second.unchanged) == (0, first.read)
    assert store.state() == state
    assert all_graphs(store) == before


def test_store_persists_across_opens(tmp_path):
    root = copy_sample(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    n = store.count()
    store.close()
    again = open_store(tmp_path / "store", read_only=True)
    assert again.count() == n > 0


def test_changed_file_replaces_only_its_graph(tmp_path):
    root = copy_sample(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    before = all_graphs(store)
    seed = root / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("Liesyl Franz", "Liesyl Q. Franz"), encoding="utf-8")
    summary = ingest(store, [site_for(root)])
    assert summary.read == 1
    after = all_graphs(store)
    changed = {g for g in before if before[g] != after.get(g)}
    assert changed == {site_for(root).graph(SEED)}
    assert any("Liesyl Q. Franz" in q for q in after[site_for(root).graph(SEED)])


def test_prune_removes_graphs_of_deleted_files(tmp_path):
    root = copy_sample(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    (root / SEED).unlink()
    kept = ingest(store, [site_for(root)])
    assert kept.removed == 0 and site_for(root).graph(SEED) in store.sources()
    pruned = ingest(store, [site_for(root)], prune=True)
    assert pruned.removed == 1 and site_for(root).graph(SEED) not in store.sources()


def test_broken_file_is_reported_and_others_land(tmp_path):
    root = copy_sample(tmp_path)
    (root / "_2024-events" / "broken.md").write_bytes(b"---\ntitle: [unclosed\n---\nbody\n")
    (root / "_2024-events" / "binary.md").write_bytes(b"\x89PNG\x00\x00")
    store = open_store(None)
    summary = ingest(store, [site_for(root)])
    assert summary.failed == 2
    failed = {n.path: n for n in summary.notes if n.kind == "failed-file"}
    assert failed["_2024-events/broken.md"].line == 2
    assert "NUL" in failed["_2024-events/binary.md"].message
    assert counts(store)["sessions"] == 9
    listed = {n["path"] for n in report(store).notes if n["kind"] == "failed-file"}
    assert listed == set(failed)


def test_broken_new_version_keeps_the_old_graph(tmp_path):
    root = copy_sample(tmp_path)
    store = open_store(None)
    ingest(store, [site_for(root)])
    before = graph_quads(store, site_for(root).graph(SEED))
    (root / SEED).write_bytes(b"---\n- not\n- a mapping\n---\n")
    summary = ingest(store, [site_for(root)])
    assert summary.failed == 1 and "kept" in summary.notes[-1].message
    assert graph_quads(store, site_for(root).graph(SEED)) == before


def test_report_lists_unresolved_links(sample_store):
    rep = report(sample_store)
    links = {r["link"] for r in rep.unresolved}
    assert "/speakers/ms-manon-le-blanc/" in links
    assert "/speakers/ms-maria-adebahr/" not in links


def union_holds(store):
    """The default graph is exactly the set-union of the file graphs, with the tallies counted from it."""
    named = {q.triple for q in store.quads()}
    default = {q.triple for q in store._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    return tallied(named) == default


def test_default_graph_stays_the_union_through_changes_and_prunes(tmp_path):
    root = copy_sample(tmp_path)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    assert union_holds(store)
    seed = root / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("Brazil", "Argentina"), encoding="utf-8")
    ingest(store, [site_for(root)])
    assert union_holds(store)
    q = "ASK { ?a <https://w3id.org/speakergraph/vocab#countryLabel> \"Argentina\" }"
    assert bool(store.query(q))
    (root / SEED).unlink()
    ingest(store, [site_for(root)], prune=True)
    assert union_holds(store)
    # facts the seed shared with other files survive it: Maria Adebahr appears elsewhere too
    assert bool(store.query("ASK { <https://w3id.org/speakergraph/id/person/maria-adebahr> ?p ?o }"))


def test_a_fact_printed_in_many_files_is_counted_once(sample_store):
    rows = list(sample_store.query(
        "SELECT ?n WHERE { <https://w3id.org/speakergraph/id/person/maria-adebahr> <https://schema.org/name> ?n }"))
    assert len(rows) == 1


def _default_triples(store):
    return set(store._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def test_a_first_load_in_bulk_equals_a_transactional_one(tmp_path, monkeypatch):
    from ingest import loader

    root = copy_sample(tmp_path)
    reference = open_store(tmp_path / "reference")
    ingest(reference, [site_for(root)])
    monkeypatch.setattr(loader, "BULK_FROM", 1)
    store = open_store(tmp_path / "bulk")
    with store.first_load():
        assert store._bulk  # an empty store on disk: the bulk loader is used
    assert not store._store.contains_named_graph(LOADING)  # an empty load leaves no marker either
    ingest(store, [site_for(root)])
    assert all_graphs(store) == all_graphs(reference)
    assert _default_triples(store) == _default_triples(reference)
    assert not store._store.contains_named_graph(LOADING)
    with store.first_load():
        assert not store._bulk  # no longer empty: transactions again


def test_a_graph_written_twice_in_a_first_load_holds_the_last_read(tmp_path, monkeypatch):
    """Two folders of one series with a file of the same name, the first folder's last and the second's
    only: the bulk load, whose batches are written on a thread while the next is built, keeps the second
    folder's version, as transactions do."""
    from ingest import loader

    first = copy_sample(tmp_path)
    second = tmp_path / "again" / "sicw-2024"
    shutil.copytree(first, second)
    pages = sorted(site_for(second).paths())
    for page in pages[:-1]:
        page.unlink()
    pages[-1].write_text(pages[-1].read_text(encoding="utf-8") + "\nA line only the second folder has.\n",
                         encoding="utf-8")
    reference = open_store(tmp_path / "reference")
    ingest(reference, [site_for(first), site_for(second)])
    monkeypatch.setattr(loader, "BULK_FROM", 1)
    monkeypatch.setattr(loader, "BATCH_QUADS", 200)
    store = open_store(tmp_path / "bulk")
    summary = ingest(store, [site_for(first), site_for(second)])
    assert [n for n in summary.notes if n.kind == "name-clash"]
    assert all_graphs(store) == all_graphs(reference)
    assert _default_triples(store) == _default_triples(reference)


def test_a_first_load_cut_short_is_refused_to_readers_then_emptied(tmp_path):
    """The state a killed bulk load leaves (its marker and part of its graphs) is never read as data."""
    root = copy_sample(tmp_path)
    location = tmp_path / "store"
    raw = ox.Store(str(location))
    raw.extend([_MARKER])
    g = ox.NamedNode("https://w3id.org/speakergraph/id/source/x/half")
    raw.bulk_extend([ox.Quad(g, g, ox.Literal("half a file"), g), ox.Quad(g, g, ox.Literal("half a file"))])
    raw.flush()
    del raw
    with pytest.raises(StoreError, match="first load"):
        open_store(location, read_only=True)
    store = open_store(location)
    assert store.recovered
    assert list(store._store.quads_for_pattern(None, None, None, None)) == []
    ingest(store, [site_for(root)])
    clean = open_store(tmp_path / "clean")
    ingest(clean, [site_for(root)])
    assert all_graphs(store) == all_graphs(clean)


def test_a_graph_written_with_another_model_version_is_read_again(tmp_path, monkeypatch):
    """Facts added to the model reach a store made before: its unchanged files are read again, once."""
    from ingest import loader

    root = copy_sample(tmp_path)
    store = open_store(None)
    monkeypatch.setattr(loader, "MODEL_VERSION", "0")
    first = ingest(store, [site_for(root)])
    monkeypatch.undo()
    upgraded = ingest(store, [site_for(root)])
    assert upgraded.read == first.read > 0 and upgraded.unchanged == 0
    again = ingest(store, [site_for(root)])
    assert again.read == 0 and again.unchanged == first.read


def test_a_speakers_file_and_the_schedule_whose_slots_it_fills_are_read_together(tmp_path):
    """A speakers file placing its people in a schedule's slots takes the slots' roles (a "Panel discussion" slot:
    panellists); when only one of the two files changes, both are read again, so the role stays."""
    from graph.results import table

    root = tmp_path / "ws"
    (root / "_data").mkdir(parents=True)
    (root / "speakergraph.toml").write_text(
        '[site]\nseries = "ws"\nyear = 2028\n[[parts]]\nfiles = "_data/schedule_*.yml"\nreader = "records"\n'
        'title = ["title", "name"]\nformat = "name"\nid = "time_start"\nstart = "time_start"\ndate_from = "path"\n'
        'date_format = "%b%d"\n[[parts]]\nfiles = "_data/speakers.yml"\nreader = "records"\nkind = "speakers"\n'
        'name = "fullname"\nposition = "position"\nsession_date = "session"\nsession_time = "time"\n'
        'date_format = "%b%d"\n', encoding="utf-8")
    (root / "_data" / "schedule_nov13.yml").write_text(
        '- name: "Panel discussion"\n  time_start: "10:45"\n  title: "Who audits the auditors?"\n', encoding="utf-8")
    speakers = root / "_data" / "speakers.yml"
    speakers.write_text('- fullname: Tobias Reinholt\n  position: Head of Procurement\n  time: "10:45"\n  session: nov13\n',
                        encoding="utf-8")
    store = open_store(tmp_path / "store")
    roles = "PREFIX sg: <https://w3id.org/speakergraph/vocab#> SELECT ?r WHERE { ?a a sg:Appearance ; sg:role ?r }"
    site = site_for(root, profile_path=root / "speakergraph.toml")
    ingest(store, [site])
    assert [r["r"].rsplit("/", 1)[-1] for r in table(store.query(roles)).dicts()] == ["panellist"]
    speakers.write_text(speakers.read_text(encoding="utf-8").replace("Head", "Chief"), encoding="utf-8")
    summary = ingest(store, [site], prune=True)
    assert summary.read == 2 and summary.unchanged == 0
    assert [r["r"].rsplit("/", 1)[-1] for r in table(store.query(roles)).dicts()] == ["panellist"]
