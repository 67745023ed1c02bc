"""The network, central and path commands, on a store ingested into a temporary folder."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner

from conftest import SAMPLE, SICW, corpus
from speakergraph import main


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The SICW corpus (or the sample, when the corpus is absent) ingested by the CLI into a folder."""
    location = str(tmp_path_factory.mktemp("network") / "store")
    source = SICW if SICW.is_dir() else SAMPLE
    result = CliRunner().invoke(main, ["ingest", "--store", location, "-s", str(source)])
    assert result.exit_code == 0, result.output
    return location


def run(*args):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_writes_a_gephi_file(store, tmp_path, fmt):
    out = tmp_path / f"people.{fmt}"
    result = run("network", "--store", store, "-o", str(out))
    assert result.exit_code == 0, result.output
    graph = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
    assert f"people network: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges" in result.stderr
    assert graph.number_of_edges() > 0


def test_network_filters_and_formats(store):
    result = run("network", "--store", store, "--kind", "countries", "--year", "2024", "--role", "panellist",
                 "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Source,Target,Weight")
    assert "(year 2024, role panellist)" in result.stderr


def test_network_json_to_stdout(store):
    result = run("network", "--store", store, "--kind", "organisations", "-f", "json")
    graph = nx.node_link_graph(json.loads(result.stdout), edges="links")
    assert {d["kind"] for _, d in graph.nodes(data=True)} == {"org"}


@pytest.mark.parametrize("measure", ["degree", "weighted", "betweenness", "pagerank", "eigenvector"])
def test_central_lists_the_top_nodes(store, measure):
    result = run("central", "--store", store, "--measure", measure, "--top", "3")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and lines[0].split()[0] == "1"
    assert "<https://w3id.org/speakergraph/id/person/" in lines[0]


def test_path_prints_each_step_with_its_sessions(store):
    corpus(SICW)
    result = run("path", "--store", store, "maria-adebahr", "janil-puthucheary")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "Maria Adebahr" and lines[-1] == "Janil Puthucheary"
    assert any(line.startswith("  ↓ ") for line in lines)
    assert result.stderr.strip().endswith("steps")


@pytest.mark.parametrize("args, message", [
    (["maria-adebah", "liesyl-franz"], "did you mean 'maria-adebahr'"),
    (["nobody-at-all", "liesyl-franz"], "'nobody-at-all' is not in the people network"),
])
def test_path_errors_exit_1_with_the_fix(store, args, message):
    result = run("path", "--store", store, *args)
    assert result.exit_code == 1
    assert message in result.stderr


def test_misuse_exits_2(store):
    assert run("central", "--store", store, "--measure", "closeness").exit_code == 2
    assert run("network", "--store", store, "--kind", "sessions").exit_code == 2


def test_edition_and_country_may_be_typed_as_names(tmp_path):
    from conftest import SAMPLE, ingested

    location = tmp_path / "store"
    ingested(SAMPLE, location=location).close()
    runner = CliRunner()
    by_name = runner.invoke(main, ["central", "--store", str(location), "--country", "Singapore",
                                   "--edition", "Singapore International Cyber Week 2024", "--top", "50"])
    by_key = runner.invoke(main, ["central", "--store", str(location), "--country", "SG", "--edition", "sicw/2024",
                                  "--top", "50"])
    assert by_name.exit_code == by_key.exit_code == 0, by_name.output
    assert by_name.output == by_key.output and "person" in by_name.output
    unknown = runner.invoke(main, ["central", "--store", str(location), "--country", "Narnia"])
    assert unknown.exit_code == 1 and "no country is called" in unknown.output
