"""The registry of readers (the parts a profile composes), detection, and the read of one file.

A reader is a module with ``NAME``, ``read(doc, countries, **options) -> Parsed``
(taking ``settings`` too when it names that parameter) and optionally:

* ``SUFFIXES``: the file suffixes it reads (default: Markdown pages);
* ``detect(doc) -> bool``: the file is unmistakably of its format;
* ``SELECTIVE = True``: a file format (``schedule.xml``, a pretalx export): when detected, it reads the
  files it recognises, whatever reads the folder's pages;
* ``check(options)``: raises ``ValueError`` naming a bad option;
* ``ONE_SESSION = True``: a page is one session (``sicw``): a page of several timed headings or lines is
  never its;
* ``EXPECTS``: what its format prints of a person beside the name, of ``("organisation", "country")``
  (default both): a schedule export prints neither, so a row without them is no note.

Which reader reads a file of a folder (see docs/sites.md):

1. the first ``[[parts]]`` entry of the profile whose ``files`` match it;
2. else the ``reader`` the profile names, or whose options table it has (``[site.frontmatter]``);
3. else detection: a file a selective reader recognises goes to that reader; the folder's pages go to
   the page reader that recognises the most of them (of the first ``VOTES`` recognised); a folder no
   reader recognises is refused, with the reason and what to run next — nothing is guessed.

A page whose sessions each open with their time (``timetable``) is a programme of several sessions:
``programme`` recognises it (it has no ``detect`` of its own: it reads many shapes, and this is the one
that is unmistakable). A reader of one session a page never takes a page of several timed headings or
lines, whatever else it holds; a table of times may be a session page's own run-of-show.

>>> time_slots("## Day 1\\n\\n### 10:00–11:30 | Opening Segment\\n\\n**11:45 – 13:00** Panel: Data\\n")
(2, 0)
>>> time_slots("**15 October 2024**\\n\\n*Time: 4.00pm to 5.30pm (GMT +8)*\\n\\n| **Moderator** | |\\n")
(0, 0)
>>> time_slots("| Time | Session |\\n|---|---|\\n| 09:00 | Welcome |\\n| 9.30am | Keynote |\\n")
(0, 2)
"""

from __future__ import annotations

import importlib
import inspect
import re
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path

import pyoxigraph as ox

from graph.errors import IngestError
from graph.ids import slugify
from ingest.countries import default_countries
from ingest.markdown import line_text, parse_blocks
from ingest.normalize import EXPECTED, normalize
from ingest.read import MARKDOWN_SUFFIXES, PAGE_SUFFIXES as ALL_PAGES, parse_document
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
PAGE_SUFFIXES = MARKDOWN_SUFFIXES  # Markdown pages, MDX and Markdoc ones too
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
    """The first reader (selective file formats, or page readers) whose ``detect`` accepts ``doc``; a page of
    several timed headings or lines is never a one-session reader's."""
    for name in READERS:
        mod = module(name)
        accepts = getattr(mod, "detect", None) or _SHAPES.get(name)
        if accepts is None or bool(getattr(mod, "SELECTIVE", False)) != selective or doc.suffix not in suffixes(name):
            continue
        if getattr(mod, "ONE_SESSION", False) and time_slots(doc.body, doc.body_line)[0] >= 2:
            continue
        if accepts(doc):
            return name
    return None


def unwalked(parts, walked: tuple[str, ...]) -> list[tuple[int, str, str]]:
    """``(part number, pattern, suffix)`` of each ``files`` pattern of a profile's parts that names a type of file
    never walked (``walked``: the suffixes read), so that its part reads nothing of those files.

    >>> from ingest.profile import Part
    >>> unwalked([Part(("src/**/*.astro", "a/*.md"), "cards"), Part(("*.{mdx,vue}",), "frontmatter")], ("md", "mdx"))
    [(1, 'src/**/*.astro', 'astro'), (2, '*.{mdx,vue}', 'vue')]
    """
    out = []
    for n, part in enumerate(parts, start=1):
        for pattern in part.files:
            last = pattern.rsplit("/", 1)[-1]
            m = re.search(r"\.(?:\{([\w,]+)\}|(\w+))$", last)
            names = (m.group(1) or m.group(2)).split(",") if m else []
            out += [(n, pattern, name.lower()) for name in names if name.lower() not in walked]
    return out


def unwalked_note(n: int, pattern: str, suffix: str) -> str:
    """What to say of a part's ``files`` pattern that names files no reader reads."""
    return (f"[[parts]] number {n}: files {pattern!r} names .{suffix} files, a type speakergraph never reads — "
            f"nothing of them is read; name the pages the site is built from (Markdown, MDX, HTML) or its data files")


VOTES = 12  # pages recognised that settle a folder's page reader: a stray page of another shape is outvoted


def page_reader(votes: dict[str, int]) -> str | None:
    """The page reader that recognised the most of a folder's pages (``votes``: reader -> pages); a tie goes
    to the reader listed first, whose format is the more particular.

    >>> page_reader({"programme": 1, "sicw": 11}), page_reader({"programme": 1, "sicw": 1}), page_reader({})
    ('sicw', 'sicw', None)
    """
    order = list(READERS)
    return min(votes, key=lambda name: (-votes[name], order.index(name)), default=None)


def timetable(doc: Document) -> bool:
    """True for a page of several sessions, each led by its time: two headings, lines, list items or table rows
    or more that open with a time and go on with a title ("### 10:00–11:30 | Opening Segment",
    "**11:45 – 13:00** Panel: …", "- 13:00 : Welcome", "| 09:00 | Keynote |")."""
    from ingest import jsx_html

    body = jsx_html.as_html(doc.body) if doc.suffix == "mdx" and jsx_html.has_components(doc.body) else doc.body
    return sum(time_slots(body, doc.body_line)) >= 2


@lru_cache(maxsize=64)  # a page is asked by each reader in turn
def time_slots(body: str, first: int = 1) -> tuple[int, int]:
    """The headings, lines and list items of a Markdown body that open with a time and a title, and its table rows
    that do (a time cell, then the session's: "| 09:00 | Keynote |"). A session page may print its own
    run-of-show in a table; timed headings and lines are sessions of their own."""
    from ingest.agenda import time_lead  # the agenda's own reading of a time; imported here to keep start-up light

    def slot(text: str, alone: bool = False) -> bool:
        lead = time_lead(text)
        return lead is not None and bool(lead[1]) != alone

    lines = rows = 0
    under_heading = False
    for block in parse_blocks(body, first):
        if block.kind == "paragraph" and under_heading and block.lines and _dated_time(line_text(block.lines[0])):
            lines += 1  # "## Opening segment" over "**Monday, 3 June 2024, 10:00–11:00**": a session's time under it
        under_heading = block.kind == "heading"
        if block.kind in ("heading", "paragraph"):
            lines += sum(slot(line_text(line)) for line in block.lines)
        for row in block.rows:
            cells = [cell.text for cell in row.cells if cell.text]
            rows += len(cells) > 1 and slot(cells[0], alone=True)
    return lines, rows


def _dated_time(text: str) -> bool:
    """A line printing a time range alone, maybe after its day: "**Monday, 3 June 2024, 10:00–11:00**".

    >>> _dated_time("**Monday, 3 June 2024, 10:00–11:00**"), _dated_time("10:00 - 11:30"), _dated_time("Intro 10:00")
    (True, True, False)
    >>> _dated_time("**Monday, 3 June 2024, 13:15–14:45** · Room XXIV")
    True
    >>> _dated_time("Wednesday, November 5, 2025 | 10:00 – 11:30 am EST"), _dated_time("Monday 9:00 – 10:00 pm Ann Lee")
    (True, False)
    """
    from ingest.agenda import _CLOCK, _RANGE

    # a room may follow it: "**Monday, 3 June 2024, 13:15–14:45** · Room XXIV"
    m = re.search(rf"(?:^|[\s,*_])({_CLOCK})\s*{_RANGE}\s*({_CLOCK})(?:\s*[ap]\.?\s?m\b\.?)?(?:\s+\(?(?-i:[A-Z]{{2,5}})"
                  rf"(?:[+-]\d{{1,2}})?\)?)?[\s*_.]*(?:[·|,]\s*[^:;.!?]{{1,40}})?$", text, re.I)
    return m is not None and len(text[:m.start()].split()) <= 5 and not re.search(r"[:;!?]", text[:m.start()])


_SHAPES = {"programme": timetable}  # readers without a detect of their own, by the page shape that is theirs


def head(folder: Path, path: Path) -> Document | None:
    """The file parsed for detection: a page's head, a data file whole (``None`` when unreadable)."""
    if not path.is_file():  # a FIFO named x.md would block the open forever
        return None
    try:
        with open(path, "rb") as fh:
            page = path.suffix.lower().lstrip(".") in ALL_PAGES
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
    for (name, _), other in zip(found[1:], more):  # a file that two parts name: what each part read, in order
        parsed.notes += [_read_twice(doc.path, name, s) for s in other.sessions if _same_session(s, parsed.sessions)]
        parsed.sessions += other.sessions
        parsed.speakers += other.speakers
        parsed.notes += other.notes
    return parsed


def _same_session(session, earlier) -> bool:
    """True when an earlier part of the profile read ``session`` already: the same day, and the same title or
    most of its people (two or more, at the same time when both print one: a session's chair who is the only
    speaker of a talk in it is two sessions, as an Indico timetable nests them).

    >>> from datetime import date
    >>> from ingest.records import Row, SessionPage
    >>> def s(title, *names):
    ...     return SessionPage("p.html", title, None, date(2025, 5, 6), rows=[Row(1, "speaker", n, None) for n in names])
    >>> _same_session(s("Panel: Trust", "Ann Lee", "Bo Chen"), [s("Panel — Trust", "Ann Lee")])
    True
    >>> _same_session(s("Lunch talk", "Ann Lee", "Bo Chen"), [s("Panel", "Bo Chen", "Ann Lee", "Cy Dow")])
    True
    >>> _same_session(s("Workshop", "Ann Lee", "Bo Chen"), [s("Panel", "Ann Lee", "Cy Dow", "Di Eng")])
    False
    >>> _same_session(s("Talk: Rivers", "Ann Lee"), [s("Session 2: Water", "Ann Lee")])
    False
    """
    names = {r.printed_name for r in session.rows}
    for before in earlier:
        if before.date != session.date:
            continue
        if slugify(before.title or "") == slugify(session.title or ""):
            return True
        shared = names & {r.printed_name for r in before.rows}
        same_time = not (before.start and session.start) or before.start == session.start
        if len(names) > 1 and 2 * len(shared) > len(names) and same_time:
            return True
    return False


def _read_twice(path: str, part: str, session) -> Note:
    return Note(path, None, "read-twice",
                f"the {part} part reads session {session.title!r} of {session.date} again, after an earlier part of "
                "the profile: its people are counted twice — give this file to one part (narrow the "
                "other part's `files`)")


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
