"""The reader of iCalendar (``.ics``) programmes, as Sched, Indico, pretalx or a shared calendar export them.

The ``icalendar`` library parses the file; each ``VEVENT`` that names a person is a
session: ``SUMMARY`` its title, ``DTSTART``/``DTEND`` (or ``DURATION``) its times in
their ``TZID`` or UTC (an all-day event: its date alone; a floating time: in the
calendar's ``X-WR-TIMEZONE``, else the profile's ``timezone``), ``LOCATION`` its room
(the part before a comma or a bracketed venue), ``CATEGORIES`` its format (the first
that names one) and track (the first other), ``UID`` its key, ``URL`` its permalink and
``DESCRIPTION`` its abstract. The people are the description's labelled lines,
read as a programme's people lines are (``ingest/agenda.py``): "Speakers: Ann Lee
(Acme), Bo Chan (Beta)", "Moderator: Cy Dee, Editor, Daily", "Presented by …", or a
label alone on a line over one person a line. pretalx prints its speakers after
the title ("Title - Ann Lee, Bo Chan", with a ``pretalx-…`` UID): they are read
from there. ``ATTENDEE`` and ``ORGANIZER`` are never people of the session: they
are a meeting's invitees and the calendar's owner (Outlook marks the organiser an
attendee with ``ROLE=CHAIR``), not its speakers. A title or format naming a role
("Keynote: …", ``CATEGORIES:Panel``) gives it to the people a plain speaker's
label names (``ingest/session_roles.py``). Rows carry the line of the event's
``DESCRIPTION`` (else of its ``BEGIN:VEVENT``).

>>> room("Sala Tejo, Centro de Congressos"), room("Room 1 (Main Building)"), room("  ")
('Sala Tejo', 'Room 1', None)
>>> [(p.name, p.label) for p in described("Speakers: Ann Lee (Acme), Bo Chan (Beta)\\n\\nAbout it.")[0]]
[('Ann Lee', 'Speakers'), ('Bo Chan', 'Speakers')]
>>> described("Moderator: Cy Dee, Editor, Daily\\nAbout it.")[1]
'About it.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone, tzinfo
from itertools import zip_longest

from icalendar import Calendar
from icalendar.parser import Contentline

from graph.errors import IngestError
from graph.ids import slugify
from ingest import agenda, session_roles
from ingest.countries import Countries
from ingest.html_page import Line
from ingest.names import split_name
from ingest.people_text import role_prefix
from ingest.person_line import Person
from ingest.person_pattern import looks_like_name
from ingest.profile import zone
from ingest.reader_options import unknown_option
from ingest.records import Document, Note, Parsed, Row, SessionPage
from ingest.roles import role_of
from ingest.tidy import not_a_person
from ingest.times import shown_in

NAME = "ical"
EXPECTS = ()  # a calendar prints an organisation only where a description puts one in brackets
SUFFIXES = ("ics",)
SELECTIVE = True
DEFAULTS = {"role_label": "Speaker"}
_FIX = "fix the file (export the calendar again) or exclude it in the profile"
_FORMATS = re.compile(r"workshop|tutorial|seminar|session|plenary|masterclass|demo|poster|\bbof\b|sprint|break", re.I)


def detect(doc: Document) -> bool:
    """True for any ``.ics`` file: the suffix is the format's own, and a broken one then says why when read."""
    return doc.suffix == "ics"


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first unknown or bad option."""
    for key, value in options.items():
        if key not in DEFAULTS:
            raise ValueError(unknown_option(key, DEFAULTS, NAME))
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{key} must be a string, not {value!r}")


def read(doc: Document, countries: Countries | None = None, settings=None, **options) -> Parsed:
    """One session per event naming a person, one row per person it names."""
    try:
        check(options)
    except ValueError as exc:
        raise IngestError(doc.path, f"bad [[parts]] option of the ical reader: {exc}") from None
    opts = {**DEFAULTS, **options}
    layout = Layout.of(doc.body)
    parsed = Parsed(doc=doc, reader=NAME)
    site_zone = settings.tz if settings else None
    events = [(event, _floating_zone(calendar) or site_zone) for calendar in _calendars(doc, layout)
              for event in calendar.walk("VEVENT")]
    if not events:
        parsed.notes.append(Note(doc.path, None, "skipped-file", "calendar holds no VEVENT — nothing to read"))
    parsed.notes += [Note(doc.path, line, "bad-line", f"{why} — line ignored") for line, why in layout.faults]
    for (event, floating), lines in zip_longest(events, layout.events[:len(events)], fillvalue=(None, None)):
        found = session(doc.path, event, lines, floating, parsed.notes, opts)
        if found is not None:
            parsed.sessions.append(found)
    naive = [s for s in parsed.sessions if s.start and s.start.tzinfo is None]
    if naive and not (settings and settings.timezone):
        parsed.notes.append(Note(doc.path, None, "no-zone", f"{len(naive)} event times have no offset (floating, or "
                                 "an unknown TZID, and no X-WR-TIMEZONE) — kept so; give [site] timezone in the "
                                 "profile"))
    return parsed


def _calendars(doc: Document, layout: Layout) -> list[Calendar]:
    """The calendars of the file; ``IngestError`` with the line when the library refuses it or a BEGIN is never
    closed (the library then drops what it opened, silently)."""
    try:
        calendars = Calendar.from_ical(doc.body, multiple=True)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        line, why = layout.faults[0] if layout.faults else layout.unclosed or (1, str(exc).split("\n")[0])
        raise IngestError(doc.path, f"is not a valid iCalendar file: {why} — {_FIX}", line) from None
    if layout.unclosed:
        line, why = layout.unclosed
        raise IngestError(doc.path, f"is not a valid iCalendar file: {why} (cut short?) — {_FIX}", line)
    return calendars


def _floating_zone(calendar: Calendar) -> tzinfo | None:
    try:
        return zone(str(calendar.get("X-WR-TIMEZONE") or ""))
    except ValueError:
        return None


def session(path: str, event, lines: tuple, floating: tzinfo | None, notes: list[Note],
            opts: dict) -> SessionPage | None:
    """The session of one ``VEVENT``, a row per person it names; ``None`` (with a note) when it names nobody, has
    no title or no start, or is cancelled."""
    event_line, description_line = lines
    title, people, abstract = _text(event)
    begin = _moment(event, "DTSTART")
    why = _unread(event, title, begin, people)
    if why:
        name = title or _text_of(event, "UID")
        notes.append(Note(path, event_line, "skipped-row", f"event {name!r} {why} — skipped"))
        return None
    start, end = _times(event, begin, floating)
    formats, tracks = _categories(event)
    uid = _text_of(event, "UID")
    found = SessionPage(path=path, title=title, permalink=_text_of(event, "URL"), date=start.date() if start else begin,
                        start=start, end=end, format=formats, track=tracks, room=room(_text_of(event, "LOCATION")),
                        abstract=abstract)
    found.key = _key(uid, title)
    found.rows = [Row(line=description_line or event_line, role_label=p.label or opts["role_label"],
                      printed_name=p.name, link=None, positions=p.positions) for p in people]
    for label in {row.role_label for row in found.rows if role_of(row.role_label) == "speaker"}:
        session_roles.apply(found, label)  # "Closing Keynote: …" over "Speakers: A": a keynote
    return found


def _times(event, begin: date, floating: tzinfo | None) -> tuple[datetime | None, datetime | None]:
    """Start and end of a timed event (``DTEND``, else ``DTSTART`` + ``DURATION``); none for an all-day one."""
    if not isinstance(begin, datetime):
        return None, None
    end = _moment(event, "DTEND") if event.get("DTEND") else begin + event.duration if event.get("DURATION") else None
    return _zoned(begin, floating), _zoned(end, floating) if isinstance(end, datetime) else None


def _unread(event, title: str | None, begin, people: list[Person]) -> str | None:
    if str(event.get("STATUS", "")).upper() == "CANCELLED":
        return "is cancelled"
    if not title:
        return "has no SUMMARY (title)"
    if not isinstance(begin, date):
        return f"has no readable DTSTART ({_text_of(event, 'DTSTART') or 'none'})"
    if not people and (printed := agenda.labelled_line(str(event.get("DESCRIPTION", "")))):
        return (f"prints people in its DESCRIPTION ({printed[:80]!r}) but they could not be split into names; "
                "print them as \"Name (Organisation)\" separated by \";\", or one a line")
    if not people:
        attendees = len(event.attendees)
        also = f" (its {attendees} ATTENDEE entries are invitees, not speakers)" if attendees else ""
        return f"names nobody in its DESCRIPTION{also}"
    return None


def _text(event) -> tuple[str | None, list[Person], str]:
    """The title, the people and the abstract of an event."""
    title = " ".join(str(event.get("SUMMARY", "")).split()) or None
    people, abstract = described(str(event.get("DESCRIPTION", "")))
    uid = _text_of(event, "UID") or ""
    if title and uid.startswith("pretalx-") and " - " in title:  # pretalx: "Title - Ann Lee, Bo Chan"
        title, names = title.rsplit(" - ", 1)
        listed = described(f"Speakers: {names}")[0]
        for person in listed:
            person.label = None  # printed with no label: the reader's role label
        people = listed + people
    return title, people, abstract


def described(description: str) -> tuple[list[Person], str]:
    """The people a description names on its labelled lines, and the rest of it (the abstract)."""
    people, rest, label = [], [], None
    for text in (s for line in description.replace("\r\n", "\n").split("\n") for s in _sentences(line)):
        printed = " ".join(text.split())
        own, named = role_prefix(printed)
        if not own and (guest := _with_guest(printed)):  # "With H.E. Ann Lee, Ambassador of …": the speaker
            printed, own, named = f"Speaker: {guest}", "Speaker", guest
        if own and not named:  # "Speakers:" alone: the lines under it, up to a blank one, name people
            label = own
            continue
        if not printed:
            label = None
        elif label and not own:
            printed, own = f"{label}: {printed}", label
        found = _people(printed) if own and len(printed) <= 300 else []
        people += found
        if not found:
            rest.append(text)
    return people, "\n".join(rest).strip()


# an event's guest after "with" opening its line: "With Dr Ann Lee, …", "A fireside chat with Air Marshal Bo Li, …"
_WITH = re.compile(r"^(?:(?:an?\s+)?(?:fireside\s+chat|conversation|discussion|talk|lecture|evening|dialogue)\s+)?"
                   r"with\s+", re.I)


def _with_guest(printed: str) -> str | None:
    """The person a line opening with "with" names first, as printed, else ``None`` ("With the support of …").

    >>> _with_guest("With H.E. Ann Lee, Ambassador of Estonia to Examplia"), _with_guest("With the support of X")
    ('H.E. Ann Lee, Ambassador of Estonia to Examplia', None)
    """
    m = _WITH.match(printed)
    if not m:
        return None
    rest = printed[m.end():].rstrip(" .")
    head = re.split(r"\s*[,(]", rest, maxsplit=1)[0]
    return rest if looks_like_name(head) and not not_a_person(head) else None


# the end of a sentence before the next: after a word's small letters or a bracket ("… (Riga Technical University).
# With …"), not after an initial or an honorific ("Dr. Ann Lee")
_SENTENCE = re.compile(r"(?:(?<=[^\W\dA-Z_]{2})|(?<=\)))\.\s+(?=[A-ZÀ-Ý])")


def _sentences(line: str) -> list[str]:
    """A line led by a role, one sentence a piece ("Moderated by A (X). With B (Y) and C."), as each names its own;
    any other line whole.

    >>> _sentences("Moderated by Ilze Kalniņa (RTU). With Rasa Vaitkutė (KMIC) and Agnieszka Wróbel.")
    ['Moderated by Ilze Kalniņa (RTU)', 'With Rasa Vaitkutė (KMIC) and Agnieszka Wróbel.']
    >>> _sentences("Moderated by Dr. Ann Lee"), _sentences("Chair: Capt. Lena Sato"), _sentences("A talk. About it.")
    (['Moderated by Dr. Ann Lee'], ['Chair: Capt. Lena Sato'], ['A talk. About it.'])
    """
    if not role_prefix(" ".join(line.split()))[0]:
        return [line]
    pieces, start = [], 0
    for cut in _SENTENCE.finditer(line):
        word = line[:cut.start()].split()[-1]
        if not split_name(f"{word}. Ann Lee").honorific:  # "Capt. Lena Sato": the honorific's full stop
            pieces.append(line[start:cut.start()])
            start = cut.end()
    return [*pieces, line[start:]]


def _people(printed: str) -> list[Person]:
    found = []
    for line in agenda.split_labelled([Line(printed)]):
        found += agenda.named(agenda.people_strings(line.text))
    return found


def room(location: str | None) -> str | None:
    """The room of a ``LOCATION``: the part before a comma or a bracketed venue (Indico: "Room (Venue)")."""
    text = " ".join((location or "").split())
    head = re.sub(r"\s*\([^()]*\)$", "", text).split(",")[0].strip()
    return head or text or None


def _categories(event) -> tuple[str | None, str | None]:
    """The first category naming a session format ("Keynote", "Workshop"), and the first other (the track)."""
    names = [" ".join(str(c).split()) for c in event.categories]
    formats = [c for c in names if c and (role_of(c) or _FORMATS.search(c))]
    tracks = [c for c in names if c and c not in formats]
    return (formats[0] if formats else None), (tracks[0] if tracks else None)


_PRETALX_UID = re.compile(r"pretalx-.+-(?P<code>[A-Z0-9]{5,8})", re.I)


def _key(uid: str | None, title: str | None) -> str:
    """The session's key: its UID before the "@", a pretalx UID's submission code alone ("pretalx-ev-QX7KPA@…" is
    the talk the pretalx export keys "qx7kpa": one session when a site saves both).

    >>> _key("hf31-001@forum.example.org", "Talk"), _key("pretalx-harbour-31-QX7KPA@pretalx.example.org", "Talk")
    ('hf31-001', 'qx7kpa')
    """
    head = (uid or "").partition("@")[0]
    if m := _PRETALX_UID.fullmatch(head):
        return slugify(m.group("code"))
    return (slugify(head) or slugify(uid or "") or slugify(title or ""))[:80]


def _moment(event, key: str):
    """A ``DTSTART``/``DTEND`` as a date or datetime; ``None`` when missing or unreadable."""
    try:
        value = event.decoded(key)
    except (KeyError, ValueError, TypeError):
        return None
    return value if isinstance(value, date) else None


def _zoned(value: datetime, floating: tzinfo | None) -> datetime:
    """A floating time in the calendar's zone; a UTC time ("…T121500Z") shown in it too, as the same instant: the
    programme of that event prints 14:15 (+02:00), and a session printed by both must have one start.

    >>> from zoneinfo import ZoneInfo
    >>> _zoned(datetime(2031, 9, 19, 12, 15, tzinfo=timezone.utc), ZoneInfo("Europe/Amsterdam")).isoformat()
    '2031-09-19T14:15:00+02:00'
    """
    if value.tzinfo is None:
        return value.replace(tzinfo=floating) if floating else value
    if value.tzinfo.utcoffset(value) == timedelta(0) and value.tzname() in ("UTC", "Z", "GMT"):
        return shown_in(value, floating)
    return value


def _text_of(event, key: str) -> str | None:
    value = event.get(key)
    return " ".join(str(value).split()) or None if value is not None else None


@dataclass
class Layout:
    """Where a calendar's events sit in its text, and its lines that are no content line: the library keeps no
    line numbers, so this walk over its content lines gives them to rows and messages."""

    events: list[tuple[int, int | None]] = field(default_factory=list)  # (BEGIN:VEVENT line, DESCRIPTION line)
    faults: list[tuple[int, str]] = field(default_factory=list)
    unclosed: tuple[int, str] | None = None

    @classmethod
    def of(cls, text: str) -> Layout:
        """The layout of an iCalendar text (folded lines unfolded, as RFC 5545 folds them)."""
        layout, open_ = cls(), []
        for number, line in _unfolded(text):
            try:
                name, _, value = Contentline(line).parts()
            except ValueError:
                layout.faults.append((number, f"{line[:60]!r} is no NAME:value content line"))
                continue
            layout._step(number, name.upper(), value.strip().upper(), open_)
        if open_:
            layout.unclosed = (open_[-1][1], f"BEGIN:{open_[-1][0]} has no END:{open_[-1][0]}")
        return layout

    def _step(self, number: int, name: str, value: str, open_: list[tuple[str, int]]) -> None:
        if name == "BEGIN":
            open_.append((value, number))
            if value == "VEVENT":
                self.events.append((number, None))
        elif name == "END" and open_ and open_[-1][0] == value:
            open_.pop()
        elif name == "DESCRIPTION" and open_ and open_[-1][0] == "VEVENT" and self.events[-1][1] is None:
            self.events[-1] = (self.events[-1][0], number)


def _unfolded(text: str) -> list[tuple[int, str]]:
    """The content lines of ``text`` with their first line (a line opening with a space or tab continues the last)."""
    out: list[list] = []
    for number, raw in enumerate(text.split("\n"), 1):
        if raw[:1] in (" ", "\t") and out:
            out[-1][1] += raw[1:]
        elif raw.strip():
            out.append([number, raw.rstrip("\r")])
    return [(number, line) for number, line in out]
