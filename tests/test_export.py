"""Exports: deterministic Turtle that re-parses isomorphically, other RDF formats, the CSV of appearances."""

from __future__ import annotations

import csv
import io

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from conftest import SAMPLE, ingested
from graph.export import CSV_COLUMNS, FORMATS, export, rdflib_graph


def test_turtle_is_byte_identical_across_runs(sample_store):
    again = ingested(SAMPLE)
    assert export(sample_store, "turtle") == export(again, "turtle")


def test_turtle_reparses_isomorphic_with_rdflib_and_pyoxigraph(sample_store):
    data = export(sample_store, "turtle")
    expected = rdflib_graph(sample_store.quads())
    assert isomorphic(rdflib.Graph().parse(data=data, format="turtle"), expected)
    via_ox = rdflib_graph(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())
                          for t in ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert isomorphic(via_ox, expected)


@pytest.mark.parametrize("fmt", ["nt", "nquads", "trig", "jsonld"])
def test_other_formats_parse_back(sample_store, fmt):
    data = export(sample_store, fmt)
    rdflib_fmt = {"nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}[fmt]
    parsed = rdflib.Dataset().parse(data=data, format=rdflib_fmt)
    assert len(parsed) > 0


def test_csv_has_the_documented_columns_and_a_row_per_position(sample_store):
    rows = list(csv.DictReader(io.StringIO(export(sample_store, "csv").decode())))
    assert list(rows[0]) == CSV_COLUMNS
    janil = [r for r in rows if r["name"] == "Janil Puthucheary" and "Can AI" in r["session_title"]]
    assert [(r["title"], r["organisation"], r["role"], r["country"]) for r in janil] == [
        ("Senior Minister of State", "Ministry of Digital Development and Information", "keynote", "SG"),
        ("Senior Minister of State", "Ministry of Health", "keynote", "SG")]
    seed = [r for r in rows if r["session_title"].startswith("Solidarity")]
    assert len(seed) == 6 and {r["start"] for r in seed} == {"16:00:00+08:00"}
    assert {r["role"] for r in rows} <= {"moderator", "panellist", "speaker", "keynote", "guest-of-honour",
                                          "remarks", "other"}
    assert all(r["source"].startswith(("_2024-events/", "_2023-events/")) for r in rows)


def test_formats_are_listed():
    assert set(FORMATS) == {"turtle", "nt", "nquads", "trig", "jsonld", "csv"}
