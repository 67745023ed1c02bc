"""Panel tables laid out other than a name cell beside a position cell.

**Named columns**: ``| Role | Speaker | Designation | Organisation | Country |``. A table whose first row names
a person column and at least one more (role, title, organisation, country, or one column for title and
organisation: "Designation, Organisation") is read by those names, in any order; other columns (a photo, a
number) are left out. The role is the row's role cell, else the sub-header row above it (a lone bold cell, in
any column), else the heading above the table, else the person column's own name when it is a role word
("Panellists"), else Speaker. A title or organisation cell holding several jobs ("Director; Board Member",
one a line) gives a position each, paired in order; one title beside two organisations is held at each.

>>> header = TableRow(1, [Cell([[Segment(t)]], None) for t in ("Role", "Speaker", "Designation", "Country")])
>>> columns(header)
{'role': 0, 'name': 1, 'title': 2, 'country': 3}
>>> columns(TableRow(1, [Cell([[Segment(t)]], None) for t in ("", "Name", "Designation, Organisation")]))
{'name': 1, 'position': 2}
>>> columns(TableRow(1, [Cell([[Segment("Time")]], None), Cell([[Segment("Session")]], None)])) is None
True

The same table under a session of a programme page (``people_columns``: no time or session column) gives that
session's people (``ingest.programme``, through ``html_table``).

People printed in lines (a cell of their own, a paragraph under a table) are ``ingest.printed_people``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import zip_longest

from selectolax.lexbor import LexborNode

from ingest.html_page import node_lines
from ingest.markdown import Block, Cell, Segment, TableRow, line_text
from ingest.person_pattern import FREE_TEXT, split_person, split_position
from ingest.record_keys import more_keys
from ingest.records import Note, Position, Row
from ingest.countries import default_countries
from ingest.roles import role_of
from ingest.tidy import has_job_word, not_a_person

# header words (lower case, punctuation dropped) → field
FIELDS = {
    "role": ("role", "roles", "session role", "capacity", "function"),
    "name": ("name", "names", "speaker", "speakers", "speaker name", "panellist", "panellists", "panelist",
             "panelists", "participant", "participants", "delegate", "delegates", "person", "moderator",
             "full name",
             # a speaker column in other languages ("| Intervenant | Fonction |", "| Referent | Funktion |")
             "intervenant", "intervenants", "intervenante", "intervenantes", "orateur", "orateurs", "oratrice",
             "conférencier", "conférenciers", "referent", "referentin", "referenten", "referierende", "sprecher",
             "sprecherin", "ponente", "ponentes", "relatore", "relatori", "relatrice", "spreker", "sprekers",
             "palestrante", "palestrantes", "orador", "oradores"),
    "title": ("designation", "title", "job title", "position", "positions", "appointment", "job"),
    "organisation": ("organisation", "organization", "organisations", "organizations", "affiliation",
                     "affiliations", "agency", "company", "institution", "employer", "ministry"),
    "country": ("country", "countries", "nationality", "economy", "country region", "country/region"),
    # a meeting of states: the delegation a speaker speaks for, a country or an organisation (European Union, ITU)
    "delegation": ("delegation", "delegations", "member state", "state", "representing", "on behalf of",
                   "délégation", "delegación", "delegação", "delegazione", "delegatie"),
}
# the headers of other languages ("Naam | Functie | Organisatie", "Nom | Fonction | Organisme"): a "Funktion" is a
# job there, where an English "function" is the session's role
_MORE = {"name": ("name",), "title": ("position",), "organisation": ("organisation",), "country": ("country",),
         "role": ("role",)}
_WORDS = {word.lower(): name for name, fields in _MORE.items() for f in fields for word in more_keys(f)}
_WORDS.update({word: name for name, words in FIELDS.items() for word in words})
_JOBS = re.compile(r"\s*;\s*|\n")
_COMBINED = re.compile(r"\s*(?:,|/|&|\band\b)\s*")  # "Designation, Organisation", "Title / Affiliation"


def columns(header: TableRow) -> dict[str, int] | None:
    """The field of each named column of a header row, or ``None`` when it names no person column and
    at least one other field."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header.cells):
        name = _field(cell.text)
        if name and name not in found:
            found[name] = i
    return found if "name" in found and len(found) > 1 else None


# columns of a programme, not of people: a session's title, its time, what is said
_PROGRAMME_HEADS = re.compile(r"^(?:time|times|slot|when|hour|session|sessions|programme|program|topic|talk|talks|"
                              r"agenda|event|abstract|description|subject|theme)\b", re.I)


def people_columns(header: TableRow, rows: list[TableRow] = ()) -> dict[str, int] | None:
    """The columns of a header row that names people and what they are: a person column beside a role, a job title,
    an organisation or a country column ("| Speaker | Position | Organisation | Country |"), and no column of a
    programme (a time, a session, a topic); ``None`` for any other header. "Title" alone beside the person may be
    a talk's title ("| Speaker | Title |"): it takes an organisation or country column too.

    >>> def row(*heads): return TableRow(0, [Cell([[Segment(h)]], None) for h in heads])
    >>> people_columns(row("Name", "Title", "Organisation")), people_columns(row("Speaker", "Title"))
    ({'name': 0, 'title': 1, 'organisation': 2}, None)
    >>> people_columns(row("Speaker", "Topic", "Organisation")), people_columns(row("Role", "Name"))
    (None, {'role': 0, 'name': 1})
    """
    cols = columns(header)
    if cols is None:
        return None
    named = set(cols.values())
    if any(_PROGRAMME_HEADS.match(c.text.strip(" *:")) for i, c in enumerate(header.cells) if i not in named):
        return None
    title = header.cells[cols["title"]].text.strip(" *:").lower() if "title" in cols else ""
    if title == "title" and set(cols) - {"name", "role"} == {"title"}:
        return cols if _job_titles(rows, cols["title"]) else None
    return cols


def _job_titles(rows: list[TableRow], i: int) -> bool:
    """True when most cells of column ``i`` print a job title or a title and organisation ("Dean, Kelburn School of
    Government"), not a talk's title: then "| Photo | Speaker | Title |" is a table of people."""
    cells = [" ".join(r.cells[i].text.split()) for r in rows if i < len(r.cells) and r.cells[i].text.strip()]
    jobs = sum(1 for c in cells if has_job_word(c.split(",")[0]) or not_a_person(c) in ("a job title", "an organisation")
               or any(p.title and p.organisation for p in split_position(c, reading=FREE_TEXT)))
    return bool(cells) and jobs * 3 >= len(cells) * 2


def html_table(node: LexborNode, lines: list[int] | None = None) -> Block:
    """A ``<table>`` as a table block, a row of cells per ``<tr>`` (at its file line from ``lines``, one per
    ``<tr>``; else line 0: HTML trees keep no positions), a
    cell's bold opening as a bold segment and its first link as its link; a cell spanning rows (``rowspan``) is
    in each of them (a Role cell over two people is the role of both), one spanning columns in the first of them
    (the others empty: a row of one bold cell stays a sub-header).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> html = "<table><tr><th>Name</th></tr><tr><td><b>Ann</b> Lee</td></tr></table>"
    >>> t = html_table(LexborHTMLParser(html).css_first("table"))
    >>> [[c.text for c in r.cells] for r in t.rows], t.rows[1].cells[0].lines[0][0].bold
    ([['Name'], ['Ann Lee']], True)
    >>> html = "<table><tr><td rowspan=2>Chair</td><td>Ann Lee</td></tr><tr><td>Bo Chan</td></tr></table>"
    >>> [[c.text for c in r.cells] for r in html_table(LexborHTMLParser(html).css_first("table")).rows]
    [['Chair', 'Ann Lee'], ['Chair', 'Bo Chan']]
    """
    table = Block("table", lines[0] if lines else 0)
    for i, row in enumerate(grid(node)):
        if any(s is not None and s.top for s in row):  # a row printing no cell of its own adds nothing
            table.rows.append(TableRow(lines[i] if lines and i < len(lines) else table.line,
                                       [_html_cell(s.cell) if s is not None and s.left else Cell([], None)
                                        for s in row]))
    return table


@dataclass(frozen=True)
class Slot:
    """A place of a table's grid: the cell that fills it, whether the place is in the cell's own (first) row and
    its first column, and how many columns the cell spans."""

    cell: LexborNode
    top: bool
    left: bool
    span: int = 1


def grid(node: LexborNode) -> list[list[Slot | None]]:
    """A ``<table>`` as a grid, a row per ``<tr>``, a place per column: a cell spanning rows or columns
    (``rowspan``, ``colspan``) fills each place it covers, so that a column means the same in every row (the
    cells of a row under a rowspan stand in the columns after it, as a browser draws them); ``None`` where no
    cell is.

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> html = ("<table><tr><td rowspan=2>Mon</td><td>9:00</td><td colspan=2>Keynote</td></tr>"
    ...         "<tr><td>10:00</td><td>Talk</td></tr></table>")
    >>> rows = grid(LexborHTMLParser(html).css_first("table"))
    >>> [[s.cell.text() + ("" if s.top else "↓") + ("" if s.left else "→") for s in row] for row in rows]
    [['Mon', '9:00', 'Keynote', 'Keynote→'], ['Mon↓', '10:00', 'Talk']]
    """
    out: list[list[Slot | None]] = []
    held: dict[int, tuple[Slot, int]] = {}  # column -> the cell of a row above still filling it, rows left
    for tr in node.css("tr"):
        row = {col: slot for col, (slot, _) in held.items()}
        held = {col: (slot, left - 1) for col, (slot, left) in held.items() if left > 1}
        at = 0
        for cell in (c for c in tr.iter() if c.tag in ("td", "th")):
            while at in row:
                at += 1
            span, down = _span(cell, "colspan"), _span(cell, "rowspan")
            for col in range(at, at + span):
                row.setdefault(col, Slot(cell, True, col == at, span))
                if down > 1:
                    held[col] = (Slot(cell, False, col == at, span), down - 1)
            at += span
        out.append([row.get(col) for col in range(max(row, default=-1) + 1)])
    return out


def _span(cell: LexborNode, attribute: str) -> int:
    """A cell's ``rowspan`` or ``colspan``: 1 when absent or unreadable, at most 50 (a typo of "500" spans no page).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> td = LexborHTMLParser('<table><tr><td rowspan="3" colspan="x">A</td></tr></table>').css_first("td")
    >>> _span(td, "rowspan"), _span(td, "colspan")
    (3, 1)
    """
    value = (cell.attributes.get(attribute) or "1").strip()
    return max(1, min(int(value), 50)) if value.isdigit() else 1


def _html_cell(node: LexborNode) -> Cell:
    lines = [[s for s in (Segment(ln.bold, bold=True), Segment(ln.text[len(ln.bold):])) if s.text.strip()]
             for ln in node_lines(node) if ln.text]
    link = node.css_first("a[href]")
    return Cell(lines, link.attributes.get("href") if link is not None else None)


def _field(header: str) -> str | None:
    """The field a header cell names; "position" for one column of title and organisation.

    >>> _field("Speaker name"), _field("Designation, Organisation"), _field("Title / Position"), _field("Photo")
    ('name', 'position', 'title', None)
    >>> _field("Naam"), _field("Functie"), _field("Organisatie"), _field("Function")
    ('name', 'title', 'organisation', 'role')
    """
    key = " ".join(re.sub(r"[^\w/ ]+", " ", header.lower()).split())
    if key in _WORDS:
        return _WORDS[key]
    parts = {_WORDS.get(" ".join(part.split())) for part in _COMBINED.split(header.lower()) if part.strip()}
    if not parts or not parts <= {"title", "organisation"}:
        return None
    return "position" if len(parts) > 1 else "title"


def column_rows(path: str, block: Block, cols: dict[str, int], heading_role: str | None,
                notes: list[Note]) -> list[Row]:
    """Person rows of a column-named table (its first row is the header)."""
    header = block.rows[0].cells[cols["name"]].text
    default = heading_role or (header if role_of(header) else "Speaker")
    role = None
    rows = []
    for trow in block.rows[1:]:
        filled = [c for c in trow.cells if c.text]
        if not filled:
            continue
        if len(filled) == 1 and (filled[0].all_bold or role_of(filled[0].text)):
            role = " ".join(filled[0].text.split()).strip(" :")  # a sub-header row: the role of the rows below
            continue
        if not cols.keys() & {"title", "organisation", "position", "country", "delegation"} \
                and (people := _whole_people(trow, cols, role or default)):
            rows += people  # "| **Moderator** | Mr Lim Boon Kiat, Director, Agency, Singapore |": whole people a line
            continue
        row = _row(path, trow, cols, role or default, notes)
        if row:
            rows.append(row)
    return rows


def _whole_people(trow: TableRow, cols: dict[str, int], role: str) -> list[Row]:
    """The people of a person cell printing each one whole, a line each ("Name, Title, Organisation, Country"),
    in a table with no column of positions; empty when the cell prints a name alone."""
    i = cols["name"]
    cell = trow.cells[i] if i < len(trow.cells) else None
    lines = [" ".join(line_text(line).split()) for line in cell.lines] if cell else []
    lines = [ln for ln in lines if ln]
    if not lines or not any("," in ln for ln in lines):
        return []
    role_cell = trow.cells[cols["role"]] if "role" in cols and cols["role"] < len(trow.cells) else None
    label = " ".join(role_cell.text.split()).strip(" :") if role_cell is not None and role_cell.text else role
    out = []
    for line in lines:
        found = split_person(line, reading=FREE_TEXT)
        if not found.name:
            return []
        out.append(Row(line=trow.line, role_label=label, printed_name=found.name, link=cell.link if len(lines) == 1
                       else None, positions=found.positions))
    return out


def _row(path: str, trow: TableRow, cols: dict[str, int], role: str, notes: list[Note]) -> Row | None:
    def cell(name: str) -> Cell | None:
        i = cols.get(name)
        return trow.cells[i] if i is not None and i < len(trow.cells) else None

    name_cell = cell("name")
    printed = " ".join(name_cell.text.split()) if name_cell else ""
    if not printed:
        notes.append(Note(path, trow.line, "skipped-row", "row has no name in its person column — skipped"))
        return None
    role_cell = cell("role")
    label = " ".join(role_cell.text.split()) if role_cell and role_cell.text else role
    if (tail := _ROLE_AFTER.match(printed)) and role_of(tail.group("label")) \
            and not_a_person(tail.group("label")) == "a heading":
        printed, label = tail.group("name"), tail.group("label")  # "Hon. Daniel Whitcombe (Moderator)": his role
    row = Row(line=trow.line, role_label=label, printed_name=printed, link=name_cell.link)
    joined = cell("position")
    title, organisation = cell("title"), cell("organisation")
    if organisation is None and title is not None and "," in title.text:
        title, joined = None, title  # "| Speaker | Title |" printing "Director, Cyber Department, Ministry of …"
    row.positions = positions(title, organisation) + _joined(joined)
    country = cell("country")
    row.country_label = " ".join(country.text.split()) if country and country.text else None
    _delegation(row, cell("delegation"))
    return row


_ROLE_AFTER = re.compile(r"^(?P<name>.+?\S)\s*\((?P<label>[A-Za-z][A-Za-z -]{1,30})\)\s*$")


def _delegation(row: Row, cell: Cell | None) -> None:
    """The delegation a speaker speaks for: a country is the row's country (when it prints none), anything else
    the organisation of a position that names none ("European Union", "ITU")."""
    printed = " ".join(cell.text.split()) if cell and cell.text else ""
    if not printed:
        return
    found = default_countries().lookup(printed, fuzzy=False)
    if found is not None and found.kind == "country":
        row.country_label = row.country_label or printed
    elif not row.positions:
        row.positions = [Position(organisation=printed)]
    elif all(p.organisation is None for p in row.positions):
        row.positions[0] = Position(title=row.positions[0].title, organisation=printed)
    elif printed.casefold() not in (row.positions[0].organisation or "").casefold():
        first = row.positions[0]  # "Cybersecurity Division" of the ITU: the unit, then the body it is part of
        row.positions[0] = Position(title=first.title, organisation=f"{first.organisation}, {printed}")



def positions(title: Cell | None, organisation: Cell | None) -> list[Position]:
    """A position per job, titles and organisations paired in order ("A; B" against "X; Y").

    >>> [(p.title, p.organisation) for p in positions(Cell([[Segment("Director; Board Member")]], None),
    ...                                                 Cell([[Segment("Acme; Reef Council")]], None))]
    [('Director', 'Acme'), ('Board Member', 'Reef Council')]
    """
    titles, orgs = _jobs(title), _jobs(organisation)
    if len(titles) == 1 and len(orgs) > 1:  # one title at two organisations: a position at each
        titles = titles * len(orgs)
    elif len(orgs) == 1 and len(titles) > 1:
        orgs = orgs * len(titles)
    return [Position(title=t, organisation=o) for t, o in zip_longest(titles, orgs)]


def _joined(cell: Cell | None) -> list[Position]:
    """The positions of a cell holding title and organisation ("Director, Topos Lab"), one job a line."""
    return [p for job in _jobs(cell) for p in split_position(job, reading=FREE_TEXT)]


def _jobs(cell: Cell | None) -> list[str]:
    text = cell.text if cell else ""
    return [" ".join(part.split()) for part in _JOBS.split(text) if part.strip()]
