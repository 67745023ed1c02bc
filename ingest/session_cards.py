"""Session cards whose fields their classes name: a schedule's card prints its title, its speakers, its time, its
room, its track and its abstract each in an element classed for it (a pretalx or Sessionize list, a CMS's
template: ``<div class="title">``, ``<div class="speakers">Ann Lee, Bo Chan</div>``, ``<div class="room">``).

Read line by line, such a card is ambiguous — "Ann Lee, Bo Chan" reads as a name and an organisation, the
abstract under it as a job title, the track as a position — but its classes say what each line is. A card is
the largest element around one class-marked speakers field that holds one session title (an element classed as
a title, or a heading) and no other: its speakers field lists people only, its abstract and track are no
people, its room and time are the session's.

>>> from selectolax.lexbor import LexborHTMLParser
>>> tree = LexborHTMLParser('<div class="day"><a href="/t/x/"><div class="session"><div class="start">10:30</div>'
...     '<div class="title">Keynote: Repair</div><div class="speakers">Ann Lee, Bo Chan</div>'
...     '<div class="abstract"><p>A talk about repairing things that were never meant to be opened.</p></div>'
...     '<div class="track">Society</div><div class="room">Dock 1</div></div></a>'
...     '<div class="session"><h3>Lunch</h3></div></div>')
>>> [(c.root.tag, c.title, c.link, c.clock, c.room, c.kinds, [f"{label}: {', '.join(ln.text for ln in lines)}" for label, lines, _, _ in c.people])
...  for c in cards(tree.body).values()]
[('a', 'Keynote: Repair', '/t/x/', '10:30', 'Dock 1', ['Society'], ['Speakers: Ann Lee, Bo Chan'])]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from selectolax.lexbor import LexborNode

from ingest.cards import first_day, hidden, reads_as_time
from ingest.html_page import Line, class_words, node_lines, text
from ingest.person_pattern import FREE_TEXT, split_position
from ingest.records import Position
from ingest.tidy import has_job_word
from ingest.roles import role_words_only

_PEOPLE = re.compile(r"(?:^|[-_])(?P<word>speakers?|speaker[-_]?(?:list|names)|presenters?|authors?|panel+ists?|"
                     r"moderators?|hosts?|chairs?|facilitators?|people|persons)$", re.I)
_AUTHOR = re.compile(r"(?:^|[-_])(?:authors?|byline)$", re.I)
_TITLE = re.compile(r"(?:^|[-_])(?:title|heading|headline)$|^(?:session|talk|event)[-_]name$", re.I)
_TIME = re.compile(r"(?:^|[-_])(?:times?|start|starts|start[-_]?time|time[-_]?range|timerange|hours?|clock)$", re.I)
_ROOM = re.compile(r"(?:^|[-_])(?:rooms?|location|venue|stage|hall)$", re.I)
_TRACK = re.compile(r"(?:^|[-_])(?:tracks?|categor(?:y|ies)|tags?|topics?|themes?|level|language|duration|length|"
                    r"difficulty|type|format|kind)$", re.I)
_PROSE = re.compile(r"(?:^|[-_])(?:abstract|description|desc|summary|excerpt|teaser|synopsis|blurb|bio|biography)$",
                    re.I)
_PROSE_TITLE = re.compile(r"(?:abstract|description|desc|summary|bio|biography)[-_]+title", re.I)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_LABEL = re.compile(r"(?:^|[-_])label$", re.I)  # "field__label", "people-label"; not Drupal's "field--label-hidden"
_MODERATOR = re.compile(r"moderator|host|chair|facilitator", re.I)
_STAMP = ("data-start", "data-starts", "data-start-time", "data-time", "data-isodatetime", "datetime")
_MAX_CARD = 4000  # characters: a card is one session, not a page of them
_MAX_PEOPLE = 600


@dataclass
class Card:
    """One session card: its root element, and what its classed fields print."""

    root: LexborNode
    title: str
    link: str | None = None
    clock: str | None = None
    day: date | None = None
    date_text: str | None = None  # a date printed in a time field, maybe without its year ("Sep 13")
    room: str | None = None
    kinds: list[str] = field(default_factory=list)  # what its track, type or tag fields print
    read: set[int] = field(default_factory=set)  # the fields read (``mem_id``s): the rest of the card is walked as usual
    # (label, lines, field, item) in order: an item's name and position lines (``item``), or a line printing one person
    # or a list of them (its bold runs kept: "<b>Ann Lee</b>, CTO and <b>Bo Chan</b>, …"), and the speakers field
    people: list[tuple[str, list[Line], int, bool]] = field(default_factory=list)


def _field(node: LexborNode, pattern: re.Pattern) -> bool:
    return any(pattern.search(c) for c in _words(node))


def title_field(node: LexborNode) -> bool:
    """True for an element classed as a title (``session-title``, Drupal's ``field--name-field-session-title``), or
    one holding only such an element."""
    children = [c for c in node.iter() if c.tag not in ("-comment",)]
    return _field(node, _TITLE) or len(children) == 1 and children[0].tag != "-text" and _field(children[0], _TITLE)


def prose(node: LexborNode) -> bool:
    """True for a card's abstract or description field."""
    return _field(node, _PROSE)


def _words(node: LexborNode) -> list[str]:
    """The words naming an element's field: its classes, and the values of its data attributes that name one (an app
    whose class names are hashes keeps ``data-testid="session-title"``, ``data-cvent-id="speaker-name"``)."""
    named = [v for k, v in node.attributes.items() if k.startswith("data-") and v and _DATA_WORD.fullmatch(v)]
    return class_words(node.attributes.get("class")) + named


_DATA_WORD = re.compile(r"[A-Za-z][A-Za-z-_]{2,39}")


def holders(found: dict[int, Card]) -> set[int]:
    """The ``mem_id``s of the elements the cards are inside of (a list of cards is walked into, item by item)."""
    return {a.mem_id for card in found.values() for a in _ancestors(card.root, None)}


def cards(body: LexborNode | None) -> dict[int, Card]:
    """The session cards of a page, by their root element's ``mem_id``."""
    if body is None or "class" not in (body.html or ""):
        return {}
    fields = [n for n in body.css("[class]") if _field(n, _PEOPLE)]
    ids = {f.mem_id for f in fields}
    fields = [f for f in fields if not any(a.mem_id in ids for a in _ancestors(f, body))]  # the outermost
    found: dict[int, Card] = {}
    for people in fields:
        root = _root(people, body)
        if root is None or root.mem_id in found:
            continue
        card = _read(root, [f for f in fields if inside(f, root)])
        if card is not None:
            found[root.mem_id] = card
    return found


def _titles(node: LexborNode, people: list[LexborNode] | None = None) -> list[LexborNode]:
    """The title fields in ``node``: elements classed as a title and headings, the outermost of nested ones, none
    inside a people field (a speaker's "title" is a job title)."""
    hits = list({n.mem_id: n for n in node.css("[class], h2, h3, h4, h5, h6")
                 if n.tag in _HEADINGS or _field(n, _TITLE)}.values())  # a classed heading matches twice
    ids = {n.mem_id for n in hits}
    hits = [n for n in hits if text(n) and not any(a.mem_id in ids or _field(a, _PROSE) for a in _ancestors(n, node))
            and not any(_PROSE_TITLE.search(w) for w in _words(n))]  # "ABSTRACT." heads an abstract, titles no card
    inside_people = [f for f in node.css("[class]") if _field(f, _PEOPLE)] if people is None else people
    return [n for n in hits if not any(p.mem_id == n.mem_id or inside(n, p) for p in inside_people)]


def _root(people: LexborNode, body: LexborNode) -> LexborNode | None:
    """The card around a speakers field: the smallest ancestor holding a title, grown while its parent holds no
    other title nor another speakers field; ``None`` when no ancestor close by holds exactly one title."""
    node, steps = people.parent, 0
    while node is not None and node.mem_id != body.mem_id and steps < 6:
        titles = _titles(node)
        if len(titles) > 1:
            return None
        if titles:
            break
        node, steps = node.parent, steps + 1
    else:
        return None
    while node.parent is not None and node.parent.mem_id != body.mem_id and node.parent.tag not in ("main", "body") \
            and len(_titles(node.parent)) == 1 and len(text(node.parent)) <= _MAX_CARD \
            and sum(1 for f in node.parent.css("[class]") if _field(f, _PEOPLE)) \
            == sum(1 for f in node.css("[class]") if _field(f, _PEOPLE)):
        node = node.parent
    return node if len(text(node)) <= _MAX_CARD else None


def _read(root: LexborNode, people: list[LexborNode]) -> Card | None:
    titles = _titles(root, people)
    if len(titles) != 1 or len(text(titles[0])) > 200:
        return None
    card = Card(root, _numberless(titles[0]), link=_link(titles[0], root))
    card.read = {titles[0].mem_id} | {f.mem_id for f in people}
    timed: list[LexborNode] = []
    for node in root.css("[class], time"):
        if any(inside(node, f) or node.mem_id == f.mem_id for f in people) or inside(node, titles[0]) \
                or node.mem_id == titles[0].mem_id:
            continue
        printed = text(node)
        if _field(node, _PROSE):
            continue  # its abstract, walked as usual: no positions, but "moderated by Ann Lee" gives her role
        if node.tag == "time" or _field(node, _TIME):
            if any(inside(node, t) for t in timed):
                card.read.add(node.mem_id)
                continue  # "<span class=timetable-time><span class=start-time>09:00</span> → …": read whole above
            timed.append(node)
            card.read.add(node.mem_id)
            stamp = next((node.attributes.get(a) or "" for a in _STAMP if node.attributes.get(a)), "")
            if card.day is None and re.match(r"\d{4}-\d\d-\d\d", stamp):
                card.day = first_day(stamp[:10])
            if printed and len(printed) < 40 and not reads_as_time(printed) and card.date_text is None \
                    and first_day(printed, 2000) is not None:
                card.date_text = printed  # "Sep 13" over "10:00": the day, in the page's year
            elif printed and len(printed) < 40 and reads_as_time(printed):
                # "09:45", "–", "10:30" in fields of their own: the range
                card.clock = printed if card.clock is None or "–" in card.clock else f"{card.clock} – {printed}"
        elif _field(node, _ROOM) and card.room is None and 0 < len(printed) <= 80:
            card.room = printed
            card.read.add(node.mem_id)
        elif _field(node, _TRACK) and 0 < len(printed) <= 60:
            card.kinds.append(printed)
            card.read.add(node.mem_id)
    if card.day is None:
        stamp = next((root.attributes.get(a) or "" for a in _STAMP if root.attributes.get(a)), "")
        card.day = first_day(stamp[:10]) if re.match(r"\d{4}-\d\d-\d\d", stamp) else None
    if card.clock is None and all(_field(f, _AUTHOR) for f in people):
        return None  # a blog post's card: its author wrote it, no one spoke
    for f in people:
        if len(text(f)) > _MAX_PEOPLE:
            return None
        word = next((m.group("word") for c in _words(f) if (m := _PEOPLE.search(c))), "")
        # the class's number is the label's: "speakers" lists people, "speaker" prints one ("Ann Lee, CTO, Acme")
        label = "Moderator" if _MODERATOR.search(word) else "Speakers" if word.endswith(("s", "people")) else "Speaker"
        card.people += [(one, lines, f.mem_id, item) for one, lines, item in _persons(f, label)]
    return card


def _numberless(title: LexborNode) -> str:
    """A title without the number its list prints before it in an element of its own (Indico's ``<span
    class="contrib-id">5.</span>``).

    >>> from selectolax.lexbor import LexborHTMLParser
    >>> _numberless(LexborHTMLParser('<div><span class="id">5.</span> <a>Tides</a></div>').css_first("div"))
    'Tides'
    """
    printed = text(title)
    first = next((c for c in title.iter() if c.tag not in ("-comment",) and (c.tag != "-text" or c.text().strip())), None)
    if first is not None and first.tag != "-text" and re.fullmatch(r"\d{1,3}[.)]?", text(first)):
        return printed[len(text(first)):].strip() or printed
    return printed


def _persons(people: LexborNode, label: str) -> list[tuple[str, list[Line], bool]]:
    """(label, lines) of each person a speakers field prints: its items (``<li>``, links, elements classed as a
    speaker), each with its lines (a name, then its position lines), under the role printed last before it
    ("Moderator" over a list of cards); else each line of the field, as one person or a list of them. Hidden
    elements (an empty list a template keeps) print nobody."""
    items = [n for n in people.css("li, a, [class]") if (n.tag in ("li", "a") or _field(n, _PEOPLE)) and text(n)
             and n.mem_id != people.mem_id and not hidden(n, people)]
    ids = {n.mem_id for n in items}
    items = [n for n in items if not any(a.mem_id in ids for a in _ancestors(n, people))]
    cards = _repeated(people)  # cards of one class side by side ("speaker-chip"): each a person, its name inside
    if len(cards) >= len(items) and all(sum(inside(i, c) or i.mem_id == c.mem_id for i in items) <= 1 for c in cards):
        items = cards
    if not items and (only := _one_card(people)) is not None:
        items = [only]
    left = text(people)
    for head in people.css("h2, h3, h4, h5, h6, [class*=label]"):  # the field's own headings and labels
        if head.tag in _HEADINGS or any(_LABEL.search(w) for w in class_words(head.attributes.get("class"))):
            left = left.replace(text(head), " ", 1) if text(head) else left
    left = re.sub(r"\W|\band\b|\bund\b|\bet\b", "", left)
    if items and len(left) - len(re.sub(r"\W", "", "".join(text(i) for i in items))) > 3:
        items = []  # links on the names, the affiliations beside them ("[Ann Lee](…) (Acme)"): the lines as printed
    if not items:
        return [(label, [ln], False) for ln in node_lines(people) if ln.text]
    out: list[tuple[str, list[Line], bool]] = []
    ids = {n.mem_id for n in items}
    for node in people.traverse():
        if node.mem_id == people.mem_id:
            continue
        if node.mem_id in ids:  # one person: a plural label in the singular ("Speaker: Ann Lee, Red Hat")
            one = label[:-1] if re.fullmatch(r"[^\W\d_]+s", label) else label
            out.append((one, [ln for ln in node_lines(node) if ln.text], True))
        elif all(c.tag in ("-text", "-comment") for c in node.iter(include_text=True)):
            printed = text(node)
            if printed and len(printed.split()) <= 3 and role_words_only(printed) and not hidden(node, people) \
                    and not any(inside(node, item) for item in items):
                label = printed.strip(" :")  # "Speakers:", "Moderator": the role of the items after it
    return out


def _repeated(people: LexborNode) -> list[LexborNode]:
    """The elements of one tag and class repeated most (twice or more) in a speakers field, each with elements inside
    (a "speaker-chip" holding a name, a title and a company, under a "Moderator" or a "Panelists" heading alike):
    its cards, one person each."""
    groups: dict[tuple, list[LexborNode]] = {}
    for node in people.css("[class]"):
        if node.mem_id != people.mem_id and text(node) \
                and any(c.tag not in ("-text", "-comment", "br") for c in node.iter()):
            groups.setdefault((node.tag, node.attributes.get("class")), []).append(node)
    best = max(groups.values(), key=len, default=[])  # the first of the largest: the outer of nested cards
    return [m for m in best if not hidden(m, people)] if len(best) >= 2 else []


def _one_card(people: LexborNode) -> LexborNode | None:
    """The one card a speakers field holds under its heading: the element all its other lines are in."""
    lines = [ln.text for ln in node_lines(people) if ln.text]
    heads = {text(h) for h in people.css("h2, h3, h4, h5, h6")}
    rest = [t for t in lines if t not in heads]
    if not 2 <= len(rest) <= 5:
        return None
    for node in people.css("div, li, a, span"):
        mine = [ln.text for ln in node_lines(node) if ln.text]
        if mine == rest:
            return node
    return None


def positions(lines: list[str]) -> list[Position]:
    """The positions a person's card prints under the name, each line a field of its own: a title then an
    organisation ("Director, Cyber Resilience Programme" over "Kyiv Centre for Security Studies": the comma is the
    title's), a country last.

    >>> [(p.title, p.organisation) for p in positions(["Director, Resilience Programme", "Kyiv Centre", "Ukraine"])]
    [('Director, Resilience Programme', 'Kyiv Centre, Ukraine')]
    >>> [(p.title, p.organisation) for p in positions(["Policy Lead, Acme"])]
    [('Policy Lead', 'Acme')]
    >>> [(p.title, p.organisation) for p in positions(["Professor of Law, Tartu University", "Adviser, Range Foundation"])]
    [('Professor of Law', 'Tartu University'), ('Adviser', 'Range Foundation')]
    """
    from ingest.countries import default_countries
    from ingest.markdown import Segment
    from ingest.positions import _is_org, page_positions

    countries = default_countries()
    country = lines[-1] if len(lines) > 1 and countries.lookup(lines[-1], fuzzy=False) else None
    rest = lines[:-1] if country else lines
    if len(rest) == 2 and all("," in r and (has_job_word(r.split(",")[0]) or _is_org(r.split(",", 1)[1].strip()))
                              for r in rest):
        # "Professor of Information Security, University of Tartu" over "Scientific Adviser, Estonian Cyber Range
        # Foundation": a position a line
        found = [p for r in rest for p in split_position(r, reading=FREE_TEXT)]
    elif len(rest) == 2:
        found = [Position(title=rest[0], organisation=rest[1])]
    elif len(rest) == 1 and "," in rest[0]:
        found = split_position(rest[0], reading=FREE_TEXT)
    else:
        found, printed = page_positions([[Segment(t)] for t in rest], countries)
        country = country or printed
    if country and found:
        found[-1].organisation = f"{found[-1].organisation}, {country}" if found[-1].organisation else country
    return found or ([Position(organisation=country)] if country else [])


def _link(title: LexborNode, root: LexborNode) -> str | None:
    """The page a card links to: its title's link, else the link the card is."""
    a = title.css_first("a[href]") or next((n for n in _ancestors(title, None) if n.tag == "a"), None)
    if a is None and root.tag == "a":
        a = root
    return (a.attributes.get("href") or None) if a is not None else None


def inside(node: LexborNode, outer: LexborNode) -> bool:
    """True when ``node`` is inside ``outer``."""
    return any(a.mem_id == outer.mem_id for a in _ancestors(node, None))


def _ancestors(node: LexborNode, stop: LexborNode | None):
    parent = node.parent
    while parent is not None and (stop is None or parent.mem_id != stop.mem_id):
        yield parent
        parent = parent.parent
