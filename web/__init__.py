"""The web app: browsing pages, linked-data views, a SPARQL 1.1 endpoint, stored queries and downloads.

Built like flaskr: ``create_app(config)`` takes the defaults, then the config
dict (from the CLI and the environment, or a test), then wires the store and
the blueprints. Configuration keys:

=================  ====================================================================
``STORE``          store folder (opened read-only), ``None`` (empty, in memory), or a
                   ``graph.store.Store`` object (tests)
``REMOTE``         a SPARQL server's options when ``STORE`` is its URL: endpoints, user,
                   password, time-out (``graph.remote.options_from`` reads them from
                   ``SPEAKERGRAPH_*`` variables; the app itself never reads the environment)
``QUERIES``        folder of stored ``.rq`` queries
``SPARQL_TIMEOUT`` seconds a ``/sparql`` query may run before it is stopped (10)
``SPARQL_MAX_ROWS`` rows (or triples) a ``/sparql`` answer or a stored query may return (10000)
``SPARQL_WORKERS`` worker processes that run ``/sparql`` queries (2)
``PAGE_SIZE``      items per page in long lists (50)
=================  ====================================================================
"""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import BadRequest, InternalServerError

from graph.errors import QueryError, SpeakergraphError

from graph.queries import QUERIES
from graph.store import DEFAULT_LOCATION

DEFAULTS = {
    "STORE": str(DEFAULT_LOCATION),
    "REMOTE": None,
    "QUERIES": QUERIES,
    "SPARQL_TIMEOUT": 10.0,
    "SPARQL_MAX_ROWS": 10_000,
    "SPARQL_WORKERS": 2,
    "PAGE_SIZE": 50,
    "MAX_CONTENT_LENGTH": 1 << 20,  # a query larger than 1 MiB is refused with 413
    "JSON_SORT_KEYS": False,
}


def create_app(config: dict | None = None) -> Flask:
    """The speakergraph web app, configured by ``config`` over ``DEFAULTS``."""
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    if config:
        app.config.update(config)

    from web import db, links, security

    db.init_app(app)
    security.init_app(app)
    links.init_app(app)

    from web import browse, dataset, endpoint, entity, home, network, search, stored

    for module in (home, entity, search, browse, stored, endpoint, dataset, network):
        app.register_blueprint(module.bp)

    app.register_error_handler(404, _error_page)
    app.register_error_handler(400, _error_page)
    app.register_error_handler(405, _error_page)
    app.register_error_handler(413, _error_page)
    app.register_error_handler(SpeakergraphError, _domain_error)
    return app


def _domain_error(exc: SpeakergraphError):
    """A library error that escaped a view: the store is missing or broken (500), or a query failed (400)."""
    status = 400 if isinstance(exc, QueryError) else 500
    return _error_page(InternalServerError(str(exc)) if status == 500 else BadRequest(str(exc)))


def _error_page(exc):
    if request.accept_mimetypes.best_match(["text/html", "text/plain"]) == "text/plain" \
            or request.path.startswith("/sparql"):
        return f"{exc.code} {exc.name}: {exc.description}\n", exc.code, {"Content-Type": "text/plain; charset=utf-8"}
    return render_template("error.html", error=exc), exc.code
