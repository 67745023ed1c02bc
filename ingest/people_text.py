"""Lists of people written in one string: "A, B and C", "moderated by X", "A & B (Org)".

A front-matter field, a data-file value or a table cell often names several
people in one string. ``split_people`` cuts it into names, each with the role
label printed in front of it ("moderated by", "Chair:"), if any. It only cuts;
whether a piece is a person (not "Everyone", not a job title) is for
``ingest.tidy`` to say.

>>> split_people("Thor Wikfeldt and Gert Svensson")
[('Thor Wikfeldt', None), ('Gert Svensson', None)]
>>> split_people("Richard Darst, Anne Fouilloux, and Radovan Bast")
[('Richard Darst', None), ('Anne Fouilloux', None), ('Radovan Bast', None)]
>>> split_people("moderated by Samantha Wittke")
[('Samantha Wittke', 'Moderator')]
>>> split_people("Chair: Jane Doe; Ravi Kumar & Ola Nordmann")
[('Jane Doe', 'Chair'), ('Ravi Kumar', None), ('Ola Nordmann', None)]
>>> split_people(""), split_people("Everyone")
([], [('Everyone', None)])
"""

from __future__ import annotations

import re

# a role written in front of names: "moderated by X", "Chair: X", "hosted by X"
_LEAD = re.compile(r"^\s*(?P<label>(?:moderated|chaired|hosted|facilitated|presented|introduced)\s+by|"
                   r"(?:moderator|chair|co-chairs?|host|facilitator|presenter|speaker|panell?ist)s?\s*:)\s*", re.I)
_LABELS = {"moderated": "Moderator", "chaired": "Chair", "hosted": "Host", "facilitated": "Facilitator",
           "presented": "Presenter", "introduced": "Host"}
# separators between names: comma, semicolon, "and", "&", "/" between spaces; an Oxford comma before "and"
_SEPARATOR = re.compile(r"\s*(?:;|,\s*(?:and|&)\s+|,|\s+(?:and|und|et|og|och|&)\s+|\s+/\s+)\s*", re.I)
# post-nominals after a comma belong to the name before them ("Jane Doe, PhD")
_POST_NOMINAL = re.compile(r"^(?:ph\.?\s?d\.?|m\.?d\.?|mph|mba|msc|jr\.?|sr\.?|esq\.?|obe|mbe|cbe|kc|qc)$", re.I)


def split_people(text: str | None) -> list[tuple[str, str | None]]:
    """The names in ``text``, each with the role label printed before it (or ``None``)."""
    out: list[tuple[str, str | None]] = []
    for chunk in re.split(r"\s*[\n;]\s*", text or ""):
        label, rest = _lead(chunk)
        out += [(name, label) for name in _names(rest)]  # "moderated by A and B": both moderate
    return out


def _lead(chunk: str) -> tuple[str | None, str]:
    m = _LEAD.match(chunk)
    if not m:
        return None, chunk
    word = m.group("label").split()[0].rstrip(":").lower()
    label = _LABELS.get(word) or word.rstrip("s").capitalize()
    return label, chunk[m.end():]


def _names(text: str) -> list[str]:
    parts = [p.strip(" .,") for p in _SEPARATOR.split(text) if p and p.strip(" .,")]
    names: list[str] = []
    for part in parts:
        if names and _POST_NOMINAL.match(part):
            names[-1] = f"{names[-1]}, {part}"
        else:
            names.append(" ".join(part.split()))
    return names

