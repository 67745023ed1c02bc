"""The whole-graph stored queries read the short joins and give exactly the answers of the long joins they replace.

``tests/fixtures/long-joins`` holds those queries as they were (joining each appearance's own triples);
the stored queries read the denormalised facts written with each appearance (docs/model.md, "Short
joins"). Both must agree row for row, in order, on the sample, the real SICW 2024 and DjangoCon 2024
corpora, a generated corpus of 1,000 event pages, and after files are changed and removed (the facts
live in each file's graph, so an incremental ingest keeps them in step). The person-centred queries are
compared for every person of the small corpora and the busiest of the large ones.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DJANGOCON, SAMPLE, SICW, corpus, ingested
from graph.queries import QUERIES, load_queries
from graph.results import table
from graph.store import open_store
from ingest.loader import ingest, site_for

LONG = load_queries(Path(__file__).parent / "fixtures" / "long-joins")
STORED = load_queries(QUERIES)
SHORT = ("searchText", "appearedAt", "appearedIn", "moderated", "appearedForOrganisation", "appearedForCountry",
         "printedPositions", "forOrganisation", "forCountry", "held", "date", "printedAs", "peopleCount")
CONCATENATED = {"which", "sessions", "positions"}  # GROUP_CONCAT: the order inside a cell is the engine's, so compared as a set


def answers(store, query, values: dict | None = None) -> list[tuple]:
    """A query's rows as strings, in order; concatenated cells as sorted parts."""
    result = table(store.query(query.text, query.bindings(values or {})))
    return [tuple(" | ".join(sorted(t.value.split(" | "))) if var in CONCATENATED and t is not None and t.value else str(t)
                  for var, t in zip(result.variables, row)) for row in result.rows] + [tuple(result.variables)]


def assert_same(store, where: str, everyone: bool = False) -> None:
    for name, long in LONG.items():
        if long.params:
            continue
        before, after = answers(store, long), answers(store, STORED[name])
        assert after == before, f"{name} on {where}: {len(after) - 1} rows against {len(before) - 1}"
    people = [row["p"].value for row in store.query(EVERYONE if everyone else BUSIEST)]
    assert people, f"no person on {where}"
    for name, keys in ORDER.items():
        for person in people:
            before, after = (answers(store, q, {"person": person}) for q in (LONG[name], STORED[name]))
            assert sorted(after) == sorted(before), f"{name} of {person} on {where}"
            assert [[r[k] for k in keys] for r in after] == [[r[k] for k in keys] for r in before], \
                f"{name} of {person} on {where}: order"


# the columns a person-centred query sorts by: ties (a title at two organisations…) come in the engine's order
ORDER = {"co-panellists": (2, 1), "person-appearances": (0, 2, 3), "career": (0, 6, 3)}
EVERYONE = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT DISTINCT ?p WHERE { ?a sg:person ?p }"""
BUSIEST = """PREFIX sg: <https://w3id.org/speakergraph/vocab#>
SELECT ?p (COUNT(*) AS ?n) WHERE { ?a sg:person ?p } GROUP BY ?p ORDER BY DESC(?n) ?p LIMIT 12"""


def test_the_long_joins_are_the_stored_queries_they_replace():
    assert set(LONG) <= set(STORED)
    for name, long in LONG.items():
        assert (long.title, long.params) == (STORED[name].title, STORED[name].params)
        assert any(f"sg:{term}" in STORED[name].text for term in SHORT), f"{name} reads no short join"


def test_same_answers_on_the_sample(sample_store):
    assert_same(sample_store, "the sample", everyone=True)
    rows = answers(sample_store, STORED["career-changes"])
    assert len(rows) > 1  # the comparison compares something


def test_same_answers_on_sicw(sicw_store):
    assert_same(sicw_store, "sicw-2024", everyone=True)


def test_same_answers_on_djangocon():
    assert_same(ingested(corpus(DJANGOCON)), "djangocon-2024", everyone=True)


@pytest.mark.slow
def test_same_answers_on_a_generated_corpus(generated_store):
    store = generated_store
    assert_same(store, "a generated corpus of 1,000 event pages")
    for name in ("top-organisations", "repeat-speakers", "multi-edition-people", "career-changes"):
        assert len(answers(store, STORED[name])) > 100, name


def test_same_answers_after_files_change_and_go(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    before = {name: answers(store, STORED[name]) for name in LONG if not LONG[name].params}
    events = root / "_2023-events" / "18 October 2023", root / "_2024-events" / "15 October 2024"
    # a moderator becomes a panellist in one file, the seed panel's file goes: the facts of both follow
    changed = events[0] / "Cyber Norms in Practice.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Moderator", "Panellist", 1), encoding="utf-8")
    (events[1] / "Solidarity in Cyberspace: How To Assist Countries in Need.md").unlink()
    ingest(store, [site_for(root)], prune=True)
    assert_same(store, "the sample after a change and a removal", everyone=True)
    for name in ("moderators", "top-organisations", "top-countries", "repeat-speakers"):
        assert answers(store, STORED[name]) != before[name], name
    for page in root.rglob("*.md"):  # every page gone: nothing of them is left
        page.unlink()
    ingest(store, [site_for(root)], prune=True)
    for name in LONG:
        if not LONG[name].params:
            assert answers(store, STORED[name])[:-1] == [], name
