"""Hostile clients against a real ``speakergraph serve`` on loopback: the figures of docs/reliability.md.

    python -m bench.hostile                       # the SICW 2024 corpus when present, else the sample
    python -m bench.hostile --store S --seconds 20 --clients 0,4,8

Pages: one client requests pages of every kind in turn (home, people, a person,
a session, a stored query, search) while 0, 4 and 8 other clients loop a
runaway ``/sparql`` query (a three-way cross product, stopped at the time
limit); its median and p95 milliseconds, and what the runaway clients got
(answers turned away at once with 503 + Retry-After, or stopped at the limit).
Memory: the nested ``REPLACE`` query that builds a 10^9-character string, sent
once; the peak resident size of the query worker that ran it (``/proc``,
sampled every 10 ms) and the answer. Every loop is bounded in seconds and in
requests; the server runs with its defaults unless options say otherwise.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import click

from bench.endpoint import Connection, served
from bench.pages import frequent, p95
from graph import ids

ROOT = Path(__file__).resolve().parent.parent
SICW = ROOT.parent / "shared" / "corpus" / "sicw-2024"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
BOMB = "SELECT (STRLEN(" + "REPLACE(" * 8 + '"aaaaaaaaaa"' + ', "a", "aaaaaaaaaa")' * 8 + ") AS ?n) {}"
LIMIT = 20_000  # requests a client may send in a phase, whatever the time


@contextlib.contextmanager
def serving(store: str, *options: str, checkout: Path = ROOT):
    """``speakergraph serve`` of ``checkout`` over ``store`` on a free loopback port, settled; yields ``(URL, pid)``."""
    launcher = [sys.executable, "-c", "from speakergraph import main; main()"]
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    with served(launcher, store, list(options), checkout, env) as answer:
        yield answer


def pages(store: str) -> list[str]:
    """A page of each kind, the heaviest person and session of the store among them."""
    heavy = frequent(store)
    paths = ["/", "/people", "/queries/moderators", "/search?q=ministry", "/dataset"]
    paths += ["/id/" + heavy[kind].removeprefix(ids.BASE) for kind in ("person", "session") if kind in heavy]
    return paths


def phase(url: str, paths: list[str], runaways: int, seconds: float) -> dict:
    """Pages timed while ``runaways`` clients loop the runaway query, for ``seconds``."""
    stop = time.monotonic() + seconds
    got: dict[str, int] = {}
    lock = threading.Lock()

    def runaway() -> None:
        connection = Connection(url)
        path = "/sparql?" + urlencode({"query": RUNAWAY})
        for _ in range(LIMIT):
            if time.monotonic() > stop:
                break
            status = connection.get(path)
            with lock:
                got[str(status)] = got.get(str(status), 0) + 1
            if status == 503:
                time.sleep(0.05)  # a client that honours no Retry-After, but does not spin
        connection.close()

    threads = [threading.Thread(target=runaway, daemon=True) for _ in range(runaways)]
    for thread in threads:
        thread.start()
    time.sleep(1.0 if runaways else 0)  # the runaway queries hold the workers first
    ms, errors, connection = [], 0, Connection(url)
    for path in itertools.islice(itertools.cycle(paths), LIMIT):
        if time.monotonic() > stop:
            break
        began = time.perf_counter()
        status = connection.get(path)
        ms.append((time.perf_counter() - began) * 1000)
        errors += status != 200
    connection.close()
    for thread in threads:
        thread.join(60)
    return {"runaway clients": runaways, "pages": len(ms), "page errors": errors,
            "median ms": round(statistics.median(ms)), "p95 ms": round(p95(ms)), "max ms": round(max(ms)),
            "runaway answers": got}


def descendants(pid: int) -> list[int]:
    """The living child processes of ``pid``, and theirs."""
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            for child in (task / "children").read_text().split():
                found += [int(child), *descendants(int(child))]
    except OSError:
        pass
    return found


def rss(pid: int) -> int:
    """Resident bytes of process ``pid`` (0 once it is gone)."""
    try:
        line = next(s for s in Path(f"/proc/{pid}/status").read_text().splitlines() if s.startswith("VmRSS:"))
        return int(line.split()[1]) * 1024
    except (OSError, StopIteration):
        return 0


def bomb(url: str, server: int) -> dict:
    """Send the nested REPLACE once; the peak resident size of the server's worker processes meanwhile."""
    done = threading.Event()
    peak = {"bytes": 0}

    def sample() -> None:
        while not done.is_set():
            for pid in descendants(server):
                peak["bytes"] = max(peak["bytes"], rss(pid))
            time.sleep(0.01)

    resting = max((rss(pid) for pid in descendants(server)), default=0)
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    connection = Connection(url)
    began = time.perf_counter()
    connection.http.request("POST", "/sparql", body=urlencode({"query": BOMB}),
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
    response = connection.http.getresponse()
    text = response.read().decode("utf-8", "replace").strip()
    seconds = time.perf_counter() - began
    done.set()
    sampler.join()
    after = Connection(url).get("/sparql?" + urlencode({"query": "ASK {}"}))
    return {"status": response.status, "answer": text[:160], "seconds": round(seconds, 1),
            "worker MiB at rest": round(resting / 2**20), "worker peak MiB": round(peak["bytes"] / 2**20),
            "next query": after}


@click.command()
@click.option("--store", type=click.Path(file_okay=False), help="A store folder (default: SICW 2024 or the sample, "
                                                                 "ingested into a temporary folder).")
@click.option("--seconds", default=20.0, show_default=True, help="Seconds per phase.")
@click.option("--clients", default="0,4,8", show_default=True, help="Runaway clients per phase ('' for none).")
@click.option("--serve-option", "serve_options", multiple=True, help="An option passed to serve (repeatable).")
@click.option("--checkout", type=click.Path(file_okay=False, path_type=Path), default=ROOT,
              help="Serve from another checkout of the code (e.g. an older commit, unpacked with git archive).")
def main(store, seconds, clients, serve_options, checkout):
    """Pages under runaway /sparql clients, and a worker's memory under the REPLACE query."""
    with tempfile.TemporaryDirectory() as tmp:
        if store is None:
            from graph.store import open_store
            from ingest.loader import ingest, site_for

            source = SICW if SICW.is_dir() else ROOT / "data" / "sample"
            store = str(Path(tmp) / "store")
            target = open_store(store)
            ingest(target, [site_for(source)])
            target.close()
            click.echo(f"ingested {source}", err=True)
        paths = pages(store)
        results = {"pages": [], "bomb": None}
        with serving(store, *serve_options, checkout=checkout) as (url, pid):
            for n in (int(c) for c in clients.split(",") if c.strip()):
                results["pages"].append(phase(url, paths, n, seconds))
                click.echo(json.dumps(results["pages"][-1]), err=True)
            results["bomb"] = bomb(url, pid)
            click.echo(json.dumps(results["bomb"]), err=True)
    click.echo(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
