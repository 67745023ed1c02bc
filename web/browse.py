"""``/people``: people filtered by facets (edition, country, organisation, role), with counts.

Each facet value shows how many distinct people and distinct appearances
match it together with the other chosen facets. An appearance can carry
several positions, so organisations join many-to-many: the counts are
``COUNT(DISTINCT …)`` in SPARQL, never counts of joined rows. The values
chosen are bound as terms, never pasted into the query.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, Response, abort, render_template, request

from graph import ids
from graph.errors import QueryParameterError
from graph.lookup import fold
from graph.results import table
from graph.text import cells
from web.db import cached, get_store
from web.facts import labels
from web.paging import page_of
from web.people import PREFIXES

bp = Blueprint("browse", __name__)


@dataclass(frozen=True)
class Facet:
    """A facet: its query-string name, title, IRI kind, and the patterns that filter by and group by it."""

    name: str
    title: str
    kind: str
    filter: str  # pattern over ?a, ?session with the chosen value as ?_<name>
    group: str  # pattern binding ?value


FACETS = [
    Facet("edition", "Edition", "edition", "?session schema:superEvent ?_edition .",
          "?session schema:superEvent ?value ."),
    Facet("country", "Country", "country", "?a sg:country ?_country .", "?a sg:country ?value ."),
    Facet("org", "Organisation", "org", "?a sg:position/org:organization ?_org .",
          "?a sg:position/org:organization ?value ."),
    Facet("role", "Role", "role", "?a sg:role ?_role .", "?a sg:role ?value ."),
]
BASE = "?a a sg:Appearance ; sg:person ?person ; sg:session ?session ."


def chosen(args) -> dict[str, str]:
    """The facet values chosen in the query string: ``{facet name: key}``."""
    return {f.name: args[f.name] for f in FACETS if args.get(f.name)}


def bindings(choice: dict[str, str]) -> dict:
    """The chosen values as IRIs, bound to ``?_<facet>``."""
    out = {}
    for facet in FACETS:
        if facet.name in choice:
            key = choice[facet.name].strip().strip("/")
            try:
                if not key or ".." in key.split("/"):
                    raise ValueError(key)
                out[ox.Variable("_" + facet.name)] = ox.NamedNode(ids.BASE + facet.kind + "/" + key)
            except ValueError:
                raise QueryParameterError(f"{facet.name}={choice[facet.name]!r} is not a {facet.kind} key — "
                                          "pick a value from the facet lists") from None
    return out


def _where(choice: dict[str, str], extra: str = "") -> str:
    filters = " ".join(f.filter for f in FACETS if f.name in choice)
    return f"WHERE {{ {BASE} {filters} {extra} }}"


def facet_counts(store, choice: dict[str, str], facet: Facet) -> list[dict]:
    """Values of ``facet`` under the chosen filters, with distinct people and appearances."""
    query = (PREFIXES + "SELECT ?value (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?a) AS ?appearances) "
             + _where(choice, facet.group) + " GROUP BY ?value")
    return _labelled(store, table(store.query(query, bindings(choice))).dicts(), "value", "label")


def totals(store, choice: dict[str, str]) -> dict:
    """Distinct people and appearances under the chosen filters."""
    query = (PREFIXES + "SELECT (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?a) AS ?appearances) "
             + _where(choice))
    return {k: int(v) for k, v in table(store.query(query, bindings(choice))).dicts()[0].items()}


def people(store, choice: dict[str, str]) -> list[dict]:
    """The people under the chosen filters, with their matching appearances and sessions.

    With no filter, the people known only from a speaker page are there too (0 appearances,
    ``page_only`` true), so that this list and every count of people mean the same thing.
    """
    query = (PREFIXES + "SELECT ?person (COUNT(DISTINCT ?a) AS ?appearances) (COUNT(DISTINCT ?session) AS ?sessions) "
             + _where(choice) + " GROUP BY ?person")
    rows = table(store.query(query, bindings(choice))).dicts()
    if not choice:
        rows += [{"person": r["person"], "appearances": "0", "sessions": "0", "page_only": True}
                 for r in table(store.query(PAGE_ONLY)).dicts()]
    return _labelled(store, rows, "person", "name")


PAGE_ONLY = PREFIXES + """SELECT ?person WHERE {
  ?person a schema:Person . FILTER NOT EXISTS { ?a sg:person ?person } }"""

SORTS = {"name": lambda r: (fold(r["name"]), r["person"]),
         "appearances": lambda r: (int(r["appearances"]), int(r["sessions"])),
         "sessions": lambda r: (int(r["sessions"]), int(r["appearances"]))}


def sort_rows(rows: list[dict], key: str, order: str) -> list[dict]:
    """``rows`` sorted by a column (``name``, ``appearances``, ``sessions``), ties by name.

    >>> rows = [{"person": "a", "name": "Émile", "appearances": "1", "sessions": "1"},
    ...         {"person": "b", "name": "Ann", "appearances": "3", "sessions": "2"}]
    >>> [r["name"] for r in sort_rows(rows, "name", "asc")], [r["name"] for r in sort_rows(rows, "appearances", "desc")]
    (['Ann', 'Émile'], ['Ann', 'Émile'])
    """
    by_name = sorted(rows, key=SORTS["name"])
    return sorted(by_name, key=SORTS.get(key, SORTS["appearances"]), reverse=order == "desc")


def _labelled(store, rows: list[dict], key: str, name: str) -> list[dict]:
    """``rows`` with the label of ``row[key]`` as ``row[name]``, most people/appearances first, then by name."""
    found = labels(store, [r[key] for r in rows])
    for row in rows:
        row[name] = found.get(row[key], row[key].rsplit("/", 1)[-1])
    return sorted(rows, key=lambda r: (-int(r.get("people", 0)), -int(r["appearances"]), r[name]))


@bp.route("/people")
@bp.route("/people.<fmt>")
def browse(fmt: str | None = None):
    """People by facets, sorted by a column; ``/people.csv`` and ``/people.json`` give the whole filtered list."""
    if fmt not in (None, "csv", "json"):
        abort(404, "people lists come as /people, /people.csv or /people.json")
    choice = chosen(request.args)
    store = get_store()

    def compute():
        return [(f, facet_counts(store, choice, f)) for f in FACETS], people(store, choice), totals(store, choice)

    try:
        facets, found, numbers = cached("people?" + urlencode(sorted(choice.items())), compute)
    except QueryParameterError as exc:
        abort(400, str(exc))
    key = request.args.get("sort", "appearances")
    key = key if key in SORTS else "appearances"
    order = request.args.get("order", "asc" if key == "name" else "desc")
    rows = sort_rows(found, key, "asc" if order == "asc" else "desc")
    if fmt:
        return _download(rows, fmt)
    numbers = {**numbers, "page_only": sum(1 for r in found if r.get("page_only"))}
    numbers["people"] += numbers["page_only"]
    return render_template("browse.html", facets=facets, choice=choice, totals=numbers, page=page_of(rows),
                           sort=key, order=order, labels=chosen_labels(store, choice))


COLUMNS = ["person", "name", "appearances", "sessions", "page_only"]


def _download(rows: list[dict], fmt: str) -> Response:
    out = [{"person": r["person"], "name": r["name"], "appearances": int(r["appearances"]),
            "sessions": int(r["sessions"]), "page_only": bool(r.get("page_only"))} for r in rows]
    if fmt == "json":
        return Response(json.dumps(out, ensure_ascii=False), mimetype="application/json")
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(cells([r[c] if c != "page_only" else ("yes" if r[c] else "") for c in COLUMNS]) for r in out)
    return Response(text.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="people.csv"'})


def chosen_labels(store, choice: dict[str, str]) -> dict[str, str]:
    """The label of each chosen facet value ("Singapore" for country SG), by facet name."""
    iris = {variable.value[1:]: term.value for variable, term in bindings(choice).items()}
    found = labels(store, list(iris.values()))
    return {name: found.get(iri, choice[name]) for name, iri in iris.items()}
