"""A real headless Chromium (Debian ``chromium``) walks the site as an analyst would.

Screenshots and the downloaded CSV are saved under ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess

import pytest
from conftest import need
from live import ARTIFACTS, CHROMIUM, browser_tab

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def server(sample_server):
    return sample_server


@pytest.fixture()
def page(server):
    with browser_tab(900, downloads=True) as tab:
        yield tab


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_an_analyst_searches_browses_and_downloads(page, server):
    page.goto(server)
    assert page.title().startswith("Home")
    shot(page, "1-home")

    page.get_by_role("main").get_by_role("searchbox").fill("Chomicki")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/search\?q=Chomicki"))
    shot(page, "2-search")

    page.get_by_role("link", name="Tadeusz Chomicki").click()
    page.wait_for_url(re.compile(r"/id/person/tadeusz-chomicki$"))
    assert page.get_by_role("heading", level=1).inner_text().endswith("Tadeusz Chomicki")
    shot(page, "3-person")

    page.get_by_role("link", name="Solidarity in Cyberspace: How To Assist Countries in Need").first.click()
    page.wait_for_url(re.compile(r"/id/session/sicw/2024-10-15/solidarity-in-cyberspace"))
    assert page.get_by_role("heading", name="Moderator").is_visible()
    assert page.get_by_role("link", name="Maria Adebahr").is_visible()
    shot(page, "4-session")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Queries").click()
    page.get_by_role("link", name="Co-panellists of a person").click()
    page.get_by_label("person").fill("tadeusz-chomicki")
    page.get_by_role("button", name="Run").click()
    page.wait_for_url(re.compile(r"/queries/co-panellists\?person=tadeusz-chomicki"))
    assert page.locator("table.results tbody tr").count() >= 5
    shot(page, "5-stored-query")

    with page.expect_download() as download:
        page.get_by_role("link", name="CSV", exact=True).click()  # the answer, not its appearances
    saved = ARTIFACTS / "co-panellists.csv"
    download.value.save_as(saved)
    rows = list(csv.DictReader(saved.open(encoding="utf-8")))
    assert {"Maria Adebahr", "Liesyl Franz"} <= {row["name"] for row in rows}

    assert page.errors == [], "no script errors and no CSP violations"


def test_the_sparql_editor_runs_an_example(page, server):
    page.goto(server + "sparql")
    page.get_by_label("Example queries").select_option(label="Classes and how many resources each has")
    assert "GROUP BY ?class" in page.locator("#query").input_value()  # filled by our script
    page.locator("#query").press("Control+Enter")
    page.wait_for_selector("table.results")
    assert page.get_by_role("link", name="schema:Person").is_visible()
    shot(page, "6-sparql")
    assert page.errors == []


def test_chromium_is_the_debian_one():
    need(shutil.which("chromium") is not None or CHROMIUM.exists(), "Debian chromium is not installed")
    out = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=60).stdout
    assert "Chromium" in out
