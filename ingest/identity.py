"""Identity across files, sites and years: one IRI per real person and per organisation.

Resolution runs after normalize, against what the store already holds plus
what this run has read. People merge automatically only on strong evidence:

- the same speaker page or key reached by several links (``/speakers/he-x/``,
  ``/speakers/x/``, ``/speaker-X``, ``/speakers/mr-x-2024/`` all carry key ``x``);
- a row named only by its printed name, which is the name the one speaker page of
  the series printing it prints (``Prof. Ana Lima`` and ``speakers/ana-l.md``), or,
  when none prints it, another form of it that the one speaker record of its edition
  prints (``Ana Lima`` and ``Ana M. Lima``: a middle name or initial, a "bin");
- the same name once initials are dropped (``Nathaniel C. Fick`` / ``Nathaniel
  Fick``) *and* an agreeing country or organisation;
- a reviewed decision in ``data/identity.csv`` (``same`` or ``different``, with
  a reason), applied on every ingest.

Everything else similar becomes a candidate for ``speakergraph duplicates``.
A merged key stays valid: its IRI is linked to the kept one with ``owl:sameAs``.

Organisations: ``Long Name (ACR)`` teaches that ``ACR`` means ``Long Name``
(scoped by country when the acronym is printed with one); ``Unit, Parent``
makes a child of a parent organisation; ``data/organisations.csv`` holds
reviewed aliases.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from graph import ids
from graph.ids import fold, slugify
from ingest.names import match_key, match_keys, match_words, name_key, split_name
from ingest.normalize import organisation_key
from ingest.page_positions import page_year
from ingest.records import Note, Parsed, Position

DATA = Path(__file__).resolve().parent.parent / "data"
DECISIONS = DATA / "identity.csv"
ORG_ALIASES = DATA / "organisations.csv"

_ACRONYM_IN_PARENS = re.compile(r"^(?P<name>.+?)\s*\((?P<acr>[A-Z][A-Za-z0-9&.\-]{1,11})\)\s*$")
_BARE_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]{1,11}$")
_UNIT = re.compile(r"\b(department|division|bureau|office|directorate|group|centre|center|school|unit|branch|"
                   r"secretariat|team|section|command|institute|faculty|laboratory|lab)\b", re.I)
_PARENT = re.compile(r"^(the )?(ministry|department|university|agency|government|national|federal|royal|"
                     r"embassy|council|commission|authority|organi[sz]ation|bank|corporation|company)\b", re.I)


@dataclass
class Decision:
    """A reviewed identity decision about two person keys."""

    a: str
    b: str
    same: bool
    reason: str


def _key(value: str) -> str:
    value = value.strip()
    return value.rstrip("/").rsplit("/", 1)[-1] if value.startswith("http") else value


def load_decisions(path: Path = DECISIONS) -> list[Decision]:
    """The reviewed decisions: rows of ``a,b,decision,reason`` with decision ``same`` or ``different``."""
    if not path.is_file():
        return []
    out = []
    with open(path, newline="", encoding="utf-8") as fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            decision = (row.get("decision") or "").strip().lower()
            if decision not in ("same", "different"):
                raise ValueError(f"{path}:{n}: decision must be 'same' or 'different', not {decision!r}")
            out.append(Decision(_key(row["a"]), _key(row["b"]), decision == "same", (row.get("reason") or "").strip()))
    return out


@dataclass
class Person:
    """What is known of a person: names, countries, organisations, series, and when they were where."""

    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    orgs: set[str] = field(default_factory=set)
    series: set[str] = field(default_factory=set)
    slots: set[Slot] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)  # two names printed at one session are two people


@dataclass(frozen=True)
class Slot:
    """An appearance's place and time: its session and the session's start and end."""

    session: str
    start: datetime
    end: datetime

    def clashes(self, other: "Slot") -> bool:
        """True when two different sessions overlap in time (one person cannot be at both).

        >>> from datetime import datetime as d
        >>> Slot("a", d(2024, 1, 1, 9), d(2024, 1, 1, 10)).clashes(Slot("b", d(2024, 1, 1, 9, 30), d(2024, 1, 1, 11)))
        True
        >>> Slot("a", d(2024, 1, 1, 9), d(2024, 1, 1, 10)).clashes(Slot("b", d(2024, 1, 1, 10), d(2024, 1, 1, 11)))
        False
        """
        if self.session == other.session:
            return False
        try:
            return self.start < other.end and other.start < self.end
        except TypeError:  # one with an offset, one without
            return False


class People:
    """Resolves person keys to the key of the person they are, and learns as it goes."""

    def __init__(self, decisions: list[Decision] = ()):
        self.known: dict[str, Person] = {}
        self.alias: dict[str, str] = {}
        self.different: set[frozenset[str]] = set()
        self.by_match: dict[str, set[str]] = {}
        self.merges: list[tuple[str, str, str]] = []  # (merged key, kept key, reason)
        self.why: dict[str, str] = {}  # merged key -> the reason of its merge in this run
        self.apart: list[tuple[str, str, str]] = []  # (name's key, key of the other person, reason)
        self.by_first: dict[str, set[str]] = {}  # first word of a key -> keys (short slugs)
        self.by_last: dict[str, set[str]] = {}  # last word of a match key (a family name) -> keys
        self.pages: dict[tuple[str | None, str], set[str]] = {}  # (series, name key) -> keys of pages printing it
        self.page_forms: dict[tuple[str | None, str], set[tuple[str, str]]] = {}  # (series, family name) -> (key, name)
        self.page_years: dict[str, int | None] = {}  # a speaker page's key -> the edition year its path names
        self.page_people: dict[str, Person] = {}  # a speaker page's key -> what the page prints
        for d in decisions:
            if d.same:
                self.alias[self.canonical(d.b)] = self.canonical(d.a)
            else:
                self.different.add(frozenset((d.a, d.b)))

    def canonical(self, key: str) -> str:
        """The kept key for ``key`` (following merges)."""
        seen = set()
        while key in self.alias and key not in seen:
            seen.add(key)
            key = self.alias[key]
        return key

    def add(self, key: str, name: str, country: str | None, orgs: set[str], series: str | None = None,
            slot: Slot | None = None, matched: set[str] | None = None, session: str | None = None) -> None:
        """Record what a source says of the person ``key``."""
        person = self.known.setdefault(key, Person())
        person.names.add(name)
        if country:
            person.countries.add(country)
        person.orgs |= orgs
        if series:
            person.series.add(series)
        if slot:
            person.slots.add(slot)
        if session:
            person.sessions.add(session)
        self.index(key, matched or match_keys(name))
        self.by_first.setdefault(key.split("-", 1)[0], set()).add(key)

    def index(self, key: str, matched: set[str]) -> None:
        """Let names read later find the person ``key`` by the match keys ``matched``."""
        for found in matched:
            self.by_match.setdefault(found, set()).add(key)
            for family in _family_words(found):
                self.by_last.setdefault(family, set()).add(key)

    def page(self, key: str, name: str, series: str | None, country: str | None = None,
             orgs: set[str] = frozenset(), year: int | None = None) -> None:
        """Record a speaker page of ``series`` (of the edition ``year``; ``None``: of every edition) printing
        ``name`` (its honorific left out), before any row is resolved: a row printing only that name, or another
        form of it, is that page's person (``by_page``), whichever file comes first."""
        self.pages.setdefault((series, name_key(name)), set()).add(key)
        if words := match_words(name):
            self.page_forms.setdefault((series, words[-1]), set()).add((key, name))
        self.page_years[key] = year if self.page_years.get(key, year) == year else None
        person = self.page_people.setdefault(key, Person())
        person.names.add(name)
        person.countries |= {country} if country else set()
        person.orgs |= orgs

    def by_page(self, key: str, name: str, series: str | None, country: str | None = None,
                orgs: set[str] = frozenset(), slot: Slot | None = None, year: int | None = None,
                session: str | None = None) -> tuple[str, str] | None:
        """The key of the one speaker page of ``series`` that prints ``name`` exactly (honorific aside), with the
        reason, for a row that prints nothing but the name; ``None`` when no page or two pages print it, when the
        row's key is a page's of its own, or when the evidence says another person (a reviewed decision, another
        country and no organisation in common, a session at the same time): a wrong merge is worse than a split.

        >>> people = People()
        >>> people.page("ana-l", "Ana Lima", "s", "BR")
        >>> people.by_page("ana-lima", "Ana Lima", "s")
        ('ana-l', 'Ana Lima is the name the speaker page ana-l prints, the only page of the series that does')
        >>> people.by_page("ana-lima", "Ana Lima", "other"), people.by_page("ana-lima", "Ana Lima", "s", "PT")
        (None, None)
        >>> people.page("ana-lima-2", "Ana Lima", "s")
        >>> people.by_page("ana-lima", "Ana Lima", "s") is None
        True

        No page printing the name exactly: the one page of the session's edition printing another form of it
        (``by_form``).

        >>> people.page("rui-m-costa", "Rui M. Costa", "s")
        >>> people.by_page("rui-costa", "Rui Costa", "s")[1].split(", and")[0]
        'Rui Costa and Rui M. Costa are forms of one name'
        """
        pages = {self.canonical(k) for k in self.pages.get((series, name_key(name)), ())}
        if not pages and key not in self.page_people:
            return self.by_form(key, name, series, country, orgs, slot, year, session)
        if len(pages) != 1 or key in self.page_people or key in pages:
            return None
        other = pages.pop()
        if self._unlike_page(key, other, country, orgs, slot):
            return None
        return other, f"{name} is the name the speaker page {other} prints, the only page of the series that does"

    def by_form(self, key: str, name: str, series: str | None, country: str | None = None,
                orgs: set[str] = frozenset(), slot: Slot | None = None, year: int | None = None,
                session: str | None = None) -> tuple[str, str] | None:
        """The key of the one speaker page of ``series`` and of the edition ``year`` (its path names that year,
        or none) printing another form of ``name`` (a middle name or initial dropped or added, a patronymic "bin"
        left out: ``name_forms_agree``), with the reason; ``None`` when none or several do, or when the evidence
        says another person (as ``by_page``; also: the page's person printed beside the row at its session).

        >>> people = People()
        >>> people.page("ana-m-lima", "Ana M. Lima", "s", year=2025)
        >>> people.by_form("ana-lima", "Ana Lima", "s", year=2025)[0]
        'ana-m-lima'
        >>> people.by_form("ana-lima", "Ana Lima", "s", year=2024) is None  # the page is of another edition
        True
        >>> people.page("ana-maria-lima", "Ana Maria Lima", "s")
        >>> people.by_form("ana-lima", "Ana Lima", "s", year=2025) is None  # two pages fit: a wrong merge is worse
        True
        """
        words = match_words(name)
        if len(words) < 2:
            return None
        fits = {(self.canonical(k), form) for k, form in self.page_forms.get((series, words[-1]), ())
                if self.page_years.get(k) in (None, year) and name_forms_agree(name, form)}
        if len({k for k, _ in fits}) != 1:
            return None
        other, form = min(fits)
        if other == key or self._unlike_page(key, other, country, orgs, slot) \
                or (session and session in self.known.get(other, Person()).sessions):
            return None
        return other, (f"{name} and {form} are forms of one name, and {other} the only speaker record of the "
                       "edition printing one")

    def _unlike_page(self, key: str, other: str, country: str | None, orgs: set[str], slot: Slot | None) -> bool:
        """True when a reviewed decision or the evidence says the row read as ``key`` is not the page's person."""
        if frozenset((key, other)) in self.different:
            return True
        # the row and what its key already holds (the store's, this run's) against the page and its appearances
        printed = Person(countries={country} if country else set(), orgs=set(orgs), slots={slot} if slot else set())
        row = _joined(printed, self.known.get(key))
        return _unlike(row, _joined(self.page_people.get(other, Person()), self.known.get(other)))

    def resolve(self, key: str, name: str, country: str | None, orgs: set[str], series: str | None = None,
                slot: Slot | None = None, linked: bool = True, matched: set[str] | None = None,
                session: str | None = None, by_name: bool = False, year: int | None = None) -> tuple[str, str | None]:
        """The kept key for a person read as ``key``, and the reason when it was merged (or kept apart);
        ``by_name``: the row prints nothing but the name (no link, id or slug); ``year``: its edition's."""
        kept = self.canonical(key)
        if kept != key:  # a reviewed decision, or a merge earlier in this run (its reason told then)
            return kept, self.why.get(key, "reviewed decision (data/identity.csv)")
        if by_name and (page := self.by_page(key, name, series, country, orgs, slot, year, session)):
            return self._merge(key, *page)
        if key in self.known:
            if linked:
                return key, None  # a key from a speaker page's link: that page's person
            return self._namesake(key, country, orgs, slot)
        candidates = {k for found in _whole(matched or match_keys(name), name) for k in self.by_match.get(found, ())} \
            | self._short_slugs(key)
        for other in sorted(candidates):
            other = self.canonical(other)
            if other == key or frozenset((key, other)) in self.different:
                continue
            person = self.known.get(other)
            if person is None or (slot and any(slot.clashes(s) for s in person.slots)):
                continue  # two places at one time: two people
            evidence = self._agrees(person, name, country, orgs) or (
                self._apart(person, country, orgs, slot) is None and self._same_series(person, name, series)) \
                or self._short_slug(key, other, name, person)
            if evidence:
                return self._merge(key, other, evidence)
        fuller = self._fuller_form(key, name, country, orgs, slot, matched or match_keys(name), session)
        return self._merge(key, *fuller) if fuller else (key, None)

    def _merge(self, key: str, other: str, evidence: str) -> tuple[str, str]:
        self.alias[key] = other
        self.merges.append((key, other, evidence))
        self.why[key] = evidence
        return other, evidence

    def _fuller_form(self, key: str, name: str, country: str | None, orgs: set[str], slot: Slot | None,
                     matched: set[str], session: str | None = None) -> tuple[str, str] | None:
        """The one known person whose name is a fuller or shorter form of ``name`` (``A. Kowalska`` / ``Anna
        Kowalska``, ``Carlos Silva`` / ``Carlos Eduardo Silva``) at an organisation in common, no other country and
        not printed beside it at one session, with the reason; ``None`` when none is, or several are (a wrong merge
        is worse than a split)."""
        last = {family for found in matched for family in _family_words(found)}
        found: dict[str, str] = {}
        for other in sorted({self.canonical(k) for word in last for k in self.by_last.get(word, ())}):
            person = self.known.get(other)
            if other == key or person is None or frozenset((key, other)) in self.different:
                continue
            if not orgs & person.orgs or (slot and any(slot.clashes(s) for s in person.slots)) \
                    or (session and session in person.sessions):
                continue
            if country and person.countries and country not in person.countries:
                continue
            form = next((n for n in sorted(person.names) if name_forms_agree(name, n)), None)
            if form:
                found[other] = f"{name} and {form} are forms of one name, with an organisation in common"
        return next(iter(found.items())) if len(found) == 1 else None

    def _namesake(self, key: str, country: str | None, orgs: set[str], slot: Slot | None,
                  ) -> tuple[str, str | None]:
        """A key made from a name that a known person holds: that person, unless the evidence says another one
        of the same name (another country and no organisation in common); then the key of that other person,
        ``ali-hassan-my``."""
        person = self.known[key]
        # two sessions at one time are no evidence here: one name, one key, in an all-day event and a panel in it
        why = self._apart(person, country, orgs, None)
        if why is None or not country:
            return key, None
        n = 2
        other = f"{key}-{country.lower()}"
        while other in self.known and self._apart(self.known[other], country, orgs, None) and n < 20:
            n += 1
            other = f"{key}-{country.lower()}-{n}"
        if frozenset((key, other)) in self.different or self.canonical(other) == other:
            self.apart.append((key, other, why))
            return other, f"kept apart: {why}"
        return key, None

    @staticmethod
    def _apart(person: Person, country: str | None, orgs: set[str], slot: Slot | None) -> str | None:
        """Why the person read now cannot be ``person``, or ``None``."""
        if slot and any(slot.clashes(s) for s in person.slots):
            return "the same name in two sessions at one time"
        if country and person.countries and country not in person.countries and not orgs & person.orgs:
            return (f"the same name for {country} and for {', '.join(sorted(person.countries))}, with no "
                    "organisation in common")
        return None

    def _short_slugs(self, key: str) -> set[str]:
        """Known keys that ``key`` shortens or that shorten it (``gaurav-k``, ``gaurav-keerthi``)."""
        return {k for k in self.by_first.get(key.split("-", 1)[0], ()) if k.startswith(key) or key.startswith(k)}

    @staticmethod
    def _agrees(person: Person, name: str, country: str | None, orgs: set[str]) -> str | None:
        if orgs & person.orgs:
            return f"{_kin(name, person.names)}, same organisation"
        if country and country in person.countries:
            return f"{_kin(name, person.names)}, same country"
        return None

    @staticmethod
    def _same_series(person: Person, name: str, series: str | None) -> str | None:
        # an organisation changed between years is a career step, not a second person
        full = name_key(name)
        if series and series in person.series and full.count("-") >= 1 and full in {name_key(n) for n in person.names}:
            return f"same printed name in the same series ({series})"
        return None

    @staticmethod
    def _short_slug(key: str, other: str, name: str, person: Person) -> str | None:
        short, full = sorted((key, other), key=len)
        if not full.startswith(short) or short.count("-") != full.count("-"):
            return None
        if any(_names_agree(name, n) for n in person.names):
            return f"slug {short} shortens {full}, and the names agree"
        return None


def _kin(name: str, names: set[str]) -> str:
    """How a name read now and the names a known person holds are one: the same name, or not (it reached them by
    a match key or a shortened slug), then said as it is.

    >>> _kin("Ana Lima", {"Ana Lima"}), _kin("Ana B. Lima", {"Ana Lima"}), _kin("Ana Lima Souza", {"Ana Lima"})
    ('same name', 'one name a shorter form of the other', 'one name a shorter form of the other')
    >>> _kin("LIMA Ana", {"Ana Lima"})
    'one name written two ways'
    """
    if name_key(name) in {name_key(n) for n in names}:
        return "same name"
    if any(len(match_words(n)) != len(match_words(name)) for n in names):
        return "one name a shorter form of the other"
    return "one name written two ways"


# patronymic particles a match key joins to the family name after them ("bin Rahman": "binrahman"), which another
# printing of the name leaves out ("Ahmad Faris Rahman"); longest first, as one is the start of another
_PATRONYMIC = ("binti", "bint", "bin", "ibn")


def _family_words(found: str) -> set[str]:
    """The family name a match key ends with, and without a patronymic particle joined to it: a name printed
    with "bin" and without it is looked for under both.

    >>> sorted(_family_words("ahmad faris binrahman")), sorted(_family_words("ana lima")), _family_words("")
    (['binrahman', 'rahman'], ['lima'], set())
    """
    if not found:
        return set()
    last = found.rsplit(" ", 1)[-1]
    particle = next((p for p in _PATRONYMIC if last.startswith(p) and len(last) - len(p) >= 2), None)
    return {last, last[len(particle):]} if particle and " " in found else {last}


def _joined(a: Person, b: Person | None) -> Person:
    """The countries, organisations and slots of two records of one person."""
    if b is None:
        return a
    return Person(countries=a.countries | b.countries, orgs=a.orgs | b.orgs, slots=a.slots | b.slots)


def _unlike(a: Person, b: Person) -> bool:
    """True when the evidence says two people: sessions at one time, or countries and no organisation in common.

    >>> _unlike(Person(countries={"AT"}), Person(countries={"HU"})), _unlike(Person(countries={"AT"}), Person())
    (True, False)
    >>> _unlike(Person(countries={"AT"}, orgs={"kwi"}), Person(countries={"HU"}, orgs={"kwi"}))
    False
    """
    if any(s.clashes(t) for s in a.slots for t in b.slots):
        return True
    return bool(a.countries and b.countries and not a.countries & b.countries and not a.orgs & b.orgs)


def _names_agree(a: str, b: str) -> bool:
    """True when two names have as many words and each word of one starts the other's.

    >>> _names_agree("Gaurav Keerthi", "Gaurav K"), _names_agree("Gaurav Keerthi", "Gaurav Kumar")
    (True, False)
    """
    x, y = match_words(a), match_words(b)
    return len(x) == len(y) and all(p.startswith(q) or q.startswith(p) for p, q in zip(x, y))


def _whole(keys: set[str], name: str) -> set[str]:
    """The match keys that still hold a given name: "O. Wierzba" and "P. Wierzba" both leave "wierzba" once initials
    are dropped, which is a family name, not the same name (their initials are compared by ``name_forms_agree``).

    >>> sorted(_whole({"wierzba"}, "O. Wierzba")), sorted(_whole({"oksana wierzba"}, "Oksana Wierzba"))
    ([], ['oksana wierzba'])
    >>> sorted(_whole({"madonna"}, "Madonna"))
    ['madonna']
    """
    return keys if len(match_words(name)) < 2 else {k for k in keys if " " in k}


def name_forms_agree(a: str, b: str) -> bool:
    """True when two different names are forms of one: the same family name (the last word), the same first
    word or its initial, and the other words of the shorter each the same word or its initial, in order,
    among those of the longer ("A. Kowalska" / "Anna Kowalska", "Carlos Silva" / "Carlos Eduardo Silva",
    "Carlos E. Silva" / "Carlos Eduardo Silva").

    >>> name_forms_agree("A. Kowalska", "Anna Kowalska"), name_forms_agree("Carlos Silva", "Carlos Eduardo Silva")
    (True, True)
    >>> name_forms_agree("Li Wei", "Li Wen"), name_forms_agree("B. Kowalska", "Anna Kowalska")
    (False, False)
    >>> name_forms_agree("Anna Kowalska", "Anna Maria"), name_forms_agree("Eduardo Silva", "Carlos Eduardo Silva")
    (False, False)
    """
    x, y = sorted((match_words(a), match_words(b)), key=len)
    if x == y or len(x) < 2 or x[-1] != y[-1] or len(x[-1]) < 2 or not _word_agrees(x[0], y[0]):
        return False
    rest = iter(y[1:-1])
    return all(any(_word_agrees(w, v) for v in rest) for w in x[1:-1])


def _word_agrees(w: str, v: str) -> bool:
    """The same word, or an initial and a word it begins."""
    return w == v or (len(w) == 1 and v.startswith(w)) or (len(v) == 1 and w.startswith(v))


class Organisations:
    """Resolves printed organisation names to keys: aliases, acronyms, parent organisations."""

    def __init__(self, aliases: dict[tuple[str, str], str] | None = None):
        self.aliases = aliases or {}
        self.acronyms: dict[tuple[str, str], str] = {}  # (ACR, country or "") -> key

    @classmethod
    def load(cls, path: Path = ORG_ALIASES) -> "Organisations":
        """Reviewed aliases from a CSV of ``alias,country,name,reason``."""
        aliases = {}
        if path.is_file():
            with open(path, newline="", encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    aliases[(fold(row["alias"]).strip(), (row.get("country") or "").strip().upper())] = row["name"].strip()
        return cls(aliases)

    def learn(self, label: str, country: str | None) -> None:
        """Remember the acronym a ``Long Name (ACR)`` label defines."""
        m = _ACRONYM_IN_PARENS.match(label.strip())
        if m:
            key = organisation_key(m.group("name"), country)
            self.acronyms.setdefault((m.group("acr"), country or ""), key)
            self.acronyms.setdefault((m.group("acr"), ""), key)

    def resolve(self, label: str, country: str | None) -> tuple[str, str | None, str | None]:
        """``(key, parent key, parent name)`` for a printed organisation name."""
        label = self._alias(label, country)
        child, parent = split_parent(label)
        if parent:
            parent_key, _, _ = self.resolve(parent, country)
            return f"{parent_key}/{slugify(child)}", parent_key, parent
        m = _ACRONYM_IN_PARENS.match(label)
        if m:
            return organisation_key(m.group("name"), country), None, None
        if _BARE_ACRONYM.match(label) and sum(c.isupper() for c in label) >= 2:
            key = self.acronyms.get((label, country or "")) or self.acronyms.get((label, ""))
            if key:
                return key, None, None
        return organisation_key(label, country), None, None

    def _alias(self, label: str, country: str | None) -> str:
        folded = fold(label).strip()
        return self.aliases.get((folded, (country or "").upper())) or self.aliases.get((folded, "")) or label


def split_parent(label: str) -> tuple[str, str | None]:
    """Split ``Unit, Parent`` into the unit and its parent organisation.

    >>> split_parent("Security Policy Department, Ministry of Foreign Affairs")
    ('Security Policy Department', 'Ministry of Foreign Affairs')
    >>> split_parent("Department for Science, Innovation and Technology (DSIT)")
    ('Department for Science, Innovation and Technology (DSIT)', None)
    """
    head, sep, tail = label.rpartition(", ")
    if sep and _UNIT.search(head) and (_PARENT.match(tail) or _BARE_ACRONYM.match(tail) or _UNIT.search(tail)):
        if not _PARENT.match(head) or _PARENT.match(tail):
            return head.strip(), tail.strip()
    return label, None


def learn(orgs: Organisations, parsed: Parsed, people: People | None = None, series: str | None = None) -> None:
    """Teach ``orgs`` the acronyms a parsed file defines, and ``people`` the names its speaker pages of ``series``
    print (run over a batch before resolving it)."""
    if people is not None:
        for page in parsed.speakers:
            _learn_page(people, page, ids.series(series) if series else None)
    for session in parsed.sessions:
        for row in session.rows:
            for pos in row.positions:
                if pos.organisation:
                    orgs.learn(pos.organisation, row.country_code)
    for page in parsed.speakers:
        for pos in page.positions:
            if pos.organisation:
                orgs.learn(pos.organisation, page.country_code)


def _learn_page(people: People, page, series: str | None) -> None:
    name = page.name.name if page.name else page.printed_name
    if page.person_key and name:
        orgs = {slugify(p.organisation) for p in page.positions if p.organisation}
        people.page(page.person_key, name, series, page.country_code, orgs, page_year(page.path))


def resolve(parsed: Parsed, people: People, orgs: Organisations, series: str | None = None) -> Parsed:
    """Give every row and speaker page its kept person key and resolved organisation keys."""
    for session in parsed.sessions:
        where = ids.series(session.series) if session.series else None
        iri = ids.session(session.series, session.date.isoformat(), session.key) if session.date else None
        slot = Slot(iri, session.start, session.end) if session.start and session.end and iri else None
        for row in session.rows:
            _org_keys(orgs, row.positions, row.country_code)
            row.person_key = _person(people, parsed.notes, session.path, row.line, row.person_key,
                                     row.name.name if row.name else row.printed_name, row.country_code,
                                     row.positions, row.same_as, where, slot, linked=bool(row.link),
                                     printed=_bare(row.name), session=iri, by_name=_by_name(row),
                                     year=session.date.year if session.date else None)
    series_iri = ids.series(series) if series else None
    for page in parsed.speakers:
        _org_keys(orgs, page.positions, page.country_code)
        page.person_key = _person(people, parsed.notes, page.path, page.line, page.person_key,
                                  page.name.name if page.name else page.printed_name, page.country_code,
                                  page.positions, page.same_as, series_iri, None)
    return parsed


def _org_keys(orgs: Organisations, positions: list[Position], country: str | None) -> None:
    for pos in positions:
        if pos.organisation:
            pos.org_key, pos.parent_key, pos.parent_name = orgs.resolve(pos.organisation, country)


def _by_name(row) -> bool:
    """True when a row prints nothing but a name: no link, id or slug gave its key.

    >>> from ingest.records import Row
    >>> from ingest.names import split_name
    >>> named = Row(3, "Speaker", "Dr Ana Lima", None, name=split_name("Dr Ana Lima"), person_key="ana-lima")
    >>> linked = Row(4, "Speaker", "Ana Lima", "/speakers/ana-l/", name=split_name("Ana Lima"), person_key="ana-l")
    >>> _by_name(named), _by_name(linked)
    (True, False)
    """
    return bool(row.name_printed and not row.link and row.name and row.person_key == name_key(row.name.name))


def _bare(name) -> str:
    """The name as printed, without its honorific, its case kept ("NAIR Priya" of "Dr NAIR Priya")."""
    if name is None:
        return ""
    printed = name.printed.strip()
    if name.honorific and printed.startswith(name.honorific):
        printed = printed[len(name.honorific):].strip()
    return printed


def _person(people: People, notes: list[Note], path: str, line: int | None, key: str, name: str,
            country: str | None, positions: list[Position], same_as: list[str], series: str | None,
            slot: Slot | None, linked: bool = True, printed: str = "", session: str | None = None,
            by_name: bool = False, year: int | None = None) -> str:
    # organisations compared by printed name (the same name is the same evidence whatever its scoping) and by key
    # (an acronym and the name it stands for are one organisation: "NRICS", "National Research Institute … (NRICS)")
    org_keys = {slugify(p.organisation) for p in positions if p.organisation} | {p.org_key for p in positions if p.org_key}
    matched = match_keys(name) | (match_keys(printed) if printed else set())  # "NAIR Priya" as printed
    kept, reason = people.resolve(key, name, country, org_keys, series, slot, linked, matched, session, by_name, year)
    if kept != key and reason and reason.startswith("kept apart"):
        notes.append(Note(path, line, "namesake", f"{name}: another person than {key} ({reason[12:]}) — kept apart "
                          f"as {kept}; if they are one, record it in data/identity.csv ({key},{kept},same,…)"))
    elif kept != key:
        same_as.append(key)
        notes.append(Note(path, line, "merged-person", f"{name}: {key} is {kept} ({reason})"))
    people.add(kept, name, country, org_keys, series, slot, matched, session)
    return kept


_NAMES = """
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?person ?name WHERE {
  ?person schema:name ?name . FILTER(STRSTARTS(STR(?person), "https://w3id.org/speakergraph/id/person/"))
}"""

# What appearances and speaker pages print with each person, and where and when each appeared. Each query is
# a hash join of short sub-selects read from the short joins (docs/model.md), not an index lookup per appearance:
# at 10k event files they took 4.6 s of every ingest that changed a file, now 2.0 s
# (tests/fixtures/identity-joins keeps the earlier texts; tests/test_identity.py checks they read the same).
# Country codes come from the country IRI: "?c sg:alpha2" is repeated in every file naming the country.
_COUNTRIES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?person ?country WHERE {
  { SELECT ?person ?c WHERE { ?person sg:appearedForCountry ?c } }
  UNION { SELECT ?person ?c WHERE { ?person sg:slug ?slug ; sg:country ?c } }
  BIND(STRAFTER(STR(?c), "/country/") AS ?country)
}"""

_ORGS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?person ?org WHERE {
  { { SELECT ?a ?person WHERE { ?a sg:person ?person } }
    UNION { SELECT DISTINCT ?a ?person WHERE { ?a sg:slug ?slug BIND(?a AS ?person) } } }
  { SELECT ?a ?p WHERE { ?a sg:position ?p } }
  { SELECT ?p ?org WHERE { ?p sg:organisationLabel ?org } }
}"""

# the series of each person's sessions (with the session's times) and of their speaker pages
_SERIES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?person ?series ?session ?start ?end WHERE {
  { { SELECT ?person ?session WHERE { ?person sg:appearedAt ?session } }
    { SELECT ?session ?series WHERE { ?session schema:superEvent ?edition . ?edition schema:superEvent ?series } }
    OPTIONAL { SELECT ?session ?start ?end WHERE { ?session schema:startDate ?start ; schema:endDate ?end } } }
  UNION { ?person schema:subjectOf ?g . ?g dcterms:isPartOf ?series }
}"""

# the names as printed at each appearance: "TANAKA Hiroshi" is read "Hiroshi Tanaka" too, which its schema:name
# ("Tanaka Hiroshi") no longer tells, so a later run matches as the run that read it did
_PRINTED = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?person ?printed WHERE { ?a sg:person ?person ; sg:printedName ?printed }"""

# the organisation keys of each person's positions (at appearances: the short join; on speaker pages)
_ORG_KEYS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?person ?key WHERE {
  { SELECT ?person ?o WHERE { ?person sg:appearedForOrganisation ?o } }
  UNION { SELECT ?person ?o WHERE { ?person sg:slug ?slug ; sg:position ?p . ?p org:organization ?o } }
  BIND(STRAFTER(STR(?o), "/org/") AS ?key)
}"""

_SAME_AS = """
SELECT DISTINCT ?alias ?kept WHERE { ?alias <http://www.w3.org/2002/07/owl#sameAs> ?kept }"""

# the name each stored speaker page prints, and its series: a row of a later run printing only that name is that
# page's person, as in one run (``People.by_page``)
_PAGES = """
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?person ?name ?series WHERE {
  GRAPH ?g { ?person schema:subjectOf ?g ; schema:name ?name . ?g dcterms:isPartOf ?series }
}"""

_ORG_NAMES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT DISTINCT ?name ?country WHERE {
  { SELECT DISTINCT ?p WHERE { ?p org:organization ?org } }
  { SELECT ?p ?name WHERE { ?p sg:organisationLabel ?name } }
  OPTIONAL { SELECT ?p ?country WHERE {
    { SELECT ?owner ?p WHERE { ?owner sg:position ?p } }
    { SELECT ?owner ?c WHERE { ?owner sg:country ?c } }
    BIND(STRAFTER(STR(?c), "/country/") AS ?country) } }
}"""


def from_store(store, decisions: list[Decision] | None = None,
               aliases: Path = ORG_ALIASES) -> tuple[People, Organisations]:
    """People and organisations already in ``store``, with the reviewed decisions and aliases applied."""
    people = People(load_decisions() if decisions is None else decisions)
    # rows unpacked by position (in each SELECT's order): by name, a 10k-file store's 65k rows took a second more
    for alias, kept in store.query(_SAME_AS):
        people.alias.setdefault(_key(alias.value), _key(kept.value))
    for person, name in store.query(_NAMES):
        people.add(_key(person.value), name.value, None, set())
    known = people.known
    for person, country in store.query(_COUNTRIES):
        found = known.get(_key(person.value))
        if found is not None:
            found.countries.add(country.value)
    for person, org in store.query(_ORGS):
        found = known.get(_key(person.value))
        if found is not None:
            found.orgs.add(slugify(org.value))
    for person, key in store.query(_ORG_KEYS):
        found = known.get(_key(person.value))
        if found is not None and key.value:
            found.orgs.add(key.value)
    for person, printed in store.query(_PRINTED):
        if _key(person.value) in known:
            people.index(_key(person.value), _printed_keys(printed.value))
    for person, series, session, start, end in store.query(_SERIES):
        found = known.get(_key(person.value))
        if found is not None:
            found.series.add(series.value)
            if session is not None:
                found.sessions.add(session.value)
            slot = _slot(session, start, end)
            if slot:
                found.slots.add(slot)
    for person, name, series in store.query(_PAGES):
        people.page(_key(person.value), name.value, series.value)  # its country and organisations: in known
    orgs = Organisations.load(aliases)
    for name, country in store.query(_ORG_NAMES):
        orgs.learn(name.value, country.value if country else None)
    return people, orgs


def _printed_keys(printed: str) -> set[str]:
    """The match keys a run gives a name as printed, honorific left out (``_person``).

    >>> sorted(_printed_keys("Mr TANAKA Hiroshi"))
    ['hiroshi tanaka', 'tanaka hiroshi']
    """
    return match_keys(_bare(split_name(printed)))


def _slot(session, start, end) -> Slot | None:
    if session is None or start is None or end is None:
        return None
    try:
        return Slot(session.value, datetime.fromisoformat(start.value), datetime.fromisoformat(end.value))
    except ValueError:
        return None


@dataclass
class Candidate:
    """Two people who may be one, with a score and the evidence for a reviewer."""

    a: str
    b: str
    score: float
    evidence: dict[str, tuple[str, str]]

    def row(self) -> dict[str, str]:
        """A flat row for a table or CSV."""
        out = {"a": self.a, "b": self.b, "score": f"{self.score:.0f}"}
        for field_name, (x, y) in self.evidence.items():
            out[f"{field_name}_a"], out[f"{field_name}_b"] = x, y
        return out


_PROFILES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?person (MIN(?n) AS ?name)
       (GROUP_CONCAT(DISTINCT COALESCE(?h, ""); separator="; ") AS ?honorifics)
       (GROUP_CONCAT(DISTINCT COALESCE(?o, ""); separator="; ") AS ?organisations)
       (GROUP_CONCAT(DISTINCT COALESCE(?c, ""); separator="; ") AS ?countries)
       (GROUP_CONCAT(DISTINCT COALESCE(?e, ""); separator="; ") AS ?events)
       (GROUP_CONCAT(DISTINCT COALESCE(STRAFTER(STR(?k), "/org/"), ""); separator="; ") AS ?org_keys)
WHERE {
  ?person a schema:Person ; schema:name ?n .
  FILTER NOT EXISTS { ?person <http://www.w3.org/2002/07/owl#sameAs> ?kept }
  OPTIONAL { ?person (^sg:person)? ?a .
    OPTIONAL { ?a sg:honorific ?h }
    OPTIONAL { ?a sg:position ?p . OPTIONAL { ?p sg:organisationLabel ?o } OPTIONAL { ?p <http://www.w3.org/ns/org#organization> ?k } }
    OPTIONAL { ?a sg:country/sg:alpha2 ?c }
    OPTIONAL { ?a sg:session/schema:superEvent/schema:name ?e } }
} GROUP BY ?person"""


def _tidy(joined: str) -> str:
    # GROUP_CONCAT of COALESCE(?x, "") leaves empty parts where a value was missing
    return "; ".join(sorted(p for p in joined.split("; ") if p))


def candidates(store, decisions: list[Decision] | None = None, threshold: float = 80) -> list[Candidate]:
    """Pairs of people who may be the same, best first, leaving out pairs already decided."""
    from rapidfuzz import fuzz

    decided = {frozenset((d.a, d.b)) for d in (load_decisions() if decisions is None else decisions)}
    profiles = {_key(r["person"].value): {k: _tidy(r[k].value if r[k] else "") for k in
                                          (*_EVIDENCE, "org_keys")}
                for r in store.query(_PROFILES)}
    blocks: dict[str, set[str]] = {}
    for key, p in profiles.items():
        words = match_key(p["name"]).split()
        for word in words:
            blocks.setdefault(word, set()).add(key)
    pairs = {frozenset((a, b)) for keys in blocks.values() if len(keys) < 200
             for a in keys for b in keys if a < b}
    out = []
    for pair in pairs - decided:
        a, b = sorted(pair)
        similar = fuzz.token_sort_ratio(match_key(profiles[a]["name"]), match_key(profiles[b]["name"]))
        score = max(0, min(100, similar + evidence_weight(profiles[a], profiles[b])))
        if score >= threshold:
            out.append(Candidate(a, b, score, {k: (profiles[a][k], profiles[b][k]) for k in _EVIDENCE}))
    return sorted(out, key=lambda c: (-c.score, c.a, c.b))


_EVIDENCE = ("name", "honorifics", "organisations", "countries", "events")


def evidence_weight(a: dict[str, str], b: dict[str, str]) -> int:
    """What two profiles' organisations and countries add to their names' similarity: +10 for an organisation
    in common (by key: an acronym and its name are one), +5 for a country in common, -10 when both print
    countries and none is in common. Another organisation is no evidence against: people change jobs.

    >>> p = lambda keys, countries: {"org_keys": keys, "countries": countries}
    >>> evidence_weight(p("acme", "PL"), p("acme; nrics", "PL")), evidence_weight(p("acme", "PL"), p("nrics", "CZ"))
    (15, -10)
    >>> evidence_weight(p("", ""), p("nrics", "PL"))
    0
    """
    def shared(field: str) -> tuple[bool, bool]:
        x, y = ({v for v in p[field].split("; ") if v} for p in (a, b))
        return bool(x & y), bool(x and y and not x & y)

    org, _ = shared("org_keys")
    same_country, other_country = shared("countries")
    return 10 * org + 5 * same_country - 10 * other_country
