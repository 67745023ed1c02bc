"""Compacting the store (``Store.optimize``, ``speakergraph optimize``, ``ingest --optimize``): same content, fewer
files to read, and a clear refusal where it cannot be done."""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

import speakergraph
from conftest import SAMPLE
from graph.errors import StoreError
from graph.store import open_store
from ingest.loader import ingest, site_for

SEED = "_2024-events/15 October 2024/Solidarity in Cyberspace: How To Assist Countries in Need.md"


def changed_store(tmp_path):
    """A store of the sample after a first ingest and the ingest of one changed file: its writes lie in small files."""
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    seed = root / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("Liesyl Franz", "Liesyl Q. Franz"), encoding="utf-8")
    assert ingest(store, [site_for(root)]).read == 1
    store.flush()
    return root, store


def everything(store):
    return sorted(str(q) for q in store._store.quads_for_pattern(None, None, None, None))



def test_optimize_keeps_every_quad_and_rewrites_the_files(tmp_path):
    """Same content, read back after reopening. (How many files RocksDB keeps is its own affair: it compacts in the
    background too, so a count before and after depends on the machine's load — no measure for a test.)"""
    _, store = changed_store(tmp_path)
    before = everything(store)
    assert store.optimize() >= 0
    assert everything(store) == before
    assert any("Liesyl Q. Franz" in q for q in before)
    store.close()
    again = open_store(tmp_path / "store", read_only=True)
    assert everything(again) == before


def test_optimize_is_refused_to_a_read_only_store_and_nothing_for_one_in_memory_or_on_a_server(tmp_path):
    _, store = changed_store(tmp_path)
    store.close()
    reader = open_store(tmp_path / "store", read_only=True)
    with pytest.raises(StoreError, match="read-only — open it for writing"):
        reader.optimize()
    memory = open_store(None)
    memory.replace({"urn:g": [ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("o"),
                                      ox.NamedNode("urn:g"))]})
    assert memory.optimize() is None and memory.count() == 1
    out = CliRunner().invoke(speakergraph.main, ["optimize", "--store", "http://127.0.0.1:9/sparql"])
    assert out.exit_code == 0 and out.output.startswith("nothing to do: the SPARQL server at http://127.0.0.1:9/sparql")


def test_the_commands_compact_and_say_so(tmp_path):
    root, store = changed_store(tmp_path)
    store.close()
    location = str(tmp_path / "store")
    runner = CliRunner()
    out = runner.invoke(speakergraph.main, ["optimize", "--store", location])
    assert out.exit_code == 0, out.output
    assert out.output.startswith(f"store at {location} compacted in ")
    missing = runner.invoke(speakergraph.main, ["optimize", "--store", str(tmp_path / "nothing")])
    assert missing.exit_code == 1 and "no store at" in missing.output and "speakergraph ingest" in missing.output
    # --optimize compacts only when the ingest wrote something
    (root / SEED).write_text((root / SEED).read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    wrote = runner.invoke(speakergraph.main, ["ingest", "-s", "--optimize", "--store", location, str(root)])
    assert wrote.exit_code == 0, wrote.output
    assert "files: 1 read" in wrote.output and "store compacted in " in wrote.output
    idle = runner.invoke(speakergraph.main, ["ingest", "-s", "--optimize", "--store", location, str(root)])
    assert idle.exit_code == 0 and "files: 0 read" in idle.output and "compacted" not in idle.output
