"""The ``records`` reader: data files (YAML, JSON, TOML, CSV) holding many records, read by profile options.

Where the records are and where each field is are glom specs (dotted paths, or a
list of them: the first that gives a value wins; a plain path finds a key spelt otherwise in case,
spaces or underscores, "Date" or "Start Time" for ``date`` or ``start_time``, but a default key never
takes a column the profile names for another field), so no site needs code:

* ``kind = "sessions"``: each record is a session; its people are under ``persons``
  (a list) or under one key per role (``roles = { moderator = "Moderator" }``);
* ``kind = "speakers"``: each record is a person (a speaker page); when the record
  also says where it appears (``session_date`` + ``session_time``/``session_id``), it places itself into
  sessions another file describes: those sessions are emitted as *stubs* (no title)
  with the same date and key that the other file's part computes, so both land on
  one session IRI.

A session's key is its ``id`` (slugified), else the last segment of its
``permalink``, else its title; the people of a record are rows whose name,
title and organisation come from the ``person`` specs or from one printed
string split by the declared ``person_pattern`` (``ingest.person_pattern``).
Options: ``ingest.record_options`` (table in docs/sites.md, "Data files"); dates and times:
``ingest.record_dates``; record lines: ``ingest.record_lines``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from functools import lru_cache
from pathlib import PurePosixPath
from datetime import date, datetime, timedelta

from glom import glom
from glom.core import GlomError

from graph.errors import IngestError
from graph.ids import slugify
from ingest import record_text, times
from ingest.datafile import decoded
from ingest.names import HONORIFIC_BRACKET, split_name
from ingest.people_text import outside_brackets, split_names
from ingest.person_pattern import (Person, family_first, looks_like_name, split_affiliation, split_person,
                                   split_position, FREE_TEXT)
from ingest.position_words import JOB_NOUNS, ends_in_field, is_body
from ingest.record_dates import (clock_key, clock_label, clock_range, date_of, minutes, moment, numbered_day, parse_date,
                                 path_date, path_year, unpacked, zoned)
from ingest.record_lines import Lines
from ingest.record_options import Options
from ingest.sheet_rows import FillDown, by_lines
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import role_of, role_of_title, role_words_only
from ingest.tidy import has_job_word, is_break, no_organisation, not_a_person, without_honorific

NAME = "records"
SUFFIXES = ("yml", "yaml", "json", "toml", "csv", "ts", "tsx", "js")


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
    filler = FillDown(opts)
    for index, record in ctx.records():
        where = ctx.lines.line(ctx.base + (index,))
        if not isinstance(record, dict):
            ctx.note(where, "skipped-record", f"record {index + 1} is a {type(record).__name__}, not a mapping of "
                                              "fields — skipped; check the part's records = \"…\" path")
            continue
        if _truthy(ctx.get(record, opts.skip)):
            ctx.note(where, "skipped-record", f"record {index + 1} is marked to skip ({', '.join(opts.skip)}) — skipped")
            continue
        if unpublished := _unpublished(record):
            ctx.note(where, "skipped-record", f"record {index + 1} is not published ({unpublished}) — skipped; "
                                              "remove the mark to read it")
            continue
        held = _skipped_value(record, opts.skip_when)
        if held:
            ctx.note(where, "skipped-record", f"record {index + 1} has {held} (skip_when) — skipped")
            continue
        if opts.kind == "sessions":
            record = filler.filled(ctx, record)
            if record is None:
                continue  # a heading row ("Day 1 – Tuesday 14 March 2032"): its date went to the rows below
            _add(parsed.sessions, _session(ctx, record, index, where))
        else:
            _speaker_record(ctx, record, index, where, parsed)
    _distinct_keys(parsed.sessions)
    parsed.speakers += ctx.pages.values()
    return parsed


def _add(items: list, item) -> None:
    if item is not None:
        items.append(item)


def _skipped_value(record: dict, skip_when: dict) -> str | None:
    """``key = value`` of the first ``skip_when`` value the record holds (strings compared in any case)."""
    for key, values in skip_when.items():
        value = _glom(record, key)
        text = None if value is None else str(value).strip().lower()
        if text is not None and (text in values or _AS_BOOLEAN.get(text) in values):
            return f"{key} = {value!r}"
    return None


# YAML 1.1's boolean words, which the loader keeps as text: a profile's skip_when = { active = false } still finds "no"
_AS_BOOLEAN = {"yes": "true", "on": "true", "no": "false", "off": "false"}


def _truthy(value) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "yes", "on", "1", "y")
    return bool(value)


def _falsy(value) -> bool:
    """True for a false value as data files print one (``false``, ``"No"``, ``0``), not for an absent one."""
    if isinstance(value, str):
        return value.strip().lower() in ("false", "no", "off", "0", "n")
    return value is False or type(value) is int and value == 0


def _unpublished(record: dict) -> str | None:
    """How a record says the site does not publish it (``published: false``, ``draft: true``), else ``None``.

    >>> _unpublished({"published": False}), _unpublished({"Draft": "yes"}), _unpublished({"published": "No"})
    ('published: False', 'Draft: yes', 'published: No')
    >>> _unpublished({"published": "2031-05-01"}), _unpublished({"draft": False}), _unpublished({"title": "T"})
    (None, None, None)
    """
    for key, value in record.items():
        word = key.lower() if isinstance(key, str) else None
        if word == "published" and _falsy(value) or word == "draft" and _truthy(value):
            return f"{key}: {value}"
    return None


class _Context:
    """One file being read: its options, lines, edition year and notes."""

    def __init__(self, doc: Document, opts: Options, settings, notes: list[Note]):
        self.doc, self.opts, self.notes = doc, opts, notes
        self.data, self.lines = _data(doc, opts)
        self.base = _simple_path(opts.records)
        if self.base is None:  # a spec with stars or calls: records have no path to a line
            self.lines, self.base = Lines(), ()
        self.year = path_year(doc.path) if opts.year_from == "path" else None
        self.year = self.year or getattr(settings, "year", None)
        self.zone = getattr(settings, "tz", None)  # the part's or site's zone: times with an offset are shown in it
        self.path_date = (numbered_day(doc.path, opts.first_day) or path_date(doc.path, opts.date_format, self.year)
                          if opts.date_from == "path" else None)
        self.year_only_noted = False
        self.mapping_noted: set[str] = set()  # fields whose value was a mapping with no name key (noted once a file)
        self.day_noted = False  # a date key that disagrees with the start's day (noted once a file)
        self.pages: dict[str, SpeakerPage] = {}  # people of sessions with a biography or photo, by name
        self.parents: dict[int, tuple] = {}  # a nested record's enclosing records, nearest first, by id()
        self.printed_roles: set[int] = set()  # rows whose role a field of their own printed, by id()
        self.single = None  # the record a file holds alone (a speaker's own file), when it is one mapping
        # the keys the profile names: a default key never takes a column the profile names for another field
        self.declared = declared_keys(opts)
        self.taken = frozenset(_folded(step) for spec in self.declared for step in spec.split("."))

    def records(self):
        """The records of the file, with their index."""
        spec = self.opts.records
        if "*" in spec.split("."):  # "days.*.sessions", "*.sessions" (the file is a list of days): one list
            found = nested(self.data, spec)
            self.parents = {id(record): parents for record, parents in found}
            return enumerate(record for record, _ in found)
        found = self.data if not self.opts.records else _glom(self.data, self.opts.records)
        if isinstance(found, list) and isinstance(self.data, dict) and self.opts.records:
            holder = _glom(self.data, self.opts.records.rpartition(".")[0]) if "." in self.opts.records else None
            around = (holder, self.data) if isinstance(holder, dict) else (self.data,)
            self.parents = {id(r): around for r in found}  # "^.Date": the file's own, beside its "Sessions"
        if isinstance(found, dict):
            records = _as_records(found)
            self.single = found if records == [found] and not self.opts.records else None
            found = records
        if not isinstance(found, list):
            raise IngestError(self.doc.path, f"the part's records = {self.opts.records!r} finds no list of records "
                                             f"(found {type(found).__name__}) — give the path to the list")
        return enumerate(found)

    def get(self, record, specs: tuple[str, ...]):
        """The first of ``specs`` that gives a non-empty value in ``record`` (``^.key``: in the records around
        it, nearest first — a session block's title as its talks' track)."""
        for spec in specs:
            if spec.startswith("^."):
                value = next((v for holder in self.parents.get(id(record), ())
                              if (v := _glom(holder, spec[2:])) not in (None, "", [], {})), None)
            else:
                value = _glom(record, spec, frozenset() if spec in self.declared else self.taken)
            if value not in (None, "", [], {}):
                return value
        return None

    def inherited(self, record, specs: tuple[str, ...]):
        """The value of ``specs`` in ``record``, else in the records around it (a day's date, a slot's time)."""
        for holder in (record, *self.parents.get(id(record), ())):
            value = self.get(holder, specs)
            if value is not None:
                return value
        return None

    def own_id(self, record) -> str | None:
        """The id of a record that is its file alone, without an id key: its file's stem (``data/speakers/ann-lee.yaml``
        is ``ann-lee``), so that the ids another file lists join it."""
        if record is not self.single:
            return None
        return PurePosixPath(self.doc.path).stem

    def text(self, record, specs: tuple[str, ...]) -> str | None:
        """The value of ``specs`` as one line of text."""
        return _text(self.get(record, specs))

    def note(self, line: int | None, kind: str, message: str) -> None:
        """A note for the report, naming this file and the line."""
        self.notes.append(Note(self.doc.path, line, kind, message))


# options that hold no key paths: formats, patterns, separators
_NOT_KEYS = {"date_format", "time_format", "person_pattern", "position_pattern", "people_separators"}


def declared_keys(opts: Options) -> frozenset[str]:
    """The key paths a part's profile names (a field's, a role's, a person field's), not the defaults.

    >>> sorted(declared_keys(Options.from_options({"title": "Session", "roles": {"Chair": "Chair"},
    ...                                            "person": {"title": "Affiliation"}, "date_format": "%d %b"})))
    ['Affiliation', 'Chair', 'Session']
    """
    keys: set[str] = set()
    for name in opts.named - _NOT_KEYS:
        value = getattr(opts, name, None)
        if isinstance(value, tuple):
            keys.update(v for v in value if isinstance(v, str))
        elif name in ("roles", "skip_when"):
            keys.update(value)
        elif name == "person":
            keys.update(v for specs in value.values() for v in specs)
    return frozenset(keys)


def _as_records(found: dict) -> list:
    """The records a mapping holds: its values when they are all records (``{id: {…}, …}``), else the mapping
    itself, one record (a file that is one speaker: ``name: …``, ``positions: [...]``).

    >>> _as_records({"a": {"name": "A"}, "b": {"name": "B"}}), _as_records({"name": "A", "tags": ["x"]})
    ([{'name': 'A'}, {'name': 'B'}], [{'name': 'A', 'tags': ['x']}])
    """
    if found and all(isinstance(v, dict) for v in found.values()):
        return list(found.values())
    return [found]


def nested(data, spec: str) -> list[tuple[object, tuple]]:
    """The records a spec with stars finds, each with the records it sits in, nearest first. A star is every
    item of a list or every value of a mapping (records keyed by id); the list or mapping a spec ends on is
    its records.

    >>> days = {"days": [{"date": "2033-05-01", "sessions": [{"title": "A"}, {"title": "B"}]},
    ...                  {"date": "2033-05-02", "sessions": [{"title": "C"}]}]}
    >>> [(r["title"], [p["date"] for p in parents]) for r, parents in nested(days, "days.*.sessions")]
    [('A', ['2033-05-01']), ('B', ['2033-05-01']), ('C', ['2033-05-02'])]
    >>> [r["title"] for r, _ in nested(days["days"], "*.sessions")]  # the file is the list of days
    ['A', 'B', 'C']
    >>> timetable = {"results": {"17": {"20330501": {"c1": {"title": "D"}, "b2": {"title": "E", "entries": {
    ...     "c3": {"title": "F"}}}}}}}
    >>> [r["title"] for r, _ in nested(timetable, "results.*.*.*")]
    ['D', 'E']
    >>> [(r["title"], [p.get("title") for p in parents]) for r, parents in nested(timetable, "results.*.*.*.entries.*")]
    [('F', ['E', None, None])]
    """
    level: list[tuple[object, tuple]] = [(data, ())]
    keys: list[str] = []
    steps = spec.removeprefix(".").split(".")
    for step in steps:
        if step != "*":
            keys.append(step)
            continue
        level = [(item, (item, *parents)) for holder, parents in level
                 for item in _items(_glom(holder, ".".join(keys)))]
        keys = []
    if steps[-1] == "*":  # the last star's items are the records, not records around them
        return [(item, parents[1:]) for item, parents in level]
    return [(item, parents) for holder, parents in level for item in _items(_glom(holder, ".".join(keys)))]


def _items(found) -> list:
    return list(found.values()) if isinstance(found, dict) else found if isinstance(found, list) else []


def _glom(target, spec: str, taken: frozenset = frozenset()):
    """The value at ``spec`` in ``target`` (``None`` when absent); plain dotted paths skip glom (ten times faster)
    and find a key spelt otherwise (``_loose_key``), unless its folded spelling is ``taken``."""
    if spec == "":
        return target
    path = _simple_path(spec)
    if path is None:
        try:
            return glom(target, spec, default=None)
        except (GlomError, TypeError, ValueError):
            return None
    for step in path:
        if isinstance(target, dict):
            if isinstance(step, int):
                target = target.get(step, target.get(str(step)))
            else:
                target = target[step] if step in target else _loose_key(target, step, taken)
        elif isinstance(target, list) and isinstance(step, int):
            target = target[step] if -len(target) <= step < len(target) else None
        else:
            return None
    return target


def _loose_key(mapping: dict, key: str, taken: frozenset = frozenset()):
    """The value of the key of ``mapping`` spelt like ``key`` but for case, spaces, hyphens and underscores (a CSV's
    "Date" or "Start Time" for ``date`` or ``start_time``), else ``None``: the default keys and a profile's find a
    column however its header is capitalised.

    >>> _loose_key({"Date": "4 Nov", "Full name": "Ann Lee"}, "date"), _loose_key({"Full name": "Ann Lee"}, "fullname")
    ('4 Nov', 'Ann Lee')
    >>> _loose_key({"Start Time": "9:00"}, "start_time"), _loose_key({"Dates": "x"}, "date")
    ('9:00', None)
    """
    want = _folded(key)
    if want in taken:
        return None
    return next((value for name, value in mapping.items() if isinstance(name, str) and _folded(name) == want), None)


@lru_cache(maxsize=4096)
def _folded(key: str) -> str:
    return re.sub(r"[\s_-]+", "", key).casefold()


def _data(doc: Document, opts: Options) -> tuple[object, Lines]:
    """The parsed content of the file (or of the JSON inside its code) and the lines of its records."""
    if opts.embedded:
        from ingest.embedded import UNESCAPES, Embedded

        embedded = Embedded.from_options({"embedded": opts.embedded, "unescape": opts.unescape})
        data, first = embedded.load(doc)
        text = UNESCAPES[embedded.unescape](embedded.pattern.search(doc.body).group(1))
        return data, Lines.of_text(text, first)
    if doc.data is None:
        raise IngestError(doc.path, "is not a data file (YAML, JSON, TOML, CSV, or a JavaScript or TypeScript module "
                                    "writing its data as literals) — give the part an embedded = \"regex\" option when "
                                    "the data sits inside code as JSON, or leave the file to another part")
    return doc.data, Lines.of(doc)


@lru_cache(maxsize=1024)
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
    # an Indico session block: its own title in "slotTitle" ("Breakout A: …"), the session's shared one in "title"
    slot = record.get("slotTitle") if isinstance(record, dict) else None
    title = (slot.strip() if isinstance(slot, str) and slot.strip() else None) or ctx.text(record, opts.title) \
        or _talk(ctx, record)
    if not title:
        ctx.note(line, "skipped-record", f"record {index + 1} has no title ({' / '.join(opts.title)}) — skipped; "
                                         "name the title key in the profile (title = \"…\")")
        return None
    if called_off := _called_off(title):
        kind = "cancelled" if called_off == "cancelled" else "skipped-record"
        ctx.note(line, kind, f"record {index + 1} ({title}) is marked {called_off} — skipped: its people did not "
                             "appear there (a session given a new date is read from the record that dates it)")
        return None
    session = _dated(ctx, record, index, line, title)
    if session is None:
        return None
    session.abstract = ctx.text(record, opts.abstract) or ""
    session.room, session.track = (_named(ctx, ctx.inherited(record, opts.room), "room", line),
                                   _named(ctx, ctx.inherited(record, opts.track), "track", line))
    session.format = _named(ctx, ctx.get(record, opts.format), "format", line)
    if session.track and session.track != title and _generic(title) and not _KIND_TRACK.match(session.track):
        # "Panel discussion" inside the block "Panel 1: Critical infrastructure": the block's session, in the role
        # the generic title names (an Indico timetable's contribution in its session block)
        session.format = session.format or (title if role_of(title) else None)
        session.title = session.track
    session.rows = _people(ctx, record, index)
    _text_people(ctx, record, session, line)
    if not session.rows and (is_break(title) or is_break(session.format or "")):
        ctx.note(line, "skipped-record", f"record {index + 1} ({title}) is a break that names nobody — skipped")
        return None
    roles_by_title(session, opts.role_label, ctx.printed_roles)
    return session


# a title's closing mark that the session will not take place then: "Talk (postponed)", "Talk [CANCELLED]",
# "Talk – abgesagt" (ingest.tidy drops a session whose title or text opens with "Cancelled"; a mark with a new date,
# "(postponed to 4 May)", or "rescheduled" is no such mark)
_CALLED_OFF = re.compile(r"(?:[(\[]\s*(?P<a>{w})\s*[)\]]|\s[-–—:|]\s*(?P<b>{w}))\W*$".format(
    w=r"cancell?ed|canceled|annulée?s?|abgesagt|cancelad[oa]s?|annullat[oa]|postponed|reportée?s?|verschoben|"
      r"aplazad[oa]s?|rinviat[oa]|called off|withdrawn"), re.I)


def _called_off(title: str) -> str | None:
    """``"cancelled"`` or ``"postponed"`` when a title closes with a mark saying so, else ``None``.

    >>> _called_off("Cyber Threats to Ports (postponed)"), _called_off("Quantum Keys [ABGESAGT]")
    ('postponed', 'cancelled')
    >>> _called_off("Talk – annulé"), _called_off("Talk (postponed to 4 May)"), _called_off("Cancel Culture")
    ('cancelled', None, None)
    """
    m = _CALLED_OFF.search(title)
    if m is None:
        return None
    word = (m.group("a") or m.group("b")).lower()
    return "postponed" if re.match(r"postpon|report|versch|aplaz|rinvi", word) else "cancelled"


def _named(ctx: _Context, value, what: str, line: int | None) -> str | None:
    """A room, track or format as text; of a mapping (``"venue": {"venue": "Hall A", "address": …}``), its name
    key's (``_name_key``); a mapping without one gives none, with a note (once a file) naming its keys."""
    if not isinstance(value, dict):
        return _text(value)
    found = _name_key(value)
    if found is None and what not in ctx.mapping_noted:
        ctx.mapping_noted.add(what)
        spec = " / ".join(getattr(ctx.opts, what))
        keys = ", ".join(map(str, list(value)[:8]))
        ctx.note(line, "mapping-value", f"{what} key {spec} holds a mapping ({keys}), not a {what} — no {what} read; "
                                        f"name the key inside it that holds the {what} ({what} = \"{spec}.KEY\")")
    return found


# the keys where a mapping keeps its name: a venue's, a category's, WordPress's rendered text
_NAME_KEYS = ("name", "title", "label", "rendered", "venue", "room", "location", "text", "value")


def _name_key(value: dict, depth: int = 2) -> str | None:
    """The text of a mapping's name key, looked for in that order (within a mapping there, one level down).

    >>> _name_key({"id": 4, "venue": "Hall A", "address": "1 Quay"}), _name_key({"title": {"rendered": "Hall B"}})
    ('Hall A', 'Hall B')
    >>> _name_key({"id": 4, "address": "1 Quay"})
    """
    lowered = {str(k).lower(): v for k, v in value.items()}
    for key in _NAME_KEYS:
        found = lowered.get(key)
        text = _name_key(found, depth - 1) if isinstance(found, dict) and depth > 1 else _text(found)
        if text:
            return text
    return None


def _text_people(ctx: _Context, record: dict, session: SessionPage, line: int | None) -> None:
    """Add the people the record's ``persons_text`` fields print (HTML or Markdown: labelled lines, lists, speaker
    links; ``ingest.record_text``), read as the schedule exports' descriptions are (``session_roles``)."""
    from ingest import session_roles  # it reads roles with this module's rules: imported when first needed

    opts = ctx.opts
    for spec in opts.persons_text:
        value = ctx.get(record, (spec,))
        if not isinstance(value, str):
            continue
        text, links = record_text.printed(value, opts.role_label, opts.link_template)
        before = {id(row): row.role_label for row in session.rows}
        session_roles.described_people(session, text, line, opts.role_label)
        record_text.link_rows(session.rows, links)
        # a label the text prints ("Speakers:") is the row's own: the session's format may say more ("Panel")
        ctx.printed_roles.update(id(row) for row in session.rows if row.role_label != opts.role_label
                                 and before.get(id(row)) != row.role_label)


# a track that says where or how a session runs, not what it is about: no title for it ("Plenary", "Track B")
_KIND_TRACK = re.compile(r"^\s*(?:plenary|plénière|plenaria|plenum|main(?:\s+(?:stage|hall|track|room))?|breakouts?|"
                         r"parallel(?:\s+sessions?)?|general|(?:track|stream|room|hall)\s+\w{1,3})\s*$", re.I)


def _generic(title: str) -> bool:
    """A title that names what happens, not what about ("Panel discussion", "Discussion", "Q&A", "Roundtable").

    >>> _generic("Panel discussion"), _generic("Discussion"), _generic("Q&A"), _generic("Panel 1: Cables")
    (True, True, True, False)
    """
    words = title.strip(" .:").lower()
    return words in _GENERIC_TITLES or bool(role_of(words)) and role_words_only(words) and len(words.split()) <= 3


_GENERIC_TITLES = {"discussion", "q&a", "q & a", "questions and answers", "open discussion", "debate", "exchange",
                   "exchange of views", "interactive discussion", "general discussion"}


def roles_by_title(session: SessionPage, default: str, printed: set[int] = frozenset()) -> None:
    """People without a role of their own take the one the title ("Keynote: …", "Opening Address") or the format
    ("keynote") names, when it is more than a speaker's; a role their own cell prints stays ("Speaker" under an
    "Opening Session"), unless it is a mere "Speaker" and the session's format field names more ("Remarks")."""
    label = title_role(session.title, session.format)
    if label is None:
        return
    formatted = session.format if session.format and role_of(session.format) not in (None, "speaker", "other") \
        else None
    for row in session.rows:
        if row.role_label == default and id(row) not in printed:
            row.role_label = label
        elif formatted and id(row) in printed and role_of(row.role_label) == "speaker":
            row.role_label = formatted


def title_role(title: str | None, format: str | None) -> str | None:
    """The role label a session's title ("Keynote: …", "Opening Address") or else its format ("Panel discussion")
    gives its people, when it is more than a speaker's; else ``None``.

    >>> title_role("Keynote: Maps", None), title_role("Who audits?", "Panel discussion"), title_role("Maps", "Talk")
    ('Keynote', 'Panel discussion', None)
    """
    label = role_of_title(title or "")
    if label is None and format and role_of(format) not in (None, "speaker", "other"):
        label = format
    if label is None or role_of(label) in ("speaker", "other"):
        return None
    return label


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
    session.key = (clock_key(ident) or slugify(ident)) if ident else ""  # "9:30" keys the slot "09:30" keys
    return session


def _people(ctx: _Context, record: dict, index: int) -> list[Row]:
    """The rows of a session record: the people of ``persons`` (its first spec that holds people) and those of each
    ``roles`` key add up; a person listed under both keeps the role's row."""
    listed = [_listed_people(ctx, record, index, spec, ctx.opts.role_label) for spec in _persons_spec(ctx, record)]
    by_role = [_listed_people(ctx, record, index, key, label) for key, label in ctx.opts.roles.items()]
    return _role_over_persons([row for rows in listed for row in rows], [row for rows in by_role for row in rows])


def _listed_people(ctx: _Context, record: dict, index: int, spec: str, label: str) -> list[Row]:
    """The rows of the people that ``spec`` lists in a record, with the role ``label``."""
    value = _glom(record, spec)
    if value in (None, "", []):
        return []
    path = ctx.base + (index,) + (_simple_path(spec) or ("?",))
    if isinstance(value, str) and record_text.HTML_TAG.search(value):
        ctx.note(ctx.lines.line(path), "skipped-row", f"{spec} holds HTML ({_text(value)[:50]!r}…), not a list of "
                                                      f"people — none read from it; to read the people it prints, "
                                                      f"name it in persons_text = \"{spec}\" instead")
        return []
    items = value if isinstance(value, list) else [value]
    return _person_list(ctx, items, label, path)


def _persons_spec(ctx: _Context, record: dict) -> list[str]:
    """The first ``persons`` spec that holds people in ``record``, as a list of one (or none); a ``roles`` key is read
    there, with its role."""
    return next(([spec] for spec in ctx.opts.persons
                 if spec not in ctx.opts.roles and ctx.get(record, (spec,)) not in (None, "", [])), [])


def _role_over_persons(persons: list[Row], by_role: list[Row]) -> list[Row]:
    """The rows of ``persons`` and of the ``roles`` lists, less the ``persons`` rows of people a role's list names
    too (by name or id, in any case): a moderator listed among the speakers as well is the moderator.

    >>> speakers = [Row(1, "Speaker", "ann-lee", None), Row(2, "Speaker", "Bo Chan", None)]
    >>> [(r.printed_name, r.role_label) for r in _role_over_persons(speakers, [Row(3, "Moderator", "bo chan", None)])]
    [('ann-lee', 'Speaker'), ('bo chan', 'Moderator')]
    """
    named = {slugify(row.printed_name) for row in by_role}
    return [row for row in persons if slugify(row.printed_name) not in named] + by_role


def _talk(ctx: _Context, record: dict) -> str | None:
    """The title of the one talk the people of a record without a title print under their ``title`` key."""
    specs = [*_persons_spec(ctx, record), *ctx.opts.roles]
    entries = [item for spec in specs for item in _listed(_glom(record, spec))]
    talks = {title for item in entries if isinstance(item, dict) and _either(ctx, item)
             and (title := ctx.text(item, ctx.opts.person_spec("title"))) and not is_job_title(title)}
    return talks.pop() if len(talks) == 1 else None


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
                ctx.note(line, "skipped-row", _no_person(_text(item) or ""))
            continue
        rows += found
    return rows


def _no_person(text: str) -> str:
    """Why a string of a people list was skipped: it reads as a title or organisation, or lists several people in a
    way no pattern parts (two pieces or more between commas that start with a name).

    >>> _no_person("Head of Research")
    "'Head of Research' names no person (it reads as a title or organisation) — skipped"
    >>> _no_person("Ann Lee (Acme), Bo Chan, Cy Dee (Beta)")[:80]
    "'Ann Lee (Acme), Bo Chan, Cy Dee (Beta)' lists several people (3 pieces between "
    """
    pieces = [p.strip() for p in outside_brackets(_BRACKETED_NEXT, text)]
    named = [p for p in pieces if looks_like_name(re.sub(r"\s*\(.*$", "", p))]
    if len(pieces) > 1 and len(named) >= 2:
        return (f"{text!r} lists several people ({len(pieces)} pieces between commas) that the person patterns do "
                "not part — skipped; print each as \"Name (Org)\" or part them with \";\", or declare "
                "people_separators (docs/sites.md, \"Options of a records part\")")
    return f"{text!r} names no person (it reads as a title or organisation) — skipped"


_ID = re.compile(r"(?=[^\s]*\d)[A-Za-z0-9]+(?:[-_:.][A-Za-z0-9]+)+|\d{1,12}")  # "spk_7f2a03", "sp24-02", "4711"


def _person_rows(ctx: _Context, item, label: str, line: int | None) -> list[Row] | Person:
    opts = ctx.opts
    if isinstance(item, dict) and (each := by_lines(item, opts.person_spec("name"))):
        found = [_person_rows(ctx, one, label, line) for one in each]
        if all(isinstance(rows, list) for rows in found):
            return [row for rows in found for row in rows]  # type: ignore[union-attr]
    if not isinstance(item, dict):
        text = _text(item)
        # "spk_7f2a03" beside mappings with ids ({"id": "spk_7f2a11", "role": "moderator"}): an id, no name
        if opts.persons_are == "ids" or _ID.fullmatch(text or "") and not looks_like_name(text):
            return [Row(line=line, role_label=label, printed_name=text, link=opts.link_template.format(id=text),
                        name_printed=False)]
        return _rows_from_text(ctx, _lines(item), [], label, line)
    name = _lines(ctx.get(item, opts.person_spec("name"))) or _given_family(ctx, item)
    ident = ctx.text(item, opts.person_spec("id"))
    if not name and not ident:
        if opts.persons == ("",) and not any(ctx.text(item, opts.person_spec(k))
                                             for k in ("title", "organisation", "country", "role", "honorific")):
            return []  # a row per person that prints nobody: a break, a session's own row
        ctx.note(line, "skipped-row", f"{label} entry has no name ({' / '.join(opts.person_spec('name'))}) — "
                                      "skipped; name the key in the profile (person = { name = \"…\" })")
        return []
    role = ctx.text(item, opts.person_spec("role")) or _flagged_role(item) or label
    positions = _positions(ctx, item, line)
    if not name:
        return [Row(line=line, role_label=role, printed_name=ident, link=opts.link_template.format(id=ident),
                    positions=positions, name_printed=False)]
    rows = _rows_from_text(ctx, name, positions, role, line)
    if isinstance(rows, Person):
        return rows
    ident = ident or ctx.own_id(item)
    link = ctx.text(item, opts.person_spec("link")) or (opts.link_template.format(id=ident) if ident else None)
    honorific = ctx.text(item, opts.person_spec("honorific")) or _given_honorific(ctx, item, name)
    if ctx.text(item, opts.person_spec("role")):
        ctx.printed_roles.update(id(row) for row in rows)
    for row in rows:
        row.link = link if len(rows) == 1 else None
        row.country_label = _first_text(ctx.get(item, opts.person_spec("country")))
        row.honorific = honorific
    if opts.kind == "sessions" and len(rows) == 1:
        _page_of(ctx, item, rows[0])
    return rows


_ROLE_FLAG = re.compile(r"^(?:is_?)?(?P<role>moderator|host|chair|keynote|panel+ist)$", re.I)


def _flagged_role(item: dict) -> str | None:
    """The role a person's record flags with a boolean (``"isModerator": true``, ``is_chair: true``).

    >>> _flagged_role({"name": "Ann Lee", "isModerator": True}), _flagged_role({"isModerator": False}), _flagged_role({})
    ('Moderator', None, None)
    """
    for key, value in item.items():
        if value is True and isinstance(key, str) and (m := _ROLE_FLAG.match(key)):
            return m.group("role").capitalize()
    return None


def _given_honorific(ctx: _Context, item: dict, name: str) -> str | None:
    """The honorific a given-name field prints ("firstName": "Dr. Ingrid") where the whole name read instead prints
    none ("name": "Hofstätter, Ingrid"), as Indico's exports give both (tests/test_fidelity_s17.py)."""
    given = ctx.text(item, ctx.opts.person_spec("given_name"))
    if not given or split_name(name.split("\n")[0]).honorific:
        return None
    return split_name(f"{given} Placeholder Name").honorific


def _given_family(ctx: _Context, item: dict) -> str | None:
    """ "Katharina" and "Pichler-Brandstätter" printed apart, as one name."""
    parts = [ctx.text(item, ctx.opts.person_spec(key)) for key in ("given_name", "family_name")]
    return " ".join(p for p in parts if p) or None


def _page_of(ctx: _Context, item: dict, row: Row) -> None:
    """A speaker page for a person of a session whose entry has a biography or photo (``person`` specs)."""
    bio = ctx.text(item, ctx.opts.person.get("biography", ()))
    image = ctx.text(item, ctx.opts.person.get("image", ()))
    if (bio or image) and row.printed_name not in ctx.pages:
        ctx.pages[row.printed_name] = SpeakerPage(
            path=ctx.doc.path, line=row.line, permalink=row.link, printed_name=row.printed_name, biography=bio or "",
            image=image, positions=[replace(p) for p in row.positions], country_label=row.country_label,
            honorific=row.honorific)


def _rows_from_text(ctx: _Context, text: str, positions: list[Position], label: str, line) -> list[Row] | Person:
    """Rows for a printed name with the record's positions: the people of the cell first (``people_pieces``), then
    each split by the person patterns, then its name by the separators ("Eli Moss and Fay Lund")."""
    opts = ctx.opts
    if record_text.HTML_TAG.search(text):
        ctx.note(line, "skipped-row", f"{label} entry {text[:60]!r}… holds HTML, not a person's name — skipped; "
                                      "name an HTML or Markdown field that prints people in persons_text = \"…\" "
                                      "(docs/sites.md, \"Options of a records part\")")
        return []
    pieces, glued = cell_pieces(text, opts.person_pattern, opts.people_separators)
    for piece in glued:
        ctx.note(line, "second-job", f"{label} entry: {piece!r} names no person — read with the person before it (a "
                                     "position of theirs, or the rest of their line); if it is a person, print the "
                                     "name first (\"Name, Title, Org\")")
    rows: list[Row] = []
    for piece in pieces:
        person = split_person(piece, opts.person_pattern) if opts.person_pattern else Person(family_first(piece))
        if person.name is None:
            if len(pieces) == 1:
                return Person(None, [p for pos in person.positions for p in _affiliation(pos)] + positions)
            continue  # people_pieces parts a cell only where each piece names a person
        printed = [p for pos in person.positions for p in _affiliation(pos)]
        merged = [_own_org(p) for p in _merge_positions(printed, positions)]
        rows += [Row(line=line, role_label=label, printed_name=name, link=None, positions=[replace(p) for p in merged])
                 for name in split_names(person.name, opts.people_separators)]
    return rows


# where a cell may start the next person: ";" or a line break outside brackets (a piece after it that names nobody
# is a second job of the person before); a spaced "/" or "|" and a declared separator only before a person
_HARD = re.compile(r"\s*;\s*|\s*\n\s*")
_SOFT = (r"\s+/\s+", r"\s+\|\s+")
_AND_PERSON = re.compile(r"\s+(?:and|&)\s+(?![^()]*\))")


@lru_cache(maxsize=64)
def _next_person(separators: tuple[str, ...]) -> re.Pattern:
    """The marks that may part a cell's people: the hard ones, the spaced "/" and "|", the declared separators."""
    soft = [*_SOFT, *(re.escape(sep) for sep in separators if sep.strip() not in ("", ";"))]
    return re.compile(rf"(\s*;\s*|\s*\n\s*|{'|'.join(soft)})(?![^()]*\))")


def people_pieces(text: str, patterns: tuple[str, ...] = (), separators: tuple[str, ...] = ()) -> list[str]:
    """The people one cell prints, one string each (``cell_pieces``, without what it glued)."""
    return cell_pieces(text, patterns, separators)[0]


def cell_pieces(text: str, patterns: tuple[str, ...] = (), separators=()) -> tuple[list[str], list[str]]:
    """The people one cell prints, one string each, and the pieces it glued onto the person before them.

    A cell is parted at ";" or a line break outside brackets where the piece after it names a person or opens with
    an honorific and a name (else it is a second job of the person before, "…; Adviser, Beta Group", and glued);
    at a spaced "/" or "|" or a declared separator (``people_separators``) where the piece after it opens with an
    honorific and a name, or names a person with a job after a person printed with one ("Ann Lee, CTO, Acme /
    Bo Chan, CEO, Beta"; not "Lumen Labs / TU Delft", "Platform and Tool Development, Acme", nor "Ann Lee and Bo
    Chan (Acme)", whose names share the position and are parted later); and at " and " where both sides name a person with a job ("…, Denmark and Mei-Ling Tan,
    Director, …"; not "Head of Research and Development Fund, Acme"). A cell whose first piece names nobody stays
    whole.

    >>> people_pieces("Ana Ruiz (CTO, Finly); Dr. Ravi Rao, Head of Risk, Kaveri", ("Name (Org)", "Name, Title, Org"))
    ['Ana Ruiz (CTO, Finly)', 'Dr. Ravi Rao, Head of Risk, Kaveri']
    >>> people_pieces("Ola Berg, CISO, Nordbank and Mei Tan, Director, GovLab"), people_pieces("Ann Lee\\nBo Chan")
    (['Ola Berg, CISO, Nordbank', 'Mei Tan, Director, GovLab'], ['Ann Lee', 'Bo Chan'])
    >>> cell_pieces("Ann Lee, Director, Acme; Adviser, Beta Group")
    (['Ann Lee, Director, Acme; Adviser, Beta Group'], ['Adviser, Beta Group'])
    >>> people_pieces("Ann Lee, Head of Research and Development Fund, Acme"), people_pieces("Eli Moss and Fay Lund")
    (['Ann Lee, Head of Research and Development Fund, Acme'], ['Eli Moss and Fay Lund'])
    >>> people_pieces("Mr Bo Chan / Ms Cy Dee – OAS"), people_pieces("Ann Lee, AI/ML Lead, Lumen Labs / TU Delft")
    (['Mr Bo Chan', 'Ms Cy Dee – OAS'], ['Ann Lee, AI/ML Lead, Lumen Labs / TU Delft'])
    """
    text = "\n".join(" ".join(ln.split()) for ln in text.strip().splitlines() if ln.strip())
    parts = _next_person(tuple(separators)).split(text)
    pieces, glued = [parts[0]], []
    for glue, piece in zip(parts[1::2], parts[2::2]):
        if not piece:
            continue
        hard = bool(_HARD.fullmatch(glue))
        if hard and _starts_person(piece, patterns) or _opens_with_honorific(piece) \
                or _printed_person(piece, patterns, True) and _printed_person(pieces[-1], patterns, True):
            pieces.append(piece)
        elif hard:  # a ";" before no name parts one person's jobs (kept as printed); a line break is a space
            pieces[-1] += ("; " if ";" in glue else " ") + piece
            glued.append(piece)
        else:  # "Lumen Labs / TU Delft": one person's text
            pieces[-1] += glue + piece
    if len(pieces) > 1 and not _starts_person(pieces[0], patterns):
        return [" ".join(text.split())], []
    return [one for piece in pieces for each in bracketed_people(piece) for one in _and_people(each, patterns)], glued


def _starts_person(text: str, patterns: tuple[str, ...]) -> bool:
    """True when a piece of a cell names a person first, or opens with an honorific and a name."""
    return _printed_person(text, patterns) or _opens_with_honorific(text)


_NAME_END = re.compile(r",|\(|\s[-\u2013\u2014]\s|[\u2013\u2014]")


def _opens_with_honorific(text: str) -> bool:
    """True when a piece opens with an honorific and a name, before any comma, bracket or dash ("Ms Cy Dee – OAS",
    "H.E. Amb. Jo Ray (MFA)"); not an office ("Minister of Maps, Examplia").

    >>> _opens_with_honorific("Ms Cy Dee – OAS"), _opens_with_honorific("Col. (Ret.) Jo Ray, Army")
    (True, True)
    >>> _opens_with_honorific("Minister of Maps, Examplia"), _opens_with_honorific("Cy Dee, CTO")
    (False, False)
    """
    head = _NAME_END.split(re.sub(HONORIFIC_BRACKET, " ", text), 1)[0].strip()
    return split_name(head).honorific is not None and looks_like_name(head)


# a comma (or "and") outside brackets, between people printed "Name (Org)"
_BRACKETED_NEXT = re.compile(r"\s*,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+")
_NAME_BRACKET = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<inner>.+)\)\W*$")


def bracketed_people(text: str) -> list[str]:
    """People printed as "Name (Org)" one after another ("Ann Lee (Acme, Inc.), Bo Chan (Lab (BL)) and Cy Dee
    (Beta)"), parted at the commas and "and"s outside brackets when every piece is a name with its bracket, as the
    programme reader parts them (``agenda.listed``; a bracket here may hold another); else the text whole.

    >>> bracketed_people("Ann Lee (Acme, Inc.), Dr Bo Chan (Lab (BL)) and Cy Dee (Beta)")
    ['Ann Lee (Acme, Inc.)', 'Dr Bo Chan (Lab (BL))', 'Cy Dee (Beta)']
    >>> bracketed_people("Ann Lee (Acme), Director"), bracketed_people("Ann Lee (CTO), Acme Group (AG)")
    (['Ann Lee (Acme), Director'], ['Ann Lee (CTO), Acme Group (AG)'])
    """
    pieces = [p.strip() for p in outside_brackets(_BRACKETED_NEXT, text)]
    return pieces if len(pieces) > 1 and all(map(_named_bracket, pieces)) else [text]


def _named_bracket(piece: str) -> bool:
    """True for "Name (…)": a name (with its honorific) then one bracket, which may hold others."""
    m = _NAME_BRACKET.match(piece)
    return bool(m) and looks_like_name(m.group("head")) and not_a_person(without_honorific(m.group("head"))) is None


def _and_people(text: str, patterns: tuple[str, ...]) -> list[str]:
    """A piece parted at the first " and " (or " & ") with a person and their job on each side."""
    for m in _AND_PERSON.finditer(text):
        left, right = text[:m.start()], text[m.end():]
        if _printed_person(left, patterns, with_job=True) and _printed_person(right, patterns, with_job=True):
            return [left, *_and_people(right, patterns)]
    return [text]


def _printed_person(text: str, patterns: tuple[str, ...], with_job: bool = False) -> bool:
    """True when ``text`` starts with a name that reads as one (and, ``with_job``, prints a job title after it)."""
    person = split_person(text, patterns or None)
    name = re.sub(r"\s*\([^()]*\)$", "", person.name or "")  # "Ann Lee (CTO, Acme)" read without "Name (Org)"
    if not name or not looks_like_name(name):
        return False
    if not with_job:
        return True
    printed = " ".join(f"{p.title or ''} {p.organisation or ''}" for p in person.positions) or text[len(name):]
    return has_job_word(printed)


def _affiliation(position: Position) -> list[Position]:
    """An organisation printed without a title that holds one ("Chief Economist, Vento Energia S.p.A.") as its
    positions (``person_pattern.split_affiliation``: a first part reading as a job is the title; legal forms stay)."""
    if position.title or not position.organisation or not re.search(r"[,;|]", position.organisation):
        return [position]
    return split_affiliation(position.organisation) or [position]


def _merge_positions(printed: list[Position], fields_: list[Position]) -> list[Position]:
    """Positions of the name string and of the record's fields: a lone organisation field fills a title without one."""
    if printed and len(fields_) == 1 and fields_[0].title is None and printed[0].organisation is None:
        return [Position(printed[0].title, fields_[0].organisation)] + printed[1:]
    out = list(printed)
    for pos in fields_:
        if all((p.title, p.organisation) != (pos.title, pos.organisation) for p in out):
            out.append(pos)
    return out


def _positions(ctx: _Context, item: dict, line: int | None = None) -> list[Position]:
    """Titles and organisations of a record, paired by position ("A · B" with [OrgA, OrgB], or with "OrgA · OrgB";
    within each mapping when both are read through one list, ``_jobs``); a ``title`` key holding a talk's title
    rather than a job's gives no title (a note), unless a speakers part names it as the job title; an organisation
    that prints a title too is split (``_org_positions``)."""
    opts = ctx.opts
    spec = _first_spec(ctx, item, opts.person_spec("title"))
    org_spec = _first_spec(ctx, item, tuple(s for s in opts.person_spec("organisation") if s != spec))
    jobs = _jobs(ctx, item, spec, org_spec)
    titles = [title for held, _ in jobs for title in held]
    if titles and _talk_key(spec) and not _job_key_named(opts) and not all(map(is_job_title, titles)):
        who = _text(ctx.get(item, opts.person_spec("name"))) or "a person"
        ctx.note(line, "talk-title", f"{who}: {spec} {titles[0]!r} reads as a talk's title, not a job's — no job "
                                     "title from it (a job title has a job word, or at most three words and no colon "
                                     "or question mark)")
        jobs = [([], orgs) for _, orgs in jobs]
    # an organisation key the record prints empty ("company": ""): its job key may hold the employer
    blank = any(_glom(item, s) == "" for s in opts.person_spec("organisation"))
    return [position for titles, orgs in jobs for position in _paired(opts, titles, orgs, blank)]


def _first_spec(ctx: _Context, item: dict, specs: tuple[str, ...]) -> str | None:
    """The first of ``specs`` that gives a value in ``item``."""
    return next((s for s in specs if ctx.get(item, (s,)) is not None), None)


def _jobs(ctx: _Context, item: dict, spec: str | None, org_spec: str | None) -> list[tuple[list[str], list[str]]]:
    """The titles and organisations of a person, ``[(titles, organisations)]``: one pair per mapping when both specs
    read one list through a star (``affiliations.*.title`` and ``affiliations.*.organisation``), so that a mapping
    without a title leaves its organisation without one rather than shifting the titles after it; else one pair."""
    shared = _shared_star(spec, org_spec)
    if shared is None:
        return [(_as_texts(ctx.get(item, (spec,)) if spec else None, ctx.opts.title_separator),
                 _as_texts(ctx.get(item, (org_spec,)) if org_spec else None, ""))]
    holder, title_rest, org_rest = shared
    return [(_as_texts(_glom(one, title_rest), ctx.opts.title_separator), _as_texts(_glom(one, org_rest), ""))
            for one in _items(_glom(item, holder))]


def _shared_star(spec: str | None, other: str | None) -> tuple[str, str, str] | None:
    """``(list, rest of spec, rest of other)`` when both specs read the same list through a star, else ``None``.

    >>> _shared_star("affiliations.*.title", "affiliations.*.organisation")
    ('affiliations', 'title', 'organisation')
    >>> _shared_star("jobs.*.title", "orgs.*.name"), _shared_star("title", "org"), _shared_star("a.*.t", None)
    (None, None, None)
    """
    if not spec or not other or spec.startswith("^.") or other.startswith("^."):
        return None
    (holder, star, rest), (holder2, star2, rest2) = spec.partition(".*."), other.partition(".*.")
    return (holder, rest, rest2) if star and star2 and holder == holder2 else None


def _paired(opts: Options, titles: list[str], orgs: list[str], blank: bool = False) -> list[Position]:
    """The positions of one person's (or one mapping's) titles and organisations, paired in order; one value of
    several jobs parted as the other (``_both_parted``, ``_parted``); a declared ``position_pattern`` splits each
    title (beside its own organisation, if any); one title beside one value listing organisations is held at each
    (``_organisations``); an organisation printed without a title is read by ``_org_positions``."""
    if len(titles) == 1 and len(orgs) == 1 and not opts.title_separator:
        titles, orgs = _both_parted(titles[0], orgs[0])
    elif len(titles) > 1 and len(orgs) == 1:
        orgs = _parted(orgs[0], opts.title_separator, len(titles))
    if opts.position_pattern and len(titles) == 1:
        found = _by_pattern(titles[0], orgs, opts.position_pattern, blank)
        if found is not None:
            return found
    elif opts.position_pattern and len(titles) > 1 and len(orgs) in (0, len(titles)):
        # "Policy Director, Acme; Board Member, Beta" parted by title_separator: the pattern splits each title
        return [p for i, title in enumerate(titles) for p in _by_title(title, orgs[i:i + 1], opts.position_pattern)]
    if len(titles) == 1 and len(orgs) == 1 and len(many := _organisations(orgs[0], opts.title_separator)) > 1:
        titles, orgs = titles * len(many), many
    if not titles:
        return [p for org in orgs for p in _org_positions(org, opts.position_pattern)]
    if len(titles) == 1 and not orgs and blank and (found := _with_employer(titles[0])):
        return found
    return [Position(title=titles[i] if i < len(titles) else None, organisation=orgs[i] if i < len(orgs) else None)
            for i in range(max(len(titles), len(orgs)))]


def _talk_key(spec: str | None) -> bool:
    """True when the person's title comes from a key named ``title``: a job's title, or the title of their talk."""
    return bool(spec) and spec.rsplit(".", 1)[-1].lower() == "title"


def _either(ctx: _Context, item: dict) -> bool:
    """True when the person's title comes from a key named ``title`` that may hold their talk's title."""
    spec = next((s for s in ctx.opts.person_spec("title") if ctx.get(item, (s,)) is not None), None)
    return _talk_key(spec) and not _job_key_named(ctx.opts)


def _job_key_named(opts: Options) -> bool:
    """True when a speakers part names the job title's key itself (``position = "title"``): the record is the
    person, so its ``title`` is their job, whatever it reads like ("Dean, Faculty of Computer Science")."""
    return opts.kind == "speakers" and bool(opts.position or opts.person.get("title"))


def _parted(org: str, separator: str, count: int) -> list[str]:
    """One organisation value printed with the titles' separator ("Quarkly SAS; OpenRail Foundation" beside two
    titles), parted the same way when that gives one organisation per title, else kept whole.

    >>> _parted("Quarkly SAS; OpenRail Foundation", "; ", 2), _parted("Acme; Beta; Gamma", "; ", 2)
    (['Quarkly SAS', 'OpenRail Foundation'], ['Acme; Beta; Gamma'])
    """
    parts = _at_mark(org, separator) if separator else [org]
    return parts if len(parts) == count else [org]


def _both_parted(title: str, org: str) -> tuple[list[str], list[str]]:
    """A title and an organisation that both list jobs at one mark (";", "|" or a spaced "/"), as many each: paired
    in order; an unspaced "/" is a title's own ("AI/ML Lead").

    >>> _both_parted("Principal Engineer | Board Member", "Quarkly SAS | OpenRail"), _both_parted("CTO; Chair", "Acme")
    ((['Principal Engineer', 'Board Member'], ['Quarkly SAS', 'OpenRail']), (['CTO; Chair'], ['Acme']))
    >>> _both_parted("Chief Scientist / Visiting Professor", "Lumen Labs / TU Delft")
    (['Chief Scientist', 'Visiting Professor'], ['Lumen Labs', 'TU Delft'])
    >>> _both_parted("AI/ML Lead / Lecturer", "Lumen Labs / TU Delft"), _both_parted("AI/ML Lead", "Lumen/Delft")
    ((['AI/ML Lead', 'Lecturer'], ['Lumen Labs', 'TU Delft']), (['AI/ML Lead'], ['Lumen/Delft']))
    """
    for mark in (";", "|", " / "):
        count = len(_at_mark(title, mark))
        titles, orgs = _parted(title, mark, count), _parted(org, mark, count)
        if len(titles) > 1 and len(orgs) == len(titles):
            return titles, orgs
    return [title], [org]


def _at_mark(text: str, mark: str) -> list[str]:
    """``text`` parted at a mark, spaces around it aside; a "/" only with a space on each side ("AI/ML" is one).

    >>> _at_mark("AI/ML Lead / Lecturer", "/"), _at_mark("Acme;Beta", "; ")
    (['AI/ML Lead', 'Lecturer'], ['Acme', 'Beta'])
    """
    mark = mark.strip() or mark
    pattern = r"\s+/\s+" if mark == "/" else r"\s*" + re.escape(mark) + r"\s*"
    return [p for p in (part.strip() for part in re.split(pattern, text)) if p]


def _organisations(org: str, separator: str) -> list[str]:
    """The organisations one value lists beside one title: parted at the declared ``title_separator``, else at ";",
    "|" or a spaced "/" ("Oxford Institute / Qatar Institute"), when that gives two or more; else the value.

    >>> _organisations("Kestrel Institute / Tidewater Lab", ""), _organisations("Acme · Beta", " · ")
    (['Kestrel Institute', 'Tidewater Lab'], ['Acme', 'Beta'])
    >>> _organisations("Research & Development/Ops", ""), _organisations("UK Foreign, Commonwealth Office", "")
    (['Research & Development/Ops'], ['UK Foreign, Commonwealth Office'])
    """
    for mark in ((separator,) if separator else ()) + (";", "|", "/"):
        parts = _at_mark(org, mark)
        if len(parts) > 1:
            return parts
    return [org]


def _by_title(title: str, own: list[str], patterns: tuple[str, ...]) -> list[Position]:
    """One title's positions by the declared ``position_pattern``; paired with its own organisation when the
    pattern finds another."""
    found = _by_pattern(title, own, patterns)
    return found if found is not None else [Position(title=title, organisation=own[0] if own else None)]


def _by_pattern(title: str, orgs: list[str], patterns: tuple[str, ...], blank: bool = False) -> list[Position] | None:
    """A title split by the declared ``position_pattern``; beside an organisation field, only when the pattern's
    organisation is that one ("CTO at Acme" with "Acme Inc."), else ``None`` (the title and the field are paired)."""
    found = split_position(title, patterns)
    if not orgs:
        return found if any(p.organisation for p in found) or not blank else _with_employer(title) or found
    if len(found) == 1 and found[0].title and found[0].organisation and _same_org(found[0].organisation, orgs[0]):
        return [Position(found[0].title, orgs[0])] + [Position(organisation=o) for o in orgs[1:]]
    return None


def _with_employer(title: str) -> list[Position] | None:
    """The positions of a job key that prints the employer too, the organisation key empty ("Head of AI
    Security, Hanbit Cloud"; "Senior Fellow, Kestrel Council; Adjunct Professor, Vale University"), else ``None``.

    >>> [(p.title, p.organisation) for p in _with_employer("Head of AI Security, Hanbit Cloud")]
    [('Head of AI Security', 'Hanbit Cloud')]
    >>> _with_employer("VP, Security Engineering"), _with_employer("Senior Adviser")
    (None, None)
    """
    if "," not in title and ";" not in title:
        return None
    found = split_position(title, reading=FREE_TEXT)
    # "VP, Security Engineering": a field of work after the comma is the title's, not an employer
    return found if any(p.organisation and not ends_in_field(p.organisation) for p in found) else None


def _same_org(a: str, b: str) -> bool:
    """True when one organisation name starts the other ("Acme" and "ACME Inc.").

    >>> _same_org("Acme", "ACME Inc."), _same_org("Acme Labs", "Acme"), _same_org("Beta", "Acme")
    (True, True, False)
    """
    a, b = slugify(a), slugify(b)
    return bool(a and b) and (a == b or a.startswith(b + "-") or b.startswith(a + "-"))


def _org_positions(org: str, patterns: tuple[str, ...]) -> list[Position]:
    """The positions of an organisation field printed without a title: "Title, Org" split by a judged reading
    (``person_pattern.split_affiliation``: a first part reading as a job is the title; "Org, Country" and legal
    forms such as "S.p.A." stay whole); "Title @ Org" or "Title at Org" by the declared ``position_pattern``; a
    value with no comma that reads as a job is a title ("Independent consultant", ``_lone_job``), with the body
    it names when the judged reading parts one off ("Head of Research at Kestrel").

    >>> positions = lambda org: [(p.title, p.organisation) for p in _org_positions(org, ())]
    >>> positions("Independent consultant"), positions("Ambassador Club of Tidewater"), positions("Independent")
    ([('Independent consultant', None)], [(None, 'Ambassador Club of Tidewater')], [(None, 'Independent')])
    >>> positions("Head of Research at Kestrel"), positions("Ambassador of Examplia to Austria")
    ([('Head of Research', 'Kestrel')], [(None, 'Ambassador of Examplia to Austria')])
    """
    if re.search(r"[,;|]", org):
        return split_affiliation(org) or [Position(organisation=org)]
    found = split_position(org, patterns) if patterns else []
    if len(found) == 1 and found[0].title and found[0].organisation:
        return found
    if not _lone_job(org):
        return [Position(organisation=org)]
    if not _HEAD_END.search(org):
        return [Position(title=org)]
    # "Director General of EXNA", "Head of Research at Kestrel": a title and the body it names; an office of a state
    # ("Ambassador of Examplia to Austria") or a portfolio stays whole, for ingest.normalize to read its country
    found = split_affiliation(org)
    return found if found and all(p.title and p.organisation for p in found) else [Position(organisation=org)]


# where a title's head ends and what it heads begins ("Head | of Research", "Mayor | of Lyon"), and an adjective
# printed after the job word ("Director General", "directrice générale")
_HEAD_END = re.compile(r"\s+(?:of|for|at|to|in|on|with|de|du|des|der|für|di|del|della)\s|\s@\s", re.I)
_AFTER_JOB = re.compile(r"\s+(?:general|générale?|generale)$", re.I)


def _lone_job(text: str) -> bool:
    """True when a value printed alone in an organisation field reads as a job's title: its head (the words before
    "of", "at"…) ends in a job word (``ingest.tidy``'s, ``data/position_words.toml``'s or ``_MORE_JOB_WORDS``) and it
    names no body; a value naming no organisation ("Independent", "Freelance") is left to ``tidy.no_organisation``.

    >>> [_lone_job(t) for t in ("Independent consultant", "PhD candidate", "Mayor of Lyon", "Director General of EXNA")]
    [True, True, True, True]
    >>> [_lone_job(t) for t in ("Freelance", "Ambassador Club of Tidewater", "Student Union", "Board of Directors")]
    [False, False, False, False]
    """
    if no_organisation(text) or is_body(text):
        return False
    words = _AFTER_JOB.sub("", _HEAD_END.split(text, maxsplit=1)[0].strip()).split()
    return bool(words) and (has_job_word(words[-1]) or bool(_MORE_JOB_WORDS.search(words[-1])))


# words of a job title that ingest.tidy's job words leave out ("professor", "editor", "mayor"): the shared job nouns
_MORE_JOB_WORDS = re.compile(rf"\b(?:{JOB_NOUNS})\b", re.I)
_TALK_MARK = re.compile(r"[:?!\"“”]")  # "Open Data: Lessons", "Why Maps?"


def is_job_title(text: str) -> bool:
    """True when a value that may be a job's title or a talk's reads as a job's: a job word, or three words at most,
    and no colon or question mark.

    >>> is_job_title("Chief Data Officer"), is_job_title("PhD Candidate in Marine Biology"), is_job_title("Writer")
    (True, True, True)
    >>> is_job_title("Mapping Flood Risk with Open Data"), is_job_title("Why Every Agency Needs a Lead: A Story")
    (False, False)
    """
    if _TALK_MARK.search(text):
        return False
    return has_job_word(text) or bool(_MORE_JOB_WORDS.search(text)) or len(text.split()) <= 3


def without_org(title: str, org: str) -> str:
    """A job title without the organisation printed after it ("at Acme", ", Acme") when a field of its own names it.

    >>> without_org("Threat Researcher at Nordlicht Security", "Nordlicht Security"), without_org("CTO, Acme", "ACME")
    ('Threat Researcher', 'CTO')
    >>> without_org("Analyst @ the Acme Lab.", "Acme Lab"), without_org("Head of Acme Labs", "Acme Labs")
    ('Analyst', 'Head of Acme Labs')
    """
    m = re.fullmatch(rf"(.*?\w\S*)\s*(?:,|\s(?:at|@)|@)\s+(?:the\s+)?{re.escape(org)}\.?", title, re.I)
    return m.group(1) if m else title


def _own_org(position: Position) -> Position:
    """The position with its title cut before the organisation it names again."""
    if position.title and position.organisation:
        return replace(position, title=without_org(position.title, position.organisation))
    return position


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
                       honorific=row.honorific, positions=[replace(p) for p in row.positions],
                       country_label=row.country_label,
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
    talks = [_text(t) for t in _listed(ctx.get(record, opts.session_title))] if opts.session_title else []
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
            session.talk_title = talks[min(i, len(talks) - 1)] if talks else None
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
    """Stubs of one session merge, and so do records of one session printed a row per person (same id, or
    same title, day, times and room, timed); other sessions without an id get a key from their title, made
    distinct."""
    merged: dict[tuple, SessionPage] = {}
    kept, seen = [], defaultdict(int)
    for session in sessions:
        if session.title is None and session.key:
            first = merged.setdefault((session.date, session.key), session)
            if first is not session:
                first.rows += session.rows
                first.talk_title = _one_talk(first.talk_title, session.talk_title)
                continue
        elif (same := _same_session(session)) is not None:
            first = merged.setdefault(same, session)
            if first is not session:
                first.rows += session.rows
                continue
        if session.title is not None and not session.key and not session.permalink:
            session.key = slugify(session.title or "") or "session"
        if session.key:
            seen[(session.date, session.key)] += 1
            if seen[(session.date, session.key)] > 1:
                session.key = f"{session.key}-{seen[(session.date, session.key)]}"
        kept.append(session)
    sessions[:] = kept


def _one_talk(first: str | None, other: str | None) -> str | None:
    """The talk title of two stubs of one slot: the one they give, "" when they give two.

    >>> _one_talk("Maps", None), _one_talk(None, "Maps"), _one_talk("Maps", "Maps"), _one_talk("Maps", "Tides")
    ('Maps', 'Maps', 'Maps', '')
    """
    if first is None or other is None:
        return first if other is None else other
    return first if first == other else ""


def _same_session(session: SessionPage) -> tuple | None:
    """What makes two records one session: its id, else (when it is timed) its title, times and room."""
    if session.key:
        return ("id", session.date, session.key)
    if session.start is not None and session.title:
        return ("slot", session.date, session.title, session.start, session.end, session.room, session.permalink)
    return None


# --- dates and times ------------------------------------------------------------------------


def _times(ctx: _Context, record: dict, line: int | None):
    """(date, start, end, time label) of a record, or ``None`` when it has no date."""
    opts = ctx.opts
    # a start printed with a UTC offset is shown in the part's or site's zone: its day is the local day
    start_v, end_v = (zoned(unpacked(ctx.inherited(record, specs)), ctx.zone) for specs in (opts.start, opts.end))
    clock = zoned(ctx.inherited(record, opts.time), ctx.zone)
    # a time key may hold the whole date-time ("2023-06-07T09:10"): its day is the record's when no date key has one
    day = _day(ctx, record, start_v, line) or date_of(clock) or ctx.path_date
    day = day or (date.fromisoformat(opts.default_date) if opts.default_date else None) or _year_only(ctx)
    if day is None:
        return None
    if ctx.get(record, opts.start) is None and ctx.get(record, opts.time) is not None:
        start_v = None  # a talk's own "15:05" inside a slot that starts at 15:00
    start, end = moment(start_v, day, opts.time_format), moment(end_v, day, opts.time_format)
    label = None
    if start is None and clock is not None:
        label = None if date_of(clock) else clock_label(clock)
        start, t_end = clock_range(clock, day, opts.time_format)
        end = end or t_end
    length = minutes(ctx.get(record, opts.duration))
    if start is not None and length and (end is None or not _own_end(ctx, record)):
        end = start + timedelta(minutes=length)  # a lightning talk's own 5 minutes inside its slot's hour
    return day, start, end, label


def _day(ctx: _Context, record: dict, start_v, line: int | None) -> date | None:
    """The record's day: its date key's, else the day its start prints; a start printing a date and a local time
    ("2025-03-18 09:00:00") wins over a date key that disagrees (a WordPress event's "date" is the day its post was
    published), with a note once a file naming both keys. A start with a UTC offset a day off may be the same local
    day: the date key stays then."""
    printed = _date(ctx, ctx.inherited(record, ctx.opts.date), line)
    started = date_of(start_v)
    if not printed or not started or printed == started:
        return printed or started
    if not _timed(start_v) or not _local_moment(start_v) and abs((printed - started).days) <= 1:
        return printed
    if not ctx.day_noted:
        ctx.day_noted = True
        named = "" if "date" in ctx.opts.named else " (a default key the profile does not name)"
        keys = [_first_spec(ctx, record, specs) or " / ".join(specs) for specs in (ctx.opts.date, ctx.opts.start)]
        ctx.note(line, "date-mismatch", f"date key {keys[0]}{named} gives {printed}, start key {keys[1]} "
                                        f"{_text(start_v)!r} another day — the start's day kept (for every record of "
                                        "the file alike); name the key of the session's day in date = \"…\" if "
                                        "the start's is not it")
    return started


def _timed(value) -> bool:
    """True for a moment that prints a time of day, not a date alone.

    >>> _timed("2025-03-18 09:00:00"), _timed("June 7, 2023 9.10 am"), _timed("18.03.2025"), _timed(date(2025, 3, 18))
    (True, True, False, False)
    """
    return isinstance(value, datetime) or isinstance(value, str) and bool(_CLOCK.search(value))


_CLOCK = re.compile(r"\d:\d\d|\d\s*[ap]\.?m\b", re.I)


def _local_moment(value) -> bool:
    """True for a date-time printed without a UTC offset (a local time: its day is the local day).

    >>> _local_moment("2025-03-18 09:00:00"), _local_moment("2025-03-17T23:00:00Z"), _local_moment("09:00")
    (True, False, True)
    """
    if isinstance(value, datetime):
        return value.tzinfo is None
    return isinstance(value, str) and not re.search(r"(?:Z|[+-]\d\d:?\d\d)\s*$", value.strip())


def _own_end(ctx: _Context, record: dict) -> bool:
    """True when the record prints its end itself (an end key, or a time range of its own), not its slot's."""
    clock = ctx.get(record, ctx.opts.time)
    return ctx.get(record, ctx.opts.end) is not None or clock is not None and times.is_range(str(clock))


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
    found = numbered_day(text, ctx.opts.first_day, whole=True) or parse_date(text, ctx.opts.date_format, ctx.year)
    if found is None and text:
        ctx.note(line, "bad-date", f"date {text!r} is not a date the part can read — give date_format "
                                   "(e.g. \"%d %B %Y\", or \"%b%d\" with [site] year)")
    return found


def _text(value) -> str | None:
    """A value as one line of text, its character references decoded (a CMS export's "O&#39;Dwyer").

    >>> _text("Siobh&aacute;n  O&#39;Connell"), _text("R&D, Q&A &amp more"), _text(["a"])
    ("Siobhán O'Connell", 'R&D, Q&A &amp more', None)
    """
    if value is None or isinstance(value, dict | list | bool):
        return None
    text = " ".join(decoded(str(value)).split())
    return text or None



def _first_text(value) -> str | None:
    """A value as one line of text; of a list (``affiliations.*.country``), its first value that has one.

    >>> _first_text(["", "Ghana", "Togo"]), _first_text("Ghana"), _first_text([{"a": 1}])
    ('Ghana', 'Ghana', None)
    """
    items = value if isinstance(value, list) else [value]
    return next((text for text in map(_text, items) if text), None)


def _lines(value) -> str | None:
    """The value as text that keeps its line breaks (a cell printing a person a line), else as ``_text``."""
    text = _text(value)
    return "\n".join(" ".join(ln.split()) for ln in decoded(str(value)).splitlines() if ln.strip()) if text else None
