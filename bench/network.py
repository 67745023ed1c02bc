"""Time building the co-appearance networks and each measure, on a store or on corpus folders.

    python -m bench.network ../shared/corpus/sicw-2024
    python -m bench.network --store /tmp/bench-store bench/corpus/10000/*/
    python -m bench.network --store .speakergraph/store          # an existing store, as it is

Corpus folders are ingested first (into ``--store``, or into memory).
Results go to stdout, one line per step: wall seconds, CPU seconds (steadier
on a shared machine), the step, what it found.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
import networkx as nx
import scipy.sparse  # noqa: F401  (imported up front, so that pagerank's time is its own)

from graph import measures, netexport
from graph.network import KINDS, build, network, path
from graph.store import open_store


def timed(label: str, fn):
    """Run ``fn``, print its time and what it found, return its result."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    click.echo(f"{wall:9.3f}s {cpu:9.3f}s  {label:28} {_describe(result)}")
    return result


def _describe(result) -> str:
    if hasattr(result, "graph") and isinstance(result.graph, nx.Graph):
        return f"{result.graph.number_of_nodes():,} nodes, {result.graph.number_of_edges():,} edges"
    if isinstance(result, measures.Score):
        return result.note or "exact"
    if isinstance(result, list):
        return f"{len(result):,} groups, largest {len(result[0]) if result else 0:,}" \
            if result and isinstance(result[0], set) else f"{len(result)} steps"
    if isinstance(result, bytes):
        return f"{len(result):,} bytes"
    return ""


def far_pair(graph: nx.Graph) -> tuple[str, str] | None:
    """The highest-degree node and the node farthest from it (a long path to time)."""
    if not graph.number_of_edges():
        return None
    hub = max(graph, key=lambda n: (graph.degree(n), n))
    distances = nx.single_source_shortest_path_length(graph, hub)
    return hub, max(distances, key=lambda n: (distances[n], n))


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("corpora", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--store", "location", help="Store folder to ingest into, or to read as it is (default: in memory).")
def main(corpora: tuple[Path, ...], location: str | None) -> None:
    """Time the networks and their measures."""
    click.echo(f"{'wall':>10} {'cpu':>9}   step", err=True)
    if not corpora and not location:
        raise click.UsageError("name corpus folders to ingest, or an existing --store")
    store = open_store(location, read_only=bool(location) and not corpora)
    try:
        run(store, corpora)
    finally:
        store.close()  # flushed: a store left unflushed replays its log on the next open (~100 s at 10k files)


def run(store, corpora: tuple[Path, ...]) -> None:
    """Ingest ``corpora`` into ``store`` (if any), then time every step."""
    if corpora:
        from ingest.loader import ingest, site_for

        timed("ingest", lambda: ingest(store, [site_for(p) for p in corpora]))
    click.echo(f"store: {store.count():,} quads", err=True)
    for kind in KINDS:
        timed(f"build {kind}", lambda: build(store, kind))
    net = timed("network people (cached)", lambda: network(store, "people"))
    timed("network people (cache hit)", lambda: network(store, "people"))
    for measure in measures.MEASURES:
        timed(f"measure {measure}", lambda: measures.score(net, measure))
    timed("components", lambda: measures.components(net))
    timed("communities (louvain)", lambda: measures.communities(net))
    pair = far_pair(net.graph)
    if pair:
        timed("path hub → farthest", lambda: path(net, *pair))
    for fmt in ("graphml", "gexf"):
        timed(f"export {fmt}", lambda: netexport.write(net, fmt))


if __name__ == "__main__":
    sys.exit(main())
