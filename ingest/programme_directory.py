"""A programme page's directory of people: the cards or blocks under "Speakers and Delegates" that print each
person's title, organisation and country, below (or above) a programme that prints names only.

Such a block reads as a session of its own (its people under a role heading), but it is none: most of its people
are named again in the page's timed sessions. So it lends each of those names its positions, and is dropped —
the people it alone names (delegates who did not speak) make no appearance.

>>> from ingest.person_line import Person
>>> from ingest.records import Position
>>> panel = Draft("Session 1", None, "10:30", people=[Person("Mr Hendrik de Vries", [], "Chairperson", "", True),
...                                                  Person("Ms Amara Okafor", [], "Panellists", "", True)])
>>> cards = Draft("Roundtable 2019", None, people=[
...     Person("Mr Hendrik DE VRIES", [Position("Chief Operating Officer", "Scheldemond Port Authority")], None, "", True),
...     Person("Ms Amara OKAFOR", [Position("Deputy Managing Director", "Lagos Harbour Services")], None, "", True),
...     Person("Mr Bo Lind", [Position("Adviser", "Nordic Ports")], None, "", True)])
>>> [d.title for d in lent([panel, cards])]
['Session 1']
>>> [(p.name, p.positions[0].title) for p in panel.people]
[('Mr Hendrik de Vries', 'Chief Operating Officer'), ('Ms Amara Okafor', 'Deputy Managing Director')]
"""

from __future__ import annotations

from dataclasses import replace

from ingest.names import split_name
from ingest.programme_sessions import Draft


def lent(drafts: list[Draft]) -> list[Draft]:
    """``drafts`` without the directories among them, their positions lent to the names the others print alone."""
    directories = [d for d in drafts if _directory(d, drafts)]
    if not directories:
        return drafts
    printed = {_key(p.name): p for d in directories for p in d.people if p.positions}
    kept = [d for d in drafts if not any(d is x for x in directories)]
    for draft in kept:
        for person in draft.people:
            found = printed.get(_key(person.name))
            if found is not None and not person.positions:
                person.positions = [replace(p) for p in found.positions]
    return kept


def _directory(draft: Draft, drafts: list[Draft]) -> bool:
    """True for an untimed block of three or more people, most printed with positions, of whom at least half are
    named in the page's timed sessions, which print most of them without one."""
    if draft.time_label is not None or len(draft.people) < 3 or draft.rows:
        return False
    if 5 * sum(bool(p.positions) for p in draft.people) < 3 * len(draft.people):
        return False
    elsewhere = [p for d in drafts if d is not draft and d.time_label is not None for p in d.people]
    bare = {_key(p.name) for p in elsewhere if not p.positions}
    named = sum(_key(p.name) in bare for p in draft.people)
    return 2 * named >= len(draft.people)


def _key(printed: str) -> str:
    return " ".join(split_name(printed).name.casefold().split())
