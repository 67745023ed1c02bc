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
from dataclasses import replace
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest import agenda, jsx_html, person_line, programme_cards, programme_directory, session_cards, times
from ingest.read import PAGE_SUFFIXES
from ingest.cards import first_day, options_of, reads_as_time
from ingest.html_page import Line, Lines, node_lines, page_tree, text
from ingest.profile import Settings
from ingest.programme_blocks import _block
from ingest.programme_days import _DAY_N, _DAY_WORDS, _HEADINGS, _date_line, dated, day_numbers, only_a_day
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
    if doc.suffix == "mdx" and jsx_html.has_components(doc.body):  # "<Session time=… title=…>": printed as its lines
        doc = replace(doc, body=jsx_html.as_html(doc.body))
    tree = page_tree(doc, opts.markup)
    event, own = dated(doc, tree, opts, settings)
    days = day_numbers(tree)
    page = Page(event=event, year=settings.year or (event.year if event else None) or path_year(doc.path), day=event,
                title=str(doc.meta.get("title") or "").strip() or None, own_day=own and len(days) == 1,
                day_headings=len(days), path=doc.path, lines=Lines(doc))
    with person_line.unread_lines(doc) as unread:  # role lines that named nobody: noted, not dropped unsaid
        walk(tree, page, opts)
    said = {(n.line, n.kind) for n in unread}  # a line both readers found unread is said once
    parsed.notes += unread + [n for n in page.notes if (n.line, n.kind) not in said or n.line is None]
    if page.event is None and any(d.day is None and (d.people or d.rows) for d in page.drafts):
        parsed.notes.append(Note(doc.path, None, "skipped-file",
                                 f"programme page prints no {opts.date_label!r} line, day heading or dated file name — "
                                 "skipped; give default_date = \"YYYY-MM-DD\" in the profile's [[parts]]"))
        return parsed
    parsed.sessions = sessions(doc, programme_directory.lent(page.drafts), settings, opts)
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
        page.cards = session_cards.cards(tree.body)
        page.card_holders = session_cards.holders(page.cards)
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
        if tag in ("aside", "div", "section", "nav") and (tag == "nav" or _SIDEBAR.search(_marks(node))):
            _loose(loose, page, opts)
            loose = []
            continue  # a sidebar's widgets ("Topics", "Upcoming events"), the site's navigation: no session's
        if page.read and node.mem_id in page.read:
            continue  # a card's field its session took (``_card``)
        if page.cards and tag not in ("-text", "-comment", "table") \
                and (node.mem_id in page.cards or node.mem_id in page.card_holders):
            _loose(loose, page, opts)
            loose = []
            if node.mem_id in page.cards:
                # the session, then what else the card prints ("Panellists:")
                programme_cards.read_card(page.cards[node.mem_id], page)
                _walk(node, page, opts)
                page.open = None  # the card is closed: what follows it (a page's footer) is none of its session's
            else:
                _panel_day(node, page)
                _walk(node, page, opts)
            continue
        if _venue(node):
            _loose(loose, page, opts)
            loose = []
            _room(node, page)
            continue
        if tag not in _HEADINGS and tag not in _CONTAINERS and tag not in ("table", "p", "ul", "ol", "dl"):
            if page.read and tag not in ("-text", "-comment") and any(n.mem_id in page.read for n in node.css("*")):
                _loose(loose, page, opts)  # a card's list item holding its fields (an Indico timetable's <li>): what
                loose = []  # else it prints is read around them, never its fields again
                _walk(node, page, opts)
                continue
            loose.append(node)
            continue
        _loose(loose, page, opts)
        loose = []
        if tag not in _HEADINGS and _day_strip(node, page):
            continue  # "Day 1 – 12 March", "Day 2 – 13 March" side by side: tabs, the day of no session after them
        if tag in _HEADINGS:
            _heading(node, page)
        elif tag == "table" and programme_cards.card_rows(node, page):
            pass  # a table of session cards, a row each (an EasyChair programme day): each read as a card
        elif tag == "table":
            if not _people_table(node, page, opts):
                opened, page.open, before = page.open, None, len(page.drafts)
                _table(node, page, opts, opened)
                made = page.drafts[before:]
                if len(made) == 1 and not made[0].people and len(node.css("tr")) == 1:
                    page.open = made[0]  # a session's header as a one-row table, its "Chair: …" printed below it
        elif tag in _CONTAINERS and node.css_first(_INSIDE) is not None:
            _panel_day(node, page)
            _walk(node, page, opts)
        elif tag in ("ul", "ol") and opts.blocks:
            _list(node, page)
        elif tag == "dl" and opts.blocks:
            _list(_as_list(node), page)
        elif opts.blocks:
            _block(node, page)
        if tag not in _HEADINGS:
            page.last_heading = None
    _loose(loose, page, opts)


# a CMS's venue or location element ("tribe-events-calendar-list__event-venue", itemprop="location")
_VENUE_CLASS = re.compile(r"(?:^|[\s_-])(?:venue|location)(?:$|[\s_-])", re.I)


def _venue(node: LexborNode) -> bool:
    """True for an element that prints where a session is held (``<address>``, a "venue" or "location" class or
    ``itemprop``): a place, never people ("Orchid Ballroom, Marina Bay Centre" reads as "Name, Organisation").

    >>> tree = LexborHTMLParser('<address>Hall A</address><p class="event-venue">Hall B</p><p class="venues">x</p>')
    >>> [_venue(n) for n in tree.css("address, p")]
    [True, True, False]
    """
    attrs = node.attributes if node.tag not in ("-text", "-comment") else {}
    return node.tag == "address" or bool(_VENUE_CLASS.search(attrs.get("class") or "")) \
        or (attrs.get("itemprop") or "").lower() == "location"


def _room(node: LexborNode, page: Page) -> None:
    """The venue printed under a session: its room, when it has none yet."""
    place = text(node).strip()
    if page.open is not None and page.open.room is None and place and len(place) <= 120:
        page.open.room = place


def _loose(nodes: list[LexborNode], page: Page, opts: Options) -> None:
    """Text and inline tags between blocks inside a container, read as one paragraph."""
    if opts.blocks and nodes and nodes[0].parent is not None and nodes[0].parent.tag != "body" \
            and "".join(n.text() for n in nodes).strip():
        _block(_whole(nodes) or agenda.fragment(nodes), page)


def _whole(nodes: list[LexborNode]) -> LexborNode | None:
    """The container ``nodes`` are all the printed content of, read in its place (so that what is printed after it,
    a session's heading, is known); ``None`` when other blocks stand beside them."""
    parent = nodes[0].parent
    beside = [c for c in parent.iter(include_text=True) if c.tag != "-comment" and (c.tag != "-text" or c.text().strip())]
    return parent if parent.tag == "div" and all(c in nodes for c in beside) else None


_SIDEBAR = re.compile(r"(?:^|\s)(?:widget-area|sidebar|[\w-]*-sidebar|sidebar-[\w-]*|secondary)(?:\s|$)", re.I)


def _marks(node: LexborNode) -> str:
    """An element's class and id, space-separated."""
    return f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"


def _heading(node: LexborNode, page: Page) -> None:
    """A day heading sets the date, a role heading the role; a heading led by a time, or printed right after a time
    printed alone, opens a session; a heading right under a time heading whose session has no people yet gives that
    session its title; any other heading opens a session that the labelled people printed under it join."""
    printed = text(node).strip(" :")
    level = int(node.tag[1])
    if programme_cards.card_person(node, printed, page):
        return
    timed = agenda.heading_time(printed)
    day = page.day_of(printed)
    pending, page.pending, page.last_heading = page.pending, None, None
    clock, stamped = _time_after(node)  # a card's own time after its title: a time printed before it is not its
    pending = None if clock else pending
    if timed and not day:
        _open_timed(page, timed[0], timed[1], page.day, level)
        return
    if pending and not day:  # "09:00–10:00" printed alone, then this title
        _open_timed(page, pending[0], printed, pending[1] or page.day, level)
        return
    # a role heading over its own time ("## Opening segment" over "**Monday, 3 June 2024, 10:00–11:00**") is a session's
    role_heading = len(printed) < 40 and role_of(printed) and not _TITLED.match(printed) and not _time_below(node) \
        and not clock  # "<h3>Welcome & Opening Remarks</h3>" in a card with its time: a session of that role
    if page.open is not None and page.timed_level is not None and level > page.timed_level \
            and not page.open.people and not role_heading and not day:  # "Keynote: Title" titles it, "Speakers" not
        page.open.title, page.open.role = _title(printed), _session_role(printed, None)
        return
    if page.open is not None and page.heading_level is not None and level > page.heading_level and role_heading \
            and not day:
        page.open.label = printed  # "<h1>Title</h1>, its date, <h3>Speakers</h3>": the people of that session
        return
    if page.open is not None and page.heading_level is not None and level > page.heading_level \
            and SECTION_LABEL.fullmatch(printed):
        return  # "<h1>Title</h1>, <h3>Session description</h3>": a part of that session's page, no session
    if day and page.open is not None and page.heading_level is not None and level > page.heading_level \
            and not page.open.people and page.open.time_label is None \
            and reads_as_time(times.without_date(printed).strip(" @|,·–-")):
        _date_line(printed, page)  # "<h1>Book Launch</h1>" over "<h2>May 22, 2024 @ 5:30 pm - 7:00 pm</h2>": its date
        return
    page.open, page.timed_level = None, None
    if day:
        page.day = day
        return
    if role_heading:
        page.role, page.last_heading = printed, printed
        return
    page.role = None
    page.taken = clock
    _open(page, Draft(_title(printed), stamped or page.day, clock, _session_role(printed, None)))
    page.heading_level, page.last_heading = level, printed


def _time_after(node: LexborNode) -> tuple[str | None, date | None]:
    """The time a session card prints after its title, in the same card (``<h3>Title</h3>``, its speakers, then
    ``<div class="time" data-starts="2025-10-16T10:15:00">10:15 - 11:00</div>``), marked as a time by its class or
    a timestamp: the range and the day its ``data-starts``/``datetime`` attribute gives; ``(None, None)`` when
    the card prints none or another heading comes first (a time printed after a title unmarked may be the next
    one's).

    >>> tree = LexborHTMLParser('<div><h3>Talk</h3><ul><li>Ann</li></ul><div data-starts="2031-05-02T10:15:00">'
    ...                         '10:15 - 11:00</div></div>')
    >>> _time_after(tree.css_first("h3"))
    ('10:15 - 11:00', datetime.date(2031, 5, 2))
    """
    after, seen = node.next, 0
    while after is not None and seen < 4:
        if after.tag in _HEADINGS:
            return None, None
        if not after.tag.startswith("-"):
            seen += 1
            printed = text(after)
            stamp = after.attributes.get("data-starts") or after.attributes.get("datetime") or ""
            if printed and len(printed) < 40 and reads_as_time(printed) and agenda.time_lead(printed) \
                    and (stamp or re.search(r"time", after.attributes.get("class") or "", re.I)):  # marked a time
                return printed, first_day(stamp[:10]) if re.match(r"\d{4}-\d\d-\d\d", stamp) else None
        after = after.next
    return None, None


def _time_below(node: LexborNode) -> bool:
    """True when the block printed right after a heading is a time range alone, maybe after its day."""
    from ingest.readers import _dated_time

    after = node.next
    while after is not None and (after.tag in ("-text", "-comment") and not (after.text() or "").strip()):
        after = after.next
    if after is None or after.tag in ("-text", "-comment"):
        return False
    first = next((ln.text for ln in node_lines(after) if ln.text), "")
    return _dated_time(first)


def _day_strip(node: LexborNode, page: Page) -> bool:
    """True for a row of day lines naming different days: a block of two or more lines each naming a day and
    nothing else (a page builder's row of tabs, a list of the days), or one such line printed right beside another
    (the tabs unwrapped). It dates nothing itself: each panel of sessions is dated by its own tab, or by the day line
    printed last before it.

    >>> page = Page(None, 2031)
    >>> tabs = LexborHTMLParser("<div><div>Day 1 – 12 May</div> <div>Day 2 – 13 May</div></div>"
    ...                         "<p>Day 1 – 12 May</p>")
    >>> [_day_strip(n, page) for n in tabs.css("div, p")]
    [True, True, True, False]
    >>> _day_strip(LexborHTMLParser("<div><p>Day 1</p><p>Wednesday 12 May</p></div>").css_first("div"), page)
    False
    """
    whole = text(node)
    if len(whole) > 600:
        return False  # a row of tabs is short; a panel of sessions is not
    items = [c for c in node.iter() if c.tag not in ("-text", "-comment")]
    days = [_day_of_line(text(c), page) for c in items] if len(items) >= 2 else []
    if days and None not in days and len(set(days)) >= 2 and len({type(d) for d in days}) == 1:
        return True  # "Day 1", "Wednesday 12 May" (a day and its date) is one day's heading, not a row of tabs
    mine = _day_of_line(whole, page)
    return mine is not None and any(near is not None and near != mine and type(near) is type(mine)
                                    for near in (_day_of_line(_beside(node, "prev"), page),
                                                 _day_of_line(_beside(node, "next"), page)))


def _day_of_line(printed: str, page: Page) -> date | int | None:
    """The day a line naming a day and nothing else prints: its date, else the N of a bare "Day N"; ``None`` for
    any other line.

    >>> _day_of_line("Day 2 – 13 May 2031", Page(None, 2031)), _day_of_line("Day two", Page(None, 2031))
    (datetime.date(2031, 5, 13), 2)
    """
    if not printed or not only_a_day(printed):
        return None
    m = _DAY_N.match(printed)
    rest = printed[m.end():] if m else printed
    if re.search(r"\d", rest):
        return first_day(rest, page.year)
    n = m.group("n").lower() if m else ""
    return int(n) if n.isdigit() else _DAY_WORDS.get(n)


def _beside(node: LexborNode, side: str) -> str:
    """The text of the element printed right before (``side="prev"``) or after ``node``, blank text skipped; ""
    when loose text or nothing stands there."""
    near = getattr(node, side)
    while near is not None and near.tag == "-text" and not (near.text_content or "").strip():
        near = getattr(near, side)
    return "" if near is None or near.tag in ("-text", "-comment") else text(near)


def _panel_day(node: LexborNode, page: Page) -> None:
    """A tab's panel (``role="tabpanel"``) whose tab names a day ("Day 2 – 13 March 2025") holds that day's
    sessions: the tabs are often printed side by side before all the panels, so the day is the panel's tab's."""
    label = _tab_of(node)
    day = page.day_of(label) if label and only_a_day(label) else None
    if day is None and (day := _day_stamp(node)) == page.day:
        return  # "<div data-date=…>" inside the day it names: nothing new
    if day:
        page.day, page.open, page.timed_level, page.pending = day, None, None, None


_DAY_ATTRIBUTES = ("data-date", "data-day", "data-start", "data-starts")


def _day_stamp(node: LexborNode) -> date | None:
    """The day a container's data attribute names (``<div class="day" data-start="2024-09-13T00:00:00+02:00">``,
    ``data-date="2024-09-13"``): a schedule's panel of one day's sessions.

    >>> _day_stamp(LexborHTMLParser('<div data-start="2031-09-13T00:00:00+02:00">…</div>').css_first("div"))
    datetime.date(2031, 9, 13)
    """
    stamp = next((v for a in _DAY_ATTRIBUTES if (v := node.attributes.get(a))), "") or ""
    return first_day(stamp[:10]) if re.match(r"\d{4}-\d\d-\d\d(?:$|[T ])", stamp) else None


def _tab_of(panel: LexborNode) -> str:
    """The text of the tab a tab panel belongs to: the element its ``aria-labelledby`` names, else the tab whose
    ``aria-controls`` (or link) names the panel's id; "" for no panel or no such tab.

    >>> tree = LexborHTMLParser('<a role="tab" href="#d2">Day 2</a><div role="tabpanel" id="d2">…</div>')
    >>> _tab_of(tree.css_first("div")), _tab_of(tree.css_first("a"))
    ('Day 2', '')
    """
    if panel.attributes.get("role") != "tabpanel":
        return _radio_tab(panel)
    ids = [i for i in (panel.attributes.get("aria-labelledby") or "").split() if re.fullmatch(r"[\w:.-]+", i)]
    own = panel.attributes.get("id") or ""
    wanted = [f'[id="{i}"]' for i in ids]
    if re.fullmatch(r"[\w:.-]+", own):
        wanted += [f'[role=tab][aria-controls="{own}"]', f'[role=tab][href="#{own}"]']
    for selector in wanted:
        if (tab := panel.parser.css_first(selector)) is not None:
            return text(tab).strip()
    return ""


def _radio_tab(panel: LexborNode) -> str:
    """The text of the label of the radio button printed right before a panel (tabs made with CSS alone:
    ``<label for="d2">Day 2</label>`` … ``<input type="radio" id="d2">`` then the panel); "" for none.

    >>> tree = LexborHTMLParser('<label for="d2">Day 2</label><input type="radio" id="d2"><div>…</div>')
    >>> _radio_tab(tree.css_first("div"))
    'Day 2'
    """
    before = panel.prev
    while before is not None and before.tag in ("-text", "-comment"):
        before = before.prev
    own = before.attributes.get("id") or "" if before is not None and before.tag == "input" else ""
    if (before is None or (before.attributes.get("type") or "").lower() != "radio"
            or not re.fullmatch(r"[\w:.-]+", own)):
        return ""
    label = panel.parser.css_first(f'label[for="{own}"]') if hasattr(panel, "parser") else None
    return text(label).strip() if label is not None else ""


def _open_timed(page: Page, clock: str, title: str, day: date | None, level: int) -> None:
    page.role = None
    _open(page, Draft(_title(title), day, clock, _session_role(title, None)), level)
    page.heading_level = level


# the headings of a session page's parts: what the session is, not a session of its own
SECTION_LABEL = re.compile(r"(?:(?:session|event|workshop|panel|talk)\s+)?(?:description|abstract|summary|overview|"
                           r"background|objectives?|aims?|key (?:questions|takeaways|messages)|policy questions|"
                           r"format|details|resources|materials|documents|outcomes?|report|recording|video|"
                           r"(?:further )?reading|related(?: \w+)?)|about(?: (?:this|the) (?:session|event|workshop|panel))?",
                           re.I)
_TITLED = re.compile(r"^[^:\u2013\u2014]+?(?::|\s[\u2013\u2014-])\s*\w")  # "Fireside Chat: Salvage" is no role heading
