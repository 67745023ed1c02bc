"""In real headless Chromium: an edition's Turtle download re-parses with rdflib to exactly that edition's sessions."""

from __future__ import annotations

import pytest
import rdflib
from conftest import SAMPLE, ingested
from live import browser_tab, served

from graph.results import table
from graph.store import open_store

pytestmark = pytest.mark.browser
SESSIONS = """PREFIX sg: <https://w3id.org/speakergraph/vocab#> PREFIX schema: <https://schema.org/>
SELECT ?s WHERE { ?s a sg:Session ; schema:superEvent <https://w3id.org/speakergraph/id/edition/sicw/2024> }"""


def test_an_edition_download_holds_exactly_its_sessions(tmp_path):
    location = tmp_path / "store"
    ingested(SAMPLE, location=location).close()
    store = open_store(location, read_only=True)
    expected = {r["s"] for r in table(store.query(SESSIONS)).dicts()}
    store.close()
    with served(location) as url, browser_tab(900, downloads=True) as page:
        page.goto(url + "id/edition/sicw/2024")
        with page.expect_download() as download:
            page.locator("p.downloads").get_by_role("link", name="Turtle").click()
        graph = rdflib.Graph().parse(download.value.path(), format="turtle")
        sg = rdflib.Namespace("https://w3id.org/speakergraph/vocab#")
        assert {str(s) for s in graph.subjects(rdflib.RDF.type, sg.Session)} == expected
        assert len(expected) == 8
        assert not page.errors
