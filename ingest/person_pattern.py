"""A person printed in one string → a name and positions; a position string → positions.

Every reader that meets "Jane Doe, CEO, Acme" splits it here. A data file or a front-matter
field declares which patterns its strings follow (``person_pattern = ["Name, Title, Org"]``);
the first pattern that finds a name alone wins (``plain_name``): a name that holds a bracket or a dash before
more words ("Jo Ray (Acme)", "Jo Ray – Director, Acme" read whole) gives way to a later pattern, or to "Name (Org)"
and "Name — Title, Org" undeclared, that parts it off, and is kept when none does. Patterns, as a profile writes them:

===================== ==================================================================
``Name, Title, Org``  "Jane Doe, CEO, Acme, Acme Group": the title is the first part after
                      the name, the organisation all the rest ("Org[, Org…]"). Loose
                      punctuation is read too: "Jane Doe,CEO, Acme", "Jane Doe. CEO, Acme".
                      With one part after the name, it is a title when it reads as a job
                      title ("Jane Doe, Chief Scientist"), else an organisation ("Jane Doe, Acme").
``Name — Title, Org`` a dash (—, – or a spaced hyphen) after the name, then "Title, Org".
``Name (Org)``        the organisation in parentheses after the name: "Jane Doe (ACME)"; a
                      bracket that prints a job is read as ``split_affiliation`` reads an
                      organisation field: "Jane Doe (CTO, Acme, Norway)".
``Name``              the whole string is the name.
``Title, Org``        a position only (a tagline): "Chief Scientist, Acme"; a lone part is a
                      title when it reads as a job ("Artist"), else an organisation ("Acme").
``Title @ Org``       a position only: "SRE @ Acme".
``Title at Org``      a position only: "Head of IT at Acme" (the last " at " before a capital).
===================== ==================================================================

Everywhere: post-nominals after the name stay with it ("Jane Doe, Ph.D, CTO, Acme"),
``|`` or ``;`` between jobs gives one position each, a job title trailing an organisation
is a position of its own ("Fellow @ Acme, Presidential Fellow"), job titles and qualifiers
around the first part stay in the title ("Founder, Vice-Chair and CTO, Acme"; "Contractor,
UX Strategy, Agency"), and so does a field of work before an organisation ("Director, ICT Security, Ministry
of Maps", "Fellow, Programme on Maps, Kestrel Institute") or before a spaced dash ("Director, Maritime Operations –
National Agency"), while a unit stays with its organisation ("Director, Cyber Unit, Ministry of Maps": the unit of a
parent, ``ingest.identity.split_parent``); a part that opens with an organisation's noun is no job whatever words
follow ("Universidad Técnica …"); a bracket "X, Country" after a name is an organisation and its country when X
reads as no title ("Univ. of Tartu, Estonia"); a second job loses its joiner ("…; and Lecturer, Uni"), and one
after "&" that follows an organisation is a position of its own ("Researcher, Kestrel Policy Lab & Lecturer, Uni"),
"CTO at Acme, Inc." is a title at an organisation, a legal form after a comma
stays with its company ("Acme, Inc.", "Acme, a. s."), and bars with no comma part a title from its
organisation ("Head of Data | Acme"). A name must read as a person (``ingest.tidy.not_a_person``;
an honorific that is a job word too opens one: "Ambassador Jane Doe"): "CEO, Acme" finds no name, so a
reader can take it as the position of the person printed before it (``Person.name`` is ``None``). A title printed
with no organisation gives up the body after its last "of"/"de"/"der"… ("Director General of EXNA",
"présidente de l'Association Kestrel"; ``office_of_body``), never a portfolio ("Minister of Foreign Affairs").

Where printed sources differ, the caller names its ``Reading`` (see the class):
``DECLARED`` for data files and front matter (the patterns above), ``FREE_TEXT`` for
programme lines and cards (any line may be a heading, so a name must look like one;
"Name (Title, Org)"; clauses dropped; a lone part is a title, "CEO of Acme Port Authority"
split) and ``BULLET`` for body speaker lists (a lone part or a first part that reads as an
organisation is one).

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
>>> check_patterns(["Name; Title"])
Traceback (most recent call last):
ValueError: unknown person pattern 'Name; Title' — use one of 'Name, Title, Org', 'Name — Title, Org', 'Name (Org)', 'Name', 'Title, Org', 'Title @ Org', 'Title at Org'

Free text (``FREE_TEXT``): a programme line or a card.

>>> brief(split_person("Kok Ping Soon, Chief Executive, GovTech", reading=FREE_TEXT))
('Kok Ping Soon', [('Chief Executive', 'GovTech')])
>>> brief(split_person("Ada Tan (Head of Data, Acme Labs)", reading=FREE_TEXT))
('Ada Tan', [('Head of Data', 'Acme Labs')])
>>> brief(split_person("Rory Pike, Principal Advocate at Examplesoft", reading=FREE_TEXT))
('Rory Pike', [('Principal Advocate', 'Examplesoft')])
>>> split_person("Registration and breakfast", reading=FREE_TEXT).name is None
True
>>> brief(split_person("Chief Executive of Acme, Jane Doe", reading=FREE_TEXT, title_first=True))
('Jane Doe', [('Chief Executive of Acme', None)])
>>> free = lambda t: [(p.title, p.organisation) for p in split_position(t, reading=FREE_TEXT)]
>>> free("President & CEO of Harbour Port Authority"), free("Director, Ops Unit, Acme; Adviser, Beta Group")
([('President & CEO', 'Harbour Port Authority')], [('Director', 'Ops Unit, Acme'), ('Adviser', 'Beta Group')])
>>> free("Founder, Vice-Chairman and CTO, Kappa"), free("Founder and CEO, Kappa, Inc.")
([('Founder, Vice-Chairman and CTO', 'Kappa')], [('Founder and CEO', 'Kappa, Inc.')])
>>> free("CEO, delta.io"), free("Director of Data, who leads")
([('CEO', 'delta.io')], [('Director of Data', None)])

Body speaker lists (``BULLET``):

>>> bullet = lambda t: [(p.title, p.organisation) for p in split_position(t, reading=BULLET)]
>>> bullet("Contractor, UX Strategy, Example Agency"), bullet("CTO at LeakyCo")
([('Contractor, UX Strategy', 'Example Agency')], [('CTO', 'LeakyCo')])
>>> bullet("Example Agency (EA)"), bullet("Writer/Editor")
([(None, 'Example Agency (EA)')], [('Writer/Editor', None)])
>>> title_then_name("UX Community co-lead, Ravi Kumar", BULLET), title_then_name("Jane Doe, PhD", BULLET)
(('UX Community co-lead', 'Ravi Kumar'), None)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from cleanco.termdata import terms_by_country, terms_by_type

from ingest.names import HONORIFIC_BRACKET, load_vocabulary, split_name
from ingest.position_words import (JOB_NOUNS, SELF_WORDS, ends_in_field, head_words, in_no_name, is_body,
                                   opens_with_body, slogan)
from ingest.records import Position
from ingest.tidy import has_job_word, not_a_person

PERSON_PATTERNS = ("Name, Title, Org", "Name — Title, Org", "Name (Org)", "Name")
POSITION_PATTERNS = ("Title, Org", "Title @ Org", "Title at Org")
_COMMA = re.compile(r"\s*,\s*(?![^()]*\))")  # a comma outside parentheses
_DASH = re.compile(r"\s+[-\u2013\u2014]\s+|\s*[\u2013\u2014]\s*")
# "Col (Retd) Jo Ray (Acme)", "Jo Ray (Information Authority (RIA))": a bracket may hold an acronym's
_PAREN = re.compile(rf"^(?P<name>(?:[^()]|{HONORIFIC_BRACKET})+?)\s*\((?P<org>(?:[^()]|\([^()]*\))+)\)$")
_DOT_TITLE = re.compile(r"^(?P<name>.*\w\w)\.\s+(?P<title>\S.*)$")  # "Ravi Kumar. CEO", not "Ann B. Lee"
_JOBS = re.compile(r"\s*[|;]\s*|\s+·\s+")  # between jobs: "Director, Acme | Adviser, Beta", "… · Adjunct Professor, …"
_AT_WORD = re.compile(r"\s+at\s+(?:the\s+)?(?=[A-Z0-9])")  # "Senior Fellow at the Meridian Institute"
# "… Meridian Institute." and "Rasa Vaitkutė." (any letter but an ASCII capital before it) end a sentence; "Acme Inc.",
# "Acme Corp.", "U.S. Dept." keep their abbreviation's
_SENTENCE_END = re.compile(r"(?<=[^\W\dA-Z_]{3})(?<!Dept)(?<!Corp)(?<!Assoc)(?<!Govt)(?<!Univ)(?<!Inst)(?<!Intl)\.$")
_AT = re.compile(r"\s+@\s+|\s*@\s*(?=\w)")
_OF = re.compile(r"\s+of\s+(?=[A-Z0-9])")
_CLAUSE = re.compile(r"^(who|which|whose|where|is|was|are|an?|the|has|had|also|and|with|currently|formerly)\b")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&./ -]{1,11}$")
# the post-nominals of data/honorifics.toml (not nameparser's acronyms: "CTO" is one there)
_POST = {p.replace(".", "").upper() for p in load_vocabulary()[1]} | {"PHD", "MD", "JD", "LLM", "MBA", "MPH", "MSC"}
_TITLE_REASONS = ("a job title", "a heading", "a job title at an organisation")
_QUALIFIERS = {"contractor", "acting", "detailee", "volunteer"}  # "Contractor, UX Strategy, Agency": part of the title
_ORG_WORD = re.compile(
    r"\b(authority|port|ports|ministry|department|agency|university|institute|inc|ltd|llc|gmbh|corporation|corp|"
    r"foundation|association|council|committee|commission|group|company|society|centre|center|office|bureau|"
    r"academy|school|college|laborator(y|ies)|labs?|government|bank|board|federation|organi[sz]ation|services?|"
    r"holdings|partners|network|alliance|forum|division|unit|league|union|parliament|assembly|court|tribunal|"
    r"secretariat|directorate|observatory|consortium|initiative|univ|dept|govt|intl)\b"
    # an abbreviated body ("Univ. of Tartu", "Natl. Inst. of Maps"): "Min", "Inst" and "Assoc" need their full stop
    # ("Min Lee" is a name), and "Assoc. Prof." is a title
    r"|\b(?:inst|natl|min|assoc)\.(?!\s*prof)", re.I)
# a title that ends in one of these takes "of <Org>" as its organisation ("CEO of Examplesoft")
_HEAD_WORD = re.compile(r"\b(ceo|cto|cio|coo|cfo|president|chairman|chairwoman|chairperson|founder|co-founder|"
                        r"secretary-general)$", re.I)
_ACCREDITED = re.compile(r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+to\s+")  # "… of Norway to the OSCE"
_OFFICE = re.compile(r"\b(professor|member|chair|editor|judge|rapporteur|dean|rector)$", re.I)  # "… of Law"
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "bin", "binti", "binte", "bint", "ould", "ibn", "al",
              "el", "ter", "ten", "do", "dos", "das", "zu", "st.", "los", "las"}  # "de los Santos"
# "Costa e Silva", "Pérez y Gómez", "Puig i Serra": two family names joined, after a given name
_JOINERS = {"e", "y", "i"}


@dataclass
class Person:
    """A name as printed (``None`` when the string starts with no name) and the positions printed with it."""

    name: str | None
    positions: list[Position] = field(default_factory=list)


@dataclass(frozen=True)
class Reading:
    """How a source prints people, where sources differ: pass ``DECLARED``, ``FREE_TEXT`` or ``BULLET``."""

    patterns: tuple[str, ...]  # the person patterns tried when a caller declares none
    strict_names: bool  # a name must look like one (``looks_like_name``), not only be no title or organisation
    after_name: str  # a lone part after a name: "judged" (a title when it reads as one, else an organisation),
    # "weighed" (an organisation when it reads as one and not as a title, else as "free"), "free"
    alone: str  # a lone part with no name: "title", "judged" or "free" ("Title at Org", "CEO of Acme Authority")
    paren: str  # "Name (…)": the parenthesis holds an "organisation" or a "position"
    clauses: bool  # a trailing clause is dropped ("…, who leads the team")
    org_first: bool  # a first part that reads as an organisation makes the whole string one ("Agency, Unit")


# data files and front matter: what the profile declares (a lone part is judged as one after a name is)
DECLARED = Reading(("Name, Title, Org",), False, "judged", "judged", "organisation", False, False)
# programme lines and cards: any line may be a heading, so a name must look like one
FREE_TEXT = Reading(("Name (Org)", "Name — Title, Org", "Name, Title, Org"), True, "weighed", "free", "position", True,
                    False)
# body speaker lists: the name is already cut off (bold), the rest is one position
BULLET = Reading(("Name, Title, Org",), False, "judged", "judged", "organisation", False, True)


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


_SEPARATED = re.compile(r"[,;(|@–—]|\s-\s")  # what sets a name apart from a position
_LINKED = re.compile(r"\s*\((?:\.\.?/|/|https?://)[^()\s]*\)")  # a bracket that is a link's address


def without_addresses(printed: str) -> str:
    """A person's string without the address an export prints for a linked name: a Notion relation's
    "Ana Ruiz (../People%2077aa/Ana%20Ruiz%20c3d4.md)", a "Bo Chen (https://x.org/bo)".

    >>> without_addresses("Ana Ruiz (../People%2077aa/Ana%20Ruiz%20c3d4.md)"), without_addresses("Al Bo (Acme/Beta)")
    ('Ana Ruiz', 'Al Bo (Acme/Beta)')
    """
    return _LINKED.sub("", printed) if "/" in printed else printed


# how a person takes part, in brackets after their name: no organisation ("Ms Amara Okafor (virtual)")
_ATTENDANCE = re.compile(r"\s*\((?:virtual(?:ly)?|online|remote(?:ly)?|in[- ]person|on[- ]?site|by video(?: link)?|"
                         r"via (?:video|zoom|teams|webex)(?: link)?|pre-?recorded|video message|recorded|tb[cd]|"
                         r"to be confirmed|invited|unconfirmed|confirmed|en ligne|à distance|en visio|virtuell|"
                         r"online zugeschaltet|en línea)\)(?=\s*(?:$|[,;]))", re.I)


def without_attendance(printed: str) -> str:
    """A person's string without how they take part, printed in brackets after the name.

    >>> without_attendance("Ms Amara Okafor (virtual)"), without_attendance("Bo Li (TBC), Chief, Port Office")
    ('Ms Amara Okafor', 'Bo Li, Chief, Port Office')
    >>> without_attendance("Ann Lee (Online Safety Office)")
    'Ann Lee (Online Safety Office)'
    """
    return _ATTENDANCE.sub("", printed) if "(" in printed else printed


def split_person(text: str, patterns=None, reading: Reading = DECLARED, title_first: bool = False) -> Person:
    """The name and positions of one printed person, by the first pattern that finds a name alone (the reading's
    patterns when none are declared); ``title_first`` also reads "Chief Executive of Acme, Jane Doe"."""
    text = without_attendance(without_addresses(str(text)))
    text = _pipes_as_commas(_SENTENCE_END.sub("", " ".join(str(text).split()).strip(" ,;")), reading)
    text = country_after_name(given_in_bracket(_without_list_joiner(without_groups(text))))
    declared = check_patterns(patterns or reading.patterns)
    found = None  # the first person found whose name holds more than a name: kept unless a pattern does better
    for pattern in declared + tuple(p for p in _MORE_THAN_A_NAME if p not in declared):
        if pattern in POSITION_PATTERNS:
            return found or Person(None, split_position(text, patterns or reading.patterns, reading))
        if pattern not in declared and found is None:
            break  # an undeclared pattern is tried only for a name that holds more than a name
        person = _SPLITTERS[pattern](text, reading)
        if person is not None and plain_name(person.name):
            return person
        found = found or person
    if found is not None:
        return found
    if set(declared) & set(PERSON_PATTERNS) and not _SEPARATED.search(text) and looks_like_name(text):
        return Person(text, [])  # "Katrin Vogel" in a column of "Name (Org)": a name printed alone
    if title_first:
        found = title_then_name(text, reading)
        if found:
            return Person(found[1], [office_of_body(found[0])])
    return Person(None, split_position(text, reading=reading))


# the groups a multistakeholder forum prints after a person's organisation: a stakeholder group, a UN regional group
# ("…, Civil Society, Western European and Others Group (WEOG)"): who they speak for, not where they work
_REGIONAL = (r"(?:African|Asia[- ]Pacific|Asian|Eastern European|Latin American(?: and|\s*&)? Caribbean|"
             r"Western European(?: and|\s*&)? Others|GRULAC|WEOG|EEG|APG)(?: States)?(?: Group)?(?:\s*\([A-Z]{3,6}\))?")
_STAKEHOLDER = (r"Civil Society|Private Sector|Technical(?: and Academic)? Community|Academi[ac]|"
                r"Intergovernmental Organi[sz]ation|International Organi[sz]ation|Government|Parliament|Youth")
_GROUPS = re.compile(rf"(?:,\s*(?:{_STAKEHOLDER}))?,\s*(?:{_REGIONAL})\s*$|,\s*(?:{_STAKEHOLDER.split('|Government')[0]})\s*$")


def without_groups(text: str) -> str:
    """A person's string without the stakeholder and regional groups printed after the organisation.

    >>> without_groups("Ana Ruiz, National Digital Agency of Uruguay, Government, Latin American and Caribbean Group (GRULAC)")
    'Ana Ruiz, National Digital Agency of Uruguay'
    >>> without_groups("Sam Otieno, East Africa Rights Collective, Civil Society"), without_groups("Jo Ray, Government")
    ('Sam Otieno, East Africa Rights Collective', 'Jo Ray, Government')
    """
    found = _GROUPS.search(text)
    return text[:found.start()] if found and found.start() > 0 and "," in text[:found.start()] else text


# the joiner a list of people prints before its last person: "…; y D. Felipe Mora, Director, …", "and Ms Jo Ray"
_LIST_JOINER = re.compile(r"^(?:and|&|y|e|i|und|et|og|och)\s+(?=\S)")


# a country in brackets right after the name, the position after it: "Aminata Diallo (Sénégal), Directrice, ADIE"
_COUNTRY_AFTER_NAME = re.compile(r"^(?P<name>[^(),;:]+?)\s*\((?P<country>[^()]+)\)\s*(?P<sep>,|[-–—]\s)\s*(?P<rest>\S.*)$")


def country_after_name(text: str) -> str:
    """A country printed in brackets between the name and the position moved to the end, where a position's
    trailing country is read ("Name, Title, Org (Country)").

    >>> country_after_name("Aminata Diallo (Sénégal), Directrice générale, ADIE")
    'Aminata Diallo, Directrice générale, ADIE (Sénégal)'
    >>> country_after_name("Karim Benjelloun (Maroc) – Professeur, Université Mohammed V")
    'Karim Benjelloun – Professeur, Université Mohammed V (Maroc)'
    >>> country_after_name("Ann Lee (Acme), Bo Chan (Beta)"), country_after_name("Ann Lee (Kenya)")
    ('Ann Lee (Acme), Bo Chan (Beta)', 'Ann Lee (Kenya)')
    """
    m = _COUNTRY_AFTER_NAME.match(text)
    if not m or not _a_country(m.group("country")):
        return text
    sep = "," if m.group("sep") == "," else f" {m.group('sep').strip()}"
    return f"{m.group('name')}{sep} {m.group('rest')} ({m.group('country').strip()})"


# an initial with the given name in brackets after it, as Dutch programmes print it ("drs. A. (Anne) Jansen")
_GIVEN_IN_BRACKET = re.compile(r"\b(?:[A-Z]\.\s?){1,3}\((?P<given>[A-ZÀ-Ý][a-zà-ÿ'-]+)\)\s+(?=[A-ZÀ-Ý]|(?:van|de|der|den|ter|ten)\s)")


def given_in_bracket(text: str) -> str:
    """An initial with the given name in brackets after it read as that name, so that no bracket is taken for an
    organisation: "mevr. drs. A. (Anne) Jansen, NCSC" is Anne Jansen.

    >>> given_in_bracket("mevr. drs. A. (Anne) Jansen, NCSC"), given_in_bracket("Ann Lee (Acme), Bo (Beta)")
    ('mevr. drs. Anne Jansen, NCSC', 'Ann Lee (Acme), Bo (Beta)')
    """
    return _GIVEN_IN_BRACKET.sub(r"\g<given> ", text)


def _without_list_joiner(text: str) -> str:
    """A person's string without the joiner of the list it was cut from, when a name follows it ("y D. Felipe Mora,
    Director" → "D. Felipe Mora, Director"); any other string as it is.

    >>> _without_list_joiner("y D. Felipe Mora Ruiz, Director, Acme"), _without_list_joiner("and more")
    ('D. Felipe Mora Ruiz, Director, Acme', 'and more')
    """
    m = _LIST_JOINER.match(text)
    if m and looks_like_name(re.split(r"\s*[,(;–—]\s*", text[m.end():], maxsplit=1)[0]):
        return text[m.end():]
    return text


def _pipes_as_commas(text: str, r: Reading, position: bool = False) -> str:
    """ "Name | Title | Org" with no comma: its bars part the fields, not jobs as in "Title, Org | Title, Org";
    so do those of a ``position`` ("Title | Org") that ends in an organisation rather than a second job.

    >>> _pipes_as_commas("Ms Ann Lee | Deputy Director | Civil Board | Sweden", FREE_TEXT)
    'Ms Ann Lee, Deputy Director, Civil Board, Sweden'
    >>> _pipes_as_commas("Ann Lee, Director, Acme | Adviser, Beta", FREE_TEXT)
    'Ann Lee, Director, Acme | Adviser, Beta'
    >>> _pipes_as_commas("Head of Data | Kestrel Works", DECLARED, position=True)
    'Head of Data, Kestrel Works'
    >>> _pipes_as_commas("Founder | Board Member", DECLARED, position=True)
    'Founder | Board Member'
    >>> _pipes_as_commas("Quant Developer | Speaker | Runner", FREE_TEXT, position=True)
    'Quant Developer'
    """
    if "|" not in text or "," in text:
        return text
    fields = [f.strip() for f in text.split("|") if f.strip()]
    if position and (cut := next((i for i, f in enumerate(fields) if i and SELF_WORDS.fullmatch(f)), None)):
        fields = fields[:cut]  # "Quant Developer | Speaker | Runner": what follows the self-description is too
        text = " | ".join(fields)
    if len(fields) < 2:
        return text
    parted = not _reads_as_title(fields[-1]) if position else is_name(fields[0], r)
    return ", ".join(fields) if parted else text


def _name_title_org(text: str, r: Reading) -> Person | None:
    parts = _COMMA.split(text)
    if len(parts) == 1 and (dashed := _name_dash(text, r)) is not None and dashed.positions:
        return dashed  # "Mark Korver - AWS" among "Name, Org" strings: the dash parts them as a comma would
    head = _DOT_TITLE.match(parts[0])
    if head and _is_title(head.group("title")) and is_name(head.group("name"), r):
        parts[:1] = [head.group("name"), head.group("title")]
    if not is_name(parts[0], r):
        return None
    name, rest = _with_post_nominals(parts)
    return Person(name, _positions(", ".join(rest), r) if rest else [])


def _name_dash(text: str, r: Reading) -> Person | None:
    m = _DASH.search(text)
    if m is None or not is_name(text[:m.start()], r):
        return None
    return Person(text[:m.start()].strip(), _positions(text[m.end():], r))


def _name_paren(text: str, r: Reading) -> Person | None:
    m = _PAREN.match(text)
    if m is None or not is_name(m.group("name"), r) or not_a_person(m.group("org")) == "a heading":
        return None  # "Jane Doe (Moderator)" names a role, not an organisation
    if r.paren == "position":
        return Person(m.group("name").strip(), _bracket_positions(m.group("org").strip(), r))
    # a declared organisation may still print a job ("Ann Lee (Head of Data, Acme, Norway)"): judged as one
    return Person(m.group("name").strip(), split_affiliation(m.group("org")))


def _bracket_positions(text: str, r: Reading) -> list[Position]:
    """The positions in a bracket after a name: "X, Country" whose X reads as no title is an organisation and its
    country, however X is spelt ("Univ. of Tartu, Estonia", "Kestrel, Norway"); else a position string.

    >>> [(p.title, p.organisation) for p in _bracket_positions("Univ. of Tartu, Estonia", FREE_TEXT)]
    [(None, 'Univ. of Tartu, Estonia')]
    >>> [(p.title, p.organisation) for p in _bracket_positions("Professor, Estonia", FREE_TEXT)]
    [('Professor', 'Estonia')]
    >>> [(p.title, p.organisation) for p in _bracket_positions("Kestrel AG, Wien", FREE_TEXT)]  # a capital: a place
    [(None, 'Kestrel AG, Wien')]
    """
    parts = comma_parts(text)
    if len(parts) == 2 and _a_place(parts[1]) and not _reads_as_title(parts[0]) and not _a_country(parts[0]):
        return [Position(organisation=text)]
    return _positions(text, r)


def _name_only(text: str, r: Reading) -> Person | None:
    return Person(text) if is_name(text, r) else None


# the patterns that part a bracket or a dash off a name: tried, declared or not, when the declared ones find a name
# that holds one ("Kwame Mensah (Ghana MFA)" by "Name, Title, Org")
_MORE_THAN_A_NAME = ("Name (Org)", "Name — Title, Org")
_DASH_WORDS = re.compile(r"\s[-\u2013\u2014]\s+\w|\s*[\u2013\u2014]\s*\w")


def plain_name(name: str | None) -> bool:
    """True when a name a pattern found is a name alone: no bracket but an honorific's ("Col. (Retd)"), no dash
    before more words, and it reads as a name (``looks_like_name``) — so "Name, Title, Org" reading "Jo Ray (Acme)"
    or "Jo Ray – Director" whole gives way to a pattern that parts the bracket or the dash off.

    >>> plain_name("Col. (Retd) Jo Ray"), plain_name("Jo Ray (Acme)"), plain_name("Jo Ray – Director"), plain_name(None)
    (True, False, False, False)
    """
    if not name:
        return False
    bare = re.sub(HONORIFIC_BRACKET, " ", name)
    return "(" not in bare and not _DASH_WORDS.search(bare) and looks_like_name(name)


_SPLITTERS = {"Name, Title, Org": _name_title_org, "Name — Title, Org": _name_dash, "Name (Org)": _name_paren,
              "Name": _name_only}


def title_then_name(text: str, reading: Reading = FREE_TEXT) -> tuple[str, str] | None:
    """(title, name) of "Chief Executive of Acme, Jane Doe": the name printed last, after its title."""
    title, comma, name = (part.strip() for part in text.rpartition(","))
    if comma and title and is_name(name, reading) and (title.lower() in _QUALIFIERS or not is_name(title, reading)) \
            and not is_post_nominal(name):  # "Contractor, Mei-Ling Santos"
        return title, name
    return None


def split_position(text: str, patterns=("Title, Org",), reading: Reading = DECLARED) -> list[Position]:
    """The positions in a title-and-organisation string, by the first declared pattern whose separator it holds.

    A lone part is read as the reading says (``DECLARED``: a title when it reads as a job, "Artist", else an
    organisation, "Kestrel Works"); jobs joined by "|" or ";" are one position each, but bars with no comma part
    a title from its organisation ("Head of Data | Kestrel Works").
    """
    text = _SENTENCE_END.sub("", " ".join(str(text).split()).strip(" ,;"))
    if not text or slogan(text) and not has_job_word(text) or _self_description(text):
        return []  # "Breaking things so you don't have to.", "Speaker, Runner"
    text = _pipes_as_commas(text, reading, position=True)
    for pattern in check_patterns(patterns):
        if pattern == "Title @ Org" and _AT.search(text):
            return _positions(text, reading)
        at = list(_AT_WORD.finditer(text))
        if pattern == "Title at Org" and at:
            return [Position(title=text[:at[-1].start()], organisation=text[at[-1].end():])]
        if pattern == "Title, Org":
            return _positions(text, reading, reading.alone)
    return _offices(_lone(text, reading, reading.alone) if reading.alone == "judged" else [Position(title=text)])


def _self_description(text: str) -> bool:
    """A list of what a speaker calls themselves ("Speaker, Runner", "Developer, Mentor, Dog Lover"): short parts,
    one a self-description, none an organisation; "Speaker, Kestrel Group" is not one.

    >>> _self_description("Speaker, Runner"), _self_description("Mentor, Kestrel Group"), _self_description("Speaker")
    (True, False, False)
    """
    parts = comma_parts(text)
    return len(parts) > 1 and all(len(p.split()) <= 2 and not _whole_org(p) for p in parts) \
        and any(SELF_WORDS.fullmatch(p) for p in parts)


def split_affiliation(text: str) -> list[Position]:
    """The positions in an organisation field that may print a job too: "Title, Org" when its first part reads as
    a job title, else one organisation, whatever its commas hold ("Unit, Ministry", "Org, Country", a legal form).

    A lone part is a title when it reads as a job, else an organisation; jobs joined by "|" or ";" are one
    position each; a country at the end stays in the organisation for ``ingest.normalize`` to take out.

    >>> aff = lambda t: [(p.title, p.organisation) for p in split_affiliation(t)]
    >>> aff("Chief Economist, Kestrel Energia S.p.A."), aff("Kestrel Works"), aff("Kestrel Grid (Norway)")
    ([('Chief Economist', 'Kestrel Energia S.p.A.')], [(None, 'Kestrel Works')], [(None, 'Kestrel Grid (Norway)')])
    >>> aff("Ambassador of Examplia to Austria"), aff("Dept of Physics, Uni Examplia")
    ([('Ambassador of Examplia to Austria', None)], [(None, 'Dept of Physics, Uni Examplia')])
    >>> aff("Kestrel, a. s.")
    [(None, 'Kestrel, a. s.')]
    >>> aff("Senior Vice President, Kestrel SF; Board Member, Grid Forum")
    [('Senior Vice President', 'Kestrel SF'), ('Board Member', 'Grid Forum')]
    >>> aff("Kestrel Centre for Policy / University of Tide")
    [(None, 'Kestrel Centre for Policy'), (None, 'University of Tide')]
    >>> aff("Head of Data | Kestrel Works"), aff("State Secretary, Ministry of Maps, Norway")
    ([('Head of Data', 'Kestrel Works')], [('State Secretary', 'Ministry of Maps, Norway')])
    """
    text = _pipes_as_commas(" ".join(str(text).split()).strip(" ,;"), DECLARED, position=True)
    halves = text.split(" / ")
    if len(halves) > 1 and not any(_reads_as_title(h) or "," in h for h in halves):
        return [Position(organisation=h.strip()) for h in halves]  # "Nordic Centre … / University of Bergen"
    out: list[Position] = []
    for job in _jobs_of(text):
        parts = comma_parts(job)
        if len(parts) > 1 and not _first_is_title(parts[0]):
            out.append(Position(organisation=job))  # "Unit, Ministry", "Org, Country"
        elif job:
            out += _job(job, DECLARED, "judged")
    return _offices(out)


# an officer's abbreviation opening a part of more words makes it a title whatever follows ("VP Network Strategy",
# "CDO Europe"); alone it may be an organisation's acronym
_OFFICER = re.compile(r"^(?:[SEA]?VP|C[A-Z]{1,2}O|MD|GM)\s+\w")


def _first_is_title(part: str) -> bool:
    """The first part of an affiliation is a job title when it reads as one and not as an organisation headed by
    no job ("Head of Ports Division" is a title, "Examplia Intelligence Unit" is not), or opens with an officer's
    abbreviation.

    >>> [_first_is_title(t) for t in ("Head of Ports Division", "VP Network Strategy", "Kestrel Unit", "CNIO")]
    [True, True, False, False]
    """
    if _OFFICER.match(part):
        return True
    return _reads_as_title(part) and (not _ORG_WORD.search(part) or _headed_by_job(part))


def _positions(text: str, r: Reading, lone: str | None = None) -> list[Position]:
    return _offices([pos for job in _jobs_of(text) if job for pos in _job(job, r, lone or r.after_name)])


_JOINER = re.compile(r"^(?:and|&|et|und|y|e)\s+(?=\S)")  # "…; and Visiting Lecturer, …": the list's, not the job's


def _jobs_of(text: str) -> list[str]:
    """The jobs of a position string: parted by "|" or ";" and by a second job after "and" (``_second_jobs``), each
    without the joiner it was printed with.

    >>> _jobs_of("Fellow, Acme Institute (Norway); and Visiting Lecturer, Beta University")
    ['Fellow, Acme Institute (Norway)', 'Visiting Lecturer, Beta University']
    >>> _jobs_of("Chair | et conseillère, Kestrel"), _jobs_of("Director, Ports and Harbours")
    (['Chair', 'conseillère, Kestrel'], ['Director, Ports and Harbours'])
    """
    return [_JOINER.sub("", job.strip(" ,")) for part in _JOBS.split(text) for job in _second_jobs(part)]


_AND_JOB = re.compile(r"\s+(?:&|and|e|et|y|en|und|og)\s+(?=(?P<job>[^\W\d_][\w-]*(?:\s+[A-Za-z][\w-]*){0,3}),\s)")


def _second_jobs(text: str) -> list[str]:
    """A position and a second job after "&" or "and" ("Chief Digital Officer, Valenciaport Authority & Chair, Smart
    Ports Working Group"), cut there when a job title and a comma follow and a comma came before.

    >>> _second_jobs("CDO, Valenciaport Authority & Chair, Smart Ports Group"), _second_jobs("Director, Ports and Harbours")
    (['CDO, Valenciaport Authority', 'Chair, Smart Ports Group'], ['Director, Ports and Harbours'])
    >>> _second_jobs("Head, Research & Development, Acme")
    ['Head, Research & Development, Acme']
    """
    for m in _AND_JOB.finditer(text):
        before = text[:m.start()].rsplit(",", 1)
        job = m.group("job")
        if len(before) == 2 and _org_before_and(before[1].strip()) \
                and (has_job_word(job) or not_a_person(job) in _TITLE_REASONS):
            return [text[:m.start()], *_second_jobs(text[m.end():])]
    return [text]


def _org_before_and(part: str) -> bool:
    """The part before "& Lecturer, …" ends a position when it names an organisation: by its form or words, or as
    two words or more that read as no title ("EU Cyber Direct"); not one word ("Smith & Partner, …": one firm).

    >>> [_org_before_and(t) for t in ("EXNA", "Kestrel Group", "EU Cyber Direct", "Smith", "Senior Researcher")]
    [True, True, True, False, False]
    """
    if has_job_word(part):
        return False
    return _is_org(part) or _whole_org(part) or len(part.split()) >= 2 and not _reads_as_title(part)


def _job(text: str, r: Reading, lone: str) -> list[Position]:
    if r.clauses:
        text = _without_clauses(text)
    head, word, tail = text.partition(" at ")
    if word and "," not in head and _job_title(head):  # "CTO at Acme, Inc.", "Senior Fellow at the Meridian Institute"
        return [Position(title=head, organisation=re.sub(r"^the\s+(?=[A-Z])", "", tail.strip()))]
    at = _AT.search(text)
    if at:
        title, rest = text[:at.start()].strip(), comma_parts(text[at.end():].strip())
    else:
        parts = comma_parts(text)
        if not parts:
            return []
        if r.org_first and len(parts) > 1 and not (len(parts) > 2 and parts[0].lower() in _QUALIFIERS) \
                and _is_org(parts[0]) and not _headed_by_job(parts[0]) and not has_job_word(parts[0]):  # not "CISO, …"
            return [Position(organisation=", ".join(parts))]  # "Example Agency, Unit": all organisation
        parts = _title_run(parts)
        if len(parts) == 1:
            return _lone(parts[0], r, lone)
        if len(parts) == 2 and _a_place(parts[1]) and (_org_not_job(parts[0]) or _not_a_job(parts[0])):
            # "Technische Universität Berlin, Allemagne", "Eidgenössisches Departement für … (EDA), Schweiz", "Verbund
            # AG, Wien": an organisation and its place, unless the piece before it reads as a job ("Professor, Estonia")
            return [Position(organisation=", ".join(parts))]
        title, rest = parts[0], parts[1:]
    extra = []
    while len(rest) > 1 and _is_title(rest[-1]) and not _opens_org(rest[-1]):
        extra.insert(0, Position(title=rest.pop()))  # "…, Presidential Fellow": a second job, no organisation
    return [Position(title=title or None, organisation=", ".join(rest) or None)] + extra


def comma_parts(text: str) -> list[str]:
    """The comma parts of a position, a legal form kept with the organisation before it ("Kestrel, Inc.").

    >>> [comma_parts(t) for t in ("CEO, Kestrel, Inc.", "Kestrel, a. s. (Czechia)", "Director, Examplia, UK")]
    [['CEO', 'Kestrel, Inc.'], ['Kestrel, a. s. (Czechia)'], ['Director', 'Examplia', 'UK']]
    """
    parts: list[str] = []
    for part in (p.strip() for p in _COMMA.split(text)):
        if parts and is_legal_form(part):
            parts[-1] = f"{parts[-1]}, {part}"
        elif part:
            parts.append(part)
    return parts


def _legal_key(text: str) -> str:
    """A legal form folded for comparison: "a. s.", "A.S." and "as" are one."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\s.,-]", "", "".join(c for c in folded if not unicodedata.combining(c)))


# company legal forms of many countries ("GmbH", "S.p.A.", "d.o.o.", "a.s.", "Pty Ltd"), from cleanco's term list
_LEGAL_FORMS = frozenset(_legal_key(t) for terms in (*terms_by_type.values(), *terms_by_country.values(),
                                                     # Mexico's civil association and civil partnership, not in cleanco
                                                     ("A.C.", "S.C."))
                         for t in terms if _legal_key(t))
_BRACKET_TAIL = re.compile(r"\s*\([^()]*\)$")


@lru_cache(maxsize=4096)
def is_legal_form(text: str) -> bool:
    """True when a comma part is a company's legal form, which stays with the organisation before it. Two letters
    with no dot do not count after a comma ("Wyandotte County, KS" prints a state; "UK", "AE" are countries), nor
    does a job title ("CIO" is a British charity's form too).

    >>> [is_legal_form(t) for t in ("Inc.", "Ltd", "LLC", "S.A.", "a. s.", "GmbH", "Pty Ltd", "S.p.A. (Italy)")]
    [True, True, True, True, True, True, True, True]
    >>> [is_legal_form(t) for t in ("KS", "UK", "as", "CIO", "Kestrel", "Norway")]
    [False, False, False, False, False, False]
    """
    part = _BRACKET_TAIL.sub("", text.strip())
    key = _legal_key(part)
    if len(key) <= 2 and "." not in part:
        return False
    return key in _LEGAL_FORMS and not has_job_word(part)


def ends_in_legal_form(text: str) -> bool:
    """True when a line ends in a company's legal form ("Kestrel Energia S.p.A.", "Kestrel Fibre AB"; two letters
    only in capitals and when no country is written so).

    >>> [ends_in_legal_form(t) for t in ("Kestrel Energia S.p.A.", "Kestrel Fibre AB", "Kestrel d.o.o.")]
    [True, True, True]
    >>> [ends_in_legal_form(t) for t in ("Lead Engineer", "Kestrel Works UK", "Directora da")]
    [False, False, False]
    """
    words = _BRACKET_TAIL.sub("", text.strip()).split()
    if len(words) < 2:
        return False
    last = words[-1]
    if len(last) == 2 and last.isupper() and _legal_key(last) in _LEGAL_FORMS:
        return not _a_country(last) and last not in _country_codes()
    return any(is_legal_form(" ".join(words[-n:])) for n in (1, 2, 3) if n < len(words))


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    from ingest.countries import default_countries

    return frozenset(default_countries().by_code)


def _headed_by_job(text: str) -> bool:
    """A part whose first or last word is a job's ("Head of Asia Programme", "Programme Manager"): a title, though
    it holds an organisation's word.

    >>> _headed_by_job("Head of Asia Programme"), _headed_by_job("Programme Manager"), _headed_by_job("Example Agency")
    (True, True, False)
    """
    words = text.split()
    return len(words) > 1 and (has_job_word(words[0]) or has_job_word(words[-1]))


def _a_country(text: str) -> bool:
    from ingest.countries import default_countries

    found = default_countries().lookup(text, fuzzy=False)
    return found is not None and found.kind == "country"


def _a_place(text: str) -> bool:
    """A country or a capital ("Norway", "Wien"; ``ingest.countries.capital_of``): where an organisation is."""
    from ingest.countries import capital_of

    return _a_country(text) or capital_of(text) is not None


def _without_clauses(text: str) -> str:
    """ "…, who helped shape the code": a clause, not an organisation."""
    parts = _COMMA.split(text)
    kept = list(parts)
    while kept and _CLAUSE.match(kept[-1]):
        kept.pop()
    return text if len(kept) == len(parts) else ", ".join(kept)


def _title_run(parts: list[str]) -> list[str]:
    """Parts that belong to the title: qualifiers before it ("Contractor, UX Strategy"), job titles after it
    ("Founder, Vice-Chair and CTO, Acme"), the rest of a list it ends with ("Minister of Communications,
    Technology and Innovation, Examplia"), a field of work before an organisation ("Director, ICT Security,
    Ministry of Maps", "Fellow, Programme on Maps, Kestrel Institute"; not a unit: "Director, Cyber Unit, Ministry
    of Maps" keeps the unit's organisation), what comes before a spaced dash (``_dash_sides``); never a part that
    opens with an organisation's noun ("Universidad Técnica …": ``_opens_org``).

    >>> _title_run(["Director", "ICT Security", "Ministry of Maps"]), _title_run(["Director", "Cyber Unit", "Ministry"])
    (['Director, ICT Security', 'Ministry of Maps'], ['Director', 'Cyber Unit', 'Ministry'])
    >>> _title_run(["Fellow", "Programme on Maps", "Kestrel Institute"])
    ['Fellow, Programme on Maps', 'Kestrel Institute']
    """
    parts = _dash_sides(parts)
    quals = []
    while len(parts) > 2 and parts[0].lower() in _QUALIFIERS:
        quals.append(parts.pop(0))
    if quals:
        parts = [", ".join(quals + parts[:1])] + parts[1:]
    if (end := _enumeration_end(parts)) is not None:
        parts[:end + 1] = [", ".join(parts[:end + 1])]  # "Minister for Energy, Information, … and Communications"
    while len(parts) > 2 and (not_a_person(parts[1]) == "a job title" and not _opens_org(parts[1])
                              or _enumerated(parts[0], parts[1]) or _work_piece(parts[1]) and _whole_org(parts[2])):
        parts[:2] = [f"{parts[0]}, {parts[1]}"]
    return parts


def _enumeration_end(parts: list[str]) -> int | None:
    """The last part of a list a title's "of"/"for" opens and an "and" closes, parts after the first and before
    an organisation ("Minister for Meteorology, Energy, Information, Climate Change and Communications, Government
    of Tonga"): each short, with no organisation's word.

    >>> _enumeration_end(["Minister for Meteorology", "Energy", "Information", "Climate Change and Communications",
    ...                   "Government of Tonga"])
    3
    >>> _enumeration_end(["Director of Research", "Acme", "Beta and Gamma", "Delta"]) is None
    True
    >>> _enumeration_end(["Head", "Sales and Marketing", "Acme"]) is None
    True
    """
    if len(parts) < 4 or not _OF_WORD.search(parts[0]):
        return None
    for j in range(1, len(parts) - 1):
        if len(parts[j].split()) > 4 or _ORG_WORD.search(parts[j]) or _a_place(parts[j]):
            return None
        if re.search(r"\s(?:and|&|y|e|et|und|en)\s", parts[j]):
            after = parts[j + 1]  # what follows the list is a body ("Government of Tonga", "Ministry of …"), a country
            return j if j >= 2 and (_ORG_WORD.search(after) or _whole_org(after) or after.startswith("Government")
                                    or _a_country(re.sub(r"^(?:Rep[uú]blica|Republic|Kingdom|Reino)\s+(?:de|of)\s+(?:la\s+|the\s+)?", "", after))) \
                else None
    return None


def _field(part: str) -> bool:
    """A field of work printed after a title ("ICT Security", "Sales & Marketing"): no unit nor body, whose words
    would make it an organisation ("Cyber Unit", "Office for Capacity Development": ``ingest.identity`` makes it a
    unit of the organisation after it).

    >>> [_field(t) for t in ("ICT Security", "Sales & Marketing", "Cyber Diplomacy Unit", "Office for Research")]
    [True, True, False, False]
    """
    return ends_in_field(part) and not _ORG_WORD.search(part) and not is_body(part) and not has_job_word(part) \
        and not _is_org(part) and not _a_country(part)


# a programme named by its field ("Programme on Maritime Technology", "Program for Open Data"): a field of work of
# its organisation, not a unit of it (``ingest.identity`` knows no programme as a unit)
_PROGRAMME = re.compile(r"(?:programme|program|programa|programm)\s+(?:on|of|for|in|de|sur|für|zu|per|di|em)\s", re.I)


def _work_piece(part: str) -> bool:
    """A piece of the title printed between it and its organisation: a field of work or a programme on one.

    >>> [_work_piece(t) for t in ("ICT Security", "Programme on Maritime Technology", "Cyber Unit", "Kestrel Programme")]
    [True, True, False, False]
    """
    return _field(part) or bool(_PROGRAMME.match(part))


# a state's forces named by what they are ("French Armed Forces", "National Police", "Coast Guard")
_FORCES = re.compile(r"\b(?:forces|police|army|navy|gendarmerie|guard|command)\b", re.I)


def _whole_org(part: str) -> bool:
    """A part that names an organisation by its words ("Ministry of Information", "Acme Group", "EXNA", "French Armed
    Forces"), not a country.

    >>> [_whole_org(t) for t in ("Ministry of Information", "Acme Group", "EXNA", "French Armed Forces", "UK", "Kestrel")]
    [True, True, True, True, False, False]
    """
    if _a_country(part) or part in _country_codes():
        return False
    return is_body(part) or bool(_ORG_WORD.search(part) or _FORCES.search(part)) or _is_org(part)


_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]\s+")


def _dash_sides(parts: list[str]) -> list[str]:
    """The parts with a spaced dash read as the border of the title's side and the organisation's: what comes
    before it joins the title when it is a field of work or a job's title ("Director, Maritime Operations –
    National Cyber Agency", "Head of Data – Kestrel Group") and an organisation follows it. A unit or an
    organisation before a dash stays with the one after it ("Cyber Unit – Ministry of Maps", "Acme – Kestrel Group"),
    and a dash in the first part stays in the title when a comma parts it from an organisation already ("Acting
    Director - Corporate Affairs, Kestrel Group").

    >>> _dash_sides(["Director", "Maritime Operations – National Cyber Agency"]), _dash_sides(["Head of Data – Kestrel Group"])
    (['Director, Maritime Operations', 'National Cyber Agency'], ['Head of Data', 'Kestrel Group'])
    >>> _dash_sides(["Director", "Cyber Unit – Ministry of Maps"]), _dash_sides(["Head of Asia – Pacific", "Acme"])
    (['Director', 'Cyber Unit – Ministry of Maps'], ['Head of Asia – Pacific', 'Acme'])
    """
    for i, part in enumerate(parts):
        m = _SPACED_DASH.search(part)
        if m is None:
            continue
        if i == 0 and not all(_a_country(p) for p in parts[1:]):
            return parts
        left, right = part[:m.start()].strip(), part[m.end():].strip()
        title_side = _work_piece(left) or _reads_as_title(left) and not _whole_org(left)
        if right[:1].isupper() and (title_side and _whole_org(right) or len(parts) == 1 and _employer(left, right)):
            return [", ".join([*parts[:i], left]), right, *parts[i + 1:]]
        return parts
    return parts


def _employer(title: str, rest: str) -> bool:
    """A tag line "Title – Org" with no comma: the title ends in a job's word ("Red Team Lead – Saltmarsh Security",
    "Partner – Cabinet Kestrel Avocats") and what follows reads as no job, place nor self-description ("Head of Asia
    – Pacific" and "Developer – Speaker" stay whole); a field of work after a bare job word is the job's ("Director –
    Corporate Affairs"), after a longer title a company's name ("Red Team Lead – Kestrel Security").

    >>> _employer("Red Team Lead", "Saltmarsh Security"), _employer("Head of Asia", "Pacific")
    (True, False)
    >>> _employer("Developer", "Speaker"), _employer("Director", "Norway"), _employer("Director", "Corporate Affairs")
    (False, False, False)
    >>> _employer("Head of Cyber Security Department", "Civil Contingencies Agency")
    True
    """
    last = title.split()[-1]
    job_end = has_job_word(last) or bool(_JOB_NOUN.fullmatch(last)) or _headed_by_job(title) and _whole_org(rest)
    return job_end and len(rest.split()) <= 8 and _not_a_job(rest) and not _a_place(rest) \
        and not (_work_piece(rest) and len(title.split()) == 1) and not SELF_WORDS.search(rest)


_OF_WORD = re.compile(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*$")


def _enumerated(title: str, part: str) -> bool:
    """True when ``part`` goes on the list a title ends with: "Minister of Communications, Technology and
    Innovation", "Head of Policy, Trust and Safety" (a short part with "and", no organisation word).

    >>> _enumerated("Minister of Communications", "Technology and Innovation")
    True
    >>> _enumerated("Director of Research", "Science and Technology Agency"), _enumerated("Director", "Trust and Safety")
    (False, False)
    """
    return bool(_OF_WORD.search(title) and re.search(r"\s(?:and|&)\s", part) and len(part.split()) <= 5
                and not _ORG_WORD.search(part))


def _lone(text: str, r: Reading, lone: str) -> list[Position]:
    """One part alone: a title, an organisation, or "Title at Org" / "Title of Org" with no comma."""
    if lone == "title":
        return [Position(title=text)]
    if (of := _OF.search(text)) and lone in ("judged", "weighed"):
        head = text[:of.start()]  # "Ministry of Foreign Affairs" names a body; "Professor of Law" a job
        if _ORG_WORD.search(head) and not _reads_as_title(head):
            return [Position(organisation=text)]
        if _OFFICE.search(head):
            lone = "free"
    if lone in ("judged", "weighed") and (body := _body_after_job(text)):
        return [Position(title=text[:body].strip(), organisation=text[body:].strip())]
    if lone in ("judged", "weighed") and opens_in_lower_case(text):
        return [Position(title=text)]
    if lone == "judged":
        return [Position(title=text) if _reads_as_title(text) else Position(organisation=text)]
    if lone == "weighed" and not _reads_as_title(text) and not _OF.search(text):
        return [Position(organisation=text)]  # "Ann Lee, Kongsberg Gruppen": no title, an organisation
    at = list(_AT_WORD.finditer(text))
    if at:
        return [Position(title=text[:at[-1].start()], organisation=text[at[-1].end():])]
    return [_of_organisation(text)]


_SMALL_JOB = re.compile(r"^(?:[^\W\d_A-Z][\w-]*\s+){1,3}(?=[A-Z])")  # "voorzitter ", "bijzonder hoogleraar "


def _body_after_job(text: str) -> int | None:
    """Where a body's name starts after a job printed in small letters with no comma ("voorzitter Stichting
    Nationaal Cybercongres", "directeur Ministerie van Defensie"); ``None`` when no body's name follows.

    >>> t = "voorzitter Stichting Nationaal Cybercongres"; t[_body_after_job(t):]
    'Stichting Nationaal Cybercongres'
    >>> _body_after_job("maire de Lille"), _body_after_job("hoofd Cyber Security")
    (None, None)
    """
    m = _SMALL_JOB.match(text)
    if m and m.group().split()[-1].lower() not in _JOINING and has_job_word(m.group()) \
            and _opens_org(text[m.end():]) and len(text[m.end():].split()) >= 2:
        return m.end()
    return None  # "directora de la Agencia …": a preposition joins them, read as "Title of Org" elsewhere


# small words that join a job to its body ("directora de la Agencia", "head of the Unit"): no body after a bare job
_JOINING = {"de", "la", "le", "les", "del", "della", "dello", "dei", "degli", "delle", "di", "du", "des", "do", "da",
            "dos", "das", "al", "alla", "of", "the", "for", "at", "to", "van", "der", "den", "het", "voor", "bij",
            "von", "zu", "zur", "zum", "für", "im", "am", "en", "à", "au", "aux", "l"}


# small words that open an organisation's name as printed ("de Nederlandsche Bank", "the Alan Turing Institute")
_LOWER_OPENINGS = {"de", "van", "von", "der", "den", "da", "di", "du", "des", "del", "la", "le", "les", "el", "il",
                   "lo", "los", "las", "the", "a", "an", "l", "d"}


def opens_in_lower_case(text: str) -> bool:
    """A part that opens with a word in small letters is a job, not an organisation: French, Spanish or Italian
    print their offices in small letters and their bodies with a capital ("maire de Lille", "commandant de la
    cyberdéfense", "ancien préfet"); not a brand's small letter ("eBay", "iRobot") nor an article or particle
    that opens a body's name ("de Nederlandsche Bank").

    A brand in small letters before capitalised words is a body ("armasuisse Wissenschaft und Technologie"): the
    word after a small-letter office is small too (a preposition, an adjective) or a place.

    >>> [opens_in_lower_case(t) for t in ("maire de Lille", "ancien préfet", "eBay", "de Nederlandsche Bank", "ANSSI")]
    [True, True, False, False, False]
    >>> opens_in_lower_case("armasuisse Wissenschaft und Technologie"), opens_in_lower_case("maire d'Arras")
    (False, True)
    """
    words = re.split(r"[\s'’-]+", text.strip())
    first = words[0]
    if not (first.isalpha() and first.islower() and first not in _LOWER_OPENINGS):
        return False
    return len(words) == 1 or not words[1][:1].isupper()


def _of_organisation(text: str) -> Position:
    """ "President & CEO of Harbour Port Authority": the organisation after " of " when it reads as one."""
    for m in _OF.finditer(text):
        title, org = text[:m.start()], text[m.end():]
        if _ACCREDITED.match(org):
            break  # "Military Representative of Poland to the NATO Military Committee": one office
        if _HEAD_WORD.search(title) or (_ORG_WORD.search(org) and not _ORG_WORD.search(title)):
            return Position(title=title, organisation=org)
    return Position(title=text)


# "of", "de", "der"… between an office and the body it heads: "… of the", "… de l'", "… dell'", "… d'"
_OF_BODY = re.compile(r"\s+(?:(?:de\s+l|dell|d|à\s+l)['’]|(?:of(?:\s+the)?|de(?:\s+la)?|du|des|der|del|della|dello|degli|"
                      # where the office sits: "… im Auswärtigen Amt", "étudiante à l'INSA", "conseiller au ministère"
                      r"delle|di|da|do|dos|das|im|au|aux|à\s+la)\s+)(?=\w)", re.I)
_BODY_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}(?:/[A-Z]{1,6})?")  # "GSI/PR": a body and the one above it
# capitals that name a field or a region, not a body: "Head of IT", "Director of R&D", "VP of EMEA"
_FIELDS = {"IT", "ICT", "HR", "AI", "ML", "UX", "UI", "QA", "PR", "R&D", "IP", "OT", "BD", "CX", "DEI", "ESG", "GRC",
           "IAM", "SOC", "SEO", "CRM", "ERP", "GIS", "OSINT", "CTI", "IR", "DFIR", "EMEA", "APAC", "LATAM", "DACH",
           "MENA", "CEE", "SEA", "AMER", "NA"}


def office_of_body(title: str) -> Position:
    """A title with no organisation beside it: the office, and the body after its last "of"/"de"/"der"… when that
    names one — an acronym ("Director General of EXNA"), or a body's name by its words (``is_body``: "Head of the
    Example Agency", "présidente de l'Association Kestrel"). A portfolio stays in the title.

    >>> [(p.title, p.organisation) for p in map(office_of_body, ("Director General of EXNA",
    ...     "Directrice générale de l'ANCX", "Head of the Example Agency", "Präsidentin des Bundesamts für Karten"))]
    [('Director General', 'EXNA'), ('Directrice générale', 'ANCX'), ('Head', 'Example Agency'), \
('Präsidentin', 'Bundesamts für Karten')]
    >>> [office_of_body(t).organisation for t in ("Minister of Foreign Affairs", "Ministre de l'Intérieur",
    ...     "Secretary of State", "Head of Cyber Policy", "Ambassador of Sweden to France", "Head of IT")]
    [None, None, None, None, None, None]
    >>> brief(Person("x", [office_of_body("Secretaria General Iberoamericana (SEGIB)")]))[1]
    [('Secretaria General Iberoamericana', 'SEGIB')]
    >>> office_of_body("Ständige Vertreterin Examplias bei der OSZE").organisation is None
    True
    >>> [(p.title, p.organisation) for p in map(office_of_body, ("Beauftragte für Cyberpolitik im Auswärtigen Amt",
    ...     "Chargée de mission à l'Agence nationale des cartes", "Referentin im Bereich Cyber"))]
    [('Beauftragte für Cyberpolitik', 'Auswärtigen Amt'), ('Chargée de mission', 'Agence nationale des cartes'), \
('Referentin im Bereich Cyber', None)]
    """
    if (m := _ACRONYM_TAIL.match(title)) and has_job_word(m.group("office")) and _names_body(m.group("body")):
        return Position(title=m.group("office"), organisation=m.group("body"))  # "Secretaria General Iberoamericana (SEGIB)"
    for m in reversed(list(_OF_BODY.finditer(title))):
        office, body = title[:m.start()].strip(), title[m.end():].strip()
        if _ACCREDITED.match(body) or _ACCREDITED_AT.search(office):
            break  # "Permanent Representative of Examplia to the OSCE", "Ständige Vertreterin … bei der OSZE": one office
        if body[:1].isupper() and has_job_word(office) and _names_body(body):
            return Position(title=office, organisation=body)
    return Position(title=title)


# a body's acronym in brackets after an office: "Secretaria General Iberoamericana (SEGIB)"
_ACRONYM_TAIL = re.compile(r"^(?P<office>[^()]+?)\s*\((?P<body>[A-Z][A-Z0-9&]{1,7})\)$")
# the word an office is accredited to a body with, last before that body's "der"/"de"/"da" ("… bei der OSZE",
# "… auprès de l'OSCE", "… junto da ONU"): the body is where the office sits, not what it heads
_ACCREDITED_AT = re.compile(r"\s(?:bei|beim|auprès|junto|presso)$", re.I)


def _names_body(text: str) -> bool:
    if _BODY_ACRONYM.fullmatch(text):
        return text not in _FIELDS and not _a_country(text) and text not in _country_codes()
    return is_body(text)


def _offices(positions: list[Position]) -> list[Position]:
    """Each title printed with no organisation, its body taken out (``office_of_body``)."""
    return [office_of_body(p.title) if p.title and not p.organisation else p for p in positions]


def _with_post_nominals(parts: list[str]) -> tuple[str, list[str]]:
    name, rest = parts[0].strip(), list(parts[1:])
    while rest and is_post_nominal(rest[0]):
        name += ", " + rest.pop(0).strip()
    return name, rest


_INVERTED = re.compile(r"^(?P<family>[^,]{2,40}),\s*(?P<given>[^,]{2,40})$")


def family_first(text: str) -> str:
    """A name field printed family name first ("de Vries, Maarten") in reading order; anything else as it is.

    >>> family_first("de Vries, Maarten"), family_first("Lee, Ann B."), family_first("Doe, PhD")
    ('Maarten de Vries', 'Ann B. Lee', 'Doe, PhD')
    >>> family_first("Ann Lee, Director"), family_first("Ann Lee"), family_first("Ann Lee, Bo Chan")
    ('Ann Lee, Director', 'Ann Lee', 'Ann Lee, Bo Chan')
    """
    m = _INVERTED.match(" ".join(text.split()))
    if m is None:
        return text
    family, given = m.group("family"), m.group("given")
    words, surname = given.split(), family.split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").replace(".", "").isalpha()
                                            for w in words):
        return text
    if len(surname) > 1 and not all(w.lower() in _PARTICLES for w in surname[:-1]):
        return text  # "Ann Lee, Bo Chan": two people, not one printed family name first
    if is_post_nominal(given) or given.rstrip(".").lower() in ("jr", "sr") or not_a_person(given) \
            or not_a_person(family):
        return text
    return f"{given} {family}"


def is_post_nominal(text: str) -> bool:
    """True for letters printed after a name ("Ph.D", "PhD", "OBE").

    >>> is_post_nominal("Ph.D"), is_post_nominal("NGA")
    (True, False)
    """
    return len(text) <= 8 and text.replace(".", "").replace(" ", "").upper() in _POST


# Malaysian and Singaporean patronymic links ("Rajeswari a/p Subramaniam": daughter of; a/l, s/o, d/o): a particle,
# like "bin", though they hold a slash
PATRONYMIC = re.compile(r"(?<!\S)(?:a/[lp]|s/o|d/o)(?!\S)", re.IGNORECASE)


def looks_like_name(text: str) -> bool:
    """True when ``text`` reads as a person's name: two to six capitalised words (honorifics and particles aside).

    >>> looks_like_name("Dr Jane van der Berg"), looks_like_name("Jane DOE"), looks_like_name("Opening address")
    (True, True, False)
    >>> looks_like_name("End of Day One"), looks_like_name("Networking Tea Break 2"), looks_like_name("Acme’s Chief")
    (False, False, False)
    >>> looks_like_name("Minister Jane Doe"), looks_like_name("Mr Sam “Sid” Roe")
    (True, True)
    >>> looks_like_name("Permanent Secretary (Digital Development)")
    False
    >>> looks_like_name("Inês Moura e Castro"), looks_like_name("Ana do Carmo"), looks_like_name("Data e Analytics")
    (True, True, False)
    >>> looks_like_name("Ms Rajeswari a/p Subramaniam"), looks_like_name("Kumar s/o Raman"), looks_like_name("Ana / Bo")
    (True, True, False)
    >>> looks_like_name("Patrick d’Aubigny"), looks_like_name("Arnaud d'Estienne"), looks_like_name("d’accord avec")
    (True, True, False)
    >>> looks_like_name("TecnoSegura S.A."), looks_like_name("Kestrel Energia S.p.A."), looks_like_name("Ana Ruiz")
    (False, False, True)
    """
    text = PATRONYMIC.sub(" bin ", " ".join(text.replace("*", " ").split())).strip()  # "a/p" reads as "bin" does
    if not text or len(text) > 60 or re.search(r"[\d:;!?@/|]|['’]s\b", text):
        return False
    if _a_country(_ARTICLE.sub("", text)):
        return False  # "la República Dominicana", "Costa Rica"
    name = split_name(text).name
    words = name.split()
    named = [w for i, w in enumerate(words) if w.lower() not in _PARTICLES and not _joins(words, i)]
    if not 2 <= len(words) <= 6 or not named:
        return False
    if not all(w[0].isupper() or w[0] in "(‘'“\"" or _ELIDED.match(w) for w in named) or not named[0][0].isalpha():
        return False  # "(Digital Development)" after "Permanent Secretary": a bracket, no name
    return not_a_person(name) is None and not _holds_body_word(named) and not _legal_tail(name)


def _legal_tail(name: str) -> bool:
    """True when a would-be name ends in a company's legal form printed as one: dotted or in capitals ("TecnoSegura
    S.A.", "Kestrel GmbH"); a family name that is a form's word too ("Teo", "Kft") is not one.

    >>> _legal_tail("TecnoSegura S.A."), _legal_tail("Kestrel GmbH"), _legal_tail("Josephine Teo")
    (True, True, False)
    """
    last = name.split()[-1] if name.split() else ""
    printed_as_form = "." in last or (len(last) > 1 and last.isupper()) or any(c.isupper() for c in last[1:])
    return printed_as_form and ends_in_legal_form(name)


_ARTICLE = re.compile(r"^(?:the|la|le|l['’]|el|il|die|der|de)\s+", re.I)
# a family name after an elided particle: "d’Aubigny", "dell’Orto"
_ELIDED = re.compile(r"(?:d|l|dell|dall|all|degl)['’][A-ZÀ-Ý]")


# body words that are surnames too ("Angela Bank", "Ada Center"): a name may hold them
_SURNAME_BODIES = {"bank", "center", "centre", "company"}


def _holds_body_word(words: list[str]) -> bool:
    """True when a word of a name is a body's ("Ministerio de Telecomunicaciones", "Secretaría de la Defensa",
    "Eidgenössisches Departement", "Bundesamt …"; data/position_words.toml): an organisation, in any language,
    never a person — but for body words that are surnames too.

    >>> _holds_body_word(["Ministerio", "Telecomunicaciones"]), _holds_body_word(["Angela", "Bank"])
    (True, False)
    """
    return any(opens_with_body(w) and w.casefold() not in _SURNAME_BODIES or in_no_name(w) for w in words)


def _joins(words: list[str], i: int) -> bool:
    """True when ``words[i]`` joins two family names after a given name ("Maria Costa e Silva", "Juan Pérez y
    Gómez", "Ana da Costa e Silva"), not two words of a phrase ("Data e Analytics"): capitalised words on either
    side, and two before it at least.

    >>> _joins("Juan Pérez y Gómez".split(), 2), _joins("Ana da Costa e Silva".split(), 3)
    (True, True)
    >>> _joins("Data e Analytics".split(), 1), _joins("Ana Costa e".split(), 2)
    (False, False)
    """
    return words[i] in _JOINERS and 0 < i < len(words) - 1 and words[i - 1][:1].isupper() \
        and words[i + 1][:1].isupper() and sum(w[:1].isupper() for w in words[:i]) >= 2


def is_name(text: str, reading: Reading = DECLARED) -> bool:
    """True when ``text`` is one name: no comma, and no title or organisation (``FREE_TEXT``: ``looks_like_name``)."""
    text = text.strip()
    if reading.strict_names:
        return "," not in text and looks_like_name(text)
    return bool(text) and not _COMMA.search(text) and (not_a_person(text) is None or _honoured_name(text))


def _honoured_name(text: str) -> bool:
    """A name after an honorific that is a job word too ("Ambassador Ann Lee", "State Secretary Ola Berg"): the
    honorific off, the rest still reads as a name and names no organisation.

    >>> _honoured_name("Ambassador Ann Lee"), _honoured_name("Commissioner for Digital Affairs")
    (True, False)
    >>> _honoured_name("Commissioner Digital Services"), _honoured_name("Chief Executive Officer")
    (False, False)
    """
    name = split_name(text)
    return name.honorific is not None and looks_like_name(text) and not _ORG_WORD.search(name.name)


def _is_title(text: str) -> bool:
    return not_a_person(text) in _TITLE_REASONS


def _reads_as_title(text: str) -> bool:
    """A lone part is a title when it reads as one or opens with one ("Director of Acme Agency", "Writer/Editor"),
    and opens with no organisation's noun ("Universidad Técnica Federico Santa María": ``_opens_org``)."""
    if _opens_org(text):
        return False
    return _job_title(text) or _is_title(text) or _is_title(" ".join(text.split()[:2])) or _ends_in_job(text) \
        or bool(_JOB_NOUN.search(text)) and not _ORG_WORD.search(text) and not _is_org(text)


# jobs that ingest.tidy's job words leave out ("Technology Editor", "Artist", "PhD candidate"; data/position_words.toml),
# read only where no organisation word is
_JOB_NOUN = re.compile(rf"\b(?:{JOB_NOUNS})\b", re.I)
# job words that end organisations' names too ("Health Service Executive", "Kestrel Programme") or qualify a noun
_NOT_AN_END = {"programme", "program", "executive", "senior", "principal", "associate", "deputy", "assistant", "chief",
               "partner", "vorstand"}


def _ends_in_job(text: str) -> bool:
    """A phrase of two words or more whose head ends in a job's noun is a title, though an organisation's word is in
    it ("Open Source Programme Manager", "Programme Lead for Africa", "PhD candidate"); a body's name is not ("Office
    of the Chief Scientist", "Health Service Executive").

    >>> [_ends_in_job(t) for t in ("Open Source Programme Manager", "PhD candidate", "Office of the Chief Scientist",
    ...                            "Health Service Executive", "Manager", "Kestrel Security Group")]
    [True, True, False, False, False, False]
    """
    head = head_words(text)
    if len(head) < 2:
        return False
    last = head[-1]
    return last.casefold() not in _NOT_AN_END and (has_job_word(last) or bool(_JOB_NOUN.fullmatch(last)))


def _opens_org(text: str) -> bool:
    """A part that opens with an organisation's noun ("Universidad", "Institute", "Ministère", "Centro"…;
    data/position_words.toml) is an organisation whatever job word follows ("Universidad Técnica Kestrel",
    "Instituto Superior Técnico": an adjective after its noun), unless, in English, its head ends in a job's noun
    ("Institute Director", "Agency Head of Unit": the noun before its job).

    >>> [_opens_org(t) for t in ("Universidad Técnica Kestrel", "Instituto Superior Técnico", "Centro de Mareas",
    ...                          "Institute Director", "Director of Kestrel University")]
    [True, True, True, False, False]
    """
    words = text.split()
    if len(words) < 2 or not opens_with_body(text):
        return False
    return not (_ORG_WORD.fullmatch(words[0]) and _ends_in_job(text))


def _org_not_job(part: str) -> bool:
    """A part that reads as an organisation and not as a job: by its form ("EXNA", "Kestrel AB"), by its opening
    noun ("Universidad Técnica …") or by an organisation's word where it reads as no title ("Univ. of Tartu").

    >>> [_org_not_job(t) for t in ("EXNA", "Universidad Técnica Federico Santa María", "Univ. of Tartu", "CISO")]
    [True, True, True, False]
    """
    if _opens_org(part):
        return True
    if has_job_word(part):
        return False
    return _is_org(part) or bool(_ORG_WORD.search(part)) and not _reads_as_title(part)


def _not_a_job(part: str) -> bool:
    """A piece with no job word, that reads as no title nor country: an organisation when a country follows it
    ("Eidgenössisches Departement für Karten (EDK)", "Kestrel Works"), not "Professor" nor "Head of Maps".

    >>> [_not_a_job(t) for t in ("Eidgenössisches Departement für Karten (EDK)", "Kestrel Works", "Professor", "Norway")]
    [True, True, False, False]
    """
    return not has_job_word(part) and not _reads_as_title(part) and not _a_country(part)


def _job_title(text: str) -> bool:
    """A title by its words (not a heading): "Senior Director", "Contractor", "Writer/Editor"."""
    return text.lower() in _QUALIFIERS or not_a_person(text) == "a job title" or "/" in text and not _is_org(text)


def _is_org(text: str) -> bool:
    return bool(_ACRONYM.match(text)) or text.startswith(("U.S.", "US ", "United States")) or \
        not_a_person(text) == "an organisation" or ends_in_legal_form(text)


def brief(person: Person) -> tuple[str | None, list[tuple[str | None, str | None]]]:
    """A person as (name, [(title, organisation)]) — for reading examples and tests."""
    return person.name, [(p.title, p.organisation) for p in person.positions]
