"""The reader of Sessionize JSON exports: the "All" export, and the "Sessions" and grid exports.

The "All" export holds ``sessions`` (``title``, ``startsAt``/``endsAt`` in the
event's local time, ``speakers`` as a list of UUIDs, ``roomId``,
``categoryItems``), ``speakers`` (``id``, ``fullName``, ``tagLine``, ``bio``,
``profilePicture``, ``links``), ``rooms`` and ``categories``. The other exports
nest sessions in groups or rooms and give speakers as ``{id, name}``: the reader
walks the JSON for session-like records rather than expecting one shape.

A speaker's Sessionize id is their identity (``/speakers/<uuid>/``) unless the
profile says ``identity = "name"`` (a series whose other editions print only
names). A ``tagLine`` becomes a position only when it reads as one —
"Title, Org", "Title at Org", "Title @ Org", "Title - Org", or a job title
alone ("Robotics Engineer") — never a slogan. A speaker's ``questionAnswers``
give the organisation and the country, by the text of their question in the
export's ``questions`` ("Company", "Country"; ``ingest/answers.py``): the
organisation of a tag line that names none. A "Keynote" or "Panel" format, or a
title "Keynote: …", gives the session's speakers that role.
Times are local: the profile's ``timezone`` gives their offset. The export may
sit inside code: ``embedded`` and ``unescape`` (see ``ingest/embedded.py``).

>>> [(p.title, p.organisation) for p in tagline_positions("Engineering Manager, Bunnings")]
[('Engineering Manager', 'Bunnings')]
>>> [(p.title, p.organisation) for p in tagline_positions("Manager @ Cloud Co | CEO @ Shoutly | Community Leader")]
[('Manager', 'Cloud Co'), ('CEO', 'Shoutly')]
>>> tagline_positions("I like long walks on the beach"), tagline_positions("Developer, Speaker, Mentor, Dog Lover")
([], [])
>>> [(p.title, p.organisation) for p in tagline_positions("Jane Roe, Principal Consultant, Arkham", "Jane Roe")]
[('Principal Consultant', 'Arkham')]
>>> [(p.title, p.organisation) for p in tagline_positions("Staff Data Engineer | Quokka Labs")]
[('Staff Data Engineer', 'Quokka Labs')]
>>> tagline_positions("Developer Advocate | Speaker"), bare_title("Open Source Maintainer")
([], 'Open Source Maintainer')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ingest import session_roles
from ingest.answers import Answers
from ingest.countries import Countries
from ingest.embedded import Embedded
from ingest.export_values import moment, text as _str
from ingest.reader_options import unknown_option
from ingest.position_words import SELF_WORDS
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.textlines import Lines

NAME = "sessionize"
EXPECTS = ("organisation",)  # a tag line may name one; a country only where the event asked for it
SUFFIXES = ("json",)
SELECTIVE = True
OPTIONS = ("identity", "role_label", "format_category", "track_category", "embedded", "unescape")
DEFAULTS = {"identity": "id", "role_label": "Speaker",
            "format_category": ["Session format", "Format", "Session type", "Type"],
            "track_category": ["Track", "Tracks", "Topic"]}
_DROPPED = {"declined", "cancelled", "canceled", "rejected"}
_JOB = re.compile(
    r"\b(ceo|cto|cio|cfo|coo|ciso|vp|director|manager|engineer|engineering|developer|officer|president|founder|"
    r"co-?founder|chief|lead|head|architect|consultant|analyst|scientist|researcher|designer|advocate|evangelist|"
    r"coach|writer|partner|owner|principal|senior|staff|junior|specialist|administrator|mvp|advisor|adviser|"
    r"programmer|tester|strategist|product|professor|lecturer|student|intern|editor|maintainer|contributor|"
    r"committer|organi[sz]er)s?\b", re.I)
_AT = re.compile(r"^(?P<title>.+?)\s+(?:at|@)\s+(?P<org>.+)$", re.I)
_PAIR = re.compile(r"^(?P<a>[^,]+?)\s*(?:,|\s[-–—]\s)\s*(?P<b>[^,]+)$")
_BARE = re.compile(r"^[^,;|@!?()]+$")  # one phrase: no list, no "@ Org", no sentence


def detect(doc: Document) -> bool:
    """True for a Sessionize export: session records with ``startsAt`` and speakers, or its ``sessions``/``speakers``."""
    data = doc.data
    if data is None:  # a broken file: reading it then says why
        return '"startsAt"' in doc.body and '"speakers"' in doc.body
    return any(True for _ in _sessions(data))


def check(options: dict) -> None:
    """Raise ``ValueError`` naming the first unknown or bad option."""
    _Options.from_options(options)


@dataclass(frozen=True)
class _Options:
    identity: str = "id"
    role_label: str = "Speaker"
    format_category: tuple[str, ...] = tuple(DEFAULTS["format_category"])
    track_category: tuple[str, ...] = tuple(DEFAULTS["track_category"])
    embedded: Embedded = field(default_factory=Embedded)

    @classmethod
    def from_options(cls, options: dict) -> _Options:
        unknown = [k for k in options if k not in OPTIONS]
        if unknown:
            raise ValueError(unknown_option(unknown[0], OPTIONS, NAME))
        identity = options.get("identity", "id")
        if identity not in ("id", "name"):
            raise ValueError(f"identity must be \"id\" (the Sessionize speaker id) or \"name\", not {identity!r}")
        if not isinstance(options.get("role_label", ""), str):
            raise ValueError(f"role_label must be a string, not {options['role_label']!r}")
        lists = {}
        for key in ("format_category", "track_category"):
            value = options.get(key, DEFAULTS[key])
            value = [value] if isinstance(value, str) else value
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{key} must be a category title or a list of them, not {value!r}")
            lists[key] = tuple(v.lower() for v in value)
        return cls(identity, options.get("role_label", "Speaker"), embedded=Embedded.from_options(options), **lists)


@dataclass
class _Context:
    path: str
    options: _Options
    lines: Lines
    notes: list[Note]
    speakers: dict[str, dict] = field(default_factory=dict)  # id -> speaker record
    rooms: dict[str, str] = field(default_factory=dict)
    categories: dict[str, tuple[str, str]] = field(default_factory=dict)  # item id -> (category title, item name)
    questions: dict[str, str] = field(default_factory=dict)  # question id -> its text


def read(doc: Document, countries: Countries | None = None, settings=None, **options) -> Parsed:
    """One session per scheduled session, one row per speaker, a speaker page per speaker record."""
    opts = _Options.from_options(options)
    data, _ = opts.embedded.load(doc)
    parsed = Parsed(doc=doc, reader=NAME)
    ctx = _Context(doc.path, opts, Lines(doc.body), parsed.notes)
    _index(data, ctx)
    seen = set()
    for record in _sessions(data):
        key = record.get("id") or id(record)
        if key in seen:  # the grid export lists a session under its room and again under its time slot
            continue
        seen.add(key)
        session = read_session(record, ctx)
        if session is not None:
            parsed.sessions.append(session)
    parsed.speakers = [speaker_page(record, ctx) for record in ctx.speakers.values()]
    naive = [s for s in parsed.sessions if s.start and s.start.tzinfo is None]
    if naive and not (settings and settings.timezone):
        parsed.notes.append(Note(doc.path, None, "no-zone", f"{len(naive)} session times are local times without "
                                 "offset — kept without offset; give the site's [site] timezone in the profile"))
    return parsed


# --- finding records ------------------------------------------------------------------------


def _sessions(node):
    """Session-like records: a ``title``, a ``startsAt`` key and a ``speakers`` list."""
    if isinstance(node, dict):
        if "startsAt" in node and isinstance(node.get("title"), str) and isinstance(node.get("speakers"), list):
            yield node
            return
        for value in node.values():
            yield from _sessions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sessions(value)


def _index(data, ctx: _Context) -> None:
    """Speaker records, rooms and category items by id, from the export's top-level lists."""
    if not isinstance(data, dict):
        return
    for record in data.get("speakers") or ():
        if isinstance(record, dict) and record.get("id") and _full_name(record):
            ctx.speakers[str(record["id"])] = record
    for room in data.get("rooms") or ():
        if isinstance(room, dict) and room.get("id") is not None:
            ctx.rooms[str(room["id"])] = _str(room.get("name")) or ""
    for category in data.get("categories") or ():
        for item in category.get("items") or () if isinstance(category, dict) else ():
            if isinstance(item, dict) and item.get("id") is not None:
                ctx.categories[str(item["id"])] = (str(category.get("title") or "").lower(), _str(item.get("name")))
    for question in data.get("questions") or ():
        if isinstance(question, dict) and question.get("id") is not None:
            ctx.questions[str(question["id"])] = _str(question.get("question")) or ""


# --- sessions ---------------------------------------------------------------------------------


def read_session(record: dict, ctx: _Context) -> SessionPage | None:
    """A session: title, local times, room, format and track from its categories, speakers."""
    sid = str(record.get("id") or "")
    line = ctx.lines.json_key("id", record.get("id")) if sid else None
    title = _str(record.get("title"))
    status = str(record.get("status") or "").lower()
    why = (f"is {status}" if status in _DROPPED else "is a service session (a break) with no speaker"
           if record.get("isServiceSession") and not record["speakers"] else None)
    if why is None and not _moment(record.get("startsAt")):
        why = "has no startsAt time in the schedule"
    if why:
        ctx.notes.append(Note(ctx.path, line, "skipped-row", f"session {sid} ({title}) {why} — skipped"))
        return None
    start = _moment(record["startsAt"])
    categories = _categories(record, ctx)
    session = SessionPage(path=ctx.path, title=title, permalink=f"/sessions/{sid}/" if sid else None,
                          date=start.date(), start=start, end=_moment(record.get("endsAt")),
                          room=ctx.rooms.get(str(record.get("roomId"))) or _str(record.get("room")),
                          format=_category(categories, ctx.options.format_category),
                          track=_category(categories, ctx.options.track_category),
                          abstract=_str(record.get("description")) or "")
    session.rows = [r for r in (_row(item, line, ctx) for item in record["speakers"]) if r]
    session_roles.described_people(session, session.abstract, line, ctx.options.role_label)  # "Moderated by …"
    session_roles.apply(session, ctx.options.role_label)  # "Keynote: …", a "Panel" format: their people's role
    return session


def _categories(record: dict, ctx: _Context) -> list[tuple[str, str]]:
    """(category title, item name) of a session: item ids ("All"), or nested categories ("Sessions")."""
    found = [ctx.categories[str(i)] for i in record.get("categoryItems") or () if str(i) in ctx.categories]
    for category in record.get("categories") or ():
        if isinstance(category, dict):
            found += [(str(category.get("name") or "").lower(), _str(item.get("name")))
                      for item in category.get("categoryItems") or () if isinstance(item, dict)]
    return found


def _category(categories: list[tuple[str, str]], titles: tuple[str, ...]) -> str | None:
    return next((name for title, name in categories if title in titles and name), None)


def _row(item, session_line: int | None, ctx: _Context) -> Row | None:
    """A speaker of a session: an id of the speakers list, or ``{id, name}``."""
    sid = str(item.get("id") if isinstance(item, dict) else item or "")
    record = ctx.speakers.get(sid)
    name = _full_name(record) if record else _str(item.get("name")) if isinstance(item, dict) else None
    if not name:
        ctx.notes.append(Note(ctx.path, session_line, "skipped-row", f"speaker {sid or item!r} is not in the "
                                                                     "export's speakers list — skipped"))
        return None
    row = Row(line=session_line, role_label=ctx.options.role_label, printed_name=name, link=_link(sid, ctx),
              name_printed=not record)
    if record:  # the export's own speaker record: what it says of them is what this appearance prints
        row.positions, row.country_label = speaker_facts(record, name, ctx)
    return row


def speaker_page(record: dict, ctx: _Context) -> SpeakerPage:
    """A speaker's page: name, position from the tag line, biography, photo, links by type."""
    name = _full_name(record)
    links = {str(link.get("linkType") or link.get("title") or "website").lower(): link["url"]
             for link in record.get("links") or () if isinstance(link, dict) and _str(link.get("url"))}
    positions, country = speaker_facts(record, name, ctx)
    return SpeakerPage(path=ctx.path, line=ctx.lines.json_key("id", record["id"]),
                       permalink=_link(str(record["id"]), ctx), printed_name=name, positions=positions,
                       country_label=country, biography=_str(record.get("bio")) or "",
                       image=_str(record.get("profilePicture")), extra=links)


def speaker_facts(record: dict, name: str, ctx: _Context) -> tuple[list[Position], str | None]:
    """A speaker's positions and country: the tag line's positions, else its job title alone with the
    organisation answered ("Company"); the country answered ("Country")."""
    answered = Answers.of(_answers(record, ctx))
    tagline = _str(record.get("tagLine")) or ""
    positions = tagline_positions(tagline, name)
    title = None if positions else bare_title(tagline, name) or answered.title
    if not positions and (title or answered.organisation):
        positions = [Position(title=title, organisation=answered.organisation)]
    return positions, answered.country


def _answers(record: dict, ctx: _Context) -> list[tuple[str | None, object]]:
    """(question text, answer) of ``questionAnswers``: ``{questionId, answerValue}`` (the "All" export) or
    ``{question, answer}``."""
    found = []
    for item in record.get("questionAnswers") or () if isinstance(record.get("questionAnswers"), list) else ():
        if isinstance(item, dict):
            question = _str(item.get("question")) or ctx.questions.get(str(item.get("questionId")))
            found.append((question, item.get("answerValue", item.get("answer"))))
    return found


def _link(sid: str, ctx: _Context) -> str | None:
    return f"/speakers/{sid}/" if sid and ctx.options.identity == "id" else None


# --- tag lines --------------------------------------------------------------------------------


def tagline_positions(tagline: str, name: str = "") -> list[Position]:
    """Positions a tag line states ("Title, Org", "Title at Org", "A @ X | B @ Y"); none for a slogan."""
    text = _without_name(" ".join(tagline.split()), name)
    parts = [part.strip(" .") for part in re.split(r"\s+\|\s+", text)]
    positions = []
    for i, part in enumerate(parts):
        position = _position(part)
        if position is None and i + 1 < len(parts) and bare_title(part) and _employer(parts[i + 1]):
            position = Position(title=part, organisation=parts[i + 1])  # "Principal Architect | Tern Systems"
        if position:
            positions.append(position)
    return positions


def _employer(piece: str) -> bool:
    """True for a tag line's piece that reads as an organisation alone: a short capitalised phrase with no job
    word, no position of its own and no word a speaker calls themselves by.

    >>> _employer("Tern Systems"), _employer("Speaker"), _employer("Tech Lead"), _employer("CTO @ Acme")
    (True, False, False, False)
    """
    words = piece.split()
    return (0 < len(words) <= 6 and piece[:1].isupper() and bool(_BARE.match(piece)) and not _JOB.search(piece)
            and not SELF_WORDS.search(piece) and _position(piece) is None)


def bare_title(tagline: str, name: str = "") -> str | None:
    """A tag line that is a job title alone ("Robotics Engineer", "Head of Platform"); ``None`` for a slogan,
    a list, or a line naming an organisation.

    >>> bare_title("Robotics Engineer"), bare_title("Head of Platform"), bare_title("Founder & CEO")
    ('Robotics Engineer', 'Head of Platform', 'Founder & CEO')
    >>> bare_title("I like long walks"), bare_title("Developer Advocate | Speaker"), bare_title("CTO at Acme")
    (None, None, None)
    """
    text = _without_name(" ".join(tagline.split()), name).strip(" .")
    words = text.split()
    if not words or len(words) > 6 or not _BARE.match(text) or _AT.match(text) or _PAIR.match(text):
        return None
    if _JOB.fullmatch(words[-1]) or (_JOB.fullmatch(words[0]) and " of " in text):
        return text
    return None


def _without_name(text: str, name: str) -> str:
    if name and text.lower().startswith(name.lower()):  # "Jane Roe, Title, Org" / "Jane Roe - Title"
        return text[len(name):].lstrip(" ,-–—|:")
    return text


def _position(text: str) -> Position | None:
    if not text or len(text.split()) > 12:
        return None
    m = _AT.match(text)
    if m and "," not in m.group("org") and len(m.group("org").split()) <= 6 and _JOB.search(m.group("title")):
        return Position(title=m.group("title").strip(" ,"), organisation=m.group("org"))
    m = _PAIR.match(text)
    if not m:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if _JOB.search(a) and not _JOB.search(b) and len(b.split()) <= 6:
        return Position(title=a, organisation=b)
    if _JOB.search(b) and not _JOB.search(a) and len(a.split()) <= 6:  # "Org, Title"
        return Position(title=b, organisation=a)
    return None


# --- values -----------------------------------------------------------------------------------


def _full_name(record: dict) -> str | None:
    return _str(record.get("fullName")) or _str(" ".join(filter(None, (_str(record.get("firstName")),
                                                                        _str(record.get("lastName"))))))


def _moment(value) -> datetime | None:
    """Sessionize's times carry no zone and may lack the time."""
    return moment(value, time_required=False)
