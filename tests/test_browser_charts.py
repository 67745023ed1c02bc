"""In real headless Chromium: a chart is drawn, its data table opens, and its CSV gives the same counts."""

from __future__ import annotations

import csv
import re

import pytest
from live import ARTIFACTS, browser_tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(sample_server):
    return sample_server


def test_a_series_chart_with_its_table_and_csv(server):
    with browser_tab(900, downloads=True) as page:
        page.goto(server + "id/series/sicw")
        figure = page.locator("#chart-series-roles")
        figure.wait_for()
        drawing = figure.get_by_role("img")
        bars = drawing.locator("rect")
        assert bars.count() >= 2  # at least two roles at two editions
        assert drawing.bounding_box()["width"] > 200  # drawn, not collapsed by the CSP
        figure.get_by_text("Data table").click()
        table = figure.get_by_role("table")
        table.wait_for(state="visible")
        shown = {row.locator("th").inner_text(): int(row.locator("td").last.inner_text())
                 for row in table.locator("tbody tr").all()}
        page.screenshot(path=str(ARTIFACTS / "chart.png"), full_page=True)
        with page.expect_download() as download:
            figure.get_by_role("link", name="CSV").click()
        rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8")))
        assert {r["edition"]: int(r["total"]) for r in rows} == shown
        assert set(shown) == {"2023", "2024"}
        assert not page.errors


def test_the_home_page_shows_the_editions_at_a_glance(server):
    with browser_tab(900) as page:
        page.goto(server)
        figure = page.locator("#chart-editions")
        figure.wait_for()
        assert re.search(r"People per edition", figure.locator("figcaption").inner_text())
        assert figure.get_by_role("img").locator("rect").count() == 2
