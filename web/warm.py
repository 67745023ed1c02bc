"""Fill the app's caches in the background when the server starts.

Whole-graph answers (the counts on the home page, the facets of ``/people``,
the search index, the stored queries without parameters) change only at
ingest. The pages compute them from the short joins in a few hundred
milliseconds at 10k files (``web.whole``), but the stored aggregates take
longer: ``warm`` computes them in a thread while the server already answers,
by asking the app for those pages as a visitor would. A visitor who asks for
what the thread is computing waits for its answer instead of computing it
again beside it (``web.db.Resources.cached``).
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
