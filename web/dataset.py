"""``/dataset``: the whole graph for download, and its VoID description.

Downloads are made by ``graph.export`` and kept until the store changes.
"""

from __future__ import annotations

import re

import rdflib
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from rdflib.namespace import DCTERMS, RDF, VOID, XSD

from graph import ids, lookup
from graph import subset as subsets
from graph.errors import QueryParameterError, SpeakergraphError
from graph.export import RDF_FORMATS, export
from graph.results import table
from graph.vocab import ORG, PREFIXES, SCHEMA, SG
from web.address import external_url
from web.db import cached, get_store
from web.stored import all_queries, resolve_typed

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


SUBSET_FILES = {"ttl": "turtle", "nq": "nquads", "jsonld": "jsonld", "nt": "nt", "trig": "trig", "csv": "csv"}


@bp.route("/dataset/subset.<ext>")
def subset_download(ext: str):
    """One series (``?series=``), edition (``?edition=``) or stored query's answer (``?query=NAME&…``),
    with their facts, in any export format; no row cap (a subset is made of whole files)."""
    if ext not in SUBSET_FILES:
        abort(404, f"subsets come as {', '.join('subset.' + e for e in SUBSET_FILES)}")
    fmt = SUBSET_FILES[ext]
    store = get_store()
    try:
        part, name = _subset(store)
    except SpeakergraphError as exc:
        return Response(str(exc) + "\n", status=400, mimetype="text/plain")
    data = cached(f"subset-{fmt}-{name}", lambda: export(store, fmt, part))
    mime = "text/csv" if fmt == "csv" else RDF_FORMATS[fmt][0]
    charset = "; charset=utf-8" if mime.startswith("text/") or fmt == "jsonld" else ""
    filename = re.sub(r"[^\w.-]+", "-", name).strip("-") + "." + ext
    return Response(data, headers={"Content-Type": mime + charset,
                                   "Content-Disposition": f'attachment; filename="{filename}"'})


def _subset(store) -> tuple[subsets.Subset, str]:
    """The subset the query string names, and a name for its file."""
    args = request.args
    chosen = [k for k in ("series", "edition", "query") if args.get(k, "").strip()]
    if len(chosen) != 1:
        raise QueryParameterError("name one subset: ?series=KEY, ?edition=KEY or ?query=NAME (with its parameters)")
    if chosen[0] == "query":
        query = all_queries().get(args["query"])
        if query is None:
            raise QueryParameterError(f"no stored query {args['query']!r} — see /queries")
        typed = {p.name: args[p.name] for p in query.params if args.get(p.name, "").strip()}
        values, choices = resolve_typed(query, typed)
        if choices:
            raise QueryParameterError(f"{', '.join(choices)}: several fit — choose on the query's page")
        answer = table(store.query(query.text, query.bindings(values)))
        return subsets.of_answer(store, answer.rows), f"{query.name}-{'-'.join(sorted(typed.values()))}"
    kind = chosen[0]
    values, choices = lookup.resolve(store, {kind: kind}, {kind: args[kind]})
    if choices:
        raise QueryParameterError(f"{kind}: several fit — " + "; ".join(m.key for m in choices[kind]))
    part = subsets.of_kind(store, kind, values[kind])
    return part, f"{kind}-{ids.split(values[kind])[1] if ids.split(values[kind]) else values[kind]}"


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
