"""Panel tables whose header row names their columns: ``| Role | Speaker | Designation | Organisation | Country |``.

A table whose first row names a person column and at least one more (role, title, organisation, country)
is read by those names, in any order; other columns are left out. The role is the row's role cell, else
the bold sub-header row above it, else the heading above the table, else the person column's own name
when it is a role word ("Panellists"), else Speaker. A title or organisation cell holding several jobs
("Director; Board Member", one a line) gives a position each, paired in order; one title beside two
organisations is held at each.

>>> header = TableRow(1, [Cell([[Segment(t)]], None) for t in ("Role", "Speaker", "Designation", "Country")])
>>> columns(header)
{'role': 0, 'name': 1, 'title': 2, 'country': 3}
>>> columns(TableRow(1, [Cell([[Segment("Time")]], None), Cell([[Segment("Session")]], None)])) is None
True
"""

from __future__ import annotations

import re
from itertools import zip_longest

from ingest.markdown import Block, Cell, Segment, TableRow  # noqa: F401 - Segment: the doctest builds cells
from ingest.records import Note, Position, Row
from ingest.roles import role_of

# header words (lower case, punctuation dropped) → field
FIELDS = {
    "role": ("role", "roles", "session role", "capacity", "function"),
    "name": ("name", "names", "speaker", "speakers", "speaker name", "panellist", "panellists", "panelist",
             "panelists", "participant", "participants", "delegate", "delegates", "person", "moderator",
             "full name"),
    "title": ("designation", "title", "job title", "position", "positions", "appointment", "job"),
    "organisation": ("organisation", "organization", "organisations", "organizations", "affiliation",
                     "affiliations", "agency", "company", "institution", "employer", "ministry"),
    "country": ("country", "countries", "nationality", "economy", "country region", "country/region"),
}
_WORDS = {word: name for name, words in FIELDS.items() for word in words}
_JOBS = re.compile(r"\s*;\s*|\n")


def columns(header: TableRow) -> dict[str, int] | None:
    """The field of each named column of a header row, or ``None`` when it names no person column and
    at least one other field."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header.cells):
        key = " ".join(re.sub(r"[^\w/ ]+", " ", cell.text.lower()).split())
        name = _WORDS.get(key)
        if name and name not in found:
            found[name] = i
    return found if "name" in found and len(found) > 1 else None


def column_rows(path: str, block: Block, cols: dict[str, int], heading_role: str | None,
                notes: list[Note]) -> list[Row]:
    """Person rows of a column-named table (its first row is the header)."""
    header = block.rows[0].cells[cols["name"]].text
    default = heading_role or (header if role_of(header) else "Speaker")
    role = None
    rows = []
    for trow in block.rows[1:]:
        cells = trow.cells
        texts = [c.text for c in cells]
        if not any(texts):
            continue
        if texts[0] and not any(texts[1:]) and (cells[0].all_bold or role_of(texts[0])):
            role = " ".join(texts[0].split()).strip(" :")  # a sub-header row: the role of the rows below
            continue
        row = _row(path, trow, cols, role or default, notes)
        if row:
            rows.append(row)
    return rows


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
    row = Row(line=trow.line, role_label=label, printed_name=printed, link=name_cell.link)
    row.positions = positions(cell("title"), cell("organisation"))
    country = cell("country")
    row.country_label = " ".join(country.text.split()) if country and country.text else None
    return row


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


def _jobs(cell: Cell | None) -> list[str]:
    text = cell.text if cell else ""
    return [" ".join(part.split()) for part in _JOBS.split(text) if part.strip()]
