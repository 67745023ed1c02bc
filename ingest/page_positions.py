"""What speaker pages print — positions, country, honorific — given to the appearances whose session page prints
none of it; a person printed only as a link or id is named as their page of that edition prints them (else, when no
page names them, from the words of the link).

A front-matter talk lists ``presenter_slugs: [jane-doe]``; the company and role
are on ``presenters/jane-doe.md``. After identity resolution the loader asks
this module for each appearance without a position: the positions of the
person's speaker page (read in this run, else already in the store) are copied
to the appearance, each with ``source`` set to the speaker page's file graph,
which the triples write as ``sg:positionSource``. A position printed with the
appearance always wins; nothing is copied across people. Speaker cards lend the
same way: read as speaker pages (a cards part of ``kind = "speakers"``), like any
speaker page of the year their path names; read as a meeting's appearances, for
that meeting's edition.

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
from ingest.names import split_name
from ingest.records import Name, Note, Parsed, Position
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


@dataclass
class PagePositions:
    """Speaker pages' positions by person key: ``{key: [(page graph, year, positions)]}``, and their other facts
    (``{key: [Facts]}``); the store's read when needed. A session of one year takes what the person's page of
    that year prints, else what a page of no year prints — never another year's job (people change jobs)."""

    by_key: dict[str, list[tuple[str, int | None, list[Position]]]] = field(default_factory=dict)
    facts: dict[str, list[Facts]] = field(default_factory=dict)  # []: no speaker page names the person
    store: object = None  # read once for positions, person by person for facts
    stored: dict[str, list[tuple[str, int | None, list[Position]]]] | None = None  # every stored page, once read
    asked: dict[str, list[tuple[str, int | None, list[Position]]]] = field(default_factory=dict)  # person by person

    def get(self, key: str, year: int | None = None) -> tuple[str, list[Position]] | None:
        """The page graph and positions for a person key in an edition year, from this run's pages, else the
        store's."""
        if key in self.by_key:
            pages = self.by_key[key]
        elif self.stored is not None:
            pages = self.stored.get(key, [])
        elif self.store is None:
            pages = []
        elif len(self.asked) < ONE_BY_ONE:  # a few people (a changed file): a short query each
            pages = self.asked[key] if key in self.asked else self.asked.setdefault(key, _from_store(self.store, key))
        else:  # many: every stored page at once (3.5 s at 10k files)
            self.stored = _from_store(self.store)
            pages = self.stored.get(key, [])
        return next(((graph, positions) for graph, _, positions in _of_year(pages, year, lambda p: p[1])), None)

    def pages(self, key: str) -> list[Facts]:
        """The facts of a person's speaker pages, from this run's pages, else the store's (one short query per
        person asked for: reading every page's country took 1.3 s at 10k files); ``[]`` without a page."""
        if key not in self.facts:
            self.facts[key] = _facts_in_store(self.store, key)
        return self.facts[key]


def _of_year(pages: list, year: int | None, year_of) -> list:
    """The pages for an edition year: that year's, else those of no year; all of them for a session of no date."""
    if year is None:
        return pages
    return [p for p in pages if year_of(p) == year] or [p for p in pages if year_of(p) is None]


def collect(store, parsed: Iterable[tuple[str, Parsed | None]]) -> PagePositions:
    """The positions of the speaker pages parsed in this run (``(graph, parsed)`` pairs), over the store's; then
    those of the speaker cards parsed in this run, each for its page's edition."""
    found = PagePositions(store=store)
    cards = []
    for graph, item in parsed:
        for page in item.speakers if item is not None else ():
            if not page.person_key:
                continue
            year = page_year(page.path)
            if page.positions:
                found.by_key.setdefault(page.person_key, []).append((graph, year, page.positions))
            found.facts.setdefault(page.person_key, []).append(
                Facts(page.country_code, page.name.honorific if page.name else None, year, page.name))
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
                          row.name if row.name_printed else None))
    return found


def apply(parsed: Parsed, pages: PagePositions) -> int:
    """Give each appearance of ``parsed`` that prints no position its speaker page's; the number given."""
    given, placed, count = set(), set(), 0
    for session in parsed.sessions:
        year = session.date.year if session.date else None
        for row in session.rows:
            keys, printed = (row.person_key, *row.same_as), row.printed_name
            wanted = not row.name_printed or not row.country_code or (row.name and not row.name.honorific)
            every = [f for k in keys for f in pages.pages(k)] if wanted else []
            facts = _of_year(every, year, lambda f: f.year)
            if not row.name_printed and not every:
                _named_by_link(session.path, row, parsed)
            if not row.name_printed:
                _named_by_page(row, facts)
            if not row.country_code and (code := next((f.country for f in facts if f.country), None)):
                row.country_code = code  # the country the person's speaker page prints
                placed.add((session.path, row.line, f"{printed}: no country printed"))
            if row.name and not row.name.honorific and (title := next((f.honorific for f in facts if f.honorific),
                                                                       None)):
                row.name = replace(row.name, honorific=title)  # the honorific the speaker page prints
            if row.positions:
                _titled_from_page(row, next((found for k in keys if (found := pages.get(k, year))), None))
                continue
            hit = next((found for k in keys if (found := pages.get(k, year))), None)
            if hit is not None:
                graph, positions = hit
                row.positions = [replace(p, source=graph) for p in positions]
                given.add((session.path, row.line, f"{printed}: no organisation printed"))
                count += 1
    # the organisation (country) is known now: the note that none was printed would send the reader looking for nothing
    parsed.notes = [n for n in parsed.notes if not (n.kind == "no-country" and (n.path, n.line, n.message) in placed)
                    and (n.kind != "no-organisation" or (n.path, n.line, n.message) not in given
                         or not any(p.organisation for p in _positions_of(parsed, n)))]
    return count


def _titled_from_page(row, hit: tuple[str, list[Position]] | None) -> None:
    """A session that prints only where a person works ("Ann Lee (Acme Corp)"): the title their speaker page of that
    edition prints at the same organisation ("Ann Lee — CTO, Acme Corp"), with the page as the position's source."""
    if hit is None:
        return
    graph, page = hit
    for i, pos in enumerate(row.positions):
        same = next((p for p in page if p.title and p.organisation and pos.organisation
                     and p.organisation.casefold().strip(" .") == pos.organisation.casefold().strip(" .")), None)
        if not pos.title and same is not None:
            row.positions[i] = replace(pos, title=same.title, source=graph)


def _named_by_page(row, facts: list[Facts]) -> None:
    """A person printed only as a link or id: named as their speaker page of the session's edition prints them
    (a 2022 record's "Joelle Kouassi", though the 2024 one prints "Joëlle"), as the appearance's printed name.

    >>> from ingest.records import Row
    >>> row = Row(3, "Speaker", "joelle-kouassi", None, name_printed=False)
    >>> _named_by_page(row, [Facts(year=2022, name=Name("Dr Joelle Kouassi", "Dr", "Joelle Kouassi", None))])
    >>> row.printed_name, row.name.name, row.name.honorific, row.name_printed
    ('Dr Joelle Kouassi', 'Joelle Kouassi', 'Dr', True)
    """
    named = next((f.name for f in facts if f.name is not None and f.name.name), None)
    if named is None:
        return
    row.name = replace(named, honorific=(row.name.honorific if row.name else None) or named.honorific)
    row.printed_name, row.name_printed = named.printed, True


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


_STORED_FACTS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?g ?path ?c ?h ?printed ?name ?post WHERE { GRAPH ?g { ?_person schema:subjectOf ?g
    OPTIONAL { ?_person sg:country ?c } OPTIONAL { ?_person sg:honorific ?h } OPTIONAL { ?g sg:path ?path }
    OPTIONAL { ?_person sg:printedName ?printed ; schema:name ?name OPTIONAL { ?_person sg:postNominal ?post } } } }
ORDER BY ?g"""
_STORED_CARD_FACTS = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?g ?date ?c ?h ?printed ?name ?post WHERE { GRAPH ?g { ?g sg:reader "cards" . ?a sg:person ?_person ;
    sg:session ?s . ?s dcterms:date ?date OPTIONAL { ?a sg:country ?c } OPTIONAL { ?a sg:honorific ?h }
    OPTIONAL { ?a sg:printedName ?printed ; sg:name ?name OPTIONAL { ?a sg:postNominal ?post } } } } ORDER BY ?g ?date"""


def _facts_in_store(store, key: str) -> list[Facts]:
    """The facts of each stored speaker page of a person, ``[]`` when none names them."""
    query = getattr(store, "query", None)
    if query is None:
        return []
    person = {ox.Variable("_person"): ox.NamedNode(ids.person(key))}
    pages = [(row, page_year(_value(row["path"]))) for row in query(_STORED_FACTS, person)]
    cards = [(row, int(row["date"].value[:4])) for row in query(_STORED_CARD_FACTS, person)]
    return [Facts(_local(row["c"].value, "country") if row["c"] is not None else None, _value(row["h"]), year,
                  _stored_name(row)) for row, year in pages + cards]


def _stored_name(row) -> Name | None:
    """The name a stored page prints (its printed form, name, honorific and post-nominals), or ``None``."""
    if row["printed"] is None or row["name"] is None:
        return None
    return Name(row["printed"].value, _value(row["h"]), row["name"].value, _value(row["post"]))


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
