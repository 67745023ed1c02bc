"""The reader of pretalx schedule JSON: the API, the widget and frab-compatible exports, and regroupings of them.

pretalx exports its talks in several shapes, and sites regroup them (by day,
minute and room) in their build scripts. The reader does not hard-code one:
it walks the JSON for *submission-like* records — a ``code``, a ``title`` and
``speakers`` (or frab's ``persons``) — and reads each with the field names
pretalx uses:

- times: ``slot: {start, end, room}`` or ``slots: [...]`` (one session per slot),
  frab's ``date`` + ``duration``, the widget's ``start``/``end``, else the
  place the record sits at (``"2024-11-02" → "540"`` minutes since midnight);
- ``submission_type`` as a string, an i18n mapping ``{en, fr}`` or ``{id, name}``;
- speakers as mappings (``code``, ``name``) or bare codes, named from a
  ``speakers`` collection (a mapping keyed by code, or a list), which gives
  the biographies and avatars too;
- the API's speakers on their own (``speakers.json``: ``{count, next, results}``
  of ``code``, ``name``, ``biography``, ``answers``): a speaker page each, with the
  organisation and country answered to questions whose text names them
  ("Company", "Country"; ``ingest/answers.py``). A talk naming a code that its
  own file does not name links to that page (``/speakers/<code>/``).

A speaker's pretalx ``code`` is their identity (``/speakers/<code>/``), so the
same code is one person across editions. Sprints, workshops and plenaries stay
sessions, with their type as the format; a title or type naming a role
("Keynote: …", "Panel") gives it to the session's speakers.

>>> i18n({"en": "Short talk", "fr": "Conférence courte"}), i18n({"fr": "Atelier"}), i18n("Talk")
('Short talk', 'Atelier', 'Talk')
>>> i18n({"id": 4, "name": {"en": "Sprint", "fr": "Sprint"}}), i18n(None)
('Sprint', None)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ingest import session_roles
from ingest.answers import Answers
from ingest.countries import Countries
from ingest.embedded import Embedded
from ingest.export_values import moment as _when
from ingest.export_values import text as _str
from ingest.frab_event import duration
from ingest.reader_options import unknown_option
from ingest.records import Document, Note, Parsed, Row, SessionPage, SpeakerPage
from ingest.textlines import Lines

NAME = "pretalx"
EXPECTS = ()  # a schedule export prints no organisation or country
SUFFIXES = ("json",)
SELECTIVE = True
ROLE_LABEL = "Speaker"
OPTIONS = ("language", "role_label", "embedded", "unescape")
DROPPED_STATES = {"rejected", "withdrawn", "canceled", "cancelled", "deleted", "draft"}
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def detect(doc: Document) -> bool:
    """True for JSON holding pretalx submissions (records with a ``code``, a ``title`` and ``speakers``/``persons``)
    or a list of pretalx speakers (records with a ``code``, a ``name`` and their ``submissions`` or ``answers``)."""
    if doc.data is None:  # a broken file: reading it then says why
        return '"code"' in doc.body and '"submission_type"' in doc.body
    return any(True for _ in _submissions(doc.data, ())) or is_speaker_list(doc.data)


def is_speaker_list(data) -> bool:
    """True for the API's speakers (``{count, next, results: [...]}``, or the bare list): each a ``code``, a
    ``name`` and ``submissions`` or ``answers``.

    >>> is_speaker_list({"count": 1, "results": [{"code": "7XQZLM", "name": "Ann", "submissions": ["H3K"]}]})
    True
    >>> is_speaker_list([{"code": "X", "name": "Ann"}]), is_speaker_list({"results": []})
    (False, False)
    """
    records = data.get("results") if isinstance(data, dict) else data
    return isinstance(records, list) and bool(records) and all(
        isinstance(r, dict) and _str(r.get("code")) and _name(r) and
        (isinstance(r.get("submissions"), list) or isinstance(r.get("answers"), list)) for r in records)


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first unknown or bad option."""
    _options(options)


@dataclass
class _Context:
    """What a read needs beside the JSON: names of speakers, rooms and tracks, the language, the lines."""

    path: str
    lines: Lines
    language: str
    role_label: str
    speakers: dict[str, dict] = field(default_factory=dict)  # code -> the fullest speaker record
    rooms: dict[str, str] = field(default_factory=dict)  # id -> name
    tracks: dict[str, str] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    seen: set = field(default_factory=set)  # (code, start) already read
    per_day: dict = field(default_factory=dict)  # (code, date) -> sessions so far


def read(doc: Document, countries: Countries | None = None, settings=None, **options) -> Parsed:
    """One session per scheduled slot of each submission, one row per speaker, a speaker page per code."""
    language, role_label, embedded = _options(options)
    data, _ = embedded.load(doc)
    parsed = Parsed(doc=doc, reader=NAME)
    ctx = _Context(doc.path, Lines(doc.body), language, role_label, notes=parsed.notes)
    _index(data, ctx)
    for record, where in _submissions(data, ()):
        parsed.sessions += read_submission(record, where, ctx)
    parsed.speakers = [speaker_page(code, record, ctx) for code, record in ctx.speakers.items()]
    if not parsed.sessions and not parsed.speakers:
        parsed.notes.append(Note(doc.path, None, "skipped-file", "no scheduled pretalx submission nor speaker in "
                                 "this file — a frab JSON schedule without codes is read with reader = \"frab\""))
    return parsed


def _options(options: dict) -> tuple[str, str, Embedded]:
    unknown = [k for k in options if k not in OPTIONS]
    if unknown:
        raise ValueError(unknown_option(unknown[0], OPTIONS, NAME))
    for key in ("language", "role_label"):
        if not isinstance(options.get(key, ""), str):
            raise ValueError(f"{key} must be a string, not {options[key]!r}")
    return options.get("language", "en"), options.get("role_label", ROLE_LABEL), Embedded.from_options(options)


# --- finding records ------------------------------------------------------------------------


def _submissions(node, where: tuple):
    """Submission-like records and the keys of the mappings above them (day, minute, room of a regrouping)."""
    if isinstance(node, dict):
        if _is_submission(node):
            yield node, where
            return
        for key, value in node.items():
            if isinstance(value, dict | list):
                yield from _submissions(value, where + (str(key),))
    elif isinstance(node, list):
        for value in node:
            yield from _submissions(value, where)


def _is_submission(node: dict) -> bool:
    people = node.get("speakers", node.get("persons"))
    code = node.get("code")  # never empty in pretalx (Indico's contributions print "code": "")
    return isinstance(code, str) and bool(code.strip()) and bool(i18n(node.get("title"))) and isinstance(people, list)


def _index(data, ctx: _Context) -> None:
    """Speakers by code, rooms and tracks by id, from anywhere in the JSON.

    A speaker's record in a ``speakers`` collection wins over the copies inside
    submissions, then the fuller one.
    """
    ranks: dict[str, tuple] = {}
    stack = [(data, False)]
    while stack:
        node, in_collection = stack.pop()
        if isinstance(node, list):
            stack += [(v, in_collection) for v in node]
            continue
        if not isinstance(node, dict):
            continue
        code = node.get("code")
        if isinstance(code, str) and not _is_submission(node) and ("name" in node or "public_name" in node):
            rank = (in_collection, bool(_str(node.get("biography"))), len(node))
            if code not in ranks or rank > ranks[code]:
                ranks[code], ctx.speakers[code] = rank, node
        for key, names in (("rooms", ctx.rooms), ("tracks", ctx.tracks)):
            for item in node.get(key, ()) if isinstance(node.get(key), list) else ():
                if isinstance(item, dict) and item.get("id") is not None and i18n(item.get("name")):
                    names[str(item["id"])] = i18n(item["name"], ctx.language)
        inside, keyed = _is_submission(node), in_collection and "code" not in node  # {code: record}
        stack += [(v, not inside and (k == "speakers" or keyed)) for k, v in node.items() if isinstance(v, dict | list)]


# --- sessions ---------------------------------------------------------------------------------


def read_submission(record: dict, where: tuple, ctx: _Context) -> list[SessionPage]:
    """The sessions of one submission: one per slot (the slot its place in a regrouping names, if any)."""
    code = record["code"]
    line = ctx.lines.json_key("code", code)
    title = i18n(record.get("title"), ctx.language)
    state = str(record.get("state") or "").lower()
    if state in DROPPED_STATES:
        ctx.notes.append(Note(ctx.path, line, "skipped-row", f"submission {code} ({title}) is {state} — skipped"))
        return []
    slots = _slots(record, where, ctx)
    if not slots:
        ctx.notes.append(Note(ctx.path, line, "skipped-row", f"submission {code} ({title}) has no slot in the "
                                                             "schedule — skipped"))
        return []
    sessions = []
    for start, end, room in slots:
        if (code, start) in ctx.seen:
            continue  # a regrouping may list a submission once per slot, each time with all its slots
        ctx.seen.add((code, start))
        same_day = ctx.per_day[code, start.date()] = ctx.per_day.get((code, start.date()), 0) + 1
        session = SessionPage(path=ctx.path, title=title, date=start.date(), start=start, end=end,
                              permalink=f"/talks/{code}/" if same_day == 1 else f"/talks/{code}-{same_day}/",
                              format=i18n(record.get("submission_type"), ctx.language) or _str(record.get("type")),
                              room=room, track=_track(record.get("track"), ctx),
                              abstract=_str(record.get("abstract")) or _str(record.get("description")) or "")
        session.rows = [r for r in (_row(p, line, ctx) for p in record.get("speakers", record.get("persons")))
                        if r]
        described = (_str(record.get(key)) for key in ("abstract", "description"))
        session_roles.described_people(session, "\n".join(filter(None, described)), line, ctx.role_label)
        session_roles.apply(session, ctx.role_label)  # "Keynote: …", a "Panel" type: their people's role
        sessions.append(session)
    return sessions


def _slots(record: dict, where: tuple, ctx: _Context) -> list[tuple[datetime, datetime | None, str | None]]:
    """(start, end, room) of each slot; in a regrouping, only the slot the record's place names."""
    found = []
    slots = record.get("slots") if isinstance(record.get("slots"), list) else [record.get("slot")]
    for slot in slots:
        if isinstance(slot, dict) and _when(slot.get("start")):
            found.append((_when(slot["start"]), _when(slot.get("end")), _room(slot, ctx)))
    if not found and _when(record.get("date") or record.get("start")):  # frab JSON, the widget
        start = _when(record.get("date") or record.get("start"))
        length = duration(str(record.get("duration") or ""))
        end = _when(record.get("end")) or (start + length if length else None)
        found.append((start, end, _room(record, ctx)))
    placed = _placed(where)
    if placed is None:
        return found
    day, minutes, room_id = placed
    here = [s for s in found if s[0].date() == day and (minutes is None or s[0].hour * 60 + s[0].minute == minutes)]
    if here or minutes is None:
        return here or found
    zone = found[0][0].tzinfo if found else None  # naive otherwise: the profile's time zone applies
    start = datetime.combine(day, datetime.min.time(), zone) + timedelta(minutes=minutes)
    return [(start, None, ctx.rooms.get(room_id or ""))]


def _placed(where: tuple) -> tuple[date, int | None, str | None] | None:
    """The day, minute and room of a regrouping ``… → "2024-11-02" → "540" → "1"`` above a record.

    >>> _placed(("schedule", "2024-11-02", "540", "1")), _placed(("talks",))
    ((datetime.date(2024, 11, 2), 540, '1'), None)
    """
    for i, key in enumerate(where):
        if _DAY.match(key):
            rest = where[i + 1:]
            minutes = int(rest[0]) if rest and rest[0].isdigit() and int(rest[0]) < 48 * 60 else None
            try:
                return date.fromisoformat(key), minutes, rest[1] if minutes is not None and len(rest) > 1 else None
            except ValueError:
                return None
    return None


def _room(slot: dict, ctx: _Context) -> str | None:
    room = slot.get("room")
    if isinstance(room, dict):
        return i18n(room.get("name", room), ctx.language)
    if isinstance(room, int) or isinstance(room, str) and room.isdigit() and room in ctx.rooms:
        return ctx.rooms.get(str(room))
    if room:
        return i18n(room, ctx.language)
    room_id = slot.get("room_id")
    return ctx.rooms.get(str(room_id)) if room_id is not None else None


def _track(track, ctx: _Context) -> str | None:
    if isinstance(track, int):
        return ctx.tracks.get(str(track))
    if isinstance(track, dict) and "name" in track:
        return i18n(track["name"], ctx.language)
    return i18n(track, ctx.language)


def _row(person, session_line: int | None, ctx: _Context) -> Row | None:
    """A speaker of a submission: a mapping (code, name) or a bare code named from the speakers collection;
    a code named nowhere in this file links to the page a speakers file of the site gives it (``speakers.json``)."""
    printed = isinstance(person, dict)
    code = _str(person.get("code")) if printed else _str(person)
    known = ctx.speakers.get(code or "", {})
    name = _name(known) or (_name(person) if printed else None)
    if not name and not code:
        ctx.notes.append(Note(ctx.path, session_line, "skipped-row", f"speaker {person!r} has neither a name nor "
                                                                     "a code — skipped"))
        return None
    line = ctx.lines.json_key("code", code) if printed and code else session_line
    return Row(line=line, role_label=ctx.role_label, printed_name=name or code,
               link=f"/speakers/{code}/" if code else None, name_printed=printed and bool(_name(person)))


def speaker_page(code: str, record: dict, ctx: _Context) -> SpeakerPage:
    """A speaker's page from their record: name, biography, avatar, and the organisation and country they
    answered (questions whose text names them: "Company", "Country")."""
    answered = Answers.of(_answers(record, ctx.language))
    return SpeakerPage(path=ctx.path, line=ctx.lines.json_key("code", code), permalink=f"/speakers/{code}/",
                       printed_name=_name(record) or code, biography=_str(record.get("biography")) or "",
                       image=_str(record.get("avatar_url") or record.get("avatar")),
                       positions=answered.positions(),
                       country_label=answered.country)


def _answers(record: dict, language: str) -> list[tuple[str | None, object]]:
    """(question text, answer) of a speaker's answers: the question a mapping ``{question: {en: …}}`` or text."""
    found = []
    for item in record.get("answers") or () if isinstance(record.get("answers"), list) else ():
        if isinstance(item, dict):
            question = item.get("question")
            text = i18n(question.get("question"), language) if isinstance(question, dict) else i18n(question)
            found.append((text, item.get("answer")))
    return found


# --- values -----------------------------------------------------------------------------------


def i18n(value, language: str = "en") -> str | None:
    """Text of a pretalx value: a string, an i18n mapping (``language`` first), or ``{id, name}``."""
    if isinstance(value, dict):
        if "name" in value and not isinstance(value.get(language), str):
            return i18n(value["name"], language)
        text = value.get(language) if isinstance(value.get(language), str) else None
        text = text or next((v for v in value.values() if isinstance(v, str) and v.strip()), None)
        return _str(text)
    return _str(value) if isinstance(value, str) else None


def _name(record: dict) -> str | None:
    return _str(record.get("name")) or _str(record.get("public_name"))

