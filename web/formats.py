"""Result and RDF formats: their media types, how a request picks one, and their serializers.

Turtle and JSON-LD are written by rdflib (with our prefixes), N-Triples and
RDF/XML by pyoxigraph, SPARQL results by pyoxigraph.

>>> wish("json")
('json', 'jsonld')
>>> wish("text/turtle")
(None, 'turtle')
>>> SUFFIXES["ttl"]
'turtle'
"""

from __future__ import annotations

import pyoxigraph as ox
from werkzeug.datastructures import MIMEAccept

from graph.export import rdflib_graph
from graph.results import for_sheet, for_xml, table, to_json, xml_triples
from graph.vocab import PREFIXES

GRAPH = {
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdfxml": "application/rdf+xml",
}
TABLE = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
SUFFIXES = {"ttl": "turtle", "jsonld": "jsonld", "nt": "nt"}
_RESULTS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}

# what clients put in a format=/output= parameter, as (results format, graph format)
_WISHES = {
    "json": ("json", "jsonld"), "xml": ("xml", "rdfxml"), "csv": ("csv", None), "tsv": ("tsv", None),
    "turtle": (None, "turtle"), "ttl": (None, "turtle"), "n3": (None, "turtle"),
    "json-ld": (None, "jsonld"), "jsonld": (None, "jsonld"), "nt": (None, "nt"), "ntriples": (None, "nt"),
    "n-triples": (None, "nt"), "rdf+xml": (None, "rdfxml"), "rdf": (None, "rdfxml"), "rdfxml": (None, "rdfxml"),
    "application/json": ("json", "jsonld"), "text/plain": (None, "nt"),
}


def wish(value: str) -> tuple[str | None, str | None]:
    """The (results, graph) formats a ``format=`` value asks for; ``None`` where it says nothing."""
    value = value.strip().lower().split(";")[0]
    if value in _WISHES:
        return _WISHES[value]
    results = next((k for k, v in TABLE.items() if v == value), None)
    graph = next((k for k, v in GRAPH.items() if v == value), None)
    return results, graph


def best(accept: MIMEAccept, pairs: list[tuple[str, str]]) -> str:
    """The name the ``Accept`` header prefers among ``(name, media type)`` pairs; the first on a tie or none.

    >>> from werkzeug.http import parse_accept_header
    >>> best(parse_accept_header("text/html,*/*;q=0.8", MIMEAccept), [("json", TABLE["json"]), ("html", "text/html")])
    'html'
    >>> best(parse_accept_header("*/*", MIMEAccept), [("json", TABLE["json"]), ("html", "text/html")])
    'json'
    """
    match = accept.best_match([mime for _, mime in pairs])
    return next(name for name, mime in pairs if mime == match) if match else pairs[0][0]


def graph_bytes(triples: list[ox.Triple], fmt: str) -> bytes:
    """``triples`` serialized as ``fmt`` (a key of ``GRAPH``)."""
    if fmt in ("turtle", "jsonld"):
        graph = rdflib_graph(triples)
        if fmt == "turtle":
            return graph.serialize(format="turtle", encoding="utf-8")
        return graph.serialize(format="json-ld", context=PREFIXES, sort_keys=True, indent=1).encode("utf-8")
    if fmt == "nt":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if fmt == "rdfxml":
        return ox.serialize(xml_triples(triples), format=ox.RdfFormat.RDF_XML, prefixes=PREFIXES)
    raise ValueError(f"unknown graph format {fmt!r} — use one of {', '.join(GRAPH)}")


def solutions_bytes(result: ox.QuerySolutions, fmt: str, max_rows: int) -> tuple[bytes, bool]:
    """SELECT results as ``fmt`` (a key of ``TABLE``), cut at ``max_rows``; and whether they were cut."""
    # cut first, then let pyoxigraph write the format from the cut table's SPARQL JSON; on one line, since
    # json.dumps with an indent runs in pure Python (700 rows: 23 ms against 8)
    t = table(result, limit=max_rows)
    # XML cannot hold some characters a query can build; a spreadsheet runs a cell that starts with "="
    t = for_xml(t) if fmt == "xml" else for_sheet(t) if fmt in ("csv", "tsv") else t
    data = to_json(t, indent=None).encode("utf-8")
    if fmt == "json":
        return data, t.truncated
    return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON).serialize(format=_RESULTS[fmt]), t.truncated


def boolean_bytes(result: ox.QueryBoolean, fmt: str) -> bytes:
    """An ASK answer as ``fmt`` (a key of ``TABLE``)."""
    return result.serialize(format=_RESULTS[fmt])
