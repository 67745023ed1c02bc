"""The reader for people printed as HTML cards (Isomer, Bootstrap grids), and for profile pages they link to.

A card page prints one card per person: a name, maybe a role, a title and an
organisation (or one "Title, Organisation" line), and a link to the person's
profile. The profile names CSS selectors for each (parsed with selectolax; a
Markdown page is rendered first, so ``## Facilitators`` is an ``<h2>``). A card
page holds no sessions: it becomes ONE session standing for the meeting the
page is about (title from the ``edition`` selector or the page title, date from
the ``date`` selector, the ``default_date`` option, the front matter or the file
name), so that every card is an appearance of its person at that meeting.

A site whose programme already lists every talk prints its speaker cards as who
the speakers are, not as one more meeting: with ``kind = "speakers"`` each card
is a speaker page instead (name, positions, country, honorific, photo), which
lends what it prints to the person's appearances of the same edition (the year
its path names; ``ingest/page_positions.py``), and the page makes no session.

A profile page (``page = "profile"``) is a speaker page: its name is the front
matter ``title``, its positions the italic lines under the bold name, its
biography the paragraphs after. A card links its profile when the card's
``href`` and the profile's permalink are the same after normalisation.

>>> first_day("22 - 23 June 2021"), first_day("15 and 16 November 2022"), first_day("Wednesday, May 15", 2024)
(datetime.date(2021, 6, 22), datetime.date(2022, 11, 15), datetime.date(2024, 5, 15))
>>> role_suffix("Managing Director, Acme Ports - Opening Address")
('Managing Director, Acme Ports', 'Opening Address')
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, fields
from datetime import date, datetime
from itertools import zip_longest
from pathlib import PurePosixPath

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest import labelled_fields, times
from ingest.read import PAGE_SUFFIXES
from ingest.html_page import Lines, ancestors, every, first, node_lines, page_tree, permalink, portrait, text
from ingest.markdown import parse_blocks
from ingest.person_pattern import FREE_TEXT, split_person, split_position
from ingest.people_text import role_prefix
from ingest.profile import Settings
from ingest.reader_options import checked
from ingest.record_dates import path_year
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import role_of, role_of_title
from ingest.tidy import not_a_person

NAME = "cards"
SUFFIXES = PAGE_SUFFIXES  # Markdown pages (MDX and Markdoc too) and HTML pages


@dataclass(frozen=True)
class Options:
    """A card page's selectors and defaults (see docs/sites.md, "HTML speaker cards")."""

    page: str = "cards"  # "cards" or "profile"
    kind: str = "sessions"  # "sessions": the page's meeting, a card an appearance; "speakers": a card a speaker page
    markup: str = "auto"  # "auto" (HTML when the body is: ingest.html_page.page_tree), "html" or "markdown"
    # one card and its parts (CSS selectors inside the card)
    card: str = ".card"
    name: str = ""
    person: str = ""  # one "Name, Title, Organisation" string instead of name + position
    role: str = ""
    title: str = ""
    organisation: str = ""
    position: str = ""  # one "Title, Organisation" string, split at the last comma
    country: str = ""  # the country the card prints ("p.speaker-country")
    link: str = "a"
    # roles: from the nearest heading above the card, else the role_label
    role_from: str = ""  # "" or "heading"
    headings: str = "h2, h3"
    role_label: str = "Speaker"
    # the meeting the page stands for
    edition: str = ""  # selector of its name; default: the page title
    date: str = ""  # selector: the first match that reads as a date
    time: str = ""  # selector: the first match that reads as a time
    place: str = ""
    default_date: str = ""  # the meeting's date when the page prints none ("2023-09-22")
    # profile pages
    profile_name: str = "title"  # the front-matter key of the name
    biography: str = ""  # profile pages read by selectors (name = "…"): the biography's selector
    labelled: bool = False  # profile pages printing their fields under labels ("Position", "Organisation", "Country")


def options_of(cls, options: dict):
    """A frozen options dataclass from a profile's part; ``ValueError`` names a bad option."""
    known = {f.name for f in fields(cls)}
    for key, value in options.items():
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            raise ValueError(f"unknown option {key!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
        if not isinstance(value, type(getattr(cls(), key))):
            raise ValueError(f"option {key} must be a {type(getattr(cls(), key)).__name__}, not {value!r}")
    return cls(**options)


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first bad option of a ``cards`` part."""
    opts = options_of(Options, options)
    if opts.page not in ("cards", "profile"):
        raise ValueError(f"page must be \"cards\" or \"profile\", not {opts.page!r}")
    if opts.kind not in ("sessions", "speakers"):
        raise ValueError(f"kind must be \"sessions\" (the page's meeting) or \"speakers\" (a card a speaker page), "
                         f"not {opts.kind!r}")
    if opts.markup not in ("auto", "html", "markdown"):
        raise ValueError(f"markup must be \"auto\", \"html\" or \"markdown\", not {opts.markup!r}")
    if opts.role_from not in ("", "heading"):
        raise ValueError(f"role_from must be \"heading\" or left out, not {opts.role_from!r}")
    if opts.default_date and _when(opts.default_date) is None:
        raise ValueError(f"default_date {opts.default_date!r} is no date — write it as \"2023-09-22\"")
    for key in ("card", "name", "person", "role", "title", "organisation", "position", "link", "headings",
                "edition", "date", "time", "place", "biography"):
        selector = getattr(opts, key)
        if selector:
            try:
                LexborHTMLParser("<p></p>").css(selector)
            except Exception:  # selectolax raises a bare error on a bad selector
                raise ValueError(f"{key} = {selector!r} is not a CSS selector") from None


def read(doc: Document, countries=None, settings: Settings | None = None, **options) -> Parsed:
    """The people of a card page (one session for the page's meeting), or a profile page's speaker."""
    opts = options_of(Options, checked(doc.path, NAME, check, options))
    settings = settings or Settings()
    parsed = Parsed(doc=doc, reader=NAME)
    if opts.page == "profile":
        page = read_profile(doc, opts, settings, parsed.notes)
        if page:
            parsed.speakers.append(page)
        return parsed
    tree = page_tree(doc, opts.markup)
    if opts.kind == "speakers":
        parsed.speakers += card_pages(doc, tree, opts, settings, parsed.notes)
        if not parsed.speakers:
            parsed.notes.append(Note(doc.path, None, "skipped-file", f"no card matches {opts.card!r} with a name — "
                                     "skipped; check the card and name selectors of the profile"))
        return parsed
    rows = read_cards(doc, tree, opts, settings, parsed.notes)
    rows += role_lines(doc, tree, opts, rows) if rows else []
    if not rows:
        parsed.notes.append(Note(doc.path, None, "skipped-file", f"no card matches {opts.card!r} with a name — "
                                 "skipped; check the card and name selectors of the profile"))
        return parsed
    session = meeting(doc, tree, opts, settings, parsed.notes)
    if session:
        session.rows = rows
        titled = role_of_title(session.title or "")  # "Keynote: Software That Lasts": its speaker is a keynote
        if titled and role_of(titled) not in ("speaker", "other"):
            for row in rows:
                if row.role_label == opts.role_label:
                    row.role_label = titled
        parsed.sessions.append(session)
    return parsed


# --- cards --------------------------------------------------------------------------------


def read_cards(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings,
               notes: list[Note]) -> list[Row]:
    """One row per card, in page order, with the role of the heading above it when asked."""
    lines = Lines(doc)
    heading = None
    selector = f"{opts.card}, {opts.headings}" if opts.role_from == "heading" else opts.card
    cards = {node.mem_id for node in tree.css(opts.card)}
    rows = []
    for node in tree.css(selector):
        if node.mem_id not in cards:
            if not _inside(node, cards):  # a card's own <h3> name is no heading over the next card
                heading = text(node) or heading
            continue
        row = card_row(doc.path, node, opts, heading, settings, notes)
        if row:
            row.line = lines.of(row.printed_name)
            rows.append(row)
    return rows


def role_lines(doc: Document, tree: LexborHTMLParser, opts: Options, rows: list[Row]) -> list[Row]:
    """The people a card page prints beside its cards in a labelled line ("Onsite Moderator: Grace Achieng, Rhizome
    Foundation", "Moderated by Eleanor Vance, President, Halden Institute", "Rapporteur: Sofia Lindgren"), in a
    paragraph of the page's own content (no card's, no menu's), each named once.

    >>> page = LexborHTMLParser("<main><div class=c><h4>Ann Lee</h4></div><p>Moderator: Bo Chan, Acme</p>"
    ...                         "<p>Ann Lee leads the lab.</p></main><footer><p>Host: Web Team</p></footer>")
    >>> doc = Document("a.html", "", {}, page.html, 0)
    >>> [(r.role_label, r.printed_name) for r in role_lines(doc, page, Options(card="div.c"), [Row(1, "", "Ann Lee", None)])]
    [('Moderator', 'Bo Chan')]
    """
    from ingest import agenda  # agenda reads times with this module's helpers

    cards = {node.mem_id for node in tree.css(opts.card)}
    named = {r.printed_name for r in rows}
    lines, out = Lines(doc), []
    for node in tree.css("p"):
        if _inside(node, cards) or _chrome(node):
            continue
        label, rest = role_prefix(text(node))
        if not label or not rest or role_of(label) in (None, "speaker"):
            continue
        for person in agenda.named(agenda.people_strings(rest)):
            if person.name not in named:
                named.add(person.name)
                out.append(Row(line=lines.of(person.name), role_label=person.label or label,
                               printed_name=person.name, link=None, positions=person.positions))
    return out


def _chrome(node: LexborNode) -> bool:
    """True for an element inside a page's menu, header, footer or sidebar."""
    parent = node.parent
    while parent is not None:
        if parent.tag in ("nav", "header", "footer", "aside"):
            return True
        parent = parent.parent
    return False


def card_pages(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings,
               notes: list[Note]) -> list[SpeakerPage]:
    """A speaker page per card (``kind = "speakers"``): what the card prints of its person, its photo, and its
    link as the page's address (the link a talk prints joins the person)."""
    lines = Lines(doc)
    pages = []
    for node in tree.css(opts.card):
        row = card_row(doc.path, node, opts, None, settings, notes)
        if row:
            role = row.role_label if row.role_label != opts.role_label and role_of(row.role_label) not in (
                None, "speaker", "other") else None
            pages.append(SpeakerPage(path=doc.path, line=lines.of(row.printed_name) or doc.body_line + 1,
                                     permalink=row.link, printed_name=row.printed_name, positions=row.positions,
                                     country_label=row.country_label, image=portrait(node, row.printed_name),
                                     role_label=role))
    return pages


def _inside(node: LexborNode, cards: set[int]) -> bool:
    """True when ``node`` lies inside one of the ``cards`` (their ``mem_id``)."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in cards:
            return True
        parent = parent.parent
    return False


def card_row(path: str, node: LexborNode, opts: Options, heading: str | None, settings: Settings,
             notes: list[Note]) -> Row | None:
    """The appearance one card prints: name, role, positions and profile link."""
    names = card_names(node, opts.name)
    if len(names) > 1:
        notes.append(Note(path, None, "skipped-row", f"a card {opts.card!r} prints {len(names)} names in "
                          f"{opts.name!r} ({', '.join(repr(n) for n in names[:3])}): a block of several cards, not one "
                          "person — skipped; check the part's card selector"))
        return None
    name, positions, label = names[0] if names else text(first(node, opts.name)), [], None
    if opts.person:
        printed = text(first(node, opts.person))
        label, rest = role_prefix(printed)  # "Moderator: Dr. Elin Sandberg, Director, NDDF"
        split = split_person(rest, reading=FREE_TEXT)
        if split.name:
            name, positions = split.name, split.positions
        elif printed and not name:
            notes.append(Note(path, None, "skipped-row", f"card {printed[:80]!r} names no person the reader can "
                                                          "tell — skipped; check the part's person selector"))
    if not name:
        return None  # an empty grid cell
    if not opts.person:
        label, name = role_prefix(name)  # "Mr Bo Ray (Moderator)" in the name cell
        label = label if label and name else None
        name = name or text(first(node, opts.name))
    role = label or text(first(node, opts.role)) or heading or opts.role_label
    more, suffix_role = _card_positions(node, opts)
    if not positions and not more and node.tag in _HEADINGS:
        more = _position_below(node)  # "### Ann Lee", then "**Director, Acme (Chile)**", then her biography
    href = first(node, opts.link)
    link = permalink(href.attributes.get("href") if href is not None else None, settings.base_url)
    return Row(line=None, role_label=suffix_role or role, printed_name=name,  # type: ignore[arg-type]
               link=link if link and link.startswith("/") else None, positions=positions + more,
               country_label=_country_text(node, opts.country) if opts.country else None)


_HEADINGS = ("h2", "h3", "h4", "h5")


def _position_below(heading: LexborNode) -> list[Position]:
    """The position printed in the first paragraph under a heading that prints a name alone, when that paragraph
    is one short line ("Director, West African Climate Services Centre (Nigeria)"), not a biography's sentence.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> tree = LexborHTMLParser("<h3>Ann Lee</h3><p><img alt=x></p><p><strong>CTO, Acme</strong></p><p>Bio.</p>")
    >>> [(p.title, p.organisation) for p in _position_below(tree.css_first("h3"))]
    [('CTO', 'Acme')]
    >>> _position_below(LexborHTMLParser("<h3>Ann Lee</h3><p>Ann leads the team at Acme.</p>").css_first("h3"))
    []
    """
    node = heading.next
    while node is not None and node.tag not in _HEADINGS:
        line = text(node) if node.tag in ("p", "div") else ""
        if line:
            if len(line) > 150 or re.search(r"[.!?]$", line) and not line.endswith(("Ltd.", "Inc.", "Co.")):
                return []
            return split_position(line, reading=FREE_TEXT)
        node = node.next
    return []


def card_names(node: LexborNode, selector: str) -> list[str]:
    """The distinct names a card prints in ``selector``: the visible matches (a name in a hidden modal or a
    screen-reader copy repeats the card's), else every match; texts that read as no person's name ("Bio",
    "LinkedIn") are left out.

    >>> card = LexborHTMLParser('<div><h4>Ann Lee</h4><div class="modal" style="display:none"><h4>Bo Li</h4></div>'
    ...                         '</div>').css_first("div")
    >>> card_names(card, "h4"), card_names(LexborHTMLParser("<p><b>Ann Lee</b> <b>Bo Li</b></p>").body, "b")
    (['Ann Lee'], ['Ann Lee', 'Bo Li'])
    """
    if not selector:
        return []
    hits = every(node, selector)
    shown = [h for h in hits if not hidden(h, node)] or hits
    names = [t for t in dict.fromkeys(text(h) for h in shown) if t]
    people = [t for t in names if len(t.split()) >= 2 and not_a_person(t) is None]
    return people if len(people) > 1 else names[:1]


# Webflow's "w-condition-invisible" and "w-dyn-hide": a template's field or list left empty, hidden
_LABEL_HIDDEN = re.compile(r"\S*label-+hidden\S*", re.I)  # Drupal's "field--label-hidden": the field shows, its label not
_HIDDEN_CLASS = re.compile(r"(?:^|[-_\s])(?:modal|popup|lightbox|hidden|w-condition-invisible|w-dyn-hide|sr-only|"
                           r"visually-hidden|screen-reader-text)"
                           r"(?:$|[-_\s])", re.I)


def hidden(node: LexborNode, within: LexborNode | None = None) -> bool:
    """True when ``node`` (or an element around it, up to ``within``) is hidden from the page's reader: ``display:
    none``, ``hidden``, ``aria-hidden="true"``, or a modal, pop-up or screen-reader class (a card's biography
    dialog repeats its name).

    >>> tree = LexborHTMLParser('<div id=c><div class="bio-modal"><h3>Ann Lee</h3></div><h4>Ann Lee</h4></div>')
    >>> hidden(tree.css_first("h3")), hidden(tree.css_first("h4"))
    (True, False)
    >>> hidden(LexborHTMLParser('<div class="field field--label-hidden">Ann Lee</div>').css_first("div"))
    False
    """
    here = node
    while here is not None and here.tag not in ("body", "html"):
        attrs = here.attributes
        style = (attrs.get("style") or "").replace(" ", "").lower()
        if ("display:none" in style or "visibility:hidden" in style or "hidden" in attrs
                or (attrs.get("aria-hidden") or "").lower() == "true"
                or _HIDDEN_CLASS.search(_LABEL_HIDDEN.sub(" ", attrs.get("class") or ""))):
            return True
        if within is not None and here.mem_id == within.mem_id:
            return False
        here = here.parent
    return False


def _card_positions(node: LexborNode, opts: Options, whole_page: bool = False) -> tuple[list[Position], str | None]:
    """The card's positions and a role printed after its last position line: every ``title`` and ``organisation``
    paired in order (two jobs as two pairs), and the ``position`` lines — one "Title, Org" line, or a title line
    then its organisation line, as on a profile page. On a ``whole_page`` only the first match of each counts
    (a page's other paragraphs are its biography)."""
    found = _first_only if whole_page else every
    titles, orgs = [text(n) for n in found(node, opts.title)], [text(n) for n in found(node, opts.organisation)]
    out = [Position(title=t or None, organisation=o or None) for t, o in zip_longest(titles, orgs) if t or o]
    taken = [n for key in ("name", "role", "country") for n in found(node, getattr(opts, key))]
    lines = [line for n in found(node, opts.position) if n.mem_id not in {t.mem_id for t in taken}  # beside a p.role
             for line in _position_lines(n, taken)]
    lines = [line for line in lines if line and not biography(line)]
    role = None
    if len(lines) == 1 and only_role(lines[0]):
        return out, lines[0]  # a tagline "Moderator": the card's role, no job title
    if lines:
        lines[-1], role = role_suffix(lines[-1])
        out += split_position(lines[0], reading=FREE_TEXT) if len(lines) == 1 else profile_positions(lines)
    return out, role


def _position_lines(node: LexborNode, taken: list[LexborNode]) -> list[str]:
    """The position printed by ``node``: its text, or, when it holds the name (or role) too (``position = "p"`` over
    ``<p><strong>Ann Lee</strong><br><em>Director</em><br><em>Acme</em></p>``), its other lines.

    >>> card = LexborHTMLParser("<p><strong>Dr Ann Lee</strong><br><em>Director</em><br>Acme AI</p>")
    >>> _position_lines(card.css_first("p"), [card.css_first("strong")])
    ['Director', 'Acme AI']
    """
    inner = {text(t) for t in taken if any(a.mem_id == node.mem_id for a in ancestors(t))}
    if not inner:
        return [text(node)]
    return [line for ln in node_lines(node) if (line := " ".join(ln.text.split())) and line not in inner]


def biography(line: str) -> bool:
    """True for a sentence of a biography (eight words or more ending in a full stop), no position line.

    >>> biography("Jan-Ole Petersen moderiert seit über zehn Jahren sicherheitspolitische Fachveranstaltungen.")
    True
    >>> biography("Director of Research, Centre for Cyber Policy, University of Examplia"), biography("Acme Inc.")
    (False, False)
    """
    return len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "…"))


def _first_only(node: LexborNode, selector: str) -> list[LexborNode]:
    hit = first(node, selector)
    return [hit] if hit is not None else []


def only_role(printed: str) -> bool:
    """True for a position line that is only a role word ("Moderator", "Keynote Speaker"), no job title.

    >>> only_role("Moderator"), only_role("Keynote Speaker"), only_role("Editor, Daily"), only_role("Speaker, Runner")
    (True, True, False, False)
    """
    return len(printed.split()) <= 3 and not re.search(r"[,;:()@|/–-]", printed) and role_of(printed) is not None


def role_suffix(printed: str) -> tuple[str, str | None]:
    """A role written after the title line ("…, Org - Opening Address") split off it."""
    head, sep, tail = printed.rpartition(" - ")
    if sep and head and role_of(tail) and len(tail) < 40:
        return head.strip(), tail.strip()
    return printed, None


# --- the meeting a card page stands for ---------------------------------------------------


def meeting(doc: Document, tree: LexborHTMLParser, opts: Options, settings: Settings,
            notes: list[Note]) -> SessionPage | None:
    """The one session of a card page: the meeting, its date, time and place."""
    title = text(first(tree.root, opts.edition)) if opts.edition else ""
    title = (title or _meta_text(doc.meta.get("title")) or text(first(tree.root, "h1"))
             or text(first(tree.root, "title")) or PurePosixPath(doc.path).stem)
    session = SessionPage(path=doc.path, title=title, permalink=permalink(_meta_text(doc.meta.get("permalink")),
                          settings.base_url), date=None, room=_matching(tree, opts.place, bool) or None)
    year = settings.year or path_year(doc.path)  # "2025/keynotes.html": a year-less date's year
    label = _matching(tree, opts.date, lambda t: first_day(t, year)) if opts.date else ""
    session.date_label = label or None
    session.date = (first_day(label, year) if label else None) or _when(opts.default_date) \
        or _when(doc.meta.get("date")) or times.file_date(doc.path)
    if session.date is None:
        notes.append(Note(doc.path, None, "skipped-file",
                          "card page names no date for its meeting — skipped; give the date selector or "
                          "default_date = \"YYYY-MM-DD\" in the profile's [[parts]]"))
        return None
    clock = _matching(tree, opts.time, reads_as_time) if opts.time else ""
    rest = time_left(label) if label and not clock else ""
    clock = clock or (rest if rest and reads_as_time(rest) else "")  # "Thursday, 11 March 2032, 14:00–15:30 CET"
    if clock:
        start, end = times.parse_time_range(clean_time(clock))
        session.time_label = clock
        session.start, session.end = times.combine(session.date, start), times.combine(session.date, end)
    return session


def _matching(tree: LexborHTMLParser, selector: str, accepts) -> str:
    """The text of the first match of ``selector`` that ``accepts``."""
    for node in tree.css(selector) if selector else ():
        value = text(node)
        if value and accepts(value):
            return value
    return ""


def time_left(printed: str) -> str:
    """What a date line prints besides its date: maybe a time. A range of days goes as a whole, and a day number
    left before a time range is no start ("Tue 23 - Thu 25 April": the weekdays part the range).

    >>> time_left("23 - 25 April 2031 9.00am - 5.30pm"), time_left("Thursday, 11 March 2032, 14:00–15:30 CET")
    ('9.00am - 5.30pm', '14:00–15:30 CET')
    >>> time_left("Tue 23 - Thu 25 April 2031 9.00am - 5.30pm"), time_left("4 May 2031, 9 - 11am")
    ('9.00am - 5.30pm', '9 - 11am')
    """
    days = times.range_text(printed)
    rest = times.without_date(printed.replace(days, " ") if days else printed)
    return " ".join(_DAY_BEFORE_TIMES.sub(" ", rest).split()).strip(" ,*|")


_CLOCK_TEXT = r"\d{1,2}(?:[.:h]\d{2})?\s*(?:[ap]\.?m\.?)?"
_DAY_BEFORE_TIMES = re.compile(r"(?<![\d.:])\d{1,2}(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|&)[\s,]*"
                               rf"(?={_CLOCK_TEXT}\s*(?:-|\u2013|\u2014|to|until)\s*\d)", re.I)


def reads_as_time(printed: str) -> bool:
    """True for a time or time range, not a date range ("22 - 23 June 2021").

    >>> reads_as_time("8:30am - 6.15pm"), reads_as_time("22 - 23 June 2021"), reads_as_time("12 noon")
    (True, False, True)
    >>> reads_as_time("0900 – 1030hrs (SGT)"), reads_as_time("2023 – 2024")
    (True, False)
    """
    if times.is_military(clean_time(printed)):
        return True  # "0900 – 1030hrs (SGT)"
    return (bool(re.search(r"\d\s*(?:[.:]\d{2}|h\s*\d{2}|h\b|a\.?m\b|p\.?m\b|noon)", printed, re.I)) and first_day(printed) is None
            and times.parse_time_range(clean_time(printed))[0] is not None)


def clean_time(printed: str) -> str:
    """A time line without zone names in brackets, which break a range ("1.00pm (CET) - 5.00pm (CET)"); a known
    zone's name is kept once, at the end.

    >>> clean_time("1.00pm (CET) - 5.00pm (CET)"), clean_time("9:00 (TBC) - 10:00")
    ('1.00pm - 5.00pm CET', '9:00 - 10:00')
    """
    zones = [z for z in re.findall(r"\(\s*([A-Z]{2,5})\s*\)", printed) if z in times.ZONE_NAMES]
    kept = " ".join(re.sub(r"\(\s*[A-Z]{2,5}\s*\)", " ", printed).split())
    return f"{kept} {zones[0]}" if zones else kept


_DAY_RANGE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|&)\s*\d{1,2}(?:st|nd|rd|th)?\s+"
                        r"(?=[A-Za-z]{3,})", re.I)
# "Day 1 – 12 March": a day's number in the programme, never a day of the month (nor the start of a range)
_DAY_NUMBER = re.compile(r"\b(?:day|tag|jour|d[ií]a|dag|giorno)\s+\d{1,2}\b(?!\s*(?:st|nd|rd|th)?\s*[^\W\d_]{3,})", re.I)
# a month's name (checked against the table of month names after the match: "Martes 14" is no March) and a day
_MONTH_DAY = re.compile(r"\b([^\W\d_]{3,})\.?\s+(\d{1,2})\b(?!\s*,?\s*\d{4})")


def first_day(printed: str, year: int | None = None) -> date | None:
    """The first day of a printed date or day range ("22 - 23 June 2021"); a year-less date takes ``year``.

    >>> first_day("Wed 12 May, 14:30–15:15", 2032), first_day("12 May 14:30", 2032), first_day("May 12, 2pm", 2032)
    (datetime.date(2032, 5, 12), datetime.date(2032, 5, 12), datetime.date(2032, 5, 12))
    >>> first_day("Martes 14 de mayo", 2024), first_day("Martes 14", 2024), first_day("Sept. 3", 2024)
    (datetime.date(2024, 5, 14), None, datetime.date(2024, 9, 3))
    >>> first_day("Day 1 – 12 March 2025"), first_day("Day 2 (9 Feb)", 2031)
    (datetime.date(2025, 3, 12), datetime.date(2031, 2, 9))
    """
    textual = _DAY_RANGE.sub(lambda m: m.group(1) + " ", _DAY_NUMBER.sub(" ", printed))
    day = times.parse_date(textual)
    if day is None and year:
        bare = _CLOCKS.sub(" ", textual)  # "Wed 12 May, 14:30–15:15": the time is no day of the month
        m = _DAY_MONTH.search(bare)
        day = times.parse_date(f"{m.group(1)} {m.group(2)} {year}") if m else None
        m = next((m for m in _MONTH_DAY.finditer(bare) if times.month_number(m.group(1))), None) if day is None else None
        day = day or (times.parse_date(f"{m.group(2)} {m.group(1)} {year}") if m else times.parse_date(f"{bare} {year}"))
    return day


_CLOCKS = re.compile(r"(?<!\d)\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[-\u2013\u2014]\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?)?"
                     r"|(?<!\d)\d{1,2}\s*[ap]\.?m\.?", re.I)
_DAY_MONTH = re.compile(r"(?<![\d:.])(\d{1,2})(?:st|nd|rd|th)?\.?\s+([^\W\d_]{3,})\.?(?!\s*,?\s*\d{4})")


def _when(value) -> date | None:
    if isinstance(value, date):
        return value
    if not value:
        return None
    printed = str(value)
    try:
        return date.fromisoformat(printed[:10])
    except ValueError:
        return first_day(printed)


def _meta_text(value) -> str:
    return " ".join(str(value).split()) if isinstance(value, str | int | float) else ""


# --- profile pages ------------------------------------------------------------------------


def read_profile(doc: Document, opts: Options, settings: Settings, notes: list[Note]) -> SpeakerPage | None:
    """A profile page: the name, the italic positions under the bold name, the biography after (or, with a
    ``name`` or ``person`` selector, what the selectors find)."""
    if opts.name or opts.person:
        return _profile_by_selectors(doc, opts, settings, notes)
    blocks = parse_blocks(doc.body, doc.body_line)
    at = next((i for i, b in enumerate(blocks) if b.kind == "paragraph" and b.lines
               and any(s.bold and s.text.strip() for s in b.lines[0])), None)
    printed = _meta_text(doc.meta.get(opts.profile_name))
    if at is not None:
        printed = printed or "".join(s.text for s in blocks[at].lines[0] if s.bold).strip()
    if not printed:
        notes.append(Note(doc.path, None, "skipped-file", f"profile page has no {opts.profile_name!r} in its front "
                          "matter and no bold name — skipped"))
        return None
    tree = page_tree(doc, "html")
    page = SpeakerPage(path=doc.path, line=blocks[at].line if at is not None else doc.body_line + 1,
                       permalink=permalink(_meta_text(doc.meta.get("permalink")), settings.base_url),
                       printed_name=printed, image=portrait(tree.body or tree.root, printed))
    if at is not None:
        italic = [" ".join("".join(s.text for s in line).split()) for line in blocks[at].lines[1:]
                  if any(s.italic for s in line)]
        page.positions = profile_positions([t for t in italic if t])
        page.biography = "\n\n".join(b.text.replace("\n", " ") for b in blocks[at + 1:]
                                     if b.kind == "paragraph" and b.text)
    return page


def _profile_by_selectors(doc: Document, opts: Options, settings: Settings, notes: list[Note]) -> SpeakerPage | None:
    """A profile page of a generated site (``speakers/ann-lee/index.html``): the name, title and organisation
    where the selectors point; its address is its permalink, else its path."""
    tree = page_tree(doc, opts.markup)
    root = tree.body if tree.body is not None else tree.root
    name, positions = text(first(root, opts.name)) if opts.name else "", []
    if opts.person:
        split = split_person(text(first(root, opts.person)), reading=FREE_TEXT)
        name, positions = split.name or name, split.positions
    if not name:
        notes.append(Note(doc.path, None, "skipped-file", f"profile page: nothing matches {opts.name or opts.person!r}"
                          " with a name — skipped; check the part's name selector"))
        return None
    more, _ = _card_positions(root, opts, whole_page=True)
    for pos in more:  # "Fonction : Directeur général": the label is no part of the title
        pos.title, pos.organisation = _unlabelled(pos.title), _unlabelled(pos.organisation)
    country = _country_text(root, opts.country) if opts.country else None
    if opts.labelled:
        found = labelled_fields.fields(root)
        more += [Position(title=t, organisation=o) for t, o in zip_longest(found.get("title", []),
                                                                            found.get("organisation", []))]
        country = country or next(iter(found.get("country", [])), None)
    return SpeakerPage(path=doc.path, line=Lines(doc).of(name) or doc.body_line + 1,
                       permalink=permalink(_meta_text(doc.meta.get("permalink")), settings.base_url)
                       or permalink(re.sub(r"\.(md|markdown)$", "", doc.path)), printed_name=name,
                       positions=positions + more, image=portrait(root, name), country_label=country,
                       biography=text(first(root, opts.biography)) if opts.biography else "")


def _country_text(node: LexborNode, selector: str) -> str | None:
    """The country a card prints where ``selector`` points: its text, else a flag's alt text ("<img class="flag"
    alt="Finland">", or such an image inside the element).

    >>> card = LexborHTMLParser('<div><span class="c"><img class="flag" alt="Finland"></span></div>').css_first("div")
    >>> _country_text(card, "span.c"), _country_text(card, "img.flag"), _country_text(card, "p")
    ('Finland', 'Finland', None)
    """
    found = first(node, selector)
    if found is None:
        return None
    if printed := text(found):
        return printed
    image = found if found.tag == "img" else found.css_first("img[alt]")
    return " ".join((image.attributes.get("alt") or "").split()) or None if image is not None else None


def _unlabelled(value: str | None) -> str | None:
    """A field without the label a page prints before it ("Funktion: Leiterin" is "Leiterin").

    >>> _unlabelled("Fonction : Directeur général"), _unlabelled("Director: Programmes"), _unlabelled(None)
    ('Directeur général', 'Director: Programmes', None)
    """
    m = re.match(r"^(?P<label>[^\W\d_]{3,20})\s*:\s+(?P<rest>\S.*)$", value or "")
    return m.group("rest") if m and m.group("label").lower() in _FIELD_LABELS else value


_FIELD_LABELS = {"position", "title", "role", "function", "organisation", "organization", "company", "affiliation",
                 "fonction", "poste", "titre", "organisme", "institution", "funktion", "unternehmen", "firma", "titel",
                 "country", "pays", "land"}


_JOB_START = re.compile(r"^(director|head|chief|professor|chair|founder|co-founder|president|partner|dean|"
                        r"adviser|advisor|member|fellow|vice|deputy|senior|assistant|associate|managing)\b", re.I)


def profile_positions(lines: list[str]) -> list[Position]:
    """Positions of the italic lines under a profile's name: one "Title, Org" line, a title line then its
    organisation line, or two jobs as two such pairs; a line that opens with a job word starts a new job.

    >>> [(p.title, p.organisation) for p in profile_positions(["Chief Executive", "Acme AI", "Professor", "Beta U"])]
    [('Chief Executive', 'Acme AI'), ('Professor', 'Beta U')]
    >>> [(p.title, p.organisation) for p in profile_positions(["Professor of Law, Beta U", "Director, Gamma Lab"])]
    [('Professor of Law', 'Beta U'), ('Director', 'Gamma Lab')]
    >>> [(p.title, p.organisation) for p in profile_positions(["Director of Data, Ministry of Things"])]
    [('Director of Data', 'Ministry of Things')]
    """
    out: list[Position] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and not _JOB_START.match(nxt) and ", " not in line:
            out.append(Position(title=line, organisation=nxt))
            i += 2
            continue
        if nxt is not None and not _JOB_START.match(nxt) and ", " in line and ", " not in nxt:
            out.append(Position(title=line, organisation=nxt))  # "Managing Partner, Fund" then "Institute"
            i += 2
            continue
        out += split_position(line, reading=FREE_TEXT)
        i += 1
    return out
