"""``/dataset``: the whole graph for download, and its VoID description.

Downloads are made by ``graph.export`` and kept until the store changes.
"""

from __future__ import annotations

import rdflib
from flask import Blueprint, Response, abort, redirect, render_template, url_for
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

from graph import ids
from graph.export import RDF_FORMATS, export
from graph.results import table
from graph.vocab import ORG, PREFIXES, SCHEMA, SG
from web.address import external_url
from web.db import cached, get_store

bp = Blueprint("dataset", __name__)

# file name -> (export format, media type, what it is)
FILES = {
    "speakergraph.ttl": ("turtle", RDF_FORMATS["turtle"][0], "the union of all graphs, in Turtle"),
    "speakergraph.nq": ("nquads", RDF_FORMATS["nquads"][0], "every graph (one per source file), in N-Quads"),
    "speakergraph.jsonld": ("jsonld", RDF_FORMATS["jsonld"][0], "the union of all graphs, in JSON-LD"),
    "speakergraph.nt": ("nt", RDF_FORMATS["nt"][0], "the union of all graphs, in N-Triples"),
    "appearances.csv": ("csv", "text/csv", "one row per appearance and position, for spreadsheets"),
}

STATISTICS = """
SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?p) AS ?properties)
       (COUNT(DISTINCT ?o) AS ?objects)
WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"""

CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?entities) WHERE { ?s a ?class } GROUP BY ?class ORDER BY ?class"""

EXAMPLE = """PREFIX schema: <https://schema.org/>
SELECT ?s WHERE { ?s a schema:Person } ORDER BY ?s LIMIT 1"""


@bp.route("/dataset")
def page():
    """The downloads and the dataset's figures."""
    return render_template("dataset.html", files=FILES, stats=_statistics(), classes=_classes())


@bp.route("/dataset/<name>")
def download(name: str):
    """One of ``FILES``, or ``void.ttl``."""
    if name == "void.ttl":
        data = void().serialize(format="turtle", encoding="utf-8")
        return Response(data, headers={"Content-Type": "text/turtle; charset=utf-8"})
    if name not in FILES:
        abort(404, f"no download {name!r} — see /dataset")
    fmt, mime, _ = FILES[name]
    store = get_store()
    data = cached("export-" + fmt, lambda: export(store, fmt))
    charset = "; charset=utf-8" if mime.startswith("text/") or fmt == "jsonld" else ""
    return Response(data, headers={"Content-Type": mime + charset,
                                   "Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/.well-known/void")
def well_known():
    """Where VoID says a dataset's description lives."""
    return redirect(url_for("dataset.download", name="void.ttl"))


def _statistics() -> dict:
    store = get_store()
    return cached("statistics", lambda: {k: int(v) for k, v in table(store.query(STATISTICS)).dicts()[0].items()})


def _classes() -> list[dict]:
    store = get_store()
    return cached("classes", lambda: table(store.query(CLASSES)).dicts())


def void() -> rdflib.Graph:
    """The VoID description of the served dataset: figures, class partitions, endpoint, dumps."""
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in {"void": str(VOID), "dcterms": str(DCTERMS), "xsd": str(XSD), **PREFIXES}.items():
        graph.bind(prefix, ns)
    dataset = rdflib.URIRef(external_url("dataset.page") + "#dataset")
    add = graph.add
    add((dataset, RDF.type, VOID.Dataset))
    add((dataset, DCTERMS.title, rdflib.Literal("speakergraph")))
    add((dataset, DCTERMS.description, rdflib.Literal(
        "Who spoke where, in what role, for which organisation and country: conference programmes as a graph.")))
    add((dataset, VOID.sparqlEndpoint, rdflib.URIRef(external_url("endpoint.sparql"))))
    add((dataset, VOID.uriSpace, rdflib.Literal(ids.BASE)))
    add((dataset, VOID.uriLookupEndpoint, rdflib.URIRef(external_url("search.search") + "?q=")))
    for name, (fmt, _, _) in FILES.items():
        if fmt != "csv":
            add((dataset, VOID.dataDump, rdflib.URIRef(external_url("dataset.download", name=name))))
    for vocabulary in (str(SG._NS), str(SCHEMA), str(ORG), PREFIXES["prov"], PREFIXES["skos"], PREFIXES["dcterms"]):
        add((dataset, VOID.vocabulary, rdflib.URIRef(vocabulary)))
    stats = _statistics()
    for key, prop in (("triples", VOID.triples), ("subjects", VOID.distinctSubjects),
                      ("properties", VOID.properties), ("objects", VOID.distinctObjects)):
        add((dataset, prop, rdflib.Literal(stats[key])))
    example = table(get_store().query(EXAMPLE)).dicts()
    if example:
        add((dataset, VOID.exampleResource, rdflib.URIRef(example[0]["s"])))
    for row in _classes():
        partition = rdflib.URIRef(f"{dataset}-class-{ids.digest(row['class'], size=12)}")
        add((dataset, VOID.classPartition, partition))
        add((partition, VOID["class"], rdflib.URIRef(row["class"])))
        add((partition, VOID.entities, rdflib.Literal(int(row["entities"]))))
    return graph
