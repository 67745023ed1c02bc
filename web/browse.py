"""``/people``: people filtered by facets (edition, country, organisation, role), with counts.

Each facet value shows how many distinct people and distinct appearances
match it together with the other chosen facets. An appearance can carry
several positions, so organisations join many-to-many: the counts are
``COUNT(DISTINCT …)`` in SPARQL, never counts of joined rows. The values
chosen are bound as terms, never pasted into the query.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, abort, render_template, request

from graph import ids
from graph.errors import QueryParameterError
from graph.results import table
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
    """The people under the chosen filters, with their matching appearances and sessions."""
    query = (PREFIXES + "SELECT ?person (COUNT(DISTINCT ?a) AS ?appearances) (COUNT(DISTINCT ?session) AS ?sessions) "
             + _where(choice) + " GROUP BY ?person")
    return _labelled(store, table(store.query(query, bindings(choice))).dicts(), "person", "name")


def _labelled(store, rows: list[dict], key: str, name: str) -> list[dict]:
    """``rows`` with the label of ``row[key]`` as ``row[name]``, most people/appearances first, then by name."""
    found = labels(store, [r[key] for r in rows])
    for row in rows:
        row[name] = found.get(row[key], row[key].rsplit("/", 1)[-1])
    return sorted(rows, key=lambda r: (-int(r.get("people", 0)), -int(r["appearances"]), r[name]))


@bp.route("/people")
def browse():
    """People by facets."""
    choice = chosen(request.args)
    store = get_store()

    def compute():
        return [(f, facet_counts(store, choice, f)) for f in FACETS], people(store, choice), totals(store, choice)

    try:
        facets, found, numbers = cached("people?" + urlencode(sorted(choice.items())), compute)
    except QueryParameterError as exc:
        abort(400, str(exc))
    return render_template("browse.html", facets=facets, choice=choice, totals=numbers, page=page_of(found))
