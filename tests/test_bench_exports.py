"""bench/exports: every format, whole and for an edition and its series, measured on the sample (no timing asserted)."""

from __future__ import annotations

from conftest import SAMPLE, ingested

from bench.exports import SUBSET_FORMATS, measure
from graph.export import FORMATS


def test_every_export_and_subset_is_measured(tmp_path):
    ingested(SAMPLE, location=tmp_path / "store").close()
    rows = {row["export"]: row for row in measure(str(tmp_path / "store"), repeat=1)}
    subsets = [f"{fmt} --{kind} {key}" for kind, key in (("edition", "sicw/2023"), ("series", "sicw"))
               for fmt in SUBSET_FORMATS]
    assert set(rows) == set(FORMATS) | set(subsets)
    assert all(row["bytes"] > 0 and row["max_s"] >= row["median_s"] >= 0 for row in rows.values())
    assert rows["csv --edition sicw/2023"]["bytes"] < rows["csv"]["bytes"]  # the 2024 sessions are left out
