"""The statements and labels of many resources at once, without the union graph's repeats.

Queries see the union of the per-file graphs, which does not merge repeated
triples: an organisation's ``schema:name`` comes once from every file that
mentions it, and a join through two such triples multiplies the rows. Pages
therefore query the structure first (appearances, positions: each lives in
one file) and then fetch labels and statements here, with ``SELECT DISTINCT``
over a ``VALUES`` list of the IRIs they need.

>>> values("s", ["https://example.org/a", "https://example.org/b"])
'VALUES ?s { <https://example.org/a> <https://example.org/b> }'
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

CHUNK = 400  # IRIs per query

LABEL_PREDICATES = ("https://w3id.org/speakergraph/vocab#displayName", "https://schema.org/name", "http://www.w3.org/2004/02/skos/core#prefLabel",
                    "https://w3id.org/speakergraph/vocab#path")


def values(variable: str, iris: Iterable[str]) -> str:
    """A ``VALUES`` block for ``iris``, each written by pyoxigraph (so an IRI cannot change the query)."""
    return f"VALUES ?{variable} {{ {' '.join(str(ox.NamedNode(i)) for i in iris)} }}"


def _chunks(iris: Iterable[str]) -> Iterable[list[str]]:
    unique = sorted(set(i for i in iris if i))
    for start in range(0, len(unique), CHUNK):
        yield unique[start:start + CHUNK]


def statements(store, iris: Iterable[str], predicates: Iterable[str] | None = None) -> dict[str, dict[str, list]]:
    """``{iri: {predicate: [values, sorted]}}`` for ``iris``, each value once."""
    where = values("p", predicates) if predicates else ""
    out: dict[str, dict[str, list]] = {}
    for chunk in _chunks(iris):
        query = f"SELECT DISTINCT ?s ?p ?o WHERE {{ {values('s', chunk)} {where} ?s ?p ?o }}"
        for row in store.query(query):
            out.setdefault(row["s"].value, {}).setdefault(row["p"].value, []).append(row["o"].value)
    for props in out.values():
        for key in props:
            props[key].sort()
    return out


def labels(store, iris: Iterable[str]) -> dict[str, str]:
    """A label for each of ``iris`` that has one: its display name (a person's, an organisation's), else its least
    name, else preferred label, else source path."""
    out: dict[str, str] = {}
    wanted = {i for i in iris if i}
    # one query per predicate: a VALUES list of predicates makes Oxigraph scan every statement of each IRI
    for predicate in LABEL_PREDICATES:
        for chunk in _chunks(wanted - out.keys()):
            query = (f"SELECT ?s (MIN(?o) AS ?label) WHERE {{ {values('s', chunk)} ?s {ox.NamedNode(predicate)} ?o }} "
                     "GROUP BY ?s")
            out.update({row["s"].value: row["label"].value for row in store.query(query)})
    return out


def first(props: dict[str, list], predicate: str, default: str = "") -> str:
    """The first (least) value of ``predicate`` in a resource's statements, or ``default``.

    >>> first({"p": ["a", "b"]}, "p"), first({}, "p", "none")
    ('a', 'none')
    """
    found = props.get(str(predicate))
    return found[0] if found else default
