"""A dry run of ingest: what a site's profile would extract, with nothing written and no store opened.

``speakergraph ingest --dry-run DIR`` runs the pipeline (read → parse → normalize →
identity) on every file the site's readers read, in memory, and says what it found:
counts, a sample of appearances, the fields that stay empty and why, names that look
odd, and — when no reader fits the folder — the refusal.

>>> odd("Jane Doe"), odd("Jane Doe, Ph.D"), odd("jane-doe"), odd("Director, ACME"), odd("JANE DOE"), odd("Cher")
(None, None, 'a slug, not a name (no speaker record gives the name)', 'has , ; : @ or /', 'all capitals', 'one word')
>>> odd("H.E. Dr Amara Okafor Bello Nwosu"), odd("Amara Okafor Bello Nwosu Eze Obi")  # honorifics are not words of the name
(None, 'more than five words')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import SimpleNamespace

from graph.errors import IngestError
from ingest import identity, page_positions, readers, session_roles, title_slots, versions
from ingest.names import PARTICLES, split_name
from ingest.records import Note, Parsed
from ingest.roles import role_of
from ingest.person_pattern import PATRONYMIC
from ingest.profile import FILE
from ingest.site import TEXT_SUFFIXES, UNREAD_SUFFIXES, Site

SAMPLE = 12


@dataclass
class Preview:
    """What one site would yield: counts, a sample of rows, empty fields, odd names, notes."""

    root: str
    series: str
    refusal: str | None = None
    profile: str | None = None  # the profile file read, if any
    drafted: str | None = None  # read with a profile drafted from the files: how to keep it
    files: int = 0  # text files in the folder
    read: int = 0
    skipped: dict[str, int] = field(default_factory=dict)  # reason -> files
    skipped_files: dict[str, list[str]] = field(default_factory=dict)  # reason -> every one of those files
    failed: list[str] = field(default_factory=list)
    sessions: int = 0
    appearances: int = 0
    people: int = 0
    speaker_pages: int = 0
    organisations: int = 0
    rows: list[dict] = field(default_factory=list)
    empty: list[dict] = field(default_factory=list)  # {field, empty, of, why}
    notes: list[dict] = field(default_factory=list)  # {kind, count, example}
    every_note: list[str] = field(default_factory=list)  # each note as "file:line: message" (``-v``)
    odd_names: list[dict] = field(default_factory=list)  # {name, why, where}

    def to_dict(self) -> dict:
        """The preview as plain data (``--format json``)."""
        return asdict(self)


def preview(site: Site, sample: int = SAMPLE, every_note: bool = False) -> Preview:
    """Run the pipeline on ``site`` in memory and summarise what it would write (``every_note``: and list each
    note, not only the most frequent kinds)."""
    from ingest.loader import pipeline, walk
    from ingest.read import read_bytes, relpath

    out = Preview(root=str(site.root), series=site.series, refusal=site.refusal, profile=site.profile.path,
                  drafted=site.drafted or site.draft_failed)
    folder = site.folder
    skipped: Counter = Counter()
    parsed: list[Parsed] = []
    for path in walk(site.root, UNREAD_SUFFIXES) if site.root.is_dir() else ():  # a calendar, a PDF, a spreadsheet
        rel = path.relative_to(folder).as_posix()
        _skip(out, skipped, f"not read: speakergraph reads no .{path.suffix[1:].lower()} file — save it as CSV, "
                            "JSON or HTML and ingest that", rel)
    for n, pattern, suffix in readers.unwalked(site.profile.parts, TEXT_SUFFIXES) if site.root.is_dir() else ():
        for path in (p for p in walk(site.root, (suffix,)) if site.profile.parts[n - 1].matches(relpath(folder, p))):
            _skip(out, skipped, "not read: " + readers.unwalked_note(n, pattern, suffix), relpath(folder, path))
    for path in walk(site.root, TEXT_SUFFIXES):
        rel = path.relative_to(folder).as_posix()
        if rel == FILE:
            continue
        out.files += 1
        why = _unread(site, rel)
        if why:
            _skip(out, skipped, why, rel)
            continue
        try:
            parsed.append(pipeline(rel, read_bytes(rel, path), site))
            out.read += 1
        except IngestError as exc:
            out.failed.append(str(exc))
    title_slots.join(parsed, site)  # as the loader: talk pages with no time take their programme slot's
    _settle_versions(parsed, site)
    session_roles.from_slots(parsed, site.settings.roles)  # as the loader: speakers in a schedule's slots
    _resolve(parsed, site.series)
    for p in parsed:
        for note in p.notes:
            if note.kind == "skipped-file":
                _skip(out, skipped, "read, nothing found in it (see the skipped-file notes)", note.path)
    out.skipped = dict(skipped.most_common())
    _count(out, parsed)
    out.rows = sample_rows(parsed, sample)
    out.empty = empty_fields(parsed)
    out.notes = note_kinds([n for p in parsed for n in p.notes])
    out.every_note = [str(n) for p in parsed for n in p.notes] if every_note else []
    out.odd_names = odd_names(parsed)
    return out


def _skip(out: Preview, skipped: Counter, why: str, rel: str) -> None:
    """Count a file not read (or read for nothing) under its reason, and keep it: the JSON lists every file (a
    script checks each), the text shows a few (``render``)."""
    skipped[why] += 1
    out.skipped_files.setdefault(why, []).append(rel)


def _unread(site: Site, rel: str) -> str | None:
    if site.refusal:
        return "not read: no reader fits the folder"
    if not site.profile.selects(rel):
        return "not read: left out by the profile's include/exclude"
    if site.reader_for(rel)[0] is None:
        return "not read: no part of the profile names it" if site.profile.parts else \
            "not read: not a file the site's reader reads"
    return None


def _settle_versions(parsed: list[Parsed], site: Site) -> None:
    """A draft and its final version, or two pages of one session: the kept one's facts only, as the loader keeps
    them (``ingest.versions``; the others get a ``superseded`` note)."""
    plan = SimpleNamespace(parsed=[(p.doc.path, p) for p in parsed], failures={}, site=site, seen=set(), gone=())
    versions.settle(None, [plan], {}, SimpleNamespace(sessions=0, appearances=0))


def _resolve(parsed: list[Parsed], series: str | None = None) -> None:
    """Identity as a first ingest into an empty store would resolve it (reviewed decisions applied), then the
    speaker pages' positions, country and honorific given as the loader gives them (a position's ``source`` is
    the speaker page's path here, its file graph in the store)."""
    people, orgs = identity.People(identity.load_decisions()), identity.Organisations.load()
    for p in parsed:
        identity.learn(orgs, p, people, series)
    for p in parsed:
        identity.resolve(p, people, orgs, series)  # a name within one series is one person, as the loader has it
    pages = page_positions.collect(None, [(p.doc.path, p) for p in parsed])
    for p in parsed:
        page_positions.apply(p, pages)


def _count(out: Preview, parsed: list[Parsed]) -> None:
    sessions = [s for p in parsed for s in p.sessions]
    pages = [s for p in parsed for s in p.speakers]
    rows = [r for s in sessions for r in s.rows]
    # one session however many files print it (the talks speaker pages list: ingest.listed_talks)
    distinct = {(s.series, s.date, s.key) if s.date and s.key else id(s) for s in sessions}
    out.sessions, out.appearances, out.speaker_pages = len(distinct), len(rows), len(pages)
    out.people = len({r.person_key for r in rows} | {p.person_key for p in pages})
    positions = [pos for x in rows + pages for pos in x.positions]
    out.organisations = len({pos.org_key for pos in positions if pos.org_key})


def _pages_by_person(parsed: list[Parsed]) -> dict:
    return {page.person_key: page for p in parsed for page in p.speakers}


def sample_rows(parsed: list[Parsed], n: int) -> list[dict]:
    """Up to ``n`` appearances spread over the files (every one when ``n`` is 0): date and start, session, role
    (and the label printed for it), honorific, name, person key, the first position's title and organisation (and
    the speaker page it came from, if it did), every position, country, file and line."""
    pages = _pages_by_person(parsed)
    rows = [(s, r) for p in parsed for s in p.sessions for r in s.rows]
    n = n or len(rows)
    step = max(1, len(rows) // n) if rows else 1
    out = []
    for session, row in rows[::step][:n]:
        page = pages.get(row.person_key)
        pos = row.positions[0] if row.positions else None
        name = row.name.name if row.name else row.printed_name
        if not row.name_printed and page:
            name = page.name.name if page.name else page.printed_name
        honorific = (row.name.honorific if row.name else None) or row.honorific or ""
        out.append({"date": str(session.start or session.date or ""), "session": session.title,
                    "role": row.role, "label": row.role_label, "honorific": honorific, "name": name,
                    "person": row.person_key, "title": (pos.title if pos else "") or "",
                    "organisation": (pos.organisation if pos else "") or "",
                    "source": (pos.source if pos else "") or "",  # the speaker page that lent the position, if one did
                    "positions": [{"title": p.title or "", "organisation": p.organisation or "", "source": p.source or ""}
                                  for p in row.positions],
                    "country": row.country_code or "",
                    "where": f"{session.path}:{row.line}" if row.line
                    else session.path})
    return out


def empty_fields(parsed: list[Parsed]) -> list[dict]:
    """How many appearances and sessions have no title, organisation, country, time — and what the notes say."""
    rows = [r for p in parsed for s in p.sessions for r in s.rows]
    sessions = [s for p in parsed for s in p.sessions]

    def positions(row):  # a speaker page's, given by page_positions when the row prints none
        return row.positions

    checks = [
        ("appearance: title", rows, lambda r: any(p.title for p in positions(r)),
         "no title printed at the appearance nor on a speaker page linked to it"),
        ("appearance: organisation", rows, lambda r: any(p.organisation for p in positions(r)),
         "no organisation printed at the appearance nor on a speaker page linked to it"),
        ("appearance: country", rows, lambda r: r.country_code,
         "no country printed at the appearance nor on a speaker page linked to it (or not recognised: see the "
         "no-country and unknown-country notes)"),
        ("session: start time", sessions, lambda s: s.start,
         "only a date was found: name where the time is (start = \"…\" or time = \"…\" of a records, "
         "frontmatter or cards part; a Time column of a programme table)"),
        ("session: UTC offset", [s for s in sessions if s.start], lambda s: s.start.tzinfo,
         "times print no offset: set [site] timezone"),
    ]
    out = []
    for name, items, filled, why in checks:
        empty = sum(1 for x in items if not filled(x))
        if items and empty:
            out.append({"field": name, "empty": empty, "of": len(items), "why": why})
    return out


def note_kinds(notes: list[Note], n: int = 8) -> list[dict]:
    """The most frequent note kinds, each with an example ``file:line: message``."""
    kinds = Counter(note.kind for note in notes)
    first = {}
    for note in notes:
        first.setdefault(note.kind, note)
    return [{"kind": kind, "count": count, "example": str(first[kind])} for kind, count in kinds.most_common(n)]


_SLUG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)+$")
_POST_NOMINAL = re.compile(r",\s*(ph\.?\s?d\.?|m\.?d\.?|mph|mba|msc|jr\.?|sr\.?|esq\.?|obe|mbe|cbe|kc|qc)$", re.I)


def odd(name: str) -> str | None:
    """Why a person's name looks odd (a slug, punctuation, capitals, one word, too many words), or ``None``.

    Honorifics, post-nominal letters and particles are not counted as words of the name.

    >>> odd("Dra. Ana María Pérez-Soto de la Vega Ruiz"), odd("Water Board of the Northern Districts Region Team")
    (None, 'more than five words')
    >>> odd("lic. phil. Ann Roth"), odd("ann roth"), odd("Kumar s/o Raman"), odd("Ann/Bo Lee")
    (None, 'starts in lower case', None, 'has , ; : @ or /')
    """
    if _SLUG.match(name):
        return "a slug, not a name (no speaker record gives the name)"
    name = PATRONYMIC.sub("bin", _POST_NOMINAL.sub("", name))  # "a/p", "s/o": a particle, not a slash
    if re.search(r"\d", name):
        return "has digits"
    if re.search(r"[,;:@/]", name):
        return "has , ; : @ or /"
    if name.isupper() and len(name) > 3:
        return "all capitals"
    bare = split_name(name).name or name  # "lic. iur. Reto Zürcher": a degree in small letters, not the name
    words = bare.split()
    if len(words) == 1:
        return "one word"
    if sum(w.casefold() not in PARTICLES for w in words) > 5:  # "Ana María Pérez de la Vega Soto" has five
        return "more than five words"
    if bare[:1].islower() and not re.match(r"(de|van|von|da|di|le|la|al|el)\s", bare):
        return "starts in lower case"
    return None


def odd_names(parsed: list[Parsed], n: int = 10) -> list[dict]:
    """Up to ``n`` distinct odd-looking names of appearances and speaker pages, with where they are."""
    pages = _pages_by_person(parsed)
    out, seen = [], set()
    for p in parsed:
        items = [(s.path, r.line, _shown(r, pages)) for s in p.sessions for r in s.rows]
        items += [(page.path, page.line, page.printed_name) for page in p.speakers]
        for path, line, name in items:
            why = odd(name)
            if why and name not in seen:
                seen.add(name)
                out.append({"name": name, "why": why, "where": f"{path}:{line}" if line else path})
    return out[:n]


def _organisation(row: dict) -> str:
    """The organisation column of the text table: where a speaker page lent it, and the other positions.

    >>> _organisation({"organisation": "ACME", "source": "people/ann.md", "positions": [
    ...     {"title": "CTO", "organisation": "ACME"}, {"title": "Chair", "organisation": "Open Data Council"}]})
    'ACME (from people/ann.md) [+ Chair, Open Data Council]'
    """
    text = row["organisation"] + (f" (from {row['source']})" if row.get("source") else "")
    more = [", ".join(v for v in (p["title"], p["organisation"]) if v) for p in row.get("positions", [])[1:]]
    return text + "".join(f" [+ {m}]" for m in more if m)


def _shown(row, pages) -> str:
    page = pages.get(row.person_key)
    if not row.name_printed and page:
        return page.printed_name
    return row.printed_name


def render(p: Preview) -> str:
    """The preview as text for the terminal."""
    if p.refusal:
        return f"{p.root}: {p.refusal}\n"
    lines = [f"dry run of {p.root} (series {p.series}): nothing was written",
             f"files: {p.files} text files, {p.read} read, {len(p.failed)} failed"]
    lines[1:1] = [f"profile: {p.drafted}"] if p.drafted else []
    lines += [f"  {count} {why}" + (f" (e.g. {', '.join(p.skipped_files[why][:3])}{', …' if count > 3 else ''})"
                                     if p.skipped_files.get(why) else "") for why, count in p.skipped.items()]
    lines += [f"  failed: {f}" for f in p.failed[:5]]
    lines.append(f"found: {p.sessions} sessions, {p.appearances} appearances, {p.people} distinct people, "
                 f"{p.speaker_pages} speaker pages, {p.organisations} organisations")
    if p.rows:
        shown = "every appearance" if len(p.rows) == p.appearances else "sample appearances (--rows 0 shows all)"
        lines += ["", f"{shown} (date | session | role | name | title | organisation | country):"]
        lines += ["  " + " | ".join([*(_cut(v) for v in (r["date"], r["session"], _role(r), _name(r), r["title"])),
                                     _cut(_organisation(r), 90), r["country"]]) for r in p.rows]
    if p.empty:
        lines += ["", "fields that stay empty:"]
        lines += [f"  {e['field']}: {e['empty']} of {e['of']} — {e['why']}" for e in p.empty]
    if p.notes:
        lines += ["", "notes (most frequent kinds, with an example):"]
        lines += [f"  {n['kind']} ×{n['count']}: {n['example']}" for n in p.notes]
    if p.every_note:
        lines += ["", f"every note ({len(p.every_note)}):"]
        lines += [f"  {n}" for n in p.every_note]
    if p.odd_names:
        lines += ["", "names that look odd:"]
        lines += [f"  {o['name']!r}: {o['why']} ({o['where']})" for o in p.odd_names]
    if not p.appearances and not p.speaker_pages:
        lines += ["", f"nothing would be ingested: check the parts of {p.profile} against the notes above "
                      "(docs/sites.md)" if p.profile else
                  "nothing would be ingested: draft a profile with 'speakergraph profile DIR' (docs/sites.md)"]
    return "\n".join(lines) + "\n"


def _role(row: dict) -> str:
    """The role, with the label printed for it when that says more ("moderator (Chaired by)")."""
    label = row["label"]
    return row["role"] if not label or role_of(label) == row["role"] else f"{row['role']} ({label})"


def _name(row: dict) -> str:
    return f"{row['honorific']} {row['name']}" if row["honorific"] else row["name"]


def _cut(value, width: int = 40) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def run(root: Path, series: str | None = None, series_name: str | None = None,
        profile_path: Path | None = None, sample: int = SAMPLE, every_note: bool = False) -> Preview:
    """The preview of the folder ``root`` with its profile (or ``profile_path``), showing ``sample`` appearances
    (0: every one), and each note with ``every_note``."""
    from ingest.site import site_for

    return preview(site_for(root, series, series_name, profile_path), sample, every_note)
