"""One person printed on one line: "Name, Title, Organisation" and its cousins → a name and positions.

Split by the separators printed, never by knowing the people; a string naming several people
("A, B and C") is ``ingest.people_text``'s.

>>> name, positions = split_person("Kok Ping Soon, Chief Executive, GovTech")
>>> name, [(p.title, p.organisation) for p in positions]
('Kok Ping Soon', [('Chief Executive', 'GovTech')])
>>> split_person("Ada Tan (Head of Data, Acme Labs)")[1][0].organisation
'Acme Labs'
>>> split_person("Rory Pike, Principal Advocate at Examplesoft")[1][0].title
'Principal Advocate'
>>> split_person("Registration and breakfast") is None
True
>>> [(p.title, p.organisation) for p in split_position("President & CEO of Harbour Port Authority")]
[('President & CEO', 'Harbour Port Authority')]
>>> [(p.title, p.organisation) for p in split_position("Director, Ops Unit, Acme; Adviser, Beta Group")]
[('Director', 'Ops Unit, Acme'), ('Adviser', 'Beta Group')]
>>> [(p.title, p.organisation) for p in split_position("Founder, Vice-Chairman and CTO, Kappa")]
[('Founder, Vice-Chairman and CTO', 'Kappa')]
>>> [(p.title, p.organisation) for p in split_position("Founder and CEO, Kappa, Inc.")]
[('Founder and CEO', 'Kappa, Inc.')]
>>> [[(p.title, p.organisation) for p in split_position(t)] for t in ("CEO, delta.io", "Director of Data, who leads")]
[[('CEO', 'delta.io')], [('Director of Data', None)]]
"""

from __future__ import annotations

import re

from ingest.names import split_name
from ingest.person_pattern import split_position as pattern_position
from ingest.records import Position
from ingest.tidy import not_a_person

_ORG_WORD = re.compile(
    r"\b(authority|port|ports|ministry|department|agency|university|institute|inc|ltd|llc|gmbh|corporation|corp|"
    r"foundation|association|council|committee|commission|group|company|society|centre|center|office|bureau|"
    r"academy|school|college|laborator(y|ies)|labs?|government|bank|board|federation|organi[sz]ation|services?|"
    r"holdings|partners|network|alliance|forum|division|unit)\b", re.I)
# a title that ends in one of these takes "of <Org>" as its organisation ("CEO of Examplesoft")
_HEAD_WORD = re.compile(r"\b(ceo|cto|cio|coo|cfo|president|chairman|chairwoman|chairperson|founder|co-founder|"
                        r"secretary-general)$", re.I)
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "binti", "binte", "al",
              "el", "ter", "ten", "dos", "das", "y", "zu", "st."}
_CLAUSE = re.compile(r"^(who|which|whose|where|is|was|are|an?|the|has|had|also|and|with|currently|formerly)\b")
_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<pos>[^()]*[, ][^()]*)\)\s*$")
_DASH = re.compile(r"\s+[\u2013\u2014-]\s+")


def split_person(text: str, title_first: bool = False) -> tuple[str, list[Position]] | None:
    """A printed person string as (name, positions), or ``None`` when it does not start with a name;
    ``title_first`` also reads "Chief Executive of Acme, Jane Doe" (the name printed last)."""
    text = " ".join(text.split()).strip(" ,;")
    if not text:
        return None
    m = _PAREN.match(text)
    if m and looks_like_name(m.group("name")):
        return m.group("name").strip(), split_position(m.group("pos"))
    head, sep, rest = _first_split(text)
    if looks_like_name(head):
        return head, split_position(rest) if sep else []
    return _title_then_name(text) if title_first else None


def _first_split(text: str) -> tuple[str, str, str]:
    """The text before the first comma (or spaced dash), the separator, and the rest."""
    dash = _DASH.search(text)
    comma = text.find(",")
    if dash and (comma < 0 or dash.start() < comma):
        return text[:dash.start()].strip(), dash.group(), text[dash.end():].strip()
    if comma >= 0:
        return text[:comma].strip(), ",", text[comma + 1:].strip()
    return text, "", ""


def _title_then_name(text: str) -> tuple[str, list[Position]] | None:
    """ "Chief Executive of Acme, Jane Doe": the name printed last, after its title."""
    title, _, name = text.rpartition(", ")
    if title and looks_like_name(name) and not looks_like_name(title):
        return name, [Position(title=title)]
    return None


def split_position(text: str) -> list[Position]:
    """Positions of "Title, Organisation" text, as ``ingest.person_pattern`` splits them (the title first, the
    organisation all the rest, so "Unit, Parent" stays one organisation), with what free text adds: jobs
    joined by "; ", clauses in lower case dropped ("…, who …"), job titles after the first kept in the title
    ("Founder, Vice-Chair and CTO, Acme"), and "CEO of Acme Port Authority" when no comma splits it."""
    out = []
    for part in re.split(r"\s*;\s*", " ".join(text.split())):
        out += _one_job(part.strip(" ,"))
    return out


def _one_job(text: str) -> list[Position]:
    parts = [p.strip() for p in re.split(r",\s*(?=[^\W\d])(?![^()]*\))", text)]
    while parts and _CLAUSE.match(parts[-1]):
        parts.pop()  # "…, who helped shape the code": a clause, not an organisation
    if not parts or not parts[0]:
        return []
    while len(parts) > 2 and not_a_person(parts[1]) == "a job title":
        parts[:2] = [f"{parts[0]}, {parts[1]}"]
    if len(parts) > 1:
        return [Position(title=parts[0], organisation=", ".join(parts[1:]))]
    positions = pattern_position(parts[0], ("Title at Org", "Title @ Org"))
    if len(positions) == 1 and positions[0].organisation is None and positions[0].title:
        return [_of_organisation(positions[0].title)]
    return positions


def _of_organisation(text: str) -> Position:
    """ "President & CEO of Harbour Port Authority": the organisation after " of " when it reads as one."""
    for m in re.finditer(r"\s+of\s+(?=[A-Z0-9])", text):
        title, org = text[:m.start()], text[m.end():]
        if _HEAD_WORD.search(title) or (_ORG_WORD.search(org) and not _ORG_WORD.search(title)):
            return Position(title=title, organisation=org)
    return Position(title=text)


def looks_like_name(text: str) -> bool:
    """True when ``text`` reads as a person's name: two to six capitalised words (honorifics and particles aside).

    >>> looks_like_name("Dr Jane van der Berg"), looks_like_name("Jane DOE"), looks_like_name("Opening address")
    (True, True, False)
    >>> looks_like_name("End of Day One"), looks_like_name("Networking Tea Break 2"), looks_like_name("Acme’s Chief")
    (False, False, False)
    >>> looks_like_name("Minister Jane Doe"), looks_like_name("Mr Sam “Sid” Roe")
    (True, True)
    """
    text = " ".join(text.replace("*", " ").split())
    if not text or len(text) > 60 or re.search(r"[\d:;!?@/|]|['’]s\b", text):
        return False
    name = split_name(text).name
    words = name.split()
    named = [w for w in words if w.lower() not in _PARTICLES]
    if not 2 <= len(words) <= 6 or not named:
        return False
    if not all(w[0].isupper() or w[0] in "(‘'“\"" for w in named):
        return False
    return not_a_person(name) is None
