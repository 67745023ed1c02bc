"""``/report``: the data-quality report in the browser, grouped by kind, each line linked to its page and file.

The same notes as ``speakergraph report`` (they live in each file's graph), so
an analyst who sees a zero on a page can find what the pages left out and why.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from graph.report import KIND_TITLES, PREFIX, Report
from graph.results import table
from web.db import cached, get_store
from web.paging import page_of

bp = Blueprint("report", __name__)

NOTES = PREFIX + """
SELECT ?path ?line ?kind ?message ?g (MIN(?thing) AS ?page) WHERE {
  ?note a sg:Note ; sg:noteKind ?kind ; rdfs:comment ?message ; prov:wasDerivedFrom ?g .
  ?g sg:path ?path .
  OPTIONAL { ?note sg:line ?line }
  OPTIONAL { ?thing prov:wasDerivedFrom ?g . { ?thing a sg:Session } UNION { ?thing a schema:Person } }
} GROUP BY ?path ?line ?kind ?message ?g ORDER BY ?path ?line ?kind ?message"""


@bp.route("/report")
def report():
    """The notes by kind (one kind at a time when ``?kind=`` is given), with counts per kind."""
    store = get_store()
    groups = cached("report", lambda: Report(table(store.query(NOTES)).dicts(), []).by_kind())
    kind = request.args.get("kind", "")
    shown = {kind: groups[kind]} if kind in groups else groups
    pages = {k: page_of(v, f"p-{k}") if kind == k else None for k, v in shown.items()}
    return render_template("report.html", groups=groups, shown=shown, pages=pages, kind=kind,
                           titles=KIND_TITLES, preview=10)
