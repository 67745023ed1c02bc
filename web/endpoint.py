"""``/sparql``: the SPARQL 1.1 Protocol, read-only, with a time limit and a row cap; an editor page for people.

Queries come by GET (``query=``), by POST as a form (``query=``) or as
``application/sparql-query``. SELECT and ASK answer in JSON, XML, CSV or TSV,
CONSTRUCT and DESCRIBE in Turtle, JSON-LD, N-Triples or RDF/XML, by
``Accept`` (or a ``format=`` parameter, as many clients send). A browser
gets the editor with the results as a table. Updates are refused with 400.
A cut answer carries ``Speakergraph-Truncated: true``.

Before a query is run it passes ``web.guard`` (length, nesting, the SERVICE
allow-list) here, then Oxigraph's parser in a worker (``web.runner``). When
every worker is busy and the queue is full the answer is 503 with
``Retry-After``, at once. What a SPARQL server behind the app says in an
error (its URL, its messages) is logged, and the client gets a plain reason.
"""

from __future__ import annotations

import json
import re

from flask import Blueprint, Response, current_app, render_template, request

from graph.errors import QueryError, QueryTimeout, StoreError
from web import formats, guard
from web.db import get_runner
from web.links import Cell
from web.runner import Busy, Job

bp = Blueprint("endpoint", __name__)

UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
_TOKEN = re.compile(r'#[^\n]*|"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                    r'|<[^\s<>"{}|^`\\]*>|[A-Za-z_][\w.-]*:?|\S')

RESULT_CHOICES = [("json", formats.TABLE["json"]), ("json", "application/json"), ("xml", formats.TABLE["xml"]),
                  ("csv", formats.TABLE["csv"]), ("tsv", formats.TABLE["tsv"]), ("html", "text/html")]
GRAPH_CHOICES = [("turtle", formats.GRAPH["turtle"]), ("jsonld", formats.GRAPH["jsonld"]),
                 ("nt", formats.GRAPH["nt"]), ("rdfxml", formats.GRAPH["rdfxml"]), ("nt", "text/plain"),
                 ("html", "text/html")]

EXAMPLES = {
    "Classes and how many resources each has": """SELECT ?class (COUNT(DISTINCT ?s) AS ?resources)
WHERE { ?s a ?class }
GROUP BY ?class
ORDER BY DESC(?resources)""",
    "People and their sessions": """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?name (COUNT(DISTINCT ?session) AS ?sessions)
WHERE { ?a sg:person ?person ; sg:session ?session . ?person sg:displayName ?name }
GROUP BY ?person ?name
ORDER BY DESC(?sessions) ?name
LIMIT 50""",
    "Moderators by country (CONSTRUCT)": """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
CONSTRUCT { ?person schema:name ?name ; schema:nationality ?country }
WHERE {
  ?a sg:person ?person ; sg:role/skos:notation "moderator" ; sg:country ?country .
  ?person schema:name ?name .
}""",
    "Is anyone both a moderator and a panellist? (ASK)": """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
ASK {
  ?a sg:person ?p ; sg:role/skos:notation "moderator" .
  ?b sg:person ?p ; sg:role/skos:notation "panellist" .
}""",
}


def first_keyword(text: str) -> str | None:
    r"""The query form or update operation of ``text``, past its BASE and PREFIX declarations.

    >>> first_keyword('PREFIX ex: <http://e/#x> # INSERT, in a comment\n insert data { ex:a ex:b "SELECT" }')
    'INSERT'
    >>> first_keyword("select * { ?s ?p ?o }")
    'SELECT'
    """
    skip = 0
    for m in _TOKEN.finditer(text):
        token = m.group()
        if token.startswith("#"):
            continue
        if skip:
            skip -= 1
            continue
        word = token.upper()
        if word in ("PREFIX", "BASE"):
            skip = 2 if word == "PREFIX" else 1  # the prefix name and its IRI, or the base IRI
            continue
        return None if token[0] in "\"'<" else word
    return None


def _read_request() -> tuple[str | None, str | None]:
    """The query and the update of the request (each ``None`` when absent)."""
    content_type = (request.mimetype or "").lower()
    if request.method == "POST" and content_type == "application/sparql-update":
        return None, request.get_data(as_text=True)
    if request.method == "POST" and content_type == "application/sparql-query":
        return request.get_data(as_text=True), None
    source = request.form if request.method == "POST" else request.args
    for name in ("query", "update"):
        if len(source.getlist(name)) > 1:
            raise _BadRequest(f"the request has more than one {name}= parameter — send exactly one")
    return source.get("query"), source.get("update")


class _BadRequest(Exception):
    """A protocol request we refuse with 400 and this message."""


def _formats() -> tuple[str, str]:
    """The (results, graph) formats the request asks for: ``format=``/``output=`` first, then ``Accept``."""
    results = graph = None
    for name in ("format", "output", "results"):
        for value in request.values.getlist(name):
            r, g = formats.wish(value) if value != "html" else ("html", "html")
            results, graph = results or r, graph or g
    results = results or formats.best(request.accept_mimetypes, RESULT_CHOICES)
    graph = graph or formats.best(request.accept_mimetypes, GRAPH_CHOICES)
    return results, graph


@bp.route("/sparql", methods=["GET", "POST"])
def sparql():
    """The SPARQL 1.1 Protocol endpoint (and the editor page)."""
    try:
        query, update = _read_request()
    except _BadRequest as exc:
        return _plain(str(exc), 400)
    if update is not None or (query and first_keyword(query) in UPDATE_WORDS):
        word = first_keyword(update if update is not None else query) or "update"
        return _plain(f"this endpoint is read-only: SPARQL Update ({word}) is refused — "
                      "change the data by editing the source pages and running 'speakergraph ingest'", 400)
    if request.values.get("default-graph-uri") or request.values.get("named-graph-uri"):
        return _plain("default-graph-uri and named-graph-uri are not supported: the default graph is the union "
                      "of every source graph — use GRAPH ?g { … } in the query to pick graphs", 400)
    results, graph = _formats()
    html = results == "html" or graph == "html"
    if query is None or not query.strip():
        if html or (request.method == "GET" and not request.values):
            return render_template("sparql.html", query=EXAMPLE_DEFAULT, examples=EXAMPLES)
        return _plain("the request has no query — send query=… (GET or POST form) "
                      "or POST the query as application/sparql-query", 400)
    return _run(query, results, graph, html)


def _run(query: str, results: str, graph: str, html: bool):
    """Check ``query``, run it in a worker, and answer with it (or with why not)."""
    config = current_app.config
    try:
        guard.check(query, config["SPARQL_MAX_LENGTH"], config["SPARQL_MAX_DEPTH"], config["SPARQL_ALLOW_SERVICE"])
    except QueryError as exc:
        return _failure(query, str(exc), 400, html)
    job = Job(query, "json" if html else results, "turtle" if html else graph, config["SPARQL_MAX_ROWS"],
              calls_service=bool(config["SPARQL_ALLOW_SERVICE"]) and bool(guard.services(query)))
    try:
        answer = get_runner().run(job)
    except Busy as exc:
        response = current_app.make_response(_failure(query, str(exc), 503, html))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response
    except QueryTimeout as exc:
        return _failure(query, _public(exc), 503, html)
    except QueryError as exc:
        return _failure(query, _public(exc), 400, html)
    except StoreError as exc:
        return _failure(query, _public(exc), 500, html)
    if html:
        return render_template("sparql.html", query=query, examples=EXAMPLES, answer=_view(answer))
    return _response(answer)


EXAMPLE_DEFAULT = EXAMPLES["People and their sessions"]


def _response(answer) -> Response:
    mime = (formats.GRAPH if answer.kind == "graph" else formats.TABLE)[answer.format]
    response = Response(answer.data, mimetype=mime)
    if mime.startswith("text/") or answer.format in ("json", "jsonld"):
        response.headers["Content-Type"] = f"{mime}; charset=utf-8"
    response.headers["Speakergraph-Row-Limit"] = str(current_app.config["SPARQL_MAX_ROWS"])
    if answer.truncated:
        response.headers["Speakergraph-Truncated"] = "true"
    response.vary.add("Accept")
    return response


def _view(answer) -> dict:
    """What the editor page shows of an answer."""
    view = {"kind": answer.kind, "truncated": answer.truncated, "limit": current_app.config["SPARQL_MAX_ROWS"]}
    if answer.kind == "graph":
        view["text"] = answer.data.decode("utf-8")
        return view
    data = json.loads(answer.data)
    if answer.kind == "ask":
        view["boolean"] = data["boolean"]
        return view
    variables = data["head"]["vars"]
    view["variables"] = variables
    view["rows"] = [[Cell.of_json(b.get(v)) for v in variables] for b in data["results"]["bindings"]]
    return view


def _public(exc: Exception) -> str:
    """The message a web client may read: a SPARQL server's own words and URLs go to the log instead."""
    message = str(exc)
    if "http://" not in message and "https://" not in message:
        return message
    current_app.logger.error("/sparql: %s", message)
    if isinstance(exc, QueryTimeout):
        return "the database behind this site did not answer in time — narrow the query (a LIMIT, a more " \
               "selective pattern)"
    if isinstance(exc, QueryError):
        return "the database behind this site refused the query (the reason is in the server's log) — " \
               "check the query text"
    return "the database behind this site could not answer (the details are in the server's log) — try again later"


def _failure(query: str, message: str, status: int, html: bool):
    if html:
        return render_template("sparql.html", query=query, examples=EXAMPLES, error=message), status
    return _plain(message, status)


def _plain(message: str, status: int) -> Response:
    return Response(message + "\n", status=status, mimetype="text/plain")
