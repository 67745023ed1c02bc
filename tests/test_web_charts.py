"""Charts: their counts equal the appearances counted in Python, and their CSV equals their table."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from conftest import SAMPLE, ingested

from graph.results import table
from web import create_app

APPEARANCES = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?a ?year ?role ?country WHERE {
  ?a a sg:Appearance ; sg:session ?s ; sg:role ?r . ?s schema:superEvent ?e . ?e sg:year ?year .
  ?r <http://www.w3.org/2004/02/skos/core#prefLabel> ?role .
  OPTIONAL { ?a sg:country ?country }
}"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested(SAMPLE, location=tmp_path_factory.mktemp("charts") / "store")
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return create_app({"STORE": store}).test_client()


def sheet(client, url: str) -> list[dict]:
    answer = client.get(url)
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    return list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))


def test_series_roles_count_every_appearance(client, store):
    rows = table(store.query(APPEARANCES)).dicts()
    want = Counter((r["year"], r["role"]) for r in rows)
    got = Counter()
    for row in sheet(client, "/charts/series-roles.csv?of=sicw"):
        for role, n in row.items():
            if role not in ("edition", "total") and int(n):
                got[(row["edition"], role)] = int(n)
    assert got == want
    assert sum(want.values()) == len(rows)


def test_country_years_count_that_countrys_appearances(client, store):
    rows = [r for r in table(store.query(APPEARANCES)).dicts() if r.get("country", "").endswith("/SG")]
    got = {r["year"]: int(r["total"]) for r in sheet(client, "/charts/country-years.csv?of=SG")}
    assert got == dict(Counter(r["year"] for r in rows)) and got


def test_pages_draw_their_charts(client):
    for url, name in [("/", "editions"), ("/id/series/sicw", "series-roles"), ("/id/country/SG", "country-years")]:
        page = client.get(url).get_data(as_text=True)
        assert f'id="chart-{name}"' in page and "<rect" in page


@pytest.mark.parametrize("url, status", [("/charts/nope.csv", 404), ("/charts/series-roles.csv", 400),
                                         ("/charts/series-roles.csv?of=../../etc", 400)])
def test_bad_chart_requests(client, url, status):
    assert client.get(url).status_code == status
