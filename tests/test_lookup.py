"""Typed names for stored-query parameters: keys, IRIs, names, parts of names, close spellings, choices."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from conftest import SAMPLE, ingested

from graph import lookup
from graph.errors import QueryParameterError
from graph.lookup import Match, find
from speakergraph import main

PEOPLE = [Match("https://w3id.org/speakergraph/id/person/janil-puthucheary", "janil-puthucheary", "Janil Puthucheary"),
          Match("https://w3id.org/speakergraph/id/person/jan-ng", "jan-ng", "Jan Ng"),
          Match("https://w3id.org/speakergraph/id/person/agnes-kasper", "agnes-kasper", "Ágnes Kasper")]


@pytest.mark.parametrize("typed, keys", [
    ("janil-puthucheary", ["janil-puthucheary"]),
    ("https://w3id.org/speakergraph/id/person/jan-ng", ["jan-ng"]),
    ("Janil Puthucheary", ["janil-puthucheary"]),
    ("agnes KASPER", ["agnes-kasper"]),          # accents and case folded
    ("jan puth", ["janil-puthucheary"]),         # every word starts a word of the name
    ("jan", ["jan-ng", "janil-puthucheary"]),    # several fit: a choice
    ("Puthuchery", ["janil-puthucheary"]),       # a letter missing
    ("zzzz", []),
    ("", []),
])
def test_find(typed, keys):
    assert sorted(m.key for m in find(PEOPLE, typed)) == keys


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    location = tmp_path_factory.mktemp("lookup") / "store"
    s = ingested(SAMPLE, location=location)
    yield s
    s.close()


def test_entities_of_each_kind_have_keys_and_labels(store):
    people = lookup.entities(store, "person")
    assert Match("https://w3id.org/speakergraph/id/person/maria-adebahr", "maria-adebahr", "Maria Adebahr") in people
    editions = {m.key: m.label for m in lookup.entities(store, "edition")}
    assert editions == {"sicw/2023": "Singapore International Cyber Week 2023",
                        "sicw/2024": "Singapore International Cyber Week 2024"}
    assert any(m.key == "SG" for m in lookup.entities(store, "country"))


def test_resolve_replaces_names_keeps_other_types_and_refuses_nothing(store):
    kinds = {"person": "person", "year": "integer"}
    values, choices = lookup.resolve(store, kinds, {"person": "adebahr", "year": "2024"})
    assert values == {"person": "https://w3id.org/speakergraph/id/person/maria-adebahr", "year": "2024"}
    assert choices == {}
    with pytest.raises(QueryParameterError, match="no person is called or keyed 'nobody at all'"):
        lookup.resolve(store, kinds, {"person": "nobody at all"})


def test_cli_takes_a_name_and_lists_choices(store, tmp_path):
    location = str(store.location) if hasattr(store, "location") else None
    runner = CliRunner()
    named = runner.invoke(main, ["query", "career", "--store", location, "--param", "person=Maria Adebahr",
                                 "--format", "csv"])
    assert named.exit_code == 0, named.output
    assert "Federal Foreign Office" in named.output
    edition = runner.invoke(main, ["query", "sessions-of-edition", "--store", location,
                                   "--param", "edition=Singapore International Cyber Week 2023", "--format", "csv"])
    assert edition.exit_code == 0 and "Cyber Norms in Practice" in edition.output
    several = runner.invoke(main, ["query", "career", "--store", location, "--param", "person=ma"])
    assert several.exit_code == 1 and "give one of these keys" in several.output
    assert "maria-adebahr" in several.output
