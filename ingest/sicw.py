"""The reader for Isomer/Jekyll event sites (SICW): session pages with panel tables, speaker pages.

A session page has a title heading, a bold date line, a time line, an optional
format line, abstract paragraphs and a pipe table whose bold sub-header rows
(``Moderator``, ``Panellists``…) set the role of the rows below them. Other
years print the people otherwise, and these are read too: a table whose header
names its columns, a photo column beside the person, a cell per person (name
line, then title, organisation and country lines), and role lines under or above
the table (``**Chair:** Ms Ana Cruz, Director, …``, ``*Moderated by …*``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime

from selectolax.lexbor import LexborHTMLParser

from graph.errors import IngestError
from ingest import times
from ingest.body_people import item_row
from ingest.column_table import column_rows, columns, grid
from ingest.printed_people import lines_positions, people_in_lines
from ingest.countries import Countries, default_countries
from ingest.markdown import Block, Cell, Segment, TableRow, line_text, parse_blocks
from ingest.names import split_name
from ingest.people_text import outside_brackets, role_prefix
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person, split_position
from ingest.positions import page_positions, read_positions
from ingest.prose_people import prose_people
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import LABELS, clean_label, is_role_heading, role_of, role_of_link, role_of_title, role_words_only
from ingest.tidy import cancellation, not_a_person
from ingest.sicw_options import DEFAULT, Options

NAME = "sicw"
ONE_SESSION = True  # a page is one session: a page of several timed headings or lines is a programme (readers.py)

# "Moderator – Dr X", "Guest-of-Honour: Mr Y": a role printed before the name of a speaker page
_ROLE_PREFIX = re.compile(r"^\s*([A-Za-z][\w -]{1,30}?)\s*(?:[\u2013\u2014:]|\s-)\s*(?=\S)")

def detect(doc: Document) -> bool:
    """True for a page of this format: a date line above a panel table (role rows, speaker links, named columns
    or cells holding a person each; Markdown or a pasted HTML ``<table>``) or above a role line with its people
    under it (``**Chair**``, then a bullet or a bold name block), or a speaker page."""
    blocks = parse_blocks(doc.body, doc.body_line)
    dated = any(_printed_date(line_text(line)) for b in blocks[:8] if b.kind == "paragraph" for line in b.lines)
    tables = [t for b in blocks if b.kind in ("table", "html") and (t := _table_of(b)) is not None]
    rows = [row for t in tables for row in t.rows if row.cells]
    panel = any(_is_heading(_filled(row)) or _speaker_link(row.cells[0]) for row in rows) \
        or any(columns(t.rows[0]) for t in tables if t.rows) \
        or any(person_cells(row, _filled(row), (None, None), default_countries()) for row in rows) \
        or any(role_and_people(row, _filled(row), default_countries()) for row in rows)
    return (dated and (panel or _role_people(blocks))) \
        or (bool(doc.meta.get("permalink")) and has_speaker_shape(blocks))


def _role_people(blocks: list[Block]) -> bool:
    """True when a role-only paragraph ("**Chair**") has a person under it (a list item or a name block), or a
    paragraph opens with a role line above a person."""
    for block, below in zip(blocks, blocks[1:]):
        if block.kind == "paragraph" and not block.item and len(block.lines) > 1 and _segment_head(block.lines[0]) \
                and _person_block(block, "", default_countries(), DEFAULT):
            return True  # "**Opening Remarks**", "Dato' Dr Haslinda Yusof", "*Chief Executive, …*" in one paragraph
        label = _role_only(block.lines[0]) if block.kind == "paragraph" and len(block.lines) == 1 else None
        if label and below.kind == "paragraph" and (_item_person(below, label) if below.item else
                                                    _person_block(below, label, default_countries(), DEFAULT)):
            return True
    return False


def check(options) -> None:
    """Raise ``ValueError`` naming the first bad option of a ``sicw`` part (see ``ingest/sicw_options.py``)."""
    Options.from_options(options)


def is_speaker_page(doc: Document, opts: Options = DEFAULT) -> bool:
    """True for a speaker page (by permalink or folder), False for an event page."""
    permalink = next((str(value) for key in opts.permalink if (value := doc.meta.get(key))), "")
    return bool(opts.speaker_path.search(permalink) or opts.speaker_path.search(doc.path))


def read(doc: Document, countries: Countries | None = None, **options) -> Parsed:
    """Parse a document of this site format into sessions or a speaker page (``options``: a profile part's)."""
    try:
        opts = Options.from_options(options) if options else DEFAULT
    except ValueError as exc:
        raise IngestError(doc.path, f"bad option of the {NAME} part in the site profile: {exc}") from None
    countries = countries or default_countries()
    parsed = Parsed(doc=doc, reader=NAME)
    blocks = parse_blocks(doc.body, doc.body_line)
    if is_placeholder(doc, blocks, opts):
        parsed.notes.append(Note(doc.path, None, "placeholder", "a placeholder page ('Example Title', 'Lorem ipsum') "
                                                                "— skipped; delete it or fill it in"))
        return parsed
    if is_speaker_page(doc, opts):
        page = read_speaker(doc, blocks, countries, parsed.notes, opts)
        if page:
            parsed.speakers.append(page)
        return parsed
    notes: list[Note] = []
    session = read_session(doc, blocks, countries, notes, opts)
    if session is None and has_speaker_shape(blocks, opts):
        page = read_speaker(doc, blocks, countries, parsed.notes, opts)
        parsed.speakers += [page] if page else []
        return parsed
    parsed.notes += notes
    parsed.sessions += [session] if session else []
    return parsed


_PLACEHOLDER_TITLE = re.compile(r"^\s*(example|sample|dummy|placeholder|test)\s+(title|page|event|session)\s*$", re.I)
_LOREM = re.compile(r"\blorem ipsum\b", re.I)


def is_placeholder(doc: Document, blocks: list[Block], opts: Options = DEFAULT) -> bool:
    """True for a template page left in the site: "Example Title" as its title, or Lorem ipsum text."""
    titles = [_meta(doc, opts.title) or "", next((b.text for b in blocks if b.kind == "heading"), "")]
    return any(_PLACEHOLDER_TITLE.match(t) for t in titles) or bool(_LOREM.search(doc.body))


def has_speaker_shape(blocks: list[Block], opts: Options = DEFAULT) -> bool:
    """True for the shape of a speaker page: a name heading, an italic or bold position block, then a biography."""
    kinds = [b for b in blocks if b.kind in ("heading", "paragraph", "table")]
    if any(b.kind == "table" for b in kinds):
        return False
    for i, block in enumerate(kinds[:-1]):
        nxt = kinds[i + 1]
        if (block.kind == "heading" and nxt.kind == "paragraph" and nxt.lines and nxt.lines[0]
                and (nxt.lines[0][0].italic or _bold_positions(nxt, opts)) and len(block.text) < 80):
            rest = kinds[i + 2:]
            return any(b.kind == "paragraph" and len(b.text) > 80 or opts.is_biography(b.text) for b in rest)
    return False


# --- session pages -------------------------------------------------------------------------


def read_session(doc: Document, blocks: list[Block], countries: Countries, notes: list[Note],
                 opts: Options = DEFAULT) -> SessionPage | None:
    """A session from an event page, or ``None`` (with a note) when the page is not one."""
    title = _title(doc, blocks, opts)
    session = SessionPage(path=doc.path, title=title, permalink=_meta(doc, opts.permalink), date=None)
    abstract: list[str] = []
    heading_role: str | None = None  # the role a heading above a table names ("Speakers (Draft)", "Opening Segment")
    block_role: str | None = None  # the role of the paragraph just above: people printed in blocks below it
    loose: list[Row] = []  # people read from prose and blocks, which may repeat the table's
    titled = bool(_meta(doc, opts.title))  # a title in the front matter: no heading of the body is the page's title
    for block in blocks:
        if block.kind == "paragraph" and block_role and (people := _person_block(block, block_role, countries, opts)):
            loose += people
        elif block.kind == "paragraph" and block.item and block_role and (row := _item_person(block, block_role)):
            loose.append(row)  # "**Chair**", then "- H.E. Ana Lima, Minister for …, Chile"
        elif block.kind == "paragraph":
            label = _read_paragraph(session, block, abstract, countries, notes, opts, loose)
            heading_role = label or heading_role
            block_role = label or (block_role if not block.text else None)  # a photo between keeps the role
        elif block.kind == "heading" and block.text:
            if (session.date_label or session.time_label or titled) and not _same_text(block.text, session.title):
                # the page's title heading names no role (printed again under its front matter's title too)
                heading_role = clean_label(block.text) if is_role_heading(block.text) else None
            titled = True
            block_role = None
        elif block.kind in ("table", "html") and (table := _table_of(block)) is not None:
            session.rows.extend(read_table(doc.path, table, countries, notes, heading_role, opts))
            block_role = None
    session.rows = _with_loose(session.rows, loose)
    _panel_rows(session)
    session.abstract = "\n\n".join(abstract)
    if (notice := cancellation(doc.body[:2000])) and notice not in session.abstract:
        session.abstract = f"{notice}. {session.abstract}"  # a notice box above the date line: the session is off
    _check_weekday(doc, session, notes)
    meta_date = _meta_date(doc, opts)
    if session.date and meta_date and session.date != meta_date:
        notes.append(Note(doc.path, None, "date-mismatch",
                          f"body date {session.date.isoformat()} contradicts front matter date "
                          f"{meta_date.isoformat()} — the body date is used"))
    session.date = session.date or meta_date
    if session.date is None:
        kind = "skipped-file"
        notes.append(Note(doc.path, None, kind, "not a session page: no date line, no date in front matter "
                                                "or folder name — skipped"))
        return None
    session.start = times.combine(session.date, session.start)  # type: ignore[arg-type]
    session.end = times.combine(session.date, session.end)  # type: ignore[arg-type]
    if not session.rows:
        notes.append(Note(doc.path, None, "no-people", "session page names nobody — no panel table, role line "
                          "(Chair: …, Moderated by …) or person cell was read; the session is kept without people. "
                          "If the page does name people, read it with a part that fits: speakergraph profile DIR"))
    return session


def _same_text(a: str, b: str | None) -> bool:
    return " ".join(a.split()).casefold() == " ".join((b or "").split()).casefold()


def _panel_rows(session: SessionPage) -> None:
    """The people a panel's or a roundtable's page prints under no role label ("Ministerial Roundtable: …", a table
    of people and nothing above it): its panellists."""
    label = role_of_title(session.title or "")
    if label and role_of(label) == "panellist":
        for row in session.rows:
            if row.role_label == "Speaker":
                row.role_label = label


def _title(doc: Document, blocks: list[Block], opts: Options) -> str:
    heading = next((b.text for b in blocks if b.kind == "heading" and b.text), "")
    return _meta(doc, opts.title) or heading or doc.path.rsplit("/", 1)[-1].removesuffix(".md")


def _read_paragraph(session: SessionPage, block: Block, abstract: list[str], countries: Countries,
                    notes: list[Note], opts: Options, loose: list[Row] | None = None) -> str | None:
    """Date, time and format lines, role lines naming people, and the abstract, with the people its sentences
    name (into ``loose``); the label of a paragraph that is only a role line ("**Panellists**"), which names the
    role of the table or the person block below."""
    kept = []
    for offset, line in enumerate(block.lines):
        text = line_text(line)
        if opts.footer_line.search(text):
            continue
        if session.date is None and not session.time_label and _date_line(session, text, block.line + offset,
                                                                           notes, opts):
            continue
        if opts.time_line.match(text) or (len(text) < 60 and opts.is_time_tbc(text)):
            if opts.skip_line.match(text):
                continue
            _read_time(session, text, block.line + offset, notes, opts)
        elif session.time_label is None and times.is_time_line(text):  # "*8.00pm to 9.15pm (GMT +8)*", no label
            _read_time(session, text, block.line + offset, notes, opts)
        elif (m := opts.format_line.match(text)) and session.format is None:
            session.format = m.group(1).strip()
        elif _opens_people(line) and (rows := _people_rows(block.lines[offset:], block.line + offset, countries, opts)):
            session.rows.extend(rows)
            break
        elif len(block.lines) == 1 and (label := _role_only(line) or _segment_role(line)):
            return label
        elif session.date_label or session.time_label:
            kept.append(text)
            if loose is not None:
                loose += _prose_rows(text, block.line + offset)
    if kept and not (len(kept) == 1 and all(s.bold for s in block.lines[0] if s.text.strip()) and len(block.lines) == 1):
        abstract.append("\n".join(kept))
    return None


def _date_line(session: SessionPage, text: str, line: int, notes: list[Note], opts: Options) -> bool:
    """Read the page's date line ("15 October 2024 (Tuesday)", "…, 8.00pm to 9.15pm", "… | Closed-door session")."""
    parts = _DATE_CUT.split(text, maxsplit=1)
    printed, cut, rest = parts if len(parts) == 3 else (text, "", "")
    if not _printed_date(printed):
        return False
    session.date, session.date_label = times.parse_date(printed), printed
    clock = times.without_date(printed)
    if times.is_range(clock) and times.is_time_line(clock):  # "15 October 2024, 8.00pm to 9.15pm"
        _read_time(session, clock, line, notes, opts)
    if cut == "|" and rest.strip() and session.format is None:
        session.format = rest.strip()  # "| Closed-door session"
    elif cut and rest.strip() and session.room is None:
        session.room = rest.strip()  # "— Conference Room 12, UN Headquarters"
    return True


# what ends a date line's date: a bar, or a spaced dash before a place ("…, 13:15–14:30 EDT — Conference Room 12")
_DATE_CUT = re.compile(r"\s+(\||[\u2013\u2014])\s+")


def _printed_date(text: str) -> date | None:
    """The date of a short line that prints one, before a bar or a spaced dash ("22 October 2025 | Closed-door
    session", "Wednesday, 10 July 2024, 13:15–14:30 EDT — Conference Room 12")."""
    printed = _DATE_CUT.split(text, maxsplit=1)[0]
    return times.parse_date(printed) if len(printed) < 60 else None


def _bold(line: list[Segment]) -> bool:
    return all(s.bold for s in line if s.text.strip())


def _role_only(line: list[Segment]) -> str | None:
    """The label of a line that is only a role ("**Panellists**", "Moderator:"), or ``None``."""
    text = line_text(line)
    own, rest = role_prefix(text)
    if own and not rest:
        return own
    return clean_label(text) if _bold(line) and is_role_heading(text) and not looks_like_name(text) else None


def _segment_head(line: list[Segment]) -> bool:
    """A segment's role line over its people in one paragraph: role words alone, bold, no colon ("**Opening
    Remarks**"; a labelled list, "**Panellists:**", is any programme's)."""
    text = line_text(line).strip()
    return bool(_role_only(line)) and _bold(line) and role_words_only(text) and not text.endswith(":")


def _segment_role(line: list[Segment]) -> str | None:
    """The role a bold segment title gives the people printed below it ("**Fireside Chat: Trust as Critical
    Infrastructure**", "**Keynote Address by the Minister**"), or ``None``."""
    return role_of_title(line_text(line)) if _bold(line) else None


def _opens_people(line: list[Segment]) -> bool:
    """True for a role line, or a line that opens with a role ("**Chair:** Ms …", "*Moderated by …*") and is no
    bold title ("**Keynote: Securing AI**")."""
    return bool(_role_only(line) or (role_prefix(line_text(line))[0] and not _bold(line)))


def _people_rows(lines: list[list[Segment]], first: int, countries: Countries, opts: Options,
                 label: str | None = None) -> list[Row]:
    """Rows of the people a paragraph's role lines name, each on its own line of the file: those printed with an
    honorific, or with a position in a line whose label or name is set off in bold or italics ("Panel: Tides,
    Data and Trust" and "Keynote: Securing AI" name nobody); ``label``: the role of the paragraph above."""
    found = people_in_lines(lines, label, countries, opts.organisation_line)
    return [Row(line=first + p.at, role_label=p.label or "", printed_name=p.name, link=None, positions=p.positions,
                country_label=p.country)
            for p in found if split_name(p.name).honorific or (p.positions and _set_off(lines[p.at]))]


def _person_block(block: Block, label: str, countries: Countries, opts: Options) -> list[Row]:
    """The people of a paragraph under a role-only one ("**Keynote Address**", then "**Mr Victor Hale**" and
    his position lines): its first line bold, a name or opening with an honorific."""
    lines, first_line = block.lines, block.line
    if len(lines) > 1 and (own := _role_only(lines[0]) or _bare_role(lines[0])):  # "Guest of Honour", then her name
        label, lines, first_line = own, lines[1:], first_line + 1
    first = lines[0] if lines else []
    text = line_text(first)
    if not (text and (split_name(text).honorific or looks_like_name(text))):
        return []
    # a name in bold, or with its honorific, or above its position in italics ("Mr Rizal Hamdan", then
    # "*Chief Executive, …*")
    if not (_bold(first) or split_name(text).honorific or (len(lines) > 1 and _italic(lines[1]))):
        return []
    return _people_rows(lines, first_line, countries, opts, label)


def _bare_role(line: list[Segment]) -> str | None:
    """A line that is a role alone, without bold or colon ("Guest of Honour" above the minister's name)."""
    text = line_text(line).strip()
    return text if 0 < len(text.split()) <= 4 and role_of(text) and role_words_only(text) \
        and not looks_like_name(text) else None


def _italic(line: list[Segment]) -> bool:
    return all(s.italic for s in line if s.text.strip())


def _item_person(block: Block, label: str) -> Row | None:
    """The person of a list item under a role-only paragraph, read as the programme reader reads bullets
    ("H.E. Ana Lima, Minister for Trade, Chile"): a name with an honorific, or a name and a position.

    >>> from ingest.markdown import parse_blocks
    >>> items = parse_blocks("- Dr Ola Berg, Chief Scientist, Fjord Lab, Norway\\n- Vera Lund\\n- Ideas welcome", 1)
    >>> [(r.printed_name, r.role_label) if r else None for r in (_item_person(b, "Chair") for b in items)]
    [('Dr Ola Berg', 'Chair'), None, None]
    """
    row = item_row(block, label)
    if row is None or not_a_person(row.printed_name) or not looks_like_name(split_name(row.printed_name).name):
        return None
    return row if split_name(row.printed_name).honorific or any(p.title or p.organisation for p in row.positions) \
        else None


def _prose_rows(text: str, line: int) -> list[Row]:
    """The people a sentence of the abstract names after a role phrase ("remarks by SMS Ann Lee, Minister, …")."""
    return [Row(line=line, role_label=m.label or "Speaker", printed_name=m.name, link=None, positions=m.positions)
            for m in prose_people(text)]


def _with_loose(rows: list[Row], loose: list[Row]) -> list[Row]:
    """The table's rows and those read from blocks and prose that name nobody already named (by link or name),
    in the order of the page."""
    seen_links = {r.link for r in rows if r.link}
    seen_names = {_name_key(r.printed_name) for r in rows}
    kept = []
    for row in loose:
        if (row.link and row.link in seen_links) or _name_key(row.printed_name) in seen_names:
            continue
        seen_names.add(_name_key(row.printed_name))
        kept.append(row)
    return sorted(rows + kept, key=lambda r: r.line or 0) if kept else rows


def _name_key(printed: str) -> str:
    """A printed name without honorific and case, to find a person named twice on a page.

    >>> _name_key("Mr Victor HALE") == _name_key("Victor Hale")
    True
    """
    return " ".join(split_name(printed).name.casefold().split())


def _set_off(line: list[Segment]) -> bool:
    first = next((s for s in line if s.text.strip()), None)
    return first is not None and (first.bold or first.italic)


def _read_time(session: SessionPage, text: str, line: int, notes: list[Note], opts: Options = DEFAULT) -> None:
    session.time_label = opts.time_label.sub("", text, count=1)
    start, end = times.parse_time_range(session.time_label)
    if (start is None or (end is None and times.is_range(text))) and "tbc" not in text.lower() and "tba" not in text.lower():
        notes.append(Note(session.path, line, "bad-time", f"cannot read the time line {text!r} — times left empty; "
                                                          "write it as '8.00pm to 9.15pm (GMT +8)'"))
        start = end = None
    elif start is not None and start.tzinfo is None:
        notes.append(Note(session.path, line, "no-zone", f"time line {text!r} names no time zone "
                                                         "(e.g. 'GMT +8') — times kept without offset"))
    session.start, session.end = start, end  # type: ignore[assignment]


def _check_weekday(doc: Document, session: SessionPage, notes: list[Note]) -> None:
    """A body date whose weekday belongs to the edition's year (the folder's), not the printed one, is moved there."""
    if session.date is None or not session.date_label:
        return
    fixed = times.fix_year(session.date, times.weekday(session.date_label), _edition_year(doc.path))
    if fixed:
        notes.append(Note(doc.path, None, "date-corrected",
                          f"date line {session.date_label!r}: its weekday falls in {fixed.year}, the edition's year, "
                          f"not in {session.date.year} — dated {fixed.isoformat()}; correct the year on the page"))
        session.date = fixed


_EDITION_YEAR = re.compile(r"(?:^|/)_?((?:19|20)\d\d)(?:[-_ ]|/)")


def _edition_year(path: str) -> int | None:
    """The year of the edition a file is filed under (``_2024-events/…``), or ``None``.

    >>> _edition_year("_2022-events/4 October 2022/x.md"), _edition_year("events/x.md")
    (2022, None)
    """
    m = _EDITION_YEAR.search(path)
    if m:
        return int(m.group(1))
    folder = next((times.parse_date(part) for part in reversed(path.split("/")[:-1]) if times.parse_date(part)), None)
    return folder.year if folder else None


def _meta_date(doc: Document, opts: Options = DEFAULT) -> date | None:
    for key in opts.date:
        value = doc.meta.get(key)
        if isinstance(value, datetime):  # "date: 2024-10-15 10:00" is a YAML timestamp; the session wants the day
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, str) and times.parse_date(value):
            return times.parse_date(value)
    for part in reversed(doc.path.split("/")[:-1]):
        if times.parse_date(part):
            return times.parse_date(part)
    return _permalink_date(_meta(doc, opts.permalink) or "")


def _permalink_date(permalink: str) -> date | None:
    """The date a permalink's segment prints, its words joined by hyphens ("/2025/events/23-oct-2025/panel/"): the
    page's date when no line, key or folder gives one.

    >>> _permalink_date("/2025/events/23-oct-2025/panel/"), _permalink_date("/events/2025-10-23/x/")
    (datetime.date(2025, 10, 23), datetime.date(2025, 10, 23))
    >>> _permalink_date("/2025/events/day-3/panel-2/") is None
    True
    """
    for part in permalink.split("/"):
        found = times.parse_date(part) or times.parse_date(re.sub(r"[-_]+", " ", part))
        if found:
            return found
    return None


def _str(value) -> str | None:
    return str(value).strip() if value not in (None, "") else None


def _meta(doc: Document, keys: tuple[str, ...]) -> str | None:
    """The first of the front-matter ``keys`` that the page fills, as text."""
    return next((text for key in keys if (text := _str(doc.meta.get(key)))), None)


# --- panel tables ------------------------------------------------------------------------


def read_table(path: str, block: Block, countries: Countries, notes: list[Note],
               heading_role: str | None = None, opts: Options = DEFAULT) -> list[Row]:
    """Person rows of a panel table; sub-header rows set the role of the rows below.

    Rows above the first sub-header take the role their link implies (``/moderator-…/``), else
    the role the heading above the table names (``##### **Speakers (Draft)**``). An empty cell
    (a photo) is no field; a cell that holds a whole person (name line, then its positions) is read
    alone, and a row of them is a row of people.
    """
    if block.rows and (cols := columns(block.rows[0])):  # "| Role | Speaker | Designation | Organisation |"
        return _each_person(column_rows(path, block, _designation_joined(cols), heading_role, notes), countries)
    if block.rows and (labels := _column_roles(block.rows[0])):  # "| Moderator | Panellists |", a person a cell
        return _each_person(_column_people(block.rows[1:], labels, countries, opts), countries)
    rows: list[Row] = []
    role: str | None = None
    skipped: list[TableRow] = []
    for trow in block.rows:
        filled = _filled(trow)
        if not filled:
            continue
        if _is_heading(filled):
            role = clean_label(filled[0].text.replace("\n", " "))
            continue
        if people := role_and_people(trow, filled, countries, opts):
            rows += people  # "| **Moderator** | Mr LIM Boon Kiat, Director, Agency, Singapore |"
            continue
        if people := person_cells(trow, filled, (role, heading_role), countries, opts):
            rows += people
            continue
        cells = _from_name(trow.cells)
        label = role or _implied_role(cells[0], heading_role, opts)
        if label is None:
            skipped.append(trow)
            continue
        row = read_row(path, TableRow(trow.line, cells), label, countries, notes, opts)
        if row:
            rows.append(row)
    rows = _each_person(rows, countries)
    if skipped and not rows:
        notes.append(Note(path, block.line, "not-a-panel",
                          f"table of {len(block.rows)} rows has no role headings and no speaker links — "
                          "not a panel table, skipped"))
    elif skipped:
        for trow in skipped:
            notes.append(Note(path, trow.line, "skipped-row", "row before any role heading has no speaker link — skipped"))
    return rows


def _column_roles(trow: TableRow) -> list[str | None] | None:
    """The role each column's head names when a table's first row is role words alone in two cells or more
    ("| Moderator | Panellists |"); ``None`` for any other first row."""
    texts = [clean_label(c.text.replace("\n", " ")) for c in trow.cells]
    named = [t for t in texts if t]
    if len(named) < 2 or not all(role_of(t) and role_words_only(t) and not looks_like_name(t) for t in named):
        return None
    return [t or None for t in texts]


def _column_people(trows: list[TableRow], labels: list[str | None], countries: Countries,
                   opts: Options = DEFAULT) -> list[Row]:
    """The people of a table whose columns are roles: each cell's people ("**Mr Arjun Rao**<br>Director<br>…")
    with its column's role, unless the cell prints its own."""
    rows = []
    for trow in trows:
        for cell, label in zip(trow.cells, labels):
            if label and cell.text.strip():
                rows += [Row(line=trow.line, role_label=p.label or label, printed_name=p.name, link=cell.link,
                             positions=p.positions, country_label=p.country)
                         for p in people_in_lines(cell.lines, None, countries, opts.organisation_line)]
    return rows


def _designation_joined(cols: dict[str, int]) -> dict[str, int]:
    """The columns of a table whose one position column is a title ("| Speaker | Designation |"), with that column
    read as title and organisation together: beside no organisation column, a designation cell prints both
    ("Director, Harbour Data Office").

    >>> _designation_joined({"name": 0, "title": 1}), _designation_joined({"name": 0, "title": 1, "organisation": 2})
    ({'name': 0, 'position': 1}, {'name': 0, 'title': 1, 'organisation': 2})
    """
    if "title" not in cols or "organisation" in cols or "position" in cols:
        return cols
    return {("position" if field == "title" else field): at for field, at in cols.items()}


# "Mr A and Ms B", "Dr A & Prof B": two people in one name cell
_PAIR = re.compile(r"\s+(?:and|&)\s+")


def _each_person(rows: list[Row], countries: Countries) -> list[Row]:
    """The rows with a name cell printing two or more people ("Mr Ivo Rask and Ms Ada Lund") split into a row each,
    every piece opening with an honorific (so "Tan and Partners" stays whole); they share the cell's positions,
    and a country printed as a list of as many countries ("Ghana and Uruguay", in the country or the last
    organisation) gives each their own.

    >>> rows = _each_person([Row(1, "Speakers", "Mr Ivo Rask and Ms Ada Lund", None, [Position("Deputy Ministers",
    ...                      "Estonia and Chile")])], default_countries())
    >>> [(r.printed_name, [(p.title, p.organisation) for p in r.positions], r.country_label) for r in rows]
    [('Mr Ivo Rask', [('Deputy Minister', None)], 'Estonia'), ('Ms Ada Lund', [('Deputy Minister', None)], 'Chile')]
    """
    out: list[Row] = []
    for row in rows:
        names = [" ".join(p.split()) for p in outside_brackets(_PAIR, row.printed_name)]
        if len(names) < 2 or not all(split_name(n).honorific and looks_like_name(split_name(n).name) for n in names):
            out.append(row)
            continue
        positions, each = _countries_of(row, len(names), countries)
        out += [replace(row, printed_name=name, link=None, country_label=country,
                        positions=[replace(p, title=_one_of(p.title)) for p in positions])
                for name, country in zip(names, each)]
    return out


# a job noun in the plural, as a title shared by the people of one cell prints it ("Deputy Ministers", "Co-Chairs")
_PLURAL_JOB = re.compile(r"(?<=[a-z](?:er|or|nt|st|ir|ad|ee|ow))s$")
# a title that goes on after its job noun ("Head of Legal Affairs"): its last word is no job noun
_QUALIFIED = re.compile(r",|\b(?:of|for|in|at|to|and)\b", re.I)


def _one_of(title: str | None) -> str | None:
    """A title shared by several people as one of them holds it: a plural job noun that ends it, singular.

    >>> _one_of("Deputy Ministers"), _one_of("Co-Chairs"), _one_of("Head of Legal Affairs"), _one_of(None)
    ('Deputy Minister', 'Co-Chair', 'Head of Legal Affairs', None)
    """
    return _PLURAL_JOB.sub("", title) if title and not _QUALIFIED.search(title) else title


def _countries_of(row: Row, count: int, countries: Countries) -> tuple[list[Position], list[str | None]]:
    """A shared row's positions and a country for each of its ``count`` people: the country label, or the last
    organisation when it is only a list of countries, split into ``count`` countries; else the label for all."""
    last = row.positions[-1] if row.positions else None
    for text, from_org in ((row.country_label, False), (last.organisation if last else None, True)):
        parts = [p.strip() for p in outside_brackets(_PAIR, re.sub(r"\s*,\s*", " and ", text or ""))]
        if len(parts) == count and all(countries.lookup(p, fuzzy=False) for p in parts):
            if from_org:
                return row.positions[:-1] + [replace(last, organisation=None)], parts
            return row.positions, parts
    return row.positions, [row.country_label] * count


def _table_of(block: Block) -> Block | None:
    """A table block as it is, or the ``<table>`` of an HTML block pasted into the Markdown as one (else ``None``)."""
    return block if block.kind == "table" else html_table(block)


def html_table(block: Block) -> Block | None:
    """The first ``<table>`` of an HTML block as a table block, rows at their file lines, spanning cells laid out
    (``column_table.grid``), each cell's lines cut at ``<br>`` with its italic and bold runs kept: what a pipe
    table's cells hold, so both are read alike.

    >>> html = ('<table>\\n<tr><td colspan="2"><strong>Chair</strong></td></tr>\\n<tr><td><a href="/s/x/">Mr X</a></td>'
    ...         '<td><em>Director</em><br>Port Office</td></tr></table>')
    >>> t = html_table(Block("html", 5, lines=[[Segment(html)]]))
    >>> [(r.line, [c.text for c in r.cells]) for r in t.rows], t.rows[1].cells[1].lines[0][0].italic
    ([(6, ['Chair', '']), (7, ['Mr X', 'Director\\nPort Office'])], True)
    """
    html = block.lines[0][0].text if block.lines and block.lines[0] else ""
    low = html.lower()
    node = LexborHTMLParser(html).css_first("table") if "<table" in low else None
    if node is None:
        return None
    table, at = Block("table", block.line), 0
    for row in grid(node):
        at = max(low.find("<tr", at + 1), at)  # each row's file line: the tree keeps no positions, the text does
        if any(s is not None and s.top for s in row):
            cells = [_html_cell(s.cell) if s is not None and s.top and s.left else Cell([], None) for s in row]
            trow = TableRow(block.line + low.count("\n", 0, at), cells)
            if not _unknown_header(trow, row, first=not table.rows):
                table.rows.append(trow)
    return table


def _unknown_header(trow: TableRow, slots: list, first: bool) -> bool:
    """True for a row of ``<th>`` column names that are not a panel's ("Time | Programme"): no person, no role
    (a lone ``<th>`` is a role sub-header; the first row naming person columns is read by its names)."""
    heads = [s for s in slots if s is not None and s.top and s.left and s.cell.tag == "th"]
    filled = [c for c in trow.cells if c.text]
    return len(heads) == len(filled) > 1 and not (first and columns(trow))


def _html_cell(node) -> Cell:
    """A ``<td>`` as a cell: lines at ``<br>`` and block edges, italic (``<em>``, ``<i>``) and bold runs kept (all of
    a ``<th>`` bold, as browsers print it)."""
    lines: list[list[Segment]] = [[]]

    def walk(n, italic: bool, bold: bool) -> None:
        for child in n.iter(include_text=True):
            if child.tag == "-text":
                lines[-1].append(Segment((child.text_content or "").replace("\n", " "), italic, bold))
            elif child.tag == "br" or child.tag in _HTML_BLOCKS:
                lines.append([])
                if child.tag != "br":
                    walk(child, italic, bold)
                    lines.append([])
            elif child.tag not in ("script", "style"):
                walk(child, italic or child.tag in ("em", "i"), bold or child.tag in ("strong", "b"))

    walk(node, False, node.tag == "th")
    link = node.css_first("a[href]")
    return Cell([line for line in lines if any(s.text.strip() for s in line)],
                link.attributes.get("href") if link is not None else None)


_HTML_BLOCKS = {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def _filled(trow: TableRow) -> list[Cell]:
    return [c for c in trow.cells if c.text]


def _from_name(cells: list[Cell]) -> list[Cell]:
    """A row's cells from its name cell on: the empty cells before a name (a photo column) are no field."""
    lead = next((i for i, c in enumerate(cells) if c.text), 0)
    first = cells[lead].lines[0] if cells[lead].lines else []
    if lead and not any(s.italic for s in first) and looks_like_name(line_text(first)):
        return cells[lead:]
    return cells


def person_cells(trow: TableRow, filled: list[Cell], roles: tuple[str | None, str | None], countries: Countries,
                 opts: Options = DEFAULT) -> list[Row]:
    """The rows of a row whose cells each hold a whole person: one cell of several lines or with a role
    ("**Moderator:** Prof. X"), or several such cells side by side; none for a name cell beside a position cell.

    A person's role is the one printed in its cell, else the sub-header's, the link's or the heading's
    (``roles``: the sub-header's and the heading's), else Speaker."""
    if len(filled) == 1 and len(filled[0].lines) == 1 and not role_prefix(filled[0].text)[0]:
        return []
    if len(filled) > 1 and any(len(c.lines) < 2 for c in filled):
        return []
    found = [(cell, people_in_lines(cell.lines, None, countries, opts.organisation_line)) for cell in filled]
    if not all(people for _, people in found):
        return []
    role, heading_role = roles
    return [Row(line=trow.line, role_label=p.label or role or _link_role(cell) or heading_role or "Speaker",
                printed_name=p.name, link=cell.link, positions=p.positions, country_label=p.country)
            for cell, people in found for p in people]


def role_and_people(trow: TableRow, filled: list[Cell], countries: Countries, opts: Options = DEFAULT) -> list[Row]:
    """The people of a row of two cells, a role then its people ("| **Moderator** | Ms Ann Lee, Editor, Daily |",
    "| **Speakers** | A, Title, Org<br>B, Title, Org |"): each person a line of the second cell, in that role."""
    if len(filled) != 2 or len(trow.cells) > 3 or not is_role_heading(filled[0].text.replace("\n", " ")) \
            or _names_person(filled[0]):
        return []
    label = clean_label(filled[0].text.replace("\n", " "))
    people = people_in_lines(filled[1].lines, None, countries, opts.organisation_line)
    if people:
        return [Row(line=trow.line, role_label=p.label or label, printed_name=p.name, link=filled[1].link,
                    positions=p.positions, country_label=p.country) for p in people]
    out = []  # each line one person whole: "Ms Priya SHARMA, Senior Correspondent, The Straits Ledger"
    for line in (t for ln in filled[1].lines if (t := " ".join(line_text(ln).split()))):
        found = split_person(line, reading=FREE_TEXT)
        if not found.name or "," not in line:
            return []
        out.append(Row(line=trow.line, role_label=label, printed_name=found.name, link=None,
                       positions=found.positions))
    return out


def _link_role(cell: Cell) -> str | None:
    by_link = role_of_link(cell.link)
    return LABELS[by_link] if by_link else None


def _implied_role(cell: Cell, heading_role: str | None, opts: Options = DEFAULT) -> str | None:
    """The role label of a row above any sub-header: its link's role word, the heading's role, or "" (unknown)."""
    by_link = role_of_link(cell.link)
    if by_link:
        return LABELS[by_link]
    if heading_role and (cell.link or _NAME_LIKE.match(cell.text)):
        return heading_role
    return "" if _speaker_link(cell, opts) else None


# a name cell: a few words, no digits (an agenda's "9.00am" cell is not a name)
_NAME_LIKE = re.compile(r"^[^\d\n|]{3,80}$")


def _is_heading(cells: list[Cell]) -> bool:
    """True for a role sub-header row ("**Moderator**", "<br>**Panellists**"); a cell of several lines whose first
    line reads as a name, or a cell that opens with an honorific, is a person ("**Ms Grace Lim**<br>Senior
    Correspondent"), whatever words its position holds."""
    if not cells:
        return False
    first, rest = cells[0], cells[1:]
    if not first.text or any(c.text for c in rest) or first.link or _names_person(first):
        return False
    return first.all_bold or is_role_heading(first.text)


def _names_person(cell: Cell) -> bool:
    lines = [text for line in cell.lines if (text := line_text(line).strip())]
    if not lines:
        return False
    return bool(split_name(lines[0]).honorific) or (len(lines) > 1 and looks_like_name(lines[0]))


def _speaker_link(cell: Cell, opts: Options = DEFAULT) -> str | None:
    if cell.link and (opts.is_speaker_link(cell.link) or role_of_link(cell.link)):
        return cell.link
    return None


def read_row(path: str, trow: TableRow, role: str, countries: Countries, notes: list[Note],
             opts: Options = DEFAULT) -> Row | None:
    """One appearance as printed: name cell and position cell."""
    name_cell = trow.cells[0]
    printed = name_cell.text.replace("\n", " ").strip()
    if not printed:
        notes.append(Note(path, trow.line, "skipped-row", "row has positions but no name — skipped"))
        return None
    row = Row(line=trow.line, role_label=role, printed_name=printed, link=name_cell.link)
    lines = [line for cell in trow.cells[1:] for line in cell.lines]
    row.positions, row.country_label = read_positions(lines, countries, opts.organisation_line)
    if not role:
        notes.append(Note(path, trow.line, "skipped-row", f"row for {printed!r} comes before any role heading — role 'other'"))
    return row


# --- speaker pages ------------------------------------------------------------------------


def _without_role(text: str, opts: Options = DEFAULT) -> str:
    """A speaker page's heading without the role (or a ``name_prefixes`` word) printed before the name.

    >>> _without_role("Moderator – Dr Ming Tan"), _without_role("Guest-of-Honour: Mr Ole Dahl"), _without_role("Ana Ruiz-Sola")
    ('Dr Ming Tan', 'Mr Ole Dahl', 'Ana Ruiz-Sola')
    >>> _without_role("Juror: Ana Ruiz"), _without_role("Juror: Ana Ruiz", Options(name_prefixes=("juror",)))
    ('Juror: Ana Ruiz', 'Ana Ruiz')
    """
    m = _ROLE_PREFIX.match(text)
    return (text[m.end():] if m and _is_name_prefix(m.group(1), opts) else text).strip()


def _is_name_prefix(text: str, opts: Options) -> bool:
    return is_role_heading(text) or text.strip().lower() in {p.lower() for p in opts.name_prefixes}


def read_speaker(doc: Document, blocks: list[Block], countries: Countries, notes: list[Note],
                 opts: Options = DEFAULT) -> SpeakerPage | None:
    """A speaker page: name heading, italic position block, biography."""
    heading = next((b for b in blocks if b.kind == "heading" and b.text and not opts.is_biography(b.text)), None)
    named = _meta_name(doc, opts)
    printed = named or _without_role(heading.text if heading else _title_name(doc, opts), opts)
    if not printed:
        notes.append(Note(doc.path, None, "skipped-file", "speaker page has no name: no name key in its front matter, "
                          "no name heading, and no title that reads as a name — skipped; give it a 'name:'"))
        return None
    page = SpeakerPage(path=doc.path, line=heading.line if heading else 1,
                       permalink=_meta(doc, opts.permalink), printed_name=printed)
    images = [src for b in blocks for src in b.images]
    page.image = images[0] if images else None
    after = blocks[blocks.index(heading) + 1:] if heading else blocks
    bio: list[str] = []
    held: list[list[Segment]] = []  # the lines of short bold or plain paragraphs under the name
    for at, block in enumerate(after):
        if _is_name_line(block, printed):  # "**Dr Ann Lee**" under the photo, no heading: the name, no position
            continue
        if block.kind != "paragraph" or opts.footer_line.search(block.text):
            held = _positions_held(page, held, bool(bio), countries, opts)
            continue
        if not page.positions and not bio and not held and block.lines and block.lines[0] and block.lines[0][0].italic:
            page.positions, page.country_label = _italic_block(block.lines, countries, opts)
        elif not page.positions and not bio and _position_paragraph(block, opts) and _more_text(after[at + 1:]):
            held += block.lines
        elif _bio_label(block.text, opts):  # "Bio", "About the Speaker": a heading printed as a line
            held = _positions_held(page, held, bool(bio), countries, opts)
        elif block.text:
            held = _positions_held(page, held, bool(bio), countries, opts)
            bio.append(block.text.replace("\n", " "))
    page.biography = "\n\n".join(bio)
    if not page.positions:  # the body prints none: the front matter's
        page.positions = _meta_positions(doc, opts, title=bool(named))
        page.country_label = page.country_label or _meta(doc, opts.country)
    return page


# a line that only names the biography below it, printed as a paragraph
_BIO_LABEL = re.compile(r"^(?:(?:speaker|short|full)(?:['’]s)?\s+)?(?:bio|biography|profile|about(?:\s+the\s+speaker)?)\s*:?$",
                        re.I)


def _bio_label(text: str, opts: Options = DEFAULT) -> bool:
    """True for a paragraph that is only the label of the biography ("Bio", "About the Speaker", "Biography:").

    >>> [_bio_label(t) for t in ("Bio", "About the Speaker", "**Speaker Biography**", "Bio of a river", "Ann leads.")]
    [True, True, True, False, False]
    """
    words = " ".join(text.replace("*", " ").split()).strip()
    return bool(_BIO_LABEL.match(words)) or (len(words.split()) <= 3 and opts.is_biography(words)
                                              and words.rstrip(":").lower().endswith(tuple(w.lower() for w in opts.biography_words)))


def _italic_block(lines: list[list[Segment]], countries: Countries,
                  opts: Options = DEFAULT) -> tuple[list[Position], str | None]:
    """A speaker page's italic position block: an italic line holding "Title, Organisation" is that pair, an italic
    title alone takes the plain organisation lines in order, a last plain line naming a country is the country;
    a block that holds no such pair, or whose plain lines do not match its lone titles, is read as before
    (``positions.page_positions``).

    >>> from ingest.markdown import parse_blocks
    >>> text = "*Professor of Sea Law*  \\n*Chair, Observatoire des Marées*  \\nNordhavn University  \\nNorway"
    >>> (block,) = parse_blocks(text, 1)
    >>> positions, country = _italic_block(block.lines, default_countries())
    >>> [(p.title, p.organisation) for p in positions], country
    ([('Professor of Sea Law', 'Nordhavn University'), ('Chair', 'Observatoire des Marées')], 'Norway')
    >>> (block,) = parse_blocks("*Minister for Tides*  \\n*Minister-in-charge of Lighthouses*  \\nNorway", 1)
    >>> positions, country = _italic_block(block.lines, default_countries())
    >>> [(p.title, p.organisation) for p in positions], country
    ([('Minister for Tides', None), ('Minister-in-charge of Lighthouses', None)], 'Norway')
    """
    texts = [(text, all(s.italic for s in line if s.text.strip())) for line in lines if (text := line_text(line))]
    country = texts.pop()[0] if texts and not texts[-1][1] and countries.lookup(texts[-1][0]) else None
    positions, plain, paired = [], [], False
    for text, italic in texts:
        pair = split_position(text, reading=FREE_TEXT) if italic and ", " in text else []
        if len(pair) == 1 and pair[0].title and pair[0].organisation and not countries.lookup(pair[0].organisation):
            positions.append(pair[0])
            paired = True
        elif italic:
            positions.append(Position(title=text))
        else:
            plain.append(text)
    lone = [p for p in positions if not p.organisation]
    if not paired and not plain and len(lone) > 1 and all(not_a_person(p.title) == "a job title" for p in lone):
        return lone, country  # "*Minister for X*", "*Minister-in-charge of Y*": two offices, no organisation printed
    if not paired or len(lone) != len(plain):
        return page_positions(lines, countries, opts.organisation_line)
    for position, organisation in zip(lone, plain):
        position.organisation = organisation
    return positions, country


def _is_name_line(block: Block, name: str) -> bool:
    """True for a paragraph of one bold line printing the page's name (honorific and case aside).

    >>> from ingest.markdown import parse_blocks
    >>> [_is_name_line(b, "Dr Ann Lee") for b in parse_blocks("**Ann LEE**\\n\\n**Director**\\n\\nAnn Lee", 1)]
    [True, False, False]
    """
    return block.kind == "paragraph" and len(block.lines) == 1 and _bold(block.lines[0]) \
        and _name_key(block.text) == _name_key(name)


def _meta_name(doc: Document, opts: Options) -> str | None:
    """The name a speaker page's front matter gives under a name key (``name: Lars Øberg``), when it reads as a
    person's."""
    return next((text for key in opts.name if isinstance(value := doc.meta.get(key), str)
                 and (text := " ".join(value.split())) and not not_a_person(text)), None)


def _title_name(doc: Document, opts: Options) -> str:
    """A speaker page's title as its name, unless it reads as a job title, an organisation or a heading
    ("State Secretary for Digital Affairs", "Speakers 2024": a year is no part of a name) — then no name."""
    title = _meta(doc, opts.title) or ""
    return title if _reads_as_name(_YEAR.sub(" ", _without_role(title, opts))) else ""


def _reads_as_name(text: str) -> bool:
    """True for a title that names a person: it reads as one, or an honorific opens it and a name follows
    ("Ambassador Rafael Lima": the honorific is a job word, which alone would make it a job title).

    >>> _reads_as_name("Ambassador Ines Varga"), _reads_as_name("Ambassador for Cyber Affairs")
    (True, False)
    >>> _reads_as_name("H.E. Dr Olu Bade"), _reads_as_name("State Secretary for Digital Affairs")
    (True, False)
    """
    text = " ".join(text.split())
    if not text:
        return False
    if not not_a_person(text):
        return True
    rest = split_name(text)
    return bool(rest.honorific) and looks_like_name(rest.name) and not not_a_person(rest.name)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _meta_positions(doc: Document, opts: Options, title: bool) -> list[Position]:
    """A speaker page's position from its front matter: a job title key, else (``title``: a name key gave the
    name) a title that reads as a job title, and an organisation key."""
    job = _meta(doc, opts.job_title)
    if not job and title and (printed := _meta(doc, opts.title)) and (not_a_person(printed) or "").startswith("a job"):
        job = printed
    org = _meta(doc, opts.company)
    return [Position(title=job, organisation=org)] if job or org else []


def _positions_held(page: SpeakerPage, held: list[list[Segment]], bio: bool, countries: Countries,
                    opts: Options) -> list[list[Segment]]:
    """The page's positions from the short paragraphs under its name (a title line, then organisation lines and a
    country), once a biography or a heading follows them."""
    if held and not bio and not page.positions:
        page.positions, page.country_label = lines_positions(held, countries, opts.organisation_line)
    return []


def _position_paragraph(block: Block, opts: Options = DEFAULT) -> bool:
    """True for a short paragraph of position lines ("**Partner, Cyber Risk**", "Harbourline Advisory"): at most
    six lines of at most twelve words, no sentence, no biography word.

    >>> from ingest.markdown import parse_blocks
    >>> text = "\\n".join(["**Partner, Cyber Risk**  ", "**Port Advisory Ltd.**", "", "Ana leads the cyber team.", "",
    ...                   "**Biography**"])
    >>> [_position_paragraph(b) for b in parse_blocks(text, 1)]
    [True, False, False]
    """
    texts = [line_text(line).strip() for line in block.lines if line_text(line).strip()]
    return 0 < len(texts) <= 6 and not opts.is_biography(block.text) \
        and all(len(t.split()) <= 12 and not _SENTENCE.search(t) for t in texts)


def _bold_positions(block: Block, opts: Options = DEFAULT) -> bool:
    """True for a position paragraph printed in bold lines ("**Partner, Cyber Risk**")."""
    return all(_bold(line) for line in block.lines if line_text(line).strip()) and _position_paragraph(block, opts)


# a sentence: a full stop after a lower-case word ("… advisory firm."), not after "Ltd." or "Inc."
_SENTENCE = re.compile(r"(?<![A-Z][a-z])(?<![A-Z][a-z]{2})(?<![A-Z][a-z]{3})[a-z]\.(?:\s|$)")


def _more_text(blocks: list[Block]) -> bool:
    """True when a heading or a paragraph follows: the biography the position lines come before."""
    return any(b.kind == "heading" or (b.kind == "paragraph" and b.text) for b in blocks)
