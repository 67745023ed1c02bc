"""Programme tables: rows of a time cell and a programme cell (and maybe a people cell), dated by a Day column or a
one-cell row, and tables of people under a session; schedule grids of rooms are ``ingest.programme_grid``'s."""

from __future__ import annotations

import functools
import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from ingest import agenda, column_table, person_line
from ingest.cards import first_day, reads_as_time
from ingest.html_page import Line, node_lines, text
from ingest.people_text import label_only, role_prefix
from ingest.person_pattern import looks_like_name
from ingest.programme_days import _day_line
from ingest.programme_grid import _at, _grid_row, _rooms
from ingest.programme_page import Options, Page
from ingest.programme_sessions import Draft, _session_role, _title, cell_sessions, underlined
from ingest.records import Note
from ingest.roles import role_of, role_of_title, role_words_only


def _people_table(node: LexborNode, page: Page, opts: Options) -> bool:
    """A table of people under an open session ("**Panellists:**", then "| Speaker | Position | Organisation |"):
    its rows are that session's people, read by ``ingest.column_table`` (a Role column, else the label printed
    before the table, gives the role); a table of people that names nobody is noted. False for any other table."""
    if page.open is None:
        return False
    table = column_table.html_table(node)
    cols = column_table.people_columns(table.rows[0], table.rows[1:]) if table.rows else None
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


def _table(node: LexborNode, page: Page, opts: Options, opened: Draft | None = None) -> None:
    """A programme table: rows of a time cell and a programme cell (and maybe a people cell), or a schedule grid of
    rooms. Spanning cells are laid out first (``column_table.grid``), so a column means the same in every row: a
    time cell spanning two rows times both, a Day column ("Día", "Date", or cells printing only a day) dates the
    rows it spans; a row of one cell ("Tuesday 14 May 2031") dates the rows under it and keeps the columns."""
    page.pending = None
    caption = node.css_first("caption")
    if caption is not None and (day := page.day_of(text(caption))):
        page.day = day  # "<caption>Thursday, 16 May 2024</caption>": the day of the table's sessions
    rows = column_table.grid(node)
    cols, day, rooms = agenda.Columns(), None, []
    first = len(page.drafts)  # the sessions of this table: a row may continue one of them
    headless = node.css_first("th") is None
    for k, row in enumerate(rows):
        own = [s for s in row if s is not None and s.top and s.left]  # the cells this row prints
        if not own:
            continue
        if len(own) == 1 and all(s is not None and s.top for s in row):
            _one_cell_row(own[0].cell, page)
            continue
        if _day_row(own, page):
            continue
        if all(s.cell.tag == "th" for s in own) or headless and _header_row(_texts(row), [_texts(r) for r in rows[k + 1:k + 9]]):
            headless = False  # a header of columns (in <td> cells in a table with no <th>: a word processor's export)
            heads = _texts(row)
            if (untimed := _untimed_columns(heads, opts, opened, [_texts(r) for r in rows[k + 1:k + 9]])) is not None:
                for later in rows[k + 1:]:
                    _untimed_row(later, untimed, page, opened)
                return
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
            _programme_row(row, cols, page, first)


def _header_row(texts: list[str], below: list[list[str]]) -> bool:
    """True for a row of ``<td>`` cells that names a table's columns: short words, one of them a time column's over
    times ("Time | Session | Speakers")."""
    return len(texts) > 1 and all(len(t.split()) <= 3 for t in texts) \
        and agenda.time_column(texts, "time", below) is not None and not any(reads_as_time(t) for t in texts)


def _untimed_columns(heads: list[str], opts: Options, opened: Draft | None,
                     below: list[list[str]] = ()) -> agenda.Columns | None:
    """The columns of a table of sessions printing no time, under a timed session ("| Forum | Thema | Impuls |
    Moderation |" under "14:00–15:30 Uhr · Parallele Fachforen"): a session column and people columns; else
    ``None``.

    >>> d = Draft("Parallele Fachforen", None, "14:00–15:30")
    >>> _untimed_columns(["Forum", "Thema", "Impuls", "Moderation"], Options(), d)
    Columns(time=None, programme=1, people=2, label='Impuls', more=((3, 'Moderation'),))
    >>> _untimed_columns(["Thema", "Impuls"], Options(), None)
    >>> _untimed_columns(["Zeit", "Thema", "Input"], Options(), d, [["09:30–11:00 Uhr", "A: Lagebild", "Ann Lee"]])
    """
    if opened is None or not opened.time_label or agenda.time_column(heads, opts.time_column, below) is not None:
        return None
    people = [i for i, h in enumerate(heads) if agenda.is_people_header(h)]
    programme = next((i for i, h in enumerate(heads) if i not in people and agenda.session_head(h)), None)
    if not people or programme is None:
        return None
    labelled = [(i, heads[i].strip(" :*") if role_of(heads[i]) else None) for i in people]
    return agenda.Columns(None, programme, labelled[0][0], labelled[0][1], tuple(labelled[1:]))


def _untimed_row(row: list[column_table.Slot | None], cols: agenda.Columns, page: Page, opened: Draft) -> None:
    """A row of a table of sessions under a timed session: a session at its time, its people from the people
    cells; a row with no title is none."""
    programme = _at(row, cols.programme)
    people = [(s.cell, label) for i, label in _people_columns(cols) if (s := _at(row, i)) is not None]
    if programme is None or not (programme.top and programme.left) or not text(programme.cell):
        return
    draft = _people_row(programme.cell, people, page, opened.time_label or "")
    if draft is not None:
        draft.day = opened.day or draft.day
        page.drafts.append(draft)


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


def _day_row(own: list[column_table.Slot], page: Page) -> bool:
    """A row whose only filled cell names a day ("| **Day 2** | | |", "| Wednesday 14 May | | |": Markdown spans no
    columns) dates the rows under it, as a one-cell row does; False for any other row."""
    filled = [s for s in own if text(s.cell)]
    if len(filled) != 1 or len(own) < 2:
        return False
    found = _day_line(text(filled[0].cell), page)
    if found:
        page.day = found
    return found is not None


def _programme_row(row: list[column_table.Slot | None], cols: agenda.Columns, page: Page, first: int = 0) -> None:
    """A row of a Time | Programme table: the sessions of its programme cell (when this row prints it, not a row
    above it), timed by the time cell (its own, or one spanning it from above) to the End cell; a row printing no
    time and no other title than the row above continues that row's session (``first``: this table's first
    session in ``page.drafts``)."""
    time, programme = _at(row, cols.time), _at(row, cols.programme)
    people = [(s.cell, label) for i, label in _people_columns(cols) if (s := _at(row, i)) is not None]
    if time is None or programme is None or (cols.people is not None and not people) \
            or not (programme.top and programme.left):
        return  # a short row, or a programme cell spanning this row from above: read in its own row
    clock, unread = text(time.cell), None
    if clock and not reads_as_time(clock):
        if found := first_day(clock, page.year):
            page.day = found  # a Date column (time_column = "Date"): the row's day, no time
        unread, clock = (None if found else clock), ""  # "Room", "TBC": a row that names people keeps its date
    clock = _until(clock, row, cols)
    before = len(page.drafts)
    if not people:
        page.drafts += cell_sessions(node_lines(programme.cell), page.day, clock or None, page.role)
        for cell in _parallel_cells(row, cols):  # "Session 1A …" | "Session 1B …" side by side in one time row
            page.drafts += cell_sessions(node_lines(cell), page.day, clock or None, page.role)
    else:
        role = _at(row, cols.role) if cols.role is not None else None
        kind = _at(row, cols.kind) if cols.kind is not None else None
        previous = _continued(page.drafts[first:], text(programme.cell), clock, page.day)
        draft = _people_row(programme.cell, people, page, clock, text(role.cell) if role is not None else None,
                            previous, text(kind.cell).strip() if kind is not None else None)
        if draft is not None and previous is not None and draft.title == previous.title:
            previous.people += draft.people  # the same session, a row a person
        elif draft is not None:
            page.drafts.append(draft)
        elif any(text(cell) for cell, _ in people):
            page.note(text(people[0][0]), "skipped-row", f"table row naming {text(people[0][0])!r} prints no "
                      "session and follows none — skipped; print the session's title in the row")
    if unread and any(d.people for d in page.drafts[before:]):
        page.unread_times.append(unread)
    room = _at(row, cols.room) if cols.room is not None else None
    if room is not None and text(room.cell):
        for draft in page.drafts[before:]:
            draft.room = draft.room or text(room.cell)


def _parallel_cells(row: list[column_table.Slot | None], cols: agenda.Columns) -> list[LexborNode]:
    """The cells a row prints after its programme cell in a table whose other columns are its own only (a time
    and a programme): parallel sessions, each in its cell, where other rows span the programme over them."""
    known = {i for i in (cols.time, cols.programme, cols.people, cols.role, cols.kind, cols.room) if i is not None}
    if cols.programme is None or known - {cols.time, cols.programme} or cols.more:
        return []
    return [s.cell for i, s in enumerate(row) if i > cols.programme and i not in known and s is not None
            and s.top and s.left and text(s.cell)]


def _people_columns(cols: agenda.Columns) -> list[tuple[int, str | None]]:
    """The people columns of a table, each with its role label (its header, when a role word)."""
    return ([(cols.people, cols.label)] if cols.people is not None else []) + list(cols.more)


def _until(clock: str, row: list[column_table.Slot | None], cols: agenda.Columns) -> str:
    """The row's time to the time of its End cell ("09:00" and "09:30": "09:00 – 09:30")."""
    end = _at(row, cols.end) if cols.end is not None and clock else None
    until = text(end.cell) if end is not None else ""
    return f"{clock} – {until}" if until and reads_as_time(until) and reads_as_time(clock) else clock


def _continued(drafts: list[Draft], title: str, clock: str, day) -> Draft | None:
    """The session of the table a row continues: with no time, the row above's (when the row prints no title or
    the same); with a time, the one of the same title at the same time on the same day."""
    title = " ".join(title.split())
    if not clock:
        last = drafts[-1] if drafts else None
        return last if last is not None and (not title or _title(title) == last.title) else None
    return next((d for d in reversed(drafts) if d.title == _title(title) and d.time_label == clock and d.day == day),
                None)


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


def _header(heads: list[str], below: list[list[str]], page: Page, opts: Options) -> agenda.Columns | None:
    """The columns a header row names (its time column: ``time_column``, else "Slot", "When", "Hora" … over times;
    ``below``: the rows under it, a column each), or ``None`` (with a hint for the page's note)."""
    time = agenda.time_column(heads, opts.time_column, below)
    if time is not None:
        return agenda.columns(heads, heads[time], opts.programme_column, below)
    page.hints.append(f"the table headed {' | '.join(heads)!r} has no {opts.time_column!r} column: "
                      "give time_column = \"…\" the header of its time column")
    return None


def _people_row(session: LexborNode, people: list[tuple[LexborNode, str | None]], page: Page, clock: str,
                role: str | None = None, previous: Draft | None = None, kind: str | None = None) -> Draft | None:
    """A row whose session cell holds the title (else ``previous``'s, the session the row continues) and whose people
    cells the people, one a line: under several people columns ("Moderator", "Panellists"), or beside a Role cell,
    each person with the label of the column or the cell; a Type cell naming a role ("Keynote", "Panel discussion")
    is the session's kind, and the role of the people a generic column ("Speakers") lists."""
    titles, format_ = _title_first([ln for ln in node_lines(session) if ln.text])
    titles = titles or ([previous.title] if previous is not None else [])
    if not titles:
        return None
    labelled = _bracket_labels(titles[0])
    title = re.sub(r"\s+", " ", functools.reduce(lambda t, b: t.replace(f"({b})", ""), labelled, titles[0])).strip()
    room = None
    if placed := _ROOM_LEAD.match(title):  # "Room B – Roundtable: Funding …": the room, then the title
        room, title = placed.group("room"), placed.group("title")
    label = people[0][1] if len(people) == 1 else None  # one people column: its header is the session's label
    kind = kind if kind and role_of(kind) else None
    draft = Draft(_title(title), page.day, clock or None,
                  _session_role(title, kind or (format_ if role_of(format_ or "") else label or page.role)),
                  link=_page_link(session), room=room)
    for cell, header in people:
        found = _cell_people(cell, header)
        own = _column_label(header, title) if len(people) > 1 else None
        for person in found:
            person.label = role or person.label or own  # a Role cell names the row's role, before any word printed
            if kind and not role and role_of(person.label or "") in (*_GENERIC, None):
                person.label = kind  # "| Keynote | … | Speakers: Ann Lee |": she gives the keynote
        draft.people += found
    for text_ in titles[1:] + labelled:
        draft.people += agenda.named([(p, lab) for p, lab in agenda.people_strings(text_) if lab])
    return draft


# a room printed over a session's title in its cell: "Sala A", "Room 2", "Salle Vauban", "Raum 3.12"
_ROOM_LINE = re.compile(r"^(?:(?:track|stream|strand)\s+\S{1,3}\s*[–—·|:-]\s*)?"  # "Track A – Room Dunaj"
                        r"(?:(?:main|plenary|grand|small|big|conference|lecture|meeting|great)\s+)?"
                        r"(?:sala|salle|room|raum|saal|hall|aula|zaal|auditori(?:o|um)|ballroom|theat(?:re|er)|stage)\b"
                        r"[^,;:]{0,24}$", re.I)


_ROOM_LEAD = re.compile(r"^(?P<room>(?:room|sala|salle|hall|raum|saal|aula|zaal)\s+[\w.]{1,12})\s*[–—|:-]\s+"
                        r"(?P<title>\S.{7,})$", re.I)


def _title_first(lines: list) -> tuple[list[str], str | None]:
    """The lines of a session cell with its title first, and the format printed over it: a room line ("Sala A") is
    no title, and over a bold title a plain line is the session's format ("Conferencia magistral" over
    "**El estado de la ciberseguridad**").

    >>> from ingest.html_page import Line
    >>> _title_first([Line("Sala A"), Line("Panel 1: Estrategias", "Panel 1: Estrategias")])
    (['Panel 1: Estrategias'], None)
    >>> _title_first([Line("Track B – Room Morava"), Line("Roundtable: Platforms")])
    (['Roundtable: Platforms'], None)
    >>> _title_first([Line("Conferencia magistral"), Line("El estado", "El estado"), Line("Cupo: 40")])
    (['El estado', 'Cupo: 40'], 'Conferencia magistral')
    >>> _title_first([Line("Opening"), Line("Welcome by the chair")])
    (['Opening', 'Welcome by the chair'], None)
    >>> _title_first([Line("PANEL 1", "PANEL 1"), Line("Blue Finance", "Blue Finance"), Line("Guiding questions:")])
    (['PANEL 1: Blue Finance', 'Guiding questions:'], None)
    """
    lines = [ln for ln in lines if not _ROOM_LINE.match(ln.text)] or lines
    if len(lines) > 1 and all(ln.bold and ln.bold.strip() == ln.text.strip() for ln in lines[:2]) \
            and len(lines[0].text.split()) <= 3 and _KIND_LINE.match(lines[0].text) and not lines[0].text.endswith(":"):
        # "PANEL 1" over "Financing the Blue Transition": one title, its kind first
        lines = [Line(f"{lines[0].text}: {lines[1].text}", f"{lines[0].text}: {lines[1].text}")] + lines[2:]
    bold = next((i for i, ln in enumerate(lines) if ln.bold and ln.bold.strip() == ln.text.strip()), None)
    if not bold or lines[0].bold:
        return [ln.text for ln in lines], None
    format_ = " ".join(ln.text for ln in lines[:bold])
    return [ln.text for ln in lines[bold:]], format_


# a session's kind printed over its title, maybe numbered or lettered: "PANEL 1", "Parallel Session A", "Roundtable"
_KIND_LINE = re.compile(r"^(?:parallel\s+|plenary\s+|high-level\s+)?(?:panel|session|roundtable|round\s+table|"
                        r"workshop|keynote(?:\s+address)?|fireside\s+chat|breakout|track|segment|dialogue|debate)"
                        r"(?:\s+(?:\d{1,2}|[A-H]|[IVX]{1,4}))?$", re.I)


def _column_label(header: str | None, title: str) -> str | None:
    """The role a people column's header gives its people, beside others: none when it says only who speaks
    ("Panellists", "Speakers") and the session's title names a role ("Keynote: …", "Closing remarks"), which then
    holds; a moderator is a moderator under any title.

    >>> _column_label("Panellists", "Closing remarks"), _column_label("Moderator", "Keynote")
    (None, 'Moderator')
    >>> _column_label("Panellists", "Tides")
    'Panellists'
    """
    titled = role_of(role_of_title(title) or "")
    if role_of(header or "") in _GENERIC and titled not in (None, *_GENERIC):
        return None
    return header


_GENERIC = ("speaker", "panellist")


def _cell_people(cell: LexborNode, label: str | None) -> list:
    """The people of one people cell, one a line; under a plural header ("Speakers") "A, B, C" names three."""
    if linked := _linked_names(cell):
        return agenda.named([(name, label) for name in linked])  # "[Jan de Vries](…), [Laura Ozola](…)": two people
    out, bare = [], False  # bare: the last line printed one person and no position (or a title without its body)
    own = None  # a role label printed alone in the cell ("Opening remarks by:", "Moderator:"): the role of those below
    printed = [agenda.without_talk(underlined(cell, ln)) for ln in node_lines(cell) if ln.text]
    # a line each: "Ioana Rusu, Civic Code Timișoara" under "Speakers" is one person, her organisation after her
    one_a_line = sum(1 for ln in printed if not label_only(ln.text) and not _LEADS_ON.search(ln.text.strip(" *_"))) > 1
    for line in agenda.split_labelled(printed):
        said, rest = role_prefix(line.text)
        if said and not rest.strip() and label_only(line.text):
            own, bare = said, False
            continue
        if _LEADS_ON.search(line.text.strip(" *_")) and role_of(line.text) and role_words_only(line.text):
            own, bare = line.text.strip(" *_"), False  # "in conversation with", "moderated by": those below
            continue
        found = agenda.people_strings(line.text)
        if len(found) == 1 and agenda.plural(label) and not role_prefix(line.text)[0] and not one_a_line:
            # under a "Speakers" column, "A, B, C" names three people (as "Speakers: A, B, C" would)
            found = [(p, None) for p, _ in agenda.people_strings(f"Speakers: {line.text}")] or found
        read = [agenda.named([piece]) for piece in found]
        if bare and not any(read) and not role_prefix(line.text)[0]:
            person_line.add_position(out[-1], line.text)  # "Dra. Lucía Pons" then "Directora, Centro (Uruguay)"
            last = out[-1].positions[-1] if out[-1].positions else None
            bare = bool(last and last.title and not last.organisation)  # "Minister", then "Ministry of …, Malta"
            continue
        for piece, people in zip(found, read):
            if not people:  # a piece of a people cell that names nobody: noted, not dropped unsaid
                person_line.unread(piece[0], piece[0], label or "a people column")
            for person in people if own else ():
                person.label = person.label or own
            out += people
        bare = len(found) == 1 and len(read[0]) == 1 and not read[0][0].positions
    return out


_LEADS_ON = re.compile(r"\b(?:with|by|avec|par|mit|von|con|da)$", re.I)  # a line that is the start of the next
_BETWEEN_LINKS = re.compile(rf"(?:\s|[,;&/]|\b{agenda.AND_WORDS}\b)*", re.I)


def _linked_names(cell: LexborNode) -> list[str]:
    """The names of a cell printing only links to people, two or more, set apart by commas or "and"."""
    names = [text(a) for a in cell.css("a")]
    if len(names) < 2 or not all(looks_like_name(n) for n in names):
        return []
    rest = text(cell)
    for name in names:
        rest = rest.replace(name, " ", 1)
    return names if _BETWEEN_LINKS.fullmatch(rest) else []


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
