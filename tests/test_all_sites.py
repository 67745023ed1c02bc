"""Every real source in one store, each through its profile (the drafted one where it is enough), and every
stored query answering across them: the point of bringing many sites in."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DJANGOCON, SICW, corpus

from graph.queries import load_queries
from graph.report import counts
from graph.results import table
from graph.store import open_store
from ingest import draft
from ingest.loader import ingest, site_for
from ingest.tidy import not_a_person

SITES = SICW.parent / "sites"
PROFILES = Path(__file__).parent / "profiles"
# source folder -> its profile in tests/profiles (None: the drafted profile alone)
SOURCES = {
    "AFPy__pyconfr-2024": None, "AFPy__pyconfr-2025": None, "FelixU__31C3-Fahrplan": None,
    "CIRCL__cti-summit": "cti-summit", "GSA__digitalgov.gov": "digitalgov", "OSGeo-US__fedgeoday.us": "fedgeoday",
    "BabaSanfour__harms-risks-military-ai.github.io": "harms-risks", "OpenDDD__dddmelbourne-website": "ddd-melbourne",
    "OpenDDD__dddmelbourne-website-2024": "dddmelbourne-sessionize", "isomerpages__mpa-par": "mpa-par",
    "isomerpages__mci-scai": "mci-scai", "isomerpages__isomerpages-govtech": "govtech",
    "nordic-rse__nordic-rse.github.io": "nordic-rse",
}
PERSON_NAMES = """PREFIX schema: <https://schema.org/> PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?name WHERE { ?a sg:person ?p . ?p schema:name ?name }"""
EXAMPLES = {"person": "maria-adebahr", "edition": "sicw/2024", "a": "afpy-pyconfr/2024", "b": "afpy-pyconfr/2025",
            "session": "sicw/2024-10-15/solidarity-in-cyberspace-how-to-assist-countries-in-need", "org": None, "country": "SG", "series": "sicw", "integer": "2024", "date": "2024-10-15",
            "string": "security"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    corpus(SITES)
    folder = tmp_path_factory.mktemp("all")
    sites = [site_for(corpus(SICW)), site_for(corpus(DJANGOCON))]
    for name, profile in SOURCES.items():
        root = SITES / name
        if profile is None:
            path = folder / f"{name}.toml"
            path.write_text(draft.render(draft.settle(draft.draft(root))), encoding="utf-8")
        else:
            path = PROFILES / f"{profile}.toml"
        sites.append(site_for(root, profile_path=path))
    db = open_store(folder / "store")
    summary = ingest(db, sites)
    assert summary.failed == 0
    return db


def test_every_source_lands(store):
    series = {r["s"].rsplit("/", 1)[-1] for r in table(store.query(
        "SELECT DISTINCT ?s WHERE { ?s a <https://schema.org/EventSeries> }")).dicts()}
    assert len(series) >= 12 and {"sicw", "djangocon"} <= series
    numbers = counts(store)
    assert numbers["sessions"] > 1000 and numbers["appearances"] > 1500 and numbers["people"] > 1000


def test_no_person_is_a_heading_a_job_title_or_an_organisation(store):
    names = [r["name"] for r in table(store.query(PERSON_NAMES)).dicts()]
    assert [n for n in names if not_a_person(n)] == []


@pytest.mark.parametrize("name", sorted(load_queries()))
def test_every_stored_query_answers_across_the_sites(store, name):
    query = load_queries()[name]
    values = {}
    for param in query.params:
        values[param.name] = EXAMPLES.get(param.name) or EXAMPLES[param.type]
    table(store.query(query.text, query.bindings(values)))  # answers, without an error, over every site


def test_identity_across_editions_of_a_source(store):
    """pretalx codes across the two PyConFR editions; DDD Melbourne names across eleven editions."""
    query = load_queries()["edition-comparison"]
    rows = table(store.query(query.text, query.bindings({"a": "afpy-pyconfr/2024", "b": "afpy-pyconfr/2025"}))).dicts()
    assert sum(1 for r in rows if r["at_a"] == r["at_b"] == "1") == 19
    editions = table(store.query("""PREFIX schema: <https://schema.org/> PREFIX sg: <https://w3id.org/speakergraph/vocab#>
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?a sg:person ?p ; sg:session/schema:superEvent ?e .
        ?p schema:name "Aaron Powell" . ?e schema:superEvent <https://w3id.org/speakergraph/id/series/dddmelbourne> }""")
    ).dicts()
    assert int(editions[0]["n"]) == 9
