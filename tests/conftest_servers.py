"""Real SPARQL servers for the tests, each started once per session on free loopback ports.

- ``virtuoso``: Virtuoso 7.2 by ``scripts/virtuoso.sh`` (Digest auth, a Graph Store of one graph per request);
- ``fuseki``: Apache Jena Fuseki by ``scripts/fuseki.sh`` (jars fetched through Maven into a cache);
- ``oxigraph``: the Oxigraph server (the ``oxigraph`` package of the test extras), in memory.

``server`` is each of them in turn, ``any_store`` an empty store of each kind
(embedded too), so that a test taking one runs on every server. A server that
cannot start is skipped locally with the reason and fails the run in CI, except
Fuseki when Maven Central is out of reach (see ``fuseki``).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from graph.remote import RemoteStore
from graph.store import open_store
from ingest.loader import ingest, site_for

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
SCRIPT = SCRIPTS / "virtuoso.sh"
FUSEKI_SCRIPT = SCRIPTS / "fuseki.sh"
PASSWORD = "speakergraph-test"  # not Virtuoso's default, so that the default is a wrong password
SERVERS = ["virtuoso", "fuseki", "oxigraph"]
UNREACHABLE = 4  # fuseki.sh's exit status when the jars cannot be fetched


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A running SPARQL server: its URLs, credentials, and stores on it."""

    name = "server"
    auth = False  # whether it refuses writes without credentials

    def __init__(self, folder: Path, url: str, update_url: str, options: dict[str, str] | None = None):
        self.folder, self.url, self.update_url = folder, url, update_url
        self.options = options or {}
        self.holds: Path | None = None

    def store(self, **options) -> RemoteStore:
        """A store on this server (with the writer's credentials unless ``options`` say otherwise)."""
        return RemoteStore.from_url(self.url, {**self.options, **options})

    def empty(self) -> RemoteStore:
        """A store on this server with every speakergraph graph (temporary ones too) dropped."""
        store = self.store()
        store.remove(_graphs(store))
        self.holds = None
        return store

    def holding(self, folder: Path) -> RemoteStore:
        """A store holding exactly ``folder`` ingested (ingested again only when something else was loaded)."""
        if self.holds != folder:
            ingest(self.empty(), [site_for(folder)])
            self.holds = folder
        return self.store()


class Virtuoso(Server):
    """Virtuoso: updates and Graph Store behind Digest auth (user dba)."""

    name, auth = "virtuoso", True

    def __init__(self, folder: Path, port: int, http_port: int):
        url = f"http://127.0.0.1:{http_port}/sparql"
        super().__init__(folder, url, url + "-auth", {"user": "dba", "password": PASSWORD})
        self.port, self.http_port = port, http_port


class Fuseki(Server):
    """Fuseki: dataset /ds in memory, open to anyone on loopback."""

    name = "fuseki"

    def __init__(self, folder: Path, port: int):
        base = f"http://127.0.0.1:{port}/ds"
        super().__init__(folder, f"{base}/sparql", f"{base}/update")
        self.port = port


class Oxigraph(Server):
    """The Oxigraph server: /query, /update, /store, in memory, open to anyone on loopback."""

    name = "oxigraph"

    def __init__(self, folder: Path, port: int):
        super().__init__(folder, f"http://127.0.0.1:{port}/query", f"http://127.0.0.1:{port}/update")
        self.port = port


def _graphs(store: RemoteStore) -> list[str]:
    return [row["g"].value for row in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                  "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/speakergraph/')) }")]


def _log_tail(path: Path) -> str:
    return path.read_text(errors="replace")[-2000:] if path.exists() else ""


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Virtuoso on free loopback ports with a throw-away database, stopped by its pid at the end."""
    from conftest import need

    need(shutil.which("virtuoso-t") is not None,
         "virtuoso-t is not installed — run scripts/virtuoso.sh install (Debian package virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    server = Virtuoso(folder, free_port(), free_port())
    started = subprocess.run(["bash", str(SCRIPT), "start", str(folder), str(server.port), str(server.http_port)],
                             env={**os.environ, "VIRTUOSO_PASSWORD": PASSWORD}, capture_output=True, text=True,
                             timeout=120)
    if started.returncode:
        pytest.fail(f"scripts/virtuoso.sh start failed: {started.stderr}\n{_log_tail(folder / 'virtuoso.log')}")
    yield server
    subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def fuseki(tmp_path_factory):
    """Fuseki on a free loopback port, its jars fetched into the cache on first use, stopped by its pid at the end.

    Maven Central is the only source of Fuseki's jars (Debian has no Fuseki); where
    the machine cannot reach it (these machines reach PyPI, npm and Debian only),
    the Fuseki runs are skipped with that reason, in CI too, rather than fail every
    run for a network the project cannot change. Any other failure to start fails in CI.
    """
    from conftest import need

    need(shutil.which("java") is not None and shutil.which("mvn") is not None,
         "java or mvn is not installed — apt-get install openjdk-17-jre-headless maven")
    folder = tmp_path_factory.mktemp("fuseki")
    server = Fuseki(folder, free_port())
    started = subprocess.run(["bash", str(FUSEKI_SCRIPT), "start", str(folder), str(server.port)],
                             capture_output=True, text=True, timeout=900)
    if started.returncode == UNREACHABLE:
        pytest.skip(started.stderr.strip())
    if started.returncode:
        need(False, f"scripts/fuseki.sh start failed: {started.stderr}\n{_log_tail(folder / 'fuseki.log')}")
    yield server
    subprocess.run(["bash", str(FUSEKI_SCRIPT), "stop", str(folder)], capture_output=True, timeout=60)


@pytest.fixture(scope="session")
def oxigraph(tmp_path_factory):
    """The Oxigraph server in memory on a free loopback port, stopped by its pid at the end."""
    from conftest import need

    binary = Path(sys.executable).parent / "oxigraph"
    need(binary.exists() or shutil.which("oxigraph") is not None,
         "the oxigraph server is not installed — pip install -e '.[test]' (package oxigraph)")
    folder = tmp_path_factory.mktemp("oxigraph")
    server = Oxigraph(folder, free_port())
    log = (folder / "oxigraph.log").open("wb")
    process = subprocess.Popen([str(binary) if binary.exists() else "oxigraph", "serve", "--bind",
                                f"127.0.0.1:{server.port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_for(server.url, process, folder / "oxigraph.log")
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    """Wait until ``url`` answers a query (at most 60 s), or fail with the server's log when it exits."""
    from conftest import need

    for _ in range(600):
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        try:
            process.wait(timeout=0.1)  # returns only when the server exited
            need(False, f"the server for {url} exited: {_log_tail(log)}")
        except subprocess.TimeoutExpired:
            continue
    need(False, f"no answer from {url} after 60 s: {_log_tail(log)}")


@pytest.fixture(params=SERVERS)
def server(request) -> Server:
    """Each real SPARQL server in turn: Virtuoso, Fuseki, Oxigraph."""
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["embedded", *SERVERS])
def any_store(request, tmp_path):
    """An empty store: embedded (on disk in ``tmp_path``), then on each server."""
    if request.param == "embedded":
        store = open_store(tmp_path / "store")
    else:
        store = request.getfixturevalue(request.param).empty()
    yield store
    store.close()
