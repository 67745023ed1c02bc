"""The role a schedule export's session gives its people: the records reader's rule, for frab, pretalx and Sessionize.

A title "Keynote: …" or "Opening Address", or a format ``Keynote``, ``Panel`` or
``podium``, names the role of the session's people, as in a data file
(``ingest/datarecords.py``). A schedule export puts every person of a session in
one list, so a title whose role word is a moderator's ("Technical Interview
Processes", "Hosting at Scale") names no role: one person of a session may
moderate, never all of them.

The same rule reaches people a speakers file places into the slots of another
file (``from_slots``): each file is read alone, so the speakers file's *stub*
sessions (no title) learn their slot's title and format only when the files of
one run are joined, before identities are resolved.

>>> from ingest.records import Row, SessionPage
>>> def roles(title, format=None):
...     session = SessionPage("s.json", title, None, None, format=format, rows=[Row(1, "Speaker", "Ann Lee", None)])
...     apply(session, "Speaker")
...     return session.rows[0].role_label
>>> roles("Opening Keynote: Bytes"), roles("Maintainers", "Panel"), roles("Technical Interview Processes")
('Opening Keynote', 'Panel', 'Speaker')
"""

from __future__ import annotations

from typing import Iterable

from ingest.datarecords import roles_by_title, title_role
from ingest.names import split_name
from ingest.records import Parsed, Row, SessionPage
from ingest.roles import role_of, role_of_title


def apply(session: SessionPage, default: str) -> None:
    """Give the session's people (those still with the ``default`` label) the role its title or format names."""
    titled = role_of_title(session.title or "")
    if titled and role_of(titled) == "moderator":
        return
    roles_by_title(session, default)


def described_people(session: SessionPage, description: str | None, line: int | None, default: str) -> int:
    """Add the people the session's description names on its labelled lines ("Moderated by Ann Lee, Editor,
    Daily", "Panellists: …"; read as ``ingest/ical.py`` reads a ``DESCRIPTION``) that its list of people leaves out;
    a listed person the description gives a role other than a speaker's takes it. Returns how many were added.

    >>> from ingest.records import Row
    >>> session = SessionPage("s.json", "Hiring", None, None, rows=[Row(4, "Speaker", "Bo Chan", None)])
    >>> described_people(session, "Moderated by Ann Lee, Editor, Daily Views.\\nA panel.", 4, "Speaker")
    1
    >>> [(r.printed_name, r.role_label, [(p.title, p.organisation) for p in r.positions]) for r in session.rows]
    [('Bo Chan', 'Speaker', []), ('Ann Lee', 'Moderator', [('Editor', 'Daily Views')])]
    """
    from ingest.ical import described  # ical reads its roles with this module: imported when first needed

    listed = {_words(row.printed_name): row for row in session.rows}
    added = 0
    for person in described(description or "")[0]:
        person.positions = [p for p in person.positions if not _clause(p)]
        label = person.label or default
        row = listed.get(_words(person.name))
        if row is None:
            listed[_words(person.name)] = row = Row(line=line, role_label=label, printed_name=person.name, link=None,
                                                    positions=list(person.positions))
            session.rows.append(row)
            added += 1
        else:
            if (row.role_label == default or role_of(row.role_label) in ("speaker", "panellist")) \
                    and role_of(label) not in (None, "speaker", "other", role_of(row.role_label)):
                row.role_label = label  # a podium's "Moderation: Jan Reimers": a listed panellist moderates
            row.positions = row.positions or list(person.positions)  # "Moderated by Ilze Kalniņa (RTU)": her place
    return added


def _clause(position) -> bool:
    """True for a "position" that is the rest of a sentence ("Animée par Claire Dubois, cette table ronde réunit
    …"): a title or organisation of four words or more opening with a small letter.

    >>> from ingest.records import Position
    >>> _clause(Position(title="cette table ronde réunit Ann Lee")), _clause(Position(title="Editor", organisation="Daily"))
    (True, False)
    """
    return any(v and v[:1].islower() and len(v.split()) >= 4 for v in (position.title, position.organisation))


def from_slots(parsed: Iterable[Parsed], roles: dict[str, str] | None = None) -> int:
    """People of stub sessions (a speakers file's, no title) take the role their slot's title or format names, as
    the slot's own people would; a stub's talk title titles a slot that prints only its format. The slot is the
    titled session of another file with the same series, date and key. Returns how many people changed role.

    ``roles`` are the profile's ``[site] roles`` (printed label in lower case -> role); call once per site,
    after the files are read and before identities are resolved (a role is part of an appearance's IRI).

    >>> from datetime import date
    >>> from ingest.records import Document, Row
    >>> slot = SessionPage("s.yml", "Keynote talk", None, date(2031, 5, 2), format="Keynote talk", key="09-30")
    >>> stub = SessionPage("p.yml", None, None, date(2031, 5, 2), key="09-30", talk_title="Tides",
    ...                    rows=[Row(3, "Speaker", "Ann Lee", None, role="speaker")])
    >>> files = [Parsed(Document(s.path, "", {}, "", 0), "records", sessions=[s]) for s in (slot, stub)]
    >>> from_slots(files), stub.rows[0].role_label, stub.rows[0].role, slot.title, stub.title
    (1, 'Keynote talk', 'keynote', 'Tides', 'Tides')
    """
    sessions = [s for p in parsed for s in p.sessions]
    slots = {(s.series, s.date, s.key): s for s in reversed(sessions) if s.title is not None and s.key}
    changed = 0
    for stub in sessions:
        slot = slots.get((stub.series, stub.date, stub.key)) if stub.title is None and stub.key else None
        if slot is not None:
            changed += _slot_roles(stub, slot, roles or {})
            _talk_title(stub, slot)
            stub.title = slot.title  # one session: the stub prints the slot's title as its own
    return changed


def _slot_roles(stub: SessionPage, slot: SessionPage, roles: dict[str, str]) -> int:
    """Give the stub's speakers the role of the slot's title or format (a moderator's title names none)."""
    titled = role_of_title(slot.title or "")
    label = None if titled and role_of(titled) == "moderator" else title_role(slot.title, slot.format)
    if label is None:
        return 0
    role = roles.get(" ".join(label.split()).lower()) or role_of(label) or "other"
    changed = 0
    for row in stub.rows:
        if row.role == "speaker":  # a role the speaker record printed of its own (a moderator) stays
            row.role_label, row.role = label, role
            changed += 1
    return changed


def _talk_title(stub: SessionPage, slot: SessionPage) -> None:
    """The talk's title for a slot whose title is only its format ("Keynote talk"), when the stub gives one."""
    if stub.talk_title and slot.format and _words(slot.title) == _words(slot.format):
        slot.title = stub.talk_title


def _words(text: str) -> str:
    """A printed name as a key: "Dr. Ilze Kalniņa" listed and "Ilze Kalniņa" described are one person."""
    return " ".join((split_name(text).name or text).split()).lower()
