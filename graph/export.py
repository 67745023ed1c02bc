"""Export the store: RDF formats through rdflib and pyoxigraph, and the CSV of appearances.

Turtle and JSON-LD come from rdflib's serializers (Turtle is byte-identical
across runs on the same data); N-Triples, N-Quads and TriG from pyoxigraph,
with lines sorted so that they are deterministic too.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

import pyoxigraph as ox
import rdflib

from graph import subset
from graph.results import table
from graph.store import Store
from graph.subset import Subset
from graph.text import cells
from graph.vocab import PREFIXES

RDF_FORMATS = {
    "turtle": ("text/turtle", "ttl"),
    "nt": ("application/n-triples", "nt"),
    "nquads": ("application/n-quads", "nq"),
    "trig": ("application/trig", "trig"),
    "jsonld": ("application/ld+json", "jsonld"),
}
FORMATS = [*RDF_FORMATS, "csv"]

CSV_COLUMNS = ["source", "session", "session_title", "date", "start", "end", "role", "person", "name",
               "honorific", "title", "organisation", "country", "label"]

_PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

# one basic graph pattern in each file's graph (an appearance two files print is a row of each, with that
# file's line and positions: read across graphs, two files' lines times two sources made four rows), then
# lookups on bound nodes: linear in the appearances. No BIND and no grouped
# sub-select in here: Oxigraph joins the patterns on either side of one as two separate answers (on 1,000
# generated files a BIND after the first line took 255 s where the same patterns alone take 0.2 s, and the
# people's names as a sub-select took 36 s for 165 appearances). Keys and labels are joined in Python, and so is
# the session of a file that prints its people but not its title or date (a speakers file placing its people in
# the slots of a schedule file): from the session as the other files print it (SESSIONS).
APPEARANCES = _PREFIXES + """
SELECT DISTINCT ?source ?session ?session_title ?date ?start ?end ?r ?person ?name ?honorific ?title
       ?organisation ?c ?line ?order
WHERE { GRAPH ?g {
  ?a a sg:Appearance ; sg:session ?session ; sg:person ?person ; sg:role ?r ; prov:wasDerivedFrom ?g .
  ?g sg:path ?source .
  OPTIONAL { ?session schema:name ?session_title }
  OPTIONAL { ?session dcterms:date ?date }
  OPTIONAL { ?session schema:startDate ?start }
  OPTIONAL { ?session schema:endDate ?end }
  OPTIONAL { ?a sg:line ?line }
  OPTIONAL { ?a sg:name ?name }
  OPTIONAL { ?a sg:honorific ?honorific }
  OPTIONAL { ?a sg:country ?c }
  OPTIONAL { ?a sg:position ?p . ?p sg:order ?order .
             OPTIONAL { ?p sg:title ?title } OPTIONAL { ?p sg:organisationLabel ?organisation } }
} }
ORDER BY ?date ?start ?session ?line ?person ?r ?order
"""

FEW_SESSIONS = 1000  # a subset of up to this many sessions is asked for by its sessions

# a person's canonical label: their display name (graph/tallies.py)
LABELS = _PREFIXES + """
SELECT ?person ?label WHERE { ?person a schema:Person ; sg:displayName ?label }
"""


def to_rdflib(term):
    """An rdflib term for a pyoxigraph term."""
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if dt.endswith("#string") else rdflib.URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


def rdflib_graph(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """The union of ``quads`` as one rdflib graph, with our prefixes bound."""
    graph = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    for q in quads:
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return graph


def export(store: Store, fmt: str, part: Subset | None = None) -> bytes:
    """The whole store, or the file graphs of a subset (``graph.subset``), in ``fmt`` (one of ``FORMATS``)."""
    if fmt == "csv":
        return appearances_csv(store, part).encode("utf-8")
    every = (lambda: subset.quads(store, part.graphs)) if part else store.quads
    if fmt in ("turtle", "jsonld"):
        graph = rdflib_graph(every())
        if fmt == "turtle":
            return graph.serialize(format="turtle", encoding="utf-8")
        return graph.serialize(format="json-ld", context=PREFIXES, sort_keys=True, indent=1).encode("utf-8")
    if fmt in ("nt", "nquads"):
        quads = list(every())
        data = (ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) if fmt == "nt"
                else ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
        return b"".join(sorted(set(data.splitlines(keepends=True))))
    if fmt == "trig":
        quads = sorted(every(), key=str)
        return ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    raise ValueError(f"unknown format {fmt!r} — use one of {', '.join(FORMATS)}")


SESSIONS = _PREFIXES + """
SELECT ?session (MIN(?t) AS ?session_title) (MIN(?d) AS ?date) (MIN(?s) AS ?start) (MIN(?e) AS ?end) WHERE {
  ?session dcterms:date ?d . OPTIONAL { ?session schema:name ?t }
  OPTIONAL { ?session schema:startDate ?s } OPTIONAL { ?session schema:endDate ?e }
} GROUP BY ?session
"""


def _sessions_elsewhere(store: Store, rows: list[dict]) -> list[dict]:
    """The rows with the title, date and times of their session filled in from the other files that print it, when
    their own file does not, in order of date, start and session again."""
    missing = sorted({row["session"] for row in rows if not row.get("session_title") or not row.get("date")})
    if not missing:
        return rows
    values = " ".join(str(ox.NamedNode(s)) for s in missing)
    found = {r["session"]: r for r in table(store.query(SESSIONS.replace("WHERE {", f"WHERE {{ VALUES ?session {{ {values} }}", 1))).dicts()}
    for row in rows:
        for key, value in found.get(row["session"], {}).items():
            row[key] = row.get(key) or value
    return sorted(rows, key=lambda row: (row.get("date", ""), row.get("start", ""), row["session"]))


def appearances_csv(store: Store, part: Subset | None = None) -> str:
    """One row per appearance and position, in the documented columns, every cell safe for spreadsheets.

    For a subset, the rows of its sessions (and of its people): a subset of a few sessions is asked for by
    its sessions, so that its time follows its size; a larger one is filtered from the whole answer, which is
    then the faster (10k files: an edition's 278 sessions 0.9 s instead of 7.4 s; a series' 2,494 sessions
    7.6 s filtered, 10.5 s asked for).
    """
    labels = {row["person"]: row.get("label", "") for row in table(store.query(LABELS)).dicts()}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    query, keeps = APPEARANCES, part.keeps if part else None
    if part and not part.people and len(part.sessions) <= FEW_SESSIONS:
        sessions = " ".join(str(ox.NamedNode(s)) for s in sorted(part.sessions))
        query, keeps = APPEARANCES.replace("WHERE { GRAPH", f"WHERE {{ VALUES ?session {{ {sessions} }}\n  GRAPH", 1), None
    for row in _sessions_elsewhere(store, table(store.query(query)).dicts()):
        if keeps and not keeps(row["session"], row["person"]):
            continue
        row["role"] = row["r"].rpartition("/id/role/")[2]
        row["country"] = row.get("c", "").rpartition("/id/country/")[2]
        row["start"] = _time(row.get("start", ""))
        row["end"] = _time(row.get("end", ""))
        row["label"] = labels.get(row["person"], "")
        # a page that prints only a speaker link, or a store ingested before sg:name: the speaker page's name
        row["name"] = row.get("name") or row["label"]
        writer.writerow(cells(row.get(column, "") for column in CSV_COLUMNS))
    return out.getvalue()


def _time(value: str) -> str:
    """The time part of an xsd:dateTime, offset kept ("16:00:00+08:00")."""
    return value.partition("T")[2]
