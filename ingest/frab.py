"""The reader of frab/Pentabarf schedules, ``schedule.xml`` and ``schedule.json``, of frab, pretalx and CCC Fahrplan.

``<schedule><conference/><day date><room name><event guid id>`` with ``date``
(ISO with offset), ``start`` (``11:00``), ``duration`` (``01:00``), ``room``,
``title``, ``track``, ``type``, ``language``, ``abstract``, ``description`` and
``<persons><person id>name</person></persons>``; the JSON schedule holds the same
fields (``ingest/frab_json.py``). One session per event that names a person, one
row per person, and a speaker page per person id, where the schedule first
names them; a person's ``id`` is their identity (``/speakers/<id>/``), so the
same person joins across events and editions of one frab instance. A title or
type naming a role ("Keynote: …", ``<type>podium</type>``) gives it to the
event's people. Recognised by its root element (the JSON: by its
``schedule → conference → days``), without a profile. Options of a profile
part: ``person_link`` (default ``/speakers/{id}/``; e.g. ``/speakers/{id}-fosdem/``
keeps the ids of two frab instances apart — put the id first: a trailing
year-like number is taken off a link) and ``role_label`` (default ``Speaker``).
"""

from __future__ import annotations

import re

from graph.errors import IngestError
from ingest import frab_json
from ingest.countries import Countries
from ingest.frab_event import DEFAULTS, Event, Person, session, speaker_pages
from ingest.reader_options import unknown_option
from ingest.records import Document, Note, Parsed
from ingest.textlines import Lines

NAME = "frab"
EXPECTS = ()  # a schedule export prints no organisation or country
SUFFIXES = ("xml", "json")
SELECTIVE = True
ROLE_LABEL = DEFAULTS["role_label"]


def detect(doc: Document) -> bool:
    """True for a frab ``schedule.xml`` (a ``<schedule>`` root holding ``<day>`` or ``<conference>``) or a frab
    JSON schedule."""
    if doc.suffix == "json":
        return frab_json.detect(doc)
    root = doc.data
    if root is None:  # a broken file still says what it is: reading it then reports why it is broken
        return bool(re.search(r"<schedule[\s>]", doc.body[:4096])) and "<day" in doc.body
    return getattr(root, "tag", None) == "schedule" and (root.find("day") is not None or
                                                        root.find("conference") is not None)


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first unknown or bad option."""
    _options(options)


def _options(options: dict) -> dict:
    for key, value in options.items():
        if key not in DEFAULTS:
            raise ValueError(unknown_option(key, DEFAULTS, NAME))
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{key} must be a string, not {value!r}")
    if "{id}" not in options.get("person_link", "{id}"):
        raise ValueError("person_link must contain {id}, e.g. \"/speakers/{id}/\"")
    return {**DEFAULTS, **options}


def read(doc: Document, countries: Countries | None = None, settings=None, **options) -> Parsed:
    """One session per event naming a person, one row per person, a speaker page per person id."""
    try:
        opts = _options(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad [[parts]] option of the frab reader: {exc}") from None
    if doc.suffix == "json":
        return frab_json.read(doc, opts)
    if doc.data is None or getattr(doc.data, "tag", None) != "schedule":
        raise IngestError(doc.path, "is not a frab schedule.xml (no <schedule> root element) — "
                                    "read it with another reader, or exclude it in the profile")
    parsed = Parsed(doc=doc, reader=NAME)
    lines = Lines(doc.body)
    days = doc.data.findall("day")
    if not days:
        parsed.notes.append(Note(doc.path, None, "skipped-file", "schedule.xml has no <day> — nothing to read"))
    for day in days:
        for room in day.findall("room"):
            for event in room.findall("event"):
                found = session(doc.path, xml_event(day, room, event, lines), parsed.notes, opts)
                if found is not None:
                    parsed.sessions.append(found)
    parsed.speakers = speaker_pages(parsed.sessions)
    return parsed


def xml_event(day, room, event, lines: Lines) -> Event:
    """The values of one ``<event>`` of a ``<day>`` and ``<room>``, with the lines of it and its persons."""
    ident = event.get("id") or event.get("guid")
    return Event(ident=ident, title=_text(event, "title"), stamp=_text(event, "date"), clock=_text(event, "start"),
                 length=_text(event, "duration"), day=day.get("date"), day_start=day.get("start"),
                 room=_text(event, "room") or room.get("name"), track=_text(event, "track"),
                 format=_text(event, "type"), abstract=_text(event, "abstract") or _text(event, "description") or "",
                 printed="\n".join(event.findtext(k) or "" for k in ("abstract", "description")),
                 line=lines.xml_element("event", ident), persons=_persons(event, lines))


def _persons(event, lines: Lines) -> list[Person]:
    persons = event.find("persons")
    found = []
    for person in persons.findall("person") if persons is not None else ():
        name, pid = " ".join((person.text or "").split()), person.get("id")
        if name:
            found.append(Person(name, pid, lines.xml_element("person", pid) if pid else None))
    return found


def _text(element, tag: str) -> str | None:
    child = element.find(tag)
    text = " ".join((child.text or "").split()) if child is not None else ""
    return text or None
