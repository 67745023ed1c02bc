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

import functools
import re
from collections import Counter
from urllib.parse import urljoin, urlsplit
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser, LexborNode

from graph.ids import fold, slugify
from ingest import agenda, column_table, person_line, times
from ingest.body_people import DAY_MONTH
from ingest.cards import clean_time, first_day, options_of, reads_as_time
from ingest.times import file_date
from ingest.html_page import Line, Lines, groups, node_lines, page_tree, permalink, text
from ingest.people_text import label_only, role_prefix, split_names, unglue
from ingest.person_line import Person, read_people
from ingest.prose_people import prose_people
from ingest.names import split_name
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person
from ingest.profile import Settings
from ingest.reader_options import checked
from ingest.record_dates import path_year
from ingest.records import Document, Note, Parsed, Row, SessionPage
from ingest.roles import role_of, role_of_title
from ingest.tidy import is_break, not_a_person

NAME = "programme"
SUFFIXES = ("md", "markdown", "html", "htm")


@dataclass(frozen=True)
class Options:
    """Where a programme page keeps its sessions (see docs/sites.md, "Programme tables")."""

    markup: str = "auto"  # "auto" (HTML when the body is: ingest.html_page.page_tree), "html" or "markdown"
    time_column: str = "time"  # the header of the time column
    programme_column: str = ""  # the header of the session column; default: the column after the time
    blocks: bool = True  # also read sessions outside tables (bold titles, role labels, people lists)
    role_label: str = "Speaker"  # the role of people printed under no role word
    default_date: str = ""  # the date of a page that prints none ("2024-05-14"), before its file name
    date_label: str = "date"  # the label of the page's date line ("Date: 28 May 2019")


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first bad option of a ``programme`` part."""
    opts = options_of(Options, options)
    if opts.markup not in ("auto", "html", "markdown"):
        raise ValueError(f"markup must be \"auto\", \"html\" or \"markdown\", not {opts.markup!r}")
    if opts.default_date and first_day(opts.default_date) is None:
        raise ValueError(f"default_date {opts.default_date!r} is no date — write it as \"2024-05-14\"")


# --- sessions -----------------------------------------------------------------------------


@dataclass
class Draft:
    """A session being read: title, day, times, role and people."""

    title: str
    day: date | None
    time_label: str | None = None
    role: str | None = None
    people: list[Person] = field(default_factory=list)
    label: str | None = None  # a role label printed inside the session ("Speakers:")
    room: str | None = None  # the column of a schedule grid (its header: the room)
    link: str | None = None  # the site page its title links to (the talk's own page): its address
    rows: list[Row] = field(default_factory=list)  # people of a table under it ("| Speaker | Position | Country |")


_QUOTED = re.compile(r"[“\"](?P<title>[^”\"]{3,})[”\"]")
_DASH = re.compile(r"\s*[\u2013\u2014]\s*|\s+-\s+")
_FROM = re.compile(r"^(?P<title>.{3,60}?)\s+(?:from|by)\s+(?P<rest>.+)$")


def cell_sessions(lines: list[Line], day: date | None, time_label: str | None, role: str | None) -> list[Draft]:
    """The sessions of one programme cell: each opens with a bold title, or is a one-line
    "Label–Name (Title, Org)“Talk”" or "Talk from Title, Name"."""
    drafts: list[Draft] = []
    for group in groups(lines):
        first = group[0]
        if first.bold and not looks_like_name(first.bold) and not label_only(first.bold):
            drafts.append(Draft(_title(first.bold), day, time_label, _session_role(first.bold, role)))
            rest = first.text[len(first.bold):].strip(" –—-:")
            people_lines = ([Line(rest)] if rest else []) + group[1:]
        elif not drafts:
            draft, people_lines = _inline_session(group, day, time_label, role)
            drafts.append(draft)
        else:
            people_lines = group
        drafts[-1].people += people_of(people_lines, drafts[-1].role)
    return drafts


def people_of(lines: list[Line], role: str | None) -> list[Person]:
    """The people of a run of lines (``read_people``), with a role printed after a person ("… (Moderator)"), several
    bracketed people in one line ("Panelists: A (Org), B (Org)") and "Name (Org)" read as an organisation."""
    found = read_people(agenda.split_labelled([agenda.role_suffix(ln) for ln in lines]), role)
    for person in found:
        person.positions = agenda.bracket_organisation(person.line, person.positions)
    return found


def _inline_session(group: list[Line], day, time_label, role) -> tuple[Draft, list[Line]]:
    """A session whose title is not bold: the people may sit in the same line as the title."""
    printed = group[0].text
    quoted = _QUOTED.search(printed)
    plain = _QUOTED.sub(" ", printed).strip() if quoted else printed
    dash = _DASH.search(plain)
    title_first = False
    if dash:  # "Keynote–Jane Doe (CTO, Acme)“Talk”"
        lead, rest = plain[:dash.start()], [plain[dash.end():]]
    elif (m := _FROM.match(plain)) and role_of(m.group("title")):  # "Opening Remarks from Acme's CEO, Jane Doe"
        lead, rest, title_first = m.group("title"), [m.group("rest")], True
    elif quoted:  # "Panel Discussion“Talk”Jane Doe (…) [Host]Bo Chan (…)"
        lead, rest = printed[:quoted.start()], [printed[quoted.end():]]
    else:  # "In Conversation with Dr Jane Doe (Minister)Moderator: Bo Chan, CEO, Acme"
        pieces = unglue(plain)
        lead, rest = pieces[0], pieces[1:]
    label = lead.strip() if role_of(lead) and len(lead) < 40 else None
    talk = quoted.group("title").strip() if quoted else None
    draft = Draft(_title(talk or lead.strip() or printed), day, time_label, label or role)
    lines = [Line(p) for r in rest for p in unglue(r.strip()) if p]
    found = [p for p in people_of(lines, draft.role) if p.positions or p.label]
    if title_first and not found and rest:
        split = split_person(rest[0], reading=FREE_TEXT, title_first=True)
        found = [Person(split.name, split.positions, draft.role, rest[0], True)] if split.name else []
    if (m := re.search(r"\bwith\s+(?P<who>[A-Z][^()]+\([^()]+\))\s*$", lead)):  # "In Conversation with X (…)"
        found = [p for p in people_of([Line(m.group("who"))], draft.role) if p.positions] + found
    draft.people += found
    return draft, group[1:]


def _title(printed: str) -> str:
    """A session's title as printed, without the separators around it, quotes around all of it and a paper
    title's full stop.

    >>> _title('"Myths and misconceptions"'), _title("*Securing Models.*".strip("*")), _title("Q&A: Jane Doe")
    ('Myths and misconceptions', 'Securing Models', 'Q&A: Jane Doe')
    """
    title = re.sub(r"(?<=[^\W\d_]{4})\.$", "", printed.strip(" :–—-"))
    if len(title) > 2 and title[0] in "\"“«'" and title[-1] in "\"”»'" and not re.search("[\"“”«»]", title[1:-1]):
        title = title[1:-1].strip()
    return title


# --- the page -----------------------------------------------------------------------------


_DAY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "first": 1, "second": 2, "third": 3}
_DAY_N = re.compile(r"^\W*day\s+(?P<n>\d+|one|two|three|four|five|first|second|third)\b", re.I)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass
class Page:
    """What a page reader knows while walking a page: the event date and the current day and role."""

    event: date | None
    year: int | None
    day: date | None = None
    role: str | None = None
    drafts: list[Draft] = field(default_factory=list)
    open: Draft | None = None
    timed_level: int | None = None  # the level of the time heading that opened ``open``
    heading_level: int | None = None  # the level of the heading that opened ``open``
    pending: tuple[str, date | None] | None = None  # a time printed alone, waiting for the title printed after it
    title: str | None = None  # the page's own title (front matter): the session of people printed under no other
    hints: list[str] = field(default_factory=list)  # what the page prints that no session took
    unread_times: list[str] = field(default_factory=list)  # time cells of sessions read as no time
    own_day: bool = False  # ``event`` is the day of the page's one "Day N" heading, not the edition's first day
    day_headings: int = 0  # the "Day N" headings the page prints (its distinct N)
    path: str = ""
    lines: Lines | None = None  # line numbers of what the walk meets, in document order
    notes: list[Note] = field(default_factory=list)

    def day_of(self, printed: str) -> date | None:
        """The date a day heading names: a printed date, else for "Day N" the page's own date (``own_day``) or
        N - 1 days after the edition's first day; a weekday printed beside it that fits the other of those two
        dates gives that date (with a note).

        >>> Page(None, 2025).day_of("Day 1 – 14 May 2025"), Page(None, 2025).day_of("Day 2: 15 May")
        (datetime.date(2025, 5, 14), datetime.date(2025, 5, 15))
        >>> Page(date(2031, 3, 18), 2031).day_of("Day 2"), Page(date(2031, 3, 19), 2031, own_day=True).day_of("Day 2")
        (datetime.date(2031, 3, 19), datetime.date(2031, 3, 19))
        >>> Page(date(2031, 3, 19), 2031).day_of("Day 2 — Wednesday")  # 19 March 2031 is a Wednesday
        datetime.date(2031, 3, 19)
        """
        m = _DAY_N.match(printed)
        dated = printed[m.end():] if m and re.search(r"\d", printed[m.end():]) else printed  # "1 – 14 May" no range
        found = first_day(dated, self.year) if re.search(r"\d", dated) else None
        if found:
            return found
        if not m or not self.event:
            return None
        n = m.group("n").lower()
        counted = self.event + timedelta(days=(int(n) if n.isdigit() else _DAY_WORDS[n]) - 1)
        day, other = (self.event, counted) if self.own_day else (counted, self.event)
        return self._weekday_fit(printed, day, other)

    def _weekday_fit(self, printed: str, day: date, other: date) -> date:
        """``day``, or ``other`` when the heading's weekday fits it and not ``day`` — noted either way."""
        weekday = times.weekday(printed)
        if weekday is None or day.weekday() == weekday:
            return day
        heading = f"day heading {printed!r} prints a {_WEEKDAYS[weekday]}"
        if other.weekday() == weekday and self.day_headings <= 1:  # several: each counts from the first day
            self.note(printed, "date-corrected", f"{heading}, and the page's date gives {day.isoformat()}, a "
                      f"{_WEEKDAYS[day.weekday()]} — dated {other.isoformat()}, the {_WEEKDAYS[weekday]}; print "
                      "the date in the heading (\"Day 2 — Wednesday, 19 March 2031\") to settle it")
            return other
        self.note(printed, "date-mismatch", f"{heading}, but it is dated {day.isoformat()}, a "
                  f"{_WEEKDAYS[day.weekday()]} — that date is kept; print the date in the heading to settle it")
        return day

    def note(self, printed: str, kind: str, message: str) -> None:
        """A note on the line that prints ``printed``."""
        self.notes.append(Note(self.path, self.lines.of(printed) if self.lines else None, kind, message))


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


def event_date(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings) -> date | None:
    """The date of the page's event: its "Date: …" line, else the ``default_date`` option, the front matter,
    the file name."""
    return dated(doc, tree, opts, settings)[0]


def dated(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings) -> tuple[date | None, bool]:
    """``event_date``, and whether it is the page's own day (its date line printing one day, its front matter, its
    file name) rather than the first day of the edition (``default_date``, a date line printing a range of days):
    the day a lone "Day 2" heading names is the page's own day, but the day after a first day."""
    whole = text(tree.body) if tree.body is not None else ""
    year = settings.year or (file_date(doc.path) or date.min).year
    for m in re.finditer(rf"\b{re.escape(opts.date_label)}\s*:\s*(?P<value>.{{3,60}})", whole, re.I):
        found = first_day(m.group("value"), year if year > 1 else None)
        if found:
            return found, times.date_range(m.group("value"), found.year) is None
    if opts.default_date:
        return first_day(opts.default_date), False
    meta = doc.meta.get("date")
    if isinstance(meta, date):
        return meta, True
    found = file_date(doc.path)
    return found, found is not None


def day_numbers(tree: LexborHTMLParser) -> set[int]:
    """The days N of the "Day N" headings (bold paragraphs and one-cell table headers too) a page prints.

    >>> day_numbers(LexborHTMLParser("<h1>Day 2 – Wed</h1><h2>Day two</h2><table><tr><th>Day 3</th></tr></table>"))
    {2, 3}
    >>> day_numbers(LexborHTMLParser("<p><b>Day 1 (9 Feb)</b></p><p><b>Day 4</b> was cancelled</p>"))
    {1}
    """
    heads = [text(h) for h in tree.css(", ".join(sorted(_HEADINGS)))]
    heads += [text(p) for p in tree.css("p") if (b := p.css_first("strong, b")) is not None and text(b) == text(p)]
    for tr in tree.css("tr"):
        cells = [c for c in tr.iter() if c.tag in ("td", "th")]
        if len(cells) == 1 and cells[0].tag == "th":
            heads.append(text(cells[0]))
    found = {m.group("n").lower() for h in heads if (m := _DAY_N.match(h))}
    return {int(n) if n.isdigit() else _DAY_WORDS[n] for n in found}


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
    if page.open is not None and page.timed_level is not None and level > page.timed_level \
            and not page.open.people and not role_of(printed) and not day:
        page.open.title, page.open.role = _title(printed), _session_role(printed, None)
        return
    role_heading = len(printed) < 40 and role_of(printed) and not _TITLED.match(printed)
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


def _open(page: Page, draft: Draft, level: int | None = None) -> None:
    page.drafts.append(draft)
    page.open, page.timed_level = draft, level


def _list(node: LexborNode, page: Page) -> None:
    """A list: an agenda when an item opens with a time (each such item a session, nested items sessions of
    their own), else people or a session as any block."""
    items = [li for li in node.iter() if li.tag == "li"]
    if not any(agenda.time_lead(text(agenda.own(li)[0])) for li in items):
        talks = [_item_session(agenda.own(li)[0], page) for li in items]
        if not items or sum(t is not None for t in talks) * 2 < len(items):
            _block(node, page)
            return
        for li, talk in zip(items, talks):  # a list of talks: "**Title** — Name (Org)", "*Title.* A (Org), B (Org)"
            if talk is not None:
                _open(page, talk)
            else:
                _block(agenda.own(li)[0], page)
        return
    for li in items:
        own, nested = agenda.own(li)
        if agenda.struck(own):
            page.open = None  # a cancelled talk, and the people under it
        else:
            _block(own, page)
        for sub in nested:
            _list(sub, page)


def _item_session(node: LexborNode, page: Page) -> Draft | None:
    """A list item printing a talk without a time: a bold title then its people ("**Title** — [Ann Lee](…)
    (Acme)"), or an italic or quoted title beside them ("*Title.* Ann Lee (Univ A) and Bo Chan (Lab B)",
    "Ann Lee, Acme: *Title*"); ``None`` for any other item (a person, a label, a line of text)."""
    lines = [ln for ln in node_lines(node) if ln.text]
    if not lines or page.day is None:
        return None
    first = lines[0]
    bold = first.bold.strip(" :")
    if bold and first.text.startswith(first.bold) and not looks_like_name(bold) and not role_of(bold) \
            and not label_only(first.bold) and (rest := first.text[len(first.bold):].strip(" —–-:|,")):
        people = agenda.named(agenda.people_strings(rest))
        if people:
            return Draft(_title(bold), page.day, None, _session_role(bold, page.role),
                         people=people + people_of(lines[1:], None))
    if bold and looks_like_name(bold):
        return None  # "**Prof. Ivo Marek**, Chair, University *(Moderator)*": a person of the open session
    emphasis = [e for e in (text(e) for e in node.css("em, i")) if not role_of(e.strip("() :"))]
    if emphasis or agenda.has_quote(first.text):
        title, found = agenda.item_parts(first.text, [text(a) for a in node.css("a")], emphasis)
        people = agenda.named(found)
        if people and title and title != first.text.strip() and not role_of(title.strip("() :")):
            return Draft(_title(title), page.day, None, _session_role(title, page.role), people=people)
    label, rest = role_prefix(first.text)
    if label and agenda.is_group(label) and (people := agenda.named(agenda.people_strings(first.text))):
        return Draft(_title(label), page.day, None, _session_role(label, page.role), people=people)  # "Panel: A, B"
    return None


def _as_list(node: LexborNode) -> LexborNode:
    """A definition list as a list whose items are each term with the descriptions after it, one a line:
    ``<dt>Dr Eva Lind</dt><dd>Lead, CERT.XY</dd>`` reads as the item "Dr Eva Lind / Lead, CERT.XY" (a name, then
    its position), ``<dt>09:00</dt><dd>Opening</dd>`` as a timed item.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> dl = LexborHTMLParser("<dl><dt>Ann Lee</dt><dd>CTO, Acme</dd><dt>Bo Chan</dt><dd>Lead</dd></dl>").css_first("dl")
    >>> [li.html for li in _as_list(dl).css("li")]
    ['<li>Ann Lee<br>CTO, Acme</li>', '<li>Bo Chan<br>Lead</li>']
    """
    items: list[list[str]] = []
    for child in node.iter():
        if child.tag == "dt" or (child.tag == "dd" and not items):
            items.append([])
        if child.tag in ("dt", "dd"):
            items[-1].append(child.inner_html or "")
    html = "".join(f"<li>{'<br>'.join(parts)}</li>" for parts in items)
    return LexborHTMLParser(f"<ul>{html}</ul>").css_first("ul")


def _block(node: LexborNode, page: Page) -> None:
    """A paragraph, list or list item outside tables: lines led by a time open sessions; the rest is read as
    a bold title, role labels and people."""
    if _datetimes(node, page):
        return
    lines = _block_lines(node)
    if not lines:
        return
    cuts = [i for i, ln in enumerate(lines) if agenda.time_lead(ln.text)] + [len(lines)]
    if cuts[0]:
        _untimed(node, lines[:cuts[0]], page)
    for start, end in zip(cuts, cuts[1:]):
        _timed(node, lines[start:end], page)


def _block_lines(node: LexborNode) -> list[Line]:
    """The printed lines of a block; in a list, an item printing a name alone on its first line and its position on
    the lines below ("Ann Lee", then "Incident Handler, CERT.XY") is one line ("Ann Lee, Incident Handler, CERT.XY"):
    read line by line, "Incident Handler, CERT.XY" would be a second person."""
    if node.tag not in ("ul", "ol"):
        return [ln for ln in node_lines(node) if ln.text]
    out: list[Line] = []
    for item in node.iter():
        lines = [ln for ln in node_lines(item) if ln.text]
        out += [Line(", ".join(ln.text for ln in lines), lines[0].bold)] if _name_then_position(lines) else lines
    return out


def _name_then_position(lines: list[Line]) -> bool:
    """A name alone on the first line, then one to three lines that are no person, time or role label."""
    if not 2 <= len(lines) <= 4 or "," in lines[0].text or not looks_like_name(lines[0].text) \
            or role_prefix(lines[0].text)[0]:
        return False
    return not any(agenda.time_lead(ln.text) or role_prefix(ln.text)[0] or split_name(ln.text).honorific
                   or ("," not in ln.text and looks_like_name(ln.text)) for ln in lines[1:])


def _timed(node: LexborNode, lines: list[Line], page: Page) -> None:
    """Lines led by a time: "13:00 : Welcome (Ann Lee and Bo Chan)", then maybe a quoted title and people."""
    clock, rest = agenda.time_lead(lines[0].text)  # type: ignore[misc]
    page.pending = None
    if len(rest.split()) <= 6 and reads_as_time(rest) and len(lines) == 1:
        return  # "18:00 doors, 18:30 talks": the evening's times, no session
    if not rest and len(lines) == 1:
        page.pending = (clock, None)  # the time alone: the title is printed next (a heading, a bold line)
        return
    names = [text(a) for a in node.css("a")]
    emphasis = [text(e) for e in node.css("em, i")]
    more = lines[1:]
    while more and agenda.quoted(more[0].text, emphasis):
        rest, more = f"{rest} {more[0].text}", more[1:]
    if not rest and more and not role_prefix(more[0].text)[0] and not looks_like_name(more[0].text):
        rest, more = more[0].text, more[1:]  # the time alone, the title on the next line
    elif not rest and page.open is not None and page.open.time_label is None:
        page.open.time_label = clock  # a session's time printed under its title
        page.open.people += people_of(more, page.open.role)
        return
    title, found = agenda.item_parts(rest, names, emphasis)
    draft = Draft(_title(title) or clock, page.day, clock, _session_role(title, page.role))
    draft.people += agenda.named(found) + people_of(more, draft.role)
    _open(page, draft)


def _untimed(node: LexborNode, lines: list[Line], page: Page) -> None:
    """Lines led by no time: a bold title opens a session (with the people printed under it), a role label
    ("Speakers:") names the role of the people listed after it, a dated line dates the session."""
    first = lines[0]
    title = first.bold if first.bold and first.bold == first.text else ""
    if not title and node.tag == "p" and len(lines) == 1 and node.css_first("a") is not None \
            and text(node.css_first("a")) == first.text:
        title = first.text  # a paragraph that is only a link to the session
    pending, page.pending = page.pending, None
    if pending and title and not looks_like_name(title) and not label_only(first.text):
        _open(page, Draft(_title(title), pending[1] or page.day, pending[0], _session_role(title, page.role)), 0)
        page.open.people += people_of(lines[1:], page.open.role)  # type: ignore[union-attr]
        return
    if pending:
        _settle(page, pending)
    if label_only(first.text):
        if page.open is not None:
            page.open.label = role_prefix(first.text)[0]
        lines = lines[1:]
    elif title and page.open is not None and page.timed_level is not None and not page.open.title:
        page.open.title, page.open.role = _title(title), _session_role(title, page.role)
        lines = lines[1:]  # "### 10:10 am - 11:00 am" then "**Session 1, Standing up a team**"
    elif title and _page_role(title, page):
        page.role = title  # "**Keynote**", "**Panel**" on a roundtable's page: roles of the page's own event
        if page.open is not None:
            page.open.label = title
        lines = lines[1:]
    elif title and (day := _day_line(title, page)):
        page.day = day  # "**Day 2 (10 Feb)**", "**Wednesday 14 May**": a day heading printed in bold
        if page.open is None or page.open.people or page.open.rows or _DAY_N.match(title):
            page.open, page.timed_level = None, None
            lines = lines[1:]
            if not lines:
                return
        # else "**Wednesday, 22 October 2025**" under a session's heading: its date too, read below
    elif title and page.open is not None and _only_a_date(title, page):
        pass  # "**Wednesday, 22 October 2025, 14:00**" under the session's heading: its date and time, read below
    elif title and page.open is not None and not page.open.people and _role_word(title):
        page.open.label = title  # "## Keynote: Securing AI", then "**Keynote Speaker**", then the person
        lines = lines[1:]
    elif title and not looks_like_name(title) and not _caption(node):
        _open(page, Draft(_title(title), _dated(title, page), None, _session_role(title, page.role)))
        page.open.people += people_of(lines[1:], page.open.role)  # type: ignore[union-attr]
        return
    if page.open is None:
        _stray(node, lines, page)
        return
    for line in lines:
        _date_line(line.text, page)
        if (m := _TIME_LINE.match(line.text)) and page.open.time_label is None and reads_as_time(m.group("time")):
            page.open.time_label = m.group("time")  # "Time: 3.30pm – 4.00pm (SGT)"
        if (m := _ROOM_LINE.match(line.text)) and page.open.room is None:
            page.open.room = m.group("room").strip()  # "Location: South Seas AB"
    if page.open.label or page.role or any(role_prefix(ln.text)[0] for ln in lines):
        page.open.people += people_of(lines, page.open.label or page.open.role)
    elif page.open.time_label and _people_list(node, lines):
        page.open.people += people_of(lines, page.open.role)  # the people of a timed session, under no label
    elif _featured(lines) or _speaker_of(page.open, lines):
        page.open.people += people_of(lines, page.open.role)
    elif prose := prose_people(" ".join(ln.text for ln in lines)):  # "The event featured remarks by H.E. Ms …"
        page.open.people += [Person(m.name, m.positions, m.label or page.open.role, lines[0].text, True) for m in prose]
    if len(lines) > 1 and label_only(lines[-1].text):
        page.open.label = role_prefix(lines[-1].text)[0]  # "Chair: …" then "Panellists:": of the table printed next


def _featured(lines: list[Line]) -> bool:
    """A line opening with "with", "avec", "mit", "featuring" and a person: the people of the session."""
    return any(role_prefix(ln.text) == (None, rest) and rest != ln.text and looks_like_name(rest.split(",")[0])
               for ln in lines if (rest := role_prefix(ln.text)[1]))


def _speaker_of(draft: Draft, lines: list[Line]) -> bool:
    """One line naming one person with an honorific or a position under a session that names a role and nobody yet
    ("Discours de clôture", then "Mme Katrin Aaltonen, députée européenne, …"): that session's speaker."""
    if draft.people or len(lines) != 1 or not draft.title or not role_of_title(draft.title):
        return False
    found = people_of(lines, draft.role)
    return len(found) == 1 and (bool(found[0].positions) or bool(split_name(lines[0].text.split(",")[0]).honorific))


def _settle(page: Page, pending: tuple[str, date | None]) -> None:
    """A time printed alone and followed by no title: the time of the open session, printed under its title, else
    a session of its own."""
    clock, day = pending
    if page.open is not None and page.open.time_label is None:
        page.open.time_label, page.open.day = clock, day or page.open.day
    else:
        _open(page, Draft(clock, day or page.day, clock, page.role))


def _people_list(node: LexborNode, lines: list[Line]) -> bool:
    """True for a list of people, one a line ("Name, Title, Org", "**Name**, Title, Org"), and nothing else."""
    if not lines or (node.tag not in ("ul", "ol") and not all(looks_like_name(ln.bold) for ln in lines)):
        return False
    items = [li for li in node.iter() if li.tag == "li"]
    if items and any(len(node_lines(li)) > 1 for li in items):  # a name line, then its position lines
        return all(len(people_of(node_lines(li), None)) == 1 for li in items)
    return len(people_of(lines, None)) == len(lines)


_TIME_LINE = re.compile(r"^\s*(?:time|timing|when|zeit|heure|horaire)\s*:\s*(?P<time>\S.{2,60})$", re.I)


def _only_a_date(printed: str, page: Page) -> bool:
    """True for a line that prints a date (and maybe a time) and nothing else ("Wednesday, 22 October 2025")."""
    if first_day(printed, page.year) is None:
        return False
    if re.search(r"\d{4}", printed):
        rest = times.without_date(printed).strip(" ,|·•-–—:")
        return not rest or reads_as_time(rest)
    return _year_less_date_line(printed) is not None


def _day_line(printed: str, page: Page) -> date | None:
    """The day a short line names when it prints a day and nothing else: "Day 2", "Day 1 (9 Feb)", "Wednesday 14
    May", "Martes 14 de mayo de 2024" (its words each a weekday, a month or a small word of a date); ``None`` for a
    session's title that prints its day ("Opening address (16 Nov)") and for a date with a time (a session's).

    >>> page = Page(None, 2031)
    >>> _day_line("Day 1 (9 Feb)", page), _day_line("Martes 13 de mayo de 2031", page)
    (datetime.date(2031, 2, 9), datetime.date(2031, 5, 13))
    >>> _day_line("Opening address (16 Nov)", page), _day_line("Wednesday 14 May, 14:00", page)
    (None, None)
    """
    if len(printed) > 60:
        return None
    if _DAY_N.match(printed):
        return page.day_of(printed)
    words = re.findall(r"[^\W\d_]+", printed)
    if not re.search(r"\d", printed) or re.search(r"\d[:h]\d", printed) \
            or not all(w.lower() in _DATE_WORDS or times.month_number(w) or _weekday(w) for w in words):
        return None
    return page.day_of(printed)


_DATE_WORDS = {"de", "del", "of", "the", "den", "der", "am", "le", "du", "el", "st", "nd", "rd", "th", "er"}


def _weekday(word: str) -> bool:
    """True for a weekday's name or its abbreviation in a language dates are read in ("Martes", "Mi", "Thu").

    >>> _weekday("Martes"), _weekday("thu"), _weekday("Mittwoch"), _weekday("Opening")
    (True, True, True, False)
    """
    return fold(word).rstrip(".") in _weekday_names()


@functools.lru_cache(maxsize=1)
def _weekday_names() -> frozenset[str]:
    from babel.dates import get_day_names

    return frozenset(fold(name).rstrip(".") for language in times.LANGUAGES for width in ("wide", "abbreviated")
                     for name in get_day_names(width, locale=language).values()) | {"tues", "thur", "thurs"}


def _role_word(title: str) -> bool:
    """A short bold role word standing for a label ("Keynote Speaker", "Panellists"), not a session's title."""
    return bool(role_of(title)) and len(title.split()) <= 3 and not re.search(r"[\d(:]", title)


def _page_role(title: str, page: Page) -> bool:
    """True for a bold role word ("Keynote", "Closing remarks") printed where no session but the page's own is open."""
    own = page.open is None or (page.title is not None and page.open.title == _title(page.title))
    return own and page.title is not None and bool(role_of(title)) and len(title.split()) <= 4 \
        and not re.search(r"[\d(]", title)  # "Opening address (15 Nov)" titles a session of its own


def _stray(node: LexborNode, lines: list[Line], page: Page) -> None:
    """People printed where no session is open: the page's own session when its front matter titles it (a
    roundtable's "**Keynote**" and "**Panel**" blocks are roles of one event), else the hint of the page's
    "no session" note."""
    labelled = lines and (any(role_prefix(ln.text)[0] for ln in lines) or _people_list(node, lines))
    if page.title and (labelled or (page.role and lines)):
        _open(page, Draft(_title(page.title), page.day, None, _session_role(page.title, None)))
        page.open.people += people_of(lines, page.role)  # type: ignore[union-attr]
        return
    prose = prose_people(" ".join(ln.text for ln in lines)) if page.title and lines and not labelled else []
    if prose:  # "The event featured remarks by H.E. Ms Ana Lima, Ambassador, …": the page's own session
        _open(page, Draft(_title(page.title), page.day, None, _session_role(page.title, None)))
        page.open.people += [Person(m.name, m.positions, m.label or page.role, lines[0].text, True)  # type: ignore[union-attr]
                             for m in prose]
        return
    if labelled:
        page.hints.append(f"people lines stand under no session title or time (e.g. {lines[0].text[:60]!r}): print "
                          "a heading, a bold title or a time before them (or see docs/sites.md for another reader)")


_STAMP = re.compile(r"^(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<clock>\d{2}:\d{2}))?")


def _datetimes(node: LexborNode, page: Page) -> bool:
    """``<time datetime="2025-03-12T09:00">``: the day and start of the open session (a second one its end), else of
    the session the next title opens. True when the block prints nothing but those times."""
    stamps = [m for t in node.css("time[datetime]") if (m := _STAMP.match(t.attributes.get("datetime") or ""))]
    if not stamps:
        return False
    day = first_day(stamps[0].group("day"))
    same_day = [m.group("clock") for m in stamps[:2] if m.group("clock") and m.group("day") == stamps[0].group("day")]
    clock = " - ".join(same_day)
    draft = page.open
    if draft is not None and not draft.people \
            and (not clock or not draft.time_label or _starts(draft.time_label, clock)):
        draft.day, draft.time_label = day or draft.day, draft.time_label or clock or None
    elif clock:
        page.pending = (clock, day)
    rest = text(node)
    for t in node.css("time"):
        rest = rest.replace(text(t), " ")
    return not re.search(r"[^\W\d_]", rest)


def _starts(label: str, clock: str) -> bool:
    """True when two printed times start at the same time ("9:00 – 10:30", "09:00 - 10:30")."""
    return times.parse_time_range(clean_time(label))[0] == times.parse_time_range(clean_time(clock))[0]


def _caption(node: LexborNode) -> bool:
    """A bold line just before a list introduces the list ("**This webinar will discuss**"): no session."""
    after = node.next
    while after is not None and after.tag == "-text" and not (after.text_content or "").strip():
        after = after.next
    return after is not None and after.tag in ("ul", "ol")


def _dated(title: str, page: Page) -> date | None:
    """The day a title prints ("Opening address (16 Nov)"), else the page's current day."""
    found = first_day(title, page.year) if re.search(r"\d", title) else None
    return found or page.day


def _session_role(title: str, heading: str | None) -> str | None:
    """The role of a session's people: a heading more particular than "Speakers", else the title's role word."""
    if heading and role_of(heading) not in ("speaker", None):
        return heading
    return role_of_title(title) or heading


def _date_line(printed: str, page: Page) -> None:
    """ "15 July 2020, 8-9pm", "held on 17 June 2020": the date (and time) of the open session."""
    if page.open is None or len(printed) > 120:
        return
    found = first_day(printed, page.year)
    if found and re.search(r"\d{4}", printed):
        page.open.day = found
        clock = times.without_date(printed)  # "Thursday, 13 March 2031, 14:00–15:30 CET"
        if clock and reads_as_time(clock) and page.open.time_label is None:
            page.open.time_label = clock.strip()
    elif found and (clock := _year_less_date_line(printed)) is not None:
        page.open.day = found  # "Wednesday, August 7 | 10:20am-11:00am": the page's (or its path's) year
        if clock and page.open.time_label is None:
            page.open.time_label = clock


def _label(printed: str | None, session_role: str | None) -> str | None:
    """A person's role label: the printed one, unless it only says "Speaker(s)" in a session whose title names a
    role of its own ("Closing remarks" then "Speakers: Dr Ada Berg": she gives the remarks).

    >>> _label("Speakers", "Closing remarks"), _label("Moderator", "Panel"), _label(None, "Keynote")
    ('Closing remarks', 'Moderator', 'Keynote')
    """
    if printed and session_role and role_of(printed) == "speaker" and role_of(session_role) not in (None, "speaker"):
        return session_role
    return printed or session_role


_ROOM_LINE = re.compile(r"^\s*(?:location|room|venue|hall|where|salle|raum|ort)\s*:\s*(?P<room>[^,;]{2,60})$", re.I)
_WEEKDAY_NAME = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?",
                           re.I)


def _year_less_date_line(printed: str) -> str | None:
    """The time of a line that prints only a year-less date and maybe a time ("Wednesday, August 7 | 10:20am-11:00am"
    gives "10:20am-11:00am", "Thu 8 Aug" gives ""); ``None`` for a line that prints more (a sentence naming a day)."""
    rest = _WEEKDAY_NAME.sub(" ", DAY_MONTH.sub(" ", printed, count=1)).strip(" ,|·•-–—:")
    if not rest:
        return ""
    return rest if reads_as_time(rest) and len(rest) < 40 else None


def _people_table(node: LexborNode, page: Page, opts: Options) -> bool:
    """A table of people under an open session ("**Panellists:**", then "| Speaker | Position | Organisation |"):
    its rows are that session's people, read by ``ingest.column_table`` (a Role column, else the label printed
    before the table, gives the role); a table of people that names nobody is noted. False for any other table."""
    if page.open is None:
        return False
    table = column_table.html_table(node)
    cols = column_table.people_columns(table.rows[0]) if table.rows else None
    if cols is None:
        return False
    heads = [c.text for c in table.rows[0].cells]
    if agenda.time_column(heads, opts.time_column, [[c.text for c in r.cells] for r in table.rows[1:9]]) is not None:
        return False
    header = heads[cols["name"]]
    label = page.open.label or page.role or (None if role_of(header) else opts.role_label)
    found: list[Note] = []
    rows = column_table.column_rows(page.path, table, cols, label, found)
    for row in rows:
        row.line = (page.lines.of(row.printed_name) if page.lines else None) or 0
    page.open.rows += rows
    page.notes += [Note(n.path, None, n.kind, f"table under {page.open.title!r}: {n.message}") for n in found]
    if not rows:
        page.note(heads[0], "skipped-row", f"the table headed {' | '.join(heads)!r} under the session "
                  f"{page.open.title!r} names nobody in its {header!r} column — no people read from it")
    return True


def _table(node: LexborNode, page: Page, opts: Options) -> None:
    """A programme table: rows of a time cell and a programme cell (and maybe a people cell), or a schedule grid of
    rooms. Spanning cells are laid out first (``column_table.grid``), so a column means the same in every row: a
    time cell spanning two rows times both, a Day column ("Día", "Date", or cells printing only a day) dates the
    rows it spans; a row of one cell ("Tuesday 14 May 2031") dates the rows under it and keeps the columns."""
    page.pending = None
    rows = column_table.grid(node)
    cols, day, rooms = agenda.Columns(), None, []
    for k, row in enumerate(rows):
        own = [s for s in row if s is not None and s.top and s.left]  # the cells this row prints
        if not own:
            continue
        if len(own) == 1 and all(s is not None and s.top for s in row):
            _one_cell_row(own[0].cell, page)
            continue
        if all(s.cell.tag == "th" for s in own):  # a header of columns
            heads = _texts(row)
            found = _header(heads, [_texts(r) for r in rows[k + 1:k + 9]], page, opts)
            cols = found or cols
            day = _day_column(heads, [_texts(r) for r in rows[k + 1:k + 9]], cols.time, page) if found else None
            rooms = _rooms(heads, cols, day, opts)
            continue
        if day is not None and (held := _at(row, day)) is not None and held.top:
            page.day = page.day_of(text(held.cell)) or page.day  # the Day cell: the day of the rows it spans
        if rooms:
            _grid_row(row, cols.time, day, rooms, page)
        else:
            _programme_row(row, cols, page)


def _texts(row: list[column_table.Slot | None]) -> list[str]:
    """The text of each column of a grid row (a spanning cell's in each column it covers)."""
    return [text(s.cell) if s is not None else "" for s in row]


def _one_cell_row(cell: LexborNode, page: Page) -> None:
    """A row of one cell across the table: a day ("<th colspan=3>Martes 14 de mayo de 2024</th>", "Day 2") dates the
    rows under it; anything else (a caption, "Lunch") is no session. Either way the columns above stay."""
    printed = text(cell)
    found = page.day_of(printed) if cell.tag == "th" else _day_line(printed, page)
    if found:
        page.day = found


def _programme_row(row: list[column_table.Slot | None], cols: agenda.Columns, page: Page) -> None:
    """A row of a Time | Programme table: the sessions of its programme cell (when this row prints it, not a row
    above it), timed by the time cell (its own, or one spanning it from above)."""
    time, programme = _at(row, cols.time), _at(row, cols.programme)
    people = _at(row, cols.people) if cols.people is not None else None
    if time is None or programme is None or (cols.people is not None and people is None) \
            or not (programme.top and programme.left):
        return  # a short row, or a programme cell spanning this row from above: read in its own row
    clock, unread = text(time.cell), None
    if clock and not reads_as_time(clock):
        if found := first_day(clock, page.year):
            page.day = found  # a Date column (time_column = "Date"): the row's day, no time
        unread, clock = (None if found else clock), ""  # "Room", "TBC": a row that names people keeps its date
    before = len(page.drafts)
    if people is None:
        page.drafts += cell_sessions(node_lines(programme.cell), page.day, clock or None, page.role)
    elif (draft := _people_row(programme.cell, people.cell, cols.label, page, clock)) is not None:
        page.drafts.append(draft)
    if unread and any(d.people for d in page.drafts[before:]):
        page.unread_times.append(unread)


def _at(row: list[column_table.Slot | None], column: int) -> column_table.Slot | None:
    return row[column] if column < len(row) else None


_SESSION_HEADS = re.compile(r"^(session|sessions|title|programme|program|topic|talk|talks|event|what|agenda|"
                            r"description|details|notes?|activity|theme|subject|speakers?|format|type|track)\b", re.I)


def _rooms(heads: list[str], cols: agenda.Columns, day: int | None, opts: Options) -> list[str]:
    """The rooms of a schedule grid: the headers after the time (and day) column when there are two or more and none
    names a session, people or notes column ("Time | Hall A | Hall B | Room 3"); else none."""
    others = [h for i, h in enumerate(heads) if i not in (cols.time, day)]
    if opts.programme_column or cols.people is not None or len(others) < 2 \
            or any(not h.strip() or _SESSION_HEADS.match(h.strip()) for h in others):
        return []
    return heads


def _day_column(heads: list[str], below: list[list[str]], time: int, page: Page) -> int | None:
    """The column of a table that dates its rows: one headed as days ("Día", "Date", "Datum") whose cells read as
    dates, or one whose cells each print a day and nothing else ("Miércoles 18 de octubre de 2023"); not the time
    column.

    >>> page = Page(None, 2031)
    >>> _day_column(["Día", "Hora", "Sala A"], [["Martes 13 de mayo de 2031", "09:00", "Apertura"]], 1, page)
    0
    >>> _day_column(["Hora", "Sala A"], [["09:00", "Opening (13 May)"]], 0, page) is None
    True
    """
    for i, head in enumerate(heads):
        cells = [row[i] for row in below if len(row) > i and row[i]]
        if i == time or not cells:
            continue
        named = head.strip(" :*").lower() in agenda.DATE_HEADS
        if named and 2 * sum(1 for c in cells if first_day(c, page.year)) >= len(cells) \
                or all(_day_line(c, page) for c in cells):
            return i
    return None


def _grid_row(row: list[column_table.Slot | None], time: int, day: int | None, rooms: list[str], page: Page) -> None:
    """One row of a schedule grid: a session per cell the row prints (a cell spanning rows is read in its first), in
    the room of its column (a cell spanning every room, a keynote, in none), at the time of the time cell (its own,
    or one spanning it from above) unless the cell prints its own ("(11:30 – 12:15)")."""
    held = _at(row, time)
    clock = text(held.cell) if held is not None else ""
    clock = clock if reads_as_time(clock) else ""
    width = [i for i in range(len(rooms)) if i not in (time, day)]
    for start, slot in enumerate(row):
        if slot is None or not (slot.top and slot.left) or start in (time, day):
            continue
        covered = [rooms[i] for i in range(start, min(start + slot.span, len(rooms))) if i in width]
        room = covered[0] if len(covered) == 1 else None if len(covered) >= len(width) else " + ".join(covered)
        draft = _grid_cell([ln for ln in node_lines(slot.cell) if ln.text], clock, room, page)
        if draft is not None:
            page.drafts.append(draft)


def _grid_cell(lines: list[Line], clock: str, room: str | None, page: Page) -> Draft | None:
    """The session of a grid cell: its first line the title, the lines under it its people (``_grid_people``); a
    time printed in the cell (after the title, before it, on a line of its own) is the session's."""
    if not lines:
        return None
    title, own = _cell_time(lines[0].text)
    rest = lines[1:]
    if not title and rest:  # the time on a line of its own, the title under it
        title, rest = rest[0].text, rest[1:]
    timed = [(ln, _cell_time(ln.text)) for ln in rest]
    own = own or next((at for _, (words, at) in timed if at and not words), None)
    rest = [ln for ln, (words, at) in timed if words or not at]  # a line that is only a time: no person
    if not (own or clock) or not title:
        return None
    draft = Draft(_title(title), page.day, own or clock, _session_role(title, page.role), room=room)
    draft.people += _grid_people(rest, draft.role)
    return draft


# a time range ending a cell's title line: "Talk: Tides (11:30 – 12:15)", "Plan 2031–2035 <small>11:30 – 12:15</small>"
_CELL_CLOCK = r"\d{1,2}(?:[:.h]\d{2})?\s*(?:[ap]\.?m\.?)?"
_TAIL_TIME = re.compile(rf"[\s(\[|,\u2013\u2014-]*(?P<time>{_CELL_CLOCK}\s*(?:-|\u2013|\u2014|to)\s*{_CELL_CLOCK})[\s)\]]*$",
                        re.I)


def _cell_time(printed: str) -> tuple[str, str | None]:
    """A cell's title line without the time range printed before or after it, and that time (``None``: none).

    >>> _cell_time("Talk: Tides (11:30 – 12:15)"), _cell_time("Plan 2031–2035 11:30 – 12:15")
    (('Talk: Tides', '11:30 – 12:15'), ('Plan 2031–2035', '11:30 – 12:15'))
    >>> _cell_time("14:00–15:00 Workshop"), _cell_time("Python 3.12"), _cell_time("Panel 2 - 3")
    (('Workshop', '14:00–15:00'), ('Python 3.12', None), ('Panel 2 - 3', None))
    """
    if lead := agenda.time_lead(printed):
        return lead[1], lead[0]
    m = _TAIL_TIME.search(printed)
    if m and agenda.a_time(m.group("time")) and re.search(r"[:.h]\d{2}|[ap]\.?m", m.group("time"), re.I):
        return printed[:m.start()].strip(), m.group("time")
    return printed, None


def _grid_people(lines: list[Line], role: str | None) -> list[Person]:
    """The people of a grid cell's lines under its title, read as a programme cell's (``people_of``: a label on a
    line of its own names the role of the lines under it, a bare name the position lines under it); a line of
    names alone is a person each ("Zoe Kow & Dmitri Vol", "Chloe Dur, Mateus Ara", "Bjorn Ang": each piece a name,
    no position — "Socia, Restrepo & Asociados" is an organisation's "&")."""
    out: list[Line] = []
    for line in lines:
        own, rest = role_prefix(line.text)
        names = _names_alone(rest)
        if not names:
            out.append(line)
        elif own:
            out += [Line(f"{own}: {name}") for name in names]
        else:
            out += [Line(name, name) for name in names]  # a name alone on its line in a grid: as sure as a bold one
    return people_of(out, role)


def _names_alone(printed: str) -> list[str]:
    """The names of a line that prints names and nothing else, joined by commas, "&" or "and"; ``[]`` for any other
    line: a piece that reads as a job title or an organisation, or one printed after a comma without the honorific
    the first one has ("Sra. Ana Gil, Oficial de Programas": her position), makes the line a person's.

    >>> _names_alone("Zoe Kow & Dmitri Vol"), _names_alone("Bjorn Ang"), _names_alone("Ann Lee, Socia, Lee & Bo")
    (['Zoe Kow', 'Dmitri Vol'], ['Bjorn Ang'], [])
    >>> _names_alone("Sra. Ana Gil, Oficial de Programas"), _names_alone("Ann Lee, Minister of Ports and Tides")
    ([], [])
    """
    names = split_names(re.sub(r"\s+(?:&|and|y|et|und)\s+", ", ", printed), [", "])
    if len(names) > 1:
        first, *after = printed.split(",")
        addressed = bool(split_name(first).honorific) and not all(split_name(p).honorific for p in after)
        return [] if addressed or any(not_a_person(n) for n in names) else names
    return [printed] if "," not in printed and looks_like_name(printed) and agenda.a_name(printed) else []


def _header(heads: list[str], below: list[list[str]], page: Page, opts: Options) -> agenda.Columns | None:
    """The columns a header row names (its time column: ``time_column``, else "Slot", "When", "Hora" … over times;
    ``below``: the rows under it, a column each), or ``None`` (with a hint for the page's note)."""
    time = agenda.time_column(heads, opts.time_column, below)
    if time is not None:
        return agenda.columns(heads, heads[time], opts.programme_column)
    page.hints.append(f"the table headed {' | '.join(heads)!r} has no {opts.time_column!r} column: "
                      "give time_column = \"…\" the header of its time column")
    return None


def _people_row(session: LexborNode, people: LexborNode, label: str | None, page: Page, clock: str) -> Draft | None:
    """A row whose session cell holds the title and whose people cell the people, one a line."""
    titles = [ln.text for ln in node_lines(session) if ln.text]
    if not titles:
        return None
    labelled = _bracket_labels(titles[0])
    title = re.sub(r"\s+", " ", functools.reduce(lambda t, b: t.replace(f"({b})", ""), labelled, titles[0])).strip()
    draft = Draft(_title(title), page.day, clock or None, _session_role(title, label or page.role),
                  link=_page_link(session))
    for line in agenda.split_labelled([ln for ln in node_lines(people) if ln.text]):
        found = agenda.people_strings(line.text)
        if len(found) == 1 and agenda.plural(label) and not role_prefix(line.text)[0]:
            # under a "Speakers" column, "A, B, C" names three people (as "Speakers: A, B, C" would)
            found = [(p, None) for p, _ in agenda.people_strings(f"{label}: {line.text}")] or found
        draft.people += agenda.named(found)
    for text in titles[1:] + labelled:
        draft.people += agenda.named([(p, lab) for p, lab in agenda.people_strings(text) if lab])
    return draft


def _page_link(cell: LexborNode) -> str | None:
    """The address of the site page a session cell's first link names ("../code-reviews/"), not another site's nor
    a place on this page."""
    a = cell.css_first("a[href]")
    href = (a.attributes.get("href") or "").strip() if a is not None else ""
    if not href or href.startswith(("#", "mailto:")) or urlsplit(href).scheme or urlsplit(href).netloc:
        return None
    return href


def _bracket_labels(title: str) -> list[str]:
    """The labelled people a session's title prints in brackets ("Talk session 1 (chair: Jonas Eklund)").

    >>> _bracket_labels("Talk session 1: Old code (chair: Jonas Eklund)"), _bracket_labels("Keynote (Hall A)")
    (['chair: Jonas Eklund'], [])
    """
    return [inner for inner in re.findall(r"\(([^()]+)\)", title) if role_prefix(inner)[0]]


def sessions(doc: Document, drafts: list[Draft], settings: Settings, opts: Options) -> list[SessionPage]:
    """Session records of the drafts that name people, each with its own permalink (page + title)."""
    base = permalink(str(doc.meta.get("permalink") or ""), settings.base_url) or f"/{PurePosixPath(doc.path).stem}/"
    lines = Lines(doc)
    zone = times.page_zone(doc.body)  # "(all times in CEST)": for the times printed without a zone
    seen: dict[str, int] = {}
    links = Counter(d.link for d in drafts if d.link)
    out = []
    for draft in drafts:
        if not (draft.people or draft.rows) or draft.day is None or is_break(draft.title):
            continue  # "Dinner (Fat Lizard)": a break's bracket is its place, no person
        slug = slugify(draft.title)[:60] or "session"
        seen[slug] = seen.get(slug, 0) + 1
        anchor = slug if seen[slug] == 1 else f"{slug}-{seen[slug]}"
        # a title linking to the talk's own page is that page's session (one link per talk: not a list page)
        address = urljoin(f"https://site{base}", draft.link).partition("https://site")[2] \
            if draft.link and links[draft.link] == 1 else f"{base}#{anchor}"
        session = SessionPage(path=doc.path, title=draft.title, permalink=address, date=draft.day,
                              time_label=draft.time_label, room=draft.room)
        if draft.time_label:
            start, end = times.parse_time_range(clean_time(draft.time_label))
            session.start, session.end = times.combine(draft.day, start), times.combine(draft.day, end)
            if zone and session.start and session.start.tzinfo is None:
                session.start = session.start.replace(tzinfo=zone)
                session.end = session.end.replace(tzinfo=zone) if session.end else None
        session.rows = [Row(line=lines.of(p.name), role_label=_label(p.label, draft.role) or opts.role_label,  # type: ignore[arg-type]
                            printed_name=p.name, link=None, positions=p.positions) for p in draft.people]
        for row in draft.rows:  # a table's people, their roles as the people lines' (the session's role word)
            row.role_label = _label(row.role_label, draft.role) or opts.role_label
        session.rows += draft.rows
        out.append(session)
    return out
