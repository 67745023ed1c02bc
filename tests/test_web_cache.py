"""Stored-query answers are kept in the app's cache until the store changes; ``warm`` fills it at start."""

from __future__ import annotations

import csv
import io
import shutil

from conftest import SAMPLE, ingested
from graph.store import open_store
from graph.vocab import SG
from ingest.loader import ingest, site_for
from web import create_app
from web.db import KEY
from web.stored import all_queries
from web.warm import warm

NEW_ORG = "Organisation Added Behind the App's Back"


def organisations(client) -> set[str]:
    response = client.get("/queries/top-organisations.csv")
    assert response.status_code == 200
    return {row["name"] for row in csv.DictReader(io.StringIO(response.get_data(as_text=True)))}


PAGE = """---
title: Added Panel
permalink: /events/added-panel/
---
**15 October 2024 (Tuesday)**

Time: 10.00am to 11.00am (GMT +8)

| **Panellists** | |
|---|---|
| [Ms Ada Added](/speakers/ms-ada-added/) | *Director*<br>{org}<br>Singapore |
"""


def test_an_answer_is_cached_until_the_store_changes(tmp_path):
    root = tmp_path / "sicw-2024"
    shutil.copytree(SAMPLE, root)
    store = ingested(root)  # a writable store of its own: its state moves with each write
    client = create_app({"STORE": store}).test_client()
    before = organisations(client)
    assert before and NEW_ORG not in before
    cache = client.application.extensions[KEY]._cache
    assert any(k.startswith("query:top-organisations:") for k in cache)
    assert organisations(client) == before
    day = root / "_2024-events" / "15 October 2024"
    (day / "Added Panel.md").write_text(PAGE.format(org=NEW_ORG), encoding="utf-8")
    ingest(store, [site_for(root)])  # written behind the app's back
    assert organisations(client) == before | {NEW_ORG}


def test_a_bad_parameter_is_refused_and_not_cached():
    client = create_app({"STORE": ingested(SAMPLE)}).test_client()
    assert client.get("/queries/sessions-of-day.csv", query_string={"date": "not a date"}).status_code == 400
    assert not any(k.startswith("query:sessions-of-day") for k in client.application.extensions[KEY]._cache)


def test_warm_fills_the_cache_with_whole_graph_pages_and_queries_without_parameters(tmp_path):
    ingested(SAMPLE, tmp_path / "store").close()
    app = create_app({"STORE": str(tmp_path / "store")})
    warm(app).join(timeout=120)
    with app.app_context():
        without = {name for name, q in all_queries().items() if all(p.default for p in q.params)}
    cached = {k.split(":")[1] for k in app.extensions[KEY]._cache if k.startswith("query:")}
    assert without and cached == without
    assert {"counts", "editions", "search-index"} <= set(app.extensions[KEY]._cache)
    assert any(k.startswith("people?") for k in app.extensions[KEY]._cache)


def _until(condition) -> None:
    """Wait for ``condition()`` (another thread's state), failing after a generous deadline."""
    import time

    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, "the state waited for never came"
        time.sleep(0.001)


def test_a_name_being_computed_is_waited_for_not_computed_again(sample_store):
    import threading

    app = create_app({"STORE": sample_store})
    res = app.extensions[KEY]
    started, go, calls, answers = threading.Event(), threading.Event(), [], []

    def slow():
        calls.append("first")
        started.set()
        go.wait()
        return 42

    def again():
        calls.append("second")
        return 0

    first = threading.Thread(target=lambda: answers.append(res.cached("n", slow)))
    first.start()
    started.wait()
    second = threading.Thread(target=lambda: answers.append(res.cached("n", again)))
    second.start()
    _until(lambda: any(f.waiters for f in list(res._flights.values())))
    go.set()
    first.join()
    second.join()
    assert calls == ["first"] and answers == [42, 42]
    assert res.cached("n", again) == 42 and not res._flights


def test_a_failed_computation_fails_its_waiters_too_and_is_not_kept(sample_store):
    import threading

    import pytest

    app = create_app({"STORE": sample_store})
    res = app.extensions[KEY]
    started, go, errors = threading.Event(), threading.Event(), []

    def broken():
        started.set()
        go.wait()
        raise ValueError("no")

    def ask():
        try:
            res.cached("n", broken)
        except ValueError as exc:
            errors.append(str(exc))

    threads = [threading.Thread(target=ask) for _ in range(2)]
    threads[0].start()
    started.wait()
    threads[1].start()
    _until(lambda: any(f.waiters for f in list(res._flights.values())))
    go.set()
    for thread in threads:
        thread.join()
    assert errors == ["no", "no"] and not res._flights
    with pytest.raises(ValueError):
        res.cached("n", broken)


def test_the_least_recently_used_entry_goes_first(sample_store, monkeypatch):
    import web.db

    monkeypatch.setattr(web.db, "CACHE_ENTRIES", 3)
    res = create_app({"STORE": sample_store}).extensions[KEY]
    for name in "abc":
        res.cached(name, lambda name=name: name)
    assert res.peek("a") == "a"  # used: now the most recent
    res.cached("d", lambda: "d")
    assert list(res._cache) == ["c", "a", "d"] and res.peek("b") is None


def test_only_a_frequent_speakers_lists_are_kept(sample_store):
    app = create_app({"STORE": sample_store, "PAGE_SIZE": 2})
    client = app.test_client()
    kept = lambda: {k for k in app.extensions[KEY]._cache if k.startswith("person-lists:")}  # noqa: E731
    rows = table_of(sample_store, """SELECT ?p (COUNT(*) AS ?n) WHERE { ?a <https://w3id.org/speakergraph/vocab#person> ?p }
                                     GROUP BY ?p ORDER BY DESC(?n) ?p""")
    frequent, once = rows[0], rows[-1]
    assert int(frequent[1]) > 2 >= int(once[1])
    for iri, _ in (frequent, once):
        assert client.get("/id/person/" + iri.rsplit("/", 1)[-1]).status_code == 200
    assert kept() == {"person-lists:" + frequent[0]}
    first = client.get("/id/person/" + frequent[0].rsplit("/", 1)[-1]).get_data(as_text=True)
    assert first == client.get("/id/person/" + frequent[0].rsplit("/", 1)[-1]).get_data(as_text=True)


def table_of(store, query: str) -> list[list[str]]:
    from graph.results import table

    return table(store.query(query)).values()


def test_pages_follow_an_ingest_while_serving_and_the_caches_are_filled_again(tmp_path):
    from test_endpoint_security import EVENT

    from graph import ids

    location = tmp_path / "store"
    ingested(SAMPLE, location).close()
    app = create_app({"STORE": str(location), "FOLLOW_EVERY": 0})
    followed = []
    app.extensions[KEY].on_follow = lambda: followed.append(True)
    client = app.test_client()
    home = client.get("/").get_data(as_text=True)
    site = tmp_path / "more-2024" / "_2024-events" / "15 October 2024"
    site.mkdir(parents=True)
    (site / "A panel.md").write_text(EVENT, encoding="utf-8")
    writer = open_store(location)
    before = {row["p"].value for row in writer.query("SELECT DISTINCT ?p WHERE { ?a <%sperson> ?p }" % SG)}
    ingest(writer, [site_for(tmp_path / "more-2024", series="more")])
    added = {row["p"].value for row in writer.query("SELECT DISTINCT ?p WHERE { ?a <%sperson> ?p }" % SG)} - before
    writer.close()
    assert added and not followed
    for iri in added:  # the pages read the folder's new state, not the one they opened
        assert client.get("/id/" + iri.removeprefix(ids.BASE)).status_code == 200
    assert followed == [True]
    assert client.get("/").get_data(as_text=True) != home  # the whole-graph counts were computed again
