"""The ``records`` reader: data files (YAML, JSON, TOML, CSV) holding many records, read by profile options.

Where the records are and where each field is are glom specs (dotted paths, or a
list of them: the first that gives a value wins), so no site needs code:

* ``kind = "sessions"``: each record is a session; its people are under ``persons``
  (a list) or under one key per role (``roles = { moderator = "Moderator" }``);
* ``kind = "speakers"``: each record is a person (a speaker page); when the record
  also says where it appears (``date`` + ``id``/``time``), it places itself into
  sessions another file describes: those sessions are emitted as *stubs* (no title)
  with the same date and key that the other file's part computes, so both land on
  one session IRI.

A session's key is its ``id`` (slugified), else the last segment of its
``permalink``, else its title; the people of a record are rows whose name,
title and organisation come from the ``person`` specs or from one printed
string split by the declared ``person_pattern`` (``ingest.person_pattern``).
The options table is in docs/sites.md ("Data files").

>>> opts = Options.from_options({"records": "program", "roles": {"moderator": "Moderator"}})
>>> opts.records, opts.roles, opts.kind
('program', {'moderator': 'Moderator'}, 'sessions')
>>> Options.from_options({"record": "x"})
Traceback (most recent call last):
ValueError: unknown option 'record' (did you mean 'records'?)
>>> Options.from_options({"person": {"nmae": "x"}})
Traceback (most recent call last):
ValueError: person: unknown key 'nmae' (did you mean 'name'?)
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, time, timedelta
from pathlib import PurePosixPath

from glom import glom
from glom.core import GlomError

from graph.errors import IngestError
from graph.ids import slugify
from ingest import times
from ingest.person_pattern import Person, check_patterns, split_names, split_person, split_position
from ingest.record_lines import Lines
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage

NAME = "records"
SUFFIXES = ("yml", "yaml", "json", "toml", "csv", "ts", "tsx", "js")

PERSON_KEYS = {
    "name": ("name", "fullname", "fullName", "full_name", "Name"),
    "honorific": (),
    "title": ("job_title", "jobTitle", "position"),
    "organisation": ("organisation", "organization", "org", "company", "affiliation", "affiliations",
                     "institution"),
    "link": ("url", "link", "permalink"),
    "id": (),
    "role": ("role",),
    "country": ("country",),
    "biography": (),
    "image": (),
}
_PERSON_ALIASES = {"position": "title"}
# kind = "speakers": the record is the person, its fields are top-level options
_TOP = {"name": "name", "honorific": "honorific", "title": "position", "organisation": "organisation",
        "link": "link", "id": "id", "country": "country", "biography": "biography", "image": "image"}
_KINDS = ("sessions", "speakers")


@dataclass(frozen=True)
class Options:
    """Where a part's data files keep their records and fields (see docs/sites.md, "Data files")."""

    kind: str = "sessions"
    records: str = ""  # glom path to the list of records; "" = the file is the list
    skip: tuple[str, ...] = ()  # a record whose value here is true is skipped
    # the session of a record
    title: tuple[str, ...] = ("title", "name", "Title")
    abstract: tuple[str, ...] = ("abstract", "description", "Abstract")
    start: tuple[str, ...] = ("start", "startsAt", "start_time", "time_start")
    end: tuple[str, ...] = ("end", "endsAt", "end_time", "time_end")
    date: tuple[str, ...] = ("date",)
    time: tuple[str, ...] = ("time",)
    duration: tuple[str, ...] = ("duration",)
    room: tuple[str, ...] = ("room",)
    track: tuple[str, ...] = ("track",)
    format: tuple[str, ...] = ("format", "type")
    id: tuple[str, ...] = ("id",)
    permalink: tuple[str, ...] = ("permalink", "url")
    permalink_template: str = ""  # e.g. "/talks/{id}/": a permalink built from the id
    # the people of a record
    persons: tuple[str, ...] = ("persons", "speakers")
    roles: dict = field(default_factory=dict)  # key holding a list of people -> printed role label
    role_label: str = "Speaker"
    persons_are: str = "people"  # "people" (names or mappings) or "ids" (references to speaker records)
    person: dict = field(default_factory=dict)  # per-person specs, keys of PERSON_KEYS
    person_pattern: tuple[str, ...] = ()  # e.g. ["Name, Title, Org"]; none: a string is a name
    position_pattern: tuple[str, ...] = ()  # e.g. ["Title @ Org", "Title, Org"]: split a person's title value
    people_separators: tuple[str, ...] = ()  # e.g. [" and ", " & "]: several people in one name
    title_separator: str = ""  # e.g. " · ": several titles in one string, paired with organisations
    link_template: str = "/speakers/{id}/"  # a person id -> the link a speaker record has as permalink
    # speaker records (kind = "speakers"): the person's fields, and where the record places itself
    name: tuple[str, ...] = ()
    honorific: tuple[str, ...] = ()
    position: tuple[str, ...] = ()
    organisation: tuple[str, ...] = ()
    biography: tuple[str, ...] = ()
    image: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    link: tuple[str, ...] = ()
    session_date: tuple[str, ...] = ()  # the date (or day code, with date_format) of the session it speaks in
    session_time: tuple[str, ...] = ()  # its time; scalar or list (lists pair positionally with session_date)
    session_id: tuple[str, ...] = ()  # the key of that session (default: the time), as the other file's id gives it
    # dates
    date_format: tuple[str, ...] = ()  # strptime formats; without %Y the year comes from the path or [site] year
    time_format: tuple[str, ...] = ()
    year_from: str = ""  # "path": the edition's year is the first 19xx/20xx in the file path
    date_from: str = ""  # "path": the date is written in the file name (with date_format)
    default_date: str = ""  # ISO date for records that carry none
    # JSON inside code (ingest.embedded)
    embedded: str = ""
    unescape: str = "none"

    @classmethod
    def from_options(cls, options: dict) -> Options:
        """The defaults overridden by a profile part's options; ``ValueError`` names a bad option."""
        known = {f.name: f for f in fields(cls)}
        values = {}
        for name, value in options.items():
            if name not in known:
                raise ValueError(_unknown("unknown option", name, known))
            values[name] = _option(name, value, known[name].type)
        if "kind" not in values and any(values.get(k) for k in set(_TOP.values()) - {"id"} | {"session_date"}):
            values["kind"] = "speakers"  # a part that names a person's fields reads speaker records
        opts = cls(**values)
        _validate(opts)
        return opts

    def person_spec(self, key: str) -> tuple[str, ...]:
        """The specs of one person field: the profile's, else the defaults."""
        top = getattr(self, _TOP[key], ()) if self.kind == "speakers" and key in _TOP else ()
        if top:
            return top
        value = self.person.get(key)
        return PERSON_KEYS[key] if value is None else value


def _unknown(what: str, name: str, known) -> str:
    close = difflib.get_close_matches(name, list(known), n=1)
    return f"{what} {name!r}" + (f" (did you mean {close[0]!r}?)" if close else "")


def _option(name: str, value, kind: str):
    if kind == "str":
        if not isinstance(value, str):
            raise ValueError(f"{name} must be a string, not {value!r}")
        return value
    if kind == "dict":
        if not isinstance(value, dict):
            raise ValueError(f"{name} must be a table, e.g. {name} = {{ key = \"value\" }}")
        if name == "person":
            return _person_table(value)
        if not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"{name} must map keys to role labels, e.g. roles = {{ moderator = \"Moderator\" }}")
        return dict(value)
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ValueError(f"{name} must be a key path or a list of them, not {value!r}")
    return tuple(items)


def _person_table(table: dict) -> dict:
    out = {}
    for key, value in table.items():
        name = _PERSON_ALIASES.get(key, key)
        if name not in PERSON_KEYS:
            raise ValueError("person: " + _unknown("unknown key", key, [*PERSON_KEYS, *_PERSON_ALIASES]))
        out[name] = _option(f"person.{key}", value, "tuple")
    return out


def _validate(opts: Options) -> None:
    if opts.kind not in _KINDS:
        raise ValueError(f"kind must be one of {', '.join(_KINDS)}, not {opts.kind!r}")
    if opts.persons_are not in ("people", "ids"):
        raise ValueError(f"persons_are must be \"people\" or \"ids\", not {opts.persons_are!r}")
    check_patterns(opts.person_pattern)
    check_patterns(opts.position_pattern)
    for name in ("permalink_template", "link_template"):
        if getattr(opts, name) and "{id}" not in getattr(opts, name):
            raise ValueError(f"{name} must contain {{id}}, e.g. \"/talks/{{id}}/\"")
    for name in ("year_from", "date_from"):
        if getattr(opts, name) not in ("", "path"):
            raise ValueError(f"{name} can only be \"path\"")
    if opts.default_date:
        try:
            date.fromisoformat(opts.default_date)
        except ValueError:
            raise ValueError(f"default_date must be an ISO date such as 2024-03-16, not {opts.default_date!r}") from None
    if opts.embedded:
        from ingest.embedded import Embedded

        Embedded.from_options({"embedded": opts.embedded, "unescape": opts.unescape})


def check(options) -> None:
    """Raise ``ValueError`` naming the first bad option of a ``records`` part."""
    if not isinstance(options, dict):
        raise ValueError(f"must be a table of options, not {options!r}")
    Options.from_options(options)


# --- the reader -----------------------------------------------------------------------------


def read(doc: Document, countries=None, settings=None, **options) -> Parsed:
    """The sessions (or speaker pages, and the sessions they place themselves in) of one data file."""
    try:
        opts = Options.from_options(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad option of a records part in the site profile: {exc} — see docs/sites.md") \
            from None
    parsed = Parsed(doc=doc, reader=NAME)
    ctx = _Context(doc, opts, settings, parsed.notes)
    for index, record in ctx.records():
        where = ctx.lines.line(ctx.base + (index,))
        if not isinstance(record, dict):
            ctx.note(where, "skipped-record", f"record {index + 1} is a {type(record).__name__}, not a mapping of "
                                              "fields — skipped; check the part's records = \"…\" path")
            continue
        if _truthy(ctx.get(record, opts.skip)):
            ctx.note(where, "skipped-record", f"record {index + 1} is marked to skip ({', '.join(opts.skip)}) — skipped")
            continue
        if opts.kind == "sessions":
            _add(parsed.sessions, _session(ctx, record, index, where))
        else:
            _speaker_record(ctx, record, index, where, parsed)
    _distinct_keys(parsed.sessions)
    parsed.speakers += ctx.pages.values()
    return parsed


def _add(items: list, item) -> None:
    if item is not None:
        items.append(item)


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "1", "y")
    return bool(value)


class _Context:
    """One file being read: its options, lines, edition year and notes."""

    def __init__(self, doc: Document, opts: Options, settings, notes: list[Note]):
        self.doc, self.opts, self.notes = doc, opts, notes
        self.data, first = _data(doc, opts)
        self.lines = Lines.of(doc, first, self.data is not doc.data)
        self.base = _simple_path(opts.records)
        if self.base is None:  # a spec with stars or calls: records have no path to a line
            self.lines, self.base = Lines(), ()
        self.year = _path_year(doc.path) if opts.year_from == "path" else None
        self.year = self.year or getattr(settings, "year", None)
        self.path_date = _path_date(doc.path, opts, self.year) if opts.date_from == "path" else None
        self.year_only_noted = False
        self.pages: dict[str, SpeakerPage] = {}  # people of sessions with a biography or photo, by name

    def records(self):
        """The records of the file, with their index."""
        found = self.data if not self.opts.records else _glom(self.data, self.opts.records)
        if isinstance(found, dict):
            found = list(found.values())
        if not isinstance(found, list):
            raise IngestError(self.doc.path, f"the part's records = {self.opts.records!r} finds no list of records "
                                             f"(found {type(found).__name__}) — give the path to the list")
        return enumerate(found)

    def get(self, record, specs: tuple[str, ...]):
        """The first of ``specs`` that gives a non-empty value in ``record``."""
        for spec in specs:
            value = _glom(record, spec)
            if value not in (None, "", [], {}):
                return value
        return None

    def text(self, record, specs: tuple[str, ...]) -> str | None:
        """The value of ``specs`` as one line of text."""
        return _text(self.get(record, specs))

    def note(self, line: int | None, kind: str, message: str) -> None:
        """A note for the report, naming this file and the line."""
        self.notes.append(Note(self.doc.path, line, kind, message))


def _glom(target, spec: str):
    if spec == "":
        return target
    try:
        return glom(target, spec, default=None)
    except (GlomError, TypeError, ValueError):
        return None


def _data(doc: Document, opts: Options):
    if opts.embedded:
        from ingest.embedded import Embedded

        return Embedded.from_options({"embedded": opts.embedded, "unescape": opts.unescape}).load(doc)
    if doc.data is None:
        raise IngestError(doc.path, "is not a data file (YAML, JSON, TOML, CSV) — give the part an embedded = "
                                    "\"regex\" option when the data sits inside code, or leave the file to another part")
    return doc.data, 0


def _simple_path(spec: str) -> tuple | None:
    """A glom spec as a path of keys and indexes, when it is a plain dotted path."""
    if spec == "":
        return ()
    parts = spec.split(".")
    if not all(re.fullmatch(r"[\w-]+", p) for p in parts):
        return None
    return tuple(int(p) if p.isdigit() else p for p in parts)


# --- sessions -------------------------------------------------------------------------------


def _session(ctx: _Context, record: dict, index: int, line: int | None) -> SessionPage | None:
    opts = ctx.opts
    title = ctx.text(record, opts.title)
    if not title:
        ctx.note(line, "skipped-record", f"record {index + 1} has no title ({' / '.join(opts.title)}) — skipped; "
                                         "name the title key in the profile (title = \"…\")")
        return None
    session = _dated(ctx, record, index, line, title)
    if session is None:
        return None
    session.abstract = ctx.text(record, opts.abstract) or ""
    session.room, session.track = ctx.text(record, opts.room), ctx.text(record, opts.track)
    session.format = ctx.text(record, opts.format)
    session.rows = _people(ctx, record, index)
    return session


def _dated(ctx: _Context, record: dict, index: int, line: int | None, title: str | None) -> SessionPage | None:
    """A session with the record's key, permalink, date and times; ``None`` (with a note) when it has no date."""
    opts = ctx.opts
    ident = _text(ctx.get(record, opts.id))
    permalink = _text(ctx.get(record, opts.permalink))
    if opts.permalink_template and ident:
        permalink = opts.permalink_template.format(id=ident)
    when = _times(ctx, record, line)
    if when is None:
        ctx.note(line, "skipped-record", f"record {index + 1} ({title or ident}) has no date: none of "
                                         f"{', '.join(opts.start + opts.date)} holds one — skipped; name the date key "
                                         "(date = \"…\"), or give date_from / year_from / default_date")
        return None
    day, start, end, label = when
    session = SessionPage(path=ctx.doc.path, title=title, permalink=permalink, date=day, start=start, end=end,
                          time_label=label)
    session.key = slugify(ident) if ident else ""
    return session


def _people(ctx: _Context, record: dict, index: int) -> list[Row]:
    opts = ctx.opts
    rows: list[Row] = []
    lists = [(key, label) for key, label in opts.roles.items()] or [(spec, opts.role_label) for spec in opts.persons]
    for spec, label in lists:
        value = _glom(record, spec)
        if value in (None, "", []):
            continue
        items = value if isinstance(value, list) else [value]
        rows += _person_list(ctx, items, label, ctx.base + (index,) + (_simple_path(spec) or ("?",)))
        if not opts.roles:
            break  # persons: the first spec that holds people
    return rows


def _person_list(ctx: _Context, items: list, label: str, path: tuple) -> list[Row]:
    """Rows of one list of people; a string that starts with no name adds its positions to the row before it."""
    rows: list[Row] = []
    for i, item in enumerate(items):
        line = ctx.lines.line(path + (i,)) or ctx.lines.line(path[:-1])
        if item in (None, "", {}):
            ctx.note(line, "skipped-row", f"empty entry in the {label} list — skipped")
            continue
        found = _person_rows(ctx, item, label, line)
        if isinstance(found, Person):  # no name: the title and organisation of the person before
            if rows:
                rows[-1].positions += found.positions
            else:
                ctx.note(line, "skipped-row", f"{_text(item)!r} names no person (it reads as a title or "
                                              "organisation) — skipped")
            continue
        rows += found
    return rows


def _person_rows(ctx: _Context, item, label: str, line: int | None) -> list[Row] | Person:
    opts = ctx.opts
    if not isinstance(item, dict):
        text = _text(item)
        if opts.persons_are == "ids":
            return [Row(line=line, role_label=label, printed_name=text, link=opts.link_template.format(id=text),
                        name_printed=False)]
        return _rows_from_text(ctx, text, [], label, line)
    name = ctx.text(item, opts.person_spec("name"))
    ident = ctx.text(item, opts.person_spec("id"))
    if not name and not ident:
        ctx.note(line, "skipped-row", f"{label} entry has no name ({' / '.join(opts.person_spec('name'))}) — "
                                      "skipped; name the key in the profile (person = { name = \"…\" })")
        return []
    role = ctx.text(item, opts.person_spec("role")) or label
    positions = _positions(ctx, item)
    if not name:
        return [Row(line=line, role_label=role, printed_name=ident, link=opts.link_template.format(id=ident),
                    positions=positions, name_printed=False)]
    rows = _rows_from_text(ctx, name, positions, role, line)
    if isinstance(rows, Person):
        return rows
    link = ctx.text(item, opts.person_spec("link")) or (opts.link_template.format(id=ident) if ident else None)
    honorific = ctx.text(item, opts.person_spec("honorific"))
    for row in rows:
        row.link = link if len(rows) == 1 else None
        row.country_label = ctx.text(item, opts.person_spec("country"))
        if honorific and not row.printed_name.startswith(honorific):
            row.printed_name = f"{honorific} {row.printed_name}"
    if opts.kind == "sessions" and len(rows) == 1:
        _page_of(ctx, item, rows[0])
    return rows


def _page_of(ctx: _Context, item: dict, row: Row) -> None:
    """A speaker page for a person of a session whose entry has a biography or photo (``person`` specs)."""
    bio = ctx.text(item, ctx.opts.person.get("biography", ()))
    image = ctx.text(item, ctx.opts.person.get("image", ()))
    if (bio or image) and row.printed_name not in ctx.pages:
        ctx.pages[row.printed_name] = SpeakerPage(
            path=ctx.doc.path, line=row.line, permalink=row.link, printed_name=row.printed_name, biography=bio or "",
            image=image, positions=[replace(p) for p in row.positions], country_label=row.country_label)


def _rows_from_text(ctx: _Context, text: str, positions: list[Position], label: str, line) -> list[Row] | Person:
    """Rows for a printed name (split by the person patterns and separators) with the record's positions."""
    opts = ctx.opts
    person = split_person(text, opts.person_pattern) if opts.person_pattern else Person(text)
    if person.name is None:
        return Person(None, person.positions + positions)
    merged = _merge_positions(person.positions, positions)
    return [Row(line=line, role_label=label, printed_name=name, link=None, positions=[replace(p) for p in merged])
            for name in split_names(person.name, opts.people_separators)]


def _merge_positions(printed: list[Position], fields_: list[Position]) -> list[Position]:
    """Positions of the name string and of the record's fields: a lone organisation field fills a title without one."""
    if printed and len(fields_) == 1 and fields_[0].title is None and printed[0].organisation is None:
        return [Position(printed[0].title, fields_[0].organisation)] + printed[1:]
    out = list(printed)
    for pos in fields_:
        if all((p.title, p.organisation) != (pos.title, pos.organisation) for p in out):
            out.append(pos)
    return out


def _positions(ctx: _Context, item: dict) -> list[Position]:
    """Titles and organisations of a record, paired by position ("A · B" with [OrgA, OrgB])."""
    opts = ctx.opts
    titles = _as_texts(ctx.get(item, opts.person_spec("title")), opts.title_separator)
    orgs = _as_texts(ctx.get(item, opts.person_spec("organisation")), "")
    if opts.position_pattern and len(titles) == 1 and not orgs:
        return split_position(titles[0], opts.position_pattern)
    out = []
    for i in range(max(len(titles), len(orgs))):
        title = titles[i] if i < len(titles) else None
        org = orgs[i] if i < len(orgs) else None
        out.append(Position(title=title, organisation=org))
    return out


def _as_texts(value, separator: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    texts = [t for t in (_text(v) for v in items) if t]
    if separator:
        texts = [p.strip() for t in texts for p in t.split(separator) if p.strip()]
    return texts


# --- speaker records ------------------------------------------------------------------------


def _speaker_record(ctx: _Context, record: dict, index: int, line: int | None, parsed: Parsed) -> None:
    """A speaker page, and a row in a stub session for each place the record says it appears."""
    opts = ctx.opts
    found = _person_rows(ctx, record, opts.role_label, line)
    if not isinstance(found, list) or not found:
        if isinstance(found, Person):
            ctx.note(line, "skipped-record", f"record {index + 1} names no person — skipped")
        return
    row = found[0]
    page = SpeakerPage(path=ctx.doc.path, line=line, permalink=row.link, printed_name=row.printed_name,
                       positions=[replace(p) for p in row.positions], country_label=row.country_label,
                       biography=ctx.text(record, opts.person_spec("biography")) or "",
                       image=ctx.text(record, opts.person_spec("image")))
    parsed.speakers.append(page)
    for session in _appearances(ctx, record, index, line):
        session.rows.append(replace(row, positions=[replace(p) for p in row.positions]))
        parsed.sessions.append(session)


def _appearances(ctx: _Context, record: dict, index: int, line: int | None) -> list[SessionPage]:
    """Stub sessions (no title) a speaker record places itself in: its dates and times/ids, paired by position."""
    opts = ctx.opts
    days, clocks = _listed(ctx.get(record, opts.session_date)), _listed(ctx.get(record, opts.session_time))
    ids = _listed(ctx.get(record, opts.session_id)) or clocks
    if not ids:
        return []
    days = days or [None]
    if len(days) not in (1, len(ids)) or len(clocks) not in (0, 1, len(ids)):
        ctx.note(line, "mismatched-lists", f"record {index + 1} lists {len(days)} dates for {len(ids)} sessions — "
                                           "paired as far as they go")
    out = []
    for i, ident in enumerate(ids):
        one = {"date": days[min(i, len(days) - 1)], "time": clocks[min(i, len(clocks) - 1)] if clocks else None,
               "id": ident}
        stub = replace(opts, date=("date",), time=("time",), id=("id",), start=(), end=(), duration=(),
                       permalink=())
        session = _dated(_Stub(ctx, stub), one, index, line, None)
        if session is not None:
            out.append(session)
    return out


class _Stub(_Context):
    """The file's context with other options: a stub session's fields come from one appearance."""

    def __init__(self, ctx: _Context, opts: Options):  # noqa: D107 - shares the file's state
        self.__dict__.update(ctx.__dict__)
        self.opts = opts


def _listed(value) -> list:
    if value in (None, "", []):
        return []
    return value if isinstance(value, list) else [value]


def _distinct_keys(sessions: list[SessionPage]) -> None:
    """Stubs of one session merge; other sessions without an id get a key from their title, made distinct."""
    merged: dict[tuple, SessionPage] = {}
    kept, seen = [], defaultdict(int)
    for session in sessions:
        if session.title is None and session.key:
            first = merged.setdefault((session.date, session.key), session)
            if first is not session:
                first.rows += session.rows
                continue
        elif not session.key and not session.permalink:
            session.key = slugify(session.title or "") or "session"
        if session.key:
            seen[(session.date, session.key)] += 1
            if seen[(session.date, session.key)] > 1:
                session.key = f"{session.key}-{seen[(session.date, session.key)]}"
        kept.append(session)
    sessions[:] = kept


# --- dates and times ------------------------------------------------------------------------


def _times(ctx: _Context, record: dict, line: int | None):
    """(date, start, end, time label) of a record, or ``None`` when it has no date."""
    opts = ctx.opts
    start_v, end_v = ctx.get(record, opts.start), ctx.get(record, opts.end)
    day = _date(ctx, ctx.get(record, opts.date), line) or _date_of(start_v) or ctx.path_date
    day = day or (date.fromisoformat(opts.default_date) if opts.default_date else None) or _year_only(ctx)
    if day is None:
        return None
    start, end = _moment(ctx, start_v, day), _moment(ctx, end_v, day)
    clock = ctx.get(record, opts.time)
    label = None
    if start is None and clock is not None:
        label = _clock_label(clock)
        start, t_end = _clock_range(ctx, clock, day)
        end = end or t_end
    minutes = _minutes(ctx.get(record, opts.duration))
    if end is None and start is not None and minutes:
        end = start + timedelta(minutes=minutes)
    return day, start, end, label


def _year_only(ctx: _Context) -> date | None:
    """1 January of the edition's year, when the path gives only a year (noted once per file)."""
    if ctx.opts.year_from != "path" or ctx.year is None:
        return None
    if not ctx.year_only_noted:
        ctx.year_only_noted = True
        ctx.note(None, "year-only", f"records carry no date: dated 1 January {ctx.year} (the year of the file name) — "
                                    "give the day with default_date = \"YYYY-MM-DD\" when it is known")
    return date(ctx.year, 1, 1)


def _date(ctx: _Context, value, line: int | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value) or ""
    found = parse_date(text, ctx.opts.date_format, ctx.year)
    if found is None and text:
        ctx.note(line, "bad-date", f"date {text!r} is not a date the part can read — give date_format "
                                   "(e.g. \"%d %B %Y\", or \"%b%d\" with [site] year)")
    return found


def parse_date(text: str, formats: tuple[str, ...] = (), year: int | None = None) -> date | None:
    """A date from text: ISO, the given strptime formats (year-less ones take ``year``), or a printed date.

    >>> parse_date("dec2", ("%b%d",), 2024), parse_date("2021-06-08T09:10"), parse_date("14 May 2023")
    (datetime.date(2024, 12, 2), datetime.date(2021, 6, 8), datetime.date(2023, 5, 14))
    >>> parse_date("29 Feb", ("%d %b",), 2024), parse_date("dec2", ("%b%d",)) is None
    (datetime.date(2024, 2, 29), True)
    """
    text = text.strip()
    for parse in (date.fromisoformat, lambda t: datetime.fromisoformat(t).date()):
        try:
            return parse(text)
        except ValueError:
            pass
    for fmt in formats:
        yearless = not re.search(r"%[Yy]", fmt)
        if yearless and year is None:
            continue
        try:
            found = datetime.strptime(f"{year} {text}" if yearless else text, f"%Y {fmt}" if yearless else fmt)
            return found.date()
        except ValueError:
            continue
    return times.parse_date(text) if text else None


def _date_of(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip()).date()
        except ValueError:
            return None
    return None


def _moment(ctx: _Context, value, day: date) -> datetime | None:
    """A start or end: a datetime, an ISO text, minutes since midnight, or a clock time on ``day``."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value.strip().isdigit():  # a CSV cell: digits are minutes, as numbers are
        value = int(value)
    if isinstance(value, int):
        return datetime.combine(day, time()) + timedelta(minutes=value) if 0 <= value < 24 * 60 else None
    text = _text(value) or ""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    return _clock_range(ctx, text, day)[0]


def _clock_range(ctx: _Context, value, day: date) -> tuple[datetime | None, datetime | None]:
    if isinstance(value, int):
        return _moment(ctx, value, day), None
    text = _text(value) or ""
    for fmt in ctx.opts.time_format:
        try:
            return datetime.combine(day, datetime.strptime(text, fmt).time()), None
        except ValueError:
            continue
    t0, t1 = times.parse_time_range(text)
    return times.combine(day, t0), times.combine(day, t1)


def _clock_label(value) -> str | None:
    if isinstance(value, int):
        return f"{value // 60:02d}:{value % 60:02d}"
    return _text(value)


def _minutes(value) -> int | None:
    """A duration in minutes: a number, "45 mins", "1h30", "01:30", "PT1H30M".

    >>> _minutes(45), _minutes("30"), _minutes("45 mins"), _minutes("1h30"), _minutes("01:30"), _minutes("PT1H30M"), _minutes("soon")
    (45, 30, 45, 90, 90, 90, None)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return int(value)
    text = str(value).strip().upper()
    if text.isdigit():
        return int(text)
    if m := re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?", text):
        return int(m.group(1) or 0) * 60 + int(m.group(2) or 0) or None
    if m := re.fullmatch(r"(\d{1,2})[:H](\d{2})(?::\d{2})?", text.replace(" ", "")):
        return int(m.group(1)) * 60 + int(m.group(2))
    if m := re.match(r"(\d+)\s*(MIN|M\b|MINUTES?|MINS)", text):
        return int(m.group(1))
    return None


def _path_year(path: str) -> int | None:
    m = re.search(r"(?<!\d)(19|20)\d\d(?!\d)", path)
    return int(m.group()) if m else None


def _path_date(path: str, opts: Options, year: int | None) -> date | None:
    """The date written in a file name: the whole stem, or one of its pieces ("schedule_dec2" -> "dec2")."""
    stem = PurePosixPath(path).stem
    for piece in [stem, *re.split(r"[_\-. ]+", stem)]:
        if not piece:
            continue
        found = parse_date(piece, opts.date_format, year) if opts.date_format else None
        found = found or (date.fromisoformat(piece) if re.fullmatch(r"\d{4}-\d\d-\d\d", piece) else None)
        if found:
            return found
    return None


def _text(value) -> str | None:
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = " ".join(str(value).split())
    return text or None
