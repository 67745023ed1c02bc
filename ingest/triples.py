"""Records → quads in the file's own named graph (the last step of the pipeline).

Every fact of a file goes into the graph named by the file's source IRI, so
replacing a file replaces exactly its facts. Raw strings sit beside
normalized values; appearances carry the line they came from.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, SKOS, XSD

from graph import ids
from graph.text import clean
from graph.vocab import ORG, SCHEMA, SG, OxTerms
from ingest.countries import Countries, default_countries
from ingest.records import Parsed, Position, Row, SessionPage, SpeakerPage
from ingest import versions
from ingest.roles import LABELS

# below, a term is a pyoxigraph node built once: rdflib builds and checks a new URIRef on every lookup
DCTERMS, OWL, PROV, RDF, SKOS, XSD = map(OxTerms, (DCTERMS, OWL, PROV, RDF, SKOS, XSD))
ORG, SCHEMA, SG = map(OxTerms, (ORG, SCHEMA, SG))

# subjects and objects repeat: within a file (a session, an appearance) and across files (people, countries)
_node = lru_cache(maxsize=8192)(ox.NamedNode)


class _Quads:
    """A list of quads in one graph, with helpers that skip empty values."""

    def __init__(self, graph: str):
        self.graph = ox.NamedNode(graph)
        self.quads: list[ox.Quad] = []

    def iri(self, s: str, p: ox.NamedNode, o: str | ox.NamedNode) -> None:
        obj = o if isinstance(o, ox.NamedNode) else _node(o)
        self.quads.append(ox.Quad(_node(s), p, obj, self.graph))

    def lit(self, s: str, p: ox.NamedNode, value, datatype: ox.NamedNode | None = None) -> None:
        if value is None or value == "":
            return
        self.quads.append(ox.Quad(_node(s), p, _literal(value, datatype), self.graph))


def _literal(value, datatype: ox.NamedNode | None) -> ox.Literal:
    if type(value) is str:  # most values: none of the checks below applies
        return ox.Literal(value, datatype=datatype) if datatype is not None else ox.Literal(value)
    if isinstance(value, datetime):
        return ox.Literal(value.isoformat(), datatype=XSD.dateTime)
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=XSD.date)
    if isinstance(value, bool):
        return ox.Literal(str(value).lower(), datatype=XSD.boolean)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=XSD.integer)
    return ox.Literal(str(value), datatype=datatype) if datatype is not None else ox.Literal(str(value))


def source_quads(parsed: Parsed, series: str, countries: Countries | None = None,
                 graph: str | None = None) -> tuple[str, list[ox.Quad]]:
    """The source IRI of a parsed file (``graph``, else minted from its path) and all the quads of its graph."""
    countries = countries or default_countries()
    doc = parsed.doc
    graph = graph or ids.source(series, doc.path)
    q = _Quads(graph)
    q.iri(graph, RDF.type, SG.SourceFile)
    q.iri(graph, RDF.type, PROV.Entity)
    q.lit(graph, SG.path, doc.path)
    q.lit(graph, SG.contentHash, doc.sha256)
    q.lit(graph, SG.reader, parsed.reader)
    q.iri(graph, DCTERMS.isPartOf, ids.series(series))
    for session in parsed.sessions:
        _session(q, session, graph, countries)
    for page in parsed.speakers:
        _speaker(q, page, graph, countries)
    return graph, q.quads + versions.quads(graph, parsed)


def _session(q: _Quads, s: SessionPage, graph: str, countries: Countries) -> None:
    series = ids.series(s.series)
    q.iri(series, RDF.type, SCHEMA.EventSeries)
    q.lit(series, SCHEMA.name, s.series_name)
    edition = ids.edition(s.series, s.date.year)
    q.iri(edition, RDF.type, SG.Edition)
    q.iri(edition, RDF.type, SCHEMA.Event)
    q.iri(edition, SCHEMA.superEvent, series)
    q.lit(edition, SCHEMA.name, f"{s.series_name} {s.date.year}")
    q.lit(edition, SG.year, str(s.date.year), XSD.gYear)
    sess = ids.session(s.series, s.date.isoformat(), s.key)
    q.iri(sess, RDF.type, SG.Session)
    q.iri(sess, RDF.type, SCHEMA.Event)
    q.iri(sess, SCHEMA.superEvent, edition)
    q.lit(sess, SCHEMA.name, s.title)
    q.lit(sess, DCTERMS.date, s.date)
    q.lit(sess, SCHEMA.startDate, s.start)
    q.lit(sess, SCHEMA.endDate, s.end)
    q.lit(sess, SCHEMA.description, s.abstract)
    q.lit(sess, SG.searchText, _search_text(s.title, s.abstract))
    q.lit(sess, SCHEMA.url, s.permalink)
    q.lit(sess, SG.dateLabel, s.date_label)
    q.lit(sess, SG.timeLabel, s.time_label)
    q.lit(sess, SG.format, s.format)
    q.lit(sess, SCHEMA.location, s.room)
    q.lit(sess, SCHEMA.about, s.track)
    q.iri(sess, PROV.wasDerivedFrom, graph)
    for row in s.rows:
        app = _appearance(q, sess, row, graph, countries)
        _short_joins(q, app, sess, edition, s, row)


def _appearance(q: _Quads, sess: str, row: Row, graph: str, countries: Countries) -> str:
    person = ids.person(row.person_key)
    q.iri(person, RDF.type, SCHEMA.Person)
    if row.name_printed:  # a bare slug ("frank-wiles") is not a name
        q.lit(person, SCHEMA.name, row.name.name if row.name else row.printed_name)
    _same_as(q, person, row.same_as)
    app = ids.appearance(sess, person, row.role)
    q.iri(app, RDF.type, SG.Appearance)
    q.iri(app, SG.person, person)
    q.iri(app, SG.session, sess)
    _role(q, app, row.role)
    q.lit(app, SG.roleLabel, row.role_label)
    q.lit(app, SG.printedName, row.printed_name)
    if row.name_printed:
        q.lit(app, SG.name, row.name.name if row.name else row.printed_name)
    if row.name:
        q.lit(app, SG.honorific, row.name.honorific)
        q.lit(app, SG.postNominal, row.name.post_nominal)
    q.lit(app, SG.speakerLink, row.link)
    q.lit(app, SG.countryLabel, row.country_label)
    _country(q, app, row.country_code, countries)
    q.iri(app, PROV.wasDerivedFrom, graph)
    q.lit(app, SG.line, row.line)
    _positions(q, app, row.positions, row.country_code)
    return app


def _short_joins(q: _Quads, app: str, sess: str, edition: str, s: SessionPage, row: Row) -> None:
    """Denormalised facts the whole-graph stored queries read instead of long joins (docs/model.md).

    They sit in the file's own graph like every other fact, so replacing or removing the file updates
    them; the person-level ones repeat across files and the default graph holds each once, so counting
    them counts distinct people, sessions, editions.
    """
    person = ids.person(row.person_key)
    q.lit(app, SG.date, s.date)
    q.iri(person, SG.appearedAt, sess)
    q.iri(person, SG.appearedIn, edition)
    q.iri(person, SG.appearedAs, ids.role(row.role))
    if row.role == "moderator":
        q.iri(person, SG.moderated, sess)
    if row.country_code:
        country = ids.country(row.country_code)
        q.iri(app, SG.forCountry, country)
        q.iri(person, SG.appearedForCountry, country)
    versions = sorted({_held(pos) for pos in row.positions})
    for held in versions:  # "" too (a position with neither title nor organisation): a version all the same
        q.quads.append(ox.Quad(_node(app), SG.held, ox.Literal(held), q.graph))
    if versions:  # a person printed with two different sets of versions has changed (career-changes)
        q.lit(person, SG.printedPositions, json.dumps(versions, ensure_ascii=False))
    for pos in row.positions:
        if pos.org_key:
            org = ids.organisation(pos.org_key)
            q.iri(app, SG.forOrganisation, org)
            q.iri(person, SG.appearedForOrganisation, org)
    # appearances printed alike share a printing: person-centred queries read the printed values once per printing
    printing = ids.printing(person, row.role, row.name.honorific if row.name else None, row.country_code,
                            [(pos.title, pos.organisation) for pos in row.positions])
    q.iri(app, SG.printedAs, printing)
    q.iri(person, SG.printing, printing)


def _search_text(title: str, abstract: str | None) -> str:
    """A session's title and abstract in lower case, one line each: search-sessions reads one literal a session.

    >>> _search_text("Cyber Norms", "Who keeps them?"), _search_text("Opening", None)
    ('cyber norms\\nwho keeps them?', 'opening')
    """
    return (title or "").lower() + ("\n" + abstract.lower() if abstract else "")


def _held(pos: Position) -> str:
    """A position as career-changes prints it: the title, then ", " and the organisation when printed.

    >>> _held(Position("Director", "Ministry of Health")), _held(Position(None, "ACME")), _held(Position("Chair", None))
    ('Director, Ministry of Health', 'ACME', 'Chair')
    """
    return clean(", ".join(filter(None, (pos.title, pos.organisation))))


def _role(q: _Quads, app: str, role: str) -> None:
    concept = ids.role(role)
    q.iri(app, SG.role, concept)
    q.iri(concept, RDF.type, SG.Role)
    q.iri(concept, RDF.type, SKOS.Concept)
    q.lit(concept, SKOS.prefLabel, LABELS[role])
    q.lit(concept, SKOS.notation, role)


def _positions(q: _Quads, owner: str, positions: list[Position], country: str | None) -> None:
    for order, pos in enumerate(positions, start=1):
        node = ids.position(owner, order)
        q.iri(owner, SG.position, node)
        q.iri(node, RDF.type, SG.Position)
        q.lit(node, SG.order, order)
        q.lit(node, SG.title, pos.title)
        q.lit(node, SG.organisationLabel, pos.organisation)
        if pos.source:  # taken from the speaker page, as the session page printed none
            q.iri(node, SG.positionSource, pos.source)
        if pos.org_key:
            org = ids.organisation(pos.org_key)
            q.iri(node, ORG.organization, org)
            q.iri(org, RDF.type, ORG.Organization)
            q.iri(org, RDF.type, SCHEMA.Organization)
            q.lit(org, SCHEMA.name, pos.organisation.rpartition(", ")[0] if pos.parent_key else pos.organisation)
            if country and pos.org_key.split("/")[0].endswith("-" + country.lower()):
                q.iri(org, SG.country, ids.country(country))
            if pos.parent_key:
                parent = ids.organisation(pos.parent_key)
                q.iri(org, ORG.subOrganizationOf, parent)
                q.iri(parent, RDF.type, ORG.Organization)
                q.iri(parent, RDF.type, SCHEMA.Organization)
                q.lit(parent, SCHEMA.name, pos.parent_name)
                if country and pos.parent_key.endswith("-" + country.lower()):
                    q.iri(parent, SG.country, ids.country(country))


def _country(q: _Quads, subject: str, code: str | None, countries: Countries) -> None:
    if not code:
        return
    info = countries.by_code.get(code)
    node = ids.country(code)
    q.iri(subject, SG.country, node)
    if info is None:
        return
    q.iri(node, RDF.type, SG.InternationalOrganisation if info.kind == "international" else SCHEMA.Country)
    q.lit(node, SCHEMA.name, info.name)
    q.lit(node, SG.alpha2, info.code)
    if info.wikidata:
        q.iri(node, SKOS.exactMatch, "http://www.wikidata.org/entity/" + info.wikidata)


def _speaker(q: _Quads, page: SpeakerPage, graph: str, countries: Countries) -> None:
    person = ids.person(page.person_key)
    q.iri(person, RDF.type, SCHEMA.Person)
    q.lit(person, SCHEMA.name, page.name.name if page.name else page.printed_name)
    q.iri(person, SCHEMA.subjectOf, graph)
    _same_as(q, person, page.same_as)
    q.lit(person, SG.printedName, page.printed_name)
    if page.name:
        q.lit(person, SG.honorific, page.name.honorific)
        q.lit(person, SG.postNominal, page.name.post_nominal)
    q.lit(person, SCHEMA.url, page.permalink)
    if page.permalink:
        q.lit(person, SG.slug, page.permalink.rstrip("/").rsplit("/", 1)[-1])
    q.lit(person, SCHEMA.image, page.image)
    q.lit(person, SCHEMA.description, page.biography)
    q.lit(person, SG.countryLabel, page.country_label)
    q.lit(person, SG.roleLabel, page.role_label)  # "Moderator" on a speaker card: ingest.page_positions
    _country(q, person, page.country_code, countries)
    for _network, url in sorted(page.extra.items()):  # social accounts: the same person elsewhere
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            try:
                q.iri(person, SCHEMA.sameAs, url)
            except ValueError:  # not an IRI after all ("https://x y")
                pass
    _positions(q, person, page.positions, page.country_code)


def _same_as(q: _Quads, person: str, keys: list[str]) -> None:
    """Merged keys stay valid: their IRIs are the same as the kept one."""
    for key in keys:
        q.iri(ids.person(key), OWL.sameAs, person)
