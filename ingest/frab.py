"""The reader of frab/Pentabarf ``schedule.xml``, the schedule export of frab, pretalx and the CCC Fahrplan.

``<schedule><conference/><day date><room name><event guid id>`` with ``date``
(ISO with offset), ``start`` (``11:00``), ``duration`` (``01:00``), ``room``,
``title``, ``track``, ``type``, ``language``, ``abstract``, ``description`` and
``<persons><person id>name</person></persons>``. One session per event, one
row per person, and a speaker page per person id, where the schedule first
names them; a person's ``id`` is their identity (``/speakers/<id>/``), so the
same person joins across events and editions of one frab instance. Recognised by
its root element, without a profile. Options of a profile part: ``person_link``
(default ``/speakers/{id}/``; e.g. ``/speakers/{id}-fosdem/`` keeps the ids of two
frab instances apart — put the id first: a trailing year-like number is taken
off a link) and ``role_label`` (default ``Speaker``).

>>> duration("01:30"), duration("00:05:00"), duration("1:00:00:00"), duration("soon")
(datetime.timedelta(seconds=5400), datetime.timedelta(seconds=300), datetime.timedelta(days=1), None)
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from graph.errors import IngestError
from ingest.countries import Countries
from ingest.reader_options import unknown_option
from ingest.records import Document, Note, Parsed, Row, SessionPage, SpeakerPage
from ingest.textlines import Lines

NAME = "frab"
EXPECTS = ()  # a schedule export prints no organisation or country
SUFFIXES = ("xml",)
SELECTIVE = True
ROLE_LABEL = "Speaker"
DEFAULTS = {"person_link": "/speakers/{id}/", "role_label": ROLE_LABEL}


def detect(doc: Document) -> bool:
    """True for a frab ``schedule.xml``: a ``<schedule>`` root holding ``<day>`` or ``<conference>``."""
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
    """One session per ``<event>``, one row per ``<person>``, a speaker page per person id."""
    try:
        opts = _options(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad [[parts]] option of the frab reader: {exc}") from None
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
                session = read_event(doc.path, day, room, event, lines, parsed.notes, opts)
                if session is not None:
                    parsed.sessions.append(session)
    parsed.speakers = speaker_pages(parsed.sessions)
    return parsed


def speaker_pages(sessions: list[SessionPage]) -> list[SpeakerPage]:
    """A page per person id, where the schedule first names them: the links of their rows resolve to it."""
    pages: dict[str, SpeakerPage] = {}
    for session in sessions:
        for row in session.rows:
            if row.link and row.link not in pages:
                pages[row.link] = SpeakerPage(path=session.path, line=row.line, permalink=row.link,
                                              printed_name=row.printed_name)
    return list(pages.values())


def read_event(path: str, day, room, event, lines: Lines, notes: list[Note], opts: dict = DEFAULTS
               ) -> SessionPage | None:
    """A session from one ``<event>``: title, times, room, track, type, abstract, persons."""
    event_id = event.get("id") or event.get("guid")
    line = lines.xml_element("event", event_id)
    title = _text(event, "title")
    if not title:
        notes.append(Note(path, line, "skipped-row", f"event {event_id} has no <title> — skipped"))
        return None
    start = event_start(day, event)
    if start is None:
        notes.append(Note(path, line, "skipped-row", f"event {event_id} ({title}) has no <date> nor <day date> "
                                                     "with <start> — skipped"))
        return None
    length = duration(_text(event, "duration") or "")
    session = SessionPage(path=path, title=title, permalink=f"/events/{event_id}/" if event_id else None,
                          date=start.date(), start=start, end=start + length if length is not None else None,
                          format=_text(event, "type"), room=_text(event, "room") or room.get("name"),
                          track=_text(event, "track"),
                          abstract=_text(event, "abstract") or _text(event, "description") or "")
    persons = event.find("persons")
    for person in persons.findall("person") if persons is not None else ():
        name = " ".join((person.text or "").split())
        if not name:
            continue
        pid = person.get("id")
        session.rows.append(Row(line=lines.xml_element("person", pid) if pid else line, role_label=opts["role_label"],
                                printed_name=name, link=opts["person_link"].replace("{id}", pid) if pid else None))
    return session


def event_start(day, event) -> datetime | None:
    """The event's start: its ISO ``<date>``, else the day's date and ``<start>`` (after midnight: the next day)."""
    stamp = _text(event, "date")
    if stamp and "T" in stamp:
        try:
            return datetime.fromisoformat(stamp)
        except ValueError:
            pass
    clock = _clock(_text(event, "start"))
    try:
        day_date = date.fromisoformat(day.get("date") or "")
    except ValueError:
        return None
    if clock is None:
        return None
    start = datetime.combine(day_date, clock)
    day_start = _day_start(day)
    if day_start is not None:
        if clock < day_start.time():  # days run past midnight: 01:00 on the day of 27 Dec is 28 Dec
            start += timedelta(days=1)
        start = start.replace(tzinfo=day_start.tzinfo)
    return start


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


def _day_start(day) -> datetime | None:
    try:
        return datetime.fromisoformat(day.get("start") or "")
    except ValueError:
        return None


def _clock(text: str | None) -> time | None:
    m = re.fullmatch(r"(\d{1,2}):(\d{2})(?::\d{2})?", (text or "").strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    return time(int(m.group(1)), int(m.group(2)))


def _text(element, tag: str) -> str | None:
    child = element.find(tag)
    text = " ".join((child.text or "").split()) if child is not None else ""
    return text or None
