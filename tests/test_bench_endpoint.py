"""The endpoint benchmark: a real server and a second client process, on the bundled sample (no timing asserted)."""

from __future__ import annotations

from conftest import SAMPLE, ingested

from bench.endpoint import measure


def test_measure_answers_every_request_with_200(tmp_path):
    location = tmp_path / "store"
    ingested(SAMPLE, location=location).close()
    rows = measure(str(location), clients=2, seconds=0.3, limit=40)
    assert {r["clients"] for r in rows} == {1, 2}
    assert len({r["request"] for r in rows}) == 3
    for r in rows:
        assert r["errors"] == 0, r
        assert 0 < r["requests"] <= 40, r
        assert r["queries_per_s"] > 0 and 0 < r["median_ms"] <= r["p95_ms"], r
