"""Drafting parts for data files: where a file holds a list of records, and which keys say what.

A list of mappings (at the top, or under a key) is a list of records: sessions when its
records have a title or a time, people when they have a name and an organisation or
title. Files of one folder with the same shape are one part (``static/agenda/*.json``).

>>> [(spec, len(items)) for spec, items in record_lists({"talks": [{"title": "A"}, {"title": "B"}]})]
[('talks', 2)]
>>> [(spec, len(items)) for spec, items in record_lists([{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, 3])]
[('', 5)]
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ingest.draft_records import (FAMILY, GIVEN, NAME, ORG, PEOPLE, POSITION, clock_keys, clock_like, country_key,
                                  date_format, enclosing, example, filled, find, honorific_keys, later, is_person,
                                  keyed_by_id, moment_keys, more_keys, nested_lists, norm, person_fields, row_name,
                                  row_title, session_level, shaped_times, stand_ins, taken, values_of, where, yearless)
from ingest.draft_deeper import link_template, text_people, zone_key
from ingest.draft_text import Table
from ingest.draft_trial import NOT_SPEAKERS
from ingest.draft_values import OWN_PEOPLE_WORDS, When, as_list, name_like, when
from ingest.record_dates import DAY_NUMBER
from ingest.records import Document
from ingest.roles import role_of

TITLE = ("title", "Title", "talk", "talk_title", "session_title", "name_of_talk", "session", "Session", "session_name",
         *more_keys("title"))
START = ("start", "startsAt", "starts_at", "start_time", "startTime", "time_start", "time", *more_keys("time"), "date",
         *more_keys("date"), "datetime")
DATE = ("date", "day", "Date", "Day", *more_keys("date"))
END = ("end", "endsAt", "ends_at", "end_time", "endTime", "time_end")
ID = ("id", "Id", "ID", "code", "slug", "key", "uuid")
SESSION_KEYS = (("title", TITLE), ("start", START), ("end", END), ("date", DATE),
                ("id", ID + ("sessionId", "session_id", "talkId", "talk_id")),
                ("room", ("room", "roomId", "location", "venue", "hall", "stage", *more_keys("room"))),
                ("track", ("track", "categories", "category")),
                ("format", ("format", "Format", "kind", "type", "session_type", "sessionType", "event_type", "eventType",
                            "entryType", "entry_type")))
INHERITED = ("start", "end", "date", "time", "room", "track")  # what a nested record takes from those around it


def record_lists(data, spec: str = "", depth: int = 0):
    """``(spec, records)`` for every list of mappings in ``data`` (``spec``: the dotted keys leading to it)."""
    if isinstance(data, list):
        mappings = [x for x in data if isinstance(x, dict)]
        if len(mappings) >= 2 and len(mappings) >= 0.8 * len(data):
            yield spec, data
        if mappings and len(mappings) >= 0.8 * len(data):
            yield from nested_lists(mappings, spec)
        return
    if keyed_by_id(data):  # Indico's event → day → entry, each level keyed by id: a star each
        level, here = [data], f"{spec}.*" if spec else "*"
        while all(keyed_by_id(v) for holder in level for v in holder.values()):
            level, here = [v for holder in level for v in holder.values()], f"{here}.*"
        values = [v for holder in level for v in holder.values()]
        if len(values) >= 2:
            yield here, values
        yield from nested_lists(values, here)
        return
    if isinstance(data, dict) and depth < 3:
        for key, value in data.items():
            yield from record_lists(value, f"{spec}.{key}" if spec else str(key), depth + 1)


@dataclass
class Shape:
    """One list of records in one or more files: its spec, keys and what they look like."""

    files: list[str]
    spec: str
    records: list[dict]
    outer: list[list[dict]] = field(default_factory=list)  # a nested list's enclosing records, nearest first
    one_per_file: bool = False  # a folder of files each one record (``data/speakers/<id>.yaml``): its id the stem
    specs: dict = field(default_factory=dict)  # a nested field read under its last key -> its dotted spec
    fill_down: tuple = ()  # date keys printed on a day's first row alone (a spreadsheet's merged cells)
    roots: list = field(default_factory=list)  # each file's top mapping, when the list sits in one ({"Date", "Sessions"})

    def keys(self) -> Counter:
        """How many records fill each key."""
        return filled(self.records)

    def first(self, names: tuple[str, ...], share: float = 0.5) -> str | None:
        """The first of ``names`` filled in at least ``share`` of the records (as written, else with case and
        separators ignored: "Organisation")."""
        return find(self.records, names, share)

    def people_lists(self) -> list[str]:
        """Keys whose values list people (names, ids or mappings with a name), or name them in one string; not
        a session's sponsors, partners or exhibitors (``sponsors: [{name: "Acme, Inc."}]``: companies, no speakers).
        """
        out = []
        for key, count in self.keys().most_common():
            values = [r.get(key) for r in self.records if isinstance(r, dict) and r.get(key)]
            if taxonomy(key, values) or NOT_SPEAKERS.search(re.sub(r"[_-]", " ", str(key))) or container(key, values):
                continue
            lists = all(isinstance(v, list) for v in values)
            items = [x for v in values for x in v] if lists else []
            numbers = PEOPLE.search(str(key)) and any(number_id(x) for x in items)  # ids: the people file's?
            named = lists and sum(isinstance(x, str) or is_person(x) or bool(numbers and number_id(x))
                                  for x in items) >= 0.8 * len(items)
            if named and (PEOPLE.search(key) or any(isinstance(x, dict) for v in values for x in v)):
                out.append(key)
            elif PEOPLE.search(key) and all(isinstance(v, str) for v in values) and _names(values):
                out.append(key)
            elif PEOPLE.search(key) and all(is_person(v) for v in values):  # one person: "moderator": {"name": …}
                out.append(key)
            elif role_key(key, values):  # "chair: hamid-el-amrani", "moderators: [ann-lee]" beside it
                out.append(key)
        return out


_TAXONOMY = re.compile(r"^(?:categor(?:y|ies)|tags?|topics?|terms?|keywords?|labels?|taxonom(?:y|ies)|subjects?|"
                       r"themes?|genres?|series)$", re.I)
_TERM_KEYS = {"taxonomy", "term_id", "term_group", "term_taxonomy_id", "count", "parent"}


def taxonomy(key, values: list) -> bool:
    """True for a list of taxonomy terms (a WordPress post's ``categories``, ``tags``): a key named so, or mappings
    carrying a term's fields (``taxonomy``, ``term_id``, ``count``…) — never people, though each has a ``name``.

    >>> taxonomy("categories", [[{"name": "Plenary", "slug": "plenary"}]])
    True
    >>> taxonomy("event_terms", [[{"name": "Panel", "taxonomy": "kind", "count": 3}]])
    True
    >>> taxonomy("speakers", [["Ann Lee"]])
    False
    """
    items = [x for v in values for x in (v if isinstance(v, list) else [v]) if isinstance(x, dict)]
    return bool(_TAXONOMY.match(str(key).replace("-", "_").rsplit("_", 1)[-1])) or bool(items) and all(
        len(_TERM_KEYS & set(x)) >= 2 for x in items)


# a level of a programme that holds its sessions: rooms, tracks, halls, stages (also in the site's own language)
_CONTAINER = re.compile(r"^(?:rooms?|tracks?|halls?|stages?|streams?|salas?|salles?|salons?|auditori(?:o|um)s?|"
                        r"r(?:a|ä)ume?|s(?:a|ä)le|locations?|venues?|spaces?|columns?)$", re.I)


def container(key, values: list) -> bool:
    """True for a key whose values are levels holding sessions, not people: a key named for rooms, tracks, halls or
    stages, or mappings that each hold a list of records of their own (``rooms: [{name: "Sala 2", talks: […]}]``).

    >>> container("rooms", [[{"name": "Sala 2"}]]), container("salas", [["Sala 2"]])
    (True, True)
    >>> container("stage_a", [[{"name": "Hall A", "talks": [{"name": "Keynote", "time": "9:00"}, {"time": "10:00"}]}]])
    True
    >>> container("speakers", [[{"name": "Ann Lee", "links": [{"url": "x"}, {"url": "y"}]}]])
    False
    """
    if _CONTAINER.match(str(key)):
        return True
    items = [x for v in values for x in (v if isinstance(v, list) else [v]) if isinstance(x, dict)]
    return bool(items) and all(any(_sessions_like(v) for v in x.values()) for x in items)


def _sessions_like(value) -> bool:
    """True for a list of two or more records with a title or a start each (a room's talks, not a person's links)."""
    return isinstance(value, list) and len(value) >= 2 and all(isinstance(y, dict) for y in value) \
        and bool(find(value, TITLE + START, 0.8))


def role_key(key, values: list) -> bool:
    """True for a key named by a role word whose values are each one person or a list of them, printed as names or
    as ids (``chair: ann-lee`` in one record, ``chair: [bo-li, cy-dee]`` in another).

    >>> role_key("moderators", ["ann-lee", ["bo-li"]]), role_key("chair", ["Ann Lee"]), role_key("format", ["panel"])
    (True, True, False)
    >>> role_key("host", ["Room 2"]), role_key("keynote", [True]), role_key("moderators", [[2032], 2033])
    (False, False, True)
    >>> role_key("moderator", ["Kim Roe. Adviser, Map Office", ["Bo Li, Director, Survey Office"], "Cy Dee, Chief, X"])
    True
    """
    if not isinstance(key, str) or not PEOPLE.search(key) or role_of(key) is None or not values:
        return False
    items = [x for v in values for x in (v if isinstance(v, list) else [v])]
    if not items or not all(number_id(x) or isinstance(x, str) for x in items):
        return False
    if all(number_id(x) or name_like(x) or _SLUG.fullmatch(x.strip()) for x in items):
        return True
    return 3 * sum(isinstance(x, str) and (_names([x]) or _names([x.split(". ", 1)[0]])) for x in items) >= 2 * len(
        items)  # "Name, Title, Org", loosely ("Kim Roe. Adviser, …")


def number_id(value) -> bool:
    """True for a JSON number that can be an id (``"speakers": [2032, 2033]``): an integer, never a boolean.

    >>> number_id(2032), number_id(True), number_id("2032"), number_id(2.5)
    (True, False, False, False)
    """
    return isinstance(value, int) and not isinstance(value, bool)


_SLUG = re.compile(r"[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+")  # an id: "ann-lee", "a_lee", not "Room 2"


def _names(values: list[str]) -> bool:
    """True when most values open with a name ("Ann Lee, CEO", "Ann Lee - CEO, Acme; Bo Chan (Beta)").

    >>> _names(["H.E. Dr. Ann Lee - Minister of State, Government of Examplia; Bo Chan (Beta)"]), _names(["Room 2"])
    (True, False)
    """
    return sum(name_like(re.split(r",|;| and | [-–—] ", v)[0].strip()) for v in values) >= 0.5 * len(values)


def shapes(docs: list[Document]) -> list[Shape]:
    """The lists of records of the data files, files of one folder with the same list merged."""
    merged: dict[tuple, Shape] = {}
    editions = {(edition_home(d.path), PurePosixPath(d.path).name, spec) for d in docs if edition_home(d.path)
                for spec, _ in record_lists(d.data)}
    for doc in docs:
        for spec, records in record_lists(doc.data):
            down = () if row_name([r for r in records if isinstance(r, dict)]) else grouped_dates(records)
            records = filled_down(records)
            keys = frozenset(k for r in records[:20] if isinstance(r, dict) for k in r)
            path = PurePosixPath(doc.path)
            group = (str(path.parent), doc.suffix, spec)
            home = edition_home(doc.path) or str(path.parent)
            if edition_home(doc.path) or (home, path.name, spec) in editions:  # 2031/timetable.json, 2032/…: one
                group = (home, path.name, spec)  # list per edition; the current edition's at the root beside them
                if edition_home(doc.path):  # and an edition's files numbered alike: 2025/schedule_day1.yml, …day2.yml
                    group = (home, re.sub(r"\d+", "#", path.name), spec)
            outer = enclosing(doc.data, spec) if ".*." in spec else []
            alike = [m for g, m in merged.items() if g[:3] == group  # any list of the group: a.yml, b.yml, a2.yml
                     and len(keys & frozenset(m.keys())) >= max(len(keys), len(m.keys())) / 2]
            shape = alike[0] if alike else merged.get(group)
            root = [_container(doc.data, spec)] if spec and "*" not in spec and isinstance(doc.data, dict) else []
            if alike:
                shape.files.append(doc.path)
                shape.records += records
                shape.outer = [a + b for a, b in zip(shape.outer, outer)]
                shape.roots += root
            else:
                merged[group if not shape else (*group, doc.path)] = Shape([doc.path], spec, list(records), outer,
                                                                           fill_down=down, roots=root)
    return list(merged.values()) + collections(docs)


def edition_home(path: str) -> str | None:
    """The folder of a file with its edition folders left out (its parent named by a number, a folder above it by a
    year), else ``None``: ``2031/x.json`` and ``d/2031/x.json`` are ``d/x.json`` of an edition, as
    ``2024/agenda/index.html`` is the archived edition of ``agenda/index.html``.

    >>> edition_home("d/2031/talks.yml"), edition_home("2024/agenda/index.html"), edition_home("2031/a.json")
    ('d', 'agenda', '.')
    >>> edition_home("agenda/index.html"), edition_home("speakers/ann/index.html")
    (None, None)
    """
    folders = PurePosixPath(path).parent.parts
    kept = [f for i, f in enumerate(folders) if not (re.search(r"\d", f) if i == len(folders) - 1 else
                                                     re.fullmatch(r"(?:19|20)\d\d", f))]
    return ("/".join(kept) or ".") if len(kept) < len(folders) else None


def collections(docs: list[Document]) -> list[Shape]:
    """Folders of data files that each hold one record, sharing its keys with the files beside it (Hugo's
    ``data/speakers/<id>.yaml``, one speaker a file): one list of records, a file each.

    >>> docs = [Document(f"data/speakers/{n}.yaml", "", {}, "", 0, data={"name": n, "company": "Acme"})
    ...         for n in ("ann", "bo")] + [Document("config.toml", "", {}, "", 0, data={"title": "X", "lang": "en"})]
    >>> [(s.files, s.one_per_file) for s in collections(docs)]
    [(['data/speakers/ann.yaml', 'data/speakers/bo.yaml'], True)]
    """
    from ingest.draft_site import CONFIGS

    groups: dict[tuple, list[Document]] = {}
    for doc in docs:
        if _one_record(doc.data) and PurePosixPath(doc.path).name not in CONFIGS:
            groups.setdefault((str(PurePosixPath(doc.path).parent), doc.suffix), []).append(doc)
    return [Shape([d.path for d in group], "", [d.data for d in group], one_per_file=True)
            for group in groups.values() if alike([d.data for d in group])]


def alike(records: list[dict]) -> bool:
    """True for the records of a folder's files that are one collection: most files (four in five) fill half the
    keys the files share, or every file has the name key — one sparse file (a speaker with a name alone) does not
    throw out the rest.

    >>> full = {"name": "Ann Lee", "title": "CTO", "company": "Acme", "country": "Chile"}
    >>> alike([full] * 4 + [{"name": "Bo Li", "photo": "bo.jpg"}]), alike([full, {"title": "x", "lang": "en"}])
    (True, False)
    """
    keys = Counter(k for r in records for k in r)
    shared = {k for k, c in keys.items() if c >= 0.6 * len(records)}
    if len(records) < 2 or len(shared) < 2:
        return False
    fitting = sum(len(set(r) & shared) >= len(shared) / 2 for r in records)
    return fitting >= 0.8 * len(records) or bool(shared & set(NAME)) and all(set(r) & shared & set(NAME)
                                                                             for r in records)


def _one_record(data) -> bool:
    """A mapping of a few fields, most of them text: one record (``name: …``, ``company: …``), not a file of lists
    or of records keyed by id."""
    return isinstance(data, dict) and len(data) >= 2 and not keyed_by_id(data) and sum(
        isinstance(v, str | int | float) or v is None for v in data.values()) >= 0.6 * len(data)


def filled_down(records: list) -> list:
    """A spreadsheet's rows as the reader fills them (``ingest.datarecords._FillDown``), for drafting: rows of one
    cell (day headings) left out, and the blanks of the columns left of the name filled from the row above.

    >>> rows = [{"Date": "Day 1"}, {"Date": "16/03/2032", "Session": "Opening", "Name": "Ann Lee"},
    ...         {"Date": "", "Session": "", "Name": "Bo Chan"}]
    >>> [(r["Date"], r["Session"], r["Name"]) for r in filled_down(rows)]
    [('16/03/2032', 'Opening', 'Ann Lee'), ('16/03/2032', 'Opening', 'Bo Chan')]
    """
    rows = [r for r in records if isinstance(r, dict) and not _heading_row(r)]
    name = row_name(rows) if len(rows) >= 2 else None
    if name and name in rows[0]:
        left = list(rows[0])[:list(rows[0]).index(name)]  # a spreadsheet's session columns come before the person's
    elif not (left := grouped_dates(rows)):
        return records
    out, carried = [], {}
    for row in rows:
        row = dict(row)
        for key in left:
            if row.get(key) in (None, "") and key in carried:
                row[key] = carried[key]
            elif row.get(key) not in (None, ""):
                carried[key] = row[key]
        out.append(row)
    return out


def grouped_dates(records: list) -> tuple[str, ...]:
    """The keys of a table of session rows holding a date on the first row of each day alone (a spreadsheet's
    merged cells): filled in the first row and in at most half of them, every value a date.

    >>> rows = [{"Date": "Tue 4 Nov", "Session": "Opening"}, {"Date": "", "Session": "Panel"},
    ...         {"Date": "05/11/2031", "Session": "Keynote"}, {"Date": "", "Session": "Close"}]
    >>> grouped_dates(rows), grouped_dates(rows[:2]), grouped_dates([{"Date": "", "Session": "A"}] + rows)
    (('Date',), (), ())
    """
    rows = [r for r in records if isinstance(r, dict) and not _heading_row(r)]
    if len(rows) < 3:
        return ()
    out = []
    for key, count in filled(rows).items():
        values = values_of(rows, key)
        if rows[0].get(key) not in (None, "") and 2 <= count <= 0.5 * len(rows) and all(
                isinstance(v, str) and (getattr(when(v), "date", False) or date_format([v])) for v in values):
            out.append(key)
    return tuple(out)


def date_formats(values: list) -> str | list[str] | None:
    """The strptime format of a date key's values (``draft_records.date_format``), else one per value when the
    rows print the dates in two ways ("Tue 4 Nov" on one day's row, "05/11/2031" on the next's).

    >>> date_formats(["Tue 4 Nov", "05/11/2031"]), date_formats(["4 Nov 2031"]), date_formats(["2031-11-04", "x"])
    (['%a %d %b', '%d/%m/%Y'], '%d %b %Y', None)
    """
    found = date_format(values)
    if found or len(values) < 2:
        return found
    each = [date_format([v]) for v in values]
    if not all(isinstance(f, str) for f in each):
        return None
    return sorted(set(each)) if len(set(each)) > 1 else each[0]


def _heading_row(row: dict) -> bool:
    """A row whose first cell alone is filled ("Day 1 – Tuesday 16 March 2032")."""
    filled = [k for k, v in row.items() if v not in (None, "")]
    return len(filled) == 1 and filled[0] == next(iter(row))


def data_parts(docs: list[Document], sessions: list[Table], exports: set[str] = frozenset(),
               pages: list[Document] = ()) -> list[Table]:
    """A part per list of sessions, and per list of people that session pages name by id (or by name: in the
    sessions' lists of people, else anywhere in the ``pages``' text)."""
    found = shapes([d for d in docs if d.path not in exports])
    others = {id(s): [f for o in found if o is not s for f in o.files] for s in found}
    parts, rows, used = [], set(), set()
    slotted = slot_parts(found, others)
    for shape in found:
        if id(shape) in slotted:
            parts.append(slotted[id(shape)])
            rows.add(id(shape))
            continue
        part = row_records(shape, others[id(shape)]) if row_name(shape.records) else None
        if part:
            rows.add(id(shape))
        elif kind_of(shape) == "sessions" and not holds_sessions(shape, found):
            part = session_records(shape, others[id(shape)])
        parts += [part] if part else []
        used |= {id(shape)} if part else set()
    people = [s for s in found if id(s) not in rows and kind_of(s) == "people"]
    for shape in [s for s in found if id(s) not in rows and kind_of(s) is None]:
        inner = deeper_people(shape)  # a WordPress post per person: title.rendered, acf.job_title
        if inner:
            people.append(inner)
            others[id(inner)] = others[id(shape)]
    owners = _owners(sessions + parts, people)
    for shape in people:
        part = people_records(shape, [t for t in sessions + parts if owners.get(id(t)) in (None, id(shape))],
                              others[id(shape)], pages)
        if part:
            parts.append(part)
            used.add(id(shape))
    for table in parts:
        _unjoined_numbers(table)
    read = {f for s in found if id(s) in used for f in s.files}
    return parts + [_unread(s) for s in found if not set(s.files) & read and _table_like(s)]


def holds_sessions(shape: Shape, found: list[Shape]) -> bool:
    """True for records whose "people" list is the way down to a deeper list of sessions of the same file (a day's
    ``rooms``, each room's ``slots.*.talks`` with their speakers): a level holding the sessions, not one — its
    mappings with a name are rooms, not people.

    >>> days = Shape(["s.json"], "days", [{"date": "2031-05-02", "rooms": [{"name": "Hall A", "slots": []}]}] * 2)
    >>> talks = Shape(["s.json"], "days.*.rooms.*.slots.*.talks", [{"title": "Keynote", "speakers": ["Ann Lee"]}] * 2)
    >>> holds_sessions(days, [days, talks]), holds_sessions(talks, [days, talks])
    (True, False)
    """
    here = shape.spec if shape.spec == "*" or shape.spec.endswith(".*") else f"{shape.spec}.*"  # as nested_lists
    rooms = [k for k in shape.keys() if container(k, values_of(shape.records, k))]  # rooms, stages: no people
    heads = {f"{here}.{key}" for key in shape.people_lists() + rooms}
    return any(other is not shape and other.files == shape.files and kind_of(other) == "sessions"
               and any(other.spec == h or other.spec.startswith(h + ".") for h in heads) for other in found)


def _table_like(shape: Shape) -> bool:
    """A file that is one table of flat rows (a spreadsheet, a CSV): records a user exported to be read.

    >>> _table_like(Shape(["a.csv"], "", [{"Vorname": "Ann", "Nachname": "Lee", "Land": "Chile"}] * 3))
    True
    >>> _table_like(Shape(["a.json"], "talks", [{"title": "A", "speakers": ["Ann Lee"]}] * 3))
    False
    """
    rows = [r for r in shape.records if isinstance(r, dict)]
    return not shape.spec and not shape.one_per_file and len(rows) >= 3 and len(filled(rows)) >= 3 and all(
        not isinstance(v, list | dict) for r in rows for v in r.values())


def _unread(shape: Shape) -> Table:
    """A comment for a table of rows that got no part, saying why, so that a user names its columns: a table of
    people (a name and an organisation or title column) is a speakers part to write, not a row per appearance."""
    names = name_keys(shape, 0.8)
    if names and kind_of(shape) == "people":
        spec = ", ".join(f'{k} = "{v}"' for k, v in names.items())
        return Table(why=[f"{len(shape.records)} people records in {', '.join(shape.files[:3])} (columns "
                          + ", ".join(f"'{k}'" for k in list(filled(shape.records))[:10]) + ") got no part: too few "
                          "of their names are printed in the sessions' lists of people to join them — if they are "
                          f"the speakers, write a part: reader = \"records\", kind = \"speakers\", {spec} "
                          "(docs/sites.md, records)"], comment_only=True)
    return Table(why=[f"{len(shape.records)} rows in {', '.join(shape.files[:3])} (columns "
                      + ", ".join(f"'{k}'" for k in list(filled(shape.records))[:10]) + ") got no part: no column "
                      "reads as a person's name (name, or first and last name) beside a date or time, nor as a "
                      "session's title and time — if it lists sessions or speakers, write a part naming its columns "
                      "(reader = \"records\", persons = \"\", person = { name = \"…\" }: docs/sites.md, records)"],
                 comment_only=True)


def _unjoined_numbers(table: Table) -> None:
    """People lists of numbers (``"speakers": [2032]``) that no people file's ids join: no names to read — the
    lists are left out, saying so."""
    numbers = getattr(table, "number_ids", [])
    if not numbers or table.get("persons_are") == "ids":
        return
    keys = [k for k in (table.get("persons"), *(table.get("roles") or {})) if k]
    table.entries = [e for e in table.entries if e.key not in ("persons", "roles", "person")]
    table.why.append(f"{', '.join(map(repr, keys))} list people as numbers (e.g. {numbers[0]}) that no people "
                     "file's ids equal: left out — give the speakers file a part (kind = \"speakers\", id = \"…\") "
                     "and persons_are = \"ids\"")


def deeper_people(shape: Shape) -> Shape | None:
    """The people records of ``shape`` read with their nested fields (``acf.job_title``) under their own keys, when
    that makes them people records; ``specs`` says where each such key is."""
    from ingest.draft_deeper import nested_people

    found = nested_people(shape.records)
    if not found:
        return None
    inner = Shape(shape.files, shape.spec, found[0], shape.outer, shape.one_per_file, found[1])
    return inner if kind_of(inner) == "people" else None


def record_ids(shape: Shape, ident: str | None = None) -> set[str]:
    """The ids of a list of people records: its id key's values (``ident``, else the first id key filled), else (a
    file each) the file names' stems."""
    ident = ident or shape.first(ID, 0.8)
    if ident:
        return {str(r.get(ident)).strip() for r in shape.records if isinstance(r, dict)}
    return {PurePosixPath(f).stem for f in shape.files} if shape.one_per_file else set()


def _owners(sessions: list[Table], people: list[Shape]) -> dict[int, int]:
    """The people records each session part joins by id: of those holding many of its ids (half the most any
    holds, or more), the ones of its own edition's folder (``2024/…`` beside ``2024/…``), else the most hits — never
    another edition's list of the same people."""
    out = {}
    for table in sessions:
        values = joinable(table)
        hits = [(shape, len(record_ids(shape) & values)) for shape in people]
        most = max((n for _, n in hits), default=0)
        near = [(shared_folders(as_list(table.get("files")), shape.files), n, shape) for shape, n in hits
                if n and n >= 0.5 * most]
        if near:
            out[id(table)] = id(max(near, key=lambda t: t[:2])[2])
    return out


def shared_folders(globs: list, files: list[str]) -> int:
    """How many leading folders a part's files globs share with other files (``2024/content/*.md`` and
    ``2024/data/x.yaml``: 1).

    >>> shared_folders(["2024/content/sessions/*.md"], ["2024/data/speakers/a.yaml"])
    1
    >>> shared_folders(["*.md"], ["a/b.yml"])
    0
    """
    heads = [str(g).split("/")[:-1] for g in globs] or [[]]
    best = 0
    for head in heads:
        for other in (f.split("/")[:-1] for f in files):
            n = 0
            while n < min(len(head), len(other)) and head[n] == other[n] and not re.search(r"[*?\[{]", head[n]):
                n += 1
            best = max(best, n)
    return best


def _scalars(records: list, key: str) -> list[str]:
    """The values of ``key``, lists flattened (``time: ["09:10", "11:15"]``), as stripped strings."""
    return [str(x).strip() for v in values_of(records, key) for x in (v if isinstance(v, list) else [v])
            if isinstance(x, str | int) and str(x).strip()]


def _slot_keys(shape: Shape, days: set[str], clocks: set[str]) -> tuple[str, str, int] | None:
    """``(day key, clock key, hits)`` of people records placing themselves into slots: a key of day codes found
    in the schedule's file names (``session: dec2`` beside ``schedule_dec2.yml``) and a key of clocks among the
    schedule's slot times."""
    day = clock = None
    hits = 0
    for key in shape.keys():
        values = _scalars(shape.records, key)
        if not values:
            continue
        if day is None and all(v.lower() in days for v in values):
            day = key
        elif clock is None and all(clock_like(v) for v in values) and (n := sum(v in clocks for v in values)) \
                >= 0.5 * len(values):
            clock, hits = key, n
    return (day, clock, hits) if day and clock else None


def slot_parts(found: list[Shape], others: dict[int, list[str]]) -> dict[int, Table]:
    """Speaker records that place themselves into a schedule's slots (a day code naming a dated schedule file and
    a slot's start time): a records part for the schedule, keyed by its start times, and ``kind = "speakers"``
    with ``session_date``/``session_time`` for the people — both key a slot by its date and time."""
    out: dict[int, Table] = {}
    for schedule in found:
        stems = [PurePosixPath(f).stem for f in schedule.files]
        codes = {m.group(0).lower() for s in stems for m in [_MONTH_DAY.search(s) or _ISO_DAY.search(s)] if m}
        numbered = not codes and all(DAY_NUMBER.search(s) for s in stems)  # schedule_day1, schedule_day2
        if numbered:
            codes = {m.group(0).strip("_-. ").lower() for s in stems if (m := DAY_NUMBER.search(s))}
        start = next(iter(clock_keys(schedule.records, [])), None)
        if len(codes) < len(stems) or not start or id(schedule) in out:
            continue
        clocks = set(_scalars(schedule.records, start))
        for people in found:
            slots = people is not schedule and find(people.records, NAME, 0.6) and \
                _slot_keys(people, codes, clocks)
            if slots and id(people) not in out:
                out[id(schedule)] = _schedule_part(schedule, start, others[id(schedule)])
                out[id(people)] = _slotted_people(people, schedule, slots, out[id(schedule)], others[id(people)])
                if numbered:  # "day2" names the meeting's second day: both parts date it from day 1
                    for part in (out[id(schedule)], out[id(people)]):
                        part.first_day_needed = True
                    out[id(schedule)].set("date_from", "path", f"the file names number their day (e.g. "
                                          f"{stems[0]!r}), counted from first_day")
                break
    return out


def _schedule_part(shape: Shape, start: str, others: list[str]) -> Table:
    table = _part(shape, "slot", others)
    title = [k for k in ("title", "name", "Title", "Name") if shape.keys().get(k)]
    if title:
        table.set("title", title if len(title) > 1 else title[0], "the slot's title, else its name ('Panel "
                  "discussion', 'Coffee break')" if len(title) > 1 else "")
    if len(title) > 1:
        table.set("format", title[1], f"'{title[1]}' is the slot's kind (e.g. {example(shape.records, title[1])}): "
                  "the role of its speakers, and its title when it prints none")
    table.set("id", start, f"a slot's key: its start time (e.g. {example(shape.records, start)}), which the speaker "
              "records name")
    table.set("start", start)
    end = next((k for k in clock_keys(shape.records, [start]) if later(shape.records, start, k)), None)
    if end:
        table.set("end", end)
    _path_dates(table, shape)
    table.why = [w for w in table.why if not w.startswith("no key holds a date")]
    table.undated = ""
    return table


def _slotted_people(shape: Shape, schedule: Shape, slots: tuple[str, str, int], part: Table,
                    others: list[str]) -> Table:
    day, clock, hits = slots
    table = _part(shape, "people", others)
    table.set("kind", "speakers", f"'{day}' names a schedule file's day (e.g. {example(shape.records, day)}) and "
              f"'{clock}' a slot's start time there ({hits} of {len(_scalars(shape.records, clock))} times): these "
              "records are the speakers, each placed into the slots")
    spec, why = person_fields([r for r in shape.records if isinstance(r, dict)], skip={day, clock})
    for field_name in ("name", "honorific", "position", "organisation", "biography", "image", "country"):
        if spec.get(field_name):
            table.set(field_name, spec[field_name])
    if (separator := _title_separator(shape.records, spec.get("position"), spec.get("organisation"))):
        table.set("title_separator", separator, f"'{spec['position']}' parts its titles at {separator!r}, as many as "
                  f"'{spec['organisation']}' lists organisations: paired in order")
    table.set("session_date", day, f"the day each speaker appears, as the schedule part dates its slots "
              f"({part.get('files')})")
    from ingest.tidy import has_job_word

    talks = [str(v) for v in values_of(shape.records, "title") if isinstance(v, str) and v.strip()]
    # beside a position key of their own, 'title' holds talks' titles unless most name a job ("Director")
    if talks and spec.get("position") not in (None, "title") and 2 * sum(map(has_job_word, talks)) < len(talks):
        table.set("session_title", "title", f"'title' holds their talks' titles (e.g. "
                  f"{example(shape.records, 'title')}), which title a slot that prints only its kind")
    table.set("session_time", clock, "the start time of each slot (scalars or lists, paired with the days by position)")
    if part.get("date_format"):
        table.set("date_format", part.get("date_format"))
    return table


def _title_separator(records: list, position, organisation) -> str | None:
    """The separator of titles that pair in order with a list of organisations ("Professor · Director" beside
    ``[Beta University, Tide Lab]``), when most records listing two or more organisations print as many titles.

    >>> _title_separator([{"p": "Professor · Director", "o": ["Beta U", "Tide Lab"]}, {"p": "CEO", "o": ["Acme"]}],
    ...                  "p", "o")
    ' · '
    """
    if not (isinstance(position, str) and isinstance(organisation, str)):
        return None
    pairs = [(r.get(position), r.get(organisation)) for r in records if isinstance(r, dict)]
    pairs = [(p, o) for p, o in pairs if isinstance(p, str) and isinstance(o, list) and len(o) > 1]
    for separator in (" · ", " | ", "; "):
        fit = sum(len(p.split(separator)) == len(o) for p, o in pairs)
        if pairs and 2 * fit > len(pairs):
            return separator
    return None


def kind_of(shape: Shape) -> str | None:
    """``"sessions"``, ``"people"`` or ``None`` for a list of records."""
    title, start = shape.first(TITLE), shape.first(START) or next(iter(moment_keys(shape.records, [])), None)
    if name_keys(shape, 0.8) and (shape.first(ORG, 0.5) or shape.first(POSITION, 0.5)):
        return "people"
    if (title or start) and (shape.people_lists() or _described(shape)):
        return "sessions"
    if start and (title or shape.first(("name", "Name"), 0.8)) and held_by(shape):
        return "sessions"  # talks of a room without their people (pages elsewhere name them): times and rooms
    if name_keys(shape, 0.6) and (shape.first(ORG, 0.2) or shape.first(POSITION, 0.2)):
        return "people"
    return None


def held_by(shape: Shape) -> str | None:
    """The label key of the container records the shape's records sit in (a room's ``name`` around its ``talks``):
    the container named for a room, a track or a stage, or records of a label and the list alone.

    >>> talks = [{"name": "Keynote", "time_start": "9:00"}] * 2
    >>> held_by(Shape(["p.yml"], "days.*.rooms.*.talks", talks, [[{"name": "Sala 2", "talks": talks}]]))
    'name'
    >>> held_by(Shape(["p.yml"], "days.*.talks", talks, [[{"name": "Day 1", "date": "2031-05-02", "talks": talks}]]))
    """
    outer_key = shape.spec.rpartition(".*.")[0].rpartition(".")[2]
    around = shape.outer[0] if shape.outer else []
    label = find(around, ("name", "title", "label"), 0.8) if around else None
    if not label or not outer_key:
        return None
    own = {k for r in around if isinstance(r, dict) for k, v in r.items() if not isinstance(v, list | dict)}
    return label if _CONTAINER.match(outer_key) or own == {label} else None


def container_room(table: Table, shape: Shape) -> None:
    """``room = "^.name"`` for sessions held by a room, a hall or a stage: its label is the room of each session."""
    label = held_by(shape)
    outer_key = shape.spec.rpartition(".*.")[0].rpartition(".")[2]
    if label and not table.get("room") and not re.match(r"^(?:tracks?|streams?|columns?)$", outer_key, re.I):
        table.set("room", f"^.{label}", f"the records sit under '{outer_key}' of the records around them (e.g. "
                  f"{example(shape.outer[0], label)}): a room's sessions, its '{label}' their room")


def name_keys(shape: Shape, share: float) -> dict[str, str]:
    """The keys naming the people of people records: a name key, else a given-name and a family-name key (a
    name in two parts, as the reader joins them).

    >>> name_keys(Shape([], "", [{"firstName": "Ann", "lastName": "Lee"}] * 2), 0.8)
    {'given_name': 'firstName', 'family_name': 'lastName'}
    >>> name_keys(Shape([], "", [{"name": "Ann Lee"}, {"name": "Bo Li"}]), 0.8), name_keys(Shape([], "", [{}]), 0.8)
    ({'name': 'name'}, {})
    """
    name = shape.first(NAME, share)
    if name:
        return {"name": name}
    given, family = shape.first(GIVEN, share), shape.first(FAMILY, share)
    return {"given_name": given, "family_name": family} if given and family else {}


def _described(shape: Shape) -> bool:
    """True when a text field of the records names their people (a description) and the reader reads it."""
    from ingest.draft_deeper import takes_text_people, text_people_key

    return bool(text_people_key(shape.records)) and takes_text_people()


def files_of(shape: Shape, others: list[str] = ()) -> str | list[str]:
    """The files glob of a shape: one file, the folder's files of that suffix, or the names they share.

    >>> files_of(Shape(["_data/a.yml"], "", [])), files_of(Shape(["x/2011.json", "x/2012.json"], "", []))
    ('_data/a.yml', 'x/*.json')
    >>> files_of(Shape(["d/day_1.yml", "d/day_2.yml"], "", []), ["d/day_1.yml", "d/day_2.yml", "d/team.yml"])
    'd/day_*.yml'
    >>> files_of(Shape(["2031/timetable.json", "2032/timetable.json"], "", []))
    '*/timetable.json'
    >>> files_of(Shape(["d/2031/talks.yml", "d/2032/talks.yml"], "", []), ["d/2030/talks.yml"])
    ['d/2031/talks.yml', 'd/2032/talks.yml']
    """
    if len(shape.files) == 1:
        return shape.files[0]
    paths = [PurePosixPath(f) for f in shape.files]
    homes = {edition_home(f) for f in shape.files}
    if len({p.name for p in paths}) == 1 and None in homes and len(homes) > 1:  # the current edition's beside
        return _edition_globs(shape.files, others)
    if len({p.parent for p in paths}) > 1 and len({p.name for p in paths}) == 1 \
            and len({p.parent.parent for p in paths}) == 1:  # a file of one name in a folder per edition
        top = str(paths[0].parent.parent)
        glob = f"*/{paths[0].name}" if top == "." else f"{top}/*/{paths[0].name}"
        # another edition's file of that name that another part reads (another shape): listed, not globbed
        return sorted(shape.files) if any(_matches(p, glob) for p in others if p not in shape.files) else glob
    across = edition_glob(shape.files)
    if across:  # 2023/_data/program.yml, 2024/_data/program.yml: every edition's copy of one file
        return sorted(shape.files) if any(_matches(p, across) for p in others if p not in shape.files) else across
    folder = str(PurePosixPath(shape.files[0]).parent)
    ext = shape.files[0].rsplit(".", 1)[-1]
    at = "" if folder == "." else f"{folder}/"
    rest = [p for p in others if p not in shape.files and str(PurePosixPath(p).parent) == folder
            and p.endswith("." + ext)]
    if not rest:
        return f"{at}*.{ext}"
    prefix = os.path.commonprefix([PurePosixPath(p).name for p in shape.files])
    if prefix and not any(PurePosixPath(p).name.startswith(prefix) for p in rest):
        return f"{at}{prefix}*.{ext}"
    return sorted(shape.files)


def edition_glob(files: list[str]) -> str | None:
    """One glob for the same file path in each edition's folder, the folders that differ (years, numbers) as ``*``;
    ``None`` when the paths differ otherwise.

    >>> edition_glob(["2023/_data/program.yml", "2024/_data/program.yml"])
    '*/_data/program.yml'
    >>> edition_glob(["site/2031/data/a.yml", "site/2032/data/a.yml"]), edition_glob(["a/x.yml", "b/x.yml"])
    ('site/*/data/a.yml', None)
    """
    paths = [PurePosixPath(f).parts for f in files]
    if len(paths) < 2 or len({len(p) for p in paths}) != 1 or len({p[-1] for p in paths}) != 1:
        return None
    parts = []
    for level in zip(*paths):
        if len(set(level)) > 1 and not all(re.search(r"\d", x) for x in level):
            return None
        parts.append("*" if len(set(level)) > 1 else level[0])
    return "/".join(parts) if "*" in parts else None


def _edition_globs(files: list[str], others: list[str]) -> str | list[str]:
    """Globs of a file of one name in the current edition's folder and in the editions' folders beside it, their
    year folders as ``*`` (the next archived edition's too); the files themselves when another part's file fits.

    >>> _edition_globs(["2024/agenda/index.html", "agenda/index.html"], [])
    ['*/agenda/index.html', 'agenda/index.html']
    >>> _edition_globs(["t.json", "2031/t.json"], []), _edition_globs(["t.json", "2031/t.json"], ["2030/t.json"])
    (['*/t.json', 't.json'], ['2031/t.json', 't.json'])
    """
    globs = sorted({"/".join("*" if re.fullmatch(r"(?:19|20)\d\d", f) else f for f in PurePosixPath(p).parts)
                    for p in files})
    if any(_matches(p, g) for p in others if p not in files for g in globs):
        return sorted(files)
    return globs[0] if len(globs) == 1 else globs


def _matches(path: str, glob: str) -> bool:
    from wcmatch import glob as wcglob

    from ingest.profile import GLOB_FLAGS

    return wcglob.globmatch(path, glob, flags=GLOB_FLAGS)


def _part(shape: Shape, what: str, others: list[str] = ()) -> Table:
    files = len(shape.files)
    table = Table(why=[f"{len(shape.records)} {what} records {where(shape.spec)} of {files} data "
                       f"file{'s' * (files != 1)} "
                       f"({', '.join(shape.files[:3])}{', …' if files > 3 else ''}); keys: "
                       + ", ".join(f"{k} {c}" for k, c in shape.keys().most_common(10))])
    table.set("files", files_of(shape, others))
    table.pages = list(shape.files)  # the files themselves, for what a glob hides ("schedule_day2.yml")
    table.set("reader", "records")
    if shape.spec:
        table.set("records", shape.spec)
    _skip_key(table, shape.records)
    return table


_SKIP_KEY = re.compile(r"^(?:skip(?:ped)?|hid(?:e|den)|exclude[ds]?|private|disabled|ignored?)$", re.I)
# a key saying the site shows the record: its false value hides it ("published" the reader knows without asking)
_SHOWN_KEY = re.compile(r"^(?:is[_-]?)?(?:active|visible|enabled|public|live|shown|listed|approved)$", re.I)
_YES_NO = {"true": True, "yes": True, "y": True, "on": True, "1": True,
           "false": False, "no": False, "n": False, "off": False, "0": False}


def _skip_key(table: Table, records: list) -> None:
    """``skip``: a key named for it (``skip``, ``hidden``) holding true on some records and false on others —
    the records a site does not show; ``skip_when``: a key named for the records it shows (``active``,
    ``visible``) holding its false value ("N", ``false``) on fewer records than its true one.

    >>> t = Table(); _skip_key(t, [{"name": "A", "skip": False}, {"name": "B", "skip": True}]); t.get("skip")
    'skip'
    >>> t = Table(); _skip_key(t, [{"name": "A", "hidden": False}]); t.get("skip") is None
    True
    >>> t = Table(); _skip_key(t, [{"name": "A"}, {"name": "B", "skip": True}, {"name": "C"}]); t.get("skip")
    'skip'
    >>> t = Table(); _skip_key(t, [{"active": "Y"}, {"active": "N"}, {"active": "Y"}]); t.get("skip_when")
    {'active': 'N'}
    >>> t = Table(); _skip_key(t, [{"active": "Y"}, {"active": "N"}, {"active": "N"}]); t.get("skip_when") is None
    True
    """
    flags: dict[str, list[tuple[bool, object]]] = {}
    for record in records:
        for key, value in record.items() if isinstance(record, dict) else ():
            if isinstance(key, str) and (_SKIP_KEY.match(key) or _SHOWN_KEY.match(key)) and _flag(value) is not None:
                flags.setdefault(key, []).append((_flag(value), value))
    for key, pairs in flags.items():
        values = [flag for flag, _ in pairs]
        if _SKIP_KEY.match(key) and all(values) and len(values) < len(records):
            values += [False] * (len(records) - len(values))  # "skip: true" on a few records, absent on the others
        if len(values) < 0.5 * len(records) or all(values) or not any(values):
            continue
        if _SKIP_KEY.match(key):
            table.set("skip", key, f"'{key}' is true on {sum(values)} of {len(values)} records: people or sessions "
                      "the site does not show")
            return
        hidden = Counter(value for flag, value in pairs if not flag)
        if sum(hidden.values()) < 0.5 * len(values):  # most records hidden: the flag says something else
            printed = hidden.most_common(1)[0][0]
            table.set("skip_when", {key: printed}, f"'{key}' is {printed!r} on {sum(hidden.values())} of "
                      f"{len(values)} records: sessions or people the site does not show")
            return


def _flag(value) -> bool | None:
    """A yes/no value as data files print one (``true``, ``"Y"``, ``"no"``, ``0``), else ``None``.

    >>> _flag("Y"), _flag(False), _flag(0), _flag("maybe"), _flag(3)
    (True, False, False, None, None)
    """
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1) or isinstance(value, str):
        return _YES_NO.get(str(value).strip().lower())
    return None


def session_records(shape: Shape, others: list[str] = ()) -> Table:
    """A records part for a list of sessions: title, times, the keys listing people."""
    table = _part(shape, "session", others)
    for option, names in SESSION_KEYS:
        _session_key(table, shape, option, names)
    named = shape.first(("name", "Name"), 0.8)
    if not table.get("title") and named and (shape.people_lists() or held_by(shape)) \
            and not taken_by_people(shape, named):
        table.set("title", named, f"no key is named for a title, and '{named}' names the session in "
                  f"{len(values_of(shape.records, named))} of {len(shape.records)} records (e.g. "
                  f"{example(shape.records, named)}), beside the lists of its people")
    _block_track(table, shape)
    container_room(table, shape)
    shaped_times(table, [shape.records, *shape.outer])
    down = [k for k in shape.fill_down if k in (table.get("date"), table.get("start"))]
    if down:
        table.set("fill_down", down, f"'{down[0]}' is printed on the first row of each day alone (a merged "
                  "cell): the rows below take it")
    if table.get("time") and not table.get("date"):
        table.why.append(f"'{table.get('time')}' holds times without a date: give the date (date = \"key\", "
                         "date_from = \"path\" or default_date = \"2024-05-01\")")
    people = _people_keys(table, shape)
    _person_specs(table, shape, people)
    if not (table.get("start") or table.get("date")):
        _path_dates(table, shape)
    elif yearless(table.get("date_format")):
        _path_year(table, shape)
    items = _people_items(shape, people)
    numbers = [str(x) for x in items if number_id(x)]
    table.person_ids = _embedded_ids([x for x in items if isinstance(x, dict)], table.get("person") or {})
    table.number_ids = numbers  # people printed as numbers: ids, if a people file holds them (see data_parts)
    table.session_values = [x.strip() for x in items if isinstance(x, str)] + numbers + printed_names(
        [x for x in items if isinstance(x, dict)], table.get("person") or {})
    if not people:
        table.session_values += text_people(table, shape.records, taken(table))
    zoned = zone_key(shape.records)
    if zoned and (table.get("start") or table.get("time")):
        table.set("timezone", zoned[1], f"every record's '{zoned[0]}' names the zone {zoned[1]}: the zone of its "
                  "times, which print no UTC offset")
    return table


def _block_track(table: Table, shape: Shape) -> None:
    """``track = "^.title"`` for sessions nested in records of their own kind (an Indico session block around its
    contributions: the same keys, a title of its own): the block's title is the track of the talks in it."""
    block = block_title(shape.records, shape.outer[0] if shape.outer else [])
    if block and not table.get("track"):
        table.set("track", f"^.{block}", f"the records sit in records of their own kind (e.g. "
                  f"{example(shape.outer[0], block)}): the title of the one around each is its track")


def block_title(records: list, around: list) -> str | None:
    """The title key of the records around ``records`` when they are of the same kind: most of the inner records'
    keys, and a title in each.

    >>> talks = [{"title": "Norms", "start": "10:00", "room": "A", "speakers": []}] * 2
    >>> block_title(talks, [{"title": "Session 1", "start": "09:00", "room": "A", "entries": {}}])
    'title'
    >>> block_title(talks, [{"label": "Day 1", "date": "2031-05-02", "rooms": []}]) is None
    True
    """
    inner, outer = set(filled(records)), set(filled(around))
    title = find(around, TITLE, 0.8) if around else None
    return title if title and len(inner & outer) >= 0.5 * len(inner) else None


def _embedded_ids(people: list[dict], spec: dict) -> tuple[str, set[str]] | None:
    """``(id key, ids)`` of the people a session prints as mappings with an id of their own (a GraphQL export's
    ``speakers: [{id, firstName, …}]``): what a people file's ids may equal.

    >>> key, ids = _embedded_ids([{"id": "p1", "name": "Ann Lee"}, {"id": 2, "name": "Bo Li"}], {"name": "name"})
    >>> key, sorted(ids)
    ('id', ['2', 'p1'])
    """
    key = find(people, ID, 0.8, [k for k in spec.values() if isinstance(k, str)]) if people else None
    return (key, {str(p[key]).strip() for p in people if isinstance(p.get(key), str | int)}) if key else None


def printed_names(people: list[dict], spec: dict) -> list[str]:
    """The names of people printed as mappings, as the ``person`` spec reads them (a name key, else the given and
    family names joined): what a speakers file joined by name must print.

    >>> printed_names([{"first_name": "Ann", "last_name": "Lee"}, {"name": "Bo Li"}],
    ...               {"given_name": "first_name", "family_name": "last_name", "name": "name"})
    ['Ann Lee', 'Bo Li']
    """
    def first(person: dict, keys) -> str:
        return next((str(person[k]).strip() for k in as_list(keys) if isinstance(person.get(k), str | int)
                     and str(person[k]).strip()), "")

    names = [first(p, spec.get("name")) or " ".join(
        x for x in (first(p, spec.get("given_name")), first(p, spec.get("family_name"))) if x) for p in people]
    return [n for n in names if n]


def _session_key(table: Table, shape: Shape, option: str, names: tuple[str, ...]) -> None:
    """One option, by the key's name: in the records, else (times, room, track) in the records around them. A key
    named for the start or end holding dates with a time (``start_date``, ``startDate``, ``begin``) beats the
    others (``date``: a post's publish date); a ``date`` beside such a start is left out."""
    levels = [shape.records] + (shape.outer if option in INHERITED else [])
    if option == "date" and _dated(table.get("start"), shape.records):
        return  # the start's own day: a "date" beside it is another date (published, modified)
    for depth, records in enumerate(levels):
        key = (moment_named(records, option, taken(table)) if option in ("start", "end") else None) \
            or find(records, names, 0.3, honorific_keys(records) if option == "title" else ())
        if key:
            if key not in taken(table):
                _session_option(table, option, key, records, depth)
            return


_MOMENT_WORDS = {"start": ("start", "begin"), "end": ("end", "finish")}


def moment_named(records: list, option: str, taken=()) -> str | None:
    """The key named for the start (``start…``, ``begin…``) or end (``end…``, ``finish…``) whose values are all
    dates with a time, in the records' key order.

    >>> moment_named([{"date": "2031-01-15 10:02", "start_date": "2031-03-12 09:00", "start_details": {}}], "start")
    'start_date'
    >>> moment_named([{"startTime": "09:00"}], "start") is None
    True
    """
    for key in filled(records):
        values = values_of(records, key)
        if key in taken or not norm(key).startswith(_MOMENT_WORDS[option]) or len(values) < 0.8 * len(records):
            continue
        if _dated(key, records):
            return key
    return None


def _dated(key, records: list) -> bool:
    """True when every value of ``key`` is a date with a time."""
    values = values_of(records, key) if isinstance(key, str) else []
    return bool(values) and all((w := when(v)) is not None and w.date and w.time for v in values)


_TEXT_OPTIONS = ("title", "room", "track", "format")
_LABEL_KEYS = ("name", "title", "label", "rendered", "text", "value")


def labelled(records: list, key: str) -> str | None:
    """The spec of the name-like text inside a key holding mappings (``venue: {id, venue, address}``:
    ``venue.venue``; ``categories: [{name, slug}]``: ``categories.0.name``); ``None`` when its values are text,
    ``""`` for mappings with no such key.

    >>> labelled([{"venue": {"id": 2, "venue": "Hall A", "city": "Oslo"}}], "venue")
    'venue.venue'
    >>> labelled([{"categories": [{"name": "Panel", "slug": "panel"}]}], "categories")
    'categories.0.name'
    >>> labelled([{"room": "A"}], "room") is None, labelled([{"room": {"id": 2}}], "room")
    (True, '')
    """
    values = values_of(records, key)
    inner = [x for v in values for x in (v[:1] if isinstance(v, list) else [v]) if isinstance(x, dict)]
    if not inner:
        return None
    listed = any(isinstance(v, list) for v in values)
    for sub in (*_LABEL_KEYS[:2], key, *_LABEL_KEYS[2:]):
        texts = [x.get(sub) for x in inner]
        if sum(isinstance(t, str) and bool(t.strip()) for t in texts) >= 0.8 * len(inner):
            return f"{key}.0.{sub}" if listed else f"{key}.{sub}"
    return ""


_RECORD_TYPES = {"session", "contribution", "subcontribution", "entry", "block", "sessionblock", "item", "slot",
                 "event", "break"}


def record_types(values: list) -> bool:
    """True for the values of a key naming the type of record (an Indico timetable's ``entryType``: "Session",
    "Contribution", "Break"), no kind of session: each value one of those words.

    >>> record_types(["Session", "Contribution", "Break"]), record_types(["Panel", "Session"]), record_types([])
    (True, False, False)
    """
    words = [re.sub(r"[\W_]", "", str(v)).lower() for v in values]
    return bool(words) and all(w in _RECORD_TYPES for w in words)


def _session_option(table: Table, option: str, key: str, records: list, depth: int) -> None:
    """Set ``option`` to ``key`` when its values fit: dates for a date, date-times or clocks for a start, text (or
    the name-like text inside a mapping) for a title, room, track or format."""
    values = [r.get(key) for r in records if isinstance(r, dict) and r.get(key) is not None]
    if option == "format" and record_types(values):
        return  # "Session", "Contribution": what kind of record, not of session
    inner = labelled(records, key) if option in _TEXT_OPTIONS else None
    if inner is not None:
        texts = [str(x.get(inner.rsplit(".", 1)[-1])) for v in values for x in (v[:1] if isinstance(v, list) else [v])
                 if isinstance(x, dict)] if inner else []
        formats = sum(role_of(t) is not None for t in texts)
        if option == "track" and texts and 2 * formats >= len(texts) and not table.get("format"):
            option = "format"  # "Panel", "Keynote", "Roundtable": the kind of session, whose role its people take
        if inner:
            table.set(option, inner, f"{len(values)} of {len(records)} records have '{key}', holding mappings (e.g. "
                      f"{example(records, key)}): their '{inner.rsplit('.', 1)[-1]}' names it"
                      + (f" ({formats} of {len(texts)} name a kind of session with a role: the format)"
                         if option == "format" else ""))
        return  # mappings naming nothing: no text to read
    fmt = date_formats(values) if option in ("start", "end", "date") else None
    whens = [] if fmt else [when(v) for v in values]
    clocked = fmt and any(re.search(r"%[HI]", f) for f in as_list(fmt))  # "03/18/2025 09:30 AM": a time too
    if clocked and option in ("start", "end"):
        table.set(option, key, f"{len(values)} of {len(records)} records have '{key}', a date and a time in one "
                  f"(e.g. {example(records, key)})")
        if option == "end" or table.get("date"):
            return
    if fmt and option == "end":
        return  # a date alone where an end time goes
    if fmt:
        option = "date"  # "14.05.2025", "Tuesday, 3 June 2025": dates in a format to name
    elif option in ("start", "end", "date") and not (whens and all(whens)):
        if option == "date" or not all(w or clock_like(v) for v, w in zip(values, whens)):
            return
        whens = [w or When(False, True, None, None) for w in whens]  # "9:00 am – 9:30 am CEST"
    mixed = option == "start" and any(w.date for w in whens) and not all(w.date for w in whens)
    if option in ("start", "end") and not all(w.date for w in whens) and not mixed:
        option = "time" if option == "start" else option  # a clock only: the date comes from elsewhere
    table.whens += [w for w in whens if w] if option in ("start", "time") else []
    held = "records" if not depth else "records around them"
    table.set(option, key, f"{len(values)} of {len(records)} {held} have '{key}' (e.g. {example(records, key)})"
              + ("; each record takes it from the one around it" if depth else "")
              + (f"; {sum(not w.date for w in whens)} of them a clock alone, whose day comes from the date key"
                 if mixed else ""))
    if fmt:
        table.set("date_format", fmt, f"every '{key}' reads as {' or '.join(as_list(fmt))} (e.g. "
                  f"{example(records, key)})")


def _people_keys(table: Table, shape: Shape) -> list[str]:
    """The keys listing a session's people: ``persons``, ``roles`` when keys name roles, or both: the one list of
    the session's people (``speakers``) as ``persons`` and the keys of other roles beside it (``moderators``,
    ``chair``) as ``roles``, which the reader adds to them."""
    people = shape.people_lists()
    records = [r for r in shape.records if isinstance(r, dict)]
    listed = [k for k in people if any(isinstance(r.get(k), list) for r in records)]
    if listed:  # a string beside the lists adds a role they lack ("moderator" beside "speakers"); one of a role they
        # have, printed in the same records, says their names again ("speakers-text: A & B" beside "speakers")
        people = listed + [k for k in people if k not in listed and role_of(k) and not any(
            r.get(k) and r.get(x) and role_of(x) == role_of(k) for r in records for x in listed)]
    roles = {k: "Speaker" if role_of(k) == "speaker" else k.upper() if len(k) <= 3 else k.capitalize()
             for k in people if role_of(k)}  # "Speaker", the reader's own label: a "Keynote: …" title gives its role
    mappings = [x for x in _people_items(shape, people) if isinstance(x, dict)]
    single = len(people) == 1 and roles and role_of(people[0]) != "speaker" and not (  # "panelists" alone
        mappings and person_fields(mappings)[0].get("role"))  # unless each person says their own role
    general = [k for k in people if role_of(k) in (None, "speaker")]
    if len(general) == 1 and len(people) >= 2:  # "speakers" beside "moderators", "chair": roles add to persons
        table.set("persons", general[0], f"'{general[0]}' lists the people of a session")
        table.set("roles", {k: roles[k] for k in people if k != general[0]}, "beside them, one key per role: "
                  + ", ".join(f"'{k}'" for k in people if k != general[0]) + " (read as well as the persons)")
    elif len(roles) >= 2 or (roles and len(people) >= 2) or single:
        roles.update({k: k.capitalize() for k in people if k not in roles})
        table.set("roles", roles, "one key per role: " + ", ".join(f"'{k}'" for k in roles))
    elif people:
        table.set("persons", people[0], f"'{people[0]}' lists the people of a session")
    return people


def row_records(shape: Shape, others: list[str] = ()) -> Table | None:
    """A records part for a table printing a row per person: ``persons = ""``, the row's person keys, the
    session keys (a title: of the keys the same in every row of a slot, the one with most values)."""
    table = session_records(shape, others)
    slot = [k for k in (table.get("date"), table.get("start"), table.get("time")) if k]
    if not slot:
        return None
    shared = session_level(shape.records, slot, taken(table))
    level = session_level(shape.records, slot, [])
    if table.get("title") and table.get("title") not in level and not _session_titles(shape.records, table.get("title")):
        person_title = table.get("title")
        table.entries = [e for e in table.entries if e.key != "title"]  # "Title": a person's, not the session's
        other = next((k for k in TITLE if k != person_title and shape.keys().get(k)
                      and (k in level or _session_titles(shape.records, k))), None)
        if other:  # "Session" beside the person's "Title", parallel sessions sharing a slot
            table.set("title", other, f"'{other}' names the sessions (e.g. {example(shape.records, other)}); "
                      f"'{person_title}' is each person's job title")
    title = table.get("title") or row_title(shape.records, shared)
    if not title:
        return None
    if not table.get("title"):
        table.set("title", title, f"'{title}' is the same in every row of a slot and has the most values of such "
                  f"keys (e.g. {example(shape.records, title)}): the session's title")
    rest = [k for k in shared if k not in taken(table)]
    if rest and not table.get("room"):
        table.set("room", rest[0], f"'{rest[0]}' is the same in every row of a slot too (e.g. "
                  f"{example(shape.records, rest[0])}): the room?", commented=True)
    # the person's own columns, not people lists: "Speaker name" read as a list of one is the row's name
    table.entries = [e for e in table.entries if e.key not in ("persons", "roles", "person", "people_separators",
                                                               "person_pattern")]
    spec, why = person_fields(shape.records, skip=set(taken(table)) | set(rest), leftover=True)
    if not (spec.get("name") or spec.get("given_name")):
        spec = {"name": row_name(shape.records), **spec}
    table.set("persons", "", f"each record prints one person ('{row_name(shape.records)}'); rows of one slot and "
              "title are one session")
    table.session_values = [str(v) for v in values_of(shape.records, row_name(shape.records) or "")]
    table.set("person", spec, "the person of a row: " + ", ".join(f"{f} '{k}'" for f, k in spec.items()), *why)
    nobody = stand_ins(shape.records, spec.get("name", ""))
    if nobody:
        table.why.append(f"{', '.join(map(repr, nobody))} stands for nobody yet: add it to [site] placeholders")
    return table


def _session_titles(rows: list, key: str) -> bool:
    """True when a title key of a row-per-person table names sessions, though sessions run in parallel (two titles
    in one slot): rows share its values, which read as no job titles.

    >>> _session_titles([{"Session": "Opening"}, {"Session": "Opening"}, {"Session": "AI pipelines"}], "Session")
    True
    >>> _session_titles([{"Title": "Director"}, {"Title": "Director"}, {"Title": "CEO"}], "Title")
    False
    """
    from ingest.draft_records import job_like

    texts = [str(v).strip() for v in values_of(rows, key)]
    return len(set(texts)) < len(texts) and sum(map(job_like, texts)) < 0.5 * len(texts)


def _people_items(shape: Shape, keys: list[str]) -> list:
    return [x for r in shape.records if isinstance(r, dict) for k in keys
            for x in (r.get(k) if isinstance(r.get(k), list) else [r.get(k)]) if x]


def _person_specs(table: Table, shape: Shape, keys: list[str]) -> None:
    """How a person is printed: mappings (which keys), or strings (which patterns, separators)."""
    items = _people_items(shape, keys)
    mappings = [x for x in items if isinstance(x, dict)]
    if mappings:
        counts = filled(mappings)
        spec, why = person_fields(mappings)
        table.set("person", spec, f"people are mappings: {', '.join(f'{k} {c}' for k, c in counts.most_common(6))}",
                  *why)
        values = [str(x.get(spec["position"])) for x in mappings if spec.get("position") and x.get(spec["position"])]
        pattern = _position_pattern(values)  # beside an organisation key too: the reader splits when it is empty
        if pattern:
            table.set("position_pattern", pattern, f"'{spec['position']}' holds a title and an organisation "
                      f"(e.g. {values[0]!r})" + (f"; split only where '{spec['organisation']}' is empty"
                                                 if spec.get("organisation") else ""))
        names = [x[spec["name"]] for x in mappings if spec.get("name") and isinstance(x.get(spec["name"]), str)]
        _joined_people(table, names)
    strings = [x for x in items if isinstance(x, str)]
    if strings:
        _string_patterns(table, strings)


def _position_pattern(values: list[str]) -> list[str]:
    found = []
    if not values:
        return found
    for pattern, rx, share in (("Title @ Org", r"\s@\s", 0.0), ("Title at Org", r"\sat\s[A-Z]", 0.1),
                               ("Title, Org", r",\s", 0.1)):  # " @ " parts nothing but a title and its organisation
        hits = sum(bool(re.search(rx, v)) for v in values)
        if hits and hits >= share * len(values):
            found.append(pattern)
    return found


def _string_patterns(table: Table, strings: list[str]) -> None:
    """Patterns of people printed in one string ("Name, Title, Org", "Name (Org)", "A and B"); a string listing
    people printed "Name (Org)" ("Ann Lee (Acme, Inc.), Bo Chan (Beta)") is judged person by person, as the reader
    parts it (``datarecords.bracketed_people``)."""
    from ingest.datarecords import bracketed_people

    lists = [v for v in strings if len(bracketed_people(v)) > 1]
    strings = [p for v in strings for p in bracketed_people(v)]
    # each person of a list parted at semicolons ("A - CTO, Acme; B (Beta)") in the pattern it prints
    pieces = [piece for v in strings for piece in re.split(r"\s*;\s*(?![^()]*\))", v) if piece.strip()]
    checks = (("Name — Title, Org", r"^[^,]{3,40}\s[—–-]\s\S"),
              ("Name (Org)", r"^[^,(]{3,40}\((?:[^()]|\([^()]*\))+\)\s*$"),  # "(Information Authority (RIA))"
              ("Name, Title, Org", r"^[^,]{3,40},[^,]+,"))
    patterns = []
    listed = [v for v in strings if _listed_names(v)]
    for pattern, rx in checks:
        hits = [v for v in pieces if re.search(rx, v) and v not in listed]
        if hits:  # a pattern seen once is still how that person is printed ("Ann Lee (NOAA)" beside "A, B, C")
            patterns.append((pattern, len(hits), hits[0]))
    if patterns:
        table.set("person_pattern", [p for p, _, _ in patterns], "people printed in one string: " + "; ".join(
            f"{n} like {p!r} (e.g. {e!r})" for p, n, e in patterns) + (
            f"; {len(lists)} strings list several, parted at the commas between their brackets (e.g. {lists[0]!r})"
            if lists else ""))
    if listed and (len(listed) >= 2 or not patterns):  # one odd string beside many patterned ones lists nobody
        table.set("people_separators", [", ", *joiners(strings, [" and ", " & "])], f"{len(listed)} strings list "
                  f"several people (e.g. {listed[0]!r})")
    else:
        _joined_people(table, strings)


def _listed_names(value: str) -> bool:
    """True for a string that lists two people or more, every piece a name ("Ann Lee, Dr. Bo Chan, Cy Dee, Jr."):
    not one person with a title and an organisation ("Ann Lee, Director, Acme")."""
    from ingest.people_text import split_names
    from ingest.tidy import not_a_person

    if "," not in value:
        return False  # "Ann Lee and Bo Li": two people joined, not a list (see _joined_people)
    pieces = split_names(re.sub(r"\s+(?:and|&)\s+", ", ", value), [", ", ","])
    return len(pieces) >= 2 and all(name_like(re.sub(r",.*", "", p).strip()) and not not_a_person(p) for p in pieces)


def _joined_people(table: Table, names: list[str]) -> None:
    """Separators for names that join two people ("Mark Tuttle and Melanie Laverdiere", "A & B")."""
    joined = [v for v in names if re.search(r"\w\s+(and|&)\s+[A-Z]", v.split(",")[0])]
    semicolons = [v for v in names if re.search(r"\w\s*;\s*[A-Z]", v)]  # "Scott Shaw; Yang Jia"
    slashes = [v for v in names if _joins(v, " / ")[0]]  # "Ann Lee / Dr Bo Chan – Acme"
    if joined or semicolons or slashes:
        table.set("people_separators", joiners(names, [" and ", " & "] + (["; "] if semicolons else [])
                                                + ([" / "] if slashes else [])),
                  f"{len(joined) + len(semicolons) + len(slashes)} strings join two people (e.g. "
                  f"{(joined + semicolons + slashes)[0]!r})")


def _joins(value: str, sep: str) -> tuple[int, int]:
    """``(people, others)``: how often ``sep`` in ``value`` comes before a person's name, and before anything else
    (the rest of an organisation's name: "Foreign, Commonwealth & Development Office").

    >>> _joins("Ann Lee / Dr Bo Chan – Acme", " / "), _joins("Ann Lee, Trade & Development Office", " & ")
    ((1, 0), (0, 1))
    """
    from ingest.tidy import not_a_person

    people = others = 0
    for after in value.split(sep)[1:]:
        head = re.split(r"[,;()–—\n]|\s-\s", after, maxsplit=1)[0].strip()
        if name_like(head) and not not_a_person(head):
            people += 1
        else:
            others += 1
    return people, others


def joiners(strings: list[str], seps: list[str]) -> list[str]:
    """The separators of people worth proposing: " & " only when no string of the column prints it inside
    an organisation's name (where the reader would cut the organisation in two); the others as given.

    >>> joiners(["Ann Lee & Bo Chan"], [" and ", " & "]), joiners(["Ann Lee, Trade & Aid Office"], [" and ", " & "])
    ([' and ', ' & '], [' and '])
    """
    inside = sum(_joins(v, " & ")[1] for v in strings)
    return [s for s in seps if s != " & " or not inside]


_MONTH_DAY = re.compile(r"(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(\d{1,2})(?!\d)", re.I)
_ISO_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _container(data: dict, spec: str) -> dict:
    """The mapping that holds the list ``spec`` names (``default.sessions``: ``data["default"]``), else ``data``.

    >>> _container({"default": {"date": "2019-08-03", "sessions": []}}, "default.sessions")
    {'date': '2019-08-03', 'sessions': []}
    """
    held = data
    for key in spec.split(".")[:-1]:
        held = held.get(key) if isinstance(held, dict) else None
    return held if isinstance(held, dict) else data


_ROOT_DATE = re.compile(r"^(?:date|event_?date|conference_?date|day|datum|fecha)$", re.I)


def _root_date(shape: Shape) -> str | None:
    """The key of a date every file prints beside its list of records (``{"Date": "2016-08-06", "Sessions": […]}``).

    >>> _root_date(Shape(["2016.json"], "Sessions", [{}], roots=[{"Date": "2016-08-06", "Sessions": [{}]}]))
    'Date'
    """
    if not shape.roots or len(shape.roots) < len(shape.files):
        return None
    keys = [next((k for k, v in root.items() if isinstance(k, str) and _ROOT_DATE.match(k) and (w := when(v))
                  and w.date), None) for root in shape.roots]
    return keys[0] if keys[0] and all(k == keys[0] for k in keys) else None


def _path_dates(table: Table, shape: Shape) -> None:
    """Dates written in the file names, or a year in the path, when the records carry none."""
    stems = [PurePosixPath(f).stem for f in shape.files]
    if (key := _root_date(shape)):
        table.set("date", f"^.{key}", f"each file prints its day beside the records: '{key}' (e.g. "
                  f"{shape.roots[0][key]!r})")
    elif all(re.search(r"\d{4}-\d\d-\d\d", s) for s in stems):
        table.set("date_from", "path", f"the file names are dates (e.g. {stems[0]!r})")
    elif all(_MONTH_DAY.search(s) for s in stems):
        table.set("date_from", "path", f"the file names carry a month and day (e.g. {stems[0]!r}); the year is "
                  "[site] year")
        table.set("date_format", "%b%d")
        table.needs_year = True
    elif all(re.search(r"(19|20)\d\d", f) for f in shape.files):
        table.set("year_from", "path", "the records carry no date but each file name has a year (e.g. "
                  f"{shape.files[0]}): dated 1 January of that year — give default_date when the day is known")
    else:
        table.undated = "no key holds a date (the reader skips records without one; if a key does, name it: date = \"…\")"


def _path_year(table: Table, shape: Shape) -> None:
    """The year of dates printed without one ("Day 2 – 5 June"): the file names' when each has one, else [site]
    year."""
    if all(re.search(r"(?<!\d)(19|20)\d\d(?!\d)", f) for f in shape.files):
        table.set("year_from", "path", f"the dates print no year; each file name has one (e.g. "
                  f"{shape.files[0]})")
    else:
        table.needs_year = True


def taken_by_people(shape: Shape, key: str) -> bool:
    """True when ``key`` is one of the record's lists of people."""
    return key in shape.people_lists()


def people_records(shape: Shape, sessions: list[Table], others: list[str] = (),
                   pages: list[Document] = ()) -> Table | None:
    """Speaker records that session pages name by id: read as speaker pages linked by the same template; else
    records whose names the sessions' people lists print (Sched's speakers export): joined by name."""
    ident = _id_key(shape, sessions)
    ids = record_ids(shape, ident)
    linked = [(t, len(ids & joinable(t))) for t in sessions]
    linked = [(t, n) for t, n in linked if n]
    if not linked:
        return _joined_by_name(shape, sessions, others, pages)
    hits = sum(n for _, n in linked)
    slugs = len({v for t, _ in linked for v in t.session_values})
    table = _part(shape, "people", others)
    where_ids = f"an '{ident}' here" if ident else "the name of a file here (a file each: its name is its id)"
    table.set("kind", "speakers", f"{hits} of {slugs} ids in the session pages' speaker lists equal {where_ids}: "
              "these records are the speakers")
    if ident and ident != "id":
        table.set("id", ident)
    _split_names(table, shape)
    keys = shape.keys()
    for option, names in (("name", NAME), ("organisation", ORG), ("position", POSITION),
                          ("image", ("photo", "image", "avatar", "image_src", "picture", "headshot")),
                          ("biography", ("bio", "biography", "Bio", "about"))):
        found = [k for k in names if keys.get(k) and not mapped(shape.records, k)]
        if found:
            table.set(option, found if len(found) > 1 else found[0])
    _by_values(table, shape, ident)
    _bare_titles(table, shape)
    _spelled(table, shape.specs)
    printed = [href for t, _ in linked for href in t.links if t.get("persons_text")]
    template = link_template(printed, ids) if printed else None
    table.set("link_template", template or "/speakers/{id}/", f"the sessions' text links a speaker as {template}, "
              "with the record's id" if template else "each record's link, from its id")
    for t, _ in linked:
        embedded = getattr(t, "person_ids", None)
        if embedded and ids & embedded[1]:  # people printed as mappings, each with the id of a record here
            t.set("person", {"id": embedded[0]}, f"each person's '{embedded[0]}' is the id of a speaker record in "
                  f"{files_of(shape, others)}: joined on it")
            continue
        if t.get("persons_text") and not (t.get("persons") or t.get("roles")):
            continue  # the text's speaker links join the records: no list of ids
        if t.get("reader") == "records":
            t.set("persons_are", "ids", f"the people of a session are ids of the speaker records in "
                  f"{files_of(shape, others)}")
        else:
            t.set("link_template", "/speakers/{slug}/", f"the link of the speaker records in "
                  f"{files_of(shape, others)}")
    return table


def joinable(table: Table) -> set[str]:
    """What a session part's people print that a people file's ids may equal: the values of its people lists,
    and the ids of people printed as mappings."""
    embedded = getattr(table, "person_ids", None)
    return set(table.session_values) | (embedded[1] if embedded else set())


def _split_names(table: Table, shape: Shape) -> None:
    """``person = {given_name, family_name}`` for people records naming people in two parts (no name key)."""
    keys = name_keys(shape, 0.8)
    if keys and "name" not in keys:
        table.set("person", keys, f"no name key: '{keys['given_name']}' and '{keys['family_name']}' are joined "
                  "(a speakers part reads them as the person's)")


def _bare_titles(table: Table, shape: Shape) -> None:
    """``position_pattern`` for speaker records whose organisation is empty where their title carries one
    ("Policy Director, Open Code Europe"): the reader splits those only."""
    position, organisation = table.get("position"), table.get("organisation")
    if not isinstance(position, str) or organisation is not None and not isinstance(organisation, str):
        return
    bare = [str(r[position]) for r in shape.records if isinstance(r, dict) and isinstance(r.get(position), str)
            and r[position].strip() and (organisation is None or r.get(organisation) in (None, "", [], {}))]
    pattern = _position_pattern(bare)
    if pattern:
        table.set("position_pattern", pattern, f"'{position}' holds a title and an organisation " + (
            f"where '{organisation}' is empty (e.g. {bare[0]!r}): split there only" if organisation else
            f"(e.g. {bare[0]!r}), no key holding the organisation"))


def _id_key(shape: Shape, sessions: list[Table]) -> str | None:
    """The id key of people records: of the keys named for an id (``id``, ``slug``…), the one whose values the
    sessions name most (a post's ``slug`` in its speaker links, not its number), else the first filled."""
    values = {v for t in sessions for v in joinable(t)}
    keys = [k for k in ID if k in shape.keys() and shape.keys()[k] >= 0.8 * len(shape.records)]
    hits = {k: len(record_ids(shape, k) & values) for k in keys}
    best = max(keys, key=lambda k: hits[k], default=None)
    return best if best and hits[best] else shape.first(ID, 0.8)


def _spelled(table: Table, specs: dict) -> None:
    """Write the options naming a nested field's own key as its dotted spec (``job_title``: ``acf.job_title``)."""
    for entry in table.entries if specs else ():
        if entry.key not in ("files", "reader", "records", "kind", "link_template"):
            if isinstance(entry.value, str) and entry.value in specs:
                entry.value = specs[entry.value]
            elif isinstance(entry.value, list):
                entry.value = [specs.get(v, v) if isinstance(v, str) else v for v in entry.value]


def mapped(records: list, key: str) -> bool:
    """True when ``key`` holds mappings (or lists of them) rather than text: ``affiliations: [{title, organisation}]``
    reads as nothing as a text field; its inner keys are the fields (see ``_by_values``).

    >>> mapped([{"affiliations": [{"organisation": "Acme"}]}], "affiliations"), mapped([{"org": "Acme"}], "org")
    (True, False)
    """
    return any(isinstance(x, dict) for v in values_of(records, key) for x in (v if isinstance(v, list) else [v]))


def _by_values(table: Table, shape: Shape, ident: str | None) -> None:
    """The honorific, job title, organisation and country of speaker records, found by what their keys hold
    (``title: Head of Security`` beside ``honorific: Dr``; the inner keys of a list of affiliations)."""
    spec, why = person_fields([r for r in shape.records if isinstance(r, dict)],
                              skip={ident, *(v for v in taken(table) if v)})
    for option in ("honorific", "position", "organisation", "country"):
        if spec.get(option) and not table.get(option):
            inner = str(as_list(spec[option])[0]).rsplit(".", 1)[-1]  # "affiliations.*.title": its "title"
            table.set(option, spec[option], *[w for w in why if f"'{inner}'" in w])
        elif option == "position" and complementary(shape.records, table.get(option), spec.get(option)):
            keys = sorted([spec[option], table.get(option)], key=lambda k: -shape.keys()[k])
            table.set(option, keys, f"'{keys[0]}' holds the job title of {shape.keys()[keys[0]]} records, "
                      f"'{keys[1]}' of {shape.keys()[keys[1]]} others: the first filled is read")


def complementary(records: list, key, other) -> bool:
    """True for two keys that hold one field in different records (``title`` in most files, ``role`` in the few
    others): each filled where the other is empty, in all records but one in five of the fewer.

    >>> complementary([{"title": "CTO"}, {"title": "Dean"}, {"role": "Editor"}], "role", "title")
    True
    >>> complementary([{"title": "CTO", "role": "Chair"}, {"title": "Dean", "role": "Host"}], "role", "title")
    False
    """
    if not isinstance(key, str) or not isinstance(other, str) or key == other:
        return False
    both = sum(bool(r.get(key)) and bool(r.get(other)) for r in records if isinstance(r, dict))
    fewer = min(len(values_of(records, key)), len(values_of(records, other)))
    return fewer > 0 and both <= 0.2 * fewer


def _joined_by_name(shape: Shape, sessions: list[Table], others: list[str],
                    pages: list[Document] = ()) -> Table | None:
    """A speakers part for records whose names the sessions print in their people lists (joined by name), or, for
    sessions no part drafted from data (a programme page's lines), half of whose names the pages print."""
    from ingest.names import name_key, split_name
    from ingest.people_text import split_names

    keys = name_keys(shape, 0.8)
    if not keys:
        return None
    field_name = keys.get("name") or keys["family_name"]
    whole = [_whole_name(r, keys) for r in shape.records if isinstance(r, dict)]
    names = {name_key(split_name(n).name) for n in whole if n}
    said = {name_key(split_name(n).name) for t in sessions for v in t.session_values for line in v.splitlines()
            for piece in split_names(line, t.get("people_separators") or [", ", " and ", " & "])
            for n in (piece, printed_head(piece))}
    hits, where_said = len(names & said), "are printed in the sessions' lists of people"
    if hits < max(2, 0.3 * len(names)):
        printed = [n for n in whole if n]
        hits, where_said = printed_in(printed, pages, shape.files), "are printed in the site's pages"
        if hits < max(2, 0.5 * len(names)):
            return None
    if organisers(shape):
        return Table(why=[f"{len(shape.records)} people records {where(shape.spec)} of {files_of(shape, others)}, "
                          "named as the site's own people (team, committee, organisers); the sessions name "
                          f"{hits} of them: left out — a team list's roles are no job titles; give it a part "
                          "(kind = \"speakers\") if they are the speakers"],
                     comment_only=True)
    table = _part(shape, "people", others)
    said_in = "' and '".join(keys.values())
    table.set("kind", "speakers", f"{hits} of the {len(names)} names in '{said_in}' {where_said}: these records "
              "are the speakers, joined to their sessions by name")
    for option, key in keys.items():
        table.set(option, key)
    for option, candidates in (("honorific", ("honorific", "salutation", "prefix", "nametitle")),
                               ("organisation", ORG), ("position", POSITION),
                               ("image", ("photo", "image", "avatar", "image_src", "picture", "headshot")),
                               ("biography", ("bio", "biography", "Bio", "about"))):
        found = find(shape.records, candidates, 0.3, taken(table))
        if found:
            table.set(option, found)
    if not table.get("position"):  # "Title" holding job titles: found by what it holds, as for records by id
        _by_values(table, shape, None)
    titles = [str(v) for v in values_of(shape.records, table.get("position") or "")]
    pattern = _position_pattern(titles) if not table.get("organisation") else []
    if pattern:  # "Policy Officer, Gasunie" and no organisation key: the title value carries both
        both = next((t for t in titles if re.search(r",|@|\sat\s", t)), titles[0])
        table.set("position_pattern", pattern, f"'{table.get('position')}' holds a title and an organisation "
                  f"(e.g. {both!r}) and no key holds the organisation alone")
    person: dict = {}
    country_key(shape.records, set(taken(table)), lambda option, key, *why: person.setdefault(option, (key, why)))
    if "country" in person:
        key, why = person["country"]
        table.set("country", key, *why)
    return table


def _whole_name(record: dict, keys: dict) -> str:
    """A record's whole name by its name keys: the name, or the given and family names joined.

    >>> _whole_name({"prénom": "Ann", "nom": "Lee"}, {"given_name": "prénom", "family_name": "nom"})
    'Ann Lee'
    """
    if "name" in keys:
        return str(record.get(keys["name"]) or "").strip()
    return " ".join(str(record.get(keys[k]) or "").strip() for k in ("given_name", "family_name")).strip()


def printed_in(names: list[str], pages: list[Document], own: list[str] = ()) -> int:
    """How many of ``names`` (honorifics left out) a page's text prints, the pages ``own`` (the data files) aside.

    >>> page = Document("p/day-1.md", "", {}, "10:00 Keynote: Dr. Ann Lee-Smith (Acme); Panel: Bo  Li", 0)
    >>> printed_in(["Prof. Ann Lee-Smith", "Bo Li", "Cy Dee"], [page])
    2
    """
    from ingest.names import split_name

    text = " ".join(" ".join(d.body.split()) for d in pages if d.path not in own).casefold()
    bare = {" ".join(split_name(n).name.split()).casefold() for n in names}
    return sum(1 for n in bare if n and len(n) > 3 and n in text)


_ORGANISERS = re.compile(rf"(^|[^a-z])({OWN_PEOPLE_WORDS})([^a-z]|$)", re.I)


def printed_head(text: str) -> str:
    """The name a person's string starts with, before its title, organisation or country ("Dr Ann Lee, CTO, Acme",
    "Ann Lee (Chile)", "Ann Lee – Acme").

    >>> printed_head("Dr Ann Lee, CTO, Acme (Chile)"), printed_head("Ann Lee – Acme"), printed_head("Ann Lee")
    ('Dr Ann Lee', 'Ann Lee', 'Ann Lee')
    """
    return re.split(r"[,;(]|\s[–—-]\s", text, maxsplit=1)[0].strip()


def organisers(shape: Shape) -> bool:
    """True for a list of the site's own people, named so by its file or key (``_data/team.yml``,
    ``committee.json``, ``people.organisers``).

    >>> organisers(Shape(["_data/team.yml"], "", [])), organisers(Shape(["_data/speakers.yml"], "", []))
    (True, False)
    >>> organisers(Shape(["data.json"], "people.program_committee", [])), organisers(Shape(["steam.yml"], "", []))
    (True, False)
    """
    return any(_ORGANISERS.search(PurePosixPath(f).stem) for f in shape.files) or bool(_ORGANISERS.search(shape.spec))


# --- JSON inside code --------------------------------------------------------------------------

_CALL = re.compile(r"([A-Za-z_$][\w$.]*)\(\s*`\s*[\[{]")


def embedded_json(doc: Document):
    """``(embedded pattern, unescape, data)`` of JSON a code file passes to a call as a template literal."""
    from graph.errors import IngestError
    from ingest.embedded import Embedded

    for name in dict.fromkeys(m.group(1) for m in _CALL.finditer(doc.body)):
        pattern = re.escape(name) + r"\(`(.*)`\)"
        for unescape in ("backslashes", "none"):
            try:
                data, _ = Embedded.from_options({"embedded": pattern, "unescape": unescape}).load(doc)
            except (IngestError, ValueError):
                continue
            return pattern, unescape, data
    return None


def embedded_parts(docs: list[Document], sessions: list[Table] = (), earlier: list[Table] = ()) -> list[Table]:
    """A part per reader that recognises the JSON inside code files (a Sessionize export in a React page), and the
    parts the JSON of pages' ``<script type="application/json">`` elements gets as data (``ingest.draft_embedded``;
    ``earlier``: parts whose pages are read already)."""
    from ingest import readers
    from ingest.draft_embedded import script_parts

    found: dict[tuple, list[str]] = {}
    found_whens: dict[tuple, list] = {}
    for doc in docs:
        if doc.suffix not in ("ts", "tsx", "js", "jsx", "mjs") or "`" not in doc.body:
            continue
        hit = embedded_json(doc)
        if hit is None:
            continue
        pattern, unescape, data = hit
        inner = Document(doc.path, doc.sha256, {}, doc.body, 0, data=data)
        for name in readers.READERS:
            mod = readers.module(name)
            if getattr(mod, "SELECTIVE", False) and getattr(mod, "detect", None) and _takes_embedded(name) \
                    and mod.detect(inner):
                found.setdefault((name, pattern, unescape), []).append(doc.path)
                found_whens.setdefault((name, pattern, unescape), []).extend(data_whens(data))
                break
    parts = []
    for (name, pattern, unescape), paths in found.items():
        folder = str(PurePosixPath(paths[0]).parent)
        same = all(str(PurePosixPath(p).parent) == folder for p in paths) and len(paths) > 1
        table = Table(why=[f"{len(paths)} code file{'s' * (len(paths) != 1)} hold a {name} export inside a "
                           f"{pattern.split(chr(92))[0]}(`…`) call (e.g. {paths[0]})"])
        table.set("files", f"{folder}/*.{paths[0].rsplit('.', 1)[-1]}" if same else
                  (paths[0] if len(paths) == 1 else paths))
        table.set("reader", name)
        table.set("embedded", pattern, "the JSON is the call's template literal")
        table.set("unescape", unescape, *(["a template literal doubles every backslash"]
                                          if unescape == "backslashes" else []))
        table.whens = found_whens[(name, pattern, unescape)]
        parts.append(table)
    return parts + script_parts(docs, sessions, earlier)


def data_whens(data, limit: int = 500) -> list:
    """What the date-time strings of a data file's values say (offsets, years), up to ``limit`` of them."""
    out, stack = [], [data]
    while stack and len(out) < limit:
        value = stack.pop()
        if isinstance(value, dict):
            stack += list(value.values())
        elif isinstance(value, list):
            stack += value
        elif isinstance(value, str) and re.match(r"\d{4}-\d\d-\d\d[T ]\d", value):
            found = when(value)
            if found and found.time:
                out.append(found)
    return out


def _takes_embedded(name: str) -> bool:
    from ingest import readers

    try:
        readers.check(name, {"embedded": r"x\((.*)\)"}, "draft", "embedded")
    except Exception:  # noqa: BLE001 - any refusal means the reader takes no embedded JSON
        return False
    return True
