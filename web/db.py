"""The app's store, its query runner and its caches, opened once and kept on ``app.extensions``.

A store folder is opened read-only: the web app never writes. Caches (the
search index, exports) are keyed by the store's state, so a store written
by the tests behind the app's back is re-read. A read-only opener sees the
folder as it was when it opened it, so the pages look at the folder's state
(``web.snapshot``) at most every ``FOLLOW_EVERY`` seconds: after an ingest
while serving, the pages and the ``/sparql`` workers move to the new state
together, and the caches are filled again (``on_follow``).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable

from flask import Flask, current_app

from graph.errors import StoreError
from graph.store import Store, open_store

KEY = "speakergraph"
CACHE_ENTRIES = 256
FOLLOW_EVERY = 1.0  # seconds between two looks at a store folder's state (config: FOLLOW_EVERY)


class Resources:
    """What one app shares between requests: the store, the runner, caches."""

    def __init__(self, config: dict):
        self.config = config
        self.store: Store | None = None
        self.read_only = False
        self.runner = None
        self.token: str | None = None  # the snapshot of a store folder the pages read (web.snapshot)
        self._state: str | None = None
        self._cache: dict[str, tuple[str, object]] = {}
        self._lock = threading.Lock()
        self._flights: dict[tuple[str, str], _Flight] = {}  # names being computed, by store state
        self._flying = threading.Lock()
        self._looked = time.monotonic()
        self.on_follow: Callable[[], object] | None = None  # called after the pages moved to a new state

    def open(self) -> Store:
        """The store named by ``STORE``, opened on first use."""
        with self._lock:
            if self.store is None:
                self.store, self.read_only, self.token = _open(self.config["STORE"], self.config.get("REMOTE"))
        if self.read_only:
            self._follow()
        return self.store

    def renew(self) -> str | None:
        """Reopen a store folder at its newest state (the query workers found it changed); its new token."""
        with self._lock:
            self.store, self.read_only, self.token = _open(self.config["STORE"], self.config.get("REMOTE"))
            self._state = None
            return self.token

    def state(self) -> str:
        """The store's state token (read once for a read-only store)."""
        store = self.open()
        if not self.read_only:
            return store.state()
        if self._state is None:
            self._state = store.state()
        return self._state

    def _follow(self) -> None:
        """Move to the folder's newest state when it changed since the pages opened it (an ingest while serving)."""
        now = time.monotonic()
        if self.token is None or now - self._looked < self.config.get("FOLLOW_EVERY", FOLLOW_EVERY):
            return
        self._looked = now
        from web.snapshot import snapshot

        if snapshot(str(self.config["STORE"])) == self.token:
            return
        token = self.renew()
        if self.runner is not None and hasattr(self.runner, "follow"):
            self.runner.follow(token)
        if self.on_follow is not None:
            self.on_follow()

    def cached(self, name: str, compute: Callable[[], object]):
        """``compute()``, kept until the store changes.

        One thread computes a name at a time: a visitor who asks for what the warming thread (``web.warm``)
        is computing waits for its answer instead of computing it again beside it.
        """
        state = self.state()
        key = (name, state)
        with self._flying:
            hit = self._cache.get(name)
            if hit is not None and hit[0] == state:
                self._cache[name] = self._cache.pop(name)  # the least recently used goes first
                return hit[1]
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = _Flight()
            else:
                flight.waiters += 1
        if not leader:
            flight.done.wait()
            return flight.value if flight.ok else self.cached(name, compute)  # its error, raised here too
        try:
            flight.value = compute()
            flight.ok = True
        finally:
            with self._flying:
                del self._flights[key]
                if flight.ok:
                    self._store_value(name, state, flight.value)
            flight.done.set()
        return flight.value

    def peek(self, name: str):
        """The value kept for ``name`` at the store's state, or ``None``."""
        state = self.state()
        with self._flying:
            hit = self._cache.get(name)
            if hit is None or hit[0] != state:
                return None
            self._cache[name] = self._cache.pop(name)
            return hit[1]

    def _store_value(self, name: str, state: str, value: object) -> None:
        self._cache.pop(name, None)
        self._cache[name] = (state, value)
        while len(self._cache) > CACHE_ENTRIES:  # the least recently used entry goes first
            self._cache.pop(next(iter(self._cache)))

    def close(self) -> None:
        """Stop the query workers and release the store."""
        if self.runner is not None:
            self.runner.close()
            self.runner = None


class _Flight:
    """A computation of a cached name under way: the threads waiting for it, and its value when done."""

    def __init__(self):
        self.done = threading.Event()
        self.waiters = 0
        self.ok = False
        self.value: object = None


def _open(location, remote: dict | None = None) -> tuple[Store, bool, str | None]:
    """The store at ``location``, whether it is a read-only folder, and its snapshot token (folders only)."""
    if isinstance(location, Store):
        return location, False, None
    if location is None:
        return open_store(None), False, None
    location = str(location)
    if location.startswith(("http://", "https://")):
        return open_store(location, remote=remote), False, None
    if not os.path.isdir(location):
        raise StoreError(f"no store at {location} — run 'speakergraph ingest' first, or pass --store")
    from web.snapshot import open_snapshot

    store, token = open_snapshot(location)
    return store, True, token


def init_app(app: Flask) -> None:
    """Attach the shared resources to ``app``."""
    app.extensions[KEY] = Resources(app.config)


def resources() -> Resources:
    """The current app's resources."""
    return current_app.extensions[KEY]


def get_store() -> Store:
    """The current app's store."""
    return resources().open()


def cached(name: str, compute: Callable[[], object]):
    """A value of the current app kept until its store changes."""
    return resources().cached(name, compute)


def peek(name: str):
    """The value of the current app kept for ``name``, or ``None`` when there is none for the store's state."""
    return resources().peek(name)


def get_runner():
    """The current app's ``/sparql`` query runner: worker processes on a folder or a server, threads otherwise."""
    res = resources()
    if res.runner is None:
        from web.runner import make_runner

        store = res.open()
        with res._lock:
            if res.runner is None:
                res.runner = make_runner(res.config, store, res.token, res.renew)
    return res.runner
