"""Schedule grids of rooms × times ("Time | Hall A | Hall B | Room 3"): a session per cell, in the room of its
column, at the time of its row unless the cell prints its own."""

from __future__ import annotations

import re

from ingest import agenda, column_table
from ingest.cards import reads_as_time
from ingest.html_page import Line, node_lines, text
from ingest.people_text import role_prefix, split_names
from ingest.person_line import Person
from ingest.names import split_name
from ingest.person_pattern import looks_like_name
from ingest.programme_page import Options, Page
from ingest.programme_sessions import Draft, _session_role, _title, people_of
from ingest.tidy import not_a_person


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
