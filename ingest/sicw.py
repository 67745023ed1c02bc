"""The reader for Isomer/Jekyll event sites (SICW): session pages with panel tables, speaker pages.

A session page has a title heading, a bold date line, a time line, an optional
format line, abstract paragraphs and a pipe table whose bold sub-header rows
(``Moderator``, ``Panellists``…) set the role of the rows below them.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from ingest import times
from ingest.countries import Countries, default_countries
from ingest.markdown import Block, Cell, Segment, TableRow, line_text, parse_blocks
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import is_role_heading

NAME = "sicw"

_FOOTER = re.compile(r"information is accurate", re.I)
_TIME_LINE = re.compile(r"^\s*(time|timing|registration)\s*:?", re.I)
_FORMAT_LINE = re.compile(r"^\s*format\s*:\s*(.+)$", re.I)
_ROLE_PREFIX = re.compile(r"^\s*(speaker|moderator|guest of honou?r|panell?ist|keynote speaker)s?\s*[\u2013\u2014-]\s*", re.I)
_SPEAKER_PATH = re.compile(r"(^|/)(_?\d{4}-)?speakers?(/|-)", re.I)
_ORG_WORDS = re.compile(
    r"^(the )?(ministry|department|agency|office|bureau|authority|council|commission|university|institute|"
    r"centre|center|embassy|government|forum|foundation|association|school|service|board|corporation|"
    r"directorate|secretariat|national|federal|royal)\b", re.I)


def is_speaker_page(doc: Document) -> bool:
    """True for a speaker page (by permalink or folder), False for an event page."""
    permalink = str(doc.meta.get("permalink") or "")
    return bool(_SPEAKER_PATH.search(permalink) or _SPEAKER_PATH.search(doc.path))


def read(doc: Document, countries: Countries | None = None) -> Parsed:
    """Parse a document of this site format into sessions or a speaker page."""
    countries = countries or default_countries()
    parsed = Parsed(doc=doc, reader=NAME)
    blocks = parse_blocks(doc.body, doc.body_line)
    if is_speaker_page(doc):
        page = read_speaker(doc, blocks, countries, parsed.notes)
        if page:
            parsed.speakers.append(page)
    else:
        session = read_session(doc, blocks, countries, parsed.notes)
        if session:
            parsed.sessions.append(session)
    return parsed


# --- session pages -------------------------------------------------------------------------


def read_session(doc: Document, blocks: list[Block], countries: Countries, notes: list[Note]) -> SessionPage | None:
    """A session from an event page, or ``None`` (with a note) when the page is not one."""
    title = _title(doc, blocks)
    session = SessionPage(path=doc.path, title=title, permalink=_str(doc.meta.get("permalink")), date=None)
    abstract: list[str] = []
    for block in blocks:
        if block.kind == "paragraph":
            _read_paragraph(session, block, abstract, notes)
        elif block.kind == "table":
            session.rows.extend(read_table(doc.path, block, countries, notes))
    session.abstract = "\n\n".join(abstract)
    meta_date = _meta_date(doc)
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
    return session


def _title(doc: Document, blocks: list[Block]) -> str:
    heading = next((b.text for b in blocks if b.kind == "heading" and b.text), "")
    return _str(doc.meta.get("title")) or heading or doc.path.rsplit("/", 1)[-1].removesuffix(".md")


def _read_paragraph(session: SessionPage, block: Block, abstract: list[str], notes: list[Note]) -> None:
    kept = []
    for offset, line in enumerate(block.lines):
        text = line_text(line)
        if _FOOTER.search(text):
            continue
        if session.date is None and not session.time_label and times.parse_date(text) and len(text) < 60:
            session.date = times.parse_date(text)
            session.date_label = text
        elif _TIME_LINE.match(text) or (len(text) < 60 and text.lower().rstrip("*").strip() == "time tbc"):
            if re.match(r"^\s*registration", text, re.I):
                continue
            _read_time(session, text, block.line + offset, notes)
        elif (m := _FORMAT_LINE.match(text)) and session.format is None:
            session.format = m.group(1).strip()
        elif session.date_label or session.time_label:
            kept.append(text)
    if kept and not (len(kept) == 1 and all(s.bold for s in block.lines[0] if s.text.strip()) and len(block.lines) == 1):
        abstract.append("\n".join(kept))


def _read_time(session: SessionPage, text: str, line: int, notes: list[Note]) -> None:
    session.time_label = re.sub(r"^\s*(time|timing)\s*:?\s*", "", text, flags=re.I)
    start, end = times.parse_time_range(text)
    if start is None and "tbc" not in text.lower() and "tba" not in text.lower():
        notes.append(Note(session.path, line, "bad-time", f"cannot read the time line {text!r} — times left empty"))
    elif start is not None and start.tzinfo is None:
        notes.append(Note(session.path, line, "no-zone", f"time line {text!r} names no time zone "
                                                         "(e.g. 'GMT +8') — times kept without offset"))
    session.start, session.end = start, end  # type: ignore[assignment]


def _meta_date(doc: Document) -> date | None:
    for key in ("date", "third_nav_title"):
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
    return None


def _str(value) -> str | None:
    return str(value).strip() if value not in (None, "") else None


# --- panel tables ------------------------------------------------------------------------


def read_table(path: str, block: Block, countries: Countries, notes: list[Note]) -> list[Row]:
    """Person rows of a panel table; sub-header rows set the role of the rows below."""
    rows: list[Row] = []
    role: str | None = None
    skipped: list[TableRow] = []
    for trow in block.rows:
        cells = trow.cells
        if not any(c.text for c in cells):
            continue
        if _is_heading(cells):
            role = cells[0].text.replace("\n", " ").strip()
            continue
        if role is None and not _speaker_link(cells[0]):
            skipped.append(trow)
            continue
        row = read_row(path, trow, role or "", countries, notes)
        if row:
            rows.append(row)
    if skipped and not rows:
        notes.append(Note(path, block.line, "not-a-panel",
                          f"table of {len(block.rows)} rows has no role headings and no speaker links — "
                          "not a panel table, skipped"))
    elif skipped:
        for trow in skipped:
            notes.append(Note(path, trow.line, "skipped-row", "row before any role heading has no speaker link — skipped"))
    return rows


def _is_heading(cells: list[Cell]) -> bool:
    first, rest = cells[0], cells[1:]
    if not first.text or any(c.text for c in rest) or first.link:
        return False
    return first.all_bold or is_role_heading(first.text)


def _speaker_link(cell: Cell) -> str | None:
    return cell.link if cell.link and "speaker" in cell.link.lower() else None


def read_row(path: str, trow: TableRow, role: str, countries: Countries, notes: list[Note]) -> Row | None:
    """One appearance as printed: name cell and position cell."""
    name_cell = trow.cells[0]
    printed = name_cell.text.replace("\n", " ").strip()
    if not printed:
        notes.append(Note(path, trow.line, "skipped-row", "row has positions but no name — skipped"))
        return None
    row = Row(line=trow.line, role_label=role, printed_name=printed, link=name_cell.link)
    lines = [line for cell in trow.cells[1:] for line in cell.lines]
    row.positions, row.country_label = read_positions(lines, countries)
    if not role:
        notes.append(Note(path, trow.line, "skipped-row", f"row for {printed!r} comes before any role heading — role 'other'"))
    return row


def read_positions(lines: list[list[Segment]], countries: Countries) -> tuple[list[Position], str | None]:
    """Positions (italic title, then organisation) and the country of a position cell.

    A cell may hold several positions, each an italic title followed by its
    organisation on the same line after a comma, or on the next line; the
    country, when printed, is the last line or the tail of it after a comma.
    """
    items: list[tuple[str, str]] = []  # ("title", text) | ("plain", text)
    for line in lines:
        segs = [s for s in line if s.text.strip()]
        if not segs:
            continue
        if segs[0].italic:
            items.append(("title", _clean(segs[0].text)))
            rest = _clean("".join(s.text for s in segs[1:]))
            if rest:
                items.append(("plain", rest))
        else:
            items.append(("plain", _clean("".join(s.text for s in segs))))
    items = [(k, t) for k, t in items if t]
    country = None
    if items and items[-1][0] == "plain":
        last = items[-1][1]
        if countries.lookup(last):
            country = last
            items.pop()
        elif split := countries.split_trailing(last):
            items[-1] = ("plain", split[0])
            country = last[len(split[0]):].strip(" ,")
    return _positions(items), country


def _positions(items: list[tuple[str, str]]) -> list[Position]:
    positions: list[Position] = []
    for kind, text in items:
        if kind == "title":
            positions.append(Position(title=text))
        elif positions and positions[-1].organisation is None:
            positions[-1].organisation = text
        elif positions:
            positions[-1].organisation = f"{positions[-1].organisation}, {text}"
        else:
            positions.append(Position(organisation=text))
    for pos in positions:
        if pos.organisation is None and pos.title and ", " in pos.title:
            head, _, tail = pos.title.rpartition(", ")
            if _ORG_WORDS.match(tail):
                pos.title, pos.organisation = head, tail
    return positions


def _clean(text: str) -> str:
    return " ".join(text.split()).strip(" ,;").strip()


# --- speaker pages ------------------------------------------------------------------------


def read_speaker(doc: Document, blocks: list[Block], countries: Countries, notes: list[Note]) -> SpeakerPage | None:
    """A speaker page: name heading, italic position block, biography."""
    heading = next((b for b in blocks if b.kind == "heading" and b.text and "biography" not in b.text.lower()), None)
    printed = _ROLE_PREFIX.sub("", heading.text if heading else _str(doc.meta.get("title")) or "").strip()
    if not printed:
        notes.append(Note(doc.path, None, "skipped-file", "speaker page has no name heading and no title — skipped"))
        return None
    page = SpeakerPage(path=doc.path, line=heading.line if heading else 1,
                       permalink=_str(doc.meta.get("permalink")), printed_name=printed)
    images = [src for b in blocks for src in b.images]
    page.image = images[0] if images else None
    after = blocks[blocks.index(heading) + 1:] if heading else blocks
    bio: list[str] = []
    for block in after:
        if block.kind != "paragraph" or _FOOTER.search(block.text):
            continue
        if not page.positions and not bio and block.lines and block.lines[0] and block.lines[0][0].italic:
            page.positions, page.country_label = _page_positions(block.lines, countries)
        elif block.text:
            bio.append(block.text.replace("\n", " "))
    page.biography = "\n\n".join(bio)
    return page


def _page_positions(lines: list[list[Segment]], countries: Countries) -> tuple[list[Position], str | None]:
    texts = [_clean(line_text(line)) for line in lines]
    texts = [t for t in texts if t]
    country = None
    if texts and countries.lookup(texts[-1]):
        country = texts.pop()
    elif texts and (split := countries.split_trailing(texts[-1])):
        country = texts[-1][len(split[0]):].strip(" ,")
        texts[-1] = split[0]
    raw = [line_text(line).strip() for line in lines]
    if len(texts) == 2 and (raw[0].endswith(",") or ", " not in texts[0]):
        return [Position(title=texts[0], organisation=texts[1])], country
    return _positions([("title", t) for t in texts]), country
