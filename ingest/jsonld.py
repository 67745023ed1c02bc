"""schema.org events a page carries as JSON-LD (``<script type="application/ld+json">``), as event sites write
them for search engines: the events, their people and what the page prints of their roles.

A page's events are the objects whose ``@type`` is ``Event`` or a kind of it (``BusinessEvent``,
``EducationEvent``…) — at the top of a script, in a list, under ``@graph``, or a ``subEvent`` of another (a
conference's sessions). Each event that names people is a session: ``name``, ``startDate``/``endDate`` (ISO,
with the offset), ``location`` (a ``Place``'s name), ``description``, ``url``. Its people are its
``performer``/``performers`` (and ``speaker``/``speakers``, which some sites write); a ``Role`` around a
person (``{"@type": "Role", "roleName": "Moderator", "performer": {…}}``) gives the role. A person has
``name`` (or ``givenName`` and ``familyName``), ``honorificPrefix``, ``jobTitle``, ``worksFor`` or
``affiliation`` (an ``Organization``'s ``name``), ``nationality``; an ``Organization`` as performer is no
person and is skipped. A page without JSON-LD events that marks them up as microdata (``itemscope
itemtype="https://schema.org/Event"``) is read the same way (``ingest/microdata.py``).

JSON-LD has no word for a moderator: the role the page's visible text prints with a person (a badge, "Moderator:
Dr. Elin Sand"), else the role heading above it, is taken (``ingest/page_roles.py``); a heading that names no
role of its own ("Speakers") yields to the role the session's title names ("Opening Keynote: …"). Sites put the
moderator among the event's ``organizer`` (or ``contributor``) people: such a person is an appearance when the
page prints them with a role, and one that is no organiser's (an organiser the page never prints so is staff). A row's line is
the line of the name the page prints, else the line of the data that names it.

A page that holds no event but one ``Person`` (at the top of a script or in its ``@graph``) is that person's
speaker page: their name, honorific, positions and country, and ``description`` as biography; a profile names
such pages in a part of this reader (the drafter proposes it).

Where the page prints a person's line, its fields win over the data's; people the page prints in the data's block
with a role, whom the data leaves out, are appearances too; the page's ``<h1>`` names the session when it is the
data's ``name`` loosely (``ingest/jsonld_printed.py``).

>>> page = '<script type="application/ld+json">{"@type": "Event", "name": "Norms", "startDate": ' \\
...        '"2031-03-13T14:00:00+01:00", "performer": [{"@type": "Person", "name": "Erik Lind", "jobTitle": ' \\
...        '"Professor", "worksFor": {"@type": "Organization", "name": "Uppsala University"}}]}</script>'
>>> doc = Document(path="events/norms.html", sha256="", meta={}, body=page, body_line=0)
>>> detect(doc), [(s.title, s.start.isoformat(), [(r.printed_name, r.positions[0].organisation) for r in s.rows])
...               for s in read(doc).sessions]
(True, [('Norms', '2031-03-13T14:00:00+01:00', [('Erik Lind', 'Uppsala University')])])
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ingest import microdata, page_roles, times
from ingest.countries import Countries
from ingest.read import PAGE_SUFFIXES
from ingest.html_page import page_tree, permalink, text
from ingest.jsonld_printed import extra_rows, folded, same_title, weigh
from ingest.page_roles import Printed
from ingest.profile import Settings
from ingest.records import Document, Note, Parsed, Position, Row, SessionPage, SpeakerPage
from ingest.roles import role_of, role_of_title
from graph.ids import slugify

NAME = "jsonld"
SUFFIXES = PAGE_SUFFIXES  # Markdown pages (MDX and Markdoc too) and HTML pages
SELECTIVE = True  # a page that carries events as data is read from that data, whatever reads the other pages
EXPECTS = ("organisation",)  # a person's country is seldom written

_SCRIPT = re.compile(r"<script\b[^>]*\btype\s*=\s*[\"']?application/ld\+json[\"']?[^>]*>(.*?)</script\s*>",
                     re.S | re.I)
_PEOPLE = ("performer", "performers", "speaker", "speakers")
# people of an event who appear only when the page prints them with a role: moderators, else the hosts' staff
_HOSTS = ("organizer", "organizers", "contributor", "contributors")
_SUB = ("subEvent", "subEvents")


def detect(doc: Document) -> bool:
    """True for a page whose JSON-LD, else whose microdata, holds an event that names a performer (hosts alone
    are no sign: an events plugin names its organiser on every page)."""
    if "ld+json" in doc.body and any(_people(event) for _, data in _scripts(doc, []) for event in _events(data)):
        return True
    if not microdata.EVENT_TYPE.search(doc.body):
        return False
    return any(_people(event) for _, item in microdata.events(page_tree(doc).root) for event in _events(item))


def read(doc: Document, countries=None, settings: Settings | None = None, **options) -> Parsed:
    """The sessions of a page's JSON-LD events (else its microdata events), with their people."""
    if options:
        raise ValueError(f"the jsonld reader takes no options, not {', '.join(options)}")
    parsed = Parsed(doc=doc, reader=NAME)
    base = getattr(settings, "base_url", None)
    page = permalink(str(doc.meta.get("permalink") or ""), base) or permalink(doc.path, None)
    found = [(line, event) for line, data in _scripts(doc, parsed.notes) for event in _events(data)]
    tree = None
    if not found and microdata.EVENT_TYPE.search(doc.body):  # a page writing its events both ways: the JSON-LD
        tree = page_tree(doc)
        found = _microdata(doc, tree)
    if not found:
        parsed.speakers += _speaker_page(doc, base)
        return parsed
    seen = _seen(doc, tree or page_tree(doc), found, countries)
    for line, event in found:
        session = _session(doc, event, line, page, base, seen, parsed.notes)
        if session is not None:
            parsed.sessions.append(session)
    if len({(s.permalink, s.date) for s in parsed.sessions}) < len(parsed.sessions):  # events of one page, one day
        for session in parsed.sessions:
            session.permalink = f"{(session.permalink or page).split('#')[0]}#{slugify(session.title)[:60]}"
    return parsed


def check(options: dict) -> None:
    """Raise ``ValueError``: the reader takes no options."""
    if options:
        raise ValueError(f"the jsonld reader takes no options, not {', '.join(options)}")


@dataclass
class _Seen:
    """What the visible page prints of its data: each person's place, the people printed beside them (when the
    page holds one event of people), its folded text and its ``<h1>``."""

    printed: dict[str, Printed] = field(default_factory=dict)
    beside: list[Printed] = field(default_factory=list)
    shown: str = ""
    heading: str = ""
    countries: Countries | None = None


def _seen(doc: Document, tree, found: list[tuple[int, dict]], countries: Countries | None) -> _Seen:
    names = [_person_name(p) for _, e in found for key in (_PEOPLE, _HOSTS) for _, p in _people(e, key)]
    if not names:
        return _Seen()
    heading = text(tree.css_first("body h1"))
    printed, beside = page_roles.printed_page(doc, tree, names)
    if sum(1 for _, e in found if _people(e)) != 1:
        # a conference's sessions on one page: its heading names the conference, and whose block the people
        # printed beside the data's are in is not known
        heading, beside = "", []
    return _Seen(printed, beside, folded(text(tree.body)) if tree.body is not None else "", heading, countries)


def _speaker_page(doc: Document, base: str | None) -> list[SpeakerPage]:
    """The speaker page of a page whose scripts hold one ``Person`` at their top (none when they hold several: a
    list of people, or a page's author beside another)."""
    people = [(line, node) for line, data in _scripts(doc, []) for node in _tops(data)
              if isinstance(node, dict) and _is_person(node) and "@type" in node and _person_name(node)]
    if len(people) != 1:
        return []
    line, person = people[0]
    row = _row(person, "", _data_line(doc, person, line))
    return [SpeakerPage(path=doc.path, line=row.line, permalink=permalink(str(doc.meta.get("permalink") or ""), base),
                        printed_name=row.printed_name, biography=_text(person.get("description")),
                        positions=row.positions, country_label=row.country_label, honorific=row.honorific)]


def _tops(data) -> list:
    """The nodes at the top of a JSON-LD value: itself, the items of a list, those of its ``@graph``."""
    nodes = _listed(data)
    return [n for node in nodes for n in ([node] + (_listed(node.get("@graph")) if isinstance(node, dict) else []))]


# --- the scripts and the events in them -----------------------------------------------------------


def _scripts(doc: Document, notes: list[Note]):
    """(line, parsed JSON) of each JSON-LD script of the page; a broken one is noted and left out."""
    for m in _SCRIPT.finditer(doc.body):
        line = doc.body_line + doc.body.count("\n", 0, m.start(1)) + 1
        try:
            yield line, json.loads(m.group(1))
        except ValueError as exc:
            where = line + getattr(exc, "lineno", 1) - 1
            notes.append(Note(doc.path, where, "skipped-row", f"JSON-LD script is no valid JSON ({exc}) — skipped"))


def _events(data) -> list[dict]:
    """The events in a JSON-LD value, in order: listed, under ``@graph``, and their sub-events after each."""
    out: list[dict] = []
    stack = [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, list):
            stack[:0] = node
        elif isinstance(node, dict):
            if "@graph" in node:
                stack[:0] = _listed(node["@graph"])
            if _is_event(node):
                out.append(node)
                stack[:0] = [sub for key in _SUB for sub in _listed(node.get(key))]
    return out


def _is_event(node: dict) -> bool:
    kinds = _listed(node.get("@type"))
    return any(isinstance(k, str) and (k.rsplit(":", 1)[-1] == "Event" or k.endswith("Event")) for k in kinds)


def _microdata(doc: Document, tree) -> list[tuple[int, dict]]:
    """(line, event) of the page's microdata events, as JSON-LD writes them."""
    lines = microdata.lines(doc)
    found = microdata.events(tree.root)
    first = doc.body_line + 1
    return [(lines[index] if index < len(lines) else first, event) for index, item in found for event in _events(item)]


def _listed(value) -> list:
    return value if isinstance(value, list) else [] if value is None else [value]


# --- one event ------------------------------------------------------------------------------------------


def _session(doc: Document, event: dict, line: int, page: str | None, base: str | None,
             seen_page: _Seen, notes: list[Note]) -> SessionPage | None:
    title = _text(event.get("name"))
    printed = seen_page.printed
    people = _people(event)
    people += _hosts(event, {_person_name(p) for _, p in people}, printed)
    if not people:
        return None
    start, day = _moment(event.get("startDate"))
    if day is None or not title:
        notes.append(Note(doc.path, line, "skipped-row", f"JSON-LD event {title or '(no name)'!r} has no "
                                                         f"{'startDate' if title else 'name'} — skipped"))
        return None
    end, _ = _moment(event.get("endDate"))
    if same_title(seen_page.heading, title):
        title = seen_page.heading  # the page's own spelling: "&" where the data says "and"
    session = SessionPage(path=doc.path, title=title, permalink=permalink(_text(event.get("url")), base) or page,
                          date=day, start=start, end=end if start and end else None,
                          abstract=_text(event.get("description")), room=_place(event.get("location")),
                          date_label=_text(event.get("startDate")))
    titled = role_of_title(title)
    if titled and role_of(titled) in ("speaker", "other", "moderator"):
        titled = None  # one person of a session may moderate, never all of them
    for role, person in people:
        seen = printed.get(_person_name(person)) or _UNSEEN
        where = seen.line or _data_line(doc, person, line)
        row = _row(person, role or _label(seen, titled), where)
        session.rows.append(weigh(row, seen.lines, seen_page.countries, seen_page.shown))
    for seen in seen_page.beside:  # people the page prints with a session role whom the data leaves out
        if role_of(seen.label or "") not in (None, "other"):  # "Organisers": the hosts' staff, as with _hosts
            session.rows += extra_rows(seen.lines, _label(seen, titled), seen.line or line)
    return session


_UNSEEN = Printed(None, False, None)


def _hosts(event: dict, named: set[str], printed: dict[str, Printed]) -> list[tuple[str | None, dict]]:
    """The event's organisers and contributors the page prints with a role, and one that is no organiser's
    ("Organizer"): a moderator a CMS files there; the others are the hosts' staff."""
    return [(role, p) for role, p in _people(event, _HOSTS) if _person_name(p) not in named
            and role_of((printed.get(_person_name(p)) or _UNSEEN).label or "") not in (None, "other")]


def _label(seen: Printed, titled: str | None) -> str:
    """A person's role label: the one the page prints with them, else their role heading, but for a heading of
    no role of its own ("Speakers"), which yields to the one the session's title names.

    >>> _label(Printed("Speakers", False, 3), "Opening Keynote"), _label(Printed("Panelist", True, 3), "Keynote")
    ('Opening Keynote', 'Panelist')
    >>> _label(Printed("Moderators", False, 3), "Keynote"), _label(Printed(None, False, 3), None)
    ('Moderators', 'Speaker')
    """
    if seen.label and (seen.own or role_of(seen.label) != "speaker"):
        return seen.label
    return titled or seen.label or "Speaker"


def _people(event: dict, keys: tuple[str, ...] = _PEOPLE) -> list[tuple[str | None, dict]]:
    """The people of an event under ``keys``, each with the role a ``Role`` around it names."""
    out = []
    for key in keys:
        for item in _listed(event.get(key)):
            role = None
            if isinstance(item, dict) and not _is_person(item) and any(k in item for k in keys):
                role = _text(item.get("roleName"))
                item = next((p for k in keys for p in _listed(item.get(k))), None)
            if isinstance(item, dict) and _is_person(item) and _person_name(item):
                out.append((role, item))
            elif isinstance(item, str) and item.strip():
                out.append((role, {"name": item}))
    return out


def _is_person(node: dict) -> bool:
    kinds = [k for k in _listed(node.get("@type")) if isinstance(k, str)]
    return not kinds or any(k.rsplit(":", 1)[-1] == "Person" for k in kinds)


def _person_name(person: dict) -> str:
    name = _text(person.get("name"))
    if not name:
        name = " ".join(filter(None, (_text(person.get("givenName")), _text(person.get("familyName")))))
    return name


def _data_line(doc: Document, person: dict, line: int) -> int:
    """The line of the data that names a person: the name's line in a script written over several lines."""
    found = doc.body.find(json.dumps(_person_name(person))[1:-1])
    return doc.body_line + doc.body.count("\n", 0, found) + 1 if found >= 0 else line


def _row(person: dict, role: str, line: int) -> Row:
    name = _person_name(person)
    titles = [t for t in (_text(v) for v in _listed(person.get("jobTitle"))) if t]
    orgs = [o for o in (_org(v) for key in ("worksFor", "affiliation", "memberOf") for v in _listed(person.get(key)))
            if o]
    pairs = max(len(titles), len(orgs))
    positions = [Position(title=titles[i] if i < len(titles) else None,
                          organisation=orgs[i] if i < len(orgs) else None) for i in range(pairs)]
    country = _text(person.get("nationality")) or next(
        (c for key in ("worksFor", "affiliation", "address") for v in _listed(person.get(key))
         if (c := _country(v))), None)
    return Row(line=line, role_label=role, printed_name=name, link=None, positions=positions,
               country_label=country, honorific=_text(person.get("honorificPrefix")) or None)


def _org(value) -> str:
    return _text(value.get("name") if isinstance(value, dict) else value)


def _country(value) -> str:
    if not isinstance(value, dict):
        return ""
    address = value.get("address") if "address" in value else value
    if isinstance(address, dict):
        return _text(address.get("addressCountry"))
    return ""


def _place(value) -> str | None:
    for item in _listed(value):
        name = _text(item.get("name") if isinstance(item, dict) else item)
        if name:
            return name
    return None


def _moment(value) -> tuple[datetime | None, date | None]:
    """A start or end: the datetime (with its offset) and its date; a date alone; a printed date."""
    printed = _text(value)
    if not printed:
        return None, None
    try:
        found = datetime.fromisoformat(printed.replace("Z", "+00:00"))
    except ValueError:
        day = times.parse_date(printed)
        return None, day
    if re.fullmatch(r"\d{4}-\d\d-\d\d", printed):
        return None, found.date()
    return found, found.date()


def _text(value) -> str:
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str)), None)
    return " ".join(str(value).split()) if isinstance(value, (str, int, float)) else ""
