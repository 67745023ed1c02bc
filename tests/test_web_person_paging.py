"""A frequent speaker's page lists their appearances a page at a time, every one exactly once, in time order."""

from __future__ import annotations

import re

import pyoxigraph as ox

from bench.generate import generate
from conftest import ingested
from graph.queries import find_query
from graph.results import table
from web import create_app


def test_every_appearance_of_a_frequent_speaker_is_on_exactly_one_page(tmp_path):
    expected = generate(tmp_path / "corpus", 60, seed=7)
    store = ingested(tmp_path / "corpus" / expected.sites[0])
    top = table(store.query(find_query("repeat-speakers").text)).dicts()[0]
    query = find_query("person-appearances")
    rows = table(store.query(query.text, query.bindings({"person": top["person"]}))).dicts()
    sessions = [r["session"] for r in rows]
    assert len(sessions) > 5  # more than a page of 5
    client = create_app({"STORE": store, "PAGE_SIZE": 5}).test_client()
    key = top["person"].rsplit("/", 1)[-1]
    shown, dates = [], []
    for number in range(1, -(-len(sessions) // 5) + 1):
        html = client.get(f"/id/person/{key}?apage={number}").get_data(as_text=True)
        timeline = html.split('<table class="timeline">')[1].split("</table>")[0]
        shown += [ox.NamedNode("https://w3id.org/speakergraph/id/" + p).value
                  for p in re.findall(r'<td><a href="/id/(session/[^"]+)">', timeline)]
        dates += re.findall(r'<td class="nowrap">(\d{4}-\d\d-\d\d)', timeline)
        assert f"<dt>Appearances</dt><dd>{len(sessions)}</dd>" in html
    assert sorted(shown) == sorted(sessions)
    assert dates == sorted(dates)
