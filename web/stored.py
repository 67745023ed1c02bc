"""``/queries``: the stored queries, a page each with a form for its parameters, and ``.csv``/``.json``.

Queries are looked up by name among the ``.rq`` files of the ``QUERIES``
folder, never by a path from the request. Parameter values are bound by
``StoredQuery.bindings``. A query with parameters runs once they are all
given; answers are cut at ``SPARQL_MAX_ROWS`` rows. Answers are kept in the
app's cache until the store changes (whole-graph aggregates change only at
ingest); ``web.warm`` runs the queries without parameters in the background
when the server starts, so that their pages answer from the cache.
"""

from __future__ import annotations

from dataclasses import replace

import pyoxigraph as ox
from flask import Blueprint, Response, abort, current_app, jsonify, render_template, request

from graph import ids, lookup

from graph.errors import QueryError, QueryParameterError, SpeakergraphError
from graph.queries import StoredQuery, load_queries, term
from graph.results import table, to_csv, to_json
from web.db import cached, get_store
from web.facts import labels
from web.links import Cell
from web.paging import page_of

bp = Blueprint("queries", __name__, url_prefix="/queries")

DOWNLOADS = {"csv": ("text/csv; charset=utf-8", to_csv),
             "json": ("application/sparql-results+json", lambda t: to_json(t, indent=None))}  # one line: 3x faster


def all_queries() -> dict[str, StoredQuery]:
    """The stored queries, by name (read once per app)."""
    queries = current_app.extensions.get("speakergraph.queries")
    if queries is None:
        queries = current_app.extensions["speakergraph.queries"] = load_queries(current_app.config["QUERIES"])
    return queries


@bp.route("")
def index():
    """Every stored query with its title, description and parameters."""
    return render_template("queries.html", queries=all_queries())


@bp.route("/<name>")
def show(name: str):
    """A stored query's page, or its answer as ``<name>.csv`` / ``<name>.json``.

    Parameters of an IRI kind take what a person types (a name, part of one, a key): one match is
    used, several give a choice list, none an error naming what was looked for.
    """
    stem, dot, suffix = name.rpartition(".")
    fmt = suffix if dot and suffix in DOWNLOADS else None
    query = all_queries().get(stem if fmt else name)
    if query is None:
        abort(404, f"no stored query {name!r} — see /queries for the list")
    typed = {p.name: request.args[p.name] for p in query.params if request.args.get(p.name, "").strip()}
    try:
        values, choices = resolve_typed(query, typed)
    except QueryParameterError as exc:
        if fmt:
            return Response(str(exc) + "\n", status=400, mimetype="text/plain")
        return render_template("query.html", query=query, values=typed, error=str(exc), result=None,
                               choices={}, kinds=LOOKUP_KINDS), 400
    ready = not choices and all(p.name in values or p.default for p in query.params)
    if fmt:
        if choices:
            return Response(_choice_text(choices), status=400, mimetype="text/plain")
        return _download(query, values, fmt, stem)
    result, error = None, None
    if ready:
        try:
            result = run_stored(query, values)
        except QueryError as exc:
            error = str(exc)
    context = {"query": query, "values": typed, "error": error, "result": result, "choices": choices,
               "kinds": LOOKUP_KINDS, "resolved": {k: v for k, v in values.items() if v != typed.get(k)}}
    if result is not None:
        context["headers"] = [words(v) for v in result.variables]
        page = page_of(result.rows)  # only the rows shown are labelled: an aggregate has thousands
        context["page"] = replace(page, items=labelled_rows(page.items))
        context["downloads"] = {k: ids.split(v)[1] if ids.split(v) else v for k, v in values.items()}
    return render_template("query.html", **context), 400 if error else 200


LOOKUP_KINDS = tuple(lookup.CLASSES)


@bp.route("/-/lookup", endpoint="lookup")
def lookup_names():
    """``/queries/-/lookup?kind=person&q=jan``: up to 8 entities of a kind that fit a typed text, as JSON."""
    kind, text = request.args.get("kind", ""), request.args.get("q", "")
    if kind not in lookup.CLASSES:
        abort(400, f"kind must be one of {', '.join(lookup.CLASSES)}")
    store = get_store()
    known = cached(f"lookup:{kind}", lambda: lookup.entities(store, kind))
    return jsonify([{"key": m.key, "label": m.label} for m in lookup.find(known, text[:200])[:lookup.CHOICES]])


def resolve_typed(query: StoredQuery, typed: dict[str, str]):
    """The typed values with names replaced by IRIs, and the choices where several entities fit.

    Every value given is checked against its type at once, even while others are missing, so a bad
    value is an error on the page as in the downloads.
    """
    kinds = {p.name: p.type for p in query.params}
    store = get_store()
    keyed = {name: iri for name, text in typed.items() if (iri := held_key(store, kinds.get(name), text))}
    rest = {name: text for name, text in typed.items() if name not in keyed}
    known = {kind: cached(f"lookup:{kind}", lambda kind=kind: lookup.entities(store, kind))
             for kind in {kinds[n] for n in rest if kinds.get(n) in lookup.CLASSES}}
    values, choices = lookup.resolve(store, kinds, rest, known)
    values.update(keyed)
    params = {p.name: p for p in query.params}
    for name, value in values.items():
        if name in params and name not in choices:
            term(params[name], value)  # QueryParameterError names the parameter and the type
    return values, choices


HOLDS = "SELECT ?class WHERE { ?_iri a ?class }"


def held_key(store, kind: str | None, text: str) -> str | None:
    """The IRI of the entity of ``kind`` keyed ``text`` when the store holds one, else ``None``.

    This is the exact-key match of ``graph.lookup.find``, asked of the store for one IRI instead of
    reading every name of the kind (seconds on a large store, before the first answer).
    """
    key = text.strip().strip("/")
    if kind not in lookup.CLASSES or not key or text.strip().startswith(("http://", "https://")):
        return None
    try:
        iri = ox.NamedNode(ids.BASE + kind + "/" + key)
    except ValueError:
        return None  # no IRI has that key: the names are searched
    found = {row["class"] for row in table(store.query(HOLDS, {ox.Variable("_iri"): iri})).dicts()}
    return iri.value if found & set(lookup.CLASSES[kind]) else None


def _choice_text(choices: dict) -> str:
    return "".join(f"{name}: several fit — " + "; ".join(f"{m.label} ({m.key})" for m in found) + "\n"
                   for name, found in choices.items())


def words(variable: str) -> str:
    """A column header in words: ``first_date`` → "First date", ``positions_a`` → "Positions a".

    >>> words("first_date"), words("organisation"), words("at_a")
    ('First date', 'Organisation', 'At a')
    """
    text = variable.replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def labelled_rows(rows: list) -> list[list]:
    """Result rows as cells, our IRIs shown by their labels (a person's name, an edition's name)."""
    iris = [t.value for row in rows for t in row if isinstance(t, ox.NamedNode) and t.value.startswith(ids.BASE)]
    names = labels(get_store(), iris) if iris else {}
    return [[Cell.of(t, names.get(t.value) if isinstance(t, ox.NamedNode) else None) for t in row] for row in rows]


def run_stored(query: StoredQuery, values: dict[str, str]):
    """A stored query's answer for ``values`` (kept in the app's cache until the store changes)."""
    store, limit = get_store(), current_app.config["SPARQL_MAX_ROWS"]
    bindings = query.bindings(values)  # a bad value fails here, before the cache
    key = f"query:{query.name}:{sorted(values.items())!r}:{limit}"
    return cached(key, lambda: table(store.query(query.text, bindings), limit=limit))


def warm_queries() -> None:
    """Run every stored query that needs no parameter once (in an app context), to fill the cache."""
    for query in all_queries().values():
        if all(p.default for p in query.params):
            try:
                run_stored(query, {})
            except SpeakergraphError:
                pass  # its page will show the error when asked


def _download(query: StoredQuery, values: dict[str, str], fmt: str, name: str) -> Response:
    try:
        result = run_stored(query, values)
    except QueryParameterError as exc:
        return Response(str(exc) + "\n", status=400, mimetype="text/plain")
    mime, write = DOWNLOADS[fmt]
    response = Response(write(result), headers={"Content-Type": mime})
    if fmt == "csv":
        response.headers["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    if result.truncated:
        response.headers["Speakergraph-Truncated"] = "true"
    return response
