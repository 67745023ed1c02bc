"""Benchmark speakergraph at one corpus size, side by side with rdflib in the same run.

    python -m bench.run --files 1000
    python -m bench.run --files 10000 --virtuoso http://localhost:8890/sparql
    python -m bench.run --files 1000 --remote-only --virtuoso URL --oxigraph-server URL --fuseki URL

Each step runs in a process of its own (``bench/phases.py``) so that its peak
memory is its own: generate (or reuse) ``bench/corpus/<files>``, first ingest
into a fresh embedded store, no-op re-ingest, one changed file, every stored
query on the store and on an rdflib ``Dataset`` loaded with the same quads,
then the optional hooks:

- page latency: ``bench/pages.py`` with ``measure(store, params, repeat)``
  returning rows of ``{"page", "median_ms", "p95_ms"}``;
- endpoint throughput: ``bench/endpoint.py`` with ``measure(store, clients, seconds)``
  returning rows of ``{"clients", "queries_per_s", "median_ms", "p95_ms"}``;
- exports: ``bench/exports.py`` with ``measure(store)`` returning rows of
  ``{"export", "median_s", "max_s", "bytes"}`` (every format, CSV included, and subsets);
- readers: ``bench/readers.py`` with ``measure(records)``: records/s of the schedule-export readers on
  generated files (frab, pretalx, Sessionize, Sessionize inside code);
- a remote column per SPARQL server: ``--virtuoso URL``, ``--fuseki URL``,
  ``--oxigraph-server URL`` load the same quads through ``graph.remote`` (in the
  ingest's batches of about 100,000 quads) and time the queries there.

Loading a SPARQL server takes far longer than the rest (about an hour at 10k
files on the shared 2-core machines), so the remote column can also be
measured on its own and added to the last full run of the size:
``--remote-only`` with the servers' URLs checks that the N-Quads are those of that run
(by their sha256), loads them and times the queries; with ``--loaded-in S`` the
server already holds them (loaded earlier in S seconds, as a previous
``--remote-only`` run printed) and only the queries are timed.

The tables go to stdout and into ``bench/results.md``, one section per size
(a new run of a size replaces its section). Progress goes to stderr.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import selectors
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from bench import machine
from bench.generate import Expected, generate
from graph.queries import bind_values, load_queries

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results.md"
REMOTES = {"virtuoso": "Virtuoso 7.2.5", "fuseki": "Apache Jena Fuseki", "oxigraph-server": "the Oxigraph server"}
CHANGE = b"\n\nA sentence added to measure the ingest of one changed file.\n"


class Run:
    """One benchmark run: its corpus, its store, and what each step measured."""

    def __init__(self, files: int, seed: int, repeat: int, budget: float, timeout: float):
        self.files, self.seed, self.repeat, self.budget, self.timeout = files, seed, repeat, budget, timeout
        self.corpus = CORPORA / str(files)
        self.store = CORPORA / f"{files}.store"
        self.nquads = CORPORA / f"{files}.nq"
        self.machine = machine.describe()
        self.steps: dict[str, dict] = {}
        self.params: dict = {}
        self.engines: dict[str, dict] = {}
        self.hooks: dict[str, list] = {}
        self.skipped: tuple[str, ...] = ()
        self.expected: Expected | None = None
        self.when = time.strftime("%Y-%m-%d %H:%M")

    def step(self, name: str, phase: str, timeout: float | None = None, **args) -> dict:
        """Run ``phase`` in a child process and keep its measures under ``name`` (``{}`` when over ``timeout``)."""
        click.echo(f"{name}…", err=True)
        try:
            proc = subprocess.run(_command(phase, args), cwd=ROOT, env=_env(), capture_output=True, text=True,
                                  timeout=timeout)
        except subprocess.TimeoutExpired:
            click.echo(f"  over {timeout:.0f} s, stopped", err=True)
            self.steps[name] = {"result": {"timeout": timeout}, "wall": timeout, "cpu": 0.0, "rss_mb": 0.0,
                                "children_rss_mb": 0.0}
            return self.steps[name]["result"]
        if proc.returncode != 0:
            raise click.ClickException(f"step {name!r} failed:\n{proc.stderr[-3000:]}")
        self.steps[name] = json.loads(proc.stdout.strip().splitlines()[-1])
        return self.steps[name]["result"]

    def stream(self, name: str, phase: str, queries: dict[str, str], load_timeout: float,
               silence: float | None = None, **args) -> dict:
        """Run a query phase; a query silent for ``silence`` s (``self.timeout``) is marked and the phase restarted
        after it."""
        click.echo(f"{name}…", err=True)
        todo, out, load, path, runs = dict(queries), {}, None, None, []
        while todo:
            with tempfile.TemporaryFile("w+") as err:
                proc = subprocess.Popen(_command(phase, {**args, "queries": todo}), cwd=ROOT, env=_env(),
                                        stdout=subprocess.PIPE, stderr=err, text=True)
                for record in _lines(proc, load_timeout, silence or self.timeout):
                    if "timeout" in record:  # silent too long: the query under way is the one
                        stuck = next(iter(todo))
                        click.echo(f"  {stuck}: over {self.timeout:.0f} s, stopped", err=True)
                        out[stuck] = {"timeout": self.timeout}
                        todo.pop(stuck)
                        runs.append(record["timeout"])
                    elif "query" in record:
                        out[record["query"]] = record["timing"]
                        todo.pop(record["query"], None)
                    elif "loaded" in record:
                        load, path = record["loaded"], record.get("path")
                    else:
                        runs.append(record)
                if proc.returncode not in (0, -9):
                    err.seek(0)
                    raise click.ClickException(f"step {name!r} failed:\n{err.read()[-3000:]}")
        self.steps[name] = {"result": {}, "wall": sum(r["wall"] for r in runs), "cpu": sum(r["cpu"] for r in runs),
                            "rss_mb": max((r["rss_mb"] for r in runs), default=0), "children_rss_mb": 0}
        return {"load_seconds": load, "path": path, "queries": {n: out[n] for n in queries}}

    def prepare_corpus(self) -> None:
        """Reuse ``bench/corpus/<files>`` when it was made with this seed, else generate it."""
        try:
            expected = Expected.load(self.corpus)
            if (expected.seed, expected.event_files) == (self.seed, self.files):
                self.expected = expected
                return
        except (OSError, ValueError, TypeError):
            pass
        click.echo(f"generating {self.files} event pages in {self.corpus}…", err=True)
        shutil.rmtree(self.corpus, ignore_errors=True)
        start = time.perf_counter()
        self.expected = generate(self.corpus, self.files, self.seed)
        self.steps["generate"] = {"wall": time.perf_counter() - start}

    def ingests(self, profile: Path | None) -> None:
        """First ingest into a fresh store, no-op re-ingest, one changed file."""
        shutil.rmtree(self.store, ignore_errors=True)
        args = {"corpus": str(self.corpus), "store": str(self.store), "sites": self.expected.sites}
        self.step("first ingest", "ingest", **args, profile=str(profile) if profile else None)
        self.step("no-op re-ingest", "ingest", **args)
        changed = sorted(self.corpus.glob(f"{self.expected.sites[0]}/_*-events/*/*.md"))[0]
        original = changed.read_bytes().removesuffix(CHANGE)  # a run stopped here may have left it changed
        changed.write_bytes(original + CHANGE)
        try:
            self.step("one changed file", "ingest", timeout=self.timeout * 5, **args)
        finally:
            changed.write_bytes(original)

    def queries(self, rdflib: bool, servers: dict[str, str]) -> None:
        """Every stored query, with parameters from the data, on each engine."""
        stored = load_queries()
        types = {p.name: p.type for q in stored.values() for p in q.params}
        self.params = self.step("pick parameters", "params", store=str(self.store), types=types)
        texts = {}
        for name, q in stored.items():
            if all(p.name in self.params["values"] for p in q.params):
                texts[name] = bind_values(q.text, q.bindings({p.name: self.params["values"][p.name] for p in q.params}))
        timing = {"repeat": self.repeat, "budget": self.budget}
        # as the ingests left it (the changed file's writes in small files beside the big ones), then compacted
        self.engines["as ingested"] = self.stream("queries on the embedded store as ingested", "oxigraph", texts,
                                                  self.timeout, store=str(self.store), **timing)
        self.step("optimize", "optimize", store=str(self.store))
        self.engines["oxigraph"] = self.stream("queries on the embedded store", "oxigraph", texts, self.timeout,
                                               store=str(self.store), **timing)
        # fast ones first, so that a query stopped for time costs a reload only for the few after it
        ranked = sorted(texts, key=lambda n: self.engines["oxigraph"]["queries"][n].get("median_ms", 1e12))
        texts = {n: texts[n] for n in ranked}
        if rdflib or servers:
            self.step("N-Quads dump", "dump", store=str(self.store), path=str(self.nquads))
            self.steps["N-Quads dump"]["result"]["sha256"] = sha256(self.nquads)
        if rdflib:
            # each query in a forked child stopped by the phase itself: a slow query costs no reload
            self.engines["rdflib"] = self.stream("rdflib: load and queries", "rdflib", texts, 3600,
                                                 silence=self.timeout + 60, nquads=str(self.nquads),
                                                 limit=self.timeout, **timing)
        for name, url in servers.items():
            self.engines[name] = self.stream(f"remote store on {name}: load and queries", "remote", texts, 3600,
                                             url=url, nquads=str(self.nquads), **timing)

    def remote_only(self, servers: dict[str, str], loaded_in: float | None) -> None:
        """The remote columns alone, added to the last full run of this size (same N-Quads, checked)."""
        last = json.loads((CORPORA / f"{self.files}.json").read_text(encoding="utf-8"))
        recorded = last["steps"].get("N-Quads dump", {}).get("result", {}).get("sha256")
        if not self.nquads.exists() or recorded != sha256(self.nquads):
            raise click.ClickException(f"{self.nquads} is not the N-Quads of the last full run of {self.files} files "
                                       "— run the full benchmark first (without --remote-only)")
        for key in ("steps", "params", "engines", "hooks", "machine", "when"):
            setattr(self, key, last.get(key, getattr(self, key, None)))
        stored = load_queries()
        values = self.params["values"]
        texts = {n: bind_values(q.text, q.bindings({p.name: values[p.name] for p in q.params}))
                 for n, q in stored.items() if all(p.name in values for p in q.params)}
        ranked = sorted(texts, key=lambda n: self.engines["oxigraph"]["queries"].get(n, {}).get("median_ms", 1e12))
        for name, url in servers.items():
            started = time.strftime("%Y-%m-%d %H:%M")
            self.engines[name] = self.stream(f"remote store on {name}: load and queries", "remote",
                                             {n: texts[n] for n in ranked}, 7200, url=url, nquads=str(self.nquads),
                                             load=loaded_in is None, repeat=self.repeat, budget=self.budget)
            if loaded_in is not None:
                self.engines[name]["load_seconds"] = loaded_in
            self.engines[name]["measured"] = {"at": started, "machine": machine.describe(),
                                              "loaded earlier": loaded_in is not None}

    def run_hooks(self, clients: int, seconds: float, skip: tuple[str, ...] = ()) -> None:
        """Page latency, exports, readers and endpoint throughput, when their modules exist (but those in ``skip``)."""
        self.skipped = tuple(skip)
        if importlib.util.find_spec("bench.pages") and "pages" not in skip:
            self.hooks["pages"] = self.step("page latency", "hook", timeout=self.timeout * 5, module="bench.pages",
                                            store=str(self.store), params=self.params["values"],
                                            repeat=self.repeat).get("rows", [{"stopped after s": self.timeout * 5}])
        if importlib.util.find_spec("bench.exports") and "exports" not in skip:
            self.hooks["exports"] = self.step("exports", "hook", timeout=self.timeout * 5, module="bench.exports",
                                              store=str(self.store)).get("rows", [{"stopped after s": self.timeout * 5}])
        if importlib.util.find_spec("bench.readers") and "readers" not in skip:
            self.hooks["readers"] = self.step("readers", "hook", timeout=self.timeout * 5, module="bench.readers",
                                              records=2000).get("rows", [{"stopped after s": self.timeout * 5}])
        if importlib.util.find_spec("bench.endpoint") and "endpoint" not in skip:
            self.hooks["endpoint"] = self.step("endpoint throughput", "hook", timeout=self.timeout * 5,
                                               module="bench.endpoint", store=str(self.store), clients=clients,
                                               seconds=seconds).get("rows", [{"stopped after s": self.timeout * 5}])


def sha256(path: Path) -> str:
    """The file's sha256, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _command(phase: str, args: dict) -> list[str]:
    return [sys.executable, "-m", "bench.phases", phase, json.dumps(args)]


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))


def _lines(proc: subprocess.Popen, first: float, then: float):
    """The child's JSON lines; when it stays silent too long, it is killed and ``{"timeout": usage}`` comes last."""
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    wait, start = first, time.perf_counter()
    while True:
        if not selector.select(wait):
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)  # reaped here, so its peak memory and CPU are still known
            proc.returncode = -9
            yield {"timeout": {"wall": time.perf_counter() - start, "cpu": usage.ru_utime + usage.ru_stime,
                               "rss_mb": usage.ru_maxrss / 1024}}
            return
        line = proc.stdout.readline()
        if not line:
            proc.wait()
            return
        wait = then
        yield json.loads(line)


# --- rendering ---------------------------------------------------------------------------------


def render(run: Run) -> str:
    """The run's section of ``results.md``."""
    e, first = run.expected, run.steps["first ingest"]
    lines = [f"## {e.event_files:,} event files", "",
             f"{e.event_files:,} event and {e.speaker_files:,} speaker pages in {len(e.sites)} series "
             f"(seed {e.seed}); {first['result']['quads']:,} quads in the store; "
             f"run {run.when}.", "",
             f"Machine: {machine.line(run.machine)}.", "", *_ingest_table(run), "", *_query_table(run)]
    for name in (n for n in REMOTES if n in run.engines):
        remote = run.engines[name]
        load = remote.get("load_seconds")
        path = f", by {remote['path']}" if remote.get("path") else ""
        lines += ["", f"Remote column {name}: {REMOTES[name]} through `graph.remote` (SPARQL 1.1 Protocol and Graph "
                  "Store Protocol over loopback, one named graph per file plus the union graph)"
                  + (f", loaded with the same {first['result']['quads']:,} quads in {load:,.1f} s "
                     f"({first['result']['quads'] / load:,.0f} quads/s{path})" if load else "")
                  + (f"; measured separately at {remote['measured']['at']} over the N-Quads of this run (same "
                     f"sha256), load average {remote['measured']['machine'].get('load', '?')} at start"
                     if "measured" in remote else "")
                  + (" (the queries were timed on a server loaded earlier)" if remote.get("measured", {}).get(
                      "loaded earlier") else "") + "."]
    for name, rows in run.hooks.items():
        lines += ["", f"### {name}", "", *_rows_table(rows)]
    missing = [f"{h} ({'left out with --skip' if m in run.skipped else f'no `bench/{m}.py` yet'})"
               for h, m in (("page latency", "pages"), ("endpoint throughput", "endpoint")) if m not in run.hooks]
    if missing:
        lines += ["", f"Not measured in this run: {', '.join(missing)}."]
    return "\n".join(lines) + "\n"


def _ingest_table(run: Run) -> list[str]:
    e, s = run.expected, run.steps
    first = s["first ingest"]
    secs = first["result"]["seconds"]
    rows = [("first ingest", first, f"{e.event_files / secs:,.0f} event files/s, "
             f"{(e.event_files + e.speaker_files) / secs:,.0f} files/s, {first['result']['quads'] / secs:,.0f} quads/s")]
    noop = s["no-op re-ingest"]
    rows.append(("no-op re-ingest", noop, f"{noop['result']['seconds'] / secs:.1%} of the first ingest"))
    changed = s["one changed file"]["result"]
    rows.append(("one changed file", s["one changed file"],
                 f"stopped after {changed['timeout']:.0f} s" if "timeout" in changed else f"{changed['read']} file read"))
    if "rdflib: load and queries" in s:
        load = run.engines["rdflib"]["load_seconds"]
        rows.append(("rdflib: parse N-Quads into a Dataset, then queries", s["rdflib: load and queries"],
                     f"load {load:,.1f} s, {first['result']['quads'] / load:,.0f} quads/s" if load else ""))
    if "optimize" in s:
        rows.append(("optimize (`speakergraph optimize`)", s["optimize"],
                     f"{first['result']['quads'] / s['optimize']['result']['seconds']:,.0f} quads/s"))
        rows.append(("embedded store: queries as ingested", s["queries on the embedded store as ingested"], ""))
    rows.append(("embedded store: queries" + (", optimized" if "optimize" in s else ""),
                 s["queries on the embedded store"], ""))
    rows.append(("python and imports alone", s["python and imports"], "the floor under every RSS figure"))
    out = ["| step | seconds | CPU seconds | throughput | peak RSS MB |", "|---|--:|--:|---|--:|"]
    for name, m, note in rows:
        seconds, cpu = m["result"].get("seconds", m["wall"]), m["result"].get("cpu", m["cpu"])
        rss = f"{m['rss_mb']:,.0f}" + (f" (+{m['children_rss_mb']:,.0f} per worker)" if m["children_rss_mb"] > 1 else "")
        out.append(f"| {name} | {seconds:,.2f} | {cpu:,.1f} | {note} | {rss} |")
    return out


def _query_table(run: Run) -> list[str]:
    engines = [n for n in ("oxigraph", "rdflib") if n in run.engines]
    remotes = [n for n in REMOTES if n in run.engines]
    ingested = "as ingested" in run.engines
    head = "| query | rows | embedded median / p95 ms |" + (" as ingested median / p95 ms |" if ingested else "")
    head += " rdflib median / p95 ms | rdflib ÷ embedded |" if "rdflib" in engines else ""
    head += "".join(f" {n} median / p95 ms |" for n in remotes)
    out = [f"Stored queries: {run.repeat} runs after a warm-up (3 when a run takes over 1 s, fewer when "
           f"{run.budget:.0f} s are spent), stopped after {run.timeout:.0f} s. Parameters: "
           + "; ".join(f"`{k}` = {v} ({run.params['why'][k]})" for k, v in run.params["values"].items()) + ".", "",
           *([] if not ingested else [
               "The embedded column is the store after `speakergraph optimize` (the step after the changed file's "
               "ingest); \"as ingested\" is the same store just before it.", ""]),
           head, "|---|--:|--:|" + ("--:|" if ingested else "") + ("--:|--:|" if "rdflib" in engines else "")
           + "--:|" * len(remotes)]
    for name, ox in run.engines["oxigraph"]["queries"].items():
        cells = [name, str(ox.get("rows", "–")), _ms(ox)]
        if ingested:
            cells.append(_ms(run.engines["as ingested"]["queries"].get(name, {"error": "not run"})))
        if "rdflib" in engines:
            rd = run.engines["rdflib"]["queries"][name]
            if "rows" in rd and "rows" in ox and rd["rows"] != ox["rows"]:
                cells[1] += f" (rdflib {rd['rows']})"
            cells += [_ms(rd), _ratio(rd, ox)]
        for remote in remotes:
            vt = run.engines[remote]["queries"].get(name, {})
            cells.append(_ms(vt) + (f" ({vt['rows']} rows)" if vt.get("rows", ox.get("rows")) != ox.get("rows") else ""))
        out.append("| " + " | ".join(cells) + " |")
    return out


def _ms(t: dict) -> str:
    if "error" in t:
        return "error: " + t["error"].replace("|", "/")[:120]
    if "timeout" in t:
        return f"over {t['timeout'] * 1000:,.0f}"
    return f"{t['median_ms']:,.1f} / {t['p95_ms']:,.1f}"


def _ratio(slow: dict, fast: dict) -> str:
    """How many times faster ``fast`` is, e.g. ``×35`` or ``×0.2``."""
    if "error" in slow or "error" in fast or not (slow and fast):
        return "–"
    if "timeout" in slow and "timeout" in fast:
        return "–"
    if "timeout" in fast:
        return f"under ×{slow['median_ms'] / (fast['timeout'] * 1000):.2g}"
    if "timeout" in slow:
        return f"over ×{slow['timeout'] * 1000 / fast['median_ms']:,.0f}"
    ratio = slow["median_ms"] / fast["median_ms"]
    return f"×{ratio:,.0f}" if ratio >= 10 else f"×{ratio:.2g}"


def _rows_table(rows: list[dict]) -> list[str]:
    if not rows:
        return ["(no rows)"]
    keys = list(rows[0])
    return ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)] + \
        ["| " + " | ".join(f"{r.get(k, ''):,.1f}" if isinstance(r.get(k), float) else str(r.get(k, "")) for k in keys)
         + " |" for r in rows]


def write_results(path: Path, files: int, section: str) -> None:
    """Put ``section`` into ``path`` in place of the earlier section for the same size, sizes in order."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    parts = dict(re.findall(r"<!-- bench:(\d+) -->\n(.*?)<!-- /bench -->\n", text, re.S))
    head = text.split("<!-- bench:", 1)[0]
    parts[str(files)] = section
    body = "".join(f"<!-- bench:{n} -->\n{parts[n]}<!-- /bench -->\n" for n in sorted(parts, key=int))
    path.write_text(head.rstrip("\n") + "\n\n" + body, encoding="utf-8")


HEADER = """# Benchmark results

Written by `python -m bench.run --files N` (see `bench/run.py`): a synthetic corpus in the SICW page format
(`bench/generate.py`), ingested into the embedded store (pyoxigraph on RocksDB, on disk), and every stored
query run on that store and on an rdflib in-memory `Dataset(default_union=True)` loaded with the same quads,
in the same run, on the same machine. Each step runs in its own process; peak RSS is that process's
`ru_maxrss`. Seconds are wall-clock; CPU seconds add the step's worker processes. The machines are shared,
so the load average at the start of each run is given.
"""


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--files", type=click.IntRange(1), default=1000, show_default=True, help="Event pages in the corpus.")
@click.option("--seed", type=int, default=1, show_default=True)
@click.option("--repeat", type=click.IntRange(1), default=20, show_default=True, help="Timed runs per query.")
@click.option("--budget", type=float, default=20.0, show_default=True, help="Seconds of repeats per query and engine.")
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Stop a query silent this long.")
@click.option("--no-rdflib", is_flag=True, help="Skip the rdflib baseline (e.g. at 50k files).")
@click.option("--virtuoso", metavar="URL", help="Also load and query Virtuoso through graph.remote.")
@click.option("--fuseki", metavar="URL", help="Also load and query Fuseki (its dataset's query URL).")
@click.option("--oxigraph-server", metavar="URL", help="Also load and query an Oxigraph server (its /query URL).")
@click.option("--remote-only", is_flag=True, help="Only the servers' columns, added to the last full run of this size.")
@click.option("--loaded-in", type=float, metavar="S",
              help="With --remote-only: the server already holds the N-Quads (loaded in S seconds); time queries only.")
@click.option("--skip", "skip", multiple=True, type=click.Choice(["pages", "exports", "readers", "endpoint"]),
              help="Leave out a measurement (repeatable): e.g. exports at 10k, measured apart with python -m bench.exports.")
@click.option("--clients", type=int, default=8, show_default=True, help="Concurrent clients for the endpoint hook.")
@click.option("--profile", type=click.Path(dir_okay=False, path_type=Path),
              help="Profile the first ingest with cProfile; write the top functions here.")
@click.option("--results", type=click.Path(dir_okay=False, path_type=Path), default=RESULTS, show_default=True)
def main(files, seed, repeat, budget, timeout, no_rdflib, virtuoso, fuseki, oxigraph_server, remote_only, loaded_in,
         skip, clients, profile, results):
    """Generate or reuse a corpus of FILES event pages, measure every step, write bench/results.md."""
    run = Run(files, seed, repeat, budget, timeout)
    run.prepare_corpus()
    servers = {n: u for n, u in (("virtuoso", virtuoso), ("fuseki", fuseki), ("oxigraph-server", oxigraph_server)) if u}
    if remote_only:
        if not servers:
            raise click.UsageError("--remote-only needs a server: --virtuoso, --fuseki or --oxigraph-server URL")
        run.remote_only(servers, loaded_in)
    else:
        run.step("python and imports", "baseline")
        run.ingests(profile)
        run.queries(rdflib=not no_rdflib, servers=servers)
        run.run_hooks(clients, seconds=10.0, skip=skip)
    section = render(run)
    click.echo(section)
    write_results(results, files, section)
    (CORPORA / f"{files}.json").write_text(json.dumps({"machine": run.machine, "steps": run.steps, "when": run.when,
                                                       "params": run.params, "engines": run.engines,
                                                       "hooks": run.hooks}, indent=1), encoding="utf-8")
    click.echo(f"wrote {results}", err=True)


if __name__ == "__main__":
    main()
