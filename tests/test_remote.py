"""The remote store on real SPARQL servers (Virtuoso, Fuseki, Oxigraph): the embedded store's answers, safe writes,
clear errors."""

from __future__ import annotations

import shutil
import subprocess
from collections import defaultdict
from dataclasses import replace

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

from conftest import SAMPLE, SICW, corpus, tallied
from conftest_servers import FUSEKI_SCRIPT, PASSWORD, SCRIPT, free_port
from graph import remote
from graph.errors import QueryError, QueryTimeout, RemoteStoreError
from graph.export import APPEARANCES, export
from graph.queries import load_queries
from graph.remote import TEMP, RemoteStore
from graph.results import table
from ingest.loader import ingest, site_for
from speakergraph import main

QUERIES = load_queries()
CHANGED = "_2024-events/15 October 2024/Solidarity in Cyberspace: How To Assist Countries in Need.md"


def arguments(store) -> dict[str, str]:
    """A value for every parameter of the stored queries, taken from the data so that rows come back."""
    edition = "sicw/2024"
    session = table(store.query(QUERIES["sessions-of-edition"].text,
                                QUERIES["sessions-of-edition"].bindings({"edition": edition}))).dicts()[0]
    person = table(store.query(QUERIES["repeat-speakers"].text)).dicts()[0]["person"]
    return {"edition": edition, "session": session["session"], "date": session["date"], "person": person,
            "keyword": "cyber", "a": edition, "b": edition}


def rows(store, name: str, args: dict[str, str]) -> tuple[list[str], list[tuple]]:
    """The variables and the rows of a stored query as a sorted multiset of value strings.

    GROUP_CONCAT's order is unspecified in SPARQL, so its parts are sorted too.
    """
    query = QUERIES[name]
    t = table(store.query(query.text, query.bindings({p.name: args[p.name] for p in query.params})))
    return t.variables, sorted(tuple(" | ".join(sorted(v.split(" | "))) for v in row) for row in t.values())


def by_graph(store) -> dict[str, set[str]]:
    graphs = defaultdict(set)
    for q in store.quads():
        graphs[q.graph_name.value].add(str(q.triple))
    return dict(graphs)


def copy_sample(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    return root


# the same answers as the embedded store

@pytest.mark.parametrize("name", sorted(QUERIES))
def test_stored_query_same_rows_on_sample(name, sample_store, server):
    args = arguments(sample_store)
    assert rows(server.holding(SAMPLE), name, args) == rows(sample_store, name, args)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_stored_query_same_rows_on_sicw(name, sicw_store, server):
    args = arguments(sicw_store)
    assert rows(server.holding(corpus(SICW)), name, args) == rows(sicw_store, name, args)


def test_result_types_are_the_embedded_ones(sample_store, server):
    store = server.holding(SAMPLE)
    ask = "ASK { ?s a <https://schema.org/Person> }"
    construct = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5"
    assert isinstance(store.query(ask), ox.QueryBoolean) and bool(store.query(ask))
    assert isinstance(store.query(construct), ox.QueryTriples)
    assert len(list(store.query(construct))) == 5
    assert isinstance(store.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1"), ox.QuerySolutions)


def test_distinct_rows_are_distinct(server):
    # server 7.2.5 sends one of these rows twice (an unbound ?end) unless the store drops the repeat
    rows = table(server.holding(SAMPLE).query(APPEARANCES)).values()
    assert len(rows) == len(set(map(tuple, rows))) > 30


def test_state_changes_when_another_client_writes(server):
    reader = server.holding(SAMPLE)
    before = reader.state()
    assert reader.state() == before
    server.empty()  # another store object, as another process would
    assert reader.state() != before


def test_counts_and_sources_agree(sample_store, server):
    store = server.holding(SAMPLE)
    assert store.count() == sample_store.count()
    assert store.sources() == sample_store.sources()


# export streams from the server

def test_export_turtle_is_isomorphic(sample_store, server):
    ours = rdflib.Graph().parse(data=export(server.holding(SAMPLE), "turtle"), format="turtle")
    theirs = rdflib.Graph().parse(data=export(sample_store, "turtle"), format="turtle")
    assert len(ours) > 1000 and isomorphic(ours, theirs)


@pytest.mark.parametrize("fmt", ["nt", "nquads"])
def test_export_lines_are_identical(fmt, sample_store, server):
    assert export(server.holding(SAMPLE), fmt) == export(sample_store, fmt)


def test_export_csv_has_the_same_rows(sample_store, server):
    def lines(store):
        header, *body = export(store, "csv").decode().splitlines()
        return header, sorted(body)

    assert lines(server.holding(SAMPLE)) == lines(sample_store)


def test_quads_pages_through_graphs_larger_than_a_page(monkeypatch, sample_store, server):
    monkeypatch.setattr(remote, "PAGE", 40)  # the sample has graphs of 20 to 400 triples: every path is taken
    quads = list(server.holding(SAMPLE).quads())
    assert len(quads) == len(set(quads)) == sample_store.count()
    assert set(quads) == set(sample_store.quads())


# ingest idempotence, on both stores

def test_second_ingest_writes_nothing(any_store, tmp_path):
    root = copy_sample(tmp_path)
    first = ingest(any_store, [site_for(root)])
    before, state = by_graph(any_store), any_store.state()
    second = ingest(any_store, [site_for(root)])
    assert first.read > 0 and (second.read, second.unchanged) == (0, first.read)
    assert by_graph(any_store) == before and any_store.state() == state


def test_changed_file_replaces_only_its_graph(any_store, tmp_path):
    root = copy_sample(tmp_path)
    ingest(any_store, [site_for(root)])
    before, state = by_graph(any_store), any_store.state()
    page = root / CHANGED
    page.write_text(page.read_text(encoding="utf-8").replace("Solidarity in Cyberspace", "Solidarity Online"),
                    encoding="utf-8")
    summary = ingest(any_store, [site_for(root)])
    after = by_graph(any_store)
    changed = {g for g in before if before[g] != after.get(g)}
    assert summary.read == 1 and len(changed) == 1 and set(after) == set(before)
    assert any("Solidarity Online" in t for t in after[changed.pop()])
    assert any_store.state() != state


def test_prune_removes_the_graph_of_a_deleted_file(any_store, tmp_path):
    root = copy_sample(tmp_path)
    ingest(any_store, [site_for(root)])
    before = any_store.sources()
    (root / CHANGED).unlink()
    summary = ingest(any_store, [site_for(root)], prune=True)
    after = any_store.sources()
    assert summary.removed == 1 and len(after) == len(before) - 1 and set(after) < set(before)


# nothing half-written

def temporary_graphs(store) -> list[str]:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?temp)) }"
    return [r["g"].value for r in store.query(query, {ox.Variable("temp"): ox.Literal(TEMP)})]


def test_failed_upload_keeps_the_old_graphs(server, tmp_path):
    root = copy_sample(tmp_path)
    ingest(server.empty(), [site_for(root)])
    before = by_graph(server.store())
    page = root / CHANGED
    page.write_text(page.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    broken = server.store(gsp_url=server.url.rsplit("/", 1)[0] + "/no-graph-store-here")
    with pytest.raises(RemoteStoreError, match="no-graph-store-here.*404"):
        ingest(broken, [site_for(root)])
    assert by_graph(server.store()) == before
    assert temporary_graphs(server.store()) == []


def test_a_write_cut_short_is_cleaned_up_by_the_next_writer(server, tmp_path):
    """What a writer killed mid-write leaves (its pending mark, a temporary graph, a half-switched union) is
    cleaned up when the next writer starts."""
    root = copy_sample(tmp_path)
    ingest(server.empty(), [site_for(root)])
    before = by_graph(server.store())
    killed = server.store()
    killed._prepare()
    run = f"{TEMP}cut-short/"
    killed._pending(run, True)
    g = ox.NamedNode("https://w3id.org/speakergraph/id/source/test/cut")
    killed._upload(f"{run}0", [ox.Triple(g, g, ox.Literal("half a write"))])
    killed._client.update(f"DELETE WHERE {{ GRAPH <{remote.UNION}> {{ ?s <https://schema.org/name> ?o }} }}")
    assert temporary_graphs(server.store()) == [f"{run}0"]
    page = root / CHANGED
    page.write_text(page.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    summary = ingest(server.store(), [site_for(root)])
    assert summary.read == 1
    store = server.store()
    assert temporary_graphs(store) == []
    assert not store.query(f"ASK {{ GRAPH <{remote.PENDING}> {{ ?s ?p ?o }} }}")
    union, files = union_and_files(store)
    assert union == files
    after = by_graph(store)
    assert set(after) == set(before) and sum(after[k] != before[k] for k in after) == 1


def test_large_graph_is_uploaded_in_batches(monkeypatch, server):
    monkeypatch.setattr(remote, "UPLOAD_TRIPLES", 7)
    store = server.empty()
    graph = "https://w3id.org/speakergraph/id/source/test/big"
    g, p = ox.NamedNode(graph), ox.NamedNode("https://schema.org/name")
    store.replace({graph: [ox.Quad(g, p, ox.Literal(f"name {i}"), g) for i in range(50)]})
    store.replace({graph: [ox.Quad(g, p, ox.Literal(f"other {i}"), g) for i in range(30)]})
    assert store.count() == 30 and temporary_graphs(store) == []


def test_without_graph_store_it_inserts_in_chunks(monkeypatch, sample_store, server):
    monkeypatch.setattr(remote, "INSERT_TRIPLES", 50)
    server.empty()
    plain = server.store(update_url=server.update_url, gsp_url="")  # as on a server without the GSP
    ingest(plain, [site_for(SAMPLE)])
    server.holds = SAMPLE
    assert plain._client.endpoints.gsp is None
    assert by_graph(plain) == by_graph(sample_store)


# clear errors

def test_unreachable_server_names_the_url_and_the_fix():
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(RemoteStoreError, match=f"cannot reach the SPARQL server at {url}.*is it running"):
        RemoteStore.from_url(url).count()


def test_wrong_password_is_refused_before_anything_is_written(virtuoso):
    virtuoso.empty()
    store = virtuoso.store(password="dba")
    refused = r"sparql-auth refused the credentials \(HTTP 401\).*SPEAKERGRAPH_PASSWORD"
    with pytest.raises(RemoteStoreError, match=refused):
        ingest(store, [site_for(SAMPLE)])
    assert store.count() == 0


def test_no_update_rights_is_a_clear_error(virtuoso):
    anonymous = RemoteStore.from_url(virtuoso.url)
    assert anonymous.count() >= 0  # reading needs no credentials
    with pytest.raises(RemoteStoreError, match="refused to write.*SPEAKERGRAPH_USER"):
        anonymous.remove(["https://w3id.org/speakergraph/id/source/none"])


def test_invalid_query_is_a_query_error(server):
    with pytest.raises(QueryError, match="rejected the query: "):
        server.store().query("SELECT ?x WHERE { ?x ?y }")


def test_time_out_is_a_query_timeout(virtuoso):
    slow = virtuoso.store(timeout="0.05")
    with pytest.raises(QueryTimeout, match="did not answer within 0.05 s"):
        # seconds of bounded work for Virtuoso: its own 2,500-triple system graph with itself, a string
        # comparison per pair (a bare product counted in about 0.1 s, too close to the limit)
        slow.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH <http://www.openlinksw.com/schemas/virtrdf#> "
                   "{ ?a ?b ?c . ?d ?e ?f FILTER(CONCAT(STR(?c), STR(?a)) != CONCAT(STR(?f), STR(?d))) } }")


def test_wrong_path_is_not_an_endpoint(server):
    with pytest.raises(RemoteStoreError, match="no SPARQL endpoint at .*/nothing-here"):
        RemoteStore.from_url(server.url.rsplit("/", 1)[0] + "/nothing-here").count()


@pytest.mark.parametrize("url, message", [
    ("http://dba:dba@127.0.0.1:8890/sparql", "credentials do not belong in the --store URL"),
    ("http:///sparql", "not a SPARQL endpoint URL"),
])
def test_bad_urls_are_refused(url, message):
    with pytest.raises(RemoteStoreError, match=message):
        RemoteStore.from_url(url)


# the command line and the script

def test_cli_ingest_and_query_on_a_server(server, tmp_path):
    server.empty()
    runner = CliRunner()
    env = {"SPEAKERGRAPH_USER": server.options.get("user"), "SPEAKERGRAPH_PASSWORD": server.options.get("password"),
           "SPEAKERGRAPH_STORE": None}
    ingested = runner.invoke(main, ["ingest", str(SAMPLE), "--store", server.url, "-s"], env=env)
    assert ingested.exit_code == 0, ingested.output
    server.holds = SAMPLE
    remote_rows = runner.invoke(main, ["query", "top-countries", "-f", "csv", "--store", server.url], env=env)
    local = str(tmp_path / "store")
    runner.invoke(main, ["ingest", str(SAMPLE), "--store", local, "-s"])
    local_rows = runner.invoke(main, ["query", "top-countries", "-f", "csv", "--store", local])
    assert remote_rows.exit_code == 0 and remote_rows.output == local_rows.output
    assert remote_rows.output.count("\n") > 3


def test_cli_wrong_password_exits_1_with_the_fix(virtuoso):
    virtuoso.empty()  # so that there is something to write
    env = {"SPEAKERGRAPH_USER": "dba", "SPEAKERGRAPH_PASSWORD": "wrong", "SPEAKERGRAPH_STORE": None}
    result = CliRunner().invoke(main, ["ingest", str(SAMPLE), "--store", virtuoso.url, "-s"], env=env)
    assert result.exit_code == 1 and "SPEAKERGRAPH_PASSWORD" in result.output


@pytest.mark.parametrize("name, script", [("virtuoso", SCRIPT), ("fuseki", FUSEKI_SCRIPT)])
def test_script_reports_status(name, script, request, tmp_path):
    started = request.getfixturevalue(name)
    running = subprocess.run(["bash", str(script), "status", str(started.folder)], capture_output=True, text=True)
    assert running.returncode == 0 and started.url in running.stdout
    stopped = subprocess.run(["bash", str(script), "status", str(tmp_path)], capture_output=True, text=True)
    assert stopped.returncode == 3 and "not running" in stopped.stdout


def test_virtuoso_has_the_graph_index(virtuoso):
    """scripts/virtuoso.sh adds RDF_QUAD_GSPO, without which a graph's triples are reached through its subjects'."""
    keys = subprocess.run(["isql-vt", f"127.0.0.1:{virtuoso.port}", "dba", PASSWORD,
                           "exec=SELECT KEY_NAME FROM DB.DBA.SYS_KEYS WHERE KEY_TABLE = 'DB.DBA.RDF_QUAD';"],
                          capture_output=True, text=True, timeout=60)
    assert "RDF_QUAD_GSPO" in keys.stdout, keys.stdout + keys.stderr


@pytest.mark.parametrize("quads", [True, False])
def test_many_files_go_up_in_few_requests(quads, monkeypatch, server):
    """A batch of files is uploaded in a few requests, not one per file (per-file requests cost more than small
    files), and each file lands whole in its graph."""
    sent = []
    store = server.empty()
    store._prepare()
    if not quads:  # the path of servers without a Graph Store of quads or a loader: a staging graph, or INSERT DATA
        monkeypatch.setattr(store._client, "endpoints", replace(store._client.endpoints, gsp_quads=False))
        monkeypatch.setattr(store, "_loader", False)
    for method in ("post_triples", "post_quads", "update", "call"):
        original = getattr(store._client, method)
        monkeypatch.setattr(store._client, method, lambda *a, _o=original, _m=method, **k: (
            sent.append("update" if _m == "call" and "TTLP" not in a[0] else _m), _o(*a, **k)))
    name = ox.NamedNode("https://schema.org/name")
    graphs = {f"https://w3id.org/speakergraph/id/source/test/{i}": [
        ox.Quad(ox.NamedNode(f"https://w3id.org/speakergraph/id/person/p{i % 7}"), name, ox.Literal(f"n{i} {j}"),
                ox.NamedNode(f"https://w3id.org/speakergraph/id/source/test/{i}")) for j in range(i % 5)]
        for i in range(120)}
    store.replace(graphs)
    assert len([m for m in sent if m != "update"]) == 1  # 120 files, 96 of them with triples: one upload
    assert {g: len(q) for g, q in graphs.items() if q} == {g: n for g, n in store._sizes().items() if "/test/" in g}


CAREER = """
@prefix sg: <https://w3id.org/speakergraph/vocab#> . @prefix schema: <https://schema.org/> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://w3id.org/speakergraph/id/test/> . @prefix person: <https://w3id.org/speakergraph/id/person/> .
person:test-p schema:name "P" .
:s1 dcterms:date "2024-01-01"^^xsd:date . :s2 dcterms:date "2024-02-01"^^xsd:date .
:s3 dcterms:date "2024-03-01"^^xsd:date .
:a1 sg:person person:test-p ; sg:session :s1 ; sg:position :x, :y .
:a2 sg:person person:test-p ; sg:session :s2 ; sg:position :y .
:a3 sg:person person:test-p ; sg:session :s3 ; sg:position :z .
:x sg:title "A" ; sg:organisationLabel "Org" .  :y sg:title "B" ; sg:organisationLabel "Org" .
:z sg:title "C" .
person:test-q schema:name "Q" .
:a4 sg:person person:test-q ; sg:session :s1 ; sg:position :x, :y .
:a5 sg:person person:test-q ; sg:session :s3 ; sg:position :y, :x .
# the short joins the ingest writes with each appearance, which the query reads (docs/model.md)
:a1 sg:date "2024-01-01"^^xsd:date ; sg:held "A, Org", "B, Org" .  :a2 sg:date "2024-02-01"^^xsd:date ; sg:held "B, Org" .
:a3 sg:date "2024-03-01"^^xsd:date ; sg:held "C" .
:a4 sg:date "2024-01-01"^^xsd:date ; sg:held "A, Org", "B, Org" .  :a5 sg:date "2024-03-01"^^xsd:date ; sg:held "A, Org", "B, Org" .
person:test-p sg:printedPositions '["A, Org", "B, Org"]', '["B, Org"]', '["C"]' .  person:test-q sg:printedPositions '["A, Org", "B, Org"]' .
"""


def test_career_changes_lists_the_versions_of_people_not_printed_alike_everywhere(any_store):
    graph = ox.NamedNode("https://w3id.org/speakergraph/id/test/career")
    any_store.replace({graph.value: [ox.Quad(t.subject, t.predicate, t.object, graph)
                                     for t in ox.parse(CAREER, format=ox.RdfFormat.TURTLE)]})
    found = {tuple(row[1:]) for row in table(any_store.query(QUERIES["career-changes"].text)).values()}
    # each version of P with its first and last date and how many appearances printed it; a version without
    # organisation is its title; Q, printed with the same two versions at both appearances, did not change
    assert found == {("P", "A, Org", "2024-01-01", "2024-01-01", "1"),
                     ("P", "B, Org", "2024-01-01", "2024-02-01", "2"),
                     ("P", "C", "2024-03-01", "2024-03-01", "1")}


# the union graph: the file graphs' triples once each, as in the embedded store's default graph

def union_and_files(store) -> tuple[set[str], set[str]]:
    """UNION's triples, and those it must hold: the file graphs' triples with their tallies (tests/conftest.py)."""
    union = {str(t) for t in store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{remote.UNION}> {{ ?s ?p ?o }} }}")}
    return union, {str(t) for t in tallied(q.triple for q in store.quads())}


def test_union_follows_ingest_change_and_prune(server, tmp_path):
    root = copy_sample(tmp_path)
    store = server.empty()
    ingest(store, [site_for(root)])
    union, files = union_and_files(store)
    assert len(union) > 1000 and union == files
    page = root / CHANGED
    page.write_text(page.read_text(encoding="utf-8").replace("Solidarity in Cyberspace", "Solidarity Online"),
                    encoding="utf-8")
    ingest(store, [site_for(root)])
    union, files = union_and_files(store)
    assert union == files and any("Solidarity Online" in t for t in union)
    page.unlink()
    ingest(store, [site_for(root)], prune=True)
    assert union_and_files(store)[0] == union_and_files(store)[1] and temporary_graphs(store) == []


def test_queries_see_each_fact_once(sample_store, server):
    names = "SELECT ?n WHERE { ?p <https://schema.org/name> ?n FILTER(?p = ?person) }"
    person = {ox.Variable("person"): ox.NamedNode("https://w3id.org/speakergraph/id/person/tadeusz-chomicki")}
    assert len(list(server.holding(SAMPLE).query(names, person))) == len(list(sample_store.query(names, person))) == 1
    in_files = "SELECT ?n WHERE { GRAPH ?g { ?person <https://schema.org/name> ?n } }"  # names graphs: all of them
    assert len(list(server.store().query(in_files, person))) > 1


def test_store_written_without_the_union_is_read_then_repaired(sample_store, server, tmp_path):
    store = server.holding(SAMPLE)
    store._prepare()  # the update endpoint, then a store as written before the union existed
    store._client.update(f"DROP SILENT GRAPH <{remote.UNION}>")
    old = server.store()
    names = ("SELECT ?n WHERE { <https://w3id.org/speakergraph/id/person/tadeusz-chomicki> "
             "<https://schema.org/name> ?n }")
    if server.name == "virtuoso":  # whose own default graph is every graph: read, repeats and all
        assert len(list(old.query(names))) > 1
        # what the whole-graph writes keep in the union (tallies, display names) is missing until the next write
        assert rows(old, "sessions-of-day", {"date": "2024-10-15"})[1]
    root = copy_sample(tmp_path)
    (root / CHANGED).write_text((root / CHANGED).read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    ingest(old, [site_for(root)])  # the first write makes the union again
    server.holds = None
    union, files = union_and_files(server.store())
    assert union == files
    assert rows(server.store(), "top-countries", {}) == rows(sample_store, "top-countries", {})


def small_graphs(count: int, label: str) -> dict[str, list[ox.Quad]]:
    """``count`` file graphs of 1 to 4 triples whose subjects recur across them (as people do across files)."""
    name = ox.NamedNode("https://schema.org/name")
    graphs = {}
    for i in range(count):
        g = ox.NamedNode(f"https://w3id.org/speakergraph/id/source/test/{i}")
        graphs[g.value] = [ox.Quad(ox.NamedNode(f"https://w3id.org/speakergraph/id/person/p{i % 3}"), name,
                                   ox.Literal(f"{label} {i}.{j}"), g) for j in range(1 + i % 4)]
    return graphs


def test_a_batch_larger_than_a_switch_request(monkeypatch, server):
    monkeypatch.setattr(remote, "MOVE_GRAPHS", 7)  # 20 files: three switch requests
    store = server.empty()
    store.replace(small_graphs(20, "old"))
    new = small_graphs(20, "new")
    store.replace(new)
    assert by_graph(store) == {g: {str(q.triple) for q in quads} for g, quads in new.items()}
    union, files = union_and_files(store)
    assert union == files and temporary_graphs(store) == []


def test_a_switch_that_fails_half_way_leaves_each_file_old_or_new(monkeypatch, server):
    """The server refuses the second of three switch requests: the first batch is new, the others old or gone,
    none half-written, no temporary graph left, the union in step."""
    monkeypatch.setattr(remote, "MOVE_GRAPHS", 7)
    store = server.empty()
    old, new = small_graphs(20, "old"), small_graphs(20, "new")
    store.replace(old)
    calls = []
    update = store._client.update

    def refusing(sparql, idempotent=False):
        if "INSERT { GRAPH ?g" in sparql:  # a switch request
            calls.append(sparql)
            if len(calls) == 2:
                raise RemoteStoreError("the server refused the second switch request")
        return update(sparql, idempotent)

    monkeypatch.setattr(store._client, "update", refusing)
    with pytest.raises(RemoteStoreError, match="second switch"):
        store.replace(new)
    monkeypatch.setattr(store._client, "update", update)
    after = by_graph(server.store())
    for graph in new:
        assert after.get(graph) in (None, {str(q.triple) for q in old[graph]}, {str(q.triple) for q in new[graph]})
    assert sum(after.get(g) == {str(q.triple) for q in new[g]} for g in new) >= 7
    union, files = union_and_files(server.store())
    assert union == files and temporary_graphs(server.store()) == []


TRICKY = ["Zoë O'Brien", 'a "quoted" \\ back\\slash', "two\nlines\tand a tab", "東京 😀", "ends with a quote'",
          "'''", '"""', "\\'''"]


def test_tricky_literals_arrive_as_they_were(server):
    """Quotes, backslashes, line breaks, non-ASCII text reach every server unchanged (on Virtuoso they travel
    inside a SPARQL string to its loader)."""
    store = server.empty()
    graphs = {g: [ox.Quad(ox.NamedNode(g), ox.NamedNode("https://schema.org/name"), ox.Literal(text), ox.NamedNode(g))]
              for g, text in ((f"https://w3id.org/speakergraph/id/source/test/{i}", t) for i, t in enumerate(TRICKY))}
    store.replace(graphs)
    assert by_graph(store) == {g: {str(q.triple) for q in quads} for g, quads in graphs.items()}


def test_virtuoso_loads_through_its_loader(virtuoso):
    """As dba, speakergraph hands Virtuoso's own loader TriG of many files; new graphs go in place, changed ones
    through a temporary graph and the switch, the union in step, no mark or temporary graph left."""
    store = virtuoso.empty()
    store.replace(small_graphs(20, "old"))
    assert store._loader and "TTLP_MT" in remote.upload_path(store)
    new = small_graphs(30, "new")
    store.replace(new)
    assert by_graph(store) == {g: {str(q.triple) for q in quads} for g, quads in new.items()}
    union, files = union_and_files(store)
    assert union == files and temporary_graphs(store) == []
    assert not store.query(f"ASK {{ GRAPH <{remote.PENDING}> {{ ?s ?p ?o }} }}")


def test_a_load_that_fails_half_way_leaves_old_graphs_and_no_new_ones(monkeypatch, virtuoso):
    """The server refuses the second loader request: the files already there keep their old graphs, the new
    files are absent, no temporary graph or mark is left, the union is in step."""
    monkeypatch.setattr(remote, "LOAD_QUADS", 10)
    store = virtuoso.empty()
    old = small_graphs(10, "old")
    store.replace(old)
    calls = []
    call = store._client.call

    def refusing(sparql):
        if "TTLP" in sparql:
            calls.append(sparql)
            if len(calls) == 2:
                raise RemoteStoreError("the server refused the second load")
        return call(sparql)

    monkeypatch.setattr(store._client, "call", refusing)
    with pytest.raises(RemoteStoreError, match="second load"):
        store.replace(small_graphs(25, "new"))
    assert by_graph(virtuoso.store()) == {g: {str(q.triple) for q in quads} for g, quads in old.items()}
    union, files = union_and_files(virtuoso.store())
    assert union == files and temporary_graphs(virtuoso.store()) == []
    assert not virtuoso.store().query(f"ASK {{ GRAPH <{remote.PENDING}> {{ ?s ?p ?o }} }}")


def test_new_graphs_of_a_killed_loader_are_dropped_by_the_next_writer(virtuoso):
    """A writer killed while its new graphs were loaded in place (or a server that crashed before the checkpoint
    made them durable) leaves its mark listing them: the next writer drops them, so no file stays half-written."""
    store = virtuoso.empty()
    store.replace(small_graphs(3, "kept"))
    killed = virtuoso.store()
    killed._prepare()
    run = f"{TEMP}killed/"
    cut = "https://w3id.org/speakergraph/id/source/test/cut"
    killed._pending(run, True, [cut])
    g = ox.NamedNode(cut)
    killed._client.call(remote._load_query([ox.Quad(g, g, ox.Literal("half a file"), g)]))
    virtuoso.store().replace(small_graphs(2, "next"))
    after = by_graph(virtuoso.store())
    assert cut not in after and len(after) == 3
    union, files = union_and_files(virtuoso.store())
    assert union == files
    assert not virtuoso.store().query(f"ASK {{ GRAPH <{remote.PENDING}> {{ ?s ?p ?o }} }}")


def test_a_first_load_checkpoints_once_at_its_end(monkeypatch, virtuoso):
    """In a first load, Virtuoso's checkpoint comes once at the end; until then every write stays marked, so a
    first load cut short is dropped whole by the next writer."""
    store = virtuoso.empty()
    store._prepare()
    calls = []
    call = store._client.call
    monkeypatch.setattr(store._client, "call", lambda sparql: (calls.append(sparql), call(sparql))[1])
    first, second = small_graphs(4, "a"), {g: q for g, q in small_graphs(9, "b").items() if g[-1] in "45678"}
    with store.first_load():
        store.replace(first)
        store.replace(second)
        assert store.query(f"ASK {{ GRAPH <{remote.PENDING}> {{ ?s ?p ?o }} }}")
    assert not store.query(f"ASK {{ GRAPH <{remote.PENDING}> {{ ?s ?p ?o }} }}")
    assert sum("checkpoint" in q for q in calls) == 1
    assert by_graph(store) == {g: {str(q.triple) for q in quads} for g, quads in (first | second).items()}


def test_tallies_of_a_first_load_and_of_removals_are_the_embedded_ones(sample_store, server):
    """A first load counts every country's tallies once at its end; a removal counts its countries again."""
    graphs = defaultdict(list)
    for q in sample_store.quads():
        graphs[q.graph_name.value].append(q)
    names = sorted(graphs)
    store = server.empty()
    with store.first_load():
        store.replace({g: graphs[g] for g in names[::2]})
        store.replace({g: graphs[g] for g in names[1::2]})
    assert rows(store, "top-countries", {}) == rows(sample_store, "top-countries", {})
    union, files = union_and_files(store)
    assert union == files
    store.remove(names[::2])
    union, files = union_and_files(server.store())
    assert union == files and len(files) > 100
