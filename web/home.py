"""The home page: what the graph holds, its editions, and a search box."""

from __future__ import annotations

from flask import Blueprint, render_template

from graph.report import counts
from graph.results import table
from web.charts import chart
from web.db import cached, get_store
from web.events import editions
from web.people import PREFIXES

bp = Blueprint("home", __name__)

EDITIONS = PREFIXES + "SELECT DISTINCT ?edition WHERE { ?edition a sg:Edition }"


@bp.route("/")
def index():
    """Counts, editions, search."""
    store = get_store()
    numbers = cached("counts", lambda: counts(store))
    found = cached("editions", lambda: editions(store, [r["edition"] for r in table(store.query(EDITIONS)).dicts()]))
    return render_template("home.html", counts=numbers, editions=found, charts=[chart(store, "editions")])
