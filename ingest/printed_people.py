"""People printed in lines, in a panel-table cell of their own (beside a photo, one a cell, several cells a row)
or in a paragraph under a table: an optional role line ("**Moderator**", "Chair:"), the name line ("**Dr Ann
Lee**", or "Chair: Ms Ann Lee, Director, Port Office, Chile" all in one), then lines of title, organisation and
country. ``people_in_lines`` reads them (see its examples).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.countries import Countries, default_countries
from ingest.markdown import Segment, line_text
from ingest.names import split_name
from ingest.people_text import role_prefix
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person, split_position
from ingest.positions import read_positions
from ingest.records import Position
from ingest.roles import clean_label, is_role_heading, role_of_title
from ingest.tidy import not_a_person



@dataclass
class Printed:
    """A person read from lines: the index of the name line, the role label printed with it, and the rest."""

    at: int
    label: str | None
    name: str
    positions: list[Position] = field(default_factory=list)
    country: str | None = None
    below: list[list[Segment]] = field(default_factory=list)  # the lines of title, organisation, country


def people_in_lines(lines: list[list[Segment]], label: str | None = None, countries: Countries | None = None,
                    org: re.Pattern | None = None) -> list[Printed]:
    """The people of a run of lines: role lines, name lines and the lines under each name; none when the first
    line that is no role line is no name (``org``: a site's own organisation words).

    >>> def read(*texts):
    ...     lines = [[Segment(t[2:-2], bold=True)] if t.startswith("**") else [Segment(t)] for t in texts]
    ...     return [(p.label, p.name, [(q.title, q.organisation) for q in p.positions], p.country)
    ...             for p in people_in_lines(lines)]
    >>> read("**Dr Salma Haddad**", "Senior Researcher", "Levant Centre for Cyber Law", "Jordan")
    [(None, 'Dr Salma Haddad', [('Senior Researcher', 'Levant Centre for Cyber Law')], 'Jordan')]
    >>> read("**Keynote Speaker**", "**Prof. Ken Ito**", "Professor of Law, Kansai Institute", "Japan")
    [('Keynote Speaker', 'Prof. Ken Ito', [('Professor of Law', 'Kansai Institute')], 'Japan')]
    >>> read("Chair: Ms Ana Cruz, Deputy Director, Liaison Office, Chile", "Moderated by Mr Bo Lund, Editor, Iceland")
    [('Chair', 'Ms Ana Cruz', [('Deputy Director', 'Liaison Office')], 'Chile'), ('Moderator', 'Mr Bo Lund', [('Editor', None)], 'Iceland')]
    >>> read("Senior Researcher", "Levant Centre for Cyber Law")
    []
    """
    found: list[Printed] = []
    for at, line in enumerate(lines):
        text = line_text(line)
        if len(text) > 200:  # a sentence, not a name or a position
            break
        own, rest = role_prefix(text)
        if own and not rest:
            label = own
        elif _bold(line) and is_role_heading(text) and not looks_like_name(text):
            # "**Opening Address by Guest of Honour**": the role after "by"; "**Fireside Chat: Cloud and Trust**": its head
            label = role_of_title(clean_label(text)) or clean_label(text)
        elif own and (person := _labelled(at, own, rest)):
            found.append(person)
        elif not _italic(line) and (person := _next_person(at, label, text, bare=not found)):
            # "HE Maria Costa", then "Mr Oliver Grant, Chief Executive, Helix": two people; "Mr Jonah Tan, Content
            # Creator" first: a person and their position in one line
            found.append(person)
        elif found and not (found[-1].below and _bold(line) and looks_like_name(text)):
            found[-1].below.append(line)
        elif not _italic(line) and looks_like_name(text):
            found.append(Printed(at, label, text))
        else:
            return []
    for person in found:
        _settle(person, countries or default_countries(), org)
    return found


_NAME_BRACKET = re.compile(r"[^(),;]+\([^()]+\)")  # a name, then its position in brackets


def _next_person(at: int, label: str | None, text: str, bare: bool = False) -> Printed | None:
    """A line under a person that opens with another's honorific and name ("Mr Oliver Grant, Chief Executive
    Officer, Helix Cloud"): that person, not a position; ``None`` for any other line ("Minister for Law"). With
    ``bare`` (no person above), a name without an honorific before its position will do ("Daniel Okafor,
    Independent Security Researcher (Nigeria)")."""
    head = re.split(r"\s*[,(–—]\s*", text, maxsplit=1)[0]
    split = split_name(head)
    bracketed = bool(_NAME_BRACKET.fullmatch(text))  # "Yusuf Demir (Counsellor, Permanent Mission …)"
    if not (split.honorific or bracketed or bare and head != text) or not split.name or len(split.name.split()) < 2 \
            or not looks_like_name(head) or not_a_person(split.name):
        return None
    person = split_person(text, reading=FREE_TEXT)
    return Printed(at, label, person.name, person.positions) if person.name else None


def _labelled(at: int, label: str, rest: str) -> Printed | None:
    """ "Chair: Ms Ana Cruz, Director, Port Office": a person printed after a role label, in one line."""
    person = split_person(rest, reading=FREE_TEXT)
    if not person.name or not looks_like_name(person.name):
        return None
    return Printed(at, label, person.name, person.positions)


def _settle(person: Printed, countries: Countries, org: re.Pattern | None) -> None:
    """Positions and country from the lines under the name, after those printed beside it."""
    below, country = lines_positions(person.below, countries, org)
    person.positions, person.country = _without_country(person.positions + below, countries)
    person.country = country or person.country


def lines_positions(lines: list[list[Segment]], countries: Countries,
                    org: re.Pattern | None = None) -> tuple[list[Position], str | None]:
    """Positions and country of the lines under a name: an italic title as a panel cell prints it, else the first
    line the title, the next ones its organisation, the last the country; a line alone is "Title, Org"."""
    if any(_italic(line) for line in lines):
        return read_positions(lines, countries, org)
    texts = [line_text(line) for line in lines if line_text(line)]
    country = texts.pop() if len(texts) > 1 and _country(texts[-1], countries) else None
    if len(texts) <= 1:
        return _one_line(texts[0]) if texts else [], country
    found, printed = read_positions([[Segment(texts[0], italic=True)]] + [[Segment(t)] for t in texts[1:]],
                                    countries, org)
    return found, country or printed


def _one_line(text: str) -> list[Position]:
    if not_a_person(text) == "an organisation":
        return [Position(organisation=text)]
    return split_position(text, reading=FREE_TEXT)


def _without_country(positions: list[Position], countries: Countries) -> tuple[list[Position], str | None]:
    """A country printed as the last job's organisation ("Minister, Iceland"), at its end ("Port Office, Chile")
    or as a job of its own."""
    if not positions:
        return positions, None
    last = positions[-1]
    if last.organisation and _country(last.organisation, countries):
        return [*positions[:-1], Position(title=last.title)], last.organisation
    if last.organisation and (split := countries.split_trailing(last.organisation)) and split[1].kind == "country":
        country = last.organisation[len(split[0]):].strip(" ,")
        return [*positions[:-1], Position(title=last.title, organisation=split[0])], country
    if last.title and not last.organisation and _country(last.title, countries):
        return positions[:-1], last.title
    return positions, None


def _country(text: str, countries: Countries) -> bool:
    hit = countries.lookup(text, fuzzy=False)
    return hit is not None and hit.kind == "country"


def _bold(line: list[Segment]) -> bool:
    segs = [s for s in line if s.text.strip()]
    return bool(segs) and all(s.bold for s in segs)


def _italic(line: list[Segment]) -> bool:
    return any(s.italic for s in line if s.text.strip())
