"""The speakergraph vocabulary, and the vocabularies it reuses.

Every term minted here is documented in ``docs/model.md`` with an example.
``SG`` is an rdflib ``DefinedNamespace``: a typo such as ``SG.apearance``
raises instead of minting a new term.

>>> str(SG.Appearance)
'https://w3id.org/speakergraph/vocab#Appearance'
>>> SG.apearance
Traceback (most recent call last):
...
AttributeError: term 'apearance' not in namespace 'https://w3id.org/speakergraph/vocab#'
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
WD = Namespace("http://www.wikidata.org/entity/")


class SG(DefinedNamespace):
    """speakergraph's own terms, minted only where no common vocabulary fits."""

    _NS = Namespace("https://w3id.org/speakergraph/vocab#")
    _fail = True

    # classes
    Edition: URIRef  # one year's edition of an event series (a schema:Event)
    Session: URIRef  # one session page on one date (a schema:Event)
    Appearance: URIRef  # a person at a session in one role
    Position: URIRef  # a title held at an organisation, as printed at one appearance or page
    SourceFile: URIRef  # a file that was ingested; also the name of its graph
    InternationalOrganisation: URIRef  # EU, ASEAN, UN…: printed where a country is expected
    Role: URIRef  # a role at a session (skos:Concept in the role scheme)
    Note: URIRef  # a data-quality note about a file or a row of it

    # appearance
    person: URIRef  # appearance -> person
    session: URIRef  # appearance -> session
    role: URIRef  # appearance -> role concept
    roleLabel: URIRef  # the role heading as printed ("Panellists")
    honorific: URIRef  # honorific as printed with this appearance ("H.E.")
    printedName: URIRef  # the name cell as printed, honorific included
    name: URIRef  # the name printed at this appearance, honorific and post-nominals left out
    position: URIRef  # appearance or person -> Position
    country: URIRef  # appearance, organisation or person -> country resource
    countryLabel: URIRef  # the country as printed
    speakerLink: URIRef  # the speaker link as printed ("/speakers/ms-maria-adebahr/")

    # position
    title: URIRef  # job title as printed
    organisationLabel: URIRef  # organisation as printed
    order: URIRef  # 1-based order of a position in its cell or block
    positionSource: URIRef  # position of an appearance -> the speaker page's file graph it was taken from

    # person
    slug: URIRef  # a slug the person was reached by (link or page permalink)
    postNominal: URIRef  # post-nominal letters as printed ("KC")

    # country
    alpha2: URIRef  # ISO 3166-1 alpha-2 code, or our code for an international body ("EU")

    # session
    format: URIRef  # the format line as printed ("Closed Door Event")
    timeLabel: URIRef  # the time line as printed ("4.00pm to 5.30pm (GMT +8)")
    dateLabel: URIRef  # the date line as printed ("15 October 2024 (Tuesday)")
    year: URIRef  # edition year (xsd:gYear)

    # short joins: denormalised copies the whole-graph stored queries read (written with the appearance)
    date: URIRef  # appearance -> its session's date (xsd:date)
    held: URIRef  # appearance -> a position as career-changes prints it ("title, organisation")
    forOrganisation: URIRef  # appearance -> the organisation of one of its positions
    forCountry: URIRef  # appearance -> its country (sg:country, on appearances only)
    appearedAt: URIRef  # person -> a session they appeared at
    appearedIn: URIRef  # person -> an edition they appeared in
    appearedAs: URIRef  # person -> a role they appeared in (sg:role of their appearances)
    moderated: URIRef  # person -> a session they moderated
    appearedForOrganisation: URIRef  # person -> an organisation they appeared for
    appearedForCountry: URIRef  # person -> a country they appeared for
    printedPositions: URIRef  # person -> the sorted versions (sg:held) printed at one appearance, as a JSON list
    printedAs: URIRef  # appearance -> its printing: role, honorific, country and positions as printed there
    printing: URIRef  # person -> a printing of theirs (the appearances printed alike share one)
    searchText: URIRef  # session -> its title and abstract in lower case, one line each (search-sessions)

    # tallies: counts kept by every write in the union graph, in no file's graph (graph/tallies.py)
    peopleCount: URIRef  # country or organisation -> the distinct people who appeared for it
    appearanceCount: URIRef  # country or organisation -> the appearances printed for it
    displayName: URIRef  # person or organisation -> the name shown for it, chosen among its printed names
    version: URIRef  # person printed with two or more sets of positions -> a version: one position as printed
    versionHeld: URIRef  # version -> the position as printed (an appearance's sg:held)
    firstDate: URIRef  # version -> the date of the first appearance that printed it
    lastDate: URIRef  # version -> the date of the last appearance that printed it
    timesPrinted: URIRef  # version -> the number of appearances that printed it

    # provenance
    path: URIRef  # source file path relative to the ingested folder
    contentHash: URIRef  # sha256 of the file's bytes
    root: URIRef  # the folder a file was ingested from: a digest of its absolute path (prune and series act per folder)
    modelVersion: URIRef  # the version of the data model a file's graph was written with (another is read again)
    line: URIRef  # 1-based line of the file a fact came from
    reader: URIRef  # the reader (page format) that read the file ("sicw")
    noteKind: URIRef  # the kind of a note ("no-country", "failed-file"…)
    versionKey: URIRef  # a file's claim to a session ("k|sicw|2024-10-15|slug"): files sharing one are its versions
    versionRank: URIRef  # how final a version is ("1|00006|…": not a draft, appearances, …); the highest is kept


def ox_node(term: str) -> ox.NamedNode:
    """A pyoxigraph ``NamedNode`` for an IRI (vocabulary terms are cached)."""
    return _cached_node(str(term))


@lru_cache(maxsize=4096)
def _cached_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


class OxTerms:
    """The terms of a namespace as pyoxigraph nodes, each built on first use.

    rdflib builds and checks a new ``URIRef`` on every attribute access; loops
    that write many quads look terms up here instead. Typos still raise for ``SG``.

    >>> OxTerms(SG).Appearance
    <NamedNode value=https://w3id.org/speakergraph/vocab#Appearance>
    >>> OxTerms(SG).apearance
    Traceback (most recent call last):
    ...
    AttributeError: term 'apearance' not in namespace 'https://w3id.org/speakergraph/vocab#'
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):  # not a term: copy and pickle probe for these before __init__ ran
            raise AttributeError(name)
        node = ox.NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)  # later lookups are plain attribute reads
        return node


PREFIXES = {
    "sg": str(SG._NS),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "foaf": str(FOAF),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
}
