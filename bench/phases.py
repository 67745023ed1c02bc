"""The measured steps of a benchmark, each run in a process of its own so that its peak memory is its own.

``python -m bench.phases NAME JSON`` runs one phase with the arguments in
``JSON`` and prints one JSON line: the phase's result, its wall and CPU
seconds (own and children's), and its peak resident memory (``ru_maxrss``),
which is what counts, not the Python heap.

Query texts reach both engines already bound (``graph.queries.bind_values``),
so the embedded store and rdflib run the same text.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import resource
import select
import signal
import statistics
import sys
import time
from pathlib import Path

SLOW = 1.0  # seconds: a query this slow is run at most 3 times


def baseline() -> dict:
    """Nothing but the imports of the other phases: the floor under every memory figure."""
    import pyoxigraph  # noqa: F401
    import rdflib  # noqa: F401

    import graph.store  # noqa: F401
    import ingest.loader  # noqa: F401
    return {}


def ingest(corpus: str, store: str, sites: list[str], profile: str | None = None) -> dict:
    """Ingest the corpus into the store; with ``profile``, write cProfile's top functions there (of the parent
    process: ``workers_cpu`` is the parsing workers' share of ``cpu``)."""
    from graph.store import open_store
    from ingest.loader import ingest as run, site_for

    target = open_store(store)
    roots = [site_for(Path(corpus) / s) for s in sites]
    start, cpu, workers = time.perf_counter(), _cpu(), _children_cpu()
    if profile:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        summary = prof.runcall(run, target, roots)
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(30)
        pstats.Stats(prof, stream=out).sort_stats("cumulative").print_stats(40)
        Path(profile).write_text(out.getvalue(), encoding="utf-8")
    else:
        summary = run(target, roots)
    seconds, cpu, workers = time.perf_counter() - start, _cpu() - cpu, _children_cpu() - workers
    quads = target.count()
    target.close()
    return {"seconds": seconds, "cpu": cpu, "workers_cpu": workers, "read": summary.read,
            "unchanged": summary.unchanged, "failed": summary.failed, "sessions": summary.sessions, "appearances": summary.appearances, "notes": len(summary.notes),
            "quads": quads}


def dump(store: str, path: str) -> dict:
    """Write every quad of the store to an N-Quads file (for the other engines)."""
    import pyoxigraph as ox

    from graph.store import open_store

    source = open_store(store, read_only=True)
    with open(path, "wb") as fh:
        ox.serialize(source.quads(), fh, format=ox.RdfFormat.N_QUADS)
    return {"quads": source.count()}


PICKERS = {
    "person": "SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a sg:person ?x } GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    "session": "SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a sg:session ?x } GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    "org": "SELECT ?x (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p org:organization ?x } GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    "country": "SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a sg:country ?x } GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    "edition": "SELECT ?x (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:Session ; schema:superEvent ?x } "
               "GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    "series": "SELECT ?x (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e schema:superEvent ?x . ?x a schema:EventSeries } "
              "GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
    "date": "SELECT ?x (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a sg:Session ; dcterms:date ?x } "
            "GROUP BY ?x ORDER BY DESC(?n) STR(?x)",
}
PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
KEYWORD = "quantum"
RANK = 10  # a frequent speaker, not the most frequent one: "a person with dozens of appearances"


def params(store: str, types: dict[str, str]) -> dict:
    """A value from the data for each parameter (``{name: type}``), and how it was chosen."""
    from graph.results import table
    from graph.store import open_store

    source = open_store(store, read_only=True)
    picked, why = {}, {}
    for name, kind in types.items():
        if kind in PICKERS:
            rows = table(source.query(PREFIXES + PICKERS[kind] + f" LIMIT {RANK}")).values()
            if rows:
                # the second edition compared (edition-comparison's _b) is another one than the first
                rank = min(RANK, len(rows)) if kind == "person" else min(2 if name == "b" else 1, len(rows))
                picked[name], n = rows[rank - 1]
                why[name] = f"{kind} ranked {rank} by use ({n})"
        elif kind == "integer":
            picked[name], why[name] = "2024", "a year"
        elif kind == "string":
            picked[name], why[name] = KEYWORD, "a word of some titles"
    return {"values": picked, "why": why}


def oxigraph(store: str, queries: dict[str, str], repeat: int, budget: float) -> dict:
    """Time every query on the embedded store (opened read-only); one JSON line per query as it ends."""
    from graph.results import table
    from graph.store import open_store

    source = open_store(store, read_only=True)
    time_each(queries, lambda text: len(table(source.query(text)).rows), repeat, budget)
    return {}


def optimize(store: str) -> dict:
    """Compact the store as ``speakergraph optimize`` does."""
    from graph.store import open_store

    target = open_store(store)
    seconds = target.optimize()
    target.close()
    return {"seconds": seconds}


def rdflib(nquads: str, queries: dict[str, str], repeat: int, budget: float, limit: float | None = None) -> dict:
    """Load the N-Quads into an rdflib in-memory ``Dataset`` (union default graph) and time every query; with
    ``limit``, each query in a forked child stopped after ``limit`` seconds, so that a slow query costs no reload."""
    from rdflib import Dataset
    from rdflib.plugins.sparql import prepareQuery

    from graph.tallies import recount

    start = time.perf_counter()
    ds = Dataset(default_union=True)
    ds.parse(nquads, format="nquads")
    for op in recount():  # the tallies, as every write of the stores counts them (N-Quads hold file graphs only)
        ds.update(op)
    load = time.perf_counter() - start
    print(json.dumps({"loaded": load}), flush=True)
    prepared = {name: prepareQuery(text) for name, text in queries.items()}  # at its best: parsed once
    each = time_each if limit is None else functools.partial(time_each_forked, limit=limit)
    each(prepared, lambda query: len(list(ds.query(query))), repeat, budget)
    return {"load_seconds": load}


def report(name: str, timing: dict) -> None:
    """One line per query, at once, so that the caller can stop a query that runs too long."""
    print(json.dumps({"query": name, "timing": timing}), flush=True)


def time_each(queries: dict[str, str], run, repeat: int, budget: float) -> None:
    """Report the timing of ``run(text)`` for each query; a query the engine refuses is reported, not fatal."""
    for name, text in queries.items():
        try:
            report(name, timed(lambda: run(text), repeat, budget))
        except Exception as exc:  # noqa: BLE001 — any engine's error, kept for the table
            report(name, {"error": f"{type(exc).__name__}: {exc}"[:300]})


def time_each_forked(queries: dict, run, repeat: int, budget: float, limit: float) -> None:
    """``time_each`` with each query timed in a forked child (the loaded data shared), killed after ``limit`` s."""
    gc.freeze()  # the loaded objects stay out of the children's collections, so their pages stay shared
    for name, text in queries.items():
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: time the query, hand the timing back, leave without cleanup
            os.close(read)
            try:
                timing = timed(lambda: run(text), repeat, budget)
            except Exception as exc:  # noqa: BLE001 — any engine's error, kept for the table
                timing = {"error": f"{type(exc).__name__}: {exc}"[:300]}
            os.write(write, json.dumps(timing).encode())
            os._exit(0)
        os.close(write)
        with os.fdopen(read, "rb") as pipe:
            if select.select([pipe], [], [], limit)[0]:
                data = pipe.read()
                report(name, json.loads(data) if data else {"error": "the child ended without a timing"})
            else:
                os.kill(pid, signal.SIGKILL)
                report(name, {"timeout": limit})
        os.waitpid(pid, 0)


def remote(url: str, nquads: str, queries: dict[str, str], repeat: int, budget: float, load: bool = True) -> dict:
    """Load the N-Quads into a SPARQL server through ``graph.remote`` (unless ``load`` is false: the server
    holds them already), in the ingest's batches of about ``ingest.loader.BATCH_QUADS`` quads inside one
    ``first_load`` (as the ingest does for a large first load), and time every query there."""
    import os
    from collections import defaultdict

    import pyoxigraph as ox

    from graph.remote import options_from, upload_path
    from graph.results import table
    from graph.store import open_store
    from ingest.loader import BATCH_QUADS

    server = open_store(url, remote=options_from(os.environ))
    if not load:
        print(json.dumps({"loaded": None}), flush=True)
        time_each(queries, lambda text: len(table(server.query(text)).rows), repeat, budget)
        return {"load_seconds": None}
    graphs: dict[str, list] = defaultdict(list)
    with open(nquads, "rb") as fh:
        for quad in ox.parse(fh, format=ox.RdfFormat.N_QUADS):
            graphs[quad.graph_name.value].append(quad)
    start = time.perf_counter()
    batch: dict[str, list] = {}
    size = 0
    with server.first_load():  # as the ingest writes a large first load
        for name, quads in graphs.items():
            batch[name] = quads
            size += len(quads)
            if size >= BATCH_QUADS:
                server.replace(batch)
                batch, size = {}, 0
        server.replace(batch)
    load = time.perf_counter() - start
    print(json.dumps({"loaded": load, "path": upload_path(server)}), flush=True)
    time_each(queries, lambda text: len(table(server.query(text)).rows), repeat, budget)
    return {"load_seconds": load}


def hook(module: str, **kwargs) -> dict:
    """Run another engineer's measurement module (``bench.pages``, ``bench.endpoint``) with ``kwargs``."""
    import importlib

    return {"rows": importlib.import_module(module).measure(**kwargs)}


def timed(run, repeat: int, budget: float) -> dict:
    """Median and p95 milliseconds of ``run()`` after one warm-up; slow queries are run 3 times at most.

    >>> r = timed(lambda: 3, repeat=5, budget=1.0)
    >>> r["rows"], r["runs"]
    (3, 5)
    """
    start = time.perf_counter()
    rows = run()
    first = time.perf_counter() - start
    samples = [first] if first > SLOW else []
    wanted = 3 if first > SLOW else repeat
    deadline = time.perf_counter() + budget
    while len(samples) < wanted and (time.perf_counter() < deadline or not samples):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    ms = sorted(s * 1000 for s in samples)
    return {"rows": rows, "runs": len(ms), "median_ms": statistics.median(ms),
            "p95_ms": ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]}


PHASES = {"baseline": baseline, "ingest": ingest, "dump": dump, "params": params, "oxigraph": oxigraph,
          "optimize": optimize, "rdflib": rdflib, "remote": remote, "hook": hook}


def main(argv: list[str]) -> None:
    """Run the phase named in ``argv[0]`` with the JSON arguments in ``argv[1]``; print one JSON line."""
    name, args = argv[0], json.loads(argv[1]) if len(argv) > 1 else {}
    start, cpu = time.perf_counter(), _cpu()
    result = PHASES[name](**args)
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({"result": result, "wall": time.perf_counter() - start, "cpu": _cpu() - cpu,
                      "rss_mb": own.ru_maxrss / 1024, "children_rss_mb": children.ru_maxrss / 1024}))


def _children_cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main(sys.argv[1:])
