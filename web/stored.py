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

from flask import Blueprint, Response, abort, current_app, render_template, request

from graph.errors import QueryError, QueryParameterError, SpeakergraphError
from graph.queries import StoredQuery, load_queries
from graph.results import table, to_csv, to_json
from web.db import cached, get_store
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
    """A stored query's page, or its answer as ``<name>.csv`` / ``<name>.json``."""
    stem, dot, suffix = name.rpartition(".")
    fmt = suffix if dot and suffix in DOWNLOADS else None
    query = all_queries().get(stem if fmt else name)
    if query is None:
        abort(404, f"no stored query {name!r} — see /queries for the list")
    values = {p.name: request.args[p.name] for p in query.params if request.args.get(p.name, "").strip()}
    ready = all(p.name in values or p.default for p in query.params)
    if fmt:
        return _download(query, values, fmt, stem)
    result, error = None, None
    if ready:
        try:
            result = run_stored(query, values)
        except QueryError as exc:
            error = str(exc)
    context = {"query": query, "values": values, "error": error, "result": result}
    if result is not None:
        context["page"] = page_of([[Cell.of(t) for t in row] for row in result.rows])
    return render_template("query.html", **context), 400 if error else 200


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
