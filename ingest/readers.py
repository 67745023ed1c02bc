"""Page formats behind one interface: pick a reader for a file, read it, normalize it, make quads.

A reader is a module with ``NAME``, ``read(doc, countries, **options) -> Parsed``
and optionally ``detect(doc) -> bool`` (the page is unmistakably of its format)
and ``check(options)`` (raises ``ValueError`` on a bad option). A folder may
name its reader, series and the reader's options in a profile file,
``speakergraph.toml``, at its root (see docs/sites.md).

Which reader reads a folder:

1. the ``reader`` the profile names;
2. else the reader whose options table the profile has (``[site.frontmatter]``);
3. else the first reader whose ``detect`` accepts a page of the folder (the
   front-matter reader: a page lists speakers under ``presenter_slugs``,
   ``speakers``, ``speaker`` or ``presenters``);
4. else SICW, the format of the bundled sample.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pyoxigraph as ox

from graph.errors import IngestError
from ingest import frontmatter_site, sicw
from ingest.countries import default_countries
from ingest.normalize import normalize
from ingest.read import parse_document
from ingest.records import Document, Parsed
from ingest.triples import source_quads

PROFILE = "speakergraph.toml"

READERS = {sicw.NAME: sicw, frontmatter_site.NAME: frontmatter_site}
DETECT_BYTES = 64 * 1024  # front matter sits at the top: detection reads no further


def load_profile(root: Path) -> dict:
    """The ``[site]`` table of the folder's profile file (or ``{}``), with its reader named or detected."""
    folder = root if root.is_dir() else root.parent
    path = folder / PROFILE
    site = _read_profile(path) if path.is_file() else {}
    reader = site.get("reader") or next((name for name in READERS if isinstance(site.get(name), dict)), None)
    if reader is not None and reader not in READERS:
        raise IngestError(str(path), f"unknown reader {reader!r} — use one of {', '.join(sorted(READERS))}")
    reader = reader or detect(root)
    _check_options(path, site, reader)
    return {**site, "reader": reader} if reader else site


def _read_profile(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(str(path), f"profile is not valid TOML ({exc}) — fix it or delete it") from None
    site = data.get("site", data)
    if not isinstance(site, dict):
        raise IngestError(str(path), "[site] must be a table — write it as a '[site]' section")
    return site


def _check_options(path: Path, site: dict, reader: str | None) -> None:
    options = site.get(reader) if reader else None
    check = getattr(READERS.get(reader), "check", None)
    if options is None or check is None:
        return
    try:
        check(options)
    except ValueError as exc:
        raise IngestError(str(path), f"[site.{reader}]: {exc} — see docs/sites.md") from None


def detect(root: Path) -> str | None:
    """The name of the first reader whose ``detect`` accepts a page under ``root``, or ``None``."""
    from ingest.loader import walk  # the loader imports this module

    detectors = [(name, m.detect) for name, m in READERS.items() if getattr(m, "detect", None)]
    folder = root if root.is_dir() else root.parent
    for path in walk(root):
        doc = _head(folder, path)
        for name, accepts in detectors:
            if doc is not None and accepts(doc):
                return name
    return None


def _head(folder: Path, path: Path) -> Document | None:
    """The front matter of a page (``None`` when it cannot be read: the real read will say why)."""
    if not path.is_file():  # a FIFO named x.md would block the open forever
        return None
    try:
        with open(path, "rb") as fh:
            data = fh.read(DETECT_BYTES)
        if len(data) == DETECT_BYTES:
            data = data[: data.rfind(b"\n") + 1]  # no character cut in half
        return parse_document(path.relative_to(folder).as_posix(), data)
    except (OSError, ValueError, IngestError, RecursionError):
        return None


def pick(doc: Document, site) -> object:
    """The reader module for a document: the site's own, or the first that recognises it."""
    if site.reader:
        return READERS[site.reader]
    for module in READERS.values():
        accepts = getattr(module, "detect", None)
        if accepts and accepts(doc):
            return module
    return sicw


def read(doc: Document, site) -> Parsed:
    """Parse and normalize ``doc`` with the right reader."""
    countries = default_countries()
    module = pick(doc, site)
    options = site.options.get(module.NAME)
    parsed = module.read(doc, countries, **options) if isinstance(options, dict) else module.read(doc, countries)
    return normalize(parsed, site.series, site.series_name, countries)


def to_quads(parsed: Parsed, series: str) -> tuple[str, list[ox.Quad]]:
    """The graph IRI and quads of a parsed file."""
    return source_quads(parsed, series, default_countries())
