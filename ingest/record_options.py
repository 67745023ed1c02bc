"""The options of a ``records`` part (``ingest.datarecords``): glom specs naming where each field is.

Each field option is a glom spec — a dotted path (``speaker.name``, ``categories.0``) — or a
list of them, the first that gives a value winning. Options are validated on load and a bad
one is named, with the closest known option (see docs/sites.md, "Data files").

>>> opts = Options.from_options({"records": "program", "roles": {"moderator": "Moderator"}})
>>> opts.records, opts.roles, opts.kind
('program', {'moderator': 'Moderator'}, 'sessions')
>>> Options.from_options({"name": "fullname"}).kind, Options.from_options({"name": "fullname"}).person_spec("name")
('speakers', ('fullname',))
>>> Options.from_options({"record": "x"})
Traceback (most recent call last):
ValueError: unknown option 'record' (did you mean 'records'?)
>>> Options.from_options({"person": {"nmae": "x"}})
Traceback (most recent call last):
ValueError: person: unknown key 'nmae' (did you mean 'name'?)
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, fields
import re
from datetime import date, datetime

from ingest.person_pattern import check_patterns

PERSON_KEYS = {
    "name": ("name", "fullname", "fullName", "full_name", "Name"),
    # when no name field is filled: the given and family names, joined ("firstName" + "lastName")
    "given_name": ("given_name", "givenName", "first_name", "firstName", "firstname"),
    "family_name": ("family_name", "familyName", "last_name", "lastName", "lastname", "surname"),
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
_TOP = {"name": "name", "given_name": "given_name", "family_name": "family_name", "honorific": "honorific",
        "title": "position", "organisation": "organisation", "link": "link", "id": "id", "country": "country", "biography": "biography", "image": "image"}
_KINDS = ("sessions", "speakers")


@dataclass(frozen=True)
class Options:
    """Where a part's data files keep their records and fields (see docs/sites.md, "Data files")."""

    kind: str = "sessions"
    records: str = ""  # glom path to the list of records; "" = the file is the list
    skip: tuple[str, ...] = ()  # a record whose value here is true is skipped
    skip_when: dict = field(default_factory=dict)  # key path -> value(s): a record holding one is skipped
    fill_down: tuple[str, ...] = ()  # keys a row left empty takes from the rows above (a spreadsheet's blanks)
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
    persons_text: tuple[str, ...] = ()  # text keys (HTML or Markdown: a description) whose labelled lines, lists
    # and speaker links name people too (ingest.record_text)
    role_label: str = "Speaker"
    persons_are: str = "people"  # "people" (names or mappings) or "ids" (references to speaker records)
    person: dict = field(default_factory=dict)  # per-person specs, keys of PERSON_KEYS
    person_pattern: tuple[str, ...] = ()  # e.g. ["Name, Title, Org"]; none: a string is a name
    position_pattern: tuple[str, ...] = ()  # e.g. ["Title @ Org", "Title, Org"]: split a person's title value (or
    # an organisation value printed without a title: "SRE @ Acme" under affiliation)
    people_separators: tuple[str, ...] = ()  # e.g. [" and ", " & "]: several people in one name (people who each
    # print a position are parted at ";", line breaks, a spaced " / " or " | " and " and " without it, and at a
    # declared one before the patterns: datarecords.people_pieces)
    title_separator: str = ""  # e.g. " · ": several titles in one string, paired with organisations (a list, or
    # one value the same separator parts into as many; one title beside several organisations is held at each)
    link_template: str = "/speakers/{id}/"  # a person id -> the link a speaker record has as permalink
    # speaker records (kind = "speakers"): the person's fields, and where the record places itself
    name: tuple[str, ...] = ()
    given_name: tuple[str, ...] = ()  # with family_name, when no key holds the whole name ("prénom" and "nom")
    family_name: tuple[str, ...] = ()
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
    session_title: tuple[str, ...] = ()  # its talk's title there: titles a slot printed as its format only
    # dates
    date_format: tuple[str, ...] = ()  # strptime formats; without %Y the year comes from the path or [site] year
    time_format: tuple[str, ...] = ()
    year_from: str = ""  # "path": the edition's year is the first 19xx/20xx in the file path
    date_from: str = ""  # "path": the date is written in the file name (with date_format)
    default_date: str = ""  # ISO date for records that carry none
    first_day: str = ""  # ISO date of day 1: "day2" in a file name (date_from = "path") or a value is the day after
    # JSON inside code (ingest.embedded)
    embedded: str = ""
    unescape: str = "none"
    # the options the profile gives (set by from_options, never by a profile): a default key is not a named one
    named: frozenset = field(default=frozenset(), compare=False)

    @classmethod
    def from_options(cls, options: dict) -> Options:
        """The defaults overridden by a profile part's options; ``ValueError`` names a bad option."""
        known = {f.name: f for f in fields(cls) if f.name != "named"}
        values = {}
        for name, value in options.items():
            if name not in known:
                raise ValueError(_unknown("unknown option", name, known))
            values[name] = _option(name, value, known[name].type)
        if "kind" not in values and any(values.get(k) for k in set(_TOP.values()) - {"id"} | {"session_date"}):
            values["kind"] = "speakers"  # a part that names a person's fields reads speaker records
        opts = cls(**values, named=frozenset(options))
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
        if name == "skip_when":
            return _skip_table(value)
        if not all(isinstance(v, str) for v in value.values()):
            raise ValueError(f"{name} must map keys to role labels, e.g. roles = {{ moderator = \"Moderator\" }}")
        return dict(value)
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ValueError(f"{name} must be a key path or a list of them, not {value!r}")
    return tuple(items)


def _skip_table(table: dict) -> dict:
    """``{key path: (values…)}`` from ``skip_when = { entryType = "Break", active = ["N", "no"] }``."""
    out = {}
    for key, value in table.items():
        values = [value] if isinstance(value, (str, int, bool)) else value
        if not isinstance(values, list) or not all(isinstance(v, (str, int, bool)) for v in values):
            raise ValueError(f"skip_when: {key} must be a value or a list of values, e.g. skip_when = "
                             f"{{ {key} = \"Break\" }}, not {value!r}")
        out[key] = tuple(str(v).strip().lower() for v in values)
    return out


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
    for name in ("date_format", "time_format"):
        for fmt in getattr(opts, name):
            try:
                datetime.strptime("", fmt)
            except ValueError:
                pass  # the empty text fits no format: the format itself is sound
            except re.error as exc:
                raise ValueError(f"{name} {fmt!r} is no strptime format ({exc}): one directive per part of the "
                                 "text, e.g. \"%H:%M\"; a time range is read without a format") from None
    for name in ("default_date", "first_day"):
        if getattr(opts, name):
            try:
                date.fromisoformat(getattr(opts, name))
            except ValueError:
                raise ValueError(f"{name} must be an ISO date such as 2024-03-16, not "
                                 f"{getattr(opts, name)!r}") from None
    if opts.embedded:
        from ingest.embedded import Embedded

        Embedded.from_options({"embedded": opts.embedded, "unescape": opts.unescape})
