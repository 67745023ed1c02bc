"""A frab event as plain values, and the session it makes: what ``schedule.xml`` and ``schedule.json`` share.

The XML and the JSON schedule of frab (and of pretalx and the c3voc tools) name
the same fields — ``date`` (ISO with offset), ``start`` (``11:00``),
``duration`` (``01:00``), ``room``, ``title``, ``track``, ``type``,
``abstract``, ``persons`` — so each reader turns an event into an ``Event`` and
this module makes the session: times, room, rows, and the role its title or
type names ("Keynote: …", type ``Keynote`` or ``podium``).

>>> duration("01:30"), duration("00:05:00"), duration("1:00:00:00"), duration("soon")
(datetime.timedelta(seconds=5400), datetime.timedelta(seconds=300), datetime.timedelta(days=1), None)
>>> start(Event("1", "T", clock="01:00", day="2031-12-27", day_start="2031-12-27T11:00:00+01:00"))
datetime.datetime(2031, 12, 28, 1, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=3600)))
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from ingest import agenda, session_roles
from ingest.person_pattern import looks_like_name
from ingest.records import Note, Row, SessionPage, SpeakerPage

DEFAULTS = {"person_link": "/speakers/{id}/", "role_label": "Speaker"}


@dataclass
class Person:
    """A person of an event: the printed name, the frab id (if any) and the line it is printed on."""

    name: str
    ident: str | None
    line: int | None


@dataclass
class Event:
    """What one frab event prints, as text, and the day it sits in."""

    ident: str | None
    title: str | None
    stamp: str | None = None  # the ISO <date>
    clock: str | None = None  # <start>
    length: str | None = None  # <duration>
    day: str | None = None  # the day's date
    day_start: str | None = None  # the day's ISO start: an earlier clock is past midnight
    room: str | None = None
    track: str | None = None
    format: str | None = None
    abstract: str = ""
    printed: str = ""  # the abstract and description with their line breaks ("Moderation: Jan Reimers" on a line)
    line: int | None = None
    persons: list[Person] = field(default_factory=list)


def session(path: str, event: Event, notes: list[Note], opts: dict = DEFAULTS) -> SessionPage | None:
    """The session of an event, with a row per person; ``None`` (with a note) without title, time or person."""
    why = _unread(event)
    if why:
        notes.append(Note(path, event.line, "skipped-row", f"event {event.ident} ({event.title}) {why} — skipped"))
        return None
    begin = start(event)
    length = duration(event.length or "")
    found = SessionPage(path=path, title=event.title, permalink=f"/events/{event.ident}/" if event.ident else None,
                        date=begin.date(), start=begin, end=begin + length if length is not None else None,
                        format=event.format, room=event.room, track=event.track, abstract=event.abstract)
    found.rows = [_row(person, event.line, opts) for person in event.persons]
    session_roles.apply(found, opts["role_label"])
    session_roles.described_people(found, event.printed or event.abstract, event.line, opts["role_label"])
    return found


def _unread(event: Event) -> str | None:
    if not event.title:
        return "has no title"
    if start(event) is None:
        return "has no date nor day date with a start time"
    if not event.persons:
        return "names nobody"
    return None


def _row(person: Person, event_line: int | None, opts: dict) -> Row:
    link = opts["person_link"].replace("{id}", person.ident) if person.ident else None
    name, positions = bracketed(without_handle(person.name))
    return Row(line=person.line or event_line, role_label=opts["role_label"], printed_name=name, link=link,
               positions=positions)


_PRONOUNS = re.compile(r"(?:she|he|they|ze|xe|any)(?:\s*/\s*\w+)+", re.I)


def bracketed(name: str) -> tuple[str, list]:
    """A public name printed with an organisation in brackets ("Kadri Tamm (Ministry of Justice)"): the name and
    that position; pronouns in brackets are no organisation.

    >>> bracketed("Kadri Tamm (Ministry of Justice)")[0], bracketed("Ann Lee (she/her)"), bracketed("moonbeam")
    ('Kadri Tamm', ('Ann Lee', []), ('moonbeam', []))
    """
    m = re.fullmatch(r"(?P<head>[^()]*\S)\s*\((?P<inner>[^()]+)\)", name)
    if not m:
        return name, []
    if _PRONOUNS.fullmatch(m.group("inner").strip()):
        return m.group("head"), []
    found = agenda.person(name)
    return (found.name, found.positions) if found.name else (name, [])


def without_handle(name: str) -> str:
    """A name printed with the person's handle after a slash ("Martin Haase/maha"): the name; a handle alone or a
    name with a slash of its own ("AC/DC Fan") stays as printed.

    >>> without_handle("Ines Kaltwasser/ika"), without_handle("moonbeam"), without_handle("Jo / Bo")
    ('Ines Kaltwasser', 'moonbeam', 'Jo / Bo')
    """
    m = re.fullmatch(r"(?P<name>[^/]*\S\s+\S[^/]*)/(?P<handle>[\w.-]+)", name)
    return m.group("name").strip() if m and looks_like_name(m.group("name")) else name


def speaker_pages(sessions: list[SessionPage]) -> list[SpeakerPage]:
    """A page per person id, where the schedule first names them: the links of their rows resolve to it."""
    pages: dict[str, SpeakerPage] = {}
    for found in sessions:
        for row in found.rows:
            if row.link and row.link not in pages:
                pages[row.link] = SpeakerPage(path=found.path, line=row.line, permalink=row.link,
                                              printed_name=row.printed_name)
    return list(pages.values())


def start(event: Event) -> datetime | None:
    """The event's start: its ISO date, else the day's date and the clock (before the day's start: the next day)."""
    if event.stamp and "T" in event.stamp:
        try:
            return datetime.fromisoformat(event.stamp)
        except ValueError:
            pass
    clock = _clock(event.clock)
    try:
        day_date = date.fromisoformat(event.day or "")
    except ValueError:
        return None
    if clock is None:
        return None
    begin = datetime.combine(day_date, clock)
    day_start = _moment(event.day_start)
    if day_start is not None:
        if clock < day_start.time():  # days run past midnight: 01:00 on the day of 27 Dec is 28 Dec
            begin += timedelta(days=1)
        begin = begin.replace(tzinfo=day_start.tzinfo)
    return begin


def duration(text: str) -> timedelta | None:
    """A frab duration, ``HH:MM``, ``HH:MM:SS`` or ``D:HH:MM:SS``, as a ``timedelta``."""
    parts = text.strip().split(":")
    if not 2 <= len(parts) <= 4 or not all(p.isdigit() for p in parts):
        return None
    numbers = [int(p) for p in parts]
    if len(parts) == 2:
        return timedelta(hours=numbers[0], minutes=numbers[1])
    if len(parts) == 3:
        return timedelta(hours=numbers[0], minutes=numbers[1], seconds=numbers[2])
    return timedelta(days=numbers[0], hours=numbers[1], minutes=numbers[2], seconds=numbers[3])


def _moment(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text or "")
    except ValueError:
        return None


def _clock(text: str | None) -> time | None:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", (text or "").strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return time(int(m.group(1)), int(m.group(2)))
