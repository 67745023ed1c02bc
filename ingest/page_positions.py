"""What speaker pages print — positions, country, honorific — given to the appearances whose session page prints
none of it; a person printed only as a link or id is named as their page of that edition prints them (else, when no
page names them, from the words of the link).

A front-matter talk lists ``presenter_slugs: [jane-doe]``; the company and role
are on ``presenters/jane-doe.md``. After identity resolution the loader asks
this module for each appearance without a position: the positions of the
person's speaker page (read in this run, else already in the store) are copied
to the appearance, each with ``source`` set to the speaker page's file graph,
which the triples write as ``sg:positionSource``. A position printed with the
appearance always wins, and is completed from the page: a printed organisation
takes the title the page prints at the same organisation ("BSI" is the page's
"Bundesamt für Sicherheit in der Informationstechnik"), a printed title alone the
organisation of the same title; nothing is copied across people. Speaker cards lend
the same way: read as speaker pages (a cards part of ``kind = "speakers"``), like any
speaker page of the year their path names; read as a meeting's appearances, for
that meeting's edition. Country, honorific and name are taken field by field: from
that edition's pages, else from those that name no year.

>>> from ingest.records import Row, SessionPage, SpeakerPage, Parsed, Document
>>> page = SpeakerPage("p/jane.md", 1, "/p/jane/", "Jane Doe", positions=[Position("Lead", "ACME")], person_key="jane")
>>> pages = PagePositions({"jane": [("urn:g:page", None, page.positions)]})
>>> row = Row(3, "Speaker", "jane", "/p/jane/", person_key="jane")
>>> talk = SessionPage("t.md", "Talk", None, None, rows=[row])
>>> apply(Parsed(Document("t.md", "", {}, "", 0), "frontmatter", sessions=[talk]), pages)
1
>>> [(p.title, p.organisation, p.source) for p in row.positions]
[('Lead', 'ACME', 'urn:g:page')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable

import pyoxigraph as ox

from graph import ids
from graph.ids import fold
from ingest.names import split_name
from ingest.records import Name, Note, Parsed, Position
from ingest.roles import role_of
from ingest.tidy import not_a_person

_STORED = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?person ?g ?path ?order ?title ?label ?org WHERE {
  GRAPH ?g { ?person schema:subjectOf ?g ; sg:position ?p . ?p sg:order ?order . OPTIONAL { ?g sg:path ?path }
    OPTIONAL { ?p sg:title ?title } OPTIONAL { ?p sg:organisationLabel ?label } OPTIONAL { ?p org:organization ?org } }
} ORDER BY ?g ?order"""

# a page of speaker cards (the cards reader) prints each person's positions, country and honorific for its edition:
# its appearances speak for that edition's other sessions too (the programme prints "Mr Paolo Ferreira (Banco X)")
_STORED_CARDS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?person ?g ?date ?order ?title ?label ?org WHERE {
  GRAPH ?g { ?g sg:reader "cards" . ?a sg:person ?person ; sg:session ?s ; sg:position ?p . ?s dcterms:date ?date .
    ?p sg:order ?order . FILTER NOT EXISTS { ?p sg:positionSource ?lent }
    OPTIONAL { ?p sg:title ?title } OPTIONAL { ?p sg:organisationLabel ?label } OPTIONAL { ?p org:organization ?org } }
} ORDER BY ?g ?a ?order"""

# the parent of each position's organisation ("Ministry of X" of "Government of Y"), asked apart: nested in the
# queries above, an OPTIONAL within an OPTIONAL made one person's pages take 1 s at 10k files instead of 2 ms
_PARENTS = """
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?g ?org ?parent ?parentName WHERE { GRAPH ?g { ?org org:subOrganizationOf ?parent
                                                     OPTIONAL { ?parent schema:name ?parentName } } }"""

_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")
ONE_BY_ONE = 200  # people whose stored pages are read one by one before all of them are read at once
# a person's stored facts (country, honorific, name) take 5 ms at 10k files, every person's 15 s: one by one up to
# 2,000 people (a changed file names a few dozen), all at once past that (a first load into a large store)
FACTS_ONE_BY_ONE = 2000


def page_year(path: str | None) -> int | None:
    """The edition year a speaker page's path names ("2025/speakers/jane.html", "_presenters/2024/x.md"), or
    ``None`` when it names none or several: such a page speaks for every edition.

    >>> page_year("2025/speakers/jane.html"), page_year("_presenters/jane.md"), page_year("2019-2024/jane.md")
    (2025, None, None)
    """
    years = set(_YEAR.findall(path or ""))
    return int(years.pop()) if len(years) == 1 else None


@dataclass(frozen=True)
class Facts:
    """What a person's speaker page says besides positions: its country and honorific, the edition year
    its path names (``None``: every edition), and the name it prints."""

    country: str | None = None
    honorific: str | None = None
    year: int | None = None
    name: Name | None = None
    graph: str | None = None  # the page's file graph
    role: str | None = None  # a role the card prints in place of a job ("Moderator")


@dataclass
class PagePositions:
    """Speaker pages' positions by person key: ``{key: [(page graph, year, positions)]}``, and their other facts
    (``{key: [Facts]}``), this run's; the store's pages of files this run did not read (``graphs``) are read when
    needed, after them. A session of one year takes what the person's page of that year prints, else what a page
    of no year prints — never another year's job (people change jobs)."""

    by_key: dict[str, list[tuple[str, int | None, list[Position]]]] = field(default_factory=dict)
    facts: dict[str, list[Facts]] = field(default_factory=dict)
    store: object = None  # read person by person, then (past ONE_BY_ONE people) every page at once
    graphs: frozenset[str] = frozenset()  # the files read in this run: their stored versions are being replaced
    stored: dict[str, list[tuple[str, int | None, list[Position]]]] | None = None  # every stored page, once read
    asked: dict[str, list[tuple[str, int | None, list[Position]]]] = field(default_factory=dict)  # person by person
    known: dict[str, list[Facts]] = field(default_factory=dict)  # facts asked for: []: no speaker page names them
    stored_facts: dict[str, list[Facts]] | None = None  # every stored page's facts, once read
    roles: bool | None = None  # whether a page of this run or the store prints a role ("Moderator"): None, not asked

    def any_roles(self) -> bool:
        """True when a speaker page (this run's or the store's) prints a role: only then is every appearance's
        person looked up for one."""
        if self.roles is None:
            query = getattr(self.store, "query", None)
            self.roles = bool(query and query(_ANY_PAGE_ROLE))
        return bool(self.roles)

    def get(self, key: str, year: int | None = None) -> tuple[str, list[Position]] | None:
        """The page graph and positions for a person key in an edition year (that year's page, else one of no
        year), from this run's pages, then the store's."""
        return next(((graph, positions) for graph, _, positions in _of_year(self._positions(key), year,
                                                                                lambda p: p[1])), None)

    def candidates(self, keys: Iterable[str], year: int | None = None) -> list[tuple[str, list[Position]]]:
        """The page graph and positions of every page of a person (under any of ``keys``) that speaks for an
        edition year: that year's pages, then those of no year — where a field one lacks is looked for next."""
        pages = [page for key in keys for page in self._positions(key)]
        return [(graph, positions) for graph, _, positions in _year_first(pages, year, lambda p: p[1])]

    def _positions(self, key: str) -> list[tuple[str, int | None, list[Position]]]:
        """A person's pages, ``(graph, year, positions)``: this run's, then the store's of the files it did not read
        (a changed card keeps its person's unchanged speaker page)."""
        return self.by_key.get(key, []) + [page for page in self._stored(key) if page[0] not in self.graphs]

    def _stored(self, key: str) -> list[tuple[str, int | None, list[Position]]]:
        if self.stored is not None:
            return self.stored.get(key, [])
        if self.store is None:
            return []
        if len(self.asked) < ONE_BY_ONE:  # a few people (a changed file): a short query each
            return self.asked[key] if key in self.asked else self.asked.setdefault(key, _from_store(self.store, key))
        self.stored = _from_store(self.store)  # many: every stored page at once (3.5 s at 10k files)
        return self.stored.get(key, [])

    def pages(self, key: str) -> list[Facts]:
        """The facts of a person's speaker pages, this run's, then the store's of the files it did not read (a query
        per person, then every page's at once); ``[]`` without a page."""
        if key not in self.known:
            if self.store is None:
                stored = []
            elif self.stored_facts is None and len(self.known) < FACTS_ONE_BY_ONE:
                stored = _facts_in_store(self.store, key)
            else:
                if self.stored_facts is None:
                    self.stored_facts = _facts_in_store(self.store)
                stored = self.stored_facts.get(key, [])
            self.known[key] = self.facts.get(key, []) + [f for f in stored if f.graph not in self.graphs]
        return self.known[key]


def _of_year(pages: list, year: int | None, year_of) -> list:
    """The pages for an edition year: that year's, else those of no year; all of them for a session of no date."""
    if year is None:
        return pages
    return [p for p in pages if year_of(p) == year] or [p for p in pages if year_of(p) is None]


def _year_first(pages: list, year: int | None, year_of) -> list:
    """The pages for an edition year field by field: that year's, then those of no year (never another year's);
    all of them for a session of no date.

    >>> _year_first([(2024, "a"), (None, "b"), (2025, "c")], 2025, lambda p: p[0])
    [(2025, 'c'), (None, 'b')]
    """
    if year is None:
        return pages
    return [p for p in pages if year_of(p) == year] + [p for p in pages if year_of(p) is None]


def _first(facts: list[Facts], attribute: str):
    """The first of ``facts`` (in the order of ``_year_first``) that holds ``attribute``: that field's value.

    >>> _first([Facts(year=2025), Facts("NL", year=None)], "country")
    'NL'
    """
    return next((value for f in facts if (value := getattr(f, attribute))), None)


def collect(store, parsed: Iterable[tuple[str, Parsed | None]], gone: Iterable[str] = ()) -> PagePositions:
    """The positions of the speaker pages parsed in this run (``(graph, parsed)`` pairs), over the store's but for
    the ``gone`` graphs (files removed in this run); then those of the speaker cards parsed in this run, each for
    its page's edition."""
    parsed = list(parsed)
    found = PagePositions(store=store, graphs=frozenset(graph for graph, _ in parsed) | frozenset(gone))
    cards = []
    for graph, item in parsed:
        for page in item.speakers if item is not None else ():
            if not page.person_key:
                continue
            year = page_year(page.path)
            if page.positions:
                found.by_key.setdefault(page.person_key, []).append((graph, year, page.positions))
            found.facts.setdefault(page.person_key, []).append(
                Facts(page.country_code, page.name.honorific if page.name else None, year, page.name, graph,
                      page.role_label))
            if page.role_label:
                found.roles = True
        if item is not None and item.reader == "cards":
            cards.append((graph, item))
    for graph, item in cards:  # after the speaker pages: a person's own page is asked first
        for session in item.sessions:
            year = session.date.year if session.date else None
            for row in session.rows:
                if not row.person_key:
                    continue
                printed = [pos for pos in row.positions if not pos.source]
                if printed:
                    found.by_key.setdefault(row.person_key, []).append((graph, year, printed))
                found.facts.setdefault(row.person_key, []).append(
                    Facts(row.country_code, row.name.honorific if row.name else None, year,
                          row.name if row.name_printed else None, graph))
    return found


def apply(parsed: Parsed, pages: PagePositions) -> int:
    """Give each appearance of ``parsed`` what its speaker pages print and it does not: a name, country, honorific,
    its positions (the number given) or the half of a position it prints without the other."""
    given, placed, count = set(), set(), 0
    for session in parsed.sessions:
        year = session.date.year if session.date else None
        for row in session.rows:
            keys, printed = (row.person_key, *row.same_as), row.printed_name
            wanted = not row.name_printed or not row.country_code or (row.name and not row.name.honorific) \
                or row.role in _LED_BY_CARD and pages.any_roles()
            every = [f for k in keys for f in pages.pages(k)] if wanted else []
            # field by field: a card's own appearance is among its person's facts, for its edition, and holds none
            # of what the row lacks; taken whole, that year's facts hid the page of no year that prints them
            facts = _year_first(every, year, lambda f: f.year)
            if not row.name_printed and not _named_by_page(row, facts) and not every:
                _named_by_link(session.path, row, parsed)
            if not row.country_code and (code := _first(facts, "country")):
                row.country_code = code  # the country the person's speaker page prints
                placed.add((session.path, row.line, f"{printed}: no country printed"))
            if row.name and not row.name.honorific and (title := _first(facts, "honorific")):
                row.name = replace(row.name, honorific=title)  # the honorific the speaker page prints
            if row.role in _LED_BY_CARD and (label := _first(facts, "role")) and role_of(label) == "moderator":
                row.role_label, row.role = label, "moderator"  # "Moderator" on the person's card of that edition
            if not row.positions and (hit := next((found for k in keys if (found := pages.get(k, year))), None)):
                graph, positions = hit
                row.positions = [replace(p, source=graph) for p in positions]
                given.add((session.path, row.line, f"{printed}: no organisation printed"))
                count += 1
            if any(bool(p.title) != bool(p.organisation) for p in row.positions) and \
                    _completed(row, pages.candidates(keys, year)):
                given.add((session.path, row.line, f"{printed}: no organisation printed"))
    # the organisation (country) is known now: the note that none was printed would send the reader looking for nothing
    parsed.notes = [n for n in parsed.notes if not (n.kind == "no-country" and (n.path, n.line, n.message) in placed)
                    and (n.kind != "no-organisation" or (n.path, n.line, n.message) not in given
                         or not any(p.organisation for p in _positions_of(parsed, n)))]
    return count


# roles a speaker card's "Moderator" takes over: a plain speaker, or a panellist by the session's format; never a
# role the programme printed for the person ("Keynote", "Remarks")
_LED_BY_CARD = ("speaker", "panellist")


def _completed(row, pages: list[tuple[str, list[Position]]]) -> bool:
    """Each position of a row that prints only where a person works ("Ann Lee (Acme)") or only their job ("Ann Lee,
    Chief Executive") completed from their speaker page of that edition (``pages``, in the order asked): the title
    it prints at the same organisation (``same_organisation``), or the organisation of the same title, with the
    page as the position's source; whether an organisation was added.

    >>> from ingest.records import Row
    >>> row = Row(3, "Speaker", "Ann Lee", None, positions=[Position(None, "ACME"), Position("Chief Executive")])
    >>> page = [Position("CTO", "Acme Mining Exploration"), Position("Chief executive", "Kestrel Trust")]
    >>> _completed(row, [("urn:g:page", page)])
    True
    >>> [(p.title, p.organisation, p.source) for p in row.positions]
    [('CTO', 'ACME', 'urn:g:page'), ('Chief Executive', 'Kestrel Trust', 'urn:g:page')]
    >>> row = Row(3, "Speaker", "Ann Lee", None, positions=[Position("Minister"), Position("Second Minister, Ports")])
    >>> _completed(row, [("urn:g:page", [Position("Minister", "Second Minister, Ports")])]), row.positions[0].title
    (False, 'Minister')
    """
    added, titles = False, [_words(p.title) for p in row.positions if p.title]
    for i, pos in enumerate(row.positions):
        if pos.organisation and not pos.title and (found := _found(
                pages, lambda p: p.title and _same_words(p.organisation, pos.organisation),
                lambda p: p.title and same_organisation(p.organisation, pos.organisation))):
            graph, same = found
            row.positions[i] = replace(pos, title=same.title, source=graph)
        # a page's "organisation" that the session prints as a job of its own ("Minister in the PM's Office,
        # Second Minister for Education") is the page's second job misread: no organisation to take
        elif pos.title and not pos.organisation and (found := _found(pages, lambda p: p.organisation and _same_words(
                p.title, pos.title) and _words(p.organisation) not in titles)):
            graph, same = found
            row.positions[i] = replace(pos, organisation=same.organisation, org_key=same.org_key,
                                       parent_key=same.parent_key, parent_name=same.parent_name, source=graph)
            added = True
    return added


def _found(pages: list[tuple[str, list[Position]]], *tests) -> tuple[str, Position] | None:
    """The first page position that passes the first of ``tests`` (the strictest first) that any passes, with its
    page's graph: the same name before a looser match."""
    for test in tests:
        for graph, positions in pages:
            if (same := next((p for p in positions if test(p)), None)) is not None:
                return graph, same
    return None


# words of an organisation's name that its acronym leaves out ("Bundesamt für Sicherheit in der Informationstechnik":
# BSI; "Ministry of Foreign Affairs and Trade": MFAT), in the languages of the role words
_MINOR = frozenset("a an and at for in of on the to d da das de del della der des di do dos du e en et fur het "
                   "i la las le les los per pour und van voor von y zu".split())
# the usual abbreviations and spellings of an organisation's words ("Univ. of Tartu" is the University of Tartu);
# a title's are spelled out alike, harmlessly: both sides of a comparison are
_SPELLED = {"univ": "university", "uni": "university", "inst": "institute", "dept": "department",
            "natl": "national", "intl": "international", "assoc": "association", "assn": "association",
            "govt": "government", "gov": "government", "min": "ministry", "corp": "corporation", "co": "company",
            "ctr": "centre", "cntr": "centre", "center": "centre", "organization": "organisation", "lab": "laboratory",
            "labs": "laboratories", "defense": "defence", "program": "programme", "&": "and"}
_BRACKET = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*$")
_ACRONYM = re.compile(r"(?:[A-Z][A-Za-z&]*\.?){2,12}")


def same_organisation(a: str | None, b: str | None) -> bool:
    """True when two printed names of one person's organisation (in one edition) name the same one: the same words
    (case, accents, punctuation and the usual abbreviations aside), one an acronym of the other's main words, or
    one the first word(s) of the other; a bracket ("Long Name (ACR)") is a name of its own.

    >>> same_organisation("Univ. of Tartu", "University of Tartu"), same_organisation("BSI", "Bundesamt für "
    ...     "Sicherheit in der Informationstechnik"), same_organisation("MFAT", "Ministry of Foreign Affairs and Trade")
    (True, True, True)
    >>> same_organisation("NASK", "NASK National Research Institute"), same_organisation("CSA", "Cyber Agency (CSA)")
    (True, True)
    >>> same_organisation("ACME", "Kestrel Trust"), same_organisation("Acme Labs", "Acme Mining"), same_organisation(
    ...     "ITU", "International Trade Union Confederation")
    (False, False, False)
    """
    if not a or not b:
        return False
    return any(_same_words(x, y) or _acronym_of(x, y) or _acronym_of(y, x) or _opens(x, y) or _opens(y, x)
               for x in _names(a) for y in _names(b))


def _names(org: str) -> list[str]:
    """An organisation's printed name, and the name and the acronym of a "Long Name (ACR)" apart."""
    m = _BRACKET.match(org)
    return [org, m.group("name"), m.group("inner")] if m else [org]


def _words(text: str) -> list[str]:
    """The folded words of a name or title, its abbreviations spelled out.

    >>> _words("Univ. of Tartu & Co."), _words("Organization for Défense")
    (['university', 'of', 'tartu', 'and', 'company'], ['organisation', 'for', 'defence'])
    """
    return [_SPELLED.get(w, w) for w in re.findall(r"[a-z0-9]+|&", fold(text))]


def _same_words(a: str | None, b: str | None) -> bool:
    """True when two printed names or titles have the same words (case, accents and punctuation aside)."""
    return bool(a and b) and _words(a) == _words(b)


def _acronym_of(short: str, name: str) -> bool:
    """True when ``short``, one word of capitals ("BSI", "DoD", "B.S.I."), is the initials of ``name``'s words: its
    main words (``_MINOR`` left out), its capitalised words, or all of them."""
    short = short.strip()
    if not _ACRONYM.fullmatch(short) or sum(c.isupper() for c in short) < 2:
        return False
    words = [w for w in re.split(r"[^\w&]+", name) if w]
    initials = {"".join(w[0] for w in chosen) for chosen in (
        words, [w for w in words if fold(w) not in _MINOR], [w for w in words if w[0].isupper()])}
    return fold(short.replace(".", "")) in {fold(i) for i in initials if len(i) >= 2}


def _opens(short: str, name: str) -> bool:
    """True when ``short`` is the first word(s) of ``name`` ("NASK" of "NASK National Research Institute")."""
    x, y = _words(short), _words(name)
    return 0 < len(x) < len(y) and y[:len(x)] == x


def _named_by_page(row, facts: list[Facts]) -> bool:
    """A person printed only as a link or id: named as their speaker page of the session's edition prints them
    (a 2022 record's "Joelle Kouassi", though the 2024 one prints "Joëlle"), as the appearance's printed name;
    whether a page named them.

    >>> from ingest.records import Row
    >>> row = Row(3, "Speaker", "joelle-kouassi", None, name_printed=False)
    >>> _named_by_page(row, [Facts(year=2022, name=Name("Dr Joelle Kouassi", "Dr", "Joelle Kouassi", None))])
    True
    >>> row.printed_name, row.name.name, row.name.honorific, row.name_printed
    ('Dr Joelle Kouassi', 'Joelle Kouassi', 'Dr', True)
    """
    named = next((f.name for f in facts if f.name is not None and f.name.name), None)
    if named is None:
        return False
    row.name = replace(named, honorific=(row.name.honorific if row.name else None) or named.honorific)
    row.printed_name, row.name_printed = named.printed, True
    return True


def _named_by_link(path: str, row, parsed: Parsed) -> None:
    """A person printed only as a link or id that no speaker page names: named from the link's words
    ("nanami-ishikawa" is Nanami Ishikawa), so that no query loses the appearance; a note says so."""
    words = [w.capitalize() for w in re.split(r"[-_]+", row.person_key) if w]
    while len(words) > 2 and not_a_person(" ".join(words)):
        words = words[1:]  # "administrator-robin-carnahan": a title before the name
    if len(words) < 2 or not all(w.isalpha() for w in words) or not_a_person(" ".join(words)):
        return  # "7", "a1b2", "panel-chair": no name to make
    row.name = split_name(" ".join(words))
    row.name_printed = True
    parsed.notes.append(Note(path, row.line, "unknown-speaker", f"{row.printed_name}: no speaker page or record "
                             f"names this person — named {row.name.name!r} from the link; add the speaker's page "
                             "or record to the site (or a part that reads it)"))


def _positions_of(parsed: Parsed, note) -> list[Position]:
    return [p for s in parsed.sessions if s.path == note.path for r in s.rows if r.line == note.line
            and note.message.startswith(f"{r.printed_name}:") for p in r.positions]


def _from_store(store, key: str | None = None):
    """Every stored speaker page's positions by person key, page by page; with ``key``, that person's pages alone
    (a list)."""
    out: dict[str, dict[str, tuple[str, int | None, list[Position]]]] = {}
    query = getattr(store, "query", None)
    if query is None:
        return {} if key is None else []
    person = {ox.Variable("person"): ox.NamedNode(ids.person(key))} if key is not None else None
    rows = [(row, page_year(_value(row["path"]))) for row in query(_STORED, person)]
    rows += [(row, int(row["date"].value[:4])) for row in query(_STORED_CARDS, person)]  # a card: its edition's year
    parents = _parents(query, {row["org"] for row, _ in rows if row["org"] is not None} if key else None)
    for row, year in rows:
        found = _local(row["person"].value, "person")
        if found is None:
            continue
        graph = row["g"].value
        org = _local(row["org"].value, "org") if row["org"] is not None else None
        parent, parent_name = parents.get((graph, row["org"].value), (None, None)) if org else (None, None)
        page = out.setdefault(found, {}).setdefault(f"{graph} {year}", (graph, year, []))
        page[2].append(Position(title=_value(row["title"]), organisation=_value(row["label"]), org_key=org,
                                parent_key=parent, parent_name=parent_name))
    if key is not None:
        return [page for pages in out.values() for page in pages.values()]
    return {key: list(pages.values()) for key, pages in out.items()}


# a page's facts as plain patterns, the optional fields read apart and joined here: an OPTIONAL over the union of
# every file graph was evaluated for every person before the join (5.8 s for one person at 10k files, 0.01 s now)
_PAGE_GRAPHS = """
PREFIX schema: <https://schema.org/>
SELECT ?_person ?g WHERE { GRAPH ?g { ?_person schema:subjectOf ?g } }"""
_PAGE_PATHS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?g ?path WHERE { GRAPH ?g { ?_person schema:subjectOf ?g . ?g sg:path ?path } }"""
_PAGE_FIELDS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?_person ?g ?field ?value WHERE { VALUES ?field { sg:country sg:honorific sg:printedName schema:name
    sg:postNominal sg:roleLabel } GRAPH ?g { ?_person schema:subjectOf ?g . ?_person ?field ?value } }"""
_ANY_PAGE_ROLE = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
ASK { GRAPH ?g { ?person schema:subjectOf ?g ; sg:roleLabel ?label } }"""
# every person's at once: a query per field (the VALUES of _PAGE_FIELDS, unbound by a person, took 31 s at 10k
# files on a loaded machine; these five 10 s) — the field is one of ours, never a value read from a file
_PAGE_FIELD = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?_person ?g ?value WHERE {{ GRAPH ?g {{ ?_person schema:subjectOf ?g . ?_person {field} ?value }} }}"""
_PAGE_FIELD_NAMES = {"sg:country": "c", "sg:honorific": "h", "sg:printedName": "printed", "schema:name": "name",
                     "sg:postNominal": "post", "sg:roleLabel": "role"}
_CARD_APPEARANCES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?_person ?g ?a ?date WHERE { GRAPH ?g { ?g sg:reader "cards" . ?a sg:person ?_person ; sg:session ?s .
    ?s dcterms:date ?date } }"""
_CARD_FIELDS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?a ?field ?value WHERE { VALUES ?field { sg:country sg:honorific sg:printedName sg:name sg:postNominal }
    GRAPH ?g { ?g sg:reader "cards" . ?a sg:person ?_person ; ?field ?value } }"""
_FIELD = {"country": "c", "honorific": "h", "printedName": "printed", "name": "name", "postNominal": "post",
          "roleLabel": "role"}


def _facts_in_store(store, key: str | None = None):
    """The facts of each stored speaker page of a person (``[]`` when none names them); without ``key``, of every
    person's (``{key: [Facts]}``)."""
    query = getattr(store, "query", None)
    if query is None:
        return [] if key is not None else {}
    person = {ox.Variable("_person"): ox.NamedNode(ids.person(key))} if key is not None else None
    paths = {r["g"].value: r["path"].value for r in query(_PAGE_PATHS, person)}
    found: list[tuple[str, str, int | None, dict]] = []  # (person IRI, graph, year, fields)
    fields = _fields(query(_PAGE_FIELDS, person), ("_person", "g")) if person else _every_page_field(query)
    for r in sorted(query(_PAGE_GRAPHS, person), key=lambda r: r["g"].value):  # pages, then cards, as ordered
        who, graph = _subject(r, key), r["g"].value
        found.append((who, graph, page_year(paths.get(graph)), fields.get((who, graph), {})))
    appearances = sorted(query(_CARD_APPEARANCES, person), key=lambda r: (r["g"].value, r["date"].value))
    cards = _fields(query(_CARD_FIELDS, person), ("a",)) if appearances else {}  # 11 s at 10k with no card
    for r in appearances:
        found.append((_subject(r, key), r["g"].value, int(r["date"].value[:4]), cards.get((r["a"].value,), {})))
    out: dict[str, list[Facts]] = {}
    for who, graph, year, row in found:
        local = key if key is not None else _local(who, "person")
        if local is not None:
            country = row.get("c")
            out.setdefault(local, []).append(Facts(_local(country, "country") if country else None, row.get("h"), year,
                                                   _stored_name(row), graph, row.get("role")))
    return out.get(key, []) if key is not None else out


def _subject(row, key: str | None) -> str:
    return ids.person(key) if key is not None else row["_person"].value


def _every_page_field(query) -> dict[tuple, dict[str, str]]:
    """``{(person IRI, page graph): {short field name: value}}`` of every stored speaker page."""
    out: dict[tuple, dict[str, str]] = {}
    for field, name in _PAGE_FIELD_NAMES.items():
        for r in query(_PAGE_FIELD.format(field=field)):
            out.setdefault((r["_person"].value, r["g"].value), {}).setdefault(name, r["value"].value)
    return out


def _fields(rows, by: tuple[str, ...]) -> dict[tuple, dict[str, str]]:
    """``{(row values of by): {short field name: value}}`` of field rows (one value kept per field)."""
    out: dict[tuple, dict[str, str]] = {}
    for r in rows:
        name = _FIELD[r["field"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]]
        out.setdefault(tuple(r[v].value for v in by), {}).setdefault(name, r["value"].value)
    return out


def _stored_name(row: dict[str, str]) -> Name | None:
    """The name a stored page prints (its printed form, name, honorific and post-nominals), or ``None``."""
    if not row.get("printed") or not row.get("name"):
        return None
    return Name(row["printed"], row.get("h"), row["name"], row.get("post"))


def _parents(query, orgs: set | None) -> dict[tuple[str, str], tuple[str | None, str | None]]:
    """``{(graph, organisation IRI): (parent key, parent name)}``: of ``orgs`` only, or of every organisation."""
    rows = [r for org in orgs for r in query(_PARENTS, {ox.Variable("org"): org})] if orgs is not None else \
        query(_PARENTS)
    return {(r["g"].value, r["org"].value): (_local(r["parent"].value, "org"), _value(r["parentName"])) for r in rows}


def _local(iri: str, kind: str) -> str | None:
    found = ids.split(iri)
    return found[1] if found and found[0] == kind else None


def _value(term) -> str | None:
    return term.value if term is not None else None
