"""The person page: who they are, every appearance as printed at that event, co-panellists, sources."""

from __future__ import annotations

import pyoxigraph as ox

from graph.lookup import fold
from graph.results import table
from graph.vocab import SCHEMA, SG
from flask import current_app

from web.db import cached, peek
from web.facts import first, labels, statements, values
from web.paging import page_of

PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX org: <http://www.w3.org/ns/org#>
"""

# positions printed on the person's own speaker page
POSITIONS = PREFIXES + """
SELECT DISTINCT ?p ?order ?title ?label ?org WHERE {
  # the person's positions first: with the pattern and its OPTIONALs side by side, Oxigraph scans every
  # position in the store (two minutes at 10k files)
  { SELECT DISTINCT ?p ?order WHERE { ?_person sg:position ?p . ?p sg:order ?order } }
  OPTIONAL { ?p sg:title ?title } OPTIONAL { ?p sg:organisationLabel ?label } OPTIONAL { ?p org:organization ?org }
} ORDER BY ?order"""

# the person's appearances in time order; a page of them is then read in full (a frequent speaker has hundreds)
TIMELINE = PREFIXES + """
SELECT ?a (MIN(?d) AS ?date) (MIN(?s) AS ?start) WHERE {
  ?a sg:person ?_person ; sg:session ?session .
  ?session dcterms:date ?d .
  OPTIONAL { ?session schema:startDate ?s }
} GROUP BY ?a ORDER BY ?date ?start ?a"""

# one row per appearance and printed position (all in the session's own file), grouped in Python;
# the appearances come in a VALUES block
APPEARANCES = PREFIXES + """
SELECT DISTINCT ?a ?session ?title ?date ?start ?role ?honorific ?country ?country_label
       ?source ?path ?line ?order ?ptitle ?plabel ?org
WHERE {
  %s
  ?a sg:session ?session ; sg:role ?role .
  ?session schema:name ?title ; dcterms:date ?date .
  OPTIONAL { ?session schema:startDate ?start }
  OPTIONAL { ?a sg:honorific ?honorific }
  OPTIONAL { ?a sg:country ?country }
  OPTIONAL { ?a sg:countryLabel ?country_label }
  OPTIONAL { ?a prov:wasDerivedFrom ?source . ?source sg:path ?path }
  OPTIONAL { ?a sg:line ?line }
  OPTIONAL { ?a sg:position ?p . ?p sg:order ?order .
             OPTIONAL { ?p sg:title ?ptitle } OPTIONAL { ?p sg:organisationLabel ?plabel }
             OPTIONAL { ?p org:organization ?org } }
} ORDER BY ?date ?start ?a ?order"""

# from the short joins: sg:appearedAt is held once per person and session, so each row is a shared session
CO_PANELLISTS = PREFIXES + """
SELECT ?other (COUNT(*) AS ?shared) WHERE {
  ?_person sg:appearedAt ?session . ?other sg:appearedAt ?session .
  FILTER(?other != ?_person)
} GROUP BY ?other"""


SHOWN = [str(p) for p in (SCHEMA.name, SG.displayName, SG.honorific, SCHEMA.description, SCHEMA.url, SCHEMA.subjectOf, SG.country)]


def person(store, iri: str) -> dict | None:
    """The context of a person's page, or ``None`` when ``iri`` is no person."""
    # only what the page shows: a frequent speaker holds a short-join fact per session they spoke at
    props = statements(store, [iri], SHOWN).get(iri, {})
    if not props.get(str(SCHEMA.name)):
        return None
    bindings = {ox.Variable("_person"): ox.NamedNode(iri)}
    ordered, others = lists(store, iri)
    timeline = page_of(ordered, "apage")
    rows = appearances(table(store.query(APPEARANCES % values("a", timeline.items))).dicts()) \
        if timeline.items else []
    # most sessions shared first, then by name (a key such as "moderator-…" says nothing of the order):
    # only the co-panellists tied with the page's need a name to be put in order
    named = tied(others, page_of(others, "cpage").items, "shared")
    source, country = first(props, SCHEMA.subjectOf), first(props, SG.country)
    names = labels(store, [others[i]["other"] for i in named] + [r["role"] for r in rows] + [source, country])
    others[named.start:named.stop] = sorted(
        ({**r, "name": names.get(r["other"], r["other"].rsplit("/", 1)[-1])} for r in others[named.start:named.stop]),
        key=lambda r: (-int(r["shared"]), fold(r["name"]), r["other"]))
    co = page_of(others, "cpage")
    for row in rows:
        row["role_label"] = names.get(row["role"], row["role"].rsplit("/", 1)[-1])
    return {
        "person": {
            "name": first(props, SG.displayName) or first(props, SCHEMA.name), "honorific": first(props, SG.honorific),
            "bio": first(props, SCHEMA.description), "url": first(props, SCHEMA.url),
            "source": source, "source_path": names.get(source, ""),
            "country": country, "country_name": names.get(country, ""),
        },
        "positions": table(store.query(POSITIONS, bindings)).dicts(),
        "appearances": rows,
        "timeline": timeline,
        "co_panellists": co,
        "key": iri.rsplit("/", 1)[-1],
    }


def lists(store, iri: str) -> tuple[list[str], list[dict]]:
    """A person's appearances in time order, and their co-panellists, most sessions shared first.

    A frequent speaker's (more than a page of appearances) are kept until the store changes.
    """
    def read():
        bindings = {ox.Variable("_person"): ox.NamedNode(iri)}
        ordered = [r["a"] for r in table(store.query(TIMELINE, bindings)).dicts()]
        return ordered, sorted(table(store.query(CO_PANELLISTS, bindings)).dicts(), key=lambda r: -int(r["shared"]))

    key = "person-lists:" + iri
    found = peek(key)
    if found is None:
        found = read()
        if len(found[0]) > current_app.config["PAGE_SIZE"]:
            found = cached(key, lambda: found)
    return found[0], list(found[1])


def tied(rows: list[dict], window: list[dict], key: str) -> range:
    """Where in ``rows`` (sorted by ``key``) the rows are that share a ``key`` with a row of ``window``.

    >>> rows = [{"n": 5}, {"n": 3}, {"n": 3}, {"n": 3}, {"n": 1}]
    >>> tied(rows, rows[2:3], "n"), tied(rows, [], "n")
    (range(1, 4), range(0, 0))
    """
    if not window:
        return range(0, 0)
    wanted = {window[0][key], window[-1][key]}
    at = [i for i, row in enumerate(rows) if row[key] in wanted]
    return range(at[0], at[-1] + 1)


def appearances(rows: list[dict]) -> list[dict]:
    """Rows of (appearance, position) grouped into appearances, each with its list of positions.

    >>> [len(a["positions"]) for a in appearances([{"a": "x", "order": "1"}, {"a": "x", "order": "2"}, {"a": "y"}])]
    [2, 0]
    """
    grouped: dict[str, dict] = {}
    for row in rows:
        appearance = grouped.setdefault(row["a"], {**row, "positions": []})
        if "order" in row:
            appearance["positions"].append(
                {"title": row.get("ptitle", ""), "label": row.get("plabel", ""), "org": row.get("org")})
    return list(grouped.values())
