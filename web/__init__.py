"""The web app: browsing pages, linked-data views, a SPARQL 1.1 endpoint, stored queries and downloads.

Built like flaskr: ``create_app(config)`` takes the defaults, then the config
dict (from the CLI and the environment, or a test), then wires the store and
the blueprints. Configuration keys:

=================  ====================================================================
``STORE``          store folder (opened read-only), ``None`` (empty, in memory), or a
                   ``graph.store.Store`` object (tests)
``REMOTE``         a SPARQL server's options when ``STORE`` is its URL (``graph.remote.options_from``
                   reads them from ``SPEAKERGRAPH_*`` variables; the app itself never reads the
                   environment). The app reads with ``read_user``/``read_password`` or anonymously,
                   never with the ingest's ``user``/``password`` (``graph.remote.reading``)
``QUERIES``        folder of stored ``.rq`` queries
``BASE_URL``       the site's public address (``https://speakers.example.org/``), used for every
                   absolute URL the app writes (VoID, the endpoint's address); never the Host header
``TRUSTED_HOSTS``  Host headers accepted (others get 400); default: loopback names when
                   ``BASE_URL`` is unset, any otherwise (the Host header is then never written out)
``SPARQL_TIMEOUT`` seconds a ``/sparql`` query may run before it is stopped (10)
``SPARQL_MAX_ROWS`` rows (or triples) a ``/sparql`` answer or a stored query may return (10000)
``SPARQL_WORKERS`` worker processes that run ``/sparql`` queries (2)
``SPARQL_QUEUE``   ``/sparql`` requests that may wait for a worker; more get 503 at once (16)
``SPARQL_MEMORY``  MiB a query worker may allocate beyond the open store, or ``None`` (512)
``SPARQL_MAX_LENGTH`` characters of a ``/sparql`` query (100000)
``SPARQL_MAX_DEPTH`` nesting of ``{ } ( ) [ ]`` in a ``/sparql`` query (64)
``SPARQL_ALLOW_SERVICE`` hosts (``host`` or ``host:port``) a ``SERVICE`` may call; none by default
``PAGE_SIZE``      items per page in long lists (50)
=================  ====================================================================
"""

from __future__ import annotations

from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import BadRequest, InternalServerError, SecurityError

from graph.errors import QueryError, SpeakergraphError

from graph.queries import QUERIES
from graph.store import DEFAULT_LOCATION

LOOPBACK = ("localhost", "127.0.0.1", "::1")

DEFAULTS = {
    "STORE": str(DEFAULT_LOCATION),
    "REMOTE": None,
    "QUERIES": QUERIES,
    "SPARQL_TIMEOUT": 10.0,
    "SPARQL_MAX_ROWS": 10_000,
    "SPARQL_WORKERS": 2,
    "SPARQL_QUEUE": 16,
    "SPARQL_MEMORY": 512,
    "SPARQL_MAX_LENGTH": 100_000,
    "SPARQL_MAX_DEPTH": 64,
    "SPARQL_ALLOW_SERVICE": (),
    "BASE_URL": None,
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
    from graph.remote import reading

    app.config["REMOTE"] = reading(app.config["REMOTE"])  # the web never writes: no ingest credentials
    if app.config["TRUSTED_HOSTS"] is None and not app.config["BASE_URL"]:
        app.config["TRUSTED_HOSTS"] = list(LOOPBACK)

    from web import address, db, links, security

    address.init_app(app)
    db.init_app(app)
    security.init_app(app)
    links.init_app(app)

    from web import browse, charts, compare, dataset, endpoint, entity, home, network, report, search, stored

    for module in (home, entity, search, browse, charts, compare, report, stored, endpoint, dataset, network):
        app.register_blueprint(module.bp)

    app.register_error_handler(404, _error_page)
    app.register_error_handler(400, _error_page)
    app.register_error_handler(405, _error_page)
    app.register_error_handler(413, _error_page)
    app.register_error_handler(SecurityError, _untrusted_host)
    app.register_error_handler(SpeakergraphError, _domain_error)
    return app


def _untrusted_host(exc: SecurityError):
    """A Host header not in ``TRUSTED_HOSTS``: refused without repeating it (as text: no URL can be built)."""
    return ("400 Bad Request: the Host header names no address this site answers to — use the site's own "
            "address (set with 'speakergraph serve --base-url' and --trusted-host)\n", 400,
            {"Content-Type": "text/plain; charset=utf-8"})


def _domain_error(exc: SpeakergraphError):
    """A library error that escaped a view: the store is missing or broken (500), or a query failed (400).

    What a SPARQL server said (its URL, its error text) is logged, not shown.
    """
    if _names_a_server(str(exc)):
        current_app.logger.error("%s: %s", request.path, exc)
        return _error_page(InternalServerError(SERVER_TROUBLE))
    status = 400 if isinstance(exc, QueryError) else 500
    return _error_page(InternalServerError(str(exc)) if status == 500 else BadRequest(str(exc)))


SERVER_TROUBLE = "the database behind this site could not answer (the details are in the server's log) — try again later"


def _names_a_server(message: str) -> bool:
    """Whether an error message carries a URL (a SPARQL server's, which web clients must not see).

    >>> _names_a_server("cannot reach the SPARQL server at http://10.0.0.5:8890/sparql"), _names_a_server("no such id")
    (True, False)
    """
    return "http://" in message or "https://" in message


def _error_page(exc):
    if request.accept_mimetypes.best_match(["text/html", "text/plain"]) == "text/plain" \
            or request.path.startswith("/sparql"):
        return f"{exc.code} {exc.name}: {exc.description}\n", exc.code, {"Content-Type": "text/plain; charset=utf-8"}
    return render_template("error.html", error=exc), exc.code
