"""The unchanged files that borrowed from a changed speaker page, to be read again with it.

An appearance that prints no position, country, honorific or role of its own takes its person's speaker page's
(``ingest.page_positions``), and its file's graph keeps what it took. When a file holding speaker pages (or a page of
speaker cards) changes or goes, what it lent may be wrong: the files holding an appearance of one of its people, old
or new, are read again in the same run, so that none keeps what the page no longer says. A changed programme file
lends nothing and costs one short query.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from graph import ids
from ingest.records import Parsed

# the people a stored file prints as speaker pages, or as a page of speaker cards (which lends to its edition)
_PEOPLE = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?p WHERE {{ VALUES ?g {{ {graphs} }}
  {{ GRAPH ?g {{ ?p schema:subjectOf ?g }} }} UNION {{ GRAPH ?g {{ ?g sg:reader "cards" . ?a sg:person ?p }} }} }}"""
_FILES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?g WHERE {{ VALUES ?p {{ {people} }} GRAPH ?g {{ ?a sg:person ?p }} }}"""
CHUNK = 500  # terms per VALUES block: a changed wall of speaker cards names hundreds of people


def lent_by(parsed: Parsed) -> set[str]:
    """The person IRIs a parsed file can lend to others: its speaker pages', and its cards' when it is a page of
    speaker cards."""
    people = {ids.person(page.person_key) for page in parsed.speakers if page.person_key}
    if parsed.reader == "cards":
        people |= {ids.person(row.person_key) for s in parsed.sessions for row in s.rows if row.person_key}
    return people


def stored_people(store, graphs: Iterable[str]) -> set[str]:
    """The person IRIs the stored versions of ``graphs`` lent from."""
    out: set[str] = set()
    for chunk in _chunks(sorted(graphs)):
        out |= {r["p"].value for r in store.query(_PEOPLE.format(graphs=_terms(chunk)))}
    return out


def files_of(store, people: Iterable[str]) -> set[str]:
    """The graphs holding an appearance of one of ``people``."""
    out: set[str] = set()
    for chunk in _chunks(sorted(people)):
        out |= {r["g"].value for r in store.query(_FILES.format(people=_terms(chunk)))}
    return out


def _terms(iris: list[str]) -> str:
    return " ".join(str(ox.NamedNode(iri)) for iri in iris)  # written by pyoxigraph: a value cannot change the query


def _chunks(items: list[str]) -> list[list[str]]:
    return [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
