"""A real Virtuoso for the tests, started once per session by ``scripts/virtuoso.sh`` on free loopback ports.

``virtuoso`` is the running server (skipped locally when virtuoso-t is missing,
a failure in CI); ``any_store`` is an empty store of each kind, embedded and
Virtuoso, so that a test taking it runs on both.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from graph.remote import RemoteStore
from graph.store import open_store
from ingest.loader import ingest, site_for

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "virtuoso.sh"
PASSWORD = "speakergraph-test"  # not Virtuoso's default, so that the default is a wrong password


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Virtuoso:
    """A running Virtuoso: its URLs, credentials, and stores on it."""

    def __init__(self, folder: Path, port: int, http_port: int):
        self.folder, self.port, self.http_port = folder, port, http_port
        self.url = f"http://127.0.0.1:{http_port}/sparql"
        self.options = {"user": "dba", "password": PASSWORD}
        self.holds: Path | None = None

    def store(self, **options) -> RemoteStore:
        """A store on this server (with the dba credentials unless ``options`` say otherwise)."""
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


def _graphs(store: RemoteStore) -> list[str]:
    return [row["g"].value for row in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                                                  "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/speakergraph/')) }")]


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
        log = folder / "virtuoso.log"
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
        pytest.fail(f"scripts/virtuoso.sh start failed: {started.stderr}\n{tail}")
    yield server
    subprocess.run(["bash", str(SCRIPT), "stop", str(folder)], capture_output=True, timeout=60)


@pytest.fixture(params=["embedded", "virtuoso"])
def any_store(request, tmp_path):
    """An empty store: embedded (on disk in ``tmp_path``), then Virtuoso."""
    if request.param == "embedded":
        store = open_store(tmp_path / "store")
    else:
        store = request.getfixturevalue("virtuoso").empty()
    yield store
    store.close()
