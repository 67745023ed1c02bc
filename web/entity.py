"""Linked-data pages: ``/id/<kind>/<key>`` for every IRI we mint, HTML or RDF by content negotiation.

The IRI ``https://w3id.org/speakergraph/id/person/maria-adebahr`` is served
at ``/id/person/maria-adebahr``: an HTML page for browsers, its description
(``graph.describe``) as Turtle, JSON-LD or N-Triples by ``Accept`` or by a
``.ttl``/``.jsonld``/``.nt`` suffix.
"""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Response, abort, redirect, render_template, request

from graph import ids
from graph.describe import describe
from web import events, formats, people, places
from web.db import get_store
from web.links import Cell, short
from web.paging import page_of

bp = Blueprint("entity", __name__)

CHOICES = [("html", "text/html"), ("turtle", formats.GRAPH["turtle"]), ("jsonld", formats.GRAPH["jsonld"]),
           ("nt", formats.GRAPH["nt"]), ("jsonld", "application/json")]

# kind -> (template, function of (store, iri) returning the page's context or None)
PAGES = {
    "person": ("person.html", people.person),
    "session": ("session.html", events.session),
    "edition": ("edition.html", events.edition),
    "series": ("series.html", events.series),
    "org": ("organisation.html", places.organisation),
    "country": ("country.html", places.country),
}


def split_suffix(rest: str) -> tuple[str, str | None]:
    """The key and the format named by its suffix, if any.

    >>> split_suffix("maria-adebahr.ttl")
    ('maria-adebahr', 'turtle')
    >>> split_suffix("sicw/2024")
    ('sicw/2024', None)
    """
    stem, dot, suffix = rest.rpartition(".")
    if dot and suffix in formats.SUFFIXES:
        return stem, formats.SUFFIXES[suffix]
    return rest, None


@bp.route("/id/<kind>/<path:rest>")
def show(kind: str, rest: str):
    """The page or the RDF description of one of our resources."""
    if kind not in ids.KINDS:
        abort(404)
    key, fmt = split_suffix(rest)
    iri = ids.BASE + kind + "/" + key
    try:
        ox.NamedNode(iri)
    except ValueError:
        abort(404, f"{key!r} is not a key of ours: keys are IRI path segments")
    store = get_store()
    kept = same_as(store, iri)
    if kept:  # a merged identity stays valid and leads to the one kept
        return redirect(kept.replace(ids.BASE, "/id/", 1) + rest[len(key):], code=301)
    fmt = fmt or formats.best(request.accept_mimetypes, CHOICES)
    if fmt != "html":
        return _rdf(describe(store, iri), fmt)
    template, build = PAGES.get(kind, ("resource.html", None))
    context = build(store, iri) if build else None
    if context is None:
        triples = describe(store, iri)
        if not triples:
            abort(404, f"nothing is known of {iri}")
        template, context = "resource.html", resource(iri, triples)
    response = Response(render_template(template, iri=iri, kind=kind, **context))
    response.vary.add("Accept")
    return response


_SAME_AS = "SELECT ?kept WHERE { ?_iri <http://www.w3.org/2002/07/owl#sameAs> ?kept } LIMIT 1"


def same_as(store, iri: str) -> str | None:
    """The IRI that ``iri`` was merged into, if it was."""
    for row in store.query(_SAME_AS, {ox.Variable("_iri"): ox.NamedNode(iri)}):
        if row["kept"].value != iri:
            return row["kept"].value
    return None


def _rdf(triples: list, fmt: str) -> Response:
    if not triples:
        abort(404, "nothing is known of this resource")
    mime = formats.GRAPH[fmt]
    response = Response(formats.graph_bytes(triples, fmt), mimetype=mime)
    response.headers["Content-Type"] = f"{mime}; charset=utf-8"
    response.vary.add("Accept")
    return response


def resource(iri: str, triples: list) -> dict:
    """The generic page of a resource: its own statements, and the statements that point at it."""
    labels = {t.subject.value: t.object.value for t in triples
              if t.predicate.value in ("https://schema.org/name", "http://www.w3.org/2004/02/skos/core#prefLabel")}
    own = [(short(t.predicate.value), _cell(t.object, labels)) for t in triples if t.subject.value == iri]
    incoming = [(_cell(t.subject, labels), short(t.predicate.value)) for t in triples
                if t.object.value == iri and t.subject.value != iri]
    return {"title": labels.get(iri) or short(iri), "own": own, "incoming": page_of(incoming, "ipage")}


def _cell(term, labels: dict) -> Cell:
    cell = Cell.of(term)
    if term.value in labels and cell.href:
        cell.text = labels[term.value]
    return cell
