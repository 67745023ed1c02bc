"""Linked-data views: content negotiation on our IRIs, and what a description holds."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from graph import ids
from web import create_app
from web.entity import split_suffix

SG = rdflib.Namespace("https://w3id.org/speakergraph/vocab#")
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SCHEMA = rdflib.Namespace("https://schema.org/")

PERSON = ids.person("maria-adebahr")
SESSION = ids.session("sicw", "2024-10-15", "solidarity-in-cyberspace-how-to-assist-countries-in-need")
ORGANISATION = ids.organisation("federal-foreign-office-de")
ENTITIES = [PERSON, SESSION, ORGANISATION]

FORMATS = [("text/turtle", "ttl", "turtle"), ("application/ld+json", "jsonld", "json-ld"),
           ("application/n-triples", "nt", "nt")]
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@pytest.fixture(scope="module")
def client(sample_store):
    return create_app({"STORE": sample_store}).test_client()


def route(iri: str) -> str:
    return "/id/" + iri[len(ids.BASE):]


def parse(response, rdflib_format: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=response.data, format=rdflib_format)


@pytest.mark.parametrize("iri", ENTITIES)
@pytest.mark.parametrize("mime,suffix,rdflib_format", FORMATS)
def test_accept_header_and_suffix_give_the_same_description(client, iri, mime, suffix, rdflib_format):
    by_accept = client.get(route(iri), headers={"Accept": mime})
    by_suffix = client.get(f"{route(iri)}.{suffix}")
    assert by_accept.status_code == by_suffix.status_code == 200
    assert by_accept.mimetype == by_suffix.mimetype == mime
    assert "Accept" in by_accept.headers["Vary"]
    graph = parse(by_accept, rdflib_format)
    assert isomorphic(graph, parse(by_suffix, rdflib_format))
    assert (rdflib.URIRef(iri), None, None) in graph


@pytest.mark.parametrize("iri", ENTITIES)
@pytest.mark.parametrize("accept", [BROWSER, "*/*", ""])
def test_browsers_and_unspecific_clients_get_html(client, iri, accept):
    response = client.get(route(iri), headers={"Accept": accept} if accept else {})
    assert response.status_code == 200 and response.mimetype == "text/html"
    assert f'href="{route(iri)}.ttl"' in response.get_data(as_text=True)


def test_json_clients_get_json_ld(client):
    response = client.get(route(PERSON), headers={"Accept": "application/json"})
    assert response.mimetype == "application/ld+json"


def test_person_description_reaches_appearances_and_sessions(client):
    graph = parse(client.get(route(PERSON) + ".ttl"), "turtle")
    person = rdflib.URIRef(PERSON)
    appearances = set(graph.subjects(SG.person, person))
    assert appearances, "the appearances pointing at the person"
    sessions = {graph.value(a, SG.session) for a in appearances}
    assert rdflib.URIRef(SESSION) in sessions
    assert graph.value(rdflib.URIRef(SESSION), SCHEMA.name) is not None  # labelled, not a bare IRI


def test_session_description_reaches_its_people(client):
    graph = parse(client.get(route(SESSION) + ".nt"), "nt")
    people = {graph.value(a, SG.person) for a in graph.subjects(SG.session, rdflib.URIRef(SESSION))}
    assert rdflib.URIRef(PERSON) in people and rdflib.URIRef(ids.person("tadeusz-chomicki")) in people


def test_organisation_description_holds_the_positions_at_it(client):
    graph = parse(client.get(route(ORGANISATION) + ".jsonld"), "json-ld")
    positions = set(graph.subjects(ORG.organization, rdflib.URIRef(ORGANISATION)))
    assert positions and all(graph.value(p, SG.title) for p in positions)


def test_every_kind_of_iri_dereferences(client, sample_store):
    query = "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?s), ?base)) }"
    subjects = [row["s"].value for row in sample_store.query(query, {ox.Variable("base"): ox.Literal(ids.BASE)})]
    seen = set()
    for iri in subjects:
        kind = ids.split(iri)[0]
        if kind in seen:
            continue
        seen.add(kind)
        assert client.get(route(iri)).status_code == 200, iri
        assert client.get(route(iri) + ".ttl").status_code == 200, iri
    assert {"person", "session", "edition", "series", "org", "country", "appearance", "position", "source",
            "role"} <= seen


def test_unknown_resources_are_404_in_every_format(client):
    for suffix in ("", ".ttl", ".jsonld", ".nt"):
        assert client.get(f"/id/person/nobody-at-all{suffix}").status_code == 404


def test_split_suffix_only_takes_known_suffixes():
    assert split_suffix("sicw/2024-10-15/a.b") == ("sicw/2024-10-15/a.b", None)
    assert split_suffix("maria-adebahr.nt") == ("maria-adebahr", "nt")
