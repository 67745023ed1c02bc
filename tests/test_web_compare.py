"""``/compare`` and the ``edition-comparison`` stored query: people at both editions, at one only, and changes."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import SAMPLE, ingested

from graph.results import table
from web import create_app
from web.compare import find

A, B = "https://w3id.org/speakergraph/id/edition/sicw/2023", "https://w3id.org/speakergraph/id/edition/sicw/2024"
PRINTED = """
PREFIX sg: <https://w3id.org/speakergraph/vocab#>
PREFIX schema: <https://schema.org/>
SELECT ?edition ?person ?title ?org WHERE {
  ?x sg:session ?s ; sg:person ?person . ?s schema:superEvent ?edition .
  OPTIONAL { ?x sg:position ?p . OPTIONAL { ?p sg:title ?title } OPTIONAL { ?p sg:organisationLabel ?org } }
}"""


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = ingested(SAMPLE, location=tmp_path_factory.mktemp("compare") / "store")
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    return create_app({"STORE": store}).test_client()


def expected(store) -> dict[str, set]:
    """The groups computed in Python from every appearance's printed positions."""
    printed: dict[tuple[str, str], set] = {}
    for r in table(store.query(PRINTED)).dicts():
        if r["edition"] in (A, B):
            key = ", ".join(v for v in (r.get("title"), r.get("org")) if v)
            printed.setdefault((r["edition"], r["person"]), set()).update({key} if key else set())
    at_a = {p for e, p in printed if e == A}
    at_b = {p for e, p in printed if e == B}
    both = at_a & at_b
    changed = {p for p in both if printed[(A, p)] != printed[(B, p)]}
    return {"changed": changed, "same": both - changed, "only_a": at_a - at_b, "only_b": at_b - at_a}


def test_the_stored_query_matches_the_appearances(client, store):
    answer = client.get("/queries/edition-comparison.csv?a=sicw/2023&b=sicw/2024")
    assert answer.status_code == 200
    rows = list(csv.DictReader(io.StringIO(answer.get_data(as_text=True))))
    want = expected(store)
    got = {"changed": {r["person"] for r in rows if r["changed"] == "1"},
           "same": {r["person"] for r in rows if r["at_a"] == r["at_b"] == "1" and r["changed"] == "0"},
           "only_a": {r["person"] for r in rows if (r["at_a"], r["at_b"]) == ("1", "0")},
           "only_b": {r["person"] for r in rows if (r["at_a"], r["at_b"]) == ("0", "1")}}
    assert got == want
    assert want["changed"] and want["same"] and want["only_b"]  # the sample has each kind


def test_the_page_shows_both_versions_of_a_changed_person(client):
    page = client.get("/compare?a=sicw/2023&b=SICW 2024").get_data(as_text=True)
    changed = page.split('id="changed"')[1].split("</section>")[0]
    assert "Tadeusz Chomicki" in changed
    assert "Ambassador for Cyber &amp; Tech Affairs, Ministry of Foreign Affairs" in changed
    assert "Director for Cyber Foreign and Security Policy" in changed


@pytest.mark.parametrize("typed", ["sicw/2024", B, "Singapore International Cyber Week 2024", "SICW 2024",
                                   "singapore international cyber-week 2024"])
def test_an_edition_is_found_by_what_a_person_types(client, typed):
    with client.application.app_context():
        from web.compare import all_editions

        found = find(all_editions(), typed)
    assert [e["edition"] for e in found] == [B]


def test_an_ambiguous_text_gives_a_choice_and_an_unknown_one_a_400(client):
    ambiguous = client.get("/compare?a=sicw&b=sicw/2024")
    assert ambiguous.status_code == 200 and "fits 2 editions" in ambiguous.get_data(as_text=True)
    unknown = client.get("/compare?a=<script>x</script>&b=sicw/2024")
    assert unknown.status_code == 400
    assert "<script>x" not in unknown.get_data(as_text=True)
