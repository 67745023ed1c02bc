"""In real headless Chromium: an analyst compares two editions, typing their names, and downloads the CSV."""

from __future__ import annotations

import csv
import re

import pytest
from live import ARTIFACTS, browser_tab

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(sample_server):
    return sample_server


def test_compare_two_editions_typed_as_names(server):
    with browser_tab(900, downloads=True) as page:
        page.goto(server)
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
        page.wait_for_url(re.compile(r"/compare$"))
        page.get_by_label("First edition").fill("SICW 2023")
        page.get_by_label("Second edition").fill("Singapore International Cyber Week 2024")
        page.get_by_role("button", name="Compare").click()
        page.wait_for_url(re.compile(r"/compare\?a="))
        summary = page.locator("#compare-summary")
        summary.wait_for()
        assert re.search(r"3 at both \(1 printed differently\)", " ".join(summary.inner_text().split()))
        changed = page.locator("#changed")
        assert changed.get_by_role("link", name="Tadeusz Chomicki").is_visible()
        assert changed.locator(".differs").count() == 2  # one version on each side
        page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)
        with page.expect_download() as download:
            summary.get_by_role("link", name="CSV").click()
        rows = list(csv.DictReader(open(download.value.path(), encoding="utf-8")))
        assert {r["name"] for r in rows if r["changed"] == "1"} == {"Tadeusz Chomicki"}
        assert not page.errors
