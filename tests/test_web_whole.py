"""The pages' whole-graph counts from the short joins (web.whole) answer as the long joins over every appearance,
and the parts read only for what a page shows (the first page of people, a facet's top values, the names a
search matched, a stored query's shown rows, a co-panellist page) are those of the whole list."""

from __future__ import annotations

import re

import pytest

from bench.generate import generate
from conftest import SAMPLE, ingested
from graph import ids
from graph.results import table
from graph.store import open_store
from ingest.loader import ingest, site_for
from web import browse, create_app, search, whole
from web.db import KEY
from web.events import editions
from web.people import PREFIXES


@pytest.fixture(scope="module")
def generated():
    """A generated corpus of every series (ties of counts, organisations by the hundred), in one store."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        expected = generate(Path(tmp) / "corpus", 150, seed=3)
        store = open_store(None)
        ingest(store, [site_for(Path(tmp) / "corpus" / site) for site in expected.sites])
        yield store


@pytest.fixture(scope="module")
def sample():
    return ingested(SAMPLE)


@pytest.fixture(params=["sample", "generated"])
def store(request):
    return request.getfixturevalue(request.param)


LONG = PREFIXES + """SELECT ?value (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?a) AS ?appearances)
WHERE { ?a a sg:Appearance ; sg:person ?person ; sg:session ?session . %s } GROUP BY ?value"""


def _long_facet(store, facet):
    return sorted((r["value"], r["people"], r["appearances"]) for r in table(store.query(LONG % facet.group)).dicts())


@pytest.mark.parametrize("facet", browse.FACETS, ids=lambda f: f.name)
def test_facet_counts_answer_as_the_long_joins(store, facet):
    found = table(store.query(whole.FACETS[facet.name])).dicts()
    assert sorted((r["value"], r["people"], r["appearances"]) for r in found) == _long_facet(store, facet)
    assert found


def test_totals_answer_as_the_long_joins(store):
    query = PREFIXES + """SELECT (COUNT(DISTINCT ?person) AS ?people) (COUNT(DISTINCT ?a) AS ?appearances) WHERE {
      ?a a sg:Appearance ; sg:person ?person ; sg:session ?session }"""
    long = {k: int(v) for k, v in table(store.query(query)).dicts()[0].items()}
    page_only = len(table(store.query(browse.PAGE_ONLY)).rows)
    persons = int(table(store.query(whole.PERSONS)).dicts()[0]["n"])
    assert whole.totals(table(store.query(whole.RANKS)).dicts(), persons) == {**long, "page_only": page_only}


@pytest.mark.parametrize("size", [1, 2, 3, 5, 8, 13, 30])
def test_the_first_page_of_people_is_the_whole_lists_first_page(store, size):
    app = create_app({"STORE": store, "PAGE_SIZE": size})
    with app.test_request_context("/people"):
        everyone = browse.sort_rows(browse.people(store, {}), "appearances", "desc")
        first = browse.most_first(store, size)
    with_appearances = [r for r in everyone if not r.get("page_only")]
    if len(with_appearances) < size:  # the whole list is read then
        assert first is None
        return
    assert [(r["person"], r["name"], r["appearances"], r["sessions"]) for r in first] == \
        [(r["person"], r["name"], r["appearances"], r["sessions"]) for r in everyone[:size]]


def test_the_people_page_shows_the_first_page_and_totals_of_the_whole_list(store):
    app = create_app({"STORE": store, "PAGE_SIZE": 7})
    client = app.test_client()
    fast = client.get("/people").get_data(as_text=True)
    assert "people-first" in app.extensions[KEY]._cache
    assert not any(k.startswith("people?") for k in app.extensions[KEY]._cache)  # the whole list was not read
    whole_list = client.get("/people?sort=appearances&order=desc&page=2").get_data(as_text=True)
    people = len(table(store.query(PREFIXES + "SELECT DISTINCT ?p WHERE { ?p a schema:Person }")).rows)
    for html in (fast, whole_list):
        assert f"<p class=\"lead\">{people} {'person' if people == 1 else 'people'} with" in html
    rows = lambda html: re.findall(r'<tr><td><a href="/id/person/[^"]+">[^<]*</a></td>', html)  # noqa: E731
    with app.test_request_context("/people"):
        expected = browse.sort_rows(browse.people(store, {}), "appearances", "desc")[:7]
    assert [re.search(r'/id/person/([^"]+)', r).group(1) for r in rows(fast)] == \
        [ids.split(r["person"])[1] for r in expected]


@pytest.mark.parametrize("leading", [24, browse.TOP])  # at TOP, where the ties end is always counted apart
def test_a_facet_of_many_values_lists_its_top_and_links_to_all(generated, monkeypatch, leading):
    monkeypatch.setattr(browse, "FULL", 10)
    monkeypatch.setattr(whole, "LEADING", leading)
    monkeypatch.setitem(whole.TOPS, "org", whole.TOPS["org"].replace(" LIMIT 24", f" LIMIT {leading}"))
    org = next(f for f in browse.FACETS if f.name == "org")
    app = create_app({"STORE": generated, "PAGE_SIZE": 1000})
    with app.test_request_context("/people"):
        everything = browse.facet_counts(generated, {}, org)
        top, total = browse.facet_top(generated, {}, org)
    assert total == len(everything) > 10
    assert [(r["value"], r["label"]) for r in top[:browse.TOP]] == \
        [(r["value"], r["label"]) for r in everything[:browse.TOP]]
    client = app.test_client()
    html = client.get("/people").get_data(as_text=True)
    assert f'<a href="/people/values/org">all {total}</a>' in html
    listed = client.get("/people/values/org").get_data(as_text=True)
    assert len(re.findall(r'<a href="/people\?org=', listed)) == total
    assert re.findall(r'<td class="num">(\d+)</td>', listed)[:2] == [everything[0]["people"], everything[0]["appearances"]]


def test_a_facet_page_keeps_the_other_filters_and_refuses_bad_values(sample):
    client = create_app({"STORE": sample}).test_client()
    html = client.get("/people/values/org?country=SG&org=x").get_data(as_text=True)
    assert '<span class="chip">country: Singapore</span>' in html
    assert "/people?country=SG&amp;org=" in html
    assert client.get("/people/values/nope").status_code == 404
    assert client.get("/people/values/org?role=..%2Fx").status_code == 400


EDITION_COUNTS = PREFIXES + """
SELECT ?edition (COUNT(DISTINCT ?session) AS ?sessions) (COUNT(DISTINCT ?person) AS ?people)
       (MIN(?date) AS ?first) (MAX(?date) AS ?last)
WHERE { ?session schema:superEvent ?edition ; dcterms:date ?date .
  OPTIONAL { ?a sg:session ?session ; sg:person ?person } } GROUP BY ?edition"""

EDITION_CHART = PREFIXES + """
SELECT ?edition ?year ?stack (COUNT(DISTINCT ?person) AS ?n) WHERE {
  ?edition a sg:Edition ; sg:year ?year ; schema:superEvent ?stack .
  ?session schema:superEvent ?edition . ?a sg:session ?session ; sg:person ?person .
} GROUP BY ?edition ?year ?stack"""


def test_editions_and_their_chart_answer_as_the_long_joins(store):
    from web.charts import EDITIONS

    long = {r["edition"]: r for r in table(store.query(EDITION_COUNTS)).dicts()}
    iris = [r["edition"] for r in table(store.query(PREFIXES + "SELECT ?edition WHERE { ?edition a sg:Edition }")).dicts()]
    found = editions(store, iris)
    assert len(found) == len(iris) > 0
    for e in found:
        assert {k: str(e[k]) for k in ("sessions", "people", "first", "last")} == \
            {k: long[e["edition"]][k] for k in ("sessions", "people", "first", "last")}
    assert sorted(map(str, table(store.query(EDITIONS)).dicts())) == \
        sorted(map(str, table(store.query(EDITION_CHART)).dicts()))


@pytest.mark.parametrize("query", ["minister", "cyber", "a", "data governance", "chomiki", "foundation of", "zzz"])
def test_search_over_distinct_names_finds_what_an_index_of_every_name_finds(store, query):
    rows = table(store.query(PREFIXES + """SELECT DISTINCT ?s ?name ?detail WHERE {
      ?s schema:name ?name . OPTIONAL { ?s dcterms:date ?detail } }""")).dicts()
    entries = [search.Entry(r["s"], ids.split(r["s"])[0], r["name"], r.get("detail", "")) for r in rows
               if (ids.split(r["s"]) or ("", ""))[0] in search.KINDS]
    expected = [(h.entry.iri, h.entry.detail, h.score) for h in search.Index(entries).search(query)]
    names = search.Names(store)
    for _ in range(2):  # looked up, then kept
        assert [(h.entry.iri, h.entry.detail, h.score) for h in names.search(query)] == expected


def test_a_stored_query_takes_a_key_without_reading_every_name(sample):
    app = create_app({"STORE": sample})
    client = app.test_client()
    keyed = client.get("/queries/co-panellists.csv?person=tadeusz-chomicki").get_data(as_text=True)
    assert not any(k.startswith("lookup:") for k in app.extensions[KEY]._cache)
    named = client.get("/queries/co-panellists.csv?person=Tadeusz Chomicki").get_data(as_text=True)
    assert "lookup:person" in app.extensions[KEY]._cache
    assert keyed == named and keyed.count("\n") > 1
    assert client.get("/queries/co-panellists?person=no-such-person-key").status_code == 400


def test_a_stored_query_page_labels_the_rows_it_shows(sample):
    client = create_app({"STORE": sample, "PAGE_SIZE": 3}).test_client()
    html = client.get("/queries/moderators?page=2").get_data(as_text=True)
    rows = html.split("<tbody>")[1].split("</tbody>")[0]
    assert rows.count("<tr>") == 3
    assert 'href="/id/person/' in rows and ">https://w3id.org/speakergraph/id/person/" not in rows


def test_co_panellists_are_paged_in_the_order_of_the_whole_list(generated):
    from graph.queries import find_query
    from web.people import person

    top = table(generated.query(find_query("repeat-speakers").text)).dicts()[0]["person"]
    app = create_app({"STORE": generated, "PAGE_SIZE": 4})
    with app.test_request_context("/"):
        everyone = person(generated, top)["co_panellists"]
    app.config["PAGE_SIZE"] = 4
    shown = []
    for number in range(1, everyone.pages + 1):
        with app.test_request_context(f"/?cpage={number}"):
            shown += [(r["other"], r["name"], r["shared"]) for r in person(generated, top)["co_panellists"].items]
    with app.test_request_context("/"):
        app.config["PAGE_SIZE"] = 10_000
        expected = [(r["other"], r["name"], r["shared"]) for r in person(generated, top)["co_panellists"].items]
    assert shown == expected and len(expected) > 8


@pytest.mark.parametrize("path", ["/", "/people", "/people?page=2", "/people?sort=name", "/people/values/org",
                                  "/people?country=SG", "/search?q=cyber", "/search?q=ministry&kind=org",
                                  "/id/person/tadeusz-chomicki", "/queries/moderators?page=2"])
@pytest.mark.parametrize("server", __import__("conftest_servers").SERVERS)
def test_the_pages_read_alike_from_a_sparql_server(request, sample, server, path):
    """The whole-graph queries (sub-selects, VALUES in each, bound filters) answer on every server as embedded."""
    from conftest import SAMPLE as folder

    running = request.getfixturevalue(server)
    running.holding(folder)
    remote = create_app({"STORE": running.url, "REMOTE": running.options, "PAGE_SIZE": 4})
    local = create_app({"STORE": sample, "PAGE_SIZE": 4})
    try:
        answers = [app.test_client().get(path) for app in (remote, local)]
        assert [a.status_code for a in answers] == [200, 200]
        assert answers[0].get_data(as_text=True) == answers[1].get_data(as_text=True)
    finally:
        remote.extensions[KEY].close()
