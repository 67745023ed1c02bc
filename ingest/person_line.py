"""People printed one a line in a programme: a run of lines → the people it names, each with its role label.

A line is split by ``ingest.person_pattern`` (read as ``FREE_TEXT``); roles printed around a
person and people glued together are ``ingest.people_text``'s. A bare name may be followed by
lines that are only its positions ("Mr Jo Ray" then "Permanent Secretary, Ministry").

>>> [(p.name, p.label, [(q.title, q.organisation) for q in p.positions]) for p in read_people(
...     [Line("Moderator: Jane Doe, Editor, Daily"), Line("Mr Jo Ray"), Line("Permanent Secretary, Ministry")])]
[('Jane Doe', 'Moderator', [('Editor', 'Daily')]), ('Mr Jo Ray', None, [('Permanent Secretary', 'Ministry')])]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from ingest.html_page import Line, Lines
from ingest.names import split_name, unmarked
from ingest.people_text import joined_people, office_not_role, role_after_name, role_prefix, unglue
from ingest.person_pattern import FREE_TEXT, looks_like_name, split_person, split_position
from ingest.records import Document, Note, Position
from ingest.roles import role_of
from ingest.tidy import not_a_person, without_honorific


@dataclass
class Person:
    """A person as read from a line, before becoming a row."""

    name: str
    positions: list[Position]
    label: str | None
    line: str
    sure: bool  # labelled, bold or with a position: a bare name alone is not enough


_BULLET = re.compile(r"^(?:[-–—•]|\(?\d{1,2}[.)])\s+(?=\S)")  # "– Name", "1. Name", "(2) Name" under a label


def read_people(lines: list[Line], label: str | None = None) -> list[Person]:
    """The people of a run of lines; lines under a bare name that are no person are that name's positions."""
    out: list[Person] = []
    bare = False  # the last person was printed alone on a line: position lines may follow
    # the people label above these lines ("Speakers:" on a line of its own, here or in the block before): its lines
    # are people, so one that names nobody is said; a session's title passed as the label is none
    under = label if label and _role_line(label) else None
    for line in lines:
        if (bullet := _BULLET.match(line.text)) and (under or bullet.group().strip() in "–—"):
            line = Line(line.text[bullet.end():], line.bold)  # "Intervenants :" then "– S.E.M. Cheikh Ndiaye, …"
        elif line.text.startswith(("- ", "• ")) or len(line.text) > 240:
            bare = False
            continue  # a description bullet, a paragraph
        if _role_line(line.text):
            label, bare = line.text.strip(" *_:"), False  # "*Guest of Honour*", "Panellists": the role of the next lines
            under = label
            continue
        carried = _continued(line.text) if out else None
        if carried:  # "… Coast Guard" then "and Ms Elin Holm, …": a list wrapped before its joiner, one role
            line = Line(carried, line.bold)
        found, label_only, missed = _people_of(line, out[-1].label if carried else label)
        if label_only:
            label, bare, under = label_only, False, label_only
            continue
        if not found and bare and len(line.text) < 160 and not _PROPERTY.match(line.text):
            add_position(out[-1], line.text)  # "Room: Plenary Hall" under a name is the session's, no position
            continue
        if not found and under:  # an item of a "Speakers:" list that names nobody is said, not dropped
            for rest in missed:
                unread(line.text, rest, under)
        for person in found if under else ():  # "Intervengono:" then "<li>Valentina Ricci</li>": a name alone is one
            person.sure = person.sure or len(person.name.split()) >= 2 and looks_like_name(person.name)
        out += found
        # a name printed with its country alone ("S.E. Mme Ingrid Halvorsen (Norvège)") may have its position below
        bare = bool(found) and (not found[-1].positions or _country_only(found[-1].positions))
    return [p for p in out if p.sure]


# a property of the session printed as "Key: value" under its people (a Notion page's properties, a CMS's fields)
_PROPERTY = re.compile(r"^\s*(?:room|venue|location|date|time|when|type|format|status|track|tags?|language|level|"
                       r"duration|stream|capacity|slides|video|recording)\s*:", re.I)


def _continued(text: str) -> str | None:
    """A line that goes on with a list of people after a wrap ("and Ms Elin Holm, Lead, Port"), without its
    joiner; ``None`` for any other line.

    >>> _continued("and Ms Elin Holm, Lead, Port"), _continued("& Bo Chan (Acme)"), _continued("and more")
    ('Ms Elin Holm, Lead, Port', 'Bo Chan (Acme)', None)
    """
    m = re.match(r"(?:and|&)\s+", text)
    if m and looks_like_name(re.split(r"\s*[,(–—]\s*", text[m.end():], maxsplit=1)[0]):
        return text[m.end():]
    return None


def _role_line(text: str) -> bool:
    """A line that is only a role, without a colon ("Guest of Honour", "Panellists", "*Moderator*"): not a person's
    name nor a session's title with other words.

    >>> _role_line("*Guest of Honour*"), _role_line("Panellists"), _role_line("Panel: Two ways"), _role_line("Ann Lee")
    (True, True, False, False)
    """
    clean = text.strip(" *_")
    return 0 < len(clean.split()) <= 4 and not clean.endswith(":") and role_of(clean) is not None \
        and not_a_person(clean) == "a heading" and not looks_like_name(clean)


def _country_only(positions: list[Position]) -> bool:
    """True for the position a bracketed country makes of itself ("Ann Lee (Norway)"): no title, the country as the
    organisation (which ``ingest.normalize`` takes out as the country).

    >>> _country_only([Position(organisation="Norvège")]), _country_only([Position(organisation="Acme")])
    (True, False)
    """
    from ingest.countries import default_countries

    found = default_countries().lookup(positions[0].organisation or "", fuzzy=False) if len(positions) == 1 else None
    return found is not None and found.kind == "country" and not positions[0].title


def add_position(person: Person, text: str) -> None:
    """A line under a bare name is its position; an organisation alone after a title alone completes it
    ("Permanent Secretary", then "Ministry of Examples")."""
    found = split_position(text, reading=FREE_TEXT)
    last = person.positions[-1] if person.positions else None
    if last is not None and last.title and not last.organisation and len(found) == 1 and not found[0].organisation \
            and found[0].title and not_a_person(found[0].title) == "an organisation":
        last.organisation = found[0].title
    elif last is not None and last.title and not last.organisation and len(found) == 1 and not found[0].title \
            and found[0].organisation:
        last.organisation = found[0].organisation  # "Minister", then "Ministry for the Blue Economy, Malta"
    else:
        person.positions += found
    person.sure = True


def _not_people(printed: str, own: str | None, rest: str) -> bool:
    """A question, or a Q&A credit ("Name, Title: the answer…"), not a person line."""
    return not own and (printed.endswith((":", "?")) or credit(rest) or len(printed) > 200)


_QUOTES = "\"“‘'«„"


def credit(printed: str) -> bool:
    """True when a colon introduces what a person said ("Jo Ray, Editor: “We must…”", "Jo Ray: yes, and…",
    "Jo Ray, CEO: We will invest in ports."), not a job title with a colon in it ("Ms Jo Ray, Chief Director:
    Cybersecurity, Department of Ports, Examplia").

    >>> credit("Jo Ray, Editor: “We must act.”"), credit("Jo Ray: yes, and more"), credit("Jo Ray, CEO: We will act now.")
    (True, True, True)
    >>> credit("Ms Jo Ray, Chief Director: Cybersecurity, Department of Ports, Examplia"), credit("Jo Ray, CEO, Acme")
    (False, False)
    >>> credit("Ms Jo Ray, Director: Policy, Ports Agency, Examplia."), credit("Jo Ray, Head: Policy and Research")
    (False, False)
    >>> credit("Jo Ray, CEO: We think that ports must be kept safe by all of us")
    True
    """
    head, colon, said = printed.partition(": ")
    said = said.strip()
    if not colon or not said:
        return False
    if said[0] in _QUOTES or said[0].islower() or said.endswith(("?", "!")):
        return True
    words = said.split()
    lower = sum(1 for w in words if w[0].islower()) / len(words)  # "We must act now": a sentence's small words
    sentence = len(words) >= 4 and said.endswith((".", "…")) or len(words) >= 6 and lower > 0.5
    return sentence and not _positioned(head, said)


def _positioned(head: str, said: str) -> bool:
    """ "Ms Jo Ray, Director: Policy, Ports Agency, Examplia.": an honorific and a name, then a position whose
    fields after the colon are capitalised and set apart by commas (a sentence runs on in lower case)."""
    name, comma, _ = head.partition(",")
    fields = [f.strip() for f in said.rstrip(".").split(",")]
    return bool(comma) and _addressed(name.strip()) and len(fields) > 1 and all(f[:1].isupper() for f in fields)


def _people_of(line: Line, label: str | None) -> tuple[list[Person], str | None, list[str]]:
    """The people of one line; the label it prints alone ("Panellists:"); the pieces of it, with no label of their
    own, that named nobody (a labelled piece that names nobody is noted here: ``unread``)."""
    found, missed = [], []
    for piece in unglue(line.text):
        own, rest = role_prefix(piece)
        if own and not rest:
            return [], own, []  # "Panellists:" names the role of the lines after it
        inner, bare = role_after_name(rest)
        if inner and not office_not_role(own or label, inner):  # "Speakers: Ann Lee, moderator, Acme": her own role word says more than the list's label
            own, rest = inner, bare
        if _not_people(piece, own, rest):
            continue
        for each in joined_people(rest):  # "Intervienen: Dña. Ana Ruiz y Excmo. Sr. D. Luis Mora": both speak
            person = _person_of(each, own, label, line)
            if person is None:
                if own:
                    unread(line.text, each)
                else:
                    missed.append(each)
            else:
                found.append(person)
    return found, None, missed


def _person_of(rest: str, own: str | None, label: str | None, line: Line) -> Person | None:
    """The person one piece of a line names, with the role printed for it (``own``) or above it (``label``)."""
    split = split_person(rest, reading=FREE_TEXT)
    name, positions = split.name and unmarked(split.name), split.positions  # "Ann Lee*": the presenting author
    if name is None and own:
        name, positions = _single_word_name(rest)
    if name is None:
        return None
    return Person(name, positions, own or label, line.text,
                  sure=bool(own or positions or looks_like_name(line.bold) or len(rest) > len(name) + 2
                            or _addressed(name)))


def _addressed(name: str) -> bool:
    """A name printed with an honorific ("Mrs Grace Lau-Wong", "BG (NS) Lim Kok Heng"): a person, though alone.

    >>> _addressed("Mrs Grace Lau-Wong"), _addressed("Grace Lau-Wong"), _addressed("Networking Lunch")
    (True, False, False)
    """
    split = split_name(name)
    return bool(split.honorific) and looks_like_name(split.name)


def _single_word_name(rest: str) -> tuple[str | None, list[Position]]:
    """ "Moderator: PeterHo, CEO, Org": a labelled name printed as one word."""
    head, sep, tail = rest.partition(",")
    if sep and re.fullmatch(r"[A-Z][\w'’-]+", head.strip()):
        return head.strip(), split_position(tail, reading=FREE_TEXT)
    return None, []


# --- role-labelled lines that name nobody -------------------------------------------------

_UNREAD: ContextVar[list[tuple[str, str]] | None] = ContextVar("unread_people", default=None)


@contextmanager
def unread_lines(doc: Document) -> Iterator[list[Note]]:
    """While a reader reads ``doc``: a note for each role-labelled line that named nobody ("Panellists: …" whose
    people could not be told apart), filled in when the block ends, so no such line is dropped unsaid."""
    found: list[tuple[str, str]] = []
    notes: list[Note] = []
    token = _UNREAD.set(found)
    try:
        yield notes
    finally:
        _UNREAD.reset(token)
        for printed, why, under in dict.fromkeys(found):
            what = f"line {_short(printed)!r} under {under!r}" if under else f"role line {_short(printed)!r}"
            notes.append(Note(doc.path, Lines(doc).of(printed), "not-a-person",
                              f"{what} names nobody: {why} — skipped; print one person a "
                              "line, as \"Name, Title, Organisation\" or \"Name (Organisation)\""))


def unread(printed: str, people: str, under: str | None = None) -> None:
    """Say that the labelled line ``printed`` (or a line printed ``under`` a label of its own, "Speakers:") named
    nobody in ``people`` (when a reader listens, and the people part reads as more than a session's title: a comma,
    a semicolon or a bracket in it)."""
    found = _UNREAD.get()
    if found is not None and re.search(r"[,;(]", people):
        found.append((printed, nobody_reason(people), under))


def nobody_reason(people: str) -> str:
    """Why a string of people gave no name, in words for a note.

    >>> nobody_reason("Chief Economist, Acme"), nobody_reason("acme staff, Beta")
    ("'Chief Economist' reads as a job title", "'acme staff' does not read as a name")
    >>> nobody_reason("Al Bo (Acme); Cy Dee, CTO, Beta; and more")
    'its people could not be told apart'
    """
    head = re.split(r"\s*[,(;–—]\s*|\s+-\s+", people.strip(), maxsplit=1)[0]
    reason = not_a_person(without_honorific(head))
    if reason:
        return f"{head!r} reads as {reason}"
    if not looks_like_name(head):
        return f"{head!r} does not read as a name"
    return "its people could not be told apart"


def _short(printed: str) -> str:
    return printed if len(printed) <= 100 else printed[:97] + "…"
