"""Part of the graph to export: one series, one edition, or what a stored query's answer names.

A subset is a set of file graphs: the files that state its sessions, with the
speaker pages of the people who spoke there, each whole — so every fact keeps
its provenance and a subset re-ingested elsewhere means what it meant here.
For a stored query, the sessions and people its answer names are taken
(a person with the files of their appearances and their speaker page).
The appearances CSV of a subset keeps the rows of its sessions (and, for a
query, of its people).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph import ids
from graph.errors import QueryParameterError
from graph.results import table

PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
SESSIONS = {
    "edition": PREFIXES + "SELECT DISTINCT ?s WHERE { ?s a sg:Session ; schema:superEvent ?_of }",
    "series": PREFIXES + "SELECT DISTINCT ?s WHERE { ?s a sg:Session ; schema:superEvent/schema:superEvent ?_of }",
}
CHUNK = 400  # IRIs per VALUES block


@dataclass
class Subset:
    """The sessions and people a subset is about, and the file graphs that state them."""

    what: str  # for messages: "edition sicw/2024"
    sessions: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    graphs: set[str] = field(default_factory=set)

    def keeps(self, session: str, person: str) -> bool:
        """Whether an appearance (its session and person) belongs to the subset."""
        return session in self.sessions or person in self.people


def of_kind(store, kind: str, key: str) -> Subset:
    """The subset of one edition (``sicw/2024``) or series (``sicw``), by key or IRI."""
    iri = key if key.startswith(("http://", "https://")) else ids.BASE + kind + "/" + key.strip().strip("/")
    try:
        bindings = {ox.Variable("_of"): ox.NamedNode(iri)}
    except ValueError:
        raise QueryParameterError(f"{key!r} is not a {kind} key — e.g. sicw/2024 for an edition, sicw for a series") \
            from None
    sessions = {r["s"] for r in table(store.query(SESSIONS[kind], bindings)).dicts()}
    if not sessions:
        raise QueryParameterError(f"no {kind} {key!r} with sessions in the store — see 'speakergraph stats' "
                                  "or the home page for the editions")
    return _complete(store, Subset(f"{kind} {key}", sessions=sessions))


def of_answer(store, rows: list[list]) -> Subset:
    """The subset a query's answer names: its sessions and its people (IRIs of ours in any column)."""
    found = Subset("query answer")
    for row in rows:
        for term in row:
            kind = ids.split(term.value) if isinstance(term, ox.NamedNode) else None
            if kind and kind[0] == "session":
                found.sessions.add(term.value)
            elif kind and kind[0] == "person":
                found.people.add(term.value)
    return _complete(store, found, their_appearances=True)


def _complete(store, subset: Subset, their_appearances: bool = False) -> Subset:
    """The file graphs of the subset's sessions and of its speakers' pages (and, for a query's people, of all
    their appearances)."""
    speakers = set(subset.people)
    for chunk in _chunks(subset.sessions):
        q = PREFIXES + f"""SELECT DISTINCT ?g ?p WHERE {{ VALUES ?s {{ {chunk} }}
            {{ ?s prov:wasDerivedFrom ?g }} UNION {{ ?a sg:session ?s ; sg:person ?p }} }}"""
        for r in table(store.query(q)).dicts():
            if "g" in r:
                subset.graphs.add(r["g"])
            else:
                speakers.add(r["p"])
    people = [("{ ?p schema:subjectOf ?g }", speakers | subset.people)]
    if their_appearances:  # the people an answer names come with every appearance of theirs
        people.append(("{ ?a sg:person ?p ; prov:wasDerivedFrom ?g }", subset.people))
    for pattern, who in people:
        for chunk in _chunks(who):
            q = PREFIXES + f"SELECT DISTINCT ?g WHERE {{ VALUES ?p {{ {chunk} }} {pattern} }}"
            subset.graphs.update(r["g"] for r in table(store.query(q)).dicts())
    subset.graphs = {g for g in subset.graphs if (ids.split(g) or ("",))[0] == "source"}
    return subset


def quads(store, graphs: set[str]) -> Iterator[ox.Quad]:
    """Every quad of the named ``graphs`` (any store: a query per chunk of graphs)."""
    for chunk in _chunks(graphs):
        q = f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {chunk} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        for g, s, p, o in table(store.query(q)).rows:
            yield ox.Quad(s, p, o, g)


def _chunks(iris: set[str]) -> Iterator[str]:
    ordered = sorted(iris)
    for start in range(0, len(ordered), CHUNK):
        yield " ".join(str(ox.NamedNode(i)) for i in ordered[start:start + CHUNK])
