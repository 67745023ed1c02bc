"""Which committed state of a store folder a reader sees, so that every reader can be made to see the same.

A read-only opener of a RocksDB folder sees the folder as it was when it
opened it, for as long as it stays open. The pages and each ``/sparql``
worker open the folder at different times: if an ingest commits in between,
they disagree. ``snapshot`` names the committed state by the RocksDB files
that hold it; ``web.runner`` compares a new worker's with the pages' and moves
every reader to the newer one.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from graph.store import Store, open_store


def snapshot(location: str) -> str:
    """A token of a store folder's committed state: the names and sizes of its RocksDB data files.

    It changes with every write (and with a compaction or a writer's open,
    which is harmless: readers then move to the same content).
    """
    folder = Path(location)
    names = sorted(p for p in os.listdir(folder) if p == "CURRENT" or p.startswith("MANIFEST-")
                   or p.endswith((".log", ".sst")))
    sizes = []
    for name in names:
        try:
            sizes.append(f"{name}:{(folder / name).stat().st_size}")
        except FileNotFoundError:
            sizes.append(f"{name}:gone")
    return hashlib.sha256("\n".join(sizes).encode()).hexdigest()[:16]


def open_snapshot(location: str, tries: int = 5) -> tuple[Store, str]:
    """The store folder opened read-only and the token of the state it shows.

    A folder written while it is opened is opened again, up to ``tries``
    times; after that the token may name a later state than the store shows,
    and the next comparison moves the readers on once more.
    """
    for attempt in range(tries):
        before = snapshot(location)
        store = open_store(location, read_only=True)
        after = snapshot(location)
        if after == before or attempt == tries - 1:
            return store, after
        store.close()
    raise AssertionError("unreachable")
