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

A programme cell prints roles around the people, and loses line breaks between them:

>>> role_prefix("Moderator: Jane Doe, Editor, Daily"), role_prefix("Moderated by Jo Ray"), role_prefix("[Host] Al Bo")
(('Moderator', 'Jane Doe, Editor, Daily'), ('Moderator', 'Jo Ray'), ('Host', 'Al Bo'))
>>> unglue("Ann Lee (CEO, Acme)Bo Chan (CTO, Beta) [Host]Cy Dee (Lead, Gamma)")
['Ann Lee (CEO, Acme)', 'Bo Chan (CTO, Beta) [Host]', 'Cy Dee (Lead, Gamma)']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.html_page import Line
from ingest.names import split_name
from ingest.person_pattern import split_position as pattern_position
from ingest.records import Position
from ingest.roles import role_of
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


# --- people lines of a programme --------------------------------------------------------

_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z &'’-]{1,40}?)\s*:\s*(?P<rest>.*)$")
_BY = re.compile(r"^(?:(?P<verb>moderated|chaired|hosted|facilitated|presented|introduced)\s+)?by\s+(?P<rest>.+)$", re.I)
_FEATURING = re.compile(r"^(?:featuring|with)\s+(?P<rest>[A-Z].*)$", re.I)
_BRACKET = re.compile(r"\s*\[(?P<label>[A-Za-z][A-Za-z ]{1,20})\]\s*")
_VERB_LABELS = {"moderated": "Moderator", "chaired": "Chair", "hosted": "Host", "facilitated": "Facilitator",
                "presented": "Presenter", "introduced": "Host"}
_GLUED = re.compile(r"(?<=[)\]])(?=\s*[A-Z])|(?<=[a-z])(?=(?:Moderators?|Hosts?|Chairs?|Panell?ists?)\s*:)")


def role_prefix(printed: str) -> tuple[str | None, str]:
    """A role printed before or after a person ("Moderator: X", "Moderated by X", "X [Host]") and the rest."""
    m = _BRACKET.search(printed)
    if m and role_of(m.group("label")):
        return m.group("label").strip(), (printed[:m.start()] + " " + printed[m.end():]).strip()
    m = _LABEL.match(printed)
    if m and role_of(m.group("label")):
        return m.group("label").strip(), m.group("rest").strip()
    m = _BY.match(printed)
    if m:
        verb = (m.group("verb") or "").lower()
        return _VERB_LABELS.get(verb), m.group("rest").strip()
    m = _FEATURING.match(printed)
    if m:
        return None, m.group("rest").strip()
    head, sep, rest = printed.partition(", ")
    if sep and len(head) < 40 and role_of(head) and not_a_person(head) == "a heading":
        return head.strip(), rest.strip()  # "Guest of Honour, Minister Jane Doe", not "Chairman, Acme"
    return None, printed


def unglue(printed: str) -> list[str]:
    """People printed one after another where a line break was lost: after ")" or "]" before a capital,
    and before a role label glued to the previous word ("…GovTechModerator: …")."""
    return [p.strip() for p in _GLUED.split(printed) if p and p.strip()]


@dataclass
class Person:
    """A person as read from a line, before becoming a row."""

    name: str
    positions: list[Position]
    label: str | None
    line: str
    sure: bool  # labelled, bold or with a position: a bare name alone is not enough


def read_people(lines: list[Line], label: str | None = None) -> list[Person]:
    """The people of a run of lines; lines under a bare name that are no person are that name's positions."""
    out: list[Person] = []
    bare = False  # the last person was printed alone on a line: position lines may follow
    for line in lines:
        if line.text.startswith(("- ", "• ")) or len(line.text) > 240:
            bare = False
            continue  # a description bullet, a paragraph
        found, label_only = _people_of(line, label)
        if label_only:
            label, bare = label_only, False
            continue
        if not found and bare and len(line.text) < 160:
            out[-1].positions += split_position(line.text)  # "Mr Jo Ray" then "Permanent Secretary, Ministry"
            out[-1].sure = True
            continue
        out += found
        bare = bool(found) and not found[-1].positions
    return [p for p in out if p.sure]


def _not_people(printed: str, own: str | None, rest: str) -> bool:
    """A question, or a Q&A credit ("Name, Title: the answer…"), not a person line."""
    return not own and (printed.endswith((":", "?")) or ": " in rest or len(printed) > 200)


def _people_of(line: Line, label: str | None) -> tuple[list[Person], str | None]:
    found = []
    for piece in unglue(line.text):
        own, rest = role_prefix(piece)
        if own and not rest:
            return [], own  # "Panellists:" names the role of the lines after it
        if _not_people(piece, own, rest):
            continue
        split = split_person(rest)
        if split is None and own:
            split = _single_word_name(rest)
        if split is None:
            continue
        name, positions = split
        found.append(Person(name, positions, own or label, line.text,
                            sure=bool(own or positions or looks_like_name(line.bold) or len(rest) > len(name) + 2)))
    return found, None


def _single_word_name(rest: str) -> tuple[str, list[Position]] | None:
    """ "Moderator: PeterHo, CEO, Org": a labelled name printed as one word."""
    head, sep, tail = rest.partition(",")
    if sep and re.fullmatch(r"[A-Z][\w'’-]+", head.strip()):
        return head.strip(), split_position(tail)
    return None


def label_only(printed: str) -> bool:
    """True for a line that is only a role label ("Panellists:", "**Speakers:**")."""
    own, rest = role_prefix(printed)
    return bool(own) and not rest
