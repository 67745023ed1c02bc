"""bench/pages.py times every page over a store folder, each page's first request on a new app."""

from __future__ import annotations

from bench import pages
from conftest import SAMPLE, ingested
from web.db import KEY


def test_every_page_is_measured_on_an_app_of_its_own(tmp_path):
    location = str(tmp_path / "store")
    ingested(SAMPLE, location).close()
    params = pages.frequent(location)
    rows = pages.measure(location, params, repeat=5)
    assert [r["path"] for r in rows] == [path for _, path in pages.pages(params, pages.typical(location))]
    assert all(r["first_ms"] > 0 and r["median_ms"] > 0 for r in rows)
    client = pages.fresh(location)
    assert client.application.extensions[KEY].store is not None  # opened before the first request
    assert client.application.extensions[KEY]._cache == {}
