"""Fill the app's caches in the background when the server starts.

Whole-graph answers (the counts on the home page, the facets of ``/people``,
the search index, the stored queries without parameters) change only at
ingest but take seconds on a large store: at 10k synthetic files the first
``/people`` took 7.8 s. ``warm`` computes them in a thread while the server
already answers, by asking the app for those pages as a visitor would.
"""

from __future__ import annotations

import threading

from flask import Flask

PAGES = ("/", "/people", "/search?q=a")


def warm(app: Flask) -> threading.Thread:
    """Start a daemon thread that requests the whole-graph pages and runs the parameterless stored queries."""
    def run() -> None:
        from web.stored import warm_queries

        client = app.test_client()
        for path in PAGES:
            client.get(path)  # an error page is fine here: the visitor who asks will see it
        with app.app_context():
            warm_queries()

    thread = threading.Thread(target=run, name="speakergraph-warm", daemon=True)
    thread.start()
    return thread
