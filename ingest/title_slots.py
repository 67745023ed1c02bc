"""Talk pages that print no time, and the programme slots that do: one session, joined by title.

A Jekyll conference theme keeps each talk in a page of its own (``_talks/x.md``:
its title, speakers, format, abstract) and the timetable in a data file
(``_data/program.yml``: days, rooms, and in each room slots with a start, an end
and the talk's title). Neither alone is a dated session with people. A front-matter
part that names the programme's files in ``slots`` keeps its undated pages, and
once every file of a run is read, :func:`join` gives each the date, start, end and
room of the slot of the same title (a records part reads the slots), in the same
edition: of the slot files holding the title, the one nearest the page in the
folder tree (``2024/_talks/x.md`` takes ``2024/_data/program.yml``). The slot's
own session is then dropped: one session, not two. A page no slot titles is
skipped, with a note, as an undated page always was.

>>> same_title("Keynote – Memory Safety Is a Policy Problem", "keynote - memory safety is a policy problem")
True
>>> nearness("2024/_talks/a.md", "2024/_data/program.yml"), nearness("2024/_talks/a.md", "2023/_data/program.yml")
(1, 0)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from wcmatch import glob

from ingest.records import Note, Parsed, SessionPage
from ingest.roles import role_of, role_of_title

_GLOB = glob.GLOBSTAR | glob.BRACE | glob.DOTGLOB


def title_key(title: str | None) -> str:
    """A title as compared across files: accents, case, punctuation and spacing aside.

    >>> title_key("Who Pays for Open-Source Security?"), title_key("Café  Talk")
    ('who pays for open source security', 'cafe talk')
    """
    text = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode().lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def same_title(a: str | None, b: str | None) -> bool:
    """True when two printed titles are one title (``title_key``), and not empty."""
    return bool(title_key(a)) and title_key(a) == title_key(b)


def nearness(page: str, slot_file: str) -> int:
    """How many leading folders two paths share: the slot file of a page's own edition shares the most."""
    n = 0
    for a, b in zip(page.split("/")[:-1], slot_file.split("/")[:-1]):
        if a != b:
            break
        n += 1
    return n


def slot_globs(site, rel: str) -> tuple[str, ...]:
    """The ``slots`` globs of the front-matter parts that read the file ``rel`` (none: its pages join nothing)."""
    globs: list[str] = []
    for name, options in site.readers_for(rel):
        value = options.get("slots") if name == "frontmatter" and isinstance(options, dict) else None
        globs += [value] if isinstance(value, str) else list(value or ())
    return tuple(globs)


def joined_files(site, rels: Iterable[str]) -> set[str]:
    """The files read together whenever one of them changes: the pages of parts with ``slots``, and the slot files."""
    rels = list(rels)
    pages = {rel: slot_globs(site, rel) for rel in rels}
    globs = {g for found in pages.values() for g in found}
    if not globs:
        return set()
    return {rel for rel, found in pages.items() if found} | {rel for rel in rels if _matches(rel, globs)}


def join(parsed: list[Parsed], site) -> list[SessionPage]:
    """Give each undated session of a part with ``slots`` the date, times and room of its slot; drop the joined
    slots' own sessions and the undated sessions no slot titles (with a note). Returns the dropped sessions."""
    pending = [(p, globs) for p in parsed if any(s.date is None for s in p.sessions)
               and (globs := slot_globs(site, p.doc.path))]
    dropped = []
    for page, globs in pending:
        files = [p for p in parsed if _matches(p.doc.path, globs)]  # the slot files, once per page
        for session in [s for s in page.sessions if s.date is None]:
            if session.listed:
                if not _listed(page, session, files, globs):
                    dropped.append(session)
                continue
            found = _slot(page.doc.path, session, files)
            if found is None:
                page.sessions.remove(session)
                page.notes.append(_unjoined(page.doc.path, session, globs))
                dropped.append(session)
                continue
            holder, slot = found
            take(session, slot)
            holder.sessions.remove(slot)
            holder.notes = [n for n in holder.notes if not _said_empty(n, slot)]  # its people are the page's now
            dropped.append(slot)
    listing = {g for page, globs in pending if any(s.listed for s in page.sessions) for g in globs}
    for holder in (p for p in parsed if listing and _matches(p.doc.path, listing)):
        empty = [s for s in holder.sessions if not s.rows]  # the slots kept for the listed talks: theirs now
        holder.sessions = [s for s in holder.sessions if s.rows]
        holder.notes = [n for n in holder.notes if not any(_said_empty(n, s) for s in empty)]
        dropped += empty
    return dropped


def _slot(path: str, session: SessionPage, files: list[Parsed]) -> tuple[Parsed, SessionPage] | None:
    """The dated slot of the session's title in the slot file nearest the page; ``None`` when there is none, or
    two in that file (which of them is this page's is not known)."""
    found = [(f, s) for f in files for s in f.sessions if s.date is not None and same_title(s.title, session.title)]
    if not found:
        return None
    best = max(nearness(path, f.doc.path) for f, _ in found)
    near = [(f, s) for f, s in found if nearness(path, f.doc.path) == best]
    return near[0] if len(near) == 1 else None


def _listed(page: Parsed, session: SessionPage, files: list[Parsed], globs: tuple[str, ...]) -> bool:
    """Join a speaker page's listed talk to the slot whose title it prints, as the slot's own session (its title,
    key and link: one session, whoever lists it); else drop it, with a note. True when joined."""
    found = listed_slot(session, [(f, s) for f in files for s in f.sessions if s.date is not None and s.title])
    if found is None:
        page.sessions.remove(session)
        page.notes.append(Note(page.doc.path, session.rows[0].line if session.rows else None, "skipped-row",
                               f"the listed talk {session.title!r} prints the title of no one slot of "
                               f"{', '.join(globs)}{f' in {session.year}' if session.year else ''} — no session; "
                               "check that a part reads the programme and that the titles match"))
        return False
    holder, slot = found
    take(session, slot, rows=False)  # the slot's people, if any, are its own file's
    session.title, session.key, session.permalink, session.abstract = slot.title, slot.key, slot.permalink, \
        session.abstract or slot.abstract
    label = role_of_title(slot.title or "")
    for row in session.rows:
        if row.role_label == "Speaker" and label and role_of(label) not in (None, "speaker", "other"):
            row.role_label, row.role = label, role_of(label) or "other"
    holder.notes = [n for n in holder.notes if not _said_empty(n, slot)]
    return True


def listed_slot(session: SessionPage, slots: list[tuple[Parsed, SessionPage]]) -> tuple[Parsed, SessionPage] | None:
    """The slot whose title a listed talk's text prints whole (the longest such title), of the talk's year when it
    has one; ``None`` when there is none or two of that title (on two days: which one is not known).

    >>> from datetime import date
    >>> from ingest.records import Document
    >>> def slot(title, day): return SessionPage("p.md", title, None, day)
    >>> f = Parsed(Document("p.md", "", {}, "", 0), "programme")
    >>> slots = [(f, slot("Panel: Tides", date(2031, 5, 1))), (f, slot("Tides", date(2031, 5, 2))),
    ...          (f, slot("Welcome Address", date(2031, 5, 1))), (f, slot("Welcome Address", date(2032, 5, 3)))]
    >>> listed_slot(SessionPage("a.md", "Chair, Panel: Tides (Day 1)", None, None), slots)[1].title
    'Panel: Tides'
    >>> listed_slot(SessionPage("a.md", "Welcome Address", None, None, year=2032), slots)[1].date
    datetime.date(2032, 5, 3)
    >>> listed_slot(SessionPage("a.md", "Welcome Address", None, None), slots) is None
    True
    """
    text = f" {title_key(session.title)} "
    found = [(f, s) for f, s in slots if (session.year is None or s.date.year == session.year)
             and (key := title_key(s.title)) and f" {key} " in text and _enough(key, text)]
    if not found:
        return None
    longest = max(len(title_key(s.title)) for _, s in found)
    found = [(f, s) for f, s in found if len(title_key(s.title)) == longest]
    return found[0] if len({(s.date, s.key) for _, s in found}) == 1 else None


def _enough(key: str, text: str) -> bool:
    """A title of two words or more, or the whole of the item: "Panel" alone is in too many items to name one."""
    return len(key.split()) >= 2 or key == text.strip()


def take(session: SessionPage, slot: SessionPage, rows: bool = True) -> None:
    """The slot's date, times and room on the session; the slot's people the page leaves out join it (``rows``)."""
    session.date, session.start, session.end = slot.date, slot.start, slot.end
    session.date_label, session.time_label = slot.date_label, slot.time_label
    session.room = session.room or slot.room
    session.track = session.track or slot.track
    session.format = session.format or slot.format
    if rows:
        named = {title_key(r.printed_name) for r in session.rows}
        session.rows += [r for r in slot.rows if title_key(r.printed_name) not in named]


def _said_empty(note: Note, slot: SessionPage) -> bool:
    """True for the note that the slot's session names nobody (``ingest.normalize``), void once it is joined."""
    return note.kind == "no-people" and note.message.startswith(f"session {slot.title!r} names nobody")


def _unjoined(path: str, session: SessionPage, globs: tuple[str, ...]) -> Note:
    return Note(path, None, "skipped-file", f"session page has no date, and no slot of {', '.join(globs)} has its "
                f"title {session.title!r} — skipped; check that a part reads the programme file and that the titles "
                "match, or name the page's date key in the profile (start = \"…\")")


def _matches(path: str, globs: Iterable[str]) -> bool:
    return glob.globmatch(path, list(globs), flags=_GLOB)


# --- drafting: which data lists are a programme's slots -----------------------------------


_CLOCK = re.compile(r"^\s*\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?\s*$", re.I)
_ROOMS = re.compile(r"room|hall|stage|location|venue|place", re.I)
_TRACKS = re.compile(r"track|stream", re.I)


def record_lists(data, path: tuple[str, ...] = ()) -> Iterable[tuple[str, list[dict]]]:
    """Each list of mappings in a data file's content with its records path (``days.*.rooms.*.talks``), once per
    place it occurs.

    >>> [(p, len(items)) for p, items in record_lists({"days": [{"rooms": [{"talks": [{"name": "A"}]}]}]})]
    [('days', 1), ('days.*.rooms', 1), ('days.*.rooms.*.talks', 1)]
    """
    if isinstance(data, dict):
        for key, value in data.items():
            yield from record_lists(value, path + (str(key),))
    elif isinstance(data, list):
        items = [x for x in data if isinstance(x, dict)]
        if items and path:
            yield ".".join(path), items
        for item in items:
            yield from record_lists(item, path + ("*",))


def slot_shape(data, titles: set[str]) -> dict | None:
    """The records options of the list in ``data`` whose mappings print the most of ``titles`` (``title_key``s):
    ``records``, ``title``, ``start``/``end`` (clock keys) and ``room``/``track`` (the name of the mapping holding
    the list, when its list names rooms or tracks); ``None`` when no list prints two of them.

    >>> day = {"date": "2031-05-01", "rooms": [{"name": "Hall A", "talks": [
    ...     {"name": "Tide Maps", "time_start": "9:00", "time_end": "9:45"}, {"name": "Lunch", "time_start": "12:00"},
    ...     {"name": "Salt Roads", "time_start": "10:00", "time_end": "10:45"}]}]}
    >>> slot_shape({"days": [day]}, {"tide maps", "salt roads"})
    {'records': 'days.*.rooms.*.talks', 'title': 'name', 'start': 'time_start', 'end': 'time_end', 'room': '^.name'}
    """
    best, most = None, 1
    merged: dict[str, list[dict]] = {}
    for spec, items in record_lists(data):
        merged.setdefault(spec, []).extend(items)
    for spec, items in merged.items():
        for key in {k for item in items for k, v in item.items() if isinstance(v, str)}:
            hits = len({title_key(item.get(key)) for item in items if isinstance(item.get(key), str)} & titles)
            if hits > most:
                best, most = (spec, key, items), hits
    if best is None:
        return None
    spec, key, items = best
    printed = {title_key(item.get(key)) for item in items if isinstance(item.get(key), str)} - {""}
    if most * 3 < len(printed):
        return None  # a programme of its own that shares a few titles with the pages ("Opening remarks", "Lunch")
    return {"records": spec, "title": key, **_clock_keys(items), **_holder(spec, data)}


def _clock_keys(items: list[dict]) -> dict:
    """``start`` and ``end``: the keys whose values are clock times, told apart by their names."""
    clocks = [k for k in dict.fromkeys(k for item in items for k in item)
              if sum(isinstance(item.get(k), str) and bool(_CLOCK.match(item[k])) for item in items) * 2 >= len(items)]
    start = next((k for k in clocks if re.search(r"start|begin|from", k, re.I)), None)
    end = next((k for k in clocks if re.search(r"end|finish|until|to$", k, re.I)), None)
    if start is None and len(clocks) == 1:
        start = clocks[0]
    return {k: v for k, v in (("start", start), ("end", end)) if v}


def _holder(spec: str, data) -> dict:
    """``room = "^.name"`` (or ``track``) when the list sits in the mappings of a list of rooms (tracks)."""
    parts = spec.split(".")
    if len(parts) < 3 or parts[-2] != "*":
        return {}
    option = "room" if _ROOMS.search(parts[-3]) else "track" if _TRACKS.search(parts[-3]) else None
    holders = [h for path, items in record_lists(data) if path == ".".join(parts[:-2]) for h in items]
    key = next((k for k in ("name", "title", "label") if any(isinstance(h.get(k), str) for h in holders)), None)
    return {option: f"^.{key}"} if option and key else {}
