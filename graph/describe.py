"""The description of one resource: what a linked-data client gets when it dereferences an IRI.

A description holds the resource's own triples, the triples that point at
it (the appearances of a person, the positions at an organisation), the
triples of the appearance and position nodes one step away (so a person's
description reaches the sessions, and a session's reaches its people), and
the names of every resource it mentions. It is one SELECT, so it works on
any store.

>>> from graph.store import open_store
>>> store = open_store(None)
>>> store.replace({"https://example.org/g": [ox.Quad(ox.NamedNode("https://example.org/a"),
...     ox.NamedNode("https://schema.org/knows"), ox.NamedNode("https://example.org/b"),
...     ox.NamedNode("https://example.org/g"))]})
>>> [t.predicate.value for t in describe(store, "https://example.org/b")]
['https://schema.org/knows']
>>> describe(store, "https://example.org/nobody")
[]
"""

from __future__ import annotations

import pyoxigraph as ox

PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# ?x is the other end of each triple; its name comes along so a reader sees labels, not bare IRIs
_LABEL = "OPTIONAL { ?x ?lp ?label . VALUES ?lp { schema:name skos:prefLabel } }"

# two queries rather than one UNION: Oxigraph plans each of them from the bound IRI, not the union
OWN = PREFIXES + f"""SELECT DISTINCT ?s ?p ?o ?x ?lp ?label WHERE {{
  {{ ?_iri ?p ?o . BIND(?_iri AS ?s) BIND(?o AS ?x) {_LABEL} }}
  UNION {{ ?s ?p ?_iri . BIND(?_iri AS ?o) BIND(?s AS ?x) {_LABEL} }}
}}"""

NEAR = PREFIXES + f"""SELECT DISTINCT ?s ?p ?o ?x ?lp ?label WHERE {{
  {{ ?_iri ?l ?s }} UNION {{ ?s ?l ?_iri }}
  ?s a ?class . VALUES ?class {{ sg:Appearance sg:Position }}
  ?s ?p ?o . BIND(?o AS ?x) {_LABEL}
}}"""


def describe(store, iri: str) -> list[ox.Triple]:
    """The triples describing ``iri`` (empty when the store knows nothing of it), in a stable order."""
    bindings = {ox.Variable("_iri"): ox.NamedNode(iri)}
    triples: set[ox.Triple] = set()
    for query in (OWN, NEAR):
        for row in store.query(query, bindings):
            triples.add(ox.Triple(row["s"], row["p"], row["o"]))
            if row["label"] is not None:
                triples.add(ox.Triple(row["x"], row["lp"], row["label"]))
    return sorted(triples, key=str)
