"""Declared patterns that split one printed string into a person's name, job title and organisation.

A data file or a front-matter field often prints a person in one string. A profile
declares which patterns its strings follow (``person_pattern = ["Name, Title, Org"]``);
the first pattern that finds a name wins. Patterns, as a profile writes them:

===================== ==================================================================
``Name, Title, Org``  "Jane Doe, CEO, Acme, Acme Group": the title is the first part after
                      the name, the organisation all the rest ("Org[, Org…]"). Loose
                      punctuation is read too: "Jane Doe,CEO, Acme", "Jane Doe. CEO, Acme".
                      With one part after the name, it is a title when it reads as a job
                      title ("Jane Doe, Chief Scientist"), else an organisation ("Jane Doe, Acme").
``Name — Title, Org`` a dash (—, – or a spaced hyphen) after the name, then "Title, Org".
``Name (Org)``        the organisation in parentheses after the name: "Jane Doe (ACME)".
``Name``              the whole string is the name.
``Title, Org``        a position only (a tagline): "Chief Scientist, Acme".
``Title @ Org``       a position only: "SRE @ Acme".
``Title at Org``      a position only: "Head of IT at Acme" (the last " at " before a capital).
===================== ==================================================================

Everywhere: post-nominals after the name stay with it ("Jane Doe, Ph.D, CTO, Acme"),
``|`` between jobs gives one position each, a job title trailing an organisation is a
position of its own ("Fellow @ Acme, Presidential Fellow"). A name must read as a person
(``ingest.tidy.not_a_person``): "CEO, Acme" finds no name, so a reader can take it as the
position of the person printed before it (``Person.name`` is ``None``).

>>> brief(split_person("Jane Doe, Chief Data Officer, Office of the CIO, Acme Group"))
('Jane Doe', [('Chief Data Officer', 'Office of the CIO, Acme Group')])
>>> brief(split_person("Jane Doe,Executive Director, Acme")), brief(split_person("Ravi Kumar. CEO, Acme Labs"))
(('Jane Doe', [('Executive Director', 'Acme')]), ('Ravi Kumar', [('CEO', 'Acme Labs')]))
>>> brief(split_person("Jane Doe, Ph.D")), brief(split_person("Jane Doe, Ph.D., Senior Scientist, Acme Institute"))
(('Jane Doe, Ph.D', []), ('Jane Doe, Ph.D.', [('Senior Scientist', 'Acme Institute')]))
>>> brief(split_person("Ola Nordmann, Acme")), brief(split_person("Ola Nordmann, Public Sector CTO"))
(('Ola Nordmann', [(None, 'Acme')]), ('Ola Nordmann', [('Public Sector CTO', None)]))
>>> brief(split_person("Ola Nordmann - ACME", ["Name — Title, Org"])), brief(split_person("Ola Nordmann (ACME)", ["Name (Org)"]))
(('Ola Nordmann', [(None, 'ACME')]), ('Ola Nordmann', [(None, 'ACME')]))
>>> brief(split_person("Ann Lee, Director, Acme Labs | Adviser of Beta (Gamma Agency)"))
('Ann Lee', [('Director', 'Acme Labs'), ('Adviser of Beta (Gamma Agency)', None)])
>>> brief(split_person("Ann Lee, Entrepreneur In Residence @ Navy Lab, Presidential Innovation Fellow"))
('Ann Lee', [('Entrepreneur In Residence', 'Navy Lab'), ('Presidential Innovation Fellow', None)])
>>> brief(split_person("Senior Director, Acme Technologies"))
(None, [('Senior Director', 'Acme Technologies')])
>>> [(p.title, p.organisation) for p in split_position("SRE @ Acme", "Title @ Org")]
[('SRE', 'Acme')]
>>> patterns = ["Title @ Org", "Title at Org", "Title, Org"]
>>> [brief(Person("x", split_position(t, patterns)))[1] for t in ("Head of IT at Acme", "Artist", "CIO, Acme")]
[[('Head of IT', 'Acme')], [('Artist', None)], [('CIO', 'Acme')]]
>>> split_names("Ann Lee and Ravi Kumar", [" and "]), split_names("Ben and Jerry", [" and "])
(['Ann Lee', 'Ravi Kumar'], ['Ben and Jerry'])
>>> check_patterns(["Name; Title"])
Traceback (most recent call last):
ValueError: unknown person pattern 'Name; Title' — use one of 'Name, Title, Org', 'Name — Title, Org', 'Name (Org)', 'Name', 'Title, Org', 'Title @ Org', 'Title at Org'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.names import load_vocabulary
from ingest.records import Position
from ingest.tidy import not_a_person

PERSON_PATTERNS = ("Name, Title, Org", "Name — Title, Org", "Name (Org)", "Name")
POSITION_PATTERNS = ("Title, Org", "Title @ Org", "Title at Org")
_COMMA = re.compile(r"\s*,\s*(?![^()]*\))")  # a comma outside parentheses
_DASH = re.compile(r"\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*")
_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$")
_DOT_TITLE = re.compile(r"^(?P<name>.*\w\w)\.\s+(?P<title>\S.*)$")  # "Ravi Kumar. CEO", not "Ann B. Lee"
_JOBS = re.compile(r"\s+\|\s+|\s*\|\s*")
_AT_WORD = re.compile(r"\s+at\s+(?=[A-Z0-9])")
_AT = re.compile(r"\s+@\s+|\s*@\s*(?=\w)")
# the post-nominals of data/honorifics.toml (not nameparser's acronyms: "CTO" is one there)
_POST = {p.replace(".", "").upper() for p in load_vocabulary()[1]} | {"PHD", "MD", "JD", "LLM", "MBA", "MPH", "MSC"}
_TITLE_REASONS = ("a job title", "a heading", "a job title at an organisation")


@dataclass
class Person:
    """A name as printed (``None`` when the string starts with no name) and the positions printed with it."""

    name: str | None
    positions: list[Position] = field(default_factory=list)


def _key(pattern: str) -> str:
    return re.sub(r"\s+", "", pattern.replace("\u2013", "\u2014").replace("-", "\u2014")).lower()


_PATTERN_KEYS = {_key(p): p for p in PERSON_PATTERNS + POSITION_PATTERNS}


def check_patterns(patterns) -> tuple[str, ...]:
    """The declared patterns in their canonical spelling; ``ValueError`` names an unknown one."""
    items = [patterns] if isinstance(patterns, str) else list(patterns)
    out = []
    for item in items:
        canonical = _PATTERN_KEYS.get(_key(item)) if isinstance(item, str) else None
        if canonical is None:
            known = ", ".join(repr(p) for p in PERSON_PATTERNS + POSITION_PATTERNS)
            raise ValueError(f"unknown person pattern {item!r} — use one of {known}")
        out.append(canonical)
    return tuple(out)


def split_person(text: str, patterns=("Name, Title, Org",)) -> Person:
    """The name and positions of one printed person, by the first declared pattern that finds a name."""
    text = " ".join(str(text).split()).strip(" ,;")
    for pattern in check_patterns(patterns):
        if pattern in POSITION_PATTERNS:
            return Person(None, split_position(text, patterns))
        person = _SPLITTERS[pattern](text)
        if person is not None:
            return person
    return Person(None, split_position(text))


def _name_title_org(text: str) -> Person | None:
    parts = _COMMA.split(text)
    head = _DOT_TITLE.match(parts[0])
    if head and _is_title(head.group("title")) and _is_name(head.group("name")):
        parts[:1] = [head.group("name"), head.group("title")]
    if not _is_name(parts[0]):
        return None
    name, rest = _with_post_nominals(parts)
    return Person(name, _positions(", ".join(rest)) if rest else [])


def _name_dash(text: str) -> Person | None:
    m = _DASH.search(text)
    if m is None or not _is_name(text[:m.start()]):
        return None
    return Person(text[:m.start()].strip(), _positions(text[m.end():]))


def _name_paren(text: str) -> Person | None:
    m = _PAREN.match(text)
    if m is None or not _is_name(m.group("name")) or not_a_person(m.group("org")) == "a heading":
        return None  # "Jane Doe (Moderator)" names a role, not an organisation
    return Person(m.group("name").strip(), [Position(organisation=m.group("org").strip())])


def _name_only(text: str) -> Person | None:
    return Person(text) if _is_name(text) else None


_SPLITTERS = {"Name, Title, Org": _name_title_org, "Name — Title, Org": _name_dash, "Name (Org)": _name_paren,
              "Name": _name_only}


def split_position(text: str, patterns=("Title, Org",)) -> list[Position]:
    """The positions in a title-and-organisation string, by the first declared pattern whose separator it holds.

    A lone part is a title ("Artist"); jobs joined by "|" are one position each.
    """
    text = " ".join(str(text).split()).strip(" ,;")
    if not text:
        return []
    for pattern in check_patterns(patterns):
        if pattern == "Title @ Org" and _AT.search(text):
            return _positions(text)
        at = list(_AT_WORD.finditer(text))
        if pattern == "Title at Org" and at:
            return [Position(title=text[:at[-1].start()], organisation=text[at[-1].end():])]
        if pattern == "Title, Org":
            return _positions(text, lone_title=True)
    return [Position(title=text)]


def _positions(text: str, lone_title: bool = False) -> list[Position]:
    return [pos for job in _JOBS.split(text) if job.strip(" ,") for pos in _job(job.strip(" ,"), lone_title)]


def _job(text: str, lone_title: bool = False) -> list[Position]:
    at = _AT.search(text)
    if at:
        title, rest = text[:at.start()].strip(), _COMMA.split(text[at.end():].strip())
    else:
        parts = _COMMA.split(text)
        if len(parts) == 1:
            return [Position(title=text) if lone_title or _opens_with_title(text) else Position(organisation=text)]
        title, rest = parts[0], parts[1:]
    extra = []
    while len(rest) > 1 and _is_title(rest[-1]):  # "…, Presidential Fellow": a second job, no organisation
        extra.insert(0, Position(title=rest.pop()))
    return [Position(title=title or None, organisation=", ".join(rest) or None)] + extra


def _with_post_nominals(parts: list[str]) -> tuple[str, list[str]]:
    name, rest = parts[0].strip(), list(parts[1:])
    while rest and is_post_nominal(rest[0]):
        name += ", " + rest.pop(0).strip()
    return name, rest


def is_post_nominal(text: str) -> bool:
    """True for letters printed after a name ("Ph.D", "PhD", "OBE").

    >>> is_post_nominal("Ph.D"), is_post_nominal("NGA")
    (True, False)
    """
    return len(text) <= 8 and text.replace(".", "").replace(" ", "").upper() in _POST


def _is_name(text: str) -> bool:
    text = text.strip()
    return bool(text) and not _COMMA.search(text) and not_a_person(text) is None


def _is_title(text: str) -> bool:
    return not_a_person(text) in _TITLE_REASONS


def _opens_with_title(text: str) -> bool:
    """A lone part is a title when it reads as one or opens with one ("Director of Acme Agency")."""
    return _is_title(text) or _is_title(" ".join(text.split()[:2]))


def split_names(text: str, separators) -> list[str]:
    """Several people printed in one name ("A and B"), split at the declared separators when every piece is a name."""
    if not separators:
        return [text]
    pieces = [p.strip() for p in re.split("|".join(map(re.escape, separators)), text)]
    if len(pieces) > 1 and all(len(p.split()) >= 2 and _is_name(p) for p in pieces):
        return pieces
    return [text]


def brief(person: Person) -> tuple[str | None, list[tuple[str | None, str | None]]]:
    """A person as (name, [(title, organisation)]) — for reading examples and tests."""
    return person.name, [(p.title, p.organisation) for p in person.positions]
