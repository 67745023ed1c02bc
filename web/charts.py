"""Charts drawn on the server as SVG (no script, so the CSP stays strict), each with its table and CSV.

A chart is counts by category (an edition, a year) and by stack (a role, a
country), drawn as horizontal stacked bars. ``/charts/<name>.csv?of=<key>``
gives the same counts for a spreadsheet.

>>> c = Chart("roles", "Appearances by role", ["2023", "2024"], ["speaker", "moderator"],
...           {("2023", "speaker"): 3, ("2024", "speaker"): 5, ("2024", "moderator"): 1})
>>> c.total("2024"), c.most, [s.width for s in c.bars()[1].segments]
(6, 6, [400.0, 80.0])
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, abort, request, url_for

from graph import ids
from graph.results import table
from graph.text import cells
from web.db import cached, get_store
from web.facts import labels
from web.people import PREFIXES

bp = Blueprint("charts", __name__, url_prefix="/charts")

WIDTH = 480  # px of the longest bar
PALETTE = ["#1f5f99", "#e07b24", "#3a9a5b", "#b8433f", "#7c5fa8", "#8c6a4f", "#d36aa8", "#5f8f99", "#a8a23a"]
OTHER = "#9aa0a6"
TOP = 8  # stacks shown before the rest are summed as "other"


@dataclass
class Segment:
    """One stack of one bar: where it starts, how wide it is, its count and colour."""

    stack: str
    label: str
    x: float
    width: float
    count: int
    colour: str


@dataclass
class Bar:
    """One category's bar."""

    category: str
    label: str
    total: int
    segments: list[Segment]


@dataclass
class Chart:
    """Counts by category and stack, with labels for both."""

    name: str
    title: str
    categories: list[str]
    stacks: list[str]
    counts: dict[tuple[str, str], int]
    names: dict[str, str] = field(default_factory=dict)  # labels of categories and stacks
    csv: str = ""  # the URL of its CSV

    def total(self, category: str) -> int:
        """The sum over stacks of one category."""
        return sum(self.counts.get((category, s), 0) for s in self.stacks)

    @property
    def most(self) -> int:
        """The largest category total (the scale of the bars)."""
        return max((self.total(c) for c in self.categories), default=0)

    def label(self, key: str) -> str:
        """The label of a category or stack."""
        return self.names.get(key, key)

    def colour(self, stack: str) -> str:
        """The stack's colour (grey for "other")."""
        return OTHER if stack == "other" else PALETTE[self.stacks.index(stack) % len(PALETTE)]

    def bars(self) -> list[Bar]:
        """The bars, their segments placed left to right."""
        scale = WIDTH / self.most if self.most else 0
        out = []
        for category in self.categories:
            x, segments = 0.0, []
            for stack in self.stacks:
                n = self.counts.get((category, stack), 0)
                if n:
                    segments.append(Segment(stack, self.label(stack), x, n * scale, n, self.colour(stack)))
                    x += n * scale
            out.append(Bar(category, self.label(category), self.total(category), segments))
        return out

    def rows(self) -> list[list]:
        """The table beside the chart: category, each stack's count, total."""
        return [[self.label(c), *(self.counts.get((c, s), 0) for s in self.stacks), self.total(c)]
                for c in self.categories]


SERIES_ROLES = PREFIXES + """
SELECT ?edition ?year ?stack (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?edition schema:superEvent ?_of ; sg:year ?year .
  ?session schema:superEvent ?edition . ?a sg:session ?session ; sg:role ?stack .
} GROUP BY ?edition ?year ?stack"""

SERIES_COUNTRIES = PREFIXES + """
SELECT ?edition ?year ?stack (COUNT(DISTINCT ?person) AS ?n) WHERE {
  ?edition schema:superEvent ?_of ; sg:year ?year .
  ?session schema:superEvent ?edition . ?a sg:session ?session ; sg:person ?person .
  OPTIONAL { ?a sg:country ?c }
  BIND(COALESCE(?c, "none") AS ?stack)
} GROUP BY ?edition ?year ?stack"""

ORG_YEARS = PREFIXES + """
SELECT ?year ?stack (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?p org:organization ?_of . ?a sg:position ?p ; sg:session ?s ; sg:role ?stack . ?s dcterms:date ?d .
  BIND(SUBSTR(STR(?d), 1, 4) AS ?year)
} GROUP BY ?year ?stack"""

COUNTRY_YEARS = PREFIXES + """
SELECT ?year ?stack (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a sg:country ?_of ; sg:session ?s ; sg:role ?stack . ?s dcterms:date ?d .
  BIND(SUBSTR(STR(?d), 1, 4) AS ?year)
} GROUP BY ?year ?stack"""

# people per edition from the short joins (sg:appearedIn is held once per person and edition)
EDITIONS = PREFIXES + """
SELECT ?edition ?year ?stack ?n WHERE {
  { SELECT ?edition (COUNT(*) AS ?n) WHERE { ?person sg:appearedIn ?edition } GROUP BY ?edition }
  ?edition a sg:Edition ; sg:year ?year ; schema:superEvent ?stack .
}"""

# name -> (title, query, kind of the IRI it is about or None, category column)
CHARTS = {
    "series-roles": ("Appearances per edition, by role", SERIES_ROLES, "series", "edition"),
    "series-countries": ("People per edition, by country", SERIES_COUNTRIES, "series", "edition"),
    "organisation-years": ("Appearances per year, by role", ORG_YEARS, "org", "year"),
    "country-years": ("Appearances per year, by role", COUNTRY_YEARS, "country", "year"),
    "editions": ("People per edition", EDITIONS, None, "edition"),
}


def chart(store, name: str, of: str | None = None) -> Chart:
    """The chart ``name`` about the IRI ``of`` (cached until the store changes)."""
    return cached(f"chart:{name}:{of}", lambda: _build(store, name, of))


def _build(store, name: str, of: str | None) -> Chart:
    title, query, kind, column = CHARTS[name]
    bindings = {ox.Variable("_of"): ox.NamedNode(of)} if of else {}
    rows = table(store.query(query, bindings)).dicts()
    order = sorted({(r["year"], r[column]) for r in rows})
    categories = [c for _, c in dict.fromkeys(order)]
    counts: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r[column], r["stack"])
        counts[key] = counts.get(key, 0) + int(r["n"])
    stacks = _top(counts)
    counts = _fold_rest(counts, stacks)
    names = labels(store, [k for k in {*categories, *stacks} if k.startswith("http")])
    names.update({"none": "not printed", "other": "other"})
    if kind == "series":  # the editions of one series: their years say it all
        names.update({r[column]: r["year"] for r in rows})
    key = of.removeprefix(ids.BASE).split("/", 1)[-1] if of else None
    return Chart(name, title, categories, stacks, counts, names,
                 url_for("charts.download", name=name, of=key) if key else url_for("charts.download", name=name))


def _top(counts: dict[tuple[str, str], int]) -> list[str]:
    """The stacks by total count, the ``TOP`` largest, then "other" for the rest."""
    totals: dict[str, int] = {}
    for (_, stack), n in counts.items():
        totals[stack] = totals.get(stack, 0) + n
    ranked = sorted(totals, key=lambda s: (-totals[s], s))
    return ranked if len(ranked) <= TOP + 1 else ranked[:TOP] + ["other"]


def _fold_rest(counts: dict[tuple[str, str], int], stacks: list[str]) -> dict[tuple[str, str], int]:
    out: dict[tuple[str, str], int] = {}
    for (category, stack), n in counts.items():
        key = (category, stack if stack in stacks else "other")
        out[key] = out.get(key, 0) + n
    return out


@bp.route("/<name>.csv")
def download(name: str):
    """A chart's counts as CSV: one row per category, a column per stack, and the total."""
    if name not in CHARTS:
        abort(404, f"no chart {name!r}")
    kind = CHARTS[name][2]
    of = request.args.get("of", "").strip().strip("/")
    if kind and (not of or ".." in of.split("/")):
        abort(400, f"say which {kind} the chart is about: ?of=<key>")
    c = chart(get_store(), name, ids.BASE + kind + "/" + of if kind else None)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cells([CHARTS[name][3], *(c.label(s) for s in c.stacks), "total"]))
    writer.writerows(cells(row) for row in c.rows())
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
