"""Tallies: what the whole-graph queries read, kept by every write instead of computed by every query.

A country's ``sg:peopleCount`` is the number of distinct people who appeared for it (its
``sg:appearedForCountry`` triples in the union graph) and its ``sg:appearanceCount`` the number of
appearances printed for it (its ``sg:forCountry`` triples); an organisation's, the same of its
``sg:appearedForOrganisation`` and ``sg:forOrganisation`` triples. A person's or organisation's
``sg:displayName`` is the one name shown for it among the names its files print (``schema:name``): one
printed in mixed case before one with a word in capitals ("Sng Ren Yeong", not "SNG Ren Yeong"), with its
accents before one without ("René", not "Rene"), the longer ("Beth A. Martin", not "Beth Martin"), then the
first in code-point order. All sit in the union graph beside what they are computed from, and belong to
no file's graph: exports leave them out, and a store that holds them holds the same file graphs as one
that does not. Each write computes them again for the countries, people and organisations of the graphs
it writes and of the graphs it replaces or removes (found before they go), so a write costs in
proportion to those, not to the store; a first load computes every one once at its end.

Counting ~130k short-join rows by country took the embedded store 12 ms at 10k event files, against
Virtuoso's 4 ms; reading the 32 tallies takes 0.5 ms. Ranking the 8,610 organisations of that store by
counting their short joins took 116–202 ms (top-organisations); reading their tallies, see bench/results.md.

>>> print(recount([ids.country("PL")])[0])
DELETE { ?x <https://w3id.org/speakergraph/vocab#peopleCount> ?n } WHERE { VALUES ?x { <https://w3id.org/speakergraph/id/country/PL> } ?x <https://w3id.org/speakergraph/vocab#peopleCount> ?n }
>>> recount([])
[]
>>> store = ox.Store()
>>> quads = [ox.Quad(ox.NamedNode("urn:a"), ox_node(SG.forCountry), ox.NamedNode(ids.country("PL"))),
...          ox.Quad(ox.NamedNode(ids.person("ann-lee")), ox_node(SCHEMA.name), ox.Literal("Ann Lee"))]
>>> sorted(touched({"urn:g": quads}, store.query))
['https://w3id.org/speakergraph/id/country/PL', 'https://w3id.org/speakergraph/id/person/ann-lee']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pyoxigraph as ox

from graph import ids
from graph.vocab import SCHEMA, SG, ox_node

# (tally, the short join it counts, with ?x, a country or an organisation, as its object)
TALLIES = ((SG.peopleCount, SG.appearedForCountry), (SG.appearanceCount, SG.forCountry))
ORG_TALLIES = ((SG.peopleCount, SG.appearedForOrganisation), (SG.appearanceCount, SG.forOrganisation))
_FOR = (ox_node(SG.forCountry), ox_node(SG.forOrganisation))
_NAME, _PERSON = ox_node(SCHEMA.name), ox_node(SG.person)
_COUNTRY = ids.BASE + "country/"
NAMED = (ids.BASE + "person/", ids.BASE + "org/")  # the kinds whose display name is kept
VERSION = ids.BASE + "version/"  # + the MD5 of the person's IRI, a line break and the version (``ids.version``)
# a version's facts, from the appearances (?a) printing it; ?x the person, ?held the version
VERSION_FACTS = ((SG.versionHeld, "?held", "?held"), (SG.firstDate, "?first", "(MIN(?date) AS ?first)"),
                 (SG.lastDate, "?last", "(MAX(?date) AS ?last)"), (SG.timesPrinted, "?n", "(COUNT(DISTINCT ?a) AS ?n)"))
# a name's rank, lowest shown: a word in capitals, no letter outside ASCII, shorter, then the name; 6 characters
# before it (10000 - length: 4 digits for any name under 9,000 characters)
_RANK = ('CONCAT(IF(REGEX(?n, "[A-Z][A-Z]"), "1", "0"), IF(REGEX(?n, "[^ -~]"), "0", "1"), '
         'STR(10000 - STRLEN(?n)), STR(?n))')


def touched(graphs: dict[str, list[ox.Quad]], select: Callable[[str], Iterable]) -> set[str]:
    """The countries, people and organisations whose tallies change when ``graphs`` replace (or, empty, remove)
    the graphs of those names: those their new quads print and those the graphs print now, read through
    ``select`` (a store's SELECT)."""
    new = {q.object.value for quads in graphs.values() for q in quads
           if q.predicate in _FOR and isinstance(q.object, ox.NamedNode)}
    new |= {q.subject.value for quads in graphs.values() for q in quads
            if q.predicate == _NAME and q.subject.value.startswith(NAMED)}
    new |= {q.object.value for quads in graphs.values() for q in quads if q.predicate == _PERSON}
    if not graphs:
        return new
    values = " ".join(str(ox.NamedNode(g)) for g in graphs)
    old = select(f"SELECT DISTINCT ?x WHERE {{ VALUES ?g {{ {values} }} {{ GRAPH ?g {{ ?a <{SG.forCountry}> ?x }} }} "
                 f"UNION {{ GRAPH ?g {{ ?a <{SG.forOrganisation}> ?x }} }} UNION {{ GRAPH ?g {{ ?x <{SCHEMA.name}> ?n }} }} "
                 f"UNION {{ GRAPH ?g {{ ?a <{SG.person}> ?x }} }} }}")
    return new | {x for row in old if (x := row["x"].value).startswith((_COUNTRY, *NAMED))}


def recount(among: Iterable[str] | None = None, graph: str | None = None) -> list[str]:
    """Update operations that compute the tallies again: of the countries, people and organisations ``among``, or of
    every one (``None``).

    They read and write the default graph, or ``graph`` when given (a server's copy of the union).
    A country no longer printed anywhere loses its tallies, a person no longer named their display name.
    """
    within = f"WITH {ox.NamedNode(graph)} " if graph else ""
    if among is None:
        return _counts(within, {"": TALLIES + ORG_TALLIES}) + _names(
            within, "", f"FILTER(STRSTARTS(STR(?x), \"{NAMED[0]}\") || STRSTARTS(STR(?x), \"{NAMED[1]}\")) ") + _versions(
            within, "")
    among = sorted(set(among))
    countries = [x for x in among if not x.startswith(NAMED)]
    organisations = [x for x in among if x.startswith(NAMED[1])]
    people = [x for x in among if x.startswith(NAMED[0])]
    named = [x for x in among if x.startswith(NAMED)]
    by = {**({_values(countries): TALLIES} if countries else {}),
          **({_values(organisations): ORG_TALLIES} if organisations else {})}
    return ((_counts(within, by) if by else []) + (_names(within, _values(named), "") if named else [])
            + (_versions(within, _values(people)) if people else []))


def _values(iris: list[str]) -> str:
    return f"VALUES ?x {{ {' '.join(str(ox.NamedNode(x)) for x in iris)} }} "


def _counts(within: str, by: dict[str, tuple]) -> list[str]:
    """Every old tally of the things ``by`` names (a VALUES clause, "" for all → its tallies) out, then each counted
    again: all deletions first, as countries and organisations share their tallies' names."""
    ops = list(dict.fromkeys(f"{within}DELETE {{ ?x <{tally}> ?n }} WHERE {{ {values}?x <{tally}> ?n }}"
                             for values, tallies in by.items() for tally, _ in tallies))
    ops += [f"{within}INSERT {{ ?x <{tally}> ?n }} WHERE {{ SELECT ?x (COUNT(*) AS ?n) "
            f"WHERE {{ {values}?a <{join}> ?x }} GROUP BY ?x }}" for values, tallies in by.items() for tally, join in tallies]
    return ops


def _names(within: str, values: str, only: str) -> list[str]:
    return [f"{within}DELETE {{ ?x <{SG.displayName}> ?n }} WHERE {{ {values}?x <{SG.displayName}> ?n }}",
            f"{within}INSERT {{ ?x <{SG.displayName}> ?name }} WHERE {{ SELECT ?x (SUBSTR(STR(MIN(?rank)), 7) AS ?name) "
            f"WHERE {{ {values}?x <{SCHEMA.name}> ?n . {only}BIND({_RANK} AS ?rank) }} GROUP BY ?x }}"]


def _versions(within: str, values: str) -> list[str]:
    """The versions of the people ``values`` names ("" for all) out, then made again for those of them printed with
    two or more sets of positions (``sg:printedPositions``): one per distinct ``sg:held`` of their dated appearances.

    For all people each pattern sits in a sub-select of its own (hash joins over the whole store); for a few, their
    appearances are found from them (index look-ups)."""
    facts = " ; ".join(f"<{p}> {var}" for p, var, _ in VERSION_FACTS)
    if values:
        appearances = f"?a <{SG.person}> ?x ; <{SG.held}> ?held ; <{SG.date}> ?date "
    else:
        appearances = (f"{{ SELECT ?a ?x WHERE {{ ?a <{SG.person}> ?x }} }} "
                       f"{{ SELECT ?a ?held WHERE {{ ?a <{SG.held}> ?held }} }} "
                       f"{{ SELECT ?a ?date WHERE {{ ?a <{SG.date}> ?date }} }} ")
    changed = f"{{ SELECT ?x WHERE {{ {values}?x <{SG.printedPositions}> ?p }} GROUP BY ?x HAVING (COUNT(*) > 1) }} "
    grouped = (f"{{ SELECT ?x {' '.join(e for _, _, e in VERSION_FACTS)} WHERE {{ {changed}{appearances}}} "
               "GROUP BY ?x ?held }")
    mint = f'BIND(IRI(CONCAT("{VERSION}", MD5(CONCAT(STR(?x), "\\n", ?held)))) AS ?v)'
    return [f"{within}DELETE {{ ?x <{SG.version}> ?v . ?v ?p ?o }} WHERE {{ {values}?x <{SG.version}> ?v . ?v ?p ?o }}",
            f"{within}INSERT {{ ?x <{SG.version}> ?v . ?v {facts} }} WHERE {{ {grouped} {mint} }}"]
