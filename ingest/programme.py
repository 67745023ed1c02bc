"""The reader for programme tables and programme sections: ``| Time | Programme |`` rows, bold titles, people lines.

A programme page lists its sessions in a table, a row a slot: the time in the
first cell, and in the programme cell a bold title followed by people, one a
line ("Name, Title, Organisation", "Name (Title, Org)", "Moderator: Name, …",
"Featuring Name, …", "Name … [Host]"); a cell can hold several sessions split
by blank lines. Outside tables, a bold paragraph opens a session and role
labels ("**Panellists:**", "Speakers:", "### Guest of Honour") name the role of
the people listed after them. A time that leads a heading, a list item or a
line ("### 09:30 – 10:30 | Keynote", "- 13:00 : Welcome (Ann Lee)") opens a
session too (``ingest.agenda`` cuts the time, title and people apart); a table
with a "Speakers" (or "Who") column takes its people from it, split at ``<br>`` and
``;``. A time printed alone and then a heading ("09:00–10:00", "### Title") opens a
session too, and a list of people right under a timed session joins it; any other
heading opens a session that the labelled people lines under it join, dated and
timed by a ``<time datetime>`` under it. Day headings ("## Day One – Wednesday,
May 15", a table header "DAY 2 MORNING WED, 3 OCT 2018", "### Day 2:") set the date;
the page's "Date: …" line, else its file name or front matter, dates the rest ("Day 2" counts from the
edition's first day, but a page's one day heading is the page's own date). A table of people under a
session ("| Speaker | Position | Organisation |") gives that session its people (``ingest.column_table``).

Markdown is rendered with markdown-it (pipe tables included), then every page
is read as HTML with selectolax, walking into ``<main>``, ``<section>`` and other
containers; a session that names nobody is left out.

>>> [(d.title, d.role, [p.name for p in d.people]) for d in cell_sessions(
...     [Line("Opening Address", "Opening Address"), Line("Ann Lee, CEO, Acme"), Line(""),
...      Line("Panel: Data", "Panel: Data"), Line("Bo Chan, CTO, Beta"), Line("Moderator: Cy Dee, Editor, Daily")],
...     None, "2:00pm", None)]
[('Opening Address', 'Opening Address', ['Ann Lee']), ('Panel: Data', 'Panel', ['Bo Chan', 'Cy Dee'])]
"""

from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest import agenda, person_line
from ingest.read import PAGE_SUFFIXES
from ingest.cards import first_day, options_of
from ingest.html_page import Line, Lines, page_tree, text
from ingest.profile import Settings
from ingest.programme_blocks import _block
from ingest.programme_days import _HEADINGS, dated, day_numbers
from ingest.programme_lists import _as_list, _list
from ingest.programme_page import Options, Page, _open
# people_of stays importable from here (tests/test_people_lines*.py)
from ingest.programme_sessions import Draft, _session_role, _title, cell_sessions, people_of, sessions
from ingest.programme_tables import _people_table, _table
from ingest.reader_options import checked
from ingest.record_dates import path_year
from ingest.records import Document, Note, Parsed
from ingest.roles import role_of

NAME = "programme"
SUFFIXES = PAGE_SUFFIXES  # Markdown pages (MDX and Markdoc too) and HTML pages


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first bad option of a ``programme`` part."""
    opts = options_of(Options, options)
    if opts.markup not in ("auto", "html", "markdown"):
        raise ValueError(f"markup must be \"auto\", \"html\" or \"markdown\", not {opts.markup!r}")
    if opts.default_date and first_day(opts.default_date) is None:
        raise ValueError(f"default_date {opts.default_date!r} is no date — write it as \"2024-05-14\"")


# --- the page -----------------------------------------------------------------------------


def read(doc: Document, countries=None, settings: Settings | None = None, **options) -> Parsed:
    """The sessions of a programme page, each with the people it names."""
    opts = options_of(Options, checked(doc.path, NAME, check, options))
    settings = settings or Settings()
    parsed = Parsed(doc=doc, reader=NAME)
    tree = page_tree(doc, opts.markup)
    event, own = dated(doc, tree, opts, settings)
    days = day_numbers(tree)
    page = Page(event=event, year=settings.year or (event.year if event else None) or path_year(doc.path), day=event,
                title=str(doc.meta.get("title") or "").strip() or None, own_day=own and len(days) == 1,
                day_headings=len(days), path=doc.path, lines=Lines(doc))
    with person_line.unread_lines(doc) as unread:  # role lines that named nobody: noted, not dropped unsaid
        walk(tree, page, opts)
    parsed.notes += unread + page.notes
    if page.event is None and any(d.day is None and (d.people or d.rows) for d in page.drafts):
        parsed.notes.append(Note(doc.path, None, "skipped-file",
                                 f"programme page prints no {opts.date_label!r} line, day heading or dated file name — "
                                 "skipped; give default_date = \"YYYY-MM-DD\" in the profile's [[parts]]"))
        return parsed
    parsed.sessions = sessions(doc, page.drafts, settings, opts)
    lines = Lines(doc)
    for clock in page.unread_times:
        parsed.notes.append(Note(doc.path, lines.of(clock), "bad-time",
                                 f"time {clock!r} is not a time speakergraph reads — its session keeps only its date "
                                 "(times read: 09:00–10:30, 9.00am–10.30am, 14h00, 0900–1030hrs)"))
    if not parsed.sessions:
        hint = f"; {page.hints[0]}" if page.hints else ""
        parsed.notes.append(Note(doc.path, None, "skipped-file",
                                 f"no programme session names a person — skipped{hint}"))
    return parsed


def walk(tree: LexborHTMLParser, page: Page, opts: Options) -> None:
    """Read the page's blocks in document order: headings, tables, paragraphs, lists, wherever they sit."""
    if tree.body is not None:
        _walk(tree.body, page, opts)


_CONTAINERS = {"main", "section", "article", "div", "header", "footer", "aside", "details", "blockquote", "figure",
               "center", "nav", "form"}
_INSIDE = ", ".join(sorted(_HEADINGS | _CONTAINERS | {"table", "p", "ul", "ol", "dl"}))


def _walk(parent: LexborNode, page: Page, opts: Options) -> None:
    """The blocks under ``parent``: containers (``<main>``, ``<section>``, a ``<div>`` of blocks) are walked into,
    a table is read once as a table, loose text between blocks is read as a paragraph."""
    loose: list[LexborNode] = []
    for node in parent.iter(include_text=True):
        tag = node.tag
        if tag not in _HEADINGS and tag not in _CONTAINERS and tag not in ("table", "p", "ul", "ol", "dl"):
            loose.append(node)
            continue
        _loose(loose, page, opts)
        loose = []
        if tag in _HEADINGS:
            _heading(node, page)
        elif tag == "table":
            if not _people_table(node, page, opts):
                page.open = None
                _table(node, page, opts)
        elif tag in _CONTAINERS and node.css_first(_INSIDE) is not None:
            _walk(node, page, opts)
        elif tag in ("ul", "ol") and opts.blocks:
            _list(node, page)
        elif tag == "dl" and opts.blocks:
            _list(_as_list(node), page)
        elif opts.blocks:
            _block(node, page)
    _loose(loose, page, opts)


def _loose(nodes: list[LexborNode], page: Page, opts: Options) -> None:
    """Text and inline tags between blocks inside a container, read as one paragraph."""
    if opts.blocks and nodes and nodes[0].parent is not None and nodes[0].parent.tag != "body" \
            and "".join(n.text() for n in nodes).strip():
        _block(agenda.fragment(nodes), page)


def _heading(node: LexborNode, page: Page) -> None:
    """A day heading sets the date, a role heading the role; a heading led by a time, or printed right after a time
    printed alone, opens a session; a heading right under a time heading whose session has no people yet gives that
    session its title; any other heading opens a session that the labelled people printed under it join."""
    printed = text(node).strip(" :")
    level = int(node.tag[1])
    timed = agenda.heading_time(printed)
    day = page.day_of(printed)
    pending, page.pending = page.pending, None
    if timed and not day:
        _open_timed(page, timed[0], timed[1], page.day, level)
        return
    if pending and not day:  # "09:00–10:00" printed alone, then this title
        _open_timed(page, pending[0], printed, pending[1] or page.day, level)
        return
    role_heading = len(printed) < 40 and role_of(printed) and not _TITLED.match(printed)
    if page.open is not None and page.timed_level is not None and level > page.timed_level \
            and not page.open.people and not role_heading and not day:  # "Keynote: Title" titles it, "Speakers" not
        page.open.title, page.open.role = _title(printed), _session_role(printed, None)
        return
    if page.open is not None and page.heading_level is not None and level > page.heading_level and role_heading \
            and not day:
        page.open.label = printed  # "<h1>Title</h1>, its date, <h3>Speakers</h3>": the people of that session
        return
    page.open, page.timed_level = None, None
    if day:
        page.day = day
        return
    if role_heading:
        page.role = printed
        return
    page.role = None
    _open(page, Draft(_title(printed), page.day, None, _session_role(printed, None)))
    page.heading_level = level


def _open_timed(page: Page, clock: str, title: str, day: date | None, level: int) -> None:
    page.role = None
    _open(page, Draft(_title(title), day, clock, _session_role(title, None)), level)
    page.heading_level = level


_TITLED = re.compile(r"^[^:\u2013\u2014]+?(?::|\s[\u2013\u2014-])\s*\w")  # "Fireside Chat: Salvage" is no role heading
