"""The web app's pages through Flask's test client, on the bundled sample."""

from __future__ import annotations

import csv
import io
import json

from urllib.parse import quote

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph import ids
from graph.results import table
from web import create_app

SESSION = "sicw/2024-10-15/solidarity-in-cyberspace-how-to-assist-countries-in-need"

# every route, with a status and a media type: (path, status, mimetype)
ROUTES = [
    ("/", 200, "text/html"),
    ("/search", 200, "text/html"),
    ("/search?q=chomicki", 200, "text/html"),
    ("/search?q=cyber&kind=session", 200, "text/html"),
    ("/people", 200, "text/html"),
    ("/people?role=moderator&edition=sicw/2024", 200, "text/html"),
    ("/people?org=..%2F..%2Fetc", 400, "text/html"),
    ("/people?country=%3Cscript%3E", 400, "text/html"),
    ("/people/values/org", 200, "text/html"),
    ("/people/values/org?country=SG", 200, "text/html"),
    ("/people/values/nope", 404, "text/html"),
    ("/people/values/role?country=%3Cscript%3E", 400, "text/html"),
    ("/queries", 200, "text/html"),
    ("/queries/moderators", 200, "text/html"),
    ("/queries/co-panellists", 200, "text/html"),
    ("/queries/co-panellists?person=tadeusz-chomicki", 200, "text/html"),
    ("/queries/sessions-of-day?date=not-a-date", 400, "text/html"),
    ("/queries/moderators.csv", 200, "text/csv"),
    ("/queries/moderators.json", 200, "application/sparql-results+json"),
    ("/queries/co-panellists.csv", 400, "text/plain"),
    ("/queries/nope", 404, "text/html"),
    ("/queries/..%2F..%2Fpyproject.toml", 404, "text/html"),
    ("/sparql", 200, "text/html"),
    ("/dataset", 200, "text/html"),
    ("/dataset/speakergraph.ttl", 200, "text/turtle"),
    ("/dataset/speakergraph.nq", 200, "application/n-quads"),
    ("/dataset/speakergraph.nt", 200, "application/n-triples"),
    ("/dataset/speakergraph.jsonld", 200, "application/ld+json"),
    ("/dataset/appearances.csv", 200, "text/csv"),
    ("/dataset/void.ttl", 200, "text/turtle"),
    ("/dataset/..%2Fpyproject.toml", 404, "text/html"),
    ("/.well-known/void", 302, "text/html"),
    ("/id/person/tadeusz-chomicki", 200, "text/html"),
    ("/id/person/tadeusz-chomicki.ttl", 200, "text/turtle"),
    ("/id/person/tadeusz-chomicki.jsonld", 200, "application/ld+json"),
    ("/id/person/tadeusz-chomicki.nt", 200, "application/n-triples"),
    (f"/id/session/{SESSION}", 200, "text/html"),
    ("/id/edition/sicw/2024", 200, "text/html"),
    ("/id/series/sicw", 200, "text/html"),
    ("/id/org/federal-foreign-office-de", 200, "text/html"),
    ("/id/country/PL", 200, "text/html"),
    ("/id/role/moderator", 200, "text/html"),
    ("/id/person/nobody", 404, "text/html"),
    ("/id/person/nobody.ttl", 404, "text/html"),
    ("/id/unknown-kind/x", 404, "text/html"),
    ("/id/person/a%20b", 404, "text/html"),
    ("/id/person/%3Cscript%3E.ttl", 404, "text/html"),
    ("/id/session/%7Bx%7D/y", 404, "text/html"),
    ("/static/style.css", 200, "text/css"),
    ("/static/sparql.js", 200, "text/javascript"),
    ("/no/such/page", 404, "text/html"),
    ("/network", 200, "text/html"),
    ("/compare", 200, "text/html"),
    ("/dataset/subset.ttl?edition=sicw/2024", 200, "text/turtle"),
    ("/dataset/subset.csv?query=career&person=maria-adebahr", 200, "text/csv"),
    ("/dataset/subset.ttl", 400, "text/plain"),
    ("/compare?a=sicw/2023&b=sicw/2024", 200, "text/html"),
    ("/report", 200, "text/html"),
    ("/charts/series-roles.csv?of=sicw", 200, "text/csv"),
    ("/charts/editions.csv", 200, "text/csv"),
    ("/queries/-/lookup?kind=person&q=adeb", 200, "application/json"),
    ("/queries/-/lookup?kind=nothing&q=adeb", 400, "text/html"),
    ("/queries/career?person=Maria+Adebahr", 200, "text/html"),
    ("/queries/career?person=nobody+at+all", 400, "text/html"),
    ("/network?kind=countries&year=2024&measure=betweenness", 200, "text/html"),
    ("/network?kind=sessions", 200, "text/html"),  # a message on the page; the data are 400
    ("/network/data.json?kind=sessions", 400, "text/html"),
    ("/network/data.json?kind=organisations", 200, "application/json"),
    ("/network/person/tadeusz-chomicki.json", 200, "application/json"),
    ("/network/person/nobody.json", 404, "text/html"),
    ("/network/export.gexf", 200, "application/gexf+xml"),
    ("/network/path?from=tadeusz-chomicki&to=maria-adebahr", 200, "text/html"),
    ("/network/assets/other.js", 404, "text/html"),
]


@pytest.fixture(scope="module")
def app(sample_store):
    return create_app({"STORE": sample_store, "PAGE_SIZE": 5})


@pytest.fixture()
def client(app):
    return app.test_client()


@pytest.mark.parametrize("path,status,mimetype", ROUTES)
def test_every_route_answers_with_its_status_and_type(client, path, status, mimetype):
    response = client.get(path)
    assert response.status_code == status, response.data[:500]
    assert response.mimetype == mimetype


def test_every_rule_of_the_app_is_covered_by_a_route_test(app):
    tested = {path.split("?")[0] for path, _, _ in ROUTES}
    adapter = app.url_map.bind("localhost")
    for rule in app.url_map.iter_rules():
        assert any(adapter.test(path) and adapter.match(path)[0] == rule.endpoint for path in tested), rule


@pytest.mark.parametrize("path", ["/", "/id/person/tadeusz-chomicki", "/sparql", "/dataset/void.ttl",
                                  "/queries/moderators.csv"])
def test_security_headers_are_on_every_response(client, path):
    headers = client.get(path).headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_scripts_or_styles(client):
    for path in ("/", "/sparql", "/id/person/tadeusz-chomicki", "/people", "/queries/moderators"):
        html = client.get(path).get_data(as_text=True)
        assert "<script>" not in html and "style=" not in html and "onclick" not in html


def test_home_shows_counts_and_editions(client, sample_store):
    from graph.report import counts

    html = client.get("/").get_data(as_text=True)
    numbers = counts(sample_store)
    assert f"<b>{numbers['people']}</b>" in html
    assert 'href="/id/edition/sicw/2024"' in html
    assert 'action="/search"' in html


def test_search_is_accent_and_case_insensitive_and_ranked(client):
    html = client.get("/search?q=LEONARD").get_data(as_text=True)
    assert 'href="/id/person/leonard-rolland"' in html and "Léonard Rolland" in html
    html = client.get("/search?q=chomiki").get_data(as_text=True)  # a typo
    assert 'href="/id/person/tadeusz-chomicki"' in html
    html = client.get("/search?q=ministry+of+foreign+affairs").get_data(as_text=True)
    hits = html.split('<ol class="hits"')[1]
    first = hits.index("/id/org/")
    assert "/id/person/" not in hits[:first], "an organisation matching every word comes first"


def test_search_finds_sessions_by_title_words_and_filters_by_kind(client):
    html = client.get("/search?q=smart+cities&kind=session").get_data(as_text=True)
    assert 'href="/id/session/sicw/2024-10-17/securing-smart-cities"' in html
    assert "/id/person/" not in html.split('<ol class="hits"')[1]


def test_long_lists_are_paged(client):
    first = client.get("/people").get_data(as_text=True)
    second = client.get("/people?page=2").get_data(as_text=True)
    assert 'rel="next"' in first and "page 1 of" in first
    assert "page 2 of" in second
    people = lambda html: {line for line in html.splitlines() if 'href="/id/person/' in line}  # noqa: E731
    assert people(first).isdisjoint(people(second))
    assert client.get("/people?page=999").status_code == 200


def test_person_page_has_timeline_co_panellists_and_sources(client):
    html = client.get("/id/person/maria-adebahr").get_data(as_text=True)
    assert f'href="/id/session/{SESSION}"' in html
    assert "Panellist" in html and "H.E." in html and "Federal Foreign Office" in html
    co_panellists = "".join(client.get(f"/id/person/maria-adebahr?cpage={n}").get_data(as_text=True).split(
        "<h2>Co-panellists</h2>")[1] for n in (1, 2, 3))
    assert 'href="/id/person/tadeusz-chomicki"' in co_panellists
    assert "Solidarity in Cyberspace: How To Assist Countries in Need</a>:" in html  # source page and line
    assert 'href="/queries/person-appearances?person=maria-adebahr"' in html


def test_session_page_groups_speakers_by_role_in_page_order(client):
    html = client.get(f"/id/session/{SESSION}").get_data(as_text=True)
    assert html.index("<h3>Panellists</h3>") < html.index("<h3>Moderator</h3>")
    assert "16:00–17:30" in html and "Tuesday" in html
    assert 'href="/id/person/tadeusz-chomicki"' in html and 'href="/id/edition/sicw/2024"' in html


def test_organisation_and_country_pages_list_people_and_sessions(client):
    html = client.get("/id/org/federal-foreign-office-de").get_data(as_text=True)
    assert 'href="/id/person/maria-adebahr"' in html and f'href="/id/session/{SESSION}"' in html
    assert 'href="/id/country/DE"' in html and "2024" in html
    html = client.get("/id/country/DE").get_data(as_text=True)
    assert 'href="/id/person/maria-adebahr"' in html and 'href="/id/org/federal-foreign-office-de"' in html


def test_edition_and_series_pages(client):
    html = client.get("/id/edition/sicw/2024").get_data(as_text=True)
    assert "Tuesday 15 October 2024" in html and f'href="/id/session/{SESSION}"' in html
    assert 'href="/id/edition/sicw/2024"' in client.get("/id/series/sicw").get_data(as_text=True)


def test_stored_query_page_runs_with_its_parameter_and_links_downloads(client):
    html = client.get("/queries/co-panellists?person=tadeusz-chomicki").get_data(as_text=True)
    assert 'href="/id/person/maria-adebahr"' in html
    assert 'href="/queries/co-panellists.csv?person=tadeusz-chomicki"' in html
    assert "GROUP BY ?other" in html  # the query text
    form = client.get("/queries/co-panellists").get_data(as_text=True)
    assert 'name="person"' in form and "Fill in the parameters" in form


def test_stored_query_csv_and_json_match(client):
    response = client.get("/queries/co-panellists.csv?person=tadeusz-chomicki")
    assert response.headers["Content-Disposition"] == 'attachment; filename="co-panellists.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    data = client.get("/queries/co-panellists.json?person=tadeusz-chomicki").get_json(force=True)
    assert [r["name"] for r in rows] == [b["name"]["value"] for b in data["results"]["bindings"]]
    assert "Maria Adebahr" in {r["name"] for r in rows}


def test_stored_query_rows_are_capped(sample_store):
    client = create_app({"STORE": sample_store, "SPARQL_MAX_ROWS": 2}).test_client()
    response = client.get("/queries/moderators.csv")
    assert response.headers["Speakergraph-Truncated"] == "true"
    assert len(response.get_data(as_text=True).strip().splitlines()) == 3  # header and two rows


def _appearance_rows(store):
    """Every (appearance, person, session, edition, country, org, role), computed from the plain export query."""
    query = """PREFIX sg: <https://w3id.org/speakergraph/vocab#> PREFIX schema: <https://schema.org/>
    PREFIX org: <http://www.w3.org/ns/org#>
    SELECT DISTINCT ?a ?person ?edition ?country ?org ?role WHERE {
      ?a a sg:Appearance ; sg:person ?person ; sg:session ?s ; sg:role ?role . ?s schema:superEvent ?edition .
      OPTIONAL { ?a sg:country ?country } OPTIONAL { ?a sg:position/org:organization ?org } }"""
    return table(store.query(query)).dicts()


def test_facet_counts_are_distinct_people_and_appearances(client, sample_store):
    from web.browse import FACETS, facet_counts

    rows = _appearance_rows(sample_store)
    for facet in FACETS:
        key = {"edition": "edition", "country": "country", "org": "org", "role": "role"}[facet.name]
        for value in facet_counts(sample_store, {}, facet):
            matching = [r for r in rows if r.get(key) == value["value"]]
            assert int(value["people"]) == len({r["person"] for r in matching}), (facet.name, value)
            assert int(value["appearances"]) == len({r["a"] for r in matching}), (facet.name, value)


def test_facets_combine_and_the_page_reports_totals(client, sample_store):
    rows = [r for r in _appearance_rows(sample_store)
            if r.get("country") == ids.country("SG") and r["role"] == ids.role("panellist")]
    html = client.get("/people?country=SG&role=panellist").get_data(as_text=True)
    people, appearances = len({r["person"] for r in rows}), len({r["a"] for r in rows})
    assert f"{people} {'person' if people == 1 else 'people'} with {appearances} appearance" in html
    assert 'title="Remove this filter"' in html


def test_dataset_downloads_parse_and_agree(client, sample_store):
    turtle = rdflib.Graph().parse(data=client.get("/dataset/speakergraph.ttl").data, format="turtle")
    jsonld = rdflib.Graph().parse(data=client.get("/dataset/speakergraph.jsonld").data, format="json-ld")
    assert len(turtle) == len(jsonld) > 1000
    nquads = rdflib.Dataset().parse(data=client.get("/dataset/speakergraph.nq").data, format="nquads")
    assert len(list(nquads.quads())) == sample_store.count()
    rows = list(csv.DictReader(io.StringIO(client.get("/dataset/appearances.csv").get_data(as_text=True))))
    appearances = table(sample_store.query(
        "SELECT DISTINCT ?a WHERE { ?a a <https://w3id.org/speakergraph/vocab#Appearance> }"))
    assert len({(r["session"], r["person"], r["role"]) for r in rows}) == len(appearances.rows)
    assert client.get("/dataset/appearances.csv").headers["Content-Disposition"].startswith("attachment")


def test_void_describes_the_dataset(client):
    void = rdflib.Graph().parse(data=client.get("/dataset/void.ttl").data, format="turtle")
    VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = next(void.subjects(rdflib.RDF.type, VOID.Dataset))
    assert str(void.value(dataset, VOID.sparqlEndpoint)).endswith("/sparql")
    assert str(void.value(dataset, VOID.uriSpace)) == ids.BASE
    assert int(void.value(dataset, VOID.triples)) > 1000
    classes = {str(void.value(p, VOID["class"])) for p in void.objects(dataset, VOID.classPartition)}
    assert "https://schema.org/Person" in classes
    assert len(list(void.objects(dataset, VOID.dataDump))) == 4


def test_errors_are_plain_text_for_machines(client):
    response = client.get("/id/person/nobody", headers={"Accept": "text/plain"})
    assert response.status_code == 404 and response.mimetype == "text/plain"


def test_a_missing_store_folder_is_reported_with_the_fix(tmp_path):
    response = create_app({"STORE": str(tmp_path / "nope")}).test_client().get("/")
    assert response.status_code == 500
    assert "run &#39;speakergraph ingest&#39; first" in response.get_data(as_text=True)


def test_sparql_json_page_results_render_as_links(client):
    query = "SELECT ?p WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p LIMIT 3"
    html = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/html"}).get_data(as_text=True)
    assert html.count('href="/id/person/') == 3
    assert json.loads(client.get("/sparql", query_string={"query": query}).data)["head"]["vars"] == ["p"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=30))
def test_no_input_makes_a_page_fail(client, text):
    for path, args in (("/id/person/" + quote(text, safe=""), None), ("/id/session/" + quote(text, safe="/"), None),
                       ("/search", {"q": text}), ("/people", {"country": text}),
                       ("/queries/co-panellists", {"person": text}), ("/queries/sessions-of-day.csv", {"date": text})):
        response = client.get(path, query_string=args)
        assert response.status_code in (200, 301, 308, 400, 404), (path, args, response.status_code)
