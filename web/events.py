"""The session, edition and series pages."""

from __future__ import annotations

import itertools

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, PROV, RDF

from graph.results import table
from graph.vocab import SCHEMA, SG
from web import whole
from web.charts import chart
from web.facts import first, labels, statements, values
from web.paging import page_of
from web.people import PREFIXES, appearances

SPEAKERS = PREFIXES + """
SELECT DISTINCT ?a ?person ?role ?honorific ?country ?country_label ?line ?order ?ptitle ?plabel ?org
WHERE {
  ?a sg:session ?_session ; sg:person ?person ; sg:role ?role .
  OPTIONAL { ?a sg:honorific ?honorific }
  OPTIONAL { ?a sg:country ?country }
  OPTIONAL { ?a sg:countryLabel ?country_label }
  OPTIONAL { ?a sg:line ?line }
  OPTIONAL { ?a sg:position ?p . ?p sg:order ?order .
             OPTIONAL { ?p sg:title ?ptitle } OPTIONAL { ?p sg:organisationLabel ?plabel }
             OPTIONAL { ?p org:organization ?org } }
} ORDER BY ?line ?a ?order"""

EDITION_SESSIONS = PREFIXES + """
SELECT ?session ?title ?date ?start ?end (COUNT(DISTINCT ?person) AS ?speakers)
WHERE {
  ?session schema:superEvent ?_edition ; schema:name ?title ; dcterms:date ?date .
  OPTIONAL { ?session schema:startDate ?start }
  OPTIONAL { ?session schema:endDate ?end }
  OPTIONAL { ?a sg:session ?session ; sg:person ?person }
} GROUP BY ?session ?title ?date ?start ?end ORDER BY ?date ?start ?title"""

SERIES_EDITIONS = PREFIXES + "SELECT DISTINCT ?edition WHERE { ?edition schema:superEvent ?_series }"

RDF_TYPE = str(RDF.type)
ROLE_ORDER = ["keynote", "guest-of-honour", "remarks", "speaker", "panellist", "moderator", "other"]
PLURALS = {"moderator": "Moderators", "panellist": "Panellists", "speaker": "Speakers",
           "keynote": "Keynote speakers", "guest-of-honour": "Guests of honour"}


def session(store, iri: str) -> dict | None:
    """The context of a session page, or ``None`` when ``iri`` is no session."""
    props = statements(store, [iri]).get(iri, {})
    if str(SG.Session) not in props.get(RDF_TYPE, []):
        return None
    speakers = appearances(table(store.query(SPEAKERS, {ox.Variable("_session"): ox.NamedNode(iri)})).dicts())
    edition, source = first(props, SCHEMA.superEvent), first(props, PROV.wasDerivedFrom)
    names = labels(store, [s["person"] for s in speakers] + [s["role"] for s in speakers] + [edition, source])
    for s in speakers:
        s["name"] = names.get(s["person"], s["person"].rsplit("/", 1)[-1])
        s["role_label"] = names.get(s["role"], s["role"].rsplit("/", 1)[-1])
    info = {key: first(props, predicate) for key, predicate in (
        ("title", SCHEMA.name), ("date", DCTERMS.date), ("start", SCHEMA.startDate), ("end", SCHEMA.endDate),
        ("date_label", SG.dateLabel), ("time_label", SG.timeLabel), ("format", SG.format),
        ("location", SCHEMA.location), ("track", SCHEMA.about), ("abstract", SCHEMA.description), ("url", SCHEMA.url))}
    info.update(edition=edition, edition_name=names.get(edition, ""), source=source, path=names.get(source, ""))
    return {"session": info, "roles": by_role(speakers)}


def by_role(speakers: list[dict]) -> list[tuple[str, list[dict]]]:
    """Speakers grouped by role, roles in the order the page printed them (then by ``ROLE_ORDER``).

    >>> [r for r, _ in by_role([{"role": "x/panellist", "role_label": "Panellist", "line": "9"},
    ...                         {"role": "x/moderator", "role_label": "Moderator", "line": "12"}])]
    ['Panellist', 'Moderator']
    """
    groups: dict[str, list[dict]] = {}
    for speaker in speakers:
        groups.setdefault(speaker["role"], []).append(speaker)

    def notation(role: str) -> str:
        return role.rsplit("/", 1)[-1]

    def first_line(role: str) -> tuple:
        lines = [int(s["line"]) for s in groups[role] if s.get("line", "").isdigit()]
        order = ROLE_ORDER.index(notation(role)) if notation(role) in ROLE_ORDER else len(ROLE_ORDER)
        return (min(lines) if lines else 1 << 30, order)

    def heading(role: str) -> str:
        label = groups[role][0]["role_label"]
        return PLURALS.get(notation(role), label) if len(groups[role]) > 1 else label

    return [(heading(role), groups[role]) for role in sorted(groups, key=first_line)]


def edition(store, iri: str) -> dict | None:
    """The context of an edition page: its sessions day by day, paged."""
    props = statements(store, [iri]).get(iri, {})
    if str(SG.Edition) not in props.get(RDF_TYPE, []):
        return None
    series_iri = first(props, SCHEMA.superEvent)
    page = page_of(table(store.query(EDITION_SESSIONS, {ox.Variable("_edition"): ox.NamedNode(iri)})).dicts())
    days = [(day, list(rows)) for day, rows in itertools.groupby(page.items, key=lambda r: r["date"])]
    info = {"name": first(props, SCHEMA.name), "year": first(props, SG.year), "series": series_iri,
            "series_name": labels(store, [series_iri]).get(series_iri, "") if series_iri else ""}
    return {"edition": info, "page": page, "days": days}


def editions(store, iris: list[str]) -> list[dict]:
    """Editions with their name, year, series, first and last day, sessions and people, newest first."""
    if not iris:
        return []
    props = statements(store, iris)
    block = values("edition", iris)
    counts = {r["edition"]: r for r in table(store.query(whole.EDITION_SESSIONS.format(editions=block))).dicts()}
    for row in table(store.query(whole.EDITION_PEOPLE.format(editions=block))).dicts():
        counts.setdefault(row["edition"], {}).update(people=row["people"])
    series = {first(p, SCHEMA.superEvent) for p in props.values()}
    names = labels(store, series)
    out = []
    for iri in iris:
        p = props.get(iri, {})
        s = first(p, SCHEMA.superEvent)
        out.append({"edition": iri, "name": first(p, SCHEMA.name), "year": first(p, SG.year), "series": s,
                    "series_name": names.get(s, ""), "sessions": 0, "people": 0, **counts.get(iri, {})})
    return sorted(out, key=lambda e: (e["year"], e["name"]), reverse=True)


def series(store, iri: str) -> dict | None:
    """The context of a series page: its editions."""
    props = statements(store, [iri]).get(iri, {})
    if str(SCHEMA.EventSeries) not in props.get(RDF_TYPE, []):
        return None
    rows = table(store.query(SERIES_EDITIONS, {ox.Variable("_series"): ox.NamedNode(iri)})).dicts()
    found = [r["edition"] for r in rows]
    charts = [chart(store, "series-roles", iri), chart(store, "series-countries", iri)]
    return {"series": {"name": first(props, SCHEMA.name)}, "editions": editions(store, found), "charts": charts}


