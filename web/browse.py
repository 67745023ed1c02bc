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
from flask import Blueprint, Response, abort, current_app, render_template, request

from graph import ids
from graph.errors import QueryParameterError
from graph.lookup import fold
from graph.results import table
from graph.text import cells
from web import whole
from web.db import cached, get_store
from web.facts import labels
from web.paging import Page, page_of
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
TOP = 8  # facet values shown before "all"
FULL = 100  # a facet with more values lists them on a page of their own (at 10k files: 8,600 organisations)
INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
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
    """Values of ``facet`` under the chosen filters, with distinct people and appearances, most people first."""
    return _labelled(store, table(store.query(_facet_query(choice, facet), bindings(choice))).dicts(), "value", "label")


def facet_top(store, choice: dict[str, str], facet: Facet, shown: int = TOP) -> tuple[list[dict], int]:
    """The values of ``facet`` that ``/people`` lists, most people first, and how many values there are.

    A facet of more than ``FULL`` values is labelled only as far as its ``shown`` first need (the page
    links to the rest); with nothing chosen, a facet of thousands of values (``whole.MANY``) is counted
    by its counts first, and only its top values are read.
    """
    if not choice and facet.name in whole.MANY:
        total = int(table(store.query(whole.MANY[facet.name])).dicts()[0]["n"])
        if total > FULL:
            return _labelled(store, _leading(store, facet, shown), "value", "label", shown), total
    rows = table(store.query(_facet_query(choice, facet), bindings(choice))).dicts()
    return _labelled(store, rows, "value", "label", shown if len(rows) > FULL else None), len(rows)


def _leading(store, facet: Facet, shown: int) -> list[dict]:
    """The values of a facet of many (nothing chosen) that rank as high as its ``shown``-th, with their counts."""
    rows = table(store.query(whole.TOPS[facet.name])).dicts()

    def pair(row: dict) -> tuple[str, str]:
        return row["people"], row["appearances"]

    if len(rows) < whole.LEADING or pair(rows[shown - 1]) != pair(rows[-1]):
        return rows  # every value tied with the shown-th is among them
    counts = table(store.query(whole.HISTOGRAMS[facet.name])).dicts()
    least = whole.rank_at(counts, ("people", "appearances"), shown)
    return table(store.query(whole.ABOVE[facet.name], _integers(least))).dicts()


def _facet_query(choice: dict[str, str], facet: Facet) -> str:
    if not choice:
        return whole.FACETS[facet.name]
    return (PREFIXES + "SELECT ?value (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?a) AS ?appearances) "
            + _where(choice, facet.group) + " GROUP BY ?value")


def _integers(values: dict[str, str]) -> dict:
    return {ox.Variable("_" + k): ox.Literal(v, datatype=INTEGER) for k, v in values.items()}


def totals(store, choice: dict[str, str]) -> dict:
    """Distinct people and appearances under the chosen filters, and the people known from a page only."""
    if not choice:
        return whole.totals(ranks(store), int(table(store.query(whole.PERSONS)).dicts()[0]["n"]))
    query = (PREFIXES + "SELECT (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?a) AS ?appearances) "
             + _where(choice))
    return {**{k: int(v) for k, v in table(store.query(query, bindings(choice))).dicts()[0].items()}, "page_only": 0}


def ranks(store) -> list[dict]:
    """How many people have each number of appearances (``whole.RANKS``), kept until the store changes."""
    return cached("people-ranks", lambda: table(store.query(whole.RANKS)).dicts())


def people(store, choice: dict[str, str]) -> list[dict]:
    """The people under the chosen filters, with their matching appearances and sessions.

    With no filter, the people known only from a speaker page are there too (0 appearances,
    ``page_only`` true), so that this list and every count of people mean the same thing.
    """
    if choice:
        query = (PREFIXES + "SELECT ?person (COUNT(DISTINCT ?a) AS ?appearances) (COUNT(DISTINCT ?session) AS ?sessions) "
                 + _where(choice) + " GROUP BY ?person")
        rows = table(store.query(query, bindings(choice))).dicts()
    else:
        rows = table(store.query(whole.PEOPLE)).dicts()
        rows += [{"person": r["person"], "appearances": "0", "sessions": "0", "page_only": True}
                 for r in table(store.query(PAGE_ONLY)).dicts()]
    return _labelled(store, rows, "person", "name")


def most_first(store, size: int) -> list[dict] | None:
    """The ``size`` people with most appearances, with nothing chosen: page 1 of the default order.

    Only the people with as many appearances as the ``size``-th are read and named, not the whole
    list; ``None`` when fewer people have appearances (the whole list is small then).
    """
    least = whole.rank_at(ranks(store), ("appearances",), size)
    if least is None:
        return None
    rows = table(store.query(whole.PEOPLE_FROM, _integers(least))).dicts()
    return sort_rows(_labelled(store, rows, "person", "name"), "appearances", "desc")[:size]


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


def _labelled(store, rows: list[dict], key: str, name: str, shown: int | None = None) -> list[dict]:
    """``rows`` with the label of ``row[key]`` as ``row[name]``, most people/appearances first, then by name and IRI.

    With ``shown``, only the rows that tie with or come before the ``shown``-th are labelled (and come
    first, in order); the rest follow by their counts, unlabelled.
    """
    def counts(r):
        return -int(r.get("people", 0)), -int(r["appearances"])

    rows = sorted(rows, key=counts)
    cut = len(rows) if shown is None or shown >= len(rows) else \
        next((i for i in range(shown, len(rows)) if counts(rows[i]) != counts(rows[shown - 1])), len(rows))
    head = rows[:cut]
    found = labels(store, [r[key] for r in head])
    for row in head:
        row[name] = found.get(row[key], row[key].rsplit("/", 1)[-1])
    return sorted(head, key=lambda r: (*counts(r), r[name], r[key])) + rows[cut:]


@bp.route("/people")
@bp.route("/people.<fmt>")
def browse(fmt: str | None = None):
    """People by facets, sorted by a column; ``/people.csv`` and ``/people.json`` give the whole filtered list."""
    if fmt not in (None, "csv", "json"):
        abort(404, "people lists come as /people, /people.csv or /people.json")
    choice = chosen(request.args)
    store = get_store()
    where = urlencode(sorted(choice.items()))
    try:
        facets, numbers = cached("people-facets?" + where, lambda: (
            [(f, *facet_top(store, choice, f)) for f in FACETS], totals(store, choice)))
    except QueryParameterError as exc:
        abort(400, str(exc))
    key = request.args.get("sort", "appearances")
    key = key if key in SORTS else "appearances"
    order = request.args.get("order", "asc" if key == "name" else "desc")
    order = "asc" if order == "asc" else "desc"
    numbers = {**numbers, "people": numbers["people"] + numbers["page_only"]}
    page = None if fmt or choice else _first_page(store, key, order, numbers["people"])
    if page is None:
        rows = sort_rows(cached("people?" + where, lambda: people(store, choice)), key, order)
        if fmt:
            return _download(rows, fmt)
        page = page_of(rows)
    return render_template("browse.html", facets=facets, choice=choice, totals=numbers, page=page, full=FULL,
                           sort=key, order=order, labels=chosen_labels(store, choice))


def _first_page(store, key: str, order: str, total: int) -> Page | None:
    """Page 1 of everybody by most appearances (what ``/people`` opens on), without the whole list, or ``None``
    for another page or order."""
    if (key, order) != ("appearances", "desc") or request.args.get("page", "1") != "1":
        return None
    size = current_app.config["PAGE_SIZE"]
    first = cached("people-first", lambda: most_first(store, size))
    return None if first is None else Page(first, 1, size, total)


@bp.route("/people/values/<name>")
def values(name: str):
    """Every value of one facet under the chosen filters, with its counts, paged."""
    facet = next((f for f in FACETS if f.name == name), None)
    if facet is None:
        abort(404, f"no facet {name!r} — the facets are {', '.join(f.name for f in FACETS)}")
    choice = {k: v for k, v in chosen(request.args).items() if k != name}
    store = get_store()
    try:
        rows = cached(f"facet:{name}?" + urlencode(sorted(choice.items())), lambda: facet_counts(store, choice, facet))
    except QueryParameterError as exc:
        abort(400, str(exc))
    return render_template("facet_values.html", facet=facet, choice=choice, page=page_of(rows),
                           labels=chosen_labels(store, choice))


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
