"""Subset exports: one series, one edition, or a stored query's answer, in every format, from the CLI and the web."""

from __future__ import annotations

import csv
import io

import pytest
import rdflib
from click.testing import CliRunner
from conftest import SAMPLE, ingested

from graph.export import FORMATS
from graph.results import table
from speakergraph import main
from web import create_app

SG = "https://w3id.org/speakergraph/vocab#"
SESSIONS = """PREFIX sg: <https://w3id.org/speakergraph/vocab#> PREFIX schema: <https://schema.org/>
SELECT ?s ?e WHERE { ?s a sg:Session ; schema:superEvent ?e }"""
EDITION = "https://w3id.org/speakergraph/id/edition/sicw/"
PARSE = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


@pytest.fixture(scope="module")
def location(tmp_path_factory):
    path = tmp_path_factory.mktemp("subset") / "store"
    ingested(SAMPLE, location=path).close()
    return path


@pytest.fixture(scope="module")
def sessions(location):
    from graph.store import open_store

    store = open_store(location, read_only=True)
    found = {}
    for r in table(store.query(SESSIONS)).dicts():
        found.setdefault(r["e"], set()).add(r["s"])
    store.close()
    return found


def run(location, *args) -> bytes:
    result = CliRunner().invoke(main, ["export", "--store", str(location), *args])
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def sessions_in(data: bytes, fmt: str) -> set[str]:
    graph = rdflib.Dataset() if fmt in ("nquads", "trig") else rdflib.Graph()
    graph.parse(data=data, format=PARSE[fmt])
    triples = graph.quads((None, rdflib.RDF.type, rdflib.URIRef(SG + "Session"), None)) if fmt in ("nquads", "trig") \
        else graph.triples((None, rdflib.RDF.type, rdflib.URIRef(SG + "Session")))
    return {str(t[0]) for t in triples}


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "csv"])
@pytest.mark.parametrize("edition", ["sicw/2023", "sicw/2024"])
def test_an_edition_exports_exactly_its_sessions_in_every_format(location, sessions, fmt, edition):
    data = run(location, "--format", fmt, "--edition", edition)
    assert sessions_in(data, fmt) == sessions[EDITION + edition.split("/")[1]]


def test_an_edition_typed_as_a_name_and_its_csv(location, sessions):
    data = run(location, "--format", "csv", "--edition", "Singapore International Cyber Week 2023")
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    assert {r["session"] for r in rows} == sessions[EDITION + "2023"]
    whole = list(csv.DictReader(io.StringIO(run(location, "--format", "csv").decode())))
    assert rows == [r for r in whole if r["session"] in sessions[EDITION + "2023"]]


def test_a_series_exports_all_its_editions(location, sessions):
    got = sessions_in(run(location, "--format", "turtle", "--series", "sicw"), "turtle")
    assert got == set().union(*sessions.values())


def test_a_query_exports_the_sessions_and_people_of_its_answer(location, sessions):
    data = run(location, "--format", "nquads", "--query", "career", "--param", "person=Tadeusz Chomicki")
    got = sessions_in(data, "nquads")
    career = CliRunner().invoke(main, ["query", "career", "--store", str(location), "--param",
                                       "person=tadeusz-chomicki", "--format", "csv"])
    assert got == {r["session"] for r in csv.DictReader(io.StringIO(career.output))}
    assert any("2023" in s for s in got) and any("2024" in s for s in got)
    graph = rdflib.Dataset()
    graph.parse(data=data, format="nquads")
    assert any(graph.quads((None, None, rdflib.Literal("Tadeusz Chomicki"), None)))


@pytest.mark.parametrize("args, message", [
    (["--edition", "sicw/2023", "--series", "sicw"], "give one subset at a time"),
    (["--param", "person=x"], "--param goes with --query"),
    (["--edition", "nowhere/1999"], "no edition is called or keyed"),
    (["--query", "career", "--param", "person=nobody at all"], "no person is called"),
])
def test_bad_subset_options(location, args, message):
    result = CliRunner().invoke(main, ["export", "--store", str(location), *args])
    assert result.exit_code in (1, 2) and message in result.output


def test_web_subsets_match_the_cli(location):
    client = create_app({"STORE": str(location)}).test_client()
    for query, args in [("edition=sicw/2024", ["--edition", "sicw/2024"]), ("series=sicw", ["--series", "sicw"]),
                        ("query=career&person=tadeusz-chomicki", ["--query", "career", "--param",
                                                                   "person=tadeusz-chomicki"])]:
        answer = client.get(f"/dataset/subset.ttl?{query}")
        assert answer.status_code == 200 and answer.headers["Content-Disposition"].startswith("attachment")
        assert answer.data == run(location, "--format", "turtle", *args)
    assert client.get("/dataset/subset.ttl").status_code == 400
    assert client.get("/dataset/subset.ttl?edition=sicw").status_code == 400  # a series key is no edition
    assert client.get("/dataset/subset.exe?edition=sicw/2024").status_code == 404
