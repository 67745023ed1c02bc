"""The stored queries with parameters that were rewritten for speed give exactly the answers they gave before.

``tests/fixtures/long-joins`` keeps their earlier texts; each is run with every edition, date, session and a
set of keywords (case, accents, phrases, the empty string) on the sample, the real corpora (every source in one
store), a generated corpus of 1,000 event pages, and after a file changes and one goes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DJANGOCON, SAMPLE, SICW, corpus, ingested
from test_all_sites import store as all_sites  # noqa: F401  (every real source in one store)

from graph.queries import QUERIES, load_queries
from graph.results import table
from graph.store import open_store
from ingest.loader import ingest, site_for

BEFORE = load_queries(Path(__file__).parent / "fixtures" / "long-joins")
STORED = load_queries(QUERIES)
REWRITTEN = ("edition-comparison", "search-sessions", "sessions-of-day", "sessions-of-edition")
CONCATENATED = {"positions_a", "positions_b"}  # GROUP_CONCAT: the order inside a cell is the engine's
ORDERED_BY = {"search-sessions": ("date", "title"), "sessions-of-day": ("start", "title"),
              "sessions-of-edition": ("date", "start", "title"), "edition-comparison": ("at_a", "at_b", "changed", "name")}
KEYWORDS = ("cyber", "CYBER", "quantum", "security", "norms in", "é", "Ö", "the", " ", "zzzz-nothing", "'", "\\")
VALUES = {
    "edition": "SELECT DISTINCT ?v WHERE { ?s schema:superEvent ?v . ?v a sg:Edition }",
    "date": "SELECT DISTINCT ?v WHERE { ?s a sg:Session ; dcterms:date ?v }",
}
PREFIXES = """PREFIX sg: <https://w3id.org/speakergraph/vocab#> PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def answers(store, query, values: dict) -> list[tuple]:
    """A query's rows as strings, in order; concatenated cells as sorted parts."""
    result = table(store.query(query.text, query.bindings(values)))
    return [tuple(" | ".join(sorted(t.value.split(" | "))) if var in CONCATENATED and t.value else str(t)
                  for var, t in zip(result.variables, row)) for row in result.rows] + [tuple(result.variables)]


def ordered(name: str, rows: list[tuple]) -> list[tuple]:
    """The sort key of each row in turn: rows alike in it may come in any order (the earlier texts had no tiebreak)."""
    columns = [rows[-1].index(var) for var in ORDERED_BY[name]]
    return [tuple(row[i] for i in columns) for row in rows[:-1]]


def cases(store, limit: int = 40) -> list[tuple[str, dict]]:
    """Every rewritten query with values drawn from the store (at most ``limit`` of each kind)."""
    found = {kind: [row["v"] for row in store.query(PREFIXES + text)][:limit] for kind, text in VALUES.items()}
    out = [("search-sessions", {"keyword": word}) for word in KEYWORDS]
    out += [("sessions-of-day", {"date": date.value}) for date in found["date"]]
    out += [("sessions-of-edition", {"edition": e.value}) for e in found["edition"]]
    editions = [e.value for e in found["edition"]]
    out += [("edition-comparison", {"a": a, "b": b}) for a, b in zip(editions, editions[1:] + editions[:1])]
    out += [("edition-comparison", {"a": e, "b": e}) for e in editions[:3]]
    return out


def assert_same(store, where: str) -> int:
    """Every case answers alike before and after; returns how many rows were compared."""
    compared = 0
    for name, values in cases(store):
        before, after = answers(store, BEFORE[name], values), answers(store, STORED[name], values)
        assert sorted(after) == sorted(before), f"{name} {values} on {where}: {len(after) - 1} rows against {len(before) - 1}"
        assert ordered(name, after) == ordered(name, before), f"{name} {values} on {where}: order"
        compared += len(after) - 1
    return compared


def test_the_earlier_texts_are_kept_for_each_rewritten_query():
    for name in REWRITTEN:
        assert (BEFORE[name].title, BEFORE[name].params) == (STORED[name].title, STORED[name].params)
        assert BEFORE[name].text != STORED[name].text


def test_same_answers_on_the_sample(sample_store):
    assert assert_same(sample_store, "the sample") > 0


def test_same_answers_on_sicw(sicw_store):
    assert assert_same(sicw_store, "sicw-2024") > 0


def test_same_answers_on_djangocon():
    assert assert_same(ingested(corpus(DJANGOCON)), "djangocon-2024") > 0


def test_same_answers_on_every_real_source_in_one_store(all_sites):  # noqa: F811
    assert assert_same(all_sites, "every real source") > 0


@pytest.mark.slow
def test_same_answers_on_a_generated_corpus(generated_store):
    assert assert_same(generated_store, "a generated corpus of 1,000 event pages") > 1000


def test_same_answers_after_a_file_changes_and_one_goes(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    store = open_store(tmp_path / "store")
    ingest(store, [site_for(root)])
    before = answers(store, STORED["search-sessions"], {"keyword": "solidarity"})
    events = root / "_2023-events" / "18 October 2023", root / "_2024-events" / "15 October 2024"
    changed = events[0] / "Cyber Norms in Practice.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Cyber Norms", "Cyber Rules", 1), encoding="utf-8")
    (events[1] / "Solidarity in Cyberspace: How To Assist Countries in Need.md").unlink()
    ingest(store, [site_for(root)], prune=True)
    assert assert_same(store, "the sample after a change and a removal") > 0
    assert answers(store, STORED["search-sessions"], {"keyword": "solidarity"}) != before
