"""Drafting parts for data files: where a file holds a list of records, and which keys say what.

A list of mappings (at the top, or under a key) is a list of records: sessions when its
records have a title or a time, people when they have a name and an organisation or
title. Files of one folder with the same shape are one part (``static/agenda/*.json``).

>>> [(spec, len(items)) for spec, items in record_lists({"talks": [{"title": "A"}, {"title": "B"}]})]
[('talks', 2)]
>>> [(spec, len(items)) for spec, items in record_lists([{"name": "A"}, {"name": "B"}, {"name": "C"}, {"name": "D"}, 3])]
XX
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePosixPath

from ingest.draft_text import Table
from ingest.records import Document

NAME = ("name", "fullname", "full_name", "fullName", "display_name", "displayName", "speaker_name", "Name")
TITLE = ("title", "Title", "talk", "talk_title", "session_title", "name_of_talk")
START = ("start", "startsAt", "starts_at", "start_time", "startTime", "time_start", "time", "date", "datetime")
END = ("end", "endsAt", "ends_at", "end_time", "endTime", "time_end")
ID = ("id", "Id", "ID", "code", "slug", "key", "uuid")
ORG = ("organisation", "organization", "company", "institution", "affiliation", "affiliations", "org", "agency",
       "employer")
POSITION = ("position", "position-title", "job_title", "jobTitle", "role", "tagline", "tagLine", "Tagline")
PEOPLE = re.compile(r"speaker|presenter|author|people|person|panel|moderat|host|chair|facilitat|participant|"
                    r"^mc$|rapporteur|discussant|presentations", re.I)


def record_lists(data, spec: str = "", depth: int = 0):
    """``(spec, records)`` for every list of mappings in ``data`` (``spec``: the dotted keys leading to it)."""
    if isinstance(data, list):
        mappings = [x for x in data if isinstance(x, dict)]
        if len(mappings) >= 2 and len(mappings) >= 0.8 * len(data):
            yield spec, data
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

    def keys(self) -> Counter:
        """How many records fill each key."""
        return Counter(k for r in self.records if isinstance(r, dict) for k, v in r.items()
                       if v not in (None, "", [], {}))

    def first(self, names: tuple[str, ...], share: float = 0.5) -> str | None:
        """The first of ``names`` filled in at least ``share`` of the records."""
        keys = self.keys()
        return next((k for k in names if keys.get(k, 0) >= share * len(self.records)), None)

    def people_lists(self) -> list[str]:
        """Keys whose values list people (names, ids or mappings with a name), or name them in one string."""
        out = []
        for key, count in self.keys().most_common():
            values = [r.get(key) for r in self.records if isinstance(r, dict) and r.get(key)]
            lists = all(isinstance(v, list) for v in values)
            named = lists and all(isinstance(x, str) or isinstance(x, dict) and any(n in x for n in NAME)
                                  for v in values for x in v)
            if named and (PEOPLE.search(key) or any(isinstance(x, dict) for v in values for x in v)):
                out.append(key)
            elif PEOPLE.search(key) and all(isinstance(v, str) for v in values):
                out.append(key)
        return out


def shapes(docs: list[Document]) -> list[Shape]:
    """The lists of records of the data files, files of one folder with the same list merged."""
    merged: dict[tuple, Shape] = {}
    for doc in docs:
        for spec, records in record_lists(doc.data):
            keys = frozenset(k for r in records[:20] if isinstance(r, dict) for k in r)
            group = (str(PurePosixPath(doc.path).parent), doc.suffix, spec)
            shape = merged.get(group)
            if shape and len(keys & frozenset(shape.keys())) >= len(keys) / 2:
                shape.files.append(doc.path)
                shape.records += records
            else:
                merged[group if not shape else (*group, doc.path)] = Shape([doc.path], spec, list(records))
    return list(merged.values())


def data_parts(docs: list[Document], session_slugs: set[str]) -> list[Table]:
    """A ``records`` part per list of sessions or people (people lists only when sessions link to them)."""
    parts = []
    for shape in shapes(docs):
        kind = kind_of(shape)
        if kind == "sessions":
            parts.append(session_records(shape))
        elif kind == "people":
            part = people_records(shape, session_slugs)
            if part:
                parts.append(part)
    return parts


def kind_of(shape: Shape) -> str | None:
    """``"sessions"``, ``"people"`` or ``None`` for a list of records."""
    title, start = shape.first(TITLE), shape.first(START)
    if (title or start) and shape.people_lists():
        return "sessions"
    if shape.first(NAME, 0.6) and (shape.first(ORG, 0.2) or shape.first(POSITION, 0.2)):
        return "people"
    if title and start:
        return "sessions"
    return None


def files_of(shape: Shape) -> str | list[str]:
    """The files glob of a shape: one file, or the folder's files of that suffix.

    >>> files_of(Shape(["_data/a.yml"], "", [])), files_of(Shape(["x/2011.json", "x/2012.json"], "", []))
    ('_data/a.yml', 'x/*.json')
    """
    if len(shape.files) == 1:
        return shape.files[0]
    folder = str(PurePosixPath(shape.files[0]).parent)
    return f"{folder}/*.{shape.files[0].rsplit('.', 1)[-1]}"


def _part(shape: Shape, what: str) -> Table:
    files = len(shape.files)
    where = f"under '{shape.spec}'" if shape.spec else "at the top"
    table = Table(why=[f"{len(shape.records)} {what} records {where} of {files} data file{'s' * (files != 1)} "
                       f"({', '.join(shape.files[:3])}{', …' if files > 3 else ''}); keys: "
                       + ", ".join(f"{k} {c}" for k, c in shape.keys().most_common(10))])
    table.set("files", files_of(shape))
    table.set("reader", "records")
    if shape.spec:
        table.set("records", shape.spec)
    return table


def session_records(shape: Shape) -> Table:
    """A records part for a list of sessions: title, times, the keys listing people."""
    table = _part(shape, "session")
    for option, names in (("title", TITLE), ("start", START), ("end", END), ("id", ID), ("room", ("room", "roomId")),
                          ("track", ("track", "categories", "category"))):
        key = shape.first(names, 0.3)
        if key:
            table.set(option, key)
    people = shape.people_lists()
    if people:
        table.set("persons", people, "keys listing people: " + ", ".join(f"'{k}'" for k in people))
    return table


def people_records(shape: Shape, session_slugs: set[str]) -> Table | None:
    """A records part for a list of people, when session pages name them by id (or no sessions exist)."""
    ident = shape.first(ID, 0.8)
    ids = {str(r.get(ident)).strip() for r in shape.records if isinstance(r, dict)} if ident else set()
    hits = len(ids & session_slugs)
    if session_slugs and not hits:
        return None
    table = _part(shape, "people")
    if ident:
        table.set("id", ident, f"{hits} of {len(session_slugs)} slugs of the session pages equal an '{ident}' here"
                  if session_slugs else f"'{ident}' identifies each record")
    for option, names in (("name", NAME), ("organisation", ORG), ("position", POSITION)):
        key = shape.first(names, 0.2)
        if key:
            table.set(option, key)
    return table
