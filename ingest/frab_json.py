"""frab's JSON schedule (``schedule.json`` of frab and the c3voc tools), read as the frab reader reads ``schedule.xml``.

``{"schedule": {"conference": {"days": [{"date", "day_start", "rooms": {"Room": [events]}}]}}}``,
each event with ``id``, ``guid``, ``date`` (ISO with offset), ``start``,
``duration``, ``room``, ``title``, ``track``, ``type``, ``abstract`` and
``persons: [{id, public_name | name}]``. A file whose events carry a pretalx
``code`` is pretalx's (its reader keys people by their codes), unless a profile
names the frab reader for it.

>>> event = {"id": 5, "title": "Hi", "start": "10:00", "persons": [{"id": 7, "public_name": "Ann"}]}
>>> doc = Document("s.json", "", {}, '{}', 0, data={"schedule": {"conference": {"days": [{"date": "2031-12-27",
...     "rooms": {"Hall": [event]}}]}}})
>>> detect(doc), [(e.ident, e.room, [p.name for p in e.persons]) for e in events(doc.data, Lines(""))]
(True, [('5', 'Hall', ['Ann'])])
"""

from __future__ import annotations

from graph.errors import IngestError
from ingest.export_values import text as _str
from ingest.frab_event import Event, Person, session, speaker_pages
from ingest.records import Document, Parsed
from ingest.textlines import Lines

NAME = "frab"


def detect(doc: Document) -> bool:
    """True for a frab JSON schedule whose events carry no pretalx ``code``."""
    if doc.data is None:  # a broken file: reading it then says why
        return '"schedule"' in doc.body[:4096] and '"days"' in doc.body and '"persons"' in doc.body
    found = list(_raw_events(doc.data))
    return bool(found) and not any(_str(event.get("code")) for _, _, event in found)


def read(doc: Document, opts: dict) -> Parsed:
    """One session per event naming a person, one row per person, a speaker page per person id."""
    if not _days(doc.data):
        raise IngestError(doc.path, "is not a frab JSON schedule (no schedule → conference → days) — "
                                    "read it with another reader, or exclude it in the profile")
    parsed = Parsed(doc=doc, reader=NAME)
    for event in events(doc.data, Lines(doc.body)):
        found = session(doc.path, event, parsed.notes, opts)
        if found is not None:
            parsed.sessions.append(found)
    parsed.speakers = speaker_pages(parsed.sessions)
    return parsed


def events(data, lines: Lines) -> list[Event]:
    """The events of the schedule in file order, as plain values."""
    return [_event(day, room, event, lines) for day, room, event in _raw_events(data)]


def _days(data) -> list:
    schedule = data.get("schedule") if isinstance(data, dict) else None
    conference = schedule.get("conference") if isinstance(schedule, dict) else None
    days = conference.get("days") if isinstance(conference, dict) else None
    return [d for d in days if isinstance(d, dict)] if isinstance(days, list) else []


def _raw_events(data):
    """(day, room name, event) of every event mapping under ``days → rooms``."""
    for day in _days(data):
        rooms = day.get("rooms")
        for room, listed in rooms.items() if isinstance(rooms, dict) else ():
            for event in listed if isinstance(listed, list) else ():
                if isinstance(event, dict):
                    yield day, room, event


def _event(day: dict, room: str, event: dict, lines: Lines) -> Event:
    ident = _ident(event)
    line = lines.json_key("guid", event["guid"]) if _str(event.get("guid")) else lines.json_key("id", event.get("id"))
    return Event(ident=ident, title=_str(event.get("title")), stamp=_str(event.get("date")),
                 clock=_str(event.get("start")), length=_str(event.get("duration")), day=_str(day.get("date")),
                 day_start=_str(day.get("day_start") or day.get("start")),
                 room=_str(event.get("room")) or _str(room), track=_str(event.get("track")),
                 format=_str(event.get("type")),
                 abstract=_str(event.get("abstract")) or _str(event.get("description")) or "",
                 printed="\n".join(v for v in (event.get("abstract"), event.get("description")) if isinstance(v, str)),
                 line=line, persons=[p for p in (_person(item, lines) for item in event.get("persons") or ()) if p])


def _person(item, lines: Lines) -> Person | None:
    """A person as ``{id, public_name | name | full_name}`` (or a bare name); their line when they have an id."""
    if isinstance(item, str):
        return Person(" ".join(item.split()), None, None) if item.strip() else None
    if not isinstance(item, dict):
        return None
    name = " ".join((_str(item.get("public_name")) or _str(item.get("name")) or _str(item.get("full_name"))
                     or "").split())
    if not name:
        return None
    key, ident = next(((k, item[k]) for k in ("id", "code", "guid") if _value(item.get(k))), (None, None))
    return Person(name, _value(ident), lines.json_key(key, ident) if key else None)


def _ident(event: dict) -> str | None:
    return _value(event.get("id")) or _value(event.get("guid"))


def _value(value) -> str | None:
    """An id as text: a string or a whole number (not a boolean)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    return _str(value)
