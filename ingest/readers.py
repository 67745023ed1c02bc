"""Page formats behind one interface: pick a reader for a file, read it, normalize it, make quads.

A reader is a module with ``NAME``, ``read(doc, countries) -> Parsed`` and
optionally ``detect(doc) -> bool``. A folder may name its reader, series and
options in a profile file, ``speakergraph.toml``, at its root.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pyoxigraph as ox

from graph.errors import IngestError
from ingest import sicw
from ingest.countries import default_countries
from ingest.normalize import normalize
from ingest.records import Document, Parsed
from ingest.triples import source_quads

PROFILE = "speakergraph.toml"

READERS = {sicw.NAME: sicw}


def load_profile(root: Path) -> dict:
    """The ``[site]`` table of the folder's profile file, or ``{}``."""
    path = (root if root.is_dir() else root.parent) / PROFILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"profile is not valid TOML ({exc}) — fix it or delete it") from None
    site = data.get("site", data)
    reader = site.get("reader")
    if reader is not None and reader not in READERS:
        raise IngestError(str(path), f"unknown reader {reader!r} — use one of {', '.join(sorted(READERS))}")
    return site


def pick(doc: Document, site) -> object:
    """The reader module for a document: the site's own, or the first that recognises it."""
    if site.reader:
        return READERS[site.reader]
    for module in READERS.values():
        detect = getattr(module, "detect", None)
        if detect and detect(doc):
            return module
    return sicw


def read(doc: Document, site) -> Parsed:
    """Parse and normalize ``doc`` with the right reader."""
    countries = default_countries()
    module = pick(doc, site)
    parsed = module.read(doc, countries, **_options(module, site)) if _options(module, site) else module.read(doc, countries)
    return normalize(parsed, site.series, site.series_name, countries)


def _options(module, site) -> dict:
    return site.options.get(module.NAME, {}) if isinstance(site.options.get(module.NAME), dict) else {}


def to_quads(parsed: Parsed, series: str) -> tuple[str, list[ox.Quad]]:
    """The graph IRI and quads of a parsed file."""
    return source_quads(parsed, series, default_countries())
