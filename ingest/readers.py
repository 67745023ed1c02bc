"""The registry of readers (the parts a profile composes), detection, and the read of one file.

A reader is a module with ``NAME``, ``read(doc, countries, **options) -> Parsed``
(taking ``settings`` too when it names that parameter) and optionally:

* ``SUFFIXES``: the file suffixes it reads (default: Markdown pages);
* ``detect(doc) -> bool``: the file is unmistakably of its format;
* ``SELECTIVE = True``: a file format (``schedule.xml``, a pretalx export): when detected, it reads the
  files it recognises, whatever reads the folder's pages;
* ``check(options)``: raises ``ValueError`` naming a bad option;
* ``EXPECTS``: what its format prints of a person beside the name, of ``("organisation", "country")``
  (default both): a schedule export prints neither, so a row without them is no note.

Which reader reads a file of a folder (see docs/sites.md):

1. the first ``[[parts]]`` entry of the profile whose ``files`` match it;
2. else the ``reader`` the profile names, or whose options table it has (``[site.frontmatter]``);
3. else detection: a file a selective reader recognises goes to that reader; the folder's pages go to
   the first page reader that recognises one of them; a folder no reader recognises is refused,
   with the reason and what to run next — nothing is guessed.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import replace
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from graph.errors import IngestError
from ingest.countries import default_countries
from ingest.normalize import EXPECTED, normalize
from ingest.read import parse_document
from ingest.profile import zone
from ingest.records import Document, Note, Parsed
from ingest.names import site_honorifics
from ingest.roles import site_roles
from ingest.triples import source_quads

# name -> module; the order is the order of detection
READERS = {
    "frab": "ingest.frab",
    "pretalx": "ingest.pretalx",
    "sessionize": "ingest.sessionize",
    "ical": "ingest.ical",
    "jsonld": "ingest.jsonld",
    "frontmatter": "ingest.frontmatter_site",
    "sicw": "ingest.sicw",
    "cards": "ingest.cards",
    "programme": "ingest.programme",
    "records": "ingest.datarecords",
}
PAGE_SUFFIXES = ("md", "markdown")
DETECT_BYTES = 64 * 1024  # front matter sits at the top: detecting a page reads no further


@cache
def module(name: str):
    """The reader module registered under ``name``; ``KeyError`` when there is none."""
    return importlib.import_module(READERS[name])


def suffixes(name: str) -> tuple[str, ...]:
    """The file suffixes a reader reads."""
    return tuple(getattr(module(name), "SUFFIXES", PAGE_SUFFIXES))


def check(name: str, options: dict, where: str, label: str) -> None:
    """Raise ``IngestError`` when ``name`` is no reader or ``options`` are not its options."""
    if name not in READERS:
        raise IngestError(where, f"{label}: unknown reader {name!r} — use one of {', '.join(sorted(READERS))}")
    options = dict(options)
    if (tz := options.pop("timezone", None)) is not None:  # any part: the zone of its times that print none
        try:
            zone(str(tz))
        except ValueError as exc:
            raise IngestError(where, f"{label}: timezone {tz!r}: {exc} — see docs/sites.md") from None
    validate = getattr(module(name), "check", None)
    if validate is None or not options:
        return
    try:
        validate(options)
    except ValueError as exc:
        raise IngestError(where, f"{label}: {exc} — see docs/sites.md") from None


def detect_file(doc: Document, selective: bool) -> str | None:
    """The first reader (selective file formats, or page readers) whose ``detect`` accepts ``doc``."""
    for name in READERS:
        mod = module(name)
        accepts = getattr(mod, "detect", None)
        if accepts is None or bool(getattr(mod, "SELECTIVE", False)) != selective:
            continue
        if doc.suffix in suffixes(name) and accepts(doc):
            return name
    return None


def head(folder: Path, path: Path) -> Document | None:
    """The file parsed for detection: a page's head, a data file whole (``None`` when unreadable)."""
    if not path.is_file():  # a FIFO named x.md would block the open forever
        return None
    try:
        with open(path, "rb") as fh:
            page = path.suffix.lower().lstrip(".") in PAGE_SUFFIXES + ("html", "htm")
            data = fh.read(DETECT_BYTES if page else 20 * 1024 * 1024)
        if page and len(data) == DETECT_BYTES:
            data = data[: data.rfind(b"\n") + 1]  # no character cut in half
        return parse_document(path.relative_to(folder).as_posix(), data)
    except IngestError:
        return None if page else _unparsed(folder, path, data)
    except (OSError, ValueError, RecursionError):
        return None


def _unparsed(folder: Path, path: Path, data: bytes) -> Document | None:
    """A broken data file as text only: a file format may still recognise it, and reading it then says why."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return Document(path=path.relative_to(folder).as_posix(), sha256="", meta={}, body=text, body_line=0)


def read(doc: Document, site) -> Parsed:
    """Parse and normalize ``doc`` with the reader the site gives it."""
    found = site.readers_for(doc.path)
    if not found:
        parsed = Parsed(doc=doc, reader="none")
        parsed.notes.append(Note(doc.path, None, "skipped-file", "no reader of this site reads this file — skipped"))
        return parsed
    parsed, *more = [_read_with(name, options, doc, site) for name, options in found]
    for other in more:  # a file that two parts name: what each part read, in the profile's order
        parsed.sessions += other.sessions
        parsed.speakers += other.speakers
        parsed.notes += other.notes
    return parsed


def _read_with(name: str, options: dict, doc: Document, site) -> Parsed:
    countries = default_countries()
    from ingest import tidy  # tidy uses the settings; imported here to keep start-up light

    options = dict(options)
    settings = site.settings
    if (tz := options.pop("timezone", None)) is not None:  # a part's own zone: an edition held elsewhere
        settings = replace(settings, timezone=str(tz))
    # the profile's role words and honorifics are role words and honorifics while its files are read
    with site_roles(settings.roles), site_honorifics(settings.honorifics):
        parsed = _call(module(name), doc, countries, settings, options)
        tidy.tidy(parsed, settings)
        return normalize(parsed, site.series, site.series_name, countries, roles=site.settings.roles,
                         expects=tuple(getattr(module(name), "EXPECTS", EXPECTED)))


def _call(mod, doc: Document, countries, settings, options: dict) -> Parsed:
    if _takes_settings(mod.read):
        return mod.read(doc, countries, settings=settings, **options)
    return mod.read(doc, countries, **options)


@cache
def _takes_settings(fn) -> bool:
    return "settings" in inspect.signature(fn).parameters


def to_quads(parsed: Parsed, series: str, graph: str | None = None) -> tuple[str, list[ox.Quad]]:
    """The graph IRI and quads of a parsed file (written into ``graph`` when given)."""
    return source_quads(parsed, series, default_countries(), graph)
