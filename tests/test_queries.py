"""Every stored query has a title, parses, and returns rows on the sample; parameters are bound safely."""

from __future__ import annotations

import re

import pytest

from graph.errors import QueryParameterError
from graph.queries import QUERIES, load_queries
from graph.results import table

STORED = load_queries(QUERIES)


def example_values(query):
    """Parameter values from the '(e.g. …)' in each parameter's description."""
    values = {}
    for param in query.params:
        m = re.search(r"e\.g\. ([^)\s]+)", param.description)
        assert m, f"{query.name}: parameter {param.name} has no '(e.g. …)' example in its description"
        values[param.name] = m.group(1)
    return values


def test_there_are_stored_queries():
    assert len(STORED) >= 10


@pytest.mark.parametrize("name", sorted(STORED))
def test_stored_query_has_title_and_description(name):
    assert STORED[name].title and STORED[name].description


@pytest.mark.parametrize("name", sorted(STORED))
def test_stored_query_runs_on_the_sample(name, sample_store):
    query = STORED[name]
    result = table(sample_store.query(query.text, query.bindings(example_values(query))))
    assert result.rows, f"{name} returned no rows on the bundled sample"


@pytest.mark.parametrize("name", sorted(STORED))
def test_stored_query_runs_on_the_corpus(name, sicw_store):
    query = STORED[name]
    result = table(sicw_store.query(query.text, query.bindings(example_values(query))))
    if name != "multi-edition-people":  # the real corpus holds one edition only
        assert result.rows, f"{name} returned no rows on the sicw-2024 corpus"


def test_missing_and_unknown_parameters_name_the_fix():
    query = STORED["person-appearances"]
    with pytest.raises(QueryParameterError, match="--param person="):
        query.bindings({})
    with pytest.raises(QueryParameterError, match="no parameter 'nobody'"):
        query.bindings({"person": "x", "nobody": "y"})


def test_hostile_parameter_cannot_change_the_query(sample_store):
    query = STORED["search-sessions"]
    for evil in ['"} UNION { ?session ?p ?o } #', "quantum\" ) || true || (\"", "}}}\n{{{", "' UNION '"]:
        rows = table(sample_store.query(query.text, query.bindings({"keyword": evil}))).rows
        assert rows == []


def run(store, name, **params):
    query = STORED[name]
    return table(store.query(query.text, query.bindings(params))).dicts()


def test_parameters_reach_sub_selects(sample_store):
    rows = run(sample_store, "person-appearances", person="janil-puthucheary")
    assert [(r["title"], r["role"], r["country"]) for r in rows] == [
        ("High–Level Panel: Can AI be Secure?", "keynote", "SG"),
        ("Securing Smart Cities", "guest-of-honour", "SG")]
    assert rows[0]["positions"].count("Senior Minister of State") == 2


def test_session_speakers_of_the_seed_panel(sample_store):
    rows = run(sample_store, "session-speakers",
               session="sicw/2024-10-15/solidarity-in-cyberspace-how-to-assist-countries-in-need")
    assert [(r["role"], r["name"], r["country"]) for r in rows] == [
        ("panellist", "Manon Le Blanc", "EU"), ("panellist", "Larissa Schneider Calza", "BR"),
        ("panellist", "Maria Adebahr", "DE"), ("panellist", "Sithuraj Ponraj", "SG"),
        ("panellist", "Liesyl Franz", "US"), ("moderator", "Tadeusz Chomicki", "PL")]


def test_career_changes_and_editions_on_the_sample(sample_store):
    changed = {r["name"] for r in run(sample_store, "career-changes")}
    assert "Tadeusz Chomicki" in changed
    editions = {r["name"]: r["editions"] for r in run(sample_store, "multi-edition-people")}
    assert editions == {"Tadeusz Chomicki": "2", "Liesyl Franz": "2", "Sithuraj Ponraj": "2"}
