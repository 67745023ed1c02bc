"""The organisation and country pages."""

from __future__ import annotations

import pyoxigraph as ox

from graph import ids
from graph.results import table
from graph.vocab import SCHEMA, SG
from web.charts import chart
from web.facts import first, labels, statements
from web.paging import page_of
from web.people import PREFIXES

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

PRINTED = PREFIXES + "SELECT DISTINCT ?label WHERE { ?p org:organization ?_org ; sg:organisationLabel ?label }"

RELATED = PREFIXES + """
SELECT DISTINCT ?relation ?other WHERE {
  { ?_org org:subOrganizationOf|org:unitOf ?other BIND("parent" AS ?relation) }
  UNION { ?other org:subOrganizationOf|org:unitOf ?_org BIND("child" AS ?relation) }
  UNION { ?_org org:hasSubOrganization|org:hasUnit ?other BIND("child" AS ?relation) }
  UNION { ?other org:hasSubOrganization|org:hasUnit ?_org BIND("parent" AS ?relation) }
}"""

# who holds position ?p: the person of an appearance, or a person on their own speaker page
# (appearances hold positions too, hence the IRI test)
HOLDER = ("{ ?a sg:position ?p ; sg:person ?person } "
          f'UNION {{ ?person sg:position ?p FILTER(STRSTARTS(STR(?person), "{ids.BASE}person/")) }}')

ORG_PEOPLE = PREFIXES + f"""
SELECT ?person (COUNT(DISTINCT ?a) AS ?appearances) (GROUP_CONCAT(DISTINCT ?title; separator=" | ") AS ?titles)
WHERE {{
  ?p org:organization ?_org .
  {HOLDER}
  OPTIONAL {{ ?p sg:title ?title }}
}} GROUP BY ?person"""

ORG_SESSIONS = PREFIXES + """
SELECT ?session ?title ?date (COUNT(DISTINCT ?person) AS ?people) WHERE {
  ?p org:organization ?_org . ?a sg:position ?p ; sg:session ?session ; sg:person ?person .
  ?session schema:name ?title ; dcterms:date ?date .
} GROUP BY ?session ?title ?date ORDER BY ?date ?title"""

USED = PREFIXES + "ASK { ?x sg:country ?_country }"

COUNTRY_PEOPLE = PREFIXES + """
SELECT ?person (COUNT(DISTINCT ?a) AS ?appearances) WHERE {
  { ?a sg:country ?_country ; sg:person ?person } UNION { ?person sg:country ?_country ; a schema:Person }
} GROUP BY ?person"""

COUNTRY_ORGS = PREFIXES + f"""
SELECT ?org (COUNT(DISTINCT ?person) AS ?people) WHERE {{
  {{ SELECT DISTINCT ?_country ?org WHERE {{
       ?org sg:country ?_country FILTER(STRSTARTS(STR(?org), "{ids.BASE}org/")) }} }}
  OPTIONAL {{ ?p org:organization ?org . {HOLDER} }}
}} GROUP BY ?org"""


def _named(store, rows: list[dict], key: str) -> list[dict]:
    """``rows`` with the label of ``row[key]`` as ``name``, sorted by count (first numeric column) then name."""
    names = labels(store, [r[key] for r in rows])
    for row in rows:
        row["name"] = names.get(row[key], ids.split(row[key])[1] if ids.split(row[key]) else row[key])
    count = next((k for k in ("appearances", "people") if rows and k in rows[0]), None)
    return sorted(rows, key=lambda r: (-int(r.get(count, 0)) if count else 0, r["name"]))


def organisation(store, iri: str) -> dict | None:
    """The context of an organisation page, or ``None`` when ``iri`` is no organisation."""
    props = statements(store, [iri]).get(iri, {})
    if not props.get(str(SCHEMA.name)):
        return None
    bindings = {ox.Variable("_org"): ox.NamedNode(iri)}
    related = _named(store, table(store.query(RELATED, bindings)).dicts(), "other")
    sessions = table(store.query(ORG_SESSIONS, bindings)).dicts()
    years: dict[str, int] = {}
    for row in sessions:
        years[row["date"][:4]] = years.get(row["date"][:4], 0) + 1
    country = first(props, SG.country)
    return {
        "org": {"name": first(props, SG.displayName) or first(props, SCHEMA.name), "country": country,
                "country_name": labels(store, [country]).get(country, "") if country else ""},
        "labels": [r["label"] for r in table(store.query(PRINTED, bindings)).dicts()],
        "parents": [r for r in related if r["relation"] == "parent"],
        "children": [r for r in related if r["relation"] == "child"],
        "people": page_of(_named(store, table(store.query(ORG_PEOPLE, bindings)).dicts(), "person")),
        "sessions": page_of(sessions, "spage"),
        "years": sorted(years.items(), reverse=True),
        "charts": [chart(store, "organisation-years", iri)],
    }


def country(store, iri: str) -> dict | None:
    """The context of a country page, or ``None`` when nothing is known of ``iri``."""
    props = statements(store, [iri]).get(iri, {})
    bindings = {ox.Variable("_country"): ox.NamedNode(iri)}
    if not props and not bool(store.query(USED, bindings)):
        return None
    kind = "international" if str(SG.InternationalOrganisation) in props.get(RDF_TYPE, []) else "country"
    return {
        "country": {"name": first(props, SCHEMA.name), "code": first(props, SG.alpha2),
                    "wikidata": first(props, "http://www.w3.org/2004/02/skos/core#exactMatch"), "kind": kind},
        "people": page_of(_named(store, table(store.query(COUNTRY_PEOPLE, bindings)).dicts(), "person")),
        "orgs": page_of(_named(store, table(store.query(COUNTRY_ORGS, bindings)).dicts(), "org"), "opage"),
        "charts": [chart(store, "country-years", iri)],
    }
